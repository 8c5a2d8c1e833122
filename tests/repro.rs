//! The reproductions of published plans that a legal plan beat (tests/data/repro, copied from
//! the campaign that found them): each is planned through the binary, with and without hires,
//! and its shortage read back from `Manques` must be at least as small as the better plan given
//! beside it (checked legal by `check`), and the plan itself must pass `check` with shortage
//! findings only.

use std::path::{Path, PathBuf};

mod support;

use calamine::{Data, Reader, open_workbook_auto};
use support::{TempDir, run_binary, stderr};

fn repro(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/repro")
        .join(name)
}

fn calendar() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/calendriers/Zone-B.ics")
}

/// Shortage totals of a planning workbook's `Manques`: animateurs, qualified, director-days,
/// séjour days without a PSC1 holder.
fn manques(path: &Path) -> [u32; 4] {
    let mut workbook = open_workbook_auto(path).expect("open planning");
    let range = workbook.worksheet_range("Manques").expect("Manques");
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let columns = [
        column("Animateurs manquants"),
        column("Qualifies manquants"),
        column("Direction manquante"),
        column("Sans PSC1"),
    ];
    let mut totals = [0u32; 4];
    for row in rows {
        for (total, index) in totals.iter_mut().zip(columns) {
            *total += match &row[index] {
                Data::Int(n) => u32::try_from(*n).expect("count"),
                Data::Float(f) => *f as u32,
                _ => 0,
            };
        }
    }
    totals
}

/// The default weights of `Regles` (animateur, qualifié, direction, PSC1).
fn weighted(totals: [u32; 4]) -> u32 {
    totals[0] * 50 + totals[1] * 100 + totals[2] * 1000 + totals[3] * 75
}

/// The arguments as a part of a file name.
fn file_part(extra: &[&str]) -> String {
    extra
        .iter()
        .flat_map(|a| a.chars())
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Plans `name` (`extra` arguments), returns its `Manques` and the planning written.
fn plan(name: &str, extra: &[&str], dir: &TempDir) -> ([u32; 4], PathBuf) {
    let output = dir.join(&format!("{name}-{}.xlsx", file_part(extra)));
    let mut args: Vec<String> = vec!["plan".into(), repro(name).display().to_string()];
    args.extend(extra.iter().map(|a| a.to_string()));
    args.extend(["-o".into(), output.display().to_string()]);
    let run = run_binary(&args);
    assert!(run.status.success(), "{name}: {}", stderr(&run));
    (manques(&output), output)
}

/// Plans `name` (`extra` arguments) and checks the plan with `check`: legal but for the
/// shortages it declares. Returns its `Manques`.
fn plan_and_check(name: &str, extra: &[&str], dir: &TempDir) -> [u32; 4] {
    let (totals, output) = plan(name, extra, dir);
    let conformite = dir.join(&format!("conformite-{name}-{}.xlsx", file_part(extra)));
    let mut check: Vec<String> = vec!["check".into(), repro(name).display().to_string()];
    check.extend([
        "--schedule".into(),
        output.display().to_string(),
        "-o".into(),
        conformite.display().to_string(),
    ]);
    let checked = run_binary(&check);
    let summary = String::from_utf8_lossy(&checked.stdout).into_owned();
    let expected_code = if totals == [0; 4] { 0 } else { 3 };
    assert_eq!(
        checked.status.code(),
        Some(expected_code),
        "{name}: {summary}{}",
        stderr(&checked)
    );
    for forbidden in [
        "indisponible",
        "hors de son secteur",
        "deux accueils",
        "durée",
        "repos",
        "80 jours",
        "trop d'animateurs sans qualification",
    ] {
        assert!(
            !summary.contains(forbidden),
            "{name}: {forbidden} in {summary}"
        );
    }
    totals
}

/// (workbook, shortage with hires, shortage of the team alone), as [animateurs, qualified,
/// director-days, PSC1 days]; in the comments, the weighted shortage of the better plan that
/// `check` accepted, which the published one must not exceed.
const CASES: [(&str, [u32; 4], [u32; 4]); 7] = [
    // A: the hired director displaced four free CEE (published W 250; better 0).
    ("hire-drops-team.xlsx", [0, 0, 0, 0], [0, 0, 1, 0]),
    // A on a séjour, a BAFA post capped at 1 (published W 1 250; better 1 150).
    (
        "sejour-hire-displaces-team.xlsx",
        [0, 0, 1, 2],
        [0, 1, 1, 2],
    ),
    // B: no director post proposed although the default BAFD closes the day (better 0).
    (
        "hired-director-not-proposed.xlsx",
        [0, 0, 0, 0],
        [0, 0, 1, 0],
    ),
    // C: two BAFD and a 17-year-old BAFA left idle (team W 1 550; better 550).
    ("team-idle-minor.xlsx", [0, 0, 0, 0], [2, 0, 0, 0]),
    // C: a CDD BAFD allowed in the other sector left idle (team W 2 600; better 1 450).
    (
        "team-idle-cdd-cross-sector.xlsx",
        [0, 0, 0, 0],
        [3, 3, 1, 0],
    ),
    // D: adding a CAP AEPE emptied the plan (team W 1 350; better 0).
    ("more-staff-more-shortage.xlsx", [0, 0, 0, 0], [0, 0, 0, 0]),
    // D: a second BAFD at another cost emptied the plan (better 0).
    (
        "second-director-empties-plan.xlsx",
        [0, 0, 0, 0],
        [0, 0, 0, 0],
    ),
];

#[test]
fn every_reproduction_is_planned_at_least_as_well_as_its_better_plan() {
    let dir = TempDir::new("repro", "minimal");
    for (name, with_hires, team_alone) in CASES {
        let published = plan_and_check(name, &[], &dir);
        assert_eq!(published, with_hires, "{name} with hires");
        let team = plan_and_check(name, &["--no-recruit"], &dir);
        assert_eq!(team, team_alone, "{name} team alone");
        assert!(
            weighted(published) <= weighted(team),
            "{name}: hires made it worse"
        );
    }
}

#[test]
fn adding_a_person_never_makes_the_team_plan_worse() {
    let dir = TempDir::new("repro", "more-staff");
    for name in ["more-staff-more-shortage", "second-director-empties-plan"] {
        let extra = if name.starts_with("more") {
            "X99"
        } else {
            "X98"
        };
        let with = plan_and_check(&format!("{name}.xlsx"), &["--no-recruit"], &dir);
        let without = plan_and_check(
            &format!("{name}.without-{extra}.xlsx"),
            &["--no-recruit"],
            &dir,
        );
        assert!(
            weighted(with) <= weighted(without),
            "{name}: {with:?} > {without:?}"
        );
    }
}

/// The director's own workbook: on Wednesday 27 January 2027 the team lacks only its director;
/// with hires, the director post is added and the six free people keep their day.
#[test]
fn a_hired_director_does_not_displace_the_free_team() {
    let dir = TempDir::new("repro", "noel");
    let calendar = calendar().display().to_string();
    let args = [
        "--calendrier",
        calendar.as_str(),
        "--from",
        "27/01/2027",
        "--to",
        "27/01/2027",
    ];
    // `check` audits every date of the workbook: the day's plan is held by `plan`'s own final
    // check (the same rules) and by its figures.
    let (team, _) = plan(
        "noel-mercredis.xlsx",
        &[&args[..], &["--no-recruit"]].concat(),
        &dir,
    );
    assert_eq!(team, [0, 0, 1, 0]);
    let (published, planning) = plan("noel-mercredis.xlsx", &args, &dir);
    assert_eq!(published, [0, 0, 0, 0]);
    // Nobody free is left out of a short day.
    let mut workbook = open_workbook_auto(&planning).expect("open planning");
    let rows = workbook
        .worksheet_range("Non retenus")
        .expect("Non retenus");
    for row in rows.rows() {
        let text: Vec<String> = row.iter().map(|c| c.to_string()).collect();
        assert!(!text.join(" ").contains("ne l'a pas retenu"), "{text:?}");
    }
}

/// Thirteen people, several free all day: the team plan is no longer empty.
#[test]
fn an_available_team_is_planned() {
    let dir = TempDir::new("repro", "equipe-vide");
    let team = plan_and_check("equipe-vide.xlsx", &["--no-recruit"], &dir);
    // The empty plan of before weighed 60 × 50 + 35 × 100 + 7 × 1 000 = 13 500.
    assert_eq!(team, [24, 13, 2, 0]);
}
