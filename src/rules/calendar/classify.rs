//! The calendar a run uses: a `Calendrier` sheet's dates win over the official file's days
//! (`--calendrier`), which win over the built-in calendar of the zone.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::built_in::built_in;
use super::file::{CalendarFile, CalendarFormat};
use super::known::KnownCalendar;
use super::zone::SchoolZone;
use crate::domain::{CalendarOverride, DayKind};

/// The official file a calendar uses, as the outputs echo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSource {
    pub name: String,
    pub format: CalendarFormat,
    /// The days the file gives for the zone.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// A summer whose end the file does not give: its first day (read until 31 August).
    pub open_summer: Option<NaiveDate>,
}

/// Where the calendar of a run comes from: what the outputs echo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSource {
    pub zone: SchoolZone,
    /// The span of the built-in calendar for the zone, if it has one.
    pub built_in: Option<(NaiveDate, NaiveDate)>,
    pub file: Option<FileSource>,
    /// Dates set by the `Calendrier` sheet.
    pub overrides: usize,
}

impl CalendarSource {
    /// The school years (by the year of their September) the official days reach.
    pub fn school_years(&self) -> Option<(i32, i32)> {
        let spans = self
            .built_in
            .iter()
            .copied()
            .chain(self.file.iter().map(|f| (f.first, f.last)));
        let (first, last) = spans.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, (a, b)| {
            Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        })?;
        Some((
            super::known::school_year(first),
            super::known::school_year(last),
        ))
    }
}

/// Why a calendar file cannot serve the zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoDatesForZone {
    pub zone: SchoolZone,
    /// The zones the file does give.
    pub found: Vec<SchoolZone>,
}

/// The school calendar of one zone: built-in, official file and `Calendrier` overrides.
#[derive(Debug, Clone)]
pub struct Calendar {
    zone: SchoolZone,
    built_in: Option<KnownCalendar>,
    file: Option<(FileSource, KnownCalendar)>,
    overrides: BTreeMap<NaiveDate, DayKind>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::new(&[])
    }
}

impl Calendar {
    /// The built-in zone-B calendar with the `Calendrier` sheet's overrides applied.
    pub fn new(overrides: &[CalendarOverride]) -> Self {
        Calendar::for_zone(SchoolZone::B, overrides)
    }

    /// The built-in calendar of `zone` (none outside zone B) with the overrides applied.
    pub fn for_zone(zone: SchoolZone, overrides: &[CalendarOverride]) -> Self {
        Calendar {
            zone,
            built_in: built_in(zone),
            file: None,
            overrides: overrides.iter().map(|o| (o.date, o.kind)).collect(),
        }
    }

    /// Adds the official file's days for the zone (restricted to `academie`'s rows when the
    /// file has some); they win over the built-in calendar.
    pub fn with_file(
        mut self,
        file: &CalendarFile,
        academie: Option<&str>,
    ) -> Result<Self, NoDatesForZone> {
        let Some(known) = file.for_zone(self.zone, academie) else {
            return Err(NoDatesForZone {
                zone: self.zone,
                found: file.zones().into_iter().collect(),
            });
        };
        let source = FileSource {
            name: file.name.clone(),
            format: file.format,
            first: known.first,
            last: known.last,
            open_summer: file.open_summer(self.zone),
        };
        self.file = Some((source, known));
        Ok(self)
    }

    pub fn zone(&self) -> SchoolZone {
        self.zone
    }

    /// Whether the official days or an override know this date.
    pub fn knows(&self, date: NaiveDate) -> bool {
        self.classify(date).is_some()
    }

    /// Classifies a date for an accueil de loisirs (acm-rules.md §1.4); `None` when neither an
    /// override, the file nor the built-in calendar gives it.
    pub fn classify(&self, date: NaiveDate) -> Option<DayKind> {
        if let Some(kind) = self.overrides.get(&date) {
            return Some(*kind);
        }
        self.official(date).and_then(|known| known.classify(date))
    }

    /// The school-holiday period name (`Toussaint`, `Noël`, `Hiver`, `Printemps`, `Été`, or
    /// `Vacances`) of a date, if the official days put it in one.
    pub fn holiday_period(&self, date: NaiveDate) -> Option<&'static str> {
        self.official(date)
            .and_then(|known| known.holiday_name(date))
    }

    /// The official calendar that gives `date`: the file first, then the built-in one.
    fn official(&self, date: NaiveDate) -> Option<&KnownCalendar> {
        self.file
            .as_ref()
            .map(|(_, known)| known)
            .filter(|known| known.covers(date))
            .or_else(|| self.built_in.as_ref().filter(|known| known.covers(date)))
    }

    /// Where the calendar comes from, for the outputs.
    pub fn source(&self) -> CalendarSource {
        CalendarSource {
            zone: self.zone,
            built_in: self
                .built_in
                .as_ref()
                .map(|known| (known.first, known.last)),
            file: self.file.as_ref().map(|(source, _)| source.clone()),
            overrides: self.overrides.len(),
        }
    }
}
