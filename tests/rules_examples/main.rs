//! The regulation, table-driven: every worked example of `acm-rules.md` §9 that the rules cover,
//! the quota table of §0.2, the mixed-age policies, the zone-B calendar and public holidays
//! (§8), and the professional-director rule (R227-14 III).

mod calendar_rules;
mod director_rules;
mod quota_rules;

use acm_planner::domain::{Accueil, AcmType, Cents, Creneau, Minutes, Prevision, SourceRef};
use acm_planner::rules::{self, Calendar, MixedAgePolicy, Parameters, Ratio, labour, quotas};
use chrono::NaiveDate;

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub(crate) fn accueil(kind: AcmType, capacite: u32) -> Accueil {
    Accueil {
        code: "ACM-TEST".into(),
        nom: "Accueil de test".into(),
        commune: "Saumur".into(),
        kind,
        pedt: false,
        capacite,
        jours_ouverture: None,
        secteur: None,
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
        source: SourceRef::default(),
    }
}

pub(crate) fn creneau(label: &str, start: (u16, u16), end: (u16, u16)) -> Creneau {
    Creneau {
        label: label.into(),
        start: Minutes::hm(start.0, start.1),
        end: Minutes::hm(end.0, end.1),
    }
}

pub(crate) fn journee() -> Creneau {
    Creneau::standard("journee").expect("standard créneau")
}

pub(crate) fn prevision(
    on: NaiveDate,
    creneau: Creneau,
    under_6: u32,
    six_and_over: u32,
) -> Prevision {
    Prevision {
        accueil: "ACM-TEST".into(),
        date: on,
        creneau,
        moins_de_6: under_6,
        six_et_plus: six_and_over,
        renforce: 0,
        source: SourceRef::default(),
    }
}

/// A summer-holiday Tuesday, a school Tuesday and a term Wednesday (zone B, 2025-26).
pub(crate) const SUMMER_DAY: (i32, u32, u32) = (2025, 7, 15);
pub(crate) const SCHOOL_DAY: (i32, u32, u32) = (2025, 9, 16);
pub(crate) const TERM_WEDNESDAY: (i32, u32, u32) = (2025, 10, 8);

/// One worked example of §9: the slot, then what the law requires under each policy.
struct Example {
    number: u32,
    accueil: Accueil,
    prevision: Prevision,
    /// Ratio applied (under 6, 6 and over).
    ratio: (u32, u32),
    /// N under par-tranche, global and strict, minimum team included (`None`: not given by §9).
    required: [Option<u32>; 3],
    /// Min qualified and max unqualified under the default policy (par-tranche).
    min_qualified: u32,
    max_unqualified: u32,
    /// Whether the director counts in N (`None`: §9 does not say).
    director_counts: Option<bool>,
    /// Director plus adjoints.
    directors: u32,
}

fn examples() -> Vec<Example> {
    let on = |d: (i32, u32, u32)| date(d.0, d.1, d.2);
    let morning = || creneau("matin", (7, 30), (8, 30));
    let wednesday = || creneau("journee", (7, 30), (18, 30));
    let with_pedt = |mut a: Accueil| {
        a.pedt = true;
        a
    };
    let teens = |mut a: Accueil| {
        a.tous_14_ans_et_plus = true;
        a
    };
    vec![
        // #1 Summer extrascolaire day, declared max 50: the director may be one of the 6.
        Example {
            number: 1,
            accueil: accueil(AcmType::AccueilLoisirs, 50),
            prevision: prevision(on(SUMMER_DAY), journee(), 20, 30),
            ratio: (8, 12),
            required: [Some(6), Some(5), Some(7)],
            min_qualified: 3,
            max_unqualified: 1,
            director_counts: Some(true),
            directors: 1,
        },
        // #2 Périscolaire morning 07:30–08:30, no PEDT, 55 minors: director on top.
        Example {
            number: 2,
            accueil: accueil(AcmType::AccueilLoisirs, 55),
            prevision: prevision(on(SCHOOL_DAY), morning(), 15, 40),
            ratio: (10, 14),
            required: [Some(5), Some(5), Some(6)],
            min_qualified: 3,
            max_unqualified: 1,
            director_counts: Some(false),
            directors: 1,
        },
        // #3 Same with a PEDT: the rounding method changes the result.
        Example {
            number: 3,
            accueil: with_pedt(accueil(AcmType::AccueilLoisirs, 55)),
            prevision: prevision(on(SCHOOL_DAY), morning(), 15, 40),
            ratio: (14, 18),
            required: [Some(5), Some(4), Some(4)],
            min_qualified: 3,
            max_unqualified: 1,
            director_counts: Some(false),
            directors: 1,
        },
        // #4 Wednesday 07:30–18:30 (> 5 h) under the Plan mercredi (PEDT).
        Example {
            number: 4,
            accueil: with_pedt(accueil(AcmType::AccueilLoisirs, 60)),
            prevision: prevision(on(TERM_WEDNESDAY), wednesday(), 24, 36),
            ratio: (10, 14),
            required: [Some(6), Some(5), Some(6)],
            min_qualified: 3,
            max_unqualified: 1,
            director_counts: Some(false),
            directors: 1,
        },
        // #4 without a PEDT: 1:8 and 1:12, 6 by every method except strict (8).
        Example {
            number: 4,
            accueil: accueil(AcmType::AccueilLoisirs, 60),
            prevision: prevision(on(TERM_WEDNESDAY), wednesday(), 24, 36),
            ratio: (8, 12),
            required: [Some(6), Some(6), Some(8)],
            min_qualified: 3,
            max_unqualified: 1,
            director_counts: Some(false),
            directors: 1,
        },
        // #6 Small holiday accueil, 9 children aged 6+: the director may be the only animateur.
        Example {
            number: 6,
            accueil: accueil(AcmType::AccueilLoisirs, 12),
            prevision: prevision(on(SUMMER_DAY), journee(), 0, 9),
            ratio: (8, 12),
            required: [Some(1), Some(1), Some(1)],
            min_qualified: 1,
            max_unqualified: 0,
            director_counts: Some(true),
            directors: 1,
        },
        // #7 Séjour de vacances, 30 children aged 8–12: 3 animateurs + director (not counted).
        Example {
            number: 7,
            accueil: accueil(AcmType::Sejour, 30),
            prevision: prevision(on(SUMMER_DAY), journee(), 0, 30),
            ratio: (8, 12),
            required: [Some(3), Some(3), Some(3)],
            min_qualified: 2,
            max_unqualified: 1,
            director_counts: Some(false),
            directors: 1,
        },
        // #8 Séjour, 18 teenagers aged 14–17: 2 in total, the director may count.
        Example {
            number: 8,
            accueil: teens(accueil(AcmType::Sejour, 18)),
            prevision: prevision(on(SUMMER_DAY), journee(), 0, 18),
            ratio: (8, 12),
            required: [Some(2), Some(2), Some(2)],
            min_qualified: 1,
            max_unqualified: 0,
            director_counts: Some(true),
            directors: 1,
        },
        // #8 with 21 teenagers: the director can no longer count.
        Example {
            number: 8,
            accueil: teens(accueil(AcmType::Sejour, 21)),
            prevision: prevision(on(SUMMER_DAY), journee(), 0, 21),
            ratio: (8, 12),
            required: [Some(2), Some(2), Some(2)],
            min_qualified: 1,
            max_unqualified: 0,
            director_counts: Some(false),
            directors: 1,
        },
        // #9 Séjour, 40 under 6 + 90 aged 6+ (130 minors): 1 adjoint besides the director.
        Example {
            number: 9,
            accueil: accueil(AcmType::Sejour, 130),
            prevision: prevision(on(SUMMER_DAY), journee(), 40, 90),
            ratio: (8, 12),
            required: [Some(13), Some(13), Some(17)],
            min_qualified: 7,
            max_unqualified: 2,
            director_counts: Some(false),
            directors: 2,
        },
        // #10 Mini-camp, 10 children aged 8–10: the minimum team of 2 applies.
        Example {
            number: 10,
            accueil: accueil(AcmType::MiniCamp, 10),
            prevision: prevision(on(SUMMER_DAY), journee(), 0, 10),
            ratio: (8, 12),
            required: [Some(2), Some(2), Some(2)],
            min_qualified: 1,
            max_unqualified: 0,
            director_counts: None,
            // An activité accessoire: its parent accueil's director directs it (R227-1).
            directors: 0,
        },
        // #11 Périscolaire, 10 under 6 + 14 aged 6+: 2 (separate bands), 3 (strict).
        Example {
            number: 11,
            accueil: accueil(AcmType::AccueilLoisirs, 24),
            prevision: prevision(on(SCHOOL_DAY), creneau("soir", (16, 30), (18, 30)), 10, 14),
            ratio: (10, 14),
            required: [Some(2), Some(2), Some(3)],
            min_qualified: 1,
            max_unqualified: 0,
            director_counts: None,
            directors: 1,
        },
    ]
}

#[test]
fn worked_examples_of_section_9() {
    let calendar = Calendar::new(&[]);
    for example in examples() {
        let n = example.number;
        for (index, policy) in MixedAgePolicy::ALL.into_iter().enumerate() {
            let parameters = Parameters {
                mixed_ages: policy,
                ..Parameters::default()
            };
            let requirement = rules::slot_requirement(
                &example.accueil,
                &example.prevision,
                &calendar,
                &parameters,
            )
            .unwrap_or_else(|e| panic!("example #{n}: {e:?}"));
            assert_eq!(
                requirement.applied.ratio,
                Ratio::new(example.ratio.0, example.ratio.1),
                "example #{n}: ratio"
            );
            if let Some(expected) = example.required[index] {
                assert_eq!(
                    requirement.required,
                    expected,
                    "example #{n}: N under {}",
                    policy.label()
                );
                assert_eq!(
                    requirement.required_under(policy, example.accueil.kind),
                    expected,
                    "example #{n}: required_under({})",
                    policy.label()
                );
                assert_eq!(requirement.min_qualified, quotas::min_qualified(expected));
                assert_eq!(
                    requirement.max_unqualified,
                    quotas::max_unqualified(expected)
                );
            }
            if policy == MixedAgePolicy::ParTranche {
                assert_eq!(
                    requirement.min_qualified, example.min_qualified,
                    "example #{n}: min qualified"
                );
                assert_eq!(
                    requirement.max_unqualified, example.max_unqualified,
                    "example #{n}: max unqualified"
                );
            }
            if let Some(counts) = example.director_counts {
                assert_eq!(
                    requirement.director_counts, counts,
                    "example #{n}: director counted"
                );
            }
            assert_eq!(
                requirement.directors, example.directors,
                "example #{n}: director and adjoints"
            );
            assert!(!requirement.professional_director, "example #{n}");
        }
    }
}

/// #3 under the global method needs only 2 qualified (§9: "3 (Sep) / 2 (Sum)"), and #11 under
/// strict needs 2 qualified and allows 1 unqualified ("1 / 2", "0 / 1").
#[test]
fn quotas_follow_the_policy_applied() {
    let calendar = Calendar::new(&[]);
    let cases = [
        (3, MixedAgePolicy::Global, 2, 1),
        (11, MixedAgePolicy::Strict, 2, 1),
    ];
    for (number, policy, min_qualified, max_unqualified) in cases {
        let example = examples()
            .into_iter()
            .find(|e| e.number == number)
            .expect("example exists");
        let parameters = Parameters {
            mixed_ages: policy,
            ..Parameters::default()
        };
        let requirement =
            rules::slot_requirement(&example.accueil, &example.prevision, &calendar, &parameters)
                .expect("computable");
        assert_eq!(requirement.min_qualified, min_qualified, "#{number}");
        assert_eq!(requirement.max_unqualified, max_unqualified, "#{number}");
    }
}

#[test]
fn regime_and_article_of_each_example() {
    let calendar = Calendar::new(&[]);
    let parameters = Parameters::default();
    let expected = [
        (1, "extrascolaire", "CASF R227-15"),
        (2, "périscolaire ≤ 5 h sans PEDT", "CASF R227-16 I"),
        (3, "périscolaire ≤ 5 h avec PEDT", "CASF R227-16 II"),
        (6, "extrascolaire", "CASF R227-15"),
        (7, "séjour de vacances", "CASF R227-15"),
        (
            10,
            "mini-camp (mineurs de moins de 14 ans)",
            "CASF R227-17 al. 2",
        ),
        (11, "périscolaire ≤ 5 h sans PEDT", "CASF R227-16 I"),
    ];
    let all = examples();
    for (number, regime, article) in expected {
        let example = all
            .iter()
            .find(|e| e.number == number)
            .expect("example exists");
        let requirement =
            rules::slot_requirement(&example.accueil, &example.prevision, &calendar, &parameters)
                .expect("computable");
        assert_eq!(requirement.applied.regime, regime, "#{number}");
        assert_eq!(requirement.applied.article, article, "#{number}");
    }
}

// §9 #5 (PEDT travel), #12 (swimming) and #13 (CEE compensatory rest) are not modelled: the
// program has no travel, swimming or rest-period créneau (README, "What is not modelled"). They
// had tests that only restated their numbers; those are gone.

/// #14: minimum daily CEE pay with a SMIC horaire of 11.88 € (D432-2).
#[test]
fn example_14_cee_minimum_pay() {
    let smic = Cents(1188);
    let before = date(2025, 4, 30);
    let after = date(2025, 5, 1);
    assert_eq!(labour::cee_minimum_pay(before, smic), Cents(2614));
    assert_eq!(labour::cee_minimum_pay(after, smic), Cents(5108));
    assert_eq!(labour::cee_minimum_pay_hundredths(before), 220);
    assert_eq!(labour::cee_minimum_pay_hundredths(after), 430);
    // The published minimum itself is legal; one cent less is not.
    assert!(!labour::cee_pay_below_minimum(Cents(5108), after, smic));
    assert!(labour::cee_pay_below_minimum(Cents(5107), after, smic));
    assert!(!labour::cee_pay_below_minimum(Cents(2614), before, smic));
    assert!(labour::cee_pay_below_minimum(Cents(2613), before, smic));
    // 30 € a day was enough until 30 April 2025, not from 1 May 2025.
    assert!(!labour::cee_pay_below_minimum(Cents(3000), before, smic));
    assert!(labour::cee_pay_below_minimum(Cents(3000), after, smic));
}
