//! How findings are shown, in the workbook and the terminal summary alike: the verdict, where a
//! rule comes from, who a person is, the colour of each severity.

use rust_xlsxwriter::Format;

use crate::audit::{AuditReport, RuleKind, Severity};
use crate::problem::Problem;
use crate::report::xlsx::Formats;

/// « Planning conforme … » or « Planning non conforme … ».
pub fn verdict(report: &AuditReport) -> String {
    let (infractions, warnings) = (report.infractions(), report.warnings());
    let warnings_text = match warnings {
        0 => String::new(),
        1 => " (1 avertissement)".to_string(),
        n => format!(" ({n} avertissements)"),
    };
    match infractions {
        0 => format!("Planning conforme : aucune infraction{warnings_text}."),
        1 => format!("Planning non conforme : 1 infraction{warnings_text}."),
        n => format!("Planning non conforme : {n} infractions{warnings_text}."),
    }
}

/// `loi`, or `données du service` for the user's own rules (availability, sectors, caps).
pub(super) fn origin(rule: RuleKind) -> &'static str {
    if rule.is_legal() {
        "loi"
    } else {
        "données du service"
    }
}

/// `Julie Martin (A12)` when the person is known, else the Id as written.
pub(super) fn person_label(id: Option<&str>, problem: &Problem) -> String {
    match id {
        None => String::new(),
        Some(id) => match problem.animateur(id) {
            Some(person) if !person.full_name().is_empty() => {
                format!("{} ({id})", person.full_name())
            }
            _ => id.to_string(),
        },
    }
}

/// Red for infractions, orange for warnings.
pub(super) fn severity_formats(formats: &Formats) -> [(Severity, &Format); 2] {
    [
        (Severity::Infraction, &formats.bad),
        (Severity::Avertissement, &formats.warning),
    ]
}
