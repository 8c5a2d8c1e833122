//! Where a command may write: checked before any work is done.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// Checks that `output` may be written: not one of the inputs, and not an existing file unless
/// `force` is set.
pub fn check_output_path(output: &Path, inputs: &[PathBuf], force: bool) -> Result<(), Error> {
    let display = output.display().to_string();
    let canonical_output = canonical_or_self(output);
    for input in inputs {
        if canonical_or_self(input) == canonical_output {
            return Err(Error::Output {
                path: display,
                message: "ce fichier est un fichier d'entrée ; choisissez un autre nom de sortie \
                          avec -o (un fichier d'entrée n'est jamais écrasé)"
                    .to_string(),
            });
        }
    }
    if output.exists() && !force {
        return Err(Error::Output {
            path: display,
            message: "le fichier existe déjà ; ajoutez --force pour le remplacer, ou choisissez \
                      un autre nom avec -o"
                .to_string(),
        });
    }
    Ok(())
}

fn canonical_or_self(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
