//! Errors that reach the user. Each renders itself in French with the place it comes from.

use std::fmt;

/// One problem in the user's input: where it is, what was found and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InputError {
    pub file: String,
    pub sheet: Option<String>,
    /// 1-based spreadsheet row, as the user sees it.
    pub row: Option<u32>,
    /// Column header as written in the file (or the expected header when it is missing).
    pub column: Option<String>,
    /// The value found, as text.
    pub value: Option<String>,
    /// What is wrong and what was expected, in French.
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            message: message.into(),
            ..Default::default()
        }
    }

    pub fn sheet(mut self, sheet: impl Into<String>) -> Self {
        self.sheet = Some(sheet.into());
        self
    }

    pub fn row(mut self, row: u32) -> Self {
        self.row = Some(row);
        self
    }

    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// `saumur.xlsx, feuille « Animateurs », ligne 12, colonne « Qualification » : valeur « BAFX » —
/// qualification inconnue ; valeurs acceptées : …`
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", feuille « {sheet} »")?;
        }
        if let Some(row) = self.row {
            write!(f, ", ligne {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", colonne « {column} »")?;
        }
        f.write_str(" : ")?;
        if let Some(value) = &self.value {
            write!(f, "valeur « {value} » — ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every error the library returns.
#[derive(Debug)]
pub enum Error {
    /// Problems in the input files, all of them (not only the first).
    Input(Vec<InputError>),
    /// A file could not be read or written.
    Io { path: String, message: String },
    /// An output would overwrite an input or an existing file.
    Output { path: String, message: String },
    /// The solver failed in a way a shortage variable cannot absorb (a bug or a solver crash).
    Solver(String),
}

impl Error {
    /// Process exit code (design.md §2): 1 for bad input and anything else that stops the run.
    pub fn exit_code(&self) -> i32 {
        1
    }

    pub fn io(path: impl fmt::Display, err: impl fmt::Display) -> Self {
        Error::Io {
            path: path.to_string(),
            message: err.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(errors) => {
                let count = errors.len();
                if count == 1 {
                    writeln!(f, "1 erreur dans les fichiers d'entrée :")?;
                } else {
                    writeln!(f, "{count} erreurs dans les fichiers d'entrée :")?;
                }
                for error in errors {
                    writeln!(f, "  - {error}")?;
                }
                Ok(())
            }
            Error::Io { path, message } => write!(f, "{path} : {message}"),
            Error::Output { path, message } => write!(f, "{path} : {message}"),
            Error::Solver(message) => write!(f, "erreur du solveur : {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Vec<InputError>> for Error {
    fn from(errors: Vec<InputError>) -> Self {
        Error::Input(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_error_names_file_sheet_row_column_and_value() {
        let error = InputError::new("saumur.xlsx", "qualification inconnue")
            .sheet("Animateurs")
            .row(12)
            .column("Qualification")
            .value("BAFX");
        assert_eq!(
            error.to_string(),
            "saumur.xlsx, feuille « Animateurs », ligne 12, colonne « Qualification » : \
             valeur « BAFX » — qualification inconnue"
        );
    }
}
