//! The `Animateurs` sheet: one row per person (`schema::animateurs`).

use std::collections::HashMap;

use calamine::Data;
use chrono::{Datelike, NaiveDate};

use super::catalogue::{Catalogue, code_key};
use super::cells;
use super::same_person::{Identity, repeated_people};
use super::table::Sheet;
use crate::domain::{
    Animateur, Contrat, DirectorLevel, Qualification, did_you_mean, normalize_key,
};
use crate::error::InputError;
use crate::schema::animateurs::{
    ACCUEILS_POSSIBLES, AUTORISATION_DIRIGER, AUTRES_DIPLOMES, CONTRAT, COUT_JOURNALIER, EMAIL, ID,
    JOURS_CEE, MAX_JOURS, NAISSANCE, NOM, PRENOM, QUALIFICATION, SECTEUR, TELEPHONE,
};

/// What the `Animateurs` sheet gave.
pub(crate) struct AnimateursRead {
    pub animateurs: Vec<Animateur>,
    /// Lower-cased Id → (Id as written, row), for every Id seen; `None` when the sheet could not
    /// be read at all.
    pub ids: Option<HashMap<String, (String, u32)>>,
}

pub(crate) fn read(
    sheet: &Sheet,
    catalogue: Option<&Catalogue>,
    errors: &mut Vec<InputError>,
) -> AnimateursRead {
    let columns = [
        sheet.require(&ID, errors),
        sheet.require(&NOM, errors),
        sheet.require(&PRENOM, errors),
        sheet.require(&QUALIFICATION, errors),
        sheet.require(&CONTRAT, errors),
    ];
    let [
        Some(id),
        Some(nom),
        Some(prenom),
        Some(qualification),
        Some(contrat),
    ] = columns
    else {
        return AnimateursRead {
            animateurs: Vec::new(),
            ids: None,
        };
    };
    let jours_cee = sheet.find(&JOURS_CEE);
    let cout = sheet.find(&COUT_JOURNALIER);
    let naissance = sheet.find(&NAISSANCE);
    let secteur = sheet.find(&SECTEUR);
    let possibles = sheet.find(&ACCUEILS_POSSIBLES);
    let max_jours = sheet.find(&MAX_JOURS);
    let autres = sheet.find(&AUTRES_DIPLOMES);
    let autorisation = sheet.find(&AUTORISATION_DIRIGER);
    let telephone = sheet.find(&TELEPHONE);
    let email = sheet.find(&EMAIL);
    let today = chrono::Local::now().date_naive();

    let mut animateurs = Vec::new();
    let mut ids: HashMap<String, (String, u32)> = HashMap::new();
    // Who each row says the person is, whatever else is wrong on the row, so that the same person
    // under two Ids is reported with the row's other errors.
    let mut identities = Vec::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let id_text = reader.required_text(Some(id), ID.name);
        let mut new_id = false;
        if let Some(id_text) = &id_text {
            let key = code_key(id_text);
            if let Some((_, first)) = ids.get(&key) {
                reader.error(
                    Some(id),
                    ID.name,
                    format!("Id d'animateur en double : déjà utilisé ligne {first}"),
                );
            } else {
                ids.insert(key, (id_text.clone(), row.number));
                new_id = true;
            }
        }
        let nom_text = reader.required_text(Some(nom), NOM.name);
        let prenom_text = reader.text(Some(prenom)).unwrap_or_default();
        let diplomas_value =
            reader.required(Some(qualification), QUALIFICATION.name, cells::diplomas);
        let other_certificates = reader
            .optional(autres, cells::certificates)
            .unwrap_or_default();
        let contrat_value = reader.required(Some(contrat), CONTRAT.name, parse_contrat);
        let jours_cee_value = reader.optional(jours_cee, prior_cee_days).unwrap_or(0);
        let cout_value = reader.optional(cout, daily_cost);
        let naissance_value = reader.optional(naissance, |cell| birth_date(cell, today));
        // An unreadable birth date (reported) tells nothing about who the person is.
        let birth_read = naissance_value.is_some() || reader.is_blank(naissance);
        if new_id
            && birth_read
            && let (Some(id_text), Some(nom_text)) = (&id_text, &nom_text)
        {
            identities.push(Identity {
                row: row.number,
                id: id_text.clone(),
                nom: nom_text.clone(),
                prenom: prenom_text.clone(),
                birth: naissance_value,
            });
        }
        let secteur_text = reader.text(secteur);
        let possibles_value = reader
            .optional(possibles, |cell| accueils_possibles(cell, catalogue))
            .unwrap_or_default();
        let max_jours_value = reader.optional(max_jours, cells::count);
        let authorisation_value = reader
            .optional(autorisation, cells::boolean)
            .unwrap_or(false);
        if reader.failed() {
            continue;
        }
        let (Some(id_text), Some(nom_text), Some(diplomas_value), Some(contrat_value)) =
            (id_text, nom_text, diplomas_value, contrat_value)
        else {
            continue;
        };
        let qualification = authorised(diplomas_value.qualification, authorisation_value);
        let mut certificats = diplomas_value.certificats;
        for certificate in other_certificates {
            if !certificats.contains(&certificate) {
                certificats.push(certificate);
            }
        }
        animateurs.push(Animateur {
            id: id_text,
            nom: nom_text,
            prenom: prenom_text,
            qualification,
            certificats,
            contrat: contrat_value,
            jours_cee_anterieurs: jours_cee_value,
            cout_journalier: cout_value,
            date_naissance: naissance_value,
            secteur: secteur_text,
            accueils_possibles: possibles_value,
            max_jours: max_jours_value,
            telephone: reader.text(telephone),
            email: reader.text(email),
            source: reader.source(),
        });
    }
    let birth_header = naissance.map(|index| sheet.column_label(index));
    errors.extend(repeated_people(
        &sheet.file,
        &sheet.name,
        birth_header.as_deref(),
        &identities,
    ));
    AnimateursRead {
        animateurs,
        ids: Some(ids),
    }
}

/// A daily cost beyond any animateur's or director's salary is a typo (a misplaced decimal
/// separator, a pasted number), not a cost.
pub(crate) const MAX_DAILY_COST_EUROS: i64 = 1_000;

/// `Cout journalier`: euros, at most 1 000 € a day.
pub(crate) fn daily_cost(cell: &Data) -> Result<crate::domain::Cents, String> {
    let cost = cells::euros(cell)?;
    if cost > crate::domain::Cents::euros(MAX_DAILY_COST_EUROS) {
        return Err(format!(
            "coût journalier invraisemblable : au plus {MAX_DAILY_COST_EUROS} € par jour travaillé \
             (vérifier le séparateur décimal)"
        ));
    }
    Ok(cost)
}

/// `Jours CEE 12 derniers mois`: at most 80, the legal ceiling of CEE days over 12 months
/// (CASF L432-4).
fn prior_cee_days(cell: &Data) -> Result<u32, String> {
    let days = cells::count(cell)?;
    if days > 80 {
        return Err(
            "au plus 80 jours : un contrat d'engagement éducatif ne permet pas plus de 80 jours \
             sur 12 mois consécutifs (CASF L432-4)"
                .to_string(),
        );
    }
    Ok(days)
}

/// `Date de naissance`: a date in the past, from 1900.
fn birth_date(cell: &Data, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = cells::date(cell)?;
    if date > today {
        return Err(format!(
            "date de naissance dans le futur (aujourd'hui : {})",
            today.format("%d/%m/%Y")
        ));
    }
    if date.year() < 1900 {
        return Err("date de naissance invraisemblable (avant 1900)".to_string());
    }
    Ok(date)
}

/// `CEE`, `CDD`, `CDI`, `titulaire` (or `fonctionnaire`).
fn parse_contrat(cell: &Data) -> Result<Contrat, String> {
    let contrat = match normalize_key(&cells::display(cell)).as_str() {
        "cee" | "contratdengagementeducatif" | "engagementeducatif" => Some(Contrat::Cee),
        "cdd" | "contratadureedeterminee" | "vacataire" | "contractuel" | "contractuelle" => {
            Some(Contrat::Cdd)
        }
        "cdi" | "contratadureeindeterminee" => Some(Contrat::Cdi),
        "titulaire"
        | "fonctionnaire"
        | "fonctionnairetitulaire"
        | "agenttitulaire"
        | "titulairefonctionnaire" => Some(Contrat::Titulaire),
        _ => None,
    };
    contrat.ok_or_else(|| {
        let labels: Vec<&str> = Contrat::ALL.iter().map(|c| c.label()).collect();
        format!(
            "contrat inconnu ; valeurs acceptées : {} (ou fonctionnaire)",
            labels.join(", ")
        )
    })
}

/// `Accueils possibles`: ACM codes, sector names used in `Accueils`, or `tous`, separated by
/// commas or semicolons. Entries are returned as spelled in `Accueils`.
fn accueils_possibles(cell: &Data, catalogue: Option<&Catalogue>) -> Result<Vec<String>, String> {
    let text = cells::display(cell);
    let mut entries = Vec::new();
    let mut unknown = Vec::new();
    for entry in text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let key = normalize_key(entry);
        if matches!(key.as_str(), "tous" | "toutes" | "all") {
            entries.push("tous".to_string());
            continue;
        }
        let Some(catalogue) = catalogue else {
            entries.push(entry.to_string());
            continue;
        };
        match catalogue.code(entry).or_else(|| catalogue.sector(entry)) {
            Some(known) => entries.push(known.to_string()),
            None => unknown.push(entry.to_string()),
        }
    }
    if unknown.is_empty() {
        return Ok(entries);
    }
    let suggestions: Vec<String> = match catalogue {
        Some(catalogue) => unknown
            .iter()
            .filter_map(|entry| {
                let near = catalogue.closest_codes(entry);
                (!near.is_empty()).then(|| format!(" ; « {} » : {}", entry, did_you_mean(&near)))
            })
            .collect(),
        None => Vec::new(),
    };
    Err(format!(
        "accueil ou secteur inconnu : « {} » ; attendu des codes de la feuille « Accueils », des \
         noms de secteur de sa colonne « Secteur », ou « tous », séparés par des virgules{}",
        unknown.join(" », « "),
        suggestions.concat()
    ))
}

/// CASF R227-14 II: a person the préfet authorised to direct may direct where a BAFD holder may
/// (not where R227-14 III reserves the direction to a professional diploma); the label says so.
fn authorised(mut qualification: Qualification, authorisation: bool) -> Qualification {
    if authorisation && qualification.director == DirectorLevel::None {
        qualification.director = DirectorLevel::NonProfessional;
        qualification.label = format!("{} (autorisation de diriger)", qualification.label);
    }
    qualification
}
