//! Why a person available on some day of the period works none: the same tests the optimizer
//! applies before offering someone a slot (`optimize::instance`), redone on the inputs, the
//! first that rules the person out named; when none does, the plan did not need them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::domain::{Animateur, AvailabilityFlags, Contrat, Creneau};
use crate::problem::Problem;
use crate::report::wording::compact_dates;
use crate::rules::eligibility::{Eligibility, Exclusion};
use crate::rules::labour;

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
/// no day: the exclusions of the one eligibility rule the model is built from
/// (`rules::eligibility`), the most telling first. `short_days` are the (accueil code, date)
/// where the plan stayed short.
pub fn unused_reason(
    problem: &Problem,
    person: &Animateur,
    available: &BTreeMap<NaiveDate, AvailabilityFlags>,
    short_days: &BTreeSet<(&str, NaiveDate)>,
) -> UnusedReason {
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
    // What eligibility says of each open créneau on the person's days.
    let mut exclusions: Vec<(&str, NaiveDate, Result<(), Exclusion>)> = Vec::new();
    for ((code, date), creneaux) in &open {
        let Some(accueil) = problem.accueil(code) else {
            continue;
        };
        let eligibility = Eligibility::new(person, accueil, problem.professional_director(accueil));
        let flags = available.get(date).copied().unwrap_or_default();
        for creneau in creneaux {
            exclusions.push((
                code,
                *date,
                eligibility.work(*date, flags, &[creneau], false),
            ));
        }
    }
    if let Some((_, _, Err(first))) = exclusions.first()
        && matches!(
            first,
            Exclusion::CeeDaysUsed { .. } | Exclusion::NoDaysAllowed
        )
    {
        // The person's own limits: the same on every créneau.
        return match first {
            Exclusion::CeeDaysUsed { prior } => UnusedReason::CeeDaysUsed { prior: *prior },
            _ => UnusedReason::NoDaysAllowed,
        };
    }
    if exclusions.is_empty() {
        return match (person.contrat, person.max_jours) {
            (Contrat::Cee, _) if person.jours_cee_anterieurs >= labour::CEE_MAX_DAYS_PER_365 => {
                UnusedReason::CeeDaysUsed {
                    prior: person.jours_cee_anterieurs,
                }
            }
            (_, Some(0)) => UnusedReason::NoDaysAllowed,
            _ => UnusedReason::NoOpenAccueil,
        };
    }
    let mut possible: Vec<NaiveDate> = exclusions
        .iter()
        .filter(|(_, _, e)| e.is_ok())
        .map(|(_, date, _)| *date)
        .collect();
    if !possible.is_empty() {
        let short: Vec<NaiveDate> = exclusions
            .iter()
            .filter(|(code, date, e)| e.is_ok() && short_days.contains(&(*code, *date)))
            .map(|(_, date, _)| *date)
            .collect();
        possible = short;
        possible.sort_unstable();
        possible.dedup();
        return if possible.is_empty() {
            UnusedReason::NotNeeded
        } else {
            UnusedReason::NotChosen { dates: possible }
        };
    }
    // No créneau possible: the closest miss names the reason (a créneau too long beats being
    // available for another part of the day, which beats a public holiday, then the sector).
    let worst = |e: &Exclusion| match e {
        Exclusion::TooLong { .. } => 0,
        Exclusion::Unavailable => 1,
        Exclusion::MinorOnPublicHoliday => 2,
        _ => 3,
    };
    let closest = exclusions
        .iter()
        .filter_map(|(_, date, e)| e.err().map(|e| (worst(&e), e, *date)))
        .min_by_key(|(rank, _, _)| *rank);
    match closest {
        Some((_, Exclusion::TooLong { limit, .. }, _)) => {
            UnusedReason::TooLong { hours: limit / 60 }
        }
        Some((_, Exclusion::Unavailable, _)) => {
            let parts: BTreeSet<&'static str> = exclusions
                .iter()
                .filter(|(_, _, e)| *e == Err(Exclusion::Unavailable))
                .map(|(_, date, _)| part_of_day(available.get(date).copied().unwrap_or_default()))
                .collect();
            let part = if parts.len() == 1 {
                parts
                    .into_iter()
                    .next()
                    .unwrap_or("sur une partie de la journée")
            } else {
                "sur une partie de la journée"
            };
            UnusedReason::PartOfDay { part }
        }
        Some((_, Exclusion::MinorOnPublicHoliday, _)) => UnusedReason::PublicHolidaysOnly,
        _ => {
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
            UnusedReason::OutsideSector { sectors }
        }
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
