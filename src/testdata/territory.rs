//! A territory as rows of the input sheets, before it is written.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::domain::{AcmType, Contrat};
use crate::schema::previsions;

/// One row of `Accueils`.
#[derive(Debug, Clone, PartialEq)]
pub struct AccueilRow {
    pub code: String,
    pub nom: String,
    pub commune: String,
    pub kind: AcmType,
    pub pedt: bool,
    pub capacite: u32,
    pub jours_ouverture: Option<u32>,
    pub secteur: Option<String>,
    pub tous_14_ans_et_plus: bool,
    pub derogation_direction: bool,
    /// A mini-camp's parent accueil.
    pub rattache_a: Option<String>,
}

/// The day or days of a `Previsions` row.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Date(NaiveDate),
    /// `Du`, `Au` and optionally `Jours` (`mar,mer,jeu`); without `Jours`, Monday to Friday.
    Range {
        du: NaiveDate,
        au: NaiveDate,
        jours: Option<String>,
    },
}

impl When {
    /// The days the row covers.
    pub fn days(&self) -> Vec<NaiveDate> {
        match self {
            When::Date(date) => vec![*date],
            When::Range { du, au, jours } => {
                let wanted: Vec<Weekday> = match jours {
                    None => previsions::DATES.default_days.to_vec(),
                    Some(text) => text.split(',').filter_map(|d| weekday(d.trim())).collect(),
                };
                du.iter_days()
                    .take_while(|d| d <= au)
                    .filter(|d| wanted.contains(&d.weekday()))
                    .collect()
            }
        }
    }
}

/// The abbreviations the generator writes in `Jours`.
fn weekday(abbreviation: &str) -> Option<Weekday> {
    Some(match abbreviation {
        "lun" => Weekday::Mon,
        "mar" => Weekday::Tue,
        "mer" => Weekday::Wed,
        "jeu" => Weekday::Thu,
        "ven" => Weekday::Fri,
        "sam" => Weekday::Sat,
        "dim" => Weekday::Sun,
        _ => return None,
    })
}

/// One row of `Previsions`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrevisionRow {
    pub accueil: String,
    pub when: When,
    pub creneau: String,
    /// Explicit times when the créneau is not at its standard hours.
    pub debut: Option<NaiveTime>,
    pub fin: Option<NaiveTime>,
    pub moins_de_6: u32,
    pub six_et_plus: u32,
    pub renforce: Option<u32>,
}

/// One row of `Animateurs`.
#[derive(Debug, Clone, PartialEq)]
pub struct AnimateurRow {
    pub id: String,
    pub nom: String,
    pub prenom: String,
    /// A canonical qualification label (`rules::qualifications::CANONICAL`).
    pub qualification: &'static str,
    pub contrat: Contrat,
    pub jours_cee: u32,
    /// Euros per day.
    pub cout_journalier: Option<u32>,
    pub date_naissance: Option<NaiveDate>,
    pub secteur: Option<String>,
    pub accueils_possibles: Option<String>,
    pub max_jours: Option<u32>,
    /// Holds the PSC1 (`Autres diplomes`): the suivi sanitaire of séjours and mini-camps.
    pub psc1: bool,
}

/// One row of `Recrutement`.
#[derive(Debug, Clone, PartialEq)]
pub struct HiringRow {
    pub qualification: &'static str,
    pub secteur: Option<String>,
    pub cout_journalier: u32,
    pub cout_fixe: u32,
    pub nombre_maximum: u32,
}

/// Everything an input workbook holds, before it is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Territory {
    pub accueils: Vec<AccueilRow>,
    pub previsions: Vec<PrevisionRow>,
    pub animateurs: Vec<AnimateurRow>,
    /// The date columns of the `Disponibilites` grid.
    pub dates: Vec<NaiveDate>,
    /// One row per animateur (same order), one code per date: `J`, `M`, `AM`, `S` or `""`.
    pub availability: Vec<Vec<&'static str>>,
    pub recrutement: Vec<HiringRow>,
    /// `Regles` rows (parameter, value); no sheet when empty.
    pub regles: Vec<(String, String)>,
    /// `Calendrier` rows for the dates the built-in calendar does not know; no sheet when empty.
    pub calendrier: Vec<(NaiveDate, &'static str)>,
}

impl Territory {
    /// Children expected per calendar month (year, month), summed over every forecast day and
    /// créneau: a quick check of the seasonality.
    pub fn children_by_month(&self) -> Vec<((i32, u32), u64)> {
        let mut totals: std::collections::BTreeMap<(i32, u32), u64> = Default::default();
        for row in &self.previsions {
            for day in row.when.days() {
                *totals.entry((day.year(), day.month())).or_default() +=
                    u64::from(row.moins_de_6 + row.six_et_plus);
            }
        }
        totals.into_iter().collect()
    }
}
