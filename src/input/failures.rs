//! What went wrong when a file or a sheet could not be read, in French with what to do: the
//! library's own messages ("Zip error: Could not find EOCD") mean nothing to a director.

use std::io::ErrorKind;
use std::path::Path;

use calamine::{Error, OdsError, XlsxError};

use crate::domain::echoed;

const EXPECTED: &str = "un classeur .xlsx ou .ods est attendu";

/// A problem visible before opening: Excel's lock file, no such file, a folder, a CSV or text
/// file.
pub(crate) fn before_opening(path: &Path) -> Option<String> {
    if let Some(workbook) = locked_workbook_name(path) {
        return Some(format!(
            "ce fichier n'est pas un classeur : c'est le fichier de verrouillage qu'Excel crée \
             pendant que le classeur « {workbook} » est ouvert ; donnez le classeur lui-même \
             ({workbook}), de préférence après l'avoir enregistré et fermé"
        ));
    }
    match std::fs::metadata(path) {
        Err(error) => return Some(io_problem(&error)),
        Ok(metadata) if metadata.is_dir() => {
            return Some(format!("c'est un dossier, pas un fichier : {EXPECTED}"));
        }
        Ok(metadata) if metadata.len() == 0 => {
            return Some(format!("fichier vide : {EXPECTED}"));
        }
        Ok(_) => {}
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" | "tsv" => Some(format!(
            "fichier texte (.{extension}) : ouvrez-le dans un tableur et enregistrez-le au format \
             .xlsx ou .ods"
        )),
        "numbers" => Some(format!(
            "fichier Numbers : exportez-le au format .xlsx ; {EXPECTED}"
        )),
        _ => None,
    }
}

/// The workbook an Excel lock file (`~$classeur.xlsx`) stands for, when `path` is one.
fn locked_workbook_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    name.strip_prefix("~$").map(echoed)
}

/// Excel's lock file beside a workbook (`~$classeur.xlsx` beside `classeur.xlsx`): the
/// workbook is open in Excel.
pub(crate) fn lock_file_of(path: &Path) -> Option<std::path::PathBuf> {
    let name = path.file_name()?.to_string_lossy();
    let lock = path.with_file_name(format!("~${name}"));
    lock.is_file().then_some(lock)
}

fn io_problem(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => format!("fichier introuvable : vérifiez le chemin ; {EXPECTED}"),
        ErrorKind::PermissionDenied => {
            "lecture refusée : droits insuffisants sur ce fichier (ou fichier ouvert et verrouillé \
             par un autre programme)"
                .to_string()
        }
        _ => format!("lecture impossible ({})", echoed(&error.to_string())),
    }
}

/// Why a file could not be opened.
pub(crate) fn opening(path: &Path, error: &Error) -> String {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match error {
        Error::Io(io) => io_problem(io),
        Error::Xlsx(XlsxError::Io(io)) | Error::Ods(OdsError::Io(io)) => io_problem(io),
        Error::Xlsx(XlsxError::Zip(_)) | Error::Ods(OdsError::Zip(_)) => format!(
            "ce fichier n'est pas un classeur .{extension} lisible : son contenu est abîmé, \
             tronqué (copie interrompue ?) ou d'un autre format malgré son nom ; ouvrez-le dans \
             un tableur et enregistrez-le à nouveau au format .xlsx ou .ods"
        ),
        Error::Xlsx(XlsxError::Password) | Error::Ods(OdsError::Password) => {
            "classeur protégé par un mot de passe : enregistrez-en une copie sans mot de passe"
                .to_string()
        }
        Error::Ods(OdsError::InvalidMime(_)) | Error::Ods(OdsError::FileNotFound(_)) => {
            "ce fichier n'est pas un classeur OpenDocument (.ods) valide ; enregistrez-le à \
             nouveau depuis LibreOffice au format .ods ou .xlsx"
                .to_string()
        }
        Error::Ods(OdsError::CellLimitExceeded { .. }) => {
            "une feuille de ce classeur est démesurée (des cellules remplies très loin du tableau) \
             : effacez-les puis réenregistrez le fichier"
                .to_string()
        }
        Error::Msg(_) => format!("format de fichier non reconnu : {EXPECTED}"),
        Error::Xls(_) | Error::Xlsb(_) => format!(
            "classeur .{extension} illisible ; enregistrez-le au format .xlsx ou .ods (détail \
             technique : {})",
            echoed(&error.to_string())
        ),
        other => format!(
            "classeur illisible ; {EXPECTED} (détail technique : {})",
            echoed(&other.to_string())
        ),
    }
}

/// Why a sheet of an opened file could not be read.
pub(crate) fn sheet(error: &Error) -> String {
    match error {
        Error::Xlsx(XlsxError::Password) | Error::Ods(OdsError::Password) => {
            "feuille protégée par un mot de passe : enregistrez une copie sans mot de passe"
                .to_string()
        }
        other => format!(
            "feuille illisible : le classeur est peut-être abîmé ; ouvrez-le dans un tableur et \
             enregistrez-le à nouveau (détail technique : {})",
            echoed(&other.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_errors_are_told_in_french() {
        let zip = Error::Xlsx(XlsxError::Zip(zip::result::ZipError::InvalidArchive(
            "Could not find EOCD".into(),
        )));
        let message = opening(Path::new("budget.xlsx"), &zip);
        assert!(
            message.starts_with("ce fichier n'est pas un classeur .xlsx lisible"),
            "{message}"
        );
        assert!(!message.contains("EOCD"), "{message}");
        let unknown = opening(Path::new("x.bin"), &Error::Msg("Cannot detect file format"));
        assert!(
            unknown.contains("format de fichier non reconnu"),
            "{unknown}"
        );
        let missing = before_opening(Path::new("/nonexistent/acm/plan.xlsx"));
        assert!(missing.is_some_and(|m| m.starts_with("fichier introuvable")));
    }
}
