//! Errors that reach the user. Each renders itself in French with the place it comes from.

use std::fmt;

use crate::domain::{echoed, readable, rows_label};

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
    /// Further rows with the same problem, when several were folded into this error
    /// ([`fold_repeated`]).
    pub more_rows: Vec<u32>,
    /// Further columns with the same problem (a grid row), when folded.
    pub more_columns: Vec<String>,
    /// Further values found with the same problem, when folded (distinct, in row order).
    pub more_values: Vec<String>,
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

    /// Every row of `rows` (the first one as its row, the others folded into it).
    pub fn on_rows(mut self, rows: &[u32]) -> Self {
        let mut sorted = rows.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        if let Some((first, rest)) = sorted.split_first() {
            self.row = Some(*first);
            self.more_rows = rest.to_vec();
        }
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

    /// Every row of the error: its row, then the rows folded into it, sorted.
    pub fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.row.into_iter().chain(self.more_rows.clone()).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Every column of the error, its own first.
    pub fn columns(&self) -> Vec<&str> {
        self.column
            .iter()
            .chain(&self.more_columns)
            .map(String::as_str)
            .collect()
    }

    /// Every value of the error, its own first.
    pub fn values(&self) -> Vec<&str> {
        self.value
            .iter()
            .chain(&self.more_values)
            .map(String::as_str)
            .collect()
    }
}

/// Folds the errors that say the same thing about several rows (or several columns of a grid)
/// into one, so that a defect repeated down a sheet is one message with its rows listed
/// compactly (« lignes 2 à 69 »). Errors are kept in the order of their first occurrence.
///
/// First, errors with the same file, sheet, column and message are merged across rows (their
/// values listed once each); then errors with the same file, sheet, rows, values and message
/// are merged across columns.
pub fn fold_repeated(errors: Vec<InputError>) -> Vec<InputError> {
    let by_rows = fold_by(errors, |e| {
        e.row.map(|_| {
            (
                e.file.clone(),
                e.sheet.clone(),
                e.columns().join("\u{1f}"),
                e.message.clone(),
            )
        })
    });
    fold_by(by_rows, |e| {
        e.row.map(|_| {
            (
                e.file.clone(),
                e.sheet.clone(),
                format!("{:?}|{}", e.rows(), e.values().join("\u{1f}")),
                e.message.clone(),
            )
        })
    })
}

type FoldKey = (String, Option<String>, String, String);

/// Merges the errors that share a key (`None`: never merged) into the first of them.
fn fold_by(
    errors: Vec<InputError>,
    key: impl Fn(&InputError) -> Option<FoldKey>,
) -> Vec<InputError> {
    let mut folded: Vec<InputError> = Vec::with_capacity(errors.len());
    let mut first_of: std::collections::HashMap<FoldKey, usize> = Default::default();
    for error in errors {
        let Some(error_key) = key(&error) else {
            folded.push(error);
            continue;
        };
        match first_of.get(&error_key) {
            Some(&index) => merge_into(&mut folded[index], error),
            None => {
                first_of.insert(error_key, folded.len());
                folded.push(error);
            }
        }
    }
    folded
}

fn merge_into(target: &mut InputError, other: InputError) {
    for row in other.rows() {
        if target.row != Some(row) && !target.more_rows.contains(&row) {
            target.more_rows.push(row);
        }
    }
    target.more_rows.sort_unstable();
    for column in other.columns() {
        if target.column.as_deref() != Some(column)
            && !target.more_columns.iter().any(|c| c == column)
        {
            target.more_columns.push(column.to_string());
        }
    }
    for value in other.values() {
        if target.value.as_deref() != Some(value) && !target.more_values.iter().any(|v| v == value)
        {
            target.more_values.push(value.to_string());
        }
    }
}

/// `« a », « b », « c » et 5 autres`: at most three quoted, made readable.
fn quoted_list(items: &[&str], other: &str) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(3)
        .map(|item| format!("« {} »", echoed(item)))
        .collect();
    let rest = items.len().saturating_sub(3);
    match rest {
        0 => shown.join(", "),
        1 => format!("{} et 1 {other}", shown.join(", ")),
        _ => format!("{} et {rest} {other}s", shown.join(", ")),
    }
}

/// `saumur.xlsx, feuille « Animateurs », ligne 12, colonne « Qualification » : valeur « BAFX » —
/// qualification inconnue ; valeurs acceptées : …`
///
/// Folded errors list their rows compactly (`lignes 2 à 69`), their columns and their values.
/// Everything that comes from the user's files is shown [`readable`] and values are cut to
/// about 80 characters.
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&readable(&self.file))?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", feuille « {} »", echoed(sheet))?;
        }
        let rows = self.rows();
        if !rows.is_empty() {
            write!(f, ", {}", rows_label(&rows))?;
        }
        let columns = self.columns();
        match columns.as_slice() {
            [] => {}
            [one] => write!(f, ", colonne « {} »", echoed(one))?,
            many => write!(f, ", colonnes {}", quoted_list(many, "autre"))?,
        }
        f.write_str(" : ")?;
        let values = self.values();
        match values.as_slice() {
            [] => {}
            [one] => write!(f, "valeur « {} » — ", echoed(one))?,
            many => write!(f, "valeurs {} — ", quoted_list(many, "autre"))?,
        }
        f.write_str(&readable(&self.message))
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
            Error::Io { path, message } | Error::Output { path, message } => {
                write!(f, "{} : {}", readable(path), readable(message))
            }
            Error::Solver(message) => write!(f, "erreur du solveur : {}", readable(message)),
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

    fn at_row(row: u32, value: &str) -> InputError {
        InputError::new("hiver.xlsx", "date hors du calendrier")
            .sheet("Previsions")
            .row(row)
            .column("Date")
            .value(value)
    }

    #[test]
    fn the_same_defect_on_many_rows_is_one_error() {
        let errors: Vec<InputError> = (2..=69).map(|row| at_row(row, "15/02/2027")).collect();
        let folded = fold_repeated(errors);
        assert_eq!(folded.len(), 1);
        assert_eq!(folded[0].rows(), (2..=69).collect::<Vec<u32>>());
        assert_eq!(
            folded[0].to_string(),
            "hiver.xlsx, feuille « Previsions », lignes 2 à 69, colonne « Date » : \
             valeur « 15/02/2027 » — date hors du calendrier"
        );
    }

    #[test]
    fn different_values_are_listed_and_other_problems_kept_apart() {
        let errors = vec![
            at_row(2, "15/02/2027"),
            InputError::new("hiver.xlsx", "autre problème")
                .sheet("Previsions")
                .row(3),
            at_row(4, "16/02/2027"),
            at_row(5, "17/02/2027"),
            at_row(6, "18/02/2027"),
            at_row(7, "19/02/2027"),
        ];
        let folded = fold_repeated(errors);
        assert_eq!(folded.len(), 2);
        let text = folded[0].to_string();
        assert!(
            text.contains(
                "lignes 2, 4 à 7, colonne « Date » : valeurs « 15/02/2027 », « 16/02/2027 », \
                 « 17/02/2027 » et 2 autres — "
            ),
            "{text}"
        );
        assert_eq!(folded[1].message, "autre problème");
    }

    #[test]
    fn the_same_bad_code_across_a_grid_is_one_error() {
        let mut errors = Vec::new();
        for row in 2..=4 {
            for column in ["06/07/2026", "07/07/2026"] {
                errors.push(
                    InputError::new("e.xlsx", "code inconnu")
                        .sheet("Disponibilites")
                        .row(row)
                        .column(column)
                        .value("dispo"),
                );
            }
        }
        let folded = fold_repeated(errors);
        assert_eq!(folded.len(), 1, "{folded:?}");
        assert_eq!(
            folded[0].to_string(),
            "e.xlsx, feuille « Disponibilites », lignes 2 à 4, colonnes « 06/07/2026 », \
             « 07/07/2026 » : valeur « dispo » — code inconnu"
        );
    }

    #[test]
    fn user_text_is_escaped_and_cut() {
        let error = InputError::new("e.xlsx", "texte")
            .sheet("Animateurs")
            .row(2)
            .column("Nom")
            .value(format!("\u{1b}]0;pirate\u{7}{}", "y".repeat(100)));
        let text = error.to_string();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\\u{1b}]0;pirate\\u{7}"), "{text}");
        assert!(text.contains("(120 caractères)"), "{text}");
    }
}
