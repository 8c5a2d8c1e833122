//! A small builder of input workbooks for the `input_*` tests: sheets as rows of cells placed
//! where a person would put them, with merged cells, hidden rows and columns; and a minimal valid
//! territory (one accueil de loisirs, one week of July 2026, three animateurs) to start from.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use acm_planner::domain::Inputs;
use acm_planner::input::{Required, read_inputs};
use acm_planner::{Error, InputError};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum C {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Empty,
}

impl From<&str> for C {
    fn from(text: &str) -> Self {
        if text.is_empty() {
            C::Empty
        } else {
            C::Text(text.to_string())
        }
    }
}

impl From<String> for C {
    fn from(text: String) -> Self {
        C::from(text.as_str())
    }
}

impl From<i32> for C {
    fn from(value: i32) -> Self {
        C::Num(f64::from(value))
    }
}

impl From<f64> for C {
    fn from(value: f64) -> Self {
        C::Num(value)
    }
}

impl From<NaiveDate> for C {
    fn from(date: NaiveDate) -> Self {
        C::Date(date)
    }
}

#[macro_export]
macro_rules! cells {
    ($($cell:expr),* $(,)?) => { vec![$($crate::workbooks::C::from($cell)),*] };
}

pub fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// A sheet: rows from the top (row 1 first), merged ranges, hidden rows and columns.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<C>>,
    /// (first row, first column, last row, last column), 0-based; the value is the first cell's.
    pub merges: Vec<(u32, u16, u32, u16)>,
    pub hidden_rows: Vec<u32>,
    pub hidden_columns: Vec<u16>,
    /// Single cells placed anywhere (0-based row, column).
    pub far: Vec<(u32, u16, C)>,
}

impl Sheet {
    pub fn new(name: &str, rows: Vec<Vec<C>>) -> Sheet {
        Sheet {
            name: name.to_string(),
            rows,
            ..Sheet::default()
        }
    }

    /// Puts `count` rows above the table: the first a title merged over `width` columns, the
    /// second an "updated on" line, then blank rows.
    pub fn with_title(mut self, title: &str, width: u16, count: usize) -> Sheet {
        let mut above = vec![vec![C::from(title)]];
        if count > 1 {
            above.push(cells!["Mis à jour le", d(2026, 12, 1)]);
        }
        while above.len() < count {
            above.push(Vec::new());
        }
        let shift = u32::try_from(count).expect("few rows");
        self.merges = self
            .merges
            .into_iter()
            .map(|(r1, c1, r2, c2)| (r1 + shift, c1, r2 + shift, c2))
            .collect();
        self.hidden_rows = self.hidden_rows.iter().map(|r| r + shift).collect();
        above.extend(self.rows);
        self.rows = above;
        if width > 1 {
            self.merges.push((0, 0, 0, width - 1));
        }
        self
    }

    pub fn push(mut self, row: Vec<C>) -> Sheet {
        self.rows.push(row);
        self
    }

    pub fn merge(
        mut self,
        first_row: u32,
        first_column: u16,
        last_row: u32,
        last_column: u16,
    ) -> Sheet {
        self.merges
            .push((first_row, first_column, last_row, last_column));
        self
    }

    pub fn hide_row(mut self, row: u32) -> Sheet {
        self.hidden_rows.push(row);
        self
    }

    pub fn hide_column(mut self, column: u16) -> Sheet {
        self.hidden_columns.push(column);
        self
    }

    pub fn far_cell(mut self, row: u32, column: u16, cell: C) -> Sheet {
        self.far.push((row, column, cell));
        self
    }

    /// Sets the cell under header `header` in spreadsheet row `row` (1-based).
    pub fn set(mut self, row: usize, header: &str, value: impl Into<C>) -> Sheet {
        let index = self
            .rows
            .iter()
            .find_map(|cells| {
                cells
                    .iter()
                    .position(|c| matches!(c, C::Text(t) if t == header))
            })
            .expect("header");
        let cells = &mut self.rows[row - 1];
        if cells.len() <= index {
            cells.resize(index + 1, C::Empty);
        }
        cells[index] = value.into();
        self
    }
}

/// A workbook of sheets.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn new(sheets: Vec<Sheet>) -> Book {
        Book { sheets }
    }

    pub fn sheet(&mut self, name: &str) -> &mut Sheet {
        self.sheets
            .iter_mut()
            .find(|s| s.name == name)
            .expect("sheet in the book")
    }

    /// Replaces a sheet by what `change` makes of it.
    pub fn with(mut self, name: &str, change: impl FnOnce(Sheet) -> Sheet) -> Book {
        let sheet = self.sheet(name);
        *sheet = change(std::mem::take(sheet));
        self
    }

    pub fn save(&self, path: &Path) -> PathBuf {
        let mut workbook = Workbook::new();
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        for sheet in &self.sheets {
            let worksheet = workbook.add_worksheet();
            worksheet.set_name(&sheet.name).expect("sheet name");
            let mut write = |row: u32, column: u16, cell: &C| {
                match cell {
                    C::Text(text) => worksheet.write_string(row, column, text).map(|_| ()),
                    C::Num(value) => worksheet.write_number(row, column, *value).map(|_| ()),
                    C::Date(date) => worksheet
                        .write_date_with_format(row, column, date, &date_format)
                        .map(|_| ()),
                    C::Empty => Ok(()),
                }
                .expect("cell written");
            };
            for (r, cells) in sheet.rows.iter().enumerate() {
                for (c, cell) in cells.iter().enumerate() {
                    write(
                        u32::try_from(r).expect("row"),
                        u16::try_from(c).expect("column"),
                        cell,
                    );
                }
            }
            for (row, column, cell) in &sheet.far {
                write(*row, *column, cell);
            }
            for &(r1, c1, r2, c2) in &sheet.merges {
                let text = match sheet
                    .rows
                    .get(r1 as usize)
                    .and_then(|row| row.get(c1 as usize))
                {
                    Some(C::Text(text)) => text.clone(),
                    _ => String::new(),
                };
                worksheet
                    .merge_range(r1, c1, r2, c2, &text, &Format::new())
                    .expect("merged");
            }
            for row in &sheet.hidden_rows {
                worksheet.set_row_hidden(*row).expect("hidden row");
            }
            for column in &sheet.hidden_columns {
                worksheet.set_column_hidden(*column).expect("hidden column");
            }
        }
        workbook.save(path).expect("workbook saved");
        path.to_path_buf()
    }
}

/// One accueil de loisirs, Monday 6 to Friday 10 July 2026 (`journee`), three animateurs who
/// are available every day.
pub fn minimal() -> Book {
    Book::new(vec![
        Sheet::new(
            "Accueils",
            vec![
                cells!["Code", "Nom", "Commune", "Type", "Capacite"],
                cells!["ALSH-A", "Les Lutins", "Varrains", "accueil de loisirs", 40],
            ],
        ),
        Sheet::new("Previsions", {
            let mut rows = vec![cells![
                "Accueil",
                "Date",
                "Creneau",
                "Moins de 6 ans",
                "6 ans et plus"
            ]];
            for day in 6..=10 {
                rows.push(cells!["ALSH-A", d(2026, 7, day), "journee", 8, 12]);
            }
            rows
        }),
        Sheet::new(
            "Animateurs",
            vec![
                cells!["Id", "Nom", "Prenom", "Qualification", "Contrat"],
                cells!["A1", "Martin", "Léa", "BAFD", "CDI"],
                cells!["A2", "Bernard", "Hugo", "BAFA", "CEE"],
                cells!["A3", "Petit", "Chloé", "stagiaire BAFA", "CEE"],
            ],
        ),
        Sheet::new("Disponibilites", {
            let mut header = cells!["Id"];
            header.extend((6..=10).map(|day| C::from(d(2026, 7, day))));
            let mut rows = vec![header];
            for id in ["A1", "A2", "A3"] {
                let mut row = cells![id];
                row.extend((6..=10).map(|_| C::from("J")));
                rows.push(row);
            }
            rows
        }),
    ])
}

/// A fresh folder under the system temp dir, removed when dropped.
pub struct Folder(PathBuf);

impl Folder {
    pub fn new(group: &str, test: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("acm-{group}-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        Folder(dir)
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn read_ok(path: &Path) -> Inputs {
    match read_inputs(&[path.to_path_buf()], Required::ForecastsAndStaff) {
        Ok(inputs) => inputs,
        Err(error) => panic!("expected valid inputs, got:\n{error}"),
    }
}

pub fn read_errors(path: &Path) -> Vec<InputError> {
    match read_inputs(&[path.to_path_buf()], Required::ForecastsAndStaff) {
        Ok(inputs) => panic!(
            "expected input errors, got {} accueils",
            inputs.accueils.len()
        ),
        Err(Error::Input(errors)) => errors,
        Err(other) => panic!("expected input errors, got {other}"),
    }
}

/// The one error whose rendering contains `needle`.
pub fn error_with<'a>(errors: &'a [InputError], needle: &str) -> &'a InputError {
    let found: Vec<&InputError> = errors
        .iter()
        .filter(|e| e.to_string().contains(needle))
        .collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "expected exactly one error containing « {needle} », got:\n{}",
            errors
                .iter()
                .map(|e| format!("  - {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}
