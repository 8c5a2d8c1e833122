//! One schedule with exactly one violation of each kind.

use chrono::Duration;

use super::scenario::*;
use crate::audit::*;
use crate::domain::{AcmType, AvailabilityFlags, Cents, Contrat, Creneau, Minutes};

/// The schedule with exactly one violation of each kind, each on its own ACM or person.
pub(super) fn one_of_each() -> Scenario {
    let mut s = Scenario::new();
    let day = july(6); // Monday 6 July 2026, summer holidays: extrascolaire 1:8 / 1:12.

    // Référence inconnue: an unknown person on a legal slot.
    s.accueil("A-REF", 40);
    s.forecast("A-REF", day, "journee", 0, 12);
    s.person("D-REF", "BAFD");
    s.direct("D-REF", "A-REF", day, "journee");
    s.animate("X99", "A-REF", day, "journee");

    // Effectif insuffisant: 30 children → N = 3; director (counted, ≤ 50) + 1 BAFA.
    s.accueil("B-EFF", 40);
    s.forecast("B-EFF", day, "journee", 0, 30);
    s.person("D-EFF", "BAFD");
    s.person("AN-EFF", "BAFA");
    s.direct("D-EFF", "B-EFF", day, "journee");
    s.animate("AN-EFF", "B-EFF", day, "journee");

    // Directeur compté indûment: capacity 60, 24 children → N = 2; 1 animateur + director.
    s.accueil("C-CPT", 60);
    s.forecast("C-CPT", day, "journee", 0, 24);
    s.person("D-CPT", "BAFD");
    s.person("AN-CPT", "BAFA");
    s.direct("D-CPT", "C-CPT", day, "journee");
    s.animate("AN-CPT", "C-CPT", day, "journee");

    // Qualifiés insuffisants: N = 2 met by two trainees, no qualified.
    s.accueil("D-QUAL", 60);
    s.forecast("D-QUAL", day, "journee", 0, 24);
    s.person("D-QUA", "BAFD");
    s.person("ST1", "stagiaire BAFA");
    s.person("ST2", "stagiaire BAFA");
    s.direct("D-QUA", "D-QUAL", day, "journee");
    s.animate("ST1", "D-QUAL", day, "journee");
    s.animate("ST2", "D-QUAL", day, "journee");

    // Trop de sans qualification: N = 2 allows none.
    s.accueil("E-SANS", 60);
    s.forecast("E-SANS", day, "journee", 0, 24);
    s.person("D-SAN", "BAFD");
    s.person("AN-SAN", "BAFA");
    s.person("SQ1", "sans qualification");
    s.direct("D-SAN", "E-SANS", day, "journee");
    s.animate("AN-SAN", "E-SANS", day, "journee");
    s.animate("SQ1", "E-SANS", day, "journee");

    // Pas de direction.
    s.accueil("F-NODIR", 40);
    s.forecast("F-NODIR", day, "journee", 0, 12);
    s.person("AN-NOD", "BAFA");
    s.animate("AN-NOD", "F-NODIR", day, "journee");

    // Directeur sans le diplôme requis: open 200 days for 100 minors, a BAFD directs.
    s.accueil("G-PRO", 100).jours_ouverture = Some(200);
    s.forecast("G-PRO", day, "journee", 0, 12);
    s.person("D-PRO", "BAFD");
    s.person("AN-PRO", "BAFA");
    s.direct("D-PRO", "G-PRO", day, "journee");
    s.animate("AN-PRO", "G-PRO", day, "journee");

    // Double rôle.
    s.accueil("H-DOUBLE", 40);
    s.forecast("H-DOUBLE", day, "journee", 0, 12);
    s.person("D-DBL", "BAFD");
    s.direct("D-DBL", "H-DOUBLE", day, "journee");
    s.animate("D-DBL", "H-DOUBLE", day, "journee");

    // Pas de titulaire du PSC1: a séjour of 12, its director and two BAFA, none with the PSC1.
    s.accueil("H2-PSC1", 12).kind = AcmType::Sejour;
    s.forecast("H2-PSC1", day, "journee", 0, 12);
    s.person("D-PSC", "BAFD");
    s.person("AN-PSC1", "BAFA");
    s.person("AN-PSC2", "BAFA");
    s.direct("D-PSC", "H2-PSC1", day, "journee");
    s.animate("AN-PSC1", "H2-PSC1", day, "journee");
    s.animate("AN-PSC2", "H2-PSC1", day, "journee");

    // Indisponible: declared the morning only.
    s.accueil("I-DISPO", 40);
    s.forecast("I-DISPO", day, "journee", 0, 12);
    s.person("D-DIS", "BAFD");
    s.available(
        "D-DIS",
        day,
        AvailabilityFlags {
            matin: true,
            ..Default::default()
        },
    );
    s.direct("D-DIS", "I-DISPO", day, "journee");

    // Hors secteur.
    s.accueil("J-LOIN", 40).secteur = Some("Nord".to_string());
    s.forecast("J-LOIN", day, "journee", 0, 12);
    s.person("D-LOIN", "BAFD").secteur = Some("Sud".to_string());
    s.direct("D-LOIN", "J-LOIN", day, "journee");

    // Deux accueils le même jour (morning and evening: no overlap).
    s.accueil("K-MAT", 40);
    s.forecast("K-MAT", day, "matin", 0, 12);
    s.accueil("L-SOIR", 40);
    s.forecast("L-SOIR", day, "soir", 0, 12);
    s.person("D-2ACM", "BAFD");
    s.direct("D-2ACM", "K-MAT", day, "matin");
    s.direct("D-2ACM", "L-SOIR", day, "soir");

    // Créneau en double: the same row typed twice.
    s.accueil("M-DUP", 40);
    s.forecast("M-DUP", day, "journee", 0, 12);
    s.person("D-DUP", "BAFD");
    s.direct("D-DUP", "M-DUP", day, "journee");
    s.direct("D-DUP", "M-DUP", day, "journee");

    // CEE: 77 days before the period + 4 planned = 81.
    s.accueil("N-CEE", 40);
    s.person("D-CEE", "BAFD").contrat = Contrat::Cee;
    s.inputs
        .animateurs
        .last_mut()
        .expect("person")
        .jours_cee_anterieurs = 77;
    for offset in 0..4 {
        let date = day + Duration::days(offset);
        s.forecast("N-CEE", date, "journee", 0, 12);
        s.direct("D-CEE", "N-CEE", date, "journee");
    }

    // Repos hebdomadaire: 7 mornings in a row (24 h 30 over the week: within 48 h).
    s.accueil("O-SEPT", 40);
    s.person("D-SEPT", "BAFD");
    for offset in 0..7 {
        let date = day + Duration::days(offset);
        s.forecast("O-SEPT", date, "matin", 0, 12);
        s.direct("D-SEPT", "O-SEPT", date, "matin");
    }

    // Durée quotidienne: a day (9 h) and an evening vigil (3 h) = 12 h.
    s.accueil("P-LONG", 40);
    s.forecast("P-LONG", day, "journee", 0, 12);
    let veillee = Creneau {
        label: "veillee".to_string(),
        start: Minutes::hm(19, 0),
        end: Minutes::hm(22, 0),
    };
    s.forecast_at("P-LONG", day, veillee, 0, 12);
    s.person("D-LONG", "BAFD");
    s.direct("D-LONG", "P-LONG", day, "journee");
    s.direct("D-LONG", "P-LONG", day, "veillee");

    // Durée hebdomadaire: 5 days of 10 h (08:30–18:30) = 50 h.
    s.accueil("Q-SEM", 40);
    s.person("D-SEM", "BAFD");
    for offset in 0..5 {
        let date = day + Duration::days(offset);
        s.forecast("Q-SEM", date, "journee", 0, 12);
        s.forecast("Q-SEM", date, "soir", 0, 12);
        s.direct("D-SEM", "Q-SEM", date, "journee");
        s.direct("D-SEM", "Q-SEM", date, "soir");
    }

    // Mineur un jour férié: a 17-year-old on 14 July.
    s.accueil("R-FERIE", 40);
    s.forecast("R-FERIE", july(14), "matin", 0, 12);
    s.person("D-FER", "BAFD");
    s.person("MIN1", "BAFA").date_naissance = Some(ymd(2009, 3, 1));
    s.direct("D-FER", "R-FERIE", july(14), "matin");
    s.animate("MIN1", "R-FERIE", july(14), "matin");

    // Mineur sans 2 jours de repos consécutifs: Monday to Saturday, Sunday off only.
    s.accueil("S-MIN", 40);
    s.person("D-SMIN", "BAFD");
    s.person("MIN2", "BAFA").date_naissance = Some(ymd(2009, 3, 1));
    for offset in 0..6 {
        let date = july(20) + Duration::days(offset);
        s.forecast("S-MIN", date, "matin", 0, 12);
        s.direct("D-SMIN", "S-MIN", date, "matin");
        s.animate("MIN2", "S-MIN", date, "matin");
    }

    // Limite personnelle: Max jours 1, works 2 days.
    s.accueil("T-MAXJ", 40);
    s.person("D-MAXJ", "BAFD").max_jours = Some(1);
    for date in [july(6), july(7)] {
        s.forecast("T-MAXJ", date, "journee", 0, 12);
        s.direct("D-MAXJ", "T-MAXJ", date, "journee");
    }

    // Rémunération CEE: 40 € a day, below 4.30 × 11.88 € = 51.08 €.
    s.accueil("U-PAIE", 40);
    s.forecast("U-PAIE", day, "journee", 0, 12);
    let paid = s.person("D-PAIE", "BAFD");
    paid.contrat = Contrat::Cee;
    paid.cout_journalier = Some(Cents::euros(40));
    s.direct("D-PAIE", "U-PAIE", day, "journee");
    s
}

#[test]
fn one_violation_of_each_kind_is_reported_in_place_and_nothing_else() {
    use RuleKind::*;
    let scenario = one_of_each();
    let report = scenario.audit();
    let day = Some(july(6));
    let expected = vec![
        expect(
            ReferenceInconnue,
            Some("A-REF"),
            day,
            Some("journee"),
            Some("X99"),
            None,
            "planning",
        ),
        expect(
            EffectifInsuffisant,
            Some("B-EFF"),
            day,
            Some("journee"),
            None,
            Some((3, 2)),
            "CASF R227-15",
        ),
        expect(
            DirecteurCompteIndument,
            Some("C-CPT"),
            day,
            Some("journee"),
            None,
            Some((2, 1)),
            "CASF R227-17 ; arrêté du 13 février 2007 art. 1 d",
        ),
        expect(
            QualifiesInsuffisants,
            Some("D-QUAL"),
            day,
            Some("journee"),
            None,
            Some((1, 0)),
            "CASF R227-12",
        ),
        expect(
            TropDeSansQualification,
            Some("E-SANS"),
            day,
            Some("journee"),
            None,
            Some((0, 1)),
            "CASF R227-12",
        ),
        expect(
            DirectionAbsente,
            Some("F-NODIR"),
            day,
            None,
            None,
            Some((1, 0)),
            "CASF R227-14",
        ),
        expect(
            DirecteurNonHabilite,
            Some("G-PRO"),
            day,
            None,
            Some("D-PRO"),
            None,
            "CASF R227-14 III",
        ),
        expect(
            DoubleRole,
            Some("H-DOUBLE"),
            day,
            Some("journee"),
            Some("D-DBL"),
            None,
            "CASF R227-17",
        ),
        expect(
            SansPsc1,
            Some("H2-PSC1"),
            day,
            None,
            None,
            Some((1, 0)),
            "arrêté du 20 février 2003",
        ),
        expect(
            DeuxAccueilsMemeJour,
            None,
            day,
            None,
            Some("D-2ACM"),
            Some((1, 2)),
            "un accueil par jour",
        ),
        expect(
            JoursCee,
            None,
            Some(july(9)),
            None,
            Some("D-CEE"),
            Some((80, 81)),
            "CASF L432-4",
        ),
        expect(
            Indisponible,
            Some("I-DISPO"),
            day,
            Some("journee"),
            Some("D-DIS"),
            None,
            "disponibilités",
        ),
        expect(
            CreneauEnDouble,
            Some("M-DUP"),
            day,
            Some("journee"),
            Some("D-DUP"),
            None,
            "planning",
        ),
        expect(
            HorsSecteur,
            Some("J-LOIN"),
            day,
            None,
            Some("D-LOIN"),
            None,
            "secteurs de mobilité",
        ),
        expect(
            DureeQuotidienne,
            None,
            day,
            None,
            Some("D-LONG"),
            Some((600, 720)),
            "Code du travail L3121-18",
        ),
        expect(
            LimitePersonnelle,
            None,
            Some(july(7)),
            None,
            Some("D-MAXJ"),
            Some((1, 2)),
            "limite personnelle",
        ),
        expect(
            RemunerationCee,
            None,
            day,
            None,
            Some("D-PAIE"),
            Some((5169, 4000)),
            "CASF D432-2",
        ),
        expect(
            DureeHebdomadaire,
            None,
            day,
            None,
            Some("D-SEM"),
            Some((2880, 3000)),
            "Code du travail L3121-20",
        ),
        expect(
            ReposHebdomadaire,
            None,
            Some(july(12)),
            None,
            Some("D-SEPT"),
            Some((6, 7)),
            "Code du travail L3132-2",
        ),
        expect(
            MineurJourFerie,
            Some("R-FERIE"),
            Some(july(14)),
            None,
            Some("MIN1"),
            None,
            "Code du travail L3164-6",
        ),
        expect(
            MineurReposDeuxJours,
            None,
            Some(july(20)),
            None,
            Some("MIN2"),
            Some((2, 1)),
            "Code du travail L3164-2",
        ),
    ];
    assert_eq!(seen_all(&report), expected);
    // Every kind exactly once.
    let mut kinds = rules_of(&report);
    kinds.sort();
    assert_eq!(kinds, RuleKind::ALL.to_vec());
    assert_eq!(report.infractions(), 20);
    assert_eq!(report.warnings(), 1);
    assert!(!report.is_legal());
}

#[test]
fn findings_name_the_numbers_and_the_schedule_row_in_french() {
    let report = one_of_each().audit();
    let find = |rule: RuleKind| {
        report
            .violations
            .iter()
            .find(|v| v.rule == rule)
            .expect("finding of this rule")
    };
    let staff = find(RuleKind::EffectifInsuffisant);
    assert!(
        staff
            .message
            .starts_with("2 animateurs pour 3 requis (30 enfants de 6 ans et plus"),
        "{}",
        staff.message
    );
    let reference = find(RuleKind::ReferenceInconnue);
    assert_eq!(reference.source_row, Some(3));
    assert!(
        reference
            .message
            .contains("« X99 » absent de la feuille Animateurs")
    );
    let duplicate = find(RuleKind::CreneauEnDouble);
    assert!(
        duplicate.message.contains("saisi deux fois"),
        "{}",
        duplicate.message
    );
    let cee = find(RuleKind::JoursCee);
    assert!(
        cee.message
            .starts_with("81 jours en CEE sur 12 mois glissants (dont 77 avant la période)"),
        "{}",
        cee.message
    );
    let hours = find(RuleKind::DureeQuotidienne);
    assert!(
        hours
            .message
            .starts_with("12 h de travail le 06/07/2026 pour 10 h au plus"),
        "{}",
        hours.message
    );
    let pay = find(RuleKind::RemunerationCee);
    assert_eq!(pay.severity, Severity::Avertissement);
    let availability = find(RuleKind::Indisponible);
    assert!(
        availability
            .message
            .contains("disponibilité déclarée ce jour : M"),
        "{}",
        availability.message
    );
    let holiday = find(RuleKind::MineurJourFerie);
    assert!(
        holiday.message.contains("Fête nationale"),
        "{}",
        holiday.message
    );
}
