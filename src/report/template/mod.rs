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

use rust_xlsxwriter::{Workbook, XlsxError};

use super::xlsx::new_workbook;
use crate::schema::{DISPONIBILITES, INPUT_SHEETS};
use styles::Styles;

/// The blank input workbook, ready to save.
pub fn template_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook("Modèle de classeur d'entrée acm-planner");
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
