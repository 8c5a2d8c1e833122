//! calamine readers driven by the schema ([`crate::schema`]): header matching, cell parsing,
//! errors with file/sheet/row/column.
//!
//! Each sheet is found by name (French or English, case, accents, spaces and punctuation ignored)
//! in whichever input file has it; its header row is its first non-empty row; extra columns are
//! ignored. Every problem of every file is collected and returned at once, in file, sheet and row
//! order, as `Error::Input`.

mod accueils;
mod animateurs;
mod calendar_file;
mod calendrier;
mod catalogue;
mod cells;
mod creneaux;
mod dates;
mod days;
mod disponibilites;
mod previsions;
mod recrutement;
mod regles;
mod schedule;
mod table;
mod workbook;

use std::path::{Path, PathBuf};

use crate::domain::{Affectation, Inputs};
use crate::error::{Error, InputError};
use crate::rules::Parameters;
use crate::schema::{
    self, ACCUEILS, ANIMATEURS, CALENDRIER, DISPONIBILITES, PREVISIONS, RECRUTEMENT, REGLES,
};

pub use calendar_file::read_calendar_file;
use catalogue::{Catalogue, code_key};
use workbook::Workbooks;

/// Which sheets a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// `needs`: `Accueils` and `Previsions` (staff sheets are read when present).
    Forecasts,
    /// `plan` and `check`: also `Animateurs` and `Disponibilites`.
    ForecastsAndStaff,
}

/// Reads every input sheet from the given files (each sheet found by name in whichever file has
/// it), validates it and cross-checks references. All errors of all files are returned together.
pub fn read_inputs(paths: &[PathBuf], required: Required) -> Result<Inputs, Error> {
    let mut errors = Vec::new();
    let mut workbooks = Workbooks::open(paths, &mut errors);
    let mut inputs = Inputs {
        files: workbooks.files().to_vec(),
        ..Inputs::default()
    };

    let catalogue = match workbooks.sheet(&ACCUEILS, true, &mut errors) {
        Some(sheet) => {
            let read = accueils::read(&sheet, &mut errors);
            inputs.accueils = read.accueils;
            read.catalogue
        }
        None => None,
    };
    if let Some(sheet) = workbooks.sheet(&PREVISIONS, true, &mut errors) {
        inputs.previsions = previsions::read(&sheet, catalogue.as_ref(), &mut errors);
    }

    read_staff(
        &mut workbooks,
        catalogue.as_ref(),
        required,
        &mut inputs,
        &mut errors,
    );
    read_optional_sheets(&mut workbooks, &mut inputs, &mut errors);

    if errors.is_empty() {
        Ok(inputs)
    } else {
        sort_errors(&mut errors, &workbooks);
        Err(Error::Input(errors))
    }
}

/// `Animateurs` and `Disponibilites`: required for `plan` and `check`, read when present
/// otherwise. Availability Ids are checked against `Animateurs`.
fn read_staff(
    workbooks: &mut Workbooks,
    catalogue: Option<&Catalogue>,
    required: Required,
    inputs: &mut Inputs,
    errors: &mut Vec<InputError>,
) {
    let staff_required = required == Required::ForecastsAndStaff;
    let staff = workbooks
        .sheet(&ANIMATEURS, staff_required, errors)
        .map(|sheet| (animateurs::read(&sheet, catalogue, errors), sheet));
    let ids = staff.as_ref().and_then(|(read, _)| read.ids.as_ref());
    let availability = workbooks
        .sheet(&DISPONIBILITES, staff_required, errors)
        .map(|sheet| disponibilites::read(&sheet, ids, errors));
    if staff_required
        && let Some((read, sheet)) = &staff
        && let Some(availability) = &availability
    {
        errors.extend(without_availability(read, sheet, &availability.listed));
    }
    if let Some((read, _)) = staff {
        inputs.animateurs = read.animateurs;
    }
    if let Some(read) = availability {
        inputs.disponibilites = read.availability;
    }
}

/// `Regles` (validated by `Parameters`), then `Recrutement` (whose defaults come from `Regles`),
/// then `Calendrier`.
fn read_optional_sheets(
    workbooks: &mut Workbooks,
    inputs: &mut Inputs,
    errors: &mut Vec<InputError>,
) {
    let mut parameters = Parameters::default();
    if let Some(sheet) = workbooks.sheet(&REGLES, false, errors) {
        let (rows, applied) = regles::read(&sheet, errors);
        inputs.regles = rows;
        parameters = applied;
    }
    if let Some(sheet) = workbooks.sheet(&RECRUTEMENT, false, errors) {
        inputs.recrutement = recrutement::read(&sheet, &parameters, errors);
    }
    if let Some(sheet) = workbooks.sheet(&CALENDRIER, false, errors) {
        inputs.calendrier = calendrier::read(&sheet, errors);
    }
}

/// With staff required, every person needs at least one row in `Disponibilites`.
fn without_availability(
    read: &animateurs::AnimateursRead,
    sheet: &table::Sheet,
    listed: &std::collections::HashSet<String>,
) -> Vec<InputError> {
    let id_header = sheet
        .find(&schema::animateurs::ID)
        .and_then(|index| sheet.headers.get(index))
        .cloned()
        .unwrap_or_else(|| schema::animateurs::ID.name.to_string());
    read.animateurs
        .iter()
        .filter(|a| !listed.contains(&code_key(&a.id)))
        .map(|a| {
            InputError::new(
                &a.source.file,
                "aucune disponibilité : cet animateur n'a aucune ligne dans la feuille \
                 « Disponibilites » (ajouter une ligne, même vide, s'il n'est jamais disponible)",
            )
            .sheet(&a.source.sheet)
            .row(a.source.row)
            .column(id_header.clone())
            .value(a.id.clone())
        })
        .collect()
}

/// Reads a schedule (`Affectations` sheet, or an `Animateurs` grid with the ACM code per cell).
/// References are not resolved here: unknown people, ACM or dates are for the audit to report.
pub fn read_schedule(path: &Path, inputs: &Inputs) -> Result<Vec<Affectation>, Error> {
    let mut errors = Vec::new();
    let mut workbooks = Workbooks::open(&[path.to_path_buf()], &mut errors);
    let affectations = if errors.is_empty() {
        schedule::read(&mut workbooks, inputs, &mut errors)
    } else {
        Vec::new()
    };
    if errors.is_empty() {
        Ok(affectations)
    } else {
        sort_errors(&mut errors, &workbooks);
        Err(Error::Input(errors))
    }
}

/// File order, then sheet order within the file, then row (stable: same-row errors keep their
/// column order).
fn sort_errors(errors: &mut [InputError], workbooks: &Workbooks) {
    errors.sort_by_key(|error| workbooks.error_order(error));
}

#[cfg(test)]
mod tests;
