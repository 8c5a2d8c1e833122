//! The MILP: least-cost legal staffing, then recruitment (good_lp with HiGHS).
//!
//! The run, in the order the data flows:
//! - [`plan`](plan()) splits the territory into independent components (`components`), solves
//!   each period by period (`component`; `periods` cuts the dates, `shared_budgets` shares the
//!   day budgets of periods too large to merge), and reads the plan back (`outcome`, then
//!   `explain` for the reasons of each shortage);
//! - `staffing` runs the stages of some dates: the existing team (shortage, cost, stability),
//!   then `recruitment` with the candidates of `hiring`;
//! - `stages` runs one stage: `model` builds it (one function per constraint family, on classes
//!   of people interchangeable on a date), `solve` runs HiGHS and reads status, bound and gap.
//!
//! What it returns are values: [`PlanResult`], with [`SolveStats`], [`Decomposition`], the
//! [`ShortageReason`] and [`DirectorReason`] of each shortage; [`Progress`] events while it
//! runs. The report words them in French (`report::planning::reasons`); the library never
//! prints.

mod clock;
mod component;
mod components;
mod context;
mod decomposition;
mod explain;
mod hiring;
mod instance;
mod model;
mod options;
mod outcome;
mod parallel;
mod periods;
mod plan;
mod previous;
mod progress;
mod reasons;
mod recruitment;
mod result;
mod shared_budgets;
mod solution;
mod solve;
mod stability;
mod stable_teams;
mod staffing;
mod stages;
mod stats;

pub use clock::Skipped;
pub use decomposition::{Decomposition, PeriodLinks, PeriodSplit};
pub use explain::Blocker;
pub use options::{Backend, Fault, PlanOptions};
pub use previous::{Change, ChangeReason};
pub use progress::{Progress, SharedBudgetsStep};
pub use reasons::{DirectorDiploma, DirectorReason, Obstacle, ObstacleCount, ShortageReason};
pub use result::{
    Broken, DirectorDay, Fallback, ForcedBy, Hire, PersonSummary, PlanResult, Psc1Day,
    SecondDirectors, SlotOutcome, StabilityOutcome, Unclosed, UnclosedNeed, Verification,
};
pub use stability::StabilityFigures;
pub use stats::{Objective, Phase, SolveStats, SolveStatus, StageName, StageStats};

use crate::error::Error;
use crate::problem::Problem;

/// Plans the least-cost legal schedule for `problem`, then the hires that close the shortage.
/// The plan is the stages' own, not yet re-audited: `verify::plan` is what publishes one.
pub fn plan(problem: &Problem, options: &PlanOptions) -> Result<PlanResult, Error> {
    plan::plan(problem, options)
}

/// Fills every figure of `result` that follows from its schedule (`assignments` and the
/// posts' `hire_assignments`): slot coverage, direction, PSC1, reasons, people, costs,
/// stability, changes. Used when another plan is published than the stages' own.
pub fn derive_figures(problem: &Problem, options: &PlanOptions, result: &mut PlanResult) {
    plan::derive_figures(problem, options, result);
}

#[cfg(test)]
pub(crate) mod tests;
