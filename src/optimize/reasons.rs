//! Why a slot or an open day stayed short, as values: `explain` finds them, the report words
//! them (`report::planning::reasons`).
//!
//! A `sector` of `None` is the whole territory (an ACM without a sector).

/// Why one available person could not cover a slot, or direct an open day: a rule of the day
/// (the first two, from `rules::eligibility`), or what the rest of the plan has them do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Obstacle {
    /// The work is longer than the person's daily limit (L3121-18: 10 h; L3162-1: 8 h under
    /// 18), whatever the plan.
    Hours { limit_hours: u32 },
    /// A minor on a public holiday (L3164-6).
    PublicHoliday,
    /// Working at another ACM that day.
    Elsewhere,
    /// Already working other créneaux here that day: with this one, more than their daily
    /// limit.
    DayHours,
    /// CEE days cap reached over the rolling year (CASF L432-4).
    CeeCap { limit_days: u32 },
    /// A day off in every 7 (CASF L432-6, Code du travail L3132-2).
    WeeklyRest,
    /// The person's own `Max jours`.
    PersonalCap,
    /// The week's hours with this day: more than 48 h (35 h under 18; L3121-20, L3162-1).
    WeekHours,
    /// A minor's two consecutive days off in the week (L3164-2).
    MinorRest,
    /// Unqualified, and the slot already has its R227-12 share of unqualified staff.
    UnqualifiedCap,
}

/// How many people one obstacle kept away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObstacleCount {
    pub obstacle: Obstacle,
    pub people: usize,
}

/// The binding reason of a slot's shortage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShortageReason {
    /// Nobody of the sector is available that day for that créneau.
    NobodyAvailable { sector: Option<String> },
    /// Enough people, but no qualified one (BAFA or equivalent) available.
    NoQualifiedAvailable { sector: Option<String> },
    /// `available` people available, kept away by `blocked` (in [`Obstacle`] order); `free` of
    /// them kept away by nothing: the plan did not use them, a failure of the calculation.
    Blocked {
        available: usize,
        sector: Option<String>,
        blocked: Vec<ObstacleCount>,
        free: usize,
        /// Qualified staff is short too, and no qualified person is available.
        no_qualified: bool,
    },
}

/// The diploma a director of that ACM needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectorDiploma {
    /// A professional diploma (DEJEPS, BPJEPS LTP…): the ACM opens more than `days` days to
    /// more than `minors` minors (CASF R227-14).
    Professional { days: u32, minors: u32 },
    /// The BAFD or a direction diploma.
    Bafd,
}

/// The binding reason of a missing director.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectorReason {
    /// Nobody of the sector holds the diploma.
    NoHolder {
        diploma: DirectorDiploma,
        sector: Option<String>,
    },
    /// Holders exist, but none is available for the whole day.
    NoneAvailableAllDay {
        diploma: DirectorDiploma,
        sector: Option<String>,
    },
    /// Holders exist, but none is available for any créneau of the day (`Presence de la
    /// direction`: `un creneau`).
    NoneAvailable {
        diploma: DirectorDiploma,
        sector: Option<String>,
    },
    /// The possible directors are kept away by `blocked` (in [`Obstacle`] order); `free` of
    /// them by nothing: the plan did not use them, a failure of the calculation.
    Blocked {
        sector: Option<String>,
        blocked: Vec<ObstacleCount>,
        free: usize,
    },
}
