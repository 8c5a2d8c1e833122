//! The values a column takes: the drop-down lists and typed validations of the template.
//!
//! Lists of the law's vocabulary come from `domain` (ACM types, contracts, créneaux); the
//! qualifications and the `Regles` parameters are listed by `rules` and resolved by the
//! template, which writes them in its `Aide` sheet.

use crate::domain::{AcmType, Contrat, Creneau, DayKind, Role};

/// What a column accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// Free text.
    Text,
    /// `oui` / `non`.
    OuiNon,
    AcmType,
    /// A canonical qualification (`rules::qualifications::CANONICAL`) or a common spelling.
    Qualification,
    Contrat,
    Creneau,
    /// `ecole`, `vacances`, `sans ecole` (the `Calendrier` sheet).
    DayType,
    /// `animation` or `direction` (the schedule's `Role`).
    Role,
    /// A code of the `Accueils` sheet.
    AccueilCode,
    /// An Id of the `Animateurs` sheet.
    AnimateurId,
    /// A parameter name of the `Regles` sheet (`rules::parameters::PARAMETER_NAMES`).
    Parameter,
    /// A date, written `jj/mm/aaaa`.
    Date,
    /// A time of day, written `hh:mm`.
    Time,
    /// A whole number ≥ 0.
    Count,
    /// An amount in euros.
    Euros,
}

/// The two answers of a yes/no column.
pub const OUI_NON: [&str; 2] = ["oui", "non"];

/// `Type` values of the `Calendrier` sheet and the kind of day each stands for.
pub const DAY_TYPES: [(&str, DayKind); 3] = [
    ("ecole", DayKind::School),
    ("vacances", DayKind::Holiday),
    ("sans ecole", DayKind::NoSchool),
];

impl Choices {
    /// The values of a short fixed list, in the order of the drop-down list; `None` for free
    /// text, typed values, references to other sheets and the lists `rules` holds.
    pub fn listed(self) -> Option<Vec<&'static str>> {
        let values = match self {
            Choices::OuiNon => OUI_NON.to_vec(),
            Choices::AcmType => AcmType::ALL.iter().map(|kind| kind.label()).collect(),
            Choices::Contrat => Contrat::ALL.iter().map(|c| c.label()).collect(),
            Choices::Creneau => Creneau::STANDARD
                .iter()
                .map(|(label, _, _)| *label)
                .collect(),
            Choices::DayType => DAY_TYPES.iter().map(|(label, _)| *label).collect(),
            Choices::Role => [Role::Animation, Role::Direction]
                .iter()
                .map(|role| role.label())
                .collect(),
            _ => return None,
        };
        Some(values)
    }
}

/// The `Calendrier` label of a kind of day.
pub fn day_type_label(kind: DayKind) -> &'static str {
    DAY_TYPES
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("ecole", |(label, _)| *label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_day_has_its_calendrier_label() {
        for (label, kind) in DAY_TYPES {
            assert_eq!(day_type_label(kind), label);
        }
    }
}
