//! Where the team falls short, per accueil: the dates some créneau or the direction is short,
//! and the posts to fill that work there (the « Que faire » of `Synthese`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::report::wording::compact_dates;

use super::context::SheetContext;

/// One accueil where the team falls short.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortPlace {
    pub code: String,
    pub name: String,
    /// Dates with a shortage of the team (animateurs, qualified or direction).
    pub dates: BTreeSet<NaiveDate>,
    /// Posts working there (`R1`…), with their dates there.
    pub posts: BTreeMap<String, BTreeSet<NaiveDate>>,
}

impl ShortPlace {
    pub fn days(&self) -> u32 {
        u32::try_from(self.dates.len()).unwrap_or(u32::MAX)
    }

    /// `ALSH-DOUE — Les Loupiots`.
    pub fn accueil_words(&self) -> String {
        if self.name.is_empty() {
            self.code.clone()
        } else {
            format!("{} — {}", self.code, self.name)
        }
    }

    /// The short dates, the posts planned there, and the dates no post covers.
    pub fn detail(&self) -> String {
        let dates: Vec<NaiveDate> = self.dates.iter().copied().collect();
        let mut text = compact_dates(&dates);
        if self.posts.is_empty() {
            text.push_str(" ; aucun poste à recruter prévu ici");
            return text;
        }
        let posts: Vec<&str> = self.posts.keys().map(String::as_str).collect();
        text.push_str(&format!(" ; postes prévus : {}", posts.join(", ")));
        let covered: BTreeSet<NaiveDate> = self.posts.values().flatten().copied().collect();
        let uncovered: Vec<NaiveDate> = self.dates.difference(&covered).copied().collect();
        if !uncovered.is_empty() {
            text.push_str(&format!(
                " ; sans poste prévu : {}",
                compact_dates(&uncovered)
            ));
        }
        text
    }
}

/// The accueils where the team falls short, in code order.
pub(super) fn short_places(context: &SheetContext) -> Vec<ShortPlace> {
    let figures = context.figures;
    let mut places: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    for slot in &figures.slots {
        if slot.missing_animateurs() + slot.missing_qualified() > 0 {
            places
                .entry(slot.prevision.accueil.as_str())
                .or_default()
                .insert(slot.prevision.date);
        }
    }
    for day in &context.result().director_days {
        if day.missing > 0 {
            places
                .entry(day.accueil.as_str())
                .or_default()
                .insert(day.date);
        }
    }
    let team: BTreeSet<&str> = context
        .problem()
        .animateurs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    places
        .into_iter()
        .map(|(code, dates)| {
            let mut posts: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
            for affectation in &figures.published {
                if affectation.accueil == code && !team.contains(affectation.animateur.as_str()) {
                    posts
                        .entry(affectation.animateur.clone())
                        .or_default()
                        .insert(affectation.date);
                }
            }
            ShortPlace {
                code: code.to_string(),
                name: context
                    .problem()
                    .accueil(code)
                    .map(|a| a.nom.clone())
                    .unwrap_or_default(),
                dates,
                posts,
            }
        })
        .collect()
}
