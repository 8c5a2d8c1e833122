//! The SMIC horaire over time, for the minimum CEE pay (CASF D432-2): each value applies from its
//! date until the next one.

use chrono::NaiveDate;

use crate::domain::Cents;

/// The SMIC horaire by date, in force from each step's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmicSchedule {
    /// (from, value), by date.
    steps: Vec<(NaiveDate, Cents)>,
}

/// The values built in, with their source:
/// - 11,88 € from 1 November 2024 (décret 2024-951 of 23 October 2024);
/// - 12,02 € from 1 January 2026 (décret 2025-1228 of 17 December 2025, JO of 18 December 2025).
const BUILT_IN: [((i32, u32, u32), i64); 2] = [((2024, 11, 1), 1188), ((2026, 1, 1), 1202)];

impl Default for SmicSchedule {
    fn default() -> Self {
        SmicSchedule {
            steps: BUILT_IN
                .iter()
                .filter_map(|((y, m, d), cents)| {
                    NaiveDate::from_ymd_opt(*y, *m, *d).map(|date| (date, Cents(*cents)))
                })
                .collect(),
        }
    }
}

impl SmicSchedule {
    /// One value for every date (a `Regles` row `SMIC horaire` without a date).
    pub fn constant(value: Cents) -> Self {
        SmicSchedule {
            steps: vec![(NaiveDate::MIN, value)],
        }
    }

    /// Adds a value in force from `from` (a `Regles` row `SMIC horaire` with a date); a value
    /// already given for that date is replaced.
    pub fn add(&mut self, from: NaiveDate, value: Cents) {
        self.steps.retain(|(date, _)| *date != from);
        self.steps.push((from, value));
        self.steps.sort_unstable_by_key(|(date, _)| *date);
    }

    /// The SMIC horaire on `date`: the last value in force by then, or the first one for an
    /// earlier date.
    pub fn on(&self, date: NaiveDate) -> Cents {
        self.steps
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .or(self.steps.first())
            .map_or(Cents(0), |(_, value)| *value)
    }

    /// The steps, by date (`NaiveDate::MIN` for a value given without a date).
    pub fn steps(&self) -> &[(NaiveDate, Cents)] {
        &self.steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn the_value_in_force_on_each_date() {
        let smic = SmicSchedule::default();
        assert_eq!(smic.on(date(2025, 7, 7)), Cents(1188));
        assert_eq!(smic.on(date(2025, 12, 31)), Cents(1188));
        assert_eq!(smic.on(date(2026, 1, 1)), Cents(1202));
        assert_eq!(smic.on(date(2026, 7, 7)), Cents(1202));
        // Before the first value: the first one.
        assert_eq!(smic.on(date(2024, 7, 1)), Cents(1188));
        let mut later = SmicSchedule::default();
        later.add(date(2027, 1, 1), Cents(1230));
        assert_eq!(later.on(date(2026, 12, 31)), Cents(1202));
        assert_eq!(later.on(date(2027, 1, 1)), Cents(1230));
        assert_eq!(
            SmicSchedule::constant(Cents(1150)).on(date(2026, 7, 7)),
            Cents(1150)
        );
    }
}
