//! What a director types, read as she meant it, through the binary: the abbreviations of a
//! sign-in sheet (« stag. BAFA »), the reasons of a day off (« malade », « congé »,
//! « indispo »); and, where it cannot be read, a message that says what she likely meant: the
//! closest qualification, sheet or accueil code, a day that does not exist, Excel's lock file,
//! a forecast on a public holiday.

mod support;
mod workbooks;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use support::{run_binary, stderr};
use workbooks::{Book, C, Folder, d, minimal};

/// Runs the binary; returns (exit code, stdout, stderr).
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let output = run_binary(args);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr(&output),
    )
}

/// `needs` on a workbook; returns (exit code, stdout, stderr).
fn needs(folder: &Folder, input: &Path) -> (Option<i32>, String, String) {
    let output = folder.join("besoins.xlsx");
    run(&[
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
        "--force".as_ref(),
    ])
}

fn saved(book: Book, folder: &Folder, name: &str) -> PathBuf {
    book.save(&folder.join(name))
}

/// The rows of a sheet, as text.
fn rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook = open_workbook_auto(path).expect("workbook opens");
    let range = workbook.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(date) => date
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
fn abbreviations_and_days_off_are_read_as_meant() {
    let folder = Folder::new("spellings", "read");
    // Hugo is « stag. BAFA », Chloé « stag BAFA », a fourth « stagiaire Bafa »; Hugo is
    // « malade » on Tuesday, « congé » on Wednesday and « indispo » on Thursday.
    let book = minimal()
        .with("Animateurs", |sheet| {
            sheet
                .set(3, "Qualification", "stag. BAFA")
                .set(4, "Qualification", "stag BAFA")
                .push(cells!["A4", "Roux", "Emma", "stagiaire Bafa", "CEE"])
        })
        .with("Disponibilites", |mut sheet| {
            sheet.rows[2][2] = C::from("malade");
            sheet.rows[2][3] = C::from("congé");
            sheet.rows[2][4] = C::from("indispo");
            let mut emma = cells!["A4"];
            emma.extend((6..=10).map(|_| C::from("J")));
            sheet.push(emma)
        });
    let input = saved(book, &folder, "equipe.xlsx");
    let output = folder.join("planning.xlsx");
    let (code, _, err) = run(&[
        "plan".as_ref(),
        input.as_os_str(),
        "--no-recruit".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let grid = rows(&output, "Animateurs");
    let qualification = |id: &str| {
        grid.iter()
            .find(|row| row[0] == id)
            .map(|row| row[3].clone())
            .unwrap_or_default()
    };
    for id in ["A2", "A3", "A4"] {
        assert_eq!(qualification(id), "stagiaire BAFA", "{id}");
    }
    // Hugo works none of the days he is off.
    let worked: Vec<String> = rows(&output, "Affectations")
        .into_iter()
        .filter(|row| row[0] == "A2")
        .map(|row| row[3].clone())
        .collect();
    for day in ["2026-07-07", "2026-07-08", "2026-07-09"] {
        assert!(!worked.contains(&day.to_string()), "{day}: {worked:?}");
    }
}

#[test]
fn an_unknown_qualification_suggests_the_closest_instead_of_listing_thirty() {
    let folder = Folder::new("spellings", "qualification");
    let book = minimal().with("Animateurs", |sheet| {
        sheet
            .set(3, "Qualification", "BAFFA")
            .set(4, "Qualification", "stagiere bafa")
    });
    let (code, _, err) = needs(&folder, &saved(book, &folder, "equipe.xlsx"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("valeur « BAFFA » — qualification inconnue ; vouliez-vous dire « BAFA » ?"),
        "{err}"
    );
    assert!(
        err.contains("vouliez-vous dire « stagiaire BAFA » ?"),
        "{err}"
    );
    // The common values, not the thirty diplomas of the arrêté.
    assert!(
        err.contains("valeurs courantes : BAFA, stagiaire BAFA"),
        "{err}"
    );
    assert!(!err.contains("DEDPAD") && !err.contains("CAPASE"), "{err}");
}

#[test]
fn a_misspelled_sheet_lists_the_sheets_and_suggests_the_closest() {
    let folder = Folder::new("spellings", "sheet");
    let mut book = minimal();
    book.sheet("Previsions").name = "Prévisons".to_string();
    let (code, _, err) = needs(&folder, &saved(book, &folder, "classeur.xlsx"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "feuilles trouvées : « Accueils », « Prévisons », « Animateurs », « Disponibilites » \
             ; la feuille « Prévisons » est-elle celle-ci ? Renommez-la « Previsions »"
        ),
        "{err}"
    );
}

#[test]
fn a_day_that_does_not_exist_and_an_unknown_code_are_named() {
    let folder = Folder::new("spellings", "date-code");
    let book = minimal().with("Previsions", |sheet| {
        sheet
            .set(2, "Date", "31/02/2027")
            .set(3, "Accueil", "ALSH-B")
    });
    let (code, _, err) = needs(&folder, &saved(book, &folder, "classeur.xlsx"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "ligne 2, colonne « Date » : valeur « 31/02/2027 » — ce jour n'existe pas : février \
             2027 n'a que 28 jours"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "valeur « ALSH-B » — accueil inconnu : ce code n'est pas dans la colonne « Code » de \
             la feuille « Accueils » ; vouliez-vous dire « ALSH-A » ?"
        ),
        "{err}"
    );
}

#[test]
fn excel_s_lock_file_says_the_workbook_is_open() {
    let folder = Folder::new("spellings", "lock");
    let input = saved(minimal(), &folder, "classeur.xlsx");
    let lock = folder.join("~$classeur.xlsx");
    std::fs::write(&lock, b"\x0bLea Martin").expect("lock file");
    // Given the lock file: it is not a workbook, the workbook is open in Excel.
    let (code, _, err) = needs(&folder, &lock);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "c'est le fichier de verrouillage qu'Excel crée pendant que le classeur « \
             classeur.xlsx » est ouvert"
        ),
        "{err}"
    );
    // Given the workbook, open in Excel: read, with a remark.
    let (code, out, err) = needs(&folder, &input);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("classeur.xlsx : ce classeur est ouvert dans Excel"),
        "{out}"
    );
    // An output open in Excel could not be replaced: said before any work.
    let besoins = folder.join("besoins.xlsx");
    assert!(besoins.exists());
    std::fs::write(folder.join("~$besoins.xlsx"), b"\x0bLea Martin").expect("lock file");
    let (code, out, err) = needs(&folder, &input);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty());
    assert!(err.contains("ce classeur est ouvert dans Excel"), "{err}");
}

#[test]
fn a_forecast_on_a_public_holiday_gets_a_remark() {
    let folder = Folder::new("spellings", "holiday");
    let book = minimal().with("Previsions", |sheet| {
        sheet.push(cells!["ALSH-A", d(2026, 7, 14), "journee", 8, 12])
    });
    let (code, out, err) = needs(&folder, &saved(book, &folder, "classeur.xlsx"));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(
            "ligne 7 : prévisions un jour férié, gardées (l'accueil ouvre ce jour-là) : \
             14/07/2026 (Fête nationale) ; si l'accueil est fermé, supprimez ces lignes"
        ),
        "{out}"
    );
}
