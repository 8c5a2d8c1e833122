//! The published plan: the team's schedule and the recruits' (`PlanResult::hire_assignments`),
//! the recruits renamed `R1`, `R2`… after their post N° in `Recrutement`, with the Nom
//! « À recruter » and the post's qualification. `Affectations`, the `Animateurs` grid,
//! `Planning par accueil` and `Par animateur` all show this one list.

use std::collections::BTreeMap;

use crate::domain::{Affectation, Animateur, Contrat};
use crate::optimize::{Hire, PlanResult};
use crate::problem::Problem;

/// The Nom of a recruit's rows.
pub const RECRUIT_NAME: &str = "À recruter";

/// The id a post is published under: `R<number>`.
pub fn recruit_id(hire: &Hire) -> String {
    format!("R{}", hire.number)
}

/// Someone in the published plan: a person of the team, or a post to fill.
#[derive(Debug, Clone, Copy)]
pub enum Worker<'a> {
    Team(&'a Animateur),
    Recruit(&'a Hire),
}

impl<'a> Worker<'a> {
    /// The published id: the team member's, or `R<n>`.
    pub fn id(&self) -> String {
        match self {
            Worker::Team(person) => person.id.clone(),
            Worker::Recruit(hire) => recruit_id(hire),
        }
    }

    pub fn nom(&self) -> &'a str {
        match self {
            Worker::Team(person) => &person.nom,
            Worker::Recruit(_) => RECRUIT_NAME,
        }
    }

    pub fn prenom(&self) -> &'a str {
        match self {
            Worker::Team(person) => &person.prenom,
            Worker::Recruit(_) => "",
        }
    }

    /// « Nom Prénom », or « À recruter (R2) ».
    pub fn display_name(&self) -> String {
        match self {
            Worker::Team(person) if person.prenom.is_empty() => person.nom.clone(),
            Worker::Team(person) => format!("{} {}", person.nom, person.prenom),
            Worker::Recruit(hire) => format!("{RECRUIT_NAME} ({})", recruit_id(hire)),
        }
    }

    /// The qualification as `check` reads it back: a post's with its certificates (`BAFA +
    /// PSC1`).
    pub fn qualification(&self) -> std::borrow::Cow<'a, str> {
        match self {
            Worker::Team(person) => std::borrow::Cow::Borrowed(&person.qualification.label),
            Worker::Recruit(hire) => std::borrow::Cow::Owned(hire.label()),
        }
    }

    /// The contract, when known (a post's is not).
    pub fn contrat(&self) -> Option<Contrat> {
        match self {
            Worker::Team(person) => Some(person.contrat),
            Worker::Recruit(_) => None,
        }
    }
}

/// The published assignments: the team's, then the recruits' renamed `R<n>`; each person's
/// rows in date, créneau and accueil order.
pub fn published_assignments(result: &PlanResult) -> Vec<Affectation> {
    let renamed: BTreeMap<&str, String> = result
        .hires
        .iter()
        .map(|hire| (hire.id.as_str(), recruit_id(hire)))
        .collect();
    let mut team = result.assignments.clone();
    let mut recruits: Vec<Affectation> = result
        .hire_assignments
        .iter()
        .filter_map(|a| {
            let id = renamed.get(a.animateur.as_str())?;
            Some(Affectation {
                animateur: id.clone(),
                ..a.clone()
            })
        })
        .collect();
    let order = |a: &Affectation, b: &Affectation| {
        (a.date, a.creneau.sort_key(), &a.accueil).cmp(&(b.date, b.creneau.sort_key(), &b.accueil))
    };
    team.sort_by(|a, b| a.animateur.cmp(&b.animateur).then_with(|| order(a, b)));
    // Posts in number order (R2 before R10).
    let number = |id: &str| id[1..].parse::<usize>().unwrap_or(usize::MAX);
    recruits.sort_by(|a, b| {
        number(&a.animateur)
            .cmp(&number(&b.animateur))
            .then_with(|| order(a, b))
    });
    team.extend(recruits);
    team
}

/// The people of the published plan: the team in input order, then the posts by number.
pub fn workers<'a>(problem: &'a Problem, result: &'a PlanResult) -> Vec<Worker<'a>> {
    let mut hires: Vec<&Hire> = result.hires.iter().collect();
    hires.sort_by_key(|h| h.number);
    problem
        .animateurs
        .iter()
        .map(Worker::Team)
        .chain(hires.into_iter().map(Worker::Recruit))
        .collect()
}

/// The worker of a published id.
pub fn worker<'a>(problem: &'a Problem, result: &'a PlanResult, id: &str) -> Option<Worker<'a>> {
    if let Some(person) = problem.animateur(id) {
        return Some(Worker::Team(person));
    }
    result
        .hires
        .iter()
        .find(|hire| recruit_id(hire) == id)
        .map(Worker::Recruit)
}
