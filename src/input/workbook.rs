//! Opening the user's files and finding each sheet by the schema's names (French name or
//! English alias, case, accents, spaces and punctuation ignored) in whichever file has it.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use calamine::{Reader, Sheets, open_workbook_auto};

use super::table::Sheet;
use crate::error::InputError;
use crate::schema::SheetSpec;

struct Book {
    file: String,
    sheets: Sheets<BufReader<File>>,
    names: Vec<String>,
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
            match open_workbook_auto(path) {
                Ok(sheets) => {
                    let names = sheets.sheet_names();
                    books.push(Book {
                        file,
                        sheets,
                        names,
                    });
                }
                Err(error) => errors.push(InputError::new(
                    file,
                    format!("fichier illisible ({error}) : un classeur .xlsx ou .ods est attendu"),
                )),
            }
        }
        Workbooks { books, files }
    }

    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Finds and reads a sheet. Missing and `required` → reported with the files searched. Found
    /// in two places → reported; the first one is used.
    pub fn sheet(
        &mut self,
        kind: &SheetSpec,
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
        match book.sheets.worksheet_range(&first_name) {
            Ok(range) => Some(Sheet::from_range(&book.file, &first_name, &range)),
            Err(error) => {
                errors.push(
                    InputError::new(&book.file, format!("feuille illisible ({error})"))
                        .sheet(first_name),
                );
                None
            }
        }
    }

    fn missing_sheet(&self, kind: &SheetSpec) -> InputError {
        let searched = if self.files.is_empty() {
            "aucun fichier".to_string()
        } else {
            self.files.join(", ")
        };
        let names: Vec<&str> = kind.names().collect();
        InputError::new(
            searched,
            format!(
                "feuille obligatoire introuvable dans {} ; noms acceptés : {}",
                if self.files.len() > 1 {
                    "aucun de ces fichiers"
                } else {
                    "ce fichier"
                },
                names.join(", ")
            ),
        )
        .sheet(kind.name)
    }

    /// Sort key of an error: file order, then sheet order within the file, then row.
    pub fn error_order(&self, error: &InputError) -> (usize, usize, u32) {
        let file_index = self
            .files
            .iter()
            .position(|f| *f == error.file)
            .unwrap_or_else(|| {
                // A missing sheet names every file searched: it goes with the first one.
                self.files
                    .iter()
                    .position(|f| error.file.starts_with(f.as_str()))
                    .unwrap_or(usize::MAX)
            });
        let sheet_index = self
            .books
            .iter()
            .find(|b| b.file == error.file)
            .and_then(|b| {
                let sheet = error.sheet.as_deref()?;
                b.names.iter().position(|n| n == sheet)
            })
            .unwrap_or(0);
        (file_index, sheet_index, error.row.unwrap_or(0))
    }
}

/// How a file is named in messages: the path as the user gave it.
pub(crate) fn file_label(path: &Path) -> String {
    path.display().to_string()
}
