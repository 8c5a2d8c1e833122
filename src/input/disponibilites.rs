//! The `Disponibilites` sheet, in either layout (`schema::disponibilites`): a grid as directors
//! collect it (rows: animateur Id; columns: dates; cells `J`, `M`, `AM`, `S` or combinations), or
//! a long table (`Animateur`, `Date` or `Du` + `Au` (+ `Jours`), `Creneau`).

use std::collections::{BTreeSet, HashMap, HashSet};

use calamine::Data;
use chrono::NaiveDate;

use super::availability_repeats::DaysSaid;
use super::catalogue::code_key;
use super::cells;
use super::creneaux::standard_label;
use super::dates::DateColumns;
use super::grid_headers::availability_columns;
use super::table::{RowReader, Sheet};
use crate::domain::{Availability, AvailabilityFlags, InputRemark, fold_accents, normalize_key};
use crate::error::InputError;
use crate::schema::animateurs;
use crate::schema::disponibilites::{ANIMATEUR, CRENEAU, DATES};

const CODES_EXPECTED: &str = "disponibilité attendue : J (journée), M (matin), AM (après-midi), \
                              S (soir), oui ou X (= J), une combinaison comme M+S, M/AM ou M AM, \
                              ou une cellule vide, non, -, absent, malade, congé ou indispo \
                              (indisponible)";

/// What the sheet gave: availability per (Id, date), and the Ids that have at least one row.
#[derive(Debug, Default)]
pub(crate) struct DisponibilitesRead {
    pub availability: Availability,
    /// Lower-cased Ids with at least one row in the sheet.
    pub listed: HashSet<String>,
    /// The dates the sheet speaks of: the grid's date columns, or the long table's days.
    pub dates: BTreeSet<NaiveDate>,
    /// Headers read without their year, columns ignored.
    pub remarks: Vec<InputRemark>,
}

/// Whether the sheet is the long table (`Animateur`, `Date` or `Du`/`Au`, `Creneau`) rather than
/// the grid.
pub(crate) fn is_long_table(sheet: &Sheet) -> bool {
    DateColumns::present(sheet, &DATES) && sheet.find(&CRENEAU).is_some()
}

/// `ids`: lower-cased Id → Id as written in `Animateurs`; `None` when that sheet is absent or
/// unreadable (Ids are then taken as written). `forecasts`: the forecast dates, for grid headers
/// written without their year.
pub(crate) fn read(
    sheet: &Sheet,
    ids: Option<&HashMap<String, (String, u32)>>,
    forecasts: &BTreeSet<NaiveDate>,
    errors: &mut Vec<InputError>,
) -> DisponibilitesRead {
    if is_long_table(sheet) {
        read_long(sheet, ids, errors)
    } else {
        read_grid(sheet, ids, forecasts, errors)
    }
}

/// Whether a grid cell holds an availability (a code other than "unavailable").
fn is_code(cell: &Data) -> bool {
    grid_code(cell).is_ok_and(|flags| !flags.is_empty())
}

fn read_grid(
    sheet: &Sheet,
    ids: Option<&HashMap<String, (String, u32)>>,
    forecasts: &BTreeSet<NaiveDate>,
    errors: &mut Vec<InputError>,
) -> DisponibilitesRead {
    let mut read = DisponibilitesRead::default();
    let id_column = sheet.find(&ANIMATEUR).unwrap_or_else(|| {
        sheet
            .headers
            .iter()
            .position(|h| !h.is_empty())
            .unwrap_or(0)
    });
    let dates = availability_columns(
        sheet,
        id_column,
        forecasts,
        is_code,
        errors,
        &mut read.remarks,
    );
    read.dates = dates.iter().map(|(_, date)| *date).collect();
    if dates.is_empty() && sheet.rows.is_empty() {
        // A blank grid (the template's): nobody is available yet, which is not an error here;
        // an animateur without availability is reported on the Animateurs sheet.
        return read;
    }
    if dates.is_empty() {
        errors.push(sheet.error(
            "aucune colonne de date : attendu soit une grille (première colonne « Id », puis une \
             colonne par date), soit un tableau avec les colonnes « Animateur », « Date » et \
             « Creneau »",
        ));
        return read;
    }
    // Lower-cased Id → the row that has it: a second row is refused, not added to the first.
    let mut rows_of: HashMap<String, u32> = HashMap::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        if reader.is_total(Some(id_column)) || reader.is_weekday_line() {
            continue;
        }
        let Some(id) = reader.required_text(Some(id_column), ANIMATEUR.name) else {
            continue;
        };
        let Some(id) = resolve_id(&mut reader, Some(id_column), ids, id) else {
            continue;
        };
        if let Some(first) = rows_of.get(&code_key(&id)) {
            reader.error(
                Some(id_column),
                ANIMATEUR.name,
                format!(
                    "Id en double dans la grille : déjà ligne {first} ; les deux lignes ne sont \
                     pas additionnées : gardez une seule ligne par animateur, avec toutes ses \
                     disponibilités"
                ),
            );
            continue;
        }
        rows_of.insert(code_key(&id), row.number);
        read.listed.insert(code_key(&id));
        for &(column, date) in &dates {
            if let Some(flags) = reader.optional(Some(column), grid_code)
                && !flags.is_empty()
            {
                read.availability.add(&id, date, flags);
            }
        }
    }
    read
}

fn read_long(
    sheet: &Sheet,
    ids: Option<&HashMap<String, (String, u32)>>,
    errors: &mut Vec<InputError>,
) -> DisponibilitesRead {
    let mut read = DisponibilitesRead::default();
    let animateur = sheet.require(&ANIMATEUR, errors);
    let dates = DateColumns::find(sheet, &DATES, errors);
    let (Some(animateur), Some(dates), Some(creneau)) = (animateur, dates, sheet.find(&CRENEAU))
    else {
        return read;
    };
    let mut said = DaysSaid::default();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let id = reader
            .required_text(Some(animateur), ANIMATEUR.name)
            .and_then(|id| resolve_id(&mut reader, Some(animateur), ids, id));
        if let Some(id) = &id {
            read.listed.insert(code_key(id));
        }
        let days = dates.read(&mut reader);
        let flags = reader.required(Some(creneau), CRENEAU.name, long_code);
        if let Some(days) = &days {
            read.dates.extend(days.iter().copied());
        }
        let (Some(id), Some(days), Some(flags)) = (id, days, flags) else {
            continue;
        };
        let text = cells::display(reader.cell(Some(creneau)));
        said.record(row.number, &id, &days, flags, &text);
        if !flags.is_empty() {
            for day in days {
                read.availability.add(&id, day, flags);
            }
        }
    }
    errors.extend(said.errors(&sheet.file, &sheet.name, &sheet.column_label(creneau)));
    read.remarks.extend(said.remark(&sheet.file, &sheet.name));
    read
}

/// The Id as written in `Animateurs`; an unknown Id is reported.
fn resolve_id(
    reader: &mut RowReader,
    column: Option<usize>,
    ids: Option<&HashMap<String, (String, u32)>>,
    id: String,
) -> Option<String> {
    let Some(ids) = ids else {
        return Some(id);
    };
    match ids.get(&code_key(&id)) {
        Some((known, _)) => Some(known.clone()),
        None => {
            reader.error(
                column,
                ANIMATEUR.name,
                format!(
                    "animateur inconnu : cet Id n'est pas dans la colonne « {} » de la feuille \
                     « {} »",
                    animateurs::ID.name,
                    animateurs::SHEET.name
                ),
            );
            None
        }
    }
}

/// A grid cell: `J`, `M`, `AM`, `S`, or combinations (`M+S`, `M/AM`, `M AM`); the words people
/// type too: `oui`, `x` (the whole day), `non`, `-`, `absent` (unavailable), `matin`,
/// `après-midi`, `soir`; case and accents ignored.
pub(crate) fn grid_code(cell: &Data) -> Result<AvailabilityFlags, String> {
    if let Data::Bool(available) = cell {
        return Ok(if *available {
            AvailabilityFlags::JOURNEE
        } else {
            AvailabilityFlags::default()
        });
    }
    let text = cells::display(cell);
    if let Some(flags) = whole_cell(&text) {
        return Ok(flags);
    }
    let folded = fold_accents(&text)
        .replace("apres midi", "apres-midi")
        .replace("apres - midi", "apres-midi");
    let mut flags = AvailabilityFlags::default();
    for token in folded
        .split(['+', '/', ',', ';', '&', ' '])
        .filter(|t| !t.is_empty())
    {
        flags = flags.union(part_of_day(token).ok_or_else(|| CODES_EXPECTED.to_string())?);
    }
    Ok(flags)
}

/// A whole cell that says yes or no: `oui`, `x`, `présent` / `non`, `-`, `absent`, and the
/// reasons people write for a day off (`malade`, `congé`, `CP`, `RTT`, `repos`, `indispo`).
fn whole_cell(text: &str) -> Option<AvailabilityFlags> {
    let key = normalize_key(text);
    match key.as_str() {
        "oui" | "o" | "yes" | "x" | "present" | "presente" | "dispo" | "disponible" => {
            Some(AvailabilityFlags::JOURNEE)
        }
        "non" | "n" | "no" | "absent" | "absente" | "indisponible" | "indispo" | "pasdispo"
        | "malade" | "maladie" | "arret" | "arretmaladie" | "conge" | "conges" | "congepaye"
        | "congespayes" | "cp" | "rtt" | "repos" | "off" | "vacances" | "excuse" | "excusee" => {
            Some(AvailabilityFlags::default())
        }
        // `-`, `–`, `—`: a dash for "no".
        "" if !text.trim().is_empty() && text.trim().chars().all(|c| "-–—".contains(c)) => {
            Some(AvailabilityFlags::default())
        }
        _ => None,
    }
}

/// One code or créneau name → parts of the day.
fn part_of_day(token: &str) -> Option<AvailabilityFlags> {
    let none = AvailabilityFlags::default();
    if let Some(flags) = whole_cell(token) {
        return Some(flags);
    }
    let flags = match token.trim().to_uppercase().as_str() {
        "J" => AvailabilityFlags::JOURNEE,
        "M" => AvailabilityFlags {
            matin: true,
            ..none
        },
        "AM" => AvailabilityFlags {
            apres_midi: true,
            ..none
        },
        "S" => AvailabilityFlags { soir: true, ..none },
        _ => match standard_label(token)? {
            "journee" => AvailabilityFlags::JOURNEE,
            "matin" | "midi" => AvailabilityFlags {
                matin: true,
                ..none
            },
            "apres-midi" => AvailabilityFlags {
                apres_midi: true,
                ..none
            },
            _ => AvailabilityFlags { soir: true, ..none },
        },
    };
    Some(flags)
}

/// A long-table `Creneau`: journee → J, matin and midi → M, apres-midi → AM, soir → S (the grid
/// codes are accepted too).
fn long_code(cell: &Data) -> Result<AvailabilityFlags, String> {
    let text = cells::display(cell);
    part_of_day(&text)
        .or_else(|| grid_code(cell).ok().filter(|f| !f.is_empty()))
        .ok_or_else(|| {
            "créneau de disponibilité attendu : journee, matin, midi, apres-midi, soir (ou J, M, \
             AM, S)"
                .to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(m: bool, am: bool, s: bool) -> AvailabilityFlags {
        AvailabilityFlags {
            matin: m,
            apres_midi: am,
            soir: s,
        }
    }

    #[test]
    fn grid_codes_and_combinations() {
        let cases = [
            ("J", flags(true, true, true)),
            ("x", flags(true, true, true)),
            ("M", flags(true, false, false)),
            ("AM", flags(false, true, false)),
            ("S", flags(false, false, true)),
            ("M+S", flags(true, false, true)),
            ("M/AM", flags(true, true, false)),
            ("M AM", flags(true, true, false)),
            ("m + s", flags(true, false, true)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                grid_code(&Data::String(text.into())),
                Ok(expected),
                "{text}"
            );
        }
        for bad in ["MS", "2", "A", "peut-être"] {
            assert!(grid_code(&Data::String(bad.into())).is_err(), "{bad}");
        }
    }

    #[test]
    fn grid_words_people_type() {
        let cases = [
            ("oui", flags(true, true, true)),
            ("OUI", flags(true, true, true)),
            ("X", flags(true, true, true)),
            ("Journée", flags(true, true, true)),
            ("non", flags(false, false, false)),
            ("-", flags(false, false, false)),
            ("—", flags(false, false, false)),
            ("Absent", flags(false, false, false)),
            ("malade", flags(false, false, false)),
            ("Congé", flags(false, false, false)),
            ("congés payés", flags(false, false, false)),
            ("indispo", flags(false, false, false)),
            ("CP", flags(false, false, false)),
            ("matin", flags(true, false, false)),
            ("Après-midi", flags(false, true, false)),
            ("apres midi", flags(false, true, false)),
            ("APRÈS-MIDI", flags(false, true, false)),
            ("soir", flags(false, false, true)),
            ("matin + soir", flags(true, false, true)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                grid_code(&Data::String(text.into())),
                Ok(expected),
                "{text}"
            );
        }
    }

    #[test]
    fn long_table_creneaux() {
        let cases = [
            ("journée", flags(true, true, true)),
            ("matin", flags(true, false, false)),
            ("midi", flags(true, false, false)),
            ("après-midi", flags(false, true, false)),
            ("soir", flags(false, false, true)),
            ("M+S", flags(true, false, true)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                long_code(&Data::String(text.into())),
                Ok(expected),
                "{text}"
            );
        }
        assert!(long_code(&Data::String("nuit".into())).is_err());
    }
}
