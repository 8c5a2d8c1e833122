//! `Accueils`: one row per ACM (design.md §3).

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Accueils",
    aliases: &["Sites", "ACM"],
    purpose: "Une ligne par accueil collectif de mineurs (ACM) déclaré. Dans chaque feuille, des \
              lignes de titre au-dessus des en-têtes, une ligne Total et des notes sous le \
              tableau sont ignorées, de même que les colonnes en plus (Téléphone, \
              Commentaire…), listées dans les résultats ; un en-tête mal orthographié est \
              signalé.",
    columns: &[
        CODE,
        NOM,
        COMMUNE,
        TYPE,
        PEDT,
        CAPACITE,
        JOURS_OUVERTURE,
        SECTEUR,
        TOUS_14_ANS,
        DEROGATION,
        RATTACHE_A,
    ],
    other_columns: &[],
};

pub const CODE: ColumnSpec = ColumnSpec {
    name: "Code",
    aliases: &["Id", "Code accueil", "Code ACM"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 18.0,
    help: "Identifiant unique de l'accueil ; on le reporte dans la colonne Accueil des \
           Previsions.",
    example: "ALSH-DOUE",
};

pub const NOM: ColumnSpec = ColumnSpec {
    name: "Nom",
    aliases: &[
        "Name",
        "Nom de l'accueil",
        "Nom accueil",
        "Nom de la structure",
    ],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 36.0,
    help: "Nom de l'accueil.",
    example: "Accueil de loisirs Les Arènes",
};

/// Required in the header row; a blank cell is accepted.
pub const COMMUNE: ColumnSpec = ColumnSpec {
    name: "Commune",
    aliases: &["Town", "City", "Ville"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 20.0,
    help: "Commune où se tient l'accueil.",
    example: "Doué-en-Anjou",
};

pub const TYPE: ColumnSpec = ColumnSpec {
    name: "Type",
    aliases: &["Type d'accueil", "Kind"],
    presence: Presence::Required,
    choices: Choices::AcmType,
    width: 20.0,
    help: "accueil de loisirs (périscolaire les jours d'école et le mercredi, extrascolaire \
           pendant les vacances, d'après le calendrier), extrascolaire, periscolaire, sejour, \
           mini-camp ou accueil de jeunes.",
    example: "accueil de loisirs",
};

pub const PEDT: ColumnSpec = ColumnSpec {
    name: "PEDT",
    aliases: &["PEdT", "Projet educatif territorial"],
    presence: Presence::Optional {
        default: Some("non"),
    },
    choices: Choices::OuiNon,
    width: 8.0,
    help: "oui si le périscolaire relève d'un projet éducatif territorial (taux d'encadrement \
           allégés, CASF R227-16 II).",
    example: "non",
};

pub const CAPACITE: ColumnSpec = ColumnSpec {
    name: "Capacite",
    aliases: &["Capacity", "Capacite d'accueil"],
    presence: Presence::Required,
    choices: Choices::Count,
    width: 10.0,
    help: "Nombre maximal de mineurs déclaré ; il détermine les règles de direction.",
    example: "120",
};

pub const JOURS_OUVERTURE: ColumnSpec = ColumnSpec {
    name: "Jours d'ouverture par an",
    aliases: &[
        "Opening days per year",
        "Jours d'ouverture",
        "Opening days",
        "Jours ouverture",
    ],
    presence: Presence::Optional { default: None },
    choices: Choices::Count,
    width: 18.0,
    help: "Jours d'ouverture sur l'année : au-delà de 80 jours et de 80 mineurs, la direction \
           revient à un diplômé professionnel (CASF R227-14 III).",
    example: "180",
};

pub const SECTEUR: ColumnSpec = ColumnSpec {
    name: "Secteur",
    aliases: &["Sector"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 16.0,
    help: "Secteur de mobilité : les animateurs travaillent dans leur secteur, sauf mention \
           dans leur colonne Accueils possibles.",
    example: "Doué",
};

pub const TOUS_14_ANS: ColumnSpec = ColumnSpec {
    name: "Tous 14 ans et plus",
    aliases: &["All 14 and over", "Tous 14 ans ou plus", "14 ans et plus"],
    presence: Presence::Optional {
        default: Some("non"),
    },
    choices: Choices::OuiNon,
    width: 12.0,
    help: "oui pour un séjour dont tous les mineurs ont 14 ans ou plus (le directeur peut \
           alors compter dans l'effectif jusqu'à 20 mineurs).",
    example: "non",
};

pub const DEROGATION: ColumnSpec = ColumnSpec {
    name: "Derogation direction",
    aliases: &["Director derogation", "Derogation"],
    presence: Presence::Optional {
        default: Some("non"),
    },
    choices: Choices::OuiNon,
    width: 12.0,
    help: "oui si le préfet a accordé une dérogation permettant à un titulaire du BAFD de \
           diriger malgré la règle des 80 jours et 80 mineurs.",
    example: "non",
};

pub const RATTACHE_A: ColumnSpec = ColumnSpec {
    name: "Rattache a",
    aliases: &[
        "Rattaché à",
        "Accueil de rattachement",
        "Parent",
        "Attached to",
    ],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 18.0,
    help: "Pour un mini-camp (activité accessoire d'un accueil de loisirs ou d'un accueil de \
           jeunes) : le code de l'accueil auquel il est rattaché ; sa direction l'encadre. \
           Obligatoire pour un mini-camp, vide pour les autres accueils.",
    example: "ALSH-LONGUE",
};
