//! Writing one cell: text (always a string, never a formula, cut at Excel's limit), dates,
//! times, counts, euros; and row and column numbers as rust_xlsxwriter wants them.

use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

use crate::domain::{Cents, Minutes};

/// Excel's longest cell text, in UTF-16 code units (what Excel and rust_xlsxwriter count).
pub const MAX_CELL_TEXT: usize = 32_767;

/// `text` cut to Excel's cell limit: longer user text is cut rather than refused. The cut falls
/// between characters; a character outside the Basic Multilingual Plane counts twice, as in
/// Excel.
pub fn cell_text(text: &str) -> &str {
    let mut units = 0;
    for (index, character) in text.char_indices() {
        units += character.len_utf16();
        if units > MAX_CELL_TEXT {
            return &text[..index];
        }
    }
    text
}

/// Writes user or generated text as a string cell: never a formula, even when it starts with
/// `=`, and cut at Excel's limit ([`cell_text`]).
pub fn write_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, cell_text(text), format)?;
    Ok(())
}

/// [`write_text`] in the sheet's default format.
pub fn write_plain_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
) -> Result<(), XlsxError> {
    sheet.write_string(row, col, cell_text(text))?;
    Ok(())
}

/// Writes `texts` side by side from `first_col`, in one format (a header row without widths).
pub fn write_texts<'a>(
    sheet: &mut Worksheet,
    row: RowNum,
    first_col: ColNum,
    texts: impl IntoIterator<Item = &'a str>,
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, text) in (first_col..).zip(texts) {
        write_text(sheet, row, col, text, format)?;
    }
    Ok(())
}

/// Writes `text` over the cells `first_col..=last_col` of `row`, merged (never a formula, cut at
/// Excel's limit).
pub fn write_merged_text(
    sheet: &mut Worksheet,
    row: RowNum,
    (first_col, last_col): (ColNum, ColNum),
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.merge_range(row, first_col, row, last_col, cell_text(text), format)?;
    Ok(())
}

/// Writes a real date cell (not text).
pub fn write_date(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    date: NaiveDate,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_date_with_format(row, col, date, format)?;
    Ok(())
}

/// Writes a time of day as a real time cell (a fraction of a day).
pub fn write_time(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    time: Minutes,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, f64::from(time.0) / 1440.0, format)?;
    Ok(())
}

/// Writes a number of minutes as a duration cell (a fraction of a day; show it `[h]:mm`).
pub fn write_duration(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    minutes: i64,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, minutes as f64 / 1440.0, format)?;
    Ok(())
}

/// Writes a whole number.
pub fn write_count(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: impl Into<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, value.into(), format)?;
    Ok(())
}

/// Writes a whole number in the sheet's default format.
pub fn write_plain_count(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: impl Into<f64>,
) -> Result<(), XlsxError> {
    sheet.write_number(row, col, value.into())?;
    Ok(())
}

/// Writes a number (a ratio shown as a percentage, a figure).
pub fn write_number(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: f64,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, value, format)?;
    Ok(())
}

/// Writes an amount as a number of euros (give it a euro format).
pub fn write_euros(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    amount: Cents,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, col, amount.as_euros_f64(), format)?;
    Ok(())
}

/// A row number, saturating (sheets stop at 1 048 576 rows; writing there fails cleanly).
pub fn row_index(index: usize) -> RowNum {
    RowNum::try_from(index).unwrap_or(RowNum::MAX)
}

/// A column number, saturating at Excel's last column.
pub fn col_index(index: usize) -> ColNum {
    ColNum::try_from(index)
        .unwrap_or(LAST_COLUMN)
        .min(LAST_COLUMN)
}

/// Excel's last column (XFD).
const LAST_COLUMN: ColNum = 16_383;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_excel_limit() {
        let long = "é".repeat(MAX_CELL_TEXT + 5);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL_TEXT);
        assert_eq!(cell_text("=SOMME(A1)"), "=SOMME(A1)");
        // Characters outside the BMP count twice, as Excel counts them.
        let emoji = "😀".repeat(MAX_CELL_TEXT);
        let cut = cell_text(&emoji);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_TEXT - 1);
        assert_eq!(cut.chars().count(), MAX_CELL_TEXT / 2);
        let exact = "a".repeat(MAX_CELL_TEXT);
        assert_eq!(cell_text(&exact), exact);
    }

    #[test]
    fn indices_saturate() {
        assert_eq!(row_index(3), 3);
        assert_eq!(row_index(usize::MAX), RowNum::MAX);
        assert_eq!(col_index(70_000), LAST_COLUMN);
    }
}
