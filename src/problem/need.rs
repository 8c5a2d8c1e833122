use super::ids::{AccueilId, ForecastId};
use crate::domain::Prevision;
use crate::rules::SlotRequirement;

/// One forecast slot (ACM × date × créneau) and what the law requires for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub id: ForecastId,
    pub accueil: AccueilId,
    pub forecast: Prevision,
    pub requirement: SlotRequirement,
}
