//! The `Disponibilites` grid: who is away which weeks, and each day's code.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::day_kind;
use super::staff::{NON_PROFESSIONAL_DIRECTOR, PROFESSIONAL};
use crate::domain::{Contrat, DayKind};
use crate::rules::Calendar;
use crate::rules::calendar::is_public_holiday;
use crate::testdata::random::Random;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::AnimateurRow;

/// Weight of a week in the draw of people's time off: the 14-July week and early August are
/// when most people are away.
fn away_weight(monday: NaiveDate, permanent: bool) -> f64 {
    let friday = monday + Duration::days(4);
    let has_14_july = monday
        .iter_days()
        .take_while(|d| *d <= friday)
        .any(|d| d.month() == 7 && d.day() == 14);
    let early_august =
        (monday.month() == 7 && monday.day() >= 27) || (monday.month() == 8 && monday.day() <= 9);
    if permanent {
        return if monday.month() == 8 { 1.0 } else { 0.05 };
    }
    if has_14_july {
        4.0
    } else if early_august {
        3.5
    } else if monday.month() == 8 {
        1.5
    } else {
        0.5
    }
}

/// The `Disponibilites` grid: `J` mostly, some `M`/`AM`, `S` on school evenings, and 1 to 3
/// weeks away per person per 8 weeks.
pub(super) fn availability(
    spec: &TerritorySpec,
    people: &[AnimateurRow],
    days: &[NaiveDate],
    calendar: &Calendar,
) -> Vec<Vec<&'static str>> {
    let mut random = Random::stream(spec.seed, 4);
    let mondays: Vec<NaiveDate> = spec
        .start
        .iter_days()
        .step_by(7)
        .take(spec.weeks as usize)
        .collect();
    let kinds: Vec<DayKind> = days.iter().map(|d| day_kind(calendar, *d).0).collect();
    let blocks = (spec.weeks as usize).div_ceil(8).max(1);
    // Weeks already taken off by a director of the sector: a youth service staggers its
    // directors' leave.
    let mut directors_away: BTreeSet<(String, usize)> = BTreeSet::new();
    people
        .iter()
        .map(|person| {
            let permanent = matches!(person.contrat, Contrat::Cdi | Contrat::Titulaire);
            let director = PROFESSIONAL.contains(&person.qualification)
                || NON_PROFESSIONAL_DIRECTOR.contains(&person.qualification);
            let sector = person.secteur.clone().unwrap_or_default();
            let mut weights: Vec<f64> = mondays
                .iter()
                .enumerate()
                .map(|(week, monday)| {
                    let staggered = director && directors_away.contains(&(sector.clone(), week));
                    away_weight(*monday, permanent) * if staggered { 0.02 } else { 1.0 }
                })
                .collect();
            // 1 to 3 weeks (2 at most for permanent staff), 1.8 on average.
            let per_block = match (permanent, random.below(10)) {
                (_, 0..4) => 1,
                (true, _) | (false, 4..8) => 2,
                _ => 3,
            };
            let away_count = (per_block * blocks).min(mondays.len().saturating_sub(1));
            let mut away = BTreeSet::new();
            for _ in 0..away_count {
                let week = random.weighted(&weights);
                weights[week] = 0.0;
                away.insert(mondays[week]);
                if director {
                    directors_away.insert((sector.clone(), week));
                }
            }
            // Directors are there for whole days; others may come mornings or afternoons only.
            let habit = if director {
                Habit::WholeDays
            } else {
                match random.below(100) {
                    0..7 => Habit::MorningsOnly,
                    7..10 => Habit::AfternoonsOnly,
                    _ => Habit::Usual,
                }
            };
            days.iter()
                .zip(&kinds)
                .map(|(date, kind)| {
                    let monday =
                        *date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                    if away.contains(&monday) {
                        return "";
                    }
                    day_code(&mut random, *date, *kind, habit)
                })
                .collect()
        })
        .collect()
}

/// How a person usually makes themselves available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    /// Directors: whole days, school days included (they are employed all year).
    WholeDays,
    /// A student with an afternoon job.
    MorningsOnly,
    AfternoonsOnly,
    /// Mostly whole days; on school days, often only the evening or the morning.
    Usual,
}

fn day_code(random: &mut Random, date: NaiveDate, kind: DayKind, habit: Habit) -> &'static str {
    let draw = random.below(100);
    if kind == DayKind::School && date.weekday() != Weekday::Wed {
        return match (habit, draw) {
            (Habit::WholeDays, 0..5) => "",
            (Habit::WholeDays, _) => "J",
            (_, 0..35) => "J",
            (_, 35..55) => "S",
            (_, 55..65) => "M",
            _ => "",
        };
    }
    // Most people keep public holidays and the "pont" before them for themselves.
    if is_public_holiday(date) && draw < 70 {
        return "";
    }
    let bridge = date.weekday() == Weekday::Mon && is_public_holiday(date + Duration::days(1));
    if bridge && draw < 40 {
        return "";
    }
    match (habit, draw) {
        (Habit::MorningsOnly | Habit::AfternoonsOnly | Habit::WholeDays, 0..4) => "",
        (Habit::MorningsOnly, _) => "M",
        (Habit::AfternoonsOnly, _) => "AM",
        (Habit::WholeDays, _) => "J",
        (Habit::Usual, 0..4) => "",
        (Habit::Usual, 4..7) => "M",
        (Habit::Usual, 7..9) => "AM",
        (Habit::Usual, _) => "J",
    }
}
