//! §0.2 quotas, the mixed-age policies and the minimum team.

use acm_planner::domain::AcmType;
use acm_planner::rules::{self, Calendar, MixedAgePolicy, Parameters, Ratio, quotas};

use crate::*;

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
