//! The few lines the `needs` command prints, in French (a pure function: the binary prints).

use std::path::Path;

use crate::report::wording::{
    date_in_words, day_label_with_year, integer, plural, required_team, signed_percent,
};

use super::figures::{NeedsReport, PolicyDifference};

/// The few lines the `needs` command prints, in French.
pub fn summary(report: &NeedsReport<'_>, output: &Path) -> String {
    let mut lines = vec!["Besoins légaux d'encadrement (acm-planner needs)".to_string()];
    lines.extend(
        key_figures(report)
            .into_iter()
            .map(|(label, value)| format!("  {label} : {value}")),
    );
    lines.extend(report.other_policies.iter().map(policy_line));
    lines.push(format!("  Classeur écrit : {}", output.display()));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The key figures, as (label, value): the terminal summary and the `Synthese` sheet.
pub(super) fn key_figures(report: &NeedsReport<'_>) -> Vec<(&'static str, String)> {
    let problem = report.problem;
    let mut lines = Vec::new();
    if !problem.files.is_empty() {
        lines.push(("Fichiers lus", problem.files.join(", ")));
    }
    let open_accueils = {
        let mut codes: Vec<&str> = report
            .acm_days
            .iter()
            .filter(|d| d.is_open())
            .map(|d| d.accueil.code.as_str())
            .collect();
        codes.dedup();
        codes.len()
    };
    lines.push((
        "Accueils",
        format!(
            "{} ({} avec des enfants attendus) ; lignes de prévision : {}",
            problem.accueils.len(),
            open_accueils,
            integer(report.slots.len())
        ),
    ));
    if let Some((first, last)) = problem.date_span() {
        lines.push((
            "Période",
            format!(
                "du {} au {} ({})",
                day_label_with_year(first),
                day_label_with_year(last),
                plural(
                    report.total.open_days,
                    "jour d'ouverture",
                    "jours d'ouverture"
                )
            ),
        ));
    }
    let mut method = report.policy().label().to_string();
    if report.run.attendance_percent != 0 {
        method.push_str(&format!(
            " ; fréquentation {}",
            signed_percent(report.run.attendance_percent)
        ));
    }
    lines.push(("Méthode âges mixtes", method));
    if let Some(peak) = report.peak_day() {
        lines.push((
            "Jour de pointe",
            format!(
                "{} — territoire : {}",
                date_in_words(peak.date),
                required_team(
                    peak.need.animateurs,
                    peak.need.directors_counted,
                    peak.need.directors
                )
            ),
        ));
    }
    let days = &report.total.days;
    lines.push((
        "Journées-animateur",
        format!(
            "{} (au moins {} qualifiées, au plus {} sans qualification)",
            integer(days.animateurs),
            integer(days.qualified_min),
            integer(days.unqualified_max)
        ),
    ));
    lines.push((
        "Journées de direction",
        format!(
            "{} (dont {} avec diplôme professionnel)",
            integer(days.directors),
            integer(days.professional_directors)
        ),
    ));
    lines.push((
        "Encadrement renforcé",
        format!(
            "{} ; total journées-adultes : {}",
            plural(days.renforce, "journée", "journées"),
            integer(days.total_adults)
        ),
    ));
    lines
}

pub(super) fn policy_line(difference: &PolicyDifference) -> String {
    let label = difference.policy.label();
    if difference.slots_more == 0 && difference.slots_fewer == 0 {
        return format!("  Méthode {label} : mêmes besoins");
    }
    let mut parts = Vec::new();
    if difference.slots_more > 0 {
        parts.push(format!(
            "plus d'animateurs sur {}",
            plural(difference.slots_more, "créneau", "créneaux")
        ));
    }
    if difference.slots_fewer > 0 {
        parts.push(format!(
            "moins sur {}",
            plural(difference.slots_fewer, "créneau", "créneaux")
        ));
    }
    let sign = match difference.extra_days {
        d if d > 0 => "+",
        d if d < 0 => "-",
        _ => "",
    };
    format!(
        "  Méthode {label} : {} ({sign}{})",
        parts.join(", "),
        plural(
            difference.extra_days.abs(),
            "journée-animateur",
            "journées-animateur"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::MixedAgePolicy;

    fn difference(more: u32, fewer: u32, extra_days: i64) -> PolicyDifference {
        PolicyDifference {
            policy: MixedAgePolicy::Strict,
            slots_more: more,
            slots_fewer: fewer,
            extra_days,
        }
    }

    #[test]
    fn policy_lines_in_french() {
        assert_eq!(
            policy_line(&difference(0, 0, 0)),
            "  Méthode strict : mêmes besoins"
        );
        assert_eq!(
            policy_line(&difference(1, 0, 1)),
            "  Méthode strict : plus d'animateurs sur 1 créneau (+1 journée-animateur)"
        );
        assert_eq!(
            policy_line(&difference(3, 2, 0)),
            "  Méthode strict : plus d'animateurs sur 3 créneaux, moins sur 2 créneaux \
             (0 journée-animateur)"
        );
        assert_eq!(
            policy_line(&difference(0, 4, -2)),
            "  Méthode strict : moins sur 4 créneaux (-2 journées-animateur)"
        );
    }
}
