//! The staffing MILP. One function per constraint family, named after the rule it encodes.
//!
//! Variables, for each eligible (person, open day) arc: `z` (works there that day, binary),
//! `x` (animates one slot, binary) and `y` (directs, binary); per slot, continuous shortages
//! `m_any` and `m_qualified`; per open day, `m_director`; per candidate, `h` (hired, binary).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use good_lp::{Constraint, Expression, ProblemVariables, Variable, variable};

use super::instance::{Instance, cee_budget};
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

/// Variables of one arc.
#[derive(Debug, Clone)]
pub struct ArcVars {
    /// Terms whose sum is 1 when the person works there that day: a dedicated `z` when the
    /// arc has several slots, otherwise the slot's `x` plus `y` (fewer variables and rows).
    pub works: Vec<Variable>,
    /// The arc's own `z`, when it has several slots.
    pub dedicated: Option<Var>,
    /// One per slot of `Arc::slots`, same order.
    pub animates: Vec<Var>,
    pub directs: Option<Var>,
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
    pub arcs: Vec<ArcVars>,
    pub missing_any: Vec<Var>,
    pub missing_qualified: Vec<Var>,
    pub missing_director: Vec<Var>,
    /// Hiring decision per person (only candidates have one).
    pub hired: Vec<Option<Var>>,
    /// The minors' "two consecutive days off" choices: variable, person, the two days.
    pub rest_pairs: Vec<(Var, usize, [NaiveDate; 2])>,
    pub variable_count: usize,
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

/// Builds the model of `stage` for `instance`.
pub fn build(instance: &Instance, parameters: &Parameters, stage: Stage, bounds: Bounds) -> Model {
    let mut builder = Builder {
        variables: ProblemVariables::new(),
        constraints: Vec::new(),
        count: 0,
        rest_pairs: Vec::new(),
    };
    let arcs = arc_variables(instance, &mut builder);
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

    let days_worked = days_worked(instance, &arcs);
    let mut family = FamilyCounter::new(&builder);
    cover_ratio(instance, &arcs, &missing_any, &mut builder);
    family.count("cover_ratio", &builder);
    qualified_quota(instance, &arcs, &missing_qualified, &mut builder);
    family.count("qualified_quota", &builder);
    unqualified_cap(instance, &arcs, &mut builder);
    family.count("unqualified_cap", &builder);
    director_presence(instance, &arcs, &missing_director, &mut builder);
    family.count("director_presence", &builder);
    one_role_per_arc(instance, &arcs, &mut builder);
    family.count("one_role_per_arc", &builder);
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
    hour_limits(instance, &arcs, &mut builder);
    family.count("hour_limits", &builder);
    minor_two_days_off(instance, &days_worked, &mut builder);
    family.count("minor_two_days_off", &builder);

    let shortage = shortage_objective(
        parameters,
        &missing_any,
        &missing_qualified,
        &missing_director,
    );
    let cost = cost_objective(instance, &arcs, &hired);
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
        Stage::Stability => stints(instance, &arcs, &mut builder),
    };
    Model {
        variables: builder.variables,
        objective,
        constraints: builder.constraints,
        columns: Columns {
            variable_count: builder.count,
            arcs,
            missing_any,
            missing_qualified,
            missing_director,
            hired,
            rest_pairs: builder.rest_pairs,
        },
    }
}

/// A complete solution vector from a choice of assignments: `animates(arc, k)` for the k-th
/// slot of an arc, `directs(arc)`; every other variable (days worked, shortages, hires, the
/// minors' rest days) is derived. Used to start a stage from a known feasible plan.
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
    let mut worked: BTreeMap<(usize, NaiveDate), bool> = BTreeMap::new();
    for (index, (arc, vars)) in instance.arcs.iter().zip(&model.arcs).enumerate() {
        let is_qualified = instance.people[arc.person].category == AnimationCategory::Qualified;
        let mut active = false;
        let directing = vars.directs.is_some() && directs(index);
        if let (true, Some(var)) = (directing, vars.directs) {
            values[var.column] = 1.0;
            directors[arc.day] += 1;
            active = true;
            for slot in &instance.days[arc.day].slots {
                if instance.slots[*slot].director_counts {
                    staffed[*slot] += 1;
                    qualified[*slot] += u32::from(is_qualified);
                }
            }
        }
        for (k, (slot, var)) in arc.slots.iter().zip(&vars.animates).enumerate() {
            if !directing && animates(index, k) {
                values[var.column] = 1.0;
                staffed[*slot] += 1;
                qualified[*slot] += u32::from(is_qualified);
                active = true;
            }
        }
        if active {
            if let Some(z) = vars.dedicated {
                values[z.column] = 1.0;
            }
            worked.insert((arc.person, instance.days[arc.day].date), true);
            if let Some(Some(hire)) = model.hired.get(arc.person) {
                values[hire.column] = 1.0;
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
        let free = pair.iter().all(|d| !worked.contains_key(&(*person, *d)));
        values[var.column] = if free { 1.0 } else { 0.0 };
    }
    values
}

fn arc_variables(instance: &Instance, builder: &mut Builder) -> Vec<ArcVars> {
    instance
        .arcs
        .iter()
        .map(|arc| {
            let dedicated = (arc.slots.len() > 1).then(|| builder.binary());
            let animates: Vec<Var> = arc.slots.iter().map(|_| builder.binary()).collect();
            let directs = arc.can_direct.then(|| builder.binary());
            let works = match dedicated {
                Some(z) => vec![z.variable],
                None => animates
                    .iter()
                    .chain(&directs)
                    .map(|v| v.variable)
                    .collect(),
            };
            ArcVars {
                works,
                dedicated,
                animates,
                directs,
            }
        })
        .collect()
}

/// Per person, per date: the `z` variables of that date (one per eligible ACM).
type DaysWorked = BTreeMap<usize, BTreeMap<NaiveDate, Vec<Variable>>>;

fn days_worked(instance: &Instance, arcs: &[ArcVars]) -> DaysWorked {
    let mut days: DaysWorked = BTreeMap::new();
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        let date = instance.days[arc.day].date;
        days.entry(arc.person)
            .or_default()
            .entry(date)
            .or_default()
            .extend(vars.works.iter().copied());
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

/// Per slot, who is counted in N: animation staff, plus directors where the law counts them.
fn counted_staff<'a>(
    instance: &'a Instance,
    arcs: &'a [ArcVars],
    mut include: impl FnMut(usize) -> bool + 'a,
) -> Vec<Expression> {
    let mut staff: Vec<Expression> = vec![Expression::default(); instance.slots.len()];
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        if !include(arc.person) {
            continue;
        }
        for (slot, animates) in arc.slots.iter().zip(&vars.animates) {
            staff[*slot] += animates.variable;
        }
        if let Some(directs) = vars.directs {
            for slot in &instance.days[arc.day].slots {
                if instance.slots[*slot].director_counts {
                    staff[*slot] += directs.variable;
                }
            }
        }
    }
    staff
}

/// CASF R227-15 to R227-19: at least N animateurs (plus the extra dedicated adults) on every
/// slot, the director counted only where R227-17 a / arrêté 13/02/2007 art. 1 allow it.
fn cover_ratio(instance: &Instance, arcs: &[ArcVars], missing: &[Var], builder: &mut Builder) {
    let staff = counted_staff(instance, arcs, |_| true);
    for ((slot, expression), missing) in instance.slots.iter().zip(staff).zip(missing) {
        builder
            .constraints
            .push((expression + missing.variable).geq(f64::from(slot.staff_needed)));
    }
}

/// CASF R227-12: at least half of N qualified (1° + 2°); a counted director counts as qualified.
fn qualified_quota(instance: &Instance, arcs: &[ArcVars], missing: &[Var], builder: &mut Builder) {
    let people = &instance.people;
    let staff = counted_staff(instance, arcs, |p| {
        people[p].category == AnimationCategory::Qualified
    });
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
fn unqualified_cap(instance: &Instance, arcs: &[ArcVars], builder: &mut Builder) {
    let mut unqualified: Vec<Expression> = vec![Expression::default(); instance.slots.len()];
    let mut any = vec![false; instance.slots.len()];
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        if instance.people[arc.person].category != AnimationCategory::Unqualified {
            continue;
        }
        for (slot, animates) in arc.slots.iter().zip(&vars.animates) {
            unqualified[*slot] += animates.variable;
            any[*slot] = true;
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
    arcs: &[ArcVars],
    missing: &[Var],
    builder: &mut Builder,
) {
    let mut directors: Vec<Expression> = vec![Expression::default(); instance.days.len()];
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        if let Some(directs) = vars.directs {
            directors[arc.day] += directs.variable;
        }
    }
    for ((day, expression), missing) in instance.days.iter().zip(directors).zip(missing) {
        builder
            .constraints
            .push((expression + missing.variable).geq(f64::from(day.directors)));
    }
}

/// A person works at the ACM (`z`) when animating or directing there, and never holds both
/// roles on the same slot.
fn one_role_per_arc(instance: &Instance, arcs: &[ArcVars], builder: &mut Builder) {
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        let works = sum(vars.works.iter().copied());
        if arc.slots.len() <= 1 {
            // `works` is x + y itself: `one_place_per_day` keeps it at most 1.
            continue;
        }
        for animates in &vars.animates {
            let mut expression = Expression::from(animates.variable);
            if let Some(directs) = vars.directs {
                expression += directs.variable;
            }
            builder.constraints.push(expression.leq(works.clone()));
        }
        // A dedicated z is 1 only if the person animates or directs there.
        let mut activity = sum(vars.animates.iter().map(|v| v.variable));
        if let Some(directs) = vars.directs {
            activity += directs.variable;
        }
        builder.constraints.push(works.leq(activity));
    }
}

/// At most one ACM per person per day (and one role: the day's terms sum to at most 1); a
/// candidate works only if hired.
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

/// Code du travail L3121-18 / L3121-20 (10 h a day, 48 h a week) and L3162-1 for staff under 18
/// (8 h, 35 h). Minutes of overlapping créneaux are added up, which is conservative.
fn hour_limits(instance: &Instance, arcs: &[ArcVars], builder: &mut Builder) {
    // (person, date) → (minutes expression, largest possible minutes)
    let mut daily: BTreeMap<(usize, NaiveDate), (Expression, u32)> = BTreeMap::new();
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        let day = &instance.days[arc.day];
        let mut minutes = Expression::default();
        let mut animation_minutes = 0;
        for (slot, animates) in arc.slots.iter().zip(&vars.animates) {
            let slot_minutes = instance.slots[*slot].minutes;
            minutes += f64::from(slot_minutes) * animates.variable;
            animation_minutes += slot_minutes;
        }
        let mut most = animation_minutes;
        if let Some(directs) = vars.directs {
            minutes += f64::from(day.director_minutes) * directs.variable;
            most = most.max(day.director_minutes);
        }
        let entry = daily.entry((arc.person, day.date)).or_default();
        entry.0 += minutes;
        entry.1 = entry.1.max(most);
    }
    let mut weekly: BTreeMap<(usize, (i32, u32)), (Expression, u32)> = BTreeMap::new();
    for ((person, date), (minutes, most)) in daily {
        let limits = labour::labour_limits(&instance.people[person].animateur, date);
        let capped = match limits.max_minutes_per_day {
            Some(max) if most > max => {
                builder
                    .constraints
                    .push(minutes.clone().leq(f64::from(max)));
                max
            }
            Some(max) => most.min(max),
            None => most,
        };
        if limits.max_minutes_per_week.is_some() {
            let entry = weekly
                .entry((person, Instance::civil_week(date)))
                .or_default();
            entry.0 += minutes;
            entry.1 += capped;
        }
    }
    for ((person, _), (minutes, most)) in weekly {
        let animateur = &instance.people[person].animateur;
        let date = instance.dates.first().copied().unwrap_or_default();
        let limit = labour::labour_limits(animateur, date).max_minutes_per_week;
        if let Some(max) = limit
            && most > max
        {
            builder.constraints.push(minutes.leq(f64::from(max)));
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
fn shortage_scale(instance: &Instance, parameters: &Parameters) -> f64 {
    let most: i64 = instance
        .arcs
        .iter()
        .map(|arc| instance.people[arc.person].daily_cost.0)
        .chain(
            instance
                .people
                .iter()
                .filter_map(|p| p.candidate.as_ref().map(|c| c.fixed_cost.0)),
        )
        .sum();
    let smallest_weight = parameters
        .weight_missing_animateur
        .min(parameters.weight_missing_qualified)
        .min(parameters.weight_missing_director)
        .max(1);
    ((most / 100 + 1) / smallest_weight + 1) as f64
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
fn cost_objective(instance: &Instance, arcs: &[ArcVars], hired: &[Option<Var>]) -> Expression {
    let mut objective = Expression::default();
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        let cost = instance.people[arc.person].daily_cost.0 as f64;
        for works in &vars.works {
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
/// work there on that ACM's previous open day.
fn stints(instance: &Instance, arcs: &[ArcVars], builder: &mut Builder) -> Expression {
    let mut by_person_acm: BTreeMap<(usize, usize), BTreeMap<NaiveDate, Expression>> =
        BTreeMap::new();
    for (arc, vars) in instance.arcs.iter().zip(arcs) {
        let day = &instance.days[arc.day];
        by_person_acm
            .entry((arc.person, day.accueil))
            .or_default()
            .insert(day.date, sum(vars.works.iter().copied()));
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
