//! The MILP: least-cost legal staffing, then recruitment (good_lp with HiGHS).
//!
//! - [`model`] builds the staffing model: one function per constraint family, named after the
//!   rule it encodes.
//! - [`solve`] runs the lexicographic stages on HiGHS and reads status, bound and gap.
//! - [`plan`] ties them together: decomposition into independent components, staffing, then
//!   recruitment, and turns the solution into a [`PlanResult`].

mod result;

pub use result::{
    DirectorDay, Hire, PersonSummary, PlanResult, SlotOutcome, SolveStats, SolveStatus,
    StageStats,
};
