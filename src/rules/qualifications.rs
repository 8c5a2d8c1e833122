//! Qualifications → legal categories.
//!
//! - Animation categories: CASF R227-12 (1° qualified, 2° civil servants, 3° trainees, 4° others);
//!   the diplomas of 1° are listed in art. 2 of the arrêté of 9 February 2007.
//! - Direction: CASF R227-14 I (BAFD, its trainees, and the diplomas of art. 1 of the same arrêté);
//!   R227-14 III reserves the direction of accueils open more than 80 days for more than 80 minors
//!   to professional diplomas.

use crate::domain::{
    AnimationCategory, Certificate, DirectorLevel, Qualification, closest, normalize_key,
};

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
    // Art. 1 of the arrêté of 9 February 2007 (version of 12 November 2008, arrêté of 28 October
    // 2008): the diplomas that may direct, professional for the 80/80 rule (R227-14 III). Besides
    // BPJEPS LTP, DEJEPS, DESJEPS, DEFA and the two DE below, art. 1 lists: DEDPAD, DECEP, CAPASE,
    // BEATEP « activités sociales-vie locale », the BPJEPS with the complementary unit « direction
    // des centres de vacances et de loisirs » (since the arrêté of 7 November 2017: the
    // certificat complémentaire « direction d'un accueil collectif de mineurs », for any BPJEPS,
    // DEJEPS or DESJEPS specialty), BEES 2nd and 3rd degree, BEESAPT, DUT carrières sociales
    // option animation sociale et socioculturelle, DEUST animation.
    (
        "BPJEPS direction ACM",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "BEATEP activites sociales vie locale",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DUT carrieres sociales option animation",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DEDPAD",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DECEP",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "CAPASE",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "DEUST animation",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
    (
        "BEESAPT",
        AnimationCategory::Qualified,
        DirectorLevel::Professional,
    ),
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
    // « stag BAFA », « stag. BAFA »: the abbreviation of a sign-in sheet.
    ("stagbafa", "stagiaire BAFA"),
    ("bafastag", "stagiaire BAFA"),
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
    ("stagbafd", "stagiaire BAFD"),
    ("bafdstag", "stagiaire BAFD"),
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
    (
        "dutcarrieressocialesoptionanimation",
        "DUT carrieres sociales option animation",
    ),
    (
        "dutcarrieressocialesoptionanimationsocialeetsocioculturelle",
        "DUT carrieres sociales option animation",
    ),
    (
        "butcarrieressocialesanimationsocialeetsocioculturelle",
        "DUT carrieres sociales option animation",
    ),
    ("beatepasvl", "BEATEP activites sociales vie locale"),
    (
        "beatepactivitessocialesvielocale",
        "BEATEP activites sociales vie locale",
    ),
    ("bpjepsucdirection", "BPJEPS direction ACM"),
    ("bpjepsuccdirection", "BPJEPS direction ACM"),
    ("bpjepsavecuccdirection", "BPJEPS direction ACM"),
    ("bpjepsccdirectionacm", "BPJEPS direction ACM"),
    ("bpjepsavecccdirectionacm", "BPJEPS direction ACM"),
    (
        "bpjepscertificatcomplementairedirection",
        "BPJEPS direction ACM",
    ),
    (
        "bpjepsdirectionaccueilcollectifdemineurs",
        "BPJEPS direction ACM",
    ),
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

/// The canonical labels an unknown spelling most likely meant (a typo of a label, or of a
/// spelling of [`parse_qualification`]): `BAFFA` → BAFA, `stagiere bafa` → stagiaire BAFA.
pub fn closest_labels(text: &str) -> Vec<&'static str> {
    let spellings = CANONICAL
        .iter()
        .map(|(label, _, _)| (*label, *label))
        .chain(SPELLINGS.iter().copied());
    let spellings: Vec<(&str, &str)> = spellings.collect();
    let mut labels: Vec<&'static str> = Vec::new();
    for spelling in closest(text, spellings.iter().map(|(spelling, _)| *spelling)) {
        if let Some((_, label)) = spellings.iter().find(|(s, _)| *s == spelling)
            && !labels.contains(label)
        {
            labels.push(label);
        }
    }
    labels
}

/// Spellings of the certificates that are not animation diplomas (normalised with
/// [`normalize_key`]). The labels of [`Certificate::label`] are always accepted.
const CERTIFICATE_SPELLINGS: &[(&str, Certificate)] = &[
    ("psc", Certificate::Psc1),
    ("psc1", Certificate::Psc1),
    ("pscniveau1", Certificate::Psc1),
    ("afps", Certificate::Psc1),
    ("preventionetsecourscivique", Certificate::Psc1),
    ("preventionetsecoursciviques", Certificate::Psc1),
    ("preventionetsecoursciviquesdeniveau1", Certificate::Psc1),
    ("preventionetsecoursciviquesniveau1", Certificate::Psc1),
    ("premierssecours", Certificate::Psc1),
    ("pse", Certificate::Pse),
    ("pse1", Certificate::Pse),
    ("pse2", Certificate::Pse),
    ("sst", Certificate::Sst),
    ("sauveteursecouristedutravail", Certificate::Sst),
    ("sb", Certificate::SurveillantBaignade),
    ("bsb", Certificate::SurveillantBaignade),
    ("surveillantdebaignade", Certificate::SurveillantBaignade),
    ("surveillantbaignade", Certificate::SurveillantBaignade),
    (
        "brevetdesurveillantdebaignade",
        Certificate::SurveillantBaignade,
    ),
    (
        "qualificationsurveillantdebaignade",
        Certificate::SurveillantBaignade,
    ),
    ("qualifsb", Certificate::SurveillantBaignade),
    ("bnssa", Certificate::Bnssa),
    ("mns", Certificate::Mns),
    ("beesan", Certificate::Mns),
    ("maitrenageur", Certificate::Mns),
    ("maitrenageursauveteur", Certificate::Mns),
    ("permis", Certificate::PermisB),
    ("permisb", Certificate::PermisB),
    ("permisdeconduire", Certificate::PermisB),
    ("permisdeconduireb", Certificate::PermisB),
];

/// Written as one word, a diploma with a certificate: the BAFA "surveillant de baignade".
const COMBINED_SPELLINGS: &[(&str, &str, Certificate)] = &[
    ("bafasb", "BAFA", Certificate::SurveillantBaignade),
    (
        "bafasurveillantdebaignade",
        "BAFA",
        Certificate::SurveillantBaignade,
    ),
    (
        "bafaqualificationsurveillantdebaignade",
        "BAFA",
        Certificate::SurveillantBaignade,
    ),
];

/// How the certificates are written in messages, with their common other names.
pub const CERTIFICATES_ACCEPTED: &str = "PSC1 (ou AFPS), PSE1, PSE2, SST, SB (ou BSB, surveillant de baignade), BNSSA, MNS (ou \
     BEESAN), permis B";

/// A certificate that is not an animation diploma (`PSC1`, `SB`, `BNSSA`, `permis B`…).
pub fn parse_certificate(text: &str) -> Option<Certificate> {
    let key = normalize_key(text);
    if key.is_empty() {
        return None;
    }
    Certificate::ALL
        .into_iter()
        .find(|c| normalize_key(c.label()) == key)
        .or_else(|| {
            CERTIFICATE_SPELLINGS
                .iter()
                .find(|(spelling, _)| normalize_key(spelling) == key)
                .map(|(_, certificate)| *certificate)
        })
}

/// What one `Qualification` cell says: the best diploma recognised (the person's legal
/// category) and the other certificates.
#[derive(Debug, Clone, PartialEq)]
pub struct Diplomas {
    pub qualification: Qualification,
    pub certificats: Vec<Certificate>,
}

/// The parts of a cell that are neither a diploma nor a certificate, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownParts(pub Vec<String>);

/// The parts of a cell listing several certificates: separated by `+`, `,`, `/`, `;`, `&`, the
/// word `et` (or `and`), or written in parentheses (`BAFA (PSC1)`).
pub fn split_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for piece in text.split(['+', ',', '/', ';', '&', '(', ')', '\n']) {
        let mut current: Vec<&str> = Vec::new();
        for word in piece.split_whitespace() {
            if matches!(word.to_lowercase().as_str(), "et" | "and") {
                if !current.is_empty() {
                    parts.push(current.join(" "));
                }
                current.clear();
            } else {
                current.push(word);
            }
        }
        if !current.is_empty() {
            parts.push(current.join(" "));
        }
    }
    parts
}

/// One part: a diploma, a certificate, both written as one (`BAFA SB`), or unknown.
fn read_part(part: &str) -> Option<(Option<Qualification>, Option<Certificate>)> {
    if let Some(qualification) = parse_qualification(part) {
        return Some((Some(qualification), None));
    }
    if let Some(certificate) = parse_certificate(part) {
        return Some((None, Some(certificate)));
    }
    let key = normalize_key(part);
    if let Some(&(_, label, certificate)) = COMBINED_SPELLINGS.iter().find(|(k, _, _)| *k == key) {
        return Some((canonical(label), Some(certificate)));
    }
    // `BAFA PSC1`: a diploma followed by a certificate, with a space between.
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..words.len()).rev().find_map(|split| {
        let qualification = parse_qualification(&words[..split].join(" "))?;
        let certificate = parse_certificate(&words[split..].join(" "))?;
        Some((Some(qualification), Some(certificate)))
    })
}

/// Which of two diplomas gives the better legal standing: may direct (professional first),
/// then the R227-12 category (qualified, trainee, others).
fn standing(qualification: &Qualification) -> (DirectorLevel, u8) {
    let category = match qualification.category {
        AnimationCategory::Qualified => 2,
        AnimationCategory::Trainee => 1,
        AnimationCategory::Unqualified => 0,
    };
    (qualification.director, category)
}

/// Reads a `Qualification` cell as people write it: one diploma (`BAFA`), or several
/// certificates (`BAFA + PSC1`, `BAFA, SB`, `BAFA (PSC1)`, `BAFD et PSC1`). The legal category
/// is the best diploma recognised, or `sans qualification` when the cell only lists
/// certificates (a PSC1 holder without BAFA counts as unqualified, acm-rules.md §3.3); the other
/// certificates are returned in the order written. `None` for an empty cell.
pub fn parse_diplomas(text: &str) -> Option<Result<Diplomas, UnknownParts>> {
    if normalize_key(text).is_empty() {
        return None;
    }
    // The whole cell may name one diploma whose label holds a separator (« BPJEPS + UC
    // direction », « BAFA (stagiaire) »); it is also read part by part, which wins where it
    // finds certificates beside a diploma standing as high: « BPJEPS LTP + PSC1 » keeps its
    // specialty (and may direct) and the certificate.
    let whole = parse_qualification(text);
    let mut best: Option<Qualification> = None;
    let mut certificats = Vec::new();
    let mut unknown = Vec::new();
    for part in split_parts(text) {
        match read_part(&part) {
            Some((qualification, certificate)) => {
                if let Some(qualification) = qualification
                    && best
                        .as_ref()
                        .is_none_or(|b| standing(&qualification) > standing(b))
                {
                    best = Some(qualification);
                }
                if let Some(certificate) = certificate
                    && !certificats.contains(&certificate)
                {
                    certificats.push(certificate);
                }
            }
            None => unknown.push(part),
        }
    }
    if !unknown.is_empty() {
        return Some(match whole {
            Some(qualification) => Ok(Diplomas {
                qualification,
                certificats: Vec::new(),
            }),
            None => Err(UnknownParts(unknown)),
        });
    }
    let qualification = best.or_else(|| canonical("sans qualification"))?;
    // Part by part only where it found certificates beside a diploma standing as high.
    if let Some(whole) = whole
        && (certificats.is_empty() || standing(&whole) > standing(&qualification))
    {
        return Some(Ok(Diplomas {
            qualification: whole,
            certificats: Vec::new(),
        }));
    }
    Some(Ok(Diplomas {
        qualification,
        certificats,
    }))
}

/// Reads an `Autres diplomes` cell: certificates only, separated as in [`parse_diplomas`].
/// Unknown parts, and diplomas (which belong in `Qualification`), are returned as errors.
pub fn parse_certificates(text: &str) -> Result<Vec<Certificate>, UnknownParts> {
    let mut certificats = Vec::new();
    let mut unknown = Vec::new();
    for part in split_parts(text) {
        match parse_certificate(&part) {
            Some(certificate) => {
                if !certificats.contains(&certificate) {
                    certificats.push(certificate);
                }
            }
            None => unknown.push(part),
        }
    }
    if unknown.is_empty() {
        Ok(certificats)
    } else {
        Err(UnknownParts(unknown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AnimationCategory as A, DirectorLevel as D};

    fn diplomas(text: &str) -> (String, Vec<Certificate>) {
        let read = parse_diplomas(text)
            .expect("not empty")
            .unwrap_or_else(|e| panic!("{text}: {e:?}"));
        (read.qualification.label, read.certificats)
    }

    /// Art. 1 of the arrêté of 9 February 2007: these may direct, and are professional diplomas
    /// for the 80 days × 80 minors rule (R227-14 III).
    #[test]
    fn the_directing_diplomas_of_article_1_are_professional() {
        for text in [
            "BPJEPS avec UCC direction",
            "BPJEPS CC direction ACM",
            "DUT carrières sociales option animation sociale et socioculturelle",
            "BEATEP ASVL",
            "BEATEP activités sociales - vie locale",
            "DEDPAD",
            "DECEP",
            "CAPASE",
            "DEUST animation",
            "BEESAPT",
            "DE éducateur spécialisé",
        ] {
            let qualification = parse_qualification(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                qualification.director,
                DirectorLevel::Professional,
                "{text}"
            );
            assert_eq!(
                qualification.category,
                AnimationCategory::Qualified,
                "{text}"
            );
        }
        // Without the direction unit or the option, they are animation diplomas only (art. 2).
        for text in ["BPJEPS", "DUT carrières sociales", "BEATEP"] {
            let qualification = parse_qualification(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(qualification.director, DirectorLevel::None, "{text}");
        }
    }

    #[test]
    fn several_certificates_in_one_cell() {
        use Certificate::{Bnssa, Mns, PermisB, Psc1, SurveillantBaignade as Sb};
        let cases: [(&str, &str, Vec<Certificate>); 12] = [
            ("BAFA + PSC1", "BAFA", vec![Psc1]),
            ("BAFA, SB", "BAFA", vec![Sb]),
            ("BAFA (PSC1)", "BAFA", vec![Psc1]),
            ("BAFD + PSC1", "BAFD", vec![Psc1]),
            ("BAFA / PSC1 ; permis B", "BAFA", vec![Psc1, PermisB]),
            ("bafa et psc1", "BAFA", vec![Psc1]),
            ("PSC1 + BAFA", "BAFA", vec![Psc1]),
            ("BAFA + BAFD", "BAFD", vec![]),
            ("BAFD, DEJEPS", "DEJEPS", vec![]),
            ("BAFA SB", "BAFA", vec![Sb]),
            ("PSC1", "sans qualification", vec![Psc1]),
            (
                "stagiaire BAFA + BNSSA & MNS",
                "stagiaire BAFA",
                vec![Bnssa, Mns],
            ),
        ];
        for (text, label, certificates) in cases {
            assert_eq!(diplomas(text), (label.to_string(), certificates), "{text}");
        }
        // A professional diploma with a certificate keeps its specialty (it may direct).
        assert_eq!(
            diplomas("BPJEPS LTP + PSC1"),
            ("BPJEPS LTP".to_string(), vec![Psc1])
        );
        // One diploma written with parentheses stays one diploma.
        assert_eq!(diplomas("BPJEPS (LTP)").0, "BPJEPS LTP");
        assert_eq!(diplomas("BAFA (stagiaire)").0, "stagiaire BAFA");
    }

    #[test]
    fn an_unknown_part_is_named() {
        let read = parse_diplomas("BAFA + PSC9 + permis B");
        assert_eq!(read, Some(Err(UnknownParts(vec!["PSC9".to_string()]))));
        assert_eq!(parse_diplomas("  "), None);
        assert_eq!(
            parse_certificates("PSC1, BAFA"),
            Err(UnknownParts(vec!["BAFA".to_string()]))
        );
        assert_eq!(
            parse_certificates("psc1 + Permis B"),
            Ok(vec![Certificate::Psc1, Certificate::PermisB])
        );
    }

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
