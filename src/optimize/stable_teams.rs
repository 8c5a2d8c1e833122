//! The stability stage of one instance (`stability` says how): homes and designated directors
//! from the cost-optimal plan, the fewest days away from them with the shortage kept at its
//! optimum, then the least cost with both kept.

use super::instance::Instance;
use std::time::Instant;

use super::model::{self, Bounds, Choice};
use super::solve::StageOutcome;
use super::stability::Homes;
use super::stages::{StageRunner, Start};
use super::stats::{Objective, Phase};
use crate::error::Error;

/// The stable plan: its last stage (the cost stage under the stability bound), and the
/// instance its columns refer to when it is not the runner's (the neighbourhood).
pub struct StablePlan {
    pub outcome: StageOutcome,
    pub instance: Option<Instance>,
    /// The fewest accueil-weeks changing director the directors stage proved possible on its
    /// instance (`None` when re-planning).
    pub least_changing: Option<f64>,
}

/// Re-plans `cheapest` (the cost stage's outcome under `bounds`) for stable teams: the fewest
/// accueil-weeks changing director (the week's directors chosen by the model), then the fewest
/// days away from home, in one stage with `seconds.0`; then the least cost keeping both, with
/// `seconds.1`. Each stage starts from the plan before it, so it cannot be worse. When re-planning, `runner` already builds
/// its models with the previous plan's days, and the stage counts changed person-days instead.
pub fn stabilize(
    runner: &mut StageRunner<'_>,
    phase: Phase,
    cheapest: &StageOutcome,
    bounds: Bounds,
    seconds: (f64, f64),
) -> Result<StablePlan, Error> {
    if runner.homes.is_some_and(Homes::replanning) {
        return least_changes(runner, phase, cheapest, bounds, seconds);
    }
    let full = runner.instance;
    let problem = runner.problem;
    let bounds = bounds_with_hires(cheapest, bounds);
    let started = Instant::now();
    let plan = model::choices(full, &cheapest.columns, &cheapest.values);
    let homes = Homes::from_plan(problem, full, &plan, problem.parameters.stability);
    let (instance, kept) = neighbourhood(full, &homes);
    let start_plan: Vec<Choice> = kept.iter().map(|&index| plan[index].clone()).collect();
    let mut stage_runner = runner.with_homes(&homes);
    stage_runner.instance = &instance;
    // The directors stage stops early enough to leave the teams stage its share: a stage
    // stopped by its limit still returns a plan at least as good as its start.
    let directors = stage_runner.run(
        phase,
        Objective::Directors,
        bounds,
        Start::from_choices(start_plan),
        seconds.0,
    )?;
    let least_changing = directors.bound_changing;
    // The cost stage keeps the directors and days away of the directors stage.
    let cost_bounds = Bounds {
        changing: Some(directors.changing + 0.5),
        stability: Some(directors.moves + 0.5),
        ..bounds
    };
    // Stopped early, the stage keeps its start: the stable plan, at its own cost.
    let cost_seconds = stage_runner
        .clock
        .improving(seconds.1, instance.arcs.len(), 1)
        .unwrap_or(1.0)
        .max(seconds.0 - started.elapsed().as_secs_f64());
    let cost = stage_runner.run(
        phase,
        Objective::Cost,
        cost_bounds,
        Start::After(&directors),
        cost_seconds,
    )?;
    Ok(StablePlan {
        outcome: cost,
        instance: Some(instance),
        least_changing,
    })
}

/// The neighbourhood of the stability stage: each person where the plan has them that period,
/// or at home, so the plan the homes were read from stays a plan of it. Returns the instance
/// with those arcs only, and the index of each in `full`.
fn neighbourhood(full: &Instance, homes: &Homes) -> (Instance, Vec<usize>) {
    let kept: Vec<usize> = (0..full.arcs.len())
        .filter(|&index| {
            let arc = &full.arcs[index];
            let day = &full.days[arc.day];
            homes.allows(arc.person, day.date, day.accueil)
        })
        .collect();
    let instance = Instance {
        arcs: kept.iter().map(|&index| full.arcs[index].clone()).collect(),
        ..full.clone()
    };
    (instance, kept)
}

/// `bounds`, with at most as many hires as `cheapest` (the stability stage may not hire for
/// stability's sake).
fn bounds_with_hires(cheapest: &StageOutcome, bounds: Bounds) -> Bounds {
    let hires = cheapest
        .columns
        .hired
        .iter()
        .flatten()
        .filter(|v| cheapest.values.get(v.column).is_some_and(|x| *x > 0.5))
        .count();
    let with_candidates = cheapest.columns.hired.iter().any(Option::is_some);
    Bounds {
        hires: with_candidates.then_some(hires as f64 + 0.5),
        ..bounds
    }
}

/// Re-planning: the fewest changed person-days with the shortage kept at its optimum, then the
/// least cost with both kept. The models share their columns with `cheapest`'s.
fn least_changes(
    runner: &mut StageRunner<'_>,
    phase: Phase,
    cheapest: &StageOutcome,
    bounds: Bounds,
    seconds: (f64, f64),
) -> Result<StablePlan, Error> {
    let bounds = bounds_with_hires(cheapest, bounds);
    let changes = runner.run(
        phase,
        Objective::Teams,
        bounds,
        Start::After(cheapest),
        seconds.0,
    )?;
    let cost_bounds = Bounds {
        stability: Some(changes.moves + 0.5),
        ..bounds
    };
    let cost = runner.run(
        phase,
        Objective::Cost,
        cost_bounds,
        Start::After(&changes),
        seconds.1,
    )?;
    Ok(StablePlan {
        outcome: cost,
        instance: None,
        least_changing: None,
    })
}
