//! `acm-planner plan`: load, optimise, write `planning.xlsx`, summarise.

use super::{Failure, Outcome, Settings, load};
use crate::input::Required;
use crate::optimize::{self, PlanOptions};
use crate::report::planning::{self, PlanningReport, RunSettings};

/// `acm-planner plan`. Exit code 0 even with shortages: they are in the report.
pub fn plan(settings: &Settings) -> Result<Outcome, Failure> {
    let problem = load(settings, Required::ForecastsAndStaff)?;
    // The solver backend keeps its default (HiGHS).
    let options = PlanOptions {
        time_limit_seconds: settings.time_limit_seconds,
        mip_gap: settings.mip_gap,
        recruit: settings.recruit,
        progress: settings.progress,
        ..PlanOptions::default()
    };
    let result = optimize::plan(&problem, &options)?;
    let run = RunSettings {
        attendance_percent: settings.attendance_percent,
        mixed_ages_from_command_line: settings.mixed_ages.is_some(),
        mip_gap: settings.mip_gap,
        time_limit_seconds: settings.time_limit_seconds,
        from: settings.from,
        to: settings.to,
    };
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    planning::write_planning(&report, &settings.output)?;
    Ok(Outcome {
        summary: planning::terminal_summary(&report, &settings.output),
        exit_code: 0,
    })
}
