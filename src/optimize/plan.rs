//! One plan run: split the territory into independent components, staff each with the existing
//! team (shortage, then cost, then stability), then size the hires that close what is left.

use std::time::Instant;

use super::clock::Clock;
use super::component::solve_component;
use super::components::components;
use super::context::ComponentContext;
use super::decomposition::Decomposition;
use super::explain::{blockers, explain};
use super::hiring::{HiringGroup, candidate_animateur, hiring_groups};
use super::options::PlanOptions;
use super::outcome::{director_days, people_summaries, psc1_days, slot_outcomes, sort_assignments};
use super::parallel::parallel_solves;
use super::previous::changes;
use super::recruitment::{hire_post, merge_posts};
use super::result::{Hire, PlanResult, UnclosedNeed};
use super::solution::StabilityCost;
use super::stability::{StabilityFigures, second_directors};
use super::stats::SolveStats;
use std::collections::BTreeSet;

use crate::domain::{Accueil, Affectation, AnimationCategory, Cents, Certificate};
use crate::error::Error;
use crate::problem::Problem;
use crate::rules::{self, director};

pub fn plan(problem: &Problem, options: &PlanOptions) -> Result<PlanResult, Error> {
    let started = Instant::now();
    let groups = if options.recruit {
        hiring_groups(problem)
    } else {
        Vec::new()
    };
    let components = components(problem, &groups);
    let mut decomposition = Decomposition {
        components: components
            .iter()
            .map(|c| {
                c.iter()
                    .map(|a| problem.accueils[a.index()].code.clone())
                    .collect()
            })
            .collect(),
        periods: Vec::new(),
    };
    let mut stats = SolveStats {
        components: components.len(),
        ..SolveStats::default()
    };
    let mut result = PlanResult {
        recruitment_ran: options.recruit,
        ..PlanResult::default()
    };
    let mut posts: Vec<(HiringGroup, Vec<Affectation>)> = Vec::new();
    let mut stability = StabilityCost {
        least_changing: Some(0.0),
        ..StabilityCost::default()
    };
    for (index, accueils) in components.iter().enumerate() {
        let elapsed = started.elapsed().as_secs_f64();
        let budget =
            ((options.time_limit_seconds - elapsed) / (components.len() - index) as f64).max(1.0);
        let clock = Clock::new(budget, parallel_solves());
        let context = ComponentContext {
            problem,
            accueils,
            groups: &groups,
            options,
            component: index,
            started,
            clock: &clock,
        };
        let (solution, split) = solve_component(&context, budget, &mut stats)?;
        decomposition.periods.extend(split);
        result.assignments.extend(solution.assignments);
        result.team_alone.extend(solution.team_assignments);
        result.claimed_shortage += solution.claimed_shortage;
        posts.extend(solution.hires);
        for group in solution.capped {
            let capped = (group.label(), group.secteur.clone(), group.cap);
            if !result.unclosed.capped.contains(&capped) {
                result.unclosed.capped.push(capped);
            }
        }
        stability.least_changing = stability
            .least_changing
            .zip(solution.stability.least_changing)
            .map(|(a, b)| a + b);
        stability.reference.add(solution.stability.reference);
        stability.reference_cost += solution.stability.reference_cost;
        stability.published_cost += solution.stability.published_cost;
    }
    for (group, assignments) in merge_posts(posts) {
        let number = result.hires.len() + 1;
        result.hires.push(hire_post(number, &group, &assignments));
        let id = format!("RECRUTEMENT-{number}");
        result
            .hire_assignments
            .extend(assignments.into_iter().map(|a| Affectation {
                animateur: id.clone(),
                ..a
            }));
    }
    result.stability.cheapest = stability.reference;
    result.stability.least_changing = stability.least_changing.map(|l| l.round() as u32);
    result.stability.cheapest_cost = Cents(stability.reference_cost.round() as i64);
    derive_figures(problem, options, &mut result);
    stats.decomposition = decomposition;
    stats.total_seconds = started.elapsed().as_secs_f64();
    stats.time_limit_seconds = options.time_limit_seconds;
    result.stats = stats;
    Ok(result)
}

/// Every figure that follows from the schedule of `result` (see `optimize::derive_figures`).
pub fn derive_figures(problem: &Problem, options: &PlanOptions, result: &mut PlanResult) {
    sort_assignments(&mut result.assignments);
    sort_assignments(&mut result.hire_assignments);
    sort_assignments(&mut result.team_alone);
    // One plan: the team and the hires together.
    let published: Vec<Affectation> = result
        .assignments
        .iter()
        .chain(&result.hire_assignments)
        .cloned()
        .collect();
    let category = |id: &str| hire_category(problem, &result.hires, id);
    result.slots = slot_outcomes(problem, &published, category);
    result.director_days = director_days(problem, &published);
    result.psc1_days = psc1_days(problem, &published);
    result.changes = options
        .previous
        .as_ref()
        .map(|previous| changes(problem, previous, &published));
    result.stability.mode = problem.parameters.stability;
    result.stability.published = StabilityFigures::measure(&published);
    result.stability.second_directors = second_directors(problem, &published);
    explain(
        problem,
        &result.assignments,
        &mut result.slots,
        &mut result.director_days,
    );
    result.people = people_summaries(problem, &result.assignments);
    result.staff_cost = result.people.iter().map(|p| p.cost).sum();
    result.residual_missing = result.missing_totals();
    // The published plan's cost, as its sheets add it up; the cheapest plan of the same
    // shortage cannot cost more (a stage stopped early may have found a dearer one).
    result.stability.published_cost = result.staff_cost + result.hire_cost();
    if result.stability.published_cost < result.stability.cheapest_cost {
        result.stability.cheapest_cost = result.stability.published_cost;
        result.stability.cheapest = result.stability.published;
    }
    // The team alone, counted the same way from its own schedule.
    let staff = |id: &str| problem.animateur(id).map(|a| a.qualification.category);
    let team_slots = slot_outcomes(problem, &result.team_alone, staff);
    let team_directors = director_days(problem, &result.team_alone);
    // What keeps the team from the work it leaves short: what to change in the input, not
    // whom to hire (the posts cover it in the published plan).
    result.blockers = blockers(problem, &result.team_alone, &team_slots, &team_directors);
    result.team_missing = (
        team_slots.iter().map(|s| s.missing_animateurs).sum(),
        team_slots.iter().map(|s| s.missing_qualified).sum(),
        team_directors.iter().map(|d| d.missing).sum(),
    );
    result.unclosed.no_profile = if result.recruitment_ran {
        unprovided(problem, result)
    } else {
        Vec::new()
    };
    let team_psc1 = psc1_days(problem, &result.team_alone);
    result.team_missing_psc1 =
        u32::try_from(team_psc1.iter().filter(|d| d.missing()).count()).unwrap_or(u32::MAX);
}

/// What no hiring profile can supply where the published plan stays short, per sector.
fn unprovided(problem: &Problem, result: &PlanResult) -> Vec<(UnclosedNeed, Option<String>)> {
    let groups = hiring_groups(problem);
    let mut needs: BTreeSet<(UnclosedNeed, Option<String>)> = BTreeSet::new();
    let mut need = |need: UnclosedNeed, accueil: &Accueil| {
        let can = |group: &HiringGroup| {
            rules::may_work_at(&candidate_animateur("", group), accueil)
                && match need {
                    UnclosedNeed::Animateur => true,
                    UnclosedNeed::Qualified => {
                        group.qualification.category == AnimationCategory::Qualified
                    }
                    UnclosedNeed::Director => group.qualification.may_direct(),
                    UnclosedNeed::ProfessionalDirector => {
                        director::may_direct(group.qualification.director, true)
                    }
                    UnclosedNeed::Psc1 => group.certificats.contains(&Certificate::Psc1),
                }
        };
        if !groups.iter().any(can) {
            needs.insert((need, accueil.secteur.clone()));
        }
    };
    for slot in &result.slots {
        let accueil = problem.accueil_of(problem.need(slot.forecast));
        if slot.missing_animateurs > 0 {
            need(UnclosedNeed::Animateur, accueil);
        }
        if slot.missing_qualified > 0 {
            need(UnclosedNeed::Qualified, accueil);
        }
    }
    for day in result.director_days.iter().filter(|d| d.missing > 0) {
        if let Some(accueil) = problem.accueil(&day.accueil) {
            let professional = problem.professional_director(accueil);
            need(
                if professional {
                    UnclosedNeed::ProfessionalDirector
                } else {
                    UnclosedNeed::Director
                },
                accueil,
            );
        }
    }
    for day in result.psc1_days.iter().filter(|d| d.missing()) {
        if let Some(accueil) = problem.accueil(&day.accueil) {
            need(UnclosedNeed::Psc1, accueil);
        }
    }
    needs.into_iter().collect()
}

/// The category of a person of the published plan: an animateur of the input, or a post to
/// fill (`RECRUTEMENT-<n>`).
fn hire_category(problem: &Problem, hires: &[Hire], id: &str) -> Option<AnimationCategory> {
    match problem.animateur(id) {
        Some(animateur) => Some(animateur.qualification.category),
        None => hires
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.qualification.category),
    }
}
