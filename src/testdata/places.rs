//! The places and people of a Saumur Val de Loire-like agglomeration: real communes grouped in
//! mobility sectors, hand-written profiles for the main ACM, and common French names.

use crate::domain::AcmType;

/// Mobility sectors and their communes (all in the Communauté d'agglomération Saumur Val de
/// Loire). The first commune of each sector is its main town.
pub const SECTORS: [(&str, &[&str]); 5] = [
    (
        "Saumur",
        &[
            "Saumur",
            "Varrains",
            "Chacé",
            "Distré",
            "Fontevraud-l'Abbaye",
            "Montsoreau",
            "Turquant",
            "Parnay",
            "Souzay-Champigny",
            "Villebernier",
            "Varennes-sur-Loire",
            "Artannes-sur-Thouet",
            "Rou-Marson",
        ],
    ),
    ("Doué", &["Doué-en-Anjou", "Les Ulmes", "Tuffalun"]),
    (
        "Longué-Vernantes",
        &[
            "Longué-Jumelles",
            "Vernantes",
            "Allonnes",
            "Brain-sur-Allonnes",
            "Vivy",
            "Blou",
            "Neuillé",
            "Courléon",
        ],
    ),
    (
        "Gennes",
        &[
            "Gennes-Val-de-Loire",
            "Saint-Martin-de-la-Place",
            "Saint-Clément-des-Levées",
        ],
    ),
    (
        "Montreuil-Bellay",
        &[
            "Montreuil-Bellay",
            "Le Coudray-Macouard",
            "Antoigné",
            "Épieds",
            "Brézé",
            "Saint-Just-sur-Dive",
        ],
    ),
];

/// The sector of a commune of [`SECTORS`].
pub fn sector_of(commune: &str) -> &'static str {
    SECTORS
        .iter()
        .find(|(_, communes)| communes.contains(&commune))
        .map_or(SECTORS[0].0, |(sector, _)| sector)
}

/// How an ACM opens over a day and over the summer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// One `journee` row per open day.
    Journee,
    /// `matin` and `apres-midi` rows (half-day accueil, fewer children in the afternoon).
    HalfDays,
    /// `journee` plus a late `soir` (17:30–18:30) for parents who finish late.
    JourneeAndEvening,
    /// `apres-midi` only (an accueil de jeunes).
    Afternoons,
    /// A séjour, Monday to Friday, in the summer weeks selected by the filter.
    Sejour(WeekFilter),
    /// A mini-camp, Tuesday to Thursday, in the summer weeks selected by the filter.
    MiniCamp(WeekFilter),
}

/// Which summer weeks a séjour or mini-camp runs (on the Monday of the week).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekFilter {
    /// July and the first week of August.
    JulyAndEarlyAugust,
    /// July, even ISO weeks.
    JulyEvenWeeks,
    /// July and August, odd ISO weeks.
    OddWeeks,
}

/// A hand-written ACM profile.
#[derive(Debug, Clone, Copy)]
pub struct AcmProfile {
    pub code: &'static str,
    pub nom: &'static str,
    pub commune: &'static str,
    pub kind: AcmType,
    pub capacite: u32,
    pub jours_ouverture: u32,
    pub pedt: bool,
    pub tous_14: bool,
    pub derogation: bool,
    /// Share of children under 6.
    pub under_6_share: f64,
    pub pattern: Pattern,
    /// Days of August the ACM is closed (first, last), if any.
    pub closed_in_august: Option<(u32, u32)>,
    /// Children needing an extra adult, on the days it applies.
    pub renforce: u32,
}

const fn profile(
    code: &'static str,
    nom: &'static str,
    commune: &'static str,
    (capacite, jours_ouverture): (u32, u32),
    under_6_share: f64,
    pattern: Pattern,
    closed_in_august: Option<(u32, u32)>,
) -> AcmProfile {
    AcmProfile {
        code,
        nom,
        commune,
        kind: AcmType::AccueilLoisirs,
        capacite,
        jours_ouverture,
        pedt: false,
        tous_14: false,
        derogation: false,
        under_6_share,
        pattern,
        closed_in_august,
        renforce: 0,
    }
}

/// The main ACM of the territory, biggest first; a spec for N ACM takes the first N, then
/// generated accueils de loisirs in the other communes.
pub const PROFILES: [AcmProfile; 17] = [
    AcmProfile {
        pedt: true,
        ..profile(
            "ALSH-SAUMUR-CV",
            "Accueil de loisirs du Chemin Vert",
            "Saumur",
            (150, 200),
            0.35,
            Pattern::Journee,
            None,
        )
    },
    AcmProfile {
        pedt: true,
        derogation: true,
        renforce: 1,
        ..profile(
            "ALSH-SAUMUR-HIR",
            "Accueil de loisirs Les Hirondelles",
            "Saumur",
            (100, 140),
            0.38,
            Pattern::Journee,
            None,
        )
    },
    AcmProfile {
        pedt: true,
        ..profile(
            "ALSH-DOUE",
            "Accueil de loisirs Les Arènes",
            "Doué-en-Anjou",
            (120, 180),
            0.34,
            Pattern::Journee,
            None,
        )
    },
    profile(
        "ALSH-LONGUE",
        "Accueil de loisirs Les Castors",
        "Longué-Jumelles",
        (90, 150),
        0.33,
        Pattern::Journee,
        None,
    ),
    profile(
        "ALSH-MONTREUIL",
        "Accueil de loisirs La Fontaine",
        "Montreuil-Bellay",
        (70, 110),
        0.36,
        Pattern::Journee,
        Some((10, 21)),
    ),
    profile(
        "ALSH-GENNES",
        "Accueil de loisirs Les Coteaux",
        "Gennes-Val-de-Loire",
        (60, 95),
        0.32,
        Pattern::Journee,
        Some((3, 14)),
    ),
    AcmProfile {
        renforce: 1,
        ..profile(
            "ALSH-SAUMUR-BAG",
            "Accueil de loisirs de Bagneux",
            "Saumur",
            (60, 120),
            0.40,
            Pattern::Journee,
            None,
        )
    },
    profile(
        "ALSH-VERNANTES",
        "Accueil de loisirs Les P'tits Loups",
        "Vernantes",
        (40, 60),
        0.42,
        Pattern::HalfDays,
        Some((10, 21)),
    ),
    profile(
        "ALSH-ALLONNES",
        "Accueil de loisirs Les Mésanges",
        "Allonnes",
        (48, 55),
        0.38,
        Pattern::Journee,
        Some((3, 21)),
    ),
    profile(
        "ALSH-FONTEVRAUD",
        "Accueil de loisirs de l'Abbaye",
        "Fontevraud-l'Abbaye",
        (30, 45),
        0.36,
        Pattern::Journee,
        Some((10, 21)),
    ),
    profile(
        "ALSH-DISTRE",
        "Accueil de loisirs Les Lavandières",
        "Distré",
        (36, 50),
        0.35,
        Pattern::JourneeAndEvening,
        Some((17, 28)),
    ),
    profile(
        "ALSH-ULMES",
        "Accueil de loisirs des Ulmes",
        "Les Ulmes",
        (30, 40),
        0.40,
        Pattern::HalfDays,
        Some((3, 28)),
    ),
    AcmProfile {
        kind: AcmType::Sejour,
        renforce: 1,
        ..profile(
            "SEJ-MONTSOREAU",
            "Séjour Loire et châteaux (6-11 ans)",
            "Montsoreau",
            (40, 25),
            0.0,
            Pattern::Sejour(WeekFilter::JulyAndEarlyAugust),
            None,
        )
    },
    AcmProfile {
        kind: AcmType::Sejour,
        tous_14: true,
        ..profile(
            "SEJ-ADOS-BREZE",
            "Séjour ados nature (14-17 ans)",
            "Brézé",
            (24, 10),
            0.0,
            Pattern::Sejour(WeekFilter::JulyEvenWeeks),
            None,
        )
    },
    AcmProfile {
        kind: AcmType::MiniCamp,
        ..profile(
            "MC-BLOU",
            "Mini-camp poney des Castors",
            "Blou",
            (16, 12),
            0.0,
            Pattern::MiniCamp(WeekFilter::OddWeeks),
            None,
        )
    },
    profile(
        "ALSH-VIVY",
        "Accueil de loisirs Les Loupiots",
        "Vivy",
        (36, 50),
        0.36,
        Pattern::Journee,
        Some((10, 21)),
    ),
    AcmProfile {
        kind: AcmType::AccueilJeunes,
        ..profile(
            "AJ-SAUMUR",
            "Espace jeunes du Saumurois",
            "Saumur",
            (24, 90),
            0.0,
            Pattern::Afternoons,
            None,
        )
    },
];

/// Names of generated accueils de loisirs.
pub const ACCUEIL_NAMES: [&str; 12] = [
    "Les Petits Princes",
    "Les Tournesols",
    "La Clé des Champs",
    "Les Copains d'abord",
    "L'Île aux Enfants",
    "Les Farfadets",
    "Le Petit Prince",
    "Les Écureuils",
    "La Ribambelle",
    "Les Coccinelles",
    "Le Moulin",
    "Les Hérissons",
];

pub const LAST_NAMES: [&str; 48] = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
];

pub const FIRST_NAMES: [&str; 48] = [
    "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Tom", "Emma", "Louis", "Manon", "Nathan", "Jade",
    "Gabriel", "Camille", "Théo", "Sarah", "Enzo", "Louise", "Arthur", "Lina", "Jules", "Zoé",
    "Raphaël", "Alice", "Noah", "Clara", "Maël", "Lola", "Adam", "Juliette", "Paul", "Anna",
    "Nolan", "Romane", "Sacha", "Eva", "Mathis", "Lucie", "Ethan", "Margaux", "Baptiste", "Océane",
    "Antoine", "Elsa", "Maxime", "Pauline", "Yanis", "Justine", "Kylian",
];
