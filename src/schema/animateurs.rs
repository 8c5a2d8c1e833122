//! `Animateurs`: one row per person who may work, in animation or direction (design.md §3).

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Animateurs",
    aliases: &["Staff"],
    purpose: "L'équipe : une ligne par personne qui peut travailler (animation ou direction).",
    columns: &[
        ID,
        NOM,
        PRENOM,
        QUALIFICATION,
        CONTRAT,
        JOURS_CEE,
        COUT_JOURNALIER,
        NAISSANCE,
        SECTEUR,
        ACCUEILS_POSSIBLES,
        MAX_JOURS,
        AUTRES_DIPLOMES,
        AUTORISATION_DIRIGER,
        TELEPHONE,
        EMAIL,
    ],
    other_columns: &[],
};

pub const ID: ColumnSpec = ColumnSpec {
    name: "Id",
    aliases: &["Identifiant", "Matricule", "Code", "Animateur"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 8.0,
    help: "Identifiant unique de la personne ; on le reporte dans Disponibilites. Une seule \
           ligne par personne : deux lignes de même nom et prénom sont refusées, sauf si leurs \
           dates de naissance les distinguent (homonymes).",
    example: "A12",
};

pub const NOM: ColumnSpec = ColumnSpec {
    name: "Nom",
    aliases: &["Name", "Last name", "Nom de famille"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 16.0,
    help: "Nom de famille.",
    example: "Martin",
};

/// Required in the header row; a blank cell is accepted.
pub const PRENOM: ColumnSpec = ColumnSpec {
    name: "Prenom",
    aliases: &["First name", "Firstname"],
    presence: Presence::Required,
    choices: Choices::Text,
    width: 14.0,
    help: "Prénom.",
    example: "Léa",
};

pub const QUALIFICATION: ColumnSpec = ColumnSpec {
    name: "Qualification",
    aliases: &["Diplome", "Qualification BAFA"],
    presence: Presence::Required,
    choices: Choices::Qualification,
    width: 24.0,
    help: "Diplôme ou statut : BAFA, stagiaire BAFA, sans qualification, BAFD, stagiaire \
           BAFD, BPJEPS LTP, DEJEPS… (liste complète plus bas). Plusieurs diplômes peuvent \
           être écrits ensemble (BAFA + PSC1, BAFA, SB, BAFD et PSC1, BAFA (PSC1)) : le \
           meilleur diplôme d'animation ou de direction compte, les autres (PSC1, SB, BNSSA…) \
           sont gardés comme autres diplômes.",
    example: "BAFA + PSC1",
};

pub const AUTRES_DIPLOMES: ColumnSpec = ColumnSpec {
    name: "Autres diplomes",
    aliases: &[
        "Other certificates",
        "Autres qualifications",
        "Autres brevets",
        "Certificats",
    ],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 18.0,
    help: "Autres diplômes utiles, séparés par + ou une virgule : PSC1 (ou AFPS), PSE1, PSE2, \
           SST, SB (surveillant de baignade), BNSSA, MNS (ou BEESAN), permis B. Ils ne changent \
           pas la catégorie légale.",
    example: "PSC1, permis B",
};

pub const CONTRAT: ColumnSpec = ColumnSpec {
    name: "Contrat",
    aliases: &["Contract", "Type de contrat"],
    presence: Presence::Required,
    choices: Choices::Contrat,
    width: 10.0,
    help: "CEE (contrat d'engagement éducatif), CDD, CDI ou titulaire.",
    example: "CEE",
};

pub const JOURS_CEE: ColumnSpec = ColumnSpec {
    name: "Jours CEE 12 derniers mois",
    aliases: &[
        "CEE days last 12 months",
        "Jours CEE",
        "CEE days",
        "Jours CEE anterieurs",
    ],
    presence: Presence::Optional { default: Some("0") },
    choices: Choices::Count,
    width: 14.0,
    help: "Jours déjà travaillés en CEE sur les 12 mois précédant la période (plafond de 80 \
           jours, CASF L432-4).",
    example: "12",
};

pub const COUT_JOURNALIER: ColumnSpec = ColumnSpec {
    name: "Cout journalier",
    aliases: &["Daily cost", "Cout par jour", "Cout jour"],
    presence: Presence::Optional { default: None },
    choices: Choices::Euros,
    width: 11.0,
    help: "Coût d'une journée travaillée, en euros ; vide : le coût par défaut de la feuille \
           Regles (70 €).",
    example: "65",
};

pub const NAISSANCE: ColumnSpec = ColumnSpec {
    name: "Date de naissance",
    aliases: &["Birth date", "Date of birth", "Birthdate", "Naissance"],
    presence: Presence::Optional { default: None },
    choices: Choices::Date,
    width: 13.0,
    help: "Pour les règles des moins de 18 ans (8 h par jour, 35 h par semaine, pas de jour \
           férié), et pour distinguer deux homonymes (même nom, même prénom).",
    example: "14/03/2008",
};

pub const SECTEUR: ColumnSpec = ColumnSpec {
    name: "Secteur",
    aliases: &["Sector"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 16.0,
    help: "Secteur de la personne : elle travaille dans les accueils de ce secteur.",
    example: "Saumur",
};

pub const ACCUEILS_POSSIBLES: ColumnSpec = ColumnSpec {
    name: "Accueils possibles",
    aliases: &["Possible sites", "Sites", "Allowed sites", "Accueils"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 24.0,
    help: "Autres lieux possibles : codes d'accueil ou noms de secteur séparés par des \
           virgules, ou tous.",
    example: "ALSH-DOUE, Gennes",
};

pub const MAX_JOURS: ColumnSpec = ColumnSpec {
    name: "Max jours",
    aliases: &["Max days", "Jours maximum", "Maximum jours"],
    presence: Presence::Optional { default: None },
    choices: Choices::Count,
    width: 10.0,
    help: "Nombre maximal de jours travaillés sur la période (souhait de la personne).",
    example: "20",
};

pub const AUTORISATION_DIRIGER: ColumnSpec = ColumnSpec {
    name: "Autorisation de diriger",
    aliases: &[
        "Autorisation direction",
        "Derogation de direction",
        "Authorised to direct",
    ],
    presence: Presence::Optional {
        default: Some("non"),
    },
    choices: Choices::OuiNon,
    width: 12.0,
    help: "oui si le préfet a autorisé cette personne à diriger (CASF R227-14 II : par exemple un \
           titulaire du BAFA de 21 ans au moins, pour un petit accueil) : elle peut alors diriger \
           là où un BAFD le peut, pas un accueil réservé à un diplôme professionnel (80 jours et 80 \
           mineurs).",
    example: "non",
};

/// Carried over to the person's page of `Par animateur` (what is sent to them).
pub const TELEPHONE: ColumnSpec = ColumnSpec {
    name: "Telephone",
    aliases: &["Tel", "Portable", "Phone", "Numero de telephone"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 14.0,
    help: "Téléphone de la personne, repris sur sa page du planning (Par animateur).",
    example: "06 12 34 56 78",
};

pub const EMAIL: ColumnSpec = ColumnSpec {
    name: "E-mail",
    aliases: &["Email", "Mail", "Courriel", "Adresse mail"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 24.0,
    help: "Adresse e-mail de la personne, reprise sur sa page du planning (Par animateur).",
    example: "lea.martin@example.fr",
};
