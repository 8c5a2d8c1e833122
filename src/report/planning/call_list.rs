//! After a re-plan (`plan --previous`), whom to call: the people whose days changed, with
//! their phone where `Telephone` gives it, and the days that changed for each. A person whose
//! only changes are the days they are no longer available (the call-off itself) already knows.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::echoed;
use crate::optimize::{Change, ChangeReason, PlanResult};
use crate::problem::Problem;
use crate::report::wording::{day_month, plural_unless_one};

/// How many people the sentence names; the others are in `Changements`.
const NAMED: usize = 12;

/// The sentence of « Que faire » that lists whom to call, or nothing when no day changed for
/// anyone but the people who called off.
pub fn call_sentences(problem: &Problem, result: &PlanResult) -> Vec<String> {
    let Some(changes) = result.changes.as_deref() else {
        return Vec::new();
    };
    let people = to_call(changes);
    if people.is_empty() {
        return Vec::new();
    }
    let named: Vec<String> = people
        .iter()
        .take(NAMED)
        .map(|(id, dates)| person_words(problem, id, dates))
        .collect();
    let more = people.len().saturating_sub(NAMED);
    let rest = if more > 0 {
        format!(
            " ; et {} (feuille Changements)",
            plural_unless_one(more, "autre personne", "autres personnes")
        )
    } else {
        String::new()
    };
    // Where `Animateurs` has no phone at all, say where they go.
    let no_phones = problem
        .animateurs
        .iter()
        .all(|p| phone(problem, &p.id).is_none());
    let hint = if no_phones {
        " Ajoutez une colonne Telephone à la feuille Animateurs pour avoir les numéros ici."
    } else {
        ""
    };
    vec![format!(
        "Appelez les personnes dont les journées changent (le détail, jour par jour, est dans \
         la feuille Changements) : {}{rest}.{hint}",
        named.join(" ; ")
    )]
}

/// Animateur Id → the dates that changed for them, for everyone with a change other than a
/// day they are no longer available.
fn to_call(changes: &[Change]) -> BTreeMap<&str, Vec<NaiveDate>> {
    let mut people: BTreeMap<&str, Vec<NaiveDate>> = BTreeMap::new();
    for change in changes {
        if matches!(change.reason, ChangeReason::Unavailable) {
            continue;
        }
        let dates = people.entry(change.animateur.as_str()).or_default();
        if !dates.contains(&change.date) {
            dates.push(change.date);
        }
    }
    for dates in people.values_mut() {
        dates.sort_unstable();
    }
    people
}

/// The person's phone, when `Telephone` gives one.
fn phone<'a>(problem: &'a Problem, id: &str) -> Option<&'a str> {
    problem
        .animateur(id)
        .and_then(|p| p.telephone.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// `MARTIN Léa, 06 11 22 33 44 (06/01, 13/01)`; `pas de téléphone dans la feuille Animateurs`
/// when none is given.
fn person_words(problem: &Problem, id: &str, dates: &[NaiveDate]) -> String {
    let name = problem
        .animateur(id)
        .map_or_else(|| id.to_string(), |p| format!("{} {}", p.nom, p.prenom));
    let phone = phone(problem, id).map_or_else(
        || "pas de téléphone dans la feuille Animateurs".to_string(),
        echoed,
    );
    let days: Vec<String> = dates.iter().map(|d| day_month(*d)).collect();
    format!("{}, {phone} ({})", echoed(&name), days.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn change(id: &str, day: u32, reason: ChangeReason) -> Change {
        Change {
            animateur: id.to_string(),
            date: NaiveDate::from_ymd_opt(2027, 1, day).expect("valid date"),
            before: None,
            after: Some(("ALSH".to_string(), Role::Animation)),
            locked: false,
            reason,
        }
    }

    #[test]
    fn who_called_off_is_not_called_back() {
        let changes = [
            change("A1", 6, ChangeReason::Unavailable),
            change("A2", 13, ChangeReason::Reorganised),
            change("A2", 6, ChangeReason::Reorganised),
            change("A3", 6, ChangeReason::NeedAdded),
        ];
        let people = to_call(&changes);
        assert_eq!(people.keys().copied().collect::<Vec<_>>(), ["A2", "A3"]);
        assert_eq!(people["A2"].len(), 2);
        assert!(people["A2"][0] < people["A2"][1], "in date order");
    }
}
