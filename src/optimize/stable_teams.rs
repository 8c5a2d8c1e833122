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
}

/// Re-plans `cheapest` (the cost stage's outcome under `bounds`) for stable teams: the
/// stability stage, then the cost stage, each given `seconds`. Keeps the cheapest plan if the
/// stability stage finds nothing better (its start is that plan, so it cannot be worse).
/// When re-planning, `runner` already builds its models with the previous plan's days, and the
/// stage counts changed person-days instead.
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
    let mut plan = model::choices(full, &cheapest.columns, &cheapest.values);
    let mut last = None;
    for round in 0..ROUNDS {
        let homes = Homes::from_plan(problem, full, &plan, problem.parameters.stability);
        let (instance, kept) = neighbourhood(full, &homes);
        let start_plan: Vec<Choice> = kept.iter().map(|&index| plan[index].clone()).collect();
        let start = Start::from_choices(start_plan);
        let left = (seconds.0 - started.elapsed().as_secs_f64()).max(1.0);
        // The first round stops early enough to leave the second one time: a round stopped by
        // its limit still returns a plan at least as stable as its start.
        let limit = if round + 1 < ROUNDS {
            left * 0.45
        } else {
            left
        };
        let mut stage_runner = runner.with_homes(&homes);
        stage_runner.instance = &instance;
        let teams = stage_runner.run(phase, Objective::Teams, bounds, start, limit)?;
        // The plan found, on the whole instance, for the next round's homes.
        let found = model::choices(&instance, &teams.columns, &teams.values);
        plan = full
            .arcs
            .iter()
            .map(|arc| Choice {
                directed: vec![false; arc.slots.len()],
                animates: vec![false; arc.slots.len()],
            })
            .collect();
        for (choice, &index) in found.into_iter().zip(&kept) {
            plan[index] = choice;
        }
        last = Some((homes, instance, teams));
        // A second round only with time to spare, here and for the periods still waiting.
        let spare = runner.clock.improving(1.0, full.arcs.len(), 2).is_some();
        if started.elapsed().as_secs_f64() > seconds.0 * 0.6 || !spare {
            break;
        }
    }
    let Some((homes, instance, teams)) = last else {
        unreachable!("at least one round");
    };
    let cost_bounds = Bounds {
        stability: Some(teams.moves + 0.5),
        ..bounds
    };
    let mut stage_runner = runner.with_homes(&homes);
    stage_runner.instance = &instance;
    // Stopped early, the stage keeps its start: the stable plan, at its own cost.
    let cost_seconds = stage_runner
        .clock
        .improving(seconds.1, instance.arcs.len(), 1)
        .unwrap_or(1.0);
    let cost = stage_runner.run(
        phase,
        Objective::Cost,
        cost_bounds,
        Start::After(&teams),
        cost_seconds,
    )?;
    Ok(StablePlan {
        outcome: cost,
        instance: Some(instance),
    })
}

/// Rounds of the stability stage: homes chosen from the cheapest plan, then again from the
/// plan the first round found (each round's start is a plan of its neighbourhood).
const ROUNDS: usize = 2;

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
    })
}
