//! The day's team at the edges of the law, through `needs`, `plan` and `check` on small
//! workbooks: the director's presence (`Presence de la direction`, CASF R227-14: `toute la
//! journee` or `un creneau`) and the suivi sanitaire of séjours and mini-camps (a PSC1 holder
//! each day, arrêté of 20 February 2003). The answers are written from the law (R227-15: 1:12
//! from 6 years in the holidays; R227-17 a and arrêté 13/02/2007 art. 1 d: the director counts
//! in N up to 50 minors; R227-18: a séjour team of 2 besides its director), not from the
//! program.

mod support;
mod workbooks;

use std::path::Path;

use acm_planner::audit::{self, RuleKind};
use acm_planner::domain::{Affectation, Role};
use acm_planner::input::{self, Required};
use acm_planner::problem::{Adjustments, Problem};
use calamine::{Data, DataType, Reader, open_workbook_auto};
use support::{TempDir, run_binary, stderr};
use workbooks::{Book, Sheet, d};

/// A summer Tuesday (extrascolaire): `matin` 08:30–12:00 and `apres-midi` 13:30–17:30, 24
/// children aged 6+ on each: N = ceil(24 / 12) = 2 on each créneau. `staff` is (Id,
/// qualification, availability code); `presence` the `Regles` value, if any.
fn territory(capacite: i32, staff: &[(&str, &str, &str)], presence: Option<&str>) -> Book {
    let date = d(2026, 7, 7);
    let mut sheets = vec![
        Sheet::new(
            "Accueils",
            vec![
                cells!["Code", "Nom", "Commune", "Type", "Capacite"],
                cells![
                    "ALSH",
                    "Les Lutins",
                    "Saumur",
                    "accueil de loisirs",
                    capacite
                ],
            ],
        ),
        Sheet::new(
            "Previsions",
            vec![
                cells![
                    "Accueil",
                    "Date",
                    "Creneau",
                    "Debut",
                    "Fin",
                    "Moins de 6 ans",
                    "6 ans et plus"
                ],
                cells!["ALSH", date, "matin", "08:30", "12:00", 0, 24],
                cells!["ALSH", date, "apres-midi", "13:30", "17:30", 0, 24],
            ],
        ),
        Sheet::new("Animateurs", {
            let mut rows = vec![cells!["Id", "Nom", "Prenom", "Qualification", "Contrat"]];
            for (id, qualification, _) in staff {
                rows.push(cells![*id, *id, "Camille", *qualification, "CEE"]);
            }
            rows
        }),
        Sheet::new("Disponibilites", {
            let mut rows = vec![cells!["Id", date]];
            for (id, _, code) in staff {
                rows.push(cells![*id, *code]);
            }
            rows
        }),
    ];
    if let Some(value) = presence {
        sheets.push(Sheet::new(
            "Regles",
            vec![
                cells!["Parametre", "Valeur"],
                cells!["Presence de la direction", value],
            ],
        ));
    }
    Book::new(sheets)
}

/// `plan` of the team alone (`--no-recruit`): `Manques` shows what the team leaves short.
fn plan(input: &Path, output: &Path) -> String {
    let run = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "--no-recruit".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// `check` on the plan: its exit code and its terminal summary.
fn check(dir: &TempDir, input: &Path, schedule: &Path) -> (Option<i32>, String) {
    let run = run_binary([
        "check".as_ref(),
        input.as_os_str(),
        "--schedule".as_ref(),
        schedule.as_os_str(),
        "-o".as_ref(),
        dir.join("conformite.xlsx").as_os_str(),
    ]);
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
    )
}

/// The problem of `input` and the schedule of `output` read against it.
fn problem_and_schedule(input: &Path, output: &Path) -> (Problem, Vec<Affectation>) {
    let inputs =
        input::read_inputs(&[input.to_path_buf()], Required::ForecastsAndStaff).expect("reads");
    let schedule = input::read_schedule(output, &inputs).expect("schedule reads back");
    let problem = Problem::build(inputs, &Adjustments::default()).expect("loads");
    (problem, schedule)
}

/// `Manques` rows: (créneau, animateurs, qualified, direction missing).
fn manques(path: &Path) -> Vec<(String, f64, f64, f64)> {
    let mut book = open_workbook_auto(path).expect("planning opens");
    let range = book.worksheet_range("Manques").expect("Manques sheet");
    let number = |cell: Option<&Data>| cell.and_then(|c| c.as_f64()).unwrap_or(0.0);
    range
        .rows()
        .skip(1)
        .filter(|row| row.get(1).and_then(|d| d.as_date()).is_some())
        .map(|row| {
            (
                row[2].to_string(),
                number(row.get(3)),
                number(row.get(4)),
                number(row.get(5)),
            )
        })
        .collect()
}

/// (person, créneau, role) of the schedule, sorted.
fn roles(schedule: &[Affectation]) -> Vec<(String, String, Role)> {
    let mut rows: Vec<(String, String, Role)> = schedule
        .iter()
        .map(|a| (a.animateur.clone(), a.creneau.label.clone(), a.role))
        .collect();
    rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    rows
}

/// The `Regles` sheet of an output (the `Synthese` of `check`'s) names the parameter with its
/// value.
fn regles_says(path: &Path, wanted: &str) -> bool {
    let mut book = open_workbook_auto(path).expect("output opens");
    let sheet = if book.sheet_names().iter().any(|n| n == "Regles") {
        "Regles"
    } else {
        "Synthese"
    };
    let range = book
        .worksheet_range(sheet)
        .expect("Regles or Synthese sheet");
    range.rows().any(|row| {
        let line: Vec<String> = row.iter().map(ToString::to_string).collect();
        let line = line.join(" | ");
        line.contains("Présence de la direction") && line.contains(wanted)
    })
}

/// The only BAFD holder can come in the morning only. With the whole day required, nobody can
/// direct that day: one missing director (R227-14), declared by `plan` and found by `check`.
/// With one créneau enough, she directs the morning and counts there (24 ≤ 50 minors): the
/// morning needs one animateur more, the afternoon two: no shortage, and `check` agrees.
#[test]
fn a_morning_director_is_enough_only_under_un_creneau() {
    let staff = [
        ("D1", "BAFD", "M"),
        ("A1", "BAFA", "J"),
        ("A2", "BAFA", "J"),
    ];
    let dir = TempDir::new("presence", "morning");

    let whole_day = territory(40, &staff, None).save(&dir.join("journee.xlsx"));
    let planning = dir.join("planning-journee.xlsx");
    plan(&whole_day, &planning);
    let declared = manques(&planning);
    assert_eq!(declared, vec![("matin".to_string(), 0.0, 0.0, 1.0)]);
    assert!(regles_says(&planning, "toute la journée"));
    let (problem, schedule) = problem_and_schedule(&whole_day, &planning);
    let report = audit::audit(&problem, &schedule);
    let infractions: Vec<RuleKind> = report
        .violations
        .iter()
        .filter(|v| v.severity == audit::Severity::Infraction)
        .map(|v| v.rule)
        .collect();
    assert_eq!(infractions, vec![RuleKind::DirectionAbsente]);

    let one_slot = territory(40, &staff, Some("un creneau")).save(&dir.join("creneau.xlsx"));
    let besoins = dir.join("besoins.xlsx");
    let run = run_binary([
        "needs".as_ref(),
        one_slot.as_os_str(),
        "-o".as_ref(),
        besoins.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(regles_says(&besoins, "un créneau"));
    let planning = dir.join("planning-creneau.xlsx");
    plan(&one_slot, &planning);
    assert_eq!(manques(&planning), vec![]);
    assert!(regles_says(&planning, "un créneau au moins"));
    let (problem, schedule) = problem_and_schedule(&one_slot, &planning);
    let directors: Vec<(String, String, Role)> = roles(&schedule)
        .into_iter()
        .filter(|(_, _, role)| *role == Role::Direction)
        .collect();
    assert_eq!(
        directors,
        vec![("D1".to_string(), "matin".to_string(), Role::Direction)]
    );
    assert!(audit::audit(&problem, &schedule).violations.is_empty());
    let (code, summary) = check(&dir, &one_slot, &planning);
    assert_eq!(code, Some(0), "{summary}");
    assert!(regles_says(
        &dir.join("conformite.xlsx"),
        "un créneau au moins"
    ));

    // The same schedule under the default: the director misses the afternoon.
    let (code, summary) = check(&dir, &whole_day, &planning);
    assert_ne!(code, Some(0), "{summary}");
    let (problem, _) = problem_and_schedule(&whole_day, &planning);
    let report = audit::audit(&problem, &schedule);
    assert_eq!(report.violations.len(), 1, "{:#?}", report.violations);
    let finding = &report.violations[0];
    assert_eq!(finding.rule, RuleKind::DirectionAbsente);
    assert!(
        finding.message.contains("D1 absent de : apres-midi"),
        "{}",
        finding.message
    );
}

/// 60 minors declared: the director never counts in N (arrêté 13/02/2007 art. 1 d). With one
/// BAFD holder and one BAFA holder for N = 2 on each créneau, directing the whole day leaves
/// one animateur missing on each créneau (2); directing one créneau and animating the other
/// (`un creneau`) leaves one missing on the directed créneau only (1).
#[test]
fn under_un_creneau_the_director_may_animate_the_other_creneau() {
    let staff = [("D1", "BAFD", "J"), ("A1", "BAFA", "J")];
    let dir = TempDir::new("presence", "animate");

    let whole_day = territory(60, &staff, None).save(&dir.join("journee.xlsx"));
    let planning = dir.join("planning-journee.xlsx");
    plan(&whole_day, &planning);
    let missing: f64 = manques(&planning).iter().map(|m| m.1).sum();
    assert_eq!(missing, 2.0, "{:?}", manques(&planning));

    let one_slot = territory(60, &staff, Some("Un créneau")).save(&dir.join("creneau.xlsx"));
    let planning = dir.join("planning-creneau.xlsx");
    plan(&one_slot, &planning);
    let declared = manques(&planning);
    assert_eq!(declared.len(), 1, "{declared:?}");
    assert_eq!((declared[0].1, declared[0].3), (1.0, 0.0));
    let (problem, schedule) = problem_and_schedule(&one_slot, &planning);
    let d1: Vec<Role> = roles(&schedule)
        .into_iter()
        .filter(|(id, _, _)| id == "D1")
        .map(|(_, _, role)| role)
        .collect();
    assert_eq!(d1.len(), 2, "{:?}", roles(&schedule));
    assert!(d1.contains(&Role::Direction) && d1.contains(&Role::Animation));
    // `check` finds exactly the declared shortage: one créneau short of one animateur, where
    // N is met only by counting the director, who may not be counted above 50 minors.
    let report = audit::audit(&problem, &schedule);
    let findings: Vec<(RuleKind, String)> = report
        .violations
        .iter()
        .map(|v| {
            (
                v.rule,
                v.creneau
                    .as_ref()
                    .map(|c| c.label.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        vec![(RuleKind::DirecteurCompteIndument, declared[0].0.clone())]
    );
}

/// A value that is neither is refused, naming the two accepted.
#[test]
fn an_unknown_presence_is_refused() {
    let dir = TempDir::new("presence", "unknown");
    let input =
        territory(40, &[("D1", "BAFD", "J")], Some("le matin")).save(&dir.join("entrees.xlsx"));
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        dir.join("besoins.xlsx").as_os_str(),
    ]);
    assert!(!run.status.success());
    let message = stderr(&run);
    assert!(
        message.contains("Presence de la direction") && message.contains("un creneau"),
        "{message}"
    );
}

/// A séjour for 12 children aged 6+ on Tuesday 7 and Wednesday 8 July 2026: N = 2 besides a
/// director who does not count (R227-18). Two BAFA at 60 € a day, one BAFA holding the PSC1 at
/// 90 € who can come on the 7th only, and the director.
fn sejour() -> Book {
    let (tuesday, wednesday) = (d(2026, 7, 7), d(2026, 7, 8));
    Book::new(vec![
        Sheet::new(
            "Accueils",
            vec![
                cells!["Code", "Nom", "Commune", "Type", "Capacite"],
                cells!["SEJ", "Les Cimes", "Saumur", "sejour", 12],
            ],
        ),
        Sheet::new(
            "Previsions",
            vec![
                cells![
                    "Accueil",
                    "Date",
                    "Creneau",
                    "Moins de 6 ans",
                    "6 ans et plus"
                ],
                cells!["SEJ", tuesday, "journee", 0, 12],
                cells!["SEJ", wednesday, "journee", 0, 12],
            ],
        ),
        Sheet::new(
            "Animateurs",
            vec![
                cells![
                    "Id",
                    "Nom",
                    "Prenom",
                    "Qualification",
                    "Contrat",
                    "Cout journalier"
                ],
                cells!["D1", "Durand", "Lou", "BAFD", "CEE", 80],
                cells!["A1", "Martin", "Léa", "BAFA", "CEE", 60],
                cells!["A2", "Bernard", "Hugo", "BAFA", "CEE", 60],
                cells!["P1", "Petit", "Chloé", "BAFA + PSC1", "CEE", 90],
            ],
        ),
        Sheet::new(
            "Disponibilites",
            vec![
                cells!["Id", tuesday, wednesday],
                cells!["D1", "J", "J"],
                cells!["A1", "J", "J"],
                cells!["A2", "J", "J"],
                cells!["P1", "J", ""],
            ],
        ),
    ])
}

/// The suivi sanitaire: on the 7th the plan takes the dearer PSC1 holder rather than the
/// second cheap BAFA; on the 8th nobody holds it, a shortage of its own kind in `Manques` (with
/// its reason), in the summary, and the only finding of `check` on that plan.
#[test]
fn a_sejour_day_needs_a_psc1_holder_in_its_team() {
    let dir = TempDir::new("psc1", "sejour");
    let input = sejour().save(&dir.join("sejour.xlsx"));
    let planning = dir.join("planning.xlsx");
    let summary = plan(&input, &planning);
    assert!(
        summary.contains("Manques        : 1 journée sans titulaire du PSC1"),
        "{summary}"
    );
    let (problem, schedule) = problem_and_schedule(&input, &planning);
    let tuesday: Vec<String> = schedule
        .iter()
        .filter(|a| a.date == d(2026, 7, 7))
        .map(|a| a.animateur.clone())
        .collect();
    assert!(tuesday.contains(&"P1".to_string()), "{tuesday:?}");
    assert_eq!(tuesday.len(), 3, "director and 2 animateurs: {tuesday:?}");

    let mut book = open_workbook_auto(&planning).expect("planning opens");
    let range = book.worksheet_range("Manques").expect("Manques sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][10], "Sans PSC1");
    let row = &rows[1];
    assert_eq!((row[0].as_str(), row[2].as_str()), ("SEJ", "journee"));
    assert_eq!(
        (&row[3], &row[4], &row[5], &row[10]),
        (
            &"0".to_string(),
            &"0".to_string(),
            &"0".to_string(),
            &"1".to_string()
        )
    );
    assert!(
        row[6].contains("aucun titulaire du PSC1 dans l'équipe du jour")
            && row[6].contains("arrêté du 20 février 2003"),
        "{}",
        row[6]
    );
    let declared = manques(&planning);
    assert_eq!(declared.len(), 1);

    let report = audit::audit(&problem, &schedule);
    let findings: Vec<(RuleKind, Option<chrono::NaiveDate>)> =
        report.violations.iter().map(|v| (v.rule, v.date)).collect();
    assert_eq!(findings, vec![(RuleKind::SansPsc1, Some(d(2026, 7, 8)))]);
    assert_eq!(report.violations[0].article, "arrêté du 20 février 2003");
    let (code, summary) = check(&dir, &input, &planning);
    assert_ne!(code, Some(0), "{summary}");
    assert!(summary.contains("PSC1"), "{summary}");

    // The rule, with its article, in the Regles sheet of every output.
    let besoins = dir.join("besoins.xlsx");
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        besoins.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    for output in [&besoins, &planning] {
        assert!(
            regles_line(output, "PSC1").contains("arrêté du 20 février 2003"),
            "{}",
            output.display()
        );
    }
}

/// The first line of the `Regles` sheet that mentions `needle`, its cells joined.
fn regles_line(path: &Path, needle: &str) -> String {
    let mut book = open_workbook_auto(path).expect("output opens");
    let range = book.worksheet_range("Regles").expect("Regles sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .find(|line| line.contains(needle))
        .unwrap_or_default()
}
