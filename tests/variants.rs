//! The variant generator (`testdata::write_by_hand`): the same territory written clean and
//! written "by hand" (merged titles, an updated-on line, totals and notes, reordered and extra
//! columns, other spellings of headers and codes, combined certificates, a grid with a `Nom`
//! column and dates in words) reads as the same inputs, gives the same needs and, run through
//! the binary, the same plan, cell for cell in `Affectations`.

mod support;

use std::path::Path;

use acm_planner::domain::{Inputs, RemarkKind, SourceRef};
use acm_planner::input::{Required, read_inputs};
use acm_planner::problem::{Adjustments, Problem};
use acm_planner::testdata::{self, Territory, TerritorySpec};
use calamine::{Data, Reader, open_workbook_auto};
use support::{TempDir, date, run_binary, stderr};

/// The inputs without where each value came from (rows and sheets differ by construction), and
/// without the extra certificates (the variant adds some).
fn comparable(mut inputs: Inputs) -> Inputs {
    for accueil in &mut inputs.accueils {
        accueil.source = SourceRef::default();
    }
    for prevision in &mut inputs.previsions {
        prevision.source = SourceRef::default();
    }
    for person in &mut inputs.animateurs {
        person.source = SourceRef::default();
        person.certificats.clear();
        // The hand-kept variant adds the phone numbers people keep beside the team.
        person.telephone = None;
        person.email = None;
    }
    for profile in &mut inputs.recrutement {
        profile.source = SourceRef::default();
    }
    for row in &mut inputs.regles {
        row.2 = SourceRef::default();
    }
    inputs.files.clear();
    inputs.remarks.clear();
    inputs
}

fn read(path: &Path) -> Inputs {
    match read_inputs(&[path.to_path_buf()], Required::ForecastsAndStaff) {
        Ok(inputs) => inputs,
        Err(error) => panic!("{} does not read:\n{error}", path.display()),
    }
}

/// Writes the territory both ways; returns (clean, by hand).
fn both(territory: &Territory, dir: &TempDir) -> (std::path::PathBuf, std::path::PathBuf) {
    let clean = dir.join("propre.xlsx");
    let by_hand = dir.join("a-la-main.xlsx");
    testdata::write_workbook(territory, &clean).expect("clean workbook");
    testdata::write_by_hand(territory, &by_hand).expect("hand-kept workbook");
    (clean, by_hand)
}

fn assert_same_inputs(clean: &Path, by_hand: &Path) -> Inputs {
    let clean_inputs = read(clean);
    let hand_inputs = read(by_hand);
    let (a, b) = (comparable(clean_inputs), comparable(hand_inputs.clone()));
    assert_eq!(a.accueils, b.accueils);
    assert_eq!(a.previsions, b.previsions);
    assert_eq!(a.animateurs, b.animateurs);
    assert_eq!(a.disponibilites, b.disponibilites);
    assert_eq!(a.recrutement, b.recrutement);
    assert_eq!(a.regles, b.regles);
    assert_eq!(a.calendrier, b.calendrier);
    hand_inputs
}

/// Every cell of `Affectations`, as text.
fn affectations(path: &Path) -> Vec<Vec<String>> {
    cells_of(path, "Affectations")
}

/// Every cell of a sheet of an output workbook, as text.
fn cells_of(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook = open_workbook_auto(path).expect("open output");
    let range = workbook.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

fn plan(input: &Path, output: &Path) {
    run("plan", input, output);
}

/// `acm-planner needs`: the sheets of figures (not `Regles`, which echoes the files read) are the
/// same cell for cell.
fn assert_same_needs_workbooks(clean: &Path, by_hand: &Path, dir: &TempDir) {
    let (clean_out, hand_out) = (
        dir.join("besoins-propre.xlsx"),
        dir.join("besoins-main.xlsx"),
    );
    run("needs", clean, &clean_out);
    run("needs", by_hand, &hand_out);
    for sheet in ["Accueils", "Semaines", "Par jour"] {
        let figures = cells_of(&clean_out, sheet);
        assert!(figures.len() > 2, "{sheet}");
        assert_eq!(figures, cells_of(&hand_out, sheet), "{sheet}");
    }
}

fn run(command: &str, input: &Path, output: &Path) {
    let run = run_binary([
        command.as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "plan {}: {}",
        input.display(),
        stderr(&run)
    );
}

/// What the law requires for each slot, whichever sheet rows it came from.
fn needs(path: &Path) -> Vec<String> {
    let problem = Problem::read(
        &[path.to_path_buf()],
        Required::Forecasts,
        &Adjustments::default(),
    )
    .expect("problem");
    problem
        .needs
        .iter()
        .map(|need| {
            format!(
                "{} {} {} {:?}",
                need.forecast.accueil,
                need.forecast.date,
                need.forecast.creneau.label,
                need.requirement
            )
        })
        .collect()
}

#[test]
fn the_small_fixture_written_by_hand_gives_the_same_plan() {
    let dir = TempDir::new("variants", "petit");
    let (clean, by_hand) = both(&testdata::petit_accueil(), &dir);
    let inputs = assert_same_inputs(&clean, &by_hand);
    // What was skipped is said once per sheet.
    let kinds: Vec<RemarkKind> = inputs.remarks.iter().map(|r| r.kind).collect();
    for kind in [
        RemarkKind::RowsAboveHeader,
        RemarkKind::TotalRow,
        RemarkKind::Notes,
        RemarkKind::IgnoredColumns,
        RemarkKind::YearFromForecasts,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}: {:#?}", inputs.remarks);
    }
    let ignored: Vec<&str> = inputs
        .remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::IgnoredColumns)
        .map(|r| r.message.as_str())
        .collect();
    assert!(
        ignored.contains(&"colonnes ignorées : Téléphone, Commentaire interne"),
        "{ignored:?}"
    );
    // The extra certificates are kept.
    let a2 = inputs.animateur("A2").expect("A2");
    assert_eq!(a2.qualification.label, "BAFA");
    assert_eq!(a2.certificats.len(), 1, "{:?}", a2.certificats);
    assert_eq!(needs(&clean), needs(&by_hand));
    assert_same_needs_workbooks(&clean, &by_hand, &dir);

    plan(&clean, &dir.join("plan-propre.xlsx"));
    plan(&by_hand, &dir.join("plan-main.xlsx"));
    let clean_plan = affectations(&dir.join("plan-propre.xlsx"));
    assert!(clean_plan.len() > 5, "{clean_plan:?}");
    assert_eq!(clean_plan, affectations(&dir.join("plan-main.xlsx")));
}

#[test]
fn a_generated_territory_written_by_hand_gives_the_same_plan() {
    let spec = TerritorySpec {
        acm: 8,
        animateurs: 60,
        weeks: 2,
        start: date(2026, 7, 6),
        seed: 11,
        regles: true,
    };
    let territory = testdata::territory(&spec);
    let dir = TempDir::new("variants", "territoire");
    let (clean, by_hand) = both(&territory, &dir);
    assert_same_inputs(&clean, &by_hand);
    assert_eq!(needs(&clean), needs(&by_hand));
    assert_same_needs_workbooks(&clean, &by_hand, &dir);
    plan(&clean, &dir.join("plan-propre.xlsx"));
    plan(&by_hand, &dir.join("plan-main.xlsx"));
    assert_eq!(
        affectations(&dir.join("plan-propre.xlsx")),
        affectations(&dir.join("plan-main.xlsx"))
    );
}

/// Outside the summer the generator adds a `Calendrier` sheet and périscolaire créneaux with
/// explicit times: they survive the hand-kept spelling too.
#[test]
fn an_autumn_territory_written_by_hand_reads_the_same() {
    let spec = TerritorySpec {
        acm: 4,
        animateurs: 30,
        weeks: 2,
        start: date(2026, 9, 7),
        seed: 11,
        regles: false,
    };
    let territory = testdata::territory(&spec);
    assert!(!territory.calendrier.is_empty());
    let dir = TempDir::new("variants", "automne");
    let (clean, by_hand) = both(&territory, &dir);
    assert_same_inputs(&clean, &by_hand);
    assert_eq!(needs(&clean), needs(&by_hand));
}
