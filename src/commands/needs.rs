//! `acm-planner needs`: the legal minimum staffing from the forecasts alone, written to
//! `besoins.xlsx`.

use super::load::load_forecasts;
use super::{Failure, Outcome, Settings};
use crate::input::Required;
use crate::report::echo::with_echo;
use crate::report::needs::{self, NeedsReport, RunOptions};

/// `acm-planner needs`: reads the forecasts, computes what the law requires for every ACM ×
/// date × créneau, writes the workbook and returns the terminal summary.
pub fn needs(settings: &Settings) -> Result<Outcome, Failure> {
    let problem = load_forecasts(settings, Required::Forecasts)?;
    let run = RunOptions {
        mixed_ages_from_command_line: settings.adjustments.mixed_ages.is_some(),
        attendance_percent: settings.adjustments.attendance_percent,
    };
    let report = NeedsReport::compute(&problem, run);
    let output = &settings.output.path;
    needs::write_workbook(&report, output)?;
    Ok(Outcome {
        summary: with_echo(needs::summary(&report, output), &problem),
        exit_code: 0,
    })
}
