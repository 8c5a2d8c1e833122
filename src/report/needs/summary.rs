//! The few lines the `needs` command prints, in French (a pure function: the binary prints).

use std::path::Path;

use crate::report::wording::{date_in_words, day_label_with_year, integer, plural, signed_percent};

use super::figures::{NeedsReport, PolicyDifference};

/// The few lines the `needs` command prints, in French.
pub fn summary(report: &NeedsReport<'_>, output: &Path) -> String {
    let problem = report.problem;
    let mut lines = Vec::new();
    lines.push("Besoins légaux d'encadrement (acm-planner needs)".to_string());
    if !problem.files.is_empty() {
        lines.push(format!("  Fichiers lus : {}", problem.files.join(", ")));
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
    lines.push(format!(
        "  Accueils : {} ({} avec des enfants attendus) ; lignes de prévision : {}",
        problem.accueils.len(),
        open_accueils,
        integer(report.slots.len())
    ));
    if let Some((first, last)) = problem.date_span() {
        lines.push(format!(
            "  Période : du {} au {} ({})",
            day_label_with_year(first),
            day_label_with_year(last),
            plural(
                report.total.open_days,
                "jour d'ouverture",
                "jours d'ouverture"
            )
        ));
    }
    let mut method = format!("  Méthode âges mixtes : {}", report.policy().label());
    if report.run.attendance_percent != 0 {
        method.push_str(&format!(
            " ; fréquentation {}",
            signed_percent(report.run.attendance_percent)
        ));
    }
    lines.push(method);
    if let Some(peak) = report.peak_day() {
        lines.push(format!(
            "  Jour de pointe : {} — {} requis sur le territoire, {}",
            date_in_words(peak.date),
            plural(peak.need.animateurs, "animateur", "animateurs"),
            plural(peak.need.directors, "directeur", "directeurs"),
        ));
    }
    let days = &report.total.days;
    lines.push(format!(
        "  Journées-animateur : {} (au moins {} qualifiées, au plus {} sans qualification)",
        integer(days.animateurs),
        integer(days.qualified_min),
        integer(days.unqualified_max)
    ));
    lines.push(format!(
        "  Journées de direction : {} (dont {} avec diplôme professionnel)",
        integer(days.directors),
        integer(days.professional_directors)
    ));
    lines.push(format!(
        "  Encadrement renforcé : {} ; total journées-adultes : {}",
        plural(days.renforce, "journée", "journées"),
        integer(days.total_adults)
    ));
    for difference in &report.other_policies {
        lines.push(policy_line(difference));
    }
    lines.push(format!("  Classeur écrit : {}", output.display()));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn policy_line(difference: &PolicyDifference) -> String {
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
