//! The same person twice (issue 21, point 7), through the binary: under two Ids in `Animateurs`
//! she is refused naming both rows (she would be planned twice on the same days and her 80 CEE
//! days counted apart); homonyms told apart by their birth dates are two people; an Id on two
//! rows of the `Disponibilites` grid is refused, not merged; in the long table, available and
//! unavailable the same day is refused, a part of the day said twice is a remark.

mod support;
mod workbooks;

use std::process::Output;

use support::{TempDir, run_binary, stderr};
use workbooks::{Book, C, Sheet, d, minimal};

/// `plan` on `book`, saved in `dir`.
fn plan(dir: &TempDir, book: &Book) -> Output {
    let input = book.save(&dir.join("equipe.xlsx"));
    let output = dir.join("planning.xlsx");
    run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ])
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The run was refused as bad input; its stderr.
fn refused(output: &Output) -> String {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("dans les fichiers d'entrée :"),
        "{message}"
    );
    message
}

/// The minimal territory with a fourth person, `A4`, available every day like the others;
/// `birth_dates`: a `Date de naissance` column with these dates for A1 to A4.
fn with_fourth(nom: &str, prenom: &str, birth_dates: Option<[C; 4]>) -> Book {
    minimal()
        .with("Animateurs", |sheet| {
            let mut sheet = sheet.push(cells!["A4", nom, prenom, "BAFA", "CEE"]);
            if let Some(dates) = birth_dates {
                sheet.rows[0].push(C::from("Date de naissance"));
                for (row, date) in sheet.rows[1..].iter_mut().zip(dates) {
                    row.push(date);
                }
            }
            sheet
        })
        .with("Disponibilites", |sheet| {
            let mut row = cells!["A4"];
            row.extend((6..=10).map(|_| C::from("J")));
            sheet.push(row)
        })
}

fn dates(a1: C, a4: C) -> Option<[C; 4]> {
    Some([a1, C::Date(d(2001, 5, 2)), C::Date(d(2003, 9, 30)), a4])
}

fn file(dir: &TempDir) -> String {
    dir.join("equipe.xlsx").display().to_string()
}

#[test]
fn the_same_person_under_two_ids_is_refused_naming_both_rows_and_both_ids() {
    let dir = TempDir::new("same-person", "twin");
    // A1 is « Martin », « Léa » in the minimal territory; a bad qualification on row 3 is told
    // in the same run.
    let book = with_fourth(" MARTIN ", "lea", None)
        .with("Animateurs", |sheet| sheet.set(3, "Qualification", "BAFX"));
    let message = refused(&plan(&dir, &book));
    assert!(
        message.contains("2 erreurs dans les fichiers d'entrée"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "{}, feuille « Animateurs », lignes 2 et 5 : la même personne figure deux fois, sous \
             les Id « A1 » (ligne 2) et « A4 » (ligne 5) : « Léa Martin » et « lea MARTIN », \
             même nom et même prénom, sans date de naissance pour les distinguer ; elle serait \
             planifiée deux fois les mêmes jours et ses jours en contrat d'engagement éducatif \
             comptés à part sur chaque ligne (80 jours au plus sur 12 mois, CASF L432-4) : \
             gardez une seule ligne par personne (et ses disponibilités sous l'Id gardé), ou, si \
             ce sont deux personnes homonymes, ajoutez une colonne « Date de naissance » et \
             indiquez celle de chacune",
            file(&dir)
        )),
        "{message}"
    );
    assert!(
        message.contains("feuille « Animateurs », ligne 3, colonne « Qualification »"),
        "{message}"
    );
}

#[test]
fn the_same_birth_date_or_a_missing_one_does_not_tell_two_people_apart() {
    let dir = TempDir::new("same-person", "birth");
    let born = || C::Date(d(2005, 3, 12));

    let same_day = with_fourth("Martin", "Léa", dates(born(), born()));
    let message = refused(&plan(&dir, &same_day));
    assert!(
        message.contains(
            "feuille « Animateurs », lignes 2 et 5 : la même personne figure deux fois, sous les \
             Id « A1 » (ligne 2) et « A4 » (ligne 5) : « Léa Martin », même nom, même prénom et \
             même date de naissance (12/03/2005) ;"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "gardez une seule ligne par personne (et ses disponibilités sous l'Id gardé), ou, si \
             ce sont deux personnes, corrigez le nom, le prénom ou la date de naissance de l'une \
             d'elles"
        ),
        "{message}"
    );

    let one_missing = with_fourth("Martin", "Lea", dates(born(), C::Empty));
    let message = refused(&plan(&dir, &one_missing));
    assert!(
        message.contains(
            "lignes 2 et 5 : la même personne figure deux fois, sous les Id « A1 » (ligne 2) et \
             « A4 » (ligne 5) : « Léa Martin » et « Lea Martin », même nom et même prénom ; la \
             ligne 5 n'a pas de date de naissance (ligne 2 : 12/03/2005) : rien ne les \
             distingue ;"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "ou, si ce sont deux personnes homonymes, indiquez la date de naissance de chacune \
             dans la colonne « Date de naissance »"
        ),
        "{message}"
    );
}

#[test]
fn homonyms_born_on_different_days_are_two_people_and_the_plan_is_made() {
    let dir = TempDir::new("same-person", "homonyms");
    let book = with_fourth(
        "Martin",
        "Léa",
        dates(C::Date(d(1990, 1, 31)), C::Date(d(2005, 3, 12))),
    );
    let run = plan(&dir, &book);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(!stderr(&run).contains("même personne"), "{}", stderr(&run));
    assert!(!stdout(&run).contains("même personne"), "{}", stdout(&run));
}

#[test]
fn the_same_id_twice_in_animateurs_stays_one_error_not_a_second_person() {
    let dir = TempDir::new("same-person", "same-id");
    let book = minimal().with("Animateurs", |sheet| {
        sheet.push(cells!["a1", "Martin", "Léa", "BAFA", "CEE"])
    });
    let message = refused(&plan(&dir, &book));
    assert!(
        message.contains("1 erreur dans les fichiers d'entrée"),
        "{message}"
    );
    assert!(
        message.contains(
            "feuille « Animateurs », ligne 5, colonne « Id » : valeur « a1 » — Id d'animateur en \
             double : déjà utilisé ligne 2"
        ),
        "{message}"
    );
}

#[test]
fn an_id_on_two_rows_of_the_availability_grid_is_refused_naming_both_rows() {
    let dir = TempDir::new("same-person", "grid");
    let book = minimal().with("Disponibilites", |sheet| {
        let mut row = cells!["a2"];
        row.extend((6..=10).map(|_| C::from("M")));
        sheet.push(row)
    });
    let message = refused(&plan(&dir, &book));
    assert!(
        message.contains("1 erreur dans les fichiers d'entrée"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "{}, feuille « Disponibilites », ligne 5, colonne « Id » : valeur « a2 » — Id en \
             double dans la grille : déjà ligne 3 ; les deux lignes ne sont pas additionnées : \
             gardez une seule ligne par animateur, avec toutes ses disponibilités",
            file(&dir)
        )),
        "{message}"
    );
}

/// The minimal territory with its availability as a long table: A1, A2 and A3 available all
/// week (rows 2 to 4), then `more` rows.
fn long_table(more: Vec<Vec<C>>) -> Book {
    minimal().with("Disponibilites", |_| {
        let mut rows = vec![cells!["Animateur", "Du", "Au", "Creneau"]];
        for id in ["A1", "A2", "A3"] {
            rows.push(cells![id, d(2026, 7, 6), d(2026, 7, 10), "journee"]);
        }
        rows.extend(more);
        Sheet::new("Disponibilites", rows)
    })
}

#[test]
fn available_and_unavailable_the_same_day_in_the_long_table_is_refused_naming_both_rows() {
    let dir = TempDir::new("same-person", "long-contradiction");
    let book = long_table(vec![cells!["A2", d(2026, 7, 8), d(2026, 7, 9), "absent"]]);
    let message = refused(&plan(&dir, &book));
    assert!(
        message.contains(
            "feuille « Disponibilites », lignes 3 et 5, colonne « Creneau » : disponibilités \
             contradictoires pour « A2 » du 08/07/2026 au 09/07/2026 : la ligne 3 le dit \
             disponible (« journee »), la ligne 5 indisponible (« absent ») ; une ligne n'en \
             annule pas une autre : retirez celle qui est fausse"
        ),
        "{message}"
    );
}

#[test]
fn a_part_of_the_day_said_twice_in_the_long_table_is_a_remark_and_counted_once() {
    let dir = TempDir::new("same-person", "long-repeat");
    let book = long_table(vec![
        cells!["A3", d(2026, 7, 7), "", "matin"],
        cells!["A3", d(2026, 7, 7), "", "soir"],
    ])
    .with("Disponibilites", |sheet| {
        let mut sheet = sheet;
        // Row 5 and 6 give a single day: `Du` and `Au` are the same.
        for row in &mut sheet.rows[4..] {
            row[2] = row[1].clone();
        }
        sheet
    });
    let run = plan(&dir, &book);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let summary = stdout(&run);
    assert!(
        summary.contains(&format!(
            "Remarque : {}, feuille « Disponibilites », lignes 4 à 6 : disponibilités données \
             deux fois (même animateur, même jour, créneau déjà couvert par une autre ligne), \
             comptées une fois : ligne 5 (« matin »), déjà couverte par la ligne 4 \
             (« journee »), pour « A3 » le 07/07/2026 ; ligne 6 (« soir »), déjà couverte par la \
             ligne 4 (« journee »), pour « A3 » le 07/07/2026",
            file(&dir)
        )),
        "{summary}"
    );
    assert_eq!(
        summary.matches("disponibilités données deux fois").count(),
        1,
        "{summary}"
    );
}
