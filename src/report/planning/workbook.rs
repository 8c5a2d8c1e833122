//! Building and saving `planning.xlsx`: the sheets in order, each with its print layout.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::report::xlsx::{self, Formats, PrintLayout};

use super::context::SheetContext;
use super::figures::Figures;
use super::report::PlanningReport;
use super::{
    accueils, affectations, animateurs, annee, changements, manques, non_retenus, par_animateur,
    planning_accueil, recrutement, regles, synthese, technique,
};

/// Sheet names, in workbook order (`Annee` goes before `Technique` when it applies).
/// `Affectations` and `Animateurs` are read back by `check`.
pub const SHEETS: [&str; 11] = [
    synthese::NAME,
    planning_accueil::NAME,
    par_animateur::NAME,
    non_retenus::NAME,
    "Manques",
    "Recrutement",
    "Accueils",
    "Animateurs",
    "Affectations",
    technique::NAME,
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
    // The grid prints whole weeks on each page, at a scale that fits a week, the names
    // repeated on each page.
    let grid = rows(0)
        .repeating_columns(animateurs::REPEATED_LAST)
        .scaled(animateurs::print_scale(&context));
    // A page per accueil and week, a page per person: a fixed scale, since Excel ignores
    // manual page breaks on a sheet fitted to pages.
    let week_pages = page.scaled(planning_accueil::print_scale(&context));
    let person_pages = page.scaled(par_animateur::SCALE);
    let writers: [(Writer, PrintLayout); 11] = [
        // Three columns that fit A4 landscape at full size, a page break before the chart.
        (synthese::write, page.scaled(100)),
        (planning_accueil::write, week_pages),
        (par_animateur::write, person_pages),
        (non_retenus::write, rows(non_retenus::HEADER_ROW)),
        (manques::write, rows(0)),
        (recrutement::write, rows(recrutement::HEADER_ROW)),
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
        (technique::write, rows(technique::HEADER_ROW).scaled(100)),
        (regles::write, rows(0)),
    ];
    let with_annee = annee::applies(&context);
    let with_changes = report.result.changes.is_some();
    for (name, (writer, layout)) in SHEETS.iter().zip(writers) {
        // Re-planning: what changed, right after the summary.
        if *name == planning_accueil::NAME && with_changes {
            let sheet = workbook.add_worksheet().set_name(changements::NAME)?;
            changements::write(sheet, &context)?;
            xlsx::print_setup(sheet, rows(0))?;
        }
        if *name == technique::NAME && with_annee {
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
