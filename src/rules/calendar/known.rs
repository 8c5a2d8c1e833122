//! A school calendar known for one zone over a span of dates: its breaks (holidays, the
//! Ascension "pont"), and the kind of every day of the span (acm-rules.md §1.4).
//!
//! **How the official dates are read.** The ministry publishes each holiday as two dates: classes
//! stop *after class* on the first date and resume *on the morning* of the second (arrêtés fixing
//! the calendar; data.education.gouv.fr: "le départ en vacances a lieu après la classe des jours
//! indiqués, la reprise des cours s'effectue le matin des jours indiqués"; acm-rules.md §8). So
//! the holiday days are the days strictly after the first date and strictly before the resume
//! date, plus the first date itself when it is a Saturday or a Sunday (no class that day, or
//! only a Saturday morning, and a Saturday without school is extrascolaire anyway). A first date
//! on a weekday (summer 2022 started after class on Thursday 7 July) is still a school day.
//! A summer whose end the file does not give ("Début des Vacances d'Été") is read as holidays
//! until 31 August: every calendar since 2015 sets the rentrée des élèves on or after
//! 1 September; the reports say so.
//! A day without class that is not a holiday (the Ascension "pont", a local day off) is given
//! as its own days, and counts as a weekday without school (Q6).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::holidays::is_public_holiday;
use crate::domain::DayKind;

/// What a break is: school holidays, or days without class outside the holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BreakKind {
    Holidays,
    /// The Ascension "pont" and other days without class: weekdays are neither school days nor
    /// holidays (Q6).
    NoClass,
}

/// The names of the holiday periods, as the yearly planning shows them.
pub const PERIOD_NAMES: [&str; 5] = ["Toussaint", "Noël", "Hiver", "Printemps", "Été"];

/// A period without class: its days, first to last (both included).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolBreak {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub kind: BreakKind,
    /// One of [`PERIOD_NAMES`], or `Vacances` for a holiday of another name, or `Pont`.
    pub name: &'static str,
}

impl SchoolBreak {
    /// Holidays as the ministry publishes them: classes stop after class on `after_class` and
    /// resume on the morning of `resume` (`None`: a summer whose end is not published, read
    /// until 31 August). `None` when no day is left (a break of one weekday afternoon).
    pub fn holidays(
        label: &str,
        after_class: NaiveDate,
        resume: Option<NaiveDate>,
    ) -> Option<SchoolBreak> {
        let first = if matches!(after_class.weekday(), Weekday::Sat | Weekday::Sun) {
            after_class
        } else {
            after_class + Duration::days(1)
        };
        let last = match resume {
            Some(resume) => resume - Duration::days(1),
            None => NaiveDate::from_ymd_opt(after_class.year(), 8, 31)?,
        };
        (first <= last).then(|| SchoolBreak {
            first,
            last,
            kind: BreakKind::Holidays,
            name: period_name(label),
        })
    }

    /// Days without class, first to last, outside the holidays.
    pub fn no_class(first: NaiveDate, last: NaiveDate) -> Option<SchoolBreak> {
        (first <= last).then_some(SchoolBreak {
            first,
            last,
            kind: BreakKind::NoClass,
            name: "Pont",
        })
    }

    /// Holiday days given one by one (the daily CSV), first to last.
    pub fn holiday_days(label: &str, first: NaiveDate, last: NaiveDate) -> Option<SchoolBreak> {
        (first <= last).then(|| SchoolBreak {
            first,
            last,
            kind: BreakKind::Holidays,
            name: period_name(label),
        })
    }

    /// A period as the official files publish it, two dates: holidays stop after class on
    /// `start` and resume on the morning of `end` ([`SchoolBreak::holidays`]); other days
    /// without class (the Ascension "pont", "Lundi de Pentecôte") are the days from `start` to
    /// the day before `end` (RFC 5545: the end is exclusive), or `start` alone when `end` is not
    /// after it. A summer without an end, or given as one day ("Début des Vacances d'Été"), is
    /// open: `true` in the answer.
    pub fn published(
        label: &str,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> Option<(SchoolBreak, bool)> {
        let end = end.filter(|end| *end > start);
        if !is_holidays(label) {
            let last = end.map_or(start, |end| end - Duration::days(1));
            return SchoolBreak::no_class(start, last).map(|b| (b, false));
        }
        match end {
            Some(end) => SchoolBreak::holidays(label, start, Some(end)).map(|b| (b, false)),
            None if period_name(label) == "Été" => {
                SchoolBreak::holidays(label, start, None).map(|b| (b, true))
            }
            None => SchoolBreak::holiday_days(label, start, start).map(|b| (b, false)),
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }
}

/// Whether a published name is school holidays ("Vacances …"), not a pont or a day off.
pub fn is_holidays(label: &str) -> bool {
    let key = crate::domain::normalize_key(label);
    key.contains("vacances") && !key.contains("pont")
}

/// The period of a holiday name as published ("Vacances d'Hiver", "Vacances de la Toussaint",
/// "Vacances d'automne", "Début des Vacances d'Été").
pub fn period_name(label: &str) -> &'static str {
    let key = crate::domain::normalize_key(label);
    let has = |word: &str| key.contains(word);
    if has("toussaint") || has("automne") {
        "Toussaint"
    } else if has("noel") || has("findannee") {
        "Noël"
    } else if has("hiver") {
        "Hiver"
    } else if has("printemps") || has("paques") {
        "Printemps"
    } else if has("ete") {
        "Été"
    } else {
        "Vacances"
    }
}

/// The calendar of one zone over `first..=last`: every date of the span is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCalendar {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub breaks: Vec<SchoolBreak>,
}

impl KnownCalendar {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// The kind of `date` for an accueil de loisirs, `None` outside the span.
    pub fn classify(&self, date: NaiveDate) -> Option<DayKind> {
        if !self.covers(date) {
            return None;
        }
        let in_break = |kind: BreakKind| {
            self.breaks
                .iter()
                .any(|b| b.kind == kind && b.contains(date))
        };
        if in_break(BreakKind::Holidays) {
            return Some(DayKind::Holiday);
        }
        Some(match date.weekday() {
            // Saturdays without school and Sundays are extrascolaire (R227-1 II).
            Weekday::Sat | Weekday::Sun => DayKind::Holiday,
            // Every Wednesday is périscolaire since 3 September 2018 (décret 2018-647).
            Weekday::Wed => DayKind::School,
            _ if is_public_holiday(date) || in_break(BreakKind::NoClass) => DayKind::NoSchool,
            _ => DayKind::School,
        })
    }

    /// The holiday period `date` falls in, if any.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        if !self.covers(date) {
            return None;
        }
        self.breaks
            .iter()
            .find(|b| b.kind == BreakKind::Holidays && b.contains(date))
            .map(|b| b.name)
    }

    /// The school years (by the year of their September) the span touches: a span from July
    /// 2025 to August 2027 touches 2024-25, 2025-26 and 2026-27.
    pub fn school_years(&self) -> (i32, i32) {
        (school_year(self.first), school_year(self.last))
    }
}

/// The school year of a date, by the year of its September (July and August close the year).
pub fn school_year(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
    }

    #[test]
    fn holidays_start_after_class_and_end_before_the_resume_morning() {
        // Zone B winter 2026: from Saturday 14 February (after class) to Monday 2 March.
        let winter =
            SchoolBreak::holidays("Vacances d'Hiver", day(2026, 2, 14), Some(day(2026, 3, 2)))
                .expect("days");
        assert_eq!(
            (winter.first, winter.last),
            (day(2026, 2, 14), day(2026, 3, 1))
        );
        assert_eq!(winter.name, "Hiver");
        // Summer 2022 started after class on Thursday 7 July: that Thursday had class.
        let summer =
            SchoolBreak::holidays("Vacances d'été", day(2022, 7, 7), Some(day(2022, 9, 1)))
                .expect("days");
        assert_eq!(
            (summer.first, summer.last),
            (day(2022, 7, 8), day(2022, 8, 31))
        );
        // A summer without its end: until 31 August.
        let open =
            SchoolBreak::holidays("Début des Vacances d'Été", day(2026, 7, 4), None).expect("days");
        assert_eq!((open.first, open.last), (day(2026, 7, 4), day(2026, 8, 31)));
    }

    #[test]
    fn a_pont_weekday_is_a_day_without_school() {
        let calendar = KnownCalendar {
            first: day(2026, 5, 1),
            last: day(2026, 5, 31),
            breaks: vec![SchoolBreak::no_class(day(2026, 5, 14), day(2026, 5, 17)).expect("days")],
        };
        assert_eq!(calendar.classify(day(2026, 5, 15)), Some(DayKind::NoSchool));
        assert_eq!(calendar.classify(day(2026, 5, 16)), Some(DayKind::Holiday));
        assert_eq!(calendar.classify(day(2026, 5, 13)), Some(DayKind::School));
        assert_eq!(calendar.classify(day(2026, 6, 1)), None);
        assert_eq!(calendar.holiday_name(day(2026, 5, 15)), None);
    }
}
