//! The figures of `NeedsReport::compute`, the summary and the `Regles` rows.

use std::path::Path;

use acm_planner::domain::{Inputs, SourceRef};
use acm_planner::report::needs::{self, NeedsReport, RunOptions};
use acm_planner::rules::{MixedAgePolicy, Parameters};

use super::{DOUE, VARRAINS, july, problem, site, territory, varrains_week, with_policy};

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

#[test]
fn slots_are_sorted_by_acm_date_and_creneau() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let order: Vec<(&str, u32, &str)> = report
        .slots
        .iter()
        .map(|s| {
            (
                s.accueil.code.as_str(),
                chrono::Datelike::day(&s.prevision.date),
                s.prevision.creneau.label.as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            (DOUE, 6, "matin"),
            (DOUE, 6, "apres-midi"),
            (DOUE, 7, "journee"),
            (DOUE, 13, "journee"),
            (VARRAINS, 6, "journee"),
            (VARRAINS, 7, "journee"),
            (VARRAINS, 8, "journee"),
            (VARRAINS, 9, "journee"),
            (VARRAINS, 10, "journee"),
        ]
    );
    let required: Vec<u32> = report.slots.iter().map(|s| s.required()).collect();
    assert_eq!(required, [6, 8, 0, 2, 4, 4, 4, 4, 2]);
    // N + renforcé + direction on top (Doué: 90 places, the director does not count).
    let adults: Vec<u32> = report.slots.iter().map(|s| s.total_adults).collect();
    assert_eq!(adults, [7, 10, 0, 3, 4, 4, 4, 4, 2]);
    // The three policies: par-tranche, global, strict.
    let by_policy: Vec<[u32; 3]> = report.slots.iter().map(|s| s.required_by_policy).collect();
    assert_eq!(
        by_policy,
        [
            [6, 5, 7],
            [8, 8, 9],
            [0, 0, 0],
            [2, 2, 3],
            [4, 4, 4],
            [4, 4, 5],
            [4, 3, 3],
            [4, 4, 5],
            [2, 2, 3],
        ]
    );
}

#[test]
fn each_acm_day_takes_its_peak_creneau() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let doue_monday = report
        .acm_days
        .iter()
        .find(|d| d.accueil.code == DOUE && d.date == july(6))
        .expect("Doué on Monday");
    assert_eq!(doue_monday.children_peak, 70);
    let need = doue_monday.need;
    assert_eq!(need.animateurs, 8);
    assert_eq!(need.qualified_min, 4);
    assert_eq!(need.unqualified_max, 1);
    assert_eq!(need.renforce, 1);
    assert_eq!(need.directors, 1);
    assert_eq!(need.professional_directors, 1);
    assert_eq!(need.total_adults, 10);
    assert_eq!(need.by_policy, [8, 8, 9]);
    let doue_closed = report
        .acm_days
        .iter()
        .find(|d| d.accueil.code == DOUE && d.date == july(7))
        .expect("Doué on Tuesday");
    assert!(!doue_closed.is_open());
    assert_eq!(doue_closed.need, needs::Staffing::default());
}

#[test]
fn territory_per_day() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let per_day: Vec<(u32, u32, u32, u32, u32)> = report
        .territory_days
        .iter()
        .map(|d| {
            (
                chrono::Datelike::day(&d.date),
                d.open_accueils,
                d.need.animateurs,
                d.need.directors,
                d.need.total_adults,
            )
        })
        .collect();
    assert_eq!(
        per_day,
        [
            (6, 2, 12, 2, 14),
            (7, 1, 4, 1, 4),
            (8, 1, 4, 1, 4),
            (9, 1, 4, 1, 4),
            (10, 1, 2, 1, 2),
            (13, 1, 2, 1, 3),
        ]
    );
    let monday = &report.territory_days[0];
    assert_eq!(monday.children_peak, 32 + 70);
    assert_eq!(monday.need.qualified_min, 2 + 4);
    assert_eq!(monday.need.unqualified_max, 1 + 1);
    let peak = report.peak_day().expect("a peak day");
    assert_eq!((peak.date, peak.need.animateurs), (july(6), 12));
}

#[test]
fn weeks_per_acm_and_territory() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    assert_eq!(report.weeks.len(), 2);
    let first = &report.weeks[0];
    assert_eq!(first.monday, july(6));
    let codes: Vec<&str> = first
        .accueils
        .iter()
        .map(|(a, _)| a.code.as_str())
        .collect();
    assert_eq!(codes, [DOUE, VARRAINS]);
    let varrains = &first.accueils[1].1;
    assert_eq!(varrains.open_days, 5);
    assert_eq!(varrains.peak_animateurs, 4);
    assert_eq!(varrains.days.animateurs, 18);
    assert_eq!(varrains.days.qualified_min, 9);
    assert_eq!(varrains.days.unqualified_max, 4);
    assert_eq!(varrains.days.directors, 5);
    assert_eq!(varrains.days.professional_directors, 0);
    assert_eq!(varrains.days.total_adults, 18);
    let doue = &first.accueils[0].1;
    assert_eq!(doue.open_days, 1);
    assert_eq!(doue.peak_animateurs, 8);
    assert_eq!(doue.days.animateurs, 8);
    assert_eq!(doue.days.professional_directors, 1);
    let territory = &first.territory;
    assert_eq!(territory.open_days, 5);
    assert_eq!(territory.peak_animateurs, 12);
    assert_eq!(territory.days.animateurs, 26);
    assert_eq!(territory.days.qualified_min, 13);
    assert_eq!(territory.days.unqualified_max, 5);
    assert_eq!(territory.days.directors, 6);
    assert_eq!(territory.days.professional_directors, 1);
    assert_eq!(territory.days.renforce, 1);
    assert_eq!(territory.days.total_adults, 28);
    let second = &report.weeks[1];
    assert_eq!(second.monday, july(13));
    assert_eq!(second.territory.days.animateurs, 2);
    assert_eq!(second.territory.days.total_adults, 3);
    let total = &report.total;
    assert_eq!(total.open_days, 6);
    assert_eq!(total.peak_animateurs, 12);
    assert_eq!(total.days.animateurs, 28);
    assert_eq!(total.days.qualified_min, 14);
    assert_eq!(total.days.directors, 7);
    assert_eq!(total.days.professional_directors, 2);
    assert_eq!(total.days.total_adults, 31);
}

#[test]
fn other_policies_are_compared() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let differences: Vec<(MixedAgePolicy, u32, u32, i64)> = report
        .other_policies
        .iter()
        .map(|d| (d.policy, d.slots_more, d.slots_fewer, d.extra_days))
        .collect();
    assert_eq!(
        differences,
        [
            (MixedAgePolicy::Global, 0, 2, -1),
            (MixedAgePolicy::Strict, 6, 1, 4),
        ]
    );
}

#[test]
fn strict_policy_changes_n() {
    let problem = problem(territory(), with_policy(MixedAgePolicy::Strict));
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let varrains: Vec<u32> = report
        .slots
        .iter()
        .filter(|s| s.accueil.code == VARRAINS)
        .map(|s| s.required())
        .collect();
    assert_eq!(varrains, [4, 5, 3, 5, 3]);
    assert_eq!(report.total.days.animateurs, 32);
    let policies: Vec<MixedAgePolicy> = report.other_policies.iter().map(|d| d.policy).collect();
    assert_eq!(
        policies,
        [MixedAgePolicy::ParTranche, MixedAgePolicy::Global]
    );
}

#[test]
fn attendance_scales_the_counts_up() {
    let mut inputs = Inputs {
        accueils: vec![site(VARRAINS, "Varrains", 40, 60)],
        previsions: varrains_week(),
        ..Inputs::default()
    };
    inputs.scale_attendance(50);
    let monday = &inputs.previsions[0];
    assert_eq!((monday.moins_de_6, monday.six_et_plus), (18, 30));
    let wednesday = &inputs.previsions[2];
    assert_eq!((wednesday.moins_de_6, wednesday.six_et_plus), (14, 23)); // 13.5 and 22.5 up
    let problem = problem(inputs, Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let required: Vec<u32> = report.slots.iter().map(|s| s.required()).collect();
    // 18/8 → 3 + 30/12 → 3; 21+33; 14+23; 24+36; 12+18.
    assert_eq!(required, [6, 6, 4, 6, 4]);
}

#[test]
fn summary_in_french() {
    let problem = problem(territory(), Parameters::default());
    let run = RunOptions {
        mixed_ages_from_command_line: false,
        attendance_percent: 10,
    };
    let report = NeedsReport::compute(&problem, run);
    let text = needs::summary(&report, Path::new("besoins.xlsx"));
    for expected in [
        "Fichiers lus : territoire.xlsx",
        "Accueils : 2 (2 avec des enfants attendus) ; lignes de prévision : 9",
        "Période : du lun. 06/07/2026 au lun. 13/07/2026 (6 jours d'ouverture)",
        "Méthode âges mixtes : par-tranche ; fréquentation +10 %",
        "Jour de pointe : lundi 6 juillet 2026 — territoire : 12 animateurs requis, dont 1 directeur, \
         et 1 autre directeur en plus",
        "Journées-animateur : 28 (au moins 14 qualifiées, au plus 5 sans qualification)",
        "Journées de direction : 7 (dont 2 avec diplôme professionnel)",
        "Encadrement renforcé : 1 journée ; total journées-adultes : 31",
        "Méthode global : moins sur 2 créneaux (-1 journée-animateur)",
        "Méthode strict : plus d'animateurs sur 6 créneaux, moins sur 1 créneau (+4 journées-animateur)",
        "Classeur écrit : besoins.xlsx",
    ] {
        assert!(
            text.contains(expected),
            "missing « {expected} » in:\n{text}"
        );
    }
    assert!(text.lines().count() <= 12, "{text}");
}

#[test]
fn rules_sheet_says_where_each_value_came_from() {
    let source = SourceRef {
        file: "regles.xlsx".into(),
        sheet: "Regles".into(),
        row: 3,
    };
    let rows = vec![("SMIC horaire".to_string(), "12,02".to_string(), source)];
    let parameters = Parameters::from_rows(&rows).expect("valid rules");
    let run = RunOptions {
        mixed_ages_from_command_line: true,
        attendance_percent: 0,
    };
    let rules = needs::rule_rows(&parameters, &run, String::new(), String::new());
    let find = |name: &str| {
        rules
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("rule {name}"))
    };
    let smic = find("SMIC horaire");
    assert_eq!(smic.value, "12,02 €");
    assert_eq!(smic.origin, "feuille Regles (regles.xlsx, ligne 3)");
    assert!(smic.reference.contains("D432-2"), "{}", smic.reference);
    assert!(smic.reference.contains("51,69 €"), "{}", smic.reference);
    let mixed = find("Méthode âges mixtes");
    assert!(mixed.value.starts_with("par-tranche"));
    assert_eq!(mixed.origin, "ligne de commande (--ages-mixtes)");
    assert_eq!(
        find("Coût journalier par défaut").origin,
        "valeur par défaut"
    );
    assert!(find("Sans qualification").reference.contains("R227-12"));
}
