//! A stray far cell (issue 11, point 7): one space typed in XFD1048576 used to make calamine
//! allocate the block from A1 to it (549 GB; 842 MB for a cell in Z1048576). Only the cells that
//! exist are read now: the `.xlsx` files below read in a few megabytes; an `.ods` file, which
//! calamine reads whole when it opens it, is refused with the far cell named.
//!
//! One test per file in this binary: the peak memory of the process is the test's own.

mod workbooks;

use std::path::PathBuf;

use acm_planner::domain::RemarkKind;
use workbooks::{C, Folder, minimal, read_errors, read_ok};

/// The peak resident memory of this process, in megabytes (Linux).
fn peak_megabytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024)
}

#[test]
fn far_cells_are_not_allocated() {
    let dir = Folder::new("far-cell", "xlsx");
    let book = minimal()
        .with("Accueils", |sheet| {
            sheet.far_cell(1_048_575, 16_383, C::Text(" ".into()))
        })
        .with("Animateurs", |sheet| {
            sheet.far_cell(1_048_575, 25, C::Text("x".into()))
        })
        .with("Previsions", |sheet| {
            sheet.far_cell(2, 16_000, C::Text("?".into()))
        });
    let path = book.save(&dir.join("lointaine.xlsx"));
    let inputs = read_ok(&path);
    assert_eq!(inputs.previsions.len(), 5);
    assert_eq!(inputs.animateurs.len(), 3);
    // The cells that hold something are said, not silently dropped.
    let ignored: Vec<String> = inputs
        .remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::IgnoredColumns)
        .map(|r| r.message.clone())
        .collect();
    assert_eq!(
        ignored,
        [
            "colonnes ignorées : cellule isolée WQK3 (« ? »)",
            "colonnes ignorées : Z (sans en-tête)"
        ]
    );
    if let Some(peak) = peak_megabytes() {
        assert!(peak < 200, "peak memory {peak} MB");
    }

    // The .ods file of the same kind is refused before calamine reads it.
    let ods = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/cellule-lointaine.ods");
    let errors = read_errors(&ods);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = &errors[0];
    assert_eq!(error.sheet.as_deref(), Some("Accueils"));
    assert!(
        error
            .message
            .starts_with("cellule utilisée isolée en XFD1048576 : la zone à lire irait de A1"),
        "{error}"
    );
    if let Some(peak) = peak_megabytes() {
        assert!(peak < 200, "peak memory {peak} MB");
    }
}

/// Writes the xlsx `tests/data/cellule-lointaine.ods` is made from (the minimal workbook with a
/// space in XFD1048576 of `Accueils`); run with `--ignored`, then `libreoffice --headless
/// --convert-to ods --outdir tests/data tests/data/cellule-lointaine.xlsx` and delete the xlsx.
#[test]
#[ignore]
fn write_the_source_of_the_ods_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    minimal()
        .with("Accueils", |sheet| {
            sheet.far_cell(1_048_575, 16_383, C::Text(" ".into()))
        })
        .save(&dir.join("cellule-lointaine.xlsx"));
}
