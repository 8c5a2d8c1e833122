//! The recruitment stage: where the existing team falls short, candidates of each hiring
//! profile are offered on the dates they could help, and the model hires the fewest and
//! cheapest; then hires of the same profile in different periods become one post.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::context::{ComponentContext, PeriodTerms};
use super::hiring::{HiringGroup, candidate_animateur};
use super::instance::{Candidate, Instance, Person};
use super::model::{self, Bounds, Choice, Columns};
use super::previous::priors;
use super::result::Hire;
use super::solution::extract;
use super::solve::StageOutcome;
use super::stability::Homes;
use super::stages::{StageRunner, Start};
use super::stats::{Objective, Phase, SolveStats};
use crate::domain::{Affectation, AnimationCategory, Certificate, DirectorLevel};
use crate::error::Error;
use crate::problem::Problem;
use crate::rules;

/// The existing team's plan of some dates, from which the recruitment stage starts.
pub struct TeamPlan<'a> {
    pub instance: &'a Instance,
    /// The last stage kept (cost or stability).
    pub outcome: &'a StageOutcome,
    /// `outcome` split into what each person does on each arc.
    pub choices: &'a [Choice],
}

/// The recruitment stage's plan of some dates: the team and the candidates, planned together
/// (shortage, then cost). It is the published plan: the team's assignments and the hires come
/// from it, so every hire lands where this plan needs them.
pub struct HiringPlan {
    pub instance: Instance,
    pub outcome: StageOutcome,
    /// The bounds its cost stage kept (the least shortage with candidates).
    pub bounds: Bounds,
    /// The hiring profiles offered, indexed by `Candidate::group`.
    pub groups: Vec<HiringGroup>,
    /// The profiles hired up to their market cap (`Nombre maximum`).
    pub capped: Vec<HiringGroup>,
}

/// Offers candidates where `team` leaves `dates` short, and plans them with the team
/// (shortage, then cost). `None` when nothing is short, no profile can help, or the clock
/// needs the time left for other periods (counted in `stats.skipped`).
pub fn recruit(
    context: &ComponentContext<'_>,
    dates: &[NaiveDate],
    terms: &PeriodTerms,
    team: &TeamPlan<'_>,
    remaining: &dyn Fn(f64) -> f64,
    stats: &mut SolveStats,
) -> Result<Option<HiringPlan>, Error> {
    let problem = context.problem;
    let (staffing, values) = (&team.outcome.columns, &team.outcome.values);
    let short = shortage_by_sector(problem, team.instance, staffing, values);
    if short.is_empty() {
        return Ok(None);
    }
    // The candidates offered per profile: (profile, how many, on which dates).
    let mut offers: Vec<(HiringGroup, u32, BTreeSet<NaiveDate>)> = context
        .groups
        .iter()
        .filter_map(|group| {
            let (count, dates) = candidate_need(group, &short);
            (count > 0).then(|| (group.clone(), count, dates))
        })
        .collect();
    if offers.is_empty() {
        return Ok(None);
    }
    let date_set: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    loop {
        let hiring = offered_instance(context, terms, &date_set, &offers);
        let Some(seconds) = context.clock.hiring(remaining(0.5), hiring.arcs.len(), 1) else {
            // No time left beyond what the other periods need: the team's plan stands.
            stats.skipped.recruitment += 1;
            return Ok(None);
        };
        // Re-planning: the previous plan's days here too.
        let previous = context
            .options
            .previous
            .as_ref()
            .map(|previous| Homes::previous(priors(problem, &hiring, previous)));
        let mut runner = StageRunner {
            started: context.started,
            problem,
            instance: &hiring,
            dates,
            options: context.options,
            // The hires do not decide the proven gap of shared budgets.
            tight_shortage: false,
            component: context.component,
            stats: &mut *stats,
            homes: previous.as_ref(),
            clock: context.clock,
        };
        let start = team_start(team, &hiring);
        let shortage = runner.run(
            Phase::Recruitment,
            Objective::Shortage,
            Bounds::default(),
            start,
            seconds,
        )?;
        // A profile whose every candidate is hired while the plan stays short may have been
        // offered too few: offer all the market has (its cap) and plan again, once, so that
        // what is left short is never for want of candidates the market has.
        let saturated = saturated_offers(&hiring, &shortage, &offers);
        if shortage.shortage > 0.5 && !saturated.is_empty() {
            for index in saturated {
                let (group, count, _) = &mut offers[index];
                *count = group.cap;
            }
            continue;
        }
        let bounds = Bounds {
            shortage: Some(shortage.shortage.round() + 0.5),
            ..Bounds::default()
        };
        let cost_seconds = context.clock.hiring(remaining(1.0), hiring.arcs.len(), 1);
        let cost = runner.cost_after(Phase::Recruitment, bounds, shortage, cost_seconds)?;
        let hired = hired_per_offer(&hiring, &cost, offers.len());
        let capped = offers
            .iter()
            .zip(&hired)
            .filter(|((group, _, _), hired)| **hired >= group.cap)
            .map(|((group, _, _), _)| group.clone())
            .collect();
        return Ok(Some(HiringPlan {
            outcome: cost,
            bounds,
            groups: offers.into_iter().map(|(group, _, _)| group).collect(),
            capped,
            instance: hiring,
        }));
    }
}

/// The team and the candidates of `offers` (each profile's count, on its dates).
fn offered_instance(
    context: &ComponentContext<'_>,
    terms: &PeriodTerms,
    dates: &BTreeSet<NaiveDate>,
    offers: &[(HiringGroup, u32, BTreeSet<NaiveDate>)],
) -> Instance {
    let mut people = context.staff_capped(terms);
    for (group_index, (group, count, dates)) in offers.iter().enumerate() {
        for rank in 0..*count {
            let id = format!("candidat-{group_index}-{rank}");
            people.push(Person {
                animateur: candidate_animateur(&id, group),
                category: group.qualification.category,
                daily_cost: group.daily_cost,
                candidate: Some(Candidate {
                    group: group_index,
                    fixed_cost: group.fixed_cost,
                    dates: dates.clone(),
                }),
            });
        }
    }
    Instance::new(context.problem, context.accueils, Some(dates), people)
}

/// The recruitment stage starts from the team's plan with nobody hired: the staff's arcs come
/// first, in the same order, in both instances.
fn team_start<'a>(team: &'a TeamPlan<'a>, hiring: &Instance) -> Start<'a> {
    let staff_arcs = team.instance.arcs.len();
    let same_prefix = hiring.arcs.len() >= staff_arcs
        && team.instance.arcs.iter().zip(&hiring.arcs).all(|(a, b)| {
            a.person == b.person
                && a.day == b.day
                && a.slots == b.slots
                && a.can_direct == b.can_direct
        });
    if !same_prefix {
        return Start::nobody();
    }
    let staffing_plan = team.choices;
    Start::Plan(Box::new(
        move |hiring: &Instance, hiring_model: &Columns| {
            model::completion(
                hiring,
                hiring_model,
                |arc, k| arc < staff_arcs && staffing_plan[arc].animates[k],
                |arc, k| arc < staff_arcs && staffing_plan[arc].directed[k],
            )
        },
    ))
}

/// How many candidates of each offer `outcome` hires.
fn hired_per_offer(hiring: &Instance, outcome: &StageOutcome, offers: usize) -> Vec<u32> {
    let mut hired = vec![0u32; offers];
    for (person, hire) in hiring.people.iter().zip(&outcome.columns.hired) {
        let (Some(candidate), Some(hire)) = (&person.candidate, hire) else {
            continue;
        };
        if outcome.values.get(hire.column).is_some_and(|v| *v > 0.5) {
            hired[candidate.group] += 1;
        }
    }
    hired
}

/// The offers (indices) whose every candidate `outcome` hires, below the market's cap.
fn saturated_offers(
    hiring: &Instance,
    outcome: &StageOutcome,
    offers: &[(HiringGroup, u32, BTreeSet<NaiveDate>)],
) -> Vec<usize> {
    let hired = hired_per_offer(hiring, outcome, offers.len());
    offers
        .iter()
        .enumerate()
        .filter(|(index, (group, count, _))| hired[*index] >= *count && *count < group.cap)
        .map(|(index, _)| index)
        .collect()
}

/// The posts of a solution `outcome` of the hiring plan (or of a neighbourhood of it,
/// `instance`): the candidates hired, with their assignments.
pub fn hired_posts(
    problem: &Problem,
    instance: &Instance,
    groups: &[HiringGroup],
    outcome: &StageOutcome,
    plan: &[Choice],
) -> Vec<(HiringGroup, Vec<Affectation>)> {
    let mut posts = Vec::new();
    for (person_index, person) in instance.people.iter().enumerate() {
        let Some(candidate) = &person.candidate else {
            continue;
        };
        let hired =
            outcome.columns.hired[person_index].is_some_and(|v| outcome.values[v.column] > 0.5);
        if !hired {
            continue;
        }
        let assignments = extract(problem, instance, plan, |p| p == person_index);
        if !assignments.is_empty() {
            posts.push((groups[candidate.group].clone(), assignments));
        }
    }
    posts
}

/// What the staffing stage leaves short in a sector on a date: each the sum over the sector's
/// ACM of the day's largest slot deficit.
#[derive(Debug, Clone, Copy, Default)]
struct DayShortage {
    animateurs: u32,
    qualified: u32,
    directors: u32,
    /// A missing director must hold a professional diploma (R227-14 III).
    professional: bool,
    /// Séjour and mini-camp days without a PSC1 holder.
    psc1: u32,
}

type SectorShortage = BTreeMap<Option<String>, BTreeMap<NaiveDate, DayShortage>>;

fn shortage_by_sector(
    problem: &Problem,
    instance: &Instance,
    model: &Columns,
    values: &[f64],
) -> SectorShortage {
    let value = |column: usize| values.get(column).map_or(0, |v| v.round().max(0.0) as u32);
    let psc1: BTreeMap<usize, u32> = model
        .missing_psc1
        .iter()
        .map(|(day, var)| (*day, value(var.column)))
        .collect();
    let mut short: SectorShortage = BTreeMap::new();
    for (day_index, day) in instance.days.iter().enumerate() {
        let accueil = &problem.accueils[day.accueil.index()];
        let most = |vars: &[super::model::Var]| {
            day.slots
                .iter()
                .map(|s| value(vars[*s].column))
                .max()
                .unwrap_or(0)
        };
        let any = most(&model.missing_any);
        let qualified = most(&model.missing_qualified);
        let directors = value(model.missing_director[day_index].column);
        let psc1 = psc1.get(&day_index).copied().unwrap_or(0);
        if any + qualified + directors + psc1 == 0 {
            continue;
        }
        let entry = short
            .entry(accueil.secteur.clone())
            .or_default()
            .entry(day.date)
            .or_default();
        entry.animateurs += any;
        entry.qualified += qualified;
        entry.directors += directors;
        entry.professional |= problem.professional_director(accueil) && directors > 0;
        entry.psc1 += psc1;
    }
    short
}

/// How many candidates of a profile the model may hire, and on which dates: the dates where
/// its sector is short of what it can cover, and the peak daily need there (plus a quarter for
/// weekly rest and the CEE cap), within the market's cap.
fn candidate_need(group: &HiringGroup, short: &SectorShortage) -> (u32, BTreeSet<NaiveDate>) {
    let directs = group.qualification.may_direct();
    let professional = group.qualification.director == DirectorLevel::Professional;
    let holds_psc1 = group.certificats.contains(&Certificate::Psc1);
    let need = |day: &DayShortage| -> u32 {
        let anything = day.animateurs + day.qualified + day.directors + day.psc1 > 0;
        let own = if directs {
            if day.professional && !professional {
                0
            } else {
                // Where the sector is short of anything, one director post may be what closes
                // it: it frees a director of the team to animate, to direct elsewhere, or (a
                // PSC1 holder) to go to a séjour (seen on the summer fixture, and on a
                // mini-camp whose only PSC1 holder directed its parent accueil).
                day.directors.max(u32::from(anything))
            }
        } else if group.qualification.category == AnimationCategory::Qualified {
            day.animateurs.max(day.qualified)
        } else {
            day.animateurs
        };
        if holds_psc1 { own.max(day.psc1) } else { own }
    };
    let mut dates = BTreeSet::new();
    let mut peak = 0;
    for (sector, by_date) in short {
        if group.secteur.is_some() && *sector != group.secteur {
            continue;
        }
        for (date, day) in by_date {
            let needed = need(day);
            if needed > 0 {
                dates.insert(*date);
                peak = peak.max(needed);
            }
        }
    }
    if peak == 0 {
        return (0, dates);
    }
    ((peak + peak.div_ceil(4)).min(group.cap), dates)
}

/// Hires of the same profile in different periods become one post when their days do not
/// overlap, stay within the CEE 80 days and keep a day off in every 7 (first fit, in date order):
/// a student free at Toussaint and in July is one post.
pub fn merge_posts(
    mut posts: Vec<(HiringGroup, Vec<Affectation>)>,
) -> Vec<(HiringGroup, Vec<Affectation>)> {
    posts.sort_by_key(|(_, assignments)| assignments.iter().map(|a| a.date).min());
    let mut merged: Vec<(HiringGroup, Vec<Affectation>)> = Vec::new();
    for (group, assignments) in posts {
        let dates: BTreeSet<NaiveDate> = assignments.iter().map(|a| a.date).collect();
        let fits = merged.iter().position(|(other, existing)| {
            let mut union: BTreeSet<NaiveDate> = existing.iter().map(|a| a.date).collect();
            let disjoint = dates.iter().all(|d| !union.contains(d));
            union.extend(dates.iter().copied());
            other.qualification == group.qualification
                && other.certificats == group.certificats
                && other.secteur == group.secteur
                && disjoint
                && union.len() <= rules::labour::CEE_MAX_DAYS_PER_365 as usize
                && !seven_in_a_row(&union)
        });
        match fits {
            Some(index) => merged[index].1.extend(assignments),
            None => merged.push((group, assignments)),
        }
    }
    merged
}

fn seven_in_a_row(days: &BTreeSet<NaiveDate>) -> bool {
    days.iter()
        .any(|first| (1..7).all(|k| days.contains(&(*first + chrono::Duration::days(k)))))
}

/// Post `number`: the profile, the ACM and the dates of its assignments, and its costs.
pub fn hire_post(number: usize, group: &HiringGroup, assignments: &[Affectation]) -> Hire {
    let accueils: BTreeSet<String> = assignments.iter().map(|a| a.accueil.clone()).collect();
    let dates: BTreeSet<NaiveDate> = assignments.iter().map(|a| a.date).collect();
    Hire {
        number,
        qualification: group.qualification.clone(),
        certificats: group.certificats.clone(),
        secteur: group.secteur.clone(),
        accueils: accueils.into_iter().collect(),
        dates: dates.into_iter().collect(),
        daily_cost: group.daily_cost,
        fixed_cost: group.fixed_cost,
        id: format!("RECRUTEMENT-{number}"),
    }
}
