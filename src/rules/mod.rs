//! The regulation as pure functions on integers. Every rule cites its article.
//!
//! | Rule | Module | Articles |
//! |---|---|---|
//! | ratios, 5-hour test | [`ratio`], [`ratios`] | CASF R227-15, R227-16, R227-17, R227-19 III |
//! | mixed ages | [`mixed_ages`] | acm-rules.md §2.3 (Q1) |
//! | qualification quotas | [`quotas`] | CASF R227-12 |
//! | director, séjour team, adjoints | [`director`] | CASF R227-14, R227-17, R227-18 |
//! | calendar, public holidays | [`calendar`] | CASF R227-1; Code du travail L3133-1 |
//! | CEE and labour limits | [`labour`] | CASF L432-4, L432-6, D432-2; Code du travail |
//! | qualifications | [`qualifications`] | CASF R227-12, R227-14; arrêté 9 February 2007 |
//! | parameters (`Regles` sheet) | [`parameters`] | acm-rules.md Part A |

pub mod calendar;
pub mod director;
pub mod eligibility;
pub mod health;
pub mod labour;
pub mod mixed_ages;
pub mod parameters;
pub mod qualifications;
pub mod quotas;
pub mod ratio;
pub mod ratios;
pub mod smic;

pub use calendar::Calendar;
pub use mixed_ages::MixedAgePolicy;
pub use parameters::Parameters;
pub use ratio::{AppliedRatio, Ratio};

pub use crate::domain::normalize_key;

use chrono::NaiveDate;

use crate::domain::{Accueil, AcmType, DayKind, Prevision};

/// What the law requires for one ACM × date × créneau.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotRequirement {
    /// The kind of day, for an accueil de loisirs (périscolaire or extrascolaire).
    pub day_kind: Option<DayKind>,
    pub applied: AppliedRatio,
    /// Animateurs by each mixed-age policy, before the minimum team: par-tranche, global, strict.
    pub by_policy: [u32; 3],
    /// The policy applied.
    pub policy: MixedAgePolicy,
    /// N: the legal minimum number of animateurs (R227-15 to R227-19), minimum team included.
    pub required: u32,
    /// R227-12: at least this many qualified (1° + 2°) within N.
    pub min_qualified: u32,
    /// R227-12: at most this many unqualified (4°), whatever the team size.
    pub max_unqualified: u32,
    /// Whether the director counts in N, and as qualified (R227-17 a; arrêté 13/02/2007 art. 1).
    pub director_counts: bool,
    /// R227-14 III: only a professional diploma may direct.
    pub professional_director: bool,
    /// Director plus adjoints required on the day (R227-18), 0 when nobody is expected.
    pub directors: u32,
    /// Extra adults for `Accompagnement renforce` (local policy, on top of N, any category).
    pub extra_renforce: u32,
}

impl SlotRequirement {
    /// N under `policy` (minimum team included).
    pub fn required_under(&self, policy: MixedAgePolicy, kind: AcmType) -> u32 {
        let index = MixedAgePolicy::ALL
            .iter()
            .position(|p| *p == policy)
            .unwrap_or(0);
        let children = self.by_policy[0];
        if children == 0 && self.by_policy.iter().all(|n| *n == 0) {
            0
        } else {
            self.by_policy[index].max(director::minimum_team(kind))
        }
    }

    /// Total adults to staff in animation (N plus the extra dedicated adults).
    pub fn total_animation(&self) -> u32 {
        self.required + self.extra_renforce
    }
}

/// Why a requirement cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequirementError {
    /// An accueil de loisirs on a date the calendar does not know (add a `Calendrier` sheet).
    UnknownDate,
}

/// What the rules need to know of the whole day of one accueil, beyond the slot itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayFacts {
    /// Length of the continuous span of the accueil's créneaux that contains the slot (R227-16:
    /// "plus de cinq heures consécutives" is a property of the accueil's session, not of one
    /// créneau): créneaux with children that touch or overlap form one span.
    pub session_minutes: u32,
    /// Most minors forecast in one créneau of that day, for the thresholds that depend on the
    /// number of minors of the day (director counted, adjoints), with the declared capacity:
    /// [`director::minors_counted`].
    pub day_minors: u32,
    /// Most minors forecast in one créneau over the whole run, for the 80 days × 80 minors rule,
    /// a property of how the accueil is organised.
    pub peak_minors: u32,
}

impl DayFacts {
    /// The facts of a slot seen alone: its own créneau, its own children.
    pub fn of_slot(prevision: &Prevision) -> Self {
        DayFacts {
            session_minutes: prevision.creneau.duration_minutes(),
            day_minors: prevision.children(),
            peak_minors: prevision.children(),
        }
    }
}

/// The legal requirement for one forecast row of `accueil` (R227-12 to R227-19), seen alone: its
/// créneau is its own session, its children the day's. [`day_requirement`] takes the whole day.
pub fn slot_requirement(
    accueil: &Accueil,
    prevision: &Prevision,
    calendar: &Calendar,
    parameters: &Parameters,
) -> Result<SlotRequirement, RequirementError> {
    day_requirement(
        accueil,
        prevision,
        DayFacts::of_slot(prevision),
        calendar,
        parameters,
    )
}

/// The kind of day at an accueil de loisirs, whatever its declared type (R227-1 II, décret
/// 2018-647): périscolaire on school days and Wednesdays, extrascolaire on Saturdays without
/// school, Sundays and holidays. A date the calendar does not know is an error for a plain
/// `accueil de loisirs`; an accueil declared `periscolaire` or `extrascolaire` then keeps its
/// declared kind. `None` for the other ACM.
pub fn day_kind(
    accueil: &Accueil,
    date: NaiveDate,
    calendar: &Calendar,
) -> Result<Option<DayKind>, RequirementError> {
    let declared = match accueil.kind {
        AcmType::AccueilLoisirs => None,
        AcmType::Periscolaire => Some(DayKind::School),
        AcmType::Extrascolaire => Some(DayKind::Holiday),
        _ => return Ok(None),
    };
    match (calendar.classify(date), declared) {
        (Some(kind), _) => Ok(Some(kind)),
        (None, Some(kind)) => Ok(Some(kind)),
        (None, None) => Err(RequirementError::UnknownDate),
    }
}

/// The legal requirement for one forecast row of `accueil` (R227-12 to R227-19), knowing the
/// day around it.
pub fn day_requirement(
    accueil: &Accueil,
    prevision: &Prevision,
    day: DayFacts,
    calendar: &Calendar,
    parameters: &Parameters,
) -> Result<SlotRequirement, RequirementError> {
    let day_kind = day_kind(accueil, prevision.date, calendar)?;
    let applied = ratios::applied_ratio(
        accueil.kind,
        day_kind.unwrap_or(DayKind::Holiday),
        accueil.pedt,
        day.session_minutes,
        parameters,
    );
    let (u6, o6) = (prevision.moins_de_6, prevision.six_et_plus);
    let by_policy = MixedAgePolicy::ALL.map(|policy| policy.required(applied.ratio, u6, o6));
    let policy = parameters.mixed_ages;
    let open = u6 + o6 > 0;
    let required = if open {
        by_policy[MixedAgePolicy::ALL
            .iter()
            .position(|p| *p == policy)
            .unwrap_or(0)]
        .max(director::minimum_team(accueil.kind))
        .max(1)
    } else {
        0
    };
    let minors = director::minors_counted(accueil, day.day_minors);
    let peak = director::minors_counted(accueil, day.peak_minors.max(day.day_minors));
    Ok(SlotRequirement {
        day_kind,
        applied,
        by_policy,
        policy,
        required,
        min_qualified: quotas::min_qualified(required),
        max_unqualified: quotas::max_unqualified(required),
        director_counts: director::director_counts(accueil, minors),
        professional_director: director::professional_director_required(accueil, peak),
        directors: if open {
            director::directors_required(accueil, minors)
        } else {
            0
        },
        extra_renforce: if open { prevision.renforce } else { 0 },
    })
}

/// Whether `animateur` may work at `accueil` (design.md §3): anywhere when `Accueils possibles`
/// says `tous` or when either side has no sector; otherwise in their own sector, plus the ACM
/// codes and sector names listed in `Accueils possibles`. Not a legal rule: the user's mobility.
pub fn may_work_at(animateur: &crate::domain::Animateur, accueil: &Accueil) -> bool {
    let same = |a: &str, b: &str| normalize_key(a) == normalize_key(b);
    let listed = animateur.accueils_possibles.iter().any(|entry| {
        same(entry, "tous")
            || same(entry, &accueil.code)
            || accueil.secteur.as_deref().is_some_and(|s| same(entry, s))
    });
    if listed {
        return true;
    }
    match (&animateur.secteur, &accueil.secteur) {
        (Some(own), Some(site)) => same(own, site),
        _ => animateur.accueils_possibles.is_empty() || animateur.secteur.is_none(),
    }
}
