//! `acm-planner check`: audits a schedule (the `Affectations` sheet `plan` writes, or one typed
//! by hand) against the law and the inputs, writes `conformite.xlsx` and exits with code 3 when
//! there is an infraction (warnings alone give 0).

use std::path::Path;

use super::load::read;
use super::{Failure, Outcome, Settings};
use crate::audit::audit;
use crate::error::Error;
use crate::input::{self, Required, ScheduleReading, ScheduleSheet};
use crate::problem::Problem;
use crate::report::conformite::{CheckedFiles, terminal_summary, write_conformite};
use crate::report::echo::with_echo;

/// Exit code when the schedule breaks at least one rule (design.md §2).
pub const EXIT_VIOLATIONS: u8 = 3;

/// `acm-planner check`.
/// `sheet` is `--feuille`: which sheet of a planning workbook to read when it has both the
/// `Affectations` list and the `Animateurs` grid; without it, two sheets that disagree are a
/// usage error listing the first differences.
pub fn check(
    settings: &Settings,
    schedule: &Path,
    sheet: Option<ScheduleSheet>,
) -> Result<Outcome, Failure> {
    if !schedule.exists() {
        return Err(Failure::Run(Error::io(
            schedule.display(),
            "fichier introuvable",
        )));
    }
    if same_file(schedule, &settings.output.path) {
        return Err(Failure::Run(Error::Output {
            path: settings.output.path.display().to_string(),
            message: "ce fichier est le planning à vérifier ; choisissez un autre nom de sortie \
                      avec -o (un fichier d'entrée n'est jamais écrasé)"
                .to_string(),
        }));
    }
    let mut inputs = read(settings, Required::ForecastsAndStaff)?;
    let affectations = match input::read_schedule_sheet(schedule, &inputs, sheet)? {
        ScheduleReading::Read(affectations) => affectations,
        ScheduleReading::Disagree(disagreement) => {
            return Err(Failure::Usage(disagreement.to_string()));
        }
    };
    // The posts to fill of a planning workbook are audited like staff.
    let posts = input::read_recruit_posts(schedule)?;
    input::add_posts(&mut inputs, posts, &affectations);
    let problem = Problem::build(inputs, &settings.adjustments)?;
    let report = audit(&problem, &affectations);
    let input_names: Vec<String> = settings
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let schedule_name = schedule.display().to_string();
    let files = CheckedFiles {
        schedule: &schedule_name,
        inputs: &input_names,
        mixed_ages: problem.parameters.mixed_ages.label(),
    };
    write_conformite(&report, &problem, files, &settings.output.path)?;
    Ok(Outcome {
        summary: with_echo(
            terminal_summary(&report, &problem, &settings.output.path),
            &problem,
        ),
        exit_code: if report.is_legal() {
            0
        } else {
            EXIT_VIOLATIONS
        },
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
