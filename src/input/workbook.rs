//! Opening the user's files and finding each sheet by name (French name or English alias, case,
//! accents, spaces and punctuation ignored) in whichever file has it.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use calamine::{Reader, Sheets, open_workbook_auto};

use super::table::Sheet;
use crate::domain::normalize_key;
use crate::error::InputError;

/// A sheet the readers look for: its French name and the other names accepted.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetKind {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

impl SheetKind {
    fn matches(&self, sheet_name: &str) -> bool {
        let key = normalize_key(sheet_name);
        std::iter::once(self.name)
            .chain(self.aliases.iter().copied())
            .any(|name| normalize_key(name) == key)
    }
}

pub(crate) const ACCUEILS: SheetKind = SheetKind {
    name: "Accueils",
    aliases: &["Sites", "ACM"],
};
pub(crate) const PREVISIONS: SheetKind = SheetKind {
    name: "Previsions",
    aliases: &["Forecast", "Forecasts"],
};
pub(crate) const ANIMATEURS: SheetKind = SheetKind {
    name: "Animateurs",
    aliases: &["Staff"],
};
pub(crate) const DISPONIBILITES: SheetKind = SheetKind {
    name: "Disponibilites",
    aliases: &["Availability", "Availabilities"],
};
pub(crate) const REGLES: SheetKind = SheetKind {
    name: "Regles",
    aliases: &["Rules", "Parametres", "Parameters"],
};
pub(crate) const RECRUTEMENT: SheetKind = SheetKind {
    name: "Recrutement",
    aliases: &["Hiring", "Recruitment"],
};
pub(crate) const CALENDRIER: SheetKind = SheetKind {
    name: "Calendrier",
    aliases: &["Calendar"],
};
pub(crate) const AFFECTATIONS: SheetKind = SheetKind {
    name: "Affectations",
    aliases: &["Schedule", "Assignments"],
};

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
        kind: &SheetKind,
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

    fn missing_sheet(&self, kind: &SheetKind) -> InputError {
        let searched = if self.files.is_empty() {
            "aucun fichier".to_string()
        } else {
            self.files.join(", ")
        };
        let names: Vec<&str> = std::iter::once(kind.name)
            .chain(kind.aliases.iter().copied())
            .collect();
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
