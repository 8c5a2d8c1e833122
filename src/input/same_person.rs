//! The same person on two rows of `Animateurs`, under two Ids: refused, naming both rows.
//!
//! Read as two people, she would be planned twice on the same days, and the 80 days of contrat
//! d'engagement éducatif over 12 consecutive months (CASF L432-4) would be counted apart on each
//! row, so the cap would not hold. Two rows are the same person when their `Nom` and `Prenom` are
//! the same as people write them (case, accents, spaces, hyphens and punctuation ignored:
//! [`name_key`]) and their birth dates do not tell them apart: the same date, or a date missing
//! on either row. The same names with two different birth dates are two people (homonyms).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::fold_accents;
use crate::error::InputError;

/// Who one row of `Animateurs` says the person is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    /// 1-based spreadsheet row.
    pub row: u32,
    /// The Id as written.
    pub id: String,
    pub nom: String,
    pub prenom: String,
    pub birth: Option<NaiveDate>,
}

impl Identity {
    /// « Prénom Nom » as written on the row.
    fn written_name(&self) -> String {
        [self.prenom.trim(), self.nom.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A `Nom` or a `Prenom` for comparing people: lower case, accents removed, `œ` and `æ` spelled
/// out, and everything but letters and digits dropped (spaces, hyphens, apostrophes, dots), so
/// « Jean-Noël » and « jean noel » compare equal. Letters of any script are kept.
pub(crate) fn name_key(text: &str) -> String {
    let spelled_out = text
        .replace(['œ', 'Œ'], "oe")
        .replace(['æ', 'Æ'], "ae")
        .replace('ß', "ss");
    fold_accents(&spelled_out)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether two rows with the same names are the same person: their birth dates do not tell
/// them apart.
fn indistinct(first: &Identity, second: &Identity) -> bool {
    match (first.birth, second.birth) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// One error per row that repeats a person of an earlier row (naming the first such row), in
/// row order. `identities` are the rows whose Id and Nom were read, each Id once; `birth_header`
/// is the birth date column as written, `None` when the sheet has none.
pub(crate) fn repeated_people(
    file: &str,
    sheet: &str,
    birth_header: Option<&str>,
    identities: &[Identity],
) -> Vec<InputError> {
    let mut seen: HashMap<(String, String), Vec<&Identity>> = HashMap::new();
    let mut errors = Vec::new();
    for identity in identities {
        let nom = name_key(&identity.nom);
        if nom.is_empty() {
            // A `Nom` without a letter (« ? », « - ») names nobody to compare.
            continue;
        }
        let earlier = seen.entry((nom, name_key(&identity.prenom))).or_default();
        if let Some(first) = earlier.iter().find(|first| indistinct(first, identity)) {
            errors.push(
                InputError::new(file, message(first, identity, birth_header))
                    .sheet(sheet)
                    .on_rows(&[first.row, identity.row]),
            );
        }
        earlier.push(identity);
    }
    errors
}

/// `même personne sous deux Id : « A3 » (ligne 3) et « A7 » (ligne 7), Lucie Martin : …`
fn message(first: &Identity, second: &Identity, birth_header: Option<&str>) -> String {
    let names = if first.written_name() == second.written_name() {
        format!("« {} »", first.written_name())
    } else {
        format!(
            "« {} » et « {} »",
            first.written_name(),
            second.written_name()
        )
    };
    let (why, otherwise) = match (first.birth, second.birth) {
        (Some(date), Some(_)) => (
            format!(
                "même nom, même prénom et même date de naissance ({})",
                date.format("%d/%m/%Y")
            ),
            "ou, si ce sont deux personnes, corrigez le nom, le prénom ou la date de naissance de \
             l'une d'elles"
                .to_string(),
        ),
        (None, None) => (
            "même nom et même prénom, sans date de naissance pour les distinguer".to_string(),
            add_birth_dates(birth_header),
        ),
        (Some(date), None) | (None, Some(date)) => {
            let (dated, undated) = if first.birth.is_some() {
                (first, second)
            } else {
                (second, first)
            };
            (
                format!(
                    "même nom et même prénom ; la ligne {} n'a pas de date de naissance (ligne \
                     {} : {}) : rien ne les distingue",
                    undated.row,
                    dated.row,
                    date.format("%d/%m/%Y")
                ),
                add_birth_dates(birth_header),
            )
        }
    };
    format!(
        "la même personne figure deux fois, sous les Id « {} » (ligne {}) et « {} » (ligne {}) : \
         {names}, {why} ; elle serait planifiée deux fois les mêmes jours et ses jours en contrat \
         d'engagement éducatif comptés à part sur chaque ligne (80 jours au plus sur 12 mois, \
         CASF L432-4) : gardez une seule ligne par personne (et ses disponibilités sous l'Id \
         gardé), {otherwise}",
        first.id, first.row, second.id, second.row
    )
}

/// What to do when two homonyms have no birth date to tell them apart.
fn add_birth_dates(birth_header: Option<&str>) -> String {
    match birth_header {
        Some(header) => format!(
            "ou, si ce sont deux personnes homonymes, indiquez la date de naissance de chacune \
             dans la colonne « {header} »"
        ),
        None => "ou, si ce sont deux personnes homonymes, ajoutez une colonne « Date de \
                 naissance » et indiquez celle de chacune"
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(row: u32, id: &str, nom: &str, prenom: &str, birth: Option<NaiveDate>) -> Identity {
        Identity {
            row,
            id: id.to_string(),
            nom: nom.to_string(),
            prenom: prenom.to_string(),
            birth,
        }
    }

    fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn names_compare_as_people_write_them() {
        let same = [
            ("Lucie", "lucie"),
            ("MARTIN", "Martin"),
            ("Jean-Noël", "jean noel"),
            ("Jean Noël", "JEAN-NOEL"),
            ("Le Goff", "LEGOFF"),
            ("N'Diaye", "Ndiaye"),
            ("  Chloé ", "Chloe"),
            ("Lætitia", "Laetitia"),
            ("Cœur", "Coeur"),
            // A combining accent (decomposed é) is not a letter: dropped like a precomposed one's.
            ("Ame\u{301}lie", "Amélie"),
            ("Łukasz", "łukasz"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        let different = [
            ("Martin", "Martine"),
            ("Lea", "Leo"),
            ("Jean", "Jeanne"),
            ("Łukasz", "Ukasz"),
            ("Renfort 1", "Renfort 2"),
            ("Иван", "Пётр"),
        ];
        for (a, b) in different {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_eq!(name_key("Jean-Noël"), "jeannoel");
        assert_eq!(name_key("?"), "");
    }

    #[test]
    fn homonyms_born_on_different_days_are_two_people() {
        let rows = [
            person(2, "A1", "Martin", "Lucie", date(2005, 3, 12)),
            person(3, "A2", "MARTIN", "lucie", date(2006, 7, 1)),
        ];
        assert!(repeated_people("e.xlsx", "Animateurs", None, &rows).is_empty());
    }

    #[test]
    fn the_same_names_without_a_date_to_tell_them_apart_are_one_person() {
        let cases = [
            (
                date(2005, 3, 12),
                date(2005, 3, 12),
                "même date de naissance (12/03/2005)",
            ),
            (None, None, "sans date de naissance pour les distinguer"),
            (
                date(2005, 3, 12),
                None,
                "la ligne 7 n'a pas de date de naissance (ligne 3 : 12/03/2005)",
            ),
            (
                None,
                date(2005, 3, 12),
                "la ligne 3 n'a pas de date de naissance (ligne 7 : 12/03/2005)",
            ),
        ];
        for (first, second, why) in cases {
            let rows = [
                person(3, "A3", "Martin", "Lucie", first),
                person(5, "A5", "Petit", "Lucie", None),
                person(7, "A7", "MARTIN", "lucie", second),
            ];
            let errors = repeated_people("e.xlsx", "Animateurs", Some("Date de naissance"), &rows);
            assert_eq!(errors.len(), 1, "{errors:?}");
            let text = errors[0].to_string();
            assert!(
                text.starts_with(
                    "e.xlsx, feuille « Animateurs », lignes 3 et 7 : la même personne figure \
                     deux fois, sous les Id « A3 » (ligne 3) et « A7 » (ligne 7) : « Lucie \
                     Martin » et « lucie MARTIN », "
                ),
                "{text}"
            );
            assert!(text.contains(why), "{text}");
            assert!(
                text.contains("gardez une seule ligne par personne"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_person_on_three_rows_is_named_on_each_repeat() {
        let rows = [
            person(2, "A1", "Martin", "Lucie", None),
            person(4, "A2", "Martin", "Lucie", None),
            person(9, "A3", "Martin", "Lucie", None),
            person(10, "A4", "?", "", None),
            person(11, "A5", "-", "", None),
        ];
        let errors = repeated_people("e.xlsx", "Animateurs", None, &rows);
        let rows: Vec<Vec<u32>> = errors.iter().map(InputError::rows).collect();
        assert_eq!(rows, vec![vec![2, 4], vec![2, 9]]);
        assert!(
            errors[0]
                .message
                .contains("ajoutez une colonne « Date de naissance »"),
            "{}",
            errors[0]
        );
    }
}
