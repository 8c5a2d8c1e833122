//! A planning workbook holds the schedule twice: the `Affectations` list and the `Animateurs`
//! grid. A director may edit either; when both are present and they disagree, `check` must not
//! pick one silently. This module compares them per person and date (the set of ACM codes, each
//! with its direction mark, as the grid writes them) and reads the sheet the user chose.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;

use super::catalogue::code_key;
use crate::domain::{Affectation, Inputs, Role};

/// Which sheet of a planning workbook `check` reads (`--feuille`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleSheet {
    /// The `Affectations` list (one row per person, date and créneau).
    Affectations,
    /// The `Animateurs` grid (a person per row, a date per column, ACM codes in the cells).
    Grille,
}

impl ScheduleSheet {
    /// `affectations` or `grille` (English `list`, `grid` accepted), case and accents ignored.
    pub fn parse(text: &str) -> Option<Self> {
        match crate::domain::normalize_key(text).as_str() {
            "affectations" | "affectation" | "liste" | "list" => Some(ScheduleSheet::Affectations),
            "grille" | "grid" | "animateurs" => Some(ScheduleSheet::Grille),
            _ => None,
        }
    }

    /// The value of `--feuille` that selects this sheet.
    pub fn option_value(self) -> &'static str {
        match self {
            ScheduleSheet::Affectations => "affectations",
            ScheduleSheet::Grille => "grille",
        }
    }
}

/// How many differences the message lists before « … et N autres ».
pub const DIFFERENCES_SHOWN: usize = 10;

/// One person on one date where the two sheets disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The Id, followed by the name when the inputs know the person.
    pub person: String,
    pub date: NaiveDate,
    /// The day as the grid has it (`ALSH-DOUE (D)`), empty when the cell is empty.
    pub grid: String,
    /// The same day in `Affectations`, written as a grid cell.
    pub affectations: String,
}

/// The `Affectations` list and the `Animateurs` grid of one workbook say different things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub file: String,
    /// Every difference, by person then date.
    pub differences: Vec<Difference>,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.differences.len();
        writeln!(
            f,
            "{} : la feuille « Affectations » et la grille « Animateurs » ne donnent pas le même \
             planning ({}) :",
            self.file,
            if count == 1 {
                "1 différence".to_string()
            } else {
                format!("{count} différences")
            }
        )?;
        for difference in self.differences.iter().take(DIFFERENCES_SHOWN) {
            writeln!(
                f,
                "  - {}, le {} : grille « {} », Affectations « {} »",
                difference.person,
                difference.date.format("%d/%m/%Y"),
                shown(&difference.grid),
                shown(&difference.affectations)
            )?;
        }
        if count > DIFFERENCES_SHOWN {
            let more = count - DIFFERENCES_SHOWN;
            writeln!(
                f,
                "  … et {more} {}",
                if more == 1 { "autre" } else { "autres" }
            )?;
        }
        write!(
            f,
            "Choisissez la feuille à vérifier : --feuille grille (la grille modifiée) ou \
             --feuille affectations (la liste)."
        )
    }
}

fn shown(cell: &str) -> &str {
    if cell.is_empty() { "vide" } else { cell }
}

/// One day of one person: ACM code key → (code as written, directing).
type Day = BTreeMap<String, (String, bool)>;

/// (person key, date) → the day; person key → the Id as written.
fn by_person_and_day(
    affectations: &[Affectation],
    ids: &mut BTreeMap<String, String>,
) -> BTreeMap<(String, NaiveDate), Day> {
    let mut days: BTreeMap<(String, NaiveDate), Day> = BTreeMap::new();
    for affectation in affectations {
        let person = code_key(&affectation.animateur);
        ids.entry(person.clone())
            .or_insert_with(|| affectation.animateur.clone());
        let day = days.entry((person, affectation.date)).or_default();
        let entry = day
            .entry(code_key(&affectation.accueil))
            .or_insert_with(|| (affectation.accueil.clone(), false));
        entry.1 |= affectation.role == Role::Direction;
    }
    days
}

/// The day written as a grid cell: `A, B (D)`.
fn cell(day: Option<&Day>) -> String {
    day.map(|day| {
        day.values()
            .map(|(code, directing)| {
                if *directing {
                    format!("{code} (D)")
                } else {
                    code.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    })
    .unwrap_or_default()
}

fn same(a: Option<&Day>, b: Option<&Day>) -> bool {
    let keys = |day: Option<&Day>| -> BTreeSet<(String, bool)> {
        day.map(|d| d.iter().map(|(k, (_, dir))| (k.clone(), *dir)).collect())
            .unwrap_or_default()
    };
    keys(a) == keys(b)
}

/// Every (person, date) where the grid and the list differ, by person then date. People are
/// matched by Id (case ignored), as are ACM codes; a day present in only one sheet counts.
pub fn differences(
    grid: &[Affectation],
    list: &[Affectation],
    inputs: &Inputs,
    file: &str,
) -> Option<Disagreement> {
    let mut ids = BTreeMap::new();
    let list_days = by_person_and_day(list, &mut ids);
    let grid_days = by_person_and_day(grid, &mut ids);
    let keys: BTreeSet<&(String, NaiveDate)> = grid_days.keys().chain(list_days.keys()).collect();
    let differences: Vec<Difference> = keys
        .into_iter()
        .filter(|key| !same(grid_days.get(*key), list_days.get(*key)))
        .map(|key| Difference {
            person: person_label(ids.get(&key.0).unwrap_or(&key.0), inputs),
            date: key.1,
            grid: cell(grid_days.get(key)),
            affectations: cell(list_days.get(key)),
        })
        .collect();
    (!differences.is_empty()).then(|| Disagreement {
        file: file.to_string(),
        differences,
    })
}

/// `ANIM3 (Durand Léo)` when the inputs know the person, else the Id (a recruit `R1`).
fn person_label(id: &str, inputs: &Inputs) -> String {
    inputs
        .animateurs
        .iter()
        .find(|a| code_key(&a.id) == code_key(id))
        .map(|a| {
            let name = format!("{} {}", a.nom, a.prenom);
            let name = name.trim();
            if name.is_empty() {
                id.to_string()
            } else {
                format!("{id} ({name})")
            }
        })
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Creneau;

    fn day(id: &str, code: &str, date: u32, role: Role) -> Affectation {
        Affectation {
            animateur: id.to_string(),
            accueil: code.to_string(),
            date: NaiveDate::from_ymd_opt(2026, 7, date).expect("date"),
            creneau: Creneau::standard("journee").expect("journee"),
            role,
            source: None,
        }
    }

    #[test]
    fn the_sheet_option_in_both_languages() {
        assert_eq!(ScheduleSheet::parse("Grille"), Some(ScheduleSheet::Grille));
        assert_eq!(
            ScheduleSheet::parse("affectations"),
            Some(ScheduleSheet::Affectations)
        );
        assert_eq!(ScheduleSheet::parse("grid"), Some(ScheduleSheet::Grille));
        assert_eq!(ScheduleSheet::parse("tableau"), None);
    }

    #[test]
    fn days_are_compared_by_codes_and_direction() {
        let inputs = Inputs::default();
        let list = vec![
            day("A1", "ALSH", 6, Role::Animation),
            day("A1", "ALSH", 6, Role::Animation),
            day("D1", "ALSH", 6, Role::Direction),
            day("R1", "ALSH", 7, Role::Animation),
        ];
        // Same codes, case apart, and créneaux folded: no difference.
        let grid = vec![
            day("a1", "alsh", 6, Role::Animation),
            day("D1", "ALSH", 6, Role::Direction),
            day("R1", "ALSH", 7, Role::Animation),
        ];
        assert_eq!(differences(&grid, &list, &inputs, "p.xlsx"), None);
        let grid = vec![
            day("A1", "ALSH", 6, Role::Animation),
            day("D1", "ALSH", 6, Role::Animation),
            day("R1", "CLAE", 7, Role::Animation),
            day("R2", "ALSH", 8, Role::Animation),
        ];
        let found = differences(&grid, &list, &inputs, "p.xlsx").expect("differences");
        let rows: Vec<(&str, u32, &str, &str)> = found
            .differences
            .iter()
            .map(|d| {
                use chrono::Datelike;
                (
                    d.person.as_str(),
                    d.date.day(),
                    d.grid.as_str(),
                    d.affectations.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("D1", 6, "ALSH", "ALSH (D)"),
                ("R1", 7, "CLAE", "ALSH"),
                ("R2", 8, "ALSH", ""),
            ]
        );
        let message = found.to_string();
        assert!(
            message.contains("R2, le 08/07/2026 : grille « ALSH », Affectations « vide »"),
            "{message}"
        );
        assert!(message.contains("(3 différences)"), "{message}");
        assert!(
            message.ends_with("--feuille affectations (la liste)."),
            "{message}"
        );
    }
}
