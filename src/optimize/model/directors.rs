//! The week's director, chosen by the model (the stability stages).
//!
//! An accueil-week keeps one director (as many as a day of that week needs) when someone
//! directs *every* open day of it, and nobody else directs any. So the model has, per accueil
//! and civil week, a binary `whole[p]` for each person who could direct all its open days
//! (a directing task offered on each, at most six days, within their weekly hours: a director of
//! five 10-hour days reaches the 48 hours of L3121-20 on the fifth, and cannot), tied to their
//! directing on each of those days, and a binary `changes` for the week:
//! - `directing(p, d) ≥ whole[p]` on every open day `d` of the week;
//! - `need × changes ≥ need − Σ whole` (not enough whole-week directors: the week changes);
//! - `directing(q, d) ≤ whole[q] + changes` for anyone who directs a day of it (someone else
//!   directing changes the week);
//! - `Σ whole ≤ 1` per person and week: a week's director directs one accueil that week.
//!
//! The directors stage minimises the weeks that change: who directs each week is the model's
//! decision, exact on the stage's instance, not fixed beforehand by a rule. A week with no one
//! able to direct it whole changes whatever the plan: the law (or availability) forces a second
//! director. People who may direct are in classes of one in these stages.

use std::collections::{BTreeMap, BTreeSet};

use good_lp::Expression;

use super::constraints::sum;
use super::variables::{Builder, Class, Var};
use crate::optimize::instance::Instance;
use crate::problem::AccueilId;
use crate::rules::labour;

/// A civil week (ISO year, week), as the stability figures count them.
pub type Week = (i32, u32);

/// The designation columns of a stability stage.
#[derive(Debug, Clone, Default)]
pub struct Designation {
    /// Per (person, accueil, week): directs every open day of the week there.
    pub whole: BTreeMap<(usize, AccueilId, Week), Var>,
    /// Per (accueil, week): the week is directed by more people than a day needs.
    pub changes: BTreeMap<(AccueilId, Week), Var>,
}

impl Designation {
    /// The weeks that change director: the directors stage's objective.
    pub fn changing(&self) -> Expression {
        sum(self.changes.values().map(|v| v.variable))
    }
}

/// The (accueil, week) of an open day.
fn week_of(instance: &Instance, day: usize) -> (AccueilId, Week) {
    let open = &instance.days[day];
    (open.accueil, Instance::civil_week(open.date))
}

/// One accueil-week: its open days needing a director, and the most directors a day needs.
#[derive(Default)]
struct AccueilWeek {
    days: BTreeSet<usize>,
    need: u32,
}

fn accueil_weeks(instance: &Instance) -> BTreeMap<(AccueilId, Week), AccueilWeek> {
    let mut weeks: BTreeMap<(AccueilId, Week), AccueilWeek> = BTreeMap::new();
    for (index, day) in instance.days.iter().enumerate() {
        if day.directors > 0 {
            let week = weeks.entry(week_of(instance, index)).or_default();
            week.days.insert(index);
            week.need = week.need.max(day.directors);
        }
    }
    weeks
}

/// Per (person, open day): the sum of the person's directing tasks there, and the person of
/// each class of several (`None`) that directs.
type Directing = BTreeMap<(Option<usize>, usize), Vec<good_lp::Variable>>;

fn directing(classes: &[Class]) -> (Directing, BTreeMap<(Option<usize>, usize), usize>) {
    let mut directing: Directing = BTreeMap::new();
    let mut sizes = BTreeMap::new();
    for class in classes {
        let person = (class.people.len() == 1).then(|| class.people[0]);
        for class_arc in &class.arcs {
            let tasks: Vec<_> = class_arc
                .tasks
                .iter()
                .filter(|t| t.task.directs())
                .map(|t| t.var.variable)
                .collect();
            if !tasks.is_empty() {
                // Classes of several (none, in the stages that designate: whoever may direct
                // is alone) cannot be designated: keyed together, by day.
                let key = (person, class_arc.day);
                *sizes.entry(key).or_default() += class.people.len();
                directing.entry(key).or_default().extend(tasks);
            }
        }
    }
    (directing, sizes)
}

/// Whether `person` could direct all of `days` in one week: at most six days (weekly rest),
/// within their weekly hours.
fn could_direct_whole(instance: &Instance, person: usize, days: &BTreeSet<usize>) -> bool {
    if days.len() > labour::MAX_DAYS_WORKED_PER_7 as usize {
        return false;
    }
    let animateur = &instance.people[person].animateur;
    let Some(first) = days.first() else {
        return false;
    };
    let limits = labour::labour_limits(animateur, instance.days[*first].date);
    let minutes: u32 = days
        .iter()
        .map(|d| instance.days[*d].director_minutes)
        .sum();
    limits.max_minutes_per_week.is_none_or(|max| minutes <= max)
}

/// The designation variables and rows for `classes`.
pub fn designation(instance: &Instance, classes: &[Class], builder: &mut Builder) -> Designation {
    let mut designation = Designation::default();
    let weeks = accueil_weeks(instance);
    let (directing, sizes) = directing(classes);
    for (key, week) in &weeks {
        let changes = builder.binary();
        designation.changes.insert(*key, changes);
        // Who could direct it whole: a directing task on every one of its days.
        let people: BTreeSet<usize> = directing
            .keys()
            .filter_map(|(person, day)| person.filter(|_| week.days.contains(day)))
            .collect();
        let mut wholes = Expression::default();
        for person in people {
            let every_day = week
                .days
                .iter()
                .all(|day| directing.contains_key(&(Some(person), *day)));
            if !every_day || !could_direct_whole(instance, person, &week.days) {
                continue;
            }
            let whole = builder.binary();
            designation.whole.insert((person, key.0, key.1), whole);
            wholes += whole.variable;
            for day in &week.days {
                let tasks = sum(directing[&(Some(person), *day)].iter().copied());
                builder
                    .constraints
                    .push(tasks.geq(Expression::from(whole.variable)));
            }
        }
        let need = f64::from(week.need);
        builder
            .constraints
            .push((need * changes.variable + wholes).geq(need));
    }
    // A week's director directs one accueil that week (the accueil is their place).
    let mut per_person: BTreeMap<(usize, Week), Vec<Var>> = BTreeMap::new();
    for ((person, _, week), var) in &designation.whole {
        per_person.entry((*person, *week)).or_default().push(*var);
    }
    for vars in per_person.values().filter(|v| v.len() > 1) {
        builder
            .constraints
            .push(sum(vars.iter().map(|v| v.variable)).leq(1.0));
    }
    // Anyone else directing a day of the week changes it.
    for ((person, day), tasks) in &directing {
        let key = week_of(instance, *day);
        let Some(changes) = designation.changes.get(&key).copied() else {
            continue;
        };
        let size = sizes.get(&(*person, *day)).copied().unwrap_or(1) as f64;
        let mut cover = Expression::from(changes.variable) * size;
        if let Some(whole) = person.and_then(|p| designation.whole.get(&(p, key.0, key.1))) {
            cover += whole.variable;
        }
        builder
            .constraints
            .push(sum(tasks.iter().copied()).leq(cover));
    }
    designation
}

/// Fills the designation columns of `values` from the tasks it holds: a person directing every
/// open day of an accueil-week directs it whole, and the week changes when fewer than a day
/// needs do, or anyone else directs. A feasible point for any plan, so a stage can start from
/// the plan the homes were read from.
pub fn complete(
    instance: &Instance,
    classes: &[Class],
    designation: &Designation,
    values: &mut [f64],
) {
    let weeks = accueil_weeks(instance);
    // Days directed, per (person, day), from the task values.
    let mut directed: BTreeSet<(Option<usize>, usize)> = BTreeSet::new();
    for class in classes {
        let person = (class.people.len() == 1).then(|| class.people[0]);
        for class_arc in &class.arcs {
            let on = class_arc
                .tasks
                .iter()
                .any(|t| t.task.directs() && values.get(t.var.column).is_some_and(|v| *v > 0.5));
            if on {
                directed.insert((person, class_arc.day));
            }
        }
    }
    for ((person, accueil, week), var) in &designation.whole {
        let days = &weeks[&(*accueil, *week)].days;
        let whole = days.iter().all(|d| directed.contains(&(Some(*person), *d)));
        if let Some(slot) = values.get_mut(var.column) {
            *slot = if whole { 1.0 } else { 0.0 };
        }
    }
    for (key, week) in &weeks {
        let wholes: Vec<usize> = designation
            .whole
            .iter()
            .filter(|((_, a, w), var)| {
                (*a, *w) == *key && values.get(var.column).is_some_and(|v| *v > 0.5)
            })
            .map(|((p, _, _), _)| *p)
            .collect();
        let others = directed.iter().any(|(person, day)| {
            week.days.contains(day) && person.is_none_or(|p| !wholes.contains(&p))
        });
        let changes = others || (wholes.len() as u32) < week.need;
        if let Some(var) = designation.changes.get(key)
            && let Some(slot) = values.get_mut(var.column)
        {
            *slot = if changes { 1.0 } else { 0.0 };
        }
    }
}
