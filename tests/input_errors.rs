//! Input readers, errors: every error names file, sheet, row, column and value.

use acm_planner::Error;
use acm_planner::input::{Required, read_inputs};

mod input_book;

#[allow(unused_imports)]
use input_book::*;

// ---------------------------------------------------------------------------------------------
// Every error names file, sheet, row, column and value.

#[test]
fn a_missing_required_sheet_names_the_sheet_and_the_files_searched() {
    let dir = temp_folder("missing-sheet");
    let first = complete().without("Previsions").save(&dir, "a.xlsx");
    let second = Book::new()
        .sheet("Notes", vec![row!["rien"]])
        .save(&dir, "b.xlsx");
    let errors = read_errors(&[first.clone(), second.clone()], Required::Forecasts);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.sheet.as_deref(), Some("Previsions"));
    assert_eq!(error.row, None);
    let text = error.to_string();
    assert!(text.contains(&first.display().to_string()), "{text}");
    assert!(text.contains(&second.display().to_string()), "{text}");
    assert!(text.contains("introuvable"), "{text}");
    assert!(text.contains("Forecast"), "{text}");

    // Staff sheets are required only for plan and check.
    let staffless = complete().without("Disponibilites").save(&dir, "c.xlsx");
    assert!(read_inputs(std::slice::from_ref(&staffless), Required::Forecasts).is_ok());
    let errors = read_errors(&[staffless], Required::ForecastsAndStaff);
    let error = error_with(&errors, "introuvable");
    assert_eq!(error.sheet.as_deref(), Some("Disponibilites"));
}

#[test]
fn a_missing_required_column_names_the_column_the_sheet_and_the_header_row() {
    let mut accueils = accueils();
    accueils.insert(0, row![]);
    let book = complete()
        .without("Accueils")
        .sheet("Accueils", accueils)
        .set("Accueils", 2, "Capacité", "Places");
    let (path, errors) = errors_of(book, "missing-column");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "introuvable");
    assert_at(error, &path, "Accueils", 2, "Capacite", None);
    assert!(error.message.contains("(ligne 2)"), "{error}");
    assert!(error.message.contains("Places"), "{error}");
}

#[test]
fn a_duplicate_acm_code_names_both_rows() {
    let book = complete().push(
        "Accueils",
        row!["alsh-doue", "Doublon", "Doué", "ALSH", "", 20],
    );
    let (path, errors) = errors_of(book, "duplicate-acm");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Accueils", 5, "Code", Some("alsh-doue"));
    assert!(error.message.contains("ligne 2"), "{error}");
}

#[test]
fn a_duplicate_animateur_id_names_both_rows() {
    let book = complete().push("Animateurs", row!["a1", "Autre", "Léa", "BAFA", "CEE"]);
    let (path, errors) = errors_of(book, "duplicate-id");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Animateurs", 6, "Id", Some("a1"));
    assert!(error.message.contains("ligne 2"), "{error}");
}

#[test]
fn a_forecast_for_an_unknown_acm_is_an_error() {
    let book = complete().set("Previsions", 3, "Accueil", "ALSH-XXX");
    let (path, errors) = errors_of(book, "unknown-acm");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "accueil inconnu");
    assert_at(error, &path, "Previsions", 3, "Accueil", Some("ALSH-XXX"));
}

#[test]
fn an_unknown_qualification_lists_the_accepted_values() {
    let book = complete().set("Animateurs", 3, "Qualification", "BAFX");
    let (path, errors) = errors_of(book, "qualification");
    let error = error_with(&errors, "qualification inconnue");
    assert_at(error, &path, "Animateurs", 3, "Qualification", Some("BAFX"));
    for accepted in [
        "BAFA",
        "stagiaire BAFA",
        "sans qualification",
        "BAFD",
        "DEJEPS",
        "CAP AEPE",
    ] {
        assert!(error.message.contains(accepted), "{accepted}: {error}");
    }
}

#[test]
fn an_unknown_contract_lists_the_accepted_values() {
    let book = complete().set("Animateurs", 4, "Contrat", "stage");
    let (path, errors) = errors_of(book, "contract");
    let error = error_with(&errors, "contrat inconnu");
    assert_at(error, &path, "Animateurs", 4, "Contrat", Some("stage"));
    assert!(
        error.message.contains("CEE, CDD, CDI, titulaire"),
        "{error}"
    );
}

#[test]
fn counts_must_be_non_negative_whole_numbers() {
    let book = complete().set("Previsions", 2, "Moins de 6 ans", 12.5).set(
        "Previsions",
        3,
        "6 ans et plus",
        -3,
    );
    let (path, errors) = errors_of(book, "counts");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(
        &errors[0],
        &path,
        "Previsions",
        2,
        "Moins de 6 ans",
        Some("12.5"),
    );
    assert_at(
        &errors[1],
        &path,
        "Previsions",
        3,
        "6 ans et plus",
        Some("-3"),
    );
    assert!(errors[0].message.contains("nombre entier positif ou nul"));
}

#[test]
fn a_day_that_does_not_exist_is_named() {
    let book = complete().set("Previsions", 3, "Date", "31/02/2025");
    let (path, errors) = errors_of(book, "date");
    let error = error_with(
        &errors,
        "ce jour n'existe pas : février 2025 n'a que 28 jours",
    );
    assert_at(error, &path, "Previsions", 3, "Date", Some("31/02/2025"));
}

#[test]
fn date_ranges_and_weekdays_are_checked() {
    let book = complete().set("Previsions", 2, "Au", "01/07/2025").set(
        "Previsions",
        6,
        "Jours",
        "lun, fête",
    );
    let (path, errors) = errors_of(book, "range");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 2, "Au", Some("01/07/2025"));
    assert!(
        errors[0].message.contains("avant son début"),
        "{}",
        errors[0]
    );
    assert_at(
        &errors[1],
        &path,
        "Previsions",
        6,
        "Jours",
        Some("lun, fête"),
    );
    assert!(errors[1].message.contains("lun, mar, mer"), "{}", errors[1]);
}

#[test]
fn a_range_needs_both_du_and_au() {
    let book = complete().without("Previsions").sheet(
        "Previsions",
        vec![
            row![
                "Accueil",
                "Date",
                "Au",
                "Creneau",
                "Moins de 6 ans",
                "6 ans et plus"
            ],
            row!["ALSH-DOUE", "07/07/2025", "", "matin", 1, 1],
            row!["ALSH-DOUE", "", "11/07/2025", "matin", 1, 1],
            row!["ALSH-DOUE", "", "", "soir", 1, 1],
        ],
    );
    let (path, errors) = errors_of(book, "du-au");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 3, "Du", None);
    assert!(errors[0].message.contains("absente"), "{}", errors[0]);
    assert_at(&errors[1], &path, "Previsions", 4, "Date", None);
    assert!(
        errors[1].message.contains("date manquante"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_custom_creneau_needs_its_times() {
    let book = complete().set("Previsions", 5, "Fin", "");
    let (path, errors) = errors_of(book, "custom-creneau");
    let error = error_with(&errors, "non standard");
    assert_at(error, &path, "Previsions", 5, "Fin", None);
    assert!(error.message.contains("veillée"), "{error}");
}

#[test]
fn times_are_checked() {
    let book = complete()
        .set("Previsions", 4, "Début", "8h75")
        .set("Previsions", 5, "Fin", "19h");
    let (path, errors) = errors_of(book, "times");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 4, "Début", Some("8h75"));
    assert!(
        errors[0].message.contains("heure attendue"),
        "{}",
        errors[0]
    );
    assert_at(&errors[1], &path, "Previsions", 5, "Fin", Some("19h"));
    assert!(
        errors[1].message.contains("après l'heure de début (20:00)"),
        "{}",
        errors[1]
    );
}

#[test]
fn two_forecasts_for_the_same_slot_name_both_rows() {
    let book = complete().push(
        "Previsions",
        row![
            "PERI-GENNES",
            d(2025, 9, 2),
            "",
            "",
            "",
            "Soir",
            "",
            "",
            3,
            3
        ],
    );
    let (path, errors) = errors_of(book, "duplicate-forecast");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Previsions", 7, "Créneau", Some("Soir"));
    assert!(error.message.contains("ligne 3"), "{error}");
    assert!(error.message.contains("02/09/2025"), "{error}");
}

#[test]
fn acm_type_and_booleans_are_checked() {
    let book =
        complete()
            .set("Accueils", 2, "Type", "crèche")
            .set("Accueils", 3, "PEDT", "peut-être");
    let (path, errors) = errors_of(book, "type-bool");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Accueils", 2, "Type", Some("crèche"));
    assert!(
        errors[0]
            .message
            .contains("accueil de loisirs, extrascolaire, periscolaire")
    );
    assert_at(&errors[1], &path, "Accueils", 3, "PEDT", Some("peut-être"));
    assert!(errors[1].message.contains("oui ou non"));
}

#[test]
fn an_unknown_availability_code_lists_the_accepted_codes() {
    let book = complete().set("Disponibilites", 2, "08/07/2025", "peut-être");
    let (path, errors) = errors_of(book, "availability-code");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "disponibilité attendue");
    assert_at(
        error,
        &path,
        "Disponibilites",
        2,
        "08/07/2025",
        Some("peut-être"),
    );
    assert!(
        error
            .message
            .contains("J (journée), M (matin), AM (après-midi), S (soir)")
    );
}

#[test]
fn an_unknown_animateur_in_the_availability_is_an_error() {
    let book = complete().push("Disponibilites", row!["Z9", "Inconnu", "J"]);
    let (path, errors) = errors_of(book, "availability-id");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "animateur inconnu");
    assert_at(error, &path, "Disponibilites", 6, "Id", Some("Z9"));
}

#[test]
fn an_animateur_without_availability_is_an_error_on_its_row() {
    let mut grid = disponibilites();
    grid.pop();
    let book = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", grid);
    let (path, errors) = errors_of(book, "no-availability");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "aucune disponibilité");
    assert_at(error, &path, "Animateurs", 5, "Id", Some("A4"));
}

#[test]
fn accueils_possibles_must_name_known_acm_or_sectors() {
    let book = complete().set(
        "Animateurs",
        2,
        "Accueils possibles",
        "PERI-GENNES, Nulle part",
    );
    let (path, errors) = errors_of(book, "possibles");
    let error = error_with(&errors, "accueil ou secteur inconnu");
    assert_at(
        error,
        &path,
        "Animateurs",
        2,
        "Accueils possibles",
        Some("PERI-GENNES, Nulle part"),
    );
    assert!(error.message.contains("« Nulle part »"), "{error}");
}

#[test]
fn regles_recrutement_and_calendrier_rows_are_checked() {
    let book = complete()
        .push("Regles", row!["Taux magique", "3"])
        .set("Recrutement", 2, "Coût journalier", "beaucoup")
        .set("Calendrier", 2, "Type", "férié chômé");
    let (path, errors) = errors_of(book, "optional-sheets");
    assert_eq!(errors.len(), 3, "{errors:?}");
    let regle = error_with(&errors, "paramètre « Taux magique » inconnu");
    assert_at(regle, &path, "Regles", 3, "Valeur", Some("3"));
    let cout = error_with(&errors, "montant en euros");
    assert_at(
        cout,
        &path,
        "Recrutement",
        2,
        "Coût journalier",
        Some("beaucoup"),
    );
    let jour = error_with(&errors, "type de jour inconnu");
    assert_at(jour, &path, "Calendrier", 2, "Type", Some("férié chômé"));
}

#[test]
fn a_sheet_in_two_files_is_an_error() {
    let dir = temp_folder("two-files");
    let first = complete().save(&dir, "a.xlsx");
    let second = Book::new().sheet("Rules", regles()).save(&dir, "b.xlsx");
    let errors = read_errors(
        &[first.clone(), second.clone()],
        Required::ForecastsAndStaff,
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.file, second.display().to_string());
    assert_eq!(error.sheet.as_deref(), Some("Rules"));
    assert!(
        error.message.contains(&first.display().to_string()),
        "{error}"
    );
}

#[test]
fn an_unreadable_file_is_an_error() {
    let dir = temp_folder("unreadable");
    let path = dir.join("pas-un-classeur.xlsx");
    std::fs::write(&path, "ceci n'est pas un classeur").expect("file written");
    let errors = read_errors(std::slice::from_ref(&path), Required::Forecasts);
    // The sheets it should hold are not reported missing on top of it.
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "n'est pas un classeur .xlsx lisible");
    assert_eq!(error.file, path.display().to_string());
    assert!(!error.message.contains("Zip"), "{error}");
}

#[test]
fn every_error_of_a_file_is_reported_in_sheet_and_row_order() {
    let book = complete()
        .set("Animateurs", 3, "Qualification", "BAFX")
        .set("Previsions", 4, "Créneau", "")
        .set("Accueils", 4, "Capacité", "beaucoup")
        .set("Previsions", 2, "Accueil", "NULLE-PART")
        .set("Disponibilites", 3, "08/07/2025", "?");
    let (path, errors) = errors_of(book, "several");
    let places: Vec<(String, u32, String)> = errors
        .iter()
        .map(|e| {
            assert_eq!(e.file, path.display().to_string());
            (
                e.sheet.clone().unwrap_or_default(),
                e.row.unwrap_or_default(),
                e.column.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("Accueils", 4, "Capacité"),
        ("Previsions", 2, "Accueil"),
        ("Previsions", 4, "Créneau"),
        ("Animateurs", 3, "Qualification"),
        ("Disponibilites", 3, "08/07/2025"),
    ];
    let expected: Vec<(String, u32, String)> = expected
        .iter()
        .map(|(s, r, c)| (s.to_string(), *r, c.to_string()))
        .collect();
    assert_eq!(places, expected);
    let rendered = Error::Input(errors).to_string();
    assert!(
        rendered.starts_with("5 erreurs dans les fichiers d'entrée"),
        "{rendered}"
    );
}
