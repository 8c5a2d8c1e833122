//! The names `besoins.xlsx` gives its sheets, the headers tests and other tools look up, and
//! the labels of its total rows.

use crate::rules::MixedAgePolicy;

/// Sheet names of `besoins.xlsx`.
pub const SHEET_SYNTHESE: &str = "Synthese";
pub const SHEET_ACCUEILS: &str = "Accueils";
pub const SHEET_SEMAINES: &str = "Semaines";
pub const SHEET_PAR_JOUR: &str = "Par jour";
pub const SHEET_REGLES: &str = "Regles";

/// Headers of the `Accueils` sheet that tests and other tools look up by name.
pub const COL_REQUIRED: &str = "Animateurs requis";
pub const COL_MIN_QUALIFIED: &str = "Qualifiés minimum";
pub const COL_MAX_UNQUALIFIED: &str = "Sans qualification maximum";
pub const COL_DIRECTOR_COUNTED: &str = "Directeur compté dans l'effectif";
/// N in plain words: `5 animateurs requis, dont le directeur`.
pub const COL_TEAM: &str = "Équipe requise";

/// The header of the column showing N under another policy, e.g. `Requis (strict)`.
pub fn other_policy_header(policy: MixedAgePolicy) -> &'static str {
    match policy {
        MixedAgePolicy::ParTranche => "Requis (par-tranche)",
        MixedAgePolicy::Global => "Requis (global)",
        MixedAgePolicy::Strict => "Requis (strict)",
    }
}

/// Headers of the `Semaines` and `Par jour` sheets that tests look up by name.
pub const COL_WEEK: &str = "Semaine";
pub const COL_ANIMATEUR_DAYS: &str = "Journées-animateur";
pub const COL_DAY_REQUIRED: &str = "Animateurs requis";
/// Label of the territory rows of `Semaines`.
pub const TERRITORY_LABEL: &str = "Total territoire";
/// Label of the last row of `Semaines` and `Par jour`.
pub const PERIOD_LABEL: &str = "Total période";

/// `Journées (strict)`: journées-animateur under another mixed-age policy.
pub fn other_policy_days_header(policy: MixedAgePolicy) -> &'static str {
    match policy {
        MixedAgePolicy::ParTranche => "Journées (par-tranche)",
        MixedAgePolicy::Global => "Journées (global)",
        MixedAgePolicy::Strict => "Journées (strict)",
    }
}
