//! The `Previsions` sheet: children expected per ACM × date × créneau, or per date range
//! (design.md §3).

use std::collections::{HashMap, HashSet};

use calamine::Data;
use chrono::{Datelike, NaiveDate, Weekday};

use super::accueils::Catalogue;
use super::cells;
use super::table::{Column, RowReader, Sheet};
use crate::domain::{Creneau, Minutes, Prevision, normalize_key};
use crate::error::InputError;

pub(crate) const ACCUEIL: Column = Column::new("Accueil", &["Site", "ACM", "Code accueil", "Code"]);
pub(crate) const DATE: Column = Column::new("Date", &["Jour", "Day"]);
pub(crate) const DU: Column = Column::new("Du", &["From", "Date debut", "Debut periode"]);
pub(crate) const AU: Column = Column::new("Au", &["To", "Date fin", "Fin periode"]);
const JOURS: Column = Column::new("Jours", &["Days", "Jours de la semaine"]);
pub(crate) const CRENEAU: Column = Column::new("Creneau", &["Slot", "Time slot", "Plage"]);
pub(crate) const DEBUT: Column = Column::new("Debut", &["Start", "Heure debut", "Heure de debut"]);
pub(crate) const FIN: Column = Column::new("Fin", &["End", "Heure fin", "Heure de fin"]);
const MOINS_DE_6: Column = Column::new(
    "Moins de 6 ans",
    &[
        "Under 6",
        "Moins 6 ans",
        "- 6 ans",
        "Maternelle",
        "Maternelles",
    ],
);
const SIX_ET_PLUS: Column = Column::new(
    "6 ans et plus",
    &[
        "6 and over",
        "6 ans ou plus",
        "Plus de 6 ans",
        "+ 6 ans",
        "Elementaire",
        "Elementaires",
    ],
);
const RENFORCE: Column = Column::new(
    "Accompagnement renforce",
    &["Reinforced support", "Extra support", "Renforce"],
);

/// A range longer than this is a typo (a wrong year), not a plan.
const MAX_RANGE_DAYS: i64 = 3 * 366;

pub(crate) fn read(
    sheet: &Sheet,
    catalogue: Option<&Catalogue>,
    errors: &mut Vec<InputError>,
) -> Vec<Prevision> {
    let accueil = sheet.require(&ACCUEIL, errors);
    let creneau = sheet.require(&CRENEAU, errors);
    let moins_de_6 = sheet.require(&MOINS_DE_6, errors);
    let six_et_plus = sheet.require(&SIX_ET_PLUS, errors);
    let dates = DateColumns::find(sheet, errors);
    let (Some(accueil), Some(creneau), Some(moins_de_6), Some(six_et_plus), Some(dates)) =
        (accueil, creneau, moins_de_6, six_et_plus, dates)
    else {
        return Vec::new();
    };
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
        let days = dates.read(&mut reader, WEEKDAYS);
        let slot = read_creneau(&mut reader, creneau, debut, fin);
        let under_6 = reader.required(Some(moins_de_6), MOINS_DE_6.name, cells::count);
        let over_6 = reader.required(Some(six_et_plus), SIX_ET_PLUS.name, cells::count);
        let extra = reader.optional(renforce, cells::count).unwrap_or(0);
        let (Some(code), Some(days), Some(slot), Some(under_6), Some(over_6)) =
            (code, days, slot, under_6, over_6)
        else {
            continue;
        };
        if reader.failed() {
            continue;
        }
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
    previsions
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
            reader.error(
                Some(column),
                ACCUEIL.name,
                "accueil inconnu : ce code n'est pas dans la colonne « Code » de la feuille \
                 « Accueils »",
            );
            None
        }
    }
}

pub(crate) const WEEKDAYS: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

pub(crate) const EVERY_DAY: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Where a row gives its dates: `Date`, or `Du` + `Au` (+ `Jours`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateColumns {
    date: Option<usize>,
    du: Option<usize>,
    au: Option<usize>,
    jours: Option<usize>,
}

impl DateColumns {
    /// The date columns of a sheet; reports when there is neither `Date` nor `Du` and `Au`.
    pub fn find(sheet: &Sheet, errors: &mut Vec<InputError>) -> Option<DateColumns> {
        let columns = DateColumns {
            date: sheet.find(&DATE),
            du: sheet.find(&DU),
            au: sheet.find(&AU),
            jours: sheet.find(&JOURS),
        };
        if columns.date.is_some() || (columns.du.is_some() && columns.au.is_some()) {
            return Some(columns);
        }
        let missing = if columns.du.is_some() {
            AU
        } else if columns.au.is_some() {
            DU
        } else {
            DATE
        };
        let mut error = sheet.missing_column(&missing);
        error.message = format!(
            "{} ; une colonne « Date », ou deux colonnes « Du » et « Au », sont attendues",
            error.message
        );
        errors.push(error);
        None
    }

    /// The dates of a row: its `Date`, or every day from `Du` to `Au` that is in `Jours`
    /// (`default_days` without `Jours`).
    pub fn read(&self, reader: &mut RowReader, default_days: &[Weekday]) -> Option<Vec<NaiveDate>> {
        if !reader.is_blank(self.date) {
            return reader
                .optional(self.date, cells::date)
                .map(|date| vec![date]);
        }
        if reader.is_blank(self.du) && reader.is_blank(self.au) {
            let name = if self.date.is_some() {
                DATE.name
            } else {
                DU.name
            };
            let column = self.date.or(self.du);
            reader.error(
                column,
                name,
                "date manquante : remplir « Date », ou « Du » et « Au »",
            );
            return None;
        }
        let from = reader.required(self.du, DU.name, cells::date);
        let to = reader.required(self.au, AU.name, cells::date);
        let days = match reader.optional(self.jours, parse_weekdays) {
            Some(days) => days,
            None if !reader.is_blank(self.jours) => return None,
            None => default_days.to_vec(),
        };
        let (from, to) = (from?, to?);
        if to < from {
            reader.error(
                self.au,
                AU.name,
                format!(
                    "la fin de la période est avant son début ({})",
                    from.format("%d/%m/%Y")
                ),
            );
            return None;
        }
        if (to - from).num_days() > MAX_RANGE_DAYS {
            reader.error(
                self.au,
                AU.name,
                "période de plus de trois ans : vérifier l'année",
            );
            return None;
        }
        let dates: Vec<NaiveDate> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| days.contains(&d.weekday()))
            .collect();
        if dates.is_empty() {
            reader.error(
                self.jours.or(self.au),
                JOURS.name,
                "aucun jour de la période ne correspond aux jours demandés (sans « Jours » : du \
                 lundi au vendredi)",
            );
            return None;
        }
        Some(dates)
    }
}

const WEEKDAYS_EXPECTED: &str = "jours attendus : lun, mar, mer, jeu, ven, sam, dim, séparés par \
                                 des virgules (ou une plage comme lun-ven)";

/// `lun,mar,mer,jeu,ven`, `lundi; mercredi`, `lun-ven`, `mon,tue`.
pub(crate) fn parse_weekdays(cell: &Data) -> Result<Vec<Weekday>, String> {
    let text = cells::display(cell).to_lowercase();
    let mut days = Vec::new();
    for token in text
        .split([',', ';', '/', '+', ' ', '\n'])
        .filter(|t| !t.trim().is_empty())
    {
        let day_range = match token.split_once(['-', '–']) {
            Some((first, last)) => weekday(first).zip(weekday(last)),
            None => weekday(token).map(|day| (day, day)),
        };
        let Some((first, last)) = day_range else {
            return Err(WEEKDAYS_EXPECTED.to_string());
        };
        let mut day = first;
        loop {
            if !days.contains(&day) {
                days.push(day);
            }
            if day == last {
                break;
            }
            day = day.succ();
        }
    }
    if days.is_empty() {
        return Err(WEEKDAYS_EXPECTED.to_string());
    }
    Ok(days)
}

pub(crate) fn weekday(text: &str) -> Option<Weekday> {
    let day = match normalize_key(text).as_str() {
        "lun" | "lundi" | "lu" | "mon" | "monday" => Weekday::Mon,
        "mar" | "mardi" | "ma" | "tue" | "tues" | "tuesday" => Weekday::Tue,
        "mer" | "mercredi" | "me" | "wed" | "wednesday" => Weekday::Wed,
        "jeu" | "jeudi" | "je" | "thu" | "thursday" => Weekday::Thu,
        "ven" | "vendredi" | "ve" | "fri" | "friday" => Weekday::Fri,
        "sam" | "samedi" | "sa" | "sat" | "saturday" => Weekday::Sat,
        "dim" | "dimanche" | "di" | "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// The standard créneau label (`journee`, `matin`, `midi`, `apres-midi`, `soir`) a user's
/// spelling stands for.
pub(crate) fn standard_label(text: &str) -> Option<&'static str> {
    let label = match normalize_key(text).as_str() {
        "journee" | "jour" | "journeecomplete" | "journeeentiere" | "day" | "fullday"
        | "allday" | "wholeday" => "journee",
        "matin" | "matinee" | "morning" => "matin",
        "midi" | "repas" | "pausemeridienne" | "meridienne" | "dejeuner" | "noon" | "lunch"
        | "midday" => "midi",
        "apresmidi" | "aprem" | "afternoon" => "apres-midi",
        "soir" | "soiree" | "evening" => "soir",
        _ => return None,
    };
    Some(label)
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

/// Times a user gave explicitly, for readers that accept optional `Debut`/`Fin`.
pub(crate) fn explicit_times(
    reader: &mut RowReader,
    debut: Option<usize>,
    fin: Option<usize>,
) -> Option<(Minutes, Minutes)> {
    let start = reader.optional(debut, cells::time)?;
    let end = reader.optional(fin, cells::time)?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_in_lists_and_ranges() {
        let list = parse_weekdays(&Data::String("lun,mar, mer;jeu ven".into()));
        assert_eq!(list, Ok(WEEKDAYS.to_vec()));
        let range = parse_weekdays(&Data::String("lun-ven".into()));
        assert_eq!(range, Ok(WEEKDAYS.to_vec()));
        let english = parse_weekdays(&Data::String("Sat, Sunday".into()));
        assert_eq!(english, Ok(vec![Weekday::Sat, Weekday::Sun]));
        assert!(parse_weekdays(&Data::String("lun,fête".into())).is_err());
    }

    #[test]
    fn standard_labels_in_common_spellings() {
        assert_eq!(standard_label("Journée"), Some("journee"));
        assert_eq!(standard_label("Après-midi"), Some("apres-midi"));
        assert_eq!(standard_label("APRES MIDI"), Some("apres-midi"));
        assert_eq!(standard_label("Matin"), Some("matin"));
        assert_eq!(standard_label("soir"), Some("soir"));
        assert_eq!(standard_label("sortie piscine"), None);
    }
}
