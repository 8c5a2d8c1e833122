//! The `Disponibilites` sheet, in either layout (`schema::disponibilites`): a grid as directors
//! collect it (rows: animateur Id; columns: dates; cells `J`, `M`, `AM`, `S` or combinations), or
//! a long table (`Animateur`, `Date` or `Du` + `Au` (+ `Jours`), `Creneau`).

use std::collections::{HashMap, HashSet};

use calamine::Data;

use super::catalogue::code_key;
use super::cells;
use super::creneaux::standard_label;
use super::dates::{DateColumns, grid_dates};
use super::table::{RowReader, Sheet};
use crate::domain::{Availability, AvailabilityFlags};
use crate::error::InputError;
use crate::schema::animateurs;
use crate::schema::disponibilites::{ANIMATEUR, CRENEAU, DATES};

const CODES_EXPECTED: &str = "disponibilité attendue : J (journée), M (matin), AM (après-midi), \
                              S (soir), X (= J), une combinaison comme M+S, M/AM ou M AM, ou une \
                              cellule vide (indisponible)";

/// What the sheet gave: availability per (Id, date), and the Ids that have at least one row.
#[derive(Debug, Default)]
pub(crate) struct DisponibilitesRead {
    pub availability: Availability,
    /// Lower-cased Ids with at least one row in the sheet.
    pub listed: HashSet<String>,
}

/// `ids`: lower-cased Id → Id as written in `Animateurs`; `None` when that sheet is absent or
/// unreadable (Ids are then taken as written).
pub(crate) fn read(
    sheet: &Sheet,
    ids: Option<&HashMap<String, (String, u32)>>,
    errors: &mut Vec<InputError>,
) -> DisponibilitesRead {
    let long_table = DateColumns::present(sheet, &DATES) && sheet.find(&CRENEAU).is_some();
    if long_table {
        read_long(sheet, ids, errors)
    } else {
        read_grid(sheet, ids, errors)
    }
}

fn read_grid(
    sheet: &Sheet,
    ids: Option<&HashMap<String, (String, u32)>>,
    errors: &mut Vec<InputError>,
) -> DisponibilitesRead {
    let mut read = DisponibilitesRead::default();
    let dates = grid_dates(sheet, errors);
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
    let id_column = sheet.find(&ANIMATEUR).unwrap_or(0);
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
        if let (Some(id), Some(days), Some(flags)) = (id, days, flags) {
            for day in days {
                read.availability.add(&id, day, flags);
            }
        }
    }
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

/// A grid cell: `J`, `M`, `AM`, `S`, `X`, or combinations (`M+S`, `M/AM`, `M AM`).
pub(crate) fn grid_code(cell: &Data) -> Result<AvailabilityFlags, String> {
    if let Data::Bool(available) = cell {
        return Ok(if *available {
            AvailabilityFlags::JOURNEE
        } else {
            AvailabilityFlags::default()
        });
    }
    let text = cells::display(cell);
    let mut flags = AvailabilityFlags::default();
    for token in text
        .split(['+', '/', ',', ';', '&', ' '])
        .filter(|t| !t.is_empty())
    {
        flags = flags.union(part_of_day(token).ok_or_else(|| CODES_EXPECTED.to_string())?);
    }
    Ok(flags)
}

/// One code or créneau name → parts of the day.
fn part_of_day(token: &str) -> Option<AvailabilityFlags> {
    let none = AvailabilityFlags::default();
    let flags = match token.trim().to_uppercase().as_str() {
        "J" | "X" => AvailabilityFlags::JOURNEE,
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
        for bad in ["oui", "MS", "2", "A"] {
            assert!(grid_code(&Data::String(bad.into())).is_err(), "{bad}");
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
