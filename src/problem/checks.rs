//! Inputs the law cannot be applied to: refused with a message that names the cell to fill.

use std::collections::BTreeMap;

use crate::domain::{Accueil, AcmType, Prevision};
use crate::error::InputError;
use crate::rules::director;

/// An accueil de loisirs above 80 minors (declared or forecast) whose `Jours d'ouverture par an`
/// is empty: the 80 days × 80 minors rule (R227-14 III) decides who may direct, and it cannot be
/// decided. Not an error with the préfet's derogation, which lets a BAFD holder direct anyway.
pub fn undecidable_director_rule(
    accueils: &[Accueil],
    peaks: &BTreeMap<String, u32>,
) -> Vec<InputError> {
    accueils
        .iter()
        .filter(|a| director::is_accueil_de_loisirs(a.kind))
        .filter(|a| a.jours_ouverture.is_none() && !a.derogation_direction)
        .filter_map(|a| {
            let peak = peaks.get(&a.code).copied().unwrap_or(0);
            let minors = director::minors_counted(a, peak);
            (minors > director::PROFESSIONAL_DIRECTOR_MINORS).then(|| {
                let (what, count) = if peak > a.capacite {
                    ("enfants prévus", peak)
                } else {
                    ("places déclarées", a.capacite)
                };
                InputError::new(
                    &a.source.file,
                    format!(
                        "accueil {} : {count} {what}, plus de {} mineurs ; le nombre de jours \
                         d'ouverture par an décide qui peut diriger (plus de {} jours et plus de \
                         {} mineurs : diplôme professionnel, CASF R227-14 III) : indiquez-le, ou \
                         « oui » dans Derogation direction si le préfet l'a accordée",
                        a.code,
                        director::PROFESSIONAL_DIRECTOR_MINORS,
                        director::PROFESSIONAL_DIRECTOR_DAYS,
                        director::PROFESSIONAL_DIRECTOR_MINORS,
                    ),
                )
                .sheet(&a.source.sheet)
                .row(a.source.row)
                .column("Jours d'ouverture par an")
            })
        })
        .collect()
}

/// Children under 6 forecast in a séjour declared for minors all aged 14 or more (arrêté
/// 13/02/2007 art. 1 e: the director may then count in N, which is wrong for younger children).
pub fn younger_children_in_teen_sejour(
    accueil: &Accueil,
    forecast: &Prevision,
) -> Option<InputError> {
    (accueil.kind == AcmType::Sejour && accueil.tous_14_ans_et_plus && forecast.moins_de_6 > 0)
        .then(|| {
            let source = &forecast.source;
            InputError::new(
                &source.file,
                format!(
                    "le séjour {} est déclaré « Tous 14 ans et plus » (feuille Accueils, ligne \
                     {}) mais des enfants de moins de 6 ans sont prévus : corrigez la prévision \
                     ou la déclaration",
                    accueil.code, accueil.source.row
                ),
            )
            .sheet(&source.sheet)
            .row(source.row)
            .column("Moins de 6 ans")
            .value(forecast.moins_de_6.to_string())
        })
}
