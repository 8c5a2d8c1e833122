//! The hiring market: the profiles a component may recruit (the `Recrutement` sheet, or the
//! defaults per sector), and the candidate each stands for.

use std::collections::BTreeSet;

use crate::domain::{Animateur, Cents, Certificate, Contrat, Qualification, SourceRef};
use crate::problem::Problem;
use crate::rules::{health, qualifications};

/// A recruitment profile: what the market can supply in one sector.
#[derive(Debug, Clone)]
pub struct HiringGroup {
    pub qualification: Qualification,
    /// Certificates the people recruited hold (the PSC1 where séjours need it).
    pub certificats: Vec<Certificate>,
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
                certificats: profile.certificats.clone(),
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
        // Where a séjour or mini-camp needs a PSC1 holder in its team (suivi sanitaire), the
        // BAFA recruited holds it.
        let psc1_needed = problem
            .accueils
            .iter()
            .any(|a| a.secteur == secteur && health::needs_psc1(a.kind));
        if professional_needed {
            defaults.push(("BPJEPS LTP", parameters.hire_daily_cost_bafd));
        }
        for (label, daily_cost) in defaults {
            if let Some(qualification) = qualifications::canonical(label) {
                let certificats = if psc1_needed && label == "BAFA" {
                    vec![Certificate::Psc1]
                } else {
                    Vec::new()
                };
                groups.push(HiringGroup {
                    qualification,
                    certificats,
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

impl HiringGroup {
    /// What to recruit, as the reports write it: `BAFA`, `BAFA + PSC1`.
    pub fn label(&self) -> String {
        post_label(&self.qualification, &self.certificats)
    }
}

/// A post's qualification and certificates as `Affectations` writes them and `check` reads
/// them back: `BAFA`, `BAFA + PSC1`.
pub fn post_label(qualification: &Qualification, certificats: &[Certificate]) -> String {
    if certificats.is_empty() {
        return qualification.label.clone();
    }
    let certificates: Vec<&str> = certificats.iter().map(|c| c.label()).collect();
    format!("{} + {}", qualification.label, certificates.join(", "))
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
        certificats: group.certificats.clone(),
        source: SourceRef::default(),
    }
}
