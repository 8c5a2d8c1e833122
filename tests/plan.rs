//! `plan` on the bundled fixtures: the written schedule is re-checked against the law from the
//! workbook itself (read back with calamine, audited by the `check` logic, which shares no code
//! with the model), and the output is deterministic.

use std::collections::BTreeSet;
use std::path::Path;

mod support;

use acm_planner::audit::{self, RuleKind};
use acm_planner::domain::Affectation;
use acm_planner::input::{self, Required};
use acm_planner::problem::{Adjustments, Problem};
use calamine::{Data, DataType, Reader, open_workbook_auto};
use chrono::NaiveDate;
use support::{TempDir, fixture, run_binary};

fn plan(input: &Path, output: &Path) {
    let status = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert!(
        status.status.success(),
        "plan failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The fixture's problem, and the schedule of `output` read against its inputs.
fn problem_and_schedule(input: &Path, output: &Path) -> (Problem, Vec<Affectation>) {
    let mut inputs = input::read_inputs(&[input.to_path_buf()], Required::ForecastsAndStaff)
        .expect("fixture reads");
    let schedule = input::read_schedule(output, &inputs).expect("schedule reads back");
    let posts = input::read_recruit_posts(output).expect("posts read back");
    input::add_posts(&mut inputs, posts, &schedule);
    let problem = Problem::build(inputs, &Adjustments::default()).expect("fixture loads");
    (problem, schedule)
}

/// (Accueil, date, créneau) of every row of `Manques`, with animateurs, qualified, director and
/// PSC1 holder missing.
fn manques(path: &Path) -> Vec<(String, NaiveDate, String, f64, f64, f64, f64)> {
    let mut workbook = open_workbook_auto(path).expect("open planning");
    let range = workbook.worksheet_range("Manques").expect("Manques sheet");
    let mut rows = Vec::new();
    for row in range.rows().skip(1) {
        let Some(date) = row.get(1).and_then(|d| d.as_date()) else {
            continue;
        };
        let number = |cell: Option<&Data>| cell.and_then(|c| c.as_f64()).unwrap_or(0.0);
        rows.push((
            row[0].to_string(),
            date,
            row[2].to_string(),
            number(row.get(3)),
            number(row.get(4)),
            number(row.get(5)),
            number(row.get(10)),
        ));
    }
    rows
}

#[test]
fn petit_accueil_plan_is_legal_everywhere_and_costs_the_hand_computed_optimum() {
    let dir = TempDir::new("plan", "petit");
    let output = dir.join("planning.xlsx");
    let input = fixture("petit-accueil.xlsx");
    plan(&input, &output);
    let (problem, schedule) = problem_and_schedule(&input, &output);
    let report = audit::audit(&problem, &schedule);
    assert_eq!(report.infractions(), 0, "{:#?}", report.violations);
    assert!(manques(&output).is_empty());
    // 5 director-days (A1, 120 €) + Mon–Thu a BAFA (65 €), the stagiaire (60 €), the
    // unqualified (55 €) + Friday the stagiaire: 1 380 €.
    let days: BTreeSet<(String, NaiveDate)> = schedule
        .iter()
        .map(|a| (a.animateur.clone(), a.date))
        .collect();
    let cost: i64 = days
        .iter()
        .map(|(id, _)| {
            let person = problem.animateur(id).expect("known person");
            person.cout_journalier.map_or(7000, |c| c.0)
        })
        .sum();
    assert_eq!(cost, 138_000);
    // `check` agrees: exit code 0.
    let check = run_binary([
        "check".as_ref(),
        input.as_os_str(),
        "--schedule".as_ref(),
        output.as_os_str(),
        "-o".as_ref(),
        dir.join("conformite.xlsx").as_os_str(),
    ]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn saumur_plan_breaks_no_rule_except_the_shortages_it_declares() {
    let dir = TempDir::new("plan", "saumur");
    let output = dir.join("planning.xlsx");
    let input = fixture("saumur-ete.xlsx");
    plan(&input, &output);
    let (problem, schedule) = problem_and_schedule(&input, &output);
    // One plan: the posts to fill (`R1`, `R2`… « À recruter ») are audited with the team.
    assert!(
        schedule.iter().any(|a| a.animateur == "R1"),
        "the recruits are published in Affectations"
    );
    assert!(
        schedule.len() > 2000,
        "a real schedule: {} rows",
        schedule.len()
    );
    let report = audit::audit(&problem, &schedule);
    let declared = manques(&output);
    let declared_slots: BTreeSet<(String, NaiveDate, String)> = declared
        .iter()
        .map(|(a, d, c, ..)| (a.clone(), *d, c.clone()))
        .collect();
    let declared_days: BTreeSet<(String, NaiveDate)> = declared
        .iter()
        .filter(|row| row.5 > 0.0)
        .map(|(a, d, ..)| (a.clone(), *d))
        .collect();
    let declared_psc1: BTreeSet<(String, NaiveDate)> = declared
        .iter()
        .filter(|row| row.6 > 0.0)
        .map(|(a, d, ..)| (a.clone(), *d))
        .collect();
    for violation in report
        .violations
        .iter()
        .filter(|v| v.severity == audit::Severity::Infraction)
    {
        let accueil = violation.accueil.clone().unwrap_or_default();
        let date = violation.date.expect("coverage findings are dated");
        match violation.rule {
            RuleKind::EffectifInsuffisant
            | RuleKind::DirecteurCompteIndument
            | RuleKind::QualifiesInsuffisants => {
                let creneau = violation
                    .creneau
                    .as_ref()
                    .map(|c| c.label.clone())
                    .unwrap_or_default();
                assert!(
                    declared_slots.contains(&(accueil.clone(), date, creneau.clone())),
                    "undeclared shortage {accueil} {date} {creneau}: {}",
                    violation.message
                );
            }
            RuleKind::DirectionAbsente => assert!(
                declared_days.contains(&(accueil.clone(), date)),
                "undeclared missing director {accueil} {date}"
            ),
            RuleKind::SansPsc1 => assert!(
                declared_psc1.contains(&(accueil.clone(), date)),
                "undeclared day without a PSC1 holder {accueil} {date}"
            ),
            other => panic!("the plan breaks {other:?}: {}", violation.message),
        }
    }
    // Every declared missing director is a real one.
    let missing_directors = report
        .violations
        .iter()
        .filter(|v| v.rule == RuleKind::DirectionAbsente)
        .count();
    assert_eq!(missing_directors, declared_days.len());
    // Every declared day without a PSC1 holder is a real one; the fixture's holders (two in
    // three qualified people) cover every séjour and mini-camp day.
    let without_psc1 = report
        .violations
        .iter()
        .filter(|v| v.rule == RuleKind::SansPsc1)
        .count();
    assert_eq!(without_psc1, declared_psc1.len());
    assert_eq!(without_psc1, 0);
}

#[test]
fn same_input_gives_a_byte_identical_planning() {
    let dir = TempDir::new("plan", "determinism");
    let input = fixture("petit-accueil.xlsx");
    plan(&input, &dir.join("a.xlsx"));
    plan(&input, &dir.join("b.xlsx"));
    let a = std::fs::read(dir.join("a.xlsx")).expect("a");
    let b = std::fs::read(dir.join("b.xlsx")).expect("b");
    assert!(a == b, "the two workbooks differ");
}
