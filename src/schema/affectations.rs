//! `Affectations`: the schedule `check --schedule` reads, as `plan` writes it (possibly edited
//! by hand). Without it, `check` reads an `Animateurs` grid: one row per person found by
//! [`ANIMATEUR`], one column per date, the ACM code in each cell (`ALSH-DOUE (D)` for the
//! director).

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::previsions;
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Affectations",
    aliases: &["Schedule", "Assignments"],
    purpose: "Le planning : une ligne par animateur, accueil, date et créneau ; les colonnes \
              Debut et Fin précisent un créneau hors horaires standard.",
    columns: &[
        ANIMATEUR, ACCUEIL, DATE, CRENEAU, ROLE, DEBUT, FIN, VERROUILLE,
    ],
    other_columns: &[],
};

/// Unlike `Disponibilites`, `Code` is not an alias here: it would be the ACM's.
pub const ANIMATEUR: ColumnSpec = ColumnSpec {
    name: "Animateur",
    aliases: &["Id", "Staff", "Identifiant"],
    presence: Presence::Required,
    choices: Choices::AnimateurId,
    width: 12.0,
    help: "Identifiant de la personne (feuille Animateurs).",
    example: "A12",
};

pub const ACCUEIL: ColumnSpec = ColumnSpec {
    width: 14.0,
    ..previsions::ACCUEIL
};

pub const DATE: ColumnSpec = ColumnSpec {
    presence: Presence::Required,
    width: 11.0,
    help: "Jour travaillé (jj/mm/aaaa).",
    ..previsions::DATE
};

pub const CRENEAU: ColumnSpec = ColumnSpec {
    help: "journee, matin, midi, apres-midi, soir, ou un créneau des prévisions.",
    ..previsions::CRENEAU
};

pub const ROLE: ColumnSpec = ColumnSpec {
    name: "Role",
    aliases: &["Fonction"],
    presence: Presence::Optional {
        default: Some("animation"),
    },
    choices: Choices::Role,
    width: 11.0,
    help: "animation, ou direction pour le directeur ou son adjoint.",
    example: "animation",
};

pub const DEBUT: ColumnSpec = ColumnSpec {
    width: 7.0,
    help: "Heure de début (hh:mm) quand le créneau n'est pas à ses horaires standard.",
    ..previsions::DEBUT
};

pub const FIN: ColumnSpec = ColumnSpec {
    width: 7.0,
    help: "Heure de fin (hh:mm).",
    ..previsions::FIN
};

/// Read by `plan --previous`: a locked row is kept in the new plan unless the new input makes
/// it impossible.
pub const VERROUILLE: ColumnSpec = ColumnSpec {
    name: "Verrouille",
    aliases: &["Verrou", "Locked", "Fixe"],
    presence: Presence::Optional {
        default: Some("non"),
    },
    choices: Choices::OuiNon,
    width: 10.0,
    help: "oui : avec plan --precedent, cette journée de la personne est gardée telle quelle \
           (sauf si les nouvelles données la rendent impossible).",
    example: "non",
};

/// Written by `plan` after the columns `check` reads: the person's name (« À recruter » for a
/// post to fill), and their qualification (read for the posts).
pub const NOM: ColumnSpec = ColumnSpec {
    name: "Nom",
    aliases: &["Name"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 18.0,
    help: "Nom de la personne ; « À recruter » pour un poste à pourvoir (R1, R2…).",
    example: "Martin",
};

pub const QUALIFICATION: ColumnSpec = ColumnSpec {
    name: "Qualification",
    aliases: &["Diplome"],
    presence: Presence::Optional { default: None },
    choices: Choices::Text,
    width: 18.0,
    help: "Qualification de la personne ou du poste à pourvoir.",
    example: "BAFA",
};
