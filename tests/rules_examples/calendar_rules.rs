//! Q6, the day kind by date, the zone-B calendar and public holidays (§8, §1.4).

use acm_planner::domain::{AcmType, CalendarOverride, DayKind};
use acm_planner::rules::{self, Calendar, Parameters, Ratio, calendar};
use chrono::NaiveDate;

use crate::*;

/// Q6: a weekday without school outside the holidays uses the extrascolaire ratios by default,
/// the périscolaire ones when the `Regles` sheet says so.
#[test]
fn weekday_without_school_follows_q6() {
    let calendar = Calendar::new(&[]);
    let pont = date(2026, 5, 15);
    let slot = prevision(pont, journee(), 16, 24);
    let site = accueil(AcmType::AccueilLoisirs, 40);
    let default = rules::slot_requirement(&site, &slot, &calendar, &Parameters::default())
        .expect("computable");
    assert_eq!(default.day_kind, Some(DayKind::NoSchool));
    assert_eq!(default.applied.regime, "extrascolaire");
    assert_eq!(default.required, 4);
    let periscolaire = Parameters {
        unclear_weekday_periscolaire: true,
        ..Parameters::default()
    };
    let requirement =
        rules::slot_requirement(&site, &slot, &calendar, &periscolaire).expect("computable");
    // A 9-hour journee is > 5 h: périscolaire without PEDT above 5 h is also 1:8 / 1:12.
    assert_eq!(requirement.applied.regime, "périscolaire > 5 h sans PEDT");
    let short = prevision(pont, creneau("matin", (8, 30), (12, 0)), 16, 24);
    let requirement =
        rules::slot_requirement(&site, &short, &calendar, &periscolaire).expect("computable");
    assert_eq!(requirement.applied.ratio, Ratio::new(10, 14));
    assert_eq!(requirement.required, 4); // 2 + 2
}

/// The day kind follows the date for every accueil de loisirs, whatever its declared type (CASF
/// R227-1 II, décret 2018-647): an accueil typed `periscolaire` on a summer day is extrascolaire,
/// one typed `extrascolaire` on a term Wednesday is périscolaire. On a date the calendar does not
/// know, the declared type stands; a plain accueil de loisirs is an error.
#[test]
fn the_day_kind_follows_the_date_whatever_the_declared_type() {
    let calendar = Calendar::new(&[]);
    let parameters = Parameters::default();
    let summer = date(SUMMER_DAY.0, SUMMER_DAY.1, SUMMER_DAY.2);
    let peri = rules::slot_requirement(
        &accueil(AcmType::Periscolaire, 40),
        &prevision(summer, creneau("soir", (16, 30), (18, 30)), 10, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(peri.day_kind, Some(DayKind::Holiday));
    assert_eq!(peri.applied.ratio, Ratio::new(8, 12));
    assert_eq!(peri.required, 4); // ceil(10/8) + ceil(14/12), not 1 + 1 at 1:10 / 1:14
    let wednesday = date(TERM_WEDNESDAY.0, TERM_WEDNESDAY.1, TERM_WEDNESDAY.2);
    let extra_on_wednesday = rules::slot_requirement(
        &accueil(AcmType::Extrascolaire, 40),
        &prevision(wednesday, creneau("matin", (8, 30), (12, 0)), 10, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(extra_on_wednesday.day_kind, Some(DayKind::School));
    assert_eq!(extra_on_wednesday.applied.ratio, Ratio::new(10, 14));
    // A Saturday without school is extrascolaire for an accueil typed périscolaire.
    let saturday = date(2025, 9, 20);
    let peri_saturday = rules::slot_requirement(
        &accueil(AcmType::Periscolaire, 40),
        &prevision(saturday, creneau("matin", (8, 30), (12, 0)), 0, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(peri_saturday.applied.ratio, Ratio::new(8, 12));
    assert_eq!(peri_saturday.required, 2);
    let far = date(2027, 7, 12);
    let extra = rules::slot_requirement(
        &accueil(AcmType::Extrascolaire, 40),
        &prevision(far, journee(), 8, 12),
        &calendar,
        &parameters,
    )
    .expect("a declared type stands where the calendar is silent");
    assert_eq!(extra.day_kind, Some(DayKind::Holiday));
    assert_eq!(extra.required, 2);
    let unknown = rules::slot_requirement(
        &accueil(AcmType::AccueilLoisirs, 40),
        &prevision(far, journee(), 8, 12),
        &calendar,
        &parameters,
    );
    assert_eq!(unknown, Err(rules::RequirementError::UnknownDate));
}

/// Year, month, day.
type Ymd = (i32, u32, u32);

/// §8 and §1.4: how the zone-B calendar classifies dates for an accueil de loisirs.
#[test]
fn calendar_classification() {
    let calendar = Calendar::new(&[]);
    use DayKind::{Holiday, NoSchool, School};
    let cases: &[(Ymd, Option<DayKind>, &str)] = &[
        ((2024, 9, 1), None, "Sunday before the built-in calendar"),
        ((2024, 9, 2), Some(School), "rentrée 2024"),
        (
            (2024, 10, 18),
            Some(School),
            "last Friday before Toussaint 2024",
        ),
        (
            (2024, 10, 23),
            Some(Holiday),
            "Wednesday in the Toussaint holidays",
        ),
        ((2024, 11, 1), Some(Holiday), "Toussaint, in the holidays"),
        ((2024, 11, 4), Some(School), "classes resume"),
        (
            (2024, 11, 11),
            Some(NoSchool),
            "Armistice, a Monday in term",
        ),
        ((2024, 12, 25), Some(Holiday), "Christmas, in the holidays"),
        (
            (2025, 2, 23),
            Some(Holiday),
            "last day of the winter holidays 2025",
        ),
        (
            (2025, 2, 24),
            Some(School),
            "classes resume after winter 2025",
        ),
        (
            (2025, 4, 21),
            Some(Holiday),
            "Easter Monday 2025, in the spring holidays",
        ),
        ((2025, 4, 22), Some(School), "classes resume on a Tuesday"),
        ((2025, 5, 1), Some(NoSchool), "1 May 2025, a Thursday"),
        ((2025, 5, 8), Some(NoSchool), "8 May 2025, a Thursday"),
        ((2025, 5, 29), Some(NoSchool), "Ascension 2025"),
        ((2025, 5, 30), Some(NoSchool), "Ascension pont 2025"),
        ((2025, 5, 31), Some(Holiday), "Saturday after the pont"),
        ((2025, 6, 9), Some(NoSchool), "Whit Monday 2025"),
        ((2025, 7, 4), Some(School), "last Friday of school 2025"),
        ((2025, 7, 5), Some(Holiday), "first day of summer 2025"),
        ((2025, 7, 14), Some(Holiday), "14 July, in the holidays"),
        ((2025, 7, 15), Some(Holiday), "a summer holiday Tuesday"),
        ((2025, 8, 31), Some(Holiday), "last day of summer 2025"),
        ((2025, 9, 1), Some(School), "rentrée 2025"),
        ((2025, 10, 8), Some(School), "a Wednesday in term"),
        ((2025, 10, 11), Some(Holiday), "a Saturday in term"),
        ((2025, 10, 12), Some(Holiday), "a Sunday in term"),
        ((2025, 10, 20), Some(Holiday), "Toussaint holidays 2025"),
        (
            (2025, 11, 3),
            Some(School),
            "classes resume after Toussaint 2025",
        ),
        ((2025, 11, 11), Some(NoSchool), "Armistice 2025, a Tuesday"),
        ((2026, 1, 5), Some(School), "classes resume after Christmas"),
        (
            (2026, 2, 18),
            Some(Holiday),
            "Wednesday in the winter holidays 2026",
        ),
        (
            (2026, 3, 2),
            Some(School),
            "classes resume after winter 2026",
        ),
        (
            (2026, 4, 6),
            Some(NoSchool),
            "Easter Monday 2026, before the spring holidays",
        ),
        ((2026, 4, 13), Some(Holiday), "spring holidays 2026"),
        (
            (2026, 4, 27),
            Some(School),
            "classes resume after spring 2026",
        ),
        ((2026, 5, 14), Some(NoSchool), "Ascension 2026"),
        ((2026, 5, 15), Some(NoSchool), "Ascension pont 2026"),
        ((2026, 5, 25), Some(NoSchool), "Whit Monday 2026"),
        ((2026, 5, 27), Some(School), "a Wednesday in term 2026"),
        ((2026, 7, 3), Some(School), "last day of school 2026"),
        ((2026, 7, 6), Some(Holiday), "summer holidays 2026"),
        ((2026, 8, 30), Some(Holiday), "last built-in day"),
        (
            (2026, 8, 31),
            None,
            "after the built-in calendar (rentrée 2026 not confirmed)",
        ),
        ((2027, 3, 10), None, "a date in 2027"),
    ];
    for &((y, m, d), expected, what) in cases {
        assert_eq!(calendar.classify(date(y, m, d)), expected, "{what}");
    }
    assert_eq!(calendar.holiday_period(date(2026, 7, 6)), Some("Été"));
    assert_eq!(calendar.holiday_period(date(2025, 12, 24)), Some("Noël"));
    assert_eq!(calendar.holiday_period(date(2026, 4, 6)), None);
}

#[test]
fn calendar_overrides() {
    let overrides = [
        CalendarOverride {
            date: date(2027, 2, 10),
            kind: DayKind::School,
        },
        CalendarOverride {
            date: date(2027, 2, 20),
            kind: DayKind::Holiday,
        },
        // A local change of the built-in calendar: classes on the Ascension pont.
        CalendarOverride {
            date: date(2026, 5, 15),
            kind: DayKind::School,
        },
    ];
    let calendar = Calendar::new(&overrides);
    assert_eq!(calendar.classify(date(2027, 2, 10)), Some(DayKind::School));
    assert_eq!(calendar.classify(date(2027, 2, 20)), Some(DayKind::Holiday));
    assert_eq!(calendar.classify(date(2027, 2, 11)), None);
    assert_eq!(calendar.classify(date(2026, 5, 15)), Some(DayKind::School));
    assert!(calendar.knows(date(2027, 2, 10)));
    assert!(!calendar.knows(date(2027, 2, 11)));
}

#[test]
fn easter_sundays() {
    for (year, expected) in [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
    ] {
        assert_eq!(calendar::easter_sunday(year), expected, "{year}");
    }
}

/// §8: the 11 public holidays of L3133-1, with the computed movable dates.
#[test]
fn public_holidays_2025_and_2026() {
    let expected_2025 = [
        (1, 1),
        (4, 21),
        (5, 1),
        (5, 8),
        (5, 29),
        (6, 9),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let expected_2026 = [
        (1, 1),
        (4, 6),
        (5, 1),
        (5, 8),
        (5, 14),
        (5, 25),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    for (year, expected) in [(2025, expected_2025), (2026, expected_2026)] {
        let days: Vec<NaiveDate> = calendar::public_holidays(year)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let expected: Vec<NaiveDate> = expected.iter().map(|&(m, d)| date(year, m, d)).collect();
        assert_eq!(days, expected, "{year}");
    }
    assert_eq!(
        calendar::public_holiday_name(date(2025, 5, 29)),
        Some("Ascension")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2025, 6, 9)),
        Some("Lundi de Pentecôte")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 5, 14)),
        Some("Ascension")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 5, 25)),
        Some("Lundi de Pentecôte")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 4, 6)),
        Some("Lundi de Pâques")
    );
    assert!(calendar::is_public_holiday(date(2026, 7, 14)));
    assert!(!calendar::is_public_holiday(date(2026, 7, 13)));
    assert_eq!(calendar::public_holiday_name(date(2026, 5, 15)), None);
}
