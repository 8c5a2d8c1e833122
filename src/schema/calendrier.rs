//! `Calendrier` (optional): overrides of the built-in zone-B calendar, one date or one range
//! (`Du`, `Au`, every day) per row.

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::dates::{DatesSpec, EVERY_DAY};
use super::previsions;
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Calendrier",
    aliases: &["Calendar"],
    purpose: "Facultative : corrige ou complète le calendrier scolaire intégré (zone B, \
              septembre 2024 à août 2026), un jour par ligne.",
    columns: &[DATE, TYPE],
    other_columns: &[previsions::DU, previsions::AU, previsions::JOURS],
};

/// A row's days: its `Date`, or every day from `Du` to `Au` that is in `Jours` (every day of
/// the week without `Jours`).
pub const DATES: DatesSpec = DatesSpec {
    date: DATE,
    default_days: EVERY_DAY,
    ..previsions::DATES
};

/// The template asks for one day per row; a `Du`/`Au` range may stand in for it.
pub const DATE: ColumnSpec = ColumnSpec {
    presence: Presence::Required,
    help: "Le jour concerné (jj/mm/aaaa).",
    example: "01/09/2026",
    ..previsions::DATE
};

pub const TYPE: ColumnSpec = ColumnSpec {
    name: "Type",
    aliases: &["Kind", "Type de jour", "Periode"],
    presence: Presence::Required,
    choices: Choices::DayType,
    width: 14.0,
    help: "ecole (périscolaire, comme chaque mercredi), vacances (extrascolaire) ou sans ecole \
           (jour de semaine sans classe hors vacances, comme un pont).",
    example: "ecole",
};
