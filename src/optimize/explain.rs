//! The binding reason of each shortage: why the people who could have covered a slot did not.
//!
//! Who could is asked of the one eligibility rule the model is built from
//! ([`rules::eligibility`]): outside the sector or unavailable, a person is not counted; kept
//! away by a rule of the day (too long for their daily limit, a minor on a public holiday), the
//! rule is named. The others are held against the plan: working elsewhere that day, the day's
//! or the week's hours with what they already work, the CEE cap, weekly rest, a minor's two
//! days off, `Max jours`, the unqualified cap. Someone eligible whom none of these keeps away is
//! *free*: a plan that leaves a slot short beside a free person did not use them, which is the
//! calculation's failure, never a reason, and is said so.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};

use super::reasons::{DirectorDiploma, DirectorReason, Obstacle, ObstacleCount, ShortageReason};
use super::result::{DirectorDay, SlotOutcome};
use crate::domain::{Accueil, Affectation, Animateur, AnimationCategory, Contrat, Creneau};
use crate::problem::Problem;
use crate::rules::director::DirectorPresence;
use crate::rules::eligibility::{Eligibility, Exclusion};
use crate::rules::{director, labour};

/// What each person works in the plan: per date, the accueil and the créneaux.
struct Worked<'a> {
    by_person: BTreeMap<&'a str, BTreeMap<NaiveDate, (&'a str, Vec<&'a Creneau>)>>,
}

impl<'a> Worked<'a> {
    fn new(assignments: &'a [Affectation]) -> Self {
        let mut by_person: BTreeMap<&str, BTreeMap<NaiveDate, (&str, Vec<&Creneau>)>> =
            BTreeMap::new();
        for a in assignments {
            let day = by_person
                .entry(&a.animateur)
                .or_default()
                .entry(a.date)
                .or_insert((&a.accueil, Vec::new()));
            day.1.push(&a.creneau);
        }
        Worked { by_person }
    }

    fn day(&self, id: &str, date: NaiveDate) -> Option<&(&'a str, Vec<&'a Creneau>)> {
        self.by_person.get(id).and_then(|d| d.get(&date))
    }

    fn days(&self, id: &str) -> u32 {
        self.by_person
            .get(id)
            .map_or(0, |d| u32::try_from(d.len()).unwrap_or(u32::MAX))
    }

    fn dates(&self, id: &str) -> impl Iterator<Item = NaiveDate> + '_ {
        self.by_person
            .get(id)
            .into_iter()
            .flat_map(|d| d.keys().copied())
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

    /// Minutes worked in the civil week of `date`, that date left out.
    fn week_minutes(&self, id: &str, date: NaiveDate) -> u32 {
        let Some(days) = self.by_person.get(id) else {
            return 0;
        };
        let week = date.iso_week();
        days.iter()
            .filter(|(d, _)| **d != date && d.iso_week() == week)
            .map(|(_, (_, creneaux))| labour::minutes_worked(creneaux.iter().copied()))
            .sum()
    }
}

/// What keeps a person eligible for `creneaux` at `accueil` on `date` from taking them in this
/// plan; `None` when nothing does (the person is free for it).
fn blocked(
    worked: &Worked<'_>,
    animateur: &Animateur,
    accueil: &Accueil,
    date: NaiveDate,
    creneaux: &[&Creneau],
) -> Option<Obstacle> {
    let id = animateur.id.as_str();
    let limits = labour::labour_limits(animateur, date);
    if let Some((place, already)) = worked.day(id, date) {
        if *place != accueil.code {
            return Some(Obstacle::Elsewhere);
        }
        // Here already: the day's hours with what they work.
        let mut day: Vec<&Creneau> = already.clone();
        day.extend(creneaux.iter().copied());
        return limits
            .max_minutes_per_day
            .is_some_and(|max| labour::minutes_worked(day) > max)
            .then_some(Obstacle::DayHours);
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
    let minutes = labour::minutes_worked(creneaux.iter().copied());
    if limits
        .max_minutes_per_week
        .is_some_and(|max| worked.week_minutes(id, date) + minutes > max)
    {
        return Some(Obstacle::WeekHours);
    }
    if limits.two_consecutive_days_off && !two_days_off_left(worked, id, date) {
        return Some(Obstacle::MinorRest);
    }
    None
}

/// Whether the civil week of `date` keeps two consecutive days off if the person also works on
/// `date` (Code du travail L3164-2).
fn two_days_off_left(worked: &Worked<'_>, id: &str, date: NaiveDate) -> bool {
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    let busy: BTreeSet<NaiveDate> = worked
        .dates(id)
        .chain([date])
        .filter(|d| d.iso_week() == date.iso_week())
        .collect();
    (0..6).any(|k| {
        let first = monday + Duration::days(k);
        !busy.contains(&first) && !busy.contains(&(first + Duration::days(1)))
    })
}

/// What eligibility says, as an obstacle a reason names: `None` for a person who does not
/// count at all there that day (outside the sector, unavailable, no days left).
enum Standing {
    Absent,
    Excluded(Obstacle),
    Eligible,
}

fn standing(exclusion: Result<(), Exclusion>) -> Standing {
    match exclusion {
        Ok(()) => Standing::Eligible,
        Err(Exclusion::TooLong { limit, .. }) => Standing::Excluded(Obstacle::Hours {
            limit_hours: limit / 60,
        }),
        Err(Exclusion::MinorOnPublicHoliday) => Standing::Excluded(Obstacle::PublicHoliday),
        Err(
            Exclusion::OutsideSector
            | Exclusion::Unavailable
            | Exclusion::CeeDaysUsed { .. }
            | Exclusion::NoDaysAllowed
            | Exclusion::MayNotDirect { .. },
        ) => Standing::Absent,
    }
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
        let professional = problem.professional_director(accueil);
        // Only qualified people can help a slot short of qualified staff alone.
        let helps = |a: &Animateur| {
            outcome.missing_animateurs > 0
                || a.qualification.category == AnimationCategory::Qualified
        };
        let mut available = 0;
        let mut free = 0;
        let mut qualified_available = false;
        let mut counts: BTreeMap<Obstacle, usize> = BTreeMap::new();
        for animateur in &problem.animateurs {
            if present.contains(&(
                animateur.id.as_str(),
                accueil.code.as_str(),
                prevision.date,
                prevision.creneau.label.as_str(),
            )) {
                continue;
            }
            let flags = problem.availability.flags(&animateur.id, prevision.date);
            let eligibility = Eligibility::new(animateur, accueil, professional);
            let work = [&prevision.creneau];
            let obstacle = match standing(eligibility.work(prevision.date, flags, &work, false)) {
                Standing::Absent => continue,
                Standing::Excluded(obstacle) => Some(obstacle),
                Standing::Eligible => blocked(&worked, animateur, accueil, prevision.date, &work)
                    .or_else(|| {
                        (animateur.qualification.category == AnimationCategory::Unqualified
                            && outcome.unqualified
                                >= requirement.max_unqualified + requirement.extra_renforce)
                            .then_some(Obstacle::UnqualifiedCap)
                    }),
            };
            available += 1;
            qualified_available |= animateur.qualification.category == AnimationCategory::Qualified;
            match obstacle {
                Some(obstacle) => *counts.entry(obstacle).or_default() += 1,
                None if helps(animateur) => free += 1,
                None => {}
            }
        }
        let qualified_short = outcome.missing_qualified > 0 && !qualified_available;
        let sector = accueil.secteur.clone();
        outcome.reason = Some(if available == 0 {
            ShortageReason::NobodyAvailable { sector }
        } else if qualified_short && outcome.missing_animateurs == 0 {
            ShortageReason::NoQualifiedAvailable { sector }
        } else if counts.is_empty() && free == 0 {
            // Everyone available can only add people the slot does not lack.
            ShortageReason::NoQualifiedAvailable { sector }
        } else {
            ShortageReason::Blocked {
                available,
                sector,
                blocked: obstacle_counts(counts),
                free,
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
    let creneaux: Vec<&Creneau> = problem
        .needs
        .iter()
        .filter(|n| {
            n.requirement.required > 0
                && n.forecast.accueil == accueil.code
                && n.forecast.date == date
        })
        .map(|n| &n.forecast.creneau)
        .collect();
    let one_slot = problem.parameters.director_presence == DirectorPresence::OneSlot;
    // The work of a director that day: every créneau, or (un creneau) any one of them.
    let works: Vec<Vec<&Creneau>> = if one_slot {
        creneaux.iter().map(|c| vec![*c]).collect()
    } else {
        vec![creneaux.clone()]
    };
    let mut holders = 0;
    let mut available = 0;
    let mut free = 0;
    let mut counts: BTreeMap<Obstacle, usize> = BTreeMap::new();
    for animateur in &problem.animateurs {
        let eligibility = Eligibility::new(animateur, accueil, professional);
        if eligibility.at_all().is_err() || !eligibility.may_direct() {
            continue;
        }
        holders += 1;
        let flags = problem.availability.flags(&animateur.id, date);
        // The person's best standing over the works a director may do that day.
        let mut best: Option<Option<Obstacle>> = None;
        for work in &works {
            let outcome = match standing(eligibility.work(date, flags, work, true)) {
                Standing::Absent => continue,
                Standing::Excluded(obstacle) => Some(obstacle),
                Standing::Eligible => blocked(worked, animateur, accueil, date, work),
            };
            best = Some(match (best, outcome) {
                (Some(None), _) | (_, None) => None,
                (Some(Some(a)), Some(b)) => Some(a.min(b)),
                (None, outcome) => outcome,
            });
        }
        let Some(outcome) = best else {
            continue;
        };
        available += 1;
        match outcome {
            Some(obstacle) => *counts.entry(obstacle).or_default() += 1,
            None => free += 1,
        }
    }
    if holders == 0 {
        return DirectorReason::NoHolder { diploma, sector };
    }
    if available == 0 {
        return if one_slot {
            DirectorReason::NoneAvailable { diploma, sector }
        } else {
            DirectorReason::NoneAvailableAllDay { diploma, sector }
        };
    }
    DirectorReason::Blocked {
        sector,
        blocked: obstacle_counts(counts),
        free,
    }
}
