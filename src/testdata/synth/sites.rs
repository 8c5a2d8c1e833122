//! The ACM of a territory: the hand-written profiles first, then accueils de loisirs in the other
//! communes.

use std::collections::BTreeSet;

use crate::domain::AcmType;
use crate::testdata::places::{ACCUEIL_NAMES, AcmProfile, PROFILES, Pattern, SECTORS, sector_of};
use crate::testdata::random::Random;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::AccueilRow;

/// An ACM being generated: its profile, owned, with its sector.
#[derive(Debug, Clone)]
pub(super) struct Site {
    pub code: String,
    pub nom: String,
    pub commune: String,
    pub sector: &'static str,
    pub profile: AcmProfile,
}

impl Site {
    /// R227-14 III: open more than 80 days for more than 80 minors, without a derogation (the
    /// same test as `rules::director::professional_director_required`, on the profile, to place
    /// the professionals where they are needed).
    pub fn needs_professional_director(&self) -> bool {
        self.profile.kind == AcmType::AccueilLoisirs
            && self.profile.capacite > 80
            && self.profile.jours_ouverture > 80
            && !self.profile.derogation
    }
}

pub(super) fn accueil_row(site: &Site) -> AccueilRow {
    let profile = &site.profile;
    AccueilRow {
        code: site.code.clone(),
        nom: site.nom.clone(),
        commune: site.commune.clone(),
        kind: profile.kind,
        pedt: profile.pedt,
        capacite: profile.capacite,
        jours_ouverture: Some(profile.jours_ouverture),
        secteur: Some(site.sector.to_string()),
        tous_14_ans_et_plus: profile.tous_14,
        derogation_direction: profile.derogation,
        // The profiles' only mini-camp (MC-BLOU, « poney des Castors ») is an activité accessoire
        // of Les Castors; it comes after it in the profiles, so the parent is always there.
        rattache_a: (profile.kind == AcmType::MiniCamp).then(|| "ALSH-LONGUE".to_string()),
    }
}

/// The hand-written profiles first, then accueils de loisirs in the other communes.
pub(super) fn sites(spec: &TerritorySpec) -> Vec<Site> {
    let mut random = Random::stream(spec.seed, 1);
    let mut sites: Vec<Site> = PROFILES
        .iter()
        .take(spec.acm)
        .map(|profile| Site {
            code: profile.code.to_string(),
            nom: profile.nom.to_string(),
            commune: profile.commune.to_string(),
            sector: sector_of(profile.commune),
            profile: *profile,
        })
        .collect();
    // Communes without a hand-written ACM, taken round-robin across sectors.
    let used: BTreeSet<&str> = PROFILES.iter().map(|p| p.commune).collect();
    let longest = SECTORS.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let mut communes = Vec::new();
    for index in 0..longest {
        for (_, sector_communes) in SECTORS {
            if let Some(commune) = sector_communes.get(index)
                && !used.contains(commune)
            {
                communes.push(*commune);
            }
        }
    }
    let mut round = 1;
    while sites.len() < spec.acm && !communes.is_empty() {
        for commune in &communes {
            if sites.len() >= spec.acm {
                break;
            }
            sites.push(generated_site(&mut random, commune, round, sites.len()));
        }
        round += 1;
    }
    sites
}

fn generated_site(random: &mut Random, commune: &'static str, round: u32, index: usize) -> Site {
    let slug = slug(commune);
    let code = if round == 1 {
        format!("ALSH-{slug}")
    } else {
        format!("ALSH-{slug}-{round}")
    };
    let name = ACCUEIL_NAMES[index % ACCUEIL_NAMES.len()];
    let capacite = random.between(15, 50) * 2;
    let jours_ouverture = random.between(40, 160);
    let closed_in_august = match random.below(4) {
        0 => Some((3, 14)),
        1 => Some((10, 21)),
        _ => None,
    };
    let pattern = if random.chance(0.15) {
        Pattern::HalfDays
    } else {
        Pattern::Journee
    };
    let profile = AcmProfile {
        code: "",
        nom: "",
        commune,
        kind: AcmType::AccueilLoisirs,
        capacite,
        jours_ouverture,
        pedt: random.chance(0.4),
        tous_14: false,
        derogation: capacite > 80 && jours_ouverture > 80 && random.chance(0.3),
        under_6_share: random.uniform(0.30, 0.42),
        pattern,
        closed_in_august,
        renforce: u32::from(random.chance(0.1)),
    };
    Site {
        code,
        nom: format!("Accueil de loisirs {name}"),
        commune: commune.to_string(),
        sector: sector_of(commune),
        profile,
    }
}

/// `Saint-Martin-de-la-Place` → `SAINT-MARTIN-DE-LA-PLACE`, `Fontevraud-l'Abbaye` →
/// `FONTEVRAUD-L-ABBAYE`.
fn slug(commune: &str) -> String {
    let mut slug = String::new();
    for c in commune.chars() {
        let plain = crate::rules::normalize_key(&c.to_string());
        if plain.is_empty() {
            if !slug.ends_with('-') {
                slug.push('-');
            }
        } else {
            slug.push_str(&plain.to_uppercase());
        }
    }
    slug.trim_matches('-').to_string()
}
