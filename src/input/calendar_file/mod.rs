//! The official school calendar from a file (`--calendrier`), offline, in any of its three
//! published shapes:
//! - the ministry's iCalendar files (`Zone-A.ics`, `Zone-B.ics`, `Zone-C.ics`,
//!   `Zone-A-B-C-Corse.ics`): [`ics`];
//! - the CSV export of the open dataset `fr-en-calendrier-scolaire`: [`open_data`];
//! - the community daily CSV (`date,vacances_zone_a,vacances_zone_b,vacances_zone_c,
//!   nom_vacances`): [`daily`].
//!
//! The shape is recognised from the content, not the extension. Every problem names the file,
//! the line and the value found, in French; all of them are reported at once.

mod daily;
mod events;
mod ics;
mod open_data;
mod paris;
mod text;

use std::path::Path;

use crate::error::InputError;
use crate::rules::calendar::CalendarFile;

use text::{Lines, shown};

/// What a calendar file must look like, for the error on a file of another shape.
const EXPECTED_SHAPES: &str = "attendu un calendrier officiel : un fichier iCalendar du \
     ministère (Zone-A.ics, Zone-B.ics, Zone-C.ics, Zone-A-B-C-Corse.ics, qui commence par \
     BEGIN:VCALENDAR), l'export CSV du jeu de données fr-en-calendrier-scolaire (colonnes \
     Description, Population, Date de début, Date de fin, Académies, Zones, annee_scolaire) \
     ou le CSV journalier (colonnes date, vacances_zone_a, vacances_zone_b, vacances_zone_c, \
     nom_vacances)";

/// Reads an official calendar file. The file name in the errors is `path` as given.
pub fn read_calendar_file(path: &Path) -> Result<CalendarFile, Vec<InputError>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => "fichier de calendrier introuvable".to_string(),
            _ => format!("fichier de calendrier illisible ({error})"),
        };
        vec![InputError::new(&name, message)]
    })?;
    let lines = Lines::decode(&bytes);
    let Some((first_line, first)) = lines.first_content() else {
        return Err(vec![InputError::new(
            &name,
            format!("le fichier est vide ; {EXPECTED_SHAPES}"),
        )]);
    };
    let header = crate::domain::normalize_key(first);
    if header.starts_with("beginvcalendar") {
        ics::read(&name, &lines)
    } else if header.contains("vacanceszonea") {
        daily::read(&name, &lines)
    } else if header.contains("description") {
        open_data::read(&name, &lines)
    } else {
        Err(vec![
            InputError::new(
                &name,
                format!("format de calendrier non reconnu ; {EXPECTED_SHAPES}"),
            )
            .row(first_line)
            .value(shown(first)),
        ])
    }
}

#[cfg(test)]
mod tests;
