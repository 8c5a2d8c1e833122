//! What every sheet writer of `planning.xlsx` reads: the report, the figures computed once from
//! it, and the cell formats.

use crate::optimize::PlanResult;
use crate::problem::Problem;
use crate::report::xlsx::Formats;

use super::figures::Figures;
use super::report::PlanningReport;

/// What every sheet writer reads.
pub(super) struct SheetContext<'a> {
    pub report: &'a PlanningReport<'a>,
    pub figures: &'a Figures<'a>,
    pub formats: &'a Formats,
}

impl SheetContext<'_> {
    pub fn problem(&self) -> &Problem {
        self.report.problem
    }

    pub fn result(&self) -> &PlanResult {
        self.report.result
    }
}
