//! One column of an input sheet: the header the template writes, the spellings the readers
//! accept, and what the `Aide` sheet says about it.

use super::choices::Choices;
use crate::domain::normalize_key;

/// A column of an input sheet, described once for the readers, the template and the fixture
/// generator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnSpec {
    /// The French header: written by the template, named in messages.
    pub name: &'static str,
    /// The other headers accepted (English, older or common spellings). The first one is quoted
    /// in messages beside the name.
    pub aliases: &'static [&'static str],
    pub presence: Presence,
    /// The values the column takes: a drop-down list or a typed validation in the template.
    pub choices: Choices,
    /// Width in the template, in characters.
    pub width: f64,
    /// What the column means, for the `Aide` sheet and the cell's input message.
    pub help: &'static str,
    /// A value as a user would write it, for the `Aide` sheet.
    pub example: &'static str,
}

/// Whether a column must be in the header row, as the `Aide` sheet tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// The sheet is not read without it.
    Required,
    /// May be left out; `default` says what a blank cell stands for (`non`, `0`, `tous`…).
    Optional { default: Option<&'static str> },
    /// Required unless other columns stand in for it, said in words (`Date, ou Du et Au`).
    Alternative(&'static str),
}

impl ColumnSpec {
    /// The name, then every alias.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }

    /// Whether a header written in a file is this column: case, accents, spaces and punctuation
    /// are ignored, and so is a note in parentheses (`Capacité (places)`, `Coût journalier (€)`).
    pub fn matches(&self, header: &str) -> bool {
        let without_note = match header.split_once('(') {
            Some((before, _)) if header.trim_end().ends_with(')') => before,
            _ => header,
        };
        [normalize_key(header), normalize_key(without_note)]
            .iter()
            .filter(|key| !key.is_empty())
            .any(|key| self.names().any(|name| normalize_key(name) == *key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn column(name: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
        ColumnSpec {
            name,
            aliases,
            presence: Presence::Required,
            choices: Choices::Text,
            width: 10.0,
            help: "",
            example: "",
        }
    }

    #[test]
    fn headers_match_ignoring_case_accents_spaces_punctuation_and_notes() {
        let capacite = column("Capacite", &["Capacity"]);
        for header in [
            "Capacite",
            "Capacité",
            "CAPACITÉ",
            " capacité ",
            "Capacité *",
            "Capacity",
            "Capacité (places)",
        ] {
            assert!(capacite.matches(header), "{header}");
        }
        for header in ["", "Capacités max", "Places"] {
            assert!(!capacite.matches(header), "{header}");
        }
        let moins = column("Moins de 6 ans", &["Under 6"]);
        assert!(moins.matches("moins-de-6-ans"));
        assert!(moins.matches("Under 6"));
        assert!(!moins.matches("6 ans et plus"));
    }
}
