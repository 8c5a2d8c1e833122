//! The `Accueils` sheet: one row per ACM (`schema::accueils`).

use std::collections::HashMap;

use super::catalogue::{Catalogue, code_key};
use super::cells;
use super::table::Sheet;
use crate::domain::{Accueil, AcmType, normalize_key};
use crate::error::InputError;
use crate::schema::accueils::{
    CAPACITE, CODE, COMMUNE, DEROGATION, JOURS_OUVERTURE, NOM, PEDT, RATTACHE_A, SECTEUR,
    TOUS_14_ANS, TYPE,
};

/// What the `Accueils` sheet gave: the valid rows, and every code and sector seen (even on rows
/// with other errors, so that one typo does not cascade into "unknown ACM" errors elsewhere).
pub(crate) struct AccueilsRead {
    pub accueils: Vec<Accueil>,
    /// `None` when the sheet could not be read at all: references are then not checked.
    pub catalogue: Option<Catalogue>,
}

pub(crate) fn read(sheet: &Sheet, errors: &mut Vec<InputError>) -> AccueilsRead {
    let columns = [
        sheet.require(&CODE, errors),
        sheet.require(&NOM, errors),
        sheet.require(&COMMUNE, errors),
        sheet.require(&TYPE, errors),
        sheet.require(&CAPACITE, errors),
    ];
    let [
        Some(code),
        Some(nom),
        Some(commune),
        Some(kind),
        Some(capacite),
    ] = columns
    else {
        return AccueilsRead {
            accueils: Vec::new(),
            catalogue: None,
        };
    };
    let pedt = sheet.find(&PEDT);
    let jours = sheet.find(&JOURS_OUVERTURE);
    let secteur = sheet.find(&SECTEUR);
    let tous_14 = sheet.find(&TOUS_14_ANS);
    let derogation = sheet.find(&DEROGATION);
    let parent = sheet.find(&RATTACHE_A);

    let mut accueils = Vec::new();
    let mut catalogue = Catalogue::default();
    let mut first_rows: HashMap<String, u32> = HashMap::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let code_text = reader.required_text(Some(code), CODE.name);
        if let Some(code_text) = &code_text {
            let key = code_key(code_text);
            if let Some(first) = first_rows.get(&key) {
                reader.error(
                    Some(code),
                    CODE.name,
                    format!("code d'accueil en double : déjà utilisé ligne {first}"),
                );
            } else {
                first_rows.insert(key, row.number);
                catalogue.add_code(code_text);
            }
        }
        let secteur_text = reader.text(secteur);
        if let Some(name) = &secteur_text {
            catalogue.add_sector(name);
        }
        let nom_text = reader.required_text(Some(nom), NOM.name);
        let commune_text = reader.text(Some(commune)).unwrap_or_default();
        let kind_value = reader.required(Some(kind), TYPE.name, parse_acm_type);
        if let (Some(code_text), Some(kind_value)) = (&code_text, kind_value) {
            catalogue.add_kind(code_text, kind_value);
        }
        let capacite_value = reader.required(Some(capacite), CAPACITE.name, capacity);
        let jours_value = reader.optional(jours, opening_days);
        let pedt_value = reader.optional(pedt, cells::boolean).unwrap_or(false);
        let tous_14_value = reader.optional(tous_14, cells::boolean).unwrap_or(false);
        let derogation_value = reader.optional(derogation, cells::boolean).unwrap_or(false);
        let parent_text = reader.text(parent);
        if reader.failed() {
            continue;
        }
        let (Some(code_text), Some(nom_text), Some(kind_value), Some(capacite_value)) =
            (code_text, nom_text, kind_value, capacite_value)
        else {
            continue;
        };
        accueils.push(Accueil {
            code: code_text,
            nom: nom_text,
            commune: commune_text,
            kind: kind_value,
            pedt: pedt_value,
            capacite: capacite_value,
            jours_ouverture: jours_value,
            secteur: secteur_text,
            tous_14_ans_et_plus: tous_14_value,
            derogation_direction: derogation_value,
            rattache_a: parent_text,
            source: reader.source(),
        });
    }
    check_parents(sheet, &mut accueils, errors);
    AccueilsRead {
        accueils,
        catalogue: Some(catalogue),
    }
}

/// A mini-camp is an activité accessoire of an accueil de loisirs or an accueil de jeunes (CASF
/// R227-1; acm-rules.md §1.1), directed by its director: `Rattache a` names it. A mini-camp
/// without one, an unknown or unfit parent, or a parent on another kind of ACM is an error. The
/// parent's code is written as in its own row.
fn check_parents(sheet: &Sheet, accueils: &mut [Accueil], errors: &mut Vec<InputError>) {
    let kinds: HashMap<String, (String, AcmType)> = accueils
        .iter()
        .map(|a| (code_key(&a.code), (a.code.clone(), a.kind)))
        .collect();
    for accueil in accueils.iter_mut() {
        let located = |message: String| {
            InputError::new(&sheet.file, message)
                .sheet(&sheet.name)
                .row(accueil.source.row)
                .column(RATTACHE_A.name)
        };
        match (&accueil.rattache_a, accueil.kind) {
            (None, AcmType::MiniCamp) => errors.push(located(format!(
                "le mini-camp {} n'est rattaché à aucun accueil : un mini-camp est une activité \
                 accessoire d'un accueil de loisirs ou d'un accueil de jeunes, dont la direction \
                 l'encadre ; indiquez le code de cet accueil",
                accueil.code
            ))),
            (None, _) => {}
            (Some(parent), AcmType::MiniCamp) => match kinds.get(&code_key(parent)) {
                None => errors.push(
                    located("code d'accueil absent de la feuille Accueils".to_string())
                        .value(parent.clone()),
                ),
                Some((
                    code,
                    AcmType::AccueilLoisirs
                    | AcmType::Periscolaire
                    | AcmType::Extrascolaire
                    | AcmType::AccueilJeunes,
                )) => {
                    accueil.rattache_a = Some(code.clone());
                }
                Some((code, kind)) => errors.push(
                    located(format!(
                        "un mini-camp se rattache à un accueil de loisirs ou à un accueil de \
                         jeunes, pas à {code} ({})",
                        kind.label()
                    ))
                    .value(parent.clone()),
                ),
            },
            (Some(parent), kind) => errors.push(
                located(format!(
                    "seul un mini-camp se rattache à un autre accueil ; {} est de type « {} » : \
                     laissez la cellule vide",
                    accueil.code,
                    kind.label()
                ))
                .value(parent.clone()),
            ),
        }
    }
}

/// The most minors a declaration can plausibly name (the largest accueils take a few hundred).
const MAX_CAPACITY: u32 = 10_000;

/// `Capacite`: a count, not beyond what any ACM declares.
fn capacity(cell: &calamine::Data) -> Result<u32, String> {
    let value = cells::count(cell)?;
    if value > MAX_CAPACITY {
        return Err(format!(
            "capacité invraisemblable : au plus {MAX_CAPACITY} mineurs (nombre maximal de mineurs \
             déclaré pour l'accueil)"
        ));
    }
    Ok(value)
}

/// `Jours d'ouverture par an`: at most 366.
fn opening_days(cell: &calamine::Data) -> Result<u32, String> {
    let value = cells::count(cell)?;
    if value > 366 {
        return Err("au plus 366 jours d'ouverture par an".to_string());
    }
    Ok(value)
}

/// The six ACM types and their common spellings.
pub(crate) fn parse_acm_type(cell: &calamine::Data) -> Result<AcmType, String> {
    let key = normalize_key(&cells::display(cell));
    let kind = match key.as_str() {
        "accueildeloisirs"
        | "alsh"
        | "clsh"
        | "al"
        | "centredeloisirs"
        | "loisirs"
        | "accueildeloisirssanshebergement"
        | "centredeloisirssanshebergement" => Some(AcmType::AccueilLoisirs),
        "extrascolaire"
        | "extra"
        | "alshextrascolaire"
        | "accueildeloisirsextrascolaire"
        | "accueilextrascolaire"
        | "centredeloisirsextrascolaire" => Some(AcmType::Extrascolaire),
        "periscolaire"
        | "peri"
        | "aps"
        | "alp"
        | "accueilperiscolaire"
        | "alshperiscolaire"
        | "accueildeloisirsperiscolaire"
        | "garderieperiscolaire" => Some(AcmType::Periscolaire),
        "sejour"
        | "sejourdevacances"
        | "sejourvacances"
        | "sejouravechebergement"
        | "colonie"
        | "coloniedevacances"
        | "colo" => Some(AcmType::Sejour),
        "minicamp" | "minicamps" | "minisejour" | "camp" => Some(AcmType::MiniCamp),
        "accueildejeunes" | "accueiljeunes" | "espacejeunes" | "localjeunes" => {
            Some(AcmType::AccueilJeunes)
        }
        _ => None,
    };
    kind.ok_or_else(|| {
        let labels: Vec<&str> = AcmType::ALL.iter().map(|t| t.label()).collect();
        format!(
            "type d'accueil inconnu ; valeurs acceptées : {} (ou ALSH, centre de loisirs, \
             séjour de vacances, mini camp)",
            labels.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use calamine::Data;

    use super::*;

    #[test]
    fn acm_types_in_common_spellings() {
        let cases = [
            ("ALSH", AcmType::AccueilLoisirs),
            ("Accueil de loisirs", AcmType::AccueilLoisirs),
            ("centre de loisirs", AcmType::AccueilLoisirs),
            ("extrascolaire", AcmType::Extrascolaire),
            ("Périscolaire", AcmType::Periscolaire),
            ("séjour", AcmType::Sejour),
            ("Séjour de vacances", AcmType::Sejour),
            ("mini-camp", AcmType::MiniCamp),
            ("Mini camp", AcmType::MiniCamp),
            ("accueil de jeunes", AcmType::AccueilJeunes),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_acm_type(&Data::String(text.into())), Ok(expected));
        }
        let error = parse_acm_type(&Data::String("crèche".into())).expect_err("unknown type");
        assert!(
            error.contains("accueil de loisirs, extrascolaire"),
            "{error}"
        );
    }
}
