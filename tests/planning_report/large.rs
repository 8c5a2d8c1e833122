//! A year-long territory written and read back.

use acm_planner::domain::{AcmType, AvailabilityFlags, Contrat, Creneau, Inputs, Role};
use acm_planner::optimize::PlanResult;
use acm_planner::problem::Problem;
use acm_planner::rules::Parameters;
use chrono::NaiveDate;

use super::{accueil, person, prevision, sheet, slot, temp_dir, work, write};

/// A year-long territory (40 ACM, 250 people, two créneaux a day) is written whole: every
/// forecast row, every assignment, every date of the grid. How fast it writes is measured by the
/// benchmarks, not here. `cargo test --release --test planning_report -- --ignored year_long`
#[test]
#[ignore = "a large synthetic plan: slow to write and read back"]
fn a_year_long_territory_is_written_whole() {
    let first = NaiveDate::from_ymd_opt(2025, 9, 1).expect("valid date");
    let dates: Vec<NaiveDate> = first.iter_days().take(300).collect();
    let codes: Vec<String> = (0..40).map(|i| format!("ALSH-{i:02}")).collect();
    let mut inputs = Inputs {
        accueils: codes
            .iter()
            .map(|c| {
                accueil(
                    c,
                    "Accueil",
                    AcmType::Extrascolaire,
                    60,
                    &format!("S{}", c.len() % 5),
                )
            })
            .collect(),
        ..Inputs::default()
    };
    for code in &codes {
        for date in &dates {
            for label in ["matin", "apres-midi"] {
                let mut p = prevision(code, *date, 10, 20);
                p.creneau = Creneau::standard(label).expect("standard");
                inputs.previsions.push(p);
            }
        }
    }
    for i in 0..250 {
        let id = format!("P{i:03}");
        inputs
            .animateurs
            .push(person(&id, "Nom", "Prénom", "BAFA", Contrat::Cee));
        for date in &dates {
            inputs
                .disponibilites
                .add(&id, *date, AvailabilityFlags::JOURNEE);
        }
    }
    let mut assignments = Vec::new();
    for (i, person) in inputs.animateurs.iter().enumerate() {
        for (j, date) in dates.iter().enumerate() {
            if (i + j) % 7 < 5 {
                for label in ["matin", "apres-midi"] {
                    let mut a = work(&person.id, &codes[i % codes.len()], *date, Role::Animation);
                    a.creneau = Creneau::standard(label).expect("standard");
                    assignments.push(a);
                }
            }
        }
    }
    let slots = (0..inputs.previsions.len())
        .map(|i| slot(i, 4, 3, 1))
        .collect();
    let problem = Problem::new(inputs, Parameters::default()).expect("requirements");
    let result = PlanResult {
        assignments,
        slots,
        ..PlanResult::default()
    };
    let dir = temp_dir("large");
    let path = dir.join("planning.xlsx");
    write(&problem, &result, &path);
    let accueils = sheet(&path, "Accueils");
    assert_eq!(
        accueils.height(),
        problem.needs.len() + 1,
        "one row per forecast"
    );
    let affectations = sheet(&path, "Affectations");
    assert_eq!(
        affectations.height(),
        result.assignments.len() + 1,
        "one row per assignment"
    );
    let grid = sheet(&path, "Animateurs");
    assert_eq!(
        grid.height(),
        problem.animateurs.len() + 2,
        "people and a total row"
    );
    assert_eq!(
        grid.width(),
        5 + dates.len() + 5,
        "every date of the period"
    );
}
