//! The `Infractions` sheet of `conformite.xlsx`: one row per finding, with real dates, durations
//! and amounts, and user text always written as text.

use rust_xlsxwriter::{ConditionalFormatFormula, FormatAlign, Worksheet, XlsxError};

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

/// The columns, with their widths: narrow enough that a row prints on A4 landscape at about
/// 60 %, the long texts wrapped in their cells.
const COLUMNS: [Column; 13] = [
    Column::new("Gravité", 11.0),
    Column::new("Règle", RULE_WIDTH),
    Column::new("Article", ARTICLE_WIDTH),
    Column::new("Accueil", 14.0),
    Column::new("Date", 11.0),
    Column::new("Créneau", CRENEAU_WIDTH),
    Column::new("Animateur", PERSON_WIDTH),
    Column::new("Requis", 7.0),
    Column::new("Constaté", 8.0),
    Column::new("Unité", UNIT_WIDTH),
    Column::new("Détail", DETAIL_WIDTH),
    Column::new("Ligne du planning", 8.0),
    Column::new("Source de la règle", SOURCE_WIDTH),
];

const RULE_WIDTH: f64 = 22.0;
const ARTICLE_WIDTH: f64 = 14.0;
const CRENEAU_WIDTH: f64 = 11.0;
const PERSON_WIDTH: f64 = 18.0;
const UNIT_WIDTH: f64 = 9.0;
const DETAIL_WIDTH: f64 = 44.0;
const SOURCE_WIDTH: f64 = 8.0;
/// Characters of wrapped text a unit of column width holds, as LibreOffice wraps them.
const CHARS_PER_WIDTH: f64 = 1.1;

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
    // « Source de la règle » wraps on three lines.
    sheet.set_row_height(0, 3.0 * ROW_HEIGHT)?;
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
    let wrapped = |sheet: &mut Worksheet, column: u16, value: &str| {
        write_text(sheet, row, column, value, &formats.wrap)
    };
    text(sheet, 0, violation.severity.label())?;
    let rule = violation.rule.label();
    wrapped(sheet, 1, rule)?;
    wrapped(sheet, 2, violation.article)?;
    text(sheet, 3, violation.accueil.as_deref().unwrap_or(""))?;
    if let Some(date) = violation.date {
        write_date(sheet, row, 4, date, &formats.date)?;
    }
    let creneau = violation.creneau.as_ref().map_or("", |c| c.label.as_str());
    wrapped(sheet, 5, creneau)?;
    let person = person_label(violation.animateur.as_deref(), problem);
    wrapped(sheet, 6, &person)?;
    for (column, value) in [(7, violation.required), (8, violation.found)] {
        if let Some(value) = value {
            write_quantity(sheet, row, column, value, violation.unit, formats)?;
        }
    }
    let unit = if violation.required.is_some() || violation.found.is_some() {
        violation.unit.label()
    } else {
        ""
    };
    // Centred: clear of the quantities aligned right beside it.
    let centred = formats.wrap.clone().set_align(FormatAlign::Center);
    write_text(sheet, row, 9, unit, &centred)?;
    wrapped(sheet, 10, &violation.message)?;
    if let Some(source_row) = violation.source_row {
        write_count(sheet, row, 11, source_row, &formats.text)?;
    }
    let source = origin(violation.rule);
    wrapped(sheet, 12, source)?;
    let cells = [
        (rule, RULE_WIDTH),
        (violation.article, ARTICLE_WIDTH),
        (creneau, CRENEAU_WIDTH),
        (person.as_str(), PERSON_WIDTH),
        (unit, UNIT_WIDTH),
        (violation.message.as_str(), DETAIL_WIDTH),
        (source, SOURCE_WIDTH),
    ];
    let lines = cells
        .iter()
        .map(|(text, width)| wrapped_lines(text, width * CHARS_PER_WIDTH, LineFit::Narrow))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(row, ROW_HEIGHT * f64::from(lines))?;
    }
    Ok(())
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
