//! Stable teams and re-planning, on a week whose optimum is known by hand.
//!
//! A (extrascolaire, 10 children of 6 and over: 1 animateur and a director) is open Monday
//! 6 and Tuesday 7 July 2026, B (the same) Wednesday 8. P1 (BAFA, 50 €), P2 (BAFA, 60 €),
//! D1 (BAFD, 90 €), D2 (BAFD, 95 €) are available all three days.
//! - Cheapest: P1 animates and D1 directs every day, at A then B: 3 × 50 + 3 × 90 = 420 €, both
//!   at two accueils in the week.
//! - Stable (one accueil per person and week): P1 and D1 at A, P2 and D2 at B: 2 × 50 +
//!   2 × 90 + 60 + 95 = 435 €. Any other stable plan costs more (P1 at B and P2 at A: 445 €;
//!   D2 at A and D1 at B: 440 €). Stability costs 15 €.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::domain::{AcmType, Affectation, Cents, Contrat, Inputs, PreviousPlan, Role};
use crate::optimize::{ChangeReason, PlanOptions, PlanResult, plan};
use crate::problem::Problem;
use crate::rules::Parameters;
use crate::rules::parameters::StabilityMode;

use super::support::{Scenario, date, person};

fn week() -> Inputs {
    Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .accueil("B", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast("A", 7, "journee", 0, 10)
        .forecast("B", 8, "journee", 0, 10)
        .person(person("P1", "BAFA", Contrat::Cee, 0, 50))
        .person(person("P2", "BAFA", Contrat::Cee, 0, 60))
        .person(person("D1", "BAFD", Contrat::Cee, 0, 90))
        .person(person("D2", "BAFD", Contrat::Cee, 0, 95))
        .inputs
}

fn run_with(inputs: Inputs, mode: StabilityMode, previous: Option<PreviousPlan>) -> PlanResult {
    let parameters = Parameters {
        stability: mode,
        ..Parameters::default()
    };
    let problem = Problem::new(inputs, parameters).expect("valid requirements");
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        recruit: false,
        previous: previous.map(Arc::new),
        ..PlanOptions::default()
    };
    plan(&problem, &options).expect("plan")
}

/// Each person's accueils over the week, and the directors of each accueil.
fn places(result: &PlanResult) -> BTreeMap<String, BTreeSet<String>> {
    let mut places: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for a in &result.assignments {
        places
            .entry(a.animateur.clone())
            .or_default()
            .insert(a.accueil.clone());
    }
    places
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_stable_plan_is_the_cheapest_with_one_accueil_per_person_and_week() {
    let result = run_with(week(), StabilityMode::Week, None);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    let places = places(&result);
    assert_eq!(places["P1"], set(&["A"]));
    assert_eq!(places["D1"], set(&["A"]));
    assert_eq!(places["P2"], set(&["B"]));
    assert_eq!(places["D2"], set(&["B"]));
    assert_eq!(result.staff_cost, Cents::euros(435));
    let stability = &result.stability;
    assert_eq!(stability.published.person_weeks_moving, 0);
    assert_eq!(stability.published.accueil_weeks_changing, 0);
    assert_eq!(stability.cheapest_cost, Cents::euros(420));
    assert_eq!(stability.cost_of_stability(), Cents::euros(15));
}

#[test]
fn stability_jour_keeps_the_cheapest_plan() {
    let result = run_with(week(), StabilityMode::Day, None);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.staff_cost, Cents::euros(420));
    let places = places(&result);
    assert_eq!(places["P1"], set(&["A", "B"]));
    assert_eq!(places["D1"], set(&["A", "B"]));
}

/// The stable plan, as a previous plan, with `locked` person-days.
fn published(locked: &[(&str, u32)]) -> PreviousPlan {
    let result = run_with(week(), StabilityMode::Week, None);
    PreviousPlan {
        assignments: result.assignments,
        locked: locked
            .iter()
            .map(|(id, day)| (id.to_string(), date(*day)))
            .collect(),
    }
}

#[test]
fn a_call_off_changes_only_the_days_it_must() {
    let previous = published(&[]);
    let mut inputs = week();
    // P1 calls off on Tuesday: someone else animates A that day, nothing else moves.
    inputs
        .disponibilites
        .by_person_date
        .remove(&("P1".to_string(), date(7)));
    let result = run_with(inputs, StabilityMode::Week, Some(previous));
    assert_eq!(result.missing_totals(), (0, 0, 0));
    let changes = result
        .changes
        .clone()
        .expect("re-planning lists its changes");
    assert_eq!(changes.len(), 2, "{changes:#?}");
    let p1 = changes
        .iter()
        .find(|c| c.animateur == "P1")
        .expect("P1's Tuesday");
    assert_eq!(p1.date, date(7));
    assert_eq!(p1.reason, ChangeReason::Unavailable);
    assert_eq!(p1.after, None);
    let other = changes
        .iter()
        .find(|c| c.animateur != "P1")
        .expect("who replaces P1");
    assert_eq!(other.date, date(7));
    assert_eq!(other.before, None);
    assert_eq!(other.after, Some(("A".to_string(), Role::Animation)));
}

#[test]
fn a_re_plan_of_the_same_input_changes_nothing() {
    let previous = published(&[]);
    let result = run_with(week(), StabilityMode::Week, Some(previous));
    assert_eq!(result.changes, Some(Vec::new()));
    assert_eq!(result.staff_cost, Cents::euros(435));
}

#[test]
fn a_locked_day_is_kept_even_against_the_shortage() {
    // A previous plan where D1 animates A on Monday, locked, and P1 is not there: the new plan
    // keeps D1 animating (a locked row binds), so someone else must direct A that day.
    let mut previous = published(&[]);
    previous
        .assignments
        .retain(|a| !(a.date == date(6) && a.accueil == "A"));
    let template = Affectation {
        animateur: "D1".into(),
        accueil: "A".into(),
        date: date(6),
        creneau: crate::domain::Creneau::standard("journee").expect("standard"),
        role: Role::Animation,
        source: None,
    };
    previous.assignments.push(template);
    previous.locked.insert(("D1".to_string(), date(6)));
    let result = run_with(week(), StabilityMode::Week, Some(previous.clone()));
    let monday: Vec<&Affectation> = result
        .assignments
        .iter()
        .filter(|a| a.date == date(6))
        .collect();
    assert!(
        monday
            .iter()
            .any(|a| a.animateur == "D1" && a.role == Role::Animation && a.accueil == "A"),
        "{monday:#?}"
    );
    // Without the lock, D1 directs again on Monday (fewer changes: one added animateur).
    previous.locked.clear();
    let unlocked = run_with(week(), StabilityMode::Week, Some(previous));
    let changes = unlocked.changes.clone().expect("changes");
    assert_eq!(unlocked.missing_totals(), (0, 0, 0));
    assert!(changes.len() <= 2, "{changes:#?}");
}

#[test]
fn a_lock_the_new_input_makes_impossible_is_reported() {
    let previous = published(&[("P1", 7)]);
    let mut inputs = week();
    inputs
        .disponibilites
        .by_person_date
        .remove(&("P1".to_string(), date(7)));
    let result = run_with(inputs, StabilityMode::Week, Some(previous));
    let changes = result.changes.clone().expect("changes");
    let p1 = changes
        .iter()
        .find(|c| c.animateur == "P1" && c.date == date(7))
        .expect("P1's locked Tuesday is listed");
    assert!(p1.locked);
    assert_eq!(
        p1.reason,
        ChangeReason::LockImpossible { unavailable: true }
    );
    assert_eq!(result.missing_totals(), (0, 0, 0));
}
