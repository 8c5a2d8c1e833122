//! The optional `Regles` sheet: one row per parameter (`Parametre`, `Valeur`), interpreted and
//! validated by `rules::Parameters` (`schema::regles`).

use super::cells;
use super::table::Sheet;
use crate::domain::SourceRef;
use crate::error::InputError;
use crate::rules::Parameters;
use crate::schema::regles::{PARAMETRE, VALEUR};

/// The raw rows, and the parameters they set (defaults where the sheet is absent or wrong).
pub(crate) fn read(
    sheet: &Sheet,
    errors: &mut Vec<InputError>,
) -> (Vec<(String, String, SourceRef)>, Parameters) {
    let (Some(name), Some(value)) = (
        sheet.require(&PARAMETRE, errors),
        sheet.require(&VALEUR, errors),
    ) else {
        return (Vec::new(), Parameters::default());
    };
    let mut rows = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let Some(name_text) = reader.required_text(Some(name), PARAMETRE.name) else {
            continue;
        };
        let value_text = cells::display(reader.cell(Some(value)));
        rows.push((name_text, value_text, reader.source()));
    }
    let parameters = match Parameters::from_rows(&rows) {
        Ok(parameters) => parameters,
        Err(problems) => {
            errors.extend(problems.into_iter().map(|mut problem| {
                // Name the value column as it is written in the file.
                if let Some(header) = sheet.headers.get(value) {
                    problem.column = Some(header.clone());
                }
                if problem.value.as_deref().is_some_and(str::is_empty) {
                    problem.value = None;
                }
                problem
            }));
            Parameters::default()
        }
    };
    (rows, parameters)
}
