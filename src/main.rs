//! acm-planner: parse the command line, call the library, print the summary and map errors to
//! exit codes (0 done, 1 bad input, 2 usage, 3 `check` found violations).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use acm_planner::commands;

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

#[derive(Subcommand)]
enum Command {
    /// Write a blank input workbook: every sheet, headers, drop-down lists and a help sheet.
    Template {
        /// Output workbook.
        #[arg(short, long, default_value = "modele.xlsx")]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Legal minimum staffing from the forecasts alone.
    Needs {
        /// Input workbooks (.xlsx or .ods); each sheet is found by name in whichever file has it.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output workbook.
        #[arg(short, long, default_value = "besoins.xlsx")]
        output: PathBuf,
        /// How to count groups mixing under-6s and over-6s.
        #[arg(long, value_name = "POLICY")]
        mixed_ages: Option<String>,
        /// Scale every forecast, e.g. +10% or -5%.
        #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
        attendance: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Least-cost legal schedule, shortages and recruitment.
    Plan {
        /// Input workbooks (.xlsx or .ods).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output workbook.
        #[arg(short, long, default_value = "planning.xlsx")]
        output: PathBuf,
        /// First date to plan (YYYY-MM-DD or DD/MM/YYYY); default: first forecast date.
        #[arg(long)]
        from: Option<String>,
        /// Last date to plan; default: last forecast date.
        #[arg(long)]
        to: Option<String>,
        /// Solver time limit in seconds for the whole run.
        #[arg(long, default_value_t = 120.0)]
        time_limit: f64,
        /// Relative MIP gap at which the solver may stop (e.g. 0.01 for 1 %).
        #[arg(long)]
        mip_gap: Option<f64>,
        /// How to count groups mixing under-6s and over-6s: par-tranche, global or strict.
        #[arg(long, value_name = "POLICY")]
        mixed_ages: Option<String>,
        /// Scale every forecast, e.g. +10% or -5%.
        #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
        attendance: Option<String>,
        /// Do not propose hires where staff is short.
        #[arg(long)]
        no_recruit: bool,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Audit a schedule against the law and list every violation with its article.
    Check {
        /// Input workbooks (.xlsx or .ods).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The schedule to audit (an `Affectations` sheet, or an `Animateurs` grid).
        #[arg(long)]
        schedule: PathBuf,
        /// Output workbook.
        #[arg(short, long, default_value = "conformite.xlsx")]
        output: PathBuf,
        /// How to count groups mixing under-6s and over-6s.
        #[arg(long, value_name = "POLICY")]
        mixed_ages: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn print_progress(event: &acm_planner::optimize::Progress<'_>) {
    eprintln!(
        "{}",
        acm_planner::report::planning::reasons::progress_line(event)
    );
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Template { output, force } => commands::template(&output, force),
        Command::Needs {
            inputs,
            output,
            mixed_ages,
            attendance,
            force,
        } => commands::Settings::new(inputs, output, force)
            .with_mixed_ages(mixed_ages.as_deref())
            .and_then(|s| s.with_attendance(attendance.as_deref()))
            .and_then(|s| commands::needs(&s)),
        Command::Plan {
            inputs,
            output,
            from,
            to,
            time_limit,
            mip_gap,
            mixed_ages,
            attendance,
            no_recruit,
            force,
        } => commands::Settings::new(inputs, output, force)
            .with_mixed_ages(mixed_ages.as_deref())
            .and_then(|s| s.with_attendance(attendance.as_deref()))
            .and_then(|s| s.with_period(from.as_deref(), to.as_deref()))
            .and_then(|s| s.with_solver(time_limit, mip_gap, !no_recruit))
            .and_then(|mut s| {
                // Long runs show their progress, only to a person watching a terminal.
                if std::io::stderr().is_terminal() {
                    s.progress = Some(print_progress);
                }
                commands::plan(&s)
            }),
        Command::Check {
            inputs,
            schedule,
            output,
            mixed_ages,
            force,
        } => commands::Settings::new(inputs, output, force)
            .with_mixed_ages(mixed_ages.as_deref())
            .and_then(|s| commands::check(&s, &schedule)),
    };
    match result {
        Ok(outcome) => {
            print!("{}", outcome.summary);
            ExitCode::from(outcome.exit_code)
        }
        Err(commands::Failure::Usage(message)) => {
            eprintln!("acm-planner : {message}");
            ExitCode::from(2)
        }
        Err(commands::Failure::Run(error)) => {
            eprint!("acm-planner : {error}");
            if !error.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
