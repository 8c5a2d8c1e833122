//! The solver's answers are checked, not trusted: HiGHS 1.16 answered "optimal" with a wrong
//! objective on a stage of a director's plan (the model below, written by HiGHS itself with
//! `write_model_to_file` from `minimal/team-idle-minor.xlsx`).

use good_lp::{Expression, variable};

use crate::optimize::Backend;
use crate::optimize::model::{Builder, Columns, Model, Var};
use crate::optimize::solve::{StageSettings, solve};

/// The team's shortage stage of one day (activités 09:00–17:00, accueil du soir 17:00–18:30):
/// two BAFD in one class (c0..c3 their tasks, c4 c5 who works), a 17-year-old BAFA (c6 c7),
/// the shortages (c8..c12). Its optimum is 1 109: one BAFD directs, the other animates both
/// créneaux, the minor the day; two animateurs missing.
fn team_idle_minor() -> Model {
    let mut builder = Builder::new();
    let mut add = |definition: good_lp::VariableDefinition| {
        let var = builder.variables.add(definition);
        builder.created.push(var);
        builder.count += 1;
        var
    };
    let tasks: Vec<_> = (0..4)
        .map(|_| add(variable().integer().min(0).max(2)))
        .collect();
    let works: Vec<_> = (0..4).map(|_| add(variable().binary())).collect();
    let missing: Vec<_> = [3.0, 2.0, 2.0, 1.0, 1.0]
        .iter()
        .map(|max| add(variable().min(0).max(*max)))
        .collect();
    let (c, w, m) = (&tasks, &works, &missing);
    let objective: Expression = 70.0 * w[0]
        + 69.0 * w[1]
        + 70.0 * w[2]
        + 70.0 * w[3]
        + 450.0 * m[0]
        + 450.0 * m[1]
        + 900.0 * m[2]
        + 900.0 * m[3]
        + 9000.0 * m[4];
    builder
        .constraints
        .push((c[0] + c[2] + w[2] + m[0]).geq(3.0));
    builder
        .constraints
        .push((c[1] + c[2] + w[3] + m[1]).geq(2.0));
    builder
        .constraints
        .push((c[0] + c[2] + w[2] + m[2]).geq(2.0));
    builder
        .constraints
        .push((c[1] + c[2] + w[3] + m[3]).geq(1.0));
    builder.constraints.push((c[3] + m[4]).geq(1.0));
    builder
        .constraints
        .push((c[0] + c[1] + c[2] + c[3] - w[0] - w[1]).eq(0.0));
    builder.constraints.push((w[2] + w[3]).leq(1.0));
    let objective_terms = builder.terms_of(&objective);
    Model {
        variables: builder.variables,
        objective,
        objective_terms,
        constraints: builder.constraints,
        columns: Columns {
            classes: Vec::new(),
            missing_any: Vec::new(),
            missing_qualified: Vec::new(),
            missing_director: Vec::new(),
            hired: Vec::new(),
            rest_pairs: Vec::new(),
            variable_count: builder.count,
            missing_psc1: Vec::<(usize, Var)>::new(),
            designation: None,
        },
        census: Default::default(),
    }
}

fn settings() -> StageSettings {
    StageSettings {
        time_limit_seconds: 10.0,
        mip_gap: None,
        backend: Backend::Highs,
    }
}

#[test]
fn a_wrong_optimum_announced_from_a_start_is_solved_again() {
    // The plan where nobody works, as every first stage starts: all shortages at their most.
    let start = [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 2.0, 2.0, 1.0, 1.0,
    ];
    let outcome = solve(team_idle_minor(), settings(), Some(&start)).expect("solved");
    assert!(
        outcome.solved_again,
        "HiGHS 1.16 announces -5 191 on this start; if this fails, the solver was fixed"
    );
    assert_eq!(outcome.objective.round(), 1109.0);
    // Two BAFD at work (two tasks, two days worked), the minor on one créneau.
    assert_eq!(outcome.values[0..4].iter().sum::<f64>().round(), 2.0);
    assert_eq!(outcome.values[4..8].iter().sum::<f64>().round(), 3.0);
}

#[test]
fn a_cold_start_needs_no_second_solve() {
    let outcome = solve(team_idle_minor(), settings(), None).expect("solved");
    assert!(!outcome.solved_again);
    assert_eq!(outcome.objective.round(), 1109.0);
}
