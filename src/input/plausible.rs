//! Checks across sheets of values that read well one by one but cannot be true together: an
//! accueil declared for 0 minors that expects children.

use std::collections::HashMap;

use crate::domain::{Inputs, rows_label};
use crate::error::InputError;
use crate::schema::{accueils, previsions};

/// The cross-sheet implausibilities of `inputs`.
pub(crate) fn check(inputs: &Inputs) -> Vec<InputError> {
    let mut errors = Vec::new();
    let mut rows_with_children: HashMap<&str, Vec<u32>> = HashMap::new();
    for prevision in inputs.previsions.iter().filter(|p| p.children() > 0) {
        rows_with_children
            .entry(prevision.accueil.as_str())
            .or_default()
            .push(prevision.source.row);
    }
    for accueil in inputs.accueils.iter().filter(|a| a.capacite == 0) {
        let Some(rows) = rows_with_children.get(accueil.code.as_str()) else {
            continue;
        };
        let sheet = inputs
            .previsions
            .iter()
            .find(|p| p.accueil == accueil.code)
            .map_or(previsions::SHEET.name, |p| p.source.sheet.as_str());
        errors.push(
            InputError::new(
                &accueil.source.file,
                format!(
                    "capacité 0 alors que des enfants sont attendus (feuille « {sheet} », {}) : \
                     indiquez le nombre maximal de mineurs déclaré",
                    rows_label(rows)
                ),
            )
            .sheet(&accueil.source.sheet)
            .row(accueil.source.row)
            .column(accueils::CAPACITE.name)
            .value("0"),
        );
    }
    errors
}
