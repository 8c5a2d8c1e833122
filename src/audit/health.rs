//! One séjour or mini-camp × open day: someone of the day's team holds the PSC1 (suivi
//! sanitaire, arrêté of 20 February 2003).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::rules::health;

use super::index::ScheduleIndex;
use super::rule::{RuleKind, Unit};
use super::violation::Violation;

/// Every open day of a séjour or mini-camp needs a PSC1 holder among the people working there
/// that day, whatever their role.
pub fn psc1_holder(index: &ScheduleIndex) -> Vec<Violation> {
    let mut days: BTreeMap<(&str, NaiveDate), BTreeSet<&str>> = BTreeMap::new();
    for slot in index.open_slots() {
        if !health::needs_psc1(slot.accueil.kind) {
            continue;
        }
        let team = days
            .entry((slot.accueil.code.as_str(), slot.prevision.date))
            .or_default();
        for row in index.rows_on_slot(slot.index) {
            if health::holds_psc1(row.person) {
                team.insert(row.person.id.as_str());
            }
        }
    }
    days.into_iter()
        .filter(|(_, holders)| holders.is_empty())
        .map(|((code, date), _)| {
            Violation::new(
                RuleKind::SansPsc1,
                "aucun titulaire du PSC1 dans l'équipe du jour (suivi sanitaire)",
            )
            .accueil(code)
            .date(date)
            .numbers(1, 0, Unit::Personnes)
            .article(health::PSC1_ARTICLE)
        })
        .collect()
}
