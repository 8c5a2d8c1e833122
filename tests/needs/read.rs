//! Reading `besoins.xlsx` back: sheets, columns by header, an ACM's column, a week's figure.

use std::path::Path;

use acm_planner::report::needs;
use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::NaiveDate;

pub fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("workbook opens");
    workbook
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

pub fn all_rows(range: &Range<Data>) -> Vec<Vec<Data>> {
    range.rows().map(|r| r.to_vec()).collect()
}

/// Index of the row whose first cells are exactly these texts.
pub fn header_index(rows: &[Vec<Data>], first: &str) -> usize {
    rows.iter()
        .position(|r| r.first().and_then(|c| c.get_string()) == Some(first))
        .unwrap_or_else(|| panic!("no row starting with {first}"))
}

pub fn column(header: &[Data], title: &str) -> usize {
    header
        .iter()
        .position(|c| c.get_string() == Some(title))
        .unwrap_or_else(|| panic!("no column {title} in {header:?}"))
}

pub fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// The `Accueils` rows of one ACM: (date, value of `title`).
pub fn acm_column(path: &Path, code: &str, title: &str) -> Vec<(NaiveDate, Option<f64>)> {
    let range = sheet(path, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let header = &rows[0];
    let (date_col, value_col) = (column(header, "Date"), column(header, title));
    rows[1..]
        .iter()
        .filter(|r| r[0].get_string() == Some(code))
        .map(|r| {
            (
                r[date_col].as_date().expect("a real date cell"),
                number(&r[value_col]),
            )
        })
        .collect()
}

pub fn values(cells: &[(NaiveDate, Option<f64>)]) -> Vec<Option<u32>> {
    cells.iter().map(|(_, v)| v.map(|v| v as u32)).collect()
}

/// The `Semaines` row of `week_label` × `accueil` (or `Total territoire`), column `title`.
pub fn week_value(path: &Path, week_label: &str, accueil: &str, title: &str) -> f64 {
    let range = sheet(path, needs::SHEET_SEMAINES);
    let rows = all_rows(&range);
    let header_row = header_index(&rows, needs::COL_WEEK);
    let col = column(&rows[header_row], title);
    let row = rows
        .iter()
        .find(|r| r[0].get_string() == Some(week_label) && r[1].get_string() == Some(accueil))
        .unwrap_or_else(|| panic!("no row {week_label} × {accueil}"));
    number(&row[col]).expect("a number")
}
