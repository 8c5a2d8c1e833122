//! Re-planning from a published plan (`plan --previous`): what each person did each day of it,
//! which of those days are locked, and, once the new plan is made, every person-day that
//! changed and why.
//!
//! The model keeps the previous day of each person in the classes' key (the people of a class
//! did the same thing that day), so the number of changed person-days is exact: a member who
//! did something that day and now does something else, or nothing, is one change; a member who
//! did nothing and now works is one change. A locked day is a constraint: every member of its
//! class does that day's work again.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::instance::Instance;
use crate::domain::{Affectation, PreviousPlan, Role};
use crate::problem::{AccueilId, Problem};

/// What a person did on one date of the previous plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Prior {
    pub accueil: AccueilId,
    pub directs: bool,
    /// Kept as a constraint (`Verrouille`, and the new input allows it).
    pub locked: bool,
}

/// The previous day of each (person, date) of an instance.
pub fn priors(
    problem: &Problem,
    instance: &Instance,
    previous: &PreviousPlan,
) -> BTreeMap<(usize, NaiveDate), Prior> {
    let days = previous_days(problem, previous);
    let person_of: BTreeMap<&str, usize> = instance
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.candidate.is_none())
        .map(|(index, p)| (p.animateur.id.as_str(), index))
        .collect();
    let mut priors = BTreeMap::new();
    for ((id, date), day) in &days {
        let Some(person) = person_of.get(id.as_str()) else {
            continue;
        };
        let Some(accueil) = problem.accueil_id(&day.accueil) else {
            continue;
        };
        let locked = day.locked && lock_fits(instance, *person, accueil, *date, day.directs);
        priors.insert(
            (*person, *date),
            Prior {
                accueil,
                directs: day.directs,
                locked,
            },
        );
    }
    priors
}

/// Whether the new instance lets `person` do again, at `accueil` on `date`, what they did.
fn lock_fits(
    instance: &Instance,
    person: usize,
    accueil: AccueilId,
    date: NaiveDate,
    directs: bool,
) -> bool {
    instance.arcs.iter().any(|arc| {
        let day = &instance.days[arc.day];
        arc.person == person
            && day.accueil == accueil
            && day.date == date
            && if directs {
                arc.can_direct
            } else {
                !arc.slots.is_empty()
            }
    })
}

/// One person-day of the previous plan: where, in which role, and whether locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousDay {
    pub accueil: String,
    pub directs: bool,
    pub locked: bool,
}

/// The previous plan by (animateur Id, date), for the people of the inputs (not the posts to
/// fill). A person in two places the same day (a hand-edited plan) keeps the first.
pub fn previous_days(
    problem: &Problem,
    previous: &PreviousPlan,
) -> BTreeMap<(String, NaiveDate), PreviousDay> {
    let mut days: BTreeMap<(String, NaiveDate), PreviousDay> = BTreeMap::new();
    for a in &previous.assignments {
        // Posts to fill (`R1`…) and people no longer in the inputs are not kept.
        let Some(person) = problem.animateur(&a.animateur) else {
            continue;
        };
        let key = (person.id.clone(), a.date);
        let locked = previous.locked.contains(&(a.animateur.clone(), a.date));
        let day = days.entry(key).or_insert_with(|| PreviousDay {
            accueil: a.accueil.clone(),
            directs: false,
            locked,
        });
        if day.accueil == a.accueil && a.role == Role::Direction {
            day.directs = true;
        }
    }
    days
}

/// Why a person-day changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeReason {
    /// The person is no longer available that day (or no longer in the inputs).
    Unavailable,
    /// The accueil has no need that day any more.
    NeedRemoved,
    /// The accueil has a need that day that the previous plan did not staff.
    NeedAdded,
    /// A locked day the new input makes impossible: the person cannot do it any more
    /// (`unavailable`: they are not available that day).
    LockImpossible { unavailable: bool },
    /// Moved to cover a need or keep a rule elsewhere.
    Reorganised,
}

/// One changed person-day: before and after (accueil code and role; `None`: not working).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub animateur: String,
    pub date: NaiveDate,
    pub before: Option<(String, Role)>,
    pub after: Option<(String, Role)>,
    pub locked: bool,
    pub reason: ChangeReason,
}

/// Every person-day where `published` differs from the previous plan (accueil or role; the
/// créneaux within a day are not counted), with its reason. Recruits are left out: a post of
/// the new plan is not a person of the old one.
pub fn changes(
    problem: &Problem,
    previous: &PreviousPlan,
    published: &[Affectation],
) -> Vec<Change> {
    let before = previous_days(problem, previous);
    let mut after: BTreeMap<(String, NaiveDate), (String, Role)> = BTreeMap::new();
    for a in published {
        if problem.animateur(&a.animateur).is_none() {
            continue;
        }
        let entry = after
            .entry((a.animateur.clone(), a.date))
            .or_insert_with(|| (a.accueil.clone(), a.role));
        if a.role == Role::Direction {
            entry.1 = Role::Direction;
        }
    }
    let needed: BTreeSet<(&str, NaiveDate)> = problem
        .needs
        .iter()
        .filter(|n| n.requirement.required > 0)
        .map(|n| (n.forecast.accueil.as_str(), n.forecast.date))
        .collect();
    let staffed_before: BTreeSet<(&str, NaiveDate)> = before
        .iter()
        .map(|((_, date), day)| (day.accueil.as_str(), *date))
        .collect();
    let keys: BTreeSet<&(String, NaiveDate)> = before.keys().chain(after.keys()).collect();
    let mut changes = Vec::new();
    for key in keys {
        let was = before.get(key).map(|d| {
            let role = if d.directs {
                Role::Direction
            } else {
                Role::Animation
            };
            (d.accueil.clone(), role)
        });
        let now = after.get(key).cloned();
        if was == now {
            continue;
        }
        let (id, date) = key;
        let locked = before.get(key).is_some_and(|d| d.locked);
        let available = problem.animateur(id).is_some()
            && problem
                .availability
                .of(id)
                .get(date)
                .is_some_and(|f| !f.is_empty());
        let reason = match (&was, &now) {
            (Some(_), _) if locked => ChangeReason::LockImpossible {
                unavailable: !available,
            },
            (Some(_), _) if !available => ChangeReason::Unavailable,
            (Some((accueil, _)), _) if !needed.contains(&(accueil.as_str(), *date)) => {
                ChangeReason::NeedRemoved
            }
            (_, Some((accueil, _))) if !staffed_before.contains(&(accueil.as_str(), *date)) => {
                ChangeReason::NeedAdded
            }
            _ => ChangeReason::Reorganised,
        };
        changes.push(Change {
            animateur: id.clone(),
            date: *date,
            before: was,
            after: now,
            locked,
            reason,
        });
    }
    changes
}
