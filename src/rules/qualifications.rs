//! Qualifications → legal categories.
//!
//! - Animation categories: CASF R227-12 (1° qualified, 2° civil servants, 3° trainees, 4° others);
//!   the diplomas of 1° are listed in art. 2 of the arrêté of 9 February 2007.
//! - Direction: CASF R227-14 I (BAFD, its trainees, and the diplomas of art. 1 of the same arrêté);
//!   R227-14 III reserves the direction of accueils open more than 80 days for more than 80 minors
//!   to professional diplomas.

use crate::domain::{AnimationCategory, DirectorLevel, Qualification};

/// The canonical qualifications the tool knows: label, R227-12 category, R227-14 level.
///
/// The spellings users type (`B.A.F.A.`, `BAFA stagiaire`, `sans diplôme`, `BPJEPS LTP`, …) are
/// mapped onto these labels by [`parse_qualification`].
pub const CANONICAL: &[(&str, AnimationCategory, DirectorLevel)] = &[
    // R227-12 1°: BAFA and the diplomas of art. 2 of the arrêté of 9 February 2007.
    ("BAFA", AnimationCategory::Qualified, DirectorLevel::None),
    ("BPJEPS", AnimationCategory::Qualified, DirectorLevel::None),
    (
        "CQP animateur periscolaire",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    (
        "CAP petite enfance",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    // Q5: the CAP AEPE replaced the CAP petite enfance; treated as qualified (see README).
    (
        "CAP AEPE",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    ("BAPAAT", AnimationCategory::Qualified, DirectorLevel::None),
    ("BEATEP", AnimationCategory::Qualified, DirectorLevel::None),
    (
        "DUT carrieres sociales",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    (
        "licence STAPS",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    (
        "moniteur-educateur",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    // R227-12 2°: listed civil servants acting within their duties, counted with 1°.
    (
        "fonctionnaire",
        AnimationCategory::Qualified,
        DirectorLevel::None,
    ),
    // R227-12 3°: trainees.
    (
        "stagiaire BAFA",
        AnimationCategory::Trainee,
        DirectorLevel::None,
    ),
    // R227-12 4°: everyone else.
    (
        "sans qualification",
        AnimationCategory::Unqualified,
        DirectorLevel::None,
    ),
    // R227-14 I: may direct (BAFD requires the BAFA, so also qualified for animation).
    (
        "BAFD",
        AnimationCategory::Qualified,
        DirectorLevel::NonProfessional,
    ),
    (
        "stagiaire BAFD",
        AnimationCategory::Qualified,
        DirectorLevel::NonProfessional,
    ),
    // Art. 1 of the arrêté of 9 February 2007: professional diplomas (R227-14 III, 80/80 rule).
    (
        "BPJEPS LTP",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DEJEPS",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DESJEPS",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DEFA",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DE educateur specialise",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DE educateur de jeunes enfants",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
];

/// The canonical qualification with this exact label.
pub fn canonical(label: &str) -> Option<Qualification> {
    CANONICAL
        .iter()
        .find(|(name, _, _)| *name == label)
        .map(|&(name, category, director)| Qualification {
            label: name.to_string(),
            category,
            director,
        })
}

/// Maps a user's spelling onto a canonical qualification; `None` when unknown.
pub fn parse_qualification(text: &str) -> Option<Qualification> {
    // Filled in by the input work: normalisation (case, accents, dots, spaces) and aliases.
    canonical(text.trim())
}
