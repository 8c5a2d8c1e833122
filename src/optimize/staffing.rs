//! Some dates of one component: the existing team's stages (shortage, cost, then stability),
//! then the recruitment stage where the team falls short.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::NaiveDate;

use super::context::{ComponentContext, PeriodTerms};
use super::instance::Instance;
use super::model::{self, Bounds};
use super::previous::priors;
use super::recruitment;
use super::solution::{ComponentSolution, StabilityCost, Staffing, extract};
use super::solve::StageOutcome;
use super::stability::{Homes, StabilityFigures};
use super::stable_teams::stabilize;
use super::stages::{StageRunner, Start};
use super::stats::{Objective, Phase, SolveStats};
use crate::domain::Affectation;
use crate::error::Error;
use crate::rules::parameters::StabilityMode;

/// Least time given to one solver stage, in seconds (measured: a week of the 60-ACM school year
/// needs 3 s for its shortage stage when budgets are shared).
const MIN_STAGE_SECONDS: f64 = 5.0;

/// Largest instance (eligible person × open day pairs) on which the stability stage runs.
const STABILITY_MAX_ARCS: usize = 6000;

/// Staffs `dates` with the existing team (shortage, cost, stability), then sizes the hires
/// (when `recruit`), in about `budget` seconds. The team is adjusted by `terms`; `start`, when
/// given, is the plan so far.
pub fn solve_dates(
    context: &ComponentContext<'_>,
    dates: &[NaiveDate],
    budget: f64,
    stats: &mut SolveStats,
    terms: &PeriodTerms,
    recruit: bool,
    start: Option<&[Affectation]>,
) -> Result<ComponentSolution, Error> {
    let (problem, accueils, options) = (context.problem, context.accueils, context.options);
    let started = Instant::now();
    // Each stage gets at least `MIN_STAGE_SECONDS`: below, a model of a week of a large
    // territory may not even finish its root LP, and the stage would keep its start.
    let remaining =
        |share: f64| ((budget - started.elapsed().as_secs_f64()) * share).max(MIN_STAGE_SECONDS);
    let date_set: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    let instance = Instance::new(
        problem,
        accueils,
        Some(&date_set),
        context.staff_capped(terms),
    );
    // Re-planning: every model keeps the previous plan's days (locks, changes counted).
    let previous_days = |instance: &Instance| {
        options
            .previous
            .as_ref()
            .map(|previous| Homes::previous(priors(problem, instance, previous)))
    };
    let team_previous = previous_days(&instance);
    let mut runner = StageRunner {
        started: context.started,
        problem,
        instance: &instance,
        dates,
        options,
        tight_shortage: terms.tight,
        component: context.component,
        stats,
        homes: team_previous.as_ref(),
        clock: context.clock,
    };
    let start = match start {
        Some(assignments) => Start::from_assignments(problem, assignments),
        None => Start::nobody(),
    };
    let pairs = instance.arcs.len();
    if terms.shortage_only {
        // A bound or a probe: the caller gave it what the clock could spare.
        let shortage = runner.run(
            Phase::Team,
            Objective::Shortage,
            Bounds::default(),
            start,
            budget,
        )?;
        let plan = model::choices(&instance, &shortage.columns, &shortage.values);
        let mut solution = ComponentSolution::empty();
        solution.assignments = extract(problem, &instance, &plan, |_| true);
        solution.team_assignments = solution.assignments.clone();
        solution.claimed_shortage = shortage.shortage;
        solution.staffing.shortage = shortage.shortage;
        solution.staffing.shortage_bound = shortage.shortage_bound;
        return Ok(solution);
    }
    let mode = problem.parameters.stability;
    // The stage every period needs: without it, no plan.
    let shortage = runner.run(
        Phase::Team,
        Objective::Shortage,
        Bounds::default(),
        start,
        context.clock.needed(remaining(0.35), pairs),
    )?;
    context.clock.needed_done(pairs);
    // Weights are integers: the optimum plus one half keeps it, whatever the rounding.
    let bounds = Bounds {
        shortage: Some(shortage.shortage.round() + 0.5),
        ..Bounds::default()
    };
    let mut team_figures = Staffing {
        shortage: shortage.shortage,
        shortage_bound: shortage.shortage_bound,
        cost: 0.0,
        cost_bound: 0.0,
    };
    // Where the team falls short and hires are planned, the recruitment stage plans the team
    // again at real cost: the team's own cost stage would be thrown away (its shortage stage,
    // whose cost breaks ties, is the recruitment's start).
    let hires_ahead = recruit
        && shortage.shortage > 0.5
        && !context.groups.is_empty()
        && mode != StabilityMode::Day;
    let mut best = if hires_ahead {
        shortage
    } else {
        team_cost(
            &mut runner,
            shortage,
            bounds,
            remaining(0.5),
            &mut team_figures,
        )?
    };
    if mode == StabilityMode::Day {
        best = refine_stints(&mut runner, best, bounds, budget, started)?;
    }
    let staffing_plan = model::choices(&instance, &best.columns, &best.values);
    let team_assignments = extract(problem, &instance, &staffing_plan, |_| true);
    let hiring = if recruit {
        let team = recruitment::TeamPlan {
            instance: &instance,
            outcome: &best,
            choices: &staffing_plan,
        };
        recruitment::recruit(context, dates, terms, &team, &remaining, runner.stats)?
    } else {
        None
    };
    if hires_ahead && hiring.is_none() {
        // No profile could help after all: the team's plan is published, at its least cost.
        best = team_cost(&mut runner, best, bounds, remaining(0.5), &mut team_figures)?;
    }
    // The published plan: the recruitment stage's (team and hires together) when it ran,
    // else the team's; then made stable.
    let (final_instance, phase, cheapest, final_bounds) = match &hiring {
        Some(plan) => (
            &plan.instance,
            Phase::Recruitment,
            &plan.outcome,
            plan.bounds,
        ),
        None => (&instance, Phase::Team, &best, bounds),
    };
    let reference_plan = model::choices(final_instance, &cheapest.columns, &cheapest.values);
    let reference = extract(problem, final_instance, &reference_plan, |_| true);
    let mut stability = StabilityCost {
        reference: StabilityFigures::measure(&reference),
        least_changing: None,
        // Counted on the plan itself (days worked and hires), as the published plan's cost is
        // (a stage's objective may be another quantity: stints, moves).
        reference_cost: model::plan_cost(final_instance, &cheapest.columns, &cheapest.values),
        published_cost: 0.0,
    };
    let mut published = None;
    let mut stable_instance = None;
    // Stability (or the fewest changes) with the time the period has left: on a long horizon
    // whose periods used up their share, a period keeps its cheapest plan rather than push the
    // run past `--time-limit` (the summary's stability figures show it).
    let wanted = mode != StabilityMode::Day || options.previous.is_some();
    let final_pairs = final_instance.arcs.len();
    let first_round = if options.previous.is_some() {
        // Re-planning: the fewest changes are what the user asked for.
        Some(context.clock.needed(remaining(0.8), final_pairs))
    } else {
        // Two rounds and the cost stage after them.
        context.clock.improving(remaining(0.8), final_pairs, 3)
    };
    if wanted && first_round.is_none() {
        runner.stats.skipped.stability += 1;
    }
    if let (true, Some(first_round)) = (wanted, first_round) {
        let final_previous = previous_days(final_instance);
        let mut stable_runner = StageRunner {
            started: context.started,
            problem,
            instance: final_instance,
            dates,
            options,
            tight_shortage: false,
            component: context.component,
            stats: runner.stats,
            homes: final_previous.as_ref(),
            clock: context.clock,
        };
        let seconds = (first_round, remaining(1.0));
        let stable = stabilize(&mut stable_runner, phase, cheapest, final_bounds, seconds)?;
        stability.least_changing = stable.least_changing;
        published = Some(stable.outcome);
        stable_instance = stable.instance;
    }
    let outcome = published.as_ref().unwrap_or(cheapest);
    let final_instance = stable_instance.as_ref().unwrap_or(final_instance);
    let plan = model::choices(final_instance, &outcome.columns, &outcome.values);
    let is_staff = |p: usize| final_instance.people[p].candidate.is_none();
    let assignments = extract(problem, final_instance, &plan, is_staff);
    let hires = match &hiring {
        Some(hiring) => {
            recruitment::hired_posts(problem, final_instance, &hiring.groups, outcome, &plan)
        }
        None => Vec::new(),
    };
    Ok(ComponentSolution {
        assignments,
        hires,
        capped: hiring
            .as_ref()
            .map(|h| h.capped.clone())
            .unwrap_or_default(),
        team_assignments,
        claimed_shortage: outcome.shortage,
        staffing: team_figures,
        stability,
    })
}

/// The team's cost stage, from its shortage stage's plan, with the shortage kept at its optimum,
/// when the clock can spare it (else the shortage stage's plan, whose cost breaks ties).
fn team_cost(
    runner: &mut StageRunner<'_>,
    shortage: StageOutcome,
    bounds: Bounds,
    seconds: f64,
    figures: &mut Staffing,
) -> Result<StageOutcome, Error> {
    let seconds = runner
        .clock
        .improving(seconds, runner.instance.arcs.len(), 1);
    let cost = runner.cost_after(Phase::Team, bounds, shortage, seconds)?;
    figures.cost = cost.objective;
    figures.cost_bound = cost.bound;
    Ok(cost)
}

/// Today's refinement when stability is `jour`: fewest stints with the cost kept at its
/// optimum, only with time to spare, and kept only if it finishes.
fn refine_stints(
    runner: &mut StageRunner<'_>,
    best: StageOutcome,
    bounds: Bounds,
    budget: f64,
    started: Instant,
) -> Result<StageOutcome, Error> {
    let instance = runner.instance;
    let spent = started.elapsed().as_secs_f64();
    // Its LP bound is weak (fractional days make every stint free), so on large models it
    // rarely improves on the cost stage in the time it gets: run it on small ones only.
    if budget - spent <= 2.0 || instance.arcs.len() > STABILITY_MAX_ARCS {
        return Ok(best);
    }
    let wanted = ((budget - spent) * 0.3)
        .max(MIN_STAGE_SECONDS)
        .min((spent / 2.0).max(1.0));
    let Some(limit) = runner.clock.improving(wanted, instance.arcs.len(), 1) else {
        return Ok(best);
    };
    let stable_bounds = Bounds {
        cost: Some(best.objective + 0.5),
        ..bounds
    };
    // The stability model has a class of one per person and date: start it from the cost
    // stage's plan split into personal assignments.
    let plan = model::choices(instance, &best.columns, &best.values);
    let start = Start::from_choices(plan);
    match runner.run(
        Phase::Team,
        Objective::Stability,
        stable_bounds,
        start,
        limit,
    ) {
        // Any solution of this stage keeps the optimal shortage and cost (they are
        // constraints), so even one stopped by the time limit is at least as stable.
        Ok(stable) => Ok(stable),
        Err(_) => Ok(best),
    }
}
