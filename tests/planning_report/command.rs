//! The `plan` command end to end on a small input workbook.

use std::path::Path;

use calamine::{Reader, open_workbook_auto};

use super::{day, temp_dir};

/// A small input workbook as a director would type it (design.md §3).
fn input_workbook(path: &Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let mut workbook = Workbook::new();
    let rows = |sheet: &mut rust_xlsxwriter::Worksheet, rows: &[&[&str]]| {
        for (r, row) in (0u32..).zip(rows) {
            for (c, value) in (0u16..).zip(row.iter()) {
                sheet.write_string(r, c, *value).expect("cell");
            }
        }
    };
    let accueils = workbook.add_worksheet().set_name("Accueils").expect("name");
    rows(
        accueils,
        &[
            &["Code", "Nom", "Commune", "Type", "Capacite", "Secteur"],
            &[
                "ALSH-X",
                "Les Loupiots",
                "Doué",
                "accueil de loisirs",
                "40",
                "Doué",
            ],
        ],
    );
    let previsions = workbook
        .add_worksheet()
        .set_name("Previsions")
        .expect("name");
    rows(
        previsions,
        &[&[
            "Accueil",
            "Date",
            "Creneau",
            "Moins de 6 ans",
            "6 ans et plus",
        ]],
    );
    for (r, d) in (1u32..).zip([6, 7]) {
        previsions.write_string(r, 0, "ALSH-X").expect("cell");
        previsions
            .write_date_with_format(r, 1, day(d), &date_format)
            .expect("cell");
        previsions.write_string(r, 2, "journee").expect("cell");
        previsions.write_number(r, 3, 10).expect("cell");
        previsions.write_number(r, 4, 12).expect("cell");
    }
    let animateurs = workbook
        .add_worksheet()
        .set_name("Animateurs")
        .expect("name");
    rows(
        animateurs,
        &[
            &["Id", "Nom", "Prenom", "Qualification", "Contrat"],
            &["A1", "Dupont", "Marie", "BAFD", "CEE"],
            &["A2", "Martin", "Paul", "BAFA", "CEE"],
            &["A3", "Durand", "Léa", "BAFA", "CDD"],
        ],
    );
    let disponibilites = workbook
        .add_worksheet()
        .set_name("Disponibilites")
        .expect("name");
    disponibilites.write_string(0, 0, "Id").expect("cell");
    for (c, d) in (1u16..).zip([6, 7]) {
        disponibilites
            .write_date_with_format(0, c, day(d), &date_format)
            .expect("cell");
    }
    for (r, id) in (1u32..).zip(["A1", "A2", "A3"]) {
        disponibilites.write_string(r, 0, id).expect("cell");
        disponibilites.write_string(r, 1, "J").expect("cell");
        disponibilites.write_string(r, 2, "J").expect("cell");
    }
    workbook.save(path).expect("input workbook");
}

#[test]
fn plan_command_writes_the_workbook_and_never_overwrites_it() {
    use acm_planner::commands::{self, Failure, Settings, SolverSettings};
    let dir = temp_dir("command");
    let input = dir.join("entree.xlsx");
    input_workbook(&input);
    let output = dir.join("planning.xlsx");
    let settings =
        Settings::new(vec![input.clone()], output.clone(), false).with_solver(SolverSettings {
            time_limit_seconds: 30.0,
            ..SolverSettings::default()
        });
    let outcome = commands::plan(&settings)
        .map_err(|e| match e {
            Failure::Usage(message) => message,
            Failure::Run(error) => error.to_string(),
        })
        .expect("plan runs");
    assert_eq!(outcome.exit_code, 0);
    assert!(
        outcome.summary.contains("Fichier écrit"),
        "{}",
        outcome.summary
    );
    assert!(
        outcome.summary.contains(&output.display().to_string()),
        "{}",
        outcome.summary
    );
    let workbook = open_workbook_auto(&output).expect("planning opens");
    assert_eq!(workbook.sheet_names().len(), 11);
    assert_eq!(workbook.sheet_names()[8], "Affectations");

    // A second run without --force refuses to replace the file.
    assert!(matches!(
        commands::plan(&settings),
        Err(Failure::Run(acm_planner::Error::Output { .. }))
    ));
    // And the output may never be an input.
    let onto_input = Settings::new(vec![input.clone()], input.clone(), true);
    assert!(matches!(
        commands::plan(&onto_input),
        Err(Failure::Run(acm_planner::Error::Output { .. }))
    ));
}
