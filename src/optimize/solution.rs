//! What solving some dates of a component gives: the team's assignments, the posts to fill,
//! the shortage left, and the figures that prove how good the plan is.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::hiring::HiringGroup;
use super::instance::Instance;
use super::model::Choice;
use super::stability::StabilityFigures;
use crate::domain::{Affectation, Role};
use crate::problem::Problem;

/// The solution of one component: assignments of staff and hires, and the shortage variables.
pub struct ComponentSolution {
    pub assignments: Vec<Affectation>,
    pub hires: Vec<(HiringGroup, Vec<Affectation>)>,
    /// The profiles hired up to their market cap.
    pub capped: Vec<HiringGroup>,
    /// The existing team's own plan (before hires and stability): what the published plan is
    /// held against (never shorter-staffed).
    pub team_assignments: Vec<Affectation>,
    /// The weighted shortage the stage that produced the published plan claims (read from its
    /// shortage variables).
    pub claimed_shortage: f64,
    /// The existing team's plan: weighted shortage and cost, with their proven bounds.
    pub staffing: Staffing,
    /// The cheapest plan and what making it stable cost.
    pub stability: StabilityCost,
}

/// The cheapest plan (its stability figures and cost) against the published stable one.
#[derive(Debug, Clone, Copy, Default)]
pub struct StabilityCost {
    pub reference: StabilityFigures,
    /// The fewest accueil-weeks changing director proven possible (the directors stage's
    /// bound); `None` when a part had no directors stage.
    pub least_changing: Option<f64>,
    /// Cost of the cheapest plan and of the published one, in cents (hires included).
    pub reference_cost: f64,
    pub published_cost: f64,
}

impl ComponentSolution {
    pub fn empty() -> ComponentSolution {
        ComponentSolution::combine([])
    }

    pub fn combine(parts: impl IntoIterator<Item = ComponentSolution>) -> ComponentSolution {
        let mut combined = ComponentSolution {
            assignments: Vec::new(),
            hires: Vec::new(),
            capped: Vec::new(),
            team_assignments: Vec::new(),
            claimed_shortage: 0.0,
            staffing: Staffing::default(),
            stability: StabilityCost {
                least_changing: Some(0.0),
                ..StabilityCost::default()
            },
        };
        for part in parts {
            combined.assignments.extend(part.assignments);
            combined.hires.extend(part.hires);
            combined.capped.extend(part.capped);
            combined.team_assignments.extend(part.team_assignments);
            combined.claimed_shortage += part.claimed_shortage;
            combined.stability.least_changing = match (
                combined.stability.least_changing,
                part.stability.least_changing,
            ) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
            combined.stability.reference.add(part.stability.reference);
            combined.stability.reference_cost += part.stability.reference_cost;
            combined.stability.published_cost += part.stability.published_cost;
            combined.staffing.shortage += part.staffing.shortage;
            combined.staffing.shortage_bound += part.staffing.shortage_bound;
            combined.staffing.cost += part.staffing.cost;
            combined.staffing.cost_bound += part.staffing.cost_bound;
        }
        combined
    }
}

/// The existing team's plan of some dates: weighted shortage and cost, with their proven
/// bounds (the bounds add up over periods solved apart).
#[derive(Debug, Clone, Copy, Default)]
pub struct Staffing {
    pub shortage: f64,
    pub shortage_bound: f64,
    pub cost: f64,
    pub cost_bound: f64,
}

/// Assignments of the people selected by `keep`, from the plan split into personal choices.
pub fn extract(
    problem: &Problem,
    instance: &Instance,
    plan: &[Choice],
    keep: impl Fn(usize) -> bool,
) -> Vec<Affectation> {
    let mut assignments = Vec::new();
    for (arc, choice) in instance.arcs.iter().zip(plan) {
        if !keep(arc.person) {
            continue;
        }
        let person = &instance.people[arc.person].animateur;
        let day = &instance.days[arc.day];
        let accueil = &problem.accueils[day.accueil.index()].code;
        let mut push = |slot: usize, role: Role| {
            assignments.push(Affectation {
                animateur: person.id.clone(),
                accueil: accueil.clone(),
                date: day.date,
                creneau: instance.slots[slot].creneau.clone(),
                role,
                source: None,
            });
        };
        for ((slot, directs), animates) in
            arc.slots.iter().zip(&choice.directed).zip(&choice.animates)
        {
            if *directs {
                push(*slot, Role::Direction);
            } else if *animates {
                push(*slot, Role::Animation);
            }
        }
    }
    assignments
}

/// The dates each person (by animateur id) works in `assignments`.
pub fn days_worked(assignments: &[Affectation]) -> BTreeMap<&str, BTreeSet<NaiveDate>> {
    let mut worked: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    for assignment in assignments {
        worked
            .entry(assignment.animateur.as_str())
            .or_default()
            .insert(assignment.date);
    }
    worked
}
