//! The `Annee` sheet of `planning.xlsx`, from a small hand-made plan over Toussaint 2025, some
//! Wednesdays and school days of November 2025 and Noël 2025 (built-in zone-B calendar):
//! written to a temporary folder, read back with calamine, real cells asserted.

use std::path::{Path, PathBuf};

use acm_planner::domain::{
    Accueil, AcmType, CalendarOverride, Cents, Creneau, DayKind, Inputs, Prevision, SourceRef,
};
use acm_planner::optimize::{DirectorDay, Hire, PlanResult, SlotOutcome};
use acm_planner::problem::Problem;
use acm_planner::report::planning::{self, PlanningReport, RunSettings};
use acm_planner::rules::{Parameters, qualifications};
use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::NaiveDate;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn source(sheet: &str) -> SourceRef {
    SourceRef {
        file: "annee.xlsx".into(),
        sheet: sheet.into(),
        row: 2,
    }
}

fn accueil(code: &str) -> Accueil {
    Accueil {
        code: code.into(),
        nom: "Les Loupiots".into(),
        commune: "Doué-en-Anjou".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite: 60,
        jours_ouverture: None,
        secteur: Some("Doué".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
        source: source("Accueils"),
    }
}

fn prevision(code: &str, date: NaiveDate, creneau: &str, children: (u32, u32)) -> Prevision {
    Prevision {
        accueil: code.into(),
        date,
        creneau: Creneau::standard(creneau).expect("standard"),
        moins_de_6: children.0,
        six_et_plus: children.1,
        renforce: 0,
        source: source("Previsions"),
    }
}

fn loaded_from(previsions: Vec<Prevision>, calendrier: Vec<CalendarOverride>) -> Problem {
    let inputs = Inputs {
        accueils: vec![accueil("ALSH-X")],
        previsions,
        calendrier,
        files: vec!["annee.xlsx".into()],
        ..Inputs::default()
    };
    let parameters = Parameters::default();
    Problem::new(inputs, parameters).expect("requirements")
}

/// The dates of the year plan, with the créneaux open and the children (under 6, 6 and over).
fn year_previsions() -> Vec<Prevision> {
    let holiday = (16, 24);
    let school = (20, 28);
    vec![
        // Toussaint 2025: Monday to Wednesday.
        prevision("ALSH-X", date(2025, 10, 20), "journee", holiday),
        prevision("ALSH-X", date(2025, 10, 21), "journee", holiday),
        prevision("ALSH-X", date(2025, 10, 22), "journee", holiday),
        // Wednesdays of November.
        prevision("ALSH-X", date(2025, 11, 5), "journee", holiday),
        prevision("ALSH-X", date(2025, 11, 12), "journee", holiday),
        // School days: morning and evening; the larger créneau counts for the day.
        prevision("ALSH-X", date(2025, 11, 6), "matin", (10, 14)),
        prevision("ALSH-X", date(2025, 11, 6), "soir", school),
        prevision("ALSH-X", date(2025, 11, 17), "soir", school),
        // A Saturday outside the holidays.
        prevision("ALSH-X", date(2025, 11, 15), "journee", holiday),
        // Noël 2025.
        prevision("ALSH-X", date(2025, 12, 22), "journee", holiday),
        prevision("ALSH-X", date(2025, 12, 23), "journee", holiday),
    ]
}

/// Every slot staffed as required, except the ones in `short`: (forecast index, missing
/// animateurs, missing qualified).
fn outcomes(problem: &Problem, short: &[(usize, u32, u32)]) -> Vec<SlotOutcome> {
    problem
        .needs
        .iter()
        .map(|need| {
            let index = need.id.index();
            let required = need.requirement.total_animation();
            let (missing, missing_qualified) = short
                .iter()
                .find(|(i, _, _)| *i == index)
                .map_or((0, 0), |(_, m, q)| (*m, *q));
            SlotOutcome {
                forecast: need.id,
                staffed: required - missing,
                qualified: required - missing,
                trainees: 0,
                unqualified: 0,
                director_present: true,
                missing_animateurs: missing,
                missing_qualified,
                reason: None,
            }
        })
        .collect()
}

fn director_days(problem: &Problem, missing_on: &[NaiveDate]) -> Vec<DirectorDay> {
    let mut dates: Vec<(String, NaiveDate)> = problem
        .forecasts()
        .map(|p| (p.accueil.clone(), p.date))
        .collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|(code, d)| {
            let missing = missing_on.contains(&d);
            DirectorDay {
                accueil: code,
                date: d,
                required: 1,
                directors: if missing { vec![] } else { vec!["A1".into()] },
                missing: u32::from(missing),
                reason: None,
            }
        })
        .collect()
}

fn hire(number: usize, dates: &[NaiveDate]) -> Hire {
    Hire {
        number,
        certificats: Vec::new(),
        qualification: qualifications::canonical("BAFA").expect("known qualification"),
        secteur: Some("Doué".into()),
        accueils: vec!["ALSH-X".into()],
        dates: dates.to_vec(),
        daily_cost: Cents::euros(85),
        fixed_cost: Cents::euros(150),
        id: format!("RECRUTEMENT-{number}"),
    }
}

fn year_plan(problem: &Problem) -> PlanResult {
    PlanResult {
        // Toussaint: 2 missing on the 21st (1 qualified); Mercredis: 1 missing on the 5th;
        // school days: 1 missing on the 6th evening; Noël: 3 missing on the 23rd.
        slots: outcomes(problem, &[(1, 2, 1), (3, 1, 0), (6, 1, 1), (10, 3, 2)]),
        director_days: director_days(problem, &[date(2025, 10, 21), date(2025, 11, 5)]),
        hires: vec![
            // Toussaint and a Wednesday: counted in both periods.
            hire(1, &[date(2025, 10, 21), date(2025, 11, 5)]),
            hire(2, &[date(2025, 12, 23)]),
        ],
        recruitment_ran: true,
        ..PlanResult::default()
    }
}

/// A fresh folder for one test, removed when the test ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> Scratch {
    let dir =
        std::env::temp_dir().join(format!("acm-planning-annee-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    Scratch(dir)
}

fn write(problem: &Problem, result: &PlanResult, path: &Path) {
    let run = RunSettings::default();
    let report = PlanningReport {
        problem,
        result,
        run: &run,
    };
    planning::write_planning(&report, path).expect("planning written");
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("workbook opens");
    workbook.worksheet_range(name).expect("sheet exists")
}

fn text(range: &Range<Data>, row: usize, col: usize) -> String {
    range
        .get((row, col))
        .map(|cell| cell.to_string())
        .unwrap_or_default()
}

fn number(range: &Range<Data>, row: usize, col: usize) -> f64 {
    range
        .get((row, col))
        .and_then(|cell| cell.as_f64())
        .unwrap_or(f64::NAN)
}

fn find_row(range: &Range<Data>, col: usize, value: &str) -> usize {
    (0..range.height())
        .find(|row| text(range, *row, col) == value)
        .unwrap_or_else(|| panic!("no row with « {value} » in column {col}"))
}

/// Header row of the period table (0-based), as calamine reads the sheet from A1.
const HEADER: usize = 3;

/// The year plan written to a folder of its own; the folder goes with the guard.
fn written(name: &str) -> (Scratch, PathBuf, Problem) {
    let dir = temp_dir(name);
    let path = dir.0.join("planning.xlsx");
    let problem = loaded_from(year_previsions(), Vec::new());
    write(&problem, &year_plan(&problem), &path);
    (dir, path, problem)
}

/// N + renforcé of forecast row `index`.
fn required(problem: &Problem, index: usize) -> u32 {
    problem.needs[index].requirement.total_animation()
}

#[test]
fn annee_comes_before_technique() {
    let (_dir, path, _) = written("order");
    let workbook = open_workbook_auto(&path).expect("workbook opens");
    assert_eq!(
        workbook.sheet_names(),
        [
            "Synthese",
            "Planning par accueil",
            "Par animateur",
            "Non retenus",
            "Manques",
            "Recrutement",
            "Accueils",
            "Animateurs",
            "Affectations",
            "Annee",
            "Technique",
            "Regles"
        ]
    );
}

#[test]
fn periods_come_in_reading_order_with_their_dates() {
    let (_dir, path, _) = written("periods");
    let range = sheet(&path, "Annee");
    assert_eq!(text(&range, HEADER, 0), "Période");
    assert_eq!(text(&range, HEADER, 4), "Journées-animateurs requises");
    let names: Vec<String> = (HEADER + 1..HEADER + 7)
        .map(|row| text(&range, row, 0))
        .collect();
    assert_eq!(
        names,
        [
            "Toussaint",
            "Noël",
            "Mercredis",
            "Périscolaire",
            "Autres jours",
            "Total"
        ]
    );
    let cell_date = |row: usize, col: usize| range.get((row, col)).and_then(|c| c.as_date());
    let toussaint = HEADER + 1;
    assert_eq!(
        cell_date(toussaint, 1),
        Some(date(2025, 10, 20)),
        "a real date"
    );
    assert_eq!(cell_date(toussaint, 2), Some(date(2025, 10, 22)));
    let mercredis = find_row(&range, 0, "Mercredis");
    assert_eq!(cell_date(mercredis, 1), Some(date(2025, 11, 5)));
    assert_eq!(cell_date(mercredis, 2), Some(date(2025, 11, 12)));
    let total = find_row(&range, 0, "Total");
    assert_eq!(cell_date(total, 1), Some(date(2025, 10, 20)));
    assert_eq!(cell_date(total, 2), Some(date(2025, 12, 23)));
    // Open days: 3 at Toussaint, 2 Wednesdays, 2 school days, 1 Saturday, 2 at Noël.
    let open: Vec<f64> = (HEADER + 1..=total).map(|r| number(&range, r, 3)).collect();
    assert_eq!(open, [3.0, 2.0, 2.0, 2.0, 1.0, 10.0]);
}

#[test]
fn required_and_staffed_days_follow_the_synthese_definition() {
    let (_dir, path, problem) = written("days");
    let range = sheet(&path, "Annee");
    let toussaint = find_row(&range, 0, "Toussaint");
    let holiday_day = required(&problem, 0);
    assert_eq!(holiday_day, 4, "ceil(16/8) + ceil(24/12)");
    assert_eq!(number(&range, toussaint, 4), 12.0, "three days of 4");
    assert_eq!(number(&range, toussaint, 5), 10.0, "2 missing on the 21st");
    assert!((number(&range, toussaint, 6) - 10.0 / 12.0).abs() < 1e-9);
    assert_eq!(number(&range, toussaint, 7), 2.0);
    assert_eq!(number(&range, toussaint, 8), 1.0);
    assert_eq!(number(&range, toussaint, 9), 1.0, "no director on the 21st");

    // School days: on the 6th the evening (larger) créneau counts, not morning + evening.
    let periscolaire = find_row(&range, 0, "Périscolaire");
    let evening = required(&problem, 6);
    assert!(
        evening > required(&problem, 5),
        "the evening is the larger créneau"
    );
    assert_eq!(number(&range, periscolaire, 4), f64::from(2 * evening));
    assert_eq!(number(&range, periscolaire, 5), f64::from(2 * evening - 1));
    assert_eq!(number(&range, periscolaire, 7), 1.0);

    let noel = find_row(&range, 0, "Noël");
    assert_eq!(number(&range, noel, 4), 8.0);
    assert_eq!(number(&range, noel, 5), 5.0);
    assert_eq!(number(&range, noel, 7), 3.0);
    assert_eq!(number(&range, noel, 8), 2.0);

    let total = find_row(&range, 0, "Total");
    let required_total = 12 + 8 + 2 * 4 + 2 * evening + 4;
    assert_eq!(number(&range, total, 4), f64::from(required_total));
    assert_eq!(number(&range, total, 5), f64::from(required_total - 7));
    assert_eq!(
        number(&range, total, 7),
        7.0,
        "2 + 1 + 1 + 3 animateurs missing"
    );
    assert_eq!(number(&range, total, 8), 4.0);
    assert_eq!(number(&range, total, 9), 2.0);
}

#[test]
fn a_post_over_two_periods_counts_in_both() {
    let (_dir, path, _) = written("posts");
    let range = sheet(&path, "Annee");
    let toussaint = find_row(&range, 0, "Toussaint");
    let mercredis = find_row(&range, 0, "Mercredis");
    let noel = find_row(&range, 0, "Noël");
    let total = find_row(&range, 0, "Total");
    assert_eq!(number(&range, toussaint, 10), 1.0);
    assert_eq!(number(&range, mercredis, 10), 1.0, "the same post");
    assert_eq!(number(&range, noel, 10), 1.0);
    assert_eq!(
        number(&range, total, 10),
        2.0,
        "each post once in the total"
    );
    assert_eq!(number(&range, toussaint, 11), 1.0);
    assert_eq!(number(&range, mercredis, 11), 1.0);
    // Cost: the day (85 €) plus the fixed cost (150 €) in the period of the first day.
    assert_eq!(number(&range, toussaint, 12), 235.0);
    assert_eq!(number(&range, mercredis, 12), 85.0);
    assert_eq!(number(&range, noel, 12), 235.0);
    assert_eq!(number(&range, total, 12), 555.0, "the Recrutement total");
    let periscolaire = find_row(&range, 0, "Périscolaire");
    assert_eq!(number(&range, periscolaire, 10), 0.0);
    // The note says so.
    let note = (total..range.height())
        .map(|r| text(&range, r, 0))
        .find(|t| t.contains("deux périodes"));
    assert!(note.is_some(), "a note on posts over two periods");
}

#[test]
fn weekly_shortage_feeds_a_chart() {
    let (_dir, path, _) = written("weeks");
    let range = sheet(&path, "Annee");
    // Beside the period table, under the same frozen header row.
    let (header, c) = (HEADER, 14);
    assert_eq!(text(&range, header, c), "Semaine");
    assert_eq!(text(&range, header, c + 2), "Animateurs manquants");
    // Every ISO week from 20/10 to 22/12: 10 weeks, quiet ones included.
    assert_eq!(text(&range, header + 1, c), "sem. du 20/10");
    assert_eq!(
        range
            .get((header + 1, c + 1))
            .and_then(|cell| cell.as_date()),
        Some(date(2025, 10, 20))
    );
    assert_eq!(text(&range, header + 10, c), "sem. du 22/12");
    assert_eq!(number(&range, header + 1, c + 2), 2.0);
    assert_eq!(number(&range, header + 1, c + 4), 1.0);
    // Week of 03/11: the Wednesday (1) and the 6th evening (1); no director on the 5th.
    assert_eq!(text(&range, header + 3, c), "sem. du 03/11");
    assert_eq!(number(&range, header + 3, c + 2), 2.0);
    assert_eq!(number(&range, header + 3, c + 4), 1.0);
    assert_eq!(number(&range, header + 2, c + 2), 0.0, "a quiet week");

    // The chart is in the file.
    let bytes = std::fs::read(&path).expect("file");
    let archive = String::from_utf8_lossy(&bytes);
    assert!(archive.contains("xl/charts/chart2.xml"), "a second chart");
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let dir = temp_dir("bytes");
    let problem = loaded_from(year_previsions(), Vec::new());
    let plan = year_plan(&problem);
    let (first, second) = (dir.0.join("a.xlsx"), dir.0.join("b.xlsx"));
    write(&problem, &plan, &first);
    write(&problem, &plan, &second);
    assert_eq!(
        std::fs::read(first).expect("first"),
        std::fs::read(second).expect("second")
    );
}

#[test]
fn a_summer_only_plan_keeps_seven_sheets() {
    let dir = temp_dir("summer");
    let path = dir.0.join("planning.xlsx");
    let previsions = (6..=10)
        .map(|d| prevision("ALSH-X", date(2026, 7, d), "journee", (16, 24)))
        .collect();
    let problem = loaded_from(previsions, Vec::new());
    let plan = PlanResult {
        slots: outcomes(&problem, &[]),
        director_days: director_days(&problem, &[]),
        ..PlanResult::default()
    };
    write(&problem, &plan, &path);
    let workbook = open_workbook_auto(&path).expect("workbook opens");
    assert_eq!(workbook.sheet_names().len(), 11);
    assert!(!workbook.sheet_names().iter().any(|s| s == "Annee"));
}

#[test]
fn holidays_from_the_calendrier_sheet_are_grouped_by_weeks() {
    // 2026-27 is outside the built-in calendar: the Calendrier sheet gives two weeks of
    // holidays (19–30 October 2026) and a school Wednesday.
    let mut calendrier: Vec<CalendarOverride> = (19..=30)
        .map(|d| date(2026, 10, d))
        .filter(|d| !matches!(d.format("%u").to_string().as_str(), "6" | "7"))
        .map(|d| CalendarOverride {
            date: d,
            kind: DayKind::Holiday,
        })
        .collect();
    calendrier.push(CalendarOverride {
        date: date(2026, 11, 4),
        kind: DayKind::School,
    });
    let previsions = vec![
        prevision("ALSH-X", date(2026, 10, 19), "journee", (16, 24)),
        prevision("ALSH-X", date(2026, 10, 27), "journee", (16, 24)),
        prevision("ALSH-X", date(2026, 11, 4), "journee", (16, 24)),
    ];
    let problem = loaded_from(previsions, calendrier);
    let plan = PlanResult {
        slots: outcomes(&problem, &[]),
        director_days: director_days(&problem, &[]),
        recruitment_ran: false,
        ..PlanResult::default()
    };
    let dir = temp_dir("declared");
    let path = dir.0.join("planning.xlsx");
    write(&problem, &plan, &path);
    let range = sheet(&path, "Annee");
    assert_eq!(text(&range, HEADER + 1, 0), "Vacances du 19/10 au 30/10");
    assert_eq!(number(&range, HEADER + 1, 3), 2.0);
    assert_eq!(text(&range, HEADER + 2, 0), "Mercredis");
    assert_eq!(text(&range, HEADER + 3, 0), "Total");
    assert_eq!(text(&range, HEADER + 1, 10), "—", "recruitment not run");
}
