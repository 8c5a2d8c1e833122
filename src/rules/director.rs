//! Directors: who may direct, when the director counts in the ratio, séjour team and adjoints.
//! CASF R227-14, R227-17 a), R227-18; arrêté of 13 February 2007 art. 1 (as amended 31 July 2008).

use crate::domain::{Accueil, AcmType, DirectorLevel};

/// Arrêté 13/02/2007 art. 1 d: in an accueil de loisirs organised for at most 50 minors, the
/// director may be counted as an animateur (R227-17 a).
pub const DIRECTOR_COUNTED_MAX_CAPACITY: u32 = 50;
/// Arrêté 13/02/2007 art. 1 e: in a séjour for at most 20 minors all aged 14 or more.
pub const SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY: u32 = 20;
/// R227-14 III: more than 80 days a year and more than 80 minors → professional diploma.
pub const PROFESSIONAL_DIRECTOR_DAYS: u32 = 80;
pub const PROFESSIONAL_DIRECTOR_MINORS: u32 = 80;
/// R227-18 (Q8): séjours need at least 2 people besides a director who does not count;
/// R227-17 al. 2: mini-camps need at least 2 people.
pub const MIN_TEAM_SEJOUR: u32 = 2;

/// Whether the director counts in N (and as qualified) for this ACM (R227-17 a; arrêté
/// 13/02/2007 art. 1 d and e). Thresholds are on the declared capacity (Part A, Q7).
pub fn director_counts(accueil: &Accueil) -> bool {
    match accueil.kind {
        AcmType::Sejour => {
            accueil.tous_14_ans_et_plus && accueil.capacite <= SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY
        }
        _ => accueil.capacite <= DIRECTOR_COUNTED_MAX_CAPACITY,
    }
}

/// Whether only a professional diploma may direct (R227-14 III; arrêté 13/02/2007 art. 1 c):
/// an accueil de loisirs open more than 80 days a year **and** for more than 80 minors, unless
/// the préfet granted a derogation to a BAFD holder (arrêté of 28 February 2017).
pub fn professional_director_required(accueil: &Accueil) -> bool {
    let accueil_de_loisirs = matches!(
        accueil.kind,
        AcmType::AccueilLoisirs | AcmType::Periscolaire | AcmType::Extrascolaire
    );
    let days = accueil.jours_ouverture.unwrap_or(0);
    accueil_de_loisirs
        && days > PROFESSIONAL_DIRECTOR_DAYS
        && accueil.capacite > PROFESSIONAL_DIRECTOR_MINORS
        && !accueil.derogation_direction
}

/// Whether a person of `level` may direct this ACM.
pub fn may_direct(level: DirectorLevel, accueil: &Accueil) -> bool {
    match level {
        DirectorLevel::None => false,
        DirectorLevel::NonProfessional => !professional_director_required(accueil),
        DirectorLevel::Professional => true,
    }
}

/// Minimum team size in N (R227-17 al. 2 for mini-camps, R227-18 for séjours: Q8).
pub fn minimum_team(kind: AcmType) -> u32 {
    match kind {
        AcmType::Sejour | AcmType::MiniCamp => MIN_TEAM_SEJOUR,
        _ => 0,
    }
}

/// Adjoints required beside the director of a séjour de vacances for more than 100 minors
/// (R227-18, Q8): `ceil((n − 100) / 50)`, with n the declared capacity (Q7).
pub fn required_adjoints(accueil: &Accueil) -> u32 {
    if accueil.kind == AcmType::Sejour && accueil.capacite > 100 {
        (accueil.capacite - 100).div_ceil(50)
    } else {
        0
    }
}
