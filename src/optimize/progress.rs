//! What a plan run tells while it runs, as values: the binary words them (in
//! `report::planning::reasons`) and decides whether to print them.

use super::stats::StageStats;

/// One event of a plan run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress<'a> {
    /// A solver stage ended, `elapsed_seconds` after the run started.
    Stage {
        elapsed_seconds: f64,
        stage: &'a StageStats,
    },
    /// Development log: how much a model's classes aggregate.
    Classes {
        classes: usize,
        /// Classes of one person.
        single: usize,
        /// (class, open day) pairs.
        class_arcs: usize,
        /// (person, open day) pairs.
        person_arcs: usize,
    },
    /// Development log: the rows one constraint family added to a model.
    Rows { family: &'static str, rows: usize },
    /// Development log: a step of the shared-budgets solve ended, `elapsed_seconds` after it
    /// started.
    SharedBudgets {
        elapsed_seconds: f64,
        step: SharedBudgetsStep,
    },
}

/// The steps of the shared-budgets solve (see `shared_budgets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedBudgetsStep {
    /// 1. Each period alone, every budget whole.
    PeriodsAlone,
    /// 2. The `periods` short of staff, solved together.
    ShortTogether { periods: usize },
    /// 3. The other periods, each with its share of the budgets.
    OtherPeriods,
    /// 4. The periods short of staff, joined by those their share left short: bound.
    ShortTogetherBound { periods: usize },
    /// 5. The periods short of staff: the plan.
    ShortPlan,
}

/// Whether the development log is asked for (`ACM_PLANNER_SOLVER_LOG` set): it then goes to
/// the progress callback, and HiGHS prints its own log.
pub fn solver_log() -> bool {
    std::env::var_os("ACM_PLANNER_SOLVER_LOG").is_some()
}
