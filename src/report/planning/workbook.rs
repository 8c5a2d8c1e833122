//! Building and saving `planning.xlsx`: the sheets in order, each with its print layout.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::report::xlsx::{self, Formats, PrintLayout};

use super::context::SheetContext;
use super::figures::Figures;
use super::report::PlanningReport;
use super::{
    accueils, affectations, animateurs, annee, changements, manques, recrutement, regles, synthese,
};

/// Sheet names, in workbook order. `Affectations` and `Animateurs` are read back by `check`.
pub const SHEETS: [&str; 7] = [
    synthese::NAME,
    "Accueils",
    "Animateurs",
    "Affectations",
    "Manques",
    "Recrutement",
    "Regles",
];

/// The document's title in its properties.
const TITLE: &str = "Planning des accueils collectifs de mineurs";

/// Writes `planning.xlsx` to `output` (atomically, through [`xlsx::save_workbook`]).
pub fn write_planning(report: &PlanningReport, output: &Path) -> Result<(), Error> {
    xlsx::save_built(planning_workbook(report), output)
}

/// Builds the sheets in memory.
pub fn planning_workbook(report: &PlanningReport) -> Result<Workbook, XlsxError> {
    let figures = Figures::new(report);
    let formats = Formats::new();
    // Fixed document properties keep the file byte-identical from one run to the next.
    let mut workbook = xlsx::new_workbook(TITLE);
    let context = SheetContext {
        report,
        figures: &figures,
        formats: &formats,
    };
    // Each sheet's writer, and how it prints: A4 landscape, sheet name and page in the footer.
    type Writer = fn(&mut Worksheet, &SheetContext) -> Result<(), XlsxError>;
    let page = PrintLayout::a4(1).with_footer();
    let rows = |last| page.repeating_rows(0, last);
    // The grid prints two weeks a page, names repeated on each page.
    let grid_pages = figures.period_dates().len().div_ceil(14).max(1);
    let grid = PrintLayout {
        pages_wide: u16::try_from(grid_pages).unwrap_or(u16::MAX),
        ..rows(0).repeating_columns(2)
    };
    let writers: [(Writer, PrintLayout); 7] = [
        (synthese::write, page),
        // 25 columns: two pages across, the ACM code repeated.
        (
            accueils::write,
            PrintLayout {
                pages_wide: 2,
                ..rows(0).repeating_columns(0)
            },
        ),
        (animateurs::write, grid),
        (affectations::write, rows(0)),
        (manques::write, rows(0)),
        (recrutement::write, rows(recrutement::HEADER_ROW)),
        (regles::write, rows(0)),
    ];
    let with_annee = annee::applies(&context);
    let with_changes = report.result.changes.is_some();
    for (name, (writer, layout)) in SHEETS.iter().zip(writers) {
        // Re-planning: what changed, right after the summary.
        if *name == "Accueils" && with_changes {
            let sheet = workbook.add_worksheet().set_name(changements::NAME)?;
            changements::write(sheet, &context)?;
            xlsx::print_setup(sheet, rows(0))?;
        }
        if *name == "Regles" && with_annee {
            let sheet = workbook.add_worksheet().set_name(annee::NAME)?;
            annee::write(sheet, &context)?;
            xlsx::print_setup(sheet, rows(annee::HEADER_ROW))?;
        }
        let sheet = workbook.add_worksheet().set_name(*name)?;
        writer(sheet, &context)?;
        xlsx::print_setup(sheet, layout)?;
    }
    Ok(workbook)
}
