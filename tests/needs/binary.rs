//! The binary on `fixtures/petit-accueil.xlsx`.

use std::path::{Path, PathBuf};
use std::process::Command;

use acm_planner::report::needs;
use calamine::DataType;

use super::read::{acm_column, all_rows, column, sheet, values, week_value};
use super::{VARRAINS, july, temp_dir};

// ---------------------------------------------------------------------------------------------
// The binary on fixtures/petit-accueil.xlsx (fixture and reader are built on other branches:
// these fail until they are merged).
// ---------------------------------------------------------------------------------------------

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/petit-accueil.xlsx")
}

fn run_needs(dir: &Path, extra: &[&str]) -> (std::process::Output, PathBuf) {
    let output = dir.join("besoins.xlsx");
    let result = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .arg("needs")
        .arg(fixture())
        .arg("-o")
        .arg(&output)
        .args(extra)
        .output()
        .expect("binary runs");
    (result, output)
}

fn assert_success(result: &std::process::Output) {
    assert!(
        result.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        result.status.code(),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn binary_on_petit_accueil() {
    let dir = temp_dir("petit-accueil");
    let (result, output) = run_needs(&dir, &[]);
    assert_success(&result);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(stdout.contains("Journées-animateur : 18"), "{stdout}");
    assert!(stdout.contains("besoins.xlsx"), "{stdout}");

    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        required.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        (6..=10).map(july).collect::<Vec<_>>()
    );
    assert_eq!(
        values(&required),
        [Some(4), Some(4), Some(4), Some(4), Some(2)]
    );
    let global = acm_column(&output, VARRAINS, "Requis (global)");
    assert_eq!(values(&global), [None, None, Some(3), None, None]);
    // Strict: 4, 5, 3, 5, 3 — shown where it differs from par-tranche (4, 4, 4, 4, 2).
    let strict = acm_column(&output, VARRAINS, "Requis (strict)");
    assert_eq!(values(&strict), [None, Some(5), Some(3), Some(5), Some(3)]);
    let qualified = acm_column(&output, VARRAINS, needs::COL_MIN_QUALIFIED);
    assert_eq!(
        values(&qualified),
        [Some(2), Some(2), Some(2), Some(2), Some(1)]
    );
    let unqualified = acm_column(&output, VARRAINS, needs::COL_MAX_UNQUALIFIED);
    assert_eq!(
        values(&unqualified),
        [Some(1), Some(1), Some(1), Some(1), Some(0)]
    );

    let range = sheet(&output, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let counted = column(&rows[0], needs::COL_DIRECTOR_COUNTED);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[counted].get_string() == Some("oui"))
    );

    let week = "Semaine du lun. 06/07/2026";
    assert_eq!(
        week_value(&output, week, VARRAINS, needs::COL_ANIMATEUR_DAYS),
        18.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        18.0
    );

    // An existing output is not replaced without --force.
    let (again, _) = run_needs(&dir, &[]);
    assert_eq!(again.status.code(), Some(1));
    let (forced, _) = run_needs(&dir, &["--force"]);
    assert_success(&forced);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_mixed_ages_strict_changes_n() {
    let dir = temp_dir("strict");
    let (result, output) = run_needs(&dir, &["--mixed-ages", "strict"]);
    assert_success(&result);
    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        values(&required),
        [Some(4), Some(5), Some(3), Some(5), Some(3)]
    );
    let par_tranche = acm_column(&output, VARRAINS, "Requis (par-tranche)");
    assert_eq!(
        values(&par_tranche),
        [None, Some(4), Some(4), Some(4), Some(2)]
    );
    assert!(String::from_utf8_lossy(&result.stdout).contains("Journées-animateur : 20"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_attendance_scales_counts() {
    let dir = temp_dir("attendance");
    let (result, output) = run_needs(&dir, &["--attendance", "+50%"]);
    assert_success(&result);
    let under_6 = acm_column(&output, VARRAINS, "Moins de 6 ans");
    assert_eq!(under_6[0].1, Some(18.0));
    let over_6 = acm_column(&output, VARRAINS, "6 ans et plus");
    assert_eq!(over_6[0].1, Some(30.0));
    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        values(&required),
        [Some(6), Some(6), Some(4), Some(6), Some(4)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_rejects_a_bad_policy() {
    let dir = temp_dir("bad-policy");
    let (result, _) = run_needs(&dir, &["--mixed-ages", "moyenne"]);
    assert_eq!(result.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook without forecasts is bad input (exit 1), and no output is written.
#[test]
fn binary_without_forecasts_is_bad_input() {
    let dir = temp_dir("no-forecasts");
    let input = dir.join("vide.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let accueils = workbook.add_worksheet();
    accueils.set_name("Accueils").expect("sheet name");
    for (col, title) in ["Code", "Nom", "Commune", "Type", "Capacite"]
        .iter()
        .enumerate()
    {
        accueils
            .write_string(0, col as u16, *title)
            .expect("header written");
    }
    workbook.save(&input).expect("input written");
    let output = dir.join("besoins.xlsx");
    let result = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .arg("needs")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .expect("binary runs");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr).to_lowercase();
    assert!(
        stderr.contains("prevision") || stderr.contains("prévision"),
        "{stderr}"
    );
    assert!(!output.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
