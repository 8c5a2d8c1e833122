use chrono::NaiveDate;

use super::creneau::Creneau;
use super::source::SourceRef;

/// The role a person holds in one assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Animation,
    /// Director, or director's adjoint on a large séjour (R227-18).
    Direction,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Animation => "animation",
            Role::Direction => "direction",
        }
    }
}

/// One person working at one ACM, on one date, in one créneau (a row of `Affectations`).
#[derive(Debug, Clone, PartialEq)]
pub struct Affectation {
    pub animateur: String,
    pub accueil: String,
    pub date: NaiveDate,
    pub creneau: Creneau,
    pub role: Role,
    /// Where the row was read from, when it comes from a user's schedule.
    pub source: Option<SourceRef>,
}

/// A plan published before, read back for `plan --previous`: its assignments, and the
/// person-days its `Verrouille` rows make binding (animateur Id, date).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreviousPlan {
    pub assignments: Vec<Affectation>,
    pub locked: std::collections::BTreeSet<(String, NaiveDate)>,
}
