//! The model itself: classes give the same optimum as personal variables, and the shortage
//! bound read from the scaled objective is proven.

use chrono::NaiveDate;

use super::support::{date, petit_accueil, problem};
use crate::optimize::context::staff_people;
use crate::optimize::instance::Instance;
use crate::problem::{AccueilId, Problem};

/// Solves the shortage then the cost stage of `instance`, with or without classes; returns
/// (weighted shortage, cost in cents).
fn shortage_and_cost(problem: &Problem, instance: &Instance, personal: bool) -> (f64, f64) {
    use crate::optimize::model::{Bounds, build_with, shortage_terms};
    use crate::optimize::solve::{StageSettings, solve};
    use crate::optimize::{Backend, Objective};
    let settings = StageSettings {
        time_limit_seconds: 60.0,
        mip_gap: None,
        backend: Backend::Highs,
    };
    let model = build_with(
        instance,
        &problem.parameters,
        Objective::Shortage,
        Bounds::default(),
        personal,
        None,
    );
    let terms = shortage_terms(&model.columns, &problem.parameters);
    let first = solve(model, settings, None).expect("shortage stage");
    let shortage: f64 = terms.iter().map(|(c, w)| first.values[*c] * w).sum();
    let bounds = Bounds {
        shortage: Some(shortage.round() + 0.5),
        ..Bounds::default()
    };
    let model = build_with(
        instance,
        &problem.parameters,
        Objective::Cost,
        bounds,
        personal,
        None,
    );
    let second = solve(model, settings, None).expect("cost stage");
    (shortage.round(), second.objective.round())
}

#[test]
fn classes_and_personal_variables_give_the_same_optimum() {
    // The first two weeks of the summer fixture: 16 ACM, 150 animateurs, short on some days.
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/saumur-ete.xlsx");
    let inputs = crate::input::read_inputs(&[path], crate::input::Required::ForecastsAndStaff)
        .expect("fixture");
    let problem = problem(inputs);
    let accueils: Vec<AccueilId> = (0..problem.accueils.len()).map(AccueilId::new).collect();
    let dates: std::collections::BTreeSet<NaiveDate> = (6..=17).map(date).collect();
    let people = staff_people(&problem, &accueils);
    let instance = Instance::new(&problem, &accueils, Some(&dates), people);
    let classes = shortage_and_cost(&problem, &instance, false);
    let personal = shortage_and_cost(&problem, &instance, true);
    assert_eq!(classes, personal);
    assert!(classes.0 > 0.0, "the fortnight should be short somewhere");
}

#[test]
fn the_shortage_bound_read_from_the_scaled_objective_is_proven_and_on_the_weights_grid() {
    use crate::optimize::model::{shortage_bound, shortage_scale};
    let problem = problem(petit_accueil());
    let accueils: Vec<AccueilId> = (0..problem.accueils.len()).map(AccueilId::new).collect();
    let people = staff_people(&problem, &accueils);
    let instance = Instance::new(&problem, &accueils, None, people);
    let parameters = &problem.parameters;
    let k = shortage_scale(&instance, parameters);
    // Weights 50, 100 and 1000: weighted shortages are multiples of 50. A plan short of 650
    // with a tie-breaker of 12.5 €, proven optimal: the bound is 650.
    let objective = 650.0 * k + 12.5;
    assert_eq!(
        shortage_bound(&instance, parameters, objective, objective, 650.0),
        650.0
    );
    // Stopped 30 weighted units (times the scale) above the bound: 620, so 600 is proven.
    let bound = objective - 30.0 * k;
    assert_eq!(
        shortage_bound(&instance, parameters, bound, objective, 650.0),
        600.0
    );
    // A bound of nought proves nothing.
    assert_eq!(
        shortage_bound(&instance, parameters, 0.0, objective, 650.0),
        0.0
    );
    // Weights whose smallest is not their common divisor (30 and 100: 10): only the bound
    // without the plan's tie-breaker holds, below the optimum, on the grid of 10.
    let mut odd = parameters.clone();
    odd.weight_missing_animateur = 30;
    let k = shortage_scale(&instance, &odd);
    let objective = 650.0 * k + 12.5;
    let proven = shortage_bound(&instance, &odd, objective, objective, 650.0);
    assert!(proven <= 650.0 && proven > 0.0, "{proven}");
    assert_eq!(proven % 10.0, 0.0);
}
