//! The built-in school calendar: zone B (académie de Nantes, Saumur), school years 2024-25 and
//! 2025-26, as acm-rules.md §8 gives it.
//!
//! Sources: the arrêté of 7 December 2022 fixing the calendar of 2023-24, 2024-25 and 2025-26
//! (NOR MENE2229099A, JORF n°0284 of 8 December 2022), as tabulated in acm-rules.md §8 [S29];
//! the ministry's iCalendar `Zone-A-B-C-Corse.ics` (data.education.gouv.fr, 14 January 2025)
//! gives the same dates, the pont days included.
//!
//! Not built in: 2026-27 and later. Only a *draft* arrêté for 2026-27 could be read (examined by
//! the Conseil supérieur de l'éducation in September–October 2025); the published arrêté was
//! not found, so those dates come from the official file passed with `--calendrier`.

use chrono::NaiveDate;

use super::known::{KnownCalendar, SchoolBreak};
use super::zone::SchoolZone;

/// A date as (year, month, day).
type Ymd = (i32, u32, u32);

/// (name, after class on, classes resume on) — the ministry's two dates, zone B.
const ZONE_B_HOLIDAYS: [(&str, Ymd, Option<Ymd>); 10] = [
    ("Toussaint", (2024, 10, 19), Some((2024, 11, 4))),
    ("Noël", (2024, 12, 21), Some((2025, 1, 6))),
    ("Hiver", (2025, 2, 8), Some((2025, 2, 24))),
    // Classes resume on Tuesday 22 April: Easter Monday is 21 April 2025.
    ("Printemps", (2025, 4, 5), Some((2025, 4, 22))),
    ("Été", (2025, 7, 5), Some((2025, 9, 1))),
    ("Toussaint", (2025, 10, 18), Some((2025, 11, 3))),
    ("Noël", (2025, 12, 20), Some((2026, 1, 5))),
    ("Hiver", (2026, 2, 14), Some((2026, 3, 2))),
    ("Printemps", (2026, 4, 11), Some((2026, 4, 27))),
    // Rentrée 2026 is not in the 2022 arrêté (Q16): the span below stops on 30 August 2026.
    ("Été", (2026, 7, 4), None),
];

/// The Ascension "pont" (all zones): no class on the Friday and Saturday after Ascension.
const ZONE_B_PONTS: [(Ymd, Ymd); 2] = [
    ((2025, 5, 30), (2025, 5, 31)),
    ((2026, 5, 15), (2026, 5, 16)),
];

/// Rentrée 2024 (Monday 2 September 2024) to the last day the sources give (Sunday 30 August
/// 2026: the open dataset `vacances-scolaires` ends its summer there).
const SPAN: (Ymd, Ymd) = ((2024, 9, 2), (2026, 8, 30));

fn ymd((year, month, day): Ymd) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The built-in calendar of `zone`, if there is one (zone B only).
pub fn built_in(zone: SchoolZone) -> Option<KnownCalendar> {
    if zone != SchoolZone::B {
        return None;
    }
    let holidays = ZONE_B_HOLIDAYS
        .iter()
        .filter_map(|(name, after_class, resume)| {
            SchoolBreak::holidays(name, ymd(*after_class), resume.map(ymd))
        });
    let ponts = ZONE_B_PONTS
        .iter()
        .filter_map(|(first, last)| SchoolBreak::no_class(ymd(*first), ymd(*last)));
    Some(KnownCalendar {
        first: ymd(SPAN.0),
        last: ymd(SPAN.1),
        breaks: holidays.chain(ponts).collect(),
    })
}
