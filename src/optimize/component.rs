//! One component of the territory, period by period: the periods solved apart, merged again
//! wherever a constraint that spans them is broken, or sharing their budgets when too large
//! to merge.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDate;

use super::context::{ComponentContext, PeriodTerms};
use super::decomposition::{PeriodLinks, PeriodSplit};
use super::instance::Instance;
use super::parallel::{in_parallel, parallel_solves};
use super::periods::{linking_dates, merge_periods, periods, spanning_violations};
use super::shared_budgets::solve_with_shared_budgets;
use super::solution::ComponentSolution;
use super::staffing::solve_dates;
use super::stats::SolveStats;
use crate::domain::Affectation;
use crate::error::Error;

/// Splits the component's dates into periods that share no person-level constraint, solves
/// each period, and merges periods whenever a constraint that spans them (the CEE rolling
/// year, `Max jours`) is violated by the combined plan. Each period's problem is a
/// relaxation-free piece of a separable problem once no spanning constraint is violated, so
/// the combined plan is optimal for the whole component. Also says how the dates were split,
/// when they were.
pub fn solve_component(
    context: &ComponentContext<'_>,
    budget: f64,
    stats: &mut SolveStats,
) -> Result<(ComponentSolution, Option<PeriodSplit>), Error> {
    let started = Instant::now();
    let full = Instance::new(context.problem, context.accueils, None, context.staff());
    // Every date's plan (its team's shortage stage) is the work the clock provides for first.
    context.clock.expect(full.arcs.len());
    let mut periods = periods(&full);
    let initial_periods = periods.len();
    // People whose CEE budget or `Max jours` is smaller than the days they could work link
    // every period they could work in: merge those up front rather than after a failed check.
    let linked = linking_dates(&full);
    let linked_arcs = full
        .arcs
        .iter()
        .filter(|a| linked.contains(&full.days[a.day].date))
        .count();
    if periods.len() > 1 && linked_arcs > context.options.merged_max_arcs {
        let (solution, split) = solve_with_shared_budgets(context, &full, &periods, budget, stats)?;
        return Ok((solution, Some(split)));
    }
    if !linked.is_empty() {
        periods = merge_periods(periods, &linked);
    }
    let mut solved: BTreeMap<Vec<NaiveDate>, ComponentSolution> = BTreeMap::new();
    let workers = parallel_solves() as f64;
    loop {
        // The periods not solved yet are independent: side by side, each with its share of
        // the time left (the clock keeps what the later ones need).
        let todo: Vec<&Vec<NaiveDate>> = periods
            .iter()
            .filter(|dates| !solved.contains_key(*dates))
            .collect();
        let solutions = in_parallel(todo.len(), stats, |k, stats| {
            let left = (budget - started.elapsed().as_secs_f64()).max(0.0);
            let share = (left * workers / (todo.len() - k) as f64)
                .min(left)
                .max(1.0);
            solve_dates(
                context,
                todo[k],
                share,
                stats,
                &PeriodTerms::default(),
                context.options.recruit,
                None,
            )
        })?;
        for (dates, solution) in todo.iter().zip(solutions) {
            solved.insert((*dates).clone(), solution);
        }
        let assignments: Vec<Affectation> = solved
            .values()
            .flat_map(|s| s.assignments.iter().cloned())
            .collect();
        let spanning = spanning_violations(context.problem, &full, &assignments);
        if spanning.is_empty() || periods.len() == 1 {
            break;
        }
        let count = periods.len();
        periods = merge_periods(periods, &spanning);
        if periods.len() == count {
            // Cannot happen (a period's own model keeps its constraints); stop rather than loop.
            break;
        }
        // Periods left untouched keep their solution; merged ones are solved again.
        solved.retain(|dates, _| periods.contains(dates));
    }
    let combined = ComponentSolution::combine(solved.into_values());
    let split = (initial_periods > 1).then(|| PeriodSplit {
        accueils: context.accueil_codes(),
        periods: initial_periods,
        links: PeriodLinks::Checked {
            merged_into: periods.len(),
        },
    });
    Ok((combined, split))
}
