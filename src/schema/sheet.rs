//! One sheet of an input workbook: its French name, the other names accepted, and its columns.

use super::column::ColumnSpec;
use crate::domain::normalize_key;

/// A sheet of an input workbook.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetSpec {
    /// The French name: the template's tab, named in messages.
    pub name: &'static str,
    /// Other sheet names accepted (English or older names).
    pub aliases: &'static [&'static str],
    /// What the sheet is for, as the `Aide` sheet says it.
    pub purpose: &'static str,
    /// The columns the template writes, in order.
    pub columns: &'static [ColumnSpec],
    /// Columns the readers also accept without the template offering them: the other layout of
    /// the sheet, or a `Du`/`Au` range where the template has one `Date`.
    pub other_columns: &'static [ColumnSpec],
}

impl SheetSpec {
    /// Whether a sheet name found in a file is this sheet (case, accents, spaces and punctuation
    /// ignored).
    pub fn matches(&self, sheet_name: &str) -> bool {
        let key = normalize_key(sheet_name);
        self.names().any(|name| normalize_key(name) == key)
    }

    /// The name, then every alias.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }

    /// The headers of the template's columns, in order.
    pub fn headers(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }

    /// The 0-based position of a column among the template's columns.
    pub fn position(&self, column: &ColumnSpec) -> Option<usize> {
        self.columns.iter().position(|c| c.name == column.name)
    }
}
