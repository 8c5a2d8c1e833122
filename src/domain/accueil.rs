use super::source::SourceRef;

/// The kind of ACM as declared (design.md §3 `Type`; CASF R227-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AcmType {
    /// `accueil de loisirs`: périscolaire or extrascolaire depending on the date (R227-1 II).
    AccueilLoisirs,
    /// Always extrascolaire ratios.
    Extrascolaire,
    /// Always périscolaire ratios.
    Periscolaire,
    /// Séjour de vacances (R227-1 I, R227-18).
    Sejour,
    /// Mini-camp of 1 to 4 nights attached to an accueil (R227-17 al. 2).
    MiniCamp,
    /// Accueil de jeunes (R227-19 III): ratio set by convention.
    AccueilJeunes,
}

impl AcmType {
    /// The canonical spelling used in workbooks.
    pub fn label(self) -> &'static str {
        match self {
            AcmType::AccueilLoisirs => "accueil de loisirs",
            AcmType::Extrascolaire => "extrascolaire",
            AcmType::Periscolaire => "periscolaire",
            AcmType::Sejour => "sejour",
            AcmType::MiniCamp => "mini-camp",
            AcmType::AccueilJeunes => "accueil de jeunes",
        }
    }

    pub const ALL: [AcmType; 6] = [
        AcmType::AccueilLoisirs,
        AcmType::Extrascolaire,
        AcmType::Periscolaire,
        AcmType::Sejour,
        AcmType::MiniCamp,
        AcmType::AccueilJeunes,
    ];
}

/// One ACM (a row of the `Accueils` sheet).
#[derive(Debug, Clone, PartialEq)]
pub struct Accueil {
    pub code: String,
    pub nom: String,
    pub commune: String,
    pub kind: AcmType,
    /// Périscolaire under a projet éducatif territorial (R227-16 II).
    pub pedt: bool,
    /// Declared maximum number of minors: drives the director rules (Q7).
    pub capacite: u32,
    /// Opening days per year, for the 80 days × 80 minors rule (R227-14 III).
    pub jours_ouverture: Option<u32>,
    pub secteur: Option<String>,
    /// Séjour for minors all aged 14 or over (arrêté 13/02/2007 art. 1 e).
    pub tous_14_ans_et_plus: bool,
    /// Préfet derogation letting a BAFD holder direct despite the 80/80 rule (arrêté 28/02/2017).
    pub derogation_direction: bool,
    /// A mini-camp's parent accueil (its code): the mini-camp is an activité accessoire of it,
    /// directed by its director (CASF R227-1; acm-rules.md §1.1).
    pub rattache_a: Option<String>,
    pub source: SourceRef,
}
