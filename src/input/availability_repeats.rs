//! Rows of the long availability table (`Animateur`, `Date` or `Du`/`Au`, `Creneau`) that speak
//! of the same person and day twice.
//!
//! Two rows for one day are how the table says « matin » and « soir »: their parts of the day add
//! up. When one row's parts are all in the other's (the same row typed twice, « matin » under a
//! « journee »), the second adds nothing: a remark, the day is counted once. When one says the
//! person is available and the other that she is not (« absent », « non »), the reader cannot
//! tell which is true: an error naming both rows.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::catalogue::code_key;
use super::dates::date_runs;
use crate::domain::{AvailabilityFlags, InputRemark, RemarkKind};
use crate::error::InputError;

/// How many repeats a remark spells out; the others are counted.
const REPEATS_SHOWN: usize = 3;

/// What one row said of a day.
#[derive(Debug, Clone)]
struct Said {
    row: u32,
    flags: AvailabilityFlags,
    /// The `Creneau` cell as written.
    text: String,
}

/// Two rows that say the same days of one person, and those days.
#[derive(Debug, Clone)]
struct Pair {
    first: Said,
    second: Said,
    id: String,
    dates: Vec<NaiveDate>,
}

/// What the rows said so far, per person and day, and the pairs of rows found to repeat or
/// contradict each other.
#[derive(Debug, Default)]
pub(crate) struct DaysSaid {
    by_day: HashMap<(String, NaiveDate), Vec<Said>>,
    repeats: BTreeMap<(u32, u32), Pair>,
    contradictions: BTreeMap<(u32, u32), Pair>,
}

impl DaysSaid {
    /// Records a row: `id` available for `flags` (none: unavailable) on `days`; `text` is its
    /// `Creneau` as written.
    pub fn record(
        &mut self,
        row: u32,
        id: &str,
        days: &[NaiveDate],
        flags: AvailabilityFlags,
        text: &str,
    ) {
        let said = Said {
            row,
            flags,
            text: text.to_string(),
        };
        for &day in days {
            let earlier = self.by_day.entry((code_key(id), day)).or_default();
            for first in earlier.iter() {
                let found = if contradicts(first.flags, flags) {
                    &mut self.contradictions
                } else if repeats(first.flags, flags) {
                    &mut self.repeats
                } else {
                    continue;
                };
                found
                    .entry((first.row, row))
                    .or_insert_with(|| Pair {
                        first: first.clone(),
                        second: said.clone(),
                        id: id.to_string(),
                        dates: Vec::new(),
                    })
                    .dates
                    .push(day);
            }
            earlier.push(said.clone());
        }
    }

    /// One error per pair of rows that contradict each other.
    pub fn errors(&self, file: &str, sheet: &str, creneau_header: &str) -> Vec<InputError> {
        self.contradictions
            .values()
            .map(|pair| {
                let (available, unavailable) = if pair.first.flags.is_empty() {
                    (&pair.second, &pair.first)
                } else {
                    (&pair.first, &pair.second)
                };
                InputError::new(
                    file,
                    format!(
                        "disponibilités contradictoires pour « {} » {} : la ligne {} le dit \
                         disponible (« {} »), la ligne {} indisponible (« {} ») ; une ligne \
                         n'en annule pas une autre : retirez celle qui est fausse (pour une \
                         période avec des jours d'absence, précisez ses jours dans « Jours » ou \
                         découpez-la)",
                        pair.id,
                        on_dates(&pair.dates),
                        available.row,
                        available.text,
                        unavailable.row,
                        unavailable.text,
                    ),
                )
                .sheet(sheet)
                .on_rows(&[pair.first.row, pair.second.row])
                .column(creneau_header)
            })
            .collect()
    }

    /// One remark for every row that repeats what a row above it said, if any.
    pub fn remark(&self, file: &str, sheet: &str) -> Option<InputRemark> {
        if self.repeats.is_empty() {
            return None;
        }
        let mut pairs: Vec<&Pair> = self.repeats.values().collect();
        pairs.sort_by_key(|pair| (pair.second.row, pair.first.row));
        let shown: Vec<String> = pairs
            .iter()
            .take(REPEATS_SHOWN)
            .map(|pair| {
                format!(
                    "ligne {} (« {} »), déjà couverte par la ligne {} (« {} »), pour « {} » {}",
                    pair.second.row,
                    pair.second.text,
                    pair.first.row,
                    pair.first.text,
                    pair.id,
                    on_dates(&pair.dates)
                )
            })
            .collect();
        let others = match pairs.len().saturating_sub(REPEATS_SHOWN) {
            0 => String::new(),
            1 => " ; et 1 autre".to_string(),
            more => format!(" ; et {more} autres"),
        };
        let rows = pairs
            .iter()
            .flat_map(|pair| [pair.first.row, pair.second.row]);
        Some(
            InputRemark::new(
                file,
                sheet,
                RemarkKind::RepeatedAvailability,
                format!(
                    "disponibilités données deux fois (même animateur, même jour, créneau déjà \
                     couvert par une autre ligne), comptées une fois : {}{others}",
                    shown.join(" ; ")
                ),
            )
            .rows(rows),
        )
    }
}

/// One row says available, the other unavailable.
fn contradicts(first: AvailabilityFlags, second: AvailabilityFlags) -> bool {
    first.is_empty() != second.is_empty()
}

/// Both say available, and one's parts of the day are all in the other's.
fn repeats(first: AvailabilityFlags, second: AvailabilityFlags) -> bool {
    !first.is_empty()
        && !second.is_empty()
        && (first.union(second) == first || first.union(second) == second)
}

/// `le 07/07/2026`, `du 06/07/2026 au 10/07/2026`, `les 06/07/2026, 08/07/2026`.
fn on_dates(dates: &[NaiveDate]) -> String {
    let runs = date_runs(dates);
    match dates {
        [_] => format!("le {runs}"),
        _ if runs.starts_with("du ") && !runs.contains(',') => runs,
        _ => format!("les {runs}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: AvailabilityFlags = AvailabilityFlags {
        matin: false,
        apres_midi: false,
        soir: false,
    };
    const MATIN: AvailabilityFlags = AvailabilityFlags {
        matin: true,
        apres_midi: false,
        soir: false,
    };
    const SOIR: AvailabilityFlags = AvailabilityFlags {
        matin: false,
        apres_midi: false,
        soir: true,
    };

    fn day(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, day).expect("a July day")
    }

    #[test]
    fn parts_of_the_day_on_two_rows_add_up_without_a_word() {
        let mut said = DaysSaid::default();
        said.record(2, "A1", &[day(7)], MATIN, "matin");
        said.record(3, "A1", &[day(7)], SOIR, "soir");
        said.record(4, "A2", &[day(7)], MATIN, "matin");
        assert!(
            said.errors("e.xlsx", "Disponibilites", "Creneau")
                .is_empty()
        );
        assert_eq!(said.remark("e.xlsx", "Disponibilites"), None);
    }

    #[test]
    fn a_part_of_the_day_said_again_is_remarked_once() {
        let mut said = DaysSaid::default();
        let week: Vec<NaiveDate> = (6..=10).map(day).collect();
        said.record(2, "A1", &week, AvailabilityFlags::JOURNEE, "journee");
        said.record(3, "a1", &[day(7)], MATIN, "matin");
        said.record(4, "A2", &[day(8)], SOIR, "S");
        said.record(5, "A2", &[day(8)], SOIR, "soir");
        assert!(
            said.errors("e.xlsx", "Disponibilites", "Creneau")
                .is_empty()
        );
        let remark = said.remark("e.xlsx", "Disponibilites").expect("a remark");
        assert_eq!(remark.rows, vec![2, 3, 4, 5]);
        assert_eq!(
            remark.to_string(),
            "e.xlsx, feuille « Disponibilites », lignes 2 à 5 : disponibilités données deux fois \
             (même animateur, même jour, créneau déjà couvert par une autre ligne), comptées une \
             fois : ligne 3 (« matin »), déjà couverte par la ligne 2 (« journee »), pour « a1 » \
             le 07/07/2026 ; ligne 5 (« soir »), déjà couverte par la ligne 4 (« S »), pour « A2 » \
             le 08/07/2026"
        );
    }

    #[test]
    fn available_and_unavailable_the_same_day_is_an_error_naming_both_rows() {
        let mut said = DaysSaid::default();
        let week: Vec<NaiveDate> = (6..=10).map(day).collect();
        said.record(2, "A1", &week, AvailabilityFlags::JOURNEE, "journee");
        said.record(3, "A1", &[day(7), day(9)], NONE, "absent");
        let errors = said.errors("e.xlsx", "Disponibilites", "Creneau");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "e.xlsx, feuille « Disponibilites », lignes 2 et 3, colonne « Creneau » : \
             disponibilités contradictoires pour « A1 » les 07/07/2026, 09/07/2026 : la ligne 2 \
             le dit disponible (« journee »), la ligne 3 indisponible (« absent ») ; une ligne \
             n'en annule pas une autre : retirez celle qui est fausse (pour une période avec des \
             jours d'absence, précisez ses jours dans « Jours » ou découpez-la)"
        );
    }
}
