//! Each sheet of `planning.xlsx`, read back with calamine; the same plan gives the same bytes.

use acm_planner::domain::Cents;
use acm_planner::report::planning::RunSettings;
use acm_planner::rules::Parameters;
use calamine::{Data, DataType, Reader, open_workbook_auto};
use chrono::NaiveDate;

use super::{
    day, find_row, number, plan, problem, sheet, source, temp_dir, text, write, write_with, written,
};

#[test]
fn sheets_come_in_the_documented_order() {
    let (_dir, path) = written("sheets_come_in_the_documented_order");
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
            "Technique",
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
    assert_eq!(
        range.height(),
        8,
        "header, five assignments of the team, two of the posts"
    );
    // The posts to fill follow the team, as R1, R2 with the Nom « À recruter ».
    assert_eq!(text(&range, 6, 0), "R1");
    assert_eq!(text(&range, 6, 1), "À recruter");
    assert_eq!(text(&range, 6, 2), "ALSH-Y");
    assert_eq!(text(&range, 6, 7), "BAFA");
    assert_eq!(text(&range, 7, 0), "R2");
    assert_eq!(text(&range, 7, 1), "À recruter");
    assert_eq!(range.get((7, 3)).and_then(|c| c.as_date()), Some(day(7)));
    assert_eq!(text(&range, 7, 5), "direction");
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
    assert!(
        reason.starts_with("1 animateur disponible dans le secteur Doué"),
        "{reason}"
    );
    assert!(
        reason.contains("direction : aucun titulaire du BAFD"),
        "{reason}"
    );
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
        text(&range, 1, 0).contains("--sans-recrutement"),
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
    let cost = find_row(&range, 0, "Coût du recrutement");
    assert_eq!(number(&range, cost, 1), 495.0);
    let quality = find_row(&range, 0, "Qualité du calcul");
    assert_eq!(text(&range, quality, 1), "meilleur planning possible");
    // Per sector, one row each in the same three columns: Doué is short of a director,
    // Saumur of five animateurs.
    let doue = find_row(&range, 0, "Doué");
    assert!((number(&range, doue, 1) - 4.0 / 6.0).abs() < 1e-9);
    assert_eq!(
        text(&range, doue, 2),
        "1 accueil ; 6 journées-animateurs requises, 4 couvertes ; manque : 2 animateurs et 1 \
         qualifié manquants, créneau par créneau, 1 journée de direction ; 1 poste à recruter"
    );
    let saumur = find_row(&range, 0, "Saumur");
    assert!(text(&range, saumur, 2).contains("manque : 5 animateurs"));
    // Nothing is written right of column C: one table across the page.
    for row in 0..range.height() {
        for col in 3..range.width() {
            assert_eq!(text(&range, row, col), "", "cell {row}, {col}");
        }
    }
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
