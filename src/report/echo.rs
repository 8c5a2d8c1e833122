//! What the run made of its inputs, echoed at the end of every terminal summary: the calendar
//! (the zone and where it comes from, the official file and the built-in days, the school years
//! covered) and the remarks of the problem (more children than declared…).

use std::fmt::Write;

use chrono::Datelike;

use super::wording;
use crate::domain::normalize_key;
use crate::problem::{Problem, Remark};
use crate::rules::calendar::zone::DEFAULT_ACADEMIE;

/// `summary`, then the calendar lines and the remarks.
pub fn with_echo(summary: String, problem: &Problem) -> String {
    let mut summary = summary;
    if !summary.is_empty() && !summary.ends_with('\n') {
        summary.push('\n');
    }
    summary.push_str(&calendar_lines(problem));
    summary.push_str(&remark_lines(&problem.remarks));
    summary
}

/// One paragraph per remark, in French.
pub fn remark_lines(remarks: &[Remark]) -> String {
    let mut text = String::new();
    for remark in remarks {
        match remark {
            Remark::Input(_) => {
                let _ = writeln!(text, "Remarque : {}", remark_text(remark));
            }
            _ => {
                let _ = writeln!(text, "Attention : {}", remark_text(remark));
            }
        }
    }
    text
}

/// A remark in one sentence.
pub fn remark_text(remark: &Remark) -> String {
    match remark {
        Remark::Input(remark) => remark.to_string(),
        Remark::AttendanceAboveCapacity {
            accueil,
            capacite,
            peak,
            dates,
            file,
            sheet,
            rows,
        } => format!(
            "{accueil} : jusqu'à {peak} enfants prévus pour une capacité déclarée de {capacite} \
             ({} du {} au {} ; {file}, feuille {sheet}, {}). Les seuils qui dépendent du nombre \
             de mineurs (directeur compté jusqu'à 50, règle des 80 jours et 80 mineurs, adjoints \
             de séjour) sont pris sur le plus grand des deux ; vérifiez la déclaration de \
             l'accueil.",
            wording::plural(dates.len(), "jour", "jours"),
            dates.first().map_or(String::new(), |d| wording::date(*d)),
            dates.last().map_or(String::new(), |d| wording::date(*d)),
            crate::domain::rows_label(rows),
        ),
    }
}

/// The calendar in one line, for the `Regles` sheets: the zone and where it comes from, the
/// official file, the built-in days and the dates of the `Calendrier` sheet.
pub fn calendar_line(problem: &Problem) -> String {
    calendar_lines(problem)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ; ")
        .trim_start_matches("Calendrier scolaire : ")
        .to_string()
}

/// Where the calendar's days come from, for the `Origine` column of the `Regles` sheets.
pub fn calendar_origin(problem: &Problem) -> String {
    let source = problem.calendar.source();
    let mut parts = Vec::new();
    if source.built_in.is_some() {
        parts.push("intégré");
    }
    if source.file.is_some() {
        parts.push("fichier --calendrier");
    }
    if source.overrides > 0 {
        parts.push("feuille Calendrier");
    }
    if parts.is_empty() {
        "aucun".to_string()
    } else {
        parts.join(" + ")
    }
}

/// A few lines for the end of the terminal summary.
pub fn calendar_lines(problem: &Problem) -> String {
    let source = problem.calendar.source();
    let parameters = &problem.parameters;
    let day = wording::date;
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
            "  feuille Calendrier : {} {}",
            wording::plural(source.overrides, "date", "dates"),
            wording::noun(source.overrides, "redéfinie", "redéfinies")
        );
    }
    text
}
