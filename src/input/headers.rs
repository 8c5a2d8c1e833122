//! The header row of a table read safely: a header close to a known column is an error that
//! names both (a misspelled `Date de naissance` must not be dropped silently), two columns with
//! the same header are an error, and the columns no reader knows are listed once in a remark.

use super::cells;
use super::sheet::Sheet;
use crate::domain::{InputRemark, RemarkKind, echoed, edit_distance as distance, normalize_key};
use crate::error::InputError;
use crate::schema::{ColumnSpec, SheetSpec};

/// How many edits a header may be from a known name and still be that name misspelled: none for
/// short names (`Id`, `Du`, `Fin` differ from other words by one letter), one up to 7 letters,
/// two beyond.
fn tolerance(name_key: &str) -> usize {
    match name_key.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// The key of a header without a trailing note in parentheses (`Coût (€)`).
fn header_key(header: &str) -> String {
    let without_note = match header.split_once('(') {
        Some((before, _)) if header.trim_end().ends_with(')') => before,
        _ => header,
    };
    normalize_key(without_note)
}

/// The known column a header nearly names, when that column is not in the sheet already.
fn near_miss(
    header: &str,
    columns: &[&'static ColumnSpec],
    present: &[&'static str],
) -> Option<&'static ColumnSpec> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    columns
        .iter()
        .filter(|column| !present.contains(&column.name))
        .filter_map(|column| {
            column
                .names()
                .map(|name| {
                    let name_key = normalize_key(name);
                    (distance(&key, &name_key), tolerance(&name_key))
                })
                .filter(|(edits, allowed)| *edits > 0 && edits <= allowed)
                .map(|(edits, _)| edits)
                .min()
                .map(|edits| (edits, *column))
        })
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, column)| column)
}

/// Checks the header row of a table sheet: misspelled and duplicate columns are errors; the
/// unknown columns, the columns without a header and the stray cells are one remark.
pub(crate) fn check_table(sheet: &mut Sheet, spec: &SheetSpec, errors: &mut Vec<InputError>) {
    let columns: Vec<&'static ColumnSpec> = known_columns(spec);
    let mut owner: Vec<Option<&'static ColumnSpec>> = Vec::with_capacity(sheet.headers.len());
    for header in &sheet.headers {
        owner.push(columns.iter().copied().find(|c| c.matches(header)));
    }
    let present: Vec<&'static str> = owner.iter().flatten().map(|c| c.name).collect();
    let mut ignored: Vec<String> = Vec::new();
    for (index, header) in sheet.headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        match owner[index] {
            Some(column) => {
                let first = owner
                    .iter()
                    .position(|o| o.is_some_and(|c| c.name == column.name))
                    .unwrap_or(index);
                if first == index {
                    continue;
                }
                let first_header = &sheet.headers[first];
                if header_key(first_header) == header_key(header) {
                    errors.push(duplicate(sheet, first, index));
                } else {
                    ignored.push(format!(
                        "{} (même colonne que « {} », déjà lue)",
                        echoed(header),
                        echoed(first_header)
                    ));
                }
            }
            None => match near_miss(header, &columns, &present) {
                Some(column) => {
                    errors.push(misspelled(sheet, index, column));
                    sheet.near_missed.push(column.name);
                }
                None => ignored.push(echoed(header)),
            },
        }
    }
    ignored.extend(
        sheet
            .headerless
            .iter()
            .map(|column| sheet.column_label(column.column)),
    );
    ignored.extend(sheet.stray.iter().map(|(row, column, value)| {
        format!(
            "cellule isolée {} (« {value} »)",
            cells::cell_name(u64::from(*row) - 1, u64::from(*column))
        )
    }));
    if !ignored.is_empty() {
        let remark = InputRemark::new(
            &sheet.file,
            &sheet.name,
            RemarkKind::IgnoredColumns,
            format!("colonnes ignorées : {}", ignored.join(", ")),
        );
        sheet.remarks.push(remark);
    }
}

/// The columns a table sheet may have: the template's and the other layout's.
pub(crate) fn known_columns(spec: &SheetSpec) -> Vec<&'static ColumnSpec> {
    let mut columns: Vec<&'static ColumnSpec> = Vec::new();
    for column in spec.columns.iter().chain(spec.other_columns) {
        if !columns.iter().any(|c| c.name == column.name) {
            columns.push(column);
        }
    }
    columns
}

fn misspelled(sheet: &Sheet, index: usize, column: &ColumnSpec) -> InputError {
    let mut error = sheet.error(format!(
        "en-tête non reconnu : vouliez-vous dire « {} » ? Corrigez l'en-tête : une colonne mal \
         orthographiée ne serait pas lue",
        column.name
    ));
    error.column = Some(sheet.headers[index].clone());
    error
}

fn duplicate(sheet: &Sheet, first: usize, second: usize) -> InputError {
    let mut error = sheet.error(format!(
        "deux colonnes ont cet en-tête ({} et {}) : une seule est permise ; supprimez ou \
         renommez l'autre",
        cells::column_letters(first as u64),
        cells::column_letters(second as u64)
    ));
    error.column = Some(sheet.headers[second].clone());
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::animateurs;

    #[test]
    fn misspelled_headers_are_near_misses_and_other_columns_are_not() {
        let columns = known_columns(&animateurs::SHEET);
        let named = |header: &str| near_miss(header, &columns, &[]).map(|c| c.name);
        assert_eq!(named("Date de naisance"), Some("Date de naissance"));
        assert_eq!(named("Max jour"), Some("Max jours"));
        assert_eq!(named("Secteurs"), Some("Secteur"));
        assert_eq!(named("Cout journalié"), Some("Cout journalier"));
        assert_eq!(named("Coût journalié (€)"), Some("Cout journalier"));
        for other in [
            "Téléphone",
            "Commentaire interne",
            "Email",
            "Adresse",
            "Âge",
            "Noms",
        ] {
            assert_eq!(named(other), None, "{other}");
        }
        // A near miss of a column already present is another column.
        assert_eq!(near_miss("Secteurs", &columns, &["Secteur"]), None);
    }
}
