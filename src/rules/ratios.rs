//! Staffing ratios (taux d'encadrement): CASF R227-15, R227-16, R227-17, R227-19 III.

use crate::domain::{AcmType, DayKind};

use super::parameters::Parameters;
use super::ratio::{AppliedRatio, Ratio};

/// "More than 5 consecutive hours" (R227-16 I and II), in minutes.
pub const PERISCOLAIRE_LONG_SESSION_MINUTES: u32 = 5 * 60;

/// The ratio for one slot of an ACM of `kind` on a day of `day_kind`, for a continuous session
/// of `session_minutes` (the périscolaire 5-hour test is on the accueil's continuous span of
/// créneaux, Q3: [`super::DayFacts`]).
pub fn applied_ratio(
    kind: AcmType,
    day_kind: DayKind,
    pedt: bool,
    session_minutes: u32,
    parameters: &Parameters,
) -> AppliedRatio {
    let periscolaire = match kind {
        // Every accueil de loisirs follows the date, whatever its declared type (R227-1 II).
        AcmType::AccueilLoisirs | AcmType::Periscolaire | AcmType::Extrascolaire => {
            match day_kind {
                DayKind::School => true,
                DayKind::Holiday => false,
                // Q6: a weekday without school outside the holidays.
                DayKind::NoSchool => parameters.unclear_weekday_periscolaire,
            }
        }
        _ => false,
    };
    match kind {
        AcmType::Sejour => AppliedRatio {
            ratio: Ratio::new(8, 12),
            regime: "séjour de vacances",
            article: "CASF R227-15",
        },
        AcmType::MiniCamp => AppliedRatio {
            ratio: Ratio::new(8, 12),
            regime: "mini-camp (mineurs de moins de 14 ans)",
            article: "CASF R227-17 al. 2",
        },
        AcmType::AccueilJeunes => AppliedRatio {
            ratio: Ratio::new(
                parameters.accueil_jeunes_ratio,
                parameters.accueil_jeunes_ratio,
            ),
            regime: "accueil de jeunes (taux fixé par convention)",
            article: "CASF R227-19 III",
        },
        _ if !periscolaire => AppliedRatio {
            ratio: Ratio::new(8, 12),
            regime: "extrascolaire",
            article: "CASF R227-15",
        },
        _ => periscolaire_ratio(pedt, session_minutes > PERISCOLAIRE_LONG_SESSION_MINUTES),
    }
}

/// R227-16 I (no PEDT) and II (PEDT), version of décret 2018-647.
fn periscolaire_ratio(pedt: bool, long_session: bool) -> AppliedRatio {
    match (pedt, long_session) {
        (false, true) => AppliedRatio {
            ratio: Ratio::new(8, 12),
            regime: "périscolaire > 5 h sans PEDT",
            article: "CASF R227-16 I",
        },
        (false, false) => AppliedRatio {
            ratio: Ratio::new(10, 14),
            regime: "périscolaire ≤ 5 h sans PEDT",
            article: "CASF R227-16 I",
        },
        (true, true) => AppliedRatio {
            ratio: Ratio::new(10, 14),
            regime: "périscolaire > 5 h avec PEDT",
            article: "CASF R227-16 II",
        },
        (true, false) => AppliedRatio {
            ratio: Ratio::new(14, 18),
            regime: "périscolaire ≤ 5 h avec PEDT",
            article: "CASF R227-16 II",
        },
    }
}
