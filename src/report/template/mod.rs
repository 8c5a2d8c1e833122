//! The blank input workbook of `acm-planner template`, written from the schema
//! ([`crate::schema`]): one sheet per input sheet with its headers, widths, column formats and
//! drop-down lists, after an `Aide` sheet.
//!
//! The data sheets hold headers only, so the template reads back as a valid, empty input. The
//! `Aide` sheet, first, explains every column in French with an example, the availability codes,
//! the `Regles` parameters with their defaults and the accepted values of each drop-down list.

mod aide;
mod lists;
mod sheets;
mod styles;
mod validation;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::schema::{DISPONIBILITES, INPUT_SHEETS};
use styles::Styles;

/// The blank input workbook, ready to save.
pub fn template_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&fixed_properties("Modèle de classeur d'entrée acm-planner"));
    let styles = Styles::new();
    let lists = aide::write(workbook.add_worksheet(), &styles)?;
    for sheet in INPUT_SHEETS {
        let worksheet = workbook.add_worksheet();
        sheets::write_header_sheet(worksheet, sheet, &styles, &lists)?;
        if sheet.name == DISPONIBILITES.name {
            sheets::add_grid_validation(worksheet, &styles)?;
        }
    }
    Ok(workbook)
}

/// Document properties with a fixed creation date, so the same content gives the same bytes.
pub fn fixed_properties(title: &str) -> DocProperties {
    let created = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    DocProperties::new()
        .set_title(title)
        .set_author("acm-planner")
        .set_creation_datetime(&created)
}
