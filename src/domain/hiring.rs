//! What the local market can supply.

use super::animateur::Qualification;
use super::certificate::Certificate;
use super::money::Cents;
use super::source::SourceRef;

/// A hiring profile of the `Recrutement` sheet: what the local market can supply.
#[derive(Debug, Clone, PartialEq)]
pub struct HiringProfile {
    pub qualification: Qualification,
    /// Certificates the people recruited hold (« BAFA + PSC1 »): a PSC1 holder can give a
    /// séjour its suivi sanitaire.
    pub certificats: Vec<Certificate>,
    /// `None` means any sector.
    pub secteur: Option<String>,
    pub cout_journalier: Cents,
    pub cout_fixe: Cents,
    pub nombre_maximum: u32,
    pub source: SourceRef,
}
