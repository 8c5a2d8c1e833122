//! The school calendar's words: kinds of day, and a user's override for one date.

use chrono::NaiveDate;

/// One row of a `Calendrier` sheet: overrides the built-in zone-B calendar for one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarOverride {
    pub date: NaiveDate,
    pub kind: DayKind,
}

/// What kind of day a date is for an accueil de loisirs (CASF R227-1 II, since décret 2018-647).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayKind {
    /// A day with school (périscolaire), or any Wednesday.
    School,
    /// A school-holiday day.
    Holiday,
    /// A weekday without school outside the holidays (Ascension "pont", public holiday, …): Q6.
    NoSchool,
}
