//! `plan --previous`: a re-plan keeps the published plan where it still holds, binds its locked
//! rows, and lists every changed person-day in `Changements` (read back with calamine).

use std::path::Path;

mod support;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use support::{TempDir, fixture, run_binary, stderr};

fn plan(args: &[&Path]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = vec!["plan".as_ref()];
    all.extend(args.iter().map(|a| a.as_os_str()));
    let run = run_binary(all);
    assert!(run.status.success(), "{}", stderr(&run));
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook = open_workbook_auto(path).expect("open");
    let range = workbook.worksheet_range(sheet).expect(sheet);
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::DateTime(d) => d
                        .as_datetime()
                        .map(|d| d.date().to_string())
                        .unwrap_or_default(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_same_input_re_planned_changes_nothing() {
    let dir = TempDir::new("replan", "same");
    let input = fixture("petit-accueil.xlsx");
    let first = dir.join("planning.xlsx");
    plan(&[&input, "-o".as_ref(), &first]);
    let second = dir.join("planning-2.xlsx");
    let summary = plan(&[
        &input,
        "--previous".as_ref(),
        &first,
        "-o".as_ref(),
        &second,
    ]);
    assert!(summary.contains("Changements"), "{summary}");
    let changes = rows(&second, "Changements");
    assert_eq!(changes[0][0], "Animateur");
    assert!(changes[1][0].starts_with("Aucun changement"), "{changes:?}");
    // The team's schedule is the same (the posts to fill are proposed again).
    let team = |path: &Path| -> Vec<Vec<String>> {
        rows(path, "Affectations")
            .into_iter()
            .filter(|r| !r[0].starts_with('R'))
            .map(|r| r[..6].to_vec())
            .collect()
    };
    assert_eq!(team(&first), team(&second));
}

#[test]
fn a_locked_row_binds_and_a_call_off_is_listed() {
    let dir = TempDir::new("replan", "locked");
    let input = fixture("petit-accueil.xlsx");
    // A hand-made previous plan: A5 (sans qualification) animates on Monday 6, locked; A1
    // directs on Tuesday 7; A9 does not exist any more.
    let previous = dir.join("publie.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet()
        .set_name("Affectations")
        .expect("name");
    let lines = [
        [
            "Animateur",
            "Accueil",
            "Date",
            "Creneau",
            "Role",
            "Verrouille",
        ],
        [
            "A5",
            "ALSH-VARRAINS",
            "06/07/2026",
            "journee",
            "animation",
            "oui",
        ],
        [
            "A1",
            "ALSH-VARRAINS",
            "07/07/2026",
            "journee",
            "direction",
            "",
        ],
        [
            "A9",
            "ALSH-VARRAINS",
            "07/07/2026",
            "journee",
            "animation",
            "",
        ],
    ];
    for (r, line) in lines.iter().enumerate() {
        for (c, value) in line.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, *value)
                .expect("cell");
        }
    }
    workbook.save(&previous).expect("save");
    let output = dir.join("planning.xlsx");
    let summary = plan(&[
        &input,
        "--previous".as_ref(),
        &previous,
        "-o".as_ref(),
        &output,
    ]);
    assert!(summary.contains("journées modifiées"), "{summary}");
    let affectations = rows(&output, "Affectations");
    assert!(
        affectations
            .iter()
            .any(|r| r[0] == "A5" && r[3] == "2026-07-06" && r[5] == "animation"),
        "the locked row is kept"
    );
    assert!(
        affectations
            .iter()
            .any(|r| r[0] == "A1" && r[3] == "2026-07-07" && r[5] == "direction"),
        "the unlocked row that still holds is kept"
    );
    let changes = rows(&output, "Changements");
    assert!(
        changes.iter().all(|r| {
            let day = (r[0].as_str(), r[2].as_str());
            day != ("A5", "2026-07-06") && day != ("A1", "2026-07-07")
        }),
        "{changes:?}"
    );
    // A9 is not in the inputs any more: not a person of the new plan, not listed.
    assert!(changes.iter().all(|r| r[0] != "A9"));
    // Every other working day of the new plan is a change: « ne travaille pas » before (the
    // previous plan had two rows only).
    assert!(changes.len() > 1);
    assert!(
        changes[1..].iter().all(|r| r[3] == "ne travaille pas"),
        "{changes:?}"
    );
}
