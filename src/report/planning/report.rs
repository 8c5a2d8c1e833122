//! What the planning report is written from: the problem, the plan, and how the run was asked
//! for.

use chrono::NaiveDate;

use crate::optimize::PlanResult;
use crate::problem::Problem;

/// How the run was asked for, beyond what `Problem` says: echoed in `Synthese` and `Regles`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSettings {
    /// `--attendance` in percent (0 when not given).
    pub attendance_percent: i32,
    /// Whether `--mixed-ages` overrode the `Regles` sheet.
    pub mixed_ages_from_command_line: bool,
    /// `--mip-gap`, when given.
    pub mip_gap: Option<f64>,
    /// `--time-limit`, in seconds.
    pub time_limit_seconds: f64,
    /// `--from` and `--to`: the period planned, when given (else the forecasts' span).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Everything the planning report is written from.
#[derive(Debug, Clone, Copy)]
pub struct PlanningReport<'a> {
    pub problem: &'a Problem,
    pub result: &'a PlanResult,
    pub run: &'a RunSettings,
}
