//! Qualifications → legal categories.
//!
//! - Animation categories: CASF R227-12 (1° qualified, 2° civil servants, 3° trainees, 4° others);
//!   the diplomas of 1° are listed in art. 2 of the arrêté of 9 February 2007.
//! - Direction: CASF R227-14 I (BAFD, its trainees, and the diplomas of art. 1 of the same arrêté);
//!   R227-14 III reserves the direction of accueils open more than 80 days for more than 80 minors
//!   to professional diplomas.

use crate::domain::{AnimationCategory, DirectorLevel, Qualification, normalize_key};

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

/// Spellings users type, normalised with [`normalize_key`], and the canonical label they mean.
/// The canonical labels themselves are always accepted.
const SPELLINGS: &[(&str, &str)] = &[
    ("bafacomplet", "BAFA"),
    ("bafavalide", "BAFA"),
    ("bafaobtenu", "BAFA"),
    ("titulairebafa", "BAFA"),
    ("titulairedubafa", "BAFA"),
    ("diplomebafa", "BAFA"),
    ("stagiairebafa", "stagiaire BAFA"),
    ("bafastagiaire", "stagiaire BAFA"),
    ("bafaencours", "stagiaire BAFA"),
    ("bafaenformation", "stagiaire BAFA"),
    ("bafastagepratique", "stagiaire BAFA"),
    ("bafastagiairepratique", "stagiaire BAFA"),
    ("stagiairepratiquebafa", "stagiaire BAFA"),
    ("enformationbafa", "stagiaire BAFA"),
    ("stagiaire", "stagiaire BAFA"),
    ("sansdiplome", "sans qualification"),
    ("nondiplome", "sans qualification"),
    ("nondiplomee", "sans qualification"),
    ("nonqualifie", "sans qualification"),
    ("nonqualifiee", "sans qualification"),
    ("aucun", "sans qualification"),
    ("aucune", "sans qualification"),
    ("aucundiplome", "sans qualification"),
    ("aucunequalification", "sans qualification"),
    ("sansbafa", "sans qualification"),
    ("none", "sans qualification"),
    ("unqualified", "sans qualification"),
    ("bafdcomplet", "BAFD"),
    ("titulairebafd", "BAFD"),
    ("stagiairebafd", "stagiaire BAFD"),
    ("bafdstagiaire", "stagiaire BAFD"),
    ("bafdencours", "stagiaire BAFD"),
    ("bafdenformation", "stagiaire BAFD"),
    ("bpjepsloisirstouspublics", "BPJEPS LTP"),
    ("bpjepsanimateurloisirstouspublics", "BPJEPS LTP"),
    ("bpjepsanimateurmentionloisirstouspublics", "BPJEPS LTP"),
    ("bpjepsltp", "BPJEPS LTP"),
    ("bpjepslt", "BPJEPS LTP"),
    ("capaccompagnanteducatifpetiteenfance", "CAP AEPE"),
    ("capaepe", "CAP AEPE"),
    ("aepe", "CAP AEPE"),
    ("cappe", "CAP petite enfance"),
    ("cqpanimateurperiscolaire", "CQP animateur periscolaire"),
    ("cqpaper", "CQP animateur periscolaire"),
    ("cqpap", "CQP animateur periscolaire"),
    ("dutcarrieressociales", "DUT carrieres sociales"),
    ("butcarrieressociales", "DUT carrieres sociales"),
    ("staps", "licence STAPS"),
    ("licencestaps", "licence STAPS"),
    ("moniteureducateur", "moniteur-educateur"),
    ("deme", "moniteur-educateur"),
    ("cafme", "moniteur-educateur"),
    ("fonctionnairetitulaire", "fonctionnaire"),
    ("agenttitulaire", "fonctionnaire"),
    ("deeducateurspecialise", "DE educateur specialise"),
    ("educateurspecialise", "DE educateur specialise"),
    ("dees", "DE educateur specialise"),
    (
        "deeducateurdejeunesenfants",
        "DE educateur de jeunes enfants",
    ),
    ("educateurdejeunesenfants", "DE educateur de jeunes enfants"),
    ("eje", "DE educateur de jeunes enfants"),
    ("deeje", "DE educateur de jeunes enfants"),
];

/// Maps a user's spelling onto a canonical qualification; `None` when unknown.
///
/// Case, accents, dots and spaces are ignored (`B.A.F.A.`, `bafa`, `Stagiaire BAFA`); a BPJEPS,
/// DEJEPS or DESJEPS of any speciality is recognised by its prefix (`BPJEPS APT` is a BPJEPS,
/// `BPJEPS LTP` the professional one that may direct).
pub fn parse_qualification(text: &str) -> Option<Qualification> {
    let key = normalize_key(text);
    if key.is_empty() {
        return None;
    }
    if let Some(&(label, _, _)) = CANONICAL
        .iter()
        .find(|(label, _, _)| normalize_key(label) == key)
    {
        return canonical(label);
    }
    if let Some(&(_, label)) = SPELLINGS.iter().find(|(spelling, _)| *spelling == key) {
        return canonical(label);
    }
    let by_prefix = if key.starts_with("desjeps") {
        "DESJEPS"
    } else if key.starts_with("dejeps") {
        "DEJEPS"
    } else if key.starts_with("bpjeps") {
        if key.contains("loisirstouspublics") || key.ends_with("ltp") {
            "BPJEPS LTP"
        } else {
            "BPJEPS"
        }
    } else {
        return None;
    };
    canonical(by_prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AnimationCategory as A, DirectorLevel as D};

    #[test]
    fn every_canonical_label_parses_to_itself() {
        for (label, _, _) in CANONICAL {
            let parsed = parse_qualification(label).map(|q| q.label);
            assert_eq!(parsed.as_deref(), Some(*label));
        }
    }

    #[test]
    fn spellings_users_type() {
        let cases = [
            ("BAFA", "BAFA", A::Qualified, D::None),
            ("B.A.F.A.", "BAFA", A::Qualified, D::None),
            ("Bafa complet", "BAFA", A::Qualified, D::None),
            ("stagiaire BAFA", "stagiaire BAFA", A::Trainee, D::None),
            ("BAFA stagiaire", "stagiaire BAFA", A::Trainee, D::None),
            ("BAFA en cours", "stagiaire BAFA", A::Trainee, D::None),
            (
                "sans diplôme",
                "sans qualification",
                A::Unqualified,
                D::None,
            ),
            (
                "Sans qualification",
                "sans qualification",
                A::Unqualified,
                D::None,
            ),
            ("non diplômé", "sans qualification", A::Unqualified, D::None),
            ("aucun", "sans qualification", A::Unqualified, D::None),
            ("BAFD", "BAFD", A::Qualified, D::NonProfessional),
            (
                "stagiaire BAFD",
                "stagiaire BAFD",
                A::Qualified,
                D::NonProfessional,
            ),
            (
                "BAFD stagiaire",
                "stagiaire BAFD",
                A::Qualified,
                D::NonProfessional,
            ),
            ("BPJEPS", "BPJEPS", A::Qualified, D::None),
            ("BPJEPS APT", "BPJEPS", A::Qualified, D::None),
            ("BPJEPS LTP", "BPJEPS LTP", A::Qualified, D::Professional),
            (
                "BPJEPS loisirs tous publics",
                "BPJEPS LTP",
                A::Qualified,
                D::Professional,
            ),
            ("DEJEPS", "DEJEPS", A::Qualified, D::Professional),
            ("DESJEPS", "DESJEPS", A::Qualified, D::Professional),
            ("CAP AEPE", "CAP AEPE", A::Qualified, D::None),
            (
                "CAP petite enfance",
                "CAP petite enfance",
                A::Qualified,
                D::None,
            ),
            (
                "CQP animateur périscolaire",
                "CQP animateur periscolaire",
                A::Qualified,
                D::None,
            ),
        ];
        for (text, label, category, director) in cases {
            let parsed = parse_qualification(text);
            assert_eq!(
                parsed
                    .as_ref()
                    .map(|q| (q.label.as_str(), q.category, q.director)),
                Some((label, category, director)),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_spellings_are_refused() {
        for text in ["BAFX", "", "permis B", "CAP cuisine"] {
            assert_eq!(parse_qualification(text), None, "{text}");
        }
    }
}
