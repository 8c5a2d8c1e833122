//! The rules the audit checks: a French label, the default article, how grave a breach is.

/// How grave a finding is: an infraction makes `check` exit with code 3, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Infraction,
    Avertissement,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Infraction => "infraction",
            Severity::Avertissement => "avertissement",
        }
    }
}

/// What the `required` and `found` numbers of a finding count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// People (animateurs, qualified, directors).
    Personnes,
    /// Days worked.
    Jours,
    /// Minutes of work (written as hours in reports).
    Minutes,
    /// Money in euro cents (written as euros in reports).
    Centimes,
    /// ACM the same day.
    Accueils,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Personnes => "personnes",
            Unit::Jours => "jours",
            Unit::Minutes => "heures",
            Unit::Centimes => "euros",
            Unit::Accueils => "accueils",
        }
    }
}

/// Which part of the schedule a rule looks at; findings are listed family by family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Rows of the schedule that point nowhere.
    Reference,
    /// One ACM × date × créneau, or one ACM × date.
    Accueil,
    /// One person.
    Personne,
}

/// Every rule the audit checks, in the order reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    /// A row of the schedule names an unknown person or ACM, or a slot without a forecast.
    ReferenceInconnue,
    /// Fewer animateurs than N (plus the extra dedicated adults).
    EffectifInsuffisant,
    /// N is met only by counting a director who may not be counted (capacity above 50, …).
    DirecteurCompteIndument,
    /// Fewer qualified (1° + 2°) than half of N.
    QualifiesInsuffisants,
    /// More unqualified (4°) than 20 % of N (1 when N is 3 or 4).
    TropDeSansQualification,
    /// An open day without its director (and adjoints).
    DirectionAbsente,
    /// A director without the diploma this ACM requires.
    DirecteurNonHabilite,
    /// The same person in animation and in direction on the same créneau.
    DoubleRole,
    /// A séjour or mini-camp day without a PSC1 holder in the team (suivi sanitaire).
    SansPsc1,
    /// Assigned outside the declared availability.
    Indisponible,
    /// Assigned to an ACM outside the person's sector and list.
    HorsSecteur,
    /// Two ACM the same day.
    DeuxAccueilsMemeJour,
    /// The same créneau twice, or overlapping créneaux at two places.
    CreneauEnDouble,
    /// More than 80 CEE days in a rolling year.
    JoursCee,
    /// No whole day off in 7 consecutive days.
    ReposHebdomadaire,
    /// Too many hours in a day.
    DureeQuotidienne,
    /// Too many hours in a civil week.
    DureeHebdomadaire,
    /// A minor working on a public holiday.
    MineurJourFerie,
    /// A minor without two consecutive days off in a civil week.
    MineurReposDeuxJours,
    /// More days than the person's own `Max jours`.
    LimitePersonnelle,
    /// A CEE daily pay below the legal minimum.
    RemunerationCee,
}

impl RuleKind {
    pub const ALL: [RuleKind; 21] = [
        RuleKind::ReferenceInconnue,
        RuleKind::EffectifInsuffisant,
        RuleKind::DirecteurCompteIndument,
        RuleKind::QualifiesInsuffisants,
        RuleKind::TropDeSansQualification,
        RuleKind::DirectionAbsente,
        RuleKind::DirecteurNonHabilite,
        RuleKind::DoubleRole,
        RuleKind::SansPsc1,
        RuleKind::Indisponible,
        RuleKind::HorsSecteur,
        RuleKind::DeuxAccueilsMemeJour,
        RuleKind::CreneauEnDouble,
        RuleKind::JoursCee,
        RuleKind::ReposHebdomadaire,
        RuleKind::DureeQuotidienne,
        RuleKind::DureeHebdomadaire,
        RuleKind::MineurJourFerie,
        RuleKind::MineurReposDeuxJours,
        RuleKind::LimitePersonnelle,
        RuleKind::RemunerationCee,
    ];

    /// The rule in French, for reports.
    pub fn label(self) -> &'static str {
        match self {
            RuleKind::ReferenceInconnue => "référence inconnue",
            RuleKind::EffectifInsuffisant => "effectif insuffisant",
            RuleKind::DirecteurCompteIndument => "directeur compté hors des cas permis",
            RuleKind::QualifiesInsuffisants => "pas assez d'animateurs qualifiés",
            RuleKind::TropDeSansQualification => "trop d'animateurs sans qualification",
            RuleKind::DirectionAbsente => "pas de direction",
            RuleKind::DirecteurNonHabilite => "directeur sans le diplôme requis",
            RuleKind::DoubleRole => "animation et direction sur le même créneau",
            RuleKind::SansPsc1 => "pas de titulaire du PSC1 (suivi sanitaire)",
            RuleKind::Indisponible => "animateur non disponible",
            RuleKind::HorsSecteur => "hors de son secteur",
            RuleKind::DeuxAccueilsMemeJour => "deux accueils le même jour",
            RuleKind::CreneauEnDouble => "créneau en double ou chevauchement",
            RuleKind::JoursCee => "plus de 80 jours en CEE sur 12 mois",
            RuleKind::ReposHebdomadaire => "pas de jour de repos sur 7 jours",
            RuleKind::DureeQuotidienne => "durée quotidienne de travail dépassée",
            RuleKind::DureeHebdomadaire => "durée hebdomadaire de travail dépassée",
            RuleKind::MineurJourFerie => "mineur un jour férié",
            RuleKind::MineurReposDeuxJours => "mineur sans 2 jours de repos consécutifs",
            RuleKind::LimitePersonnelle => "limite personnelle de jours dépassée",
            RuleKind::RemunerationCee => "rémunération CEE sous le minimum",
        }
    }

    /// The article reports cite when the finding does not name a more precise one (the staffing
    /// ratio cites the article of the ratio applied, hours the one of the person's regime).
    pub fn article(self) -> &'static str {
        match self {
            RuleKind::ReferenceInconnue => "planning",
            RuleKind::EffectifInsuffisant => "CASF R227-15 à R227-19",
            RuleKind::DirecteurCompteIndument => {
                "CASF R227-17 ; arrêté du 13 février 2007 art. 1 d, e"
            }
            RuleKind::QualifiesInsuffisants | RuleKind::TropDeSansQualification => "CASF R227-12",
            RuleKind::DirectionAbsente => "CASF R227-14",
            RuleKind::DirecteurNonHabilite => "CASF R227-14 I, III",
            RuleKind::DoubleRole => "CASF R227-17",
            RuleKind::SansPsc1 => "arrêté du 20 février 2003",
            RuleKind::Indisponible => "disponibilités",
            RuleKind::HorsSecteur => "secteurs de mobilité",
            RuleKind::DeuxAccueilsMemeJour => "un accueil par jour",
            RuleKind::CreneauEnDouble => "planning",
            RuleKind::JoursCee => "CASF L432-4",
            RuleKind::ReposHebdomadaire => "CASF L432-6 ; Code du travail L3132-2",
            RuleKind::DureeQuotidienne => "Code du travail L3121-18, L3162-1",
            RuleKind::DureeHebdomadaire => "Code du travail L3121-20, L3162-1",
            RuleKind::MineurJourFerie => "Code du travail L3164-6",
            RuleKind::MineurReposDeuxJours => "Code du travail L3164-2",
            RuleKind::LimitePersonnelle => "limite personnelle",
            RuleKind::RemunerationCee => "CASF D432-2",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            RuleKind::RemunerationCee => Severity::Avertissement,
            _ => Severity::Infraction,
        }
    }

    pub fn family(self) -> Family {
        match self {
            RuleKind::ReferenceInconnue => Family::Reference,
            RuleKind::EffectifInsuffisant
            | RuleKind::DirecteurCompteIndument
            | RuleKind::QualifiesInsuffisants
            | RuleKind::TropDeSansQualification
            | RuleKind::DirectionAbsente
            | RuleKind::DirecteurNonHabilite
            | RuleKind::DoubleRole
            | RuleKind::SansPsc1 => Family::Accueil,
            _ => Family::Personne,
        }
    }

    /// Whether a finding of this rule is a shortage (too few people, qualified, directors or PSC1
    /// holders) rather than something a schedule must never do: what a published plan may
    /// declare in `Manques`.
    pub fn is_shortage(self) -> bool {
        matches!(
            self,
            RuleKind::EffectifInsuffisant
                | RuleKind::DirecteurCompteIndument
                | RuleKind::QualifiesInsuffisants
                | RuleKind::DirectionAbsente
                | RuleKind::SansPsc1
        )
    }

    /// Whether the rule comes from the law (as opposed to the user's own data: availability,
    /// sectors, personal caps, or the consistency of the schedule itself).
    pub fn is_legal(self) -> bool {
        !matches!(
            self,
            RuleKind::ReferenceInconnue
                | RuleKind::Indisponible
                | RuleKind::HorsSecteur
                | RuleKind::DeuxAccueilsMemeJour
                | RuleKind::CreneauEnDouble
                | RuleKind::LimitePersonnelle
        )
    }
}
