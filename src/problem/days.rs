//! What the rules need to know of each accueil's day: the continuous span of its créneaux around
//! each slot (R227-16's "plus de cinq heures consécutives"), and the most minors in one créneau,
//! that day and over the run (the thresholds that depend on the number of minors).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::Prevision;
use crate::rules::DayFacts;

/// The day facts of every forecast (in the order given), and the most minors in one créneau
/// per accueil code over all of them.
pub fn day_facts(forecasts: &[&Prevision]) -> (Vec<DayFacts>, BTreeMap<String, u32>) {
    let mut by_day: BTreeMap<(&str, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (index, forecast) in forecasts.iter().enumerate() {
        by_day
            .entry((forecast.accueil.as_str(), forecast.date))
            .or_default()
            .push(index);
    }
    let mut facts: Vec<DayFacts> = forecasts.iter().map(|f| DayFacts::of_slot(f)).collect();
    let mut peaks: BTreeMap<String, u32> = BTreeMap::new();
    for ((code, _), indices) in by_day {
        let day_minors = indices
            .iter()
            .map(|i| forecasts[*i].children())
            .max()
            .unwrap_or(0);
        let peak = peaks.entry(code.to_string()).or_default();
        *peak = (*peak).max(day_minors);
        let open: Vec<(u16, u16)> = indices
            .iter()
            .map(|i| forecasts[*i])
            .filter(|f| f.children() > 0)
            .map(|f| (f.creneau.start.0, f.creneau.end.0.max(f.creneau.start.0)))
            .collect();
        let spans = spans(open);
        for index in indices {
            let forecast = forecasts[index];
            let (start, end) = (forecast.creneau.start.0, forecast.creneau.end.0);
            let session = spans
                .iter()
                .find(|(s, e)| *s <= start && end <= *e)
                .map_or(forecast.creneau.duration_minutes(), |(s, e)| {
                    u32::from(e - s)
                });
            facts[index].session_minutes = session;
            facts[index].day_minors = day_minors;
        }
    }
    for (index, forecast) in forecasts.iter().enumerate() {
        facts[index].peak_minors = peaks.get(&forecast.accueil).copied().unwrap_or(0);
    }
    (facts, peaks)
}

/// The continuous spans covered by `intervals` (minutes since midnight): intervals that touch or
/// overlap merge; a gap with no créneau breaks the span.
pub fn spans(mut intervals: Vec<(u16, u16)>) -> Vec<(u16, u16)> {
    intervals.sort_unstable();
    let mut spans: Vec<(u16, u16)> = Vec::new();
    for (start, end) in intervals {
        match spans.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = (*last_end).max(end),
            _ => spans.push((start, end)),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn hm(hours: u16, minutes: u16) -> u16 {
        hours * 60 + minutes
    }

    #[test]
    fn touching_and_overlapping_creneaux_form_one_span_a_gap_breaks_it() {
        // R227-16 (issue example): matin 07:30–12:00, midi 11:45–13:45, après-midi 13:30–18:30.
        let wednesday = vec![
            (hm(7, 30), hm(12, 0)),
            (hm(11, 45), hm(13, 45)),
            (hm(13, 30), hm(18, 30)),
        ];
        assert_eq!(spans(wednesday), vec![(hm(7, 30), hm(18, 30))]);
        // Nobody at midday: two spans of 4 h 30 and 5 h.
        let split = vec![(hm(7, 30), hm(12, 0)), (hm(13, 30), hm(18, 30))];
        assert_eq!(
            spans(split),
            vec![(hm(7, 30), hm(12, 0)), (hm(13, 30), hm(18, 30))]
        );
        // Touching ends join.
        assert_eq!(
            spans(vec![(hm(8, 0), hm(12, 0)), (hm(12, 0), hm(14, 0))]),
            vec![(hm(8, 0), hm(14, 0))]
        );
    }
}
