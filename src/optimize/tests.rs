//! Solve tests on tiny instances whose optimum is known by hand.

use chrono::{Datelike, NaiveDate};

use super::{PlanOptions, PlanResult, plan};
use crate::domain::{
    Accueil, AcmType, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Prevision,
    Role, SourceRef,
};
use crate::problem::Problem;
use crate::rules::{Parameters, qualifications};

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
        certificats: Vec::new(),
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

pub(crate) fn problem(inputs: Inputs) -> Problem {
    let parameters = Parameters::default();
    Problem::new(inputs, parameters).expect("valid requirements")
}

fn run(inputs: Inputs, recruit: bool) -> PlanResult {
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        recruit,
        ..PlanOptions::default()
    };
    plan(&problem(inputs), &options).expect("plan")
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

/// A small scenario: one or more ACM, forecasts, people available every forecast day (J).
struct Scenario {
    inputs: Inputs,
}

impl Scenario {
    fn new() -> Self {
        Scenario {
            inputs: Inputs::default(),
        }
    }

    fn accueil(mut self, code: &str, kind: AcmType, capacite: u32, jours: u32) -> Self {
        let mut accueil = petit_accueil().accueils.remove(0);
        accueil.code = code.to_string();
        accueil.kind = kind;
        accueil.capacite = capacite;
        accueil.jours_ouverture = Some(jours);
        self.inputs.accueils.push(accueil);
        self
    }

    fn forecast(mut self, code: &str, day: u32, creneau: &str, under_6: u32, over_6: u32) -> Self {
        self.inputs.previsions.push(Prevision {
            accueil: code.to_string(),
            date: date(day),
            creneau: Creneau::standard(creneau).expect("standard"),
            moins_de_6: under_6,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        });
        self
    }

    fn person(mut self, animateur: Animateur) -> Self {
        let dates: Vec<NaiveDate> = self.inputs.previsions.iter().map(|p| p.date).collect();
        for day in dates {
            self.inputs
                .disponibilites
                .add(&animateur.id, day, AvailabilityFlags::JOURNEE);
        }
        self.inputs.animateurs.push(animateur);
        self
    }

    fn run(self) -> PlanResult {
        run(self.inputs, false)
    }
}

#[test]
fn weekly_rest_leaves_the_seventh_day_without_director() {
    // Open Monday 6 to Sunday 12 July; one BAFD may direct; 10 children, N = 1, the director
    // (capacity 40) counts, so the director alone staffs each day.
    let mut scenario = Scenario::new().accueil("ALSH", AcmType::Extrascolaire, 40, 60);
    for day in 6..=12 {
        scenario = scenario.forecast("ALSH", day, "journee", 0, 10);
    }
    let result = scenario
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .run();
    assert_eq!(
        days_of(&result, "D1"),
        6,
        "one whole day off in any 7 (L432-6)"
    );
    let (any, _, directors) = result.missing_totals();
    assert_eq!((any, directors), (1, 1));
    let day = result
        .director_days
        .iter()
        .find(|d| d.missing > 0)
        .expect("missing day");
    assert!(
        day.reason.contains("repos hebdomadaire"),
        "reason: {}",
        day.reason
    );
}

#[test]
fn unqualified_cap_holds_even_when_short() {
    // 30 children aged 6+ at a 1:12 extrascolaire ratio: N = 3, at most 1 unqualified (R227-12),
    // at least 2 qualified. Staff: the director (counted), one BAFA, three unqualified.
    let result = Scenario::new()
        .accueil("ALSH", AcmType::Extrascolaire, 40, 60)
        .forecast("ALSH", 6, "journee", 0, 30)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 0, 65))
        .person(person("U1", "sans qualification", Contrat::Cee, 0, 55))
        .person(person("U2", "sans qualification", Contrat::Cee, 0, 55))
        .person(person("U3", "sans qualification", Contrat::Cee, 0, 55))
        .run();
    let slot = &result.slots[0];
    assert_eq!((slot.staffed, slot.qualified, slot.unqualified), (3, 2, 1));
    assert_eq!(slot.missing_animateurs, 0);
    // With N = 5 (50 children), the cap stays 1: two people short although two are idle.
    let result = Scenario::new()
        .accueil("ALSH", AcmType::Extrascolaire, 40, 60)
        .forecast("ALSH", 6, "journee", 0, 50)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 0, 65))
        .person(person("B2", "BAFA", Contrat::Cee, 0, 65))
        .person(person("U1", "sans qualification", Contrat::Cee, 0, 55))
        .person(person("U2", "sans qualification", Contrat::Cee, 0, 55))
        .person(person("U3", "sans qualification", Contrat::Cee, 0, 55))
        .run();
    let slot = &result.slots[0];
    assert_eq!(
        (slot.staffed, slot.unqualified, slot.missing_animateurs),
        (4, 1, 1)
    );
    assert!(slot.reason.contains("20 %"), "reason: {}", slot.reason);
}

#[test]
fn director_on_top_above_fifty_children_capacity() {
    // Capacity 60 > 50: the director does not count (R227-17 a). 24 children 6+: N = 2.
    let result = Scenario::new()
        .accueil("ALSH", AcmType::Extrascolaire, 60, 60)
        .forecast("ALSH", 6, "journee", 0, 24)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 0, 65))
        .person(person("B2", "BAFA", Contrat::Cee, 0, 65))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.assignments.len(), 3);
    assert_eq!(result.staff_cost, Cents::euros(90 + 65 + 65));
    assert_eq!(result.slots[0].staffed, 2);
}

#[test]
fn professional_director_required_above_80_days_and_80_minors() {
    // 100 opening days and capacity 90: a BAFD may not direct (R227-14 III); a DEJEPS may.
    let scenario = || {
        Scenario::new()
            .accueil("ALSH", AcmType::Extrascolaire, 90, 100)
            .forecast("ALSH", 6, "journee", 0, 12)
            .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
            .person(person("B1", "BAFA", Contrat::Cee, 0, 65))
    };
    let result = scenario().run();
    assert_eq!(result.missing_totals().2, 1);
    let day = &result.director_days[0];
    assert!(
        day.reason.contains("professionnel"),
        "reason: {}",
        day.reason
    );
    let result = scenario()
        .person(person("P1", "DEJEPS", Contrat::Cdi, 0, 130))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.director_days[0].directors, vec!["P1".to_string()]);
}

#[test]
fn one_place_per_day() {
    // Two ACM of capacity 60 (director on top), each N = 1; one BAFA can be at only one of them.
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .accueil("B", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast("B", 6, "journee", 0, 10)
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(person("DB", "BAFD", Contrat::Cee, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 0, 65))
        .run();
    assert_eq!(result.missing_totals(), (1, 1, 0));
    assert_eq!(days_of(&result, "B1"), 1);
}

#[test]
fn hour_limits_for_code_du_travail_and_minors() {
    // A CDI may not work 9 h (journee) + 2 h (soir) = 11 h > 10 h (L3121-18): at a
    // capacity-60 accueil (director on top) one of the two slots stays short.
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast("A", 6, "soir", 0, 10)
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(person("C1", "BAFA", Contrat::Cdi, 0, 100))
        .run();
    assert_eq!(result.missing_totals(), (1, 1, 0));
    let slots_of_c1 = result
        .assignments
        .iter()
        .filter(|a| a.animateur == "C1")
        .count();
    assert_eq!(slots_of_c1, 1);
    // A 17-year-old may not work a 9-hour journee (L3162-1: 8 h) but may do the soir.
    let mut minor = person("M1", "BAFA", Contrat::Cee, 0, 60);
    minor.date_naissance = NaiveDate::from_ymd_opt(2009, 1, 1);
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast("A", 6, "soir", 0, 10)
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(minor)
        .run();
    let worked: Vec<&str> = result
        .assignments
        .iter()
        .filter(|a| a.animateur == "M1")
        .map(|a| a.creneau.label.as_str())
        .collect();
    assert_eq!(worked, vec!["soir"]);
}

#[test]
fn minors_never_work_on_public_holidays() {
    // Tuesday 14 July 2026 (L3164-6): the minor is available but not scheduled.
    let mut minor = person("M1", "BAFA", Contrat::Cee, 0, 60);
    minor.date_naissance = NaiveDate::from_ymd_opt(2009, 1, 1);
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 40, 60)
        .forecast("A", 14, "matin", 0, 20)
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(minor)
        .run();
    assert_eq!(days_of(&result, "M1"), 0);
    assert_eq!(result.slots[0].missing_animateurs, 1);
}

#[test]
fn personal_day_limit() {
    let mut capped = person("B1", "BAFA", Contrat::Cee, 0, 65);
    capped.max_jours = Some(2);
    let mut scenario = Scenario::new().accueil("A", AcmType::Extrascolaire, 60, 60);
    for day in 6..=8 {
        scenario = scenario.forecast("A", day, "journee", 0, 10);
    }
    let result = scenario
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(capped)
        .run();
    assert_eq!(days_of(&result, "B1"), 2);
    assert_eq!(result.missing_totals().0, 1);
}

#[test]
fn sejour_team_and_adjoints() {
    // Séjour of 130 minors (40 under 6, 90 aged 6+): N = 13, director on top, 1 adjoint
    // (R227-18): two direction-eligible people are required.
    let mut scenario = Scenario::new()
        .accueil("SEJ", AcmType::Sejour, 130, 5)
        .forecast("SEJ", 6, "journee", 40, 90)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("D2", "BAFD", Contrat::Cee, 0, 90));
    for k in 0..13 {
        scenario = scenario.person(person(&format!("B{k:02}"), "BAFA", Contrat::Cee, 0, 65));
    }
    let result = scenario.run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.director_days[0].required, 2);
    assert_eq!(result.director_days[0].directors.len(), 2);
    assert_eq!(result.slots[0].staffed, 13);
    assert_eq!(result.staff_cost, Cents::euros(2 * 90 + 13 * 65));
}

#[test]
fn cee_budget_spanning_two_weeks_merges_the_periods_and_stays_exact() {
    // Two Monday–Friday weeks are independent periods, but B1 (78 prior CEE days: 2 left)
    // links them. Capacity 60 (director on top), N = 1 each day; B2 is dearer.
    let mut scenario = Scenario::new().accueil("A", AcmType::Extrascolaire, 60, 60);
    for day in [6, 7, 8, 9, 10, 13, 14, 15, 16, 17] {
        scenario = scenario.forecast("A", day, "journee", 0, 10);
    }
    let result = scenario
        .person(person("DA", "BAFD", Contrat::Cdd, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 78, 60))
        .person(person("B2", "BAFA", Contrat::Cee, 0, 80))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 2, "L432-4 across both weeks");
    assert_eq!(days_of(&result, "B2"), 8);
    // 10 × 90 (director) + 2 × 60 + 8 × 80.
    assert_eq!(result.staff_cost, Cents::euros(900 + 120 + 640));
    assert!(
        result.stats.decomposition.contains("2 périodes"),
        "{}",
        result.stats.decomposition
    );
}

#[test]
fn nobody_directs_and_animates_the_same_slot() {
    // Capacity 60: the director is on top of N = 1. A single BAFD cannot be both.
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .run();
    assert_eq!(result.assignments.len(), 1);
    let (any, _, directors) = result.missing_totals();
    assert_eq!(any + directors, 1);
}

#[test]
fn adding_the_recommended_hires_and_planning_again_leaves_no_shortage() {
    // Two ACM of the Saumur sector over a week, short of a director, of qualified staff and of
    // hands; the default profiles (BAFA, stagiaire, sans qualification, BAFD) can close it.
    let mut scenario = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .accueil("B", AcmType::Extrascolaire, 40, 60);
    for day in 6..=10 {
        scenario = scenario
            .forecast("A", day, "journee", 10, 30)
            .forecast("B", day, "journee", 8, 12);
    }
    let mut inputs = scenario
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 70, 65))
        .person(person("S1", "stagiaire BAFA", Contrat::Cee, 0, 60))
        .inputs;
    let first = run(inputs.clone(), true);
    let (any, qualified, directors) = first.missing_totals();
    assert!(
        any > 0 && qualified > 0 && directors > 0,
        "{:?}",
        first.missing_totals()
    );
    assert_eq!(first.residual_missing, (0, 0, 0));
    assert!(!first.hires.is_empty());
    for hire in &first.hires {
        let mut animateur = person(&hire.id, &hire.qualification.label, Contrat::Cee, 0, 0);
        animateur.cout_journalier = Some(hire.daily_cost);
        animateur.secteur = hire.secteur.clone();
        for date in &hire.dates {
            inputs
                .disponibilites
                .add(&hire.id, *date, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(animateur);
    }
    let second = run(inputs, true);
    assert_eq!(second.missing_totals(), (0, 0, 0));
    assert!(second.hires.is_empty());
}

/// A week of the Toussaint 2025 holidays and one of the Hiver 2026 holidays (zone B).
fn two_holiday_weeks() -> Vec<NaiveDate> {
    let october = (20..=24).map(|d| NaiveDate::from_ymd_opt(2025, 10, d));
    let february = (16..=20).map(|d| NaiveDate::from_ymd_opt(2026, 2, d));
    october
        .chain(february)
        .map(|d| d.expect("valid date"))
        .collect()
}

fn yearly_scenario(people: Vec<Animateur>) -> Inputs {
    let mut inputs = Scenario::new()
        .accueil("ALSH", AcmType::AccueilLoisirs, 60, 100)
        .inputs;
    for day in two_holiday_weeks() {
        inputs.previsions.push(Prevision {
            accueil: "ALSH".into(),
            date: day,
            creneau: Creneau::standard("journee").expect("standard"),
            moins_de_6: 0,
            six_et_plus: 10,
            renforce: 0,
            source: SourceRef::default(),
        });
    }
    for animateur in people {
        for day in two_holiday_weeks() {
            inputs
                .disponibilites
                .add(&animateur.id, day, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(animateur);
    }
    inputs
}

/// A director, B1 (60 €, 5 CEE days left) and B2 (90 €).
fn toussaint_hiver_team() -> Vec<Animateur> {
    vec![
        person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120),
        person("B1", "BAFA", Contrat::Cee, 75, 60),
        person("B2", "BAFA", Contrat::Cee, 0, 90),
    ]
}

#[test]
fn the_cee_rolling_year_holds_across_two_holiday_periods() {
    // Toussaint and Hiver are four months apart: one rolling year. B1 has 75 prior CEE days,
    // so 5 left for both weeks together (L432-4); B2 is dearer and takes the other 5 days.
    let inputs = yearly_scenario(toussaint_hiver_team());
    let result = run(inputs, false);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 5);
    assert_eq!(days_of(&result, "B2"), 5);
    assert_eq!(result.staff_cost, Cents::euros(10 * 120 + 5 * 60 + 5 * 90));
}

#[test]
fn one_hire_covers_two_holiday_periods() {
    // Only the director: each of the 10 days lacks one animateur. The two weeks are separate
    // periods; the hires of both become one post (one fixed cost).
    let inputs = yearly_scenario(vec![person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120)]);
    let result = run(inputs, true);
    assert_eq!(result.missing_totals().0, 10);
    assert_eq!(result.hires.len(), 1, "{:#?}", result.hires);
    let hire = &result.hires[0];
    assert_eq!(hire.days(), 10);
    assert_eq!(
        hire.dates.first().map(|d| d.to_string()),
        Some("2025-10-20".to_string())
    );
    assert_eq!(
        hire.dates.last().map(|d| d.to_string()),
        Some("2026-02-20".to_string())
    );
    assert_eq!(hire.total_cost(), Cents::euros(150 + 10 * 85));
    assert_eq!(result.residual_missing, (0, 0, 0));
}

#[test]
fn weekly_hours_bind_for_interchangeable_people() {
    // Monday to Saturday, N = 2 on a 9-hour journee: 12 animateur-days. The two CDI (80 €) are
    // interchangeable and share one class of the model, yet each may work 5 journées at most
    // (6 × 9 h = 54 h > 48 h, Code du travail L3121-20). The CEE (120 €) does the last 2.
    let mut scenario = Scenario::new().accueil("A", AcmType::Extrascolaire, 60, 60);
    for day in 6..=11 {
        scenario = scenario.forecast("A", day, "journee", 0, 20);
    }
    let result = scenario
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(person("C1", "BAFA", Contrat::Cdi, 0, 80))
        .person(person("C2", "BAFA", Contrat::Cdi, 0, 80))
        .person(person("E1", "BAFA", Contrat::Cee, 0, 120))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "C1"), 5);
    assert_eq!(days_of(&result, "C2"), 5);
    assert_eq!(days_of(&result, "E1"), 2);
    // 6 × 90 (director) + 10 × 80 + 2 × 120 = 1 580 €.
    assert_eq!(result.staff_cost, Cents::euros(1580));
}

/// Solves the shortage then the cost stage of `instance`, with or without classes; returns
/// (weighted shortage, cost in cents).
fn shortage_and_cost(
    problem: &Problem,
    instance: &super::instance::Instance,
    personal: bool,
) -> (f64, f64) {
    use super::model::{Bounds, Stage, build_with, shortage_terms};
    use super::solve::{StageSettings, solve};
    let settings = StageSettings {
        time_limit_seconds: 60.0,
        mip_gap: None,
        backend: super::Backend::Highs,
    };
    let model = build_with(
        instance,
        &problem.parameters,
        Stage::Shortage,
        Bounds::default(),
        personal,
    );
    let terms = shortage_terms(&model.columns, &problem.parameters);
    let first = solve(model, settings, None).expect("shortage stage");
    let shortage: f64 = terms.iter().map(|(c, w)| first.values[*c] * w).sum();
    let bounds = Bounds {
        shortage: Some(shortage.round() + 0.5),
        cost: None,
    };
    let model = build_with(instance, &problem.parameters, Stage::Cost, bounds, personal);
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
    let accueils: Vec<usize> = (0..problem.accueils.len()).collect();
    let dates: std::collections::BTreeSet<NaiveDate> = (6..=17).map(date).collect();
    let people = super::plan::staff_people(&problem, &accueils);
    let instance = super::instance::Instance::new(&problem, &accueils, Some(&dates), people);
    let classes = shortage_and_cost(&problem, &instance, false);
    let personal = shortage_and_cost(&problem, &instance, true);
    assert_eq!(classes, personal);
    assert!(classes.0 > 0.0, "the fortnight should be short somewhere");
}

#[test]
fn periods_too_large_to_merge_share_the_cee_budget() {
    // The Toussaint/Hiver scenario, with merging forbidden: B1's 5 CEE days left are shared
    // between the two weeks, which are solved apart. The plan keeps L432-4 and here reaches the
    // same optimum as the merged model: B1 (60 €) works 5 days, B2 (90 €) the other 5.
    let inputs = yearly_scenario(toussaint_hiver_team());
    let result = plan_merging_at_most(inputs, 0);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 5);
    assert_eq!(days_of(&result, "B2"), 5);
    assert_eq!(result.staff_cost, Cents::euros(10 * 120 + 5 * 60 + 5 * 90));
    let shared = shared_budgets_stage(&result);
    assert_eq!((shared.objective, shared.gap), (0.0, 0.0));
    assert!(
        result
            .stats
            .decomposition
            .contains("budgets répartis entre 2"),
        "{}",
        result.stats.decomposition
    );
}

#[test]
fn budget_shares_follow_the_relaxation_and_never_exceed_the_budget() {
    use super::plan::proportional;
    assert_eq!(proportional(5, &[5, 5]), vec![3, 2]);
    assert_eq!(proportional(10, &[30, 10, 0]), vec![8, 2, 0]);
    assert_eq!(proportional(7, &[0, 0]), vec![0, 0]);
    let shares = proportional(40, &[12, 25, 25, 38]);
    assert_eq!(shares.iter().sum::<u32>(), 40);
    assert_eq!(shares, vec![5, 10, 10, 15]);
}

#[test]
fn a_budget_goes_first_to_the_periods_that_were_short() {
    use super::plan::share_one;
    // 20 days left; the relaxation gave 10 days in each of three weeks, the summer one short:
    // the summer keeps its 10, the two others share the other 10.
    let shares = share_one(20, &[10, 10, 10], &[15, 15, 15], &[false, false, true]);
    assert_eq!(shares, vec![5, 5, 10]);
    // Within the budget: the spare days go where the person could still work, the short week
    // first (5 there, then 5 in the other week).
    let shares = share_one(30, &[10, 10, 0], &[15, 15, 0], &[true, false, false]);
    assert_eq!(shares, vec![15, 15, 0]);
    let shares = share_one(12, &[0, 0], &[10, 10], &[true, false]);
    assert_eq!(shares, vec![10, 2]);
}

#[test]
fn periods_short_after_sharing_join_the_merged_short_periods() {
    // B1 (BAFA, CEE, 74 prior days: 6 left, L432-4) could work at Toussaint, in two July weeks
    // and in the Hiver week. July needs 2 animateurs a day (20 children, journée) and nobody
    // else is free then: both July weeks are short even with B1's whole budget, so they are
    // merged first. Toussaint needs 1 animateur in each of two créneaux (matin, après-midi)
    // and only B1 is free: a day of B1 there fills two créneaux, against one in July. Hiver
    // has B4. Too large to merge whole (`merged_max_arcs`), the plan must still find the
    // optimum: B1 5 days at Toussaint, 1 in July.
    let toussaint: Vec<NaiveDate> = (20..=24)
        .filter_map(|d| NaiveDate::from_ymd_opt(2025, 10, d))
        .collect();
    let hiver: Vec<NaiveDate> = (16..=20)
        .filter_map(|d| NaiveDate::from_ymd_opt(2026, 2, d))
        .collect();
    let july: Vec<NaiveDate> = (6..=10)
        .chain(20..=24)
        .filter_map(|d| NaiveDate::from_ymd_opt(2026, 7, d))
        .collect();
    let mut inputs = Scenario::new()
        .accueil("ALSH", AcmType::AccueilLoisirs, 60, 100)
        .inputs;
    let mut forecast = |day: NaiveDate, creneau: &str, children: u32| {
        inputs.previsions.push(Prevision {
            accueil: "ALSH".into(),
            date: day,
            creneau: Creneau::standard(creneau).expect("standard"),
            moins_de_6: 0,
            six_et_plus: children,
            renforce: 0,
            source: SourceRef::default(),
        });
    };
    for day in &toussaint {
        forecast(*day, "matin", 10);
        forecast(*day, "apres-midi", 10);
    }
    for day in &hiver {
        forecast(*day, "journee", 10);
    }
    for day in &july {
        forecast(*day, "journee", 20);
    }
    let everything: Vec<NaiveDate> = [&toussaint, &hiver, &july]
        .into_iter()
        .flatten()
        .copied()
        .collect();
    let people = [
        (
            person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120),
            &everything,
        ),
        (person("B1", "BAFA", Contrat::Cee, 74, 60), &everything),
        (person("B4", "BAFA", Contrat::Cee, 0, 70), &hiver),
    ];
    for (animateur, dates) in people {
        for day in dates {
            inputs
                .disponibilites
                .add(&animateur.id, *day, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(animateur);
    }
    // 45 (person, open day) pairs are linked by B1; the two July weeks have 20, with
    // Toussaint 30.
    let result = plan_merging_at_most(inputs, 35);
    assert_eq!(days_of(&result, "B1"), 6);
    let b1_in_october = result
        .assignments
        .iter()
        .filter(|a| a.animateur == "B1" && a.date.month() == 10)
        .map(|a| a.date)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(b1_in_october, 5);
    // July: 20 animateur-créneaux, 10 of them qualified (50 %, R227-12), B1 fills one of each.
    assert_eq!(result.missing_totals(), (19, 9, 0));
    assert_eq!(result.staff_cost, Cents::euros(20 * 120 + 6 * 60 + 5 * 70));
    let shared = shared_budgets_stage(&result);
    assert_eq!(shared.gap, 0.0, "{shared:?}");
}

/// The plan of the team, with linked periods merged up to `arcs` (person, open day) pairs.
fn plan_merging_at_most(inputs: Inputs, arcs: usize) -> PlanResult {
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        recruit: false,
        merged_max_arcs: arcs,
        ..PlanOptions::default()
    };
    plan(&problem(inputs), &options).expect("plan")
}

fn shared_budgets_stage(result: &PlanResult) -> &super::StageStats {
    result
        .stats
        .stages
        .iter()
        .find(|s| s.status == super::SolveStatus::Shared)
        .expect("a stage for the shared budgets")
}

#[test]
fn the_shortage_bound_read_from_the_scaled_objective_is_proven_and_on_the_weights_grid() {
    use super::model::{shortage_bound, shortage_scale};
    let problem = problem(petit_accueil());
    let accueils: Vec<usize> = (0..problem.accueils.len()).collect();
    let people = super::plan::staff_people(&problem, &accueils);
    let instance = super::instance::Instance::new(&problem, &accueils, None, people);
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
