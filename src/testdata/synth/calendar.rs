//! The kind of each day and how busy it is: the built-in calendar, a zone-B-like rule beyond it,
//! the season and the weekday.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::DayKind;
use crate::rules::Calendar;
use crate::rules::calendar::is_public_holiday;

/// The kind of day, from the built-in calendar or, outside it, from a simple zone-B-like rule
/// (then also returned as a `Calendrier` row so the tool knows it).
pub(super) fn day_kind(calendar: &Calendar, date: NaiveDate) -> (DayKind, bool) {
    match calendar.classify(date) {
        Some(kind) => (kind, false),
        None => (fallback_kind(date), true),
    }
}

pub(super) fn fallback_kind(date: NaiveDate) -> DayKind {
    let (month, day) = (date.month(), date.day());
    let holidays = match month {
        7 => day >= 4,
        8 => true,
        10 => day >= 17,
        11 => day == 1,
        12 => day >= 19,
        1 => day <= 3,
        2 => (14..=28).contains(&day),
        4 => (11..=26).contains(&day),
        _ => false,
    };
    match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::Holiday,
        _ if holidays => DayKind::Holiday,
        Weekday::Wed => DayKind::School,
        _ if is_public_holiday(date) => DayKind::NoSchool,
        _ => DayKind::School,
    }
}

/// Share of the capacity expected on a holiday day: July busier than August.
pub(super) fn season(date: NaiveDate) -> f64 {
    match (date.month(), date.day()) {
        (7, d) if d < 13 => 0.66,
        (7, d) if d < 20 => 0.70,
        (7, _) => 0.72,
        (8, d) if d < 10 => 0.66,
        (8, d) if d < 17 => 0.52,
        (8, d) if d < 24 => 0.48,
        (8, _) => 0.58,
        (12 | 1, _) => 0.35,
        _ => 0.55,
    }
}

/// Attendance by weekday; the day before a Tuesday public holiday is a "pont".
pub(super) fn weekday_factor(date: NaiveDate) -> f64 {
    if date.weekday() == Weekday::Mon && is_public_holiday(date + Duration::days(1)) {
        return 0.7;
    }
    match date.weekday() {
        Weekday::Mon => 0.95,
        Weekday::Wed => 0.97,
        Weekday::Fri => 0.88,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_calendar_knows_the_summer_and_wednesdays() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        assert_eq!(fallback_kind(date(2027, 7, 12)), DayKind::Holiday);
        assert_eq!(fallback_kind(date(2026, 9, 9)), DayKind::School);
        assert_eq!(fallback_kind(date(2027, 11, 11)), DayKind::NoSchool);
        assert_eq!(fallback_kind(date(2026, 12, 23)), DayKind::Holiday);
    }
}
