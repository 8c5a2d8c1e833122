//! One ACM × open day: a director (and the adjoints of a large séjour) is there, with the
//! diploma this ACM requires (CASF R227-14, R227-18).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{DirectorLevel, Role};
use crate::problem::ForecastId;
use crate::rules::director::{self, DirectorPresence};

use super::index::ScheduleIndex;
use super::rule::{RuleKind, Unit};
use super::violation::Violation;
use super::wording::plural;

/// Every open day of an ACM (a date with children in at least one créneau) needs as many
/// distinct people in a direction role as the director plus adjoints required that day: on
/// every créneau with children (`Presence de la direction`: `toute la journee`, the default),
/// or on one at least (`un creneau`).
pub fn director_presence(index: &ScheduleIndex) -> Vec<Violation> {
    let directors = index.directors_by_day();
    let all_day = index.problem.parameters.director_presence == DirectorPresence::AllDay;
    let mut day_slots: BTreeMap<(&str, NaiveDate), Vec<ForecastId>> = BTreeMap::new();
    for slot in index.open_slots() {
        day_slots
            .entry((slot.accueil.code.as_str(), slot.prevision.date))
            .or_default()
            .push(slot.index);
    }
    let directs_slot = |id: &str, slot: ForecastId| {
        index
            .rows_on_slot(slot)
            .any(|row| row.role == Role::Direction && row.person.id == id)
    };
    let mut violations = Vec::new();
    for ((code, date), required) in index.open_days() {
        let people = directors.get(&(code, date));
        let slots = day_slots.get(&(code, date)).map_or(&[][..], Vec::as_slice);
        // People in direction on part of the day only, with the créneaux they miss.
        let mut partial: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut found = 0u32;
        for id in people.into_iter().flatten() {
            let missed: Vec<&str> = slots
                .iter()
                .filter(|s| !directs_slot(id, **s))
                .map(|s| index.problem.forecast(*s).creneau.label.as_str())
                .collect();
            if all_day && !missed.is_empty() {
                partial.push((id, missed));
            } else {
                found += 1;
            }
        }
        if found < required && !partial.is_empty() {
            let who: Vec<String> = partial
                .iter()
                .map(|(id, missed)| format!("{id} absent de : {}", missed.join(", ")))
                .collect();
            violations.push(
                Violation::new(
                    RuleKind::DirectionAbsente,
                    format!(
                        "direction sur une partie de la journée seulement ({}) ; « Presence de \
                         la direction » vaut « toute la journee » : le directeur du jour \
                         travaille tous les créneaux avec enfants",
                        who.join(" ; ")
                    ),
                )
                .accueil(code)
                .date(date)
                .numbers(required, found, Unit::Personnes)
                .article("CASF R227-14 ; Regles « Presence de la direction »"),
            );
        } else if found < required {
            let (message, article) = if required > 1 {
                (
                    format!(
                        "{} pour {required} requis (un directeur et {})",
                        plural(found, "personne en direction", "personnes en direction"),
                        plural(required - 1, "adjoint", "adjoints")
                    ),
                    "CASF R227-14, R227-18",
                )
            } else {
                (
                    "aucune personne en direction ce jour d'ouverture".to_string(),
                    "CASF R227-14",
                )
            };
            violations.push(
                Violation::new(RuleKind::DirectionAbsente, message)
                    .accueil(code)
                    .date(date)
                    .numbers(required, found, Unit::Personnes)
                    .article(article),
            );
        }
    }
    violations
}

/// A person in a direction role on an open day must be allowed to direct this ACM (R227-14 I);
/// an accueil de loisirs open more than 80 days for more than 80 minors needs a professional
/// diploma, the BAFD is not enough without a derogation (R227-14 III).
pub fn director_diploma(index: &ScheduleIndex) -> Vec<Violation> {
    let open_days = index.open_days();
    let mut violations = Vec::new();
    for ((code, date), people) in index.directors_by_day() {
        let (Some(accueil), true) = (
            index.problem.accueil(code),
            open_days.contains_key(&(code, date)),
        ) else {
            continue;
        };
        for id in people {
            let Some(person) = index.problem.animateur(id) else {
                continue;
            };
            let level = person.qualification.director;
            if director::may_direct(level, index.problem.professional_director(accueil)) {
                continue;
            }
            let (message, article) = if level == DirectorLevel::NonProfessional {
                (
                    format!(
                        "{} ne suffit pas : accueil ouvert plus de 80 jours pour plus de 80 \
                         mineurs ({} jours, capacité {}), diplôme professionnel requis \
                         (DEJEPS, BPJEPS LTP…) sauf dérogation",
                        person.qualification.label,
                        accueil.jours_ouverture.unwrap_or(0),
                        accueil.capacite
                    ),
                    "CASF R227-14 III",
                )
            } else {
                (
                    format!(
                        "« {} » ne permet pas de diriger (BAFD, stagiaire BAFD ou diplôme \
                         professionnel requis)",
                        person.qualification.label
                    ),
                    "CASF R227-14 I",
                )
            };
            violations.push(
                Violation::new(RuleKind::DirecteurNonHabilite, message)
                    .accueil(code)
                    .date(date)
                    .animateur(id)
                    .article(article),
            );
        }
    }
    violations
}
