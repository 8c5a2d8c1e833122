//! Drawing a territory from a [`TerritorySpec`]: sites, forecasts, staff and availability, hiring
//! profiles.
//!
//! Every part draws from its own random stream (see [`Random::stream`]), so the forecasts of a
//! seed do not change when only the number of animateurs does.
//!
//! [`Random::stream`]: super::Random::stream

mod availability;
mod calendar;
mod forecasts;
mod hiring;
mod sites;
mod staff;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::rules::Calendar;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::Territory;

/// The territory of `spec` (see the module documentation of [`super`]); empty when the start
/// date is outside [`TerritorySpec::YEARS`] ([`TerritorySpec::validate`] says why).
pub fn territory(spec: &TerritorySpec) -> Territory {
    if !TerritorySpec::YEARS.contains(&spec.start.year()) {
        return Territory::default();
    }
    let sites = sites::sites(spec);
    let days: Vec<NaiveDate> = spec
        .start
        .iter_days()
        .take(spec.weeks as usize * 7)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let calendar = Calendar::new(&[]);
    let (previsions, calendrier) = forecasts::forecasts(spec, &sites, &days, &calendar);
    let animateurs = staff::staff(spec, &sites);
    let availability = availability::availability(spec, &animateurs, &days, &calendar);
    Territory {
        accueils: sites.iter().map(sites::accueil_row).collect(),
        previsions,
        animateurs,
        dates: days,
        availability,
        recrutement: hiring::hiring(spec, &sites),
        regles: if spec.regles {
            vec![
                ("Methode ages mixtes".into(), "par-tranche".into()),
                ("Cout journalier par defaut".into(), "70".into()),
            ]
        } else {
            Vec::new()
        },
        calendrier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_specs_give_a_territory_without_panicking() {
        let base = TerritorySpec::saumur_ete();
        let odd = [
            TerritorySpec {
                weeks: 0,
                ..base.clone()
            },
            TerritorySpec {
                acm: 0,
                animateurs: 0,
                ..base.clone()
            },
            TerritorySpec {
                acm: 1,
                animateurs: 1,
                weeks: 1,
                ..base.clone()
            },
            TerritorySpec {
                acm: 200,
                animateurs: 3,
                weeks: 2,
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::from_ymd_opt(2026, 7, 8).expect("date"),
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::MAX,
                ..base.clone()
            },
            TerritorySpec {
                start: NaiveDate::MIN,
                ..base
            },
        ];
        assert!(territory(&odd[0]).dates.is_empty());
        for spec in odd {
            let territory = territory(&spec);
            assert_eq!(territory.availability.len(), territory.animateurs.len());
        }
    }
}
