//! The drop-down list or typed validation of each column, from the schema's [`Choices`]; the
//! help text becomes the cell's input message.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Formula, XlsxError,
    column_number_to_name,
};

use super::lists::ListRanges;
use crate::schema::{ACCUEILS, ANIMATEURS, Choices, ColumnSpec, SheetSpec, accueils, animateurs};

/// Rows that carry a drop-down list or a validation in each data sheet.
pub(super) const VALIDATED_ROWS: u32 = 1000;

pub(super) fn date_or_default(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The drop-down list or typed validation of a column, with its help as the input message.
pub(super) fn validation_for(
    spec: &ColumnSpec,
    lists: &ListRanges,
) -> Result<Option<DataValidation>, XlsxError> {
    let validation = DataValidation::new();
    let validation = match spec.choices {
        Choices::Text => return Ok(None),
        Choices::OuiNon
        | Choices::AcmType
        | Choices::Contrat
        | Choices::Creneau
        | Choices::DayType
        | Choices::Role => {
            let values = spec.choices.listed().unwrap_or_default();
            validation.allow_list_strings(&values)?
        }
        Choices::Qualification => {
            validation.allow_list_formula(Formula::new(&lists.qualifications))
        }
        Choices::Parameter => validation.allow_list_formula(Formula::new(&lists.parameters)),
        Choices::AccueilCode => {
            validation.allow_list_formula(reference(&ACCUEILS, &accueils::CODE))
        }
        Choices::AnimateurId => {
            validation.allow_list_formula(reference(&ANIMATEURS, &animateurs::ID))
        }
        Choices::Date => validation.allow_date(DataValidationRule::Between(
            date_or_default(2000, 1, 1),
            date_or_default(2100, 12, 31),
        )),
        Choices::Time => validation.allow_time(DataValidationRule::Between(
            chrono::NaiveTime::MIN,
            chrono::NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default(),
        )),
        Choices::Count => validation.allow_whole_number(DataValidationRule::Between(0, 100_000)),
        Choices::Euros => {
            validation.allow_decimal_number(DataValidationRule::Between(0.0, 100_000.0))
        }
    };
    // Aliases and custom créneaux are accepted by the reader: warn, do not refuse.
    let validation = validation
        .set_input_title(truncate(spec.name, 32))?
        .set_input_message(truncate(spec.help, 255))?
        .set_error_title(truncate(spec.name, 32))?
        .set_error_message(truncate(&error_message(spec), 255))?
        .set_error_style(DataValidationErrorStyle::Warning);
    Ok(Some(validation))
}

fn error_message(spec: &ColumnSpec) -> String {
    match spec.choices {
        Choices::Date => "Date attendue (jj/mm/aaaa).".to_string(),
        Choices::Time => "Heure attendue (hh:mm).".to_string(),
        Choices::Count => "Nombre entier positif attendu.".to_string(),
        Choices::Euros => "Montant en euros attendu.".to_string(),
        Choices::Qualification => {
            "Qualification inconnue : choisissez dans la liste (voir la feuille Aide).".to_string()
        }
        Choices::AccueilCode => "Ce code n'est pas dans la feuille Accueils.".to_string(),
        Choices::AnimateurId => "Cet Id n'est pas dans la feuille Animateurs.".to_string(),
        Choices::Parameter => {
            "Paramètre inconnu : choisissez dans la liste (voir la feuille Aide).".to_string()
        }
        _ => format!(
            "Valeur inattendue pour « {} » : choisissez dans la liste.",
            spec.name
        ),
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

pub(super) fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// The data cells of `column` in `sheet`, for a list of the values entered there:
/// `=Accueils!$A$2:$A$1001`.
fn reference(sheet: &SheetSpec, column: &ColumnSpec) -> Formula {
    let letter = column_number_to_name(column_number(sheet.position(column).unwrap_or(0)));
    Formula::new(format!(
        "={}!${letter}$2:${letter}${}",
        sheet.name,
        VALIDATED_ROWS + 1
    ))
}
