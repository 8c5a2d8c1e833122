//! The optional `Recrutement` sheet: hiring profiles, what the local market can supply
//! (`schema::recrutement`).

use super::animateurs::daily_cost;
use super::cells;
use super::table::Sheet;
use crate::domain::{HiringProfile, normalize_key};
use crate::error::InputError;
use crate::rules::Parameters;
use crate::schema::recrutement::{
    COUT_FIXE, COUT_JOURNALIER, NOMBRE_MAXIMUM, QUALIFICATION, SECTEUR,
};

/// A hiring's fixed cost beyond this is a typo, not a cost.
const MAX_FIXED_COST_EUROS: i64 = 50_000;

/// `Cout fixe d'embauche`: euros, at most 50 000 €.
fn fixed_cost(cell: &calamine::Data) -> Result<crate::domain::Cents, String> {
    let cost = cells::euros(cell)?;
    if cost > crate::domain::Cents::euros(MAX_FIXED_COST_EUROS) {
        return Err(format!(
            "coût fixe d'embauche invraisemblable : au plus {MAX_FIXED_COST_EUROS} €"
        ));
    }
    Ok(cost)
}

/// Hiring profiles; `Cout fixe d'embauche` and `Nombre maximum` default to the `Regles` values.
pub(crate) fn read(
    sheet: &Sheet,
    parameters: &Parameters,
    errors: &mut Vec<InputError>,
) -> Vec<HiringProfile> {
    let (Some(qualification), Some(cout)) = (
        sheet.require(&QUALIFICATION, errors),
        sheet.require(&COUT_JOURNALIER, errors),
    ) else {
        return Vec::new();
    };
    let secteur = sheet.find(&SECTEUR);
    let cout_fixe = sheet.find(&COUT_FIXE);
    let nombre = sheet.find(&NOMBRE_MAXIMUM);
    let mut profiles = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let qualification_value =
            reader.required(Some(qualification), QUALIFICATION.name, cells::diplomas);
        let cout_value = reader.required(Some(cout), COUT_JOURNALIER.name, daily_cost);
        // `tous` (or nothing) means any sector.
        let secteur_text = reader
            .text(secteur)
            .filter(|s| !matches!(normalize_key(s).as_str(), "tous" | "toutes" | "all"));
        let cout_fixe_value = reader
            .optional(cout_fixe, fixed_cost)
            .unwrap_or(parameters.hire_fixed_cost);
        let nombre_value = reader
            .optional(nombre, cells::count)
            .unwrap_or(parameters.hire_max_per_profile);
        if reader.failed() {
            continue;
        }
        let (Some(qualification_value), Some(cout_value)) = (qualification_value, cout_value)
        else {
            continue;
        };
        profiles.push(HiringProfile {
            qualification: qualification_value.qualification,
            certificats: qualification_value.certificats,
            secteur: secteur_text,
            cout_journalier: cout_value,
            cout_fixe: cout_fixe_value,
            nombre_maximum: nombre_value,
            source: reader.source(),
        });
    }
    profiles
}
