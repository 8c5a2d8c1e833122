//! The community daily CSV (`date,vacances_zone_a,vacances_zone_b,vacances_zone_c,
//! nom_vacances`, one row per day, `True`/`False`): every day of its span is known. Each run of
//! holiday days is read as the ministry's period it stands for: classes stop after class on its
//! first day and resume the morning after its last, so a run starting on a weekday keeps that
//! day as a school day (see `rules::calendar::known`); a "Pont de l'Ascension" run is days
//! without class.

use chrono::{Duration, NaiveDate};

use super::text::{Lines, Record, records, shown};
use crate::domain::normalize_key;
use crate::error::InputError;
use crate::rules::calendar::{
    CalendarFile, CalendarFormat, PublishedPeriod, SchoolZone, ZonedBreak,
};

const ZONE_COLUMNS: [(&str, SchoolZone); 3] = [
    ("vacances_zone_a", SchoolZone::A),
    ("vacances_zone_b", SchoolZone::B),
    ("vacances_zone_c", SchoolZone::C),
];

/// One day of the file: its date, whether each zone is on holiday, and the holiday's name.
struct Day {
    date: NaiveDate,
    holiday: [bool; 3],
    name: String,
}

pub fn read(file: &str, lines: &Lines) -> Result<CalendarFile, Vec<InputError>> {
    let records = records(lines);
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![InputError::new(file, "fichier CSV vide")]);
    };
    let keys: Vec<String> = header.fields.iter().map(|f| normalize_key(f)).collect();
    let column = |name: &str| keys.iter().position(|key| *key == normalize_key(name));
    let date_column = column("date");
    let zone_columns: Vec<Option<usize>> =
        ZONE_COLUMNS.iter().map(|(name, _)| column(name)).collect();
    let (Some(date_column), [Some(a), Some(b), Some(c)]) = (date_column, zone_columns.as_slice())
    else {
        return Err(vec![
            InputError::new(
                file,
                "colonnes attendues du CSV journalier : date, vacances_zone_a, vacances_zone_b, \
                 vacances_zone_c, nom_vacances",
            )
            .row(header.line)
            .value(shown(&header.fields.join(","))),
        ]);
    };
    let name_column = column("nom_vacances");
    let mut errors = Vec::new();
    let mut days: Vec<Day> = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for row in rows.iter().filter(|row| !row.is_blank()) {
        let text = row.field(date_column);
        let Some(date) = parse_date(text) else {
            errors.push(
                InputError::new(file, "date illisible ; attendu AAAA-MM-JJ")
                    .row(row.line)
                    .column("date")
                    .value(shown(text)),
            );
            continue;
        };
        if let Some(previous) = previous
            && date != previous + Duration::days(1)
        {
            errors.push(
                InputError::new(
                    file,
                    format!(
                        "jour manquant, en double ou dans le désordre : attendu le {} (une ligne \
                         par jour, dans l'ordre)",
                        (previous + Duration::days(1)).format("%Y-%m-%d")
                    ),
                )
                .row(row.line)
                .column("date")
                .value(shown(text)),
            );
        }
        previous = Some(date);
        match read_day(file, row, date, [*a, *b, *c], name_column) {
            Ok(day) => days.push(day),
            Err(problem) => errors.push(*problem),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Err(vec![InputError::new(
            file,
            "aucune ligne de jour dans ce CSV journalier",
        )]);
    };
    let span = (first.date, last.date);
    Ok(CalendarFile {
        name: file.to_string(),
        format: CalendarFormat::Daily,
        breaks: runs(&days, span.0),
        listed_days: Some(span),
        listed_zones: ZONE_COLUMNS.iter().map(|(_, zone)| *zone).collect(),
    })
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

fn read_day(
    file: &str,
    row: &Record,
    date: NaiveDate,
    zone_columns: [usize; 3],
    name_column: Option<usize>,
) -> Result<Day, Box<InputError>> {
    let mut holiday = [false; 3];
    for ((flag, column), (name, _)) in holiday.iter_mut().zip(zone_columns).zip(ZONE_COLUMNS) {
        let value = row.field(column);
        *flag = match normalize_key(value).as_str() {
            "true" | "vrai" | "1" | "oui" => true,
            "false" | "faux" | "0" | "non" => false,
            _ => {
                return Err(Box::new(
                    InputError::new(file, "valeur attendue : True ou False")
                        .row(row.line)
                        .column(name)
                        .value(shown(value)),
                ));
            }
        };
    }
    let name = name_column
        .map_or("", |column| row.field(column))
        .to_string();
    Ok(Day {
        date,
        holiday,
        name,
    })
}

/// The breaks of each zone: runs of consecutive holiday days of the same name.
fn runs(days: &[Day], file_first: NaiveDate) -> Vec<ZonedBreak> {
    let mut breaks = Vec::new();
    for (index, (_, zone)) in ZONE_COLUMNS.iter().enumerate() {
        let mut position = 0;
        while position < days.len() {
            if !days[position].holiday[index] {
                position += 1;
                continue;
            }
            let start = position;
            while days
                .get(position + 1)
                .is_some_and(|d| d.holiday[index] && d.name == days[start].name)
            {
                position += 1;
            }
            breaks.push(ZonedBreak {
                zones: vec![*zone],
                academie: None,
                period: run_period(&days[start], &days[position], file_first),
            });
            position += 1;
        }
    }
    breaks
}

/// One run of holiday days as the period the ministry published: classes stop after class on
/// its first day and resume the morning after its last. A run at the very start of the file
/// began before it: its first day is a holiday too (the day before stands for "after class").
fn run_period(first: &Day, last: &Day, file_first: NaiveDate) -> PublishedPeriod {
    let start = if first.date == file_first && !normalize_key(&first.name).contains("pont") {
        first.date - Duration::days(1)
    } else {
        first.date
    };
    PublishedPeriod {
        label: if first.name.is_empty() {
            "Vacances".to_string()
        } else {
            first.name.clone()
        },
        start,
        end: Some(last.date + Duration::days(1)),
    }
}
