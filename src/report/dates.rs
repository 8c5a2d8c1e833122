//! The calendar arithmetic the reports group by: ISO weeks and weekends.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The Monday of the ISO week of `date`.
pub fn week_monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_monday(d(9)), d(6));
        assert_eq!(week_monday(d(12)), d(6));
        assert_eq!(week_monday(d(6)), d(6));
        assert!(is_weekend(d(11)) && is_weekend(d(12)) && !is_weekend(d(10)));
    }
}
