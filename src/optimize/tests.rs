//! Solve tests on tiny instances whose optimum is known by hand.

use chrono::NaiveDate;

use super::{PlanOptions, PlanResult, plan};
use crate::commands::Loaded;
use crate::domain::{
    Accueil, AcmType, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Prevision,
    Role, SourceRef,
};
use crate::rules::{self, Calendar, Parameters, qualifications};

pub(crate) fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

pub(crate) fn person(
    id: &str,
    qualification: &str,
    contrat: Contrat,
    prior: u32,
    euros: i64,
) -> Animateur {
    Animateur {
        id: id.to_string(),
        nom: format!("Nom{id}"),
        prenom: format!("Prénom{id}"),
        qualification: qualifications::canonical(qualification).expect("known qualification"),
        contrat,
        jours_cee_anterieurs: prior,
        cout_journalier: Some(Cents::euros(euros)),
        date_naissance: None,
        secteur: Some("Saumur".to_string()),
        accueils_possibles: Vec::new(),
        max_jours: None,
        source: SourceRef::default(),
    }
}

/// The `fixtures/petit-accueil.xlsx` content, built by hand.
pub(crate) fn petit_accueil() -> Inputs {
    let accueil = Accueil {
        code: "ALSH-VARRAINS".into(),
        nom: "Accueil de loisirs Les Lutins".into(),
        commune: "Varrains".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite: 40,
        jours_ouverture: Some(60),
        secteur: Some("Saumur".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        source: SourceRef::default(),
    };
    let children = [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ];
    let previsions = children
        .iter()
        .map(|&(day, under_6, over_6)| Prevision {
            accueil: "ALSH-VARRAINS".into(),
            date: date(day),
            creneau: Creneau::standard("journee").expect("standard"),
            moins_de_6: under_6,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        })
        .collect();
    let animateurs = vec![
        person("A1", "BAFD", Contrat::Cdi, 0, 120),
        person("A2", "BAFA", Contrat::Cee, 0, 65),
        person("A3", "BAFA", Contrat::Cee, 77, 65),
        person("A4", "stagiaire BAFA", Contrat::Cee, 0, 60),
        person("A5", "sans qualification", Contrat::Cee, 0, 55),
        person("A6", "BAFA", Contrat::Cee, 10, 65),
    ];
    let mut inputs = Inputs {
        accueils: vec![accueil],
        previsions,
        animateurs,
        ..Inputs::default()
    };
    for id in ["A1", "A2", "A3", "A4", "A5", "A6"] {
        for day in 6..=10 {
            inputs
                .disponibilites
                .add(id, date(day), AvailabilityFlags::JOURNEE);
        }
    }
    inputs
        .disponibilites
        .by_person_date
        .remove(&("A6".to_string(), date(8)));
    let morning = AvailabilityFlags {
        matin: true,
        ..AvailabilityFlags::default()
    };
    inputs
        .disponibilites
        .by_person_date
        .insert(("A2".to_string(), date(10)), morning);
    inputs
}

pub(crate) fn loaded(inputs: Inputs) -> Loaded {
    let parameters = Parameters::default();
    let calendar = Calendar::new(&[]);
    let requirements =
        rules::all_requirements(&inputs, &calendar, &parameters).expect("valid requirements");
    Loaded {
        inputs,
        parameters,
        calendar,
        requirements,
    }
}

fn run(inputs: Inputs, recruit: bool) -> PlanResult {
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        mip_gap: None,
        recruit,
    };
    plan(&loaded(inputs), &options).expect("plan")
}

fn days_of(result: &PlanResult, id: &str) -> u32 {
    result
        .people
        .iter()
        .find(|p| p.animateur == id)
        .map_or(0, |p| p.days_worked)
}

#[test]
fn petit_accueil_is_fully_staffed_at_the_hand_computed_least_cost() {
    let result = run(petit_accueil(), true);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    // A1 directs all week (counted: capacity 40 ≤ 50); Mon–Thu a BAFA, the stagiaire and the
    // unqualified (cap 1 for N = 4); Friday (N = 2, cap 0) the stagiaire.
    // 5 × 120 + 4 × (65 + 60 + 55) + 60 = 1 380 €.
    assert_eq!(result.staff_cost, Cents::euros(1380));
    assert_eq!(days_of(&result, "A1"), 5);
    assert_eq!(days_of(&result, "A4"), 5);
    assert_eq!(days_of(&result, "A5"), 4);
    let directors: Vec<_> = result
        .assignments
        .iter()
        .filter(|a| a.role == Role::Direction)
        .collect();
    assert_eq!(directors.len(), 5);
    assert!(directors.iter().all(|a| a.animateur == "A1"));
    assert!(result.hires.is_empty());
}

#[test]
fn cee_cap_binds_and_recruitment_closes_the_gap() {
    // Only A3 (77 prior CEE days: 3 left) can be the qualified animateur besides the director.
    let mut inputs = petit_accueil();
    inputs.animateurs.retain(|a| a.id != "A2" && a.id != "A6");
    let result = run(inputs, true);
    // Mon–Thu each need a second qualified person: A3 covers 3 days, one day is short.
    assert_eq!(days_of(&result, "A3"), 3);
    let (_, qualified, directors) = result.missing_totals();
    assert_eq!((qualified, directors), (1, 0));
    let short = result
        .slots
        .iter()
        .find(|s| s.missing_qualified > 0)
        .expect("a short slot");
    assert!(short.reason.contains("CEE"), "reason: {}", short.reason);
    // The cheapest fix is one BAFA hire for that day: 150 € fixed + 85 € a day.
    assert_eq!(result.hires.len(), 1);
    assert_eq!(result.hires[0].qualification.label, "BAFA");
    assert_eq!(result.hires[0].days(), 1);
    assert_eq!(result.hire_cost(), Cents::euros(235));
    assert_eq!(result.residual_missing, (0, 0, 0));
}

#[test]
fn a_missing_director_is_a_shortage_not_an_error() {
    let mut inputs = petit_accueil();
    inputs
        .disponibilites
        .by_person_date
        .remove(&("A1".to_string(), date(8)));
    let result = run(inputs, false);
    let (_, _, directors) = result.missing_totals();
    assert_eq!(directors, 1);
    let day = result
        .director_days
        .iter()
        .find(|d| d.missing > 0)
        .expect("missing day");
    assert_eq!(day.date, date(8));
    assert!(day.reason.contains("BAFD"), "reason: {}", day.reason);
    assert!(result.hires.is_empty());
}
