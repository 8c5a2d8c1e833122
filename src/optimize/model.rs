//! The staffing MILP. One function per constraint family, named after the rule it encodes.
//!
//! **Tasks.** What one person does at one open day is a *task*: animate a set of the slots they
//! may animate there (whose minutes fit in their daily hour limit), or direct.
//!
//! **Classes.** People who are interchangeable on a date form a class: same category (quotas),
//! same daily hour limit, same tasks allowed at every open day of that date, and the same need
//! to count their minutes for the weekly hour limit. Variables:
//! - per class, open day and task, `n`: how many of the class do that task there (an integer
//!   bounded by the class size; binary for a class of one);
//! - per person of a class of several, `w`: works that date (binary); one per *minutes level*
//!   when their weekly hours must be counted (the task's minutes), linked by Σ n = Σ w per
//!   level.
//!
//! Every person-level rule (one place a day, CEE, weekly rest, weekly hours, `Max jours`, cost)
//! is written on `w`, so the model is exact: any solution splits back into personal
//! assignments ([`choices`]). A class of one is the personal model itself (no `w`); the
//! stability stage, whose stints are personal, uses only classes of one.
//!
//! Per slot, continuous shortages `m_any` and `m_qualified`; per open day, `m_director`; per
//! candidate, `h` (hired, binary).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};
use good_lp::{Constraint, Expression, ProblemVariables, Variable, variable};

use super::instance::{Arc, Instance, cee_budget};
use crate::domain::AnimationCategory;
use crate::rules::{Parameters, labour};

/// Which objective a stage minimises; the earlier objectives are bounded by their optimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// 1. Least weighted shortage (director > qualified > any).
    Shortage,
    /// 2. Least cost (days worked, plus fixed hiring costs).
    Cost,
    /// 3. Team stability: fewest stints (a person staying at the same ACM on consecutive open
    ///    days is one stint).
    Stability,
}

/// Optimal values of earlier stages, kept as constraints (lexicographic optimisation).
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    pub shortage: Option<f64>,
    pub cost: Option<f64>,
}

/// A variable and its column index in the solver.
#[derive(Debug, Clone, Copy)]
pub struct Var {
    pub variable: Variable,
    pub column: usize,
}

/// What one person does at one open day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Direct,
    /// Bit k: the k-th slot of the arc (`Arc::slots`).
    Animate(u32),
}

/// Slots per arc up to which every combination is a task; beyond, one slot at a time.
const MAX_COMBINED_SLOTS: usize = 8;

/// One task of a class at an open day, and how many do it.
#[derive(Debug, Clone, Copy)]
pub struct TaskVar {
    pub task: Task,
    /// Minutes worked (a director works the union of the day's créneaux; overlapping
    /// créneaux of an animateur are added up, which is conservative).
    pub minutes: u32,
    pub var: Var,
}

/// One class at one open day.
#[derive(Debug, Clone)]
pub struct ClassArc {
    pub day: usize,
    /// The members' own arcs (indices into `Instance::arcs`), parallel to `Class::people`:
    /// they all have the same slots and the same `can_direct`.
    pub members: Vec<usize>,
    pub tasks: Vec<TaskVar>,
}

/// People interchangeable on one date.
#[derive(Debug, Clone)]
pub struct Class {
    pub date: NaiveDate,
    pub people: Vec<usize>,
    pub arcs: Vec<ClassArc>,
    /// Minutes levels: `[None]` when minutes are not counted (one level, every task), else
    /// one per distinct task minutes.
    pub levels: Vec<Option<u32>>,
    /// Per person (parallel to `people`), per level: works that date at that level. Empty for
    /// a class of one, whose day is the sum of its task variables.
    pub works_day: Vec<Vec<Var>>,
}

impl Class {
    fn level_of(&self, minutes: u32) -> Option<usize> {
        self.levels
            .iter()
            .position(|l| l.is_none_or(|m| m == minutes))
    }
}

/// A built model, ready for the solver.
pub struct Model {
    pub variables: ProblemVariables,
    pub objective: Expression,
    pub constraints: Vec<Constraint>,
    pub columns: Columns,
}

/// Where each decision sits among the solver's columns: enough to read a solution back (or
/// write a starting point) without building the model again.
#[derive(Debug, Clone)]
pub struct Columns {
    pub classes: Vec<Class>,
    pub missing_any: Vec<Var>,
    pub missing_qualified: Vec<Var>,
    pub missing_director: Vec<Var>,
    /// Hiring decision per person (only candidates have one).
    pub hired: Vec<Option<Var>>,
    /// The minors' "two consecutive days off" choices: variable, person, the two days.
    pub rest_pairs: Vec<(Var, usize, [NaiveDate; 2])>,
    pub variable_count: usize,
}

/// What one person does on one of their arcs in a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub directs: bool,
    /// Per slot of the arc, same order.
    pub animates: Vec<bool>,
}

impl Choice {
    fn task(&self) -> Option<Task> {
        if self.directs {
            return Some(Task::Direct);
        }
        let mask = self
            .animates
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .fold(0u32, |mask, (k, _)| mask | (1 << k));
        (mask != 0).then_some(Task::Animate(mask))
    }
}

struct Builder {
    variables: ProblemVariables,
    constraints: Vec<Constraint>,
    count: usize,
    rest_pairs: Vec<(Var, usize, [NaiveDate; 2])>,
}

impl Builder {
    fn binary(&mut self) -> Var {
        self.add(variable().binary())
    }

    /// A count between 0 and `most`: binary for 1.
    fn count_of(&mut self, most: usize) -> Var {
        if most <= 1 {
            self.binary()
        } else {
            self.add(variable().integer().min(0.0).max(most as f64))
        }
    }

    fn continuous(&mut self, max: f64) -> Var {
        self.add(variable().min(0.0).max(max))
    }

    fn add(&mut self, definition: good_lp::VariableDefinition) -> Var {
        let column = self.count;
        self.count += 1;
        Var {
            variable: self.variables.add(definition),
            column,
        }
    }
}

/// Rows per constraint family, printed with `ACM_PLANNER_SOLVER_LOG` (development aid).
struct FamilyCounter {
    rows: usize,
    enabled: bool,
}

impl FamilyCounter {
    fn new(builder: &Builder) -> Self {
        let enabled = std::env::var_os("ACM_PLANNER_SOLVER_LOG").is_some();
        FamilyCounter {
            rows: builder.constraints.len(),
            enabled,
        }
    }

    fn count(&mut self, family: &str, builder: &Builder) {
        if self.enabled {
            eprintln!(
                "  {family:<22} {:>7} lignes",
                builder.constraints.len() - self.rows
            );
        }
        self.rows = builder.constraints.len();
    }
}

/// Builds the model of `stage` for `instance`. Stints are personal: the stability stage keeps
/// everyone in a class of one.
pub fn build(instance: &Instance, parameters: &Parameters, stage: Stage, bounds: Bounds) -> Model {
    build_with(
        instance,
        parameters,
        stage,
        bounds,
        stage == Stage::Stability,
    )
}

/// Builds the model of `stage`, with classes of one when `personal` (the model without
/// aggregation: same optimum, more variables).
pub fn build_with(
    instance: &Instance,
    parameters: &Parameters,
    stage: Stage,
    bounds: Bounds,
    personal: bool,
) -> Model {
    let mut builder = Builder {
        variables: ProblemVariables::new(),
        constraints: Vec::new(),
        count: 0,
        rest_pairs: Vec::new(),
    };
    let plans = partition(instance, !personal);
    let classes = class_variables(instance, plans, &mut builder);
    if std::env::var_os("ACM_PLANNER_SOLVER_LOG").is_some() {
        // Development aid: how much the classes aggregate.
        let arcs: usize = classes.iter().map(|c| c.arcs.len()).sum();
        let single = classes.iter().filter(|c| c.people.len() == 1).count();
        eprintln!(
            "  {} classes (dont {single} d'une personne), {arcs} couples classe × jour \
             d'ouverture, pour {} couples personne × jour d'ouverture",
            classes.len(),
            instance.arcs.len()
        );
    }
    let missing_any: Vec<Var> = instance
        .slots
        .iter()
        .map(|s| builder.continuous(f64::from(s.staff_needed)))
        .collect();
    let missing_qualified: Vec<Var> = instance
        .slots
        .iter()
        .map(|s| builder.continuous(f64::from(s.min_qualified)))
        .collect();
    let missing_director: Vec<Var> = instance
        .days
        .iter()
        .map(|d| builder.continuous(f64::from(d.directors)))
        .collect();
    let hired: Vec<Option<Var>> = instance
        .people
        .iter()
        .map(|p| p.candidate.as_ref().map(|_| builder.binary()))
        .collect();

    let days_worked = days_worked(&classes);
    let mut family = FamilyCounter::new(&builder);
    cover_ratio(instance, &classes, &missing_any, &mut builder);
    family.count("cover_ratio", &builder);
    qualified_quota(instance, &classes, &missing_qualified, &mut builder);
    family.count("qualified_quota", &builder);
    unqualified_cap(instance, &classes, &mut builder);
    family.count("unqualified_cap", &builder);
    director_presence(instance, &classes, &missing_director, &mut builder);
    family.count("director_presence", &builder);
    class_days(&classes, &mut builder);
    family.count("class_days", &builder);
    one_place_per_day(&days_worked, &hired, &mut builder);
    family.count("one_place_per_day", &builder);
    hiring_symmetry(instance, &hired, &mut builder);
    family.count("hiring_symmetry", &builder);
    cee_day_limit(instance, &days_worked, &mut builder);
    family.count("cee_day_limit", &builder);
    weekly_rest(&days_worked, &mut builder);
    family.count("weekly_rest", &builder);
    personal_day_limit(instance, &days_worked, &mut builder);
    family.count("personal_day_limit", &builder);
    weekly_hours(instance, &classes, &mut builder);
    family.count("weekly_hours", &builder);
    minor_two_days_off(instance, &days_worked, &mut builder);
    family.count("minor_two_days_off", &builder);

    let shortage = shortage_objective(
        parameters,
        &missing_any,
        &missing_qualified,
        &missing_director,
    );
    let cost = cost_objective(instance, &days_worked, &hired);
    if let Some(bound) = bounds.shortage {
        builder.constraints.push(shortage.clone().leq(bound));
    }
    if let Some(bound) = bounds.cost {
        builder.constraints.push(cost.clone().leq(bound));
    }
    let objective = match stage {
        // The least shortage, with the cost as a tie-breaker too small to trade against one
        // missing person: the solution is already cheap, which gives stage 2 a good start.
        Stage::Shortage => {
            let scale = shortage_scale(instance, parameters);
            shortage * scale + cost * 0.01
        }
        Stage::Cost => cost,
        Stage::Stability => stints(instance, &classes, &mut builder),
    };
    Model {
        variables: builder.variables,
        objective,
        constraints: builder.constraints,
        columns: Columns {
            variable_count: builder.count,
            classes,
            missing_any,
            missing_qualified,
            missing_director,
            hired,
            rest_pairs: builder.rest_pairs,
        },
    }
}

/// The tasks open on `arc` under a daily hour limit, with their minutes: every combination of
/// its slots that fits (one slot at a time beyond `MAX_COMBINED_SLOTS`), and directing.
fn arc_tasks(instance: &Instance, arc: &Arc, daily_limit: Option<u32>) -> Vec<(Task, u32)> {
    let minutes: Vec<u32> = arc
        .slots
        .iter()
        .take(32)
        .map(|s| instance.slots[*s].minutes)
        .collect();
    let fits = |total: u32| daily_limit.is_none_or(|max| total <= max);
    let mut tasks = Vec::new();
    if minutes.len() <= MAX_COMBINED_SLOTS {
        for mask in 1u32..(1 << minutes.len()) {
            let total = (0..minutes.len())
                .filter(|k| mask & (1 << k) != 0)
                .map(|k| minutes[k])
                .sum();
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
        tasks.push((Task::Direct, instance.days[arc.day].director_minutes));
    }
    tasks
}

/// One class before its variables: the date, its people, per open day the members' arcs
/// (parallel to the people), the daily hour limit and whether minutes are counted.
struct ClassPlan {
    date: NaiveDate,
    people: Vec<usize>,
    arcs: Vec<(usize, Vec<usize>)>,
    daily_limit: Option<u32>,
    counted: bool,
}

/// What makes people interchangeable on a date: the date, the person for a class of one, the
/// category (quotas), the daily hour limit, whether the week's minutes are counted, and per
/// open day the slots and direction allowed.
type ClassKey = (
    NaiveDate,
    Option<usize>,
    AnimationCategory,
    Option<u32>,
    bool,
    Vec<(usize, Vec<usize>, bool)>,
);

/// Groups the people of each date into classes (classes of one without `aggregate`).
fn partition(instance: &Instance, aggregate: bool) -> Vec<ClassPlan> {
    let mut by_person: BTreeMap<usize, BTreeMap<NaiveDate, Vec<usize>>> = BTreeMap::new();
    for (index, arc) in instance.arcs.iter().enumerate() {
        by_person
            .entry(arc.person)
            .or_default()
            .entry(instance.days[arc.day].date)
            .or_default()
            .push(index);
    }
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
                let key = (
                    date,
                    (!aggregate).then_some(person),
                    instance.people[person].category,
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
            |((date, _, _, daily_limit, counted, signature), members)| ClassPlan {
                date,
                people: members.iter().map(|(p, _)| *p).collect(),
                arcs: signature
                    .iter()
                    .enumerate()
                    .map(|(k, (day, _, _))| (*day, members.iter().map(|(_, a)| a[k]).collect()))
                    .collect(),
                daily_limit,
                counted,
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
fn could_exceed(mut most: Vec<u32>, limit: u32) -> bool {
    most.sort_unstable_by(|a, b| b.cmp(a));
    let possible: u32 = most
        .iter()
        .take(labour::MAX_DAYS_WORKED_PER_7 as usize)
        .sum();
    possible > limit
}

fn class_variables(
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
                people: plan.people,
                arcs,
                levels,
                works_day,
            }
        })
        .collect()
}

/// A complete solution vector from a choice of assignments: `animates(arc, k)` for the k-th
/// slot of an arc, `directs(arc)`; every other variable (task counts, days worked, shortages,
/// hires, the minors' rest days) is derived. Used to start a stage from a known feasible plan.
pub fn completion(
    instance: &Instance,
    model: &Columns,
    animates: impl Fn(usize, usize) -> bool,
    directs: impl Fn(usize) -> bool,
) -> Vec<f64> {
    let mut values = vec![0.0; model.variable_count];
    let mut staffed = vec![0u32; instance.slots.len()];
    let mut qualified = vec![0u32; instance.slots.len()];
    let mut directors = vec![0u32; instance.days.len()];
    let mut worked: BTreeSet<(usize, NaiveDate)> = BTreeSet::new();
    for class in &model.classes {
        let is_qualified =
            instance.people[class.people[0]].category == AnimationCategory::Qualified;
        for class_arc in &class.arcs {
            let slots = &instance.arcs[class_arc.members[0]].slots;
            let day = &instance.days[class_arc.day];
            for (member, &arc) in class_arc.members.iter().enumerate() {
                let choice = Choice {
                    directs: directs(arc),
                    animates: (0..slots.len()).map(|k| animates(arc, k)).collect(),
                };
                let Some(task) = choice.task() else {
                    continue;
                };
                let Some(task_var) = class_arc.tasks.iter().find(|t| t.task == task) else {
                    continue;
                };
                values[task_var.var.column] += 1.0;
                let counted: Vec<usize> = match task {
                    Task::Direct => {
                        directors[class_arc.day] += 1;
                        day.slots
                            .iter()
                            .copied()
                            .filter(|s| instance.slots[*s].director_counts)
                            .collect()
                    }
                    Task::Animate(mask) => slots
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| mask & (1 << k) != 0)
                        .map(|(_, s)| *s)
                        .collect(),
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
    for (var, person, pair) in &model.rest_pairs {
        let free = pair.iter().all(|d| !worked.contains(&(*person, *d)));
        values[var.column] = if free { 1.0 } else { 0.0 };
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
            directs: false,
            animates: vec![false; arc.slots.len()],
        })
        .collect();
    // Per person: the ACM of the last date worked, and whether they directed there.
    let mut last: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
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
                        && (*task == Task::Direct) == directed
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
            match task {
                Task::Direct => choice.directs = true,
                Task::Animate(mask) => {
                    for (k, animates) in choice.animates.iter_mut().enumerate() {
                        *animates = mask & (1 << k) != 0;
                    }
                }
            }
            let accueil = instance.days[class_arc.day].accueil;
            last.insert(class.people[member], (accueil, task == Task::Direct));
        }
    }
    result
}

/// Per person, per date: the terms whose sum is 1 when they work that date (their `w`, or the
/// task variables of their class-of-one arcs).
type DaysWorked = BTreeMap<usize, BTreeMap<NaiveDate, Vec<Variable>>>;

fn days_worked(classes: &[Class]) -> DaysWorked {
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

fn sum(variables: impl IntoIterator<Item = Variable>) -> Expression {
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
    let (animated, directed) = match task {
        Task::Animate(mask) => (mask, false),
        Task::Direct => (0, true),
    };
    let animated = slots
        .iter()
        .enumerate()
        .filter(move |(k, _)| animated & (1 << k) != 0)
        .map(|(_, s)| *s);
    let directed = day
        .slots
        .iter()
        .copied()
        .filter(move |s| directed && instance.slots[*s].director_counts);
    animated.chain(directed)
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

/// CASF R227-15 to R227-19: at least N animateurs (plus the extra dedicated adults) on every
/// slot, the director counted only where R227-17 a / arrêté 13/02/2007 art. 1 allow it.
fn cover_ratio(instance: &Instance, classes: &[Class], missing: &[Var], builder: &mut Builder) {
    let staff = counted_staff(instance, classes, |_| true);
    for ((slot, expression), missing) in instance.slots.iter().zip(staff).zip(missing) {
        builder
            .constraints
            .push((expression + missing.variable).geq(f64::from(slot.staff_needed)));
    }
}

/// CASF R227-12: at least half of N qualified (1° + 2°); a counted director counts as qualified.
fn qualified_quota(instance: &Instance, classes: &[Class], missing: &[Var], builder: &mut Builder) {
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
fn unqualified_cap(instance: &Instance, classes: &[Class], builder: &mut Builder) {
    let mut unqualified: Vec<Expression> = vec![Expression::default(); instance.slots.len()];
    let mut any = vec![false; instance.slots.len()];
    for class in classes {
        if instance.people[class.people[0]].category != AnimationCategory::Unqualified {
            continue;
        }
        for class_arc in &class.arcs {
            for task in class_arc.tasks.iter().filter(|t| t.task != Task::Direct) {
                for slot in task_slots(instance, class_arc, task.task) {
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
/// on large séjours); eligibility (BAFD, or a professional diploma under the 80/80 rule) is in
/// the arcs.
fn director_presence(
    instance: &Instance,
    classes: &[Class],
    missing: &[Var],
    builder: &mut Builder,
) {
    let mut directors: Vec<Expression> = vec![Expression::default(); instance.days.len()];
    for class_arc in classes.iter().flat_map(|c| &c.arcs) {
        for task in class_arc.tasks.iter().filter(|t| t.task == Task::Direct) {
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
fn class_days(classes: &[Class], builder: &mut Builder) {
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
fn one_place_per_day(days: &DaysWorked, hired: &[Option<Var>], builder: &mut Builder) {
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
fn weekly_hours(instance: &Instance, classes: &[Class], builder: &mut Builder) {
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
fn hiring_symmetry(instance: &Instance, hired: &[Option<Var>], builder: &mut Builder) {
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
fn cee_day_limit(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
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
fn weekly_rest(days: &DaysWorked, builder: &mut Builder) {
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
fn personal_day_limit(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
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
fn minor_two_days_off(instance: &Instance, days: &DaysWorked, builder: &mut Builder) {
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

fn shortage_objective(
    parameters: &Parameters,
    missing_any: &[Var],
    missing_qualified: &[Var],
    missing_director: &[Var],
) -> Expression {
    let mut objective = Expression::default();
    for var in missing_any {
        objective += parameters.weight_missing_animateur as f64 * var.variable;
    }
    for var in missing_qualified {
        objective += parameters.weight_missing_qualified as f64 * var.variable;
    }
    for var in missing_director {
        objective += parameters.weight_missing_director as f64 * var.variable;
    }
    objective
}

/// How much one unit of weighted shortage must outweigh, in euros: more than every euro the
/// plan could possibly spend.
pub(super) fn shortage_scale(instance: &Instance, parameters: &Parameters) -> f64 {
    let smallest_weight = parameters
        .weight_missing_animateur
        .min(parameters.weight_missing_qualified)
        .min(parameters.weight_missing_director)
        .max(1);
    ((most_cost(instance) / 100 + 1) / smallest_weight + 1) as f64
}

/// A proven lower bound of the least weighted shortage, from the shortage stage's objective
/// `k × shortage + cost / 100` (`k` the scale): its proven bound `bound`, and the objective and
/// weighted shortage of the plan found.
///
/// Weighted shortages are multiples of `g`, the weights' greatest common divisor, and the
/// tie-breaker of any plan is below `k × w` (`w` the smallest weight). Two bounds follow:
/// - `(bound − most cost / 100) / k`, rounded up to a multiple of `g`: always valid;
/// - when `g = w`: `bound − t − (k − 1) × s`, with `t` the plan's tie-breaker and `s` its
///   shortage rounded down to a multiple of `g` (the shortage variables are continuous, the
///   plan's shortage with them at their least is a multiple of `g`, at most `s`), itself
///   rounded down to a multiple of `g`. If that least shortage is the optimum `s*`, the value
///   is at most `s*`; otherwise it is below `s* + g`, since the plan's extra shortage outweighs
///   any difference of tie-breakers; `s*`, a multiple of `g`, is at least its rounding down.
///   Tighter when the stage stops at a small gap.
pub fn shortage_bound(
    instance: &Instance,
    parameters: &Parameters,
    bound: f64,
    objective: f64,
    shortage: f64,
) -> f64 {
    let weights = [
        parameters.weight_missing_animateur,
        parameters.weight_missing_qualified,
        parameters.weight_missing_director,
    ];
    let g = weights
        .iter()
        .filter(|w| **w > 0)
        .fold(0, |g, w| gcd(g, *w))
        .max(1) as f64;
    let smallest = weights
        .iter()
        .copied()
        .filter(|w| *w > 0)
        .min()
        .unwrap_or(1) as f64;
    // A margin for floating point, far below one unit of weighted shortage.
    let eps = 1e-4;
    let k = shortage_scale(instance, parameters);
    let most_euros = most_cost(instance) as f64 / 100.0;
    let always = ((((bound - most_euros) / k - eps) / g).ceil() * g).max(0.0);
    let tight = if g == smallest {
        let tie_breaker = objective - k * shortage;
        let on_grid = ((shortage + eps) / g).floor() * g;
        ((bound - tie_breaker - (k - 1.0) * on_grid + eps) / g).floor() * g
    } else {
        0.0
    };
    always.max(tight).min(shortage).max(0.0)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// More than any plan can cost, in cents: every eligible day worked, every candidate hired.
fn most_cost(instance: &Instance) -> i64 {
    instance
        .arcs
        .iter()
        .map(|arc| instance.people[arc.person].daily_cost.0)
        .chain(
            instance
                .people
                .iter()
                .filter_map(|p| p.candidate.as_ref().map(|c| c.fixed_cost.0)),
        )
        .sum()
}

/// The shortage variables and their weights: the stage-1 objective without its tie-breaker.
pub fn shortage_terms(model: &Columns, parameters: &Parameters) -> Vec<(usize, f64)> {
    let weighted = |vars: &[Var], weight: i64| {
        vars.iter()
            .map(move |v| (v.column, weight as f64))
            .collect::<Vec<_>>()
    };
    let mut terms = weighted(&model.missing_any, parameters.weight_missing_animateur);
    terms.extend(weighted(
        &model.missing_qualified,
        parameters.weight_missing_qualified,
    ));
    terms.extend(weighted(
        &model.missing_director,
        parameters.weight_missing_director,
    ));
    terms
}

/// Cost in cents: the daily cost of every day worked, plus the fixed cost of every hire.
fn cost_objective(instance: &Instance, days: &DaysWorked, hired: &[Option<Var>]) -> Expression {
    let mut objective = Expression::default();
    for (person, dates) in days {
        let cost = instance.people[*person].daily_cost.0 as f64;
        for works in dates.values().flatten() {
            objective += cost * *works;
        }
    }
    for (person, hire) in instance.people.iter().zip(hired) {
        if let (Some(candidate), Some(hire)) = (&person.candidate, hire) {
            objective += candidate.fixed_cost.0 as f64 * hire.variable;
        }
    }
    objective
}

/// Number of stints: a stint starts when a person works at an ACM on an open day and did not
/// work there on that ACM's previous open day. Written for classes of one (the stability
/// stage's model).
fn stints(instance: &Instance, classes: &[Class], builder: &mut Builder) -> Expression {
    let mut by_person_acm: BTreeMap<(usize, usize), BTreeMap<NaiveDate, Expression>> =
        BTreeMap::new();
    for class in classes.iter().filter(|c| c.works_day.is_empty()) {
        for class_arc in &class.arcs {
            let day = &instance.days[class_arc.day];
            by_person_acm
                .entry((class.people[0], day.accueil))
                .or_default()
                .insert(
                    day.date,
                    sum(class_arc.tasks.iter().map(|t| t.var.variable)),
                );
        }
    }
    let mut previous_open: BTreeMap<(usize, NaiveDate), NaiveDate> = BTreeMap::new();
    let mut last: BTreeMap<usize, NaiveDate> = BTreeMap::new();
    for day in &instance.days {
        if let Some(before) = last.insert(day.accueil, day.date) {
            previous_open.insert((day.accueil, day.date), before);
        }
    }
    let mut objective = Expression::default();
    for ((_, accueil), dates) in &by_person_acm {
        for (date, works) in dates {
            let start = builder.continuous(1.0);
            let mut expression = Expression::from(start.variable) - works.clone();
            if let Some(before) = previous_open.get(&(*accueil, *date))
                && let Some(previous) = dates.get(before)
            {
                expression += previous.clone();
            }
            builder.constraints.push(expression.geq(0.0));
            objective += start.variable;
        }
    }
    objective
}
