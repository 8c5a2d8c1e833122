//! The regulation as the reports quote it: the staffing ratios of each regime with their
//! article, the 5-hour threshold, and where the user changed a parameter. Both `Regles` sheets
//! (`besoins.xlsx` and `planning.xlsx`) build their texts from here, and this reads `rules`, so
//! a ratio or threshold changed in the law's code shows in every report without restating it.

use crate::domain::{AcmType, DayKind, SourceRef, normalize_key};
use crate::rules::ratios::{PERISCOLAIRE_LONG_SESSION_MINUTES, applied_ratio};
use crate::rules::{AppliedRatio, Parameters};

/// The ratio, regime and article of each kind of accueil the law fixes (the accueil de jeunes
/// is left out: its ratio is a parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LawRatios {
    /// Holidays, Saturdays without school and Sundays (R227-15).
    pub extrascolaire: AppliedRatio,
    /// Périscolaire without a PEDT, a session of more than [`long_session_hours`] (R227-16 I).
    pub periscolaire_long: AppliedRatio,
    /// Périscolaire without a PEDT, a shorter session (R227-16 I).
    pub periscolaire_short: AppliedRatio,
    /// Périscolaire with a PEDT, a long session (R227-16 II).
    pub pedt_long: AppliedRatio,
    /// Périscolaire with a PEDT, a shorter session (R227-16 II).
    pub pedt_short: AppliedRatio,
    /// Séjour de vacances (R227-15).
    pub sejour: AppliedRatio,
    /// Mini-camp attached to an accueil (R227-17 al. 2).
    pub mini_camp: AppliedRatio,
}

impl LawRatios {
    /// The ratios `rules` applies to each regime.
    pub fn new() -> Self {
        let parameters = Parameters::default();
        let long = PERISCOLAIRE_LONG_SESSION_MINUTES + 1;
        let short = PERISCOLAIRE_LONG_SESSION_MINUTES;
        let ratio = |kind, day_kind, pedt, minutes| {
            applied_ratio(kind, day_kind, pedt, minutes, &parameters)
        };
        let school = |pedt, minutes| ratio(AcmType::Periscolaire, DayKind::School, pedt, minutes);
        LawRatios {
            extrascolaire: ratio(AcmType::Extrascolaire, DayKind::Holiday, false, long),
            periscolaire_long: school(false, long),
            periscolaire_short: school(false, short),
            pedt_long: school(true, long),
            pedt_short: school(true, short),
            sejour: ratio(AcmType::Sejour, DayKind::Holiday, false, long),
            mini_camp: ratio(AcmType::MiniCamp, DayKind::Holiday, false, long),
        }
    }
}

impl Default for LawRatios {
    fn default() -> Self {
        Self::new()
    }
}

/// The périscolaire session length above which the tighter ratios apply, in hours (R227-16:
/// « plus de cinq heures consécutives »).
pub fn long_session_hours() -> u32 {
    PERISCOLAIRE_LONG_SESSION_MINUTES / 60
}

/// Where the user's `Regles` sheet set the parameter `name`, if it did (the last row wins;
/// names compared without case, accents or separators).
pub fn overridden_at<'a>(parameters: &'a Parameters, name: &str) -> Option<&'a SourceRef> {
    let key = normalize_key(name);
    parameters
        .overridden
        .iter()
        .rev()
        .find(|(given, _)| normalize_key(given) == key)
        .map(|(_, source)| source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Ratio;

    #[test]
    fn the_catalogue_reads_the_law_from_rules() {
        let law = LawRatios::new();
        assert_eq!(law.extrascolaire.ratio, Ratio::new(8, 12));
        assert_eq!(law.extrascolaire.article, "CASF R227-15");
        assert_eq!(law.periscolaire_long.ratio, Ratio::new(8, 12));
        assert_eq!(law.periscolaire_short.ratio, Ratio::new(10, 14));
        assert_eq!(law.pedt_long.ratio, Ratio::new(10, 14));
        assert_eq!(law.pedt_short.ratio, Ratio::new(14, 18));
        assert_eq!(law.pedt_short.article, "CASF R227-16 II");
        assert_eq!(law.sejour.ratio, Ratio::new(8, 12));
        assert_eq!(law.mini_camp.article, "CASF R227-17 al. 2");
        assert_eq!(long_session_hours(), 5);
    }
}
