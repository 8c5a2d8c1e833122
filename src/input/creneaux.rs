//! Créneaux as users write them: the standard labels in their common spellings, and explicit
//! `Debut`/`Fin` times.

use super::cells;
use super::table::RowReader;
use crate::domain::{Minutes, normalize_key};

/// The standard créneau label (`journee`, `matin`, `midi`, `apres-midi`, `soir`) a user's
/// spelling stands for.
pub(crate) fn standard_label(text: &str) -> Option<&'static str> {
    let label = match normalize_key(text).as_str() {
        "journee" | "jour" | "journeecomplete" | "journeeentiere" | "day" | "fullday"
        | "allday" | "wholeday" => "journee",
        "matin" | "matinee" | "morning" => "matin",
        "midi" | "repas" | "pausemeridienne" | "meridienne" | "dejeuner" | "noon" | "lunch"
        | "midday" => "midi",
        "apresmidi" | "aprem" | "afternoon" => "apres-midi",
        "soir" | "soiree" | "evening" => "soir",
        _ => return None,
    };
    Some(label)
}

/// Times a user gave explicitly, for readers that accept optional `Debut`/`Fin`.
pub(crate) fn explicit_times(
    reader: &mut RowReader,
    debut: Option<usize>,
    fin: Option<usize>,
) -> Option<(Minutes, Minutes)> {
    let start = reader.optional(debut, cells::time)?;
    let end = reader.optional(fin, cells::time)?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_labels_in_common_spellings() {
        assert_eq!(standard_label("Journée"), Some("journee"));
        assert_eq!(standard_label("Après-midi"), Some("apres-midi"));
        assert_eq!(standard_label("APRES MIDI"), Some("apres-midi"));
        assert_eq!(standard_label("Matin"), Some("matin"));
        assert_eq!(standard_label("soir"), Some("soir"));
        assert_eq!(standard_label("sortie piscine"), None);
    }
}
