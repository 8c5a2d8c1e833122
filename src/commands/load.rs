//! From settings to the problem: the files and the output checked before any work, the inputs
//! read, the problem built.

use chrono::NaiveDate;

use super::output::check_output_path;
use super::{Failure, Settings};
use crate::domain::Inputs;
use crate::error::{Error, InputError};
use crate::input::{self, Required};
use crate::problem::Problem;

/// Reads the inputs, applies the `Regles` sheet and the command-line overrides, restricts the
/// forecasts to `--from`/`--to`, scales them by `--attendance`, and computes every requirement.
/// A problem with no forecast left is an error: there is nothing to compute.
pub fn load_forecasts(settings: &Settings, required: Required) -> Result<Problem, Failure> {
    let inputs = read(settings, required)?;
    problem_from(settings, inputs)
}

/// The problem of inputs already read (see [`load_forecasts`]).
pub fn problem_from(settings: &Settings, inputs: Inputs) -> Result<Problem, Failure> {
    let span = inputs.date_span();
    let files = inputs.files.join(", ");
    let problem = Problem::build(inputs, &settings.adjustments)?;
    if problem.needs.is_empty() {
        return Err(Failure::Run(Error::Input(vec![no_forecast(
            files,
            span,
            settings.adjustments.from,
            settings.adjustments.to,
        )])));
    }
    Ok(problem)
}

/// Checks the input files and the output path, then reads the inputs.
pub fn read(settings: &Settings, required: Required) -> Result<Inputs, Failure> {
    for input in &settings.inputs {
        if !input.exists() {
            return Err(Failure::Run(Error::io(
                input.display(),
                "fichier introuvable",
            )));
        }
    }
    if let Some(calendar) = &settings.adjustments.calendar_file
        && !calendar.exists()
    {
        return Err(Failure::Run(Error::io(
            calendar.display(),
            "fichier de calendrier introuvable (--calendrier)",
        )));
    }
    let mut read_files = settings.inputs.clone();
    read_files.extend(settings.adjustments.calendar_file.iter().cloned());
    if let Some(previous) = &settings.solver.previous {
        if !previous.exists() {
            return Err(Failure::Run(Error::io(
                previous.display(),
                "planning précédent introuvable (--precedent)",
            )));
        }
        read_files.push(previous.clone());
    }
    check_output_path(&settings.output, &read_files)?;
    Ok(input::read_inputs(&settings.inputs, required)?)
}

/// The error for a run without any forecast: the sheet is empty, or `--from`/`--to` leave none.
fn no_forecast(
    files: String,
    span: Option<(NaiveDate, NaiveDate)>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> InputError {
    let files = if files.is_empty() {
        "fichiers d'entrée".to_string()
    } else {
        files
    };
    let day = |date: NaiveDate| date.format("%d/%m/%Y").to_string();
    let message = match span {
        Some((first, last)) if from.is_some() || to.is_some() => {
            let asked = match (from, to) {
                (Some(from), Some(to)) => format!("du {} au {}", day(from), day(to)),
                (Some(from), None) => format!("à partir du {}", day(from)),
                (None, Some(to)) => format!("jusqu'au {}", day(to)),
                (None, None) => String::new(),
            };
            format!(
                "aucune prévision {asked} (--du/--au) : les prévisions vont du {} au {} ; \
                 rien à calculer",
                day(first),
                day(last)
            )
        }
        _ => "aucune ligne de prévision : rien à calculer (la feuille Previsions est vide)"
            .to_string(),
    };
    InputError::new(files, message).sheet("Previsions")
}
