//! Tests of `conformite.xlsx` and of the `check` summary.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

use crate::audit::{AuditReport, RuleKind, Unit, Violation};
use crate::domain::Creneau;
use crate::problem::Problem;

use super::checked::CheckedFiles;
use super::summary::terminal_summary;
use super::workbook::write_conformite;

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

fn empty_problem() -> Problem {
    Problem::new(
        crate::domain::Inputs::default(),
        crate::rules::Parameters::default(),
    )
    .expect("an empty problem")
}

fn sample_report() -> AuditReport {
    AuditReport {
        violations: vec![
            Violation::new(RuleKind::EffectifInsuffisant, "=2 animateurs pour 3 requis")
                .accueil("ALSH-A")
                .date(date(6))
                .creneau(&Creneau::standard("matin").expect("standard"))
                .numbers(3, 2, Unit::Personnes)
                .article("CASF R227-15"),
            Violation::new(RuleKind::DureeQuotidienne, "10 h 30 pour 10 h")
                .date(date(7))
                .animateur("A1")
                .numbers(600, 630, Unit::Minutes),
            Violation::new(RuleKind::RemunerationCee, "coût bas")
                .date(date(8))
                .animateur("A2")
                .numbers(5108, 4000, Unit::Centimes)
                .source_row(Some(7)),
        ],
        affectations: 12,
        open_slots: 4,
        people: 2,
    }
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("acm-conformite-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("conformite.xlsx")
}

fn files() -> CheckedFiles<'static> {
    CheckedFiles {
        schedule: "planning.xlsx",
        inputs: &[],
        mixed_ages: "par-tranche",
    }
}

#[test]
fn workbook_lists_every_finding_with_real_dates_and_text_cells() {
    let path = temp_path("findings");
    write_conformite(&sample_report(), &empty_problem(), files(), &path).expect("workbook written");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("workbook readable");
    assert_eq!(workbook.sheet_names(), ["Synthese", "Infractions"]);
    let rows = workbook.worksheet_range("Infractions").expect("sheet");
    let header: Vec<String> = rows
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Gravité");
    assert_eq!(header[11], "Ligne du planning");
    assert_eq!(rows.height(), 4);
    let first = rows.rows().nth(1).expect("first finding");
    assert_eq!(first[0], Data::String("infraction".into()));
    assert_eq!(first[3], Data::String("ALSH-A".into()));
    assert!(matches!(first[4], Data::DateTime(_)), "{:?}", first[4]);
    assert_eq!(first[7], Data::Float(3.0));
    // A message starting with "=" stays text.
    assert_eq!(
        first[10],
        Data::String("=2 animateurs pour 3 requis".into())
    );
    let hours = rows.rows().nth(2).expect("hours finding");
    // An `[h]:mm` cell reads back as a duration: 630 minutes.
    assert!(
        matches!(&hours[8], Data::DateTime(d) if (d.as_f64() * 1440.0 - 630.0).abs() < 1e-6),
        "{:?}",
        hours[8]
    );
    let pay = rows.rows().nth(3).expect("pay finding");
    assert_eq!(pay[0], Data::String("avertissement".into()));
    assert_eq!(pay[7], Data::Float(51.08));
    assert_eq!(pay[11], Data::Float(7.0));
    let synthese = workbook.worksheet_range("Synthese").expect("sheet");
    assert_eq!(
        synthese.get_value((2, 1)),
        Some(&Data::String(
            "Planning non conforme : 2 infractions (1 avertissement).".into()
        ))
    );
    std::fs::remove_file(&path).ok();
}

#[test]
fn an_empty_report_says_so() {
    let path = temp_path("empty");
    write_conformite(&AuditReport::default(), &empty_problem(), files(), &path)
        .expect("workbook written");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("workbook readable");
    let rows = workbook.worksheet_range("Infractions").expect("sheet");
    let text = rows
        .get_value((1, 0))
        .map(|c| c.to_string())
        .unwrap_or_default();
    assert!(text.starts_with("Aucune infraction"), "{text}");
    let summary = terminal_summary(&AuditReport::default(), &empty_problem(), &path);
    assert!(
        summary.starts_with("Planning conforme : aucune infraction."),
        "{summary}"
    );
    std::fs::remove_file(&path).ok();
}

#[test]
fn terminal_summary_lists_counts_and_first_findings() {
    let summary = terminal_summary(&sample_report(), &empty_problem(), Path::new("c.xlsx"));
    assert!(summary.contains("Planning non conforme : 2 infractions (1 avertissement)."));
    assert!(summary.contains("effectif insuffisant"), "{summary}");
    assert!(
        summary.contains("[CASF R227-15] ALSH-A 06/07/2026 matin : effectif insuffisant"),
        "{summary}"
    );
    assert!(summary.contains("(ligne 7)"), "{summary}");
}
