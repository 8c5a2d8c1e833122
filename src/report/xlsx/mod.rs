//! The spreadsheet toolkit every output workbook is written with (`besoins.xlsx`,
//! `planning.xlsx`, `conformite.xlsx`, the input template): one set of cell formats, one way to
//! write text (always a string, never a formula, cut at Excel's limit), dates, times, counts
//! and euros, one way to lay out headers and print, and one writer that fixes the document
//! properties and saves atomically.
//!
//! ```no_run
//! use acm_planner::report::xlsx::{self, Column, Formats};
//!
//! let mut workbook = xlsx::new_workbook("Exemple");
//! let formats = Formats::new();
//! let sheet = workbook.add_worksheet();
//! let columns = [Column::new("Accueil", 14.0), Column::new("Date", 11.0)];
//! xlsx::write_headers(sheet, 0, &columns, &formats.header)?;
//! xlsx::write_text(sheet, 1, 0, "=ALSH-DOUE", &formats.text)?; // stays text, never a formula
//! xlsx::save_workbook(&mut workbook, std::path::Path::new("exemple.xlsx"))?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cells;
mod formats;
mod layout;
mod workbook;

pub use cells::{
    MAX_CELL_TEXT, cell_text, col_index, row_index, write_count, write_date, write_duration,
    write_euros, write_merged_text, write_number, write_plain_count, write_plain_text, write_text,
    write_texts, write_time,
};
pub use formats::{
    BAD, DATE_NUMBER_FORMAT, EURO_NUMBER_FORMAT, Formats, GOOD, HEADER_FILL, PERCENT_NUMBER_FORMAT,
    TIME_NUMBER_FORMAT, TOTAL_FILL, WARNING, total_of,
};
pub use layout::{
    Column, LineFit, PrintLayout, ROW_HEIGHT, autofilter, fitted_width, print_setup,
    wrapped_height, wrapped_lines, write_headers, write_headers_from,
};
pub use workbook::{fixed_properties, new_workbook, save_built, save_workbook, write_atomic};
