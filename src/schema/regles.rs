//! `Regles` (optional): one row per parameter that changes a default; the names and their
//! values are `rules::parameters`' business.

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Regles",
    aliases: &["Rules", "Parametres", "Parameters"],
    purpose: "Facultative : un paramètre par ligne pour changer une valeur par défaut. Aussi : \
              « Jours feries dans les periodes » = exclus (par défaut) ou inclus.",
    columns: &[PARAMETRE, VALEUR],
    other_columns: &[],
};

pub const PARAMETRE: ColumnSpec = ColumnSpec {
    name: "Parametre",
    aliases: &["Parameter", "Nom", "Name", "Regle", "Rule"],
    presence: Presence::Required,
    choices: Choices::Parameter,
    width: 44.0,
    help: "Nom du paramètre, tel que listé plus bas.",
    example: "Methode ages mixtes",
};

pub const VALEUR: ColumnSpec = ColumnSpec {
    name: "Valeur",
    aliases: &["Value"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 20.0,
    help: "Nouvelle valeur.",
    example: "global",
};

/// A `Regles` row read by the input readers themselves: whether the public holidays inside a
/// `Du`/`Au` range of `Previsions` are kept (`inclus`) or left out (`exclus`, the default).
pub const HOLIDAYS_IN_RANGES: &str = "Jours feries dans les periodes";

/// The values of [`HOLIDAYS_IN_RANGES`], the default first.
pub const HOLIDAYS_IN_RANGES_VALUES: [&str; 2] = ["exclus", "inclus"];
