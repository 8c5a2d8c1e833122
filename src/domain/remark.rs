//! What the readers noticed in the user's files without refusing them: rows above the headers,
//! totals and notes skipped, columns ignored, public holidays left out of a range… Each remark
//! says where it comes from, like an error, and is meant to be listed once in the outputs.

use std::fmt;

use super::text::{readable, rows_label};

/// The kind of a remark, for the report to group or filter them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RemarkKind {
    /// Title rows, "mis à jour le" lines or notes above the header row, skipped.
    RowsAboveHeader,
    /// A `Total` (`Totaux`, `Somme`…) row, skipped.
    TotalRow,
    /// Notes under the data, skipped.
    Notes,
    /// Columns no reader knows, ignored.
    IgnoredColumns,
    /// A date header written without its year, read with the year of the forecasts.
    YearFromForecasts,
    /// Forecast dates for which the availability has no column (or no row).
    DatesWithoutAvailability,
    /// Public holidays left out of `Du`/`Au` ranges.
    HolidaysLeftOut,
    /// Public holidays kept in `Du`/`Au` ranges (`Regles`: `Jours feries dans les periodes`).
    HolidaysKept,
    /// Availability rows of the long table that repeat what a row above said (counted once).
    RepeatedAvailability,
    /// `Date` rows of an accueil without accommodation on a public holiday, kept.
    ForecastOnHoliday,
    /// An input workbook open in Excel (its lock file beside it): the saved version is read.
    OpenInExcel,
}

/// One remark on the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRemark {
    pub file: String,
    pub sheet: Option<String>,
    /// The 1-based spreadsheet rows concerned, in order (empty for the whole sheet).
    pub rows: Vec<u32>,
    pub kind: RemarkKind,
    /// What was noticed and done, in French.
    pub message: String,
}

impl InputRemark {
    pub fn new(
        file: impl Into<String>,
        sheet: impl Into<String>,
        kind: RemarkKind,
        message: impl Into<String>,
    ) -> Self {
        InputRemark {
            file: file.into(),
            sheet: Some(sheet.into()),
            rows: Vec::new(),
            kind,
            message: message.into(),
        }
    }

    pub fn rows(mut self, rows: impl IntoIterator<Item = u32>) -> Self {
        self.rows = rows.into_iter().collect();
        self.rows.sort_unstable();
        self.rows.dedup();
        self
    }
}

/// `hiver.xlsx, feuille « Previsions », lignes 2 à 4 : ligne de total ignorée`
impl fmt::Display for InputRemark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&readable(&self.file))?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", feuille « {} »", readable(sheet))?;
        }
        if !self.rows.is_empty() {
            write!(f, ", {}", rows_label(&self.rows))?;
        }
        write!(f, " : {}", readable(&self.message))
    }
}
