//! The MILP: least-cost legal staffing, then recruitment (good_lp with HiGHS).
//!
//! - [`model`] builds the staffing model: one function per constraint family, named after the
//!   rule it encodes, on classes of people interchangeable on a date (exact aggregation).
//! - [`solve`] runs the lexicographic stages on HiGHS and reads status, bound and gap.
//! - [`plan`] ties them together: decomposition into independent components, staffing, then
//!   recruitment, and turns the solution into a [`PlanResult`].

mod instance;
mod model;
mod plan;
mod reasons;
mod result;
mod solve;

pub use result::{
    DirectorDay, Hire, PersonSummary, PlanResult, SlotOutcome, SolveStats, SolveStatus, StageStats,
};

use crate::error::Error;
use crate::problem::Problem;

/// Solver settings of one plan run.
#[derive(Debug, Clone, Copy)]
pub struct PlanOptions {
    /// Wall-clock budget for all solver stages together, in seconds.
    pub time_limit_seconds: f64,
    /// Relative MIP gap at which a stage may stop (`None`: HiGHS's default, 1e-4).
    pub mip_gap: Option<f64>,
    /// Run the recruitment stage where staff is short.
    pub recruit: bool,
    /// MILP solver.
    pub backend: Backend,
    /// Called with one French line after each solver stage (the binary prints it on stderr
    /// when stderr is a terminal); the library itself never prints.
    pub progress: Option<fn(&str)>,
    /// Periods linked by a budget (CEE days, `Max jours`) are merged into one exact model up
    /// to this many eligible (person, open day) pairs; beyond, they are solved apart with the
    /// budgets shared out, and the shortage's proven gap is reported.
    pub merged_max_arcs: usize,
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
        }
    }
}

/// Plans the least-cost legal schedule for `problem`, then the hires that close the shortage.
pub fn plan(problem: &Problem, options: &PlanOptions) -> Result<PlanResult, Error> {
    plan::plan(problem, options)
}

#[cfg(test)]
pub(crate) mod tests;
