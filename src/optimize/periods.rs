//! A component's dates cut into periods that share no person-level constraint but the day
//! budgets (CEE days over the rolling year, `Max jours`), and the checks of those budgets
//! across periods.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::instance::{Instance, cee_budget};
use super::solution::days_worked;
use crate::domain::Affectation;
use crate::problem::Problem;
use crate::rules;

/// The component's dates cut into periods at the Mondays where no person could work the 7 days
/// around the cut (so no weekly-rest window spans two periods; hour limits and the minors' rest
/// are per civil week). Candidates for hire may work every open day.
pub fn periods(instance: &Instance) -> Vec<Vec<NaiveDate>> {
    let possible = possible_dates(instance);
    let all_open: BTreeSet<NaiveDate> = instance.dates.iter().copied().collect();
    let spans_seven = |days: &BTreeSet<NaiveDate>, monday: NaiveDate| {
        (1..=6).any(|before| {
            let first = monday - chrono::Duration::days(before);
            (0..7).all(|k| days.contains(&(first + chrono::Duration::days(k))))
        })
    };
    let mut periods: Vec<Vec<NaiveDate>> = Vec::new();
    for date in &instance.dates {
        let cut = match periods.last().and_then(|p| p.last()) {
            None => true,
            Some(previous) => {
                let monday = *date
                    - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
                monday > *previous
                    && !spans_seven(&all_open, monday)
                    && !possible.values().any(|days| spans_seven(days, monday))
            }
        };
        if cut {
            periods.push(vec![*date]);
        } else if let Some(last) = periods.last_mut() {
            last.push(*date);
        }
    }
    periods
}

/// Per person (index into `instance.people`): the dates they could work.
pub fn possible_dates(instance: &Instance) -> BTreeMap<usize, BTreeSet<NaiveDate>> {
    let mut possible: BTreeMap<usize, BTreeSet<NaiveDate>> = BTreeMap::new();
    for arc in &instance.arcs {
        possible
            .entry(arc.person)
            .or_default()
            .insert(instance.days[arc.day].date);
    }
    possible
}

/// Dates of the people whose CEE budget or `Max jours` could bind over the whole component.
pub fn linking_dates(instance: &Instance) -> BTreeSet<NaiveDate> {
    let linked = linked_budgets(instance);
    possible_dates(instance)
        .into_iter()
        .filter(|(person, _)| linked.contains_key(person))
        .flat_map(|(_, dates)| dates)
        .collect()
}

/// The people whose budget (CEE days left, `Max jours`) is below the days they could work in
/// the component, with that budget.
pub fn linked_budgets(full: &Instance) -> BTreeMap<usize, u32> {
    possible_dates(full)
        .into_iter()
        .filter_map(|(person, dates)| {
            let animateur = &full.people[person].animateur;
            let limit = cee_budget(animateur)
                .into_iter()
                .chain(animateur.max_jours)
                .min()?;
            (dates.len() > limit as usize).then_some((person, limit))
        })
        .collect()
}

/// Dates involved in a violated constraint that spans periods: a CEE rolling window over 80
/// days (L432-4) or a personal `Max jours`.
pub fn spanning_violations(
    problem: &Problem,
    instance: &Instance,
    assignments: &[Affectation],
) -> BTreeSet<NaiveDate> {
    let mut involved = BTreeSet::new();
    for (id, days) in days_worked(assignments) {
        let Some(animateur) = problem.animateur(id) else {
            continue;
        };
        if animateur
            .max_jours
            .is_some_and(|max| days.len() > max as usize)
        {
            involved.extend(days.iter().copied());
            continue;
        }
        let Some(budget) = cee_budget(animateur) else {
            continue;
        };
        let list: Vec<NaiveDate> = days.iter().copied().collect();
        for (end, last) in list.iter().enumerate() {
            let window_start = *last - chrono::Duration::days(rules::labour::CEE_WINDOW_DAYS - 1);
            let first = list.partition_point(|d| *d < window_start);
            let cap = if window_start <= instance.horizon_start {
                budget
            } else {
                rules::labour::CEE_MAX_DAYS_PER_365
            };
            if end + 1 - first > cap as usize {
                involved.extend(list[first..=end].iter().copied());
            }
        }
    }
    involved
}

/// Merges every period that holds one of `dates` into one period.
pub fn merge_periods(
    periods: Vec<Vec<NaiveDate>>,
    dates: &BTreeSet<NaiveDate>,
) -> Vec<Vec<NaiveDate>> {
    let mut merged: Vec<NaiveDate> = Vec::new();
    let mut kept = Vec::new();
    for period in periods {
        if period.iter().any(|d| dates.contains(d)) {
            merged.extend(period);
        } else {
            kept.push(period);
        }
    }
    merged.sort_unstable();
    kept.push(merged);
    kept.sort();
    kept
}

/// The period of each date.
pub fn period_index(periods: &[Vec<NaiveDate>]) -> BTreeMap<NaiveDate, usize> {
    periods
        .iter()
        .enumerate()
        .flat_map(|(k, dates)| dates.iter().map(move |d| (*d, k)))
        .collect()
}
