//! Why a slot or an open day stayed short, as values: `explain` finds them, the report words
//! them (`report::planning::reasons`).
//!
//! A `sector` of `None` is the whole territory (an ACM without a sector).

/// Why one available person could not cover a slot, or direct an open day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Obstacle {
    /// Working at another ACM that day.
    Elsewhere,
    /// CEE days cap reached over the rolling year (CASF L432-4).
    CeeCap { limit_days: u32 },
    /// A day off in every 7 (CASF L432-6, Code du travail L3132-2).
    WeeklyRest,
    /// The person's own `Max jours`.
    PersonalCap,
    /// The créneau is longer than the person's daily hour limit.
    Hours,
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
    /// `available` people available and free, too few for the ratio.
    TooFew {
        available: usize,
        sector: Option<String>,
    },
    /// `available` people available, some kept away by `blocked` (in [`Obstacle`] order).
    Blocked {
        available: usize,
        sector: Option<String>,
        blocked: Vec<ObstacleCount>,
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
    /// The possible directors are all busy elsewhere in the plan.
    AllBusy { sector: Option<String> },
    /// The possible directors are kept away by `blocked` (in [`Obstacle`] order).
    Blocked {
        sector: Option<String>,
        blocked: Vec<ObstacleCount>,
    },
}
