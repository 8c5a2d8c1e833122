//! `conformite.xlsx` (the `check` command): a `Synthese` sheet (verdict, findings by rule with
//! their article, findings by ACM) and an `Infractions` sheet (one row per finding), plus the
//! terminal summary. Every cell that comes from user text is written as a string, never as a
//! formula.

use std::path::Path;

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::audit::{AuditReport, RuleKind, Severity, Unit, Violation, french_date};
use crate::error::Error;
use crate::problem::Problem;

/// What the workbook says about the run besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct CheckedFiles<'a> {
    /// The schedule audited, as the user named it.
    pub schedule: &'a str,
    /// The input files, as the user named them.
    pub inputs: &'a [String],
    /// The mixed-age counting applied (`par-tranche`, `global`, `strict`).
    pub mixed_ages: &'a str,
}

/// Column headers of the `Infractions` sheet, with their widths.
const COLUMNS: [(&str, f64); 13] = [
    ("Gravité", 13.0),
    ("Règle", 34.0),
    ("Article", ARTICLE_WIDTH),
    ("Accueil", 14.0),
    ("Date", 11.0),
    ("Créneau", 11.0),
    ("Animateur", 24.0),
    ("Requis", 9.0),
    ("Constaté", 9.0),
    ("Unité", 11.0),
    ("Détail", DETAIL_WIDTH),
    ("Ligne du planning", 10.0),
    ("Source de la règle", 14.0),
];

const ARTICLE_WIDTH: f64 = 28.0;
const DETAIL_WIDTH: f64 = 95.0;
/// Height of one line of text, in points (the default row height).
const LINE_HEIGHT: f64 = 15.0;

const RED_TEXT: u32 = 0x9C0006;
const RED_FILL: u32 = 0xFFC7CE;
const ORANGE_TEXT: u32 = 0x9C5700;
const ORANGE_FILL: u32 = 0xFFEB9C;
const GREEN_TEXT: u32 = 0x006100;
const GREEN_FILL: u32 = 0xC6EFCE;
const HEADER_FILL: u32 = 0x1F4E78;

/// Writes `conformite.xlsx` to `output` (atomically, through [`super::save_workbook`]).
pub fn write_conformite(
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
    output: &Path,
) -> Result<(), Error> {
    let mut workbook = conformite_workbook(report, problem, files)
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    super::save_workbook(&mut workbook, output)
}

/// The `conformite.xlsx` workbook.
pub fn conformite_workbook(
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    write_synthese(
        workbook.add_worksheet().set_name("Synthese")?,
        report,
        problem,
        files,
    )?;
    write_infractions(
        workbook.add_worksheet().set_name("Infractions")?,
        report,
        problem,
    )?;
    Ok(workbook)
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_border_bottom(FormatBorder::Thin)
}

/// « Planning conforme … » or « Planning non conforme … ».
pub fn verdict(report: &AuditReport) -> String {
    let (infractions, warnings) = (report.infractions(), report.warnings());
    let warnings_text = match warnings {
        0 => String::new(),
        1 => " (1 avertissement)".to_string(),
        n => format!(" ({n} avertissements)"),
    };
    match infractions {
        0 => format!("Planning conforme : aucune infraction{warnings_text}."),
        1 => format!("Planning non conforme : 1 infraction{warnings_text}."),
        n => format!("Planning non conforme : {n} infractions{warnings_text}."),
    }
}

fn write_synthese(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
) -> Result<(), XlsxError> {
    let (verdict_text, verdict_fill) = if report.is_legal() {
        (GREEN_TEXT, GREEN_FILL)
    } else {
        (RED_TEXT, RED_FILL)
    };
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    for (column, width) in [42, 46, 14, 15, 20].into_iter().enumerate() {
        sheet.set_column_width(column_number(column), width)?;
    }
    sheet.write_string_with_format(0, 0, "Conformité du planning", &title_format())?;
    sheet.write_string_with_format(2, 0, "Verdict", &Format::new().set_bold())?;
    sheet.write_string_with_format(
        2,
        1,
        verdict(report),
        &coloured(verdict_text, verdict_fill).set_bold(),
    )?;
    let row = write_facts(sheet, report, problem, files, 3)?;
    let row = write_by_rule(sheet, report, row + 2)?;
    write_by_accueil(sheet, report, problem, row + 3)
}

fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}

/// The run in figures, from `row` on; returns the next free row.
fn write_facts(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
    files: CheckedFiles,
    mut row: u32,
) -> Result<u32, XlsxError> {
    let period = match problem.date_span() {
        Some((first, last)) => format!("du {} au {}", french_date(first), french_date(last)),
        None => "aucune prévision".to_string(),
    };
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let left = Format::new().set_align(FormatAlign::Left);
    let texts = [
        ("Planning vérifié", files.schedule.to_string()),
        ("Fichiers d'entrée", files.inputs.join(", ")),
        ("Période des prévisions", period),
        ("Méthode âges mixtes", files.mixed_ages.to_string()),
    ];
    let numbers = [
        ("Lignes du planning", report.affectations),
        ("Créneaux avec enfants vérifiés", report.open_slots),
        ("Personnes dans le planning", report.people),
        ("Infractions", report.infractions()),
        ("Avertissements", report.warnings()),
    ];
    for (label, value) in texts {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string_with_format(row, 1, value, &wrap)?;
        row += 1;
    }
    for (label, value) in numbers {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_number_with_format(row, 1, value as f64, &left)?;
        row += 1;
    }
    Ok(row)
}

/// Findings by rule, every rule listed, header on `row`; returns the last row written.
fn write_by_rule(
    sheet: &mut Worksheet,
    report: &AuditReport,
    mut row: u32,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row - 1, 0, "Par règle", &title_format())?;
    write_header(
        sheet,
        row,
        &["Règle", "Article", "Gravité", "Nombre", "Origine"],
    )?;
    let first_rule_row = row + 1;
    for (rule, count) in report.by_rule() {
        row += 1;
        sheet.write_string(row, 0, rule.label())?;
        sheet.write_string(row, 1, report.articles_of(rule))?;
        sheet.write_string(row, 2, rule.severity().label())?;
        sheet.write_number(row, 3, count as f64)?;
        sheet.write_string(row, 4, origin(rule))?;
    }
    // Red for infractions, orange for warnings, on the non-zero counts.
    for (severity, text, fill) in severity_colours() {
        let first = first_rule_row + 1;
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=AND($D{first}>0,$C{first}=\"{}\")", severity.label()).as_str())
            .set_format(coloured(text, fill));
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
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row - 1, 0, "Par accueil", &title_format())?;
    write_header(
        sheet,
        row,
        &["Accueil", "Nom", "Infractions", "Avertissements"],
    )?;
    let by_accueil = by_accueil_and_severity(report);
    if by_accueil.is_empty() {
        sheet.write_string(row + 1, 0, "Aucune infraction dans aucun accueil.")?;
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
        sheet.write_string(row, 0, code_text)?;
        sheet.write_string(row, 1, name)?;
        sheet.write_number(row, 2, *infractions as f64)?;
        sheet.write_number(row, 3, *warnings as f64)?;
    }
    for (column, (_, text, fill)) in (2..).zip(severity_colours()) {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThan(0))
            .set_format(coloured(text, fill));
        sheet.add_conditional_format(first_accueil_row, column, row, column, &rule)?;
    }
    Ok(())
}

fn write_header(sheet: &mut Worksheet, row: u32, titles: &[&str]) -> Result<(), XlsxError> {
    let header = header_format();
    for (column, text) in titles.iter().enumerate() {
        sheet.write_string_with_format(row, column_number(column), *text, &header)?;
    }
    Ok(())
}

/// `loi`, or `données du service` for the user's own rules (availability, sectors, caps).
fn origin(rule: RuleKind) -> &'static str {
    if rule.is_legal() {
        "loi"
    } else {
        "données du service"
    }
}

/// Red for infractions, orange for warnings: (severity, text colour, fill colour).
fn severity_colours() -> [(Severity, u32, u32); 2] {
    [
        (Severity::Infraction, RED_TEXT, RED_FILL),
        (Severity::Avertissement, ORANGE_TEXT, ORANGE_FILL),
    ]
}

fn coloured(text: u32, fill: u32) -> Format {
    Format::new()
        .set_font_color(Color::RGB(text))
        .set_background_color(Color::RGB(fill))
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

fn write_infractions(
    sheet: &mut Worksheet,
    report: &AuditReport,
    problem: &Problem,
) -> Result<(), XlsxError> {
    let header = header_format();
    for (column, (text, width)) in COLUMNS.iter().enumerate() {
        let column = column_number(column);
        sheet.write_string_with_format(0, column, *text, &header)?;
        sheet.set_column_width(column, *width)?;
    }
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    let last_column = column_number(COLUMNS.len() - 1);
    if report.violations.is_empty() {
        let green = Format::new()
            .set_bold()
            .set_font_color(Color::RGB(GREEN_TEXT))
            .set_background_color(Color::RGB(GREEN_FILL));
        sheet.merge_range(
            1,
            0,
            1,
            last_column,
            "Aucune infraction : le planning respecte toutes les règles vérifiées.",
            &green,
        )?;
        return Ok(());
    }
    let formats = CellFormats::new();
    for (position, violation) in report.violations.iter().enumerate() {
        write_violation(
            sheet,
            1 + row_number(position),
            violation,
            problem,
            &formats,
        )?;
    }
    let last_row = row_number(report.violations.len());
    sheet.autofilter(0, 0, last_row, last_column)?;
    for (severity, text, fill) in severity_colours() {
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=$A2=\"{}\"", severity.label()).as_str())
            .set_format(coloured(text, fill));
        sheet.add_conditional_format(1, 0, last_row, 0, &rule)?;
    }
    Ok(())
}

struct CellFormats {
    date: Format,
    hours: Format,
    euros: Format,
    wrap: Format,
    top: Format,
}

impl CellFormats {
    fn new() -> Self {
        CellFormats {
            date: Format::new()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            hours: Format::new()
                .set_num_format("[h]:mm")
                .set_align(FormatAlign::Top),
            euros: Format::new()
                .set_num_format("#,##0.00 \"€\"")
                .set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            top: Format::new().set_align(FormatAlign::Top),
        }
    }
}

fn write_violation(
    sheet: &mut Worksheet,
    row: u32,
    violation: &Violation,
    problem: &Problem,
    formats: &CellFormats,
) -> Result<(), XlsxError> {
    let text = |sheet: &mut Worksheet, column: u16, value: &str| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, column, value, &formats.top)?;
        Ok(())
    };
    text(sheet, 0, violation.severity.label())?;
    text(sheet, 1, violation.rule.label())?;
    sheet.write_string_with_format(row, 2, violation.article, &formats.wrap)?;
    text(sheet, 3, violation.accueil.as_deref().unwrap_or(""))?;
    if let Some(date) = violation.date {
        sheet.write_date_with_format(row, 4, date, &formats.date)?;
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
    sheet.write_string_with_format(row, 10, &violation.message, &formats.wrap)?;
    // Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
    let lines = wrapped_lines(&violation.message, DETAIL_WIDTH)
        .max(wrapped_lines(violation.article, ARTICLE_WIDTH));
    if lines > 1 {
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines))?;
    }
    if let Some(source_row) = violation.source_row {
        sheet.write_number_with_format(row, 11, f64::from(source_row), &formats.top)?;
    }
    text(sheet, 12, origin(violation.rule))
}

/// Lines a text takes in a wrapped column `width` characters wide (a proportional font fits
/// about 1.3 text characters per width unit).
fn wrapped_lines(text: &str, width: f64) -> u32 {
    let per_line = (width * 1.3).max(1.0) as usize;
    let characters = text.chars().count().max(1);
    u32::try_from(characters.div_ceil(per_line)).unwrap_or(1)
}

/// Minutes as a duration (`[h]:mm`), cents as euros, everything else as a plain number.
fn write_quantity(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: i64,
    unit: Unit,
    formats: &CellFormats,
) -> Result<(), XlsxError> {
    let number = value as f64;
    match unit {
        Unit::Minutes => {
            sheet.write_number_with_format(row, column, number / 1440.0, &formats.hours)
        }
        Unit::Centimes => {
            sheet.write_number_with_format(row, column, number / 100.0, &formats.euros)
        }
        _ => sheet.write_number_with_format(row, column, number, &formats.top),
    }?;
    Ok(())
}

/// `Julie Martin (A12)` when the person is known, else the Id as written.
fn person_label(id: Option<&str>, problem: &Problem) -> String {
    match id {
        None => String::new(),
        Some(id) => match problem.animateur(id) {
            Some(person) if !person.full_name().is_empty() => {
                format!("{} ({id})", person.full_name())
            }
            _ => id.to_string(),
        },
    }
}

fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// How many findings the terminal summary lists before pointing to the workbook.
const SUMMARY_LINES: usize = 10;

/// The one-screen terminal summary: verdict, counts by rule, the first findings.
pub fn terminal_summary(report: &AuditReport, problem: &Problem, output: &Path) -> String {
    let mut text = String::new();
    text.push_str(&verdict(report));
    text.push('\n');
    text.push_str(&format!(
        "Vérifié : {}, {} avec enfants, {}.\n",
        counted(
            report.affectations,
            "ligne de planning",
            "lignes de planning"
        ),
        counted(report.open_slots, "créneau", "créneaux"),
        counted(report.people, "personne", "personnes")
    ));
    let counted: Vec<(RuleKind, usize)> = report
        .by_rule()
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .collect();
    if !counted.is_empty() {
        text.push_str("\nPar règle :\n");
        for (rule, count) in &counted {
            text.push_str(&format!(
                "  {count:>5}  {} ({})\n",
                rule.label(),
                report.articles_of(*rule)
            ));
        }
        text.push_str("\nPremières constatations :\n");
        for violation in report.violations.iter().take(SUMMARY_LINES) {
            text.push_str(&format!("  - {}\n", one_line(violation, problem)));
        }
        let rest = report.violations.len().saturating_sub(SUMMARY_LINES);
        if rest > 0 {
            text.push_str(&format!("  … et {rest} autres.\n"));
        }
    }
    text.push_str(&format!("\nDétail : {}\n", output.display()));
    text
}

/// `1 créneau`, `2 créneaux`.
fn counted(count: usize, singular: &str, plural: &str) -> String {
    crate::audit::plural(i64::try_from(count).unwrap_or(i64::MAX), singular, plural)
}

/// `[CASF R227-15] ALSH-DOUE 06/07/2026 matin, Julie Martin (A12) : 2 animateurs pour 3 requis`.
fn one_line(violation: &Violation, problem: &Problem) -> String {
    let mut place: Vec<String> = Vec::new();
    if let Some(code) = &violation.accueil {
        place.push(code.clone());
    }
    if let Some(date) = violation.date {
        place.push(french_date(date));
    }
    if let Some(creneau) = &violation.creneau {
        place.push(creneau.label.clone());
    }
    let mut where_text = place.join(" ");
    if let Some(id) = violation.animateur.as_deref() {
        if !where_text.is_empty() {
            where_text.push_str(", ");
        }
        where_text.push_str(&person_label(Some(id), problem));
    }
    if let Some(source_row) = violation.source_row {
        where_text.push_str(&format!(" (ligne {source_row})"));
    }
    let warning = match violation.severity {
        Severity::Avertissement => "avertissement, ",
        Severity::Infraction => "",
    };
    format!(
        "[{warning}{}] {where_text} : {} — {}",
        violation.article,
        violation.rule.label(),
        violation.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Violation;
    use crate::domain::Creneau;
    use calamine::{Data, Reader, Xlsx, open_workbook};
    use chrono::NaiveDate;

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
        let dir =
            std::env::temp_dir().join(format!("acm-conformite-{}-{name}", std::process::id()));
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
        write_conformite(&sample_report(), &empty_problem(), files(), &path)
            .expect("workbook written");
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
}
