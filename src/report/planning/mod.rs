//! `planning.xlsx`, the output of `plan` (design.md §4), and the terminal summary.
//!
//! Seven sheets, in this order: `Synthese`, `Accueils`, `Animateurs`, `Affectations`,
//! `Manques`, `Recrutement`, `Regles`; plus `Annee` before `Regles` when the plan covers more
//! than one school-holiday period or some school days. Everything a director reads is in
//! French; dates are date cells, money cells carry a euro format, and every text that comes from
//! the user is written as text, never as a formula.
//!
//! The file is deterministic: the same inputs and plan give the same bytes. The document's
//! creation date is fixed and no run time is written (the solver's time is in the terminal
//! summary only).

mod accueils;
mod advice;
mod affectations;
mod animateurs;
mod annee;
mod figures;
pub mod format;
mod manques;
pub mod reasons;
mod recrutement;
mod regles;
mod remarks;
mod summary;
mod synthese;

use std::path::Path;

use chrono::NaiveDate;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::optimize::PlanResult;
use crate::problem::Problem;
use format::PrintLayout;

pub use advice::advice;
pub use figures::{DayCoverage, Figures};
pub use summary::terminal_summary;

/// Sheet names, in workbook order. `Affectations` and `Animateurs` are read back by `check`.
pub const SHEETS: [&str; 7] = [
    "Synthese",
    "Accueils",
    "Animateurs",
    "Affectations",
    "Manques",
    "Recrutement",
    "Regles",
];

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

/// Writes `planning.xlsx` to `output` (atomically, through [`crate::report::save_workbook`]).
pub fn write_planning(report: &PlanningReport, output: &Path) -> Result<(), Error> {
    let mut workbook = planning_workbook(report)
        .map_err(|e| Error::io(output.display(), format!("écriture impossible : {e}")))?;
    crate::report::save_workbook(&mut workbook, output)
}

/// Builds the seven sheets in memory.
pub fn planning_workbook(report: &PlanningReport) -> Result<Workbook, XlsxError> {
    let figures = Figures::new(report);
    let formats = format::Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation date keeps the file byte-identical from one run to the next.
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Planning des accueils collectifs de mineurs")
            .set_author("acm-planner")
            .set_creation_datetime(&created),
    );
    let context = SheetContext {
        report,
        figures: &figures,
        formats: &formats,
    };
    // Each sheet's writer, and how it prints.
    type Writer = fn(&mut Worksheet, &SheetContext) -> Result<(), XlsxError>;
    let rows = |last| PrintLayout {
        header_rows: Some(last),
        ..PrintLayout::default()
    };
    // The grid prints two weeks a page, names repeated on each page.
    let grid_pages = figures.period_dates().len().div_ceil(14).max(1);
    let grid = PrintLayout {
        header_rows: Some(0),
        repeat_columns: Some(2),
        pages_wide: u16::try_from(grid_pages).unwrap_or(u16::MAX),
    };
    let writers: [(Writer, PrintLayout); 7] = [
        (synthese::write, PrintLayout::default()),
        // 25 columns: two pages across, the ACM code repeated.
        (
            accueils::write,
            PrintLayout {
                header_rows: Some(0),
                repeat_columns: Some(0),
                pages_wide: 2,
            },
        ),
        (animateurs::write, grid),
        (affectations::write, rows(0)),
        (manques::write, rows(0)),
        (recrutement::write, rows(recrutement::HEADER_ROW)),
        (regles::write, rows(0)),
    ];
    let with_annee = annee::applies(&context);
    for (name, (writer, layout)) in SHEETS.iter().zip(writers) {
        if *name == "Regles" && with_annee {
            let sheet = workbook.add_worksheet().set_name(annee::NAME)?;
            annee::write(sheet, &context)?;
            format::print_setup(sheet, rows(annee::HEADER_ROW))?;
        }
        let sheet = workbook.add_worksheet().set_name(*name)?;
        writer(sheet, &context)?;
        format::print_setup(sheet, layout)?;
    }
    Ok(workbook)
}

/// What every sheet writer reads.
struct SheetContext<'a> {
    report: &'a PlanningReport<'a>,
    figures: &'a Figures<'a>,
    formats: &'a format::Formats,
}

impl SheetContext<'_> {
    fn problem(&self) -> &Problem {
        self.report.problem
    }

    fn result(&self) -> &PlanResult {
        self.report.result
    }
}
