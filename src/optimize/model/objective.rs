//! The objectives: weighted shortage, cost, stints; and the proven shortage bound read back from
//! the shortage stage's scaled objective.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use good_lp::Expression;

use super::constraints::{DaysWorked, sum};
use super::variables::{Builder, Class, Columns, Var};
use crate::optimize::instance::Instance;
use crate::problem::AccueilId;
use crate::rules::Parameters;

pub fn shortage_objective(
    parameters: &Parameters,
    missing_any: &[Var],
    missing_qualified: &[Var],
    missing_director: &[Var],
    missing_psc1: &[(usize, Var)],
) -> Expression {
    let mut objective = Expression::default();
    for (_, var) in missing_psc1 {
        objective += parameters.weight_missing_psc1 as f64 * var.variable;
    }
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

/// The shortage weights: animateur, qualified, director, PSC1 (suivi sanitaire).
fn weights(parameters: &Parameters) -> [i64; 4] {
    [
        parameters.weight_missing_animateur,
        parameters.weight_missing_qualified,
        parameters.weight_missing_director,
        parameters.weight_missing_psc1,
    ]
}

/// The greatest common divisor of the positive weights: weighted shortages are its multiples.
fn weight_gcd(parameters: &Parameters) -> i64 {
    weights(parameters)
        .iter()
        .filter(|w| **w > 0)
        .fold(0, |g, w| gcd(g, *w))
        .max(1)
}

/// How much one unit of weighted shortage must outweigh, in euros: more than every euro the
/// plan could possibly spend, for the smallest step of weighted shortage (the weights' greatest
/// common divisor; the smallest weight when it divides the others, as by default).
pub fn shortage_scale(instance: &Instance, parameters: &Parameters) -> f64 {
    let step = weight_gcd(parameters);
    ((most_cost(instance) / 100 + 1) / step + 1) as f64
}

/// A proven lower bound of the least weighted shortage, from the shortage stage's objective
/// `k × shortage + cost / 100` (`k` the scale): its proven bound `bound`, and the objective and
/// weighted shortage of the plan found.
///
/// Weighted shortages are multiples of `g`, the weights' greatest common divisor, and the
/// tie-breaker of any plan is below `k × g` (the scale is taken on `g`). Two bounds follow:
/// - `(bound − most cost / 100) / k`, rounded up to a multiple of `g`: always valid;
/// - `bound − t − (k − 1) × s`, with `t` the plan's tie-breaker and `s` its
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
    let g = weight_gcd(parameters) as f64;
    // A margin for floating point, far below one unit of weighted shortage.
    let eps = 1e-4;
    let k = shortage_scale(instance, parameters);
    let most_euros = most_cost(instance) as f64 / 100.0;
    let always = ((((bound - most_euros) / k - eps) / g).ceil() * g).max(0.0);
    let tie_breaker = objective - k * shortage;
    let on_grid = ((shortage + eps) / g).floor() * g;
    let tight = ((bound - tie_breaker - (k - 1.0) * on_grid + eps) / g).floor() * g;
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
    terms.extend(
        model
            .missing_psc1
            .iter()
            .map(|(_, v)| (v.column, parameters.weight_missing_psc1 as f64)),
    );
    terms
}

/// Cost in cents: the daily cost of every day worked, plus the fixed cost of every hire.
pub fn cost_objective(instance: &Instance, days: &DaysWorked, hired: &[Option<Var>]) -> Expression {
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

/// Days worked away from home: exact, since the people of a class share their home
/// (`stability`).
pub fn moves(instance: &Instance, classes: &[Class]) -> Expression {
    moves_terms(instance, classes)
        .into_iter()
        .map(|(var, weight)| weight * var.variable)
        .sum()
}

/// The terms of [`moves`]: each task variable and its weight.
pub fn moves_terms(instance: &Instance, classes: &[Class]) -> Vec<(Var, f64)> {
    let mut terms = Vec::new();
    for class in classes {
        for class_arc in &class.arcs {
            let accueil = instance.days[class_arc.day].accueil;
            // Without a home (idle that period in the plan the homes come from), any accueil
            // is free: the next round gives them one.
            let away = class.home.is_some_and(|home| home != accueil);
            if away {
                terms.extend(class_arc.tasks.iter().map(|task| (task.var, 1.0)));
            }
        }
    }
    terms
}

/// Number of stints: a stint starts when a person works at an ACM on an open day and did not
/// work there on that ACM's previous open day. Written for classes of one (the stability
/// stage's model).
pub fn stints(instance: &Instance, classes: &[Class], builder: &mut Builder) -> Expression {
    let mut by_person_acm: BTreeMap<(usize, AccueilId), BTreeMap<NaiveDate, Expression>> =
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
    let mut previous_open: BTreeMap<(AccueilId, NaiveDate), NaiveDate> = BTreeMap::new();
    let mut last: BTreeMap<AccueilId, NaiveDate> = BTreeMap::new();
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
