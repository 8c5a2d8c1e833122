//! `conformite.xlsx` (the `check` command): a `Synthese` sheet (verdict, findings by rule with
//! their article, findings by ACM) and an `Infractions` sheet (one row per finding), plus the
//! terminal summary. Every cell that comes from user text is written as a string, never as a
//! formula.

mod checked;
mod findings;
mod infractions;
mod summary;
mod synthese;
#[cfg(test)]
mod tests;
mod workbook;

pub use checked::CheckedFiles;
pub use findings::verdict;
pub use summary::terminal_summary;
pub use workbook::{conformite_workbook, write_conformite};
