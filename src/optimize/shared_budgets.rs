//! Periods linked by a day budget (CEE days over the rolling year, `Max jours`) but too large
//! to solve as one model: the periods short of staff are solved together, the others apart
//! with a share of each budget, and the shortage's distance to the optimum is proven.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use chrono::NaiveDate;

use super::context::{ComponentContext, PeriodTerms};
use super::decomposition::{PeriodLinks, PeriodSplit};
use super::instance::Instance;
use super::parallel::in_parallel;
use super::periods::{linked_budgets, period_index};
use super::progress::{Progress, SharedBudgetsStep};
use super::solution::{ComponentSolution, days_worked};
use super::staffing::solve_dates;
use super::stats::{Objective, Phase, SolveStats, SolveStatus, StageName, StageStats};
use crate::domain::{Affectation, Cents};
use crate::error::Error;

/// Share of a component's time for the relaxation pass of `solve_with_shared_budgets` (the
/// shortage stage of each period, against two to four stages in the later passes).
const RELAXATION_SHARE: f64 = 0.3;

/// Periods linked by a budget (CEE days over the rolling year, `Max jours`) whose merged
/// model would be too large to solve in one piece: the periods that compete for the
/// budgets are merged, the others solved apart with a share of the budgets, and the
/// distance to the optimum is proven.
///
/// 1. Each period alone, every budget whole, existing team only (shortage stage): together,
///    a relaxation of the whole problem, whose proven bounds add up to a lower bound of its
///    least shortage.
/// 2. The periods short in (1) are merged into one model (every budget whole, so its bound
///    is valid too, and stronger), where budget-limited people cost extra so that they
///    take only the days their shortage needs.
/// 3. What they leave of each budget is shared out between the other periods, in
///    proportion to the days (1) gave them, and each is solved with its share as a
///    `Max jours`.
/// 4. The periods that (3) left shorter than (1) join the merged model, whose bound is
///    proven again.
/// 5. The merged model is solved at real cost, with whatever the other periods left of
///    each budget, from the plan so far: every budget holds.
/// 6. The plan's shortage against the bounds of (1), (2) and (4) is the proven gap,
///    reported as a stage of its own.
pub fn solve_with_shared_budgets(
    context: &ComponentContext<'_>,
    full: &Instance,
    periods: &[Vec<NaiveDate>],
    budget: f64,
    stats: &mut SolveStats,
) -> Result<(ComponentSolution, PeriodSplit), Error> {
    let started = Instant::now();
    let budgets = linked_budgets(full);
    let most = full
        .people
        .iter()
        .map(|p| p.daily_cost.0)
        .max()
        .unwrap_or(0);
    let relaxation = PeriodTerms {
        surcharged: budgets
            .keys()
            .map(|p| full.people[*p].animateur.id.clone())
            .collect(),
        surcharge: Cents(most + 100),
        shortage_only: true,
        ..PeriodTerms::default()
    };
    // Time in proportion to each period's size.
    let mut size = vec![0usize; periods.len()];
    let period_of = period_index(periods);
    for arc in &full.arcs {
        if let Some(k) = period_of.get(&full.days[arc.day].date) {
            size[*k] += 1;
        }
    }
    let total_size: usize = size.iter().sum();
    let size_of = |set: &BTreeSet<usize>| set.iter().map(|k| size[*k]).sum::<usize>();
    let dates_of = |set: &BTreeSet<usize>| -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = set
            .iter()
            .flat_map(|k| periods[*k].iter().copied())
            .collect();
        dates.sort_unstable();
        dates
    };
    // Time until `until` in proportion to the size of the part solved next (`size`) among
    // those left (`left`).
    let share = |until: f64, size: usize, left: usize| {
        let weight = size as f64 / left.max(1) as f64;
        ((until - started.elapsed().as_secs_f64()) * weight).max(0.5)
    };
    let recruit = context.options.recruit;
    let mut relaxation_stats = SolveStats::default();
    // Development log: the time of each step.
    let log = |step: SharedBudgetsStep| {
        context.options.log(|| Progress::SharedBudgets {
            elapsed_seconds: started.elapsed().as_secs_f64(),
            step,
        });
    };

    // 1. Each period alone, every budget whole: with the time the periods' own plans spare
    //    (a period without it has no bound, and shares the budgets by the days its people
    //    could work).
    let relaxed = in_parallel(periods.len(), &mut relaxation_stats, |k, stats| {
        let wanted = share(budget * RELAXATION_SHARE, size[k], size[k..].iter().sum());
        match context.clock.improving(wanted, size[k], 1) {
            Some(limit) => {
                solve_dates(context, &periods[k], limit, stats, &relaxation, false, None)
            }
            None => {
                stats.skipped.bounds += 1;
                Ok(ComponentSolution::empty())
            }
        }
    })?;
    log(SharedBudgetsStep::PeriodsAlone);
    let relaxed_bound = |set: &BTreeSet<usize>| -> f64 {
        set.iter()
            .map(|k| relaxed[*k].staffing.shortage_bound)
            .sum()
    };

    // 2. The periods short even with every budget whole compete for the budgets (the
    //    summer weeks for the CEE days the school year left): merged into one model, where
    //    the budgets hold exactly, when it is small enough. Its proven bound replaces
    //    theirs, since any plan of the whole problem, cut to their dates, is a plan of that
    //    model. Budget-limited people cost extra there too, so the short periods take only
    //    what their shortage needs; the other periods share what is left.
    let mut short: BTreeSet<usize> = (0..periods.len())
        .filter(|k| relaxed[*k].staffing.shortage > 0.5)
        .collect();
    if size_of(&short) > context.options.merged_max_arcs {
        short.clear();
    }
    let mut short_bound = 0.0;
    let mut left_budgets = budgets.clone();
    let mut start = Vec::new();
    let probe_limit = if short.is_empty() {
        None
    } else {
        let wanted = share(budget * 0.5, size_of(&short), total_size);
        let limit = context.clock.improving(wanted, size_of(&short), 1);
        if limit.is_none() {
            // No time for the short periods' joint bound: each is solved with its share.
            relaxation_stats.skipped.bounds += 1;
            short.clear();
        }
        limit
    };
    if let Some(limit) = probe_limit {
        let probe = solve_dates(
            context,
            &dates_of(&short),
            limit,
            &mut relaxation_stats,
            &relaxation,
            false,
            None,
        )?;
        short_bound = probe.staffing.shortage_bound.max(relaxed_bound(&short));
        left_budgets = budgets_left(full, &budgets, &probe.assignments);
        start = probe.assignments;
    }
    let rest: Vec<usize> = (0..periods.len()).filter(|k| !short.contains(k)).collect();
    let rest_periods: Vec<Vec<NaiveDate>> = rest.iter().map(|k| periods[*k].clone()).collect();
    let rest_relaxed: Vec<&ComponentSolution> = rest.iter().map(|k| &relaxed[*k]).collect();
    log(SharedBudgetsStep::ShortTogether {
        periods: short.len(),
    });
    // 3. The other periods, each with its share of what is left.
    let terms = share_budgets(full, &rest_periods, &left_budgets, &rest_relaxed);
    let mut shared: BTreeSet<String> = terms.iter().flat_map(|t| t.caps.keys().cloned()).collect();
    let parts = in_parallel(rest.len(), stats, |j, stats| {
        let left = rest[j..].iter().map(|k| size[*k]).sum::<usize>() + size_of(&short);
        let limit = share(budget, size[rest[j]], left);
        solve_dates(
            context,
            &rest_periods[j],
            limit,
            stats,
            &terms[j],
            recruit,
            None,
        )
    })?;
    let mut solved: BTreeMap<usize, ComponentSolution> = rest.iter().copied().zip(parts).collect();

    log(SharedBudgetsStep::OtherPeriods);
    // 4. Periods that their share of the budgets left short join the merged model, which
    //    then shares the budgets between them exactly (its start: the plan so far).
    let newly: BTreeSet<usize> = rest
        .iter()
        .copied()
        .filter(|k| solved[k].staffing.shortage > relaxed[*k].staffing.shortage + 0.5)
        .collect();
    let joined: BTreeSet<usize> = short.union(&newly).copied().collect();
    let joined_limit = if newly.is_empty() || size_of(&joined) > context.options.merged_max_arcs {
        None
    } else {
        // Half the time left for this bound, half for the plan of step 5.
        let wanted = share(budget, size_of(&joined), 2 * size_of(&joined));
        let limit = context.clock.improving(wanted, size_of(&joined), 1);
        if limit.is_none() {
            relaxation_stats.skipped.bounds += 1;
        }
        limit
    };
    if let Some(limit) = joined_limit {
        let newly_bound = relaxed_bound(&newly);
        for k in &newly {
            start.extend(solved.remove(k).map(|s| s.assignments).unwrap_or_default());
        }
        let probe = solve_dates(
            context,
            &dates_of(&joined),
            limit,
            &mut relaxation_stats,
            &PeriodTerms {
                tight: true,
                ..relaxation.clone()
            },
            false,
            Some(&start),
        )?;
        short_bound = probe.staffing.shortage_bound.max(short_bound + newly_bound);
        short = joined;
        log(SharedBudgetsStep::ShortTogetherBound {
            periods: short.len(),
        });
    }
    // The relaxation's shortage bounds hold for the whole problem (its costs were
    // surcharged, so only the shortage is compared).
    let apart: BTreeSet<usize> = solved.keys().copied().collect();
    let lower = short_bound + relaxed_bound(&apart);
    let mut capped = rest
        .iter()
        .zip(&terms)
        .filter(|(k, t)| solved.contains_key(k) && !t.caps.is_empty())
        .count();
    let mut parts: Vec<ComponentSolution> = solved.into_values().collect();
    if !short.is_empty() {
        // 5. The merged periods at their real cost, with whatever the other periods left
        //    of each budget: at least what the plan so far gave them, so it stays a start.
        let mut caps = BTreeMap::new();
        if !parts.is_empty() {
            let elsewhere: Vec<Affectation> = parts
                .iter()
                .flat_map(|p| p.assignments.iter().cloned())
                .collect();
            for (person, left) in budgets_left(full, &budgets, &elsewhere) {
                caps.insert(full.people[person].animateur.id.clone(), left);
            }
            capped += 1;
            shared.extend(caps.keys().cloned());
        }
        let terms = PeriodTerms {
            caps,
            tight: true,
            ..PeriodTerms::default()
        };
        let limit = share(budget, size_of(&short), size_of(&short));
        parts.push(solve_dates(
            context,
            &dates_of(&short),
            limit,
            stats,
            &terms,
            recruit,
            Some(&start),
        )?);
    }
    log(SharedBudgetsStep::ShortPlan);
    stats.bound_stages.append(&mut relaxation_stats.stages);
    stats.skipped.add(relaxation_stats.skipped);
    let combined = ComponentSolution::combine(parts);
    let shortage = combined.staffing.shortage;
    let gap = if shortage > lower + 0.5 {
        (shortage - lower) / shortage
    } else {
        0.0
    };
    stats.stages.push(StageStats {
        name: StageName::new(
            &full.dates,
            Phase::SharedBudgets {
                periods: periods.len(),
            },
            Objective::Shortage,
        ),
        component: context.component,
        variables: 0,
        constraints: 0,
        seconds: started.elapsed().as_secs_f64(),
        objective: shortage,
        bound: lower,
        gap,
        status: SolveStatus::Shared,
        refinement: false,
        solved_again: false,
    });
    let split = PeriodSplit {
        accueils: context.accueil_codes(),
        periods: periods.len(),
        links: PeriodLinks::SharedBudgets {
            people: shared.len(),
            short_together: short.len(),
            parts: capped,
            gap,
        },
    };
    Ok((combined, split))
}

/// Each budget (by person index into `full.people`) less the days its person works in
/// `assignments`.
fn budgets_left(
    full: &Instance,
    budgets: &BTreeMap<usize, u32>,
    assignments: &[Affectation],
) -> BTreeMap<usize, u32> {
    let worked = days_worked(assignments);
    budgets
        .iter()
        .map(|(person, limit)| {
            let id = full.people[*person].animateur.id.as_str();
            let used = worked.get(id).map_or(0, |days| days.len() as u32);
            (*person, limit - used.min(*limit))
        })
        .collect()
}

/// Each linked person's days per period (only where below the days they could work there),
/// from the days `relaxed` (the periods solved alone, their days surcharged) gave them:
/// - over the budget: the periods that were short keep those days first, as far as the budget
///   goes; the other periods share the rest in proportion to those days;
/// - within the budget: those days, plus the spare budget where they could still work, the
///   periods that were short first, in proportion to those days.
fn share_budgets(
    full: &Instance,
    periods: &[Vec<NaiveDate>],
    budgets: &BTreeMap<usize, u32>,
    relaxed: &[&ComponentSolution],
) -> Vec<PeriodTerms> {
    let period_of = period_index(periods);
    let mut possible: BTreeMap<usize, Vec<BTreeSet<NaiveDate>>> = BTreeMap::new();
    for arc in &full.arcs {
        let date = full.days[arc.day].date;
        if let (Some(k), true) = (period_of.get(&date), budgets.contains_key(&arc.person)) {
            possible
                .entry(arc.person)
                .or_insert_with(|| vec![BTreeSet::new(); periods.len()])[*k]
                .insert(date);
        }
    }
    let mut used: BTreeMap<&str, Vec<BTreeSet<NaiveDate>>> = BTreeMap::new();
    for (k, solution) in relaxed.iter().enumerate() {
        for assignment in &solution.assignments {
            used.entry(assignment.animateur.as_str())
                .or_insert_with(|| vec![BTreeSet::new(); periods.len()])[k]
                .insert(assignment.date);
        }
    }
    let short: Vec<bool> = relaxed.iter().map(|r| r.staffing.shortage > 0.5).collect();
    let mut terms = vec![PeriodTerms::default(); periods.len()];
    for (person, days) in possible {
        let animateur = &full.people[person].animateur;
        let limit = budgets[&person];
        let could: Vec<u32> = days.iter().map(|d| d.len() as u32).collect();
        let gave: Vec<u32> = used.get(animateur.id.as_str()).map_or_else(
            || vec![0; periods.len()],
            |u| u.iter().map(|d| d.len() as u32).collect(),
        );
        let shares = share_one(limit, &gave, &could, &short);
        for (k, share) in shares.into_iter().enumerate() {
            if share < could[k] {
                terms[k].caps.insert(animateur.id.clone(), share);
            }
        }
    }
    terms
}

/// One person's days per period: `limit` (their budget) shared out from the days the
/// relaxation `gave` them, the days they `could` work, and which periods were `short` (see
/// `share_budgets`).
pub fn share_one(limit: u32, gave: &[u32], could: &[u32], short: &[bool]) -> Vec<u32> {
    // `amount` shared in proportion to `weights`, the periods that were short served first.
    let short_first = |amount: u32, weights: &[u32]| -> Vec<u32> {
        let split = |in_short: bool| -> Vec<u32> {
            weights
                .iter()
                .zip(short)
                .map(|(w, s)| if *s == in_short { *w } else { 0 })
                .collect()
        };
        let (tight, loose) = (split(true), split(false));
        let first = proportional(amount.min(tight.iter().sum()), &tight);
        let left = amount - first.iter().sum::<u32>();
        let second = proportional(left.min(loose.iter().sum()), &loose);
        first.iter().zip(second).map(|(a, b)| a + b).collect()
    };
    let total: u32 = gave.iter().sum();
    if total > limit {
        short_first(limit, gave)
    } else {
        let spare: Vec<u32> = could.iter().zip(gave).map(|(c, g)| c - g.min(c)).collect();
        let extra = short_first(limit - total, &spare);
        gave.iter().zip(extra).map(|(g, e)| g + e).collect()
    }
}

/// `total` split in proportion to `weights` (largest remainders, earliest first on ties);
/// never more than a weight when `total` is at most their sum.
pub fn proportional(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<(u64, u64)> = weights
        .iter()
        .map(|w| {
            let scaled = u64::from(total) * u64::from(*w);
            (scaled / sum, scaled % sum)
        })
        .collect();
    let mut shares: Vec<u32> = exact.iter().map(|(q, _)| *q as u32).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    let missing = total.saturating_sub(shares.iter().sum());
    for k in order.into_iter().take(missing as usize) {
        shares[k] += 1;
    }
    shares
}
