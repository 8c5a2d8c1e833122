//! The calendar: which days are périscolaire or extrascolaire for an accueil de loisirs
//! (CASF R227-1 II, décret 2018-647), and the French public holidays (Code du travail L3133-1).
//!
//! Built in: the zone-B school calendar (académie de Nantes, Saumur) for 2024-25 and 2025-26
//! (acm-rules.md §8). A `Calendrier` sheet overrides or extends it for other years and zones.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::{CalendarOverride, DayKind};

/// A school-holiday period: name, first holiday day (the Saturday), last holiday day (the day
/// before classes resume).
struct HolidayPeriod {
    name: &'static str,
    first: (i32, u32, u32),
    last: (i32, u32, u32),
}

/// Zone B, 2024-25 and 2025-26 (acm-rules.md §8, cross-checked against the open dataset
/// `vacances-scolaires`): holiday days run from the Saturday to the day before classes resume.
const ZONE_B_HOLIDAYS: [HolidayPeriod; 10] = [
    HolidayPeriod {
        name: "Toussaint",
        first: (2024, 10, 19),
        last: (2024, 11, 3),
    },
    HolidayPeriod {
        name: "Noël",
        first: (2024, 12, 21),
        last: (2025, 1, 5),
    },
    HolidayPeriod {
        name: "Hiver",
        first: (2025, 2, 8),
        last: (2025, 2, 23),
    },
    HolidayPeriod {
        name: "Printemps",
        first: (2025, 4, 5),
        last: (2025, 4, 21),
    },
    HolidayPeriod {
        name: "Été",
        first: (2025, 7, 5),
        last: (2025, 8, 31),
    },
    HolidayPeriod {
        name: "Toussaint",
        first: (2025, 10, 18),
        last: (2025, 11, 2),
    },
    HolidayPeriod {
        name: "Noël",
        first: (2025, 12, 20),
        last: (2026, 1, 4),
    },
    HolidayPeriod {
        name: "Hiver",
        first: (2026, 2, 14),
        last: (2026, 3, 1),
    },
    HolidayPeriod {
        name: "Printemps",
        first: (2026, 4, 11),
        last: (2026, 4, 26),
    },
    HolidayPeriod {
        name: "Été",
        first: (2026, 7, 4),
        last: (2026, 8, 30),
    },
];

/// Weekdays without school outside the holidays: the Ascension "pont" (all zones).
const ZONE_B_NO_SCHOOL: [(i32, u32, u32); 2] = [(2025, 5, 30), (2026, 5, 15)];

/// The built-in calendar covers rentrée 2024 (Monday 2 September 2024) to the end of the summer
/// holidays 2026 (Sunday 30 August 2026; rentrée 2026 not confirmed, Q16).
const BUILT_IN_FIRST: (i32, u32, u32) = (2024, 9, 2);
const BUILT_IN_LAST: (i32, u32, u32) = (2026, 8, 30);

fn ymd((year, month, day): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Zone-B calendar plus the user's overrides.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    overrides: BTreeMap<NaiveDate, DayKind>,
}

impl Calendar {
    /// The built-in zone-B calendar with the `Calendrier` sheet's overrides applied.
    pub fn new(overrides: &[CalendarOverride]) -> Self {
        Calendar {
            overrides: overrides.iter().map(|o| (o.date, o.kind)).collect(),
        }
    }

    /// Whether the built-in calendar or an override knows this date.
    pub fn knows(&self, date: NaiveDate) -> bool {
        self.overrides.contains_key(&date)
            || (ymd(BUILT_IN_FIRST) <= date && date <= ymd(BUILT_IN_LAST))
    }

    /// Classifies a date for an accueil de loisirs (acm-rules.md §1.4); `None` when the date is
    /// outside the built-in calendar and no override gives it.
    pub fn classify(&self, date: NaiveDate) -> Option<DayKind> {
        if let Some(kind) = self.overrides.get(&date) {
            return Some(*kind);
        }
        if !self.knows(date) {
            return None;
        }
        Some(classify_built_in(date))
    }

    /// The school-holiday period name (`Toussaint`, `Noël`, `Hiver`, `Printemps`, `Été`) of a
    /// date, if it falls in one of the built-in periods.
    pub fn holiday_period(&self, date: NaiveDate) -> Option<&'static str> {
        ZONE_B_HOLIDAYS
            .iter()
            .find(|p| ymd(p.first) <= date && date <= ymd(p.last))
            .map(|p| p.name)
    }
}

fn classify_built_in(date: NaiveDate) -> DayKind {
    if ZONE_B_HOLIDAYS
        .iter()
        .any(|p| ymd(p.first) <= date && date <= ymd(p.last))
    {
        return DayKind::Holiday;
    }
    match date.weekday() {
        // Saturdays without school and Sundays are extrascolaire (R227-1 II).
        Weekday::Sat | Weekday::Sun => DayKind::Holiday,
        // Every Wednesday is périscolaire since 3 September 2018 (décret 2018-647).
        Weekday::Wed => DayKind::School,
        _ if is_public_holiday(date) || ZONE_B_NO_SCHOOL.iter().any(|d| ymd(*d) == date) => {
            DayKind::NoSchool
        }
        _ => DayKind::School,
    }
}

/// Easter Sunday of `year` (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd((year, month as u32, day as u32))
}

/// The 11 public holidays of Code du travail L3133-1 for `year`, in date order, with names.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let mut days = vec![
        (ymd((year, 1, 1)), "Jour de l'an"),
        (easter + Duration::days(1), "Lundi de Pâques"),
        (ymd((year, 5, 1)), "Fête du Travail"),
        (ymd((year, 5, 8)), "Victoire 1945"),
        (easter + Duration::days(39), "Ascension"),
        (easter + Duration::days(50), "Lundi de Pentecôte"),
        (ymd((year, 7, 14)), "Fête nationale"),
        (ymd((year, 8, 15)), "Assomption"),
        (ymd((year, 11, 1)), "Toussaint"),
        (ymd((year, 11, 11)), "Armistice 1918"),
        (ymd((year, 12, 25)), "Noël"),
    ];
    days.sort();
    days
}

/// Whether `date` is one of the 11 public holidays (L3133-1).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holidays(date.year())
        .iter()
        .any(|(day, _)| *day == date)
}

/// The public holiday's name, if `date` is one.
pub fn public_holiday_name(date: NaiveDate) -> Option<&'static str> {
    public_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, n)| n)
}
