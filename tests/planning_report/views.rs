//! The pages for people: `Synthese` opening on « Que faire », `Technique`, a page per accueil
//! and week, a page per person, who is not retained and why, and how every sheet prints.

use std::path::Path;

use acm_planner::domain::{AvailabilityFlags, Contrat};
use acm_planner::optimize::SolveStatus;
use acm_planner::problem::Problem;
use acm_planner::report::planning::{self, PlanningReport, RunSettings};
use acm_planner::rules::Parameters;
use calamine::{DataType, Reader, open_workbook_auto};

use super::{day, find_row, inputs, person, plan, problem, sheet, temp_dir, text, write, written};

/// The XML of the `index`-th sheet (from 1, in workbook order).
fn sheet_xml(path: &Path, index: usize) -> String {
    let bytes = std::fs::read(path).expect("workbook bytes");
    super::xlsx_xml::part(&bytes, &format!("xl/worksheets/sheet{index}.xml")).expect("sheet part")
}

/// The rows of the manual page breaks of a sheet's XML (0-based: the row a new page starts at).
fn page_breaks(xml: &str) -> Vec<u32> {
    xml.split("<brk id=\"")
        .skip(1)
        .map(|rest| {
            rest.split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("break row")
        })
        .collect()
}

#[test]
fn synthese_opens_on_what_to_do_and_technique_holds_the_solver() {
    let (_dir, path) = written("synthese_opens_on_what_to_do");
    let range = sheet(&path, "Synthese");
    assert_eq!(text(&range, 4, 0), "Que faire");
    assert!(
        text(&range, 5, 0).starts_with("• Recruter 1 animateur BAFA pour le secteur Saumur"),
        "{}",
        text(&range, 5, 0)
    );
    // Where the team is short: ALSH-X on the 7th, where the post R2 is planned.
    let x = find_row(&range, 0, "ALSH-X — Les Loupiots");
    assert_eq!(range.get((x, 1)).and_then(|c| c.as_f64()), Some(1.0));
    assert_eq!(text(&range, x, 2), "07/07 ; postes prévus : R2");
    let y = find_row(&range, 0, "ALSH-Y — La Cabane");
    assert_eq!(text(&range, y, 2), "06/07 ; postes prévus : R1");
    assert!(
        x < find_row(&range, 0, "Chiffres clés"),
        "what to do comes first"
    );
    // No solver internals on the front page.
    for row in 0..range.height() {
        let label = text(&range, row, 0);
        assert!(
            !label.contains("Taille du modèle") && !label.contains("Statut du solveur"),
            "{label}"
        );
    }
    let technique = sheet(&path, "Technique");
    let size = find_row(&technique, 0, "Taille du modèle");
    assert_eq!(text(&technique, size, 1), "1\u{202f}234 variables");
    assert_eq!(
        text(&technique, size, 2),
        "567 contraintes (plus grand modèle résolu)"
    );
    let status = find_row(&technique, 0, "Statut du solveur");
    assert_eq!(text(&technique, status, 1), "optimal");
}

#[test]
fn a_zero_objective_is_reported_optimal_not_a_full_gap() {
    let problem = problem();
    let mut result = plan();
    // Nothing to staff on some dates: HiGHS reports an infinite gap against an objective of 0.
    let stage = &mut result.stats.stages[0];
    stage.objective = 0.0;
    stage.bound = 0.0;
    stage.gap = 1.0;
    let mut stopped = stage.clone();
    stopped.status = SolveStatus::TimeLimit;
    result.stats.stages.push(stopped);
    let run = RunSettings::default();
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new("planning.xlsx"));
    assert!(!summary.contains("100,0 %"), "{summary}");
    assert!(summary.contains(" : optimal, "), "{summary}");
    assert!(!summary.contains("limite de temps"), "{summary}");
    let dir = temp_dir("zero-objective");
    let path = dir.join("planning.xlsx");
    write(&problem, &result, &path);
    let range = sheet(&path, "Synthese");
    let quality = find_row(&range, 0, "Qualité du calcul");
    assert_eq!(text(&range, quality, 1), "meilleur planning possible");
    let technique = sheet(&path, "Technique");
    let proof = find_row(&technique, 0, "Preuve d'optimalité");
    assert_eq!(text(&technique, proof, 1), "optimal");
    assert_eq!(
        text(&technique, proof, 2),
        "aucun planning moins coûteux n'existe"
    );
}

#[test]
fn technique_says_what_the_time_limit_left_out() {
    let problem = problem();
    let mut result = plan();
    result.stats.time_limit_seconds = 60.0;
    result.stats.total_seconds = 58.4;
    result.stats.skipped.stability = 3;
    result.stats.skipped.recruitment = 1;
    let run = RunSettings::default();
    let dir = temp_dir("time-limit-left-out");
    let path = dir.join("planning.xlsx");
    write(&problem, &result, &path);
    let technique = sheet(&path, "Technique");
    let time = find_row(&technique, 0, "Temps de calcul");
    assert_eq!(text(&technique, time, 1), "58,4 s");
    assert_eq!(
        text(&technique, time, 2),
        "limite 60 s (--time-limit) ; laissé de côté pour la tenir : le recrutement sur 1 \
         période à court de personnel, la stabilité des équipes sur 3 périodes"
    );
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new("planning.xlsx"));
    assert!(
        summary.contains(
            "Pour tenir la limite de temps, le calcul a laissé de côté le recrutement sur 1 \
             période à court de personnel, la stabilité des équipes sur 3 périodes"
        ),
        "{summary}"
    );
}

#[test]
fn planning_par_accueil_has_a_page_per_accueil_and_week() {
    let (_dir, path) = written("planning_par_accueil");
    let range = sheet(&path, "Planning par accueil");
    assert_eq!(
        text(&range, 0, 0),
        "ALSH-X — Les Loupiots\nsemaine du lundi 06/07 au mardi 07/07/2026"
    );
    assert_eq!(text(&range, 1, 2), "lundi\n06/07");
    assert_eq!(text(&range, 1, 3), "mardi\n07/07");
    assert_eq!(text(&range, 2, 0), "Enfants attendus");
    assert_eq!(range.get((2, 2)).and_then(|c| c.as_f64()), Some(22.0));
    assert_eq!(text(&range, 3, 0), "Animateurs requis");
    assert_eq!(range.get((3, 3)).and_then(|c| c.as_f64()), Some(3.0));
    // The director on top, then the team, the post R2 directing on the 7th.
    assert_eq!(text(&range, 4, 0), "Dupont Marie");
    assert_eq!(text(&range, 4, 1), "BAFD");
    assert_eq!(text(&range, 4, 2), "direction\n08:30–17:30");
    let r2 = find_row(&range, 0, "À recruter (R2)");
    assert_eq!(text(&range, r2, 3), "direction\n08:30–17:30");
    let paul = find_row(&range, 0, "Martin Paul");
    assert!(r2 < paul, "those who direct come first");
    assert_eq!(text(&range, paul, 2), "08:30–17:30");
    assert_eq!(text(&range, paul, 3), "08:30–17:30");
    let manque = find_row(&range, 0, "Manque");
    assert_eq!(text(&range, manque, 3), "2 animateurs");
    // The second block, ALSH-Y, open one day, starts a new page.
    let y = find_row(&range, 0, "ALSH-Y — La Cabane\nlundi 06/07/2026");
    let titles = (0..range.height())
        .filter(|row| text(&range, *row, 0).starts_with("ALSH-"))
        .count();
    assert_eq!(titles, 2, "one block per accueil and week");
    let xml = sheet_xml(&path, 2);
    assert_eq!(page_breaks(&xml), [u32::try_from(y).expect("row")]);
}

#[test]
fn par_animateur_has_a_page_per_person_who_works() {
    let (_dir, path) = written("par_animateur");
    let range = sheet(&path, "Par animateur");
    let names: Vec<String> = (0..range.height())
        .filter(|row| text(&range, row + 2, 0) == "Date")
        .map(|row| text(&range, row, 0))
        .collect();
    assert_eq!(
        names,
        [
            "Dupont Marie",
            "Martin Paul",
            "Durand Léa",
            "=HYPERLINK(\"x\") Zoé",
            "À recruter (R1)",
            "À recruter (R2)"
        ]
    );
    let paul = find_row(&range, 0, "Martin Paul");
    assert_eq!(
        text(&range, paul + 1, 0),
        "Qualification : BAFA — Contrat : CEE — Id : A2 — 2 jours travaillés"
    );
    assert_eq!(text(&range, paul + 2, 5), "Directeur du jour");
    assert_eq!(
        range.get((paul + 3, 0)).and_then(|c| c.as_date()),
        Some(day(6))
    );
    assert_eq!(text(&range, paul + 3, 1), "lundi");
    assert_eq!(text(&range, paul + 3, 2), "ALSH-X — Les Loupiots");
    assert_eq!(text(&range, paul + 3, 3), "08:30–17:30");
    assert_eq!(text(&range, paul + 3, 4), "animation");
    assert_eq!(text(&range, paul + 3, 5), "Dupont Marie");
    assert_eq!(text(&range, paul + 4, 5), "À recruter (R2)");
    let r1 = find_row(&range, 0, "À recruter (R1)");
    assert!(text(&range, r1 + 1, 0).contains("poste à pourvoir"));
    // ALSH-Y has no director on the 6th in the plan: said so.
    assert_eq!(text(&range, r1 + 3, 5), "aucun (manque)");
    let xml = sheet_xml(&path, 3);
    assert_eq!(page_breaks(&xml).len(), 5, "six people, a page each");
}

/// The plan's problem with six more people, none of whom works.
fn problem_with_idle_people() -> Problem {
    let mut inputs = inputs();
    let mut morning = person("B1", "Matin", "Inès", "BAFA", Contrat::Cee);
    morning.secteur = Some("Doué".into());
    let mut used_up = person("B2", "Usé", "Tom", "BAFA", Contrat::Cee);
    used_up.jours_cee_anterieurs = 80;
    let no_accueil = person("B3", "Absent", "Léo", "BAFA", Contrat::Cdd);
    let mut elsewhere = person("B4", "Loin", "Ana", "BAFA", Contrat::Cdd);
    elsewhere.secteur = Some("Angers".into());
    let mut spare = person("B5", "Réserve", "Jo", "BAFA", Contrat::Cdd);
    spare.secteur = Some("Doué".into());
    let mut short_day = person("B6", "Possible", "Max", "BAFA", Contrat::Cdd);
    short_day.secteur = Some("Saumur".into());
    inputs
        .animateurs
        .extend([morning, used_up, no_accueil, elsewhere, spare, short_day]);
    let matin = AvailabilityFlags {
        matin: true,
        apres_midi: false,
        soir: false,
    };
    let days = &mut inputs.disponibilites;
    days.add("B1", day(6), matin);
    days.add("B1", day(7), matin);
    days.add("B2", day(6), AvailabilityFlags::JOURNEE);
    days.add("B3", day(5), AvailabilityFlags::JOURNEE);
    days.add("B4", day(6), AvailabilityFlags::JOURNEE);
    days.add("B5", day(6), AvailabilityFlags::JOURNEE);
    days.add("B6", day(6), AvailabilityFlags::JOURNEE);
    Problem::new(inputs, Parameters::default()).expect("requirements")
}

#[test]
fn non_retenus_lists_every_idle_person_once_with_a_reason() {
    let problem = problem_with_idle_people();
    let dir = temp_dir("non-retenus");
    let path = dir.join("planning.xlsx");
    let run = RunSettings {
        from: Some(day(5)),
        to: Some(day(7)),
        ..RunSettings::default()
    };
    super::write_with(&problem, &plan(), &run, &path);
    let range = sheet(&path, "Non retenus");
    assert_eq!(text(&range, 2, 0), "Id");
    assert_eq!(text(&range, 2, 7), "Raison");
    let rows: Vec<(String, String)> = (3..range.height())
        .map(|row| (text(&range, row, 0), text(&range, row, 7)))
        .collect();
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["B1", "B2", "B3", "B4", "B5", "B6"],
        "each once, none who works"
    );
    let reason = |id: &str| {
        rows.iter()
            .find(|(row_id, _)| row_id == id)
            .map(|(_, reason)| reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason("B1").starts_with(
            "disponible seulement le matin : aucun créneau de son secteur ne tient dans sa \
             demi-journée"
        ),
        "{}",
        reason("B1")
    );
    assert!(reason("B2").starts_with("jours CEE épuisés (80 par an"));
    assert_eq!(
        reason("B3"),
        "disponible seulement des jours où aucun accueil n'est ouvert avec des enfants"
    );
    assert!(
        reason("B4").starts_with(
            "aucun besoin dans son secteur ces jours-là (accueils ouverts : Doué, Saumur)"
        ),
        "{}",
        reason("B4")
    );
    assert_eq!(
        reason("B5"),
        "non nécessaire : l'équipe retenue suffit à moindre coût"
    );
    assert!(
        reason("B6").starts_with("pouvait travailler un jour en manque (06/07)"),
        "{}",
        reason("B6")
    );
    assert_eq!(
        text(&range, 1, 0),
        "6 personnes disponibles sur la période ne travaillent aucun jour ; la raison est \
         donnée pour chacune."
    );
}

#[test]
fn every_sheet_prints_landscape_with_its_name_and_page_in_the_footer() {
    let (_dir, path) = written("print_setup");
    let workbook = open_workbook_auto(&path).expect("workbook opens");
    let names = workbook.sheet_names();
    let bytes = std::fs::read(&path).expect("workbook bytes");
    let book = super::xlsx_xml::part(&bytes, "xl/workbook.xml").expect("workbook part");
    for (index, name) in names.iter().enumerate() {
        let xml = sheet_xml(&path, index + 1);
        assert!(xml.contains("orientation=\"landscape\""), "{name}");
        assert!(xml.contains("paperSize=\"9\""), "{name}: A4");
        assert!(
            xml.contains("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P / &amp;N</oddFooter>"),
            "{name}: footer"
        );
        let blocks = ["Synthese", "Planning par accueil", "Par animateur"].contains(&name.as_str());
        let full_size = blocks || name == "Technique" || name == "Animateurs";
        if full_size {
            // Excel ignores manual breaks on a sheet fitted to pages: a fixed scale.
            assert!(!xml.contains("fitToPage=\"1\""), "{name}");
            assert_eq!(xml.contains("<rowBreaks"), blocks, "{name}: page breaks");
            // The grid breaks between weeks, and before its totals.
            assert_eq!(xml.contains("<colBreaks"), name == "Animateurs", "{name}");
        } else {
            assert!(xml.contains("fitToPage=\"1\""), "{name}: one page wide");
        }
        let tables = [
            "Non retenus",
            "Manques",
            "Recrutement",
            "Accueils",
            "Animateurs",
            "Affectations",
            "Technique",
            "Regles",
        ];
        if tables.contains(&name.as_str()) {
            let titles =
                format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{index}\"");
            assert!(book.contains(&titles), "{name}: header rows repeated");
        }
    }
}

#[test]
fn the_summer_fixture_says_why_each_idle_person_works_no_day() {
    use acm_planner::commands::{self, Settings};
    use acm_planner::input::{self, Required};
    use std::collections::BTreeSet;
    let dir = temp_dir("fixture-non-retenus");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/saumur-ete.xlsx");
    let output = dir.join("planning.xlsx");
    let settings = Settings::new(vec![input.clone()], output.clone(), false);
    let outcome = commands::plan(&settings)
        .map_err(|_| "plan failed")
        .expect("plan runs");
    assert_eq!(outcome.exit_code, 0);
    // Who should be listed, from the input and the schedule: available on a forecast date,
    // and in no row of Affectations.
    let inputs = input::read_inputs(&[input], Required::ForecastsAndStaff).expect("fixture reads");
    let first = inputs
        .previsions
        .iter()
        .map(|p| p.date)
        .min()
        .expect("forecasts");
    let last = inputs
        .previsions
        .iter()
        .map(|p| p.date)
        .max()
        .expect("forecasts");
    let affectations = sheet(&output, "Affectations");
    let working: BTreeSet<String> = (1..affectations.height())
        .map(|row| text(&affectations, row, 0))
        .collect();
    let expected: BTreeSet<String> = inputs
        .animateurs
        .iter()
        .filter(|p| !working.contains(&p.id))
        .filter(|p| {
            inputs
                .disponibilites
                .of(&p.id)
                .iter()
                .any(|(date, flags)| !flags.is_empty() && first <= *date && *date <= last)
        })
        .map(|p| p.id.clone())
        .collect();
    let range = sheet(&output, "Non retenus");
    let rows: Vec<(String, String, String)> = (3..range.height())
        .map(|row| {
            (
                text(&range, row, 0),
                text(&range, row, 3),
                text(&range, row, 7),
            )
        })
        .collect();
    let listed: BTreeSet<String> = rows.iter().map(|(id, ..)| id.clone()).collect();
    assert_eq!(listed.len(), rows.len(), "each person once");
    assert_eq!(listed, expected);
    assert!(rows.len() >= 7, "{rows:?}");
    assert!(rows.iter().all(|(.., reason)| !reason.is_empty()));
    // Most are BAFA holders available half a day where a journée needs one person all day.
    let half_days = rows
        .iter()
        .filter(|(_, qualification, reason)| {
            qualification == "BAFA"
                && (reason.starts_with("disponible seulement le matin : ")
                    || reason.starts_with("disponible seulement l'après-midi : "))
        })
        .count();
    assert!(half_days >= 4, "{rows:?}");
}
