//! `Non retenus`: every person of the team available on at least one day of the period who
//! works none, once, with the reason ([`unused_reason`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_xlsxwriter::{RowNum, Worksheet, XlsxError};

use crate::domain::AvailabilityFlags;
use crate::report::wording::compact_dates;
use crate::report::xlsx::{
    Column, LineFit, wrapped_height, write_count, write_headers, write_text,
};

use super::context::SheetContext;
use super::unused::unused_reason;

pub(super) const NAME: &str = "Non retenus";
/// Row of the table's header (0-based), repeated on each printed page.
pub(super) const HEADER_ROW: RowNum = 2;

const COLUMNS: [Column; 8] = [
    Column::new("Id", 10.0),
    Column::new("Nom", 14.0),
    Column::new("Prénom", 12.0),
    Column::new("Qualification", 14.0),
    Column::new("Secteur", 12.0),
    Column::new("Jours disponibles", 10.0),
    Column::new("Disponible les", DATES_WIDTH),
    Column::new("Raison", REASON_WIDTH),
];
const DATES_WIDTH: f64 = 20.0;
const REASON_WIDTH: f64 = 44.0;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    write_text(
        sheet,
        0,
        0,
        "Personnes disponibles qui ne travaillent aucun jour, et pourquoi",
        &formats.heading,
    )?;
    write_headers(sheet, HEADER_ROW, &COLUMNS, &formats.header)?;
    sheet.set_row_height(HEADER_ROW, 30)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let short_days = short_days(context);
    let period = context.figures.period;
    let mut row = HEADER_ROW + 1;
    for person in &problem.animateurs {
        if context.figures.by_person.contains_key(person.id.as_str()) {
            continue;
        }
        let available: BTreeMap<NaiveDate, AvailabilityFlags> = problem
            .availability
            .of(&person.id)
            .into_iter()
            .filter(|(date, flags)| {
                !flags.is_empty()
                    && period.is_some_and(|(first, last)| first <= *date && *date <= last)
            })
            .collect();
        if available.is_empty() {
            continue;
        }
        let reason = unused_reason(problem, person, &available, &short_days).words();
        let dates: Vec<NaiveDate> = available.keys().copied().collect();
        let dates_text = compact_dates(&dates);
        write_text(sheet, row, 0, &person.id, &formats.text)?;
        write_text(sheet, row, 1, &person.nom, &formats.text)?;
        write_text(sheet, row, 2, &person.prenom, &formats.text)?;
        write_text(sheet, row, 3, &person.qualification.label, &formats.text)?;
        write_text(
            sheet,
            row,
            4,
            person.secteur.as_deref().unwrap_or(""),
            &formats.text,
        )?;
        write_count(
            sheet,
            row,
            5,
            u32::try_from(available.len()).unwrap_or(u32::MAX),
            &formats.integer,
        )?;
        write_text(sheet, row, 6, &dates_text, &formats.wrap)?;
        write_text(sheet, row, 7, &reason, &formats.wrap)?;
        sheet.set_row_height(
            row,
            wrapped_height(
                &[(&reason, REASON_WIDTH), (&dates_text, DATES_WIDTH)],
                LineFit::Narrow,
            ),
        )?;
        row += 1;
    }
    let summary = if row == HEADER_ROW + 1 {
        "Chaque personne disponible travaille au moins un jour.".to_string()
    } else {
        format!(
            "{} disponibles sur la période ne travaillent aucun jour ; la raison est donnée \
             pour chacune.",
            crate::report::wording::plural_unless_one(
                usize::try_from(row - HEADER_ROW - 1).unwrap_or(0),
                "personne",
                "personnes"
            )
        )
    };
    write_text(sheet, 1, 0, &summary, &formats.subtitle)?;
    Ok(())
}

/// (accueil, date) where the plan stayed short of animateurs, qualified staff or direction.
fn short_days<'a>(context: &'a SheetContext) -> BTreeSet<(&'a str, NaiveDate)> {
    let mut days = BTreeSet::new();
    for slot in &context.figures.slots {
        if slot.missing_animateurs() + slot.missing_qualified() > 0 {
            days.insert((slot.prevision.accueil.as_str(), slot.prevision.date));
        }
    }
    for day in &context.result().director_days {
        if day.missing > 0 {
            days.insert((day.accueil.as_str(), day.date));
        }
    }
    days
}
