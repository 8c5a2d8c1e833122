//! The `Infractions` sheet of `conformite.xlsx`: one row per finding, with real dates, durations
//! and amounts, and user text always written as text.

use rust_xlsxwriter::{ConditionalFormatFormula, Worksheet, XlsxError};

use crate::audit::{AuditReport, Unit, Violation};
use crate::domain::Cents;
use crate::problem::Problem;
use crate::report::xlsx::{
    Column, Formats, LineFit, PrintLayout, ROW_HEIGHT, autofilter, col_index, fitted_width,
    print_setup, row_index, wrapped_lines, write_count, write_date, write_duration, write_euros,
    write_headers, write_merged_text, write_text,
};

use super::findings::{origin, person_label, severity_formats};

/// The sheet's name, after `Synthese`.
pub(super) const NAME: &str = "Infractions";

/// The columns, with their widths.
const COLUMNS: [Column; 13] = [
    Column::new("Gravité", 13.0),
    Column::new("Règle", 34.0),
    Column::new("Article", ARTICLE_WIDTH),
    Column::new("Accueil", 14.0),
    Column::new("Date", 11.0),
    Column::new("Créneau", 11.0),
    Column::new("Animateur", 24.0),
    Column::new("Requis", 9.0),
    Column::new("Constaté", 9.0),
    Column::new("Unité", 11.0),
    Column::new("Détail", DETAIL_WIDTH),
    Column::new("Ligne du planning", 10.0),
    Column::new("Source de la règle", 14.0),
];

const ARTICLE_WIDTH: f64 = 28.0;
const DETAIL_WIDTH: f64 = 95.0;

pub(super) fn write(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    formats: &Formats,
) -> Result<(), XlsxError> {
    write_headers(sheet, 0, &COLUMNS, &formats.dark_header)?;
    // Wide enough for the longest ACM code (`ALSH-FONTEVRAUD`), never cut.
    let codes = report
        .violations
        .iter()
        .filter_map(|v| v.accueil.as_deref());
    sheet.set_column_width(3, fitted_width(codes, COLUMNS[3].width, 30.0))?;
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, PrintLayout::a4(1).repeating_rows(0, 0).with_footer())?;
    let last_column = col_index(COLUMNS.len() - 1);
    if report.violations.is_empty() {
        write_merged_text(
            sheet,
            1,
            (0, last_column),
            "Aucune infraction : le planning respecte toutes les règles vérifiées.",
            &formats.good.clone().set_bold(),
        )?;
        return Ok(());
    }
    for (position, violation) in report.violations.iter().enumerate() {
        write_violation(sheet, 1 + row_index(position), violation, problem, formats)?;
    }
    let last_row = row_index(report.violations.len());
    autofilter(sheet, 0, COLUMNS.len(), last_row)?;
    for (severity, format) in severity_formats(formats) {
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=$A2=\"{}\"", severity.label()).as_str())
            .set_format(format);
        sheet.add_conditional_format(1, 0, last_row, 0, &rule)?;
    }
    Ok(())
}

fn write_violation(
    sheet: &mut Worksheet,
    row: u32,
    violation: &Violation,
    problem: &Problem,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let text = |sheet: &mut Worksheet, column: u16, value: &str| {
        write_text(sheet, row, column, value, &formats.text)
    };
    text(sheet, 0, violation.severity.label())?;
    text(sheet, 1, violation.rule.label())?;
    write_text(sheet, row, 2, violation.article, &formats.wrap)?;
    text(sheet, 3, violation.accueil.as_deref().unwrap_or(""))?;
    if let Some(date) = violation.date {
        write_date(sheet, row, 4, date, &formats.date)?;
    }
    let creneau = violation.creneau.as_ref().map(|c| c.label.as_str());
    text(sheet, 5, creneau.unwrap_or(""))?;
    text(
        sheet,
        6,
        &person_label(violation.animateur.as_deref(), problem),
    )?;
    for (column, value) in [(7, violation.required), (8, violation.found)] {
        if let Some(value) = value {
            write_quantity(sheet, row, column, value, violation.unit, formats)?;
        }
    }
    if violation.required.is_some() || violation.found.is_some() {
        text(sheet, 9, violation.unit.label())?;
    }
    write_text(sheet, row, 10, &violation.message, &formats.wrap)?;
    let lines = wrapped_lines(&violation.message, DETAIL_WIDTH, LineFit::Wide).max(wrapped_lines(
        violation.article,
        ARTICLE_WIDTH,
        LineFit::Wide,
    ));
    if lines > 1 {
        sheet.set_row_height(row, ROW_HEIGHT * f64::from(lines))?;
    }
    if let Some(source_row) = violation.source_row {
        write_count(sheet, row, 11, source_row, &formats.text)?;
    }
    text(sheet, 12, origin(violation.rule))
}

/// Minutes as a duration (`[h]:mm`), cents as euros, everything else as a plain number.
fn write_quantity(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: i64,
    unit: Unit,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match unit {
        Unit::Minutes => write_duration(sheet, row, column, value, &formats.duration),
        Unit::Centimes => write_euros(sheet, row, column, Cents(value), &formats.euro),
        _ => write_count(sheet, row, column, value as f64, &formats.text),
    }
}
