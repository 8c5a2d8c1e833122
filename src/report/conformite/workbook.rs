//! Building and saving `conformite.xlsx`: `Synthese`, then `Infractions`.

use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::audit::AuditReport;
use crate::error::Error;
use crate::problem::Problem;
use crate::report::xlsx::{self, Formats};

use super::checked::CheckedFiles;
use super::{infractions, synthese};

/// The document's title in its properties.
const TITLE: &str = "Conformité du planning";

/// Writes `conformite.xlsx` to `output` (atomically, through [`xlsx::save_workbook`]).
pub fn write_conformite(
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
    output: &Path,
) -> Result<(), Error> {
    xlsx::save_built(conformite_workbook(report, problem, files), output)
}

/// The `conformite.xlsx` workbook, with fixed document properties (the same findings give the
/// same bytes).
pub fn conformite_workbook(
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
) -> Result<Workbook, XlsxError> {
    let formats = Formats::new();
    let mut workbook = xlsx::new_workbook(TITLE);
    let sheet = workbook.add_worksheet().set_name(synthese::NAME)?;
    synthese::write(sheet, report, problem, files, &formats)?;
    let sheet = workbook.add_worksheet().set_name(infractions::NAME)?;
    infractions::write(sheet, report, problem, &formats)?;
    Ok(workbook)
}
