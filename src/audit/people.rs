//! One person, against their own data: declared availability, mobility sectors, one place a
//! day, no créneau twice, personal cap on days. None of these is a law; the optimiser respects
//! them, so a schedule that breaks them is not the plan it claims to be.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::rules;

use super::index::{Row, ScheduleIndex};
use super::rule::{RuleKind, Unit};
use super::violation::Violation;
use super::wording::{french_date, plural};

/// Assigned on a créneau the person did not declare (design.md §3 `Disponibilites`: `J` covers
/// the day, `M` créneaux ending by 13:45, `AM` those starting from 11:45, `S` from 16:00).
pub fn availability(index: &ScheduleIndex) -> Vec<Violation> {
    let availability = &index.problem.availability;
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let mut seen = BTreeSet::new();
        for row in rows {
            if !seen.insert((row.date, row.creneau, row.accueil_code)) {
                continue;
            }
            if availability.is_available(&person.id, row.date, row.creneau) {
                continue;
            }
            let flags = availability.flags(&person.id, row.date);
            let declared = if flags.is_empty() {
                "aucune disponibilité déclarée ce jour".to_string()
            } else {
                format!("disponibilité déclarée ce jour : {}", flags.code())
            };
            let message = format!(
                "{declared} ; le créneau {} ({}–{}) n'est pas couvert",
                row.creneau.label, row.creneau.start, row.creneau.end
            );
            violations.push(
                Violation::new(RuleKind::Indisponible, message)
                    .accueil(row.accueil_code)
                    .date(row.date)
                    .creneau(row.creneau)
                    .animateur(&person.id)
                    .source_row(row.source_row),
            );
        }
    }
    violations
}

/// Assigned to an ACM outside the person's sector and `Accueils possibles` (design.md §3):
/// one finding per person and ACM, on the first date, with the number of days there.
pub fn mobility(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let mut days_by_accueil: BTreeMap<&str, (BTreeSet<NaiveDate>, &Row)> = BTreeMap::new();
        for &row in &rows {
            let Some(accueil) = row.accueil else { continue };
            if rules::may_work_at(person, accueil) {
                continue;
            }
            days_by_accueil
                .entry(accueil.code.as_str())
                .or_insert_with(|| (BTreeSet::new(), row))
                .0
                .insert(row.date);
        }
        for (code, (days, first)) in days_by_accueil {
            let accueil_sector = first
                .accueil
                .and_then(|a| a.secteur.as_deref())
                .unwrap_or("aucun");
            let own = person.secteur.as_deref().unwrap_or("aucun");
            let listed = if person.accueils_possibles.is_empty() {
                String::new()
            } else {
                format!(
                    ", accueils possibles : {}",
                    person.accueils_possibles.join(", ")
                )
            };
            let message = format!(
                "{} à {code} (secteur {accueil_sector}) hors de son secteur ({own}{listed})",
                plural(
                    u32::try_from(days.len()).unwrap_or(u32::MAX),
                    "jour",
                    "jours"
                )
            );
            violations.push(
                Violation::new(RuleKind::HorsSecteur, message)
                    .accueil(code)
                    .date(first.date)
                    .animateur(&person.id)
                    .source_row(first.source_row),
            );
        }
    }
    violations
}

/// At most one ACM per person per date (the optimiser's rule: no travel between sites).
pub fn one_place_per_day(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        for (date, day) in by_date(&rows) {
            let mut places: Vec<(&str, Vec<&str>)> = Vec::new();
            for row in &day {
                match places
                    .iter_mut()
                    .find(|(code, _)| *code == row.accueil_code)
                {
                    Some((_, creneaux)) => creneaux.push(row.creneau.label.as_str()),
                    None => places.push((row.accueil_code, vec![row.creneau.label.as_str()])),
                }
            }
            if places.len() < 2 {
                continue;
            }
            let listed: Vec<String> = places
                .iter()
                .map(|(code, creneaux)| format!("{code} ({})", creneaux.join(", ")))
                .collect();
            let found = i64::try_from(places.len()).unwrap_or(i64::MAX);
            violations.push(
                Violation::new(
                    RuleKind::DeuxAccueilsMemeJour,
                    format!("{} le même jour", listed.join(" et ")),
                )
                .date(date)
                .animateur(&person.id)
                .numbers(1, found, Unit::Accueils)
                .source_row(day.last().and_then(|r| r.source_row)),
            );
        }
    }
    violations
}

/// No créneau twice: the same slot listed twice in the same role, or two overlapping créneaux
/// at different ACM (the same ACM's standard créneaux overlap by design: `matin` and `midi`).
pub fn overlapping_creneaux(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        for (date, day) in by_date(&rows) {
            for (position, later) in day.iter().enumerate() {
                for earlier in &day[..position] {
                    let same_slot = earlier.accueil_code == later.accueil_code
                        && earlier.creneau.label == later.creneau.label;
                    let message = if same_slot && earlier.role == later.role {
                        format!(
                            "{} {} saisi deux fois",
                            later.accueil_code, later.creneau.label
                        )
                    } else if !same_slot
                        && earlier.accueil_code != later.accueil_code
                        && earlier.creneau.overlaps(later.creneau)
                    {
                        format!(
                            "{} {} ({}–{}) chevauche {} {} ({}–{})",
                            later.accueil_code,
                            later.creneau.label,
                            later.creneau.start,
                            later.creneau.end,
                            earlier.accueil_code,
                            earlier.creneau.label,
                            earlier.creneau.start,
                            earlier.creneau.end
                        )
                    } else {
                        continue;
                    };
                    violations.push(
                        Violation::new(RuleKind::CreneauEnDouble, message)
                            .accueil(later.accueil_code)
                            .date(date)
                            .creneau(later.creneau)
                            .animateur(&person.id)
                            .source_row(later.source_row),
                    );
                }
            }
        }
    }
    violations
}

/// The person's own `Max jours` over the period (not a law: a limit the person set).
pub fn personal_day_cap(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let Some(cap) = person.max_jours else {
            continue;
        };
        let days: Vec<NaiveDate> = by_date(&rows).into_keys().collect();
        let worked = u32::try_from(days.len()).unwrap_or(u32::MAX);
        if worked <= cap {
            continue;
        }
        let first_over = days[usize::try_from(cap).unwrap_or(0).min(days.len() - 1)];
        let message = format!(
            "{} pour {cap} au plus (colonne Max jours de la feuille Animateurs), dépassée le {}",
            plural(worked, "jour travaillé", "jours travaillés"),
            french_date(first_over)
        );
        violations.push(
            Violation::new(RuleKind::LimitePersonnelle, message)
                .date(first_over)
                .animateur(&person.id)
                .numbers(cap, worked, Unit::Jours),
        );
    }
    violations
}

/// A person's rows grouped by date, in order.
pub(super) fn by_date<'r, 'a>(rows: &[&'r Row<'a>]) -> BTreeMap<NaiveDate, Vec<&'r Row<'a>>> {
    let mut days: BTreeMap<NaiveDate, Vec<&'r Row<'a>>> = BTreeMap::new();
    for row in rows {
        days.entry(row.date).or_default().push(row);
    }
    days
}
