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

/// What in the input keeps an available person from work the plan leaves short: a rule of the
/// day that no plan can get around (`rules::eligibility`), so the advice can say what to change
/// in the input (split the day, widen a sector) rather than hire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocker {
    /// The person's id.
    pub person: String,
    /// The accueil's code.
    pub accueil: String,
    /// Directing (else animating the créneau `creneau`).
    pub directs: bool,
    /// The créneau they could not animate (the day's first when directing).
    pub creneau: Creneau,
    pub exclusion: Exclusion,
    /// The short dates it kept them from.
    pub dates: Vec<NaiveDate>,
}

/// The blockers of the plan: for each open day short of a director, the people holding the
/// diploma, available that day and not working elsewhere, kept away by the day's length or
/// their sector; for each créneau short of animateurs, the people available, not working that
/// day, kept away by its length. Most dates first.
pub fn blockers(
    problem: &Problem,
    assignments: &[Affectation],
    slots: &[SlotOutcome],
    director_days: &[DirectorDay],
) -> Vec<Blocker> {
    let worked = Worked::new(assignments);
    type Key = (String, String, bool, String, Exclusion);
    let mut found: BTreeMap<Key, (Creneau, BTreeSet<NaiveDate>)> = BTreeMap::new();
    let mut add = |person: &Animateur, accueil: &Accueil, directs, creneau: &Creneau, e, date| {
        found
            .entry((
                person.id.clone(),
                accueil.code.clone(),
                directs,
                creneau.label.clone(),
                e,
            ))
            .or_insert_with(|| (creneau.clone(), BTreeSet::new()))
            .1
            .insert(date);
    };
    let elsewhere = |person: &Animateur, accueil: &Accueil, date: NaiveDate| {
        worked
            .day(&person.id, date)
            .is_some_and(|(place, _)| *place != accueil.code)
    };
    let all_day = problem.parameters.director_presence == DirectorPresence::AllDay;
    for day in director_days.iter().filter(|d| d.missing > 0) {
        let Some(accueil) = problem.accueil(&day.accueil) else {
            continue;
        };
        let professional = problem.professional_director(accueil);
        let creneaux: Vec<&Creneau> = problem
            .needs
            .iter()
            .filter(|n| {
                n.requirement.required > 0
                    && n.forecast.accueil == accueil.code
                    && n.forecast.date == day.date
            })
            .map(|n| &n.forecast.creneau)
            .collect();
        let Some(first) = creneaux.first().copied() else {
            continue;
        };
        for person in &problem.animateurs {
            let flags = problem.availability.flags(&person.id, day.date);
            let eligibility = Eligibility::new(person, accueil, professional);
            if flags.is_empty() || !eligibility.may_direct() || elsewhere(person, accueil, day.date)
            {
                continue;
            }
            let works: Vec<Vec<&Creneau>> = if all_day {
                vec![creneaux.clone()]
            } else {
                creneaux.iter().map(|c| vec![*c]).collect()
            };
            let results: Vec<Result<(), Exclusion>> = works
                .iter()
                .map(|work| eligibility.work(day.date, flags, work, true))
                .collect();
            if results.iter().any(Result::is_ok) {
                continue;
            }
            let blocking = results
                .into_iter()
                .filter_map(Result::err)
                .find(|e| matches!(e, Exclusion::TooLong { .. } | Exclusion::OutsideSector));
            if let Some(exclusion) = blocking {
                add(person, accueil, true, first, exclusion, day.date);
            }
        }
    }
    for slot in slots.iter().filter(|s| s.missing_animateurs > 0) {
        let need = problem.need(slot.forecast);
        let accueil = problem.accueil_of(need);
        let date = need.forecast.date;
        for person in &problem.animateurs {
            let flags = problem.availability.flags(&person.id, date);
            if flags.is_empty() || worked.day(&person.id, date).is_some() {
                continue;
            }
            let eligibility = Eligibility::new(person, accueil, false);
            if let Err(exclusion @ Exclusion::TooLong { .. }) =
                eligibility.work(date, flags, &[&need.forecast.creneau], false)
            {
                add(
                    person,
                    accueil,
                    false,
                    &need.forecast.creneau,
                    exclusion,
                    date,
                );
            }
        }
    }
    let mut blockers: Vec<Blocker> = found
        .into_iter()
        .map(
            |((person, accueil, directs, _, exclusion), (creneau, dates))| Blocker {
                person,
                accueil,
                directs,
                creneau,
                exclusion,
                dates: dates.into_iter().collect(),
            },
        )
        .collect();
    // Directors first, then most dates.
    blockers.sort_by(|a, b| {
        b.directs
            .cmp(&a.directs)
            .then(b.dates.len().cmp(&a.dates.len()))
    });
    blockers
}
