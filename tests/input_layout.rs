//! Workbooks as people keep them (issue 11, point 1): the header row is found below title
//! rows, an "updated on" line, blank rows and merged titles; `Total` rows and notes under the
//! data are skipped with a remark; hidden rows and columns are data like any other; unknown
//! columns are ignored and listed once. Real `.xlsx` files written here, and one `.ods` made by
//! LibreOffice (`tests/data/a-la-main.ods`).

mod workbooks;

use std::path::PathBuf;

use acm_planner::domain::{Inputs, RemarkKind};
use workbooks::{Book, C, Folder, d, minimal, read_ok};

/// The minimal territory kept "by hand": titles above every table, a merged title, a `Total`
/// row and a note under the forecasts, a `Téléphone` and a hidden `Commentaire interne` column,
/// a hidden animateur row.
fn kept_by_hand() -> Book {
    minimal()
        .with("Accueils", |sheet| {
            sheet
                .set(1, "Capacite", "Capacité (places)")
                .with_title("Accueils — été 2026", 7, 3)
        })
        .with("Accueils", |mut sheet| {
            sheet.rows[3].push(C::from("Téléphone"));
            sheet.rows[3].push(C::from("Commentaire interne"));
            sheet.rows[4].push(C::from("02 41 00 00 00"));
            sheet.rows[4].push(C::from("convention à renouveler"));
            sheet.hide_column(6)
        })
        .with("Previsions", |sheet| {
            sheet
                .with_title("Prévisions — semaine du 6 juillet", 5, 2)
                .push(cells!["Total", "", "", 40, 60])
                .push(Vec::new())
                .push(cells!["* effectifs au 1er juin, à confirmer"])
        })
        .with("Animateurs", |sheet| {
            sheet.hide_row(2).with_title("Équipe", 5, 1)
        })
        .with("Disponibilites", |sheet| {
            sheet
                .with_title("Disponibilités", 6, 2)
                .push(cells!["Totaux", 3, 3, 3, 3, 3])
        })
}

fn remark_messages(inputs: &Inputs, kind: RemarkKind) -> Vec<String> {
    inputs
        .remarks
        .iter()
        .filter(|r| r.kind == kind)
        .map(ToString::to_string)
        .collect()
}

fn assert_read_by_hand(inputs: &Inputs) {
    assert_eq!(inputs.accueils.len(), 1);
    let accueil = &inputs.accueils[0];
    assert_eq!((accueil.code.as_str(), accueil.capacite), ("ALSH-A", 40));
    assert_eq!(accueil.source.row, 5);
    let days: Vec<_> = inputs.previsions.iter().map(|p| p.date).collect();
    assert_eq!(
        days,
        (6..=10).map(|day| d(2026, 7, day)).collect::<Vec<_>>()
    );
    assert_eq!(inputs.previsions[0].source.row, 4);
    // The hidden row is a person like the others.
    let ids: Vec<&str> = inputs.animateurs.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2", "A3"]);
    assert_eq!(inputs.disponibilites.by_person_date.len(), 15);
}

#[test]
fn titles_totals_notes_and_extra_columns_are_skipped_with_remarks() {
    let dir = Folder::new("layout", "xlsx");
    let path = kept_by_hand().save(&dir.join("a-la-main.xlsx"));
    let inputs = read_ok(&path);
    assert_read_by_hand(&inputs);
    let file = path.display().to_string();

    let above = remark_messages(&inputs, RemarkKind::RowsAboveHeader);
    assert_eq!(above.len(), 4, "{above:#?}");
    assert_eq!(
        above[0],
        format!(
            "{file}, feuille « Accueils », lignes 1 et 2 : au-dessus de la ligne d'en-tête \
             (ligne 4), lignes ignorées (titre, date de mise à jour…) : « Accueils — été 2026 »"
        )
    );
    let totals = remark_messages(&inputs, RemarkKind::TotalRow);
    assert_eq!(
        totals,
        [
            format!(
                "{file}, feuille « Previsions », ligne 9 : ligne de total ignorée (les totaux \
                 sont recalculés)"
            ),
            format!(
                "{file}, feuille « Disponibilites », ligne 7 : ligne de total ignorée (les \
                 totaux sont recalculés)"
            ),
        ]
    );
    assert_eq!(
        remark_messages(&inputs, RemarkKind::Notes),
        [format!(
            "{file}, feuille « Previsions », ligne 11 : notes sous le tableau ignorées"
        )]
    );
    assert_eq!(
        remark_messages(&inputs, RemarkKind::IgnoredColumns),
        [format!(
            "{file}, feuille « Accueils » : colonnes ignorées : Téléphone, Commentaire interne"
        )]
    );
}

#[test]
fn hidden_rows_and_columns_are_data() {
    let dir = Folder::new("layout", "hidden");
    let book = minimal()
        .with("Animateurs", |sheet| sheet.hide_row(1).hide_row(3))
        .with("Accueils", |sheet| sheet.hide_column(4));
    let inputs = read_ok(&book.save(&dir.join("cache.xlsx")));
    assert_eq!(inputs.animateurs.len(), 3);
    assert_eq!(inputs.accueils[0].capacite, 40);
}

/// `tests/data/a-la-main.ods` is `kept_by_hand()` opened and saved by LibreOffice
/// (`write_the_source_of_the_ods_fixture`, then `libreoffice --headless --convert-to ods`).
#[test]
fn the_same_workbook_kept_by_hand_in_ods() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/a-la-main.ods");
    let inputs = read_ok(&path);
    assert_read_by_hand(&inputs);
    assert_eq!(
        remark_messages(&inputs, RemarkKind::RowsAboveHeader).len(),
        4
    );
    assert_eq!(remark_messages(&inputs, RemarkKind::TotalRow).len(), 2);
    assert_eq!(remark_messages(&inputs, RemarkKind::Notes).len(), 1);
    let ignored = remark_messages(&inputs, RemarkKind::IgnoredColumns);
    assert_eq!(ignored.len(), 1, "{ignored:?}");
    assert!(
        ignored[0].ends_with("colonnes ignorées : Téléphone, Commentaire interne"),
        "{ignored:?}"
    );
}

/// Writes the xlsx `tests/data/a-la-main.ods` is made from; run with `--ignored`, then
/// `libreoffice --headless --convert-to ods --outdir tests/data tests/data/a-la-main.xlsx` and
/// delete the xlsx.
#[test]
#[ignore]
fn write_the_source_of_the_ods_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    kept_by_hand().save(&dir.join("a-la-main.xlsx"));
}
