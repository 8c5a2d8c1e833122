//! Reading the plan published before, for `plan --previous`: its `Affectations` (as `check`
//! reads them) and the person-days its `Verrouille` column locks.

use std::collections::BTreeSet;

use super::cells;
use super::schedule::read_long;
use super::workbook::Workbooks;
use crate::domain::{Inputs, PreviousPlan};
use crate::error::InputError;
use crate::schema::AFFECTATIONS;
use crate::schema::affectations::VERROUILLE;

/// The previous plan in `workbooks`: its `Affectations` sheet is required (the grid carries no
/// lock).
pub(crate) fn read(
    workbooks: &mut Workbooks,
    inputs: &Inputs,
    errors: &mut Vec<InputError>,
) -> PreviousPlan {
    let Some(sheet) = workbooks.sheet(&AFFECTATIONS, true, errors) else {
        return PreviousPlan::default();
    };
    let assignments = read_long(&sheet, inputs, errors);
    let mut locked_rows = BTreeSet::new();
    if let Some(column) = sheet.find(&VERROUILLE) {
        for row in &sheet.rows {
            let mut reader = sheet.reader(row, errors);
            if reader.optional(Some(column), cells::boolean) == Some(true) {
                locked_rows.insert(reader.source().row);
            }
        }
    }
    let locked = assignments
        .iter()
        .filter(|a| {
            a.source
                .as_ref()
                .is_some_and(|s| locked_rows.contains(&s.row))
        })
        .map(|a| (a.animateur.clone(), a.date))
        .collect();
    PreviousPlan {
        assignments,
        locked,
    }
}
