//! The whole model of one stage: variables, every constraint family, the bounds of the earlier
//! stages, and the stage's objective.

use good_lp::Expression;

use super::classes::{class_variables, partition};
use super::constraints::{
    cee_day_limit, class_days, cover_ratio, days_worked, director_presence, hiring_symmetry,
    minor_two_days_off, one_place_per_day, personal_day_limit, psc1_presence, qualified_quota,
    unqualified_cap, weekly_hours, weekly_rest,
};
use super::directors::{Designation, designation};
use super::objective::{
    cost_objective, moves, moves_terms, shortage_objective, shortage_scale, stints,
};
use super::previous::{changes, locked_days};
use super::variables::{Bounds, Builder, Census, Columns, Model, Var};
use crate::optimize::instance::Instance;
use crate::optimize::stability::Homes;
use crate::optimize::stats::Objective;
use crate::rules::Parameters;

/// Rows per constraint family, for the development log.
struct FamilyCounter {
    rows: usize,
    counts: Vec<(&'static str, usize)>,
}

impl FamilyCounter {
    fn new(builder: &Builder) -> Self {
        FamilyCounter {
            rows: builder.constraints.len(),
            counts: Vec::new(),
        }
    }

    fn count(&mut self, family: &'static str, builder: &Builder) {
        self.counts
            .push((family, builder.constraints.len() - self.rows));
        self.rows = builder.constraints.len();
    }
}

/// Builds the model of `stage` for `instance`. Stints are personal: the stints stage keeps
/// everyone in a class of one. With `homes`, classes share a home and the days away from it
/// are counted (the stability stage and the cost stage after it).
pub fn build(
    instance: &Instance,
    parameters: &Parameters,
    stage: Objective,
    bounds: Bounds,
    homes: Option<&Homes>,
) -> Model {
    build_with(
        instance,
        parameters,
        stage,
        bounds,
        stage == Objective::Stability,
        homes,
    )
}

/// Builds the model of `stage`, with classes of one when `personal` (the model without
/// aggregation: same optimum, more variables).
pub fn build_with(
    instance: &Instance,
    parameters: &Parameters,
    stage: Objective,
    bounds: Bounds,
    personal: bool,
    homes: Option<&Homes>,
) -> Model {
    let mut builder = Builder::new();
    let plans = partition(instance, !personal, homes);
    let classes = class_variables(instance, plans, &mut builder);
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
    let missing_psc1: Vec<(usize, Var)> = instance
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| d.needs_psc1)
        .map(|(index, _)| (index, builder.continuous(1.0)))
        .collect();
    let hired: Vec<Option<Var>> = instance
        .people
        .iter()
        .map(|p| p.candidate.as_ref().map(|_| builder.binary()))
        .collect();

    // The stability stages choose the week's directors (not when re-planning).
    let designation = homes
        .filter(|h| !h.replanning())
        .map(|_| designation(instance, &classes, &mut builder));
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
    psc1_presence(instance, &classes, &missing_psc1, &mut builder);
    family.count("psc1_presence", &builder);
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
    locked_days(instance, &classes, &mut builder);
    family.count("locked_days", &builder);

    let shortage = shortage_objective(
        parameters,
        &missing_any,
        &missing_qualified,
        &missing_director,
        &missing_psc1,
    );
    let cost = cost_objective(instance, &days_worked, &hired);
    if let Some(bound) = bounds.shortage {
        builder.constraints.push(shortage.clone().leq(bound));
    }
    if let Some(bound) = bounds.cost {
        builder.constraints.push(cost.clone().leq(bound));
    }
    if let Some(bound) = bounds.hires {
        let hires: Expression = hired.iter().flatten().map(|v| v.variable).sum();
        builder.constraints.push(hires.leq(bound));
    }
    // Re-planning counts changed person-days; a first plan, days away from home.
    let away = homes.map(|homes| {
        if homes.replanning() {
            changes(instance, &classes)
        } else {
            moves(instance, &classes)
        }
    });
    if let (Some(bound), Some(away)) = (bounds.stability, &away) {
        builder.constraints.push(away.clone().leq(bound));
    }
    let changing = designation.as_ref().map(Designation::changing);
    if let (Some(bound), Some(changing)) = (bounds.changing, &changing) {
        builder.constraints.push(changing.clone().leq(bound));
    }
    let objective = match stage {
        // The least shortage, with the cost as a tie-breaker too small to trade against one
        // missing person: the solution is already cheap, which gives stage 2 a good start.
        Objective::Shortage => {
            let scale = shortage_scale(instance, parameters);
            shortage * scale + cost * 0.01
        }
        Objective::Cost => cost,
        // The fewest moves, with the cost as a tie-breaker (as in the shortage stage): the
        // cost stage after it starts from a cheap plan.
        // The fewest weeks changing director; then (teams) the fewest days away from home.
        // The fewest weeks changing director, then the fewest days away from home: one more
        // such week outweighs every day away there could be. Counts, without a cost
        // tie-breaker: the optimum is proven as soon as the bound reaches it, and the cost
        // stage comes after.
        Objective::Directors => {
            let most_away = moves_terms(instance, &classes).len() as f64 + 1.0;
            changing.unwrap_or_default() * most_away + away.clone().unwrap_or_default()
        }
        Objective::Teams => away.unwrap_or_default(),
        Objective::Stability => stints(instance, &classes, &mut builder),
    };
    // How much the classes aggregate, for the development log.
    let census = Census {
        classes: classes.len(),
        single: classes.iter().filter(|c| c.people.len() == 1).count(),
        class_arcs: classes.iter().map(|c| c.arcs.len()).sum(),
        person_arcs: instance.arcs.len(),
        rows: family.counts,
    };
    let objective_terms = builder.terms_of(&objective);
    Model {
        variables: builder.variables,
        objective,
        objective_terms,
        constraints: builder.constraints,
        census,
        columns: Columns {
            variable_count: builder.count,
            classes,
            missing_any,
            missing_qualified,
            missing_director,
            hired,
            rest_pairs: builder.rest_pairs,
            missing_psc1,
            designation,
        },
    }
}
