//! Why a person available on some day of the period works none: the same tests the optimizer
//! applies before offering someone a slot (`optimize::instance`), redone on the inputs, the
//! first that rules the person out named; when none does, the plan did not need them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::domain::{Animateur, AvailabilityFlags, Contrat, Creneau};
use crate::problem::Problem;
use crate::report::wording::compact_dates;
use crate::rules::{self, calendar, labour};

/// Why an available person works no day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnusedReason {
    /// CEE days of the last 12 months used up (L432-4).
    CeeDaysUsed { prior: u32 },
    /// `Max jours` is 0.
    NoDaysAllowed,
    /// Available only on days no accueil is open with children.
    NoOpenAccueil,
    /// Accueils open on their days, but none where they may work (sector, `Accueils possibles`).
    OutsideSector { sectors: Vec<String> },
    /// Available only on public holidays, which a minor may not work (L3164-6).
    PublicHolidaysOnly,
    /// Their part of the day holds none of the créneaux of the accueils they may work at.
    PartOfDay { part: &'static str },
    /// Every créneau they could take is longer than their daily limit (a minor: 8 hours).
    TooLong { hours: u32 },
    /// They could have worked on a day that stayed short: the other rules (rest, quotas, days
    /// budgets) or the cost kept them out.
    NotChosen { dates: Vec<NaiveDate> },
    /// They could have worked, the team chosen covers those days at a lower cost.
    NotNeeded,
}

impl UnusedReason {
    /// The reason in French, for the `Non retenus` sheet.
    pub fn words(&self) -> String {
        match self {
            UnusedReason::CeeDaysUsed { prior } => format!(
                "jours CEE épuisés (80 par an, CASF L432-4) : {prior} jours déjà travaillés sur \
                 les 12 derniers mois"
            ),
            UnusedReason::NoDaysAllowed => {
                "maximum de jours à 0 (colonne Max jours de la feuille Animateurs)".to_string()
            }
            UnusedReason::NoOpenAccueil => {
                "disponible seulement des jours où aucun accueil n'est ouvert avec des enfants"
                    .to_string()
            }
            UnusedReason::OutsideSector { sectors } => format!(
                "aucun besoin dans son secteur ces jours-là (accueils ouverts : {}) ; élargir la \
                 colonne Accueils possibles pour l'y affecter",
                sectors.join(", ")
            ),
            UnusedReason::PublicHolidaysOnly => {
                "disponible seulement des jours fériés, interdits aux moins de 18 ans (Code du \
                 travail L3164-6)"
                    .to_string()
            }
            UnusedReason::PartOfDay { part } => format!(
                "disponible seulement {part} : aucun créneau de son secteur ne tient dans sa \
                 demi-journée (une journée demande la même personne du matin au soir)"
            ),
            UnusedReason::TooLong { hours } => format!(
                "tous les créneaux possibles dépassent sa durée maximale de travail ({hours} h \
                 par jour)"
            ),
            UnusedReason::NotChosen { dates } => format!(
                "pouvait travailler un jour en manque ({}) mais le calcul ne l'a pas retenu : \
                 repos, quotas de qualification, budgets de jours ou coût",
                compact_dates(dates)
            ),
            UnusedReason::NotNeeded => {
                "non nécessaire : l'équipe retenue suffit à moindre coût".to_string()
            }
        }
    }
}

/// Why `person`, available on `available` (dates of the period with some availability), works
/// no day. `short_days` are the (accueil code, date) where the plan stayed short.
pub fn unused_reason(
    problem: &Problem,
    person: &Animateur,
    available: &BTreeMap<NaiveDate, AvailabilityFlags>,
    short_days: &BTreeSet<(&str, NaiveDate)>,
) -> UnusedReason {
    if person.contrat == Contrat::Cee && person.jours_cee_anterieurs >= labour::CEE_MAX_DAYS_PER_365
    {
        return UnusedReason::CeeDaysUsed {
            prior: person.jours_cee_anterieurs,
        };
    }
    if person.max_jours == Some(0) {
        return UnusedReason::NoDaysAllowed;
    }
    // The créneaux with staff required, per (accueil, date), on the person's days.
    let mut open: BTreeMap<(&str, NaiveDate), Vec<&Creneau>> = BTreeMap::new();
    for need in &problem.needs {
        let date = need.forecast.date;
        if need.requirement.required > 0 && available.contains_key(&date) {
            open.entry((need.forecast.accueil.as_str(), date))
                .or_default()
                .push(&need.forecast.creneau);
        }
    }
    if open.is_empty() {
        return UnusedReason::NoOpenAccueil;
    }
    let allowed: Vec<(&(&str, NaiveDate), &Vec<&Creneau>)> = open
        .iter()
        .filter(|((code, _), _)| {
            problem
                .accueil(code)
                .is_some_and(|accueil| rules::may_work_at(person, accueil))
        })
        .collect();
    if allowed.is_empty() {
        let mut sectors: Vec<String> = open
            .keys()
            .filter_map(|(code, _)| {
                let accueil = problem.accueil(code)?;
                Some(
                    accueil
                        .secteur
                        .clone()
                        .unwrap_or_else(|| accueil.code.clone()),
                )
            })
            .collect();
        sectors.sort();
        sectors.dedup();
        return UnusedReason::OutsideSector { sectors };
    }
    let workable: Vec<_> = allowed
        .iter()
        .filter(|((_, date), _)| {
            let limits = labour::labour_limits(person, *date);
            !(limits.no_public_holidays && calendar::is_public_holiday(*date))
        })
        .collect();
    if workable.is_empty() {
        return UnusedReason::PublicHolidaysOnly;
    }
    let covered: Vec<_> = workable
        .iter()
        .filter(|((_, date), creneaux)| {
            let flags = available.get(date).copied().unwrap_or_default();
            creneaux.iter().any(|c| flags.covers(c))
        })
        .collect();
    if covered.is_empty() {
        let parts: BTreeSet<&'static str> = workable
            .iter()
            .map(|((_, date), _)| part_of_day(available.get(date).copied().unwrap_or_default()))
            .collect();
        let part = if parts.len() == 1 {
            parts
                .into_iter()
                .next()
                .unwrap_or("sur une partie de la journée")
        } else {
            "sur une partie de la journée"
        };
        return UnusedReason::PartOfDay { part };
    }
    let fitting: Vec<_> = covered
        .iter()
        .filter(|((_, date), creneaux)| {
            let flags = available.get(date).copied().unwrap_or_default();
            let limit = labour::labour_limits(person, *date).max_minutes_per_day;
            creneaux
                .iter()
                .any(|c| flags.covers(c) && limit.is_none_or(|m| c.duration_minutes() <= m))
        })
        .collect();
    if fitting.is_empty() {
        let hours = covered
            .iter()
            .filter_map(|((_, date), _)| labour::labour_limits(person, *date).max_minutes_per_day)
            .min()
            .unwrap_or(0)
            / 60;
        return UnusedReason::TooLong { hours };
    }
    let mut dates: Vec<NaiveDate> = fitting
        .iter()
        .filter(|((code, date), _)| short_days.contains(&(*code, *date)))
        .map(|((_, date), _)| *date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    if dates.is_empty() {
        UnusedReason::NotNeeded
    } else {
        UnusedReason::NotChosen { dates }
    }
}

/// `le matin`, `l'après-midi`, `le soir`, or a mix.
fn part_of_day(flags: AvailabilityFlags) -> &'static str {
    match (flags.matin, flags.apres_midi, flags.soir) {
        (true, false, false) => "le matin",
        (false, true, false) => "l'après-midi",
        (false, false, true) => "le soir",
        (false, true, true) => "l'après-midi et le soir",
        (true, false, true) => "le matin et le soir",
        _ => "sur une partie de la journée",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_day_are_named() {
        let morning = AvailabilityFlags {
            matin: true,
            apres_midi: false,
            soir: false,
        };
        assert_eq!(part_of_day(morning), "le matin");
        let afternoon = AvailabilityFlags {
            matin: false,
            apres_midi: true,
            soir: false,
        };
        assert_eq!(part_of_day(afternoon), "l'après-midi");
        assert!(
            UnusedReason::PartOfDay { part: "le matin" }
                .words()
                .starts_with("disponible seulement le matin : aucun créneau de son secteur")
        );
        assert_eq!(
            UnusedReason::CeeDaysUsed { prior: 80 }.words(),
            "jours CEE épuisés (80 par an, CASF L432-4) : 80 jours déjà travaillés sur les 12 \
             derniers mois"
        );
    }
}
