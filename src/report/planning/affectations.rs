//! `Affectations`: the schedule as a long table, exactly the columns `check --schedule` reads
//! (`Animateur, Nom, Accueil, Date, Creneau, Role`), then helpful extra columns. The posts to
//! fill follow the team, as `R1`, `R2`… with the Nom « À recruter ».

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::report::xlsx::{Column, write_date, write_headers, write_text, write_time};

use super::context::SheetContext;
use super::published::worker;

/// The columns `check --schedule` reads, in this order.
pub const HEADERS: [&str; 6] = ["Animateur", "Nom", "Accueil", "Date", "Creneau", "Role"];

const COLUMNS: [Column; 10] = [
    Column::new(HEADERS[0], 12.0),
    Column::new(HEADERS[1], 18.0),
    Column::new(HEADERS[2], 20.0),
    Column::new(HEADERS[3], 11.0),
    Column::new(HEADERS[4], 12.0),
    Column::new(HEADERS[5], 11.0),
    Column::new("Prénom", 14.0),
    Column::new("Qualification", 18.0),
    Column::new("Début", 7.0),
    Column::new("Fin", 7.0),
];

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    write_headers(sheet, 0, &COLUMNS, &formats.header)?;
    let mut row = 1;
    // The team by id, then the posts to fill as `R1`, `R2`… (Nom « À recruter »); each
    // person's rows in date and créneau order.
    for affectation in &context.figures.published {
        let worker = worker(problem, context.result(), &affectation.animateur);
        write_text(sheet, row, 0, &affectation.animateur, &formats.text)?;
        write_text(sheet, row, 1, worker.map_or("", |w| w.nom()), &formats.text)?;
        write_text(sheet, row, 2, &affectation.accueil, &formats.text)?;
        write_date(sheet, row, 3, affectation.date, &formats.date)?;
        write_text(sheet, row, 4, &affectation.creneau.label, &formats.text)?;
        write_text(sheet, row, 5, affectation.role.label(), &formats.text)?;
        write_text(
            sheet,
            row,
            6,
            worker.map_or("", |w| w.prenom()),
            &formats.text,
        )?;
        let qualification = worker.map(|w| w.qualification()).unwrap_or_default();
        write_text(sheet, row, 7, &qualification, &formats.text)?;
        write_time(sheet, row, 8, affectation.creneau.start, &formats.time)?;
        write_time(sheet, row, 9, affectation.creneau.end, &formats.time)?;
        row += 1;
    }
    let last = row.saturating_sub(1).max(1);
    sheet.autofilter(0, 0, last, 9)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
