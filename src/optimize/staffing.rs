//! Some dates of one component: the existing team's stages (shortage, cost, then stability),
//! then the recruitment stage where the team falls short.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::NaiveDate;

use super::context::{ComponentContext, PeriodTerms};
use super::instance::Instance;
use super::model::{self, Bounds, Columns};
use super::recruitment;
use super::solution::{ComponentSolution, extract};
use super::stages::{StageRunner, Start};
use super::stats::{Objective, Phase, SolveStats};
use crate::domain::Affectation;
use crate::error::Error;

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
    let mut runner = StageRunner {
        started: context.started,
        problem,
        instance: &instance,
        dates,
        options,
        tight_shortage: terms.tight,
        component: context.component,
        stats,
    };
    let start = match start {
        Some(assignments) => Start::from_assignments(problem, assignments),
        None => Start::nobody(),
    };
    if terms.shortage_only {
        let shortage = runner.run(
            Phase::Team,
            Objective::Shortage,
            Bounds::default(),
            start,
            remaining(1.0),
        )?;
        let plan = model::choices(&instance, &shortage.columns, &shortage.values);
        let mut solution = ComponentSolution::empty();
        solution.assignments = extract(problem, &instance, &plan, |_| true);
        solution.staffing.shortage = shortage.shortage;
        solution.staffing.shortage_bound = shortage.shortage_bound;
        return Ok(solution);
    }
    let (cost, bounds, team_figures) =
        runner.shortage_then_cost(Phase::Team, start, &remaining, (0.35, 0.5))?;
    let mut best = cost;
    // Stability is a refinement: only with time to spare, given at most the time the first
    // two stages took, and kept only if it finishes.
    let spent = started.elapsed().as_secs_f64();
    // Its LP bound is weak (fractional days make every stint free), so on large models it
    // rarely improves on the cost stage in the time it gets: run it on small ones only.
    if budget - spent > 2.0 && instance.arcs.len() <= STABILITY_MAX_ARCS {
        let limit = remaining(0.3).min((spent / 2.0).max(1.0));
        let stable_bounds = Bounds {
            cost: Some(best.objective + 0.5),
            ..bounds
        };
        // The stability model has a class of one per person and date: start it from the
        // cost stage's plan split into personal assignments.
        let plan = model::choices(&instance, &best.columns, &best.values);
        let start = Start::Plan(Box::new(move |instance: &Instance, columns: &Columns| {
            model::completion(
                instance,
                columns,
                |arc, k| plan[arc].animates[k],
                |arc, k| plan[arc].directed[k],
            )
        }));
        if let Ok(stable) = runner.run(
            Phase::Team,
            Objective::Stability,
            stable_bounds,
            start,
            limit,
        ) {
            // Any solution of this stage keeps the optimal shortage and cost (they are
            // constraints), so even one stopped by the time limit is at least as stable.
            best = stable;
        }
    }
    let staffing_plan = model::choices(&instance, &best.columns, &best.values);
    let assignments = extract(problem, &instance, &staffing_plan, |_| true);
    let mut solution = ComponentSolution {
        assignments,
        hires: Vec::new(),
        residual: (0, 0, 0),
        staffing: team_figures,
    };
    if !recruit {
        return Ok(solution);
    }
    let team = recruitment::TeamPlan {
        instance: &instance,
        outcome: &best,
        choices: &staffing_plan,
    };
    let recruited = recruitment::recruit(context, dates, terms, &team, &remaining, runner.stats)?;
    solution.hires = recruited.posts;
    solution.residual = recruited.residual;
    Ok(solution)
}
