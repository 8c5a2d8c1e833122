//! How a plan run cut the problem: into independent components (no person in common), and a
//! component's dates into periods. Values only: `Synthese` words them.

/// The cut of one run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decomposition {
    /// The independent components, in the order solved: the codes of their ACM.
    pub components: Vec<Vec<String>>,
    /// The components solved in several periods, in the same order.
    pub periods: Vec<PeriodSplit>,
}

/// One component whose dates were solved in several periods.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodSplit {
    /// The codes of the component's ACM.
    pub accueils: Vec<String>,
    /// Periods that share no constraint but the day budgets (CEE days over the rolling year,
    /// `Max jours`).
    pub periods: usize,
    pub links: PeriodLinks,
}

/// How the constraints that span periods were kept.
#[derive(Debug, Clone, PartialEq)]
pub enum PeriodLinks {
    /// Periods whose combined plan broke such a constraint were merged and solved again:
    /// `merged_into` periods in the end. Exact.
    Checked { merged_into: usize },
    /// Too large to merge: the periods short of staff were solved together, the others apart,
    /// each with a share of the budgets.
    SharedBudgets {
        /// People whose budget was shared out.
        people: usize,
        /// Periods short of staff, solved together first (0: none).
        short_together: usize,
        /// Parts of the plan that received a share of the budgets.
        parts: usize,
        /// Proven relative gap of the shortage to the optimum.
        gap: f64,
    },
}
