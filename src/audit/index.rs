//! The schedule resolved against the inputs: each row tied to its person, ACM and forecast slot,
//! and grouped the ways the rules look at it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::domain::{Accueil, Affectation, Animateur, Creneau, Prevision, Role, normalize_key};
use crate::problem::{ForecastId, Need, Problem};
use crate::rules::SlotRequirement;

/// Why a row of the schedule does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    Person,
    Accueil,
    /// The ACM has no forecast that date.
    Date,
    /// The ACM has forecasts that date, none for this créneau: the créneaux it has.
    Creneau(Vec<String>),
}

/// One row of the schedule whose person is known.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub person: &'a Animateur,
    /// The ACM, when its code is known.
    pub accueil: Option<&'a Accueil>,
    /// The ACM code as written in the schedule.
    pub accueil_code: &'a str,
    /// The forecast slot, when the row matches one.
    pub slot: Option<ForecastId>,
    pub date: NaiveDate,
    /// The forecast's créneau (with its times) when the row matches a slot, else the row's own.
    pub creneau: &'a Creneau,
    pub role: Role,
    pub source_row: Option<u32>,
}

/// The schedule seen from the inputs.
pub struct ScheduleIndex<'a> {
    pub problem: &'a Problem,
    /// For every row of the schedule, in order, what does not resolve.
    pub problems: Vec<(&'a Affectation, Vec<Unresolved>)>,
    /// Rows whose person is known, in schedule order.
    pub rows: Vec<Row<'a>>,
    /// Forecast slot → indices into `rows` of the rows on that slot.
    by_slot: BTreeMap<ForecastId, Vec<usize>>,
    /// Person Id → indices into `rows`, by date then créneau.
    by_person: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> ScheduleIndex<'a> {
    pub fn new(problem: &'a Problem, schedule: &'a [Affectation]) -> Self {
        let lookup = Lookup::new(problem);
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        for affectation in schedule {
            let (row, unresolved) = lookup.resolve(affectation);
            if !unresolved.is_empty() {
                problems.push((affectation, unresolved));
            }
            rows.extend(row);
        }
        let mut by_slot: BTreeMap<ForecastId, Vec<usize>> = BTreeMap::new();
        let mut by_person: BTreeMap<&'a str, Vec<usize>> = BTreeMap::new();
        for (position, row) in rows.iter().enumerate() {
            if let Some(slot) = row.slot {
                by_slot.entry(slot).or_default().push(position);
            }
            by_person
                .entry(row.person.id.as_str())
                .or_default()
                .push(position);
        }
        for positions in by_person.values_mut() {
            positions.sort_by_key(|position| {
                let row = &rows[*position];
                (
                    row.date,
                    row.creneau.sort_key(),
                    row.accueil_code,
                    row.source_row,
                )
            });
        }
        ScheduleIndex {
            problem,
            problems,
            rows,
            by_slot,
            by_person,
        }
    }

    /// Every forecast slot with children, in the order ACM, date, créneau: its index, forecast,
    /// requirement and ACM.
    pub fn open_slots(&self) -> impl Iterator<Item = OpenSlot<'a>> + '_ {
        let problem = self.problem;
        let mut order: Vec<&'a Need> = problem
            .needs
            .iter()
            .filter(|need| need.requirement.required > 0)
            .collect();
        order.sort_by(|a, b| {
            let (a, b) = (&a.forecast, &b.forecast);
            (&a.accueil, a.date, a.creneau.sort_key()).cmp(&(
                &b.accueil,
                b.date,
                b.creneau.sort_key(),
            ))
        });
        order.into_iter().map(move |need| OpenSlot {
            index: need.id,
            prevision: &need.forecast,
            requirement: &need.requirement,
            accueil: problem.accueil_of(need),
        })
    }

    /// The rows on a forecast slot.
    pub fn rows_on_slot(&self, slot: ForecastId) -> impl Iterator<Item = &Row<'a>> + '_ {
        self.by_slot
            .get(&slot)
            .into_iter()
            .flatten()
            .map(|position| &self.rows[*position])
    }

    /// The distinct people on a slot in `role`, by Id. A person holding both roles on the slot
    /// counts in animation only (the double role is reported on its own).
    pub fn people_on_slot(&self, slot: ForecastId, role: Role) -> Vec<&'a Animateur> {
        let animation: BTreeMap<&str, &'a Animateur> = self
            .rows_on_slot(slot)
            .filter(|row| row.role == Role::Animation)
            .map(|row| (row.person.id.as_str(), row.person))
            .collect();
        match role {
            Role::Animation => animation.into_values().collect(),
            Role::Direction => self
                .rows_on_slot(slot)
                .filter(|row| row.role == Role::Direction)
                .filter(|row| !animation.contains_key(row.person.id.as_str()))
                .map(|row| (row.person.id.as_str(), row.person))
                .collect::<BTreeMap<_, _>>()
                .into_values()
                .collect(),
        }
    }

    /// Every person in the schedule, by Id, with their rows by date then créneau.
    pub fn people(&self) -> impl Iterator<Item = (&'a Animateur, Vec<&Row<'a>>)> + '_ {
        self.by_person.values().filter_map(|positions| {
            let rows: Vec<&Row<'a>> = positions.iter().map(|p| &self.rows[*p]).collect();
            let person = rows.first()?.person;
            Some((person, rows))
        })
    }

    /// Open days of every ACM: (ACM code, date) → directors required that day (the largest over
    /// the day's slots with children).
    pub fn open_days(&self) -> BTreeMap<(&'a str, NaiveDate), u32> {
        let mut days: BTreeMap<(&'a str, NaiveDate), u32> = BTreeMap::new();
        for slot in self.open_slots() {
            let entry = days
                .entry((slot.accueil.code.as_str(), slot.prevision.date))
                .or_default();
            *entry = (*entry).max(slot.requirement.directors);
        }
        days
    }

    /// People in a direction role at each known ACM each date, whatever the créneau.
    pub fn directors_by_day(&self) -> BTreeMap<(&'a str, NaiveDate), BTreeSet<&'a str>> {
        let mut directors: BTreeMap<(&'a str, NaiveDate), BTreeSet<&'a str>> = BTreeMap::new();
        for row in &self.rows {
            if let (Role::Direction, Some(accueil)) = (row.role, row.accueil) {
                directors
                    .entry((accueil.code.as_str(), row.date))
                    .or_default()
                    .insert(row.person.id.as_str());
            }
        }
        directors
    }
}

/// A forecast slot with children, with what the law requires there.
pub struct OpenSlot<'a> {
    pub index: ForecastId,
    pub prevision: &'a Prevision,
    pub requirement: &'a SlotRequirement,
    pub accueil: &'a Accueil,
}

/// The inputs indexed to resolve schedule rows.
struct Lookup<'a> {
    problem: &'a Problem,
    people: HashMap<&'a str, &'a Animateur>,
    accueils: HashMap<&'a str, &'a Accueil>,
    /// (ACM code, date) → the forecasts of that day.
    forecasts: HashMap<(&'a str, NaiveDate), Vec<ForecastId>>,
}

impl<'a> Lookup<'a> {
    fn new(problem: &'a Problem) -> Self {
        let mut forecasts: HashMap<(&'a str, NaiveDate), Vec<ForecastId>> = HashMap::new();
        for need in &problem.needs {
            let forecast = &need.forecast;
            forecasts
                .entry((forecast.accueil.as_str(), forecast.date))
                .or_default()
                .push(need.id);
        }
        Lookup {
            problem,
            people: problem
                .animateurs
                .iter()
                .map(|p| (p.id.as_str(), p))
                .collect(),
            accueils: problem
                .accueils
                .iter()
                .map(|a| (a.code.as_str(), a))
                .collect(),
            forecasts,
        }
    }

    /// The row (when the person is known) and what does not resolve.
    fn resolve(&self, affectation: &'a Affectation) -> (Option<Row<'a>>, Vec<Unresolved>) {
        let person = self
            .people
            .get(affectation.animateur.as_str())
            .copied()
            .or_else(|| find_person(&self.problem.animateurs, &affectation.animateur));
        let accueil = self
            .accueils
            .get(affectation.accueil.as_str())
            .copied()
            .or_else(|| find_accueil(&self.problem.accueils, &affectation.accueil));
        let mut unresolved = Vec::new();
        if person.is_none() {
            unresolved.push(Unresolved::Person);
        }
        let slot = match accueil {
            None => {
                unresolved.push(Unresolved::Accueil);
                None
            }
            Some(accueil) => self.slot(accueil, affectation, &mut unresolved),
        };
        let row = person.map(|person| Row {
            person,
            accueil,
            accueil_code: accueil.map_or(affectation.accueil.as_str(), |a| a.code.as_str()),
            slot,
            date: affectation.date,
            creneau: slot.map_or(&affectation.creneau, |s| &self.problem.forecast(s).creneau),
            role: affectation.role,
            source_row: affectation.source.as_ref().map(|s| s.row),
        });
        (row, unresolved)
    }

    /// The forecast slot of a row at a known ACM, or why there is none.
    fn slot(
        &self,
        accueil: &'a Accueil,
        affectation: &Affectation,
        unresolved: &mut Vec<Unresolved>,
    ) -> Option<ForecastId> {
        let problem = self.problem;
        let candidates = self
            .forecasts
            .get(&(accueil.code.as_str(), affectation.date))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let slot = find_slot(problem, candidates, &affectation.creneau);
        if slot.is_none() {
            unresolved.push(if candidates.is_empty() {
                Unresolved::Date
            } else {
                Unresolved::Creneau(
                    candidates
                        .iter()
                        .map(|i| problem.forecast(*i).creneau.label.clone())
                        .collect(),
                )
            });
        }
        slot
    }
}

/// The person whose Id matches ignoring case, accents and separators (when only one does).
fn find_person<'a>(people: &'a [Animateur], id: &str) -> Option<&'a Animateur> {
    unique(people.iter().filter(|p| same_key(&p.id, id)))
}

/// The ACM whose code matches ignoring case, accents and separators (when only one does).
fn find_accueil<'a>(accueils: &'a [Accueil], code: &str) -> Option<&'a Accueil> {
    unique(accueils.iter().filter(|a| same_key(&a.code, code)))
}

/// The forecast among `candidates` for this créneau: the same label and times, else the same
/// label (a schedule typed by hand gives the standard times of a label the forecast redefines).
fn find_slot(
    problem: &Problem,
    candidates: &[ForecastId],
    creneau: &Creneau,
) -> Option<ForecastId> {
    candidates
        .iter()
        .copied()
        .find(|i| problem.forecast(*i).creneau == *creneau)
        .or_else(|| {
            unique(
                candidates
                    .iter()
                    .copied()
                    .filter(|i| same_key(&problem.forecast(*i).creneau.label, &creneau.label)),
            )
        })
}

fn same_key(a: &str, b: &str) -> bool {
    let key = normalize_key(a);
    !key.is_empty() && key == normalize_key(b)
}

/// The only item, if there is exactly one.
fn unique<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}
