//! A sheet read from one file, as the readers see it: its header row and its data rows.

use calamine::Data;

use crate::domain::InputRemark;

/// One data row: its 1-based spreadsheet number and its cells, aligned on the header (index 0 is
/// column A).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub number: u32,
    pub cells: Vec<Data>,
}

/// A column with data but no header text (0-based index), the rows where it has data, and the
/// column whose header cell is merged over it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Headerless {
    pub column: usize,
    pub rows: Vec<u32>,
    pub merged_with: Option<usize>,
}

/// A sheet read from one file.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub file: String,
    /// The sheet name as written in the file.
    pub name: String,
    /// 1-based row number of the header row (0 when the sheet is empty).
    pub header_row: u32,
    /// Header cells, raw (a grid's date headers may be date cells).
    pub header_cells: Vec<Data>,
    /// Header cells as text, as written.
    pub headers: Vec<String>,
    /// The data rows, without `Total` rows and trailing notes.
    pub rows: Vec<Row>,
    /// Columns with data but no header.
    pub headerless: Vec<Headerless>,
    /// Cells far to the right of the table: 1-based row, 0-based column, value as shown.
    pub stray: Vec<(u32, u32, String)>,
    /// Columns reported as misspelled (not reported missing again).
    pub near_missed: Vec<&'static str>,
    /// What was skipped or ignored in this sheet, for the outputs.
    pub remarks: Vec<InputRemark>,
}

impl Sheet {
    pub fn empty(file: &str, name: &str) -> Sheet {
        Sheet {
            file: file.to_string(),
            name: name.to_string(),
            header_row: 0,
            header_cells: Vec::new(),
            headers: Vec::new(),
            rows: Vec::new(),
            headerless: Vec::new(),
            stray: Vec::new(),
            near_missed: Vec::new(),
            remarks: Vec::new(),
        }
    }
}
