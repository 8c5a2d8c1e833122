//! The [`Problem`] itself: records in lists indexed by typed ids, and the maps that find them.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ids::{AccueilId, ForecastId, PersonId};
use super::need::Need;
use super::remark::Remark;
use crate::domain::{
    Accueil, Affectation, Animateur, Availability, AvailabilityFlags, CalendarOverride,
    HiringProfile, Prevision, SourceRef,
};
use crate::rules::{Calendar, Parameters, director};

/// The validated inputs and their needs, as every stage after `rules` sees them.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The `Accueils` rows, indexed by [`AccueilId`].
    pub accueils: Vec<Accueil>,
    /// One need per forecast slot, indexed by [`ForecastId`], in the order of `Previsions`.
    pub needs: Vec<Need>,
    /// The team, indexed by [`PersonId`].
    pub animateurs: Vec<Animateur>,
    pub availability: Availability,
    /// The hiring profiles of the `Recrutement` sheet (empty: the defaults of `Regles`).
    pub hiring: Vec<HiringProfile>,
    /// The `Regles` rows as written (parameter name, value, where), echoed in the reports.
    pub rule_rows: Vec<(String, String, SourceRef)>,
    /// The `Calendrier` rows, already applied in `calendar`.
    pub calendar_rows: Vec<CalendarOverride>,
    /// The files read, in order.
    pub files: Vec<String>,
    pub parameters: Parameters,
    pub calendar: Calendar,
    /// What the inputs call for attention without being refused.
    pub remarks: Vec<Remark>,
    /// Per accueil, the most minors forecast in one créneau over the run.
    pub(super) peak_minors: Vec<u32>,
    pub(super) accueil_ids: HashMap<String, AccueilId>,
    pub(super) person_ids: HashMap<String, PersonId>,
}

impl Problem {
    /// The accueil of that code, if any.
    pub fn accueil(&self, code: &str) -> Option<&Accueil> {
        self.accueil_id(code).map(|id| &self.accueils[id.index()])
    }

    pub fn accueil_id(&self, code: &str) -> Option<AccueilId> {
        self.accueil_ids.get(code).copied()
    }

    /// The accueil a need is for.
    pub fn accueil_of(&self, need: &Need) -> &Accueil {
        &self.accueils[need.accueil.index()]
    }

    /// Whether only a professional diploma may direct this accueil (R227-14 III), on the
    /// larger of its declared capacity and the most minors forecast on one créneau of the run.
    pub fn professional_director(&self, accueil: &Accueil) -> bool {
        let peak = self
            .accueil_id(&accueil.code)
            .map_or(0, |id| self.peak_minors[id.index()]);
        director::professional_director_required(accueil, director::minors_counted(accueil, peak))
    }

    /// The person of that id, if any.
    pub fn animateur(&self, id: &str) -> Option<&Animateur> {
        self.person_id(id).map(|id| &self.animateurs[id.index()])
    }

    pub fn person_id(&self, id: &str) -> Option<PersonId> {
        self.person_ids.get(id).copied()
    }

    pub fn need(&self, id: ForecastId) -> &Need {
        &self.needs[id.index()]
    }

    /// The forecast of a slot.
    pub fn forecast(&self, id: ForecastId) -> &Prevision {
        &self.needs[id.index()].forecast
    }

    /// The forecasts, in the order of `Previsions`.
    pub fn forecasts(&self) -> impl Iterator<Item = &Prevision> {
        self.needs.iter().map(|need| &need.forecast)
    }

    /// The same problem with `posts` (people hired for a plan) on the team, each available all
    /// day on the dates `schedule` has them work: how `check` audits a plan's posts to fill.
    pub fn with_posts(&self, posts: &[Animateur], schedule: &[Affectation]) -> Problem {
        let mut problem = self.clone();
        for post in posts {
            if problem.person_ids.contains_key(&post.id) {
                continue;
            }
            for row in schedule.iter().filter(|a| a.animateur == post.id) {
                problem
                    .availability
                    .add(&post.id, row.date, AvailabilityFlags::JOURNEE);
            }
            problem
                .person_ids
                .insert(post.id.clone(), PersonId::new(problem.animateurs.len()));
            problem.animateurs.push(post.clone());
        }
        problem
    }

    /// First and last forecast dates, if any.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.forecasts().map(|p| p.date).min()?;
        let last = self.forecasts().map(|p| p.date).max()?;
        Some((first, last))
    }
}
