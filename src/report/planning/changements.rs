//! `Changements` (with `plan --previous`): every person-day that differs from the plan
//! published before, with what it was, what it is, and why.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::domain::Role;
use crate::optimize::{Change, ChangeReason};
use crate::report::xlsx::{Column, LineFit, wrapped_height, write_date, write_headers, write_text};

use super::context::SheetContext;

pub const NAME: &str = "Changements";

/// Narrow enough to print at about 70 % on A4 landscape, the reason wrapped.
const COLUMNS: [Column; 8] = [
    Column::new("Animateur", 10.0),
    Column::new("Nom", 20.0),
    Column::new("Date", 11.0),
    Column::new("Avant", 20.0),
    Column::new("Après", 20.0),
    Column::new("Verrouillé", 9.0),
    Column::new("Pourquoi", REASON_WIDTH),
    Column::new("Téléphone", 16.0),
];
const REASON_WIDTH: f64 = 44.0;

/// What a person does that day, in words.
pub fn day_words(day: Option<&(String, Role)>) -> String {
    match day {
        None => "ne travaille pas".to_string(),
        Some((accueil, Role::Direction)) => format!("{accueil} (direction)"),
        Some((accueil, Role::Animation)) => accueil.clone(),
    }
}

/// Why a person-day changed, in words.
pub fn reason_words(reason: &ChangeReason) -> &'static str {
    match reason {
        ChangeReason::Unavailable => {
            "indisponible ce jour-là (ou n'est plus dans la feuille Animateurs)"
        }
        ChangeReason::NeedRemoved => {
            "besoin supprimé : l'accueil n'a plus d'enfants prévus ce jour-là"
        }
        ChangeReason::NeedAdded => "besoin nouveau : l'accueil n'était pas encadré ce jour-là",
        ChangeReason::LockImpossible { unavailable: true } => {
            "verrou impossible : la personne n'est plus disponible ce jour-là"
        }
        ChangeReason::LockImpossible { unavailable: false } => {
            "verrou impossible : l'accueil n'a plus ce besoin, ou la personne ne peut plus tenir \
             cette journée (diplôme, limites d'heures ou de jours)"
        }
        ChangeReason::Reorganised => {
            "réorganisation : pour couvrir un besoin ou respecter une règle ailleurs"
        }
    }
}

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    write_headers(sheet, 0, &COLUMNS, &formats.header)?;
    let changes: &[Change] = context.result().changes.as_deref().unwrap_or(&[]);
    let mut row = 1;
    for change in changes {
        let name = problem
            .animateur(&change.animateur)
            .map(|p| format!("{} {}", p.nom, p.prenom))
            .unwrap_or_default();
        write_text(sheet, row, 0, &change.animateur, &formats.text)?;
        write_text(sheet, row, 1, &name, &formats.text)?;
        write_date(sheet, row, 2, change.date, &formats.date)?;
        write_text(
            sheet,
            row,
            3,
            &day_words(change.before.as_ref()),
            &formats.text,
        )?;
        write_text(
            sheet,
            row,
            4,
            &day_words(change.after.as_ref()),
            &formats.text,
        )?;
        write_text(
            sheet,
            row,
            5,
            if change.locked { "oui" } else { "" },
            &formats.text,
        )?;
        let reason = reason_words(&change.reason);
        write_text(sheet, row, 6, reason, &formats.wrap)?;
        // Words whole, about 1.1 characters a unit of width as LibreOffice wraps them.
        let height = wrapped_height(&[(reason, REASON_WIDTH * 1.1)], LineFit::Narrow);
        sheet.set_row_height(row, height)?;
        // Whom to call: the phone of `Animateurs`, when given.
        let phone = problem
            .animateur(&change.animateur)
            .and_then(|p| p.telephone.as_deref())
            .unwrap_or_default();
        write_text(sheet, row, 7, phone, &formats.text)?;
        row += 1;
    }
    if changes.is_empty() {
        write_text(
            sheet,
            1,
            0,
            "Aucun changement : le planning publié reste valable tel quel.",
            &formats.text,
        )?;
    }
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), 7)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
