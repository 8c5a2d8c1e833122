//! How far the plan is proven from the best one, said honestly.
//!
//! The solver's relative gap means nothing against an objective of zero (nothing to staff on
//! some dates, no shortage left): HiGHS then reports an infinite gap, stored as 100 %, beside an
//! « optimal » status. Shortage and cost are never negative, so an objective of zero cannot be
//! beaten: such a stage is optimal whatever its gap says. A stage stopped before any bound was
//! proven has no gap at all, and says so rather than printing 100 %.

use crate::optimize::{SolveStats, SolveStatus, StageStats};
use crate::report::wording::percent;

/// What is proven about a stage, or about the whole plan (its worst deciding stage).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Proof {
    /// No cheaper plan (or smaller shortage) exists.
    Optimal,
    /// The best possible is at most this fraction better.
    Gap(f64),
    /// Stopped before any bound was proven: the distance to the best is unknown.
    NoBound,
}

/// An objective this close to zero is zero (shortages are counts, costs are cents).
const ZERO_OBJECTIVE: f64 = 1e-6;

/// What one stage proves.
pub fn stage_proof(stage: &StageStats) -> Proof {
    if stage.status == SolveStatus::Optimal || stage.objective.abs() < ZERO_OBJECTIVE {
        Proof::Optimal
    } else if !stage.bound.is_finite() || !stage.gap.is_finite() {
        Proof::NoBound
    } else if stage.gap <= 0.0 {
        Proof::Optimal
    } else {
        Proof::Gap(stage.gap)
    }
}

/// What the plan proves: the worst of the stages that decide shortage, cost and hires.
pub fn plan_proof(stats: &SolveStats) -> Proof {
    stats
        .stages
        .iter()
        .filter(|s| !s.refinement)
        .map(stage_proof)
        .fold(Proof::Optimal, worse)
}

fn worse(a: Proof, b: Proof) -> Proof {
    match (a, b) {
        (Proof::NoBound, _) | (_, Proof::NoBound) => Proof::NoBound,
        (Proof::Gap(x), Proof::Gap(y)) => Proof::Gap(x.max(y)),
        (Proof::Gap(x), Proof::Optimal) | (Proof::Optimal, Proof::Gap(x)) => Proof::Gap(x),
        (Proof::Optimal, Proof::Optimal) => Proof::Optimal,
    }
}

impl Proof {
    /// A short phrase: `optimal`, `écart prouvé 2,5 %`, `aucune borne prouvée`.
    pub fn short_words(self) -> String {
        match self {
            Proof::Optimal => "optimal".to_string(),
            Proof::Gap(gap) => format!("écart prouvé {}", percent(gap)),
            Proof::NoBound => "aucune borne prouvée".to_string(),
        }
    }

    /// A sentence for a director.
    pub fn sentence(self) -> String {
        match self {
            Proof::Optimal => "aucun planning moins coûteux n'existe".to_string(),
            Proof::Gap(gap) => format!(
                "un planning au plus {} moins coûteux pourrait exister",
                percent(gap)
            ),
            Proof::NoBound => "calcul arrêté avant de pouvoir mesurer la distance au meilleur \
                               planning : un planning moins coûteux peut exister"
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::{Objective, Phase, StageName};

    fn stage(status: SolveStatus, objective: f64, bound: f64, gap: f64) -> StageStats {
        StageStats {
            name: StageName {
                dates: None,
                phase: Phase::Team,
                objective: Objective::Cost,
            },
            component: 0,
            variables: 10,
            constraints: 10,
            seconds: 0.1,
            objective,
            bound,
            gap,
            status,
            refinement: false,
            solved_again: false,
        }
    }

    #[test]
    fn a_zero_objective_is_optimal_whatever_the_gap() {
        // HiGHS reports an infinite gap against 0, stored as 100 %.
        let nothing = stage(SolveStatus::Optimal, 0.0, 0.0, 1.0);
        assert_eq!(stage_proof(&nothing), Proof::Optimal);
        let stopped = stage(SolveStatus::TimeLimit, 0.0, f64::NEG_INFINITY, 1.0);
        assert_eq!(stage_proof(&stopped), Proof::Optimal);
    }

    #[test]
    fn a_stage_without_bound_has_no_gap() {
        let stopped = stage(SolveStatus::TimeLimit, 1200.0, f64::NEG_INFINITY, 1.0);
        assert_eq!(stage_proof(&stopped), Proof::NoBound);
        assert_eq!(Proof::NoBound.short_words(), "aucune borne prouvée");
    }

    #[test]
    fn the_plan_takes_its_worst_deciding_stage() {
        let mut stats = SolveStats {
            stages: vec![
                stage(SolveStatus::Optimal, 0.0, 0.0, 1.0),
                stage(SolveStatus::TimeLimit, 1000.0, 950.0, 0.05),
                stage(SolveStatus::GapLimit, 1000.0, 990.0, 0.01),
            ],
            ..SolveStats::default()
        };
        assert_eq!(plan_proof(&stats), Proof::Gap(0.05));
        assert_eq!(plan_proof(&stats).short_words(), "écart prouvé 5,0 %");
        stats.stages[1].refinement = true;
        assert_eq!(plan_proof(&stats), Proof::Gap(0.01));
        stats.stages.truncate(1);
        assert_eq!(plan_proof(&stats), Proof::Optimal);
        assert_eq!(plan_proof(&SolveStats::default()), Proof::Optimal);
    }
}
