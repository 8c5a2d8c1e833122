//! The header row of the `Disponibilites` grid, read so that no column is dropped without a
//! word: every column with availability codes needs a date header; a date written without its
//! year (`lundi 6 juillet`) takes the year of the forecasts, with a remark; a blank or merged
//! header over codes, a header that is not a date over codes, and the same date twice are
//! errors naming the column; the identity columns (`Nom`, `Prénom`…) and other columns without
//! codes are listed in a remark.

use std::collections::{BTreeMap, BTreeSet};

use calamine::Data;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::cells;
use super::days;
use super::headers::known_columns;
use super::sheet::Sheet;
use crate::domain::{InputRemark, RemarkKind, echoed, fold_accents, normalize_key};
use crate::error::InputError;
use crate::schema::{animateurs, disponibilites};

/// A date header without its year: `lundi 6 juillet`, `6 juil.`, `1er août`, `06/07`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayMonth {
    pub weekday: Option<Weekday>,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

fn month(word: &str) -> Option<u32> {
    let month = match normalize_key(word).as_str() {
        "janvier" | "janv" | "jan" => 1,
        "fevrier" | "fevr" | "fev" => 2,
        "mars" => 3,
        "avril" | "avr" => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" | "juil" | "jul" => 7,
        "aout" | "aou" => 8,
        "septembre" | "sept" | "sep" => 9,
        "octobre" | "oct" => 10,
        "novembre" | "nov" => 11,
        "decembre" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// `6`, `06`, `1er`.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.strip_suffix("er").unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Reads a date header written in words or without its year.
pub(crate) fn day_month(text: &str) -> Option<DayMonth> {
    let folded = fold_accents(text).replace([',', '.'], " ");
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    let weekday = words.first().and_then(|w| days::weekday(w));
    if weekday.is_some() {
        words.remove(0);
    }
    let (day, month, year) = match words.as_slice() {
        [numeric] => {
            let (day, month) = numeric.split_once('/')?;
            (
                day_number(day)?,
                day_number(month).filter(|m| *m <= 12)?,
                None,
            )
        }
        [day, name] => (day_number(day)?, month(name)?, None),
        [day, name, year] if year.len() == 4 => {
            (day_number(day)?, month(name)?, Some(year.parse().ok()?))
        }
        _ => return None,
    };
    Some(DayMonth {
        weekday,
        day,
        month,
        year,
    })
}

/// The year a header without one means: the only year that puts the date within a month of the
/// forecasts.
fn infer_year(header: &DayMonth, forecasts: &BTreeSet<NaiveDate>) -> Option<NaiveDate> {
    let (first, last) = (forecasts.first()?, forecasts.last()?);
    let from = *first - Duration::days(31);
    let to = *last + Duration::days(31);
    let candidates: Vec<NaiveDate> = (first.year() - 1..=last.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, header.month, header.day))
        .filter(|date| from <= *date && *date <= to)
        .collect();
    match candidates.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// Columns that describe the person, not a day: `Id`, `Nom`, `Prénom`, and the other columns of
/// `Animateurs` (`Qualification`, `Secteur`…), `Nom Prénom`.
fn is_identity(header: &str) -> bool {
    let words: Vec<String> = fold_accents(header)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "et" | "de" | "l"))
        .map(str::to_string)
        .collect();
    let only_names = !words.is_empty()
        && words
            .iter()
            .all(|w| matches!(w.as_str(), "nom" | "prenom" | "noms" | "prenoms"));
    only_names
        || disponibilites::ANIMATEUR.matches(header)
        || known_columns(&animateurs::SHEET)
            .iter()
            .any(|column| column.matches(header))
}

/// Columns users add to count the days: `Total`, `Nb jours`, `Jours`.
fn is_count(header: &str) -> bool {
    let key = normalize_key(header);
    key.starts_with("total")
        || key.starts_with("nbj")
        || key.starts_with("nombredejours")
        || matches!(key.as_str(), "jours" | "nb" | "nombre" | "somme")
}

/// The date columns of the availability grid, every header problem reported. `forecasts`: the
/// forecast dates, for headers written without a year.
pub(crate) fn availability_columns(
    sheet: &Sheet,
    id_column: usize,
    forecasts: &BTreeSet<NaiveDate>,
    codes: impl Fn(&Data) -> bool,
    errors: &mut Vec<InputError>,
    remarks: &mut Vec<InputRemark>,
) -> Vec<(usize, NaiveDate)> {
    let has_codes = |column: usize| {
        sheet
            .rows
            .iter()
            .filter_map(|row| row.cells.get(column))
            .any(&codes)
    };
    let column_error = |column: usize, message: String| {
        let mut error = sheet.error(message);
        error.column = Some(sheet.column_label(column));
        error
    };
    let mut columns: Vec<(usize, NaiveDate)> = Vec::new();
    let mut inferred: Vec<String> = Vec::new();
    let mut ignored: Vec<String> = Vec::new();
    for (index, cell) in sheet.header_cells.iter().enumerate() {
        let header = cells::display(cell);
        if index == id_column || header.is_empty() {
            continue;
        }
        if is_date_header(cell) {
            if let Ok(date) = cells::date(cell) {
                columns.push((index, date));
            }
            continue;
        }
        if let Some(written) = day_month(&header) {
            match dated(&written, forecasts) {
                Ok(date) => {
                    if written.year.is_none() {
                        inferred.push(format!(
                            "« {} » ({})",
                            echoed(&header),
                            date.format("%d/%m/%Y")
                        ));
                    }
                    columns.push((index, date));
                }
                Err(message) => errors.push(column_error(index, message)),
            }
            continue;
        }
        if is_identity(&header) || is_count(&header) {
            if has_codes(index) {
                errors.push(column_error(index, not_a_date()));
            } else {
                ignored.push(echoed(&header));
            }
            continue;
        }
        if has_codes(index) || header.chars().any(|c| c.is_ascii_digit()) {
            errors.push(column_error(index, not_a_date()));
        } else {
            ignored.push(echoed(&header));
        }
    }
    for column in &sheet.headerless {
        let message = match column.merged_with {
            Some(first) => format!(
                "en-tête fusionné avec celui de la colonne {} (« {} ») : chaque colonne de \
                 disponibilités a sa propre date en en-tête ; défusionnez les cellules et écrivez \
                 une date par colonne",
                cells::column_letters(first as u64),
                echoed(&sheet.column_label(first))
            ),
            None => "colonne sans en-tête alors qu'elle contient des valeurs : écrivez sa date en \
                     en-tête (jj/mm/aaaa), ou videz-la"
                .to_string(),
        };
        errors.push(column_error(column.column, message));
    }
    report_same_date_twice(sheet, &columns, errors);
    if !inferred.is_empty() {
        remarks.push(InputRemark::new(
            &sheet.file,
            &sheet.name,
            RemarkKind::YearFromForecasts,
            format!(
                "en-têtes de date sans année, lus avec l'année des prévisions : {}",
                inferred.join(", ")
            ),
        ));
    }
    ignored.extend(sheet.stray.iter().map(|(row, column, value)| {
        format!(
            "cellule isolée {} (« {value} »)",
            cells::cell_name(u64::from(*row) - 1, u64::from(*column))
        )
    }));
    if !ignored.is_empty() {
        remarks.push(InputRemark::new(
            &sheet.file,
            &sheet.name,
            RemarkKind::IgnoredColumns,
            format!("colonnes ignorées : {}", ignored.join(", ")),
        ));
    }
    columns
}

fn not_a_date() -> String {
    format!(
        "en-tête qui n'est pas une date : les disponibilités de cette colonne ne seraient pas \
         lues ; écrivez la date en en-tête ({})",
        "jj/mm/aaaa, ou « lundi 6 juillet »"
    )
}

/// The date of a header written in words, checked against its weekday.
fn dated(written: &DayMonth, forecasts: &BTreeSet<NaiveDate>) -> Result<NaiveDate, String> {
    let date = match written.year {
        Some(year) => NaiveDate::from_ymd_opt(year, written.month, written.day)
            .ok_or_else(|| "date inexistante".to_string())?,
        None => infer_year(written, forecasts).ok_or_else(|| {
            "date sans année, et l'année ne se déduit pas des prévisions : écrivez la date \
             complète (jj/mm/aaaa)"
                .to_string()
        })?,
    };
    if let Some(weekday) = written.weekday
        && weekday != date.weekday()
    {
        return Err(format!(
            "le {} est un {}, pas un {} : vérifiez la date",
            date.format("%d/%m/%Y"),
            weekday_name(date.weekday()),
            weekday_name(weekday)
        ));
    }
    Ok(date)
}

fn report_same_date_twice(
    sheet: &Sheet,
    columns: &[(usize, NaiveDate)],
    errors: &mut Vec<InputError>,
) {
    let mut first_of: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for &(column, date) in columns {
        match first_of.get(&date) {
            Some(&first) => {
                let mut error = sheet.error(format!(
                    "le {} a deux colonnes ({} et {}) : une seule colonne par date",
                    date.format("%d/%m/%Y"),
                    cells::column_letters(first as u64),
                    cells::column_letters(column as u64)
                ));
                error.column = Some(sheet.column_label(column));
                errors.push(error);
            }
            None => {
                first_of.insert(date, column);
            }
        }
    }
}

/// A header cell that is a date (a number only as a plausible serial, from the year 2000).
pub(crate) fn is_date_header(cell: &Data) -> bool {
    cells::date(cell).is_ok_and(|date| date.year() >= 2000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn dates_in_words() {
        let read = day_month("lundi 6 juillet").expect("read");
        assert_eq!(
            (read.weekday, read.day, read.month, read.year),
            (Some(Weekday::Mon), 6, 7, None)
        );
        assert_eq!(
            day_month("1er août").map(|d| (d.day, d.month)),
            Some((1, 8))
        );
        assert_eq!(
            day_month("Mar. 7 juil.").map(|d| (d.day, d.month)),
            Some((7, 7))
        );
        assert_eq!(day_month("06/07").map(|d| (d.day, d.month)), Some((6, 7)));
        assert_eq!(day_month("6 juillet 2026").and_then(|d| d.year), Some(2026));
        for other in ["Nom", "Total", "lundi", "6 bidule", "06/07/2026 matin"] {
            assert_eq!(day_month(other), None, "{other}");
        }
    }

    #[test]
    fn the_year_comes_from_the_forecasts() {
        let summer: BTreeSet<NaiveDate> = [ymd(2026, 7, 6), ymd(2026, 7, 10)].into();
        let read = day_month("lundi 6 juillet").expect("read");
        assert_eq!(dated(&read, &summer), Ok(ymd(2026, 7, 6)));
        let wrong = day_month("mardi 6 juillet").expect("read");
        let error = dated(&wrong, &summer).expect_err("not a Tuesday");
        assert!(error.contains("est un lundi, pas un mardi"), "{error}");
        let none = BTreeSet::new();
        assert!(dated(&read, &none).is_err());
        let winter: BTreeSet<NaiveDate> = [ymd(2026, 12, 21), ymd(2027, 1, 2)].into();
        let new_year = day_month("4 janvier").expect("read");
        assert_eq!(dated(&new_year, &winter), Ok(ymd(2027, 1, 4)));
    }

    #[test]
    fn identity_and_count_columns() {
        for header in [
            "Nom",
            "Prénom",
            "Nom Prénom",
            "Nom et prénom",
            "Id",
            "Qualification",
        ] {
            assert!(is_identity(header), "{header}");
        }
        assert!(!is_identity("Remarques"));
        assert!(is_count("Total"));
        assert!(is_count("Nb jours"));
    }
}
