//! acm-planner: parse the command line, call the library, print the summary and map errors to
//! exit codes (0 done, 1 bad input, 2 usage, 3 `check` found violations).
//!
//! The flags are parsed in two layers, as ripgrep does: clap turns them into the raw structs
//! below (each value through a parser of `acm_planner::commands::parse`), then
//! [`Settings`](acm_planner::commands::Settings) holds what the commands trust.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use acm_planner::commands::{self, Failure, Outcome, Settings, SolverSettings, parse};
use acm_planner::rules::MixedAgePolicy;

#[derive(Parser)]
#[command(
    name = "acm-planner",
    version,
    about = "Legal staffing schedules and recruitment gaps for French accueils collectifs de mineurs (ACM)",
    long_about = "Reads attendance forecasts and animateur availability from .xlsx/.ods workbooks, \
                  computes the staff the law requires (CASF R227-12 to R227-20), builds the \
                  least-cost legal schedule with a MILP, and writes Excel reports in French."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The input workbooks, the mixed-age policy and the calendar file, shared by `needs`, `plan`
/// and `check`.
#[derive(Args)]
struct InputArgs {
    /// Input workbooks (.xlsx or .ods); each sheet is found by name in whichever file has it.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// How to count groups mixing under-6s and over-6s: par-tranche, global or strict.
    #[arg(long, value_name = "POLICY", value_parser = parse::mixed_ages)]
    mixed_ages: Option<MixedAgePolicy>,
    /// Official school calendar, read offline: the ministry's Zone-A.ics, Zone-B.ics, Zone-C.ics
    /// or Zone-A-B-C-Corse.ics, the CSV export of fr-en-calendrier-scolaire, or the daily CSV
    /// (date,vacances_zone_a,…). The zone comes from a Zone or Academie row of Regles.
    #[arg(long = "calendrier", value_name = "FICHIER")]
    calendrier: Option<PathBuf>,
}

/// `--attendance`, shared by `needs` and `plan`.
#[derive(Args)]
struct AttendanceArgs {
    /// Scale every forecast, e.g. +10% or -5%.
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true, value_parser = parse::percentage)]
    attendance: Option<i32>,
}

/// `--force`, shared by every command that writes.
#[derive(Args)]
struct ForceArgs {
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Write a blank input workbook: every sheet, headers, drop-down lists and a help sheet.
    Template {
        /// Output workbook.
        #[arg(short, long, default_value = "modele.xlsx")]
        output: PathBuf,
        #[command(flatten)]
        force: ForceArgs,
    },
    /// Legal minimum staffing from the forecasts alone.
    Needs {
        #[command(flatten)]
        input: InputArgs,
        /// Output workbook.
        #[arg(short, long, default_value = "besoins.xlsx")]
        output: PathBuf,
        #[command(flatten)]
        attendance: AttendanceArgs,
        #[command(flatten)]
        force: ForceArgs,
    },
    /// Least-cost legal schedule, shortages and recruitment.
    Plan {
        #[command(flatten)]
        input: InputArgs,
        /// Output workbook.
        #[arg(short, long, default_value = "planning.xlsx")]
        output: PathBuf,
        /// First date to plan (YYYY-MM-DD or DD/MM/YYYY); default: first forecast date.
        #[arg(long, value_parser = parse::date)]
        from: Option<NaiveDate>,
        /// Last date to plan; default: last forecast date.
        #[arg(long, value_parser = parse::date)]
        to: Option<NaiveDate>,
        /// Solver time limit in seconds for the whole run.
        #[arg(long, default_value = "120", value_parser = parse::seconds)]
        time_limit: f64,
        /// Relative MIP gap at which the solver may stop (e.g. 0.01 for 1 %).
        #[arg(long, value_parser = parse::gap)]
        mip_gap: Option<f64>,
        #[command(flatten)]
        attendance: AttendanceArgs,
        /// Do not propose hires where staff is short.
        #[arg(long)]
        no_recruit: bool,
        /// Planning publié avant (sa feuille Affectations) : le nouveau planning en change le
        /// moins possible de journées et garde les lignes « Verrouille » à oui.
        #[arg(long, value_name = "PLANNING")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        force: ForceArgs,
    },
    /// Audit a schedule against the law and list every violation with its article.
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// The schedule to audit (an `Affectations` sheet, or an `Animateurs` grid).
        #[arg(long)]
        schedule: PathBuf,
        /// Output workbook.
        #[arg(short, long, default_value = "conformite.xlsx")]
        output: PathBuf,
        #[command(flatten)]
        force: ForceArgs,
    },
}

impl InputArgs {
    /// The settings every command that reads inputs starts from.
    fn settings(self, output: PathBuf, force: ForceArgs) -> Settings {
        Settings::new(self.inputs, output, force.force)
            .with_mixed_ages(self.mixed_ages)
            .with_calendar_file(self.calendrier)
    }
}

fn print_progress(event: &acm_planner::optimize::Progress<'_>) {
    eprintln!(
        "{}",
        acm_planner::report::planning::reasons::progress_line(event)
    );
}

fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Template { output, force } => commands::template(&output, force.force),
        Command::Needs {
            input,
            output,
            attendance,
            force,
        } => commands::needs(
            &input
                .settings(output, force)
                .with_attendance(attendance.attendance),
        ),
        Command::Plan {
            input,
            output,
            from,
            to,
            time_limit,
            mip_gap,
            attendance,
            no_recruit,
            previous,
            force,
        } => {
            let mut settings = input
                .settings(output, force)
                .with_attendance(attendance.attendance)
                .with_period(from, to)?
                .with_solver(SolverSettings {
                    time_limit_seconds: time_limit,
                    mip_gap,
                    recruit: !no_recruit,
                    previous,
                });
            // Long runs show their progress, only to a person watching a terminal.
            if std::io::stderr().is_terminal() {
                settings.progress = Some(print_progress);
            }
            commands::plan(&settings)
        }
        Command::Check {
            input,
            schedule,
            output,
            force,
        } => commands::check(&input.settings(output, force), &schedule),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(outcome) => {
            print!("{}", outcome.summary);
            ExitCode::from(outcome.exit_code)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("acm-planner : {message}");
            ExitCode::from(2)
        }
        Err(Failure::Run(error)) => {
            eprint!("acm-planner : {error}");
            if !error.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
