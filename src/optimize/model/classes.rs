//! Classes: people interchangeable on a date (same category, hour limits, and tasks allowed
//! at every open day of that date), and the tasks each may do.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::variables::{Builder, Class, ClassArc, Task, TaskVar};
use crate::domain::AnimationCategory;
use crate::optimize::instance::{Arc, Instance};
use crate::optimize::previous::Prior;
use crate::optimize::stability::Homes;
use crate::problem::AccueilId;
use crate::rules::director::DirectorPresence;
use crate::rules::{health, labour};

/// Slots per arc up to which every combination is a task; beyond, one slot at a time.
const MAX_COMBINED_SLOTS: usize = 8;

/// Minutes worked on the slots of `mask` (bit k: the k-th slot of `slots`): the length of the
/// union of their créneaux, as the law counts a day's work (a `journee` and a `soir` that
/// overlap by an hour are not counted twice).
fn worked_minutes(instance: &Instance, slots: &[usize], mask: u32) -> u32 {
    labour::minutes_worked(
        slots
            .iter()
            .enumerate()
            .filter(|(k, _)| mask & (1 << k) != 0)
            .map(|(_, s)| &instance.slots[*s].creneau),
    )
}

/// The tasks open on `arc` under a daily hour limit, with their minutes: every combination of
/// its slots that fits (one slot at a time beyond `MAX_COMBINED_SLOTS`), and directing.
fn arc_tasks(instance: &Instance, arc: &Arc, daily_limit: Option<u32>) -> Vec<(Task, u32)> {
    let slots: Vec<usize> = arc.slots.iter().take(32).copied().collect();
    let minutes: Vec<u32> = slots.iter().map(|s| instance.slots[*s].minutes).collect();
    let fits = |total: u32| daily_limit.is_none_or(|max| total <= max);
    let mut tasks = Vec::new();
    if minutes.len() <= MAX_COMBINED_SLOTS {
        for mask in 1u32..(1 << minutes.len()) {
            let total = worked_minutes(instance, &slots, mask);
            if fits(total) {
                tasks.push((Task::Animate(mask), total));
            }
        }
    } else {
        for (k, slot_minutes) in minutes.iter().enumerate() {
            if fits(*slot_minutes) {
                tasks.push((Task::Animate(1 << k), *slot_minutes));
            }
        }
    }
    if arc.can_direct {
        match instance.director_presence {
            DirectorPresence::AllDay => {
                tasks.push((Task::Direct, instance.days[arc.day].director_minutes));
            }
            DirectorPresence::OneSlot => tasks.extend(partial_direction(instance, arc, &fits)),
        }
    }
    tasks
}

/// The director's tasks when one créneau a day is enough (`Presence de la direction`: `un
/// creneau`), with their minutes: for each set of slots worked, the director directs those
/// where the law counts a director in N and animates the others; where it counts nowhere in
/// the set, one of them is directed (each in turn) and the others animated. Directing a slot
/// where the director counts is never worse than animating it (same count, outside the
/// unqualified cap), so these tasks lose no plan.
fn partial_direction(
    instance: &Instance,
    arc: &Arc,
    fits: &dyn Fn(u32) -> bool,
) -> Vec<(Task, u32)> {
    let slots: Vec<usize> = arc.slots.iter().take(32).copied().collect();
    let minutes = |mask: u32| worked_minutes(instance, &slots, mask);
    let counting: u32 = (0..slots.len())
        .filter(|k| instance.slots[slots[*k]].director_counts)
        .fold(0, |mask, k| mask | (1 << k));
    let masks: Vec<u32> = if slots.len() <= MAX_COMBINED_SLOTS {
        (1u32..(1 << slots.len())).collect()
    } else {
        (0..slots.len()).map(|k| 1 << k).collect()
    };
    let mut tasks = Vec::new();
    for worked in masks {
        let total = minutes(worked);
        if !fits(total) {
            continue;
        }
        if worked & counting != 0 {
            let directed = worked & counting;
            let animated = worked & !counting;
            tasks.push((Task::DirectSome { directed, animated }, total));
        } else {
            for k in (0..slots.len()).filter(|k| worked & (1 << k) != 0) {
                let directed = 1 << k;
                let animated = worked & !directed;
                tasks.push((Task::DirectSome { directed, animated }, total));
            }
        }
    }
    tasks
}

/// One class before its variables: the date, its people, per open day the members' arcs
/// (parallel to the people), the daily hour limit and whether minutes are counted.
pub struct ClassPlan {
    date: NaiveDate,
    people: Vec<usize>,
    arcs: Vec<(usize, Vec<usize>)>,
    daily_limit: Option<u32>,
    counted: bool,
    home: Option<AccueilId>,
    prior: Option<Prior>,
}

/// What makes people interchangeable on a date: the date, the person for a class of one, the
/// category (quotas), the daily hour limit, whether the week's minutes are counted, and per
/// open day the slots and direction allowed. With homes (the stability stage), also the home
/// accueil: the people of a class share it, so the days they work away from home are counted
/// exactly; and anyone who may direct is alone in their class, their directing tied to their
/// designation as a week's director (`directors`).
type ClassKey = (
    NaiveDate,
    Option<usize>,
    Option<AccueilId>,
    Option<Prior>,
    AnimationCategory,
    // Holds the PSC1, where some open day needs a holder (suivi sanitaire).
    bool,
    Option<u32>,
    bool,
    Vec<(usize, Vec<usize>, bool)>,
);

/// Groups the people of each date into classes (classes of one without `aggregate`).
pub fn partition(instance: &Instance, aggregate: bool, homes: Option<&Homes>) -> Vec<ClassPlan> {
    let mut by_person: BTreeMap<usize, BTreeMap<NaiveDate, Vec<usize>>> = BTreeMap::new();
    for (index, arc) in instance.arcs.iter().enumerate() {
        by_person
            .entry(arc.person)
            .or_default()
            .entry(instance.days[arc.day].date)
            .or_default()
            .push(index);
    }
    let psc1_matters = instance.days.iter().any(|d| d.needs_psc1);
    // The stability stages choose the week's directors: whoever may direct is a class of one.
    let designating = homes.is_some_and(|h| !h.replanning());
    let directs: BTreeSet<usize> = instance
        .arcs
        .iter()
        .filter(|a| a.can_direct)
        .map(|a| a.person)
        .collect();
    let mut keyed: BTreeMap<ClassKey, Vec<(usize, Vec<usize>)>> = BTreeMap::new();
    for (person, dates) in by_person {
        let animateur = &instance.people[person].animateur;
        let most: BTreeMap<NaiveDate, u32> = dates
            .iter()
            .map(|(date, arcs)| {
                let limit = labour::labour_limits(animateur, *date).max_minutes_per_day;
                let most = arcs
                    .iter()
                    .flat_map(|a| arc_tasks(instance, &instance.arcs[*a], limit))
                    .map(|(_, minutes)| minutes)
                    .max()
                    .unwrap_or(0);
                (*date, most)
            })
            .collect();
        let counted = counted_weeks(instance, person, &most);
        for (date, arcs) in dates {
            // A person may work in any sector they are allowed in: one share of their day per
            // sector, so that people allowed in several sectors join each sector's class.
            let mut blocks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for arc in arcs {
                let sector = if aggregate {
                    instance.days[instance.arcs[arc].day].sector.as_str()
                } else {
                    ""
                };
                blocks.entry(sector).or_default().push(arc);
            }
            for arcs in blocks.into_values() {
                let signature: Vec<(usize, Vec<usize>, bool)> = arcs
                    .iter()
                    .map(|a| {
                        let arc = &instance.arcs[*a];
                        (arc.day, arc.slots.clone(), arc.can_direct)
                    })
                    .collect();
                let alone = !aggregate || (designating && directs.contains(&person));
                let key = (
                    date,
                    alone.then_some(person),
                    homes.and_then(|h| h.home(person, date)),
                    homes.and_then(|h| h.prior(person, date)),
                    instance.people[person].category,
                    psc1_matters && health::holds_psc1(animateur),
                    labour::labour_limits(animateur, date).max_minutes_per_day,
                    counted.contains(&Instance::civil_week(date)),
                    signature,
                );
                keyed.entry(key).or_default().push((person, arcs));
            }
        }
    }
    keyed
        .into_iter()
        .map(
            |((date, _, home, prior, _, _, daily_limit, counted, signature), members)| ClassPlan {
                date,
                people: members.iter().map(|(p, _)| *p).collect(),
                arcs: signature
                    .iter()
                    .enumerate()
                    .map(|(k, (day, _, _))| (*day, members.iter().map(|(_, a)| a[k]).collect()))
                    .collect(),
                daily_limit,
                counted,
                home,
                prior,
            },
        )
        .collect()
}

/// The civil weeks in which `person` could exceed their weekly hour limit (at most 6 days in
/// 7, each at the most minutes they could work that date, `most`): their minutes are counted
/// there.
fn counted_weeks(
    instance: &Instance,
    person: usize,
    most: &BTreeMap<NaiveDate, u32>,
) -> BTreeSet<(i32, u32)> {
    let animateur = &instance.people[person].animateur;
    let mut weeks: BTreeMap<(i32, u32), (Vec<u32>, Option<u32>)> = BTreeMap::new();
    for (date, minutes) in most {
        let Some(limit) = labour::labour_limits(animateur, *date).max_minutes_per_week else {
            continue;
        };
        let week = weeks.entry(Instance::civil_week(*date)).or_default();
        week.0.push(*minutes);
        week.1 = Some(week.1.map_or(limit, |l| l.min(limit)));
    }
    weeks
        .into_iter()
        .filter_map(|(week, (minutes, limit))| {
            limit
                .is_some_and(|l| could_exceed(minutes, l))
                .then_some(week)
        })
        .collect()
}

/// Whether a week whose dates allow at most `most` minutes each could exceed `limit` minutes,
/// with at most 6 days worked in 7 (weekly rest).
pub fn could_exceed(mut most: Vec<u32>, limit: u32) -> bool {
    most.sort_unstable_by(|a, b| b.cmp(a));
    let possible: u32 = most
        .iter()
        .take(labour::MAX_DAYS_WORKED_PER_7 as usize)
        .sum();
    possible > limit
}

pub fn class_variables(
    instance: &Instance,
    plans: Vec<ClassPlan>,
    builder: &mut Builder,
) -> Vec<Class> {
    plans
        .into_iter()
        .map(|plan| {
            let size = plan.people.len();
            let arcs: Vec<ClassArc> = plan
                .arcs
                .into_iter()
                .map(|(day, members)| {
                    let arc = &instance.arcs[members[0]];
                    let tasks = arc_tasks(instance, arc, plan.daily_limit)
                        .into_iter()
                        .map(|(task, minutes)| TaskVar {
                            task,
                            minutes,
                            var: builder.count_of(size),
                        })
                        .collect();
                    ClassArc {
                        day,
                        members,
                        tasks,
                    }
                })
                .collect();
            let levels: Vec<Option<u32>> = if plan.counted && size > 1 {
                let minutes: BTreeSet<u32> = arcs
                    .iter()
                    .flat_map(|a| a.tasks.iter().map(|t| t.minutes))
                    .collect();
                minutes.into_iter().map(Some).collect()
            } else {
                vec![None]
            };
            let works_day = if size > 1 {
                (0..size)
                    .map(|_| levels.iter().map(|_| builder.binary()).collect())
                    .collect()
            } else {
                Vec::new()
            };
            Class {
                date: plan.date,
                home: plan.home,
                prior: plan.prior,
                people: plan.people,
                arcs,
                levels,
                works_day,
            }
        })
        .collect()
}
