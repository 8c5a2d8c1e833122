//! `acm-planner template`: the binary writes a blank input workbook, read back with calamine.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use acm_planner::input::{Required, read_inputs};
use acm_planner::schema;
use calamine::{Data, Reader, Xlsx, open_workbook, open_workbook_auto};
use support::TempDir;

fn template(output: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .arg("template")
        .arg("-o")
        .arg(output)
        .args(extra)
        .output()
        .expect("run acm-planner")
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

const EXPECTED: [(&str, &[&str]); 7] = [
    (
        "Accueils",
        &[
            "Code",
            "Nom",
            "Commune",
            "Type",
            "PEDT",
            "Capacite",
            "Jours d'ouverture par an",
            "Secteur",
            "Tous 14 ans et plus",
            "Derogation direction",
            "Rattache a",
        ],
    ),
    (
        "Previsions",
        &[
            "Accueil",
            "Date",
            "Du",
            "Au",
            "Jours",
            "Creneau",
            "Debut",
            "Fin",
            "Moins de 6 ans",
            "6 ans et plus",
            "Accompagnement renforce",
        ],
    ),
    (
        "Animateurs",
        &[
            "Id",
            "Nom",
            "Prenom",
            "Qualification",
            "Contrat",
            "Jours CEE 12 derniers mois",
            "Cout journalier",
            "Date de naissance",
            "Secteur",
            "Accueils possibles",
            "Max jours",
            "Autres diplomes",
            "Autorisation de diriger",
            "Telephone",
            "E-mail",
        ],
    ),
    ("Disponibilites", &["Id"]),
    ("Regles", &["Parametre", "Valeur"]),
    (
        "Recrutement",
        &[
            "Qualification",
            "Secteur",
            "Cout journalier",
            "Cout fixe d'embauche",
            "Nombre maximum",
        ],
    ),
    ("Calendrier", &["Date", "Type"]),
];

#[test]
fn template_has_every_sheet_with_its_french_headers_and_no_data() {
    let dir = TempDir::new("template", "headers");
    let path = dir.join("modele.xlsx");
    let output = template(&path, &[]);
    assert!(output.status.success(), "{output:?}");
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("modele.xlsx"), "{summary}");
    assert!(summary.contains("Modèle de classeur"), "{summary}");

    let mut workbook = open_workbook_auto(&path).expect("open template");
    let mut names = vec!["Aide"];
    names.extend(EXPECTED.iter().map(|(name, _)| *name));
    assert_eq!(workbook.sheet_names(), names);
    for (sheet, headers) in EXPECTED {
        let range = workbook.worksheet_range(sheet).expect(sheet);
        assert_eq!(range.height(), 1, "{sheet}: header row only");
        let found: Vec<String> = range
            .rows()
            .next()
            .expect("header")
            .iter()
            .map(cell_text)
            .collect();
        assert_eq!(found, headers, "{sheet}");
    }
}

/// The template is the schema written out: its sheets in order, each with the schema's headers,
/// and each column's help and example in `Aide`.
#[test]
fn template_follows_the_schema() {
    let dir = TempDir::new("template", "schema");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    let mut workbook = open_workbook_auto(&path).expect("open template");
    let names: Vec<&str> = schema::INPUT_SHEETS.iter().map(|s| s.name).collect();
    assert_eq!(workbook.sheet_names()[1..], names);
    let aide = workbook.worksheet_range("Aide").expect("Aide");
    let texts: Vec<String> = aide.cells().map(|(_, _, c)| cell_text(c)).collect();
    for sheet in schema::INPUT_SHEETS {
        let range = workbook.worksheet_range(sheet.name).expect(sheet.name);
        let found: Vec<String> = range
            .rows()
            .next()
            .expect("header")
            .iter()
            .map(cell_text)
            .collect();
        assert_eq!(found, sheet.headers(), "{}", sheet.name);
        for column in sheet.columns {
            assert!(texts.iter().any(|t| t == column.help), "{}", column.name);
        }
    }
}

#[test]
fn headers_are_bold_and_date_columns_formatted() {
    let dir = TempDir::new("template", "styles");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("open template");
    for (sheet, headers) in EXPECTED {
        let styles = workbook.worksheet_style(sheet).expect(sheet);
        for (col, header) in headers.iter().enumerate() {
            let style = styles.get((0, col as u32)).expect("styled header");
            let bold = style.font.as_ref().is_some_and(|font| font.is_bold());
            assert!(bold, "{sheet}: header {header} is bold");
        }
    }
    let properties = workbook.workbook_properties().expect("properties");
    assert_eq!(properties.created.as_deref(), Some("2026-01-01T00:00:00Z"));
    assert_eq!(properties.creator.as_deref(), Some("acm-planner"));
}

#[test]
fn aide_explains_every_column_code_parameter_and_list() {
    let dir = TempDir::new("template", "aide");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    let mut workbook = open_workbook_auto(&path).expect("open template");
    let aide = workbook.worksheet_range("Aide").expect("Aide");
    let texts: Vec<String> = aide.cells().map(|(_, _, c)| cell_text(c)).collect();
    let has = |text: &str| texts.iter().any(|t| t == text);
    for (sheet, headers) in EXPECTED {
        assert!(has(&format!("Feuille {sheet}")), "section for {sheet}");
        for header in headers {
            assert!(has(header), "Aide explains {sheet}.{header}");
        }
    }
    for code in ["J", "M", "AM", "S"] {
        assert!(has(code), "availability code {code}");
    }
    for (name, _) in acm_planner::rules::parameters::PARAMETER_NAMES {
        assert!(has(name), "parameter {name}");
    }
    // The drop-down list of qualifications points at these cells: every canonical label.
    for (label, _, _) in acm_planner::rules::qualifications::CANONICAL {
        assert!(has(label), "qualification {label}");
    }
    for value in [
        "accueil de loisirs",
        "sejour",
        "mini-camp",
        "CEE",
        "titulaire",
        "sans ecole",
    ] {
        assert!(has(value), "accepted value {value}");
    }
    assert!(has("70,00\u{202f}€") || texts.iter().any(|t| t.starts_with("70,00")));
}

#[test]
fn template_reads_back_as_an_empty_valid_input() {
    let dir = TempDir::new("template", "read");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    let inputs = read_inputs(&[path], Required::Forecasts).expect("template is a valid input");
    assert!(inputs.accueils.is_empty());
    assert!(inputs.previsions.is_empty());
    assert!(inputs.animateurs.is_empty());
}

#[test]
fn template_never_overwrites_without_force() {
    let dir = TempDir::new("template", "force");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    std::fs::write(&path, b"mon classeur rempli").expect("simulate a filled workbook");

    let second = template(&path, &[]);
    assert_eq!(second.status.code(), Some(1));
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(message.contains("existe déjà"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(
        std::fs::read(&path).expect("still there"),
        b"mon classeur rempli"
    );

    let forced = template(&path, &["--force"]);
    assert!(forced.status.success(), "{forced:?}");
    let mut workbook = open_workbook_auto(&path).expect("replaced by a template");
    assert!(workbook.worksheet_range("Accueils").is_ok());
    // No temporary file is left beside the output.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn template_is_deterministic() {
    let dir = TempDir::new("template", "determinism");
    let (first, second) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    assert!(template(&first, &[]).status.success());
    assert!(template(&second, &[]).status.success());
    assert_eq!(
        std::fs::read(&first).expect("a"),
        std::fs::read(&second).expect("b")
    );
}

#[test]
fn template_is_always_an_xlsx_file() {
    let dir = TempDir::new("template", "extension");
    let path = dir.join("modele.ods");
    let output = template(&path, &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains(".xlsx"), "{message}");
    assert!(!path.exists());
}

/// What calamine cannot see: the drop-down lists and the frozen header row, read from the XML.
#[test]
fn data_sheets_have_drop_down_lists_and_a_frozen_header() {
    let dir = TempDir::new("template", "validations");
    let path = dir.join("modele.xlsx");
    assert!(template(&path, &[]).status.success());
    let bytes = std::fs::read(&path).expect("template");
    let names = open_workbook_auto(&path).expect("open").sheet_names();
    let xml = |sheet: &str| {
        let index = names.iter().position(|n| n == sheet).expect(sheet) + 1;
        support::xlsx_xml::part(&bytes, &format!("xl/worksheets/sheet{index}.xml")).expect(sheet)
    };
    let expected: [(&str, &[&str]); 7] = [
        (
            "Accueils",
            &[
                r#"sqref="D2:D1001""#,
                "\"accueil de loisirs,extrascolaire,periscolaire,sejour,mini-camp,accueil \
                 de jeunes\"",
                "\"oui,non\"",
            ],
        ),
        (
            "Previsions",
            &[
                "\"journee,matin,midi,apres-midi,soir\"",
                "Accueils!$A$2:$A$1001",
                r#"type="date""#,
                r#"type="time""#,
            ],
        ),
        ("Animateurs", &["Aide!$A$", "\"CEE,CDD,CDI,titulaire\""]),
        (
            "Disponibilites",
            &["\"J,M,AM,S\"", "Animateurs!$A$2:$A$1001"],
        ),
        ("Regles", &["Aide!$A$"]),
        ("Recrutement", &["Aide!$A$"]),
        ("Calendrier", &["\"ecole,vacances,sans ecole\""]),
    ];
    for (sheet, fragments) in expected {
        let xml = xml(sheet);
        assert!(
            xml.contains("<dataValidations"),
            "{sheet}: data validations"
        );
        assert!(xml.contains(r#"state="frozen""#), "{sheet}: frozen header");
        for fragment in fragments {
            assert!(xml.contains(fragment), "{sheet}: {fragment}");
        }
    }
}
