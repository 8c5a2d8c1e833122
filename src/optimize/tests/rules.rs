//! One test per rule of the model: each holds, even when staff is short.

use chrono::NaiveDate;

use super::support::{Scenario, days_of, person};
use crate::domain::{AcmType, Cents, Contrat};
use crate::optimize::{DirectorDiploma, DirectorReason, Obstacle, ShortageReason};

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
        matches!(&day.reason, Some(DirectorReason::Blocked { blocked, .. })
            if blocked.iter().any(|b| b.obstacle == Obstacle::WeeklyRest)),
        "reason: {:?}",
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
    assert!(
        matches!(&slot.reason, Some(ShortageReason::Blocked { blocked, .. })
            if blocked.iter().any(|b| b.obstacle == Obstacle::UnqualifiedCap)),
        "reason: {:?}",
        slot.reason
    );
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
        matches!(
            day.reason,
            Some(DirectorReason::NoHolder {
                diploma: DirectorDiploma::Professional {
                    days: 80,
                    minors: 80
                },
                ..
            })
        ),
        "reason: {:?}",
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
    // A CDI may not work 08:30–17:30 and 17:30–19:00, 10 h 30 > 10 h (L3121-18): at a
    // capacity-60 accueil (director on top) one of the two slots stays short.
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast_at("A", 6, ("soir", 17 * 60 + 30, 19 * 60), 10)
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
    // The standard journee (08:30–17:30) and soir (16:30–18:30) overlap by an hour: together
    // they are 10 h of work, not 11 (the day's union, as the law counts it), which a CDI may do.
    let result = Scenario::new()
        .accueil("A", AcmType::Extrascolaire, 60, 60)
        .forecast("A", 6, "journee", 0, 10)
        .forecast("A", 6, "soir", 0, 10)
        .person(person("DA", "BAFD", Contrat::Cee, 0, 90))
        .person(person("C1", "BAFA", Contrat::Cdi, 0, 100))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
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
