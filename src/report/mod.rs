//! Results → output workbooks (rust_xlsxwriter) and the terminal summaries.
//!
//! - [`needs`] writes `besoins.xlsx`, [`planning`] `planning.xlsx`, [`conformite`]
//!   `conformite.xlsx`, [`template`] the blank input workbook; each also renders its terminal
//!   summary as a string (the binary prints it).
//! - [`xlsx`] is the spreadsheet toolkit they all write with: formats, text cells that are never
//!   formulas, dates, euros, layout, fixed document properties and an atomic save.
//! - [`wording`] writes French at the edge: plurals, numbers, percentages, dates.
//! - [`rule_catalogue`] quotes the regulation from `rules` for both `Regles` sheets.
//!
//! Which paths may be written is the commands' business.

pub mod conformite;
pub mod dates;
pub mod echo;
pub mod needs;
pub mod planning;
pub mod rule_catalogue;
pub mod template;
pub mod wording;
pub mod xlsx;

pub use xlsx::{save_workbook, write_atomic};
