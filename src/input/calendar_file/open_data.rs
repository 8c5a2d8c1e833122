//! The CSV export of the open dataset `fr-en-calendrier-scolaire` (data.education.gouv.fr): one
//! row per period and académie, `;` separated, with the columns `Description`, `Population`,
//! `Date de début`, `Date de fin`, `Académies`, `Zones`, `annee_scolaire` (or their field
//! names `description`, `population`, `start_date`, `end_date`, `location`, `zones`). Dates may
//! be UTC instants (`2026-02-06T23:00:00+00:00`): their Paris date is taken. Only the pupils'
//! rows are kept (Population `-`, `Élèves` or empty; `Enseignants` rows are skipped); rows of
//! overseas territories are not ours and are skipped.

use super::events::{for_teachers_only, zones};
use super::paris::parse_open_data_date;
use super::text::{Lines, Record, records, shown};
use crate::domain::normalize_key;
use crate::error::InputError;
use crate::rules::calendar::{CalendarFile, CalendarFormat, PublishedPeriod, ZonedBreak};

/// The columns read: their label, the spellings accepted, and whether they are required.
const COLUMNS: [(&str, &[&str], bool); 6] = [
    ("Description", &["description"], true),
    ("Population", &["population"], false),
    (
        "Date de début",
        &["datededebut", "startdate", "debut"],
        true,
    ),
    ("Date de fin", &["datedefin", "enddate", "fin"], true),
    ("Académies", &["academies", "academie", "location"], false),
    ("Zones", &["zones", "zone"], true),
];

pub fn read(file: &str, lines: &Lines) -> Result<CalendarFile, Vec<InputError>> {
    let records = records(lines);
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![InputError::new(file, "fichier CSV vide")]);
    };
    let columns = find_columns(file, header)?;
    let mut errors = Vec::new();
    let mut breaks = Vec::new();
    for row in rows.iter().filter(|row| !row.is_blank()) {
        match read_row(file, &columns, row) {
            Ok(Some(zoned)) => breaks.push(zoned),
            Ok(None) => {}
            Err(problem) => errors.push(*problem),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CalendarFile {
        name: file.to_string(),
        format: CalendarFormat::OpenData,
        breaks,
        listed_days: None,
        listed_zones: Vec::new(),
    })
}

/// The index of each column of [`COLUMNS`] in the header (`None` for an absent optional one).
fn find_columns(file: &str, header: &Record) -> Result<[Option<usize>; 6], Vec<InputError>> {
    let keys: Vec<String> = header.fields.iter().map(|f| normalize_key(f)).collect();
    let mut found = [None; 6];
    let mut missing = Vec::new();
    for (slot, (label, spellings, required)) in found.iter_mut().zip(COLUMNS) {
        *slot = keys
            .iter()
            .position(|key| spellings.contains(&key.as_str()));
        if slot.is_none() && required {
            missing.push(label);
        }
    }
    if missing.is_empty() {
        return Ok(found);
    }
    Err(vec![
        InputError::new(
            file,
            format!(
                "{} de l'export fr-en-calendrier-scolaire : {} ; colonnes \
                 attendues : Description, Population, Date de début, Date de fin, Académies, \
                 Zones, annee_scolaire",
                if missing.len() == 1 {
                    "colonne absente"
                } else {
                    "colonnes absentes"
                },
                missing.join(", ")
            ),
        )
        .row(header.line)
        .value(shown(&header.fields.join(";"))),
    ])
}

fn read_row(
    file: &str,
    columns: &[Option<usize>; 6],
    row: &Record,
) -> Result<Option<ZonedBreak>, Box<InputError>> {
    let cell = |index: usize| columns[index].map_or("", |column| row.field(column));
    let error = |index: usize, value: &str, message: String| {
        Box::new(
            InputError::new(file, message)
                .row(row.line)
                .column(COLUMNS[index].0)
                .value(shown(value)),
        )
    };
    let population = normalize_key(cell(1));
    match population.as_str() {
        "" | "eleves" | "eleve" => {}
        "enseignants" | "enseignant" => return Ok(None),
        _ => {
            return Err(error(
                1,
                cell(1),
                "population inconnue ; attendu « - », « Élèves » ou « Enseignants »".to_string(),
            ));
        }
    }
    let Some(zones) = zones(cell(5)) else {
        return Err(error(
            5,
            cell(5),
            "zone inconnue ; attendu Zone A, Zone B, Zone C ou Corse (les territoires d'outre-mer \
             sont ignorés)"
                .to_string(),
        ));
    };
    if zones.is_empty() {
        return Ok(None);
    }
    let date = |index: usize| {
        parse_open_data_date(cell(index)).ok_or_else(|| {
            error(
                index,
                cell(index),
                "date illisible ; attendu 2026-02-07, 07/02/2026 ou 2026-02-06T23:00:00+00:00"
                    .to_string(),
            )
        })
    };
    let start = date(2)?;
    let end = if cell(3).is_empty() {
        None
    } else {
        Some(date(3)?)
    };
    if let Some(end) = end
        && end < start
    {
        return Err(error(
            3,
            cell(3),
            format!(
                "date de fin avant la date de début ({})",
                start.format("%d/%m/%Y")
            ),
        ));
    }
    let academie = Some(cell(4).to_string()).filter(|a| !a.is_empty());
    if for_teachers_only(cell(0)) {
        return Ok(None);
    }
    Ok(Some(ZonedBreak {
        zones,
        academie,
        period: PublishedPeriod {
            label: cell(0).to_string(),
            start,
            end,
        },
    }))
}
