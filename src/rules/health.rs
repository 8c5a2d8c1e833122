//! Suivi sanitaire (arrêté of 20 February 2003): on a séjour de vacances or a mini-camp, a member
//! of each day's team holds the PSC1 (acm-rules.md §5, [S8]).

use crate::domain::{AcmType, Animateur, Certificate};

/// The article cited for the rule.
pub const PSC1_ARTICLE: &str = "arrêté du 20 février 2003";

/// Whether each open day of this kind of ACM needs a PSC1 holder in its team.
pub fn needs_psc1(kind: AcmType) -> bool {
    matches!(kind, AcmType::Sejour | AcmType::MiniCamp)
}

/// Whether the person holds the PSC1. acm-rules.md names only the PSC1 itself, so no other
/// first-aid certificate (PSE, SST) stands for it here.
pub fn holds_psc1(animateur: &Animateur) -> bool {
    animateur.certificats.contains(&Certificate::Psc1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sejours_and_mini_camps_need_a_psc1_holder() {
        assert!(needs_psc1(AcmType::Sejour));
        assert!(needs_psc1(AcmType::MiniCamp));
        assert!(!needs_psc1(AcmType::AccueilLoisirs));
        assert!(!needs_psc1(AcmType::AccueilJeunes));
    }
}
