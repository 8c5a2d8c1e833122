//! Creating and saving a workbook: fixed document properties, so the same content gives the
//! same bytes from one run to the next, and an atomic save, so a crash never leaves a
//! half-written file under the final name.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::error::Error;

/// Document properties with a fixed creation date (no wall clock), so the same content gives
/// the same bytes.
pub fn fixed_properties(title: &str) -> DocProperties {
    let created = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    DocProperties::new()
        .set_title(title)
        .set_author("acm-planner")
        .set_creation_datetime(&created)
}

/// An empty workbook titled `title`, with [`fixed_properties`].
pub fn new_workbook(title: &str) -> Workbook {
    let mut workbook = Workbook::new();
    workbook.set_properties(&fixed_properties(title));
    workbook
}

/// Saves a workbook just built (or the error that stopped its building) to `output`, through
/// [`save_workbook`].
pub fn save_built(workbook: Result<Workbook, XlsxError>, output: &Path) -> Result<(), Error> {
    let mut workbook = workbook.map_err(|e| write_error(output, e))?;
    save_workbook(&mut workbook, output)
}

/// Saves `workbook` to `output` atomically: a temporary file in the same folder, then a rename.
pub fn save_workbook(workbook: &mut Workbook, output: &Path) -> Result<(), Error> {
    let buffer = workbook
        .save_to_buffer()
        .map_err(|e| write_error(output, e))?;
    write_atomic(output, &buffer)
}

/// Writes `bytes` to `output` through a temporary file `.<name>.<pid>.tmp` beside it and a
/// rename. Temporary files of the same output left by runs that were killed are removed.
pub fn write_atomic(output: &Path, bytes: &[u8]) -> Result<(), Error> {
    let file_name = output_name(output);
    let temporary = output.with_file_name(temporary_name(&file_name, std::process::id()));
    std::fs::write(&temporary, bytes).map_err(|e| write_error(output, e))?;
    std::fs::rename(&temporary, output).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        write_error(output, e)
    })?;
    remove_stale_temporaries(output, &file_name);
    Ok(())
}

fn write_error(output: &Path, error: impl std::fmt::Display) -> Error {
    Error::io(output.display(), format!("écriture impossible : {error}"))
}

fn output_name(output: &Path) -> String {
    output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sortie.xlsx".to_string())
}

/// `.planning.xlsx.1234.tmp`.
fn temporary_name(file_name: &str, process: u32) -> String {
    format!(".{file_name}.{process}.tmp")
}

/// Whether `name` is a temporary file of `file_name` written by some run (`.<name>.<pid>.tmp`).
fn is_temporary_of(name: &str, file_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(file_name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|process| !process.is_empty() && process.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes the temporary files of `output` that earlier runs left when they were killed between
/// writing and renaming. Best effort: a file that cannot be removed stays, and the save has
/// already succeeded.
fn remove_stale_temporaries(output: &Path, file_name: &str) {
    let folder = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name
            .to_str()
            .is_some_and(|name| is_temporary_of(name, file_name))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_recognised_by_name_and_pid() {
        let name = temporary_name("planning.xlsx", 123);
        assert_eq!(name, ".planning.xlsx.123.tmp");
        assert!(is_temporary_of(&name, "planning.xlsx"));
        assert!(!is_temporary_of(".planning.xlsx.tmp", "planning.xlsx"));
        assert!(!is_temporary_of(".planning.xlsx.12a.tmp", "planning.xlsx"));
        assert!(!is_temporary_of(".autre.xlsx.123.tmp", "planning.xlsx"));
        assert!(!is_temporary_of("planning.xlsx", "planning.xlsx"));
    }

    #[test]
    fn a_save_removes_the_temporary_files_of_killed_runs() {
        let folder = std::env::temp_dir().join(format!("acm-save-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("temp dir");
        let output = folder.join("x.xlsx");
        let stale = folder.join(".x.xlsx.123.tmp");
        let other = folder.join(".y.xlsx.123.tmp");
        std::fs::write(&stale, b"half").expect("stale file");
        std::fs::write(&other, b"other").expect("other file");
        write_atomic(&output, b"bytes").expect("saved");
        assert_eq!(std::fs::read(&output).expect("output"), b"bytes");
        assert!(!stale.exists(), "the killed run's file is removed");
        assert!(other.exists(), "another output's file stays");
        std::fs::remove_dir_all(&folder).ok();
    }
}
