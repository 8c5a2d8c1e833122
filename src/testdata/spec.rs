//! What to generate: the size, period and seed of a synthetic territory.

use chrono::{Datelike, NaiveDate, Weekday};

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

    /// Longest period the generator writes: ten years of weeks (the long-horizon benchmark).
    pub const MAX_WEEKS: u32 = 522;

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
        if self.weeks == 0 || self.weeks > Self::MAX_WEEKS {
            return Err(format!(
                "le nombre de semaines (--weeks) doit être entre 1 et {} (dix ans)",
                Self::MAX_WEEKS
            ));
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
