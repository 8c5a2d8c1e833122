//! How the solver did: every stage, what it solved, and how the run ended. Values only: the
//! report words them in French (`report::planning::reasons`).

use chrono::NaiveDate;

use super::clock::Skipped;
use super::decomposition::Decomposition;

/// How the solver ended, for the whole run (the worst of all components and stages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SolveStatus {
    /// Proven optimal (within HiGHS's default tolerance of 1e-4 relative gap).
    Optimal,
    /// Stopped at the requested `--mip-gap`.
    GapLimit,
    /// Periods linked by a budget were solved apart with the budget shared out: the plan is
    /// legal, its shortage is proven within the gap, its cost is optimal per period only.
    Shared,
    /// Stopped by `--time-limit`: the best plan found is kept.
    TimeLimit,
}

/// Which objective a stage minimises; the earlier objectives are bounded by their optimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// 1. Least weighted shortage (director > qualified > any).
    Shortage,
    /// 2. Least cost (days worked, plus fixed hiring costs).
    Cost,
    /// One director per accueil and week (between shortage and stable teams): fewest
    /// accueil-weeks directed by more people than a day needs, the week's directors chosen by
    /// the model (`model::directors`).
    Directors,
    /// Stable teams (between the directors and cost): fewest days worked away from one's
    /// accueil of the week (`stability`).
    Teams,
    /// 3. Team stability: fewest stints (a person staying at the same ACM on consecutive open
    ///    days is one stint).
    Stability,
}

/// Who a stage plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The existing team.
    Team,
    /// The existing team and the candidates for hire.
    Recruitment,
    /// Periods solved apart with the day budgets shared out between them: not a solver stage
    /// but the sum of theirs, with the proven gap of the whole shortage.
    SharedBudgets { periods: usize },
}

/// What one stage solved: the dates, who was planned, and the objective.
#[derive(Debug, Clone, PartialEq)]
pub struct StageName {
    /// First and last date of the period solved (`None` when it has no date).
    pub dates: Option<(NaiveDate, NaiveDate)>,
    pub phase: Phase,
    pub objective: Objective,
}

impl StageName {
    /// The stage of `phase` and `objective` on `dates` (sorted).
    pub fn new(dates: &[NaiveDate], phase: Phase, objective: Objective) -> StageName {
        StageName {
            dates: dates.first().zip(dates.last()).map(|(f, l)| (*f, *l)),
            phase,
            objective,
        }
    }
}

/// One solver stage (shortage, cost or stability) of one component.
#[derive(Debug, Clone, PartialEq)]
pub struct StageStats {
    pub name: StageName,
    pub component: usize,
    pub variables: usize,
    pub constraints: usize,
    pub seconds: f64,
    pub objective: f64,
    pub bound: f64,
    /// Relative gap between the objective and the bound (0 when proven optimal).
    pub gap: f64,
    pub status: SolveStatus,
    /// A refinement stage (team stability): its gap does not qualify the plan, whose shortage
    /// and cost are fixed by then.
    pub refinement: bool,
    /// The solver's first answer was refused (the objective it announced was not its
    /// solution's) and the stage was solved again without presolve.
    pub solved_again: bool,
}

/// Solver figures for the summary and the `Synthese` sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SolveStats {
    pub stages: Vec<StageStats>,
    /// Stages solved for a bound, or to steer how budgets are shared between periods (see
    /// [`Phase::SharedBudgets`]): their plans are not kept, so they are not listed in
    /// `Synthese`.
    pub bound_stages: Vec<StageStats>,
    /// Number of independent components solved (sectors that share no staff).
    pub components: usize,
    /// How the territory and its dates were cut.
    pub decomposition: Decomposition,
    pub total_seconds: f64,
    /// Work left out to hold `--time-limit`.
    pub skipped: Skipped,
    /// `--time-limit`, in seconds.
    pub time_limit_seconds: f64,
}

impl SolveStats {
    /// The worst status over the stages that decide shortage, cost and hires.
    pub fn status(&self) -> SolveStatus {
        self.deciding()
            .map(|s| s.status)
            .max()
            .unwrap_or(SolveStatus::Optimal)
    }

    /// The largest relative gap over the stages that decide shortage, cost and hires.
    pub fn gap(&self) -> f64 {
        self.deciding().map(|s| s.gap).fold(0.0, f64::max)
    }

    fn deciding(&self) -> impl Iterator<Item = &StageStats> {
        self.stages.iter().filter(|s| !s.refinement)
    }

    /// Largest model solved (variables, constraints).
    pub fn largest_model(&self) -> (usize, usize) {
        self.stages
            .iter()
            .map(|s| (s.variables, s.constraints))
            .max()
            .unwrap_or((0, 0))
    }
}
