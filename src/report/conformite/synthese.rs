//! The `Synthese` sheet of `conformite.xlsx`: the verdict, the run in figures, the findings by
//! rule with their article, and by ACM.

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, Worksheet,
    XlsxError,
};

use crate::audit::{AuditReport, Severity};
use crate::problem::Problem;
use crate::report::wording;
use crate::report::xlsx::{
    Formats, PrintLayout, col_index, print_setup, write_count, write_plain_count, write_plain_text,
    write_text, write_texts,
};

use super::checked::CheckedFiles;
use super::findings::{origin, severity_formats, verdict};

/// Rows of the sheet that fit on its first printed page (A4 landscape).
const ROWS_ON_FIRST_PAGE: u32 = 36;

/// The sheet's name, first in the workbook.
pub(super) const NAME: &str = "Synthese";

pub(super) fn write(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let verdict_format = if report.is_legal() {
        &formats.good
    } else {
        &formats.bad
    };
    // The title repeated on each page; the tables below have their own headers.
    print_setup(sheet, PrintLayout::a4(1).repeating_rows(0, 0).with_footer())?;
    for (column, width) in [42, 46, 14, 15, 20].into_iter().enumerate() {
        sheet.set_column_width(col_index(column), width)?;
    }
    write_text(sheet, 0, 0, "Conformité du planning", &formats.heading)?;
    write_text(sheet, 2, 0, "Verdict", &formats.strong)?;
    write_text(
        sheet,
        2,
        1,
        &verdict(report),
        &verdict_format.clone().set_bold(),
    )?;
    let row = write_facts(sheet, report, problem, files, 3, formats)?;
    let row = write_by_rule(sheet, report, row + 2, formats)?;
    write_by_accueil(sheet, report, problem, row + 3, formats)
}

/// The run in figures, from `row` on; returns the next free row.
fn write_facts(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
    mut row: u32,
    formats: &Formats,
) -> Result<u32, XlsxError> {
    let period = match problem.date_span() {
        Some((first, last)) => format!("du {} au {}", wording::date(first), wording::date(last)),
        None => "aucune prévision".to_string(),
    };
    let texts = [
        ("Planning vérifié", files.schedule.to_string()),
        ("Fichiers d'entrée", files.inputs.join(", ")),
        ("Période des prévisions", period),
        ("Méthode âges mixtes", files.mixed_ages.to_string()),
        (
            "Présence de la direction",
            problem.parameters.director_presence.words().to_string(),
        ),
    ];
    let numbers = [
        ("Lignes du planning", report.affectations),
        ("Créneaux avec enfants vérifiés", report.open_slots),
        ("Personnes dans le planning", report.people),
        ("Infractions", report.infractions()),
        ("Avertissements", report.warnings()),
    ];
    for (label, value) in texts {
        write_text(sheet, row, 0, label, &formats.strong)?;
        write_text(sheet, row, 1, &value, &formats.wrap)?;
        row += 1;
    }
    for (label, value) in numbers {
        write_text(sheet, row, 0, label, &formats.strong)?;
        write_count(sheet, row, 1, value as f64, &formats.left)?;
        row += 1;
    }
    Ok(row)
}

/// Findings by rule, every rule listed, header on `row`; returns the last row written.
fn write_by_rule(
    sheet: &mut Worksheet,
    report: &AuditReport,
    mut row: u32,
    formats: &Formats,
) -> Result<u32, XlsxError> {
    write_text(sheet, row - 1, 0, "Par règle", &formats.heading)?;
    let headers = ["Règle", "Article", "Gravité", "Nombre", "Origine"];
    write_texts(sheet, row, 0, headers, &formats.dark_header)?;
    let first_rule_row = row + 1;
    for (rule, count) in report.by_rule() {
        row += 1;
        write_plain_text(sheet, row, 0, rule.label())?;
        write_plain_text(sheet, row, 1, &report.articles_of(rule))?;
        write_plain_text(sheet, row, 2, rule.severity().label())?;
        write_plain_count(sheet, row, 3, count as f64)?;
        write_plain_text(sheet, row, 4, origin(rule))?;
    }
    // Red for infractions, orange for warnings, on the non-zero counts.
    for (severity, format) in severity_formats(formats) {
        let first = first_rule_row + 1;
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=AND($D{first}>0,$C{first}=\"{}\")", severity.label()).as_str())
            .set_format(format);
        sheet.add_conditional_format(first_rule_row, 3, row, 3, &rule)?;
    }
    Ok(row)
}

/// Findings by ACM (infractions, warnings), header on `row`.
fn write_by_accueil(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    mut row: u32,
    formats: &Formats,
) -> Result<(), XlsxError> {
    write_text(sheet, row - 1, 0, "Par accueil", &formats.heading)?;
    let headers = ["Accueil", "Nom", "Infractions", "Avertissements"];
    write_texts(sheet, row, 0, headers, &formats.dark_header)?;
    let by_accueil = by_accueil_and_severity(report);
    // A table that would run over the first printed page starts the second one, with its
    // heading and header, rather than leaving its last rows headless on the next.
    let last_row = row + u32::try_from(by_accueil.len()).unwrap_or(u32::MAX);
    if last_row > ROWS_ON_FIRST_PAGE {
        sheet.set_page_breaks(&[row - 1])?;
    }
    if by_accueil.is_empty() {
        write_plain_text(sheet, row + 1, 0, "Aucune infraction dans aucun accueil.")?;
        return Ok(());
    }
    let first_accueil_row = row + 1;
    for (code, infractions, warnings) in &by_accueil {
        row += 1;
        let (code_text, name) = match code {
            Some(code) => (
                code.clone(),
                problem
                    .accueil(code)
                    .map(|a| format!("{} ({})", a.nom, a.commune))
                    .unwrap_or_else(|| "accueil inconnu".to_string()),
            ),
            None => (
                "—".to_string(),
                "personnes (plusieurs accueils ou aucun)".to_string(),
            ),
        };
        write_plain_text(sheet, row, 0, &code_text)?;
        write_plain_text(sheet, row, 1, &name)?;
        write_plain_count(sheet, row, 2, *infractions as f64)?;
        write_plain_count(sheet, row, 3, *warnings as f64)?;
    }
    for (column, (_, format)) in (2..).zip(severity_formats(formats)) {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThan(0))
            .set_format(format);
        sheet.add_conditional_format(first_accueil_row, column, row, column, &rule)?;
    }
    Ok(())
}

/// (ACM code or `None`, infractions, warnings), by code, `None` last.
fn by_accueil_and_severity(report: &AuditReport) -> Vec<(Option<String>, usize, usize)> {
    report
        .by_accueil()
        .into_iter()
        .map(|(code, _)| {
            let of = |severity: Severity| {
                report
                    .violations
                    .iter()
                    .filter(|v| v.accueil == code && v.severity == severity)
                    .count()
            };
            let counts = (of(Severity::Infraction), of(Severity::Avertissement));
            (code, counts.0, counts.1)
        })
        .collect()
}
