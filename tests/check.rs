//! `acm-planner check` end to end: input and schedule workbooks written with rust_xlsxwriter
//! into a temporary folder, the binary run on them, `conformite.xlsx` read back with calamine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

#[path = "support/xlsx_xml.rs"]
#[allow(dead_code)]
mod xlsx_xml;

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acm-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

fn write_rows(sheet: &mut Worksheet, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            match value.parse::<f64>() {
                Ok(number) if r > 0 && !value.is_empty() => sheet.write_number(r, c, number),
                _ => sheet.write_string(r, c, *value),
            }
            .expect("cell written");
        }
    }
}

/// The input workbook (design.md §3): one accueil de loisirs of 40 places in the summer
/// holidays, 8 under-6s and 12 over-6s on 6 and 7 July 2026 (N = 2 by age band), a BAFD
/// director (counted, ≤ 50 minors) and a BAFA animateur, both available every day.
fn write_inputs(path: &Path) {
    let mut workbook = Workbook::new();
    let accueils = workbook.add_worksheet().set_name("Accueils").expect("name");
    write_rows(
        accueils,
        &[
            &["Code", "Nom", "Commune", "Type", "Capacite", "Secteur"],
            &[
                "ALSH-DOUE",
                "Les Loupiots",
                "Doué-en-Anjou",
                "accueil de loisirs",
                "40",
                "Saumur Sud",
            ],
        ],
    );
    let previsions = workbook
        .add_worksheet()
        .set_name("Previsions")
        .expect("name");
    write_rows(
        previsions,
        &[&[
            "Accueil",
            "Date",
            "Creneau",
            "Moins de 6 ans",
            "6 ans et plus",
        ]],
    );
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (row, day) in [(1, 6), (2, 7)] {
        previsions.write_string(row, 0, "ALSH-DOUE").expect("cell");
        previsions
            .write_date_with_format(row, 1, date(day), &date_format)
            .expect("cell");
        previsions.write_string(row, 2, "journee").expect("cell");
        previsions.write_number(row, 3, 8).expect("cell");
        previsions.write_number(row, 4, 12).expect("cell");
    }
    let animateurs = workbook
        .add_worksheet()
        .set_name("Animateurs")
        .expect("name");
    write_rows(
        animateurs,
        &[
            &["Id", "Nom", "Prenom", "Qualification", "Contrat", "Secteur"],
            &["DIR1", "Martin", "Julie", "BAFD", "CDI", "Saumur Sud"],
            &["ANIM1", "Durand", "Léo", "BAFA", "CEE", "Saumur Sud"],
        ],
    );
    let disponibilites = workbook
        .add_worksheet()
        .set_name("Disponibilites")
        .expect("name");
    disponibilites.write_string(0, 0, "Id").expect("cell");
    for (column, day) in [(1, 6), (2, 7)] {
        disponibilites
            .write_date_with_format(0, column, date(day), &date_format)
            .expect("cell");
    }
    for (row, id) in [(1, "DIR1"), (2, "ANIM1")] {
        disponibilites.write_string(row, 0, id).expect("cell");
        disponibilites.write_string(row, 1, "J").expect("cell");
        disponibilites.write_string(row, 2, "J").expect("cell");
    }
    workbook.save(path).expect("inputs saved");
}

/// A hand-typed `Affectations` sheet: French dates as text, accents in headers, extra columns.
fn write_schedule(path: &Path, rows: &[[&str; 5]]) {
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet()
        .set_name("Affectations")
        .expect("name");
    let header: &[&str] = &[
        "Animateur",
        "Nom",
        "Accueil",
        "Date",
        "Créneau",
        "Rôle",
        "Commentaire",
    ];
    let mut table: Vec<Vec<&str>> = vec![header.to_vec()];
    for &[id, accueil, day, creneau, role] in rows {
        table.push(vec![id, "", accueil, day, creneau, role, "saisi à la main"]);
    }
    let table: Vec<&[&str]> = table.iter().map(Vec::as_slice).collect();
    write_rows(sheet, &table);
    workbook.save(path).expect("schedule saved");
}

fn run_check(dir: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .current_dir(dir)
        .args(["check", "entrees.xlsx", "--schedule", "planning.xlsx"])
        .args(extra)
        .output()
        .expect("binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The rows of a sheet of `conformite.xlsx`, as text (dates as `dd/mm/yyyy`).
fn sheet_text(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("conformite.xlsx readable");
    let range = workbook.worksheet_range(name).expect("sheet present");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(value) => value
                        .as_datetime()
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    Data::Float(value) if value.fract() == 0.0 => format!("{value:.0}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

const LEGAL: [[&str; 5]; 4] = [
    ["DIR1", "ALSH-DOUE", "06/07/2026", "journée", "direction"],
    ["ANIM1", "ALSH-DOUE", "06/07/2026", "Journée", "animation"],
    ["DIR1", "ALSH-DOUE", "07/07/2026", "journee", "Direction"],
    ["ANIM1", "ALSH-DOUE", "07/07/2026", "journee", "animation"],
];

#[test]
fn a_legal_hand_typed_schedule_exits_0() {
    let dir = temp_dir("legal");
    write_inputs(&dir.join("entrees.xlsx"));
    write_schedule(&dir.join("planning.xlsx"), &LEGAL);
    let output = run_check(&dir, &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).starts_with("Planning conforme : aucune infraction."),
        "{}",
        stdout(&output)
    );
    let conformite = dir.join("conformite.xlsx");
    let synthese = sheet_text(&conformite, "Synthese");
    assert_eq!(synthese[2][1], "Planning conforme : aucune infraction.");
    let infractions = sheet_text(&conformite, "Infractions");
    assert_eq!(infractions[0][0], "Gravité");
    assert!(
        infractions[1][0].starts_with("Aucune infraction"),
        "{:?}",
        infractions[1]
    );
}

#[test]
fn violations_exit_3_with_place_numbers_article_and_row() {
    let dir = temp_dir("violations");
    write_inputs(&dir.join("entrees.xlsx"));
    // 7 July: the director is missing; row 4 names somebody unknown.
    write_schedule(
        &dir.join("planning.xlsx"),
        &[
            LEGAL[0],
            LEGAL[1],
            ["ZOE9", "ALSH-DOUE", "07/07/2026", "journee", "animation"],
            LEGAL[3],
        ],
    );
    let output = run_check(&dir, &["-o", "audit.xlsx"]);
    assert_eq!(
        output.status.code(),
        Some(3),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let summary = stdout(&output);
    assert!(
        summary.starts_with("Planning non conforme : 3 infractions."),
        "{summary}"
    );
    let rows = sheet_text(&dir.join("audit.xlsx"), "Infractions");
    let found: Vec<Vec<&str>> = rows[1..]
        .iter()
        .map(|row| {
            // Gravité, Règle, Article, Accueil, Date, Créneau, Animateur, Requis, Constaté, …,
            // Ligne du planning.
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 11]
                .iter()
                .map(|i| row.get(*i).map_or("", String::as_str))
                .collect()
        })
        .collect();
    assert_eq!(
        found,
        vec![
            vec![
                "infraction",
                "référence inconnue",
                "planning",
                "ALSH-DOUE",
                "07/07/2026",
                "journee",
                "ZOE9",
                "",
                "",
                "4"
            ],
            vec![
                "infraction",
                "pas de direction",
                "CASF R227-14",
                "ALSH-DOUE",
                "07/07/2026",
                "",
                "",
                "1",
                "0",
                ""
            ],
            vec![
                "infraction",
                "effectif insuffisant",
                "CASF R227-15",
                "ALSH-DOUE",
                "07/07/2026",
                "journee",
                "",
                "2",
                "1",
                ""
            ],
        ]
    );
}

#[test]
fn an_animateurs_grid_is_accepted_as_a_schedule() {
    let dir = temp_dir("grid");
    write_inputs(&dir.join("entrees.xlsx"));
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet()
        .set_name("Animateurs")
        .expect("name");
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(0, 0, "Id").expect("cell");
    for (column, day) in [(1, 6), (2, 7)] {
        sheet
            .write_date_with_format(0, column, date(day), &date_format)
            .expect("cell");
    }
    write_rows(
        sheet,
        &[
            &[],
            &["DIR1", "ALSH-DOUE (D)", "ALSH-DOUE (D)"],
            &["ANIM1", "ALSH-DOUE", "ALSH-DOUE"],
        ],
    );
    workbook.save(dir.join("planning.xlsx")).expect("saved");
    let output = run_check(&dir, &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn the_schedule_is_never_overwritten() {
    let dir = temp_dir("overwrite");
    write_inputs(&dir.join("entrees.xlsx"));
    write_schedule(&dir.join("planning.xlsx"), &LEGAL);
    let before = std::fs::read(dir.join("planning.xlsx")).expect("schedule");
    let output = run_check(&dir, &["-o", "planning.xlsx", "--force"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("planning à vérifier"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(dir.join("planning.xlsx")).expect("schedule"),
        before
    );
}

#[test]
fn a_missing_schedule_or_an_existing_output_is_an_error() {
    let dir = temp_dir("errors");
    write_inputs(&dir.join("entrees.xlsx"));
    let output = run_check(&dir, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("planning.xlsx : fichier introuvable"),
        "{}",
        stderr(&output)
    );
    write_schedule(&dir.join("planning.xlsx"), &LEGAL);
    std::fs::write(dir.join("conformite.xlsx"), b"ancien").expect("old output");
    let output = run_check(&dir, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
}

/// A name longer than Excel's cell limit (possible from an `.ods` input, or once joined with a
/// first name or a commune) is cut in `conformite.xlsx`, as in the other workbooks, not refused.
#[test]
fn a_name_longer_than_a_cell_is_cut_not_refused() {
    use acm_planner::audit::{AuditReport, RuleKind, Violation};
    use acm_planner::domain::{Accueil, AcmType, Animateur, Contrat, Inputs, SourceRef};
    use acm_planner::problem::Problem;
    use acm_planner::report::conformite::{CheckedFiles, write_conformite};
    use acm_planner::rules::{Parameters, qualifications};

    let long = "N".repeat(40_000);
    let inputs = Inputs {
        accueils: vec![Accueil {
            code: "ALSH-DOUE".into(),
            nom: long.clone(),
            commune: "Doué-en-Anjou".into(),
            kind: AcmType::AccueilLoisirs,
            pedt: false,
            capacite: 40,
            jours_ouverture: None,
            secteur: None,
            tous_14_ans_et_plus: false,
            derogation_direction: false,
            rattache_a: None,
            source: SourceRef::default(),
        }],
        animateurs: vec![Animateur {
            id: "ANIM1".into(),
            nom: long,
            prenom: "Léo".into(),
            qualification: qualifications::canonical("BAFA").expect("known qualification"),
            contrat: Contrat::Cee,
            jours_cee_anterieurs: 0,
            cout_journalier: None,
            date_naissance: None,
            secteur: None,
            accueils_possibles: Vec::new(),
            max_jours: None,
            telephone: None,
            email: None,
            certificats: Vec::new(),
            source: SourceRef::default(),
        }],
        ..Inputs::default()
    };
    let problem = Problem::new(inputs, Parameters::default()).expect("a problem");
    let report = AuditReport {
        violations: vec![
            Violation::new(RuleKind::EffectifInsuffisant, "1 animateur pour 2 requis")
                .accueil("ALSH-DOUE")
                .date(date(6))
                .animateur("ANIM1"),
        ],
        affectations: 1,
        open_slots: 1,
        people: 1,
    };
    let dir = temp_dir("long-name");
    let output = dir.join("conformite.xlsx");
    let files = CheckedFiles {
        schedule: "planning.xlsx",
        inputs: &[],
        mixed_ages: "par-tranche",
    };
    write_conformite(&report, &problem, files, &output).expect("conformite.xlsx written");
    let infractions = sheet_text(&output, "Infractions");
    assert!(infractions[1][6].starts_with("Léo NNN"), "the person, cut");
    assert_eq!(infractions[1][6].chars().count(), 32_767);
    let synthese = sheet_text(&output, "Synthese");
    let by_accueil = synthese
        .iter()
        .find(|row| row.first().map(String::as_str) == Some("ALSH-DOUE"))
        .expect("the accueil's row");
    assert_eq!(by_accueil[1].chars().count(), 32_767);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A planning workbook as `plan` writes it: the `Affectations` list (`list` rows: Id, Nom,
/// day, role) and the `Animateurs` grid (`grid` rows: Id, Nom, cell of 6 July, cell of 7 July).
fn write_planning_with_grid(path: &Path, list: &[[&str; 4]], grid: &[[&str; 4]]) {
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook
        .add_worksheet()
        .set_name("Animateurs")
        .expect("name");
    sheet.write_string(0, 0, "Id").expect("cell");
    sheet.write_string(0, 1, "Nom").expect("cell");
    for (column, day) in [(2, 6), (3, 7)] {
        sheet
            .write_date_with_format(0, column, date(day), &date_format)
            .expect("cell");
    }
    sheet.write_string(0, 4, "Jours travaillés").expect("cell");
    let mut rows: Vec<&[&str]> = vec![&[]];
    rows.extend(grid.iter().map(|row| row.as_slice()));
    write_rows(sheet, &rows);
    let sheet = workbook
        .add_worksheet()
        .set_name("Affectations")
        .expect("name");
    let mut rows: Vec<Vec<&str>> = vec![vec![
        "Animateur",
        "Nom",
        "Accueil",
        "Date",
        "Creneau",
        "Role",
    ]];
    for &[id, nom, day, role] in list {
        rows.push(vec![id, nom, "ALSH-DOUE", day, "journee", role]);
    }
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    write_rows(sheet, &rows);
    workbook.save(path).expect("planning saved");
}

/// The published plan: the director and ANIM1 both days, a recruit R1 on the 6th.
const PUBLISHED: [[&str; 4]; 5] = [
    ["DIR1", "Martin", "06/07/2026", "direction"],
    ["DIR1", "Martin", "07/07/2026", "direction"],
    ["ANIM1", "Durand", "06/07/2026", "animation"],
    ["ANIM1", "Durand", "07/07/2026", "animation"],
    ["R1", "À recruter", "06/07/2026", "animation"],
];

#[test]
fn an_edited_grid_that_disagrees_with_affectations_is_reported() {
    let dir = temp_dir("grid-edited");
    write_inputs(&dir.join("entrees.xlsx"));
    // The director took ANIM1 off the 7th in the grid only, and made him director on the 6th.
    write_planning_with_grid(
        &dir.join("planning.xlsx"),
        &PUBLISHED,
        &[
            ["DIR1", "Martin", "ALSH-DOUE (D)", "ALSH-DOUE (D)"],
            ["ANIM1", "Durand", "ALSH-DOUE (D)", ""],
            ["R1", "À recruter", "ALSH-DOUE", ""],
        ],
    );
    let output = run_check(&dir, &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "acm-planner : planning.xlsx : la feuille « Affectations » et la grille « Animateurs » \
         ne donnent pas le même planning (2 différences) :\n  \
         - ANIM1 (Durand Léo), le 06/07/2026 : grille « ALSH-DOUE (D) », Affectations « ALSH-DOUE »\n  \
         - ANIM1 (Durand Léo), le 07/07/2026 : grille « vide », Affectations « ALSH-DOUE »\n\
         Choisissez la feuille à vérifier : --feuille grille (la grille modifiée) ou \
         --feuille affectations (la liste).\n"
    );
    assert!(!dir.join("conformite.xlsx").exists());

    // The grid, as edited: one adult on the 7th for 20 children is an infraction.
    let output = run_check(&dir, &["--feuille", "grille"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let rows = sheet_text(&dir.join("conformite.xlsx"), "Infractions");
    assert!(
        rows.iter()
            .any(|r| r.contains(&"effectif insuffisant".to_string())
                && r.contains(&"07/07/2026".to_string())),
        "{rows:?}"
    );
    // The list, through the English alias: two adults both days, R1 an unknown person.
    let output = run_check(&dir, &["--sheet", "affectations", "-o", "liste.xlsx"]);
    let rows = sheet_text(&dir.join("liste.xlsx"), "Infractions");
    assert!(
        !rows
            .iter()
            .any(|r| r.contains(&"effectif insuffisant".to_string())),
        "{}{rows:?}",
        stderr(&output)
    );
}

#[test]
fn a_grid_that_agrees_with_affectations_is_read_without_a_word() {
    let dir = temp_dir("grid-agrees");
    write_inputs(&dir.join("entrees.xlsx"));
    let published = &PUBLISHED[..4];
    write_planning_with_grid(
        &dir.join("planning.xlsx"),
        published,
        &[
            ["DIR1", "Martin", "ALSH-DOUE (D)", "alsh-doue (D)"],
            ["ANIM1", "Durand", "ALSH-DOUE", "ALSH-DOUE"],
            ["Total", "présents par jour", "2", "2"],
        ],
    );
    let output = run_check(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    // A sheet the workbook lacks is named.
    write_schedule(&dir.join("planning.xlsx"), &LEGAL);
    let output = run_check(&dir, &["--feuille", "grille", "--force"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("pas de grille « Animateurs » dans ce planning (--feuille grille)"),
        "{}",
        stderr(&output)
    );
    let output = run_check(&dir, &["--feuille", "tableau", "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("« tableau » : valeurs acceptées affectations, grille"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_plan_output_is_checked_without_a_disagreement() {
    let dir = temp_dir("plan-output");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/petit-accueil.xlsx");
    let planning = dir.join("p.xlsx");
    let plan = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .args([
            "plan".as_ref(),
            fixture.as_os_str(),
            "-o".as_ref(),
            planning.as_os_str(),
        ])
        .output()
        .expect("plan runs");
    assert_eq!(plan.status.code(), Some(0), "{}", stderr(&plan));
    let check = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .args([
            "check".as_ref(),
            fixture.as_os_str(),
            "--schedule".as_ref(),
            planning.as_os_str(),
            "-o".as_ref(),
            dir.join("c.xlsx").as_os_str(),
        ])
        .output()
        .expect("check runs");
    // The grid and the list written by `plan` agree: the audit runs (0, or 3 on a shortage).
    assert!(
        matches!(check.status.code(), Some(0 | 3)),
        "{}",
        stderr(&check)
    );
    assert!(dir.join("c.xlsx").exists());
}

#[test]
fn conformite_prints_on_a4_landscape_one_page_wide() {
    let dir = temp_dir("print");
    write_inputs(&dir.join("entrees.xlsx"));
    // One animateur short on the 7th: `Infractions` has rows.
    write_schedule(&dir.join("planning.xlsx"), &LEGAL[..3]);
    let output = run_check(&dir, &[]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let bytes = std::fs::read(dir.join("conformite.xlsx")).expect("conformite.xlsx");
    xlsx_xml::assert_print_setup(
        &bytes,
        &[
            ("Synthese", "Synthese!$1:$1"),
            ("Infractions", "Infractions!$1:$1"),
        ],
    );
}
