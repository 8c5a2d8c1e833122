//! Working-time limits that constrain schedules, as data.
//!
//! - CEE: CASF L432-4 (80 days per rolling 12 months), L432-6 (24 h weekly rest), D432-2 (pay).
//! - Code du travail contracts (CDD, CDI, titulaires by analogy): L3121-18 (10 h a day),
//!   L3121-20 (48 h in a week), L3132-2 (35 h weekly rest).
//! - Staff under 18: L3162-1 (8 h a day, 35 h a week), L3164-2 (2 consecutive days off a week),
//!   L3164-6 (no public holidays).
//!
//! In the day-based schedule, every weekly rest rule becomes "at least one whole day off in any
//! 7 consecutive days" (Part A), plus two consecutive days off per civil week for minors.

use chrono::NaiveDate;

use crate::domain::{Animateur, Cents, Contrat};

/// L432-4 al. 1: at most 80 working days per rolling 12 months under CEE, all contracts together.
pub const CEE_MAX_DAYS_PER_365: u32 = 80;
/// Length of the CEE rolling window, in days.
pub const CEE_WINDOW_DAYS: i64 = 365;
/// Any 7 consecutive days hold at least one whole day off (L432-6 for CEE: 24 h; L3132-2: 35 h).
pub const MAX_DAYS_WORKED_PER_7: u32 = 6;

/// The limits that apply to one person on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabourLimits {
    /// Regime in French, for reports.
    pub regime: &'static str,
    pub max_minutes_per_day: Option<u32>,
    pub max_minutes_per_week: Option<u32>,
    /// Rolling-year cap on CEE days (L432-4).
    pub cee_max_days: Option<u32>,
    /// L3164-2: two consecutive days off in each civil week (staff under 18).
    pub two_consecutive_days_off: bool,
    /// L3164-6: no work on public holidays (staff under 18).
    pub no_public_holidays: bool,
    /// Article references, for reports.
    pub articles: &'static str,
}

/// The limits for `animateur` on `date`: the contract's, tightened when the person is under 18.
pub fn labour_limits(animateur: &Animateur, date: NaiveDate) -> LabourLimits {
    let base = match animateur.contrat {
        Contrat::Cee => LabourLimits {
            regime: "CEE",
            max_minutes_per_day: None,
            max_minutes_per_week: None,
            cee_max_days: Some(CEE_MAX_DAYS_PER_365),
            two_consecutive_days_off: false,
            no_public_holidays: false,
            articles: "CASF L432-4, L432-6",
        },
        Contrat::Cdd | Contrat::Cdi | Contrat::Titulaire => LabourLimits {
            regime: "Code du travail",
            max_minutes_per_day: Some(10 * 60),
            max_minutes_per_week: Some(48 * 60),
            cee_max_days: None,
            two_consecutive_days_off: false,
            no_public_holidays: false,
            articles: "Code du travail L3121-18, L3121-20, L3132-2",
        },
    };
    if animateur.is_minor_on(date) {
        LabourLimits {
            regime: if base.cee_max_days.is_some() {
                "CEE, moins de 18 ans"
            } else {
                "moins de 18 ans"
            },
            max_minutes_per_day: Some(8 * 60),
            max_minutes_per_week: Some(35 * 60),
            two_consecutive_days_off: true,
            no_public_holidays: true,
            articles: "Code du travail L3162-1, L3164-2, L3164-6",
            ..base
        }
    } else {
        base
    }
}

/// D432-2: the minimum CEE daily pay, in hundredths of the SMIC horaire: 2.20 × SMIC until
/// 30 April 2025, 4.30 × SMIC from 1 May 2025 (décret 2024-1151).
pub fn cee_minimum_pay_hundredths(date: NaiveDate) -> i64 {
    let reform = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or(NaiveDate::MIN);
    if date >= reform { 430 } else { 220 }
}

/// Whether a CEE daily cost is below the legal minimum pay on `date`. The minimum is a sum of
/// money, so it is compared in whole cents, as published (51.08 € for 4.30 × 11.88 €, not
/// 51.084 €: paying the published minimum is legal).
pub fn cee_pay_below_minimum(daily_cost: Cents, date: NaiveDate, smic_horaire: Cents) -> bool {
    daily_cost < cee_minimum_pay(date, smic_horaire)
}

/// The minimum CEE daily pay on `date`, rounded to the nearest cent (for display).
pub fn cee_minimum_pay(date: NaiveDate, smic_horaire: Cents) -> Cents {
    let hundredths = smic_horaire.0 * cee_minimum_pay_hundredths(date);
    Cents((hundredths + 50) / 100)
}

/// Minutes worked in a day over several créneaux: the length of the union of their intervals
/// (an overlap between `matin` and `midi` is not counted twice).
pub fn minutes_worked<'a>(creneaux: impl IntoIterator<Item = &'a crate::domain::Creneau>) -> u32 {
    let mut intervals: Vec<(u16, u16)> = creneaux
        .into_iter()
        .map(|c| (c.start.0, c.end.0.max(c.start.0)))
        .collect();
    intervals.sort_unstable();
    let mut total = 0u32;
    let mut current: Option<(u16, u16)> = None;
    for (start, end) in intervals {
        current = match current {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some((s, e)) => {
                total += u32::from(e - s);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = current {
        total += u32::from(e - s);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    /// acm-rules.md §9 #14: with a SMIC horaire of 11.88 €, the published minimum (51.08 € from
    /// 1 May 2025) is itself legal; 4.30 × 11.88 = 51.084 € must not flag 51.08 €.
    #[test]
    fn published_cee_minimum_is_not_below_minimum() {
        let smic = Cents(1188);
        let may = date(2025, 5, 1);
        assert_eq!(cee_minimum_pay(may, smic), Cents(5108));
        assert!(!cee_pay_below_minimum(Cents(5108), may, smic));
        assert!(cee_pay_below_minimum(Cents(5107), may, smic));
    }
}
