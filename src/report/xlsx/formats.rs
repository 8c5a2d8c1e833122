//! Every cell format the output workbooks use, built in one place from one palette.
//!
//! Number formats are stored in Excel's neutral (en-US) notation; Excel and LibreOffice show
//! them with the reader's locale separators (`1 234,50 €` on a French system).
//!
//! Most data cells of `planning.xlsx` and `conformite.xlsx` sit at the top of their row (a row
//! made tall by a wrapped cell reads in line); `besoins.xlsx` keeps Excel's default bottom
//! alignment. Both families are here, named apart, so each workbook keeps its look.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// Light blue-grey fill of header cells.
pub const HEADER_FILL: u32 = 0xD9E1F2;
/// Dark blue fill of the `conformite.xlsx` headers (white text).
pub const DARK_HEADER_FILL: u32 = 0x1F4E78;
/// Light grey fill of total rows and weekends.
pub const TOTAL_FILL: u32 = 0xF2F2F2;
/// Green text on a green fill: compliant.
pub const GOOD: (u32, u32) = (0x006100, 0xC6EFCE);
/// Red text on a red fill: an infraction, a shortage.
pub const BAD: (u32, u32) = (0x9C0006, 0xFFC7CE);
/// Orange text on a yellow fill: a warning.
pub const WARNING: (u32, u32) = (0x9C5700, 0xFFEB9C);

/// `dd/mm/yyyy`, the French date notation.
pub const DATE_NUMBER_FORMAT: &str = "dd/mm/yyyy";
/// A date shown as `lun. 06/07` in French (Excel locale 040C; LibreOffice understands it).
pub const DAY_HEADER_NUMBER_FORMAT: &str = "[$-40C]ddd dd/mm";
/// Euros with two decimals: `1 234,50 €` in a French Excel or LibreOffice.
pub const EURO_NUMBER_FORMAT: &str = "#,##0.00 \"€\"";
/// Percentage with one decimal: `97,5 %`.
pub const PERCENT_NUMBER_FORMAT: &str = "0.0%";
/// Time of day: `08:30`.
pub const TIME_NUMBER_FORMAT: &str = "hh:mm";
/// A duration in hours and minutes, past 24 hours: `63:30`.
pub const DURATION_NUMBER_FORMAT: &str = "[h]:mm";
/// A whole number.
pub const INTEGER_NUMBER_FORMAT: &str = "0";

/// The cell formats, built once per workbook.
pub struct Formats {
    // --- Titles and prose ---------------------------------------------------------------
    /// The title of a sheet that opens a workbook: bold, 16 points.
    pub title: Format,
    /// A sheet or section title: bold, 14 points.
    pub heading: Format,
    pub subtitle: Format,
    /// A section title above a table: bold, 12 points, underlined by a rule.
    pub section: Format,
    /// An aside among the tables: italic grey, indented.
    pub note: Format,
    /// An explanation above a table: italic grey, wrapped.
    pub explanation: Format,

    // --- Headers ------------------------------------------------------------------------
    /// Table headers: bold on a light fill, a rule below, wrapped, centred.
    pub header: Format,
    /// Table headers boxed by thin borders, centred vertically.
    pub boxed_header: Format,
    /// Table headers in white on dark blue.
    pub dark_header: Format,
    /// Grid headers: a real date cell shown as `lun. 06/07`, so `check` reads the date back.
    pub header_day: Format,
    pub header_day_weekend: Format,

    // --- Data cells at the top of their row ---------------------------------------------
    pub text: Format,
    pub wrap: Format,
    pub bold: Format,
    /// A key figure written as text, aligned like the numbers beside it.
    pub value_text: Format,
    /// Short text among numbers (`—`), centred like them.
    pub centered: Format,
    pub date: Format,
    pub integer: Format,
    pub integer_bold: Format,
    pub euro: Format,
    pub euro_bold: Format,
    /// A time of day, `08:30`.
    pub time: Format,
    /// A duration, `[h]:mm`.
    pub duration: Format,
    pub percent: Format,
    pub percent_bold: Format,

    // --- Data cells with the default alignment ------------------------------------------
    /// Bold text, for labels.
    pub strong: Format,
    /// Centred horizontally.
    pub middle: Format,
    /// Aligned left (a number among text).
    pub left: Format,
    /// A date, aligned left.
    pub date_left: Format,
    /// A time of day, aligned left.
    pub time_left: Format,
    /// A total row: bold on a light fill with a rule above.
    pub total: Format,
    /// The figure a reader looks for first: bold, centred, light yellow.
    pub highlighted: Format,
    /// A figure above the one applied: centred, light orange.
    pub raised: Format,

    // --- Statuses (also conditional formats) --------------------------------------------
    pub good: Format,
    pub bad: Format,
    pub warning: Format,

    // --- The animateurs grid ------------------------------------------------------------
    pub worked: Format,
    pub directing: Format,
    pub weekend: Format,
    pub unavailable: Format,
}

impl Formats {
    pub fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Center);
        let header_day = header
            .clone()
            .set_num_format(DAY_HEADER_NUMBER_FORMAT)
            .set_align(FormatAlign::Center);
        let cell = Format::new().set_align(FormatAlign::Top);
        let centered = cell.clone().set_align(FormatAlign::Center);
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            heading: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x404040)),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_border_bottom(FormatBorder::Thin),
            note: cell
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(0x595959))
                .set_indent(1),
            explanation: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x505050))
                .set_text_wrap()
                .set_align(FormatAlign::Top),

            header_day_weekend: header_day
                .clone()
                .set_background_color(Color::RGB(0xBFBFBF)),
            header_day,
            header,
            boxed_header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter),
            dark_header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(DARK_HEADER_FILL))
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_border_bottom(FormatBorder::Thin),

            wrap: cell.clone().set_text_wrap(),
            bold: cell.clone().set_bold(),
            value_text: centered.clone().set_bold(),
            date: centered.clone().set_num_format(DATE_NUMBER_FORMAT),
            integer: centered.clone().set_num_format(INTEGER_NUMBER_FORMAT),
            integer_bold: centered
                .clone()
                .set_num_format(INTEGER_NUMBER_FORMAT)
                .set_bold(),
            euro: cell.clone().set_num_format(EURO_NUMBER_FORMAT),
            euro_bold: cell.clone().set_num_format(EURO_NUMBER_FORMAT).set_bold(),
            time: centered.clone().set_num_format(TIME_NUMBER_FORMAT),
            duration: cell.clone().set_num_format(DURATION_NUMBER_FORMAT),
            percent: centered.clone().set_num_format(PERCENT_NUMBER_FORMAT),
            percent_bold: cell
                .clone()
                .set_num_format(PERCENT_NUMBER_FORMAT)
                .set_bold(),
            centered,
            text: cell,

            strong: Format::new().set_bold(),
            middle: Format::new().set_align(FormatAlign::Center),
            left: Format::new().set_align(FormatAlign::Left),
            date_left: Format::new()
                .set_num_format(DATE_NUMBER_FORMAT)
                .set_align(FormatAlign::Left),
            time_left: Format::new()
                .set_num_format(TIME_NUMBER_FORMAT)
                .set_align(FormatAlign::Left),
            total: total_of(&Format::new()),
            highlighted: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xFFF2CC)),
            raised: Format::new()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xFCE4D6)),

            good: coloured(GOOD),
            bad: coloured(BAD),
            warning: coloured(WARNING),

            worked: Format::new()
                .set_background_color(Color::RGB(0xE2EFDA))
                .set_align(FormatAlign::Center),
            directing: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xBDD7EE))
                .set_align(FormatAlign::Center),
            weekend: Format::new().set_background_color(Color::RGB(TOTAL_FILL)),
            unavailable: Format::new().set_background_color(Color::RGB(0xD9D9D9)),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// `format` in a total row: bold on a light fill with a rule above.
pub fn total_of(format: &Format) -> Format {
    format
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(TOTAL_FILL))
        .set_border_top(FormatBorder::Thin)
}

/// Text of the first colour on a fill of the second (see [`GOOD`], [`BAD`], [`WARNING`]).
fn coloured((text, fill): (u32, u32)) -> Format {
    Format::new()
        .set_font_color(Color::RGB(text))
        .set_background_color(Color::RGB(fill))
}
