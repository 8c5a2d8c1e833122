//! Staffing ratios (taux d'encadrement): CASF R227-15, R227-16, R227-17, R227-19 III.

use crate::domain::{AcmType, DayKind};

use super::Parameters;

/// One animateur per `under_6` minors under 6, and per `six_and_over` minors aged 6 and over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    pub under_6: u32,
    pub six_and_over: u32,
}

impl Ratio {
    pub const fn new(under_6: u32, six_and_over: u32) -> Self {
        Ratio {
            under_6,
            six_and_over,
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "1:{} / 1:{}", self.under_6, self.six_and_over)
    }
}

/// The ratio that applies to a slot, with the regime and article that justify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedRatio {
    pub ratio: Ratio,
    /// Regime in French, e.g. `périscolaire ≤ 5 h avec PEDT`.
    pub regime: &'static str,
    pub article: &'static str,
}

/// How to count a group mixing minors under 6 and aged 6 and over (acm-rules.md §2.3, Q1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MixedAgePolicy {
    /// A: `ceil(u6/r_u6) + ceil(o6/r_o6)`, each age band on its own (default).
    #[default]
    ParTranche,
    /// B: `ceil(u6/r_u6 + o6/r_o6)`, the fractional sum, in exact rational arithmetic.
    Global,
    /// C: the under-6 ratio for the whole group when it is mixed.
    Strict,
}

impl MixedAgePolicy {
    pub const ALL: [MixedAgePolicy; 3] = [
        MixedAgePolicy::ParTranche,
        MixedAgePolicy::Global,
        MixedAgePolicy::Strict,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MixedAgePolicy::ParTranche => "par-tranche",
            MixedAgePolicy::Global => "global",
            MixedAgePolicy::Strict => "strict",
        }
    }

    /// Parses `par-tranche`, `global` or `strict` (case, accents and separators ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let key: String = crate::rules::normalize_key(text);
        match key.as_str() {
            "partranche" | "separe" | "separee" | "a" => Some(MixedAgePolicy::ParTranche),
            "global" | "globale" | "somme" | "b" => Some(MixedAgePolicy::Global),
            "strict" | "stricte" | "c" => Some(MixedAgePolicy::Strict),
            _ => None,
        }
    }

    /// Animateurs required for `under_6` and `six_and_over` minors at `ratio` (before any minimum
    /// team size). Integer arithmetic only.
    pub fn required(self, ratio: Ratio, under_6: u32, six_and_over: u32) -> u32 {
        let (ru, ro) = (ratio.under_6.max(1), ratio.six_and_over.max(1));
        match self {
            MixedAgePolicy::ParTranche => under_6.div_ceil(ru) + six_and_over.div_ceil(ro),
            MixedAgePolicy::Global => {
                // ceil(u/ru + o/ro) = ceil((u·ro + o·ru) / (ru·ro)), exactly.
                let numerator =
                    u64::from(under_6) * u64::from(ro) + u64::from(six_and_over) * u64::from(ru);
                let denominator = u64::from(ru) * u64::from(ro);
                u32::try_from(numerator.div_ceil(denominator)).unwrap_or(u32::MAX)
            }
            MixedAgePolicy::Strict => {
                if under_6 > 0 && six_and_over > 0 {
                    (under_6 + six_and_over).div_ceil(ru)
                } else {
                    MixedAgePolicy::ParTranche.required(ratio, under_6, six_and_over)
                }
            }
        }
    }
}

/// "More than 5 consecutive hours" (R227-16 I and II), in minutes.
pub const PERISCOLAIRE_LONG_SESSION_MINUTES: u32 = 5 * 60;

/// The ratio for one slot of an ACM of `kind` on a day of `day_kind`, for a continuous session
/// of `session_minutes` (the périscolaire 5-hour test is per continuous créneau, Q3).
pub fn applied_ratio(
    kind: AcmType,
    day_kind: DayKind,
    pedt: bool,
    session_minutes: u32,
    parameters: &Parameters,
) -> AppliedRatio {
    let periscolaire = match kind {
        AcmType::Periscolaire => true,
        AcmType::AccueilLoisirs => match day_kind {
            DayKind::School => true,
            DayKind::Holiday => false,
            // Q6: a weekday without school outside the holidays.
            DayKind::NoSchool => parameters.unclear_weekday_periscolaire,
        },
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
