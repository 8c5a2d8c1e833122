//! The calendar a run used, echoed in the terminal summary: the zone and where it comes from,
//! the official file and the built-in days, the school years covered.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::domain::normalize_key;
use crate::problem::Problem;
use crate::rules::calendar::zone::DEFAULT_ACADEMIE;

/// A few lines for the end of the terminal summary.
pub fn calendar_summary(problem: &Problem) -> String {
    let source = problem.calendar.source();
    let parameters = &problem.parameters;
    let day = |date: NaiveDate| date.format("%d/%m/%Y").to_string();
    let zone_row = parameters
        .overridden
        .iter()
        .any(|(name, _)| normalize_key(name) == "zone");
    let origin = match (zone_row, parameters.academie) {
        (true, _) => "ligne Zone de la feuille Regles".to_string(),
        (false, Some(academie)) => format!("académie de {academie}, feuille Regles"),
        (false, None) => format!("par défaut : académie de {DEFAULT_ACADEMIE}"),
    };
    let mut text = format!("Calendrier scolaire : {} ({origin})\n", source.zone);
    if let Some(file) = &source.file {
        let _ = writeln!(
            text,
            "  fichier {} ({}) : du {} au {}",
            file.name,
            file.format.label(),
            day(file.first),
            day(file.last)
        );
        if let Some(summer) = file.open_summer {
            let _ = writeln!(
                text,
                "  vacances d'été {} lues jusqu'au 31/08/{} (la rentrée n'est pas dans le fichier)",
                summer.year(),
                summer.year()
            );
        }
    }
    match source.built_in {
        Some((first, last)) => {
            let _ = writeln!(
                text,
                "  calendrier intégré : du {} au {}",
                day(first),
                day(last)
            );
        }
        None => {
            let _ = writeln!(text, "  pas de calendrier intégré pour cette zone");
        }
    }
    if let Some((first, last)) = source.school_years() {
        let year = |y: i32| format!("{y}-{}", y + 1);
        let years = if first == last {
            year(first)
        } else {
            format!("{} à {}", year(first), year(last))
        };
        let _ = writeln!(text, "  années scolaires couvertes : {years}");
    }
    if source.overrides > 0 {
        let _ = writeln!(
            text,
            "  feuille Calendrier : {} date(s) redéfinie(s)",
            source.overrides
        );
    }
    text
}

/// The report's summary followed by the calendar lines.
pub fn with_calendar(summary: String, problem: &Problem) -> String {
    let mut summary = summary;
    if !summary.is_empty() && !summary.ends_with('\n') {
        summary.push('\n');
    }
    summary.push_str(&calendar_summary(problem));
    summary
}
