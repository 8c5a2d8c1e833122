//! `acm-planner plan`: load, optimise, write `planning.xlsx`, summarise.

use std::sync::Arc;

use super::load::{problem_from, read};
use super::{Failure, Outcome, Settings};
use crate::input::{self, Required};
use crate::optimize::PlanOptions;
use crate::report::echo::with_echo;
use crate::report::planning::{self, PlanningReport, RunSettings};
use crate::verify;

/// `acm-planner plan`. Exit code 0 even with shortages: they are in the report.
pub fn plan(settings: &Settings) -> Result<Outcome, Failure> {
    let solver = &settings.solver;
    let inputs = read(settings, Required::ForecastsAndStaff)?;
    let previous = match &solver.previous {
        Some(path) => Some(Arc::new(input::read_previous(path, &inputs)?)),
        None => None,
    };
    let problem = problem_from(settings, inputs)?;
    // The solver backend keeps its default (HiGHS).
    let options = PlanOptions {
        time_limit_seconds: solver.time_limit_seconds,
        mip_gap: solver.mip_gap,
        recruit: solver.recruit,
        progress: settings.progress,
        previous,
        ..PlanOptions::default()
    };
    let result = verify::plan(&problem, &options)?;
    let adjustments = &settings.adjustments;
    let run = RunSettings {
        attendance_percent: adjustments.attendance_percent,
        mixed_ages_from_command_line: adjustments.mixed_ages.is_some(),
        mip_gap: solver.mip_gap,
        time_limit_seconds: solver.time_limit_seconds,
        from: adjustments.from,
        to: adjustments.to,
    };
    let report = PlanningReport {
        problem: &problem,
        result: &result,
        run: &run,
    };
    let output = &settings.output.path;
    planning::write_planning(&report, output)?;
    Ok(Outcome {
        summary: with_echo(planning::terminal_summary(&report, output), &problem),
        exit_code: 0,
    })
}
