//! The hand-kept fixture `fixtures/hiver-2027.xlsx` (issue 11, point 8): a winter week of the
//! 2026-27 school year (zone B February holidays) written the way directors write workbooks.
//! It reads with its remarks, and `needs`, `plan` and `check` run on it.

mod support;

use acm_planner::domain::{Certificate, RemarkKind};
use acm_planner::input::{Required, read_inputs, read_schedule};
use calamine::{Reader, open_workbook_auto};
use support::{TempDir, date, fixture, run_binary, stderr};

#[test]
fn the_winter_fixture_reads_as_written() {
    let path = fixture("hiver-2027.xlsx");
    let inputs = match read_inputs(std::slice::from_ref(&path), Required::ForecastsAndStaff) {
        Ok(inputs) => inputs,
        Err(error) => panic!("{error}"),
    };
    let codes: Vec<&str> = inputs.accueils.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["ALSH-DOUE", "ALSH-CONCOURSON"]);
    assert_eq!(inputs.accueils[0].source.row, 5);
    // Five Date rows and a Monday-to-Friday range.
    assert_eq!(inputs.previsions.len(), 10);
    let span = inputs.date_span();
    assert_eq!(span, Some((date(2027, 2, 22), date(2027, 2, 26))));
    assert_eq!(inputs.previsions[2].renforce, 1);

    let garnier = inputs.animateur("D02").expect("D02");
    assert_eq!(garnier.qualification.label, "BAFD");
    assert_eq!(garnier.certificats, [Certificate::Psc1]);
    let roux = inputs.animateur("A02").expect("A02");
    assert_eq!(roux.qualification.label, "BAFA");
    assert_eq!(roux.certificats, [Certificate::SurveillantBaignade]);
    let moreau = inputs.animateur("D01").expect("D01");
    assert_eq!(moreau.certificats, [Certificate::PermisB]);
    let fontaine = inputs.animateur("A08").expect("A08");
    assert_eq!(fontaine.qualification.label, "sans qualification");
    assert_eq!(fontaine.certificats, [Certificate::Psc1]);

    // Codes as typed: oui, x, matin, après-midi, -, non, absent.
    assert!(inputs.disponibilites.flags("A01", date(2027, 2, 24)).soir);
    assert!(
        inputs
            .disponibilites
            .flags("A02", date(2027, 2, 24))
            .is_empty()
    );
    let a03 = inputs.disponibilites.flags("A03", date(2027, 2, 26));
    assert!(a03.apres_midi && !a03.matin);
    assert!(
        inputs
            .disponibilites
            .flags("D02", date(2027, 2, 26))
            .is_empty()
    );
    assert_eq!(inputs.calendrier.len(), 16);

    let count = |kind: RemarkKind| inputs.remarks.iter().filter(|r| r.kind == kind).count();
    assert_eq!(count(RemarkKind::RowsAboveHeader), 7);
    assert_eq!(count(RemarkKind::TotalRow), 1);
    assert_eq!(count(RemarkKind::Notes), 3);
    let ignored: Vec<String> = inputs
        .remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::IgnoredColumns)
        .map(|r| r.message.clone())
        .collect();
    assert_eq!(
        ignored,
        [
            "colonnes ignorées : Téléphone, Commentaire interne",
            "colonnes ignorées : Remarque",
            "colonnes ignorées : Nom, Nb jours",
        ]
    );
    // The team's Téléphone column is read: it goes on each person's page of the plan.
    let with_phone = inputs
        .animateurs
        .iter()
        .filter(|a| a.telephone.is_some())
        .count();
    assert!(with_phone > 0, "telephones read");
}

#[test]
fn needs_plan_and_check_run_on_the_winter_fixture() {
    let input = fixture("hiver-2027.xlsx");
    let dir = TempDir::new("fixture-hiver", "commands");
    let needs = dir.join("besoins.xlsx");
    let run = run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        needs.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));

    let planning = dir.join("planning.xlsx");
    let run = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        planning.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let inputs = read_inputs(std::slice::from_ref(&input), Required::ForecastsAndStaff)
        .expect("fixture reads");
    let schedule = read_schedule(&planning, &inputs).expect("schedule reads back");
    assert!(schedule.len() >= 30, "{} assignments", schedule.len());
    let mut workbook = open_workbook_auto(&planning).expect("planning opens");
    assert!(workbook.worksheet_range("Affectations").is_ok());

    let conformite = dir.join("conformite.xlsx");
    let run = run_binary([
        "check".as_ref(),
        input.as_os_str(),
        "--schedule".as_ref(),
        planning.as_os_str(),
        "-o".as_ref(),
        conformite.as_os_str(),
    ]);
    // 0: compliant; 3: violations found (the plan leaves a director-day short).
    assert!(
        matches!(run.status.code(), Some(0 | 3)),
        "{:?}: {}",
        run.status,
        stderr(&run)
    );
}
