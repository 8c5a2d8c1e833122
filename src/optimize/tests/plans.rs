//! Whole plans on tiny instances whose optimum is known by hand: cost, shortage, its reasons,
//! and the hires that close it.

use super::support::{Scenario, date, days_of, person, petit_accueil, run};
use crate::domain::{AcmType, AvailabilityFlags, Cents, Contrat, Role};
use crate::optimize::{DirectorDiploma, DirectorReason, Obstacle, ShortageReason};
use std::collections::BTreeMap;

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
    let team = run(inputs.clone(), false);
    // Mon–Thu each need a second qualified person: A3 covers 3 days, one day is short.
    assert_eq!(days_of(&team, "A3"), 3);
    let (_, qualified, directors) = team.missing_totals();
    assert_eq!((qualified, directors), (1, 0));
    let short = team
        .slots
        .iter()
        .find(|s| s.missing_qualified > 0)
        .expect("a short slot");
    let cee_cap = Obstacle::CeeCap { limit_days: 80 };
    assert!(
        matches!(&short.reason, Some(ShortageReason::Blocked { blocked, .. })
            if blocked.iter().any(|b| b.obstacle == cee_cap)),
        "reason: {:?}",
        short.reason
    );
    // The cheapest fix is one BAFA hire for that day: 150 € fixed + 85 € a day; the published
    // plan has it, and nothing is short any more.
    let result = run(inputs, true);
    assert_eq!(result.team_missing.1, 1);
    assert_eq!(result.missing_totals(), (0, 0, 0));
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
    assert!(
        matches!(
            day.reason,
            Some(DirectorReason::NoneAvailableAllDay {
                diploma: DirectorDiploma::Bafd,
                ..
            })
        ),
        "reason: {:?}",
        day.reason
    );
    assert!(result.hires.is_empty());
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
    let (any, qualified, directors) = first.team_missing;
    assert!(
        any > 0 && qualified > 0 && directors > 0,
        "{:?}",
        first.team_missing
    );
    assert_eq!(first.missing_totals(), (0, 0, 0));
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

#[test]
fn recruitment_hires_up_to_the_caps_on_a_huge_day() {
    // 2 400 children on one day (200 animateurs, 100 of them qualified), one director: far
    // more than the market's caps (30 people per default profile and sector). The recruitment
    // still hires up to the caps of every profile that may animate and reports what they
    // leave.
    let inputs = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 3000, 60)
        .forecast("A", 6, "journee", 0, 2400)
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .inputs;
    let result = run(inputs, true);
    assert_eq!(result.team_missing, (200, 100, 0));
    let mut by_qualification: BTreeMap<String, usize> = BTreeMap::new();
    for hire in &result.hires {
        *by_qualification
            .entry(hire.qualification.label.clone())
            .or_default() += 1;
    }
    assert_eq!(by_qualification.get("BAFA"), Some(&30));
    assert_eq!(by_qualification.get("stagiaire BAFA"), Some(&30));
    assert_eq!(by_qualification.get("sans qualification"), Some(&30));
    // A BAFD may animate, and counts as qualified: the market's 30 are hired too.
    assert_eq!(by_qualification.get("BAFD"), Some(&30));
    // 120 hired of 200: 80 left, of whom 40 qualified (100 needed, 60 hired).
    assert_eq!(result.residual_missing, (80, 40, 0));
    assert_eq!(result.missing_totals(), (80, 40, 0));
}
