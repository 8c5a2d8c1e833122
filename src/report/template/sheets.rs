//! The data sheets: a bold frozen header row, widths, column formats and drop-down lists, from
//! the schema; the `Disponibilites` grid's date columns.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Worksheet, XlsxError,
};

use super::lists::ListRanges;
use super::styles::Styles;
use super::validation::{VALIDATED_ROWS, column_number, date_or_default, validation_for};
use crate::schema::disponibilites::GRID_CODES;
use crate::schema::{Choices, SheetSpec};

/// Date columns of the `Disponibilites` grid that get a validation (more than a year of days).
const GRID_DATE_COLUMNS: u16 = 400;

/// A data sheet with its bold frozen header row, widths, column formats and drop-down lists.
pub(super) fn write_header_sheet(
    worksheet: &mut Worksheet,
    sheet: &SheetSpec,
    styles: &Styles,
    lists: &ListRanges,
) -> Result<(), XlsxError> {
    worksheet.set_name(sheet.name)?;
    worksheet.set_row_height(0, 34)?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    for (index, spec) in sheet.columns.iter().enumerate() {
        let col = column_number(index);
        worksheet.write_string_with_format(0, col, spec.name, &styles.header)?;
        worksheet.set_column_width(col, spec.width)?;
        match spec.choices {
            Choices::Date => {
                worksheet.set_column_format(col, &styles.date)?;
            }
            Choices::Time => {
                worksheet.set_column_format(col, &styles.time)?;
            }
            _ => {}
        }
        if let Some(validation) = validation_for(spec, lists)? {
            worksheet.add_data_validation(1, col, VALIDATED_ROWS, col, &validation)?;
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The `Disponibilites` grid: a date in each header cell after `Id`, a code in each cell below.
pub(super) fn add_grid_validation(
    worksheet: &mut Worksheet,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let first = column_number(1);
    let last = first.saturating_add(GRID_DATE_COLUMNS);
    let codes = DataValidation::new()
        .allow_list_strings(&GRID_CODES)?
        .set_input_title("Disponibilité")?
        .set_input_message(
            "J journée, M matin, AM après-midi, S soir ; laissez vide si la personne n'est pas \
             disponible.",
        )?
        .set_error_title("Code de disponibilité")?
        .set_error_message("Codes attendus : J, M, AM, S (ou une combinaison comme M+S).")?
        .set_error_style(DataValidationErrorStyle::Warning);
    worksheet.add_data_validation(1, first, VALIDATED_ROWS, last, &codes)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            date_or_default(2000, 1, 1),
            date_or_default(2100, 12, 31),
        ))
        .set_input_title("Date")?
        .set_input_message("Une date par colonne (jj/mm/aaaa), à partir de la colonne B.")?
        .set_error_title("Date attendue")?
        .set_error_message("Écrivez une date, par exemple 06/07/2026.")?;
    worksheet.add_data_validation(0, first, 0, last, &dates)?;
    worksheet.set_column_range_width(first, last, 11)?;
    for col in first..=last {
        worksheet.set_column_format(col, &styles.date)?;
    }
    worksheet.set_freeze_panes(1, 1)?;
    Ok(())
}
