//! The `Previsions` rows: day-care sites day by day (périscolaire, holidays, half days, late
//! evenings), séjours and mini-camps week by week.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::calendar::{day_kind, fallback_kind, season, weekday_factor};
use super::sites::Site;
use crate::domain::DayKind;
use crate::rules::Calendar;
use crate::rules::calendar::is_public_holiday;
use crate::schema::choices::day_type_label;
use crate::testdata::places::{Pattern, WeekFilter};
use crate::testdata::random::Random;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::{PrevisionRow, When};

fn time(hour: u32, minute: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn round(value: f64) -> u32 {
    value.round().max(0.0) as u32
}

/// Forecast rows and the `Calendrier` rows for dates outside the built-in calendar.
pub(super) fn forecasts(
    spec: &TerritorySpec,
    sites: &[Site],
    days: &[NaiveDate],
    calendar: &Calendar,
) -> (Vec<PrevisionRow>, Vec<(NaiveDate, &'static str)>) {
    let mut random = Random::stream(spec.seed, 2);
    let mut rows = Vec::new();
    let mut unknown_days = BTreeSet::new();
    for site in sites {
        match site.profile.pattern {
            Pattern::Sejour(filter) | Pattern::MiniCamp(filter) => {
                stays(&mut random, site, filter, days, &mut rows);
                for row in rows.iter().filter(|r| r.accueil == site.code) {
                    for day in row.when.days() {
                        if day_kind(calendar, day).1 {
                            unknown_days.insert(day);
                        }
                    }
                }
            }
            _ => {
                for &date in days {
                    let (kind, unknown) = day_kind(calendar, date);
                    let before = rows.len();
                    day_rows(&mut random, site, date, kind, &mut rows);
                    if unknown && rows.len() > before {
                        unknown_days.insert(date);
                    }
                }
            }
        }
    }
    let calendrier = unknown_days
        .into_iter()
        .map(|date| (date, day_type_label(fallback_kind(date))))
        .collect();
    (rows, calendrier)
}

/// Séjours (Monday to Friday, one `Du`/`Au` row a week) and mini-camps (Tuesday to Thursday).
fn stays(
    random: &mut Random,
    site: &Site,
    filter: WeekFilter,
    days: &[NaiveDate],
    rows: &mut Vec<PrevisionRow>,
) {
    let mondays = days.iter().filter(|d| d.weekday() == Weekday::Mon);
    for (week, monday) in mondays.enumerate() {
        let runs = match filter {
            WeekFilter::JulyAndEarlyAugust => {
                monday.month() == 7 || (monday.month() == 8 && monday.day() <= 7)
            }
            WeekFilter::JulyEvenWeeks => {
                monday.month() == 7 && monday.iso_week().week().is_multiple_of(2)
            }
            WeekFilter::OddWeeks => {
                matches!(monday.month(), 7 | 8) && !monday.iso_week().week().is_multiple_of(2)
            }
        };
        if !runs {
            continue;
        }
        let capacity = site.profile.capacite;
        let children = random.between(capacity.saturating_sub(4), capacity);
        let (du, au, jours) = match site.profile.pattern {
            Pattern::MiniCamp(_) => (
                *monday + Duration::days(1),
                *monday + Duration::days(3),
                Some("mar,mer,jeu".to_string()),
            ),
            _ => (*monday, *monday + Duration::days(4), None),
        };
        let renforce = (site.profile.renforce > 0 && week == 1).then_some(site.profile.renforce);
        rows.push(PrevisionRow {
            accueil: site.code.clone(),
            when: When::Range { du, au, jours },
            creneau: "journee".into(),
            debut: None,
            fin: None,
            moins_de_6: 0,
            six_et_plus: children,
            renforce,
        });
    }
}

/// The rows of one day-care site on one date.
fn day_rows(
    random: &mut Random,
    site: &Site,
    date: NaiveDate,
    kind: DayKind,
    rows: &mut Vec<PrevisionRow>,
) {
    let profile = &site.profile;
    if is_public_holiday(date) {
        return;
    }
    if let Some((first, last)) = profile.closed_in_august
        && date.month() == 8
        && (first..=last).contains(&date.day())
    {
        return;
    }
    let capacity = f64::from(profile.capacite);
    let noise = random.uniform(0.9, 1.1);
    let periscolaire_day = kind == DayKind::School && date.weekday() != Weekday::Wed;
    let fill = match kind {
        DayKind::Holiday => season(date) * weekday_factor(date),
        DayKind::School => 0.45,
        DayKind::NoSchool => 0.3,
    };
    let total = round(capacity * fill * noise).min(profile.capacite);
    let share = (profile.under_6_share * random.uniform(0.85, 1.15)).min(1.0);
    let mut push = |creneau: &str,
                    debut: Option<NaiveTime>,
                    fin: Option<NaiveTime>,
                    children: u32,
                    renforce: u32| {
        if children == 0 {
            return;
        }
        let moins_de_6 = round(f64::from(children) * share).min(children);
        rows.push(PrevisionRow {
            accueil: site.code.clone(),
            when: When::Date(date),
            creneau: creneau.to_string(),
            debut,
            fin,
            moins_de_6,
            six_et_plus: children - moins_de_6,
            renforce: (renforce > 0).then_some(renforce),
        });
    };
    let renforce = if profile.renforce > 0 && date.weekday() != Weekday::Wed {
        profile.renforce
    } else {
        0
    };
    match profile.pattern {
        Pattern::Afternoons if !periscolaire_day => {
            push("apres-midi", None, None, total, 0);
        }
        Pattern::Afternoons => {}
        _ if periscolaire_day => {
            // Périscolaire: before school and after school.
            let morning = round(capacity * 0.25 * noise);
            let evening = round(capacity * 0.4 * noise);
            push("matin", time(7, 30), time(8, 30), morning, 0);
            push("soir", None, None, evening, renforce);
        }
        Pattern::HalfDays => {
            push("matin", None, None, total, renforce);
            push(
                "apres-midi",
                None,
                None,
                round(f64::from(total) * 0.8),
                renforce,
            );
        }
        Pattern::JourneeAndEvening => {
            push("journee", None, None, total, renforce);
            let late = round(f64::from(total) * 0.18);
            push("soir", time(17, 30), time(18, 30), late, 0);
        }
        _ => push("journee", None, None, total, renforce),
    }
}
