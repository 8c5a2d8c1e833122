//! The director rules: R227-14 III, the director counted, adjoints, accueil de jeunes.

use acm_planner::domain::AcmType;
use acm_planner::rules::{self, Calendar, Parameters, director};

use crate::*;

/// R227-14 III: more than 80 days a year AND more than 80 minors ⇒ professional diploma, unless
/// the préfet granted a derogation.
#[test]
fn professional_director_rule() {
    let with = |kind: AcmType, capacite: u32, days: Option<u32>, derogation: bool| {
        let mut a = accueil(kind, capacite);
        a.jours_ouverture = days;
        a.derogation_direction = derogation;
        a
    };
    let cases = [
        (with(AcmType::AccueilLoisirs, 81, Some(81), false), true),
        (with(AcmType::AccueilLoisirs, 120, Some(200), false), true),
        (with(AcmType::AccueilLoisirs, 80, Some(200), false), false),
        (with(AcmType::AccueilLoisirs, 120, Some(80), false), false),
        (with(AcmType::AccueilLoisirs, 120, None, false), false),
        (with(AcmType::AccueilLoisirs, 120, Some(200), true), false),
        (with(AcmType::Periscolaire, 100, Some(140), false), true),
        (with(AcmType::Extrascolaire, 100, Some(90), false), true),
        (with(AcmType::Sejour, 100, Some(140), false), false),
        (with(AcmType::MiniCamp, 100, Some(140), false), false),
    ];
    for (index, (site, expected)) in cases.iter().enumerate() {
        assert_eq!(
            director::professional_director_required(site, site.capacite),
            *expected,
            "case {index}: {:?} capacity {} days {:?} derogation {}",
            site.kind,
            site.capacite,
            site.jours_ouverture,
            site.derogation_direction
        );
    }
    // It shows in the slot requirement too.
    let big = with(AcmType::AccueilLoisirs, 120, Some(200), false);
    let requirement = rules::slot_requirement(
        &big,
        &prevision(date(2025, 7, 15), journee(), 30, 60),
        &Calendar::new(&[]),
        &Parameters::default(),
    )
    .expect("computable");
    assert!(requirement.professional_director);
    assert!(!requirement.director_counts);
    use acm_planner::domain::DirectorLevel;
    assert!(!director::may_direct(
        DirectorLevel::NonProfessional,
        requirement.professional_director
    ));
    assert!(director::may_direct(
        DirectorLevel::Professional,
        requirement.professional_director
    ));
    let derogation = with(AcmType::AccueilLoisirs, 120, Some(200), true);
    assert!(!director::professional_director_required(&derogation, 120));
    // Declared for 80 but 90 forecast: the larger number decides (CASF R227-14 III).
    let declared_80 = with(AcmType::AccueilLoisirs, 80, Some(200), false);
    assert!(!director::professional_director_required(&declared_80, 80));
    assert!(director::professional_director_required(
        &declared_80,
        director::minors_counted(&declared_80, 90)
    ));
}

/// The director counts in N up to 50 declared minors in an accueil de loisirs (edge included).
#[test]
fn director_counted_threshold() {
    for (kind, capacite, teens, expected) in [
        (AcmType::AccueilLoisirs, 50, false, true),
        (AcmType::AccueilLoisirs, 51, false, false),
        (AcmType::Periscolaire, 50, false, true),
        (AcmType::Sejour, 20, true, true),
        (AcmType::Sejour, 20, false, false),
        (AcmType::Sejour, 21, true, false),
    ] {
        let mut site = accueil(kind, capacite);
        site.tous_14_ans_et_plus = teens;
        assert_eq!(
            director::director_counts(&site, site.capacite),
            expected,
            "{kind:?} {capacite} teens={teens}"
        );
    }
    let adjoints =
        |capacite| director::required_adjoints(&accueil(AcmType::Sejour, capacite), capacite);
    assert_eq!(adjoints(100), 0);
    assert_eq!(adjoints(101), 1);
    assert_eq!(adjoints(150), 1);
    assert_eq!(adjoints(151), 2);
    assert_eq!(
        director::required_adjoints(&accueil(AcmType::AccueilLoisirs, 300), 300),
        0
    );
    // Declared for 40 but 60 forecast that day: the director is on top (arrêté 13/02/2007
    // art. 1 d, on the larger number).
    let site = accueil(AcmType::AccueilLoisirs, 40);
    assert!(director::director_counts(
        &site,
        director::minors_counted(&site, 40)
    ));
    assert!(!director::director_counts(
        &site,
        director::minors_counted(&site, 60)
    ));
    // An accueil de jeunes has a qualified référent (its qualified quota), no director.
    let jeunes = accueil(AcmType::AccueilJeunes, 30);
    assert!(!director::director_counts(&jeunes, 30));
    assert_eq!(director::directors_required(&jeunes, 30), 0);
}
