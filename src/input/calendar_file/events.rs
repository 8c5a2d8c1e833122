//! What the iCalendar files and the open-data CSV share: the zones a period is for, and the
//! teachers' own dates to leave out.

use crate::domain::normalize_key;
use crate::rules::calendar::SchoolZone;

/// The zones of a zone text: `Zone B`, `Zones A/B/C`, `Zones B/C - Corse`, `Corse`. `None` when
/// a part is not a zone; an empty list when the text names none of A, B, C or Corse but an
/// overseas territory (`Guadeloupe`…), whose rows are not ours.
pub fn zones(text: &str) -> Option<Vec<SchoolZone>> {
    let mut zones = Vec::new();
    for part in text.split(" - ") {
        let key = normalize_key(part);
        if let Some(letters) = key.strip_prefix("zones") {
            for letter in letters.chars() {
                zones.push(SchoolZone::parse(&letter.to_string())?);
            }
        } else if let Some(zone) = SchoolZone::parse(part) {
            zones.push(zone);
        } else if key.starts_with("zone") || key.is_empty() {
            return None;
        }
    }
    Some(zones)
}

/// Whether a period is the teachers' own (the pupils' calendar is the one that counts).
pub fn for_teachers_only(label: &str) -> bool {
    let key = normalize_key(label);
    key.contains("enseignant") && !key.contains("eleve")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_texts_of_the_ministry_files() {
        use SchoolZone::{A, B, C, Corse};
        assert_eq!(zones("Zone B"), Some(vec![B]));
        assert_eq!(zones("Zones A/B/C - Corse"), Some(vec![A, B, C, Corse]));
        assert_eq!(zones("Zones B/C"), Some(vec![B, C]));
        assert_eq!(zones("Corse"), Some(vec![Corse]));
        assert_eq!(zones("Guadeloupe"), Some(vec![]));
        assert_eq!(zones("Zone D"), None);
        assert_eq!(zones("Zones A/E"), None);
    }

    #[test]
    fn teachers_dates_are_told_apart() {
        assert!(for_teachers_only("Vacances d'Été(prérentrée Enseignants)"));
        assert!(!for_teachers_only("Vacances d'Hiver"));
    }
}
