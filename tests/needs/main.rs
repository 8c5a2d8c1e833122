//! `acm-planner needs`: the computed figures on hand-built inputs (`figures`), the workbook
//! read back with calamine (`workbook`), and the binary on `fixtures/petit-accueil.xlsx`
//! (`binary`).

mod binary;
mod figures;
mod read;
#[path = "../support/mod.rs"]
mod support;
mod workbook;

use std::path::PathBuf;

use acm_planner::domain::{Accueil, AcmType, Creneau, Inputs, Prevision, SourceRef};
use acm_planner::problem::Problem;
use acm_planner::rules::{MixedAgePolicy, Parameters};
use chrono::NaiveDate;

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

fn site(code: &str, nom: &str, capacite: u32, jours: u32) -> Accueil {
    Accueil {
        code: code.into(),
        nom: nom.into(),
        commune: "Saumur".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite,
        jours_ouverture: Some(jours),
        secteur: Some("Saumur Est".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
        source: SourceRef::default(),
    }
}

fn slot(code: &str, day: u32, creneau: &str, under_6: u32, six_and_over: u32) -> Prevision {
    Prevision {
        accueil: code.into(),
        date: july(day),
        creneau: Creneau::standard(creneau).expect("standard créneau"),
        moins_de_6: under_6,
        six_et_plus: six_and_over,
        renforce: 0,
        source: SourceRef::default(),
    }
}

const VARRAINS: &str = "ALSH-VARRAINS";
const DOUE: &str = "ALSH-DOUE";

/// The `petit-accueil` week: ALSH-VARRAINS, journee, Mon 6 → Fri 10 July 2026.
fn varrains_week() -> Vec<Prevision> {
    [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ]
    .into_iter()
    .map(|(day, u6, o6)| slot(VARRAINS, day, "journee", u6, o6))
    .collect()
}

/// Two ACM over two weeks:
/// - ALSH-VARRAINS (40 places, director counted): the `petit-accueil` week, N = 4, 4, 4, 4, 2.
/// - ALSH-DOUE (90 places, 120 days: director on top, professional diploma): Mon 6 July `matin`
///   20 + 30 (N 6) and `apres-midi` 30 + 40 with one child in accompagnement renforcé (N 8);
///   Tue 7 July closed (0 children); Mon 13 July `journee` 8 + 12 (N 2).
fn territory() -> Inputs {
    let mut renforce = slot(DOUE, 6, "apres-midi", 30, 40);
    renforce.renforce = 1;
    let mut previsions = vec![
        slot(DOUE, 13, "journee", 8, 12),
        renforce,
        slot(DOUE, 7, "journee", 0, 0),
        slot(DOUE, 6, "matin", 20, 30),
    ];
    // Out of order on purpose: the report sorts by ACM, date, créneau.
    previsions.splice(1..1, varrains_week().into_iter().rev());
    Inputs {
        accueils: vec![
            site(VARRAINS, "Accueil de loisirs de Varrains", 40, 60),
            site(DOUE, "Centre de loisirs de Doué", 90, 120),
        ],
        previsions,
        files: vec!["territoire.xlsx".into()],
        ..Inputs::default()
    }
}

fn problem(inputs: Inputs, parameters: Parameters) -> Problem {
    Problem::new(inputs, parameters).expect("dates in the calendar")
}

fn with_policy(policy: MixedAgePolicy) -> Parameters {
    Parameters {
        mixed_ages: policy,
        ..Parameters::default()
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acm-needs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}
