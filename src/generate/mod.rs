//! Synthetic territories: the bundled fixtures and the benchmark instances.
//!
//! [`territory`] draws a Saumur Val de Loire-like agglomeration from a [`TerritorySpec`] (ACM,
//! forecasts, animateurs and their availability, hiring profiles), deterministically from its
//! seed; [`petit_accueil`] is the small hand-written fixture; [`write_territory`] writes either
//! as an input workbook with the headers of the template (design.md §3). The same spec always
//! gives a byte-identical file.
//!
//! ```no_run
//! use acm_planner::generate::{TerritorySpec, write_territory};
//! let spec = TerritorySpec::saumur_ete();
//! write_territory(&spec, std::path::Path::new("saumur-ete.xlsx")).expect("written");
//! ```

mod petit;
mod places;
mod random;
mod synth;
mod workbook;

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::domain::{AcmType, Contrat};
use crate::error::Error;

pub use petit::petit_accueil;
pub use places::SECTORS;
pub use random::Random;
pub use synth::territory;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritorySpec {
    /// Number of ACM.
    pub acm: usize,
    /// Number of animateurs (directors included).
    pub animateurs: usize,
    /// Number of weeks, from `start`.
    pub weeks: u32,
    /// First day, a Monday.
    pub start: NaiveDate,
    pub seed: u64,
    /// Write a `Regles` sheet (echoing two defaults).
    pub regles: bool,
}

impl TerritorySpec {
    /// The bundled summer fixture `fixtures/saumur-ete.xlsx`: 16 ACM, 150 animateurs, 8 weeks
    /// from Monday 6 July 2026.
    pub fn saumur_ete() -> Self {
        TerritorySpec {
            acm: 16,
            animateurs: 150,
            weeks: 8,
            start: NaiveDate::from_ymd_opt(2026, 7, 6).unwrap_or_default(),
            seed: 49_400,
            regles: true,
        }
    }

    /// The last day of the period (the start itself for an empty period).
    pub fn end(&self) -> NaiveDate {
        let days = (i64::from(self.weeks) * 7 - 1).max(0);
        self.start
            .checked_add_signed(chrono::Duration::days(days))
            .unwrap_or(self.start)
    }

    /// Years the generator works with (so date arithmetic never overflows).
    pub const YEARS: std::ops::RangeInclusive<i32> = 1950..=2200;

    /// Checks the spec; the message is in French.
    pub fn validate(&self) -> Result<(), String> {
        if self.acm == 0 {
            return Err("il faut au moins un accueil (--acm)".into());
        }
        if self.animateurs == 0 {
            return Err("il faut au moins un animateur (--animateurs)".into());
        }
        if self.weeks == 0 || self.weeks > 260 {
            return Err("le nombre de semaines (--weeks) doit être entre 1 et 260".into());
        }
        if !Self::YEARS.contains(&self.start.year()) {
            return Err(format!(
                "la date de début {} est hors des années 1950 à 2200",
                self.start.format("%d/%m/%Y")
            ));
        }
        if self.start.weekday() != Weekday::Mon {
            return Err(format!(
                "la date de début {} n'est pas un lundi",
                self.start.format("%d/%m/%Y")
            ));
        }
        Ok(())
    }
}

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
                    None => vec![
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                    ],
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

/// Generates the territory of `spec` and writes it to `path` (atomically).
pub fn write_territory(spec: &TerritorySpec, path: &Path) -> Result<(), Error> {
    spec.validate()
        .map_err(|message| Error::io(path.display(), message))?;
    write_workbook(&territory(spec), path)
}

/// Writes `fixtures/petit-accueil.xlsx` (the hand-written small fixture) to `path`.
pub fn write_petit_accueil(path: &Path) -> Result<(), Error> {
    write_workbook(&petit_accueil(), path)
}

/// Writes any territory as an input workbook.
pub fn write_workbook(territory: &Territory, path: &Path) -> Result<(), Error> {
    let mut workbook = workbook::build(territory)
        .map_err(|e| Error::io(path.display(), format!("écriture impossible : {e}")))?;
    crate::report::save_workbook(&mut workbook, path)
}
