//! `acm-planner needs`: the legal minimum staffing from the forecasts alone, written to
//! `besoins.xlsx`.

use super::{Failure, Outcome, Settings, load};
use crate::error::{Error, InputError};
use crate::input::Required;
use crate::report::needs::{self, NeedsReport, RunOptions};

/// `acm-planner needs`: reads the forecasts, computes what the law requires for every ACM ×
/// date × créneau, writes the workbook and returns the terminal summary.
pub fn needs(settings: &Settings) -> Result<Outcome, Failure> {
    let problem = load(settings, Required::Forecasts)?;
    if problem.needs.is_empty() {
        let files = problem.files.join(", ");
        return Err(Failure::Run(Error::Input(vec![
            InputError::new(
                if files.is_empty() {
                    "fichiers d'entrée".to_string()
                } else {
                    files
                },
                "aucune ligne de prévision : rien à calculer (la feuille Previsions est vide)",
            )
            .sheet("Previsions"),
        ])));
    }
    let run = RunOptions {
        mixed_ages_from_command_line: settings.mixed_ages.is_some(),
        attendance_percent: settings.attendance_percent,
    };
    let report = NeedsReport::compute(&problem, run);
    needs::write_workbook(&report, &settings.output)?;
    Ok(Outcome {
        summary: needs::summary(&report, &settings.output),
        exit_code: 0,
    })
}
