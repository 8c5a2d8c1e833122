//! A sheet as a table: the header row (found by [`layout`](super::layout)), the data rows with
//! their spreadsheet numbers, column lookup by the schema's names and aliases, and a row reader
//! that collects errors.

use calamine::Data;
#[cfg(test)]
use calamine::Range;

use super::layout::{self, RawSheet};
pub(crate) use super::sheet::{Row, Sheet};
use super::{cells, days};
use crate::domain::{SourceRef, normalize_key};
use crate::error::InputError;
use crate::schema::{ColumnSpec, SheetSpec};

/// `« Capacite » (ou « Capacity »)`, for messages.
fn described(column: &ColumnSpec) -> String {
    match column.aliases.first() {
        Some(alias) => format!("« {} » (ou « {alias} »)", column.name),
        None => format!("« {} »", column.name),
    }
}

impl Sheet {
    /// The table of a sheet read from its cells (header row found as `spec` describes it).
    pub fn from_cells(file: &str, name: &str, spec: &SheetSpec, raw: RawSheet) -> Sheet {
        layout::build(file, name, spec, raw)
    }

    /// The table of a dense range (tests).
    #[cfg(test)]
    pub fn from_range(file: &str, spec: &SheetSpec, range: &Range<Data>) -> Sheet {
        layout::build(file, spec.name, spec, RawSheet::from_range(range))
    }

    /// The index of a column, if the header row has it.
    pub fn find(&self, column: &ColumnSpec) -> Option<usize> {
        self.headers.iter().position(|h| column.matches(h))
    }

    /// The index of a required column; reports it missing otherwise (unless its header was
    /// reported as misspelled).
    pub fn require(&self, column: &ColumnSpec, errors: &mut Vec<InputError>) -> Option<usize> {
        let found = self.find(column);
        if found.is_none() && !self.near_missed.contains(&column.name) {
            errors.push(self.missing_column(column));
        }
        found
    }

    /// How a column is named in messages: its header, or its letter when the header is blank.
    pub fn column_label(&self, index: usize) -> String {
        match self.headers.get(index).filter(|h| !h.is_empty()) {
            Some(header) => header.clone(),
            None => format!("{} (sans en-tête)", cells::column_letters(index as u64)),
        }
    }

    pub fn missing_column(&self, column: &ColumnSpec) -> InputError {
        let found: Vec<&str> = self
            .headers
            .iter()
            .map(String::as_str)
            .filter(|h| !h.is_empty())
            .collect();
        let message = if self.header_row == 0 {
            format!(
                "la feuille est vide : colonne {} attendue dans la ligne d'en-tête",
                described(column)
            )
        } else {
            format!(
                "colonne {} introuvable dans la ligne d'en-tête (ligne {}) ; colonnes trouvées : {}",
                described(column),
                self.header_row,
                if found.is_empty() {
                    "aucune".to_string()
                } else {
                    found.join(", ")
                }
            )
        };
        let error = InputError::new(&self.file, message)
            .sheet(&self.name)
            .column(column.name);
        if self.header_row == 0 {
            error
        } else {
            error.row(self.header_row)
        }
    }

    /// An error about the whole sheet, placed on its header row.
    pub fn error(&self, message: impl Into<String>) -> InputError {
        let error = InputError::new(&self.file, message).sheet(&self.name);
        if self.header_row == 0 {
            error
        } else {
            error.row(self.header_row)
        }
    }

    pub fn source(&self, row: &Row) -> SourceRef {
        SourceRef {
            file: self.file.clone(),
            sheet: self.name.clone(),
            row: row.number,
        }
    }

    /// A reader over one row that pushes its errors into `errors`.
    pub fn reader<'a>(&'a self, row: &'a Row, errors: &'a mut Vec<InputError>) -> RowReader<'a> {
        RowReader {
            sheet: self,
            row,
            errors,
            failed: false,
        }
    }
}

static EMPTY: Data = Data::Empty;

/// Reads the cells of one row; every problem becomes an `InputError` naming file, sheet, row,
/// column (as written) and value.
pub(crate) struct RowReader<'a> {
    pub sheet: &'a Sheet,
    pub row: &'a Row,
    errors: &'a mut Vec<InputError>,
    failed: bool,
}

impl RowReader<'_> {
    pub fn cell(&self, column: Option<usize>) -> &Data {
        column
            .and_then(|index| self.row.cells.get(index))
            .unwrap_or(&EMPTY)
    }

    pub fn is_blank(&self, column: Option<usize>) -> bool {
        cells::is_blank(self.cell(column))
    }

    /// Whether an error was reported on this row.
    pub fn failed(&self) -> bool {
        self.failed
    }

    pub fn source(&self) -> SourceRef {
        self.sheet.source(self.row)
    }

    fn header(&self, column: Option<usize>, fallback: &str) -> String {
        column
            .and_then(|index| self.sheet.headers.get(index))
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    }

    /// Reports a problem in a cell; `fallback` names the column when it is not in the file.
    pub fn error(&mut self, column: Option<usize>, fallback: &str, message: impl Into<String>) {
        let value = cells::display(self.cell(column));
        let mut error = InputError::new(&self.sheet.file, message)
            .sheet(&self.sheet.name)
            .row(self.row.number)
            .column(self.header(column, fallback));
        if !value.is_empty() {
            error = error.value(value);
        }
        self.errors.push(error);
        self.failed = true;
    }

    /// An optional cell: `None` when blank or unreadable (the latter is reported).
    pub fn optional<T>(
        &mut self,
        column: Option<usize>,
        parse: impl FnOnce(&Data) -> Result<T, String>,
    ) -> Option<T> {
        if self.is_blank(column) {
            return None;
        }
        match parse(self.cell(column)) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(column, "", message);
                None
            }
        }
    }

    /// A required cell: blank is reported as missing, and so is a column absent from the file
    /// (sheets check their required columns first, so this only happens for columns needed by
    /// some rows only, like `Du` and `Au`).
    pub fn required<T>(
        &mut self,
        column: Option<usize>,
        name: &str,
        parse: impl FnOnce(&Data) -> Result<T, String>,
    ) -> Option<T> {
        if column.is_none() {
            self.error(
                None,
                name,
                format!(
                    "colonne « {name} » absente de la ligne d'en-tête (ligne {}) : elle est \
                     nécessaire pour cette ligne",
                    self.sheet.header_row
                ),
            );
            return None;
        }
        if self.is_blank(column) {
            self.error(column, name, "valeur obligatoire manquante");
            return None;
        }
        self.optional(column, parse)
    }

    /// Whether the row is a totals line a user added under a grid (`Total`, `Totaux`…) that the
    /// layout kept (its first cell was not the total's label).
    pub fn is_total(&self, column: Option<usize>) -> bool {
        normalize_key(&cells::display(self.cell(column))).starts_with("total")
    }

    /// Whether the row only names weekdays (`lun`, `mar`…), as a second header line under a
    /// grid's dates often does.
    pub fn is_weekday_line(&self) -> bool {
        let mut filled = self
            .row
            .cells
            .iter()
            .filter(|c| !cells::is_blank(c))
            .peekable();
        filled.peek().is_some() && filled.all(|cell| days::weekday(&cells::display(cell)).is_some())
    }

    /// Optional text, trimmed.
    pub fn text(&self, column: Option<usize>) -> Option<String> {
        cells::text(self.cell(column))
    }

    /// Required text, trimmed.
    pub fn required_text(&mut self, column: Option<usize>, name: &str) -> Option<String> {
        self.required(column, name, |cell| Ok(cells::display(cell)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_row_is_the_first_non_empty_row() {
        let mut range: Range<Data> = Range::new((2, 1), (5, 2));
        range.set_value((2, 1), Data::String("Code".into()));
        range.set_value((2, 2), Data::String("Nom".into()));
        range.set_value((4, 1), Data::String("A".into()));
        range.set_value((5, 2), Data::String("  ".into()));
        let sheet = Sheet::from_range("f.xlsx", &crate::schema::ACCUEILS, &range);
        assert_eq!(sheet.header_row, 3);
        assert_eq!(sheet.headers, vec!["", "Code", "Nom"]);
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![5]);
    }
}
