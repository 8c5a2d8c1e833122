//! `Recrutement` (optional): hiring profiles, what the local market can supply. Its columns are
//! read like those of `Animateurs` with the same name.

use super::animateurs;
use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Recrutement",
    aliases: &["Hiring", "Recruitment"],
    purpose: "Facultative : les profils que l'on peut recruter en renfort, et à quel coût.",
    columns: &[
        QUALIFICATION,
        SECTEUR,
        COUT_JOURNALIER,
        COUT_FIXE,
        NOMBRE_MAXIMUM,
    ],
    other_columns: &[],
};

pub const QUALIFICATION: ColumnSpec = ColumnSpec {
    help: "Qualification du profil recherché.",
    example: "BAFA",
    ..animateurs::QUALIFICATION
};

pub const SECTEUR: ColumnSpec = ColumnSpec {
    presence: Presence::Optional {
        default: Some("tous"),
    },
    help: "Secteur où le profil peut travailler ; vide ou tous : tous les secteurs.",
    ..animateurs::SECTEUR
};

pub const COUT_JOURNALIER: ColumnSpec = ColumnSpec {
    presence: Presence::Required,
    help: "Coût d'une journée de la personne recrutée, en euros.",
    example: "85",
    ..animateurs::COUT_JOURNALIER
};

pub const COUT_FIXE: ColumnSpec = ColumnSpec {
    name: "Cout fixe d'embauche",
    aliases: &["Hiring cost", "Fixed cost", "Cout fixe", "Cout d'embauche"],
    presence: Presence::Optional {
        default: Some("Regles"),
    },
    choices: Choices::Euros,
    width: 14.0,
    help: "Coût fixe d'une embauche (annonce, dossier, formation), en euros ; vide : le \
           paramètre Recrutement cout fixe de la feuille Regles (150 €).",
    example: "150",
};

pub const NOMBRE_MAXIMUM: ColumnSpec = ColumnSpec {
    name: "Nombre maximum",
    aliases: &["Max count", "Maximum", "Nombre max", "Max number"],
    presence: Presence::Optional {
        default: Some("Regles"),
    },
    choices: Choices::Count,
    width: 12.0,
    help: "Combien de personnes de ce profil le territoire peut fournir ; vide : le paramètre \
           Recrutement nombre maximum de la feuille Regles (30).",
    example: "6",
};
