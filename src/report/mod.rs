//! Results → output workbooks (rust_xlsxwriter) and the terminal summary.
//!
//! Every workbook is saved through [`save_workbook`]: written to a temporary file beside the
//! target, then renamed. Which paths may be written is the commands' business.

pub mod conformite;
pub mod needs;
pub mod planning;
pub mod sheets;
pub mod template;

use std::path::Path;

use rust_xlsxwriter::Workbook;

use crate::error::Error;

/// Saves `workbook` to `output` atomically: a temporary file in the same folder, then a rename,
/// so a crash never leaves a half-written file under the final name.
pub fn save_workbook(workbook: &mut Workbook, output: &Path) -> Result<(), Error> {
    let buffer = workbook
        .save_to_buffer()
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    write_atomic(output, &buffer)
}

/// Writes `bytes` to `output` through a temporary file and a rename.
pub fn write_atomic(output: &Path, bytes: &[u8]) -> Result<(), Error> {
    let file_name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sortie.xlsx".to_string());
    let temporary = output.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    std::fs::rename(&temporary, output).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::io(output.display(), format!("écriture impossible : {e}"))
    })
}
