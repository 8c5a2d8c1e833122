//! Opening the user's files and finding each sheet by the schema's names (French name or
//! English alias, case, accents, spaces and punctuation ignored) in whichever file has it.
//!
//! Only the cells that exist are read: `.xlsx` sheets through calamine's cell stream, `.ods`
//! files after a pre-scan that refuses a sheet whose used area a stray far cell makes absurd
//! ([`ods_extent`](super::ods_extent)). Library errors are told in French, with the file named.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use super::cells;
use super::failures;
use super::headers;
use super::layout::RawSheet;
use super::ods_extent;
use super::table::Sheet;
use crate::domain::{closest, echoed};
use crate::error::InputError;
use crate::schema::{AFFECTATIONS, DISPONIBILITES, SheetSpec};

/// Beyond this many filled cells, a sheet is not a table a person keeps (about 200 MB read).
const MAX_CELLS: usize = 5_000_000;

struct Book {
    file: String,
    sheets: Sheets<BufReader<File>>,
    names: Vec<String>,
}

/// How a sheet is laid out, for the checks of its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One row per record under named columns: unknown and misspelled headers are checked.
    Table,
    /// A grid (a column per date): its reader checks its own headers.
    Grid,
}

/// The user's files, opened once.
pub(crate) struct Workbooks {
    books: Vec<Book>,
    /// Every file given, readable or not, in order.
    files: Vec<String>,
}

impl Workbooks {
    /// Opens every file; an unreadable one is reported and skipped.
    pub fn open(paths: &[PathBuf], errors: &mut Vec<InputError>) -> Workbooks {
        let mut books = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            let file = file_label(path);
            files.push(file.clone());
            if let Some(message) = failures::before_opening(path) {
                errors.push(InputError::new(file, message));
                continue;
            }
            if is_ods(path)
                && let Some(far) = ods_extent::far_cell(path)
            {
                errors.push(InputError::new(file, far.message()).sheet(far.sheet.clone()));
                continue;
            }
            match open_workbook_auto(path) {
                Ok(sheets) => {
                    let names = sheets.sheet_names();
                    books.push(Book {
                        file,
                        sheets,
                        names,
                    });
                }
                Err(error) => errors.push(InputError::new(file, failures::opening(path, &error))),
            }
        }
        Workbooks { books, files }
    }

    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Finds and reads a sheet. Missing and `required` → reported with the files searched. Found
    /// in two places → reported; the first one is used. A table's header row is checked
    /// (`Disponibilites` is a table only in its long layout; `Affectations`, an output of `plan`,
    /// is not checked).
    pub fn sheet(
        &mut self,
        kind: &'static SheetSpec,
        required: bool,
        errors: &mut Vec<InputError>,
    ) -> Option<Sheet> {
        let mut sheet = self.read(kind, required, errors)?;
        let layout = if kind.name == DISPONIBILITES.name {
            if super::disponibilites::is_long_table(&sheet) {
                Layout::Table
            } else {
                Layout::Grid
            }
        } else {
            Layout::Table
        };
        if layout == Layout::Table && kind.name != AFFECTATIONS.name {
            headers::check_table(&mut sheet, kind, errors);
        }
        Some(sheet)
    }

    /// Finds and reads a sheet laid out as a grid (a schedule's `Animateurs` grid): its header
    /// row is not checked as a table's.
    pub fn grid(
        &mut self,
        kind: &'static SheetSpec,
        errors: &mut Vec<InputError>,
    ) -> Option<Sheet> {
        self.read(kind, false, errors)
    }

    fn read(
        &mut self,
        kind: &'static SheetSpec,
        required: bool,
        errors: &mut Vec<InputError>,
    ) -> Option<Sheet> {
        let mut found: Vec<(usize, String)> = Vec::new();
        for (index, book) in self.books.iter().enumerate() {
            for name in book.names.iter().filter(|n| kind.matches(n)) {
                found.push((index, name.clone()));
            }
        }
        let Some((first_book, first_name)) = found.first().cloned() else {
            // When a file could not be opened, the sheet may well be in it: that error suffices.
            if required && self.books.len() == self.files.len() {
                errors.push(self.missing_sheet(kind));
            }
            return None;
        };
        for (index, name) in found.iter().skip(1) {
            let Some(book) = self.books.get(*index) else {
                continue;
            };
            let first_file = self
                .books
                .get(first_book)
                .map(|b| b.file.clone())
                .unwrap_or_default();
            errors.push(
                InputError::new(
                    &book.file,
                    format!(
                        "la feuille « {} » est aussi dans {first_file} (feuille « {first_name} ») : \
                         une seule feuille « {} » est permise, dans un seul fichier ; \
                         celle de {first_file} est utilisée",
                        name, kind.name
                    ),
                )
                .sheet(name.clone()),
            );
        }
        let book = self.books.get_mut(first_book)?;
        match read_cells(&mut book.sheets, &first_name) {
            Ok(raw) => Some(Sheet::from_cells(&book.file, &first_name, kind, raw)),
            Err(message) => {
                errors.push(InputError::new(&book.file, message).sheet(first_name));
                None
            }
        }
    }

    /// A required sheet found nowhere: the names accepted, the sheets the files have, and the
    /// one that looks like a misspelling of it (« Prévisons »).
    fn missing_sheet(&self, kind: &SheetSpec) -> InputError {
        let searched = if self.files.is_empty() {
            "aucun fichier".to_string()
        } else {
            self.files.join(", ")
        };
        let names: Vec<&str> = kind.names().collect();
        let found: Vec<&str> = self
            .books
            .iter()
            .flat_map(|book| book.names.iter().map(String::as_str))
            .collect();
        let mut message = format!(
            "feuille obligatoire introuvable dans {} ; noms acceptés : {}",
            if self.files.len() > 1 {
                "aucun de ces fichiers"
            } else {
                "ce fichier"
            },
            names.join(", ")
        );
        if !found.is_empty() {
            let quoted: Vec<String> = found.iter().map(|n| format!("« {} »", echoed(n))).collect();
            message.push_str(&format!(" ; feuilles trouvées : {}", quoted.join(", ")));
        }
        let near: Vec<&str> = found
            .iter()
            .copied()
            .filter(|name| {
                names
                    .iter()
                    .any(|accepted| !closest(name, [*accepted]).is_empty())
            })
            .collect();
        if let Some(name) = near.first() {
            message.push_str(&format!(
                " ; la feuille « {} » est-elle celle-ci ? Renommez-la « {} »",
                echoed(name),
                kind.name
            ));
        }
        InputError::new(searched, message).sheet(kind.name)
    }

    /// Sort key of an error: file order, then sheet order within the file, then row.
    pub fn error_order(&self, error: &InputError) -> (usize, usize, u32) {
        self.place_order(&error.file, error.sheet.as_deref(), error.row)
    }

    /// Sort key of a place: file order, then sheet order within the file, then row.
    pub fn place_order(
        &self,
        file: &str,
        sheet: Option<&str>,
        row: Option<u32>,
    ) -> (usize, usize, u32) {
        let file_index = self
            .files
            .iter()
            .position(|f| *f == file)
            .unwrap_or_else(|| {
                // A missing sheet names every file searched: it goes with the first one.
                self.files
                    .iter()
                    .position(|f| file.starts_with(f.as_str()))
                    .unwrap_or(usize::MAX)
            });
        let sheet_index = self
            .books
            .iter()
            .find(|b| b.file == file)
            .and_then(|b| {
                let sheet = sheet?;
                b.names.iter().position(|n| n == sheet)
            })
            .unwrap_or(0);
        (file_index, sheet_index, row.unwrap_or(0))
    }
}

fn is_ods(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("ods"))
}

/// The filled cells of a sheet, with its merged regions: streamed for `.xlsx`, from calamine's
/// range otherwise (an `.ods` file's area was checked when it was opened).
fn read_cells(sheets: &mut Sheets<BufReader<File>>, name: &str) -> Result<RawSheet, String> {
    let mut raw = RawSheet::default();
    match sheets {
        Sheets::Xlsx(xlsx) => {
            raw.merges = xlsx.merge_cells_by_sheet_name(name).unwrap_or_default();
            let mut reader = xlsx
                .worksheet_cells_reader(name)
                .map_err(|e| failures::sheet(&calamine::Error::Xlsx(e)))?;
            loop {
                let cell = match reader.next_cell() {
                    Ok(Some(cell)) => cell,
                    Ok(None) => break,
                    Err(error) => return Err(failures::sheet(&calamine::Error::Xlsx(error))),
                };
                let value = Data::from(cell.get_value().clone());
                if cells::is_blank(&value) {
                    continue;
                }
                let (row, column) = cell.get_position();
                raw.cells.push((row, column, value));
                if raw.cells.len() > MAX_CELLS {
                    return Err(too_many_cells());
                }
            }
        }
        other => {
            let range = other
                .worksheet_range(name)
                .map_err(|e| failures::sheet(&e))?;
            raw = RawSheet::from_range(&range);
            if raw.cells.len() > MAX_CELLS {
                return Err(too_many_cells());
            }
        }
    }
    Ok(raw)
}

fn too_many_cells() -> String {
    format!(
        "feuille trop grande : plus de {MAX_CELLS} cellules remplies ; un classeur d'entrée tient \
         en quelques milliers de lignes (une formule recopiée jusqu'en bas de la feuille ?)"
    )
}

/// How a file is named in messages: the path as the user gave it.
pub(crate) fn file_label(path: &Path) -> String {
    path.display().to_string()
}
