//! The settings of one plan run.

use super::progress::Progress;

/// Solver settings of one plan run.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Wall-clock budget for all solver stages together, in seconds.
    pub time_limit_seconds: f64,
    /// Relative MIP gap at which a stage may stop (`None`: HiGHS's default, 1e-4).
    pub mip_gap: Option<f64>,
    /// Run the recruitment stage where staff is short.
    pub recruit: bool,
    /// MILP solver.
    pub backend: Backend,
    /// Called after each solver stage (and, with `ACM_PLANNER_SOLVER_LOG`, with the
    /// development log): the binary words it and prints it on stderr when stderr is a
    /// terminal; the library itself never prints.
    pub progress: Option<fn(&Progress<'_>)>,
    /// Periods linked by a budget (CEE days, `Max jours`) are merged into one exact model up
    /// to this many eligible (person, open day) pairs; beyond, they are solved apart with the
    /// budgets shared out, and the shortage's proven gap is reported.
    pub merged_max_arcs: usize,
    /// The plan published before (`plan --previous`): the new plan changes the fewest of its
    /// person-days and keeps its locked ones.
    pub previous: Option<std::sync::Arc<crate::domain::PreviousPlan>>,
    /// A broken stage, for the tests that check nothing wrong is published (`verify`).
    #[doc(hidden)]
    pub fault: Option<Fault>,
}

/// A broken stage, simulated after the optimizer and before `verify` checks its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[doc(hidden)]
pub enum Fault {
    /// The published plan loses the team's rows on the posts' days (what HiGHS's wrong
    /// optimum did: a hire displaced the team).
    HiresDisplaceTeam,
    /// The stages claim one more missing director-day than the plan has.
    WrongClaim,
}

/// The MILP solver behind good_lp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    /// HiGHS, built from source (MIT, no run-time dependency): the default.
    #[default]
    Highs,
    /// COIN-OR CBC (needs `coinor-libcbc-dev` and the `cbc` feature): for the benchmark's
    /// comparison.
    #[cfg(feature = "cbc")]
    Cbc,
}

impl Backend {
    pub fn label(self) -> &'static str {
        match self {
            Backend::Highs => "HiGHS",
            #[cfg(feature = "cbc")]
            Backend::Cbc => "CBC",
        }
    }
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            time_limit_seconds: 120.0,
            mip_gap: None,
            recruit: true,
            backend: Backend::Highs,
            progress: None,
            merged_max_arcs: 400_000,
            previous: None,
            fault: None,
        }
    }
}

impl PlanOptions {
    /// Sends `event` to the progress callback, if any.
    pub(super) fn report(&self, event: &Progress<'_>) {
        if let Some(progress) = self.progress {
            progress(event);
        }
    }

    /// Sends the development log's `event` (only with `ACM_PLANNER_SOLVER_LOG`), built only
    /// when it is wanted.
    pub(super) fn log<'a>(&self, event: impl FnOnce() -> Progress<'a>) {
        if self.progress.is_some() && super::progress::solver_log() {
            self.report(&event());
        }
    }
}
