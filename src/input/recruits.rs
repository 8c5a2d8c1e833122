//! The posts to fill of a planning workbook: `Affectations` rows whose `Nom` is « À recruter »
//! (`R1`, `R2`… as `plan` writes them), with the post's qualification. `check` audits them like
//! staff: a post is a person hired on a CEE, available on the days it works.

use std::collections::BTreeMap;

use super::cells;
use super::workbook::Workbooks;
use crate::domain::{Affectation, Animateur, AvailabilityFlags, Contrat, Inputs, normalize_key};
use crate::error::InputError;
use crate::schema::AFFECTATIONS;
use crate::schema::affectations::{ANIMATEUR, NOM, QUALIFICATION};

/// What `Nom` says on a post's rows.
pub const RECRUIT_NAME: &str = "À recruter";

/// The posts of the `Affectations` sheet, as people (Id, qualification; CEE contract).
pub(crate) fn read(workbooks: &mut Workbooks, errors: &mut Vec<InputError>) -> Vec<Animateur> {
    let Some(sheet) = workbooks.sheet(&AFFECTATIONS, false, errors) else {
        return Vec::new();
    };
    let (Some(id), Some(nom), Some(qualification)) = (
        sheet.find(&ANIMATEUR),
        sheet.find(&NOM),
        sheet.find(&QUALIFICATION),
    ) else {
        return Vec::new();
    };
    let mut posts: BTreeMap<String, Animateur> = BTreeMap::new();
    for row in &sheet.rows {
        let mut reader = sheet.reader(row, errors);
        let is_post = reader
            .text(Some(nom))
            .is_some_and(|n| normalize_key(&n) == normalize_key(RECRUIT_NAME));
        if !is_post {
            continue;
        }
        let Some(post) = reader.required_text(Some(id), ANIMATEUR.name) else {
            continue;
        };
        let Some(diplomas) =
            reader.required(Some(qualification), QUALIFICATION.name, cells::diplomas)
        else {
            continue;
        };
        let source = reader.source();
        posts.entry(post.clone()).or_insert_with(|| Animateur {
            id: post,
            nom: RECRUIT_NAME.to_string(),
            prenom: String::new(),
            qualification: diplomas.qualification,
            certificats: diplomas.certificats,
            contrat: Contrat::Cee,
            jours_cee_anterieurs: 0,
            cout_journalier: None,
            date_naissance: None,
            secteur: None,
            accueils_possibles: Vec::new(),
            max_jours: None,
            telephone: None,
            email: None,
            source,
        });
    }
    posts.into_values().collect()
}

/// Adds the posts to the inputs, each available all day on the dates the schedule has it work
/// (a post is hired for those days).
pub fn add_posts(inputs: &mut Inputs, posts: Vec<Animateur>, schedule: &[Affectation]) {
    for post in posts {
        if inputs.animateurs.iter().any(|a| a.id == post.id) {
            continue;
        }
        for row in schedule.iter().filter(|a| a.animateur == post.id) {
            inputs
                .disponibilites
                .add(&post.id, row.date, AvailabilityFlags::JOURNEE);
        }
        inputs.animateurs.push(post);
    }
}
