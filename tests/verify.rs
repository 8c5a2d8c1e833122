//! Nothing wrong is published: a stage forced to break its plan (as HiGHS's wrong optimum did)
//! is caught by the final check, and the best plan that holds is published instead, saying so.

use std::path::{Path, PathBuf};

use acm_planner::audit;
use acm_planner::input::Required;
use acm_planner::optimize::{Broken, Fallback, Fault, PlanOptions, PlanResult};
use acm_planner::problem::{Adjustments, Problem};
use acm_planner::verify;

fn repro(name: &str) -> Problem {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/repro")
        .join(name);
    Problem::read(
        &[path],
        Required::ForecastsAndStaff,
        &Adjustments::default(),
    )
    .expect("read")
}

fn planned(problem: &Problem, fault: Option<Fault>) -> PlanResult {
    let options = PlanOptions {
        fault,
        ..PlanOptions::default()
    };
    verify::plan(problem, &options).expect("a plan that holds")
}

/// The published plan, audited with its posts: its infractions beyond shortage, and its
/// weighted shortage.
fn audited(problem: &Problem, result: &PlanResult) -> (usize, i64) {
    let posts: Vec<_> = result.hires.iter().map(|h| h.person()).collect();
    let schedule: Vec<_> = result
        .assignments
        .iter()
        .chain(&result.hire_assignments)
        .cloned()
        .collect();
    let report = audit::audit(&problem.with_posts(&posts, &schedule), &schedule);
    (
        report.beyond_shortage().count(),
        report.shortage().weighted(&problem.parameters),
    )
}

#[test]
fn a_sound_plan_is_published_as_computed() {
    let problem = repro("hire-drops-team.xlsx");
    let result = planned(&problem, None);
    let verification = result.verification.as_ref().expect("verified");
    assert!(verification.broken.is_empty(), "{verification:?}");
    assert_eq!(verification.fallback, None);
    assert_eq!(verification.weighted_shortage, 0);
    assert_eq!(verification.team_alone_shortage, 1000);
    assert_eq!(audited(&problem, &result), (0, 0));
    assert_eq!(result.hires.len(), 1);
}

#[test]
fn hires_that_displace_the_team_are_not_published() {
    let problem = repro("hire-drops-team.xlsx");
    let result = planned(&problem, Some(Fault::HiresDisplaceTeam));
    let verification = result.verification.as_ref().expect("verified");
    // The broken plan: the post alone, four CEE dropped (3 animateurs, 1 qualified missing).
    assert!(
        verification
            .broken
            .contains(&Broken::WorseThanTeamWithPosts {
                audited: 250,
                team_with_posts: 0,
            }),
        "{:?}",
        verification.broken
    );
    // Published instead: the team's own plan with the same post, legal and complete.
    assert_eq!(verification.fallback, Some(Fallback::TeamWithPosts));
    assert_eq!(verification.weighted_shortage, 0);
    assert_eq!(audited(&problem, &result), (0, 0));
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.hires.len(), 1);
    assert_eq!(result.assignments.len(), 4, "the four CEE are back");
}

#[test]
fn a_plan_that_contradicts_its_stages_is_not_published() {
    let problem = repro("team-idle-minor.xlsx");
    let result = planned(&problem, Some(Fault::WrongClaim));
    let verification = result.verification.as_ref().expect("verified");
    assert_eq!(
        verification.broken,
        [Broken::Claimed {
            audited: 0,
            claimed: 1000
        }]
    );
    // Published instead: the team's own plan with the same post — legal, and no shorter than
    // the team alone (two animateurs missing, 2 × 50), though the contradicted plan had none
    // missing: a plan whose figures cannot be trusted is not worth its figures.
    assert_eq!(verification.fallback, Some(Fallback::TeamWithPosts));
    assert_eq!(audited(&problem, &result), (0, 100));
    assert!(verification.weighted_shortage <= verification.team_alone_shortage);
}

/// The replaced plan says so: first in « Que faire » (terminal and Synthese), and in Technique.
#[test]
fn a_replaced_plan_says_so() {
    use acm_planner::report::planning::{PlanningReport, RunSettings, terminal_summary};
    let problem = repro("hire-drops-team.xlsx");
    let result = planned(&problem, Some(Fault::HiresDisplaceTeam));
    let run = RunSettings {
        attendance_percent: 0,
        mixed_ages_from_command_line: false,
        mip_gap: None,
        time_limit_seconds: 120.0,
        from: None,
        to: None,
    };
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let dir = std::env::temp_dir().join(format!("acm-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let output = dir.join("planning.xlsx");
    acm_planner::report::planning::write_planning(&report, &output).expect("written");
    let summary = terminal_summary(&report, &output);
    let first = summary
        .lines()
        .skip_while(|l| !l.contains("Que faire"))
        .nth(1)
        .expect("a first advice");
    assert!(
        first.contains("Le planning calculé a été écarté au contrôle final (")
            && first.contains(
                "manque pondéré de 250, plus que l'équipe seule avec les mêmes postes (0)"
            )
            && first.contains("celui de l'équipe actuelle avec les mêmes postes à pourvoir"),
        "{first}"
    );
    use calamine::{Reader, open_workbook_auto};
    let mut workbook = open_workbook_auto(&output).expect("open");
    let technique = workbook.worksheet_range("Technique").expect("Technique");
    let row = technique
        .rows()
        .find(|r| r[0] == "Contrôle du planning publié")
        .expect("the check's row");
    assert_eq!(row[1].to_string(), "planning de repli");
    assert!(
        row[2].to_string().contains("est publié à sa place"),
        "{row:?}"
    );
    let synthese = workbook.worksheet_range("Synthese").expect("Synthese");
    assert!(
        synthese.rows().flatten().any(|c| c
            .to_string()
            .starts_with("• Le planning calculé a été écarté")),
        "Synthese's « Que faire » says it too"
    );
    std::fs::remove_dir_all(&dir).ok();
}
