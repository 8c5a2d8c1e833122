//! Where a command may write, checked before any work is done: an `.xlsx` name, in a folder that
//! exists and can be written, never over an input, and over an existing file only with `--force`.

use std::path::{Path, PathBuf};

use super::{Failure, Output};
use crate::error::Error;

/// Checks that `output` may be written. A name without `.xlsx` is a usage error; a missing or
/// read-only folder, an input or an existing file (without `--force`) is a run error.
pub fn check_output_path(output: &Output, inputs: &[PathBuf]) -> Result<(), Failure> {
    let path = &output.path;
    let display = path.display().to_string();
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        return Err(Failure::Usage(format!(
            "-o {display} : la sortie est un classeur Excel ; choisissez un nom en .xlsx \
             (LibreOffice l'ouvre aussi)"
        )));
    }
    let refuse = |message: &str| {
        Failure::Run(Error::Output {
            path: display.clone(),
            message: message.to_string(),
        })
    };
    let canonical_output = canonical_or_self(path);
    if inputs
        .iter()
        .any(|input| canonical_or_self(input) == canonical_output)
    {
        return Err(refuse(
            "ce fichier est un fichier d'entrée ; choisissez un autre nom de sortie avec -o \
             (un fichier d'entrée n'est jamais écrasé)",
        ));
    }
    if path.is_dir() {
        return Err(refuse(
            "c'est un dossier ; donnez un nom de fichier .xlsx avec -o",
        ));
    }
    // Excel's lock file beside the output: Windows would refuse to replace the workbook at the
    // end of the run.
    let lock = path
        .file_name()
        .map(|name| path.with_file_name(format!("~${}", name.to_string_lossy())));
    if path.exists()
        && let Some(lock) = lock.filter(|lock| lock.is_file())
    {
        return Err(refuse(&format!(
            "ce classeur est ouvert dans Excel (le fichier de verrouillage « {} » est à côté) \
             : fermez-le dans Excel, puis relancez ; si Excel est déjà fermé, supprimez ce \
             fichier de verrouillage",
            lock.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        )));
    }
    if path.exists() && !output.force {
        return Err(refuse(
            "le fichier existe déjà ; ajoutez --force pour le remplacer, ou choisissez un autre \
             nom avec -o",
        ));
    }
    check_folder(path).map_err(|message| refuse(&message))
}

/// The folder of `path` exists and accepts a new file (probed with an empty file, removed at
/// once), so a run never ends its work on a write that cannot succeed.
fn check_folder(path: &Path) -> Result<(), String> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(format!(
            "le dossier « {} » n'existe pas ; créez-le ou choisissez un autre chemin avec -o",
            folder.display()
        ));
    }
    let probe = folder.join(format!(".acm-planner-essai.{}.tmp", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(error) => Err(format!(
            "impossible d'écrire dans le dossier « {} » ({}) ; choisissez un autre chemin avec -o",
            folder.display(),
            french_io(&error)
        )),
    }
}

/// The reason of a failed write, in French.
fn french_io(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "accès refusé",
        std::io::ErrorKind::NotFound => "dossier introuvable",
        std::io::ErrorKind::ReadOnlyFilesystem => "support en lecture seule",
        std::io::ErrorKind::StorageFull => "disque plein",
        _ => "erreur du système",
    }
}

fn canonical_or_self(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(path: &Path) -> Output {
        Output {
            path: path.to_path_buf(),
            force: false,
        }
    }

    fn message(failure: Failure) -> String {
        match failure {
            Failure::Usage(message) => format!("usage: {message}"),
            Failure::Run(error) => format!("run: {error}"),
        }
    }

    #[test]
    fn an_output_must_be_an_xlsx_in_an_existing_folder() {
        let folder = std::env::temp_dir().join(format!("acm-output-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("temporary folder");
        let csv = check_output_path(&output(&folder.join("out.csv")), &[]).expect_err("csv");
        assert_eq!(
            message(csv),
            format!(
                "usage: -o {} : la sortie est un classeur Excel ; choisissez un nom en .xlsx \
                 (LibreOffice l'ouvre aussi)",
                folder.join("out.csv").display()
            )
        );
        let missing = folder.join("absent").join("planning.xlsx");
        let error = check_output_path(&output(&missing), &[]).expect_err("missing folder");
        assert!(message(error).starts_with(&format!(
            "run: {} : le dossier « {} » n'existe pas",
            missing.display(),
            folder.join("absent").display()
        )));
        assert!(check_output_path(&output(&folder.join("planning.XLSX")), &[]).is_ok());
        let _ = std::fs::remove_dir_all(&folder);
    }
}
