//! `Manques`: every ACM × date × créneau where someone is missing, with the binding reason.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::report::wording::weekday_long;
use crate::report::xlsx::{
    Column, LineFit, fitted_width, wrapped_height, write_count, write_date, write_headers,
    write_text,
};

use super::context::SheetContext;
use crate::optimize::Psc1Day;

const COLUMNS: [Column; 11] = [
    Column::new("Accueil", 14.0),
    Column::new("Date", 11.0),
    Column::new("Creneau", 11.0),
    Column::new("Animateurs manquants", 10.0),
    Column::new("Qualifies manquants", 10.0),
    Column::new("Direction manquante", 10.0),
    Column::new("Raison", RAISON_WIDTH),
    Column::new("Nom", NOM_WIDTH),
    Column::new("Secteur", 12.0),
    Column::new("Jour", 10.0),
    Column::new("Sans PSC1", 9.0),
];

/// Narrow enough that the sheet prints one page wide at a readable size; rows grow instead.
const RAISON_WIDTH: f64 = 48.0;
const NOM_WIDTH: f64 = 22.0;

/// One row of the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortage<'a> {
    pub accueil: &'a str,
    pub date: NaiveDate,
    pub creneau: &'a str,
    pub animateurs: u32,
    pub qualified: u32,
    pub direction: u32,
    /// A séjour or mini-camp day without a PSC1 holder (on the day's first créneau).
    pub psc1: u32,
    pub reason: String,
}

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_headers(sheet, 0, &COLUMNS, &formats.header)?;
    sheet.set_row_height(0, 30)?;
    // Codes and sectors whole, never run into the next column.
    let accueils = &context.problem().accueils;
    let code_width = fitted_width(accueils.iter().map(|a| a.code.as_str()), 12.0, 24.0);
    sheet.set_column_width(0, code_width)?;
    let sector_width = fitted_width(
        accueils.iter().filter_map(|a| a.secteur.as_deref()),
        10.0,
        20.0,
    );
    sheet.set_column_width(8, sector_width)?;
    let shortages = shortages(context);
    if shortages.is_empty() {
        write_text(
            sheet,
            1,
            0,
            "Aucun manque : chaque créneau est couvert par l'équipe actuelle, direction comprise.",
            &formats.bold,
        )?;
        sheet.set_freeze_panes(1, 0)?;
        return Ok(());
    }
    let mut row = 1;
    for shortage in &shortages {
        let accueil = context.problem().accueil(shortage.accueil);
        write_text(sheet, row, 0, shortage.accueil, &formats.text)?;
        write_date(sheet, row, 1, shortage.date, &formats.date)?;
        write_text(sheet, row, 2, shortage.creneau, &formats.text)?;
        write_count(sheet, row, 3, shortage.animateurs, &formats.integer)?;
        write_count(sheet, row, 4, shortage.qualified, &formats.integer)?;
        write_count(sheet, row, 5, shortage.direction, &formats.integer)?;
        write_text(sheet, row, 6, &shortage.reason, &formats.wrap)?;
        let name = accueil.map_or("", |a| a.nom.as_str());
        sheet.set_row_height(
            row,
            wrapped_height(
                &[(&shortage.reason, RAISON_WIDTH), (name, NOM_WIDTH)],
                LineFit::Narrow,
            ),
        )?;
        write_text(sheet, row, 7, name, &formats.wrap)?;
        let secteur = accueil.and_then(|a| a.secteur.as_deref()).unwrap_or("");
        write_text(sheet, row, 8, secteur, &formats.text)?;
        write_text(sheet, row, 9, weekday_long(shortage.date), &formats.text)?;
        write_count(sheet, row, 10, shortage.psc1, &formats.integer)?;
        row += 1;
    }
    sheet.autofilter(0, 0, row - 1, 10)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// Shortages in ACM, date, créneau order; a missing director is reported on the day's first
/// créneau.
pub(super) fn shortages<'a>(context: &'a SheetContext) -> Vec<Shortage<'a>> {
    let figures = context.figures;
    let psc1_days: BTreeMap<(&str, NaiveDate), &Psc1Day> = context
        .result()
        .psc1_days
        .iter()
        .filter(|d| d.missing())
        .map(|d| ((d.accueil.as_str(), d.date), d))
        .collect();
    let mut rows = Vec::new();
    for (position, slot) in figures.slots.iter().enumerate() {
        let key = (slot.prevision.accueil.as_str(), slot.prevision.date);
        let director = figures
            .director_days
            .get(&key)
            .filter(|_| figures.first_creneau.get(&key) == Some(&position))
            .filter(|d| d.missing > 0);
        let psc1 = psc1_days
            .get(&key)
            .filter(|_| figures.first_creneau.get(&key) == Some(&position));
        let animateurs = slot.missing_animateurs();
        let qualified = slot.missing_qualified();
        if animateurs + qualified == 0 && director.is_none() && psc1.is_none() {
            continue;
        }
        let mut reasons = Vec::new();
        if animateurs + qualified > 0 {
            reasons.push(match slot.outcome.and_then(|o| o.reason.as_ref()) {
                Some(reason) => super::reasons::shortage_reason(reason),
                None if animateurs > 0 => {
                    "pas assez d'animateurs disponibles sur ce créneau".to_string()
                }
                None => "pas assez d'animateurs qualifiés disponibles (CASF R227-12)".to_string(),
            });
        }
        if let Some(day) = director {
            reasons.push(director_reason(day.reason.as_ref()));
        }
        if let Some(day) = psc1 {
            reasons.push(super::reasons::psc1_reason(day));
        }
        rows.push(Shortage {
            accueil: &slot.prevision.accueil,
            date: slot.prevision.date,
            creneau: &slot.prevision.creneau.label,
            animateurs,
            qualified,
            direction: director.map_or(0, |d| d.missing),
            psc1: u32::from(psc1.is_some()),
            reason: reasons.join(" ; "),
        });
    }
    // A director day without any forecast row (should not happen): still reported.
    for day in context
        .result()
        .director_days
        .iter()
        .filter(|d| d.missing > 0)
    {
        if !figures
            .first_creneau
            .contains_key(&(day.accueil.as_str(), day.date))
        {
            rows.push(Shortage {
                accueil: &day.accueil,
                date: day.date,
                creneau: "—",
                animateurs: 0,
                qualified: 0,
                direction: day.missing,
                psc1: 0,
                reason: director_reason(day.reason.as_ref()),
            });
        }
    }
    rows.sort_by(|a, b| (a.accueil, a.date).cmp(&(b.accueil, b.date)));
    rows
}

fn director_reason(reason: Option<&crate::optimize::DirectorReason>) -> String {
    match reason {
        None => "aucune personne habilitée à diriger n'est disponible (CASF R227-14)".to_string(),
        Some(reason) => format!("direction : {}", super::reasons::director_reason(reason)),
    }
}
