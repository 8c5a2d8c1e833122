//! The workbook builder and the complete valid input shared by the `input` test files:
//! small workbooks written with rust_xlsxwriter in a temp folder, read back with `read_inputs`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use acm_planner::domain::{AvailabilityFlags, Inputs};
use acm_planner::input::{Required, read_inputs};
use acm_planner::{Error, InputError};
use chrono::{NaiveDate, NaiveTime};
use rust_xlsxwriter::{Format, Workbook};

// ---------------------------------------------------------------------------------------------
// A small workbook builder.

#[derive(Debug, Clone)]
pub enum C {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Time(u32, u32),
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

impl From<f64> for C {
    fn from(value: f64) -> Self {
        C::Num(value)
    }
}

impl From<i32> for C {
    fn from(value: i32) -> Self {
        C::Num(f64::from(value))
    }
}

impl From<NaiveDate> for C {
    fn from(date: NaiveDate) -> Self {
        C::Date(date)
    }
}

#[macro_export]
macro_rules! row {
    ($($cell:expr),* $(,)?) => { vec![$($crate::input_book::C::from($cell)),*] };
}

pub fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

pub fn time(hours: u32, minutes: u32) -> C {
    C::Time(hours, minutes)
}

#[derive(Debug, Clone, Default)]
pub struct Book {
    sheets: Vec<(String, Vec<Vec<C>>)>,
}

impl Book {
    pub fn new() -> Self {
        Book::default()
    }

    pub fn sheet(mut self, name: &str, rows: Vec<Vec<C>>) -> Self {
        self.sheets.push((name.to_string(), rows));
        self
    }

    pub fn without(mut self, name: &str) -> Self {
        self.sheets.retain(|(n, _)| n != name);
        self
    }

    pub fn rows(&mut self, name: &str) -> &mut Vec<Vec<C>> {
        let (_, rows) = self
            .sheets
            .iter_mut()
            .find(|(n, _)| n == name)
            .expect("sheet in the builder");
        rows
    }

    /// Adds a row at the end of a sheet.
    pub fn push(mut self, name: &str, row: Vec<C>) -> Self {
        self.rows(name).push(row);
        self
    }

    /// Sets the cell of spreadsheet row `row` (1-based) under header `column`.
    pub fn set(mut self, name: &str, row: usize, column: &str, value: impl Into<C>) -> Self {
        let rows = self.rows(name);
        let header = rows
            .iter()
            .find(|cells| cells.iter().any(|c| !matches!(c, C::Empty)))
            .expect("header row");
        let index = header
            .iter()
            .position(|c| matches!(c, C::Text(t) if t == column))
            .expect("column in the header");
        let cells = &mut rows[row - 1];
        if cells.len() <= index {
            cells.resize(index + 1, C::Empty);
        }
        cells[index] = value.into();
        self
    }

    pub fn save(&self, dir: &Path, file: &str) -> PathBuf {
        let path = dir.join(file);
        let mut workbook = Workbook::new();
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        let time_format = Format::new().set_num_format("hh:mm");
        for (name, rows) in &self.sheets {
            let sheet = workbook.add_worksheet();
            sheet.set_name(name).expect("sheet name");
            for (r, cells) in rows.iter().enumerate() {
                let r = u32::try_from(r).expect("row");
                for (c, cell) in cells.iter().enumerate() {
                    let c = u16::try_from(c).expect("column");
                    match cell {
                        C::Text(text) => sheet.write_string(r, c, text).map(|_| ()),
                        C::Num(value) => sheet.write_number(r, c, *value).map(|_| ()),
                        C::Date(date) => sheet
                            .write_datetime_with_format(r, c, date, &date_format)
                            .map(|_| ()),
                        C::Time(h, m) => {
                            let clock = NaiveTime::from_hms_opt(*h, *m, 0).expect("time");
                            sheet
                                .write_datetime_with_format(r, c, clock, &time_format)
                                .map(|_| ())
                        }
                        C::Empty => Ok(()),
                    }
                    .expect("cell written");
                }
            }
        }
        workbook.save(&path).expect("workbook saved");
        path
    }
}

/// A fresh folder under the system temp dir, unique per test and per run, removed when dropped.
pub struct TempFolder(pub PathBuf);

impl std::ops::Deref for TempFolder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn temp_folder(test: &str) -> TempFolder {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "acm-planner-input-{}-{test}-{n}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp folder");
    TempFolder(dir)
}

// ---------------------------------------------------------------------------------------------
// A complete valid input.

pub fn accueils() -> Vec<Vec<C>> {
    vec![
        row![
            "Code",
            "Nom",
            "Commune",
            "Type",
            "PEDT",
            "Capacité",
            "Jours d'ouverture par an",
            "Secteur",
            "Tous 14 ans et plus",
            "Dérogation direction",
            "Remarques"
        ],
        row![
            "ALSH-DOUE",
            "Accueil de loisirs de Doué",
            "Doué-en-Anjou",
            "accueil de loisirs",
            "non",
            60,
            200,
            "Doué",
            "",
            "",
            "colonne ignorée"
        ],
        row![
            "PERI-GENNES",
            "Périscolaire de Gennes",
            "Gennes",
            "Périscolaire",
            "oui",
            40,
            "",
            "Gennes",
            "",
            "x"
        ],
        row![
            "SEJ-MER",
            "Séjour à la mer",
            "Saint-Brevin",
            "séjour de vacances",
            "",
            24,
            "",
            "",
            "oui"
        ],
    ]
}

pub fn previsions() -> Vec<Vec<C>> {
    vec![
        row![
            "Accueil",
            "Date",
            "Du",
            "Au",
            "Jours",
            "Créneau",
            "Début",
            "Fin",
            "Moins de 6 ans",
            "6 ans et plus",
            "Accompagnement renforcé"
        ],
        // Thursday 3 to Tuesday 8 July: Monday to Friday → 3, 4, 7, 8.
        row![
            "ALSH-DOUE",
            "",
            d(2025, 7, 3),
            d(2025, 7, 8),
            "",
            "Journée",
            "",
            "",
            12,
            30.0,
            1
        ],
        row![
            "PERI-GENNES",
            "02/09/2025",
            "",
            "",
            "",
            "soir",
            "",
            "",
            8,
            20
        ],
        // Explicit times override the standard matin.
        vec![
            C::from("PERI-GENNES"),
            C::from(d(2025, 9, 2)),
            C::Empty,
            C::Empty,
            C::Empty,
            C::from("matin"),
            time(7, 30),
            C::from("08:45"),
            C::from(5),
            C::from(10),
        ],
        // A custom créneau with its times; the date as an Excel serial number (1 August 2025).
        row!["SEJ-MER", 45870, "", "", "", "veillée", "20h", "22h", 0, 24],
        // Wednesday 9 to Wednesday 16 July, Mondays and Wednesdays → 9, 14, 16; 14 July, a
        // public holiday, is left out of the range (with a remark).
        row![
            "alsh-doue",
            "",
            "2025-07-09",
            "16/07/2025",
            "lun, mer",
            "matin",
            "",
            "",
            10,
            20
        ],
    ]
}

pub fn animateurs() -> Vec<Vec<C>> {
    vec![
        row![
            "Id",
            "Nom",
            "Prénom",
            "Qualification",
            "Contrat",
            "Jours CEE 12 derniers mois",
            "Coût journalier",
            "Date de naissance",
            "Secteur",
            "Accueils possibles",
            "Max jours"
        ],
        row![
            "A1",
            "Martin",
            "Léa",
            "B.A.F.A.",
            "CEE",
            12,
            "65,50",
            "12/03/2005",
            "Doué",
            "PERI-GENNES; gennes",
            20
        ],
        row!["A2", "Durand", "Tom", "BAFA en cours", "cee"],
        row![
            "A3",
            "Petit",
            "Zoé",
            "BPJEPS loisirs tous publics",
            "CDI",
            "",
            95,
            d(1990, 1, 31),
            "",
            "tous"
        ],
        row!["A4", "Leroy", "Max", "sans diplôme", "titulaire"],
    ]
}

pub fn disponibilites() -> Vec<Vec<C>> {
    vec![
        row!["Id", "Nom", d(2025, 7, 7), "08/07/2025", d(2025, 7, 9)],
        row!["A1", "Martin", "J", "M+S", ""],
        row!["A2", "Durand", "M/AM", "x", "AM"],
        row!["A3", "", "", "S", ""],
        row!["A4"],
    ]
}

pub fn regles() -> Vec<Vec<C>> {
    vec![
        row!["Paramètre", "Valeur"],
        row!["Coût journalier par défaut", 72],
    ]
}

pub fn recrutement() -> Vec<Vec<C>> {
    vec![
        row![
            "Qualification",
            "Secteur",
            "Coût journalier",
            "Coût fixe d'embauche",
            "Nombre maximum"
        ],
        row!["BAFA", "Doué", 85, 150, 3],
        row!["stagiaire BAFA", "tous", "70,00"],
    ]
}

pub fn calendrier() -> Vec<Vec<C>> {
    vec![
        row!["Date", "Du", "Au", "Type"],
        row!["2026-09-01", "", "", "école"],
        row!["", d(2026, 10, 17), d(2026, 10, 19), "vacances"],
    ]
}

pub fn complete() -> Book {
    Book::new()
        .sheet("Accueils", accueils())
        .sheet("Previsions", previsions())
        .sheet("Animateurs", animateurs())
        .sheet("Disponibilites", disponibilites())
        .sheet("Regles", regles())
        .sheet("Recrutement", recrutement())
        .sheet("Calendrier", calendrier())
}

pub fn read_ok(paths: &[PathBuf], required: Required) -> Inputs {
    match read_inputs(paths, required) {
        Ok(inputs) => inputs,
        Err(error) => panic!("expected valid inputs, got:\n{error}"),
    }
}

pub fn read_errors(paths: &[PathBuf], required: Required) -> Vec<InputError> {
    match read_inputs(paths, required) {
        Ok(_) => panic!("expected input errors"),
        Err(Error::Input(errors)) => errors,
        Err(other) => panic!("expected input errors, got {other}"),
    }
}

/// The one error whose message contains `needle`.
pub fn error_with<'a>(errors: &'a [InputError], needle: &str) -> &'a InputError {
    let found: Vec<&InputError> = errors
        .iter()
        .filter(|e| e.message.contains(needle))
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

/// Asserts where an error points: file, sheet, row, column, value.
pub fn assert_at(
    error: &InputError,
    file: &Path,
    sheet: &str,
    row: u32,
    column: &str,
    value: Option<&str>,
) {
    assert_eq!(error.file, file.display().to_string(), "{error}");
    assert_eq!(error.sheet.as_deref(), Some(sheet), "{error}");
    assert_eq!(error.row, Some(row), "{error}");
    assert_eq!(error.column.as_deref(), Some(column), "{error}");
    assert_eq!(error.value.as_deref(), value, "{error}");
    // The rendered message says all of it.
    let text = error.to_string();
    assert!(text.contains(&format!("ligne {row}")), "{text}");
    assert!(text.contains(&format!("« {sheet} »")), "{text}");
    assert!(text.contains(&format!("colonne « {column} »")), "{text}");
}

pub fn flags(matin: bool, apres_midi: bool, soir: bool) -> AvailabilityFlags {
    AvailabilityFlags {
        matin,
        apres_midi,
        soir,
    }
}

/// Saves `book` in a fresh folder and reads it, expecting errors.
pub fn errors_of(book: Book, test: &str) -> (PathBuf, Vec<InputError>) {
    let dir = temp_folder(test);
    let path = book.save(&dir, "entree.xlsx");
    let errors = read_errors(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    (path, errors)
}
