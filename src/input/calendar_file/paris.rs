//! Dates as the files write them, brought to the **Paris local date**: the open dataset writes
//! midnight in Paris as a UTC instant (`2026-02-06T23:00:00+00:00` is Saturday 7 February), and
//! an iCalendar date-time may be in UTC (`20260206T230000Z`).
//!
//! Paris time is UTC+1, and UTC+2 from the last Sunday of March, 01:00 UTC, to the last Sunday
//! of October, 01:00 UTC (EU summer time, directive 2000/84/CE).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// The Paris local date of a UTC instant.
pub fn paris_date(utc: NaiveDateTime) -> NaiveDate {
    let year = utc.date().year();
    let switch = |month: u32| {
        last_sunday(year, month)
            .and_time(NaiveTime::from_hms_opt(1, 0, 0).unwrap_or(NaiveTime::MIN))
    };
    let summer = switch(3) <= utc && utc < switch(10);
    (utc + Duration::hours(if summer { 2 } else { 1 })).date()
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next_month = NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap_or(NaiveDate::MAX);
    let mut day = next_month - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

/// A date of the open dataset: `2026-02-06T23:00:00+00:00` (any offset, taken to Paris),
/// `2026-02-07` or `07/02/2026`.
pub fn parse_open_data_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        return Some(paris_date(instant.naive_utc()));
    }
    if let Ok(instant) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(paris_date(instant.naive_utc()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// An iCalendar `DATE` (`20260214`) or `DATE-TIME` (`20260213T230000Z` in UTC, taken to Paris;
/// `20260214T000000` local, with or without `TZID`: its date).
pub fn parse_ics_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.len() == 8 {
        return NaiveDate::parse_from_str(value, "%Y%m%d").ok();
    }
    if let Some(utc) = value.strip_suffix('Z') {
        let instant = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok()?;
        return Some(paris_date(instant));
    }
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
        .ok()
        .map(|local| local.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
    }

    #[test]
    fn utc_midnights_are_read_as_paris_dates() {
        // Winter: UTC+1.
        assert_eq!(
            parse_open_data_date("2026-02-06T23:00:00+00:00"),
            Some(day(2026, 2, 7))
        );
        // Summer: UTC+2.
        assert_eq!(
            parse_open_data_date("2026-07-03T22:00:00+00:00"),
            Some(day(2026, 7, 4))
        );
        assert_eq!(
            parse_open_data_date("2026-10-17T00:00:00+02:00"),
            Some(day(2026, 10, 17))
        );
        assert_eq!(parse_open_data_date("2027-02-20"), Some(day(2027, 2, 20)));
        assert_eq!(parse_open_data_date("20/02/2027"), Some(day(2027, 2, 20)));
        assert_eq!(parse_open_data_date("demain"), None);
        // The switch days: 29 March and 25 October 2026.
        assert_eq!(parse_ics_date("20260328T230000Z"), Some(day(2026, 3, 29)));
        assert_eq!(parse_ics_date("20261024T220000Z"), Some(day(2026, 10, 25)));
        assert_eq!(parse_ics_date("20261025T230000Z"), Some(day(2026, 10, 26)));
        assert_eq!(parse_ics_date("20270220"), Some(day(2027, 2, 20)));
        assert_eq!(parse_ics_date("20270220T080000"), Some(day(2027, 2, 20)));
        assert_eq!(parse_ics_date("2027022"), None);
    }
}
