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

/// When the day's director must be there (the `Presence de la direction` parameter). The CASF
/// requires a director per accueil (R227-14) without saying for how much of an open day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectorPresence {
    /// The day's director works every créneau with children (default).
    #[default]
    AllDay,
    /// A director works at least one créneau with children that day; counted in N only on the
    /// créneaux directed (where R227-17 a allows), and may animate the day's other créneaux.
    OneSlot,
}

impl DirectorPresence {
    pub fn label(self) -> &'static str {
        match self {
            DirectorPresence::AllDay => "toute la journee",
            DirectorPresence::OneSlot => "un creneau",
        }
    }

    /// The value in words, for the reports.
    pub fn words(self) -> &'static str {
        match self {
            DirectorPresence::AllDay => "toute la journée",
            DirectorPresence::OneSlot => "un créneau au moins",
        }
    }

    /// Parses `toute la journee` or `un creneau` (case, accents and separators ignored).
    pub fn parse(text: &str) -> Option<Self> {
        match crate::rules::normalize_key(text).as_str() {
            "toutelajournee" | "journee" | "toutlejour" => Some(DirectorPresence::AllDay),
            "uncreneau" | "creneau" | "auneuncreneau" | "aumoinsuncreneau" => {
                Some(DirectorPresence::OneSlot)
            }
            _ => None,
        }
    }
}

/// The number of minors the thresholds are taken on: the declared capacity (Part A, Q7), or
/// the minors forecast when there are more ("organisé pour un effectif de…": an accueil that
/// receives more children than it declared is organised for them).
pub fn minors_counted(accueil: &Accueil, forecast_minors: u32) -> u32 {
    accueil.capacite.max(forecast_minors)
}

/// Whether the director counts in N (and as qualified) for this ACM, with `minors` from
/// [`minors_counted`] (R227-17 a; arrêté 13/02/2007 art. 1 d and e). An accueil de jeunes has a
/// référent, not a director (R227-19 III).
pub fn director_counts(accueil: &Accueil, minors: u32) -> bool {
    match accueil.kind {
        AcmType::Sejour => {
            accueil.tous_14_ans_et_plus && minors <= SEJOUR_DIRECTOR_COUNTED_MAX_CAPACITY
        }
        // No director of its own: the référent (accueil de jeunes), the parent's director
        // (mini-camp).
        AcmType::AccueilJeunes | AcmType::MiniCamp => false,
        _ => minors <= DIRECTOR_COUNTED_MAX_CAPACITY,
    }
}

/// Whether an ACM is an accueil de loisirs, whatever its declared type (R227-1 II).
pub fn is_accueil_de_loisirs(kind: AcmType) -> bool {
    matches!(
        kind,
        AcmType::AccueilLoisirs | AcmType::Periscolaire | AcmType::Extrascolaire
    )
}

/// Whether only a professional diploma may direct (R227-14 III; arrêté 13/02/2007 art. 1 c):
/// an accueil de loisirs open more than 80 days a year **and** for more than 80 minors (with
/// `minors` from [`minors_counted`]), unless the préfet granted a derogation to a BAFD holder
/// (arrêté of 28 February 2017). An unknown number of days cannot decide it: the problem
/// refuses such an accueil above 80 minors (`problem::build`).
pub fn professional_director_required(accueil: &Accueil, minors: u32) -> bool {
    let days = accueil.jours_ouverture.unwrap_or(0);
    is_accueil_de_loisirs(accueil.kind)
        && days > PROFESSIONAL_DIRECTOR_DAYS
        && minors > PROFESSIONAL_DIRECTOR_MINORS
        && !accueil.derogation_direction
}

/// Whether a person of `level` may direct an ACM where `professional_required` says whether only
/// a professional diploma may.
pub fn may_direct(level: DirectorLevel, professional_required: bool) -> bool {
    match level {
        DirectorLevel::None => false,
        DirectorLevel::NonProfessional => !professional_required,
        DirectorLevel::Professional => true,
    }
}

/// Director plus adjoints an open day needs: none in an accueil de jeunes, whose qualified
/// référent (R227-19 III) is the qualified quota of its team (at least one of N), nor in a
/// mini-camp, an activité accessoire directed by its parent accueil's director (R227-1).
pub fn directors_required(accueil: &Accueil, minors: u32) -> u32 {
    match accueil.kind {
        AcmType::AccueilJeunes | AcmType::MiniCamp => 0,
        _ => 1 + required_adjoints(accueil, minors),
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
/// (R227-18, Q8): `ceil((n − 100) / 50)`, with n from [`minors_counted`].
pub fn required_adjoints(accueil: &Accueil, minors: u32) -> u32 {
    if accueil.kind == AcmType::Sejour && minors > 100 {
        (minors - 100).div_ceil(50)
    } else {
        0
    }
}
