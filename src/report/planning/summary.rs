//! The one-screen summary `plan` prints, in French. A pure function: the binary prints it.

use std::fmt::Write;
use std::path::Path;

use crate::optimize::SolveStatus;
use crate::report::wording::{self, integer, percent, plural_unless_one};

use super::advice::{advice, shortage_words_with_psc1};
use super::figures::Figures;
use super::proof::{Proof, plan_proof};
use super::report::PlanningReport;

/// Period, counts, coverage, shortage, costs, recruitment, solver, output path, what to do.
pub fn terminal_summary(report: &PlanningReport, output: &Path) -> String {
    let problem = report.problem;
    let result = report.result;
    let figures = Figures::new(report);
    let mut text = String::new();
    let mut line = |label: &str, value: String| {
        let _ = writeln!(text, "  {label:<14} : {value}");
    };
    let period = match figures.period {
        Some((first, last)) => format!("du {} au {}", wording::date(first), wording::date(last)),
        None => "aucune prévision".to_string(),
    };
    line(
        "Période",
        format!(
            "{period} ({}, {})",
            plural_unless_one(problem.accueils.len(), "accueil", "accueils"),
            plural_unless_one(problem.animateurs.len(), "animateur", "animateurs"),
        ),
    );
    line(
        "Couverture",
        format!(
            "{} ({} journées-animateurs couvertes sur {})",
            percent(figures.coverage()),
            integer(figures.staffed_days),
            integer(figures.required_days),
        ),
    );
    line(
        "Manques",
        shortage_words_with_psc1(figures.missing, result.missing_psc1_days()),
    );
    if result.recruitment_ran && !result.hires.is_empty() {
        line(
            "Sans recruter",
            shortage_words_with_psc1(result.team_missing, result.team_missing_psc1),
        );
    }
    line("Coût équipe", result.staff_cost.to_string());
    let recruitment = if !result.recruitment_ran {
        "non calculé (--sans-recrutement)".to_string()
    } else if result.hires.is_empty() {
        "aucun poste".to_string()
    } else {
        format!(
            "{}, {} ; manque restant : {}",
            plural_unless_one(result.hires.len(), "poste", "postes"),
            result.hire_cost(),
            shortage_words_with_psc1(result.residual_missing, result.missing_psc1_days()),
        )
    };
    line("Recrutement", recruitment);
    line("Stabilité", stability_words(result));
    if let Some(changes) = &result.changes {
        line(
            "Changements",
            format!(
                "{} par rapport au planning précédent (feuille Changements)",
                plural_unless_one(changes.len(), "journée modifiée", "journées modifiées"),
            ),
        );
    }
    let (variables, constraints) = result.stats.largest_model();
    line(
        "Solveur",
        format!(
            "{}, {} s, {} variables × {} contraintes",
            solver_words(figures.status, plan_proof(&result.stats)),
            wording::decimal(result.stats.total_seconds, 1),
            integer(variables),
            integer(constraints),
        ),
    );
    line("Fichier écrit", output.display().to_string());
    let mut summary = String::from("Planning des accueils collectifs de mineurs\n");
    summary.push_str(&text);
    summary.push_str("  Que faire :\n");
    let sentences = advice(problem, result, &figures);
    // One screen: the first sentences, the rest is in the workbook.
    let shown = if sentences.len() > MAX_ADVICE_LINES {
        MAX_ADVICE_LINES - 1
    } else {
        sentences.len()
    };
    for sentence in &sentences[..shown] {
        let _ = writeln!(summary, "    - {sentence}");
    }
    if shown < sentences.len() {
        let _ = writeln!(
            summary,
            "    - … et {} autres consignes dans la feuille Synthese.",
            sentences.len() - shown
        );
    }
    summary
}

/// Sentences of « Que faire » printed in the terminal, at most.
const MAX_ADVICE_LINES: usize = 10;

/// How stable the plan is: people on one accueil per week, directors per accueil and week, and
/// what it costs against the cheapest plan.
pub fn stability_words(result: &crate::optimize::PlanResult) -> String {
    let stability = &result.stability;
    let published = &stability.published;
    let mode = match stability.mode {
        crate::rules::parameters::StabilityMode::Day => {
            return format!(
                "au jour le jour (Stabilite = jour) : {} des semaines de travail sur plusieurs \
                 accueils",
                percent(published.moving_share()),
            );
        }
        crate::rules::parameters::StabilityMode::Week => "par semaine",
        crate::rules::parameters::StabilityMode::StayOrPeriod => "par séjour ou période",
    };
    let least = match stability.least_changing {
        Some(least) if published.accueil_weeks > 0 => format!(
            ", le moins possible {}",
            percent(f64::from(least) / f64::from(published.accueil_weeks))
        ),
        _ => String::new(),
    };
    format!(
        "{mode} : {} des semaines de travail sur plusieurs accueils (au moins cher : {}), {} des \
         semaines d'accueil avec plus de directeurs qu'un jour n'en demande (au moins cher : \
         {}{least}) ; coût de la stabilité {}",
        percent(published.moving_share()),
        percent(stability.cheapest.moving_share()),
        percent(published.changing_share()),
        percent(stability.cheapest.changing_share()),
        stability.cost_of_stability(),
    )
}

/// The solver's status and what it proves, without contradiction: `optimal`, `limite de temps
/// atteinte, écart prouvé 2,5 %`, `limite de temps atteinte, aucune borne prouvée`.
pub(super) fn solver_words(status: SolveStatus, proof: Proof) -> String {
    match proof {
        Proof::Optimal => "optimal".to_string(),
        _ if status == SolveStatus::Optimal => proof.short_words(),
        _ => format!(
            "{}, {}",
            super::reasons::status(status),
            proof.short_words()
        ),
    }
}
