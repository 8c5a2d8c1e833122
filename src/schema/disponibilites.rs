//! `Disponibilites`, in either layout (design.md §3): a grid as directors collect it (rows:
//! animateur Id; columns: dates; cells `J`, `M`, `AM`, `S` or combinations), which the template
//! offers, or a long table (`Animateur`, `Date` or `Du` + `Au` (+ `Jours`), `Creneau`).

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::dates::DatesSpec;
use super::previsions;
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Disponibilites",
    aliases: &["Availability", "Availabilities"],
    purpose: "Qui est disponible quand : une ligne par animateur (un Id sur deux lignes est \
              refusé), une colonne par date. Chaque en-tête de colonne doit être une date (ou Id, \
              Nom, Prénom) ; une date de prévision sans colonne est signalée.",
    columns: &[ID],
    other_columns: &[
        ANIMATEUR,
        previsions::DATE,
        previsions::DU,
        previsions::AU,
        previsions::JOURS,
        CRENEAU,
    ],
};

/// The grid's first column, as the template writes it; the readers find it as [`ANIMATEUR`]
/// (which accepts `Id`), else take the first column.
pub const ID: ColumnSpec = ColumnSpec {
    name: "Id",
    aliases: &[],
    presence: Presence::Required,
    choices: Choices::AnimateurId,
    width: 10.0,
    help: "Identifiant de l'animateur (feuille Animateurs). Ajoutez ensuite une colonne par date, \
           la date (jj/mm/aaaa, ou « lundi 6 juillet » : l'année est alors celle des \
           prévisions) en en-tête, et un code par case : J, M, AM, S, ou vide (aussi oui, x, \
           non, -, matin, après-midi, soir). Des colonnes Nom et Prénom peuvent suivre l'Id.",
    example: "A12",
};

/// The person, in the long table (and the grid's first column).
pub const ANIMATEUR: ColumnSpec = ColumnSpec {
    name: "Animateur",
    aliases: &["Id", "Staff", "Identifiant", "Code"],
    presence: Presence::Required,
    choices: Choices::AnimateurId,
    width: 10.0,
    help: "Identifiant de l'animateur (feuille Animateurs).",
    example: "A12",
};

/// The long table's part of the day (`journee`, `matin`… or the grid codes).
pub const CRENEAU: ColumnSpec = ColumnSpec {
    name: "Creneau",
    aliases: &[
        "Slot",
        "Disponibilite",
        "Availability",
        "Plage",
        "Code dispo",
    ],
    presence: Presence::Required,
    choices: Choices::Creneau,
    width: 12.0,
    help: "journee, matin, midi, apres-midi ou soir (ou les codes J, M, AM, S).",
    example: "journee",
};

/// The long table's days (Monday to Friday for a range without `Jours`).
pub const DATES: DatesSpec = previsions::DATES;

/// Codes of the grid's cells, offered by its drop-down list.
pub const GRID_CODES: [&str; 4] = ["J", "M", "AM", "S"];

/// Codes of the grid and what they cover, as the `Aide` sheet explains them.
pub const AVAILABILITY_CODES: [(&str, &str); 9] = [
    ("J", "toute la journée : couvre tous les créneaux du jour"),
    ("oui, x, journée", "comme J"),
    (
        "M",
        "le matin : créneaux qui finissent au plus tard à 13h45",
    ),
    (
        "AM",
        "l'après-midi : créneaux qui commencent à partir de 11h45",
    ),
    ("S", "le soir : créneaux qui commencent à partir de 16h00"),
    (
        "(vide)",
        "indisponible ; une journee demande J, ou M et AM le même jour",
    ),
    (
        "non, -, absent, malade, congé, indispo",
        "comme une case vide : indisponible",
    ),
    ("matin, après-midi, soir", "comme M, AM, S"),
    (
        "M+S, M/AM…",
        "plusieurs parties du jour ; majuscules, accents et espaces ne comptent pas",
    ),
];
