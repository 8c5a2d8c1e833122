//! The synthetic-territory generator and the bundled fixtures, read back with calamine.

mod support;

use std::path::Path;

use acm_planner::input::{Required, read_inputs};
use acm_planner::testdata::{self, TerritorySpec};
use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook, open_workbook_auto};
use chrono::{Datelike, NaiveDate};
use support::{TempDir, fixture};

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("open workbook");
    workbook.worksheet_range(name).expect(name)
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(cell: &Data) -> u32 {
    cell.as_f64().expect("a number") as u32
}

fn date(cell: &Data) -> NaiveDate {
    cell.as_date().expect("a date cell")
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// 1-based position of a sheet, as in `xl/worksheets/sheetN.xml`.
fn workbook_sheet_index(path: &Path, name: &str) -> usize {
    let workbook = open_workbook_auto(path).expect("open");
    workbook
        .sheet_names()
        .iter()
        .position(|n| n == name)
        .expect(name)
        + 1
}

/// Column index of `header` in the first row.
fn column(range: &Range<Data>, header: &str) -> usize {
    range
        .rows()
        .next()
        .expect("header row")
        .iter()
        .position(|c| text(c) == header)
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn data_rows(range: &Range<Data>) -> Vec<&[Data]> {
    range.rows().skip(1).collect()
}

#[test]
fn same_spec_gives_byte_identical_files() {
    let dir = TempDir::new("generate", "bytes");
    let spec = TerritorySpec {
        weeks: 3,
        ..TerritorySpec::saumur_ete()
    };
    let (a, b) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    testdata::write_territory(&spec, &a).expect("a");
    testdata::write_territory(&spec, &b).expect("b");
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    let other = dir.join("c.xlsx");
    testdata::write_territory(&TerritorySpec { seed: 1, ..spec }, &other).expect("c");
    assert_ne!(
        std::fs::read(&a).expect("a"),
        std::fs::read(&other).expect("c")
    );
}

#[test]
fn bundled_fixtures_are_what_the_generator_writes() {
    let dir = TempDir::new("generate", "fixtures");
    let ete = dir.join("saumur-ete.xlsx");
    testdata::write_territory(&TerritorySpec::saumur_ete(), &ete).expect("saumur-ete");
    assert!(
        std::fs::read(&ete).expect("generated")
            == std::fs::read(fixture("saumur-ete.xlsx")).expect("fixture"),
        "fixtures/saumur-ete.xlsx is stale: regenerate it with \
         `cargo run --release --example generate -- -o fixtures/saumur-ete.xlsx --force`"
    );
    let petit = dir.join("petit-accueil.xlsx");
    testdata::write_petit_accueil(&petit).expect("petit");
    assert!(
        std::fs::read(&petit).expect("generated")
            == std::fs::read(fixture("petit-accueil.xlsx")).expect("fixture"),
        "fixtures/petit-accueil.xlsx is stale: regenerate it with \
         `cargo run --release --example generate -- --petit -o fixtures/petit-accueil.xlsx --force`"
    );
}

#[test]
fn summer_fixture_is_a_realistic_territory() {
    let path = fixture("saumur-ete.xlsx");
    let spec = TerritorySpec::saumur_ete();

    let accueils = sheet(&path, "Accueils");
    let rows = data_rows(&accueils);
    assert_eq!(rows.len(), spec.acm);
    assert!(rows.len() >= 12);
    let kind = column(&accueils, "Type");
    let capacity = column(&accueils, "Capacite");
    let days = column(&accueils, "Jours d'ouverture par an");
    let derogation = column(&accueils, "Derogation direction");
    let kinds: Vec<String> = rows.iter().map(|r| text(&r[kind])).collect();
    assert!(kinds.iter().filter(|k| *k == "accueil de loisirs").count() >= 10);
    assert!(kinds.iter().any(|k| k == "sejour"));
    assert!(kinds.iter().any(|k| k == "mini-camp"));
    let big = rows
        .iter()
        .filter(|r| number(&r[capacity]) > 80 && number(&r[days]) > 80)
        .count();
    assert!(big >= 2, "ACM needing a professional director");
    assert!(rows.iter().any(|r| text(&r[derogation]) == "oui"));
    for row in &rows {
        assert!((16..=150).contains(&number(&row[capacity])));
    }
    let codes: Vec<String> = rows.iter().map(|r| text(&r[0])).collect();

    let animateurs = sheet(&path, "Animateurs");
    let people = data_rows(&animateurs);
    assert_eq!(people.len(), spec.animateurs);
    let qualification = column(&animateurs, "Qualification");
    let contrat = column(&animateurs, "Contrat");
    let cee_days = column(&animateurs, "Jours CEE 12 derniers mois");
    let cost = column(&animateurs, "Cout journalier");
    let birth = column(&animateurs, "Date de naissance");
    let share = |labels: &[&str]| {
        people
            .iter()
            .filter(|r| labels.contains(&text(&r[qualification]).as_str()))
            .count() as f64
            / people.len() as f64
    };
    assert!((0.40..0.60).contains(&share(&["BAFA"])));
    assert!((0.15..0.25).contains(&share(&["stagiaire BAFA"])));
    assert!((0.08..0.16).contains(&share(&["sans qualification"])));
    assert!(
        share(&["BPJEPS LTP", "DEJEPS"]) >= 0.04,
        "professional diplomas"
    );
    let canonical: Vec<&str> = acm_planner::rules::qualifications::CANONICAL
        .iter()
        .map(|(label, _, _)| *label)
        .collect();
    for row in &people {
        assert!(canonical.contains(&text(&row[qualification]).as_str()));
        let contract = text(&row[contrat]);
        assert!(["CEE", "CDD", "CDI", "titulaire"].contains(&contract.as_str()));
        let daily = number(&row[cost]);
        match contract.as_str() {
            "CEE" => {
                assert!((55..=75).contains(&daily));
                assert!(number(&row[cee_days]) < 80);
            }
            "CDI" | "titulaire" => assert!((100..=140).contains(&daily)),
            _ => {}
        }
    }
    let minors = people
        .iter()
        .filter(|r| (date(&r[birth]) + chrono::Months::new(18 * 12)) > spec.start)
        .count();
    assert!(minors >= 1, "a few animateurs aged 16 or 17");

    // Forecasts: about a third under 6, July busier than August, only known ACM.
    let previsions = sheet(&path, "Previsions");
    let (accueil, day, from, to, slot) = (
        column(&previsions, "Accueil"),
        column(&previsions, "Date"),
        column(&previsions, "Du"),
        column(&previsions, "Au"),
        column(&previsions, "Creneau"),
    );
    let (under_6, six_plus) = (
        column(&previsions, "Moins de 6 ans"),
        column(&previsions, "6 ans et plus"),
    );
    let (mut young, mut all, mut july, mut august) = (0u64, 0u64, 0u64, 0u64);
    let mut creneaux = std::collections::BTreeSet::new();
    for row in data_rows(&previsions) {
        assert!(codes.contains(&text(&row[accueil])));
        creneaux.insert(text(&row[slot]));
        let days: Vec<NaiveDate> = if row[day].is_empty() {
            date(&row[from])
                .iter_days()
                .take_while(|d| *d <= date(&row[to]))
                .filter(|d| d.weekday().number_from_monday() <= 5)
                .collect()
        } else {
            assert_ne!(
                date(&row[day]),
                ymd(2026, 7, 14),
                "accueils closed on 14 July"
            );
            vec![date(&row[day])]
        };
        for d in days {
            let (u, o) = (
                u64::from(number(&row[under_6])),
                u64::from(number(&row[six_plus])),
            );
            young += u;
            all += u + o;
            match d.month() {
                7 => july += u + o,
                8 => august += u + o,
                other => panic!("forecast in month {other}"),
            }
        }
    }
    let young_share = young as f64 / all as f64;
    assert!(
        (0.25..0.40).contains(&young_share),
        "under 6: {young_share}"
    );
    assert!(july > august, "July {july} > August {august}");
    for expected in ["journee", "matin", "apres-midi", "soir"] {
        assert!(creneaux.contains(expected), "créneau {expected}");
    }

    // Availability grid: Id then real date columns, codes J/M/AM/S or empty.
    let grid = sheet(&path, "Disponibilites");
    let header = grid.rows().next().expect("header");
    assert_eq!(text(&header[0]), "Id");
    assert_eq!(date(&header[1]), ymd(2026, 7, 6));
    assert_eq!(date(&header[header.len() - 1]), ymd(2026, 8, 28));
    let mut counts = std::collections::BTreeMap::new();
    for row in data_rows(&grid) {
        for cell in &row[1..] {
            *counts.entry(text(cell)).or_insert(0usize) += 1;
        }
    }
    for code in counts.keys() {
        assert!(
            ["J", "M", "AM", "S", ""].contains(&code.as_str()),
            "code {code}"
        );
    }
    assert!(counts["J"] > counts.values().sum::<usize>() / 2, "J mostly");
    assert!(counts.contains_key("M") && counts.contains_key("AM"));

    let recrutement = sheet(&path, "Recrutement");
    assert!((3..=5).contains(&data_rows(&recrutement).len()));

    // The grid keeps the Id column and the date row in view.
    let bytes = std::fs::read(&path).expect("fixture");
    let index = workbook_sheet_index(&path, "Disponibilites");
    let xml =
        support::xlsx_xml::part(&bytes, &format!("xl/worksheets/sheet{index}.xml")).expect("grid");
    assert!(
        xml.contains(r#"<pane xSplit="1" ySplit="1""#),
        "frozen Id column and dates"
    );
    assert!(xml.contains(r#"t="s""#) && xml.matches("<c ").count() > 4000);

    // Dates are real date cells shown as jj/mm/aaaa.
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("open");
    for (name, position) in [("Disponibilites", (0, 1)), ("Previsions", (1, day as u32))] {
        let styles = workbook.worksheet_style(name).expect(name);
        let format = styles
            .get(position)
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone());
        assert_eq!(format.as_deref(), Some("dd/mm/yyyy"), "{name}");
    }
}

#[test]
fn petit_accueil_holds_exactly_the_documented_cells() {
    let path = fixture("petit-accueil.xlsx");
    let workbook = open_workbook_auto(&path).expect("open");
    assert_eq!(
        workbook.sheet_names(),
        ["Accueils", "Previsions", "Animateurs", "Disponibilites"]
    );

    let accueils = sheet(&path, "Accueils");
    let rows = data_rows(&accueils);
    assert_eq!(rows.len(), 1);
    let row = rows[0];
    assert_eq!(text(&row[0]), "ALSH-VARRAINS");
    assert_eq!(text(&row[1]), "Accueil de loisirs Les Lutins");
    assert_eq!(text(&row[2]), "Varrains");
    assert_eq!(text(&row[3]), "accueil de loisirs");
    assert_eq!(text(&row[4]), "non");
    assert_eq!(number(&row[5]), 40);
    assert_eq!(number(&row[6]), 60);
    assert_eq!(text(&row[7]), "Saumur");

    let previsions = sheet(&path, "Previsions");
    let expected = [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ];
    let rows = data_rows(&previsions);
    assert_eq!(rows.len(), expected.len());
    for (row, (day, under_6, six_plus)) in rows.iter().zip(expected) {
        assert_eq!(text(&row[0]), "ALSH-VARRAINS");
        assert_eq!(date(&row[1]), ymd(2026, 7, day));
        assert_eq!(text(&row[5]), "journee");
        assert_eq!(number(&row[8]), under_6);
        assert_eq!(number(&row[9]), six_plus);
    }

    let animateurs = sheet(&path, "Animateurs");
    let expected = [
        ("A1", "Martin", "Léa", "BAFD", "CDI", 0, 120),
        ("A2", "Bernard", "Hugo", "BAFA", "CEE", 0, 65),
        ("A3", "Petit", "Chloé", "BAFA", "CEE", 77, 65),
        ("A4", "Durand", "Lucas", "stagiaire BAFA", "CEE", 0, 60),
        ("A5", "Leroy", "Inès", "sans qualification", "CEE", 0, 55),
        ("A6", "Moreau", "Tom", "BAFA", "CEE", 10, 65),
    ];
    let rows = data_rows(&animateurs);
    assert_eq!(rows.len(), expected.len());
    for (row, (id, nom, prenom, qualification, contrat, cee, cost)) in rows.iter().zip(expected) {
        assert_eq!(text(&row[0]), id);
        assert_eq!(text(&row[1]), nom);
        assert_eq!(text(&row[2]), prenom);
        assert_eq!(text(&row[3]), qualification);
        assert_eq!(text(&row[4]), contrat);
        assert_eq!(number(&row[5]), cee);
        assert_eq!(number(&row[6]), cost);
        assert_eq!(text(&row[8]), "Saumur");
    }

    let grid = sheet(&path, "Disponibilites");
    let header = grid.rows().next().expect("header");
    assert_eq!(text(&header[0]), "Id");
    let dates: Vec<NaiveDate> = header[1..].iter().map(date).collect();
    assert_eq!(dates, (6..=10).map(|d| ymd(2026, 7, d)).collect::<Vec<_>>());
    let rows = data_rows(&grid);
    assert_eq!(rows.len(), 6);
    for row in rows {
        let id = text(&row[0]);
        let codes: Vec<String> = (1..=5)
            .map(|c| row.get(c).map(text).unwrap_or_default())
            .collect();
        let expected = match id.as_str() {
            "A2" => ["J", "J", "J", "J", "M"],
            "A6" => ["J", "J", "", "J", "J"],
            _ => ["J", "J", "J", "J", "J"],
        };
        assert_eq!(codes, expected, "{id}");
    }
}

#[test]
fn fixtures_read_as_inputs() {
    for name in ["saumur-ete.xlsx", "petit-accueil.xlsx"] {
        read_inputs(&[fixture(name)], Required::ForecastsAndStaff).expect(name);
    }
}

#[test]
fn a_year_of_a_large_territory_generates_in_seconds() {
    let dir = TempDir::new("generate", "large");
    let path = dir.join("annee.xlsx");
    let spec = TerritorySpec {
        acm: 60,
        animateurs: 600,
        weeks: 52,
        start: ymd(2026, 1, 5),
        seed: 7,
        regles: false,
    };
    let started = std::time::Instant::now();
    let territory = testdata::territory(&spec);
    testdata::write_workbook(&territory, &path).expect("written");
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(territory.accueils.len(), 60);
    assert_eq!(territory.animateurs.len(), 600);
    // Unique codes, even when communes are reused.
    let codes: std::collections::BTreeSet<_> = territory.accueils.iter().map(|a| &a.code).collect();
    assert_eq!(codes.len(), 60);
    // School weeks: Wednesday journee and périscolaire matin/soir; beyond August 2026 the
    // built-in calendar stops, so a Calendrier sheet says which days are school days.
    let school_wednesday = ymd(2026, 1, 7);
    assert!(
        territory
            .previsions
            .iter()
            .any(|p| { p.when.days() == [school_wednesday] && p.creneau == "journee" })
    );
    assert!(
        territory
            .previsions
            .iter()
            .any(|p| { p.when.days() == [ymd(2026, 1, 8)] && p.creneau == "soir" })
    );
    assert!(
        territory
            .calendrier
            .iter()
            .any(|(d, _)| *d == ymd(2026, 9, 2))
    );
    assert!(
        territory
            .calendrier
            .iter()
            .all(|(d, _)| *d > ymd(2026, 8, 30))
    );
    let grid = sheet(&path, "Disponibilites");
    assert_eq!(grid.width(), 1 + 52 * 5);
    assert_eq!(
        sheet(&path, "Calendrier").height(),
        territory.calendrier.len() + 1
    );
}
