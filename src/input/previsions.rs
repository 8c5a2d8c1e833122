//! The `Previsions` sheet: children expected per ACM × date × créneau, or per date range
//! (`schema::previsions`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::catalogue::Catalogue;
use super::cells;
use super::creneaux::standard_label;
use super::dates::DateColumns;
use super::holidays::{HolidaySetting, HolidaysInRanges, HolidaysOnDates};
use super::table::{RowReader, Sheet};
use crate::domain::{Creneau, InputRemark, Prevision, did_you_mean, normalize_key};
use crate::error::InputError;
use crate::schema::accueils;
use crate::schema::previsions::{
    ACCUEIL, CRENEAU, DATES, DEBUT, FIN, MOINS_DE_6, RENFORCE, SIX_ET_PLUS,
};

/// More children than this in one créneau of one ACM is a typo.
const MAX_CHILDREN: u32 = 10_000;

/// What the `Previsions` sheet gave.
#[derive(Debug, Default)]
pub(crate) struct PrevisionsRead {
    pub previsions: Vec<Prevision>,
    /// Public holidays left out of (or kept in) the `Du`/`Au` ranges.
    pub remarks: Vec<InputRemark>,
}

/// A number of children: a count, not beyond what a créneau can hold.
fn children(cell: &calamine::Data) -> Result<u32, String> {
    let value = cells::count(cell)?;
    if value > MAX_CHILDREN {
        return Err(format!(
            "nombre d'enfants invraisemblable : au plus {MAX_CHILDREN} par accueil et par créneau"
        ));
    }
    Ok(value)
}

pub(crate) fn read(
    sheet: &Sheet,
    catalogue: Option<&Catalogue>,
    holidays: &HolidaySetting,
    errors: &mut Vec<InputError>,
) -> PrevisionsRead {
    let accueil = sheet.require(&ACCUEIL, errors);
    let creneau = sheet.require(&CRENEAU, errors);
    let moins_de_6 = sheet.require(&MOINS_DE_6, errors);
    let six_et_plus = sheet.require(&SIX_ET_PLUS, errors);
    let dates = DateColumns::find(sheet, &DATES, errors);
    let (Some(accueil), Some(creneau), Some(moins_de_6), Some(six_et_plus), Some(dates)) =
        (accueil, creneau, moins_de_6, six_et_plus, dates)
    else {
        return PrevisionsRead::default();
    };
    let mut in_ranges = HolidaysInRanges::default();
    let mut on_dates = HolidaysOnDates::default();
    let debut = sheet.find(&DEBUT);
    let fin = sheet.find(&FIN);
    let renforce = sheet.find(&RENFORCE);

    let mut previsions = Vec::new();
    // (ACM, date, créneau label) → first row; pairs of rows already reported.
    let mut seen: HashMap<(String, NaiveDate, String), u32> = HashMap::new();
    let mut reported: HashSet<(u32, u32)> = HashSet::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let code = reader
            .required_text(Some(accueil), ACCUEIL.name)
            .and_then(|code| resolve_code(&mut reader, accueil, catalogue, code));
        let is_range = dates.is_range(&reader);
        let days = dates.read(&mut reader);
        let slot = read_creneau(&mut reader, creneau, debut, fin);
        let under_6 = reader.required(Some(moins_de_6), MOINS_DE_6.name, children);
        let over_6 = reader.required(Some(six_et_plus), SIX_ET_PLUS.name, children);
        let extra = reader.optional(renforce, children).unwrap_or(0);
        let (Some(code), Some(days), Some(slot), Some(under_6), Some(over_6)) =
            (code, days, slot, under_6, over_6)
        else {
            continue;
        };
        if extra > under_6 + over_6 {
            reader.error(
                renforce,
                RENFORCE.name,
                format!(
                    "plus d'enfants en accompagnement renforcé que d'enfants attendus ({})",
                    under_6 + over_6
                ),
            );
        }
        if reader.failed() {
            continue;
        }
        let kind = catalogue.and_then(|c| c.kind(&code));
        let days = if is_range {
            in_ranges.filter(holidays, kind, row.number, days)
        } else {
            for date in &days {
                on_dates.note(kind, row.number, *date);
            }
            days
        };
        let source = reader.source();
        for date in days {
            let key = (code.clone(), date, normalize_key(&slot.label));
            if let Some(&first) = seen.get(&key) {
                if reported.insert((first, row.number)) {
                    reader.error(
                        Some(creneau),
                        CRENEAU.name,
                        format!(
                            "prévision en double : {code} le {} ({}) figure déjà ligne {first} ; \
                             une seule ligne par accueil, date et créneau",
                            date.format("%d/%m/%Y"),
                            slot.label
                        ),
                    );
                }
                continue;
            }
            seen.insert(key, row.number);
            previsions.push(Prevision {
                accueil: code.clone(),
                date,
                creneau: slot.clone(),
                moins_de_6: under_6,
                six_et_plus: over_6,
                renforce: extra,
                source: source.clone(),
            });
        }
    }
    PrevisionsRead {
        previsions,
        remarks: in_ranges
            .remark(&sheet.file, &sheet.name, holidays)
            .into_iter()
            .chain(on_dates.remark(&sheet.file, &sheet.name))
            .collect(),
    }
}

/// An ACM code of another sheet, written as in `Accueils`; unknown codes are reported.
fn resolve_code(
    reader: &mut RowReader,
    column: usize,
    catalogue: Option<&Catalogue>,
    code: String,
) -> Option<String> {
    let Some(catalogue) = catalogue else {
        return Some(code);
    };
    match catalogue.code(&code) {
        Some(known) => Some(known.to_string()),
        None => {
            let suggestion = did_you_mean(&catalogue.closest_codes(&code));
            let suggestion = if suggestion.is_empty() {
                suggestion
            } else {
                format!(" ; {suggestion}")
            };
            reader.error(
                Some(column),
                ACCUEIL.name,
                format!(
                    "accueil inconnu : ce code n'est pas dans la colonne « {} » de la feuille \
                     « {} »{suggestion}",
                    accueils::CODE.name,
                    accueils::SHEET.name
                ),
            );
            None
        }
    }
}

/// The créneau of a row: a standard label with its default times, overridden by `Debut`/`Fin`
/// when given; any other label needs both.
fn read_creneau(
    reader: &mut RowReader,
    column: usize,
    debut: Option<usize>,
    fin: Option<usize>,
) -> Option<Creneau> {
    let label = reader.required_text(Some(column), CRENEAU.name)?;
    let start = reader.optional(debut, cells::time);
    let end = reader.optional(fin, cells::time);
    if (start.is_none() && !reader.is_blank(debut)) || (end.is_none() && !reader.is_blank(fin)) {
        return None;
    }
    let standard = standard_label(&label).and_then(Creneau::standard);
    let (label, start, end) = match standard {
        Some(slot) => (
            slot.label,
            start.unwrap_or(slot.start),
            end.unwrap_or(slot.end),
        ),
        None => {
            let needs = format!(
                "créneau « {label} » non standard : les heures de début et de fin sont \
                 obligatoires (créneaux standard : journee, matin, midi, apres-midi, soir)"
            );
            match (start, end) {
                (Some(start), Some(end)) => (label, start, end),
                (None, _) => {
                    reader.error(debut, DEBUT.name, needs);
                    return None;
                }
                (_, None) => {
                    reader.error(fin, FIN.name, needs);
                    return None;
                }
            }
        }
    };
    if end <= start {
        reader.error(
            fin.or(debut).or(Some(column)),
            FIN.name,
            format!("l'heure de fin ({end}) doit être après l'heure de début ({start})"),
        );
        return None;
    }
    Some(Creneau { label, start, end })
}
