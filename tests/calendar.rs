//! The official school calendar from a file (`--calendrier`): a 2026-27 winter run (February and
//! March 2027) with a zone-B accueil and a zone-A accueil (Lyon), with a calendar file of each of
//! the three published shapes (samples in `tests/data/calendriers/`), and the errors a user
//! meets: an unknown zone, a malformed file, a file without the zone, dates nobody knows.

mod support;

use std::path::{Path, PathBuf};

use acm_planner::domain::DayKind;
use acm_planner::input::Required;
use acm_planner::problem::{Adjustments, Problem};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_xlsxwriter::Workbook;
use support::{TempDir, date, run_binary, stderr};

/// The three shapes, as the ministry and the community publish them.
const FORMATS: [&str; 3] = [
    "Zone-A-B-C-Corse.ics",
    "fr-en-calendrier-scolaire.csv",
    "vacances-scolaires.csv",
];

fn calendar_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/calendriers")
        .join(name)
}

/// Weekdays from Monday 15 February to Friday 5 March 2027.
fn winter_days() -> Vec<NaiveDate> {
    date(2027, 2, 15)
        .iter_days()
        .take_while(|d| *d <= date(2027, 3, 5))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

/// One accueil de loisirs of `commune` with a `journee` forecast on every winter weekday, two
/// animateurs available every day, and the `Regles` rows given.
fn workbook(dir: &TempDir, commune: &str, regles: &[(&str, &str)]) -> PathBuf {
    let path = dir.join(&format!("{commune}.xlsx"));
    let mut book = Workbook::new();
    let days = winter_days();
    let text = |date: &NaiveDate| date.format("%d/%m/%Y").to_string();
    let accueils = book.add_worksheet().set_name("Accueils").expect("name");
    for (column, header) in ["Code", "Nom", "Commune", "Type", "Capacite"]
        .iter()
        .enumerate()
    {
        accueils
            .write_string(0, column as u16, *header)
            .expect("cell");
    }
    for (column, value) in ["ALSH", "Accueil de loisirs", commune, "accueil de loisirs"]
        .iter()
        .enumerate()
    {
        accueils
            .write_string(1, column as u16, *value)
            .expect("cell");
    }
    accueils.write_number(1, 4, 40).expect("cell");
    let previsions = book.add_worksheet().set_name("Previsions").expect("name");
    for (column, header) in [
        "Accueil",
        "Date",
        "Creneau",
        "Moins de 6 ans",
        "6 ans et plus",
    ]
    .iter()
    .enumerate()
    {
        previsions
            .write_string(0, column as u16, *header)
            .expect("cell");
    }
    for (index, day) in days.iter().enumerate() {
        let row = index as u32 + 1;
        previsions.write_string(row, 0, "ALSH").expect("cell");
        previsions.write_string(row, 1, text(day)).expect("cell");
        previsions.write_string(row, 2, "journee").expect("cell");
        previsions.write_number(row, 3, 8).expect("cell");
        previsions.write_number(row, 4, 16).expect("cell");
    }
    let animateurs = book.add_worksheet().set_name("Animateurs").expect("name");
    for (column, header) in ["Id", "Nom", "Prenom", "Qualification", "Contrat"]
        .iter()
        .enumerate()
    {
        animateurs
            .write_string(0, column as u16, *header)
            .expect("cell");
    }
    let people = [
        ["D1", "Moreau", "Inès", "BAFD", "CDI"],
        ["A1", "Martin", "Léa", "BAFA", "CDI"],
        ["A2", "Durand", "Tom", "BAFA", "CDI"],
        ["A3", "Petit", "Zoé", "stagiaire BAFA", "CDI"],
    ];
    for (row, person) in people.iter().enumerate() {
        for (column, value) in person.iter().enumerate() {
            animateurs
                .write_string(row as u32 + 1, column as u16, *value)
                .expect("cell");
        }
    }
    let grid = book
        .add_worksheet()
        .set_name("Disponibilites")
        .expect("name");
    grid.write_string(0, 0, "Id").expect("cell");
    for (index, day) in days.iter().enumerate() {
        grid.write_string(0, index as u16 + 1, text(day))
            .expect("cell");
    }
    for (row, person) in people.iter().enumerate() {
        grid.write_string(row as u32 + 1, 0, person[0])
            .expect("cell");
        for index in 0..days.len() {
            grid.write_string(row as u32 + 1, index as u16 + 1, "J")
                .expect("cell");
        }
    }
    if !regles.is_empty() {
        let sheet = book.add_worksheet().set_name("Regles").expect("name");
        sheet.write_string(0, 0, "Parametre").expect("cell");
        sheet.write_string(0, 1, "Valeur").expect("cell");
        for (row, (name, value)) in regles.iter().enumerate() {
            sheet.write_string(row as u32 + 1, 0, *name).expect("cell");
            sheet.write_string(row as u32 + 1, 1, *value).expect("cell");
        }
    }
    book.save(&path).expect("workbook saved");
    path
}

/// The kind of each forecast day, as the problem built from the workbook and the file sees it.
fn day_kinds(input: &Path, calendar: &str) -> Vec<(NaiveDate, Option<DayKind>)> {
    let adjustments = Adjustments {
        calendar_file: Some(calendar_file(calendar)),
        ..Adjustments::default()
    };
    let problem = Problem::read(&[input.to_path_buf()], Required::Forecasts, &adjustments)
        .unwrap_or_else(|error| panic!("{calendar}: {error}"));
    problem
        .needs
        .iter()
        .map(|need| (need.forecast.date, need.requirement.day_kind))
        .collect()
}

/// What the official 2026-27 winter gives: zone B from Saturday 20 February to Monday 8 March,
/// zone A from Saturday 13 February to Monday 1 March (Wednesdays outside holidays are
/// périscolaire).
fn expected(holidays: (NaiveDate, NaiveDate)) -> Vec<(NaiveDate, Option<DayKind>)> {
    winter_days()
        .into_iter()
        .map(|day| {
            let kind = if holidays.0 <= day && day < holidays.1 {
                DayKind::Holiday
            } else {
                DayKind::School
            };
            (day, Some(kind))
        })
        .collect()
}

#[test]
fn a_zone_b_accueil_gets_the_2027_zone_b_winter_from_each_format() {
    let dir = TempDir::new("calendar", "zone-b");
    let input = workbook(&dir, "Saumur", &[]);
    let zone_b = expected((date(2027, 2, 20), date(2027, 3, 8)));
    for format in FORMATS {
        assert_eq!(day_kinds(&input, format), zone_b, "{format}");
    }
}

#[test]
fn a_lyon_accueil_gets_the_2027_zone_a_winter_from_each_format() {
    let dir = TempDir::new("calendar", "zone-a");
    let input = workbook(&dir, "Lyon", &[("Académie", "Lyon")]);
    let zone_a = expected((date(2027, 2, 13), date(2027, 3, 1)));
    for format in FORMATS {
        assert_eq!(day_kinds(&input, format), zone_a, "{format}");
    }
    // 1 March 2027 is a school day in Lyon and a holiday in Saumur.
    let saumur = workbook(&dir, "Saumur", &[("Zone", "B")]);
    let first_of_march = |input: &Path| {
        day_kinds(input, FORMATS[0])
            .into_iter()
            .find(|(day, _)| *day == date(2027, 3, 1))
            .and_then(|(_, kind)| kind)
    };
    assert_eq!(first_of_march(&input), Some(DayKind::School));
    assert_eq!(first_of_march(&saumur), Some(DayKind::Holiday));
}

#[test]
fn needs_and_check_run_with_each_format_and_echo_the_calendar() {
    let dir = TempDir::new("calendar", "needs");
    let input = workbook(&dir, "Lyon", &[("Academie", "Lyon")]);
    for (index, format) in FORMATS.iter().enumerate() {
        let output = dir.join(&format!("besoins-{index}.xlsx"));
        let run = run_binary([
            "needs".as_ref(),
            input.as_os_str(),
            "--calendrier".as_ref(),
            calendar_file(format).as_os_str(),
            "-o".as_ref(),
            output.as_os_str(),
        ]);
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{format}: {}", stderr(&run));
        assert!(output.exists());
        assert!(
            stdout.contains("Calendrier scolaire : zone A (académie de Lyon, feuille Regles)"),
            "{stdout}"
        );
        assert!(
            stdout.contains(&format!("fichier {}", calendar_file(format).display())),
            "{stdout}"
        );
        assert!(stdout.contains("années scolaires couvertes : "), "{stdout}");
        assert!(stdout.contains("2026-2027"), "{stdout}");
    }
}

#[test]
fn plan_runs_the_2027_winter_and_check_accepts_its_schedule() {
    let dir = TempDir::new("calendar", "plan");
    let input = workbook(&dir, "Lyon", &[("Academie", "Lyon")]);
    let calendar = calendar_file("Zone-A-B-C-Corse.ics");
    let planning = dir.join("planning.xlsx");
    let run = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        calendar.as_os_str(),
        "-o".as_ref(),
        planning.as_os_str(),
        "--time-limit".as_ref(),
        "30".as_ref(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(String::from_utf8_lossy(&run.stdout).contains("zone A"));
    let report = dir.join("conformite.xlsx");
    let check = run_binary([
        "check".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        calendar.as_os_str(),
        "--schedule".as_ref(),
        planning.as_os_str(),
        "-o".as_ref(),
        report.as_os_str(),
    ]);
    assert!(
        check.status.code() == Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&check.stdout),
        stderr(&check)
    );
}

#[test]
fn dates_nobody_knows_give_one_message_that_says_which_file_to_download() {
    let dir = TempDir::new("calendar", "unknown");
    let input = workbook(&dir, "Lyon", &[("Academie", "Lyon")]);
    let output = dir.join("besoins.xlsx");
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = stderr(&run);
    assert_eq!(
        message.matches("hors du calendrier scolaire connu").count(),
        1,
        "{message}"
    );
    assert!(message.contains("feuille « Previsions »"), "{message}");
    assert!(
        message.contains("feuille « Previsions », lignes 2 à 16, colonne « Date »"),
        "{message}"
    );
    assert!(
        message.contains("15 prévisions d'accueil de loisirs tombent"),
        "{message}"
    );
    assert!(
        message.contains("du 15/02/2027 au 05/03/2027 (15 jours)"),
        "{message}"
    );
    assert!(
        message.contains("zone A : pas de calendrier intégré"),
        "{message}"
    );
    assert!(message.contains("--calendrier Zone-A.ics"), "{message}");
    assert!(message.contains("fr-en-calendrier-scolaire"), "{message}");
    assert!(!output.exists());
}

#[test]
fn an_unknown_zone_is_an_error_naming_the_row_and_the_value() {
    let dir = TempDir::new("calendar", "zone-d");
    let input = workbook(&dir, "Lyon", &[("Zone", "D")]);
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        calendar_file(FORMATS[0]).as_os_str(),
        "-o".as_ref(),
        dir.join("besoins.xlsx").as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = stderr(&run);
    assert!(message.contains("feuille « Regles », ligne 2"), "{message}");
    assert!(message.contains("valeur « D »"), "{message}");
    assert!(message.contains("A, B, C ou Corse"), "{message}");
}

#[test]
fn a_malformed_calendar_file_names_the_file_the_line_and_the_value() {
    let dir = TempDir::new("calendar", "malformed");
    let input = workbook(&dir, "Saumur", &[]);
    let calendar = dir.join("Zone-B.ics");
    std::fs::write(
        &calendar,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270220\r\n\
         DTEND;VALUE=DATE:2027-03-08\r\nSUMMARY:Vacances d'Hiver - Zone B\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .expect("written");
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        calendar.as_os_str(),
        "-o".as_ref(),
        dir.join("besoins.xlsx").as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = stderr(&run);
    assert!(message.contains("Zone-B.ics, ligne 4"), "{message}");
    assert!(message.contains("valeur « 2027-03-08 »"), "{message}");
    assert!(message.contains("date illisible dans DTEND"), "{message}");
}

#[test]
fn a_file_without_the_zone_says_which_zones_it_has() {
    let dir = TempDir::new("calendar", "other-zone");
    let input = workbook(&dir, "Lyon", &[("Academie", "Lyon")]);
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        calendar_file("Zone-B.ics").as_os_str(),
        "-o".as_ref(),
        dir.join("besoins.xlsx").as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = stderr(&run);
    assert!(message.contains("Zone-B.ics"), "{message}");
    assert!(
        message.contains("aucune date pour la zone A dans ce calendrier (il donne : zone B)"),
        "{message}"
    );
    assert!(message.contains("Zone-A.ics"), "{message}");
}

#[test]
fn a_missing_calendar_file_is_named() {
    let dir = TempDir::new("calendar", "missing");
    let input = workbook(&dir, "Saumur", &[]);
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "--calendrier".as_ref(),
        "Zone-Z.ics".as_ref(),
        "-o".as_ref(),
        dir.join("besoins.xlsx").as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = stderr(&run);
    assert!(message.contains("Zone-Z.ics"), "{message}");
    assert!(message.contains("introuvable"), "{message}");
}
