//! The four commands, from validated settings to an outcome the binary prints. Libraries never
//! print: the summary text is returned.

mod check;
mod needs;
pub mod output;
mod plan;
mod template;

pub use check::check;
pub use needs::needs;
pub use plan::plan;
pub use template::template;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::Inputs;
use crate::error::Error;
use crate::input::{self, Required};
use crate::problem::{Adjustments, Problem};
use crate::rules::MixedAgePolicy;

/// What a command returns to the binary: the terminal summary and the exit code.
#[derive(Debug)]
pub struct Outcome {
    pub summary: String,
    pub exit_code: u8,
}

/// Why a command did not run: a usage error (exit 2) or a run error (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Run(Error),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Run(error)
    }
}

/// Validated settings shared by `needs`, `plan` and `check`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub inputs: Vec<PathBuf>,
    pub output: PathBuf,
    pub force: bool,
    /// `--mixed-ages`, overriding the `Regles` sheet.
    pub mixed_ages: Option<MixedAgePolicy>,
    /// `--attendance`: forecasts scaled by (100 + percent) / 100, rounded up.
    pub attendance_percent: i32,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub time_limit_seconds: f64,
    pub mip_gap: Option<f64>,
    pub recruit: bool,
    /// Where to send the progress of the solver (the binary: stderr, when it is a terminal).
    pub progress: Option<fn(&crate::optimize::Progress<'_>)>,
}

impl Settings {
    /// What the command line changes in the inputs.
    pub fn adjustments(&self) -> Adjustments {
        Adjustments {
            mixed_ages: self.mixed_ages,
            attendance_percent: self.attendance_percent,
            from: self.from,
            to: self.to,
        }
    }

    pub fn new(inputs: Vec<PathBuf>, output: PathBuf, force: bool) -> Self {
        Settings {
            inputs,
            output,
            force,
            mixed_ages: None,
            attendance_percent: 0,
            from: None,
            to: None,
            time_limit_seconds: 120.0,
            mip_gap: None,
            recruit: true,
            progress: None,
        }
    }

    pub fn with_mixed_ages(mut self, text: Option<&str>) -> Result<Self, Failure> {
        if let Some(text) = text {
            self.mixed_ages = Some(MixedAgePolicy::parse(text).ok_or_else(|| {
                Failure::Usage(format!(
                    "--mixed-ages « {text} » : valeurs acceptées par-tranche, global, strict"
                ))
            })?);
        }
        Ok(self)
    }

    /// Parses `+10%`, `-5 %`, `10`.
    pub fn with_attendance(mut self, text: Option<&str>) -> Result<Self, Failure> {
        if let Some(text) = text {
            let cleaned: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '%')
                .collect();
            let percent: i32 = cleaned.trim_start_matches('+').parse().map_err(|_| {
                Failure::Usage(format!(
                    "--attendance « {text} » : attendu un pourcentage comme +10% ou -5%"
                ))
            })?;
            if percent <= -100 || percent > 1000 {
                return Err(Failure::Usage(format!(
                    "--attendance « {text} » : le pourcentage doit être entre -99% et +1000%"
                )));
            }
            self.attendance_percent = percent;
        }
        Ok(self)
    }

    pub fn with_period(mut self, from: Option<&str>, to: Option<&str>) -> Result<Self, Failure> {
        let parse = |flag: &str, text: &str| {
            parse_cli_date(text).ok_or_else(|| {
                Failure::Usage(format!(
                    "{flag} « {text} » : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA"
                ))
            })
        };
        self.from = from.map(|t| parse("--from", t)).transpose()?;
        self.to = to.map(|t| parse("--to", t)).transpose()?;
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(Failure::Usage(format!(
                "--from {from} est après --to {to} : la période est vide"
            )));
        }
        Ok(self)
    }

    pub fn with_solver(
        mut self,
        time_limit_seconds: f64,
        mip_gap: Option<f64>,
        recruit: bool,
    ) -> Result<Self, Failure> {
        if time_limit_seconds.is_nan() || time_limit_seconds <= 0.0 {
            return Err(Failure::Usage(
                "--time-limit doit être un nombre de secondes > 0".into(),
            ));
        }
        if let Some(gap) = mip_gap
            && !(0.0..1.0).contains(&gap)
        {
            return Err(Failure::Usage(
                "--mip-gap doit être entre 0 et 1 (0.01 pour 1 %)".into(),
            ));
        }
        self.time_limit_seconds = time_limit_seconds;
        self.mip_gap = mip_gap;
        self.recruit = recruit;
        Ok(self)
    }
}

/// `2025-07-07` or `07/07/2025`.
pub fn parse_cli_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// Reads the inputs, applies the `Regles` sheet and the command-line overrides, restricts the
/// forecasts to `--from`/`--to`, scales them by `--attendance`, and computes every requirement.
pub fn load(settings: &Settings, required: Required) -> Result<Problem, Failure> {
    let inputs = read(settings, required)?;
    Ok(Problem::build(inputs, &settings.adjustments())?)
}

/// Checks the input files and the output path, then reads the inputs.
fn read(settings: &Settings, required: Required) -> Result<Inputs, Failure> {
    for input in &settings.inputs {
        if !input.exists() {
            return Err(Failure::Run(Error::io(
                input.display(),
                "fichier introuvable",
            )));
        }
    }
    output::check_output_path(&settings.output, &settings.inputs, settings.force)?;
    Ok(input::read_inputs(&settings.inputs, required)?)
}
