//! Groups mixing minors under 6 and aged 6 and over (acm-rules.md §2.3, Q1).

use super::ratio::Ratio;

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
