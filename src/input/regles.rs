//! The optional `Regles` sheet: one row per parameter (`Parametre`, `Valeur`), interpreted and
//! validated by `rules::Parameters` (`schema::regles`), except `Jours feries dans les periodes`,
//! which the `Previsions` reader applies itself ([`HolidaySetting`]).

use super::cells;
use super::holidays::HolidaySetting;
use super::table::Sheet;
use crate::domain::SourceRef;
use crate::error::InputError;
use crate::rules::Parameters;
use crate::schema::regles::{PARAMETRE, VALEUR};

/// What the `Regles` sheet gave.
#[derive(Debug, Default)]
pub(crate) struct ReglesRead {
    /// The raw rows for `rules::Parameters` (without the holiday row).
    pub rows: Vec<(String, String, SourceRef)>,
    /// The parameters they set (defaults where the sheet is wrong).
    pub parameters: Parameters,
    pub holidays: HolidaySetting,
}

pub(crate) fn read(sheet: &Sheet, errors: &mut Vec<InputError>) -> ReglesRead {
    let (Some(name), Some(value)) = (
        sheet.require(&PARAMETRE, errors),
        sheet.require(&VALEUR, errors),
    ) else {
        return ReglesRead::default();
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
    let value_header = sheet
        .headers
        .get(value)
        .cloned()
        .unwrap_or_else(|| VALEUR.name.to_string());
    let holidays = HolidaySetting::take_from(&mut rows, &value_header, errors);
    let parameters = match Parameters::from_rows(&rows) {
        Ok(parameters) => parameters,
        Err(problems) => {
            errors.extend(problems.into_iter().map(|mut problem| {
                // Name the value column as it is written in the file.
                problem.column = Some(value_header.clone());
                if problem.value.as_deref().is_some_and(str::is_empty) {
                    problem.value = None;
                }
                problem
            }));
            Parameters::default()
        }
    };
    ReglesRead {
        rows,
        parameters,
        holidays,
    }
}
