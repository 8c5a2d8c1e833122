//! `Previsions`: children expected per ACM × date × créneau, or per date range (design.md §3).

use super::choices::Choices;
use super::column::{ColumnSpec, Presence};
use super::dates::{DatesSpec, MONDAY_TO_FRIDAY};
use super::sheet::SheetSpec;

pub const SHEET: SheetSpec = SheetSpec {
    name: "Previsions",
    aliases: &["Forecast", "Forecasts"],
    purpose: "Les enfants attendus : une ligne par accueil, date (ou période Du/Au) et créneau. \
              Exemple de période : Du 06/07/2026, Au 10/07/2026, Jours lun,mar,jeu,ven (tous \
              les jours de la semaine sauf le mercredi). Les jours fériés (14 juillet…) sont \
              retirés des périodes Du/Au des accueils sans hébergement (pour les garder : ligne \
              « Jours feries dans les periodes » = inclus dans Regles) ; une ligne Date un jour \
              férié est gardée.",
    columns: &[
        ACCUEIL,
        DATE,
        DU,
        AU,
        JOURS,
        CRENEAU,
        DEBUT,
        FIN,
        MOINS_DE_6,
        SIX_ET_PLUS,
        RENFORCE,
    ],
    other_columns: &[],
};

/// A row's days: its `Date`, or every day from `Du` to `Au` that is in `Jours` (Monday to
/// Friday without `Jours`).
pub const DATES: DatesSpec = DatesSpec {
    date: DATE,
    du: DU,
    au: AU,
    jours: JOURS,
    default_days: MONDAY_TO_FRIDAY,
};

const DATE_OR_RANGE: Presence = Presence::Alternative("Date, ou Du et Au");

pub const ACCUEIL: ColumnSpec = ColumnSpec {
    name: "Accueil",
    aliases: &["Site", "ACM", "Code accueil", "Code"],
    presence: Presence::Required,
    choices: Choices::AccueilCode,
    width: 18.0,
    help: "Code de l'accueil, tel qu'écrit dans la feuille Accueils.",
    example: "ALSH-DOUE",
};

pub const DATE: ColumnSpec = ColumnSpec {
    name: "Date",
    aliases: &["Jour", "Day"],
    presence: DATE_OR_RANGE,
    choices: Choices::Date,
    width: 12.0,
    help: "Jour de la prévision (jj/mm/aaaa). Laissez vide si la ligne couvre une période \
           Du/Au.",
    example: "06/07/2026",
};

pub const DU: ColumnSpec = ColumnSpec {
    name: "Du",
    aliases: &["From", "Date debut", "Debut periode"],
    presence: DATE_OR_RANGE,
    choices: Choices::Date,
    width: 12.0,
    help: "Premier jour d'une période, à la place de Date.",
    example: "(vide)",
};

pub const AU: ColumnSpec = ColumnSpec {
    name: "Au",
    aliases: &["To", "Date fin", "Fin periode"],
    presence: DATE_OR_RANGE,
    choices: Choices::Date,
    width: 12.0,
    help: "Dernier jour de la période.",
    example: "(vide)",
};

pub const JOURS: ColumnSpec = ColumnSpec {
    name: "Jours",
    aliases: &["Days", "Jours de la semaine"],
    presence: Presence::Optional {
        default: Some("lun à ven"),
    },
    choices: Choices::Text,
    width: 18.0,
    help: "Jours de la semaine concernés par la période, séparés par des virgules : \
           lun,mar,mer,jeu,ven,sam,dim. Vide : du lundi au vendredi.",
    example: "(vide)",
};

pub const CRENEAU: ColumnSpec = ColumnSpec {
    name: "Creneau",
    aliases: &["Slot", "Time slot", "Plage"],
    presence: Presence::Required,
    choices: Choices::Creneau,
    width: 12.0,
    help: "journee, matin, midi, apres-midi ou soir ; un autre nom est possible avec Debut \
           et Fin.",
    example: "journee",
};

pub const DEBUT: ColumnSpec = ColumnSpec {
    name: "Debut",
    aliases: &["Start", "Heure debut", "Heure de debut"],
    presence: Presence::Optional { default: None },
    choices: Choices::Time,
    width: 8.0,
    help: "Heure de début (hh:mm) si elle diffère de l'horaire standard du créneau ; sert \
           au seuil des 5 heures du périscolaire.",
    example: "(vide)",
};

pub const FIN: ColumnSpec = ColumnSpec {
    name: "Fin",
    aliases: &["End", "Heure fin", "Heure de fin"],
    presence: Presence::Optional { default: None },
    choices: Choices::Time,
    width: 8.0,
    help: "Heure de fin (hh:mm).",
    example: "(vide)",
};

pub const MOINS_DE_6: ColumnSpec = ColumnSpec {
    name: "Moins de 6 ans",
    aliases: &[
        "Under 6",
        "Moins 6 ans",
        "- 6 ans",
        "- de 6 ans",
        "Maternelle",
        "Maternelles",
    ],
    presence: Presence::Required,
    choices: Choices::Count,
    width: 10.0,
    help: "Enfants de moins de 6 ans attendus au plus fort du créneau.",
    example: "32",
};

pub const SIX_ET_PLUS: ColumnSpec = ColumnSpec {
    name: "6 ans et plus",
    aliases: &[
        "6 and over",
        "6 ans ou plus",
        "Plus de 6 ans",
        "+ 6 ans",
        "6 ans et +",
        "+ de 6 ans",
        "Elementaire",
        "Elementaires",
    ],
    presence: Presence::Required,
    choices: Choices::Count,
    width: 10.0,
    help: "Enfants de 6 ans et plus attendus au plus fort du créneau.",
    example: "58",
};

pub const RENFORCE: ColumnSpec = ColumnSpec {
    name: "Accompagnement renforce",
    aliases: &["Reinforced support", "Extra support", "Renforce"],
    presence: Presence::Optional { default: Some("0") },
    choices: Choices::Count,
    width: 17.0,
    help: "Enfants qui ont chacun besoin d'un adulte dédié (choix local, en plus du taux \
           légal).",
    example: "1",
};
