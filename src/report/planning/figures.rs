//! The figures every sheet and the terminal summary share, computed once from the problem inputs
//! and the plan: lookups by forecast row, ACM-day and person, coverage per day, key totals.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{Affectation, Cents, Prevision};
use crate::optimize::{DirectorDay, PersonSummary, PlanResult, SlotOutcome, SolveStatus};
use crate::problem::{ForecastId, Problem};
use crate::rules::SlotRequirement;

use super::published::published_assignments;
use super::report::{PlanningReport, RunSettings};

/// Required and staffed animateurs on one date, over the whole territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCoverage {
    pub date: NaiveDate,
    /// Sum over ACM of the day's largest créneau requirement (N + renforcé).
    pub required: u32,
    /// Sum over ACM of the day's largest staffed créneau, each capped at its requirement.
    pub staffed: u32,
}

/// Coverage and shortage of one sector (the `Secteur` of the ACM).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectorFigures {
    /// The sector's name, or `sans secteur`.
    pub name: String,
    pub accueils: u32,
    pub required_days: u32,
    pub staffed_days: u32,
    pub missing_animateurs: u32,
    pub missing_qualified: u32,
    pub missing_directors: u32,
    /// Posts to fill in this sector (hires without a sector are not counted).
    pub hires: u32,
}

impl SectorFigures {
    pub fn coverage(&self) -> f64 {
        if self.required_days == 0 {
            1.0
        } else {
            f64::from(self.staffed_days) / f64::from(self.required_days)
        }
    }
}

/// Name used for ACM without a sector.
pub const NO_SECTOR: &str = "sans secteur";

/// One forecast row with everything known about it.
#[derive(Debug, Clone, Copy)]
pub struct SlotView<'a> {
    pub index: ForecastId,
    pub prevision: &'a Prevision,
    pub requirement: &'a SlotRequirement,
    pub outcome: Option<&'a SlotOutcome>,
}

impl SlotView<'_> {
    /// N + renforcé (0 for a row without children).
    pub fn total_required(&self) -> u32 {
        self.requirement.total_animation()
    }

    /// `max(0, N + renforcé − staffed)`; everything when the plan has no outcome for the row.
    pub fn missing_animateurs(&self) -> u32 {
        self.outcome
            .map_or(self.total_required(), |o| o.missing_animateurs)
    }

    /// `max(0, min qualified − qualified)`; the whole quota when the plan has no outcome.
    pub fn missing_qualified(&self) -> u32 {
        match self.outcome {
            Some(outcome) => outcome.missing_qualified,
            None if self.requirement.total_animation() > 0 => self.requirement.min_qualified,
            None => 0,
        }
    }

    /// People counted, capped at the requirement.
    pub fn staffed_capped(&self) -> u32 {
        self.outcome
            .map_or(0, |o| o.staffed)
            .min(self.total_required())
    }
}

/// Lookups and totals over one plan.
#[derive(Debug)]
pub struct Figures<'a> {
    /// Forecast rows sorted by ACM code, date, créneau start.
    pub slots: Vec<SlotView<'a>>,
    /// (ACM code, date) → direction of that day.
    pub director_days: BTreeMap<(&'a str, NaiveDate), &'a DirectorDay>,
    /// (ACM code, date) → index in `slots` of the day's first créneau with children.
    pub first_creneau: BTreeMap<(&'a str, NaiveDate), usize>,
    /// Person id → summary from the solver.
    pub people: BTreeMap<&'a str, &'a PersonSummary>,
    /// Person id → assignments, in date and créneau order.
    pub by_person: BTreeMap<&'a str, Vec<&'a Affectation>>,
    /// The published schedule: the team's, then the recruits' as `R<n>`
    /// ([`published_assignments`]).
    pub published: Vec<Affectation>,
    /// The period planned: `--from`/`--to` when given, else the first and last forecast dates.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Dates with at least one créneau requiring staff, with their coverage.
    pub days: Vec<DayCoverage>,
    pub required_days: u32,
    pub staffed_days: u32,
    /// Créneaux with children.
    pub open_slots: usize,
    pub missing: (u32, u32, u32),
    /// Per sector, in name order.
    pub sectors: Vec<SectorFigures>,
    pub status: SolveStatus,
    pub gap: f64,
}

impl<'a> Figures<'a> {
    pub fn new(report: &PlanningReport<'a>) -> Self {
        let (problem, result) = (report.problem, report.result);
        let outcomes: BTreeMap<ForecastId, &SlotOutcome> =
            result.slots.iter().map(|s| (s.forecast, s)).collect();
        let mut slots: Vec<SlotView> = problem
            .needs
            .iter()
            .map(|need| SlotView {
                index: need.id,
                prevision: &need.forecast,
                requirement: &need.requirement,
                outcome: outcomes.get(&need.id).copied(),
            })
            .collect();
        slots.sort_by(|a, b| {
            (
                &a.prevision.accueil,
                a.prevision.date,
                a.prevision.creneau.sort_key(),
            )
                .cmp(&(
                    &b.prevision.accueil,
                    b.prevision.date,
                    b.prevision.creneau.sort_key(),
                ))
        });

        // The day's first créneau with children (or its first créneau when none has any).
        let mut first_creneau: BTreeMap<(&str, NaiveDate), usize> = BTreeMap::new();
        for (position, slot) in slots.iter().enumerate() {
            let key = (slot.prevision.accueil.as_str(), slot.prevision.date);
            let replace = match first_creneau.get(&key) {
                None => true,
                Some(&existing) => {
                    slots[existing].total_required() == 0 && slot.total_required() > 0
                }
            };
            if replace {
                first_creneau.insert(key, position);
            }
        }

        let (days, required_days, staffed_days) = day_coverage(&slots);
        let mut by_person: BTreeMap<&str, Vec<&Affectation>> = BTreeMap::new();
        for affectation in &result.assignments {
            by_person
                .entry(affectation.animateur.as_str())
                .or_default()
                .push(affectation);
        }
        for list in by_person.values_mut() {
            list.sort_by(|a, b| {
                (a.date, a.creneau.sort_key(), &a.accueil).cmp(&(
                    b.date,
                    b.creneau.sort_key(),
                    &b.accueil,
                ))
            });
        }
        let missing = (
            slots.iter().map(SlotView::missing_animateurs).sum(),
            slots.iter().map(SlotView::missing_qualified).sum(),
            result.missing_totals().2,
        );
        let sectors = sector_figures(problem, result, &slots);
        Figures {
            sectors,
            open_slots: slots.iter().filter(|s| s.total_required() > 0).count(),
            missing,
            slots,
            director_days: result
                .director_days
                .iter()
                .map(|d| ((d.accueil.as_str(), d.date), d))
                .collect(),
            first_creneau,
            people: result
                .people
                .iter()
                .map(|p| (p.animateur.as_str(), p))
                .collect(),
            by_person,
            published: published_assignments(result),
            period: period(problem.date_span(), report.run),
            days,
            required_days,
            staffed_days,
            status: result.stats.status(),
            gap: result.stats.gap(),
        }
    }

    /// Share of the required animateur-days that are staffed (1 when nothing is required).
    pub fn coverage(&self) -> f64 {
        if self.required_days == 0 {
            1.0
        } else {
            f64::from(self.staffed_days) / f64::from(self.required_days)
        }
    }

    /// Every date of the period, weekends included (at most `MAX_PERIOD_DAYS`).
    pub fn period_dates(&self) -> Vec<NaiveDate> {
        let Some((first, last)) = self.period else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .take(MAX_PERIOD_DAYS)
            .collect()
    }

    /// Published id → that worker's published assignments, in date and créneau order.
    pub fn published_by_person(&self) -> BTreeMap<&str, Vec<&Affectation>> {
        let mut map: BTreeMap<&str, Vec<&Affectation>> = BTreeMap::new();
        for affectation in &self.published {
            map.entry(affectation.animateur.as_str())
                .or_default()
                .push(affectation);
        }
        map
    }

    /// Days worked by a person: from the solver's summary, or counted from the schedule.
    pub fn days_worked(&self, id: &str) -> u32 {
        if let Some(summary) = self.people.get(id) {
            return summary.days_worked;
        }
        let mut dates: Vec<NaiveDate> = self
            .by_person
            .get(id)
            .map(|list| list.iter().map(|a| a.date).collect())
            .unwrap_or_default();
        dates.dedup();
        u32::try_from(dates.len()).unwrap_or(u32::MAX)
    }
}

/// Longest period shown day by day (the grid has one column per date; Excel stops at 16 384).
pub const MAX_PERIOD_DAYS: usize = 3660;

/// The period planned: `--from`/`--to` when given, else the forecasts' first and last dates.
fn period(
    forecasts: Option<(NaiveDate, NaiveDate)>,
    run: &RunSettings,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = run.from.or(forecasts.map(|(first, _)| first))?;
    let last = run.to.or(forecasts.map(|(_, last)| last))?;
    (first <= last).then_some((first, last))
}

/// Coverage and shortage per sector, from the same per-ACM-day figures as the territory's.
fn sector_figures(
    problem: &Problem,
    result: &PlanResult,
    slots: &[SlotView],
) -> Vec<SectorFigures> {
    let sector_of = |code: &str| -> String {
        problem
            .accueil(code)
            .and_then(|a| a.secteur.clone())
            .unwrap_or_else(|| NO_SECTOR.to_string())
    };
    let mut sectors: BTreeMap<String, SectorFigures> = BTreeMap::new();
    for accueil in &problem.accueils {
        sector(&mut sectors, sector_of(&accueil.code)).accueils += 1;
    }
    let mut per_acm_day: BTreeMap<(&str, NaiveDate), (u32, u32)> = BTreeMap::new();
    for slot in slots {
        let day = per_acm_day
            .entry((slot.prevision.accueil.as_str(), slot.prevision.date))
            .or_default();
        day.0 = day.0.max(slot.total_required());
        day.1 = day.1.max(slot.staffed_capped());
        let sector = sector(&mut sectors, sector_of(&slot.prevision.accueil));
        sector.missing_animateurs += slot.missing_animateurs();
        sector.missing_qualified += slot.missing_qualified();
    }
    for ((code, _), (required, staffed)) in per_acm_day {
        let sector = sector(&mut sectors, sector_of(code));
        sector.required_days += required;
        sector.staffed_days += staffed;
    }
    for day in &result.director_days {
        sector(&mut sectors, sector_of(&day.accueil)).missing_directors += day.missing;
    }
    for hire in &result.hires {
        if let Some(name) = &hire.secteur {
            sector(&mut sectors, name.clone()).hires += 1;
        }
    }
    sectors.into_values().collect()
}

/// The figures of one sector, created empty on first use.
fn sector(sectors: &mut BTreeMap<String, SectorFigures>, name: String) -> &mut SectorFigures {
    sectors
        .entry(name.clone())
        .or_insert_with(|| SectorFigures {
            name,
            ..SectorFigures::default()
        })
}

/// Per date: for each ACM, the largest créneau requirement and the largest capped staffing, summed.
fn day_coverage(slots: &[SlotView]) -> (Vec<DayCoverage>, u32, u32) {
    let mut per_acm_day: BTreeMap<(NaiveDate, &str), (u32, u32)> = BTreeMap::new();
    for slot in slots {
        let entry = per_acm_day
            .entry((slot.prevision.date, slot.prevision.accueil.as_str()))
            .or_default();
        entry.0 = entry.0.max(slot.total_required());
        entry.1 = entry.1.max(slot.staffed_capped());
    }
    let mut per_day: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for ((date, _), (required, staffed)) in per_acm_day {
        let entry = per_day.entry(date).or_default();
        entry.0 += required;
        entry.1 += staffed;
    }
    let days: Vec<DayCoverage> = per_day
        .into_iter()
        .filter(|(_, (required, _))| *required > 0)
        .map(|(date, (required, staffed))| DayCoverage {
            date,
            required,
            staffed,
        })
        .collect();
    let required = days.iter().map(|d| d.required).sum();
    let staffed = days.iter().map(|d| d.staffed).sum();
    (days, required, staffed)
}

/// The cost of a person's day: their own, or the default of the `Regles` sheet.
pub fn daily_cost(problem: &Problem, id: &str) -> Cents {
    problem
        .animateur(id)
        .and_then(|a| a.cout_journalier)
        .unwrap_or(problem.parameters.default_daily_cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
    }

    #[test]
    fn the_period_is_the_one_asked_for_else_the_forecasts() {
        let forecasts = Some((d(6), d(17)));
        let mut run = RunSettings::default();
        assert_eq!(period(forecasts, &run), forecasts);
        run.from = Some(d(1));
        assert_eq!(period(forecasts, &run), Some((d(1), d(17))));
        run.to = Some(d(31));
        assert_eq!(period(None, &run), Some((d(1), d(31))));
        run.from = Some(d(20));
        run.to = Some(d(10));
        assert_eq!(period(forecasts, &run), None, "an empty period");
        assert_eq!(period(None, &RunSettings::default()), None);
    }
}
