//! An official calendar file as read (`--calendrier`): its breaks for every zone it lists, before
//! the zone of the `Regles` sheet picks its own.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::known::{KnownCalendar, SchoolBreak, is_holidays, period_name};
use super::zone::SchoolZone;
use crate::domain::normalize_key;

/// The three shapes of the official calendar acm-planner reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarFormat {
    /// The ministry's iCalendar files (`Zone-A.ics` … `Zone-A-B-C-Corse.ics`).
    Ics,
    /// The CSV export of the open dataset `fr-en-calendrier-scolaire`.
    OpenData,
    /// The community daily CSV (`date,vacances_zone_a,vacances_zone_b,vacances_zone_c,…`).
    Daily,
}

impl CalendarFormat {
    /// How the outputs name the format.
    pub fn label(self) -> &'static str {
        match self {
            CalendarFormat::Ics => "iCalendar du ministère",
            CalendarFormat::OpenData => "export CSV fr-en-calendrier-scolaire",
            CalendarFormat::Daily => "CSV journalier des vacances scolaires",
        }
    }
}

/// A period as the file publishes it: its name and its two dates (classes stop after class on
/// `start` and resume on the morning of `end`; `None`: a summer whose end is not given).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PublishedPeriod {
    pub label: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

/// One period of the file and the zones (and académie, in the open-data CSV) it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZonedBreak {
    pub zones: Vec<SchoolZone>,
    pub academie: Option<String>,
    pub period: PublishedPeriod,
}

/// Everything an official calendar file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFile {
    /// The file as the user named it.
    pub name: String,
    pub format: CalendarFormat,
    pub breaks: Vec<ZonedBreak>,
    /// The daily CSV lists every day: its first and last; a file of periods knows the days from
    /// its first break to its last.
    pub listed_days: Option<(NaiveDate, NaiveDate)>,
    /// The zones the file has a column for (the daily CSV), on top of those of its breaks.
    pub listed_zones: Vec<SchoolZone>,
}

impl CalendarFile {
    /// The zones the file gives dates for.
    pub fn zones(&self) -> BTreeSet<SchoolZone> {
        self.breaks
            .iter()
            .flat_map(|b| b.zones.iter().copied())
            .chain(self.listed_zones.iter().copied())
            .collect()
    }

    /// The calendar of `zone` (restricted to the rows of `academie` when the file has rows for
    /// it), or `None` when the file gives nothing for that zone.
    pub fn for_zone(&self, zone: SchoolZone, academie: Option<&str>) -> Option<KnownCalendar> {
        if !self.zones().contains(&zone) {
            return None;
        }
        let breaks: Vec<SchoolBreak> = self
            .merged(zone, academie)
            .iter()
            .filter_map(|p| SchoolBreak::published(&p.label, p.start, p.end))
            .map(|(school_break, _)| school_break)
            .collect();
        // A file of periods knows the day its first period stops after class, to the morning
        // its last one resumes (or the last day of an unfinished summer).
        let merged = self.merged(zone, academie);
        let (first, last) = match self.listed_days {
            Some(span) => span,
            None => (
                merged.iter().map(|p| p.start).min()?,
                breaks
                    .iter()
                    .map(|b| b.last)
                    .chain(merged.iter().filter_map(|p| p.end))
                    .max()?,
            ),
        };
        Some(KnownCalendar {
            first,
            last,
            breaks,
        })
    }

    /// The first day of a summer of `zone` whose end the file does not give, if any.
    pub fn open_summer(&self, zone: SchoolZone) -> Option<NaiveDate> {
        self.merged(zone, None)
            .iter()
            .filter_map(|p| SchoolBreak::published(&p.label, p.start, p.end))
            .filter(|(_, open)| *open)
            .map(|(school_break, _)| school_break.first)
            .max()
    }

    /// The periods of `zone`, pieces joined: the combined file splits a holiday where the zones
    /// on holiday change ("Zones A/B" then "Zones B/C"), and the ministry's reading applies to
    /// the whole holiday, not to a piece that starts on a Monday.
    fn merged(&self, zone: SchoolZone, academie: Option<&str>) -> Vec<PublishedPeriod> {
        let of_zone: Vec<&ZonedBreak> = self
            .breaks
            .iter()
            .filter(|b| b.zones.contains(&zone))
            .collect();
        let academie_key = academie.map(normalize_key);
        let has_academie_rows = academie_key.as_ref().is_some_and(|key| {
            of_zone
                .iter()
                .any(|b| b.academie.as_deref().map(normalize_key).as_ref() == Some(key))
        });
        let mut periods: Vec<PublishedPeriod> = of_zone
            .into_iter()
            .filter(|b| {
                !has_academie_rows
                    || b.academie.is_none()
                    || b.academie.as_deref().map(normalize_key) == academie_key
            })
            .map(|b| b.period.clone())
            .collect();
        periods.sort_by_key(|p| (p.start, p.end.is_none(), p.end));
        periods.dedup();
        let mut merged: Vec<PublishedPeriod> = Vec::new();
        for period in periods {
            let same_kind = |a: &str, b: &str| {
                is_holidays(a) == is_holidays(b) && period_name(a) == period_name(b)
            };
            match merged.last_mut() {
                Some(last)
                    if same_kind(&last.label, &period.label)
                        && last.end.is_some_and(|end| period.start <= end) =>
                {
                    last.end = match (last.end, period.end) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                }
                _ => merged.push(period),
            }
        }
        merged
    }
}
