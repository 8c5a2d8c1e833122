//! What a command is asked to do, validated once: the binary turns its flags into [`Settings`],
//! and everything after trusts them (as ripgrep does: raw flags, then settings).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Failure;
use crate::problem::Adjustments;
use crate::rules::MixedAgePolicy;

/// Where a command writes its workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub path: PathBuf,
    /// `--force`: replace an existing file (never an input).
    pub force: bool,
}

/// How `plan` runs the solver.
#[derive(Debug, Clone, PartialEq)]
pub struct SolverSettings {
    /// `--time-limit`, for the whole run.
    pub time_limit_seconds: f64,
    /// `--mip-gap`.
    pub mip_gap: Option<f64>,
    /// Not `--no-recruit`.
    pub recruit: bool,
    /// `--previous`: the plan published before, to change as little as possible.
    pub previous: Option<PathBuf>,
}

impl Default for SolverSettings {
    fn default() -> Self {
        SolverSettings {
            time_limit_seconds: 120.0,
            mip_gap: None,
            recruit: true,
            previous: None,
        }
    }
}

/// Validated settings of `needs`, `plan` and `check`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub inputs: Vec<PathBuf>,
    pub output: Output,
    /// `--mixed-ages`, `--attendance`, `--from`, `--to`, `--calendrier`: what the command line
    /// changes in the inputs.
    pub adjustments: Adjustments,
    pub solver: SolverSettings,
    /// Where to send the progress of the solver (the binary: stderr, when it is a terminal).
    pub progress: Option<fn(&crate::optimize::Progress<'_>)>,
}

impl Settings {
    /// Settings with every option at its default.
    pub fn new(inputs: Vec<PathBuf>, output: PathBuf, force: bool) -> Self {
        Settings {
            inputs,
            output: Output {
                path: output,
                force,
            },
            adjustments: Adjustments::default(),
            solver: SolverSettings::default(),
            progress: None,
        }
    }

    pub fn with_mixed_ages(mut self, policy: Option<MixedAgePolicy>) -> Self {
        self.adjustments.mixed_ages = policy;
        self
    }

    /// `--calendrier`: the official school calendar file.
    pub fn with_calendar_file(mut self, path: Option<PathBuf>) -> Self {
        self.adjustments.calendar_file = path;
        self
    }

    pub fn with_attendance(mut self, percent: Option<i32>) -> Self {
        self.adjustments.attendance_percent = percent.unwrap_or(0);
        self
    }

    /// `--from` / `--to`; an empty period is a usage error.
    pub fn with_period(
        mut self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Self, Failure> {
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(Failure::Usage(format!(
                "--du {from} est après --au {to} : la période est vide"
            )));
        }
        self.adjustments.from = from;
        self.adjustments.to = to;
        Ok(self)
    }

    pub fn with_solver(mut self, solver: SolverSettings) -> Self {
        self.solver = solver;
        self
    }
}
