//! The built-in calendar against the zone-B table of acm-rules.md §8, day by day.

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;
use crate::domain::{CalendarOverride, DayKind};

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// acm-rules.md §8, zone B: holiday days from the Saturday to the day before classes resume.
type Ymd = (i32, u32, u32);

const TABLE: [(Ymd, Ymd, &str); 10] = [
    ((2024, 10, 19), (2024, 11, 3), "Toussaint"),
    ((2024, 12, 21), (2025, 1, 5), "Noël"),
    ((2025, 2, 8), (2025, 2, 23), "Hiver"),
    ((2025, 4, 5), (2025, 4, 21), "Printemps"),
    ((2025, 7, 5), (2025, 8, 31), "Été"),
    ((2025, 10, 18), (2025, 11, 2), "Toussaint"),
    ((2025, 12, 20), (2026, 1, 4), "Noël"),
    ((2026, 2, 14), (2026, 3, 1), "Hiver"),
    ((2026, 4, 11), (2026, 4, 26), "Printemps"),
    ((2026, 7, 4), (2026, 8, 30), "Été"),
];

/// What §8 and §1.4 say of a date, independently of the code under test.
fn expected(date: NaiveDate) -> (DayKind, Option<&'static str>) {
    let ymd = |(y, m, d): (i32, u32, u32)| day(y, m, d);
    if let Some((_, _, name)) = TABLE
        .iter()
        .find(|(first, last, _)| ymd(*first) <= date && date <= ymd(*last))
    {
        return (DayKind::Holiday, Some(name));
    }
    let pont = [day(2025, 5, 30), day(2026, 5, 15)].contains(&date);
    let kind = match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::Holiday,
        Weekday::Wed => DayKind::School,
        _ if pont || is_public_holiday(date) => DayKind::NoSchool,
        _ => DayKind::School,
    };
    (kind, None)
}

#[test]
fn the_built_in_calendar_is_the_zone_b_table_day_by_day() {
    let calendar = Calendar::new(&[]);
    for date in day(2024, 9, 2)
        .iter_days()
        .take_while(|d| *d <= day(2026, 8, 30))
    {
        let (kind, period) = expected(date);
        assert_eq!(calendar.classify(date), Some(kind), "{date}");
        assert_eq!(calendar.holiday_period(date), period, "{date}");
    }
    assert_eq!(calendar.classify(day(2024, 9, 1)), None);
    assert_eq!(calendar.classify(day(2026, 8, 31)), None);
    assert_eq!(calendar.classify(day(2027, 2, 22)), None);
}

#[test]
fn other_zones_have_no_built_in_days_and_overrides_still_win() {
    let calendar = Calendar::for_zone(
        SchoolZone::A,
        &[CalendarOverride {
            date: day(2026, 2, 9),
            kind: DayKind::Holiday,
        }],
    );
    assert_eq!(calendar.classify(day(2026, 2, 10)), None);
    assert_eq!(calendar.classify(day(2026, 2, 9)), Some(DayKind::Holiday));
    let source = calendar.source();
    assert_eq!(source.zone, SchoolZone::A);
    assert_eq!(source.built_in, None);
    assert_eq!(source.overrides, 1);
}

#[test]
fn a_file_wins_over_the_built_in_days_it_covers() {
    // A file that (wrongly) puts 2 March 2026 in the zone-B winter holidays, and knows 2026-27,
    // its winter cut in two pieces as the combined file cuts it.
    let zoned = |start: NaiveDate, end: NaiveDate| ZonedBreak {
        zones: vec![SchoolZone::B],
        academie: None,
        period: PublishedPeriod {
            label: "Vacances d'Hiver".into(),
            start,
            end: Some(end),
        },
    };
    let file = CalendarFile {
        name: "Zone-B.ics".into(),
        format: CalendarFormat::Ics,
        breaks: vec![
            zoned(day(2026, 2, 14), day(2026, 3, 3)),
            zoned(day(2027, 2, 20), day(2027, 3, 1)),
            zoned(day(2027, 3, 1), day(2027, 3, 8)),
        ],
        listed_days: None,
        listed_zones: Vec::new(),
    };
    let calendar = Calendar::new(&[]).with_file(&file, None).expect("zone B");
    assert_eq!(calendar.classify(day(2026, 3, 2)), Some(DayKind::Holiday));
    assert_eq!(calendar.classify(day(2026, 9, 7)), Some(DayKind::School));
    assert_eq!(calendar.classify(day(2027, 2, 22)), Some(DayKind::Holiday));
    // Monday 1 March 2027 starts a piece, not the holidays: still a holiday.
    assert_eq!(calendar.classify(day(2027, 3, 1)), Some(DayKind::Holiday));
    assert_eq!(calendar.classify(day(2027, 3, 8)), Some(DayKind::School));
    assert_eq!(calendar.holiday_period(day(2027, 3, 7)), Some("Hiver"));
    // Before the file's first day, the built-in calendar still answers.
    assert_eq!(calendar.classify(day(2025, 12, 22)), Some(DayKind::Holiday));
    let source = calendar.source();
    assert_eq!(source.school_years(), Some((2024, 2026)));
    let error = Calendar::for_zone(SchoolZone::C, &[])
        .with_file(&file, None)
        .expect_err("no zone C");
    assert_eq!(error.found, vec![SchoolZone::B]);
}
