//! Periods: independent weeks solved apart, merged when a day budget links them, or sharing
//! the budgets when too large to merge.

use chrono::{Datelike, NaiveDate};

use super::support::{Scenario, days_of, person, problem, run};
use crate::domain::{
    AcmType, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Prevision, SourceRef,
};
use crate::optimize::{PeriodLinks, PlanOptions, PlanResult, SolveStatus, StageStats, plan};

#[test]
fn cee_budget_spanning_two_weeks_merges_the_periods_and_stays_exact() {
    // Two Monday–Friday weeks are independent periods, but B1 (78 prior CEE days: 2 left)
    // links them. Capacity 60 (director on top), N = 1 each day; B2 is dearer.
    let mut scenario = Scenario::new().accueil("A", AcmType::Extrascolaire, 60, 60);
    for day in [6, 7, 8, 9, 10, 13, 14, 15, 16, 17] {
        scenario = scenario.forecast("A", day, "journee", 0, 10);
    }
    let result = scenario
        .person(person("DA", "BAFD", Contrat::Cdd, 0, 90))
        .person(person("B1", "BAFA", Contrat::Cee, 78, 60))
        .person(person("B2", "BAFA", Contrat::Cee, 0, 80))
        .run();
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 2, "L432-4 across both weeks");
    assert_eq!(days_of(&result, "B2"), 8);
    // 10 × 90 (director) + 2 × 60 + 8 × 80.
    assert_eq!(result.staff_cost, Cents::euros(900 + 120 + 640));
    let split = &result.stats.decomposition.periods;
    assert_eq!(split.len(), 1, "{split:?}");
    assert_eq!(split[0].periods, 2);
    assert_eq!(split[0].links, PeriodLinks::Checked { merged_into: 1 });
}

/// A week of the Toussaint 2025 holidays and one of the Hiver 2026 holidays (zone B).
fn two_holiday_weeks() -> Vec<NaiveDate> {
    let october = (20..=24).map(|d| NaiveDate::from_ymd_opt(2025, 10, d));
    let february = (16..=20).map(|d| NaiveDate::from_ymd_opt(2026, 2, d));
    october
        .chain(february)
        .map(|d| d.expect("valid date"))
        .collect()
}

fn yearly_scenario(people: Vec<Animateur>) -> Inputs {
    let mut inputs = Scenario::new()
        .accueil("ALSH", AcmType::AccueilLoisirs, 60, 100)
        .inputs;
    for day in two_holiday_weeks() {
        inputs.previsions.push(Prevision {
            accueil: "ALSH".into(),
            date: day,
            creneau: Creneau::standard("journee").expect("standard"),
            moins_de_6: 0,
            six_et_plus: 10,
            renforce: 0,
            source: SourceRef::default(),
        });
    }
    for animateur in people {
        for day in two_holiday_weeks() {
            inputs
                .disponibilites
                .add(&animateur.id, day, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(animateur);
    }
    inputs
}

/// A director, B1 (60 €, 5 CEE days left) and B2 (90 €).
fn toussaint_hiver_team() -> Vec<Animateur> {
    vec![
        person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120),
        person("B1", "BAFA", Contrat::Cee, 75, 60),
        person("B2", "BAFA", Contrat::Cee, 0, 90),
    ]
}

#[test]
fn the_cee_rolling_year_holds_across_two_holiday_periods() {
    // Toussaint and Hiver are four months apart: one rolling year. B1 has 75 prior CEE days,
    // so 5 left for both weeks together (L432-4); B2 is dearer and takes the other 5 days.
    let inputs = yearly_scenario(toussaint_hiver_team());
    let result = run(inputs, false);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 5);
    assert_eq!(days_of(&result, "B2"), 5);
    assert_eq!(result.staff_cost, Cents::euros(10 * 120 + 5 * 60 + 5 * 90));
}

#[test]
fn one_hire_covers_two_holiday_periods() {
    // Only the director: each of the 10 days lacks one animateur. The two weeks are separate
    // periods; the hires of both become one post (one fixed cost).
    let inputs = yearly_scenario(vec![person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120)]);
    let result = run(inputs, true);
    assert_eq!(result.team_missing.0, 10);
    // One plan: the hire covers every day the team alone leaves short.
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(result.hires.len(), 1, "{:#?}", result.hires);
    let hire = &result.hires[0];
    assert_eq!(hire.days(), 10);
    assert_eq!(
        hire.dates.first().map(|d| d.to_string()),
        Some("2025-10-20".to_string())
    );
    assert_eq!(
        hire.dates.last().map(|d| d.to_string()),
        Some("2026-02-20".to_string())
    );
    assert_eq!(hire.total_cost(), Cents::euros(150 + 10 * 85));
    assert_eq!(result.residual_missing, (0, 0, 0));
}

#[test]
fn periods_too_large_to_merge_share_the_cee_budget() {
    // The Toussaint/Hiver scenario, with merging forbidden: B1's 5 CEE days left are shared
    // between the two weeks, which are solved apart. The plan keeps L432-4 and here reaches the
    // same optimum as the merged model: B1 (60 €) works 5 days, B2 (90 €) the other 5.
    let inputs = yearly_scenario(toussaint_hiver_team());
    let result = plan_merging_at_most(inputs, 0);
    assert_eq!(result.missing_totals(), (0, 0, 0));
    assert_eq!(days_of(&result, "B1"), 5);
    assert_eq!(days_of(&result, "B2"), 5);
    assert_eq!(result.staff_cost, Cents::euros(10 * 120 + 5 * 60 + 5 * 90));
    let shared = shared_budgets_stage(&result);
    assert_eq!((shared.objective, shared.gap), (0.0, 0.0));
    let split = &result.stats.decomposition.periods;
    assert!(
        matches!(
            split.as_slice(),
            [s] if matches!(s.links, PeriodLinks::SharedBudgets { parts: 2, .. })
        ),
        "{split:?}"
    );
}

#[test]
fn budget_shares_follow_the_relaxation_and_never_exceed_the_budget() {
    use crate::optimize::shared_budgets::proportional;
    assert_eq!(proportional(5, &[5, 5]), vec![3, 2]);
    assert_eq!(proportional(10, &[30, 10, 0]), vec![8, 2, 0]);
    assert_eq!(proportional(7, &[0, 0]), vec![0, 0]);
    let shares = proportional(40, &[12, 25, 25, 38]);
    assert_eq!(shares.iter().sum::<u32>(), 40);
    assert_eq!(shares, vec![5, 10, 10, 15]);
}

#[test]
fn a_budget_goes_first_to_the_periods_that_were_short() {
    use crate::optimize::shared_budgets::share_one;
    // 20 days left; the relaxation gave 10 days in each of three weeks, the summer one short:
    // the summer keeps its 10, the two others share the other 10.
    let shares = share_one(20, &[10, 10, 10], &[15, 15, 15], &[false, false, true]);
    assert_eq!(shares, vec![5, 5, 10]);
    // Within the budget: the spare days go where the person could still work, the short week
    // first (5 there, then 5 in the other week).
    let shares = share_one(30, &[10, 10, 0], &[15, 15, 0], &[true, false, false]);
    assert_eq!(shares, vec![15, 15, 0]);
    let shares = share_one(12, &[0, 0], &[10, 10], &[true, false]);
    assert_eq!(shares, vec![10, 2]);
}

#[test]
fn periods_short_after_sharing_join_the_merged_short_periods() {
    // B1 (BAFA, CEE, 74 prior days: 6 left, L432-4) could work at Toussaint, in two July weeks
    // and in the Hiver week. July needs 2 animateurs a day (20 children, journée) and nobody
    // else is free then: both July weeks are short even with B1's whole budget, so they are
    // merged first. Toussaint needs 1 animateur in each of two créneaux (matin, après-midi)
    // and only B1 is free: a day of B1 there fills two créneaux, against one in July. Hiver
    // has B4. Too large to merge whole (`merged_max_arcs`), the plan must still find the
    // optimum: B1 5 days at Toussaint, 1 in July.
    let toussaint: Vec<NaiveDate> = (20..=24)
        .filter_map(|d| NaiveDate::from_ymd_opt(2025, 10, d))
        .collect();
    let hiver: Vec<NaiveDate> = (16..=20)
        .filter_map(|d| NaiveDate::from_ymd_opt(2026, 2, d))
        .collect();
    let july: Vec<NaiveDate> = (6..=10)
        .chain(20..=24)
        .filter_map(|d| NaiveDate::from_ymd_opt(2026, 7, d))
        .collect();
    let mut inputs = Scenario::new()
        .accueil("ALSH", AcmType::AccueilLoisirs, 60, 100)
        .inputs;
    let mut forecast = |day: NaiveDate, creneau: &str, children: u32| {
        inputs.previsions.push(Prevision {
            accueil: "ALSH".into(),
            date: day,
            creneau: Creneau::standard(creneau).expect("standard"),
            moins_de_6: 0,
            six_et_plus: children,
            renforce: 0,
            source: SourceRef::default(),
        });
    };
    for day in &toussaint {
        forecast(*day, "matin", 10);
        forecast(*day, "apres-midi", 10);
    }
    for day in &hiver {
        forecast(*day, "journee", 10);
    }
    for day in &july {
        forecast(*day, "journee", 20);
    }
    let everything: Vec<NaiveDate> = [&toussaint, &hiver, &july]
        .into_iter()
        .flatten()
        .copied()
        .collect();
    let people = [
        (
            person("D1", "BPJEPS LTP", Contrat::Cdi, 0, 120),
            &everything,
        ),
        (person("B1", "BAFA", Contrat::Cee, 74, 60), &everything),
        (person("B4", "BAFA", Contrat::Cee, 0, 70), &hiver),
    ];
    for (animateur, dates) in people {
        for day in dates {
            inputs
                .disponibilites
                .add(&animateur.id, *day, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(animateur);
    }
    // 45 (person, open day) pairs are linked by B1; the two July weeks have 20, with
    // Toussaint 30.
    let result = plan_merging_at_most(inputs, 35);
    assert_eq!(days_of(&result, "B1"), 6);
    let b1_in_october = result
        .assignments
        .iter()
        .filter(|a| a.animateur == "B1" && a.date.month() == 10)
        .map(|a| a.date)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(b1_in_october, 5);
    // July: 20 animateur-créneaux, 10 of them qualified (50 %, R227-12), B1 fills one of each.
    assert_eq!(result.missing_totals(), (19, 9, 0));
    assert_eq!(result.staff_cost, Cents::euros(20 * 120 + 6 * 60 + 5 * 70));
    let shared = shared_budgets_stage(&result);
    assert_eq!(shared.gap, 0.0, "{shared:?}");
}

/// The plan of the team, with linked periods merged up to `arcs` (person, open day) pairs.
fn plan_merging_at_most(inputs: Inputs, arcs: usize) -> PlanResult {
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        recruit: false,
        merged_max_arcs: arcs,
        ..PlanOptions::default()
    };
    plan(&problem(inputs), &options).expect("plan")
}

fn shared_budgets_stage(result: &PlanResult) -> &StageStats {
    result
        .stats
        .stages
        .iter()
        .find(|s| s.status == SolveStatus::Shared)
        .expect("a stage for the shared budgets")
}
