//! The stability stage of one instance (`stability` says how): homes and designated directors
//! from the cost-optimal plan, the fewest days away from them with the shortage kept at its
//! optimum, then the least cost with both kept.

use super::instance::Instance;
use super::model::{self, Bounds, Columns};
use super::solve::StageOutcome;
use super::stability::Homes;
use super::stages::{StageRunner, Start};
use super::stats::{Objective, Phase};
use crate::error::Error;

/// The stable plan: its last stage (the cost stage under the stability bound).
pub struct StablePlan {
    pub outcome: StageOutcome,
}

/// Re-plans `cheapest` (the cost stage's outcome under `bounds`) for stable teams: the
/// stability stage, then the cost stage, each given `seconds`. Keeps the cheapest plan if the
/// stability stage finds nothing better (its start is that plan, so it cannot be worse).
pub fn stabilize(
    runner: &mut StageRunner<'_>,
    phase: Phase,
    cheapest: &StageOutcome,
    bounds: Bounds,
    seconds: (f64, f64),
) -> Result<StablePlan, Error> {
    let instance = runner.instance;
    let problem = runner.problem;
    let plan = model::choices(instance, &cheapest.columns, &cheapest.values);
    let homes = Homes::from_plan(problem, instance, &plan, problem.parameters.stability);
    let hires = cheapest
        .columns
        .hired
        .iter()
        .flatten()
        .filter(|v| cheapest.values.get(v.column).is_some_and(|x| *x > 0.5))
        .count();
    let with_candidates = cheapest.columns.hired.iter().any(Option::is_some);
    let bounds = Bounds {
        hires: with_candidates.then_some(hires as f64 + 0.5),
        ..bounds
    };
    let mut stable_runner = runner.with_homes(&homes);
    let start = Start::Plan(Box::new(move |instance: &Instance, columns: &Columns| {
        model::completion(
            instance,
            columns,
            |arc, k| plan[arc].animates[k],
            |arc| plan[arc].directs,
        )
    }));
    let teams = stable_runner.run(phase, Objective::Teams, bounds, start, seconds.0)?;
    let cost_bounds = Bounds {
        stability: Some(teams.objective.round() + 0.5),
        ..bounds
    };
    let cost = stable_runner.run(
        phase,
        Objective::Cost,
        cost_bounds,
        Start::After(&teams),
        seconds.1,
    )?;
    Ok(StablePlan { outcome: cost })
}
