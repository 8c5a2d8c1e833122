//! `planning.xlsx` and the `plan` summary, from a small hand-made plan: written to a temporary
//! folder, read back with calamine, real cells asserted.
//!
//! `sheets` asserts each sheet, `views` the pages for people (per accueil, per animateur,
//! who is not retained, Synthese and Technique, page set-up), `summary` the terminal summary (and writes a fuller sample for
//! visual review), `command` runs `plan` end to end, `large` writes a year-long territory.

mod command;
mod large;
mod sheets;
mod summary;
mod views;
#[path = "../support/xlsx_xml.rs"]
#[allow(dead_code)]
mod xlsx_xml;

use std::path::{Path, PathBuf};

use acm_planner::domain::{
    Accueil, AcmType, Affectation, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs,
    Prevision, Role, SourceRef,
};
use acm_planner::optimize::{
    DirectorDay, DirectorDiploma, DirectorReason, Hire, Objective, Obstacle, ObstacleCount,
    PersonSummary, Phase, PlanResult, ShortageReason, SlotOutcome, SolveStats, SolveStatus,
    StageName, StageStats,
};
use acm_planner::problem::{ForecastId, Problem};
use acm_planner::report::planning::{self, PlanningReport, RunSettings};
use acm_planner::rules::{Parameters, qualifications};
use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, d).expect("valid date")
}

fn source(sheet: &str, row: u32) -> SourceRef {
    SourceRef {
        file: "saumur.xlsx".into(),
        sheet: sheet.into(),
        row,
    }
}

fn accueil(code: &str, nom: &str, kind: AcmType, capacite: u32, secteur: &str) -> Accueil {
    Accueil {
        code: code.into(),
        nom: nom.into(),
        commune: "Doué-en-Anjou".into(),
        kind,
        pedt: false,
        capacite,
        jours_ouverture: None,
        secteur: Some(secteur.into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
        source: source("Accueils", 2),
    }
}

fn prevision(code: &str, date: NaiveDate, under_6: u32, over_6: u32) -> Prevision {
    Prevision {
        accueil: code.into(),
        date,
        creneau: Creneau::standard("journee").expect("standard"),
        moins_de_6: under_6,
        six_et_plus: over_6,
        renforce: 0,
        source: source("Previsions", 2),
    }
}

fn person(id: &str, nom: &str, prenom: &str, qualification: &str, contrat: Contrat) -> Animateur {
    Animateur {
        id: id.into(),
        nom: nom.into(),
        prenom: prenom.into(),
        qualification: qualifications::canonical(qualification).expect("known qualification"),
        contrat,
        jours_cee_anterieurs: 10,
        cout_journalier: None,
        date_naissance: None,
        secteur: None,
        accueils_possibles: Vec::new(),
        max_jours: None,
        telephone: None,
        email: None,
        certificats: Vec::new(),
        source: source("Animateurs", 2),
    }
}

fn work(id: &str, code: &str, date: NaiveDate, role: Role) -> Affectation {
    Affectation {
        animateur: id.into(),
        accueil: code.into(),
        date,
        creneau: Creneau::standard("journee").expect("standard"),
        role,
        source: None,
    }
}

/// Two ACM over two days: ALSH-X is covered on the 6th and short on the 7th (no director, one
/// animateur for three); ALSH-Y is short on the 6th.
fn problem() -> Problem {
    Problem::new(inputs(), Parameters::default()).expect("requirements")
}

/// The inputs of [`problem`].
fn inputs() -> Inputs {
    let mut inputs = Inputs {
        accueils: vec![
            accueil(
                "ALSH-X",
                "Les Loupiots",
                AcmType::AccueilLoisirs,
                40,
                "Doué",
            ),
            accueil("ALSH-Y", "La Cabane", AcmType::Extrascolaire, 60, "Saumur"),
        ],
        previsions: vec![
            prevision("ALSH-X", day(6), 10, 12),
            prevision("ALSH-X", day(7), 10, 12),
            prevision("ALSH-Y", day(6), 20, 30),
        ],
        animateurs: vec![
            person("A1", "Dupont", "Marie", "BAFD", Contrat::Cee),
            person("A2", "Martin", "Paul", "BAFA", Contrat::Cee),
            person("A3", "Durand", "Léa", "stagiaire BAFA", Contrat::Cdd),
            // A name that looks like a formula must stay text.
            person(
                "A4",
                "=HYPERLINK(\"x\")",
                "Zoé",
                "sans qualification",
                Contrat::Cdd,
            ),
        ],
        files: vec!["saumur.xlsx".into()],
        ..Inputs::default()
    };
    for id in ["A1", "A2", "A3", "A4"] {
        for d in [6, 7] {
            inputs
                .disponibilites
                .add(id, day(d), AvailabilityFlags::JOURNEE);
        }
    }
    inputs
}

fn slot(prevision: usize, staffed: u32, qualified: u32, trainees: u32) -> SlotOutcome {
    SlotOutcome {
        forecast: ForecastId::new(prevision),
        staffed,
        qualified,
        trainees,
        unqualified: staffed - qualified - trainees,
        director_present: false,
        missing_animateurs: 0,
        missing_qualified: 0,
        reason: None,
    }
}

fn hire(
    number: usize,
    qualification: &str,
    secteur: &str,
    code: &str,
    dates: &[NaiveDate],
) -> Hire {
    let qualification = qualifications::canonical(qualification).expect("known qualification");
    let daily_cost = if qualification.may_direct() {
        Cents::euros(110)
    } else {
        Cents::euros(85)
    };
    Hire {
        number,
        certificats: Vec::new(),
        qualification,
        secteur: Some(secteur.into()),
        accueils: vec![code.into()],
        dates: dates.to_vec(),
        daily_cost,
        fixed_cost: Cents::euros(150),
        id: format!("RECRUTEMENT-{number}"),
    }
}

fn plan() -> PlanResult {
    // ALSH-X: N = ceil(10/8) + ceil(12/12) = 3; ALSH-Y: N = ceil(20/8) + ceil(30/12) = 6.
    let mut short_x = slot(1, 1, 1, 0);
    short_x.missing_animateurs = 2;
    short_x.missing_qualified = 1;
    short_x.reason = Some(ShortageReason::Blocked {
        available: 1,
        sector: Some("Doué".into()),
        blocked: vec![ObstacleCount {
            obstacle: Obstacle::Elsewhere,
            people: 1,
        }],
        free: 0,
        no_qualified: false,
    });
    let mut short_y = slot(2, 1, 0, 0);
    short_y.missing_animateurs = 5;
    short_y.missing_qualified = 3;
    short_y.reason = Some(ShortageReason::NoQualifiedAvailable {
        sector: Some("Saumur".into()),
    });
    let mut covered = slot(0, 3, 2, 1);
    covered.director_present = true;
    let director_day =
        |code: &str, d: u32, directors: &[&str], reason: Option<DirectorReason>| DirectorDay {
            accueil: code.into(),
            date: day(d),
            required: 1,
            directors: directors.iter().map(|s| s.to_string()).collect(),
            missing: u32::from(directors.is_empty()),
            reason,
        };
    let summary = |id: &str, days: u32, cee: bool| PersonSummary {
        animateur: id.into(),
        days_worked: days,
        cee_days_used: cee.then_some(10 + days),
        cee_days_left: cee.then_some(70 - days),
        cost: Cents::euros(70) * i64::from(days),
    };
    let hires = vec![
        hire(1, "BAFA", "Saumur", "ALSH-Y", &[day(6)]),
        hire(2, "BAFD", "Doué", "ALSH-X", &[day(7)]),
    ];
    PlanResult {
        assignments: vec![
            work("A1", "ALSH-X", day(6), Role::Direction),
            work("A2", "ALSH-X", day(6), Role::Animation),
            work("A2", "ALSH-X", day(7), Role::Animation),
            work("A3", "ALSH-X", day(6), Role::Animation),
            work("A4", "ALSH-Y", day(6), Role::Animation),
        ],
        slots: vec![covered, short_x, short_y],
        director_days: vec![
            director_day("ALSH-X", 6, &["A1"], None),
            director_day(
                "ALSH-X",
                7,
                &[],
                Some(DirectorReason::NoneAvailableAllDay {
                    diploma: DirectorDiploma::Bafd,
                    sector: Some("Doué".into()),
                }),
            ),
            director_day("ALSH-Y", 6, &["A9"], None),
        ],
        psc1_days: Vec::new(),
        people: vec![
            summary("A1", 1, true),
            summary("A2", 2, true),
            summary("A3", 1, false),
            summary("A4", 1, false),
        ],
        staff_cost: Cents::euros(350),
        hire_assignments: vec![
            work("RECRUTEMENT-1", "ALSH-Y", day(6), Role::Animation),
            work("RECRUTEMENT-2", "ALSH-X", day(7), Role::Direction),
        ],
        hires,
        residual_missing: (4, 3, 0),
        recruitment_ran: true,
        team_missing: (0, 0, 0),
        stability: Default::default(),
        changes: None,
        stats: SolveStats {
            stages: vec![StageStats {
                name: StageName {
                    dates: None,
                    phase: Phase::Team,
                    objective: Objective::Shortage,
                },
                component: 0,
                variables: 1234,
                constraints: 567,
                seconds: 0.25,
                objective: 1.0,
                bound: 1.0,
                gap: 0.0,
                status: SolveStatus::Optimal,
                refinement: false,
                solved_again: false,
            }],
            components: 1,
            total_seconds: 0.26,
            ..SolveStats::default()
        },
        ..Default::default()
    }
}

/// A fresh folder for one test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> Scratch {
    let dir =
        std::env::temp_dir().join(format!("acm-planning-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    Scratch(dir)
}

fn write(problem: &Problem, result: &PlanResult, path: &Path) {
    write_with(problem, result, &RunSettings::default(), path);
}

fn write_with(problem: &Problem, result: &PlanResult, run: &RunSettings, path: &Path) {
    let report = PlanningReport {
        problem,
        result,
        run,
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

/// The first row whose cell in `col` equals `value`.
fn find_row(range: &Range<Data>, col: usize, value: &str) -> usize {
    (0..range.height())
        .find(|row| text(range, *row, col) == value)
        .unwrap_or_else(|| panic!("no row with « {value} » in column {col}"))
}

/// The hand-made plan written to a folder of its own (tests run in parallel); the folder goes
/// when the returned guard is dropped.
fn written(name: &str) -> (Scratch, PathBuf) {
    let dir = temp_dir(name);
    let path = dir.join("planning.xlsx");
    write(&problem(), &plan(), &path);
    (dir, path)
}
