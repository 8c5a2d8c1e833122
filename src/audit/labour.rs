//! One person, against labour law: CEE days (L432-4), weekly rest (L432-6, L3132-2), hours per
//! day and week (L3121-18, L3121-20, L3162-1), minors on public holidays (L3164-6) and their two
//! consecutive days off (L3164-2), CEE minimum pay (D432-2).
//!
//! Only what the schedule shows is counted: days outside it are days off, hours outside it are
//! not worked (a week cut by the start or end of the period is checked on its planned days).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::{Animateur, Contrat};
use crate::rules::calendar::{is_public_holiday, public_holiday_name};
use crate::rules::labour::{self, CEE_WINDOW_DAYS, MAX_DAYS_WORKED_PER_7, labour_limits};

use super::index::ScheduleIndex;
use super::people::by_date;
use super::rule::{RuleKind, Unit};
use super::violation::Violation;
use super::wording::{french_date, french_hours, plural};

/// The dates a person works and the minutes worked each date (the union of their créneaux, over
/// every ACM and role).
fn days_worked(rows: &[&super::index::Row]) -> BTreeMap<NaiveDate, u32> {
    by_date(rows)
        .into_iter()
        .map(|(date, day)| (date, labour::minutes_worked(day.iter().map(|r| r.creneau))))
        .collect()
}

/// L432-4: at most 80 CEE days in any rolling 12 months, days counted as distinct dates.
///
/// The `Jours CEE 12 derniers mois` of the `Animateurs` sheet were worked in the year before the
/// period (the first forecast date); not knowing on which dates, the audit counts all of them in
/// every 365-day window that starts before the period, which is conservative. Windows that start
/// within the period (runs longer than a year) count only the planned days. One finding per
/// person: the first date the limit is passed, and the largest count over all windows.
pub fn cee_day_limit(index: &ScheduleIndex) -> Vec<Violation> {
    let period_start = index.problem.date_span().map(|(first, _)| first);
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        if person.contrat != Contrat::Cee {
            continue;
        }
        let days: Vec<NaiveDate> = days_worked(&rows).into_keys().collect();
        let start = period_start.into_iter().chain(days.first().copied()).min();
        let mut first_over: Option<NaiveDate> = None;
        let mut largest = 0u32;
        let mut window_first = 0usize;
        for (position, day) in days.iter().enumerate() {
            let Some(cap) = labour_limits(person, *day).cee_max_days else {
                continue;
            };
            let window_start = *day - Duration::days(CEE_WINDOW_DAYS - 1);
            while days[window_first] < window_start {
                window_first += 1;
            }
            let planned = u32::try_from(position + 1 - window_first).unwrap_or(u32::MAX);
            let prior = if start.is_some_and(|s| window_start < s) {
                person.jours_cee_anterieurs
            } else {
                0
            };
            let total = planned + prior;
            largest = largest.max(total);
            if total > cap && first_over.is_none() {
                first_over = Some(*day);
            }
        }
        let Some(date) = first_over else { continue };
        let cap = labour::CEE_MAX_DAYS_PER_365;
        let message = format!(
            "{} en CEE sur 12 mois glissants (dont {} avant la période) pour {cap} au plus ; \
             limite dépassée le {}",
            plural(largest, "jour", "jours"),
            person.jours_cee_anterieurs,
            french_date(date)
        );
        violations.push(
            Violation::new(RuleKind::JoursCee, message)
                .date(date)
                .animateur(&person.id)
                .numbers(cap, largest, Unit::Jours),
        );
    }
    violations
}

/// At least one whole day off in any 7 consecutive days (L432-6 for CEE: 24 h; L3132-2
/// otherwise: 35 h): one finding per run of 7 days or more worked in a row, on its 7th day.
pub fn weekly_rest(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let days: Vec<NaiveDate> = days_worked(&rows).into_keys().collect();
        for run in consecutive_runs(&days) {
            let (first, last) = (run[0], run[run.len() - 1]);
            let length = u32::try_from(run.len()).unwrap_or(u32::MAX);
            if length <= MAX_DAYS_WORKED_PER_7 {
                continue;
            }
            let article = match person.contrat {
                Contrat::Cee => "CASF L432-6",
                _ => "Code du travail L3132-2",
            };
            let message = format!(
                "{length} jours travaillés d'affilée du {} au {} : aucun jour de repos sur 7 \
                 jours consécutifs (au plus {MAX_DAYS_WORKED_PER_7} jours)",
                french_date(first),
                french_date(last)
            );
            let seventh = first + Duration::days(i64::from(MAX_DAYS_WORKED_PER_7));
            violations.push(
                Violation::new(RuleKind::ReposHebdomadaire, message)
                    .date(seventh)
                    .animateur(&person.id)
                    .numbers(MAX_DAYS_WORKED_PER_7, length, Unit::Jours)
                    .article(article),
            );
        }
    }
    violations
}

/// Maximal runs of consecutive dates in a sorted list.
fn consecutive_runs(days: &[NaiveDate]) -> Vec<&[NaiveDate]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for position in 1..=days.len() {
        let breaks =
            position == days.len() || days[position] != days[position - 1] + Duration::days(1);
        if breaks {
            runs.push(&days[start..position]);
            start = position;
        }
    }
    runs
}

/// Hours per day and per civil week (Monday to Sunday) within the person's limits: Code du
/// travail contracts 10 h a day (L3121-18) and 48 h a week (L3121-20); under 18, 8 h and 35 h
/// (L3162-1). CEE adults have no such limit in a day-based schedule.
pub fn hour_limits(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let days = days_worked(&rows);
        for (date, minutes) in &days {
            let limits = labour_limits(person, *date);
            let Some(cap) = limits.max_minutes_per_day else {
                continue;
            };
            if *minutes > cap {
                violations.push(
                    Violation::new(
                        RuleKind::DureeQuotidienne,
                        format!(
                            "{} de travail le {} pour {} au plus ({})",
                            french_hours(*minutes),
                            french_date(*date),
                            french_hours(cap),
                            limits.regime
                        ),
                    )
                    .date(*date)
                    .animateur(&person.id)
                    .numbers(cap, *minutes, Unit::Minutes)
                    .article(hours_article(
                        person,
                        *date,
                        "Code du travail L3121-18",
                    )),
                );
            }
        }
        for (monday, week) in by_week(&days) {
            let caps: Vec<(u32, NaiveDate)> = week
                .iter()
                .filter_map(|(date, _)| {
                    labour_limits(person, *date)
                        .max_minutes_per_week
                        .map(|cap| (cap, *date))
                })
                .collect();
            let Some(&(cap, strictest)) = caps.iter().min() else {
                continue;
            };
            let minutes: u32 = week.iter().map(|(_, m)| *m).sum();
            if minutes > cap {
                violations.push(
                    Violation::new(
                        RuleKind::DureeHebdomadaire,
                        format!(
                            "semaine du lundi {} : {} de travail pour {} au plus ({})",
                            french_date(monday),
                            french_hours(minutes),
                            french_hours(cap),
                            labour_limits(person, strictest).regime
                        ),
                    )
                    .date(monday)
                    .animateur(&person.id)
                    .numbers(cap, minutes, Unit::Minutes)
                    .article(hours_article(
                        person,
                        strictest,
                        "Code du travail L3121-20",
                    )),
                );
            }
        }
    }
    violations
}

/// L3162-1 for a minor, else the Code du travail article given.
fn hours_article(person: &Animateur, date: NaiveDate, adult: &'static str) -> &'static str {
    if person.is_minor_on(date) {
        "Code du travail L3162-1"
    } else {
        adult
    }
}

/// Days worked grouped by civil week, keyed by the week's Monday.
fn by_week(days: &BTreeMap<NaiveDate, u32>) -> BTreeMap<NaiveDate, Vec<(NaiveDate, u32)>> {
    let mut weeks: BTreeMap<NaiveDate, Vec<(NaiveDate, u32)>> = BTreeMap::new();
    for (date, minutes) in days {
        weeks
            .entry(monday_of(*date))
            .or_default()
            .push((*date, *minutes));
    }
    weeks
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// L3164-6: no work on a public holiday for staff under 18.
pub fn minor_public_holiday(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        for (date, day) in by_date(&rows) {
            if !(labour_limits(person, date).no_public_holidays && is_public_holiday(date)) {
                continue;
            }
            let message = format!(
                "le {} ({}) est un jour férié : pas de travail pour un salarié de moins de 18 ans",
                french_date(date),
                public_holiday_name(date).unwrap_or("jour férié")
            );
            violations.push(
                Violation::new(RuleKind::MineurJourFerie, message)
                    .accueil(day[0].accueil_code)
                    .date(date)
                    .animateur(&person.id)
                    .source_row(day[0].source_row),
            );
        }
    }
    violations
}

/// L3164-2: two consecutive days off in each civil week a minor works (within Monday–Sunday;
/// days outside the schedule count as days off).
pub fn minor_weekly_rest(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        let days = days_worked(&rows);
        for (monday, week) in by_week(&days) {
            if !week
                .iter()
                .any(|(date, _)| labour_limits(person, *date).two_consecutive_days_off)
            {
                continue;
            }
            let longest = longest_rest(monday, &week);
            if longest >= 2 {
                continue;
            }
            let message = format!(
                "semaine du lundi {} : {} travaillés, au plus {} de repos d'affilée pour 2 \
                 jours consécutifs requis (moins de 18 ans)",
                french_date(monday),
                plural(
                    u32::try_from(week.len()).unwrap_or(u32::MAX),
                    "jour",
                    "jours"
                ),
                plural(longest, "jour", "jours")
            );
            violations.push(
                Violation::new(RuleKind::MineurReposDeuxJours, message)
                    .date(monday)
                    .animateur(&person.id)
                    .numbers(2, longest, Unit::Jours),
            );
        }
    }
    violations
}

/// The longest run of days off within the civil week starting on `monday`.
fn longest_rest(monday: NaiveDate, week: &[(NaiveDate, u32)]) -> u32 {
    let mut longest = 0;
    let mut current = 0;
    let mut day = monday;
    loop {
        if week.iter().any(|(date, _)| *date == day) {
            current = 0;
        } else {
            current += 1;
            longest = longest.max(current);
        }
        if day.weekday() == Weekday::Sun {
            return longest;
        }
        day += Duration::days(1);
    }
}

/// D432-2: a CEE day is paid at least 4.30 × the SMIC horaire (2.20 × before 1 May 2025). A
/// warning, once per person, on the first day worked below the minimum: the `Cout journalier`
/// may include more than the pay, and only the organiser knows.
pub fn cee_minimum_pay(index: &ScheduleIndex) -> Vec<Violation> {
    let parameters = &index.problem.parameters;
    let mut violations = Vec::new();
    for (person, rows) in index.people() {
        if person.contrat != Contrat::Cee {
            continue;
        }
        let cost = person
            .cout_journalier
            .unwrap_or(parameters.default_daily_cost);
        let below = days_worked(&rows)
            .into_keys()
            .find(|date| labour::cee_pay_below_minimum(cost, *date, parameters.smic.on(*date)));
        let Some(date) = below else { continue };
        // The minimum as the rule compares it: in whole cents, as published (51.08 €).
        let smic = parameters.smic.on(date);
        let minimum = labour::cee_minimum_pay(date, smic);
        let factor = labour::cee_minimum_pay_hundredths(date);
        let message = format!(
            "coût journalier {cost} pour un minimum de {minimum} par jour ({},{:02} × SMIC \
             horaire de {})",
            factor / 100,
            factor % 100,
            smic
        );
        violations.push(
            Violation::new(RuleKind::RemunerationCee, message)
                .date(date)
                .animateur(&person.id)
                .numbers(minimum.0, cost.0, Unit::Centimes),
        );
    }
    violations
}
