//! The `Animateurs` rows: qualification mix, sector, contract, cost, age, prior CEE days.

use chrono::Duration;

use super::sites::Site;
use crate::domain::Contrat;
use crate::testdata::places::{FIRST_NAMES, LAST_NAMES, SECTORS};
use crate::testdata::random::Random;
use crate::testdata::spec::TerritorySpec;
use crate::testdata::territory::AnimateurRow;

/// Qualification mix of the staff (shares of the headcount).
const QUALIFICATION_MIX: [(&str, f64); 9] = [
    ("BAFA", 0.48),
    ("stagiaire BAFA", 0.20),
    ("sans qualification", 0.12),
    ("BAFD", 0.07),
    ("stagiaire BAFD", 0.04),
    ("BPJEPS LTP", 0.03),
    ("DEJEPS", 0.025),
    ("BPJEPS", 0.015),
    ("CAP AEPE", 0.02),
];

/// Professional diplomas: may direct any ACM (R227-14 III).
pub(super) const PROFESSIONAL: [&str; 2] = ["BPJEPS LTP", "DEJEPS"];
/// May direct, except where R227-14 III asks for a professional.
pub(super) const NON_PROFESSIONAL_DIRECTOR: [&str; 2] = ["BAFD", "stagiaire BAFD"];

/// Splits `total` in proportion to `weights` (largest-remainder method); all to the first
/// part when the weights are all zero.
fn largest_remainder(weights: &[f64], total: usize) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        let mut counts = vec![0; weights.len()];
        if let Some(first) = counts.first_mut() {
            *first = total;
        }
        return counts;
    }
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut remainders: Vec<(usize, f64)> = exact
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x - x.floor()))
        .collect();
    remainders.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let missing = total.saturating_sub(counts.iter().sum());
    for (index, _) in remainders.iter().take(missing) {
        counts[*index] += 1;
    }
    counts
}

/// Headcount per qualification by the largest-remainder method, at least one professional.
fn qualification_counts(total: usize) -> Vec<(&'static str, usize)> {
    let shares: Vec<f64> = QUALIFICATION_MIX.iter().map(|(_, share)| *share).collect();
    let counts = largest_remainder(&shares, total);
    let mut result: Vec<(&'static str, usize)> = QUALIFICATION_MIX
        .iter()
        .zip(counts)
        .map(|((label, _), count)| (*label, count))
        .collect();
    let professionals: usize = result
        .iter()
        .filter(|(label, _)| PROFESSIONAL.contains(label))
        .map(|(_, count)| count)
        .sum();
    if professionals == 0 && total >= 5 {
        for entry in &mut result {
            if entry.0 == "BAFA" && entry.1 > 0 {
                entry.1 -= 1;
            }
            if entry.0 == PROFESSIONAL[0] {
                entry.1 += 1;
            }
        }
    }
    result
}

/// The animateurs: qualification mix, sector, contract, cost, age, prior CEE days.
pub(super) fn staff(spec: &TerritorySpec, sites: &[Site]) -> Vec<AnimateurRow> {
    let mut random = Random::stream(spec.seed, 3);
    let mut qualifications: Vec<&'static str> = qualification_counts(spec.animateurs)
        .into_iter()
        .flat_map(|(label, count)| std::iter::repeat_n(label, count))
        .collect();
    random.shuffle(&mut qualifications);

    // Directors go to the sites: two professionals for each ACM where the 80/80 rule requires
    // one (leave and weekly rest), then the other ACM.
    let needing: Vec<&Site> = sites
        .iter()
        .filter(|s| s.needs_professional_director())
        .collect();
    let mut professional_sites: Vec<&Site> = needing.iter().chain(&needing).copied().collect();
    professional_sites.extend(sites.iter().filter(|s| !s.needs_professional_director()));
    let director_sites: Vec<&Site> = sites
        .iter()
        .filter(|s| !s.needs_professional_director())
        .collect();
    let (mut next_professional, mut next_director) = (0, 0);
    // Everyone else is spread over the sectors in proportion to their staffing needs (about
    // one animateur per 10 places), exactly, then shuffled.
    let sector_weights: Vec<f64> = SECTORS
        .iter()
        .map(|(sector, _)| {
            sites
                .iter()
                .filter(|s| s.sector == *sector)
                .map(|s| f64::from(s.profile.capacite) / 10.0)
                .sum()
        })
        .collect();
    let others = qualifications
        .iter()
        .filter(|q| !PROFESSIONAL.contains(q) && !NON_PROFESSIONAL_DIRECTOR.contains(q))
        .count();
    let mut other_sectors: Vec<&'static str> = largest_remainder(&sector_weights, others)
        .into_iter()
        .zip(SECTORS)
        .flat_map(|(count, (sector, _))| std::iter::repeat_n(sector, count))
        .collect();
    random.shuffle(&mut other_sectors);
    let mut other_sectors = other_sectors.into_iter();

    // Over a school year the CEE's 80 days do not go far: périscolaire teams are mostly on
    // CDD or CDI.
    let long_run = spec.weeks > 16;
    let width = spec.animateurs.to_string().len().max(3);
    let mut people = Vec::with_capacity(spec.animateurs);
    for (index, qualification) in qualifications.into_iter().enumerate() {
        let professional = PROFESSIONAL.contains(&qualification);
        let director = NON_PROFESSIONAL_DIRECTOR.contains(&qualification);
        let site = if professional && !professional_sites.is_empty() {
            next_professional += 1;
            Some(professional_sites[(next_professional - 1) % professional_sites.len()])
        } else if director && !director_sites.is_empty() {
            next_director += 1;
            Some(director_sites[(next_director - 1) % director_sites.len()])
        } else {
            None
        };
        let sector = match site {
            Some(site) => site.sector,
            None => other_sectors.next().unwrap_or(SECTORS[0].0),
        };
        let contrat = contract(&mut random, qualification, long_run);
        let jours_cee = if contrat == Contrat::Cee {
            match random.below(100) {
                0..35 => 0,
                35..93 => random.between(1, 70),
                _ => random.between(72, 79),
            }
        } else {
            0
        };
        let age = age(&mut random, qualification, contrat);
        let birth = spec.start
            - Duration::days(i64::from(age) * 365 + i64::from(age / 4))
            - Duration::days(i64::from(random.between(1, 360)));
        let accueils_possibles = match random.below(100) {
            0..10 => Some(neighbour_sector(sector).to_string()),
            10..14 => Some("tous".to_string()),
            14..19 => {
                let elsewhere: Vec<&Site> = sites.iter().filter(|s| s.sector != sector).collect();
                random.pick(&elsewhere).map(|s| s.code.clone())
            }
            _ => None,
        };
        let max_jours =
            (contrat == Contrat::Cee && random.chance(0.15)).then(|| random.between(10, 25));
        people.push(AnimateurRow {
            id: format!("A{:0width$}", index + 1),
            nom: random
                .pick(&LAST_NAMES)
                .copied()
                .unwrap_or("Martin")
                .to_string(),
            prenom: random
                .pick(&FIRST_NAMES)
                .copied()
                .unwrap_or("Léa")
                .to_string(),
            qualification,
            contrat,
            jours_cee,
            cout_journalier: Some(daily_cost(&mut random, qualification, contrat)),
            date_naissance: Some(birth),
            secteur: Some(sector.to_string()),
            accueils_possibles,
            max_jours,
            // Two in three qualified people hold the PSC1 (no random draw: the other columns
            // keep their values).
            psc1: qualification != "sans qualification" && index % 3 != 2,
        });
    }
    people
}

fn neighbour_sector(sector: &str) -> &'static str {
    let index = SECTORS.iter().position(|(s, _)| *s == sector).unwrap_or(0);
    SECTORS[(index + 1) % SECTORS.len()].0
}

fn contract(random: &mut Random, qualification: &str, long_run: bool) -> Contrat {
    let draw = random.below(100);
    if long_run && NON_PROFESSIONAL_DIRECTOR.contains(&qualification) {
        return match draw {
            0..50 => Contrat::Cdi,
            50..70 => Contrat::Titulaire,
            70..90 => Contrat::Cdd,
            _ => Contrat::Cee,
        };
    }
    if long_run && !PROFESSIONAL.contains(&qualification) {
        return match draw {
            0..55 => Contrat::Cee,
            55..90 => Contrat::Cdd,
            90..97 => Contrat::Cdi,
            _ => Contrat::Titulaire,
        };
    }
    if PROFESSIONAL.contains(&qualification) {
        return if draw < 50 {
            Contrat::Cdi
        } else {
            Contrat::Titulaire
        };
    }
    match qualification {
        "BAFD" => match draw {
            0..35 => Contrat::Cdi,
            35..50 => Contrat::Titulaire,
            _ => Contrat::Cee,
        },
        "stagiaire BAFD" => {
            if draw < 20 {
                Contrat::Cdd
            } else {
                Contrat::Cee
            }
        }
        _ => match draw {
            0..92 => Contrat::Cee,
            92..98 => Contrat::Cdd,
            _ => Contrat::Cdi,
        },
    }
}

/// Age at the start of the period; a few trainees and unqualified helpers are 16 or 17.
fn age(random: &mut Random, qualification: &str, contrat: Contrat) -> u32 {
    if PROFESSIONAL.contains(&qualification) {
        return random.between(25, 55);
    }
    if matches!(contrat, Contrat::Cdi | Contrat::Titulaire) {
        return random.between(24, 50);
    }
    match qualification {
        "BAFD" | "stagiaire BAFD" => random.between(20, 40),
        "stagiaire BAFA" | "sans qualification" | "BAFA" if random.chance(0.05) => {
            random.between(16, 17)
        }
        "stagiaire BAFA" | "sans qualification" => random.between(18, 22),
        _ => random.between(18, 30),
    }
}

/// Euros per day: CEE 55–75 € by qualification, CDD 80–95 €, CDI and titulaire 100–140 €.
fn daily_cost(random: &mut Random, qualification: &str, contrat: Contrat) -> u32 {
    match contrat {
        Contrat::Cdi | Contrat::Titulaire => random.between(100, 140),
        Contrat::Cdd => random.between(80, 95),
        Contrat::Cee => match qualification {
            "sans qualification" => random.between(55, 57),
            "stagiaire BAFA" => random.between(57, 62),
            "BAFD" | "stagiaire BAFD" => random.between(68, 75),
            _ => random.between(62, 70),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualification_counts_add_up_with_a_professional() {
        for total in [1, 5, 12, 150, 600] {
            let counts = qualification_counts(total);
            assert_eq!(counts.iter().map(|(_, c)| c).sum::<usize>(), total);
            if total >= 5 {
                assert!(
                    counts
                        .iter()
                        .any(|(label, count)| PROFESSIONAL.contains(label) && *count > 0)
                );
            }
        }
    }
}
