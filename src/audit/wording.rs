//! The few French wordings the audit's messages share (dates, hours, plurals). Findings carry
//! their message already written: the audit is the oracle of `check` and of the tests, and its
//! sentences are part of what it asserts.

use chrono::NaiveDate;

/// A date as French users write it: `06/07/2026`.
pub fn french_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `10 h`, `10 h 30`.
pub(crate) fn french_hours(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// `1 animateur`, `2 animateurs`.
pub(crate) fn plural(count: impl Into<i64>, singular: &str, plural: &str) -> String {
    let count = count.into();
    if count.abs() <= 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural}")
    }
}
