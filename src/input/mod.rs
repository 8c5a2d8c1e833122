//! calamine readers driven by the schema ([`crate::schema`]): header matching, cell parsing,
//! errors with file/sheet/row/column.
//!
//! Each sheet is found by name (French or English, case, accents, spaces and punctuation ignored)
//! in whichever input file has it. Sheets are read as people keep them ([`layout`]): the header
//! row is found below title rows, `Total` rows and notes under the data are skipped, unknown
//! columns are ignored and listed, misspelled ones refused ([`headers`]). Only the cells that
//! exist are read. Every problem of every file is collected and returned at once, in file, sheet
//! and row order, the same defect on many rows folded into one message, as `Error::Input`; what
//! was skipped or ignored is kept in [`Inputs::remarks`](crate::domain::Inputs).

mod accueils;
mod animateurs;
mod availability_repeats;
mod calendar_file;
mod calendrier;
mod catalogue;
mod cells;
mod creneaux;
mod dates;
mod days;
mod disponibilites;
mod failures;
mod grid_headers;
mod headers;
mod holidays;
mod layout;
mod ods_extent;
mod plausible;
mod previous;
mod previsions;
mod recruits;
mod recrutement;
mod regles;
mod same_person;
mod schedule;
mod schedule_sheets;
mod sheet;
mod table;
mod workbook;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Affectation, InputRemark, Inputs, RemarkKind};
use crate::error::{Error, InputError, fold_repeated};
use crate::rules::Parameters;
use crate::schema::{
    self, ACCUEILS, ANIMATEURS, CALENDRIER, DISPONIBILITES, PREVISIONS, RECRUTEMENT, REGLES,
};

pub use calendar_file::read_calendar_file;
use catalogue::{Catalogue, code_key};
pub use cells::impossible_date;
use holidays::HolidaySetting;
pub use recruits::{RECRUIT_NAME, add_posts};
pub use schedule::ScheduleReading;
pub use schedule_sheets::{DIFFERENCES_SHOWN, Difference, Disagreement, ScheduleSheet};
use table::Sheet;
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
    let mut remarks = Vec::new();
    let mut workbooks = Workbooks::open(paths, &mut errors);
    remarks.extend(open_in_excel(paths));
    let mut inputs = Inputs {
        files: workbooks.files().to_vec(),
        ..Inputs::default()
    };

    // `Regles` first: it says whether public holidays stay in the forecast ranges.
    let mut parameters = Parameters::default();
    let mut holiday_setting = HolidaySetting::default();
    if let Some(sheet) = workbooks.sheet(&REGLES, false, &mut errors) {
        let read = regles::read(&sheet, &mut errors);
        inputs.regles = read.rows;
        parameters = read.parameters;
        holiday_setting = read.holidays;
        remarks.extend(sheet.remarks);
    }
    let catalogue = match workbooks.sheet(&ACCUEILS, true, &mut errors) {
        Some(sheet) => {
            let read = accueils::read(&sheet, &mut errors);
            inputs.accueils = read.accueils;
            remarks.extend(sheet.remarks);
            read.catalogue
        }
        None => None,
    };
    if let Some(sheet) = workbooks.sheet(&PREVISIONS, true, &mut errors) {
        let read = previsions::read(&sheet, catalogue.as_ref(), &holiday_setting, &mut errors);
        inputs.previsions = read.previsions;
        remarks.extend(sheet.remarks);
        remarks.extend(read.remarks);
    }

    read_staff(
        &mut workbooks,
        catalogue.as_ref(),
        required,
        &mut inputs,
        &mut errors,
        &mut remarks,
    );
    if let Some(sheet) = workbooks.sheet(&RECRUTEMENT, false, &mut errors) {
        inputs.recrutement = recrutement::read(&sheet, &parameters, &mut errors);
        remarks.extend(sheet.remarks);
    }
    if let Some(sheet) = workbooks.sheet(&CALENDRIER, false, &mut errors) {
        inputs.calendrier = calendrier::read(&sheet, &mut errors);
        remarks.extend(sheet.remarks);
    }
    errors.extend(plausible::check(&inputs));

    if errors.is_empty() {
        remarks.sort_by_key(|r| {
            workbooks.place_order(&r.file, r.sheet.as_deref(), r.rows.first().copied())
        });
        inputs.remarks = remarks;
        Ok(inputs)
    } else {
        Err(Error::Input(sorted_and_folded(errors, &workbooks)))
    }
}

/// A remark for each input open in Excel (its lock file `~$classeur.xlsx` beside it): what is
/// read is the version last saved.
fn open_in_excel(paths: &[PathBuf]) -> Vec<InputRemark> {
    paths
        .iter()
        .filter(|path| failures::lock_file_of(path).is_some())
        .map(|path| InputRemark {
            file: workbook::file_label(path),
            sheet: None,
            rows: Vec::new(),
            kind: RemarkKind::OpenInExcel,
            message: "ce classeur est ouvert dans Excel : c'est sa dernière version enregistrée \
                      qui est lue ; enregistrez-le avant de lancer le calcul si vous venez de \
                      le modifier"
                .to_string(),
        })
        .collect()
}

/// `Animateurs` and `Disponibilites`: required for `plan` and `check`, read when present
/// otherwise. Availability Ids are checked against `Animateurs`; forecast dates without any
/// availability are remarked.
fn read_staff(
    workbooks: &mut Workbooks,
    catalogue: Option<&Catalogue>,
    required: Required,
    inputs: &mut Inputs,
    errors: &mut Vec<InputError>,
    remarks: &mut Vec<InputRemark>,
) {
    let staff_required = required == Required::ForecastsAndStaff;
    let staff = workbooks
        .sheet(&ANIMATEURS, staff_required, errors)
        .map(|sheet| (animateurs::read(&sheet, catalogue, errors), sheet));
    let ids = staff.as_ref().and_then(|(read, _)| read.ids.as_ref());
    let forecast_dates: BTreeSet<NaiveDate> = inputs.previsions.iter().map(|p| p.date).collect();
    let availability = workbooks
        .sheet(&DISPONIBILITES, staff_required, errors)
        .map(|sheet| {
            let read = disponibilites::read(&sheet, ids, &forecast_dates, errors);
            (read, sheet)
        });
    if staff_required
        && let Some((read, sheet)) = &staff
        && let Some((availability, _)) = &availability
    {
        errors.extend(without_availability(read, sheet, &availability.listed));
    }
    if let Some((read, sheet)) = staff {
        inputs.animateurs = read.animateurs;
        remarks.extend(sheet.remarks);
    }
    if let Some((read, sheet)) = availability {
        let missing: Vec<NaiveDate> = forecast_dates.difference(&read.dates).copied().collect();
        if !missing.is_empty() && !sheet.rows.is_empty() {
            remarks.push(InputRemark::new(
                &sheet.file,
                &sheet.name,
                RemarkKind::DatesWithoutAvailability,
                format!(
                    "dates de prévision sans aucune disponibilité saisie : {} ; personne n'y est \
                     compté disponible (ajoutez une colonne par date dans la grille)",
                    dates::date_runs(&missing)
                ),
            ));
        }
        inputs.disponibilites = read.availability;
        remarks.extend(sheet.remarks);
        remarks.extend(read.remarks);
    }
}

/// With staff required, every person needs at least one row in `Disponibilites`.
fn without_availability(
    read: &animateurs::AnimateursRead,
    sheet: &Sheet,
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

/// Reads the plan published before (`plan --previous`): its `Affectations` and `Verrouille` rows.
pub fn read_previous(path: &Path, inputs: &Inputs) -> Result<crate::domain::PreviousPlan, Error> {
    let mut errors = Vec::new();
    let mut workbooks = Workbooks::open(&[path.to_path_buf()], &mut errors);
    let previous = if errors.is_empty() {
        previous::read(&mut workbooks, inputs, &mut errors)
    } else {
        crate::domain::PreviousPlan::default()
    };
    if errors.is_empty() {
        Ok(previous)
    } else {
        Err(Error::Input(sorted_and_folded(errors, &workbooks)))
    }
}

/// The posts to fill (`R1`, `R2`… « À recruter ») of a planning workbook's `Affectations`.
pub fn read_recruit_posts(path: &Path) -> Result<Vec<crate::domain::Animateur>, Error> {
    let mut errors = Vec::new();
    let mut workbooks = Workbooks::open(&[path.to_path_buf()], &mut errors);
    let posts = if errors.is_empty() {
        recruits::read(&mut workbooks, &mut errors)
    } else {
        Vec::new()
    };
    if errors.is_empty() {
        Ok(posts)
    } else {
        Err(Error::Input(sorted_and_folded(errors, &workbooks)))
    }
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
        Err(Error::Input(sorted_and_folded(errors, &workbooks)))
    }
}

/// Reads the schedule `check` audits: the sheet chosen with `--feuille`, or, without a choice,
/// both the `Affectations` list and the `Animateurs` grid when the workbook has both, compared
/// per person and date ([`ScheduleReading::Disagree`] when they differ).
pub fn read_schedule_sheet(
    path: &Path,
    inputs: &Inputs,
    choice: Option<ScheduleSheet>,
) -> Result<ScheduleReading, Error> {
    let mut errors = Vec::new();
    let mut workbooks = Workbooks::open(&[path.to_path_buf()], &mut errors);
    let reading = if errors.is_empty() {
        schedule::read_chosen(&mut workbooks, inputs, choice, &mut errors)
    } else {
        ScheduleReading::Read(Vec::new())
    };
    if errors.is_empty() {
        Ok(reading)
    } else {
        Err(Error::Input(sorted_and_folded(errors, &workbooks)))
    }
}

/// File order, then sheet order within the file, then row (stable: same-row errors keep their
/// column order); then the same defect on several rows folded into one error.
fn sorted_and_folded(mut errors: Vec<InputError>, workbooks: &Workbooks) -> Vec<InputError> {
    errors.sort_by_key(|error| workbooks.error_order(error));
    fold_repeated(errors)
}

#[cfg(test)]
mod tests;
