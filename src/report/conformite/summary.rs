//! The one-screen terminal summary of `check`: verdict, counts by rule, the first findings
//! (a pure function: the binary prints it).

use std::path::Path;

use crate::audit::{AuditReport, RuleKind, Severity, Violation};
use crate::problem::Problem;
use crate::report::wording::{self, noun};

use super::findings::{person_label, verdict};

/// How many findings the terminal summary lists before pointing to the workbook.
const SUMMARY_LINES: usize = 10;

/// The one-screen terminal summary: verdict, counts by rule, the first findings.
pub fn terminal_summary(report: &AuditReport, problem: &Problem, output: &Path) -> String {
    let mut text = String::new();
    text.push_str(&verdict(report));
    text.push('\n');
    text.push_str(&format!(
        "Vérifié : {}, {} avec enfants, {}.\n",
        counted(
            report.affectations,
            "ligne de planning",
            "lignes de planning"
        ),
        counted(report.open_slots, "créneau", "créneaux"),
        counted(report.people, "personne", "personnes")
    ));
    let counted: Vec<(RuleKind, usize)> = report
        .by_rule()
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .collect();
    if !counted.is_empty() {
        text.push_str("\nPar règle :\n");
        for (rule, count) in &counted {
            text.push_str(&format!(
                "  {count:>5}  {} ({})\n",
                rule.label(),
                report.articles_of(*rule)
            ));
        }
        text.push_str("\nPremières constatations :\n");
        for violation in report.violations.iter().take(SUMMARY_LINES) {
            text.push_str(&format!("  - {}\n", one_line(violation, problem)));
        }
        let rest = report.violations.len().saturating_sub(SUMMARY_LINES);
        if rest > 0 {
            text.push_str(&format!("  … et {rest} autres.\n"));
        }
    }
    text.push_str(&format!("\nDétail : {}\n", output.display()));
    text
}

/// `1 créneau`, `2 créneaux`, `1201 lignes de planning` (not grouped by thousands).
fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", noun(count, singular, plural))
}

/// `[CASF R227-15] ALSH-DOUE 06/07/2026 matin, Julie Martin (A12) : 2 animateurs pour 3 requis`.
fn one_line(violation: &Violation, problem: &Problem) -> String {
    let mut place: Vec<String> = Vec::new();
    if let Some(code) = &violation.accueil {
        place.push(code.clone());
    }
    if let Some(date) = violation.date {
        place.push(wording::date(date));
    }
    if let Some(creneau) = &violation.creneau {
        place.push(creneau.label.clone());
    }
    let mut where_text = place.join(" ");
    if let Some(id) = violation.animateur.as_deref() {
        if !where_text.is_empty() {
            where_text.push_str(", ");
        }
        where_text.push_str(&person_label(Some(id), problem));
    }
    if let Some(source_row) = violation.source_row {
        where_text.push_str(&format!(" (ligne {source_row})"));
    }
    let warning = match violation.severity {
        Severity::Avertissement => "avertissement, ",
        Severity::Infraction => "",
    };
    format!(
        "[{warning}{}] {where_text} : {} — {}",
        violation.article,
        violation.rule.label(),
        violation.message
    )
}
