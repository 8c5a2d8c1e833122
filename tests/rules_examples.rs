//! The regulation, table-driven: every worked example of `acm-rules.md` §9 that the rules cover,
//! the quota table of §0.2, the mixed-age policies, the zone-B calendar and public holidays
//! (§8), and the professional-director rule (R227-14 III).

use acm_planner::domain::{
    Accueil, AcmType, CalendarOverride, Cents, Creneau, DayKind, Minutes, Prevision, SourceRef,
};
use acm_planner::rules::{
    self, Calendar, MixedAgePolicy, Parameters, Ratio, calendar, director, labour, quotas,
};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn accueil(kind: AcmType, capacite: u32) -> Accueil {
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
        source: SourceRef::default(),
    }
}

fn creneau(label: &str, start: (u16, u16), end: (u16, u16)) -> Creneau {
    Creneau {
        label: label.into(),
        start: Minutes::hm(start.0, start.1),
        end: Minutes::hm(end.0, end.1),
    }
}

fn journee() -> Creneau {
    Creneau::standard("journee").expect("standard créneau")
}

fn prevision(on: NaiveDate, creneau: Creneau, under_6: u32, six_and_over: u32) -> Prevision {
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
const SUMMER_DAY: (i32, u32, u32) = (2025, 7, 15);
const SCHOOL_DAY: (i32, u32, u32) = (2025, 9, 16);
const TERM_WEDNESDAY: (i32, u32, u32) = (2025, 10, 8);

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
            directors: 1,
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

/// #5: walking from school to the PEDT venue uses 1:10 and 1:14 (R227-16 II, last paragraph).
/// The trip is not a créneau kind of its own: checked on the ratio.
#[test]
fn example_5_pedt_travel_ratio() {
    let travel = Ratio::new(10, 14);
    assert_eq!(MixedAgePolicy::ParTranche.required(travel, 24, 36), 6);
    assert_eq!(MixedAgePolicy::Global.required(travel, 24, 36), 5);
}

/// #12: swimming in a supervised pool, 1:5 and 1:8 in the water (arrêté 25/04/2012).
#[test]
fn example_12_swimming_in_the_water() {
    assert_eq!(
        MixedAgePolicy::ParTranche.required(Ratio::new(5, 8), 12, 20),
        6
    );
}

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

/// §0.2: N required → min qualified, max unqualified, at least this many trainees or better.
#[test]
fn quota_table_of_section_0_2() {
    #[rustfmt::skip]
    let table: [(u32, u32, u32, u32); 15] = [
        (1, 1, 0, 0), (2, 1, 0, 1), (3, 2, 1, 0), (4, 2, 1, 1), (5, 3, 1, 1),
        (6, 3, 1, 2), (7, 4, 1, 2), (8, 4, 1, 3), (9, 5, 1, 3), (10, 5, 2, 3),
        (11, 6, 2, 3), (12, 6, 2, 4), (13, 7, 2, 4), (14, 7, 2, 5), (15, 8, 3, 4),
    ];
    for (n, min_qualified, max_unqualified, trainees_or_better) in table {
        assert_eq!(quotas::min_qualified(n), min_qualified, "N = {n}");
        assert_eq!(quotas::max_unqualified(n), max_unqualified, "N = {n}");
        assert_eq!(
            n - quotas::min_qualified(n) - quotas::max_unqualified(n),
            trainees_or_better,
            "N = {n}"
        );
        assert_eq!(
            quotas::max_trainees_within_required(n),
            n - min_qualified,
            "N = {n}"
        );
    }
    assert_eq!(quotas::min_qualified(0), 0);
    assert_eq!(quotas::max_unqualified(0), 0);
}

/// Each mixed-age policy on its own cases: (policy, ratio, under 6, 6 and over, N).
#[test]
fn mixed_age_policies() {
    use MixedAgePolicy::{Global, ParTranche, Strict};
    let extra = Ratio::new(8, 12);
    let pedt_short = Ratio::new(14, 18);
    let cases = [
        // Nobody: nobody.
        (ParTranche, extra, 0, 0, 0),
        (Global, extra, 0, 0, 0),
        (Strict, extra, 0, 0, 0),
        // One age band only: every policy agrees.
        (ParTranche, extra, 9, 0, 2),
        (Global, extra, 9, 0, 2),
        (Strict, extra, 9, 0, 2),
        (ParTranche, extra, 0, 25, 3),
        (Global, extra, 0, 25, 3),
        (Strict, extra, 0, 25, 3),
        // Separate bands round each band up.
        (ParTranche, extra, 1, 1, 2),
        (ParTranche, extra, 8, 12, 2),
        (ParTranche, extra, 9, 13, 4),
        // Global sums exact fractions: 4/8 + 6/12 = 1 exactly, no float drift.
        (Global, extra, 4, 6, 1),
        (Global, extra, 5, 6, 2),
        (Global, Ratio::new(3, 7), 1, 5, 2), // 1/3 + 5/7 = 22/21
        (Global, Ratio::new(3, 7), 1, 4, 1), // 1/3 + 4/7 = 19/21
        // Strict: the under-6 ratio for the whole mixed group.
        (Strict, extra, 1, 1, 1),
        (Strict, extra, 4, 6, 2),
        (Strict, extra, 20, 30, 7),
        (Strict, pedt_short, 15, 40, 4),
        // Large groups do not overflow.
        (Global, extra, 1_000_000, 3_000_000, 375_000),
    ];
    for (policy, ratio, under_6, six_and_over, expected) in cases {
        assert_eq!(
            policy.required(ratio, under_6, six_and_over),
            expected,
            "{} at {ratio} for {under_6} + {six_and_over}",
            policy.label()
        );
    }
    // Global never asks for more than par-tranche; strict never for less.
    for under_6 in 0..30 {
        for six_and_over in 0..40 {
            let a = ParTranche.required(extra, under_6, six_and_over);
            let b = Global.required(extra, under_6, six_and_over);
            let c = Strict.required(extra, under_6, six_and_over);
            assert!(b <= a, "{under_6} + {six_and_over}");
            assert!(c >= b, "{under_6} + {six_and_over}");
        }
    }
}

#[test]
fn mixed_age_policy_names() {
    for (text, policy) in [
        ("par-tranche", MixedAgePolicy::ParTranche),
        ("Par tranche", MixedAgePolicy::ParTranche),
        ("global", MixedAgePolicy::Global),
        ("GLOBALE", MixedAgePolicy::Global),
        ("strict", MixedAgePolicy::Strict),
    ] {
        assert_eq!(MixedAgePolicy::parse(text), Some(policy), "{text}");
    }
    assert_eq!(MixedAgePolicy::parse("moyenne"), None);
    assert_eq!(MixedAgePolicy::default(), MixedAgePolicy::ParTranche);
}

/// The minimum team of séjours and mini-camps is part of N under every policy, and a slot
/// without children needs nobody.
#[test]
fn minimum_team_and_empty_slots() {
    let calendar = Calendar::new(&[]);
    let parameters = Parameters::default();
    let on = date(SUMMER_DAY.0, SUMMER_DAY.1, SUMMER_DAY.2);
    let small_sejour = accueil(AcmType::Sejour, 10);
    let requirement = rules::slot_requirement(
        &small_sejour,
        &prevision(on, journee(), 1, 3),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(requirement.by_policy, [2, 1, 1]);
    assert_eq!(requirement.required, 2);
    for policy in MixedAgePolicy::ALL {
        assert_eq!(requirement.required_under(policy, AcmType::Sejour), 2);
    }
    let closed = rules::slot_requirement(
        &accueil(AcmType::AccueilLoisirs, 40),
        &prevision(on, journee(), 0, 0),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(closed.required, 0);
    assert_eq!(closed.directors, 0);
    assert_eq!(closed.min_qualified, 0);
    for policy in MixedAgePolicy::ALL {
        assert_eq!(closed.required_under(policy, AcmType::AccueilLoisirs), 0);
    }
}

/// Q6: a weekday without school outside the holidays uses the extrascolaire ratios by default,
/// the périscolaire ones when the `Regles` sheet says so.
#[test]
fn weekday_without_school_follows_q6() {
    let calendar = Calendar::new(&[]);
    let pont = date(2026, 5, 15);
    let slot = prevision(pont, journee(), 16, 24);
    let site = accueil(AcmType::AccueilLoisirs, 40);
    let default = rules::slot_requirement(&site, &slot, &calendar, &Parameters::default())
        .expect("computable");
    assert_eq!(default.day_kind, Some(DayKind::NoSchool));
    assert_eq!(default.applied.regime, "extrascolaire");
    assert_eq!(default.required, 4);
    let periscolaire = Parameters {
        unclear_weekday_periscolaire: true,
        ..Parameters::default()
    };
    let requirement =
        rules::slot_requirement(&site, &slot, &calendar, &periscolaire).expect("computable");
    // A 9-hour journee is > 5 h: périscolaire without PEDT above 5 h is also 1:8 / 1:12.
    assert_eq!(requirement.applied.regime, "périscolaire > 5 h sans PEDT");
    let short = prevision(pont, creneau("matin", (8, 30), (12, 0)), 16, 24);
    let requirement =
        rules::slot_requirement(&site, &short, &calendar, &periscolaire).expect("computable");
    assert_eq!(requirement.applied.ratio, Ratio::new(10, 14));
    assert_eq!(requirement.required, 4); // 2 + 2
}

/// The day kind follows the date for every accueil de loisirs, whatever its declared type (CASF
/// R227-1 II, décret 2018-647): an accueil typed `periscolaire` on a summer day is extrascolaire,
/// one typed `extrascolaire` on a term Wednesday is périscolaire. On a date the calendar does not
/// know, the declared type stands; a plain accueil de loisirs is an error.
#[test]
fn the_day_kind_follows_the_date_whatever_the_declared_type() {
    let calendar = Calendar::new(&[]);
    let parameters = Parameters::default();
    let summer = date(SUMMER_DAY.0, SUMMER_DAY.1, SUMMER_DAY.2);
    let peri = rules::slot_requirement(
        &accueil(AcmType::Periscolaire, 40),
        &prevision(summer, creneau("soir", (16, 30), (18, 30)), 10, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(peri.day_kind, Some(DayKind::Holiday));
    assert_eq!(peri.applied.ratio, Ratio::new(8, 12));
    assert_eq!(peri.required, 4); // ceil(10/8) + ceil(14/12), not 1 + 1 at 1:10 / 1:14
    let wednesday = date(TERM_WEDNESDAY.0, TERM_WEDNESDAY.1, TERM_WEDNESDAY.2);
    let extra_on_wednesday = rules::slot_requirement(
        &accueil(AcmType::Extrascolaire, 40),
        &prevision(wednesday, creneau("matin", (8, 30), (12, 0)), 10, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(extra_on_wednesday.day_kind, Some(DayKind::School));
    assert_eq!(extra_on_wednesday.applied.ratio, Ratio::new(10, 14));
    // A Saturday without school is extrascolaire for an accueil typed périscolaire.
    let saturday = date(2025, 9, 20);
    let peri_saturday = rules::slot_requirement(
        &accueil(AcmType::Periscolaire, 40),
        &prevision(saturday, creneau("matin", (8, 30), (12, 0)), 0, 14),
        &calendar,
        &parameters,
    )
    .expect("computable");
    assert_eq!(peri_saturday.applied.ratio, Ratio::new(8, 12));
    assert_eq!(peri_saturday.required, 2);
    let far = date(2027, 7, 12);
    let extra = rules::slot_requirement(
        &accueil(AcmType::Extrascolaire, 40),
        &prevision(far, journee(), 8, 12),
        &calendar,
        &parameters,
    )
    .expect("a declared type stands where the calendar is silent");
    assert_eq!(extra.day_kind, Some(DayKind::Holiday));
    assert_eq!(extra.required, 2);
    let unknown = rules::slot_requirement(
        &accueil(AcmType::AccueilLoisirs, 40),
        &prevision(far, journee(), 8, 12),
        &calendar,
        &parameters,
    );
    assert_eq!(unknown, Err(rules::RequirementError::UnknownDate));
}

/// Year, month, day.
type Ymd = (i32, u32, u32);

/// §8 and §1.4: how the zone-B calendar classifies dates for an accueil de loisirs.
#[test]
fn calendar_classification() {
    let calendar = Calendar::new(&[]);
    use DayKind::{Holiday, NoSchool, School};
    let cases: &[(Ymd, Option<DayKind>, &str)] = &[
        ((2024, 9, 1), None, "Sunday before the built-in calendar"),
        ((2024, 9, 2), Some(School), "rentrée 2024"),
        (
            (2024, 10, 18),
            Some(School),
            "last Friday before Toussaint 2024",
        ),
        (
            (2024, 10, 23),
            Some(Holiday),
            "Wednesday in the Toussaint holidays",
        ),
        ((2024, 11, 1), Some(Holiday), "Toussaint, in the holidays"),
        ((2024, 11, 4), Some(School), "classes resume"),
        (
            (2024, 11, 11),
            Some(NoSchool),
            "Armistice, a Monday in term",
        ),
        ((2024, 12, 25), Some(Holiday), "Christmas, in the holidays"),
        (
            (2025, 2, 23),
            Some(Holiday),
            "last day of the winter holidays 2025",
        ),
        (
            (2025, 2, 24),
            Some(School),
            "classes resume after winter 2025",
        ),
        (
            (2025, 4, 21),
            Some(Holiday),
            "Easter Monday 2025, in the spring holidays",
        ),
        ((2025, 4, 22), Some(School), "classes resume on a Tuesday"),
        ((2025, 5, 1), Some(NoSchool), "1 May 2025, a Thursday"),
        ((2025, 5, 8), Some(NoSchool), "8 May 2025, a Thursday"),
        ((2025, 5, 29), Some(NoSchool), "Ascension 2025"),
        ((2025, 5, 30), Some(NoSchool), "Ascension pont 2025"),
        ((2025, 5, 31), Some(Holiday), "Saturday after the pont"),
        ((2025, 6, 9), Some(NoSchool), "Whit Monday 2025"),
        ((2025, 7, 4), Some(School), "last Friday of school 2025"),
        ((2025, 7, 5), Some(Holiday), "first day of summer 2025"),
        ((2025, 7, 14), Some(Holiday), "14 July, in the holidays"),
        ((2025, 7, 15), Some(Holiday), "a summer holiday Tuesday"),
        ((2025, 8, 31), Some(Holiday), "last day of summer 2025"),
        ((2025, 9, 1), Some(School), "rentrée 2025"),
        ((2025, 10, 8), Some(School), "a Wednesday in term"),
        ((2025, 10, 11), Some(Holiday), "a Saturday in term"),
        ((2025, 10, 12), Some(Holiday), "a Sunday in term"),
        ((2025, 10, 20), Some(Holiday), "Toussaint holidays 2025"),
        (
            (2025, 11, 3),
            Some(School),
            "classes resume after Toussaint 2025",
        ),
        ((2025, 11, 11), Some(NoSchool), "Armistice 2025, a Tuesday"),
        ((2026, 1, 5), Some(School), "classes resume after Christmas"),
        (
            (2026, 2, 18),
            Some(Holiday),
            "Wednesday in the winter holidays 2026",
        ),
        (
            (2026, 3, 2),
            Some(School),
            "classes resume after winter 2026",
        ),
        (
            (2026, 4, 6),
            Some(NoSchool),
            "Easter Monday 2026, before the spring holidays",
        ),
        ((2026, 4, 13), Some(Holiday), "spring holidays 2026"),
        (
            (2026, 4, 27),
            Some(School),
            "classes resume after spring 2026",
        ),
        ((2026, 5, 14), Some(NoSchool), "Ascension 2026"),
        ((2026, 5, 15), Some(NoSchool), "Ascension pont 2026"),
        ((2026, 5, 25), Some(NoSchool), "Whit Monday 2026"),
        ((2026, 5, 27), Some(School), "a Wednesday in term 2026"),
        ((2026, 7, 3), Some(School), "last day of school 2026"),
        ((2026, 7, 6), Some(Holiday), "summer holidays 2026"),
        ((2026, 8, 30), Some(Holiday), "last built-in day"),
        (
            (2026, 8, 31),
            None,
            "after the built-in calendar (rentrée 2026 not confirmed)",
        ),
        ((2027, 3, 10), None, "a date in 2027"),
    ];
    for &((y, m, d), expected, what) in cases {
        assert_eq!(calendar.classify(date(y, m, d)), expected, "{what}");
    }
    assert_eq!(calendar.holiday_period(date(2026, 7, 6)), Some("Été"));
    assert_eq!(calendar.holiday_period(date(2025, 12, 24)), Some("Noël"));
    assert_eq!(calendar.holiday_period(date(2026, 4, 6)), None);
}

#[test]
fn calendar_overrides() {
    let overrides = [
        CalendarOverride {
            date: date(2027, 2, 10),
            kind: DayKind::School,
        },
        CalendarOverride {
            date: date(2027, 2, 20),
            kind: DayKind::Holiday,
        },
        // A local change of the built-in calendar: classes on the Ascension pont.
        CalendarOverride {
            date: date(2026, 5, 15),
            kind: DayKind::School,
        },
    ];
    let calendar = Calendar::new(&overrides);
    assert_eq!(calendar.classify(date(2027, 2, 10)), Some(DayKind::School));
    assert_eq!(calendar.classify(date(2027, 2, 20)), Some(DayKind::Holiday));
    assert_eq!(calendar.classify(date(2027, 2, 11)), None);
    assert_eq!(calendar.classify(date(2026, 5, 15)), Some(DayKind::School));
    assert!(calendar.knows(date(2027, 2, 10)));
    assert!(!calendar.knows(date(2027, 2, 11)));
}

#[test]
fn easter_sundays() {
    for (year, expected) in [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
    ] {
        assert_eq!(calendar::easter_sunday(year), expected, "{year}");
    }
}

/// §8: the 11 public holidays of L3133-1, with the computed movable dates.
#[test]
fn public_holidays_2025_and_2026() {
    let expected_2025 = [
        (1, 1),
        (4, 21),
        (5, 1),
        (5, 8),
        (5, 29),
        (6, 9),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let expected_2026 = [
        (1, 1),
        (4, 6),
        (5, 1),
        (5, 8),
        (5, 14),
        (5, 25),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    for (year, expected) in [(2025, expected_2025), (2026, expected_2026)] {
        let days: Vec<NaiveDate> = calendar::public_holidays(year)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let expected: Vec<NaiveDate> = expected.iter().map(|&(m, d)| date(year, m, d)).collect();
        assert_eq!(days, expected, "{year}");
    }
    assert_eq!(
        calendar::public_holiday_name(date(2025, 5, 29)),
        Some("Ascension")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2025, 6, 9)),
        Some("Lundi de Pentecôte")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 5, 14)),
        Some("Ascension")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 5, 25)),
        Some("Lundi de Pentecôte")
    );
    assert_eq!(
        calendar::public_holiday_name(date(2026, 4, 6)),
        Some("Lundi de Pâques")
    );
    assert!(calendar::is_public_holiday(date(2026, 7, 14)));
    assert!(!calendar::is_public_holiday(date(2026, 7, 13)));
    assert_eq!(calendar::public_holiday_name(date(2026, 5, 15)), None);
}

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
