//! The hiring market: the profiles a component may recruit (the `Recrutement` sheet, or the
//! defaults per sector), and the candidate each stands for.

use std::collections::BTreeSet;

use crate::domain::{Animateur, Cents, Contrat, Qualification, SourceRef};
use crate::problem::Problem;
use crate::rules::qualifications;

/// A recruitment profile: what the market can supply in one sector.
#[derive(Debug, Clone)]
pub struct HiringGroup {
    pub qualification: Qualification,
    pub secteur: Option<String>,
    pub daily_cost: Cents,
    pub fixed_cost: Cents,
    pub cap: u32,
}

/// The `Recrutement` sheet's profiles, or the defaults (acm-planner decision): BAFA, stagiaire
/// BAFA, sans qualification and BAFD per sector, plus a professional director (BPJEPS LTP) in a
/// sector with an ACM under the 80/80 rule.
pub fn hiring_groups(problem: &Problem) -> Vec<HiringGroup> {
    let parameters = &problem.parameters;
    if !problem.hiring.is_empty() {
        return problem
            .hiring
            .iter()
            .map(|profile| HiringGroup {
                qualification: profile.qualification.clone(),
                secteur: profile.secteur.clone(),
                daily_cost: profile.cout_journalier,
                fixed_cost: profile.cout_fixe,
                cap: profile.nombre_maximum,
            })
            .collect();
    }
    let sectors: BTreeSet<Option<String>> =
        problem.accueils.iter().map(|a| a.secteur.clone()).collect();
    let mut groups = Vec::new();
    for secteur in sectors {
        let mut defaults = vec![
            ("BAFA", parameters.hire_daily_cost_bafa),
            ("stagiaire BAFA", parameters.hire_daily_cost_stagiaire),
            (
                "sans qualification",
                parameters.hire_daily_cost_sans_qualification,
            ),
            ("BAFD", parameters.hire_daily_cost_bafd),
        ];
        let professional_needed = problem
            .accueils
            .iter()
            .any(|a| a.secteur == secteur && problem.professional_director(a));
        if professional_needed {
            defaults.push(("BPJEPS LTP", parameters.hire_daily_cost_bafd));
        }
        for (label, daily_cost) in defaults {
            if let Some(qualification) = qualifications::canonical(label) {
                groups.push(HiringGroup {
                    qualification,
                    secteur: secteur.clone(),
                    daily_cost,
                    fixed_cost: parameters.hire_fixed_cost,
                    cap: parameters.hire_max_per_profile,
                });
            }
        }
    }
    groups
}

/// The person a hiring profile stands for: a CEE of its qualification and sector, without
/// prior days, at its daily cost.
pub fn candidate_animateur(id: &str, group: &HiringGroup) -> Animateur {
    Animateur {
        id: id.to_string(),
        nom: String::new(),
        prenom: String::new(),
        qualification: group.qualification.clone(),
        contrat: Contrat::Cee,
        jours_cee_anterieurs: 0,
        cout_journalier: Some(group.daily_cost),
        date_naissance: None,
        secteur: group.secteur.clone(),
        accueils_possibles: Vec::new(),
        max_jours: None,
        telephone: None,
        email: None,
        certificats: Vec::new(),
        source: SourceRef::default(),
    }
}
