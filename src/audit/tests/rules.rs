//! Legal schedules and the edges of each rule.

use chrono::{Duration, NaiveDate};

use super::one_of_each::one_of_each;
use super::scenario::*;
use crate::audit::*;
use crate::domain::{AcmType, Cents, Certificate, Contrat, Minutes};

/// A legal week: every ACM staffed, directed, within every limit.
fn legal_week() -> Scenario {
    let mut s = Scenario::new();
    s.accueil("ALSH-PETIT", 40);
    s.accueil("ALSH-GRAND", 60).secteur = Some("Nord".to_string());
    s.person("DIR-P", "BAFD");
    s.person("DIR-G", "DEJEPS").secteur = Some("Nord".to_string());
    s.person("ANIM-1", "BAFA").contrat = Contrat::Cee;
    s.inputs
        .animateurs
        .last_mut()
        .expect("person")
        .jours_cee_anterieurs = 70;
    s.person("ANIM-2", "BPJEPS").secteur = Some("Nord".to_string());
    s.person("ANIM-3", "sans qualification").accueils_possibles = vec!["tous".to_string()];
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2009, 9, 1));
    for offset in 0..5 {
        let date = july(6) + Duration::days(offset);
        // 8 under 6 + 12 over 6 → N = 2; the director counts (≤ 50): director + 1 qualified.
        s.forecast("ALSH-PETIT", date, "matin", 8, 12);
        s.forecast("ALSH-PETIT", date, "apres-midi", 0, 12);
        s.direct("DIR-P", "ALSH-PETIT", date, "matin");
        s.direct("DIR-P", "ALSH-PETIT", date, "apres-midi");
        s.animate("JEUNE", "ALSH-PETIT", date, "matin");
        // 36 over 6 → N = 3, 2 qualified, 1 unqualified at most; director on top.
        s.forecast("ALSH-GRAND", date, "journee", 0, 36);
        s.direct("DIR-G", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-1", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-2", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-3", "ALSH-GRAND", date, "journee");
    }
    // Anim-1 has 70 prior CEE days: 75 with this week. A slot without children needs nobody.
    s.forecast("ALSH-PETIT", july(11), "matin", 0, 0);
    s
}

#[test]
fn a_legal_schedule_has_no_violation() {
    let report = legal_week().audit();
    assert_eq!(seen_all(&report), Vec::<Seen>::new());
    assert!(report.is_legal());
    assert_eq!(report.open_slots, 15);
    assert_eq!(report.people, 6);
    assert_eq!(report.affectations, 35);
}

#[test]
fn the_director_counts_up_to_50_minors_only() {
    for (capacity, expected) in [(50, vec![]), (51, vec![RuleKind::DirecteurCompteIndument])] {
        let mut s = Scenario::new();
        s.accueil("ALSH", capacity);
        s.forecast("ALSH", july(6), "journee", 0, 24);
        s.person("DIR", "BAFD");
        s.person("ANIM", "BAFA");
        s.direct("DIR", "ALSH", july(6), "journee");
        s.animate("ANIM", "ALSH", july(6), "journee");
        assert_eq!(rules_of(&s.audit()), expected, "capacity {capacity}");
    }
}

#[test]
fn a_shortage_beyond_the_director_is_a_plain_shortage() {
    // Capacity 60, 36 children → N = 3: 1 animateur + the director is still short.
    let mut s = Scenario::new();
    s.accueil("ALSH", 60);
    s.forecast("ALSH", july(6), "journee", 0, 36);
    s.person("DIR", "BAFD");
    s.person("ANIM", "BAFA");
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("ANIM", "ALSH", july(6), "journee");
    let report = s.audit();
    assert_eq!(
        rules_of(&report),
        vec![
            RuleKind::EffectifInsuffisant,
            RuleKind::QualifiesInsuffisants
        ]
    );
    assert_eq!(
        (report.violations[0].required, report.violations[0].found),
        (Some(3), Some(1))
    );
    assert_eq!(
        (report.violations[1].required, report.violations[1].found),
        (Some(2), Some(1))
    );
}

#[test]
fn the_director_counts_only_on_the_creneaux_worked() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "matin", 0, 12);
    s.forecast("ALSH", july(6), "apres-midi", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "ALSH", july(6), "matin");
    let report = s.audit();
    let afternoon = |rule, numbers, article| {
        expect(
            rule,
            Some("ALSH"),
            Some(july(6)),
            Some("apres-midi"),
            None,
            Some(numbers),
            article,
        )
    };
    // By default the director works the whole day: missing the afternoon is a finding too.
    assert_eq!(
        seen_all(&report),
        vec![
            expect(
                RuleKind::DirectionAbsente,
                Some("ALSH"),
                Some(july(6)),
                None,
                None,
                Some((1, 0)),
                "CASF R227-14 ; Regles « Presence de la direction »",
            ),
            afternoon(RuleKind::EffectifInsuffisant, (1, 0), "CASF R227-15"),
            afternoon(RuleKind::QualifiesInsuffisants, (1, 0), "CASF R227-12"),
        ]
    );
}

#[test]
fn the_80_80_rule_needs_a_professional_director() {
    let cases = [
        ("DEJEPS", false, vec![]),
        ("BAFD", false, vec!["CASF R227-14 III"]),
        ("BAFD", true, vec![]),
        ("BAFA", false, vec!["CASF R227-14 I"]),
    ];
    for (qualification, derogation, articles) in cases {
        let mut s = Scenario::new();
        let accueil = s.accueil("ALSH", 120);
        accueil.jours_ouverture = Some(150);
        accueil.derogation_direction = derogation;
        s.forecast("ALSH", july(6), "journee", 0, 12);
        s.person("DIR", qualification);
        s.person("ANIM", "BAFA");
        s.direct("DIR", "ALSH", july(6), "journee");
        s.animate("ANIM", "ALSH", july(6), "journee");
        let found: Vec<&str> = s.audit().violations.iter().map(|v| v.article).collect();
        assert_eq!(found, articles, "{qualification}, derogation {derogation}");
    }
}

#[test]
fn a_large_sejour_needs_its_adjoint() {
    let mut s = Scenario::new();
    s.accueil("SEJOUR", 130).kind = AcmType::Sejour;
    s.forecast("SEJOUR", july(6), "journee", 40, 90);
    s.person("DIR", "BAFD");
    s.direct("DIR", "SEJOUR", july(6), "journee");
    for index in 0..13 {
        let id = format!("ANIM{index:02}");
        s.person(&id, "BAFA");
        s.animate(&id, "SEJOUR", july(6), "journee");
    }
    // The suivi sanitaire is met (arrêté of 20 February 2003).
    s.inputs.animateurs[1].certificats.push(Certificate::Psc1);
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::DirectionAbsente,
            Some("SEJOUR"),
            Some(july(6)),
            None,
            None,
            Some((2, 1)),
            "CASF R227-14, R227-18"
        )]
    );
}

#[test]
fn extra_dedicated_adults_come_on_top_of_n_in_any_category() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.inputs.previsions[0].renforce = 1;
    s.person("DIR", "BAFD");
    s.person("AVS", "sans qualification");
    s.direct("DIR", "ALSH", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![RuleKind::EffectifInsuffisant]);
    s.animate("AVS", "ALSH", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn cee_days_count_the_prior_days() {
    for (prior, expected) in [
        (76, None),
        (77, Some((july(9), 81))),
        (79, Some((july(7), 83))),
    ] {
        let mut s = Scenario::new();
        s.accueil("ALSH", 40);
        s.person("CEE", "BAFD").contrat = Contrat::Cee;
        s.inputs.animateurs[0].jours_cee_anterieurs = prior;
        for offset in 0..4 {
            let date = july(6) + Duration::days(offset);
            s.forecast("ALSH", date, "journee", 0, 12);
            s.direct("CEE", "ALSH", date, "journee");
        }
        let report = s.audit();
        let found: Option<(NaiveDate, i64)> = report
            .violations
            .first()
            .map(|v| (v.date.expect("date"), v.found.expect("found")));
        assert_eq!(found, expected, "{prior} prior days");
        assert!(
            report
                .violations
                .iter()
                .all(|v| v.rule == RuleKind::JoursCee)
        );
    }
}

#[test]
fn cee_days_are_checked_on_every_rolling_year_of_a_long_run() {
    // 50 days from 1 July 2025, then 51 days from 31 May 2026 (an extrascolaire ACM: no
    // calendar needed). The window 1 July 2025 – 30 June 2026 holds 50 + 31 = 81 days.
    let run = |prior: u32| {
        let mut s = Scenario::new();
        s.accueil("EXTRA", 40).kind = AcmType::Extrascolaire;
        s.person("CEE", "BAFD").contrat = Contrat::Cee;
        s.inputs.animateurs[0].jours_cee_anterieurs = prior;
        let days = (0..50)
            .map(|i| ymd(2025, 7, 1) + Duration::days(i))
            .chain((0..51).map(|i| ymd(2026, 5, 31) + Duration::days(i)));
        for date in days {
            s.forecast("EXTRA", date, "matin", 0, 12);
            s.direct("CEE", "EXTRA", date, "matin");
        }
        s.audit()
            .violations
            .into_iter()
            .filter(|v| v.rule == RuleKind::JoursCee)
            .map(|v| (v.date.expect("date"), v.found.expect("found")))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(0), vec![(ymd(2026, 6, 30), 81)]);
    // 10 prior days count in the windows that start before 1 July 2025: over from the 21st day
    // of 2026 (50 + 21 + 10 = 81), at most 50 + 30 + 10 = 90 on 29 June 2026.
    assert_eq!(run(10), vec![(ymd(2026, 6, 20), 90)]);
}

#[test]
fn seven_days_in_a_row_break_the_weekly_rest() {
    for (days, contract, expected) in [
        (6, Contrat::Cdi, None),
        (
            7,
            Contrat::Cdi,
            Some((july(12), 7, "Code du travail L3132-2")),
        ),
        (8, Contrat::Cee, Some((july(12), 8, "CASF L432-6"))),
    ] {
        let mut s = Scenario::new();
        s.accueil("ALSH", 40);
        s.person("DIR", "BAFD").contrat = contract;
        for offset in 0..days {
            let date = july(6) + Duration::days(offset);
            s.forecast("ALSH", date, "matin", 0, 12);
            s.direct("DIR", "ALSH", date, "matin");
        }
        let found: Vec<_> = s
            .audit()
            .violations
            .iter()
            .map(|v| (v.date.expect("date"), v.found.expect("found"), v.article))
            .collect();
        assert_eq!(
            found,
            expected.into_iter().collect::<Vec<_>>(),
            "{days} days"
        );
    }
}

#[test]
fn a_minor_may_not_work_on_14_july_an_adult_may() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(14), "matin", 0, 12);
    s.person("DIR", "BAFD");
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2008, 7, 15));
    s.direct("DIR", "ALSH", july(14), "matin");
    s.animate("JEUNE", "ALSH", july(14), "matin");
    // 17 on 14 July 2026 (18 the next day).
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::MineurJourFerie,
            Some("ALSH"),
            Some(july(14)),
            None,
            Some("JEUNE"),
            None,
            "Code du travail L3164-6"
        )]
    );
    s.inputs.animateurs[1].date_naissance = Some(ymd(2008, 7, 14));
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn a_minor_works_at_most_8_hours_a_day() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.person("DIR", "BAFD");
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2009, 1, 1));
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("JEUNE", "ALSH", july(6), "journee");
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::DureeQuotidienne,
            None,
            Some(july(6)),
            None,
            Some("JEUNE"),
            Some((480, 540)),
            "Code du travail L3162-1"
        )]
    );
}

#[test]
fn overlapping_creneaux_at_two_places_are_reported_with_the_two_places() {
    let mut s = Scenario::new();
    s.accueil("A", 40);
    s.accueil("B", 40);
    s.forecast("A", july(6), "matin", 0, 12);
    s.forecast("B", july(6), "midi", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "A", july(6), "matin");
    s.direct("DIR", "B", july(6), "midi");
    let report = s.audit();
    assert_eq!(
        rules_of(&report),
        vec![RuleKind::DeuxAccueilsMemeJour, RuleKind::CreneauEnDouble]
    );
    let overlap = &report.violations[1];
    assert_eq!(
        overlap.message,
        "B midi (11:45–13:45) chevauche A matin (08:30–12:00)"
    );
    assert_eq!(overlap.source_row, Some(3));
}

#[test]
fn every_unresolved_reference_is_reported_with_its_row() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("DIR", "NULLE-PART", july(6), "journee"); // row 3
    s.animate("DIR", "ALSH", july(7), "journee"); // row 4
    s.animate("DIR", "ALSH", july(6), "soir"); // row 5
    s.animate("INCONNU", "AILLEURS", july(6), "journee"); // row 6
    let report = s.audit();
    let references: Vec<(Option<u32>, &str)> = report
        .violations
        .iter()
        .filter(|v| v.rule == RuleKind::ReferenceInconnue)
        .map(|v| (v.source_row, v.message.as_str()))
        .collect();
    assert_eq!(
        references,
        vec![
            (
                Some(6),
                "animateur « INCONNU » absent de la feuille Animateurs ; accueil « AILLEURS » absent de la feuille Accueils"
            ),
            (
                Some(5),
                "aucune prévision pour ALSH le 06/07/2026 au créneau « soir » (créneaux prévus : journee)"
            ),
            (Some(4), "aucune prévision pour ALSH le 07/07/2026"),
            (
                Some(3),
                "accueil « NULLE-PART » absent de la feuille Accueils"
            ),
        ]
    );
}

#[test]
fn codes_and_creneaux_match_as_users_type_them() {
    let mut s = Scenario::new();
    s.accueil("ALSH-DOUE", 40);
    s.forecast("ALSH-DOUE", july(6), "journee", 0, 12);
    s.person("A01", "BAFD");
    s.direct("a01", "alsh-doue", july(6), "journee");
    // A label the forecast redefines (08:00–17:00) typed with the standard times.
    s.inputs.previsions[0].creneau.start = Minutes::hm(8, 0);
    s.inputs.previsions[0].creneau.end = Minutes::hm(17, 0);
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn the_order_is_deterministic() {
    let scenario = one_of_each();
    let first = scenario.audit();
    let mut reversed = one_of_each();
    reversed.schedule.reverse();
    let second = reversed.audit();
    assert_eq!(first.violations, second.violations);
}

#[test]
fn the_staffing_finding_cites_the_article_of_the_ratio_applied() {
    // Wednesday 3 June 2026, a school period: périscolaire. A morning (≤ 5 h, no PEDT) is
    // 1:10 / 1:14 (R227-16 I): 15 children aged 6 and over need 2 animateurs.
    let wednesday = ymd(2026, 6, 3);
    let mut s = Scenario::new();
    s.accueil("PERI", 40);
    s.forecast("PERI", wednesday, "matin", 0, 15);
    s.person("DIR", "BAFD");
    s.direct("DIR", "PERI", wednesday, "matin");
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::EffectifInsuffisant,
            Some("PERI"),
            Some(wednesday),
            Some("matin"),
            None,
            Some((2, 1)),
            "CASF R227-16 I"
        )]
    );
    assert!(
        report.violations[0]
            .message
            .contains("taux 1:10 / 1:14 périscolaire ≤ 5 h sans PEDT"),
        "{}",
        report.violations[0].message
    );
    assert_eq!(
        report.articles_of(RuleKind::EffectifInsuffisant),
        "CASF R227-16 I"
    );
    assert_eq!(report.articles_of(RuleKind::JoursCee), "CASF L432-4");
}

#[test]
fn a_warning_alone_keeps_the_schedule_legal() {
    // 7 July 2025: SMIC horaire 11,88 €, minimum 4,30 × 11,88 € = 51,084 €, published as 51,08 €.
    let mut s = Scenario::new();
    let day = ymd(2025, 7, 7);
    s.accueil("ALSH", 40);
    s.forecast("ALSH", day, "journee", 0, 12);
    let person = s.person("DIR", "BAFD");
    person.contrat = Contrat::Cee;
    person.cout_journalier = Some(Cents(5107));
    s.direct("DIR", "ALSH", day, "journee");
    let report = s.audit();
    assert_eq!(rules_of(&report), vec![RuleKind::RemunerationCee]);
    assert!(report.is_legal());
    assert_eq!((report.infractions(), report.warnings()), (0, 1));
    // The message names the minimum the rule compares with, and paying exactly it is legal.
    assert_eq!(report.violations[0].required, Some(5108));
    assert!(
        report.violations[0]
            .message
            .starts_with("coût journalier 51,07 € pour un minimum de 51,08 € par jour"),
        "{}",
        report.violations[0].message
    );
    s.inputs.animateurs[0].cout_journalier = Some(Cents(5108));
    assert_eq!(rules_of(&s.audit()), vec![]);
}

/// The SMIC is dated: 12,02 € from 1 January 2026 (décret 2025-1228), so 51,50 € a day on
/// 7 July 2026 is below the minimum of 4,30 × 12,02 € = 51,69 € (D432-2).
#[test]
fn the_cee_minimum_follows_the_smic_of_the_date() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(7), "journee", 0, 12);
    let person = s.person("DIR", "BAFD");
    person.contrat = Contrat::Cee;
    person.cout_journalier = Some(Cents(5150));
    s.direct("DIR", "ALSH", july(7), "journee");
    let report = s.audit();
    assert_eq!(rules_of(&report), vec![RuleKind::RemunerationCee]);
    assert_eq!(report.violations[0].required, Some(5169));
    assert!(
        report.violations[0]
            .message
            .ends_with("(4,30 × SMIC horaire de 12,02 €)"),
        "{}",
        report.violations[0].message
    );
    s.inputs.animateurs[0].cout_journalier = Some(Cents(5169));
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn counts_by_rule_and_by_accueil_cover_every_finding() {
    let report = one_of_each().audit();
    let by_rule = report.by_rule();
    assert_eq!(by_rule.len(), RuleKind::ALL.len());
    assert!(by_rule.iter().all(|(_, count)| *count == 1));
    let by_accueil = report.by_accueil();
    let total: usize = by_accueil.iter().map(|(_, count)| count).sum();
    assert_eq!(total, report.violations.len());
    assert_eq!(by_accueil.last(), Some(&(None, 8)));
    assert_eq!(by_accueil[0], (Some("A-REF".to_string()), 1));
}

#[test]
fn a_person_listed_elsewhere_may_work_outside_their_sector() {
    let mut s = Scenario::new();
    s.accueil("NORD", 40).secteur = Some("Nord".to_string());
    s.forecast("NORD", july(6), "journee", 0, 12);
    let person = s.person("DIR", "BAFD");
    person.secteur = Some("Sud".to_string());
    person.accueils_possibles = vec!["nord".to_string()];
    s.direct("DIR", "NORD", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![]);
}
