//! `besoins.xlsx` read back with calamine.

use acm_planner::report::needs::{self, NeedsReport, RunOptions};
use acm_planner::rules::Parameters;
use calamine::DataType;
use chrono::NaiveDate;

use super::read::{acm_column, all_rows, column, header_index, number, sheet, values, week_value};
use super::support::xlsx_xml;
use super::{DOUE, VARRAINS, july, problem, temp_dir, territory};

#[test]
fn workbook_reads_back() {
    let dir = temp_dir("workbook");
    let output = dir.join("besoins.xlsx");
    let mut inputs = territory();
    // User text that looks like a formula stays text.
    inputs.accueils[1].nom = "=SOMME(A1:A3)".into();
    let problem = problem(inputs, Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    needs::write_workbook(&report, &output).expect("workbook written");

    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        required.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        (6..=10).map(july).collect::<Vec<_>>()
    );
    assert_eq!(
        values(&required),
        [Some(4); 4]
            .into_iter()
            .chain([Some(2)])
            .collect::<Vec<_>>()
    );
    let strict = acm_column(&output, VARRAINS, "Requis (strict)");
    assert_eq!(values(&strict), [None, Some(5), Some(3), Some(5), Some(3)]);
    let global = acm_column(&output, VARRAINS, "Requis (global)");
    assert_eq!(values(&global), [None, None, Some(3), None, None]);
    let qualified = acm_column(&output, VARRAINS, needs::COL_MIN_QUALIFIED);
    assert_eq!(
        values(&qualified),
        [Some(2), Some(2), Some(2), Some(2), Some(1)]
    );
    let unqualified = acm_column(&output, VARRAINS, needs::COL_MAX_UNQUALIFIED);
    assert_eq!(
        values(&unqualified),
        [Some(1), Some(1), Some(1), Some(1), Some(0)]
    );
    let adults = acm_column(&output, DOUE, "Total adultes");
    assert_eq!(values(&adults), [Some(7), Some(10), Some(0), Some(3)]);

    let range = sheet(&output, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let header = &rows[0];
    let doue = &rows[1];
    assert_eq!(
        doue[column(header, "Nom")].get_string(),
        Some("=SOMME(A1:A3)")
    );
    assert_eq!(doue[column(header, "Jour")].get_string(), Some("lundi"));
    assert_eq!(
        doue[column(header, "Taux appliqué")].get_string(),
        Some("1:8 / 1:12")
    );
    assert_eq!(
        doue[column(header, "Période")].get_string(),
        Some("extrascolaire")
    );
    assert_eq!(
        doue[column(header, "Article")].get_string(),
        Some("CASF R227-15")
    );
    assert_eq!(
        doue[column(header, needs::COL_DIRECTOR_COUNTED)].get_string(),
        Some("non")
    );
    assert_eq!(
        doue[column(header, "Directeur professionnel requis")].get_string(),
        Some("oui")
    );
    let varrains = &rows[5];
    assert_eq!(
        varrains[column(header, needs::COL_DIRECTOR_COUNTED)].get_string(),
        Some("oui")
    );
    assert_eq!(
        varrains[column(header, "Directeur professionnel requis")].get_string(),
        Some("non")
    );
    // N in plain words: the director within N at Varrains, on top of it at Doué.
    assert_eq!(
        varrains[column(header, needs::COL_TEAM)].get_string(),
        Some("4 animateurs requis, dont le directeur")
    );
    assert!(
        doue[column(header, needs::COL_TEAM)]
            .get_string()
            .is_some_and(|team| team.ends_with("animateurs requis, plus le directeur")),
        "{:?}",
        doue[column(header, needs::COL_TEAM)]
    );

    let week = "Semaine du lun. 06/07/2026";
    assert_eq!(
        week_value(&output, week, VARRAINS, needs::COL_ANIMATEUR_DAYS),
        18.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        26.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            "Pointe animateurs (même jour)"
        ),
        12.0
    );
    // What the other policies would ask for that week: 17 + 8 (global), 20 + 9 (strict).
    assert_eq!(
        week_value(&output, week, needs::TERRITORY_LABEL, "Journées (global)"),
        25.0
    );
    assert_eq!(
        week_value(&output, week, needs::TERRITORY_LABEL, "Journées (strict)"),
        29.0
    );
    assert_eq!(
        week_value(&output, week, VARRAINS, "Journées (strict)"),
        20.0
    );
    assert_eq!(
        week_value(
            &output,
            "Semaine du lun. 13/07/2026",
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        2.0
    );

    let range = sheet(&output, needs::SHEET_PAR_JOUR);
    let rows = all_rows(&range);
    let header_row = header_index(&rows, "Date");
    let required_col = column(&rows[header_row], needs::COL_DAY_REQUIRED);
    let per_day: Vec<(NaiveDate, f64)> = rows[header_row + 1..]
        .iter()
        .filter_map(|r| Some((r[0].as_date()?, number(&r[required_col])?)))
        .collect();
    assert_eq!(
        per_day,
        [
            (6, 12.0),
            (7, 4.0),
            (8, 4.0),
            (9, 4.0),
            (10, 2.0),
            (13, 2.0)
        ]
        .map(|(d, n)| (july(d), n))
    );
    let total = rows
        .iter()
        .find(|r| r[0].get_string() == Some(needs::PERIOD_LABEL))
        .expect("total row");
    assert_eq!(number(&total[required_col]), Some(28.0));

    let range = sheet(&output, needs::SHEET_REGLES);
    let rules = all_rows(&range);
    let mixed = rules
        .iter()
        .find(|r| r[0].get_string() == Some("Méthode âges mixtes"))
        .expect("mixed-age row");
    assert!(
        mixed[1]
            .get_string()
            .is_some_and(|v| v.starts_with("par-tranche"))
    );

    // The chart is on the first sheet, `Synthese`, where the workbook opens.
    let bytes = std::fs::read(&output).expect("readable");
    let first = xlsx_xml::part(&bytes, "xl/worksheets/sheet1.xml").expect("first sheet");
    assert!(first.contains("<drawing r:id=\"rId1\"/>"), "{first}");
    assert!(
        first.contains("tabSelected=\"1\""),
        "the first sheet is active"
    );
    let drawing =
        xlsx_xml::part(&bytes, "xl/worksheets/_rels/sheet1.xml.rels").expect("sheet1 links");
    assert!(drawing.contains("../drawings/drawing1.xml"), "{drawing}");
    let chart = xlsx_xml::part(&bytes, "xl/charts/chart1.xml").expect("chart");
    assert!(chart.contains("'Par jour'!$E$6:$E$11"), "{chart}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_workbook_opens_on_its_key_figures_and_prints_on_a4_landscape() {
    let dir = temp_dir("print");
    let output = dir.join("besoins.xlsx");
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    needs::write_workbook(&report, &output).expect("workbook written");
    let bytes = std::fs::read(&output).expect("readable");
    xlsx_xml::assert_print_setup(
        &bytes,
        &[
            (needs::SHEET_SYNTHESE, "Synthese!$4:$4"),
            (needs::SHEET_ACCUEILS, "Accueils!$1:$1"),
            (needs::SHEET_SEMAINES, "Semaines!$5:$5"),
            (needs::SHEET_PAR_JOUR, "'Par jour'!$5:$5"),
            (needs::SHEET_REGLES, "Regles!$1:$1"),
        ],
    );
    // `Accueils` prints its first sixteen columns: the créneau, the children and the team.
    let workbook = xlsx_xml::part(&bytes, "xl/workbook.xml").expect("workbook");
    assert!(
        workbook.contains(
            "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">Accueils!$A$1:$P$10</definedName>"
        ),
        "{workbook}"
    );
    let range = sheet(&output, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    assert_eq!(rows[0][15].get_string(), Some("Total adultes"));

    // The key figures, as the terminal prints them.
    let range = sheet(&output, needs::SHEET_SYNTHESE);
    let rows = all_rows(&range);
    let figure = |label: &str| {
        rows.iter()
            .find(|r| r[0].get_string() == Some(label))
            .and_then(|r| r[1].get_string().map(str::to_string))
            .unwrap_or_else(|| panic!("{label} absent"))
    };
    assert_eq!(
        figure("Jour de pointe"),
        "lundi 6 juillet 2026 — territoire : 12 animateurs requis, dont 1 directeur, et 1 autre \
         directeur en plus"
    );
    assert_eq!(
        figure("Journées-animateur"),
        "28 (au moins 14 qualifiées, au plus 5 sans qualification)"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_needs_give_the_same_bytes() {
    let dir = temp_dir("bytes");
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let (first, second) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    needs::write_workbook(&report, &first).expect("first workbook");
    needs::write_workbook(&report, &second).expect("second workbook");
    let a = std::fs::read(&first).expect("first file");
    let b = std::fs::read(&second).expect("second file");
    assert!(a == b, "two writes of the same needs differ");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_name_longer_than_a_cell_is_cut_not_refused() {
    let dir = temp_dir("long-name");
    let output = dir.join("besoins.xlsx");
    let mut inputs = territory();
    inputs.accueils[0].nom = "N".repeat(40_000);
    let problem = problem(inputs, Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    needs::write_workbook(&report, &output).expect("workbook written");
    let rows = all_rows(&sheet(&output, needs::SHEET_ACCUEILS));
    let name = column(&rows[0], "Nom");
    let written = rows
        .iter()
        .find(|row| row[0].get_string() == Some(VARRAINS))
        .and_then(|row| row[name].get_string())
        .expect("the name, as text");
    assert_eq!(written.chars().count(), 32_767);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed() {
    let dir = temp_dir("stale");
    let output = dir.join("x.xlsx");
    let stale = dir.join(".x.xlsx.123.tmp");
    std::fs::write(&stale, b"half a workbook").expect("stale file");
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    needs::write_workbook(&report, &output).expect("workbook written");
    assert!(output.exists());
    assert!(
        !stale.exists(),
        "the killed run's temporary file is removed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
