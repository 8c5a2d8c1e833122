//! The terminal summary of `plan`, and a fuller sample plan for visual review.

use std::path::Path;

use acm_planner::domain::{
    AcmType, Affectation, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Role,
};
use acm_planner::optimize::{
    DirectorDay, DirectorDiploma, DirectorReason, PlanResult, ShortageReason,
};
use acm_planner::problem::Problem;
use acm_planner::report::planning::{self, PlanningReport, RunSettings};
use acm_planner::rules::Parameters;
use chrono::NaiveDate;

use super::{accueil, day, hire, person, plan, prevision, problem, slot, work, write};

#[test]
fn terminal_summary_has_the_figures() {
    let problem = problem();
    let result = plan();
    let run = RunSettings::default();
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new("planning.xlsx"));
    for expected in [
        "du 06/07/2026 au 07/07/2026",
        "2 accueils",
        "4 animateurs",
        "41,7 %",
        "7 animateurs et 4 qualifiés manquants, créneau par créneau, 1 journée de direction",
        "350,00 €",
        "2 postes",
        "495,00 €",
        "optimal",
        "0,3 s",
        "planning.xlsx",
        "Recruter 1 directeur BAFD pour le secteur Doué le 7 juillet",
    ] {
        assert!(
            summary.contains(expected),
            "« {expected} » missing in:\n{summary}"
        );
    }
    assert!(summary.lines().count() <= 24, "one screen:\n{summary}");
}

/// A fuller plan for looking at the workbook as a director would:
/// `ACM_RENDER_OUT=/tmp/x/planning.xlsx cargo test --release --test planning_report -- --ignored`
/// then `libreoffice --headless --convert-to pdf` and `pdftoppm`.
#[test]
#[ignore = "writes a sample workbook for visual review"]
fn render_sample() {
    let Some(out) = std::env::var_os("ACM_RENDER_OUT") else {
        return;
    };
    let (problem, result) = sample();
    write(&problem, &result, Path::new(&out));
    let run = RunSettings::default();
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let summary = planning::terminal_summary(&report, Path::new(&out));
    std::fs::write(Path::new(&out).with_extension("txt"), summary).expect("summary written");
}

/// Three ACM over two weeks, fourteen people, Saumur short of staff and of a professional
/// director on some days.
fn sample() -> (Problem, PlanResult) {
    let dates: Vec<NaiveDate> = (6..=17)
        .map(day)
        .filter(|d| !matches!(d.format("%u").to_string().as_str(), "6" | "7"))
        .collect();
    let mut saumur = accueil(
        "ALSH-SAUMUR",
        "Centre de loisirs du Chardonnet",
        AcmType::AccueilLoisirs,
        120,
        "Saumur",
    );
    saumur.jours_ouverture = Some(200);
    let accueils = vec![
        accueil(
            "ALSH-DOUE",
            "Les Loupiots",
            AcmType::AccueilLoisirs,
            48,
            "Doué",
        ),
        accueil(
            "ALSH-MONTREUIL",
            "La Cabane",
            AcmType::AccueilLoisirs,
            40,
            "Saumur",
        ),
        saumur,
    ];
    let mut previsions = Vec::new();
    for date in &dates {
        previsions.push(prevision("ALSH-DOUE", *date, 12, 20));
        previsions.push(prevision("ALSH-SAUMUR", *date, 30, 50));
        for label in ["matin", "apres-midi"] {
            let mut p = prevision("ALSH-MONTREUIL", *date, 8, 14);
            p.creneau = Creneau::standard(label).expect("standard");
            previsions.push(p);
        }
    }
    let staff = [
        ("A01", "Bernard", "Claire", "BAFD", Contrat::Cee),
        ("A02", "Petit", "Hugo", "DEJEPS", Contrat::Cdi),
        ("A03", "Robert", "Inès", "BAFD", Contrat::Cee),
        ("A04", "Richard", "Lucas", "BAFA", Contrat::Cee),
        ("A05", "Moreau", "Emma", "BAFA", Contrat::Cee),
        ("A06", "Simon", "Nathan", "BAFA", Contrat::Cee),
        ("A07", "Laurent", "Chloé", "BPJEPS", Contrat::Cdd),
        ("A08", "Lefebvre", "Louis", "CAP AEPE", Contrat::Titulaire),
        ("A09", "Michel", "Jade", "stagiaire BAFA", Contrat::Cee),
        ("A10", "Garcia", "Tom", "stagiaire BAFA", Contrat::Cee),
        ("A11", "David", "Lina", "BAFA", Contrat::Cee),
        (
            "A12",
            "Bertrand",
            "Noah",
            "sans qualification",
            Contrat::Cdd,
        ),
        ("A13", "Roux", "Mila", "BAFA", Contrat::Cee),
        ("A14", "Vincent", "Sacha", "stagiaire BAFA", Contrat::Cee),
    ];
    let animateurs: Vec<Animateur> = staff
        .iter()
        .map(|(id, nom, prenom, q, c)| person(id, nom, prenom, q, *c))
        .collect();
    let mut inputs = Inputs {
        accueils,
        previsions,
        animateurs,
        files: vec!["saumur-ete-2026.xlsx".into(), "disponibilites.ods".into()],
        ..Inputs::default()
    };
    for (i, (id, ..)) in staff.iter().enumerate() {
        for (j, date) in dates.iter().enumerate() {
            if (i + j) % 7 != 3 {
                inputs
                    .disponibilites
                    .add(id, *date, AvailabilityFlags::JOURNEE);
            }
        }
    }
    let problem = Problem::new(inputs, Parameters::default()).expect("requirements");

    // Doué: A01 directs (counted), A04 A05 A09 animate. Montreuil: A03 directs, A06 A10.
    // Saumur: A02 directs (not counted), A07 A08 A11 A12 A13 A14, one short every Wednesday.
    let mut assignments = Vec::new();
    for (j, date) in dates.iter().enumerate() {
        let available =
            |id: &str| problem.availability.flags(id, *date) == AvailabilityFlags::JOURNEE;
        let mut put = |id: &str, code: &str, label: &str, role: Role| {
            if available(id) {
                let mut a = work(id, code, *date, role);
                a.creneau = Creneau::standard(label).expect("standard");
                assignments.push(a);
            }
        };
        put("A01", "ALSH-DOUE", "journee", Role::Direction);
        for id in ["A04", "A05", "A09"] {
            put(id, "ALSH-DOUE", "journee", Role::Animation);
        }
        for label in ["matin", "apres-midi"] {
            put("A03", "ALSH-MONTREUIL", label, Role::Direction);
            put("A06", "ALSH-MONTREUIL", label, Role::Animation);
            put("A10", "ALSH-MONTREUIL", label, Role::Animation);
        }
        if j % 5 != 2 {
            put("A02", "ALSH-SAUMUR", "journee", Role::Direction);
        }
        for id in ["A07", "A08", "A11", "A12", "A13", "A14"] {
            put(id, "ALSH-SAUMUR", "journee", Role::Animation);
        }
    }
    assignments.sort_by(|a, b| {
        (&a.animateur, a.date, a.creneau.sort_key()).cmp(&(
            &b.animateur,
            b.date,
            b.creneau.sort_key(),
        ))
    });

    let mut slots = Vec::new();
    for need in &problem.needs {
        let (index, p, r) = (need.id.index(), &need.forecast, &need.requirement);
        let here: Vec<&Affectation> = assignments
            .iter()
            .filter(|a| a.accueil == p.accueil && a.date == p.date && a.creneau == p.creneau)
            .filter(|a| a.role == Role::Animation || r.director_counts)
            .collect();
        let category = |a: &&Affectation| {
            problem
                .animateur(&a.animateur)
                .map(|x| x.qualification.category)
        };
        use acm_planner::domain::AnimationCategory as C;
        let staffed = u32::try_from(here.len()).expect("small");
        let qualified = u32::try_from(
            here.iter()
                .filter(|a| category(a) == Some(C::Qualified))
                .count(),
        )
        .expect("small");
        let trainees = u32::try_from(
            here.iter()
                .filter(|a| category(a) == Some(C::Trainee))
                .count(),
        )
        .expect("small");
        let mut outcome = slot(index, staffed, qualified, trainees);
        outcome.missing_animateurs = r.total_animation().saturating_sub(staffed);
        outcome.missing_qualified = r.min_qualified.saturating_sub(qualified);
        if outcome.missing_animateurs + outcome.missing_qualified > 0 {
            outcome.reason = Some(ShortageReason::NobodyAvailable { sector: None });
        }
        slots.push(outcome);
    }
    let mut director_days = Vec::new();
    for code in ["ALSH-DOUE", "ALSH-MONTREUIL", "ALSH-SAUMUR"] {
        for date in &dates {
            let directors: Vec<String> = assignments
                .iter()
                .filter(|a| a.accueil == code && a.date == *date && a.role == Role::Direction)
                .map(|a| a.animateur.clone())
                .take(1)
                .collect();
            director_days.push(DirectorDay {
                accueil: code.into(),
                date: *date,
                required: 1,
                missing: u32::from(directors.is_empty()),
                reason: directors.is_empty().then_some(DirectorReason::NoHolder {
                    diploma: DirectorDiploma::Professional {
                        days: 80,
                        minors: 80,
                    },
                    sector: None,
                }),
                directors,
            });
        }
    }
    let saumur_short: Vec<NaiveDate> = dates.to_vec();
    let wednesdays: Vec<NaiveDate> = dates
        .iter()
        .copied()
        .step_by(5)
        .map(|d| d + chrono::Duration::days(2))
        .collect();
    let mut hires = vec![
        hire(1, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short),
        hire(2, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short),
        hire(3, "BAFA", "Saumur", "ALSH-SAUMUR", &saumur_short[..5]),
        hire(4, "DEJEPS", "Saumur", "ALSH-SAUMUR", &wednesdays),
    ];
    hires[1].accueils.push("ALSH-MONTREUIL".into());
    let hire_assignments = hires
        .iter()
        .flat_map(|h| {
            h.dates.iter().map(|d| {
                work(
                    &h.id,
                    "ALSH-SAUMUR",
                    *d,
                    if h.qualification.may_direct() {
                        Role::Direction
                    } else {
                        Role::Animation
                    },
                )
            })
        })
        .collect();
    let people = Vec::new();
    let mut result = PlanResult {
        assignments,
        slots,
        director_days,
        psc1_days: Vec::new(),
        people,
        staff_cost: Cents::default(),
        hires,
        hire_assignments,
        residual_missing: (3, 0, 0),
        recruitment_ran: true,
        team_missing: (3, 0, 0),
        stability: Default::default(),
        changes: None,
        stats: plan().stats,
        ..Default::default()
    };
    result.staff_cost = Cents::euros(70) * i64::try_from(result.assignments.len()).expect("small");
    (problem, result)
}
