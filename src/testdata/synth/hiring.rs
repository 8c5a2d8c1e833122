//! The `Recrutement` rows: what the local market can supply.

use super::sites::Site;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::HiringRow;

/// Five hiring profiles: BAFA in the two main sectors, a professional director, trainees and
/// BAFD anywhere (one profile fewer with a single sector). Unqualified helpers are not hired:
/// the 20 % cap leaves little room for them.
pub(super) fn hiring(spec: &TerritorySpec, sites: &[Site]) -> Vec<HiringRow> {
    let mut sectors: Vec<&'static str> = Vec::new();
    for site in sites {
        if !sectors.contains(&site.sector) {
            sectors.push(site.sector);
        }
    }
    let scale = |per: usize, minimum: usize| (spec.animateurs / per).max(minimum) as u32;
    let mut rows = vec![HiringRow {
        qualification: "BAFA",
        secteur: sectors.first().map(|s| s.to_string()),
        cout_journalier: 85,
        cout_fixe: 150,
        nombre_maximum: scale(25, 2),
    }];
    if let Some(second) = sectors.get(1) {
        rows.push(HiringRow {
            qualification: "BAFA",
            secteur: Some(second.to_string()),
            cout_journalier: 85,
            cout_fixe: 150,
            nombre_maximum: scale(50, 1),
        });
    }
    // A professional director, for the accueils open more than 80 days to more than 80 minors.
    rows.push(HiringRow {
        qualification: "BPJEPS LTP",
        secteur: None,
        cout_journalier: 135,
        cout_fixe: 400,
        nombre_maximum: 1,
    });
    rows.push(HiringRow {
        qualification: "stagiaire BAFA",
        secteur: None,
        cout_journalier: 70,
        cout_fixe: 120,
        nombre_maximum: scale(20, 2),
    });
    rows.push(HiringRow {
        qualification: "BAFD",
        secteur: None,
        cout_journalier: 110,
        cout_fixe: 300,
        nombre_maximum: (spec.acm / 5).max(1) as u32,
    });
    rows
}
