//! Building and saving `besoins.xlsx`: five sheets, `Synthese` (where it opens), `Accueils`,
//! `Semaines`, `Par jour`, `Regles`.

use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::error::Error;
use crate::report::xlsx;

use super::figures::NeedsReport;
use super::{accueils, par_jour, regles, semaines, synthese};

/// The document's title in its properties.
const TITLE: &str = "Besoins légaux d'encadrement";

/// Writes `besoins.xlsx` (atomically, through [`xlsx::save_workbook`]).
pub fn write_workbook(report: &NeedsReport<'_>, output: &Path) -> Result<(), Error> {
    xlsx::save_built(build_workbook(report), output)
}

/// Builds the workbook in memory, with fixed document properties (the same needs give the same
/// bytes).
pub fn build_workbook(report: &NeedsReport<'_>) -> Result<Workbook, XlsxError> {
    let mut workbook = xlsx::new_workbook(TITLE);
    // It opens on the first sheet: the key figures and the chart.
    synthese::write(workbook.add_worksheet(), report)?;
    accueils::write(workbook.add_worksheet(), report)?;
    semaines::write(workbook.add_worksheet(), report)?;
    par_jour::write(workbook.add_worksheet(), report)?;
    regles::write(workbook.add_worksheet(), report)?;
    Ok(workbook)
}
