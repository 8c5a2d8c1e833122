//! `Recrutement`: the least-cost posts to fill, their totals, a count by qualification and
//! sector, and the day-by-day schedule of each post.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::domain::Cents;
use crate::optimize::Hire;

use crate::report::wording::{compact_dates, plural_unless_one, weekday_long};
use crate::report::xlsx::{
    Column, Formats, LineFit, wrapped_height, write_count, write_date, write_euros, write_headers,
    write_text, write_texts,
};

use super::advice::{shortage_words_with_psc1, unclosed_words};
use super::context::SheetContext;

const COLUMNS: [Column; 11] = [
    Column::new("N°", 6.0),
    Column::new("Qualification", 18.0),
    Column::new("Secteur", 14.0),
    Column::new("Accueils", ACCUEILS_WIDTH),
    Column::new("Du", 11.0),
    Column::new("Au", 11.0),
    Column::new("Dates", DATES_WIDTH),
    Column::new("Jours", 7.0),
    Column::new("Coût journalier", 12.0),
    Column::new("Coût fixe", 12.0),
    Column::new("Coût total", 13.0),
];
const ACCUEILS_WIDTH: f64 = 26.0;
const DATES_WIDTH: f64 = 30.0;
/// Row of the post table's header (0-based).
pub const HEADER_ROW: u32 = 3;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let result = context.result();
    write_text(
        sheet,
        0,
        0,
        "Recrutement : postes à pourvoir au moindre coût",
        &formats.title,
    )?;
    sheet.set_row_height(0, 22)?;
    write_headers(sheet, HEADER_ROW, &COLUMNS, &formats.header)?;
    sheet.set_row_height(HEADER_ROW, 30)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    if !result.recruitment_ran {
        write_text(
            sheet,
            1,
            0,
            "Le recrutement n'a pas été calculé : le plan a été lancé avec --sans-recrutement. \
             Relancez sans cette option pour obtenir les postes à pourvoir.",
            &formats.bold,
        )?;
        return Ok(());
    }
    let psc1 = result.missing_psc1_days();
    if result.hires.is_empty() {
        let (a, q, d) = context.figures.missing;
        let sentence = if a + q + d + psc1 == 0 {
            "Aucun recrutement nécessaire : l'équipe actuelle couvre tous les besoins légaux."
                .to_string()
        } else {
            format!(
                "Aucun poste proposé pour le manque ({}) : {}.",
                shortage_words_with_psc1((a, q, d), psc1),
                unclosed_words(result)
            )
        };
        write_text(sheet, 1, 0, &sentence, &formats.bold)?;
        return Ok(());
    }
    write_text(
        sheet,
        1,
        0,
        &format!(
            "{} pour un coût total de {} (coûts journaliers et coûts fixes d'embauche).",
            plural_unless_one(result.hires.len(), "poste à pourvoir", "postes à pourvoir"),
            result.hire_cost()
        ),
        &formats.subtitle,
    )?;

    let mut hires: Vec<&Hire> = result.hires.iter().collect();
    hires.sort_by_key(|h| h.number);
    let mut row = HEADER_ROW + 1;
    for hire in &hires {
        write_hire(sheet, row, hire, context)?;
        row += 1;
    }
    write_totals(sheet, row, &hires, context)?;
    row += 2;

    let (a, q, d) = result.residual_missing;
    if a + q + d + psc1 > 0 {
        write_text(
            sheet,
            row,
            0,
            &format!(
                "Manque restant après ces recrutements : {} ; {}.",
                shortage_words_with_psc1((a, q, d), psc1),
                unclosed_words(result)
            ),
            &formats.bold,
        )?;
        row += 2;
    }
    row = write_breakdown(sheet, row, &hires, context)?;
    write_post_schedule(sheet, row + 1, context)?;
    Ok(())
}

fn write_hire(
    sheet: &mut Worksheet,
    row: u32,
    hire: &Hire,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_post(sheet, row, hire, formats)?;
    let accueils = hire.accueils.join(", ");
    let dates = compact_dates(&hire.dates);
    write_text(sheet, row, 3, &accueils, &formats.wrap)?;
    if let (Some(first), Some(last)) = (hire.dates.first(), hire.dates.last()) {
        write_date(sheet, row, 4, *first, &formats.date)?;
        write_date(sheet, row, 5, *last, &formats.date)?;
    }
    write_text(sheet, row, 6, &dates, &formats.wrap)?;
    sheet.set_row_height(
        row,
        wrapped_height(
            &[(&accueils, ACCUEILS_WIDTH), (&dates, DATES_WIDTH)],
            LineFit::Narrow,
        ),
    )?;
    write_count(sheet, row, 7, hire.days(), &formats.integer)?;
    write_euros(sheet, row, 8, hire.daily_cost, &formats.euro)?;
    write_euros(sheet, row, 9, hire.fixed_cost, &formats.euro)?;
    write_euros(sheet, row, 10, hire.total_cost(), &formats.euro)?;
    Ok(())
}

/// The totals row: values, not formulas, so every reader sees the same exact figures.
fn write_totals(
    sheet: &mut Worksheet,
    row: u32,
    hires: &[&Hire],
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_text(sheet, row, 0, "Total", &formats.bold)?;
    write_text(
        sheet,
        row,
        1,
        &plural_unless_one(hires.len(), "poste", "postes"),
        &formats.bold,
    )?;
    let days: u32 = hires.iter().map(|h| h.days()).sum();
    write_count(sheet, row, 7, days, &formats.integer_bold)?;
    let daily: Cents = hires
        .iter()
        .map(|h| h.daily_cost * i64::from(h.days()))
        .sum();
    write_euros(sheet, row, 8, daily, &formats.euro_bold)?;
    let fixed: Cents = hires.iter().map(|h| h.fixed_cost).sum();
    write_euros(sheet, row, 9, fixed, &formats.euro_bold)?;
    let total: Cents = hires.iter().map(|h| h.total_cost()).sum();
    write_euros(sheet, row, 10, total, &formats.euro_bold)?;
    Ok(())
}

/// Posts by qualification and sector; returns the next free row.
fn write_breakdown(
    sheet: &mut Worksheet,
    mut row: u32,
    hires: &[&Hire],
    context: &SheetContext,
) -> Result<u32, XlsxError> {
    let formats = context.formats;
    write_text(
        sheet,
        row,
        0,
        "Postes par qualification et secteur",
        &formats.section,
    )?;
    row += 1;
    let headers = ["Qualification", "Secteur", "Postes", "Jours", "Coût total"];
    write_texts(sheet, row, 1, headers, &formats.header)?;
    row += 1;
    let mut groups: BTreeMap<(String, &str), (u32, u32, Cents)> = BTreeMap::new();
    for hire in hires {
        let entry = groups
            .entry((hire.label(), hire.secteur.as_deref().unwrap_or("tous")))
            .or_default();
        entry.0 += 1;
        entry.1 += hire.days();
        entry.2 = entry.2 + hire.total_cost();
    }
    for ((qualification, secteur), (posts, days, cost)) in groups {
        write_text(sheet, row, 1, &qualification, &formats.text)?;
        write_text(sheet, row, 2, secteur, &formats.text)?;
        write_count(sheet, row, 3, posts, &formats.integer)?;
        write_count(sheet, row, 4, days, &formats.integer)?;
        write_euros(sheet, row, 5, cost, &formats.euro)?;
        row += 1;
    }
    Ok(row + 1)
}

/// Where and when each post works (the recruitment stage's schedule).
fn write_post_schedule(
    sheet: &mut Worksheet,
    mut row: u32,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let result = context.result();
    if result.hire_assignments.is_empty() {
        return Ok(());
    }
    write_text(
        sheet,
        row,
        0,
        "Planning des postes à pourvoir",
        &formats.section,
    )?;
    row += 1;
    // The wide `Dates` column above takes the créneau here.
    let headers = [
        "N°",
        "Qualification",
        "Secteur",
        "Accueil",
        "Date",
        "Jour",
        "Creneau",
        "Role",
    ];
    write_texts(sheet, row, 0, headers, &formats.header)?;
    row += 1;
    let numbers: BTreeMap<&str, &Hire> = result.hires.iter().map(|h| (h.id.as_str(), h)).collect();
    let mut assignments: Vec<_> = result.hire_assignments.iter().collect();
    assignments.sort_by(|a, b| {
        let number = |id: &str| numbers.get(id).map_or(usize::MAX, |h| h.number);
        (
            number(&a.animateur),
            a.date,
            a.creneau.sort_key(),
            &a.accueil,
        )
            .cmp(&(
                number(&b.animateur),
                b.date,
                b.creneau.sort_key(),
                &b.accueil,
            ))
    });
    for affectation in assignments {
        match numbers.get(affectation.animateur.as_str()) {
            Some(hire) => write_post(sheet, row, hire, formats)?,
            None => write_text(sheet, row, 0, &affectation.animateur, &formats.text)?,
        }
        write_text(sheet, row, 3, &affectation.accueil, &formats.text)?;
        write_date(sheet, row, 4, affectation.date, &formats.date)?;
        write_text(sheet, row, 5, weekday_long(affectation.date), &formats.text)?;
        write_text(sheet, row, 6, &affectation.creneau.label, &formats.text)?;
        write_text(sheet, row, 7, affectation.role.label(), &formats.text)?;
        row += 1;
    }
    Ok(())
}

/// The post's first three columns: number, qualification, sector.
fn write_post(
    sheet: &mut Worksheet,
    row: u32,
    hire: &Hire,
    formats: &Formats,
) -> Result<(), XlsxError> {
    write_count(
        sheet,
        row,
        0,
        u32::try_from(hire.number).unwrap_or(u32::MAX),
        &formats.integer,
    )?;
    write_text(sheet, row, 1, &hire.label(), &formats.text)?;
    write_text(
        sheet,
        row,
        2,
        hire.secteur.as_deref().unwrap_or("tous"),
        &formats.text,
    )?;
    Ok(())
}
