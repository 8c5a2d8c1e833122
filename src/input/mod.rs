//! calamine readers: header matching, cell parsing, errors with file/sheet/row/column.

use std::path::{Path, PathBuf};

use crate::domain::{Affectation, Inputs};
use crate::error::Error;

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
    let _ = (paths, required);
    Ok(Inputs::default())
}

/// Reads a schedule (`Affectations` sheet, or an `Animateurs` grid with the ACM code per cell).
/// References are not resolved here: unknown people, ACM or dates are for the audit to report.
pub fn read_schedule(path: &Path, inputs: &Inputs) -> Result<Vec<Affectation>, Error> {
    let _ = (path, inputs);
    Ok(Vec::new())
}
