//! What the problem noticed in the inputs without refusing them: typed, worded at the edge.

use chrono::NaiveDate;

use crate::domain::InputRemark;

/// Something the user should know about their inputs; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remark {
    /// What the readers noticed and did (columns ignored, title or totals rows skipped, dates
    /// read without a year, public holidays left out of a range…).
    Input(InputRemark),
    /// More children forecast than the declared `Capacite` (CASF R227-14, R227-17, R227-18):
    /// the thresholds that depend on the number of minors use the larger number.
    AttendanceAboveCapacity {
        accueil: String,
        capacite: u32,
        /// The most children forecast in one créneau.
        peak: u32,
        /// The dates concerned, in order.
        dates: Vec<NaiveDate>,
        /// Where the forecasts are: file, sheet, and their rows in order.
        file: String,
        sheet: String,
        rows: Vec<u32>,
    },
}
