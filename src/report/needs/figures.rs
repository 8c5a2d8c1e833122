//! The needs computed from the problem alone: every créneau, every ACM-day, every date, every
//! week, and the totals. A pure function of the inputs; the sheets and the summary only present
//! it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{Accueil, Prevision};
use crate::problem::Problem;
use crate::report::dates::week_monday;
use crate::rules::{MixedAgePolicy, SlotRequirement, quotas};

/// How the run was asked for, beyond what the input files say (for the `Regles` sheet and the
/// summary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// `--mixed-ages` was given on the command line.
    pub mixed_ages_from_command_line: bool,
    /// `--attendance`, in percent (0 when absent).
    pub attendance_percent: i32,
}

/// One forecast row with its requirement: a row of the `Accueils` sheet.
#[derive(Debug, Clone)]
pub struct SlotLine<'a> {
    pub accueil: &'a Accueil,
    pub prevision: &'a Prevision,
    pub requirement: &'a SlotRequirement,
    /// N under each policy of [`MixedAgePolicy::ALL`], minimum team included.
    pub required_by_policy: [u32; 3],
    /// Director and adjoints who do not count in N.
    pub directors_on_top: u32,
    /// N + extra dedicated adults + direction on top.
    pub total_adults: u32,
}

impl SlotLine<'_> {
    /// N, under the policy applied.
    pub fn required(&self) -> u32 {
        self.requirement.required
    }

    pub fn is_open(&self) -> bool {
        self.prevision.children() > 0
    }
}

/// Figures that add up over days: for one ACM-day they are that day's peak needs, for a week or
/// a territory their sums ("journées").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Staffing {
    /// Animateurs required (N of the peak créneau); summed: journées-animateur.
    pub animateurs: u32,
    /// R227-12: qualified (1° + 2°) within those N, at least.
    pub qualified_min: u32,
    /// R227-12: unqualified (4°), at most.
    pub unqualified_max: u32,
    /// Extra dedicated adults (`Accompagnement renforce`, local policy), on top of N.
    pub renforce: u32,
    /// Directors and adjoints needed (once per open day).
    pub directors: u32,
    /// Of which a professional diploma is required (R227-14 III).
    pub professional_directors: u32,
    /// Of which counted within the animateurs (the director of a small accueil, arrêté of
    /// 13 February 2007, art. 1).
    pub directors_counted: u32,
    /// Every adult: N + renforcé + direction that does not count in N.
    pub total_adults: u32,
    /// Animateurs required under each policy of [`MixedAgePolicy::ALL`].
    pub by_policy: [u32; 3],
}

impl std::ops::AddAssign for Staffing {
    fn add_assign(&mut self, other: Staffing) {
        self.animateurs += other.animateurs;
        self.qualified_min += other.qualified_min;
        self.unqualified_max += other.unqualified_max;
        self.renforce += other.renforce;
        self.directors += other.directors;
        self.professional_directors += other.professional_directors;
        self.directors_counted += other.directors_counted;
        self.total_adults += other.total_adults;
        for (sum, value) in self.by_policy.iter_mut().zip(other.by_policy) {
            *sum += value;
        }
    }
}

/// One ACM on one date.
#[derive(Debug, Clone)]
pub struct AcmDay<'a> {
    pub accueil: &'a Accueil,
    pub date: NaiveDate,
    /// Children of the busiest créneau.
    pub children_peak: u32,
    pub need: Staffing,
}

impl AcmDay<'_> {
    pub fn is_open(&self) -> bool {
        self.children_peak > 0
    }
}

/// The whole territory on one date: sums over the ACM of their day's needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritoryDay {
    pub date: NaiveDate,
    pub open_accueils: u32,
    /// Sum over the ACM of their busiest créneau's children.
    pub children_peak: u32,
    pub need: Staffing,
}

/// One ACM (or the territory) over one ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeekFigures {
    /// Days with at least one child expected.
    pub open_days: u32,
    /// The largest number of animateurs needed on one day (at the same time, for the territory:
    /// the largest daily sum over the ACM).
    pub peak_animateurs: u32,
    /// Sums over the days of the week ("journées").
    pub days: Staffing,
}

/// One ISO week: per ACM, then the territory.
#[derive(Debug, Clone)]
pub struct Week<'a> {
    pub monday: NaiveDate,
    pub accueils: Vec<(&'a Accueil, WeekFigures)>,
    pub territory: WeekFigures,
}

/// What another mixed-age policy would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyDifference {
    pub policy: MixedAgePolicy,
    /// Créneaux where it would require more animateurs than the policy applied.
    pub slots_more: u32,
    /// Créneaux where it would require fewer.
    pub slots_fewer: u32,
    /// Difference in journées-animateur over the period (positive: more).
    pub extra_days: i64,
}

/// The computed needs: every créneau, every ACM-day, every date, every week, and the totals.
#[derive(Debug, Clone)]
pub struct NeedsReport<'a> {
    pub problem: &'a Problem,
    pub run: RunOptions,
    /// Sorted by ACM code, date, créneau start.
    pub slots: Vec<SlotLine<'a>>,
    /// Sorted by ACM code, date.
    pub acm_days: Vec<AcmDay<'a>>,
    /// Sorted by date.
    pub territory_days: Vec<TerritoryDay>,
    /// Sorted by week.
    pub weeks: Vec<Week<'a>>,
    /// Sums over the period.
    pub total: WeekFigures,
    /// The two other policies.
    pub other_policies: Vec<PolicyDifference>,
}

/// The position of `policy` in [`MixedAgePolicy::ALL`], the order of the `by_policy` figures.
pub(super) fn policy_index(policy: MixedAgePolicy) -> usize {
    MixedAgePolicy::ALL
        .iter()
        .position(|p| *p == policy)
        .unwrap_or(0)
}

impl<'a> NeedsReport<'a> {
    /// Computes every figure of the report from the problem inputs (no I/O).
    pub fn compute(problem: &'a Problem, run: RunOptions) -> Self {
        let slots = slot_lines(problem);
        let acm_days = acm_days(&slots);
        let territory_days = territory_days(&acm_days);
        let weeks = weeks(&acm_days, &territory_days);
        let total = period_total(&territory_days);
        let applied = problem.parameters.mixed_ages;
        let other_policies = MixedAgePolicy::ALL
            .into_iter()
            .filter(|p| *p != applied)
            .map(|policy| policy_difference(policy, &slots, &total))
            .collect();
        NeedsReport {
            problem,
            run,
            slots,
            acm_days,
            territory_days,
            weeks,
            total,
            other_policies,
        }
    }

    /// The policy applied.
    pub fn policy(&self) -> MixedAgePolicy {
        self.problem.parameters.mixed_ages
    }

    /// The date with the most animateurs required over the territory (the first such date;
    /// `None` when nobody is expected at all).
    pub fn peak_day(&self) -> Option<&TerritoryDay> {
        self.territory_days
            .iter()
            .rev()
            .filter(|day| day.need.animateurs > 0)
            .max_by_key(|day| day.need.animateurs)
    }
}

fn slot_lines(problem: &Problem) -> Vec<SlotLine<'_>> {
    let mut slots: Vec<SlotLine<'_>> = problem
        .needs
        .iter()
        .map(|need| {
            let (prevision, requirement) = (&need.forecast, &need.requirement);
            let accueil = problem.accueil_of(need);
            let required_by_policy =
                MixedAgePolicy::ALL.map(|p| requirement.required_under(p, accueil.kind));
            let directors_on_top = if requirement.director_counts {
                requirement.directors.saturating_sub(1)
            } else {
                requirement.directors
            };
            SlotLine {
                accueil,
                prevision,
                requirement,
                required_by_policy,
                directors_on_top,
                total_adults: requirement.required + requirement.extra_renforce + directors_on_top,
            }
        })
        .collect();
    slots.sort_by(|a, b| {
        (a.accueil.code.as_str(), a.prevision.date)
            .cmp(&(b.accueil.code.as_str(), b.prevision.date))
            .then_with(|| {
                a.prevision
                    .creneau
                    .sort_key()
                    .cmp(&b.prevision.creneau.sort_key())
            })
    });
    slots
}

/// Each ACM-day takes the peak of its créneaux.
fn acm_days<'a>(slots: &[SlotLine<'a>]) -> Vec<AcmDay<'a>> {
    let mut days: Vec<AcmDay<'a>> = Vec::new();
    for slot in slots {
        let date = slot.prevision.date;
        let same_day = days
            .last()
            .is_some_and(|d| d.date == date && d.accueil.code == slot.accueil.code);
        if !same_day {
            days.push(AcmDay {
                accueil: slot.accueil,
                date,
                children_peak: 0,
                need: Staffing::default(),
            });
        }
        let Some(day) = days.last_mut() else {
            continue;
        };
        let requirement = slot.requirement;
        let need = &mut day.need;
        day.children_peak = day.children_peak.max(slot.prevision.children());
        need.animateurs = need.animateurs.max(requirement.required);
        // The quotas of the peak créneau (R227-12 on its N).
        need.qualified_min = quotas::min_qualified(need.animateurs);
        need.unqualified_max = quotas::max_unqualified(need.animateurs);
        need.renforce = need.renforce.max(requirement.extra_renforce);
        need.directors = need.directors.max(requirement.directors);
        if requirement.director_counts && requirement.directors > 0 {
            need.directors_counted = 1;
        }
        if slot.is_open() && requirement.professional_director {
            need.professional_directors = need.directors;
        }
        need.total_adults = need.total_adults.max(slot.total_adults);
        for (peak, n) in need.by_policy.iter_mut().zip(slot.required_by_policy) {
            *peak = (*peak).max(n);
        }
    }
    days
}

fn territory_days(acm_days: &[AcmDay<'_>]) -> Vec<TerritoryDay> {
    let mut by_date: BTreeMap<NaiveDate, TerritoryDay> = BTreeMap::new();
    for day in acm_days {
        let entry = by_date.entry(day.date).or_insert_with(|| TerritoryDay {
            date: day.date,
            open_accueils: 0,
            children_peak: 0,
            need: Staffing::default(),
        });
        if day.is_open() {
            entry.open_accueils += 1;
        }
        entry.children_peak += day.children_peak;
        entry.need += day.need;
    }
    by_date.into_values().collect()
}

fn weeks<'a>(acm_days: &[AcmDay<'a>], territory_days: &[TerritoryDay]) -> Vec<Week<'a>> {
    let mut by_week: BTreeMap<NaiveDate, Week<'a>> = BTreeMap::new();
    let week = |monday: NaiveDate| Week {
        monday,
        accueils: Vec::new(),
        territory: WeekFigures::default(),
    };
    // ACM days are sorted by code then date: each ACM's days of a week are consecutive.
    for day in acm_days {
        let monday = week_monday(day.date);
        let entry = by_week.entry(monday).or_insert_with(|| week(monday));
        let same_accueil = entry
            .accueils
            .last()
            .is_some_and(|(a, _)| a.code == day.accueil.code);
        if !same_accueil {
            entry.accueils.push((day.accueil, WeekFigures::default()));
        }
        if let Some((_, figures)) = entry.accueils.last_mut() {
            add_day(figures, day.is_open(), &day.need);
        }
    }
    for day in territory_days {
        let monday = week_monday(day.date);
        let entry = by_week.entry(monday).or_insert_with(|| week(monday));
        add_day(&mut entry.territory, day.open_accueils > 0, &day.need);
    }
    by_week.into_values().collect()
}

fn add_day(figures: &mut WeekFigures, open: bool, need: &Staffing) {
    if open {
        figures.open_days += 1;
    }
    figures.peak_animateurs = figures.peak_animateurs.max(need.animateurs);
    figures.days += *need;
}

fn period_total(territory_days: &[TerritoryDay]) -> WeekFigures {
    let mut total = WeekFigures::default();
    for day in territory_days {
        add_day(&mut total, day.open_accueils > 0, &day.need);
    }
    total
}

fn policy_difference(
    policy: MixedAgePolicy,
    slots: &[SlotLine<'_>],
    total: &WeekFigures,
) -> PolicyDifference {
    let index = policy_index(policy);
    let mut difference = PolicyDifference {
        policy,
        slots_more: 0,
        slots_fewer: 0,
        extra_days: i64::from(total.days.by_policy[index]) - i64::from(total.days.animateurs),
    };
    for slot in slots {
        let other = slot.required_by_policy[index];
        if other > slot.required() {
            difference.slots_more += 1;
        } else if other < slot.required() {
            difference.slots_fewer += 1;
        }
    }
    difference
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staffing_adds_every_field() {
        let day = Staffing {
            animateurs: 4,
            qualified_min: 2,
            unqualified_max: 1,
            renforce: 1,
            directors: 1,
            professional_directors: 1,
            directors_counted: 1,
            total_adults: 6,
            by_policy: [4, 3, 5],
        };
        let mut sum = Staffing::default();
        sum += day;
        sum += day;
        assert_eq!(sum.animateurs, 8);
        assert_eq!(sum.qualified_min, 4);
        assert_eq!(sum.unqualified_max, 2);
        assert_eq!(sum.renforce, 2);
        assert_eq!(sum.directors, 2);
        assert_eq!(sum.professional_directors, 2);
        assert_eq!(sum.total_adults, 12);
        assert_eq!(sum.by_policy, [8, 6, 10]);
    }
}
