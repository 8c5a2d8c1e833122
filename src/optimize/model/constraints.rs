//! The constraint families, one function per rule, each named after the rule it encodes.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use good_lp::{Expression, Variable};

use super::classes::could_exceed;
use super::variables::{Builder, Class, ClassArc, Columns, Task, Var};
use crate::domain::AnimationCategory;
use crate::optimize::instance::{Instance, cee_budget};
use crate::rules::{health, labour};

/// Per person, per date: the terms whose sum is 1 when they work that date (their `w`, or the
/// task variables of their class-of-one arcs).
pub type DaysWorked = BTreeMap<usize, BTreeMap<NaiveDate, Vec<Variable>>>;

pub fn days_worked(classes: &[Class]) -> DaysWorked {
    let mut days: DaysWorked = BTreeMap::new();
    for class in classes {
        if class.works_day.is_empty() {
            let terms = class
                .arcs
                .iter()
                .flat_map(|a| a.tasks.iter().map(|t| t.var.variable));
            days.entry(class.people[0])
                .or_default()
                .entry(class.date)
                .or_default()
                .extend(terms);
        } else {
            for (person, levels) in class.people.iter().zip(&class.works_day) {
                days.entry(*person)
                    .or_default()
                    .entry(class.date)
                    .or_default()
                    .extend(levels.iter().map(|w| w.variable));
            }
        }
    }
    days
}

pub fn sum(variables: impl IntoIterator<Item = Variable>) -> Expression {
    let mut expression = Expression::default();
    for variable in variables {
        expression += variable;
    }
    expression
}

/// The slots a task counts in: the animated ones, or for a director those where the law
/// counts them in N.
fn task_slots<'a>(
    instance: &'a Instance,
    class_arc: &'a ClassArc,
    task: Task,
) -> impl Iterator<Item = usize> + 'a {
    let slots = &instance.arcs[class_arc.members[0]].slots;
    let day = &instance.days[class_arc.day];
    let (animated, directed_mask, whole_day) = match task {
        Task::Animate(mask) => (mask, 0, false),
        Task::Direct => (0, 0, true),
        Task::DirectSome { directed, animated } => (animated, directed, false),
    };
    let animated = slots
        .iter()
        .enumerate()
        .filter(move |(k, _)| animated & (1 << k) != 0)
        .map(|(_, s)| *s);
    let directed_some = slots
        .iter()
        .enumerate()
        .filter(move |(k, _)| directed_mask & (1 << k) != 0)
        .map(|(_, s)| *s);
    let directed = day
        .slots
        .iter()
        .copied()
        .filter(move |_| whole_day)
        .chain(directed_some)
        .filter(move |s| instance.slots[*s].director_counts);
    animated.chain(directed)
}

/// The slots a task animates (a director's directed slots are not among them).
fn animated_slots<'a>(
    instance: &'a Instance,
    class_arc: &'a ClassArc,
    task: Task,
) -> impl Iterator<Item = usize> + 'a {
    let mask = match task {
        Task::Animate(mask) | Task::DirectSome { animated: mask, .. } => mask,
        Task::Direct => 0,
    };
    instance.arcs[class_arc.members[0]]
        .slots
        .iter()
        .enumerate()
        .filter(move |(k, _)| mask & (1 << k) != 0)
        .map(|(_, s)| *s)
}

/// Per slot, who is counted in N among the classes of the categories `include` accepts:
/// animation staff, plus directors where the law counts them.
fn counted_staff(
    instance: &Instance,
    classes: &[Class],
    include: impl Fn(AnimationCategory) -> bool,
) -> Vec<Expression> {
    let mut staff: Vec<Expression> = vec![Expression::default(); instance.slots.len()];
    for class in classes {
        if !include(instance.people[class.people[0]].category) {
            continue;
        }
        for class_arc in &class.arcs {
            for task in &class_arc.tasks {
                for slot in task_slots(instance, class_arc, task.task) {
                    staff[slot] += task.var.variable;
                }
            }
        }
    }
    staff
}

/// Sets every shortage variable of `values` to the least its rows allow given the tasks done
/// (the cover rows above, counted the same way): a stage whose objective ignores them (cost,
/// stability) may leave them above, and a plan's shortage is what its tasks leave uncovered.
pub fn settle_shortages(instance: &Instance, columns: &Columns, values: &mut [f64]) {
    let count = |var: Var| values.get(var.column).map_or(0.0, |v| v.round().max(0.0));
    let mut staffed = vec![0.0; instance.slots.len()];
    let mut qualified = vec![0.0; instance.slots.len()];
    let mut directors = vec![0.0; instance.days.len()];
    let mut holders = vec![false; instance.days.len()];
    for class in &columns.classes {
        let person = &instance.people[class.people[0]];
        let is_qualified = person.category == AnimationCategory::Qualified;
        let holds_psc1 = health::holds_psc1(&person.animateur);
        for class_arc in &class.arcs {
            for task in &class_arc.tasks {
                let done = count(task.var);
                if done == 0.0 {
                    continue;
                }
                for slot in task_slots(instance, class_arc, task.task) {
                    staffed[slot] += done;
                    if is_qualified {
                        qualified[slot] += done;
                    }
                }
                if task.task.directs() {
                    directors[class_arc.day] += done;
                }
                holders[class_arc.day] |= holds_psc1;
            }
        }
    }
    let mut set = |var: Var, least: f64| {
        if let Some(value) = values.get_mut(var.column) {
            *value = least.max(0.0);
        }
    };
    for (index, slot) in instance.slots.iter().enumerate() {
        set(
            columns.missing_any[index],
            f64::from(slot.staff_needed) - staffed[index],
        );
        set(
            columns.missing_qualified[index],
            f64::from(slot.min_qualified) - qualified[index],
        );
    }
    for (index, day) in instance.days.iter().enumerate() {
        set(
            columns.missing_director[index],
            f64::from(day.directors) - directors[index],
        );
    }
    for (day, var) in &columns.missing_psc1 {
        set(*var, if holders[*day] { 0.0 } else { 1.0 });
    }
}

/// CASF R227-15 to R227-19: at least N animateurs (plus the extra dedicated adults) on every
/// slot, the director counted only where R227-17 a / arrêté 13/02/2007 art. 1 allow it.
pub fn cover_ratio(instance: &Instance, classes: &[Class], missing: &[Var], builder: &mut Builder) {
    let staff = counted_staff(instance, classes, |_| true);
    for ((slot, expression), missing) in instance.slots.iter().zip(staff).zip(missing) {
        builder
            .constraints
            .push((expression + missing.variable).geq(f64::from(slot.staff_needed)));
    }
}

/// CASF R227-12: at least half of N qualified (1° + 2°); a counted director counts as qualified.
pub fn qualified_quota(
    instance: &Instance,
    classes: &[Class],
    missing: &[Var],
    builder: &mut Builder,
) {
    let staff = counted_staff(instance, classes, |c| c == AnimationCategory::Qualified);
    for ((slot, expression), missing) in instance.slots.iter().zip(staff).zip(missing) {
        if slot.min_qualified > 0 {
            builder
                .constraints
                .push((expression + missing.variable).geq(f64::from(slot.min_qualified)));
        }
    }
}

/// CASF R227-12: at most 20 % of N unqualified (1 when N is 3 or 4), an absolute cap that holds
/// even when staff is short.
pub fn unqualified_cap(instance: &Instance, classes: &[Class], builder: &mut Builder) {
    let mut unqualified: Vec<Expression> = vec![Expression::default(); instance.slots.len()];
    let mut any = vec![false; instance.slots.len()];
    for class in classes {
        if instance.people[class.people[0]].category != AnimationCategory::Unqualified {
            continue;
        }
        for class_arc in &class.arcs {
            for task in &class_arc.tasks {
                for slot in animated_slots(instance, class_arc, task.task) {
                    unqualified[slot] += task.var.variable;
                    any[slot] = true;
                }
            }
        }
    }
    for (index, expression) in unqualified.into_iter().enumerate() {
        if any[index] {
            let cap = f64::from(instance.slots[index].max_unqualified);
            builder.constraints.push(expression.leq(cap));
        }
    }
}

/// CASF R227-14 and R227-18: a director-eligible person directs every open day (plus adjoints
/// on large séjours), the whole day or at least one créneau (`Presence de la direction`, in
/// the tasks); eligibility (BAFD, or a professional diploma under the 80/80 rule) is in the
/// arcs.
pub fn director_presence(
    instance: &Instance,
    classes: &[Class],
    missing: &[Var],
    builder: &mut Builder,
) {
    let mut directors: Vec<Expression> = vec![Expression::default(); instance.days.len()];
    for class_arc in classes.iter().flat_map(|c| &c.arcs) {
        for task in class_arc.tasks.iter().filter(|t| t.task.directs()) {
            directors[class_arc.day] += task.var.variable;
        }
    }
    for ((day, expression), missing) in instance.days.iter().zip(directors).zip(missing) {
        builder
            .constraints
            .push((expression + missing.variable).geq(f64::from(day.directors)));
    }
}

/// A class does as many tasks, at each minutes level, as it has people working that date at
/// that level.
pub fn class_days(classes: &[Class], builder: &mut Builder) {
    for class in classes {
        if class.works_day.is_empty() {
            continue;
        }
        for level in 0..class.levels.len() {
            let tasks = class
                .arcs
                .iter()
                .flat_map(|a| &a.tasks)
                .filter(|t| class.level_of(t.minutes) == Some(level))
                .map(|t| t.var.variable);
            let people = class.works_day.iter().map(|w| w[level].variable);
            builder.constraints.push(sum(tasks).eq(sum(people)));
        }
    }
}

/// At most one task, at one ACM, per person per day; a candidate works only if hired.
pub fn one_place_per_day(days: &DaysWorked, hired: &[Option<Var>], builder: &mut Builder) {
    for (person, dates) in days {
        let hire = hired.get(*person).copied().flatten();
        for works in dates.values() {
            match hire {
                Some(hire) => builder
                    .constraints
                    .push(sum(works.iter().copied()).leq(hire.variable)),
                None if works.len() > 1 => {
                    builder
                        .constraints
                        .push(sum(works.iter().copied()).leq(1.0));
                }
                None => {}
            }
        }
    }
}

/// Code du travail L3121-20 (48 h a week) and L3162-1 for staff under 18 (35 h), in the weeks
/// where the person could exceed it (`counted_weeks`). The daily limits (L3121-18: 10 h;
/// L3162-1: 8 h) are in the tasks themselves.
pub fn weekly_hours(instance: &Instance, classes: &[Class], builder: &mut Builder) {
    // (person, week) → (minutes expression, most minutes per date, limit)
    type Week = (Expression, BTreeMap<NaiveDate, u32>, u32);
    let mut weeks: BTreeMap<(usize, (i32, u32)), Week> = BTreeMap::new();
    for class in classes {
        let person = class.people[0];
        let animateur = &instance.people[person].animateur;
        let Some(limit) = labour::labour_limits(animateur, class.date).max_minutes_per_week else {
            continue;
        };
        let mut add = |person: usize, var: Var, minutes: u32| {
            let week = weeks
                .entry((person, Instance::civil_week(class.date)))
                .or_insert_with(|| (Expression::default(), BTreeMap::new(), limit));
            week.0 += f64::from(minutes) * var.variable;
            let most = week.1.entry(class.date).or_default();
            *most = (*most).max(minutes);
            week.2 = week.2.min(limit);
        };
        if class.works_day.is_empty() {
            for task in class.arcs.iter().flat_map(|a| &a.tasks) {
                add(person, task.var, task.minutes);
            }
        } else if class.levels.iter().all(Option::is_some) {
            for (person, levels) in class.people.iter().zip(&class.works_day) {
                for (w, minutes) in levels.iter().zip(&class.levels) {
                    add(*person, *w, minutes.unwrap_or(0));
                }
            }
        }
    }
    for (minutes, most, limit) in weeks.into_values() {
        if could_exceed(most.into_values().collect(), limit) {
            builder.constraints.push(minutes.leq(f64::from(limit)));
        }
    }
}

/// Candidates of the same profile are interchangeable: hire them in order.
pub fn hiring_symmetry(instance: &Instance, hired: &[Option<Var>], builder: &mut Builder) {
    let mut previous: BTreeMap<usize, Var> = BTreeMap::new();
    for (person, hire) in instance.people.iter().zip(hired) {
        let (Some(candidate), Some(hire)) = (&person.candidate, hire) else {
            continue;
        };
        if let Some(before) = previous.insert(candidate.group, *hire) {
            builder
                .constraints
                .push(Expression::from(hire.variable).leq(before.variable));
        }
    }
}

/// CASF L432-4: a CEE holder works at most 80 days in any rolling 12 months, the days already
/// worked before the period included (conservatively counted in every window that starts
/// before the period).
pub fn cee_day_limit(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
    let start = instance.horizon_start;
    for (person, dates) in days {
        let Some(budget) = cee_budget(&instance.people[*person].animateur) else {
            continue;
        };
        let possible: Vec<NaiveDate> = dates.keys().copied().collect();
        for (end_index, end) in possible.iter().enumerate() {
            let window_start = *end - Duration::days(labour::CEE_WINDOW_DAYS - 1);
            let first = possible.partition_point(|d| *d < window_start);
            let rhs = if window_start <= start {
                budget
            } else {
                labour::CEE_MAX_DAYS_PER_365
            };
            let size = u32::try_from(end_index + 1 - first).unwrap_or(u32::MAX);
            // Only the widest window before the next one slides matters.
            let next_slides = possible.get(end_index + 1).is_none_or(|next| {
                let next_start = *next - Duration::days(labour::CEE_WINDOW_DAYS - 1);
                possible[first] < next_start || (next_start <= start) != (window_start <= start)
            });
            if size > rhs && next_slides {
                let works = possible[first..=end_index]
                    .iter()
                    .flat_map(|d| dates[d].iter().copied());
                builder.constraints.push(sum(works).leq(f64::from(rhs)));
            }
        }
    }
}

/// CASF L432-6 (CEE: 24 h) and Code du travail L3132-2 (35 h): at least one whole day off in any
/// 7 consecutive days.
pub fn weekly_rest(days: &DaysWorked, builder: &mut Builder) {
    for dates in days.values() {
        let possible: Vec<NaiveDate> = dates.keys().copied().collect();
        for (index, first) in possible.iter().enumerate() {
            let Some(seventh) = possible.get(index + 6) else {
                break;
            };
            if *seventh - *first == Duration::days(6) {
                let works = possible[index..=index + 6]
                    .iter()
                    .flat_map(|d| dates[d].iter().copied());
                builder
                    .constraints
                    .push(sum(works).leq(f64::from(labour::MAX_DAYS_WORKED_PER_7)));
            }
        }
    }
}

/// The person's own `Max jours` over the period (not a law: the user's limit).
pub fn personal_day_limit(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
    for (person, dates) in days {
        let Some(max) = instance.people[*person].animateur.max_jours else {
            continue;
        };
        if dates.len() > max as usize {
            let works = dates.values().flat_map(|v| v.iter().copied());
            builder.constraints.push(sum(works).leq(f64::from(max)));
        }
    }
}

/// Code du travail L3164-2: staff under 18 have two consecutive days off in each civil week.
pub fn minor_two_days_off(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
    for (person, dates) in days {
        let animateur = &instance.people[*person].animateur;
        let mut weeks: BTreeMap<(i32, u32), Vec<NaiveDate>> = BTreeMap::new();
        for date in dates.keys() {
            if labour::labour_limits(animateur, *date).two_consecutive_days_off {
                weeks
                    .entry(Instance::civil_week(*date))
                    .or_default()
                    .push(*date);
            }
        }
        for possible in weeks.values() {
            let Some(first) = possible.first() else {
                continue;
            };
            let monday = *first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
            let pairs: Vec<[NaiveDate; 2]> = (0..6)
                .map(|k| [monday + Duration::days(k), monday + Duration::days(k + 1)])
                .collect();
            // A pair of days the person cannot work anyway already gives the rest.
            if pairs
                .iter()
                .any(|pair| pair.iter().all(|d| !dates.contains_key(d)))
            {
                continue;
            }
            let mut choice = Expression::default();
            for pair in pairs {
                let rest = builder.binary();
                builder.rest_pairs.push((rest, *person, pair));
                choice += rest.variable;
                for date in pair {
                    if let Some(works) = dates.get(&date) {
                        let worked = sum(works.iter().copied());
                        builder.constraints.push((worked + rest.variable).leq(1.0));
                    }
                }
            }
            builder.constraints.push(choice.geq(1.0));
        }
    }
}

/// Arrêté of 20 February 2003 (suivi sanitaire): on a séjour or a mini-camp, someone of each
/// day's team, director included, holds the PSC1; `missing` is the day's shortage.
pub fn psc1_presence(
    instance: &Instance,
    classes: &[Class],
    missing: &[(usize, Var)],
    builder: &mut Builder,
) {
    let mut holders: Vec<Expression> = vec![Expression::default(); instance.days.len()];
    for class in classes {
        if !health::holds_psc1(&instance.people[class.people[0]].animateur) {
            continue;
        }
        for class_arc in &class.arcs {
            for task in &class_arc.tasks {
                holders[class_arc.day] += task.var.variable;
            }
        }
    }
    for (day, missing) in missing {
        let expression = std::mem::take(&mut holders[*day]);
        builder
            .constraints
            .push((expression + missing.variable).geq(1.0));
    }
}
