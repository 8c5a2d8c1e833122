//! What every solve of one component reads: the problem, the component's ACM, the hiring
//! profiles, the run's options; and how the team is adjusted for one period.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use super::clock::Clock;
use super::hiring::HiringGroup;
use super::instance::Person;
use super::options::PlanOptions;
use crate::domain::Cents;
use crate::problem::{AccueilId, Problem};
use crate::rules;

/// One component of the territory, solved period by period.
pub struct ComponentContext<'a> {
    pub problem: &'a Problem,
    pub accueils: &'a [AccueilId],
    pub groups: &'a [HiringGroup],
    pub options: &'a PlanOptions,
    pub component: usize,
    /// When the plan run started.
    pub started: Instant,
    /// The component's time: what each stage may take.
    pub clock: &'a Clock,
}

impl ComponentContext<'_> {
    /// The codes of the component's ACM.
    pub fn accueil_codes(&self) -> Vec<String> {
        self.accueils
            .iter()
            .map(|a| self.problem.accueils[a.index()].code.clone())
            .collect()
    }

    pub fn staff(&self) -> Vec<Person> {
        staff_people(self.problem, self.accueils)
    }

    /// The team, with each person's days in this period capped by `caps` (their share of a
    /// budget that spans periods), kept as a `Max jours`.
    pub fn staff_capped(&self, terms: &PeriodTerms) -> Vec<Person> {
        let mut people = self.staff();
        for person in &mut people {
            if let Some(cap) = terms.caps.get(&person.animateur.id) {
                let max = &mut person.animateur.max_jours;
                *max = Some(max.map_or(*cap, |m| m.min(*cap)));
            }
            if terms.surcharged.contains(&person.animateur.id) {
                person.daily_cost = Cents(person.daily_cost.0 + terms.surcharge.0);
            }
        }
        people
    }
}

/// How the team is adjusted for one period when periods share budgets.
#[derive(Debug, Clone, Default)]
pub struct PeriodTerms {
    /// Days each person may work in the period (by animateur id): their share of a budget.
    pub caps: BTreeMap<String, u32>,
    /// People whose days count against a budget shared between periods: in the relaxation,
    /// their days cost `surcharge` more, so that each period uses them only where nobody else
    /// does as well, and the budget goes where it is needed.
    pub surcharged: BTreeSet<String>,
    pub surcharge: Cents,
    /// Only the shortage stage (its plan, with the cost as a tie-breaker, is kept).
    pub shortage_only: bool,
    /// A MIP gap four times smaller than the run's for the existing team's shortage stage,
    /// whose plan and bound decide the proven gap of the whole.
    pub tight: bool,
}

/// The people of the team who may work at one of `accueils`.
pub fn staff_people(problem: &Problem, accueils: &[AccueilId]) -> Vec<Person> {
    problem
        .animateurs
        .iter()
        .filter(|a| {
            accueils
                .iter()
                .any(|i| rules::may_work_at(a, &problem.accueils[i.index()]))
        })
        .map(|animateur| Person {
            category: animateur.qualification.category,
            daily_cost: animateur
                .cout_journalier
                .unwrap_or(problem.parameters.default_daily_cost),
            animateur: animateur.clone(),
            candidate: None,
        })
        .collect()
}
