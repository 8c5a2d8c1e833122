use chrono::NaiveDate;

use super::creneau::Creneau;
use super::source::SourceRef;

/// Children expected at one ACM, on one date, in one créneau (a row of `Previsions`, after date
/// ranges are expanded).
#[derive(Debug, Clone, PartialEq)]
pub struct Prevision {
    pub accueil: String,
    pub date: NaiveDate,
    pub creneau: Creneau,
    /// Children under 6 at the peak of the créneau.
    pub moins_de_6: u32,
    /// Children aged 6 and over at the peak of the créneau.
    pub six_et_plus: u32,
    /// Children needing one extra dedicated adult each (local policy, on top of N).
    pub renforce: u32,
    pub source: SourceRef,
}

impl Prevision {
    pub fn children(&self) -> u32 {
        self.moins_de_6 + self.six_et_plus
    }
}
