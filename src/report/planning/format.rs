//! Small formatting helpers for the `planning.xlsx` sheets: cell formats, a text writer that
//! never writes a formula, French dates and weekday names.
//!
//! Kept apart from the sheet code so they can move into the shared `report::sheets` module
//! later; nothing here knows about plans.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::Minutes;
use rust_xlsxwriter::{
    ColNum, Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError,
};

/// Excel's limit on the length of a cell's text.
const MAX_CELL_CHARS: usize = 32_767;

/// Every cell format the planning sheets use, built once.
pub struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub section: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub bold: Format,
    /// A key figure written as text, aligned like the numbers beside it.
    pub value_text: Format,
    pub note: Format,
    /// Short text among numbers (`—`), centred like them.
    pub centered: Format,
    pub date: Format,
    pub integer: Format,
    pub integer_bold: Format,
    pub euro: Format,
    /// A time of day, `08:30`.
    pub time: Format,
    pub euro_bold: Format,
    pub percent: Format,
    pub percent_bold: Format,
    /// Conditional-format fills for statuses.
    pub good: Format,
    pub bad: Format,
    pub warning: Format,
    /// Animateurs grid.
    pub worked: Format,
    pub directing: Format,
    pub weekend: Format,
    pub unavailable: Format,
    /// Grid headers: a real date cell shown as `lun. 06/07`, so `check` reads the date back.
    pub header_day: Format,
    pub header_day_weekend: Format,
}

impl Formats {
    pub fn new() -> Self {
        let header_fill = Color::RGB(0xD9E1F2);
        let header = Format::new()
            .set_bold()
            .set_background_color(header_fill)
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Center);
        let header_day = header
            .clone()
            .set_num_format(DAY_HEADER)
            .set_align(FormatAlign::Center);
        // Data cells start at the top, so a row made tall by a wrapped cell reads in line.
        let cell = Format::new().set_align(FormatAlign::Top);
        Formats {
            header_day_weekend: header_day
                .clone()
                .set_background_color(Color::RGB(0xBFBFBF)),
            header_day,
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x404040)),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_border_bottom(FormatBorder::Thin),
            header,
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            bold: cell.clone().set_bold(),
            value_text: cell.clone().set_bold().set_align(FormatAlign::Center),
            note: cell
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(0x595959))
                .set_indent(1),
            centered: cell.clone().set_align(FormatAlign::Center),
            date: cell
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            integer: cell
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            integer_bold: cell
                .clone()
                .set_num_format("0")
                .set_bold()
                .set_align(FormatAlign::Center),
            euro: cell.clone().set_num_format(EURO),
            time: cell
                .clone()
                .set_num_format("hh:mm")
                .set_align(FormatAlign::Center),
            euro_bold: cell.clone().set_num_format(EURO).set_bold(),
            percent: cell
                .clone()
                .set_num_format("0.0%")
                .set_align(FormatAlign::Center),
            percent_bold: cell.clone().set_num_format("0.0%").set_bold(),
            good: Format::new()
                .set_background_color(Color::RGB(0xC6EFCE))
                .set_font_color(Color::RGB(0x006100)),
            bad: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006)),
            warning: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700)),
            worked: Format::new()
                .set_background_color(Color::RGB(0xE2EFDA))
                .set_align(FormatAlign::Center),
            directing: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xBDD7EE))
                .set_align(FormatAlign::Center),
            weekend: Format::new().set_background_color(Color::RGB(0xF2F2F2)),
            unavailable: Format::new().set_background_color(Color::RGB(0xD9D9D9)),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// A date shown as `lun. 06/07` in French (Excel locale 040C; LibreOffice understands it).
pub const DAY_HEADER: &str = "[$-40C]ddd dd/mm";

/// Euro amounts: `1 234,50 €` in a French Excel or LibreOffice.
pub const EURO: &str = "#,##0.00 \"€\"";

/// Shared with the other workbooks.
pub use crate::report::sheets::{month_name, weekday_long, weekday_short, write_date};

/// Writes user or generated text as a text cell: never a formula, even when it starts with `=`,
/// and cut to Excel's cell limit.
pub fn write_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = if text.chars().count() > MAX_CELL_CHARS {
        text.chars().take(MAX_CELL_CHARS).collect::<String>()
    } else {
        text.to_string()
    };
    sheet.write_string_with_format(row, col, text, format)?;
    Ok(())
}

/// Writes a header row with the given column widths (in characters).
pub fn write_headers(
    sheet: &mut Worksheet,
    row: RowNum,
    headers: &[(&str, f64)],
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, (name, width)) in (0..).zip(headers) {
        write_text(sheet, row, col, name, format)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// How a sheet prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrintLayout {
    /// Rows repeated at the top of every page (from the first row to this one).
    pub header_rows: Option<RowNum>,
    /// Columns repeated at the left of every page (from the first to this one).
    pub repeat_columns: Option<ColNum>,
    /// Pages across (0 or 1: one page wide).
    pub pages_wide: u16,
}

/// Print set-up of every sheet: A4 landscape, `pages_wide` pages across, the header rows and
/// columns repeated, the sheet name and page number in the footer.
pub fn print_setup(sheet: &mut Worksheet, layout: PrintLayout) -> Result<(), XlsxError> {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(layout.pages_wide.max(1), 0)
        .set_footer("&L&A&RPage &P / &N");
    if let Some(last) = layout.repeat_columns {
        sheet.set_repeat_columns(0, last)?;
    }
    if let Some(last) = layout.header_rows {
        sheet.set_repeat_rows(0, last)?;
    }
    Ok(())
}

/// Height of a row whose cells wrap: enough lines for the longest text, given each column's
/// width in characters (LibreOffice does not grow such rows by itself).
pub fn wrapped_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            // About 1.2 average characters fit in one unit of column width.
            let per_line = (width * 1.2).max(1.0);
            (text.chars().count() as f64 / per_line).ceil().max(1.0)
        })
        .fold(1.0, f64::max);
    15.0 * lines
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

/// A row or column count as a spreadsheet index, saturating (sheets stop at 1 048 576 rows).
pub fn row_index(index: usize) -> RowNum {
    RowNum::try_from(index).unwrap_or(RowNum::MAX)
}

/// A column index, saturating at Excel's last column.
pub fn col_index(index: usize) -> ColNum {
    ColNum::try_from(index).unwrap_or(16_383).min(16_383)
}

pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Grid header of a date: `lun. 06/07`.
pub fn day_header(date: NaiveDate) -> String {
    format!("{} {}", weekday_short(date), date.format("%d/%m"))
}

/// `06/07/2026`.
pub fn date_fr(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A span of dates in words: `le 14 juillet`, `du 13 au 24 juillet`, `du 30 juin au 4 juillet`,
/// with the year only when the span crosses one.
pub fn date_span_words(first: NaiveDate, last: NaiveDate) -> String {
    let day = |d: NaiveDate| {
        if d.day() == 1 {
            "1er".to_string()
        } else {
            d.day().to_string()
        }
    };
    if first == last {
        return format!("le {} {}", day(first), month_name(first.month()));
    }
    if first.year() != last.year() {
        return format!(
            "du {} {} {} au {} {} {}",
            day(first),
            month_name(first.month()),
            first.year(),
            day(last),
            month_name(last.month()),
            last.year()
        );
    }
    if first.month() == last.month() {
        format!(
            "du {} au {} {}",
            day(first),
            day(last),
            month_name(last.month())
        )
    } else {
        format!(
            "du {} {} au {} {}",
            day(first),
            month_name(first.month()),
            day(last),
            month_name(last.month())
        )
    }
}

/// Sorted dates as runs of consecutive days: `06/07–10/07, 13/07–17/07, 20/07`.
pub fn compact_dates(dates: &[NaiveDate]) -> String {
    let mut sorted = dates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for date in sorted {
        match runs.last_mut() {
            Some((_, last)) if last.succ_opt() == Some(date) => *last = date,
            _ => runs.push((date, date)),
        }
    }
    runs.iter()
        .map(|(first, last)| {
            if first == last {
                first.format("%d/%m").to_string()
            } else {
                format!("{}–{}", first.format("%d/%m"), last.format("%d/%m"))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A ratio as a French percentage with one decimal: `87,5 %`.
pub fn percent_fr(fraction: f64) -> String {
    format!("{:.1} %", fraction * 100.0).replace('.', ",")
}

/// A whole number with French thousands separators: `12 345`.
pub fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    grouped
}

/// `1 animateur`, `3 animateurs`.
pub fn plural(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{} {plural}", thousands(count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).expect("valid date")
    }

    #[test]
    fn compacts_runs_of_consecutive_days() {
        let dates = [
            d(7, 6),
            d(7, 7),
            d(7, 8),
            d(7, 9),
            d(7, 10),
            d(7, 13),
            d(7, 14),
            d(7, 20),
        ];
        assert_eq!(compact_dates(&dates), "06/07–10/07, 13/07–14/07, 20/07");
        assert_eq!(compact_dates(&[]), "");
    }

    #[test]
    fn spans_read_as_french_prose() {
        assert_eq!(date_span_words(d(7, 13), d(7, 24)), "du 13 au 24 juillet");
        assert_eq!(
            date_span_words(d(6, 30), d(7, 4)),
            "du 30 juin au 4 juillet"
        );
        assert_eq!(date_span_words(d(7, 14), d(7, 14)), "le 14 juillet");
        assert_eq!(date_span_words(d(8, 1), d(8, 1)), "le 1er août");
    }

    #[test]
    fn headers_and_numbers_in_french() {
        assert_eq!(day_header(d(7, 6)), "lun. 06/07");
        assert_eq!(percent_fr(0.875), "87,5 %");
        assert_eq!(thousands(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(plural(1, "poste", "postes"), "1 poste");
        assert_eq!(plural(4, "poste", "postes"), "4 postes");
    }
}
