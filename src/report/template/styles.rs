//! The formats of the template's sheets.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The formats shared by the template sheets.
pub(super) struct Styles {
    pub header: Format,
    pub title: Format,
    pub section: Format,
    pub wrap: Format,
    pub bold_wrap: Format,
    pub date: Format,
    pub time: Format,
}

impl Styles {
    pub fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin);
        Styles {
            header,
            title: Format::new().set_bold().set_font_size(16),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x2F5597)),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            time: Format::new().set_num_format("hh:mm"),
        }
    }
}
