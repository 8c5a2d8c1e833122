//! How a row gives its days: one `Date`, or a `Du`–`Au` range on some `Jours` of the week.

use chrono::Weekday;

use super::column::ColumnSpec;

/// The date columns of a sheet whose rows name a day or a range of days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DatesSpec {
    pub date: ColumnSpec,
    pub du: ColumnSpec,
    pub au: ColumnSpec,
    pub jours: ColumnSpec,
    /// The days of a range when `Jours` is blank.
    pub default_days: &'static [Weekday],
}

/// Monday to Friday: a range's days by default in `Previsions` and `Disponibilites`.
pub const MONDAY_TO_FRIDAY: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// Every day of the week: a `Calendrier` range's days by default.
pub const EVERY_DAY: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
