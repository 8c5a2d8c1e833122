//! The shape of a sheet: columns and their headers, column widths and row heights, and how it
//! prints.

use rust_xlsxwriter::{ColNum, Format, Note, RowNum, Worksheet, XlsxError};

use super::cells::{col_index, write_text};

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

/// Writes a header row at `row` from column A: each title in `format`, its column's width, and
/// its note.
pub fn write_headers(
    sheet: &mut Worksheet,
    row: RowNum,
    columns: &[Column],
    format: &Format,
) -> Result<(), XlsxError> {
    write_headers_from(sheet, row, 0, columns, format)
}

/// [`write_headers`] from column `first_col`.
pub fn write_headers_from(
    sheet: &mut Worksheet,
    row: RowNum,
    first_col: ColNum,
    columns: &[Column],
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, column) in (first_col..).zip(columns) {
        write_text(sheet, row, col, column.title, format)?;
        sheet.set_column_width(col, column.width)?;
        if let Some(text) = column.note {
            let note = Note::new(text)
                .add_author_prefix(false)
                .set_width(320)
                .set_height(110);
            sheet.insert_note(row, col, &note)?;
        }
    }
    Ok(())
}

/// Puts an autofilter over the header at `row` and the `data_rows` rows below it, across
/// `columns` columns.
pub fn autofilter(
    sheet: &mut Worksheet,
    row: RowNum,
    columns: usize,
    data_rows: RowNum,
) -> Result<(), XlsxError> {
    if let Some(last) = columns.checked_sub(1) {
        sheet.autofilter(row, 0, row + data_rows, col_index(last))?;
    }
    Ok(())
}

/// How a sheet prints: landscape, fit to `pages_wide` pages across (as many down as needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrintLayout {
    /// Rows repeated at the top of every page, first and last.
    pub repeat_rows: Option<(RowNum, RowNum)>,
    /// Columns repeated at the left of every page, from the first to this one.
    pub repeat_columns: Option<ColNum>,
    /// Pages across (0 or 1: one page wide).
    pub pages_wide: u16,
    /// A4 paper (else the printer's default).
    pub a4: bool,
    /// The sheet's name and the page number in the footer.
    pub footer: bool,
    /// A fixed print scale in percent instead of fitting the width: Excel ignores manual page
    /// breaks on a sheet fitted to pages, so a sheet of one block per page uses a scale.
    pub scale: Option<u16>,
}

impl PrintLayout {
    /// Landscape on the printer's paper, `pages_wide` pages across, nothing repeated.
    pub const fn landscape(pages_wide: u16) -> Self {
        PrintLayout {
            repeat_rows: None,
            repeat_columns: None,
            pages_wide,
            a4: false,
            footer: false,
            scale: None,
        }
    }

    /// A4 landscape, `pages_wide` pages across, nothing repeated.
    pub const fn a4(pages_wide: u16) -> Self {
        PrintLayout {
            a4: true,
            ..PrintLayout::landscape(pages_wide)
        }
    }

    /// The same layout with rows `first..=last` repeated on every page.
    pub const fn repeating_rows(mut self, first: RowNum, last: RowNum) -> Self {
        self.repeat_rows = Some((first, last));
        self
    }

    /// The same layout with columns from the first to `last` repeated on every page.
    pub const fn repeating_columns(mut self, last: ColNum) -> Self {
        self.repeat_columns = Some(last);
        self
    }

    /// The same layout printed at `percent` % rather than fitted to pages.
    pub const fn scaled(mut self, percent: u16) -> Self {
        self.scale = Some(percent);
        self
    }

    /// The same layout with the sheet's name and the page number in the footer.
    pub const fn with_footer(mut self) -> Self {
        self.footer = true;
        self
    }
}

/// Applies a print layout to a sheet.
pub fn print_setup(sheet: &mut Worksheet, layout: PrintLayout) -> Result<(), XlsxError> {
    if layout.a4 {
        sheet.set_paper_size(9);
    }
    sheet.set_landscape();
    match layout.scale {
        Some(percent) => {
            sheet.set_print_scale(percent);
        }
        None => {
            sheet.set_print_fit_to_pages(layout.pages_wide.max(1), 0);
        }
    }
    if layout.footer {
        sheet.set_footer("&L&A&RPage &P / &N");
    }
    if let Some(last) = layout.repeat_columns {
        sheet.set_repeat_columns(0, last)?;
    }
    if let Some((first, last)) = layout.repeat_rows {
        sheet.set_repeat_rows(first, last)?;
    }
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
pub const ROW_HEIGHT: f64 = 15.0;

/// How many characters of wrapped text a workbook counts on one line of a column. Neither Excel
/// nor LibreOffice grows a row for wrapped text written by a program, so rows are sized on
/// writing from this estimate; each workbook keeps the one its rows were tuned with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineFit {
    /// One character per unit of width, line breaks honoured (`besoins.xlsx`).
    Narrow,
    /// 1.2 characters per unit of width (`planning.xlsx`).
    Medium,
    /// 1.3 whole characters per unit of width (`conformite.xlsx`).
    Wide,
}

/// Lines `text` takes in a wrapped column `width` characters wide: each line break starts a
/// line, and words go to the next line whole, as the spreadsheet wraps them (a word longer
/// than a line is cut).
pub fn wrapped_lines(text: &str, width: f64, fit: LineFit) -> u32 {
    let per_line = match fit {
        LineFit::Narrow => width.max(1.0).floor(),
        LineFit::Medium => (width * 1.2).max(1.0).floor(),
        LineFit::Wide => (width * 1.3).max(1.0).floor(),
    } as usize;
    let lines: usize = text
        .split('\n')
        .map(|paragraph| paragraph_lines(paragraph, per_line))
        .sum();
    u32::try_from(lines.max(1)).unwrap_or(u32::MAX)
}

/// Lines one paragraph takes, `per_line` characters a line, words kept whole.
fn paragraph_lines(paragraph: &str, per_line: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let length = word.chars().count();
        let needed = if used == 0 { length } else { used + 1 + length };
        if needed <= per_line {
            used = needed;
        } else if used == 0 {
            // A word longer than a line: cut, its end starts the next line.
            lines += (length - 1) / per_line;
            used = (length - 1) % per_line + 1;
        } else {
            lines += 1 + (length.max(1) - 1) / per_line;
            used = (length.max(1) - 1) % per_line + 1;
        }
    }
    lines
}

/// A row height that shows every line of its wrapped cells: `cells` are (text, column width).
pub fn wrapped_height(cells: &[(&str, f64)], fit: LineFit) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| wrapped_lines(text, *width, fit))
        .max()
        .unwrap_or(1)
        .max(1);
    ROW_HEIGHT * f64::from(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_text() {
        assert_eq!(
            fitted_width(["ALSH-DOUE", "ALSH-SAUMUR-CHEMINS"], 10.0, 40.0),
            21.0
        );
        assert_eq!(fitted_width(["A"], 10.0, 40.0), 10.0);
        assert_eq!(fitted_width([], 10.0, 40.0), 10.0);
        assert_eq!(fitted_width(["x".repeat(100).as_str()], 10.0, 40.0), 40.0);
    }

    #[test]
    fn heights_fit_the_text() {
        use LineFit::{Medium, Narrow, Wide};
        assert_eq!(wrapped_height(&[("court", 20.0)], Narrow), 15.0);
        let long = "a".repeat(45);
        assert_eq!(
            wrapped_height(&[(long.as_str(), 20.0), ("b", 5.0)], Narrow),
            45.0
        );
        assert_eq!(wrapped_height(&[("un\ndeux", 20.0)], Narrow), 30.0);
        // 45 characters at 24 a line (20 × 1.2): two lines.
        assert_eq!(wrapped_height(&[(long.as_str(), 20.0)], Medium), 30.0);
        assert_eq!(wrapped_height(&[("", 20.0)], Medium), 15.0);
        // 45 characters at 26 a line (20 × 1.3): two lines.
        assert_eq!(wrapped_lines(&long, 20.0, Wide), 2);
        assert_eq!(wrapped_lines("", 20.0, Wide), 1);
        // Words go whole to the next line: 11 characters fit a line of 13, 21 do not.
        assert_eq!(wrapped_lines("direction 07:30–18:30", 13.0, Narrow), 2);
        assert_eq!(wrapped_lines("aaa bbb ccc", 7.0, Narrow), 2);
        assert_eq!(wrapped_lines("aaaa bbbb", 7.0, Narrow), 2);
        // Line breaks count in every fit.
        assert_eq!(wrapped_lines("un\ndeux\ntrois", 20.0, Medium), 3);
        assert_eq!(wrapped_lines("un\ndeux", 20.0, Wide), 2);
    }
}
