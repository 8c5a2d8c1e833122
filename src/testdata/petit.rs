//! `fixtures/petit-accueil.xlsx`: one accueil de loisirs, one week, six animateurs. Every value is
//! hand-written: other tests compute their expected results from it by hand.

use chrono::NaiveDate;

use super::territory::{AccueilRow, AnimateurRow, PrevisionRow, Territory, When};
use crate::domain::{AcmType, Contrat};

/// A day of July 2026.
fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).unwrap_or_default()
}

/// The small fixture, exactly as documented in `fixtures/README.md`.
pub fn petit_accueil() -> Territory {
    let accueils = vec![AccueilRow {
        code: "ALSH-VARRAINS".into(),
        nom: "Accueil de loisirs Les Lutins".into(),
        commune: "Varrains".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite: 40,
        jours_ouverture: Some(60),
        secteur: Some("Saumur".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
    }];
    // (day of July, under 6, 6 and over), Monday 6 to Friday 10 July 2026.
    let children = [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ];
    let previsions = children
        .iter()
        .map(|&(day, moins_de_6, six_et_plus)| PrevisionRow {
            accueil: "ALSH-VARRAINS".into(),
            when: When::Date(july(day)),
            creneau: "journee".into(),
            debut: None,
            fin: None,
            moins_de_6,
            six_et_plus,
            renforce: None,
        })
        .collect();
    let people: [(&str, &str, &str, &'static str, Contrat, u32, u32); 6] = [
        ("A1", "Martin", "Léa", "BAFD", Contrat::Cdi, 0, 120),
        ("A2", "Bernard", "Hugo", "BAFA", Contrat::Cee, 0, 65),
        ("A3", "Petit", "Chloé", "BAFA", Contrat::Cee, 77, 65),
        (
            "A4",
            "Durand",
            "Lucas",
            "stagiaire BAFA",
            Contrat::Cee,
            0,
            60,
        ),
        (
            "A5",
            "Leroy",
            "Inès",
            "sans qualification",
            Contrat::Cee,
            0,
            55,
        ),
        ("A6", "Moreau", "Tom", "BAFA", Contrat::Cee, 10, 65),
    ];
    let animateurs = people
        .iter()
        .map(
            |&(id, nom, prenom, qualification, contrat, jours_cee, cout)| AnimateurRow {
                id: id.into(),
                nom: nom.into(),
                prenom: prenom.into(),
                qualification,
                contrat,
                jours_cee,
                cout_journalier: Some(cout),
                date_naissance: None,
                secteur: Some("Saumur".into()),
                accueils_possibles: None,
                max_jours: None,
                // An accueil de loisirs: no suivi sanitaire to staff.
                psc1: false,
            },
        )
        .collect();
    let dates: Vec<NaiveDate> = (6..=10).map(july).collect();
    let availability = people
        .iter()
        .map(|(id, ..)| {
            dates
                .iter()
                .map(|date| match (*id, date == &july(8), date == &july(10)) {
                    ("A6", true, _) => "",
                    ("A2", _, true) => "M",
                    _ => "J",
                })
                .collect()
        })
        .collect();
    Territory {
        accueils,
        previsions,
        animateurs,
        dates,
        availability,
        ..Territory::default()
    }
}
