//! School-holiday zones and the académies in each.
//!
//! The académies of metropolitan France are split into three zones for the winter and spring
//! holidays (arrêté of 15 December 2020, JORF n°0303 of 16 December 2020, NOR MENE2032706A,
//! art. 3; unchanged by the arrêté of 7 December 2022, NOR MENE2229099A, which fixes the
//! calendar of 2023-24 to 2025-26). Corse has its own calendar (code de l'éducation D521-6), so
//! it is a zone of its own here. Caen and Rouen merged into the académie de Normandie on
//! 1 January 2020; their old names are still accepted.

use std::fmt;

use crate::domain::normalize_key;

/// A school-holiday zone of metropolitan France.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum SchoolZone {
    A,
    /// Zone B: the académie de Nantes (Saumur), the default.
    #[default]
    B,
    C,
    /// The académie de Corse, which sets its own dates.
    Corse,
}

impl SchoolZone {
    pub const ALL: [SchoolZone; 4] = [
        SchoolZone::A,
        SchoolZone::B,
        SchoolZone::C,
        SchoolZone::Corse,
    ];

    /// `A`, `B`, `C` or `Corse`: the value of a `Zone` row.
    pub fn code(self) -> &'static str {
        match self {
            SchoolZone::A => "A",
            SchoolZone::B => "B",
            SchoolZone::C => "C",
            SchoolZone::Corse => "Corse",
        }
    }

    /// The name of the ministry's iCalendar file for this zone.
    pub fn ics_file_name(self) -> &'static str {
        match self {
            SchoolZone::A => "Zone-A.ics",
            SchoolZone::B => "Zone-B.ics",
            SchoolZone::C => "Zone-C.ics",
            SchoolZone::Corse => "Zone-A-B-C-Corse.ics",
        }
    }

    /// Reads `A`, `zone b`, `Zone-C`, `Corse` (case, accents, spaces and hyphens ignored).
    pub fn parse(text: &str) -> Option<SchoolZone> {
        let key = normalize_key(text);
        let key = key.strip_prefix("zone").unwrap_or(&key);
        match key {
            "a" => Some(SchoolZone::A),
            "b" => Some(SchoolZone::B),
            "c" => Some(SchoolZone::C),
            "corse" => Some(SchoolZone::Corse),
            _ => None,
        }
    }
}

/// `zone B`, `Corse`.
impl fmt::Display for SchoolZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchoolZone::Corse => f.write_str("Corse"),
            zone => write!(f, "zone {}", zone.code()),
        }
    }
}

/// Every metropolitan académie and its zone, in the order of the arrêté.
pub const ACADEMIES: &[(&str, SchoolZone)] = &[
    ("Besançon", SchoolZone::A),
    ("Bordeaux", SchoolZone::A),
    ("Clermont-Ferrand", SchoolZone::A),
    ("Dijon", SchoolZone::A),
    ("Grenoble", SchoolZone::A),
    ("Limoges", SchoolZone::A),
    ("Lyon", SchoolZone::A),
    ("Poitiers", SchoolZone::A),
    ("Aix-Marseille", SchoolZone::B),
    ("Amiens", SchoolZone::B),
    ("Lille", SchoolZone::B),
    ("Nancy-Metz", SchoolZone::B),
    ("Nantes", SchoolZone::B),
    ("Nice", SchoolZone::B),
    ("Normandie", SchoolZone::B),
    ("Orléans-Tours", SchoolZone::B),
    ("Reims", SchoolZone::B),
    ("Rennes", SchoolZone::B),
    ("Strasbourg", SchoolZone::B),
    ("Créteil", SchoolZone::C),
    ("Montpellier", SchoolZone::C),
    ("Paris", SchoolZone::C),
    ("Toulouse", SchoolZone::C),
    ("Versailles", SchoolZone::C),
    ("Corse", SchoolZone::Corse),
];

/// Former names still written: the académies merged into Normandie in 2020.
const FORMER_NAMES: &[(&str, &str)] = &[("Caen", "Normandie"), ("Rouen", "Normandie")];

/// The default académie (Saumur, Maine-et-Loire).
pub const DEFAULT_ACADEMIE: &str = "Nantes";

/// The académie's canonical name and zone, from a name written with or without `académie de`.
pub fn academie(text: &str) -> Option<(&'static str, SchoolZone)> {
    let key = normalize_key(text);
    let bare = ["academiede", "academied", "academie"]
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix))
        .unwrap_or(&key);
    let current = FORMER_NAMES
        .iter()
        .find(|(old, _)| normalize_key(old) == bare)
        .map_or(bare.to_string(), |(_, new)| normalize_key(new));
    ACADEMIES
        .iter()
        .find(|(name, _)| normalize_key(name) == current)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_and_academies_are_read_as_people_write_them() {
        assert_eq!(SchoolZone::parse("zone A"), Some(SchoolZone::A));
        assert_eq!(SchoolZone::parse(" b "), Some(SchoolZone::B));
        assert_eq!(SchoolZone::parse("Zone-C"), Some(SchoolZone::C));
        assert_eq!(SchoolZone::parse("corse"), Some(SchoolZone::Corse));
        assert_eq!(SchoolZone::parse("D"), None);
        assert_eq!(academie("Lyon"), Some(("Lyon", SchoolZone::A)));
        assert_eq!(
            academie("académie de Nantes"),
            Some(("Nantes", SchoolZone::B))
        );
        assert_eq!(
            academie("orleans tours"),
            Some(("Orléans-Tours", SchoolZone::B))
        );
        assert_eq!(academie("Caen"), Some(("Normandie", SchoolZone::B)));
        assert_eq!(academie("Créteil"), Some(("Créteil", SchoolZone::C)));
        assert_eq!(academie("Atlantide"), None);
    }

    #[test]
    fn every_zone_has_its_academies() {
        let count = |zone| ACADEMIES.iter().filter(|(_, z)| *z == zone).count();
        assert_eq!(count(SchoolZone::A), 8);
        assert_eq!(count(SchoolZone::B), 11);
        assert_eq!(count(SchoolZone::C), 5);
        assert_eq!(count(SchoolZone::Corse), 1);
    }
}
