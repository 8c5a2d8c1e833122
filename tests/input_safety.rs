//! Reading safely (issue 11, point 7): a misspelled column is never dropped silently, two columns
//! with the same header are an error, implausible values are errors naming the cell, messages
//! stay readable and library errors are told in French with the file named.

mod workbooks;

use acm_planner::InputError;
use workbooks::{C, Folder, d, error_with, minimal, read_errors, read_ok};

fn assert_place(error: &InputError, sheet: &str, row: u32, column: &str) {
    assert_eq!(error.sheet.as_deref(), Some(sheet), "{error}");
    assert_eq!(error.row, Some(row), "{error}");
    assert_eq!(error.column.as_deref(), Some(column), "{error}");
}

#[test]
fn a_misspelled_header_is_an_error_naming_both() {
    let dir = Folder::new("safety", "misspelled");
    let book = minimal()
        .with("Animateurs", |mut sheet| {
            for (header, value) in [
                ("Date de naisance", C::Date(d(2010, 3, 14))),
                ("Max jour", C::Num(3.0)),
                ("Secteurs", C::from("Saumur")),
                ("Cout journalié", C::Num(60.0)),
            ] {
                sheet.rows[0].push(C::from(header));
                sheet.rows[1].push(value);
            }
            sheet
        })
        .with("Accueils", |sheet| sheet.set(1, "Capacite", "Capacitée"));
    let errors = read_errors(&book.save(&dir.join("fautes.xlsx")));
    for (sheet, header, known) in [
        ("Animateurs", "Date de naisance", "Date de naissance"),
        ("Animateurs", "Max jour", "Max jours"),
        ("Animateurs", "Secteurs", "Secteur"),
        ("Animateurs", "Cout journalié", "Cout journalier"),
        ("Accueils", "Capacitée", "Capacite"),
    ] {
        let error = error_with(&errors, &format!("vouliez-vous dire « {known} » ?"));
        assert_place(error, sheet, 1, header);
    }
    // The misspelled required column is not reported missing on top of it.
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn two_columns_with_the_same_header_are_an_error() {
    let dir = Folder::new("safety", "duplicate");
    let book = minimal().with("Animateurs", |mut sheet| {
        sheet.rows[0].push(C::from("Nom"));
        sheet.rows[1].push(C::from("Autre"));
        sheet
    });
    let errors = read_errors(&book.save(&dir.join("doublon.xlsx")));
    let error = error_with(&errors, "deux colonnes ont cet en-tête (B et F)");
    assert_place(error, "Animateurs", 1, "Nom");
}

#[test]
fn implausible_values_are_errors_naming_the_cell() {
    let dir = Folder::new("safety", "implausible");
    let next_year = chrono::Local::now().date_naive() + chrono::Duration::days(400);
    let book = minimal()
        .with("Animateurs", |mut sheet| {
            for header in [
                "Date de naissance",
                "Jours CEE 12 derniers mois",
                "Cout journalier",
            ] {
                sheet.rows[0].push(C::from(header));
            }
            sheet.rows[1].extend([C::Date(next_year), C::Num(12.0), C::Num(120.0)]);
            sheet.rows[2].extend([C::Empty, C::Num(81.0), C::Num(92_000_000_000_000_000.0)]);
            sheet
        })
        .with("Accueils", |mut sheet| {
            sheet.rows[0].push(C::from("Jours d'ouverture par an"));
            sheet.rows[1].push(C::Num(400.0));
            sheet.push(vec![
                C::from("ALSH-VIDE"),
                C::from("Vide"),
                C::from("Varrains"),
                C::from("accueil de loisirs"),
                C::Num(0.0),
            ])
        })
        .with("Previsions", |mut sheet| {
            sheet.rows[0].extend([
                C::from("Accompagnement renforce"),
                C::from("Du"),
                C::from("Au"),
            ]);
            sheet.rows[1].extend([C::Num(25.0)]);
            sheet.rows[2].extend([C::Empty, C::Date(d(2026, 7, 6)), C::Date(d(2026, 7, 10))]);
            sheet.push(vec![
                C::from("ALSH-VIDE"),
                C::Date(d(2026, 7, 8)),
                C::from("journee"),
                C::Num(3.0),
                C::Num(4.0),
            ])
        });
    let errors = read_errors(&book.save(&dir.join("invraisemblable.xlsx")));
    let future = error_with(&errors, "date de naissance dans le futur");
    assert_place(future, "Animateurs", 2, "Date de naissance");
    let cee = error_with(&errors, "au plus 80 jours");
    assert_place(cee, "Animateurs", 3, "Jours CEE 12 derniers mois");
    assert!(cee.to_string().contains("CASF L432-4"), "{cee}");
    let cost = error_with(&errors, "coût journalier invraisemblable");
    assert_place(cost, "Animateurs", 3, "Cout journalier");
    let days = error_with(&errors, "au plus 366 jours d'ouverture par an");
    assert_place(days, "Accueils", 2, "Jours d'ouverture par an");
    let renforce = error_with(&errors, "plus d'enfants en accompagnement renforcé");
    assert_place(renforce, "Previsions", 2, "Accompagnement renforce");
    let both = error_with(&errors, "remplir l'une ou l'autre, pas les deux");
    assert_place(both, "Previsions", 3, "Du");
    let empty = error_with(&errors, "capacité 0 alors que des enfants sont attendus");
    assert_place(empty, "Accueils", 3, "Capacite");
    assert!(
        empty
            .to_string()
            .contains("(feuille « Previsions », ligne 7)"),
        "{empty}"
    );
    assert_eq!(errors.len(), 7, "{errors:#?}");
}

#[test]
fn messages_stay_readable() {
    let dir = Folder::new("safety", "readable");
    let pasted = format!("\u{1b}]0;pirate\u{7}{}", "BAFX ".repeat(40));
    let book = minimal().with("Animateurs", |sheet| {
        sheet.set(3, "Qualification", pasted.as_str())
    });
    let errors = read_errors(&book.save(&dir.join("lisible.xlsx")));
    let text = errors[0].to_string();
    assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
    assert!(
        text.contains("valeur « \\u{1b}]0;pirate\\u{7}BAFX BAFX"),
        "{text}"
    );
    assert!(text.contains("… (219 caractères) »"), "{text}");
}

#[test]
fn library_errors_are_told_in_french_with_the_file_named() {
    let dir = Folder::new("safety", "library");
    // A workbook cut in the middle of a copy: no zip directory at its end.
    let whole = minimal().save(&dir.join("entier.xlsx"));
    let bytes = std::fs::read(&whole).expect("written");
    let cut = dir.join("tronque.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("written");
    let errors = read_errors(&cut);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let text = errors[0].to_string();
    assert!(
        text.starts_with(&format!(
            "{} : ce fichier n'est pas un classeur .xlsx lisible",
            cut.display()
        )),
        "{text}"
    );
    assert!(!text.contains("EOCD") && !text.contains("Zip"), "{text}");

    let csv = dir.join("export.csv");
    std::fs::write(&csv, "Code;Nom\n").expect("written");
    let errors = read_errors(&csv);
    assert!(
        errors[0].to_string().contains("fichier texte (.csv)"),
        "{}",
        errors[0]
    );

    let missing = dir.join("absent.xlsx");
    let errors = read_errors(&missing);
    assert!(
        errors[0].to_string().contains("fichier introuvable"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_valid_workbook_still_reads() {
    let dir = Folder::new("safety", "valid");
    let inputs = read_ok(&minimal().save(&dir.join("ok.xlsx")));
    assert_eq!(inputs.previsions.len(), 5);
}
