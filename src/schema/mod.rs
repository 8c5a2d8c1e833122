//! The input workbook, described once: every sheet with its French name and the other names
//! accepted, and every column with its aliases, whether it is required, its help text, an
//! example, the values it takes and its width (design.md §3).
//!
//! The readers (`input`) find sheets and columns by these names and name them in their messages;
//! `acm-planner template` (`report::template`) writes these headers, drop-down lists and the
//! `Aide` sheet; the fixture generator (`testdata`) writes its cells under these columns. Adding
//! a column starts here. This module depends on `domain` only.
//!
//! One file per sheet, each with its `SHEET` and one constant per column; the types are in
//! [`column`](mod@column), [`sheet`], [`choices`] and [`dates`].

pub mod accueils;
pub mod affectations;
pub mod animateurs;
pub mod calendrier;
pub mod choices;
pub mod column;
pub mod dates;
pub mod disponibilites;
pub mod previsions;
pub mod recrutement;
pub mod regles;
pub mod sheet;

pub use choices::Choices;
pub use column::{ColumnSpec, Presence};
pub use dates::DatesSpec;
pub use sheet::SheetSpec;

pub use accueils::SHEET as ACCUEILS;
pub use affectations::SHEET as AFFECTATIONS;
pub use animateurs::SHEET as ANIMATEURS;
pub use calendrier::SHEET as CALENDRIER;
pub use disponibilites::SHEET as DISPONIBILITES;
pub use previsions::SHEET as PREVISIONS;
pub use recrutement::SHEET as RECRUTEMENT;
pub use regles::SHEET as REGLES;

/// The sheets of an input workbook, in the template's order (the schedule `Affectations` is
/// `plan`'s output, read back by `check`).
pub const INPUT_SHEETS: [&SheetSpec; 7] = [
    &ACCUEILS,
    &PREVISIONS,
    &ANIMATEURS,
    &DISPONIBILITES,
    &REGLES,
    &RECRUTEMENT,
    &CALENDRIER,
];

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::domain::normalize_key;

    fn every_sheet() -> impl Iterator<Item = &'static SheetSpec> {
        INPUT_SHEETS.into_iter().chain([&AFFECTATIONS])
    }

    #[test]
    fn no_two_sheets_share_a_name() {
        let mut seen = HashSet::new();
        for sheet in every_sheet() {
            for name in sheet.names() {
                assert!(seen.insert(normalize_key(name)), "{name}");
            }
        }
    }

    /// Within the template's columns, and within the other columns the readers accept (the
    /// `Disponibilites` grid's `Id` is the long table's `Animateur`).
    #[test]
    fn no_two_columns_of_a_sheet_share_a_name() {
        for sheet in every_sheet() {
            for columns in [sheet.columns, sheet.other_columns] {
                let mut owners = HashMap::new();
                for column in columns {
                    // Known clash, kept as it reads today: punctuation is ignored, so `- 6 ans`
                    // and `+ 6 ans` are both `6ans`, taken as `Moins de 6 ans`.
                    let names = column.names().filter(|name| !name.starts_with(['-', '+']));
                    for name in names {
                        let owner = owners.entry(normalize_key(name)).or_insert(column.name);
                        assert_eq!(*owner, column.name, "{} : {name}", sheet.name);
                    }
                }
            }
        }
    }

    #[test]
    fn the_template_offers_each_column_once_with_help() {
        for sheet in INPUT_SHEETS {
            for column in sheet.columns {
                assert!(!column.help.is_empty(), "{}", column.name);
                assert!(!column.example.is_empty(), "{}", column.name);
                assert!(column.width > 0.0, "{}", column.name);
            }
        }
    }

    #[test]
    fn headers_follow_the_design() {
        assert_eq!(
            ACCUEILS.headers(),
            [
                "Code",
                "Nom",
                "Commune",
                "Type",
                "PEDT",
                "Capacite",
                "Jours d'ouverture par an",
                "Secteur",
                "Tous 14 ans et plus",
                "Derogation direction",
                "Rattache a"
            ]
        );
        assert_eq!(RECRUTEMENT.headers().len(), 5);
        assert_eq!(DISPONIBILITES.headers(), ["Id"]);
    }
}
