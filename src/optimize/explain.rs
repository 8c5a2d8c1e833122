//! The binding reason of each shortage: why the people who could have covered a slot did not
//! (nobody available, working elsewhere, CEE cap, weekly rest, unqualified cap…).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use super::reasons::{DirectorDiploma, DirectorReason, Obstacle, ObstacleCount, ShortageReason};
use super::result::{DirectorDay, SlotOutcome};
use crate::domain::{Accueil, Affectation, Animateur, AnimationCategory, Contrat, Creneau};
use crate::problem::Problem;
use crate::rules::director::DirectorPresence;
use crate::rules::{self, calendar, director, labour};

/// Days worked per person in the plan, and where.
struct Worked<'a> {
    by_person: BTreeMap<&'a str, BTreeMap<NaiveDate, &'a str>>,
}

impl<'a> Worked<'a> {
    fn new(assignments: &'a [Affectation]) -> Self {
        let mut by_person: BTreeMap<&str, BTreeMap<NaiveDate, &str>> = BTreeMap::new();
        for a in assignments {
            by_person
                .entry(&a.animateur)
                .or_default()
                .insert(a.date, &a.accueil);
        }
        Worked { by_person }
    }

    fn place(&self, id: &str, date: NaiveDate) -> Option<&str> {
        self.by_person.get(id).and_then(|d| d.get(&date).copied())
    }

    fn days(&self, id: &str) -> u32 {
        self.by_person
            .get(id)
            .map_or(0, |d| u32::try_from(d.len()).unwrap_or(u32::MAX))
    }

    /// Whether working on `date` would break the one-day-off-in-7 rule.
    fn rest_blocks(&self, id: &str, date: NaiveDate) -> bool {
        let Some(days) = self.by_person.get(id) else {
            return false;
        };
        (0..7).any(|shift| {
            let first = date - Duration::days(6 - shift);
            let worked = (0..7)
                .map(|k| first + Duration::days(k))
                .filter(|d| *d != date && days.contains_key(d))
                .count();
            worked >= 6
        })
    }
}

fn blocked(
    worked: &Worked<'_>,
    animateur: &Animateur,
    accueil: &Accueil,
    date: NaiveDate,
    minutes: u32,
) -> Option<Obstacle> {
    let id = animateur.id.as_str();
    if let Some(place) = worked.place(id, date) {
        return (place != accueil.code).then_some(Obstacle::Elsewhere);
    }
    let days = worked.days(id);
    if animateur.contrat == Contrat::Cee
        && animateur.jours_cee_anterieurs + days >= labour::CEE_MAX_DAYS_PER_365
    {
        return Some(Obstacle::CeeCap {
            limit_days: labour::CEE_MAX_DAYS_PER_365,
        });
    }
    if worked.rest_blocks(id, date) {
        return Some(Obstacle::WeeklyRest);
    }
    if animateur.max_jours.is_some_and(|max| days >= max) {
        return Some(Obstacle::PersonalCap);
    }
    let limits = labour::labour_limits(animateur, date);
    if limits.max_minutes_per_day.is_some_and(|max| minutes > max) {
        return Some(Obstacle::Hours);
    }
    None
}

/// The obstacles met, in [`Obstacle`] order, with how many people each kept away.
fn obstacle_counts(counts: BTreeMap<Obstacle, usize>) -> Vec<ObstacleCount> {
    counts
        .into_iter()
        .map(|(obstacle, people)| ObstacleCount { obstacle, people })
        .collect()
}

/// Fills `reason` of every slot and director day with a shortage.
pub fn explain(
    problem: &Problem,
    assignments: &[Affectation],
    slots: &mut [SlotOutcome],
    director_days: &mut [DirectorDay],
) {
    let worked = Worked::new(assignments);
    let present: BTreeSet<(&str, &str, NaiveDate, &str)> = assignments
        .iter()
        .map(|a| {
            (
                a.animateur.as_str(),
                a.accueil.as_str(),
                a.date,
                a.creneau.label.as_str(),
            )
        })
        .collect();
    for outcome in slots.iter_mut() {
        if outcome.missing_animateurs == 0 && outcome.missing_qualified == 0 {
            continue;
        }
        let need = problem.need(outcome.forecast);
        let (prevision, requirement) = (&need.forecast, &need.requirement);
        let accueil = problem.accueil_of(need);
        let candidates: Vec<&Animateur> = problem
            .animateurs
            .iter()
            .filter(|a| rules::may_work_at(a, accueil))
            .filter(|a| can_work(problem, a, prevision.date, &prevision.creneau))
            .filter(|a| {
                !present.contains(&(
                    a.id.as_str(),
                    accueil.code.as_str(),
                    prevision.date,
                    prevision.creneau.label.as_str(),
                ))
            })
            .collect();
        let qualified_short = outcome.missing_qualified > 0
            && !candidates
                .iter()
                .any(|a| a.qualification.category == AnimationCategory::Qualified);
        let mut counts: BTreeMap<Obstacle, usize> = BTreeMap::new();
        for animateur in &candidates {
            let minutes = prevision.creneau.duration_minutes();
            let reason =
                blocked(&worked, animateur, accueil, prevision.date, minutes).or_else(|| {
                    (animateur.qualification.category == AnimationCategory::Unqualified
                        && outcome.unqualified
                            >= requirement.max_unqualified + requirement.extra_renforce)
                        .then_some(Obstacle::UnqualifiedCap)
                });
            if let Some(reason) = reason {
                *counts.entry(reason).or_default() += 1;
            }
        }
        let sector = accueil.secteur.clone();
        let available = candidates.len();
        outcome.reason = Some(if candidates.is_empty() {
            ShortageReason::NobodyAvailable { sector }
        } else if qualified_short && outcome.missing_animateurs == 0 {
            ShortageReason::NoQualifiedAvailable { sector }
        } else if counts.is_empty() {
            ShortageReason::TooFew { available, sector }
        } else {
            ShortageReason::Blocked {
                available,
                sector,
                blocked: obstacle_counts(counts),
                no_qualified: qualified_short,
            }
        });
    }
    for day in director_days.iter_mut().filter(|d| d.missing > 0) {
        let Some(accueil) = problem.accueil(&day.accueil) else {
            continue;
        };
        day.reason = Some(director_reason(problem, &worked, accueil, day.date));
    }
}

fn director_reason(
    problem: &Problem,
    worked: &Worked<'_>,
    accueil: &Accueil,
    date: NaiveDate,
) -> DirectorReason {
    let professional = problem.professional_director(accueil);
    let diploma = if professional {
        DirectorDiploma::Professional {
            days: director::PROFESSIONAL_DIRECTOR_DAYS,
            minors: director::PROFESSIONAL_DIRECTOR_MINORS,
        }
    } else {
        DirectorDiploma::Bafd
    };
    let sector = accueil.secteur.clone();
    let eligible: Vec<&Animateur> = problem
        .animateurs
        .iter()
        .filter(|a| rules::may_work_at(a, accueil))
        .filter(|a| director::may_direct(a.qualification.director, professional))
        .collect();
    if eligible.is_empty() {
        return DirectorReason::NoHolder { diploma, sector };
    }
    let creneaux: Vec<&Creneau> = problem
        .forecasts()
        .filter(|p| p.accueil == accueil.code && p.date == date)
        .map(|p| &p.creneau)
        .collect();
    let one_slot = problem.parameters.director_presence == DirectorPresence::OneSlot;
    let available: Vec<&&Animateur> = eligible
        .iter()
        .filter(|a| {
            let works = |c: &&Creneau| can_work(problem, a, date, c);
            if one_slot {
                creneaux.iter().any(works)
            } else {
                creneaux.iter().all(works)
            }
        })
        .collect();
    if available.is_empty() {
        return if one_slot {
            DirectorReason::NoneAvailable { diploma, sector }
        } else {
            DirectorReason::NoneAvailableAllDay { diploma, sector }
        };
    }
    // One créneau is enough under `un creneau`: the shortest.
    let minutes = if one_slot {
        creneaux
            .iter()
            .map(|c| c.duration_minutes())
            .min()
            .unwrap_or(0)
    } else {
        labour::minutes_worked(creneaux.iter().copied())
    };
    let mut counts: BTreeMap<Obstacle, usize> = BTreeMap::new();
    for animateur in available {
        if let Some(reason) = blocked(worked, animateur, accueil, date, minutes) {
            *counts.entry(reason).or_default() += 1;
        }
    }
    if counts.is_empty() {
        DirectorReason::AllBusy { sector }
    } else {
        DirectorReason::Blocked {
            sector,
            blocked: obstacle_counts(counts),
        }
    }
}

fn can_work(problem: &Problem, animateur: &Animateur, date: NaiveDate, creneau: &Creneau) -> bool {
    let minor_holiday = animateur.is_minor_on(date) && calendar::is_public_holiday(date);
    !minor_holiday
        && problem
            .availability
            .is_available(&animateur.id, date, creneau)
}
