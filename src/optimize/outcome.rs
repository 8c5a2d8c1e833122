//! The plan read back from its assignments: the coverage of every slot, the direction of every
//! open day, and each person's days and cost.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::result::{DirectorDay, PersonSummary, Psc1Day, SlotOutcome};
use super::solution::days_worked;
use crate::domain::{Affectation, AnimationCategory, Contrat, Role};
use crate::problem::{Need, Problem};
use crate::rules::{self, health};

/// The order of `PlanResult::assignments`: person, date, créneau start, ACM.
pub fn sort_assignments(assignments: &mut [Affectation]) {
    assignments.sort_by(|a, b| {
        (&a.animateur, a.date, a.creneau.sort_key(), &a.accueil).cmp(&(
            &b.animateur,
            b.date,
            b.creneau.sort_key(),
            &b.accueil,
        ))
    });
}

/// Coverage of every forecast row with children, counted from the assignments themselves.
/// `category` gives each person's category (an animateur of the input or a post to fill).
pub fn slot_outcomes(
    problem: &Problem,
    assignments: &[Affectation],
    category: impl Fn(&str) -> Option<AnimationCategory>,
) -> Vec<SlotOutcome> {
    let mut by_slot: BTreeMap<(&str, NaiveDate, &str), Vec<&Affectation>> = BTreeMap::new();
    for assignment in assignments {
        by_slot
            .entry((
                assignment.accueil.as_str(),
                assignment.date,
                assignment.creneau.label.as_str(),
            ))
            .or_default()
            .push(assignment);
    }
    let mut outcomes = Vec::new();
    for need in &problem.needs {
        let (prevision, requirement) = (&need.forecast, &need.requirement);
        if requirement.required == 0 {
            continue;
        }
        let key = (
            prevision.accueil.as_str(),
            prevision.date,
            prevision.creneau.label.as_str(),
        );
        let present = by_slot.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        let mut outcome = SlotOutcome {
            forecast: need.id,
            staffed: 0,
            qualified: 0,
            trainees: 0,
            unqualified: 0,
            director_present: false,
            missing_animateurs: 0,
            missing_qualified: 0,
            reason: None,
        };
        for assignment in present {
            let Some(person_category) = category(&assignment.animateur) else {
                continue;
            };
            let counted = match assignment.role {
                Role::Animation => true,
                Role::Direction => {
                    outcome.director_present = true;
                    requirement.director_counts
                }
            };
            if !counted {
                continue;
            }
            outcome.staffed += 1;
            match person_category {
                AnimationCategory::Qualified => outcome.qualified += 1,
                AnimationCategory::Trainee => outcome.trainees += 1,
                AnimationCategory::Unqualified => outcome.unqualified += 1,
            }
        }
        outcome.missing_animateurs = requirement
            .total_animation()
            .saturating_sub(outcome.staffed);
        outcome.missing_qualified = requirement.min_qualified.saturating_sub(outcome.qualified);
        outcomes.push(outcome);
    }
    outcomes
}

/// Direction of every ACM × open day, from the assignments.
pub fn director_days(problem: &Problem, assignments: &[Affectation]) -> Vec<DirectorDay> {
    let mut required: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
    for Need {
        forecast: prevision,
        requirement,
        ..
    } in &problem.needs
    {
        if requirement.directors > 0 {
            let entry = required
                .entry((prevision.accueil.clone(), prevision.date))
                .or_default();
            *entry = (*entry).max(requirement.directors);
        }
    }
    let mut directors: BTreeMap<(String, NaiveDate), BTreeSet<String>> = BTreeMap::new();
    for assignment in assignments.iter().filter(|a| a.role == Role::Direction) {
        directors
            .entry((assignment.accueil.clone(), assignment.date))
            .or_default()
            .insert(assignment.animateur.clone());
    }
    required
        .into_iter()
        .map(|((accueil, date), required)| {
            let present: Vec<String> = directors
                .get(&(accueil.clone(), date))
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default();
            let missing = required.saturating_sub(u32::try_from(present.len()).unwrap_or(0));
            DirectorDay {
                accueil,
                date,
                required,
                directors: present,
                missing,
                reason: None,
            }
        })
        .collect()
}

/// Suivi sanitaire of every séjour and mini-camp × open day, from the assignments: the PSC1
/// holders of the day's team, whatever their role (arrêté of 20 February 2003).
pub fn psc1_days(problem: &Problem, assignments: &[Affectation]) -> Vec<Psc1Day> {
    let mut days: BTreeMap<(String, NaiveDate), BTreeSet<String>> = BTreeMap::new();
    for need in problem.needs.iter().filter(|n| n.requirement.required > 0) {
        let accueil = problem.accueil_of(need);
        if health::needs_psc1(accueil.kind) {
            days.entry((accueil.code.clone(), need.forecast.date))
                .or_default();
        }
    }
    for assignment in assignments {
        let Some(holders) = days.get_mut(&(assignment.accueil.clone(), assignment.date)) else {
            continue;
        };
        if problem
            .animateur(&assignment.animateur)
            .is_some_and(health::holds_psc1)
        {
            holders.insert(assignment.animateur.clone());
        }
    }
    days.into_iter()
        .map(|((accueil, date), holders)| {
            let holder_in_team = problem.accueil(&accueil).is_some_and(|acm| {
                problem
                    .animateurs
                    .iter()
                    .any(|a| health::holds_psc1(a) && rules::may_work_at(a, acm))
            });
            Psc1Day {
                accueil,
                date,
                holders: holders.into_iter().collect(),
                holder_in_team,
            }
        })
        .collect()
}

pub fn people_summaries(problem: &Problem, assignments: &[Affectation]) -> Vec<PersonSummary> {
    let dates = days_worked(assignments);
    problem
        .animateurs
        .iter()
        .map(|animateur| {
            let days = dates.get(animateur.id.as_str()).map_or(0, BTreeSet::len);
            let days = u32::try_from(days).unwrap_or(u32::MAX);
            let cee = animateur.contrat == Contrat::Cee;
            let used = animateur.jours_cee_anterieurs + days;
            let daily = animateur
                .cout_journalier
                .unwrap_or(problem.parameters.default_daily_cost);
            PersonSummary {
                animateur: animateur.id.clone(),
                days_worked: days,
                cee_days_used: cee.then_some(used),
                cee_days_left: cee
                    .then(|| rules::labour::CEE_MAX_DAYS_PER_365.saturating_sub(used)),
                cost: daily * i64::from(days),
            }
        })
        .collect()
}
