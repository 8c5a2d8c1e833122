//! Formatting shared by every output workbook (`besoins.xlsx`, `planning.xlsx`,
//! `conformite.xlsx`): French headers, dates, euros, percentages, French day and month names,
//! and user text always written as text.
//!
//! Number formats are stored in Excel's neutral (en-US) notation; Excel and LibreOffice show them
//! with the reader's locale separators (`1 234,50 €` on a French system).
//!
//! ```no_run
//! use acm_planner::report::sheets::{self, Column};
//! use rust_xlsxwriter::Workbook;
//!
//! let mut workbook = Workbook::new();
//! let sheet = workbook.add_worksheet();
//! let columns = [Column::new("Accueil", 14.0), Column::new("Date", 11.0)];
//! sheets::write_header_row(sheet, 0, &columns)?;
//! sheets::write_text(sheet, 1, 0, "=ALSH-DOUE")?; // stays text, never a formula
//! # Ok::<(), rust_xlsxwriter::XlsxError>(())
//! ```

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use rust_xlsxwriter::{
    ColNum, Color, Format, FormatAlign, FormatBorder, Note, RowNum, Worksheet, XlsxError,
};

/// Light blue-grey fill of header cells.
pub const HEADER_FILL: u32 = 0xD9E1F2;
/// Light fill of total rows.
pub const TOTAL_FILL: u32 = 0xF2F2F2;

/// `dd/mm/yyyy`, the French date notation.
pub const DATE_NUMBER_FORMAT: &str = "dd/mm/yyyy";
/// Euros with two decimals, e.g. `1 234,50 €` in a French locale.
pub const EURO_NUMBER_FORMAT: &str = "#,##0.00 \"€\"";
/// Percentage with one decimal, e.g. `97,5 %`.
pub const PERCENT_NUMBER_FORMAT: &str = "0.0%";
/// Time of day, e.g. `08:30`.
pub const TIME_NUMBER_FORMAT: &str = "hh:mm";

/// Excel's longest cell text; longer user text is cut rather than refused.
const MAX_CELL_CHARS: usize = 32_767;

/// A column of a table: its header, its width in characters, and an optional note shown when
/// the pointer rests on the header (what the column means, which article).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub title: &'static str,
    pub width: f64,
    pub note: Option<&'static str>,
}

impl Column {
    pub const fn new(title: &'static str, width: f64) -> Self {
        Column {
            title,
            width,
            note: None,
        }
    }

    /// The same column with a note on its header.
    pub const fn with_note(mut self, note: &'static str) -> Self {
        self.note = Some(note);
        self
    }
}

/// Header cells: bold, light fill, wrapped, thin border, vertically centred.
pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

/// A date cell, `dd/mm/yyyy`.
pub fn date_format() -> Format {
    Format::new()
        .set_num_format(DATE_NUMBER_FORMAT)
        .set_align(FormatAlign::Left)
}

/// A time-of-day cell, `hh:mm`.
pub fn time_format() -> Format {
    Format::new()
        .set_num_format(TIME_NUMBER_FORMAT)
        .set_align(FormatAlign::Left)
}

/// An amount in euros.
pub fn euro_format() -> Format {
    Format::new().set_num_format(EURO_NUMBER_FORMAT)
}

/// A ratio written as a fraction (0.975) and shown as a percentage.
pub fn percent_format() -> Format {
    Format::new().set_num_format(PERCENT_NUMBER_FORMAT)
}

/// Bold text, for total rows and labels.
pub fn bold_format() -> Format {
    Format::new().set_bold()
}

/// A total row: bold on a light fill with a thin top border.
pub fn total_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(TOTAL_FILL))
        .set_border_top(FormatBorder::Thin)
}

/// A sheet title: bold, larger.
pub fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}

/// An explanatory note: italic grey, wrapped.
pub fn note_format() -> Format {
    Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x505050))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
}

/// Writes a header row at `row` (with the columns' notes), sets the column widths, and freezes
/// the rows above and including it so the header stays in view while scrolling.
pub fn write_header_row(
    sheet: &mut Worksheet,
    row: RowNum,
    columns: &[Column],
) -> Result<(), XlsxError> {
    let format = header_format();
    for (index, column) in columns.iter().enumerate() {
        let col = column_number(index)?;
        sheet.write_string_with_format(row, col, column.title, &format)?;
        sheet.set_column_width(col, column.width)?;
        if let Some(text) = column.note {
            let note = Note::new(text)
                .add_author_prefix(false)
                .set_width(320)
                .set_height(110);
            sheet.insert_note(row, col, &note)?;
        }
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// Writes a header row, freezes it, and puts an autofilter over the header and `data_rows` rows
/// below it.
pub fn write_table_header(
    sheet: &mut Worksheet,
    row: RowNum,
    columns: &[Column],
    data_rows: u32,
) -> Result<(), XlsxError> {
    write_header_row(sheet, row, columns)?;
    if let Some(last) = columns.len().checked_sub(1) {
        sheet.autofilter(row, 0, row + data_rows, column_number(last)?)?;
    }
    Ok(())
}

/// Landscape A4, `pages_wide` pages wide (as many pages long as needed), header rows repeated
/// on every printed page.
pub fn print_setup(
    sheet: &mut Worksheet,
    header_row: RowNum,
    pages_wide: u16,
) -> Result<(), XlsxError> {
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(pages_wide, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

/// A column width that fits the longest of `texts` (in characters, plus a margin), at least
/// `min` and at most `max`.
pub fn fitted_width<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let longest = texts
        .into_iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 + 2.0).clamp(min, max)
}

/// Default row height in points (11-point font).
const ROW_HEIGHT: f64 = 15.0;

/// A row height that shows every line of wrapped cells: `cells` are (text, column width).
/// LibreOffice does not grow rows with wrapped text by itself, so rows are sized on writing.
pub fn wrapped_row_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let per_line = width.max(1.0).floor() as usize;
            text.split('\n')
                .map(|line| line.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .max(1);
    ROW_HEIGHT * lines as f64
}

/// Writes user text (a name, a code, a label) as a string cell: never a formula, even when it
/// starts with `=`, and cut at Excel's 32 767 characters.
pub fn write_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
) -> Result<(), XlsxError> {
    sheet.write_string(row, col, cell_text(text))?;
    Ok(())
}

/// [`write_text`] with a format.
pub fn write_text_with_format(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, cell_text(text), format)?;
    Ok(())
}

fn cell_text(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// Writes a real date cell (not text), shown `dd/mm/yyyy` unless `format` says otherwise.
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

/// Writes a time-of-day cell, shown `hh:mm` unless `format` says otherwise.
pub fn write_time(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    time: NaiveTime,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_datetime_with_format(row, col, time, format)?;
    Ok(())
}

/// Writes a count as a number cell.
pub fn write_count(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    count: u32,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match format {
        Some(format) => sheet.write_number_with_format(row, col, f64::from(count), format)?,
        None => sheet.write_number(row, col, f64::from(count))?,
    };
    Ok(())
}

/// A column index as rust_xlsxwriter wants it (tables here never come near the 16 384 limit).
pub fn column_number(index: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// A row index as rust_xlsxwriter wants it.
pub fn row_number(index: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// An integer in French notation, thousands grouped by a narrow no-break space: `2 305`.
pub fn french_integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// `oui` or `non`.
pub fn yes_no(value: bool) -> &'static str {
    if value { "oui" } else { "non" }
}

/// French weekday, abbreviated as in French calendars: `lun.`, `mar.`, `mer.`, `jeu.`, `ven.`,
/// `sam.`, `dim.`.
pub fn weekday_short(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lun.",
        Weekday::Tue => "mar.",
        Weekday::Wed => "mer.",
        Weekday::Thu => "jeu.",
        Weekday::Fri => "ven.",
        Weekday::Sat => "sam.",
        Weekday::Sun => "dim.",
    }
}

/// French weekday in full: `lundi` … `dimanche`.
pub fn weekday_long(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// French month name, `janvier` … `décembre` (`month` from 1 to 12; empty otherwise).
pub fn month_name(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// `06/07/2026`.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A short day label for grids and charts: `lun. 06/07`.
pub fn day_label(date: NaiveDate) -> String {
    format!("{} {}", weekday_short(date), date.format("%d/%m"))
}

/// A day with its year: `lun. 06/07/2026`.
pub fn day_label_with_year(date: NaiveDate) -> String {
    format!("{} {}", weekday_short(date), date_text(date))
}

/// A date in words: `lundi 6 juillet 2026`.
pub fn date_in_words(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_long(date),
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// The Monday of the ISO week of `date`.
pub fn week_monday(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// `Semaine du lun. 06/07/2026`, for the ISO week holding `date`.
pub fn week_label(date: NaiveDate) -> String {
    format!("Semaine du {}", day_label_with_year(week_monday(date)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn french_day_and_week_labels() {
        let thursday = date(2026, 7, 9);
        assert_eq!(weekday_short(thursday), "jeu.");
        assert_eq!(weekday_long(thursday), "jeudi");
        assert_eq!(day_label(thursday), "jeu. 09/07");
        assert_eq!(day_label_with_year(thursday), "jeu. 09/07/2026");
        assert_eq!(week_monday(thursday), date(2026, 7, 6));
        assert_eq!(week_label(thursday), "Semaine du lun. 06/07/2026");
        assert_eq!(week_label(date(2026, 7, 12)), "Semaine du lun. 06/07/2026");
        assert_eq!(date_in_words(date(2026, 8, 15)), "samedi 15 août 2026");
    }

    #[test]
    fn french_month_names() {
        assert_eq!(month_name(1), "janvier");
        assert_eq!(month_name(2), "février");
        assert_eq!(month_name(12), "décembre");
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn long_text_is_cut_at_excel_limit() {
        let long = "é".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cell_text("=SOMME(A1)"), "=SOMME(A1)");
    }

    #[test]
    fn widths_and_heights_fit_the_text() {
        assert_eq!(
            fitted_width(["ALSH-DOUE", "ALSH-SAUMUR-CHEMINS"], 10.0, 40.0),
            21.0
        );
        assert_eq!(fitted_width(["A"], 10.0, 40.0), 10.0);
        assert_eq!(fitted_width([], 10.0, 40.0), 10.0);
        assert_eq!(fitted_width(["x".repeat(100).as_str()], 10.0, 40.0), 40.0);
        assert_eq!(wrapped_row_height(&[("court", 20.0)]), 15.0);
        assert_eq!(
            wrapped_row_height(&[("a".repeat(45).as_str(), 20.0), ("b", 5.0)]),
            45.0
        );
        assert_eq!(wrapped_row_height(&[("un\ndeux", 20.0)]), 30.0);
    }

    #[test]
    fn integers_in_french_notation() {
        assert_eq!(french_integer(0), "0");
        assert_eq!(french_integer(999), "999");
        assert_eq!(french_integer(2305), "2\u{202f}305");
        assert_eq!(french_integer(-1_234_567), "-1\u{202f}234\u{202f}567");
    }

    #[test]
    fn yes_no_in_french() {
        assert_eq!(yes_no(true), "oui");
        assert_eq!(yes_no(false), "non");
    }
}
