//! The planning instance: the slots to staff, the open days that need a director, the people
//! (staff and recruitment candidates), and the eligible (person, open day) pairs. Only eligible
//! combinations ever become variables, so the model stays small.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::domain::{Animateur, AnimationCategory, AvailabilityFlags, Cents, Creneau};
use crate::problem::{AccueilId, Need, Problem};
use crate::rules::director::DirectorPresence;
use crate::rules::eligibility::Eligibility;
use crate::rules::{health, labour};

/// One forecast row with children: a requirement to cover.
#[derive(Debug, Clone)]
pub struct Slot {
    pub creneau: Creneau,
    pub minutes: u32,
    /// N plus the extra adults of `Accompagnement renforce`.
    pub staff_needed: u32,
    pub min_qualified: u32,
    /// R227-12 cap plus the extra adults (who may be of any category).
    pub max_unqualified: u32,
    pub director_counts: bool,
}

/// One ACM on one date with at least one slot to cover: needs a director.
#[derive(Debug, Clone)]
pub struct OpenDay {
    pub accueil: AccueilId,
    pub date: NaiveDate,
    pub slots: Vec<usize>,
    /// Director plus adjoints.
    pub directors: u32,
    /// Minutes a director works that day: the union of the day's créneaux.
    pub director_minutes: u32,
    /// The ACM's sector (its code when it has none): the model's classes are formed per
    /// sector.
    pub sector: String,
    /// A séjour or mini-camp: a PSC1 holder in the day's team (arrêté of 20 February 2003).
    pub needs_psc1: bool,
}

/// Someone who may be scheduled: an animateur of the input, or a recruitment candidate.
#[derive(Debug, Clone)]
pub struct Person {
    pub animateur: Animateur,
    pub category: AnimationCategory,
    pub daily_cost: Cents,
    /// For a recruitment candidate: its group (profile × sector) and fixed hiring cost.
    pub candidate: Option<Candidate>,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub group: usize,
    pub fixed_cost: Cents,
    /// The dates on which the staffing stage found a shortage this profile could cover: a
    /// candidate is only offered there, which keeps the recruitment model small.
    pub dates: BTreeSet<NaiveDate>,
}

/// A person who may work at one open day: the slots they may animate and whether they may
/// direct. Becomes the variables z (works there), x (animates a slot), y (directs).
#[derive(Debug, Clone)]
pub struct Arc {
    pub person: usize,
    pub day: usize,
    /// Slot indices the person may animate (available, hour limits allow).
    pub slots: Vec<usize>,
    pub can_direct: bool,
}

/// Everything the model is built from, for one component (or the whole territory).
#[derive(Debug, Clone, Default)]
pub struct Instance {
    pub slots: Vec<Slot>,
    pub days: Vec<OpenDay>,
    pub people: Vec<Person>,
    pub arcs: Vec<Arc>,
    /// Sorted distinct dates of the open days.
    pub dates: Vec<NaiveDate>,
    /// First date of the whole planning period: CEE days worked before it (`Jours CEE 12
    /// derniers mois`) count in every rolling window that starts on or before it.
    pub horizon_start: NaiveDate,
    /// Whether the day's director works every créneau, or at least one (`Presence de la
    /// direction`).
    pub director_presence: DirectorPresence,
}

impl Instance {
    /// Builds the instance for the ACM in `accueils` on `dates` (all dates when `None`), with
    /// `people`.
    pub fn new(
        problem: &Problem,
        accueils: &[AccueilId],
        dates: Option<&BTreeSet<NaiveDate>>,
        people: Vec<Person>,
    ) -> Instance {
        let horizon_start = problem
            .date_span()
            .map(|(first, _)| first)
            .unwrap_or_default();
        let mut instance = Instance {
            people,
            horizon_start,
            director_presence: problem.parameters.director_presence,
            ..Instance::default()
        };
        instance.collect_slots(problem, accueils, dates);
        instance.collect_arcs(problem);
        instance
    }

    fn collect_slots(
        &mut self,
        problem: &Problem,
        accueils: &[AccueilId],
        dates: Option<&BTreeSet<NaiveDate>>,
    ) {
        let mut by_day: BTreeMap<(AccueilId, NaiveDate), Vec<&Need>> = BTreeMap::new();
        for need in &problem.needs {
            let accueil = need.accueil;
            if need.requirement.required == 0
                || !accueils.contains(&accueil)
                || dates.is_some_and(|d| !d.contains(&need.forecast.date))
            {
                continue;
            }
            by_day
                .entry((accueil, need.forecast.date))
                .or_default()
                .push(need);
        }
        let mut dates: Vec<NaiveDate> = by_day.keys().map(|(_, d)| *d).collect();
        dates.sort_unstable();
        dates.dedup();
        self.dates = dates;
        for ((accueil, date), mut needs) in by_day {
            needs.sort_by_key(|need| need.forecast.creneau.sort_key());
            let mut slots = Vec::new();
            let mut directors = 0;
            for need in needs {
                let requirement = &need.requirement;
                let creneau = need.forecast.creneau.clone();
                directors = directors.max(requirement.directors);
                slots.push(self.slots.len());
                self.slots.push(Slot {
                    minutes: creneau.duration_minutes(),
                    creneau,
                    staff_needed: requirement.total_animation(),
                    min_qualified: requirement.min_qualified,
                    max_unqualified: requirement.max_unqualified + requirement.extra_renforce,
                    director_counts: requirement.director_counts,
                });
            }
            let director_minutes =
                labour::minutes_worked(slots.iter().map(|s| &self.slots[*s].creneau));
            let acm = &problem.accueils[accueil.index()];
            self.days.push(OpenDay {
                accueil,
                date,
                slots,
                directors,
                director_minutes,
                sector: acm
                    .secteur
                    .clone()
                    .unwrap_or_else(|| format!("#{}", acm.code)),
                needs_psc1: health::needs_psc1(acm.kind),
            });
        }
    }

    fn collect_arcs(&mut self, problem: &Problem) {
        // R227-14 III, once per accueil.
        let professional: Vec<bool> = problem
            .accueils
            .iter()
            .map(|accueil| problem.professional_director(accueil))
            .collect();
        for (person_index, person) in self.people.iter().enumerate() {
            let animateur = &person.animateur;
            // Who may work where: the one definition the explanations use too (a candidate is
            // available all day on the dates it is offered).
            let mut eligibility: BTreeMap<AccueilId, Eligibility> = BTreeMap::new();
            let availability = problem.availability.of(&animateur.id);
            for (day_index, day) in self.days.iter().enumerate() {
                let flags = match &person.candidate {
                    Some(candidate) if candidate.dates.contains(&day.date) => {
                        AvailabilityFlags::JOURNEE
                    }
                    Some(_) => continue,
                    None => availability.get(&day.date).copied().unwrap_or_default(),
                };
                if flags.is_empty() {
                    continue;
                }
                let at = eligibility.entry(day.accueil).or_insert_with(|| {
                    Eligibility::new(
                        animateur,
                        &problem.accueils[day.accueil.index()],
                        professional[day.accueil.index()],
                    )
                });
                if at.at_all().is_err() {
                    continue;
                }
                let may = |slots: &[usize], directs: bool| {
                    let creneaux: Vec<&Creneau> =
                        slots.iter().map(|s| &self.slots[*s].creneau).collect();
                    at.work(day.date, flags, &creneaux, directs).is_ok()
                };
                let slots: Vec<usize> = day
                    .slots
                    .iter()
                    .copied()
                    .filter(|s| may(&[*s], false))
                    .collect();
                let can_direct = match self.director_presence {
                    DirectorPresence::AllDay => may(&day.slots, true),
                    DirectorPresence::OneSlot => slots.iter().any(|s| may(&[*s], true)),
                };
                if !slots.is_empty() || can_direct {
                    self.arcs.push(Arc {
                        person: person_index,
                        day: day_index,
                        slots,
                        can_direct,
                    });
                }
            }
        }
    }

    /// The ISO week key (year, week) of a date: civil weeks run Monday to Sunday.
    pub fn civil_week(date: NaiveDate) -> (i32, u32) {
        let week = date.iso_week();
        (week.year(), week.week())
    }
}

/// CEE days left under the 80-day cap (L432-4), `None` for other contracts.
pub fn cee_budget(animateur: &Animateur) -> Option<u32> {
    (animateur.contrat == crate::domain::Contrat::Cee)
        .then(|| labour::CEE_MAX_DAYS_PER_365.saturating_sub(animateur.jours_cee_anterieurs))
}
