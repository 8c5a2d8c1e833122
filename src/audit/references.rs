//! Rows of the schedule that point nowhere: an unknown person or ACM, or an ACM × date ×
//! créneau without a forecast row.

use super::index::{ScheduleIndex, Unresolved};
use super::rule::RuleKind;
use super::violation::Violation;
use super::wording::french_date;

/// One finding per row of the schedule that does not resolve, naming everything that is wrong
/// with it and the row it comes from.
pub fn unknown_reference(index: &ScheduleIndex) -> Vec<Violation> {
    index
        .problems
        .iter()
        .map(|(affectation, problems)| {
            let details: Vec<String> = problems
                .iter()
                .map(|problem| match problem {
                    Unresolved::Person => format!(
                        "animateur « {} » absent de la feuille Animateurs",
                        affectation.animateur
                    ),
                    Unresolved::Accueil => format!(
                        "accueil « {} » absent de la feuille Accueils",
                        affectation.accueil
                    ),
                    Unresolved::Date => format!(
                        "aucune prévision pour {} le {}",
                        affectation.accueil,
                        french_date(affectation.date)
                    ),
                    Unresolved::Creneau(known) => format!(
                        "aucune prévision pour {} le {} au créneau « {} » (créneaux prévus : {})",
                        affectation.accueil,
                        french_date(affectation.date),
                        affectation.creneau.label,
                        known.join(", ")
                    ),
                })
                .collect();
            Violation::new(RuleKind::ReferenceInconnue, details.join(" ; "))
                .accueil(&affectation.accueil)
                .date(affectation.date)
                .creneau(&affectation.creneau)
                .animateur(&affectation.animateur)
                .source_row(affectation.source.as_ref().map(|s| s.row))
        })
        .collect()
}
