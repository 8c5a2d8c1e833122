//! `plan --previous`: a re-plan keeps the published plan where it still holds, binds its locked
//! rows, and lists every changed person-day in `Changements` (read back with calamine).

use std::path::Path;

mod support;
#[macro_use]
mod workbooks;

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

#[test]
fn after_a_call_off_que_faire_says_whom_to_call_with_their_phone() {
    use workbooks::{C, Folder, minimal};
    let folder = Folder::new("replan", "call-list");
    // Léa directs; Hugo (60 € a day) animates every day, Chloé (80 €, with a phone) is spare.
    let team = |book: workbooks::Book| {
        book.with("Animateurs", |_| {
            workbooks::Sheet::new(
                "Animateurs",
                vec![
                    cells![
                        "Id",
                        "Nom",
                        "Prenom",
                        "Qualification",
                        "Contrat",
                        "Cout journalier",
                        "Telephone"
                    ],
                    cells!["A1", "Martin", "Léa", "BAFD", "CEE", 70, "06 11 22 33 44"],
                    cells!["A2", "Bernard", "Hugo", "BAFA", "CEE", 60, ""],
                    cells!["A3", "Petit", "Chloé", "BAFA", "CEE", 80, "06 99 88 77 66"],
                ],
            )
        })
    };
    let before = team(minimal()).save(&folder.join("avant.xlsx"));
    let published = folder.join("planning.xlsx");
    plan(&[&before, "--no-recruit".as_ref(), "-o".as_ref(), &published]);
    // Hugo calls in sick on Tuesday and Wednesday.
    let after = team(minimal())
        .with("Disponibilites", |mut sheet| {
            sheet.rows[2][2] = C::from("malade");
            sheet.rows[2][3] = C::from("malade");
            sheet
        })
        .save(&folder.join("apres.xlsx"));
    let replanned = folder.join("planning-2.xlsx");
    let summary = plan(&[
        &after,
        "--no-recruit".as_ref(),
        "--previous".as_ref(),
        &published,
        "-o".as_ref(),
        &replanned,
    ]);
    // Chloé takes his two days: she is the one to call; Hugo, who called in sick, is not.
    assert!(
        summary.contains(
            "- Appelez les personnes dont les journées changent (le détail, jour par jour, est \
             dans la feuille Changements) : Petit Chloé, 06 99 88 77 66 (07/07, 08/07)."
        ),
        "{summary}"
    );
    let changes = rows(&replanned, "Changements");
    assert_eq!(changes[0][7], "Téléphone");
    let chloe: Vec<&Vec<String>> = changes.iter().filter(|r| r[0] == "A3").collect();
    assert_eq!(chloe.len(), 2, "{changes:?}");
    assert!(chloe.iter().all(|r| r[7] == "06 99 88 77 66"));
    // The same sentence opens « Que faire » in Synthese.
    let synthese = rows(&replanned, "Synthese");
    assert!(
        synthese
            .iter()
            .flatten()
            .any(|cell| cell.contains("Appelez les personnes") && cell.contains("Petit Chloé")),
        "{synthese:?}"
    );
}
