//! `acm-planner template`.

use std::path::Path;

use super::output::check_output_path;
use super::{Failure, Outcome, Output};
use crate::error::Error;
use crate::report::{save_workbook, template};

/// `acm-planner template`: writes the blank input workbook (every sheet, headers, drop-down
/// lists, an `Aide` sheet). Never over an existing file without `force`.
pub fn template(output: &Path, force: bool) -> Result<Outcome, Failure> {
    check_output_path(
        &Output {
            path: output.to_path_buf(),
            force,
        },
        &[],
    )?;
    let mut workbook = template::template_workbook()
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    save_workbook(&mut workbook, output)?;
    Ok(Outcome {
        summary: format!(
            "Modèle de classeur écrit dans {} : remplissez les feuilles Accueils, Previsions, \
             Animateurs et Disponibilites (la feuille Aide explique chaque colonne).\n",
            output.display()
        ),
        exit_code: 0,
    })
}
