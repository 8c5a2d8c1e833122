//! The calendar: which days are périscolaire or extrascolaire for an accueil de loisirs
//! (CASF R227-1 II, décret 2018-647), and the French public holidays (Code du travail L3133-1).
//!
//! The zone comes from the `Regles` sheet (`Zone`, or `Academie` through [`zone::ACADEMIES`];
//! default: académie de Nantes, zone B). Its days come, by priority, from the `Calendrier`
//! sheet, then the official file passed with `--calendrier` (read by `input::calendar_file`),
//! then the built-in calendar ([`built_in`]: zone B, 2024-25 and 2025-26). How the ministry's
//! two dates of a holiday are read is written in [`known`].

mod built_in;
mod classify;
mod file;
mod holidays;
pub mod known;
pub mod zone;

pub use classify::{Calendar, CalendarSource, FileSource, NoDatesForZone};
pub use file::{CalendarFile, CalendarFormat, PublishedPeriod, ZonedBreak};
pub use holidays::{easter_sunday, is_public_holiday, public_holiday_name, public_holidays};
pub use known::{BreakKind, KnownCalendar, SchoolBreak};
pub use zone::SchoolZone;

#[cfg(test)]
mod tests;
