//! A plan into columns and back: a starting point from chosen assignments ([`completion`]),
//! and a solution split into what each person does ([`choices`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::variables::{Columns, Task, TaskVar, Var};
use crate::domain::AnimationCategory;
use crate::optimize::instance::Instance;
use crate::problem::AccueilId;
use crate::rules::health;

/// What one person does on one of their arcs in a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// Per slot of the arc, same order: in direction there (every slot when the person directs
    /// the whole day).
    pub directed: Vec<bool>,
    /// Per slot of the arc, same order: animates there.
    pub animates: Vec<bool>,
}

fn mask(on: &[bool]) -> u32 {
    on.iter()
        .enumerate()
        .filter(|(_, on)| **on)
        .fold(0u32, |mask, (k, _)| mask | (1 << k))
}

impl Choice {
    /// The task of this choice among `tasks` (a director who works part of the day keeps the
    /// slots worked when the exact split is not a task).
    fn task(&self, tasks: &[TaskVar]) -> Option<TaskVar> {
        let (directed, animated) = (
            mask(&self.directed),
            mask(&self.animates) & !mask(&self.directed),
        );
        if directed == 0 {
            let task = Task::Animate(animated);
            return tasks
                .iter()
                .find(|t| animated != 0 && t.task == task)
                .copied();
        }
        let worked = directed | animated;
        let same_work = |t: &&TaskVar| match t.task {
            Task::DirectSome {
                directed: d,
                animated: a,
            } => d | a == worked,
            _ => false,
        };
        tasks
            .iter()
            .find(|t| t.task == Task::Direct)
            .or_else(|| {
                tasks
                    .iter()
                    .find(|t| t.task == Task::DirectSome { directed, animated })
            })
            .or_else(|| {
                tasks.iter().filter(same_work).find(
                    |t| matches!(t.task, Task::DirectSome { directed: d, .. } if d & directed != 0),
                )
            })
            .or_else(|| tasks.iter().find(same_work))
            .copied()
    }
}

/// A complete solution vector from a choice of assignments: `animates(arc, k)` for the k-th
/// slot of an arc, `directs(arc, k)` (in direction there); every other variable (task counts, days worked, shortages,
/// hires, the minors' rest days) is derived. Used to start a stage from a known feasible plan.
pub fn completion(
    instance: &Instance,
    model: &Columns,
    animates: impl Fn(usize, usize) -> bool,
    directs: impl Fn(usize, usize) -> bool,
) -> Vec<f64> {
    let mut values = vec![0.0; model.variable_count];
    let mut staffed = vec![0u32; instance.slots.len()];
    let mut qualified = vec![0u32; instance.slots.len()];
    let mut directors = vec![0u32; instance.days.len()];
    let mut holders = vec![false; instance.days.len()];
    let mut worked: BTreeSet<(usize, NaiveDate)> = BTreeSet::new();
    for class in &model.classes {
        let is_qualified =
            instance.people[class.people[0]].category == AnimationCategory::Qualified;
        for class_arc in &class.arcs {
            let slots = &instance.arcs[class_arc.members[0]].slots;
            let day = &instance.days[class_arc.day];
            for (member, &arc) in class_arc.members.iter().enumerate() {
                let choice = Choice {
                    directed: (0..slots.len()).map(|k| directs(arc, k)).collect(),
                    animates: (0..slots.len()).map(|k| animates(arc, k)).collect(),
                };
                let Some(task_var) = choice.task(&class_arc.tasks) else {
                    continue;
                };
                values[task_var.var.column] += 1.0;
                // A PSC1 holder in the day's team (suivi sanitaire).
                if health::holds_psc1(&instance.people[class.people[member]].animateur) {
                    holders[class_arc.day] = true;
                }
                let on = |mask: u32| -> Vec<usize> {
                    slots
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| mask & (1 << k) != 0)
                        .map(|(_, s)| *s)
                        .collect()
                };
                let counts = |s: &usize| instance.slots[*s].director_counts;
                let counted: Vec<usize> = match task_var.task {
                    Task::Direct => {
                        directors[class_arc.day] += 1;
                        day.slots.iter().copied().filter(counts).collect()
                    }
                    Task::DirectSome { directed, animated } => {
                        directors[class_arc.day] += 1;
                        let mut counted: Vec<usize> =
                            on(directed).into_iter().filter(counts).collect();
                        counted.extend(on(animated));
                        counted
                    }
                    Task::Animate(mask) => on(mask),
                };
                for slot in counted {
                    staffed[slot] += 1;
                    qualified[slot] += u32::from(is_qualified);
                }
                let person = class.people[member];
                if let (Some(works), Some(level)) = (
                    class.works_day.get(member),
                    class.level_of(task_var.minutes),
                ) {
                    values[works[level].column] = 1.0;
                }
                worked.insert((person, class.date));
                if let Some(Some(hire)) = model.hired.get(person) {
                    values[hire.column] = 1.0;
                }
            }
        }
    }
    for (index, slot) in instance.slots.iter().enumerate() {
        values[model.missing_any[index].column] =
            f64::from(slot.staff_needed.saturating_sub(staffed[index]));
        values[model.missing_qualified[index].column] =
            f64::from(slot.min_qualified.saturating_sub(qualified[index]));
    }
    for (index, day) in instance.days.iter().enumerate() {
        values[model.missing_director[index].column] =
            f64::from(day.directors.saturating_sub(directors[index]));
    }
    for (day, var) in &model.missing_psc1 {
        values[var.column] = if holders[*day] { 0.0 } else { 1.0 };
    }
    for (var, person, pair) in &model.rest_pairs {
        let free = pair.iter().all(|d| !worked.contains(&(*person, *d)));
        values[var.column] = if free { 1.0 } else { 0.0 };
    }
    if let Some(designation) = &model.designation {
        super::directors::complete(instance, &model.classes, designation, &mut values);
    }
    values
}

/// Splits a solution back into what each person does on each of their arcs (indexed like
/// `Instance::arcs`). Within a class, the people who work that date take the tasks of their
/// minutes level; where the counts allow, each stays at the ACM where they last worked, in the
/// same role, so teams stay stable.
pub fn choices(instance: &Instance, model: &Columns, values: &[f64]) -> Vec<Choice> {
    let count = |var: Var| {
        values
            .get(var.column)
            .map_or(0, |v| v.round().max(0.0) as usize)
    };
    let mut result: Vec<Choice> = instance
        .arcs
        .iter()
        .map(|arc| Choice {
            directed: vec![false; arc.slots.len()],
            animates: vec![false; arc.slots.len()],
        })
        .collect();
    // Per person: the ACM of the last date worked, and whether they directed there.
    let mut last: BTreeMap<usize, (AccueilId, bool)> = BTreeMap::new();
    for class in &model.classes {
        // (member, level) of everyone working that date.
        let working: Vec<(usize, usize)> = if class.works_day.is_empty() {
            vec![(0, 0)]
        } else {
            class
                .works_day
                .iter()
                .enumerate()
                .flat_map(|(member, levels)| {
                    levels
                        .iter()
                        .enumerate()
                        .filter(|(_, w)| count(**w) > 0)
                        .map(move |(level, _)| (member, level))
                })
                .collect()
        };
        // (level, class arc, task) for each task done, as many times as it is done.
        let mut open: Vec<(usize, usize, Task)> = Vec::new();
        for (index, class_arc) in class.arcs.iter().enumerate() {
            for task in &class_arc.tasks {
                let level = if class.works_day.is_empty() {
                    Some(0)
                } else {
                    class.level_of(task.minutes)
                };
                if let Some(level) = level {
                    for _ in 0..count(task.var) {
                        open.push((level, index, task.task));
                    }
                }
            }
        }
        let mut taken: Vec<(usize, usize, Task)> = Vec::new();
        let mut free = Vec::new();
        for (member, level) in working {
            let before = last.get(&class.people[member]).copied();
            let stays = |(l, index, task): &(usize, usize, Task)| {
                before.is_some_and(|(accueil, directed)| {
                    *l == level
                        && instance.days[class.arcs[*index].day].accueil == accueil
                        && task.directs() == directed
                })
            };
            let here = |(l, index, _): &(usize, usize, Task)| {
                *l == level
                    && before
                        .is_some_and(|(a, _)| instance.days[class.arcs[*index].day].accueil == a)
            };
            match open
                .iter()
                .position(stays)
                .or_else(|| open.iter().position(here))
            {
                Some(position) => {
                    let (_, index, task) = open.remove(position);
                    taken.push((member, index, task));
                }
                None => free.push((member, level)),
            }
        }
        for (member, level) in free {
            if let Some(position) = open.iter().position(|(l, _, _)| *l == level) {
                let (_, index, task) = open.remove(position);
                taken.push((member, index, task));
            }
        }
        for (member, index, task) in taken {
            let class_arc = &class.arcs[index];
            let choice = &mut result[class_arc.members[member]];
            let (directed, animated) = match task {
                Task::Direct => (u32::MAX, 0),
                Task::DirectSome { directed, animated } => (directed, animated),
                Task::Animate(mask) => (0, mask),
            };
            for (k, on) in choice.directed.iter_mut().enumerate() {
                *on = directed & (1 << k) != 0;
            }
            for (k, on) in choice.animates.iter_mut().enumerate() {
                *on = animated & (1 << k) != 0;
            }
            let accueil = instance.days[class_arc.day].accueil;
            last.insert(class.people[member], (accueil, task.directs()));
        }
    }
    result
}

/// Cost in cents of a solution: the daily cost of every (person, date) worked, plus the fixed
/// cost of every hire (the cost stage's objective, for a plan that had no cost stage).
pub fn plan_cost(instance: &Instance, model: &Columns, values: &[f64]) -> f64 {
    let plan = choices(instance, model, values);
    let mut worked = std::collections::BTreeSet::new();
    for (arc, choice) in instance.arcs.iter().zip(&plan) {
        if choice.animates.iter().chain(&choice.directed).any(|w| *w) {
            worked.insert((arc.person, instance.days[arc.day].date));
        }
    }
    let days: f64 = worked
        .into_iter()
        .map(|(person, _)| instance.people[person].daily_cost.0 as f64)
        .sum();
    let fixed: f64 = instance
        .people
        .iter()
        .zip(&model.hired)
        .filter_map(|(person, hire)| {
            let hired = hire.is_some_and(|v| values.get(v.column).is_some_and(|x| *x > 0.5));
            person
                .candidate
                .as_ref()
                .filter(|_| hired)
                .map(|c| c.fixed_cost.0 as f64)
        })
        .sum();
    days + fixed
}
