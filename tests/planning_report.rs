//! `planning.xlsx` and the `plan` summary, from a small hand-made plan: written to a temporary
//! folder, read back with calamine, real cells asserted.

use std::path::{Path, PathBuf};

use acm_planner::domain::{
    Accueil, AcmType, Affectation, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs,
    Prevision, Role, SourceRef,
};
use acm_planner::optimize::{
    DirectorDay, Hire, PersonSummary, PlanResult, SlotOutcome, SolveStats, SolveStatus, StageStats,
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
        certificats: Vec::new(),
        contrat,
        jours_cee_anterieurs: 10,
        cout_journalier: None,
        date_naissance: None,
        secteur: None,
        accueils_possibles: Vec::new(),
        max_jours: None,
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
    let parameters = Parameters::default();
    Problem::new(inputs, parameters).expect("requirements")
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
        reason: String::new(),
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
    short_x.reason = "un seul animateur disponible dans le secteur Doué".into();
    let mut short_y = slot(2, 1, 0, 0);
    short_y.missing_animateurs = 5;
    short_y.missing_qualified = 3;
    short_y.reason = "aucun animateur qualifié disponible dans le secteur Saumur".into();
    let mut covered = slot(0, 3, 2, 1);
    covered.director_present = true;
    let director_day = |code: &str, d: u32, directors: &[&str], reason: &str| DirectorDay {
        accueil: code.into(),
        date: day(d),
        required: 1,
        directors: directors.iter().map(|s| s.to_string()).collect(),
        missing: u32::from(directors.is_empty()),
        reason: reason.into(),
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
            director_day("ALSH-X", 6, &["A1"], ""),
            director_day("ALSH-X", 7, &[], "aucun BAFD disponible le 07/07"),
            director_day("ALSH-Y", 6, &["A9"], ""),
        ],
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
        stats: SolveStats {
            stages: vec![StageStats {
                name: "équipe actuelle — manques".into(),
                component: 0,
                variables: 1234,
                constraints: 567,
                seconds: 0.25,
                objective: 1.0,
                bound: 1.0,
                gap: 0.0,
                status: SolveStatus::Optimal,
                refinement: false,
            }],
            components: 1,
            decomposition: String::new(),
            total_seconds: 0.26,
            ..SolveStats::default()
        },
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

#[test]
fn sheets_come_in_the_documented_order() {
    let (_dir, path) = written("sheets_come_in_the_documented_order");
    let workbook = open_workbook_auto(&path).expect("workbook opens");
    assert_eq!(
        workbook.sheet_names(),
        [
            "Synthese",
            "Accueils",
            "Animateurs",
            "Affectations",
            "Manques",
            "Recrutement",
            "Regles"
        ]
    );
}

#[test]
fn affectations_has_the_columns_check_reads() {
    let (_dir, path) = written("affectations_has_the_columns_check_reads");
    let range = sheet(&path, "Affectations");
    let headers: Vec<String> = (0..6).map(|c| text(&range, 0, c)).collect();
    assert_eq!(
        headers,
        ["Animateur", "Nom", "Accueil", "Date", "Creneau", "Role"]
    );
    // Sorted by person, date, créneau: A1 directs first, then A2 twice.
    assert_eq!(text(&range, 1, 0), "A1");
    assert_eq!(text(&range, 1, 1), "Dupont");
    assert_eq!(text(&range, 1, 2), "ALSH-X");
    let date = range.get((1, 3)).and_then(|c| c.as_date());
    assert_eq!(date, Some(day(6)), "a real date cell");
    assert_eq!(text(&range, 1, 4), "journee");
    assert_eq!(text(&range, 1, 5), "direction");
    // Début and Fin are real times.
    let start = range.get((1, 8)).and_then(|c| c.as_time());
    assert_eq!(start, chrono::NaiveTime::from_hms_opt(8, 30, 0));
    let end = range.get((1, 9)).and_then(|c| c.as_time());
    assert_eq!(end, chrono::NaiveTime::from_hms_opt(17, 30, 0));
    assert_eq!(text(&range, 3, 0), "A2");
    assert_eq!(range.get((3, 3)).and_then(|c| c.as_date()), Some(day(7)));
    assert_eq!(range.height(), 6, "header and five assignments");
    // The formula-like name is text, never a formula.
    let a4 = find_row(&range, 0, "A4");
    assert_eq!(
        range.get((a4, 1)),
        Some(&Data::String("=HYPERLINK(\"x\")".into()))
    );
}

#[test]
fn animateurs_grid_marks_the_director() {
    let (_dir, path) = written("animateurs_grid_marks_the_director");
    let range = sheet(&path, "Animateurs");
    assert_eq!(text(&range, 0, 0), "Id");
    // Date columns are real dates (shown `lun. 06/07`), so `check` can read the grid back.
    assert_eq!(range.get((0, 5)).and_then(|c| c.as_date()), Some(day(6)));
    assert_eq!(range.get((0, 6)).and_then(|c| c.as_date()), Some(day(7)));
    let a1 = find_row(&range, 0, "A1");
    assert_eq!(text(&range, a1, 5), "ALSH-X (D)");
    assert_eq!(text(&range, a1, 6), "");
    let a2 = find_row(&range, 0, "A2");
    assert_eq!(text(&range, a2, 5), "ALSH-X");
    assert_eq!(text(&range, a2, 6), "ALSH-X");
    // Jours travaillés, CEE used (10 prior + 2), CEE left, cost.
    assert_eq!(number(&range, a2, 7), 2.0);
    assert_eq!(number(&range, a2, 8), 12.0);
    assert_eq!(number(&range, a2, 9), 68.0);
    assert_eq!(number(&range, a2, 10), 140.0);
    let a3 = find_row(&range, 0, "A3");
    assert_eq!(text(&range, a3, 8), "—", "no CEE days for a CDD");
}

#[test]
fn grid_spans_the_requested_period_and_flags_low_cee_pay() {
    let mut problem = problem();
    // 40 € a day is below 4.30 × 11.88 € = 51.08 € (CASF D432-2, since 1 May 2025).
    problem.animateurs[1].cout_journalier = Some(Cents::euros(40));
    let run = RunSettings {
        from: Some(day(3)),
        to: Some(day(8)),
        ..RunSettings::default()
    };
    let dir = temp_dir("period");
    let path = dir.join("planning.xlsx");
    write_with(&problem, &plan(), &run, &path);
    let range = sheet(&path, "Animateurs");
    let dates: Vec<NaiveDate> = (5..11)
        .filter_map(|col| range.get((0, col)).and_then(|c| c.as_date()))
        .collect();
    assert_eq!(dates, (3..=8).map(day).collect::<Vec<_>>());
    assert_eq!(text(&range, 0, 11), "Jours travaillés");
    let a2 = find_row(&range, 0, "A2");
    assert_eq!(text(&range, a2, 8), "ALSH-X", "6 July is the fourth date");
    let remark = text(&range, a2, 15);
    assert!(remark.contains("inférieur au minimum du CEE"), "{remark}");
    let synthese = sheet(&path, "Synthese");
    let warned = (0..synthese.height())
        .map(|row| text(&synthese, row, 0))
        .any(|t| t.contains("Vérifiez le coût journalier de 1 animateur en CEE"));
    assert!(warned, "the low pay is in the advice");
}

#[test]
fn manques_lists_each_deficit_with_its_reason() {
    let (_dir, path) = written("manques_lists_each_deficit_with_its_reason");
    let range = sheet(&path, "Manques");
    let headers: Vec<String> = (0..7).map(|c| text(&range, 0, c)).collect();
    assert_eq!(
        headers,
        [
            "Accueil",
            "Date",
            "Creneau",
            "Animateurs manquants",
            "Qualifies manquants",
            "Direction manquante",
            "Raison"
        ]
    );
    assert_eq!(range.height(), 3, "two slots short");
    assert_eq!(text(&range, 1, 0), "ALSH-X");
    assert_eq!(range.get((1, 1)).and_then(|c| c.as_date()), Some(day(7)));
    assert_eq!(text(&range, 1, 2), "journee");
    assert_eq!(number(&range, 1, 3), 2.0);
    assert_eq!(number(&range, 1, 4), 1.0);
    assert_eq!(number(&range, 1, 5), 1.0);
    let reason = text(&range, 1, 6);
    assert!(reason.contains("un seul animateur disponible"), "{reason}");
    assert!(reason.contains("aucun BAFD disponible"), "{reason}");
    assert_eq!(text(&range, 2, 0), "ALSH-Y");
    assert_eq!(number(&range, 2, 3), 5.0);
    assert_eq!(number(&range, 2, 5), 0.0);
}

#[test]
fn manques_says_so_when_nothing_is_missing() {
    let problem = problem();
    let mut result = plan();
    for slot in &mut result.slots {
        slot.missing_animateurs = 0;
        slot.missing_qualified = 0;
    }
    for day in &mut result.director_days {
        day.missing = 0;
    }
    let dir = temp_dir("none");
    let path = dir.join("planning.xlsx");
    write(&problem, &result, &path);
    let range = sheet(&path, "Manques");
    assert!(text(&range, 1, 0).starts_with("Aucun manque"));
}

#[test]
fn recrutement_totals_are_exact() {
    let (_dir, path) = written("recrutement_totals_are_exact");
    let range = sheet(&path, "Recrutement");
    let header = find_row(&range, 0, "N°");
    assert_eq!(text(&range, header, 10), "Coût total");
    assert_eq!(number(&range, header + 1, 0), 1.0);
    assert_eq!(text(&range, header + 1, 1), "BAFA");
    assert_eq!(text(&range, header + 1, 2), "Saumur");
    assert_eq!(text(&range, header + 1, 6), "06/07");
    assert_eq!(number(&range, header + 1, 10), 235.0);
    assert_eq!(number(&range, header + 2, 10), 260.0);
    let total = find_row(&range, 0, "Total");
    assert_eq!(number(&range, total, 7), 2.0, "days");
    assert_eq!(number(&range, total, 9), 300.0, "fixed costs");
    assert_eq!(number(&range, total, 10), 495.0, "total cost");
    let residual = (0..range.height())
        .map(|row| text(&range, row, 0))
        .find(|t| t.starts_with("Manque restant"));
    assert!(residual.is_some(), "residual shortage is stated");
}

#[test]
fn recrutement_explains_no_recruit() {
    let problem = problem();
    let mut result = plan();
    result.hires.clear();
    result.hire_assignments.clear();
    result.recruitment_ran = false;
    let dir = temp_dir("no-recruit");
    let path = dir.join("planning.xlsx");
    write(&problem, &result, &path);
    let range = sheet(&path, "Recrutement");
    assert!(
        text(&range, 1, 0).contains("--no-recruit"),
        "{}",
        text(&range, 1, 0)
    );
}

#[test]
fn synthese_shows_coverage_and_what_to_do() {
    let (_dir, path) = written("synthese_shows_coverage_and_what_to_do");
    let range = sheet(&path, "Synthese");
    // Required: 3 (X) + 6 (Y) on the 6th, 3 on the 7th; staffed 3 + 1, then 1: 5 / 12.
    let required = find_row(&range, 0, "Journées-animateurs requises");
    assert_eq!(number(&range, required, 1), 12.0);
    let staffed = find_row(&range, 0, "Journées-animateurs couvertes");
    assert_eq!(number(&range, staffed, 1), 5.0);
    let coverage = find_row(&range, 0, "Taux de couverture");
    assert!((number(&range, coverage, 1) - 5.0 / 12.0).abs() < 1e-9);
    let cost = find_row(&range, 0, "Recrutement : coût");
    assert_eq!(number(&range, cost, 1), 495.0);
    let status = find_row(&range, 0, "Statut du solveur");
    assert_eq!(text(&range, status, 1), "optimal");
    // Per sector (columns K to S): Doué is short of a director, Saumur of five animateurs.
    let header = find_row(&range, 10, "Secteur");
    let doue: Vec<f64> = (11..19).map(|c| number(&range, header + 1, c)).collect();
    assert_eq!(text(&range, header + 1, 10), "Doué");
    assert_eq!(doue, [1.0, 6.0, 4.0, 4.0 / 6.0, 2.0, 1.0, 1.0, 1.0]);
    assert_eq!(text(&range, header + 2, 10), "Saumur");
    assert_eq!(number(&range, header + 2, 15), 5.0);
    let advice = (0..range.height())
        .map(|row| text(&range, row, 0))
        .find(|t| t.contains("Recruter 1 animateur BAFA pour le secteur Saumur le 6 juillet"));
    assert!(advice.is_some(), "a hire becomes an instruction");
}

#[test]
fn accueils_rows_carry_requirement_and_status() {
    let (_dir, path) = written("accueils_rows_carry_requirement_and_status");
    let range = sheet(&path, "Accueils");
    assert_eq!(text(&range, 0, 20), "Statut");
    // Sorted by ACM, date, créneau: X 6th, X 7th, Y 6th.
    assert_eq!(text(&range, 1, 0), "ALSH-X");
    assert_eq!(number(&range, 1, 9), 3.0, "N");
    assert_eq!(text(&range, 1, 13), "compté");
    assert_eq!(text(&range, 1, 20), "conforme");
    assert_eq!(text(&range, 2, 20), "sans direction");
    assert_eq!(text(&range, 3, 0), "ALSH-Y");
    assert_eq!(number(&range, 3, 9), 6.0);
    assert_eq!(text(&range, 3, 13), "en plus");
    assert_eq!(text(&range, 3, 20), "manque");
}

#[test]
fn regles_cites_articles_and_marks_overrides() {
    let mut problem = problem();
    problem.parameters = Parameters::from_rows(&[(
        "Coût journalier par défaut".into(),
        "75".into(),
        source("Regles", 3),
    )])
    .expect("valid rules");
    let dir = temp_dir("regles");
    let path = dir.join("planning.xlsx");
    write(&problem, &plan(), &path);
    let range = sheet(&path, "Regles");
    let all: Vec<String> = (0..range.height())
        .map(|row| text(&range, row, 3))
        .collect();
    for article in [
        "CASF R227-15",
        "CASF R227-16 I",
        "CASF R227-16 II",
        "CASF R227-19 III",
        "CASF L432-4",
    ] {
        assert!(all.iter().any(|a| a.contains(article)), "{article}");
    }
    let cost = (0..range.height())
        .find(|row| text(&range, *row, 1).starts_with("Coût d'une journée travaillée"))
        .expect("default cost row");
    assert_eq!(text(&range, cost, 2), "75,00 €");
    assert!(
        text(&range, cost, 4).contains("ligne 3"),
        "{}",
        text(&range, cost, 4)
    );
}

#[test]
fn same_plan_gives_identical_bytes() {
    let dir = temp_dir("determinism");
    let (first, second) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    write(&problem(), &plan(), &first);
    write(&problem(), &plan(), &second);
    let a = std::fs::read(&first).expect("first file");
    let b = std::fs::read(&second).expect("second file");
    assert!(a == b, "two writes of the same plan differ");
}

#[test]
fn terminal_summary_has_the_figures() {
    let problem = problem();
    let result = plan();
    let run = RunSettings::default();
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new("planning.xlsx"));
    for expected in [
        "du 06/07/2026 au 07/07/2026",
        "2 accueils",
        "4 animateurs",
        "41,7 %",
        "7 animateurs et 4 qualifiés en cumul sur les créneaux, 1 journée de direction",
        "350,00 €",
        "2 postes",
        "495,00 €",
        "optimal",
        "0,3 s",
        "planning.xlsx",
        "Recruter 1 directeur BAFD pour le secteur Doué le 7 juillet",
    ] {
        assert!(
            summary.contains(expected),
            "« {expected} » missing in:\n{summary}"
        );
    }
    assert!(summary.lines().count() <= 24, "one screen:\n{summary}");
}

/// A fuller plan for looking at the workbook as a director would:
/// `ACM_RENDER_OUT=/tmp/x/planning.xlsx cargo test --release --test planning_report -- --ignored`
/// then `libreoffice --headless --convert-to pdf` and `pdftoppm`.
#[test]
#[ignore = "writes a sample workbook for visual review"]
fn render_sample() {
    let Some(out) = std::env::var_os("ACM_RENDER_OUT") else {
        return;
    };
    let (problem, result) = sample();
    write(&problem, &result, Path::new(&out));
    let run = RunSettings::default();
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new(&out));
    std::fs::write(Path::new(&out).with_extension("txt"), summary).expect("summary written");
}

/// Three ACM over two weeks, fourteen people, Saumur short of staff and of a professional
/// director on some days.
fn sample() -> (Problem, PlanResult) {
    let dates: Vec<NaiveDate> = (6..=17)
        .map(day)
        .filter(|d| !matches!(d.format("%u").to_string().as_str(), "6" | "7"))
        .collect();
    let mut saumur = accueil(
        "ALSH-SAUMUR",
        "Centre de loisirs du Chardonnet",
        AcmType::AccueilLoisirs,
        120,
        "Saumur",
    );
    saumur.jours_ouverture = Some(200);
    let accueils = vec![
        accueil(
            "ALSH-DOUE",
            "Les Loupiots",
            AcmType::AccueilLoisirs,
            48,
            "Doué",
        ),
        accueil(
            "ALSH-MONTREUIL",
            "La Cabane",
            AcmType::AccueilLoisirs,
            40,
            "Saumur",
        ),
        saumur,
    ];
    let mut previsions = Vec::new();
    for date in &dates {
        previsions.push(prevision("ALSH-DOUE", *date, 12, 20));
        previsions.push(prevision("ALSH-SAUMUR", *date, 30, 50));
        for label in ["matin", "apres-midi"] {
            let mut p = prevision("ALSH-MONTREUIL", *date, 8, 14);
            p.creneau = Creneau::standard(label).expect("standard");
            previsions.push(p);
        }
    }
    let staff = [
        ("A01", "Bernard", "Claire", "BAFD", Contrat::Cee),
        ("A02", "Petit", "Hugo", "DEJEPS", Contrat::Cdi),
        ("A03", "Robert", "Inès", "BAFD", Contrat::Cee),
        ("A04", "Richard", "Lucas", "BAFA", Contrat::Cee),
        ("A05", "Moreau", "Emma", "BAFA", Contrat::Cee),
        ("A06", "Simon", "Nathan", "BAFA", Contrat::Cee),
        ("A07", "Laurent", "Chloé", "BPJEPS", Contrat::Cdd),
        ("A08", "Lefebvre", "Louis", "CAP AEPE", Contrat::Titulaire),
        ("A09", "Michel", "Jade", "stagiaire BAFA", Contrat::Cee),
        ("A10", "Garcia", "Tom", "stagiaire BAFA", Contrat::Cee),
        ("A11", "David", "Lina", "BAFA", Contrat::Cee),
        (
            "A12",
            "Bertrand",
            "Noah",
            "sans qualification",
            Contrat::Cdd,
        ),
        ("A13", "Roux", "Mila", "BAFA", Contrat::Cee),
        ("A14", "Vincent", "Sacha", "stagiaire BAFA", Contrat::Cee),
    ];
    let animateurs: Vec<Animateur> = staff
        .iter()
        .map(|(id, nom, prenom, q, c)| person(id, nom, prenom, q, *c))
        .collect();
    let mut inputs = Inputs {
        accueils,
        previsions,
        animateurs,
        files: vec!["saumur-ete-2026.xlsx".into(), "disponibilites.ods".into()],
        ..Inputs::default()
    };
    for (i, (id, ..)) in staff.iter().enumerate() {
        for (j, date) in dates.iter().enumerate() {
            if (i + j) % 7 != 3 {
                inputs
                    .disponibilites
                    .add(id, *date, AvailabilityFlags::JOURNEE);
            }
        }
    }
    let problem = Problem::new(inputs, Parameters::default()).expect("requirements");

    // Doué: A01 directs (counted), A04 A05 A09 animate. Montreuil: A03 directs, A06 A10.
    // Saumur: A02 directs (not counted), A07 A08 A11 A12 A13 A14, one short every Wednesday.
    let mut assignments = Vec::new();
    for (j, date) in dates.iter().enumerate() {
        let available =
            |id: &str| problem.availability.flags(id, *date) == AvailabilityFlags::JOURNEE;
        let mut put = |id: &str, code: &str, label: &str, role: Role| {
            if available(id) {
                let mut a = work(id, code, *date, role);
                a.creneau = Creneau::standard(label).expect("standard");
                assignments.push(a);
            }
        };
        put("A01", "ALSH-DOUE", "journee", Role::Direction);
        for id in ["A04", "A05", "A09"] {
            put(id, "ALSH-DOUE", "journee", Role::Animation);
        }
        for label in ["matin", "apres-midi"] {
            put("A03", "ALSH-MONTREUIL", label, Role::Direction);
            put("A06", "ALSH-MONTREUIL", label, Role::Animation);
            put("A10", "ALSH-MONTREUIL", label, Role::Animation);
        }
        if j % 5 != 2 {
            put("A02", "ALSH-SAUMUR", "journee", Role::Direction);
        }
        for id in ["A07", "A08", "A11", "A12", "A13", "A14"] {
            put(id, "ALSH-SAUMUR", "journee", Role::Animation);
        }
    }
    assignments.sort_by(|a, b| {
        (&a.animateur, a.date, a.creneau.sort_key()).cmp(&(
            &b.animateur,
            b.date,
            b.creneau.sort_key(),
        ))
    });

    let mut slots = Vec::new();
    for need in &problem.needs {
        let (index, p, r) = (need.id.index(), &need.forecast, &need.requirement);
        let here: Vec<&Affectation> = assignments
            .iter()
            .filter(|a| a.accueil == p.accueil && a.date == p.date && a.creneau == p.creneau)
            .filter(|a| a.role == Role::Animation || r.director_counts)
            .collect();
        let category = |a: &&Affectation| {
            problem
                .animateur(&a.animateur)
                .map(|x| x.qualification.category)
        };
        use acm_planner::domain::AnimationCategory as C;
        let staffed = u32::try_from(here.len()).expect("small");
        let qualified = u32::try_from(
            here.iter()
                .filter(|a| category(a) == Some(C::Qualified))
                .count(),
        )
        .expect("small");
        let trainees = u32::try_from(
            here.iter()
                .filter(|a| category(a) == Some(C::Trainee))
                .count(),
        )
        .expect("small");
        let mut outcome = slot(index, staffed, qualified, trainees);
        outcome.missing_animateurs = r.total_animation().saturating_sub(staffed);
        outcome.missing_qualified = r.min_qualified.saturating_sub(qualified);
        if outcome.missing_animateurs + outcome.missing_qualified > 0 {
            outcome.reason = format!(
                "{} personnes disponibles dans le secteur pour {} requises",
                staffed,
                r.total_animation()
            );
        }
        slots.push(outcome);
    }
    let mut director_days = Vec::new();
    for code in ["ALSH-DOUE", "ALSH-MONTREUIL", "ALSH-SAUMUR"] {
        for date in &dates {
            let directors: Vec<String> = assignments
                .iter()
                .filter(|a| a.accueil == code && a.date == *date && a.role == Role::Direction)
                .map(|a| a.animateur.clone())
                .take(1)
                .collect();
            director_days.push(DirectorDay {
                accueil: code.into(),
                date: *date,
                required: 1,
                missing: u32::from(directors.is_empty()),
                reason: if directors.is_empty() {
                    "aucun diplômé professionnel disponible (règle 80/80)".into()
                } else {
                    String::new()
                },
                directors,
            });
        }
    }
    let saumur_short: Vec<NaiveDate> = dates.to_vec();
    let wednesdays: Vec<NaiveDate> = dates
        .iter()
        .copied()
        .step_by(5)
        .map(|d| d + chrono::Duration::days(2))
        .collect();
    let mut hires = vec![
        hire(1, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short),
        hire(2, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short),
        hire(3, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short[..5]),
        hire(4, "DEJEPS", "Saumur", "ALSH-SAUMUR", &wednesdays),
    ];
    hires[1].accueils.push("ALSH-MONTREUIL".into());
    let hire_assignments = hires
        .iter()
        .flat_map(|h| {
            h.dates.iter().map(|d| {
                work(
                    &h.id,
                    "ALSH-SAUMUR",
                    *d,
                    if h.qualification.may_direct() {
                        Role::Direction
                    } else {
                        Role::Animation
                    },
                )
            })
        })
        .collect();
    let people = Vec::new();
    let mut result = PlanResult {
        assignments,
        slots,
        director_days,
        people,
        staff_cost: Cents::default(),
        hires,
        hire_assignments,
        residual_missing: (3, 0, 0),
        recruitment_ran: true,
        stats: plan().stats,
    };
    result.staff_cost = Cents::euros(70) * i64::try_from(result.assignments.len()).expect("small");
    (problem, result)
}

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
    assert_eq!(workbook.sheet_names().len(), 7);
    assert_eq!(workbook.sheet_names()[3], "Affectations");

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

/// A year-long territory (40 ACM, 250 people, two créneaux a day): the workbook must stay quick
/// to write. `cargo test --release --test planning_report -- --ignored large`
#[test]
#[ignore = "timing check on a large synthetic plan"]
fn large_plan_writes_in_seconds() {
    let first = NaiveDate::from_ymd_opt(2025, 9, 1).expect("valid date");
    let dates: Vec<NaiveDate> = first.iter_days().take(300).collect();
    let codes: Vec<String> = (0..40).map(|i| format!("ALSH-{i:02}")).collect();
    let mut inputs = Inputs {
        accueils: codes
            .iter()
            .map(|c| {
                accueil(
                    c,
                    "Accueil",
                    AcmType::Extrascolaire,
                    60,
                    &format!("S{}", c.len() % 5),
                )
            })
            .collect(),
        ..Inputs::default()
    };
    for code in &codes {
        for date in &dates {
            for label in ["matin", "apres-midi"] {
                let mut p = prevision(code, *date, 10, 20);
                p.creneau = Creneau::standard(label).expect("standard");
                inputs.previsions.push(p);
            }
        }
    }
    for i in 0..250 {
        let id = format!("P{i:03}");
        inputs
            .animateurs
            .push(person(&id, "Nom", "Prénom", "BAFA", Contrat::Cee));
        for date in &dates {
            inputs
                .disponibilites
                .add(&id, *date, AvailabilityFlags::JOURNEE);
        }
    }
    let mut assignments = Vec::new();
    for (i, person) in inputs.animateurs.iter().enumerate() {
        for (j, date) in dates.iter().enumerate() {
            if (i + j) % 7 < 5 {
                for label in ["matin", "apres-midi"] {
                    let mut a = work(&person.id, &codes[i % codes.len()], *date, Role::Animation);
                    a.creneau = Creneau::standard(label).expect("standard");
                    assignments.push(a);
                }
            }
        }
    }
    let slots = (0..inputs.previsions.len())
        .map(|i| slot(i, 4, 3, 1))
        .collect();
    let problem = Problem::new(inputs, Parameters::default()).expect("requirements");
    let result = PlanResult {
        assignments,
        slots,
        ..PlanResult::default()
    };
    let dir = temp_dir("large");
    let path = dir.join("planning.xlsx");
    let start = std::time::Instant::now();
    write(&problem, &result, &path);
    let seconds = start.elapsed().as_secs_f64();
    eprintln!("large plan written in {seconds:.1} s");
    assert!(seconds < 60.0, "{seconds} s");
}
