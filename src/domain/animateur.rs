use chrono::{Datelike, NaiveDate};

use super::certificate::Certificate;
use super::money::Cents;
use super::source::SourceRef;

/// Category for the animation quotas of CASF R227-12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnimationCategory {
    /// 1° (BAFA or a diploma of art. 2 of the arrêté of 9 February 2007) and 2° (listed civil
    /// servants): counted together in the "at least half" quota.
    Qualified,
    /// 3° stagiaire: in a BAFA practical placement or training for a listed diploma.
    Trainee,
    /// 4° "à titre subsidiaire": everyone else, capped at 20 % (1 when N is 3 or 4).
    Unqualified,
}

impl AnimationCategory {
    pub fn label(self) -> &'static str {
        match self {
            AnimationCategory::Qualified => "qualifié",
            AnimationCategory::Trainee => "stagiaire",
            AnimationCategory::Unqualified => "sans qualification",
        }
    }
}

/// Who may direct an ACM (CASF R227-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DirectorLevel {
    /// May not direct.
    None,
    /// BAFD holder or BAFD trainee (R227-14 I): may direct, but not an accueil de loisirs open more
    /// than 80 days for more than 80 minors without a derogation (R227-14 III).
    NonProfessional,
    /// Professional diploma of art. 1 of the arrêté of 9 February 2007 (DEJEPS, DESJEPS, BPJEPS
    /// LTP, …): may direct everywhere.
    Professional,
}

/// A qualification as the law sees it: a canonical label plus the two legal categories.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Qualification {
    /// Canonical label, e.g. `BAFA`, `stagiaire BAFA`, `sans qualification`, `BAFD`, `DEJEPS`.
    pub label: String,
    pub category: AnimationCategory,
    pub director: DirectorLevel,
}

impl Qualification {
    pub fn may_direct(&self) -> bool {
        self.director != DirectorLevel::None
    }
}

/// The contract a person works under: decides which labour rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Contrat {
    /// Contrat d'engagement éducatif (CASF L432-1 to L432-6).
    Cee,
    Cdd,
    Cdi,
    /// Civil servant (fonctionnaire titulaire).
    Titulaire,
}

impl Contrat {
    pub fn label(self) -> &'static str {
        match self {
            Contrat::Cee => "CEE",
            Contrat::Cdd => "CDD",
            Contrat::Cdi => "CDI",
            Contrat::Titulaire => "titulaire",
        }
    }

    pub const ALL: [Contrat; 4] = [Contrat::Cee, Contrat::Cdd, Contrat::Cdi, Contrat::Titulaire];
}

/// One person who may work (a row of `Animateurs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Animateur {
    pub id: String,
    pub nom: String,
    pub prenom: String,
    pub qualification: Qualification,
    /// Other certificates held (PSC1, SB, BNSSA…), from `Qualification` (`BAFA + PSC1`) and
    /// `Autres diplomes`; they do not change the category.
    pub certificats: Vec<Certificate>,
    pub contrat: Contrat,
    /// CEE days already worked in the rolling 12 months before the period (L432-4).
    pub jours_cee_anterieurs: u32,
    /// Cost of one day worked; `None` means the default of the `Regles` sheet.
    pub cout_journalier: Option<Cents>,
    pub date_naissance: Option<NaiveDate>,
    pub secteur: Option<String>,
    /// ACM codes, sector names, or `tous`, where the person may also work.
    pub accueils_possibles: Vec<String>,
    /// Personal cap on days worked over the period.
    pub max_jours: Option<u32>,
    /// Contact, carried over to the person's page of the plan (`Telephone`, `E-mail`).
    pub telephone: Option<String>,
    pub email: Option<String>,
    pub source: SourceRef,
}

impl Animateur {
    /// "Prénom Nom", for reports.
    pub fn full_name(&self) -> String {
        match (self.prenom.is_empty(), self.nom.is_empty()) {
            (true, _) => self.nom.clone(),
            (_, true) => self.prenom.clone(),
            _ => format!("{} {}", self.prenom, self.nom),
        }
    }

    /// Age in whole years on `date`, when the birth date is known.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        let birth = self.date_naissance?;
        let mut age = date.year() - birth.year();
        if (date.month(), date.day()) < (birth.month(), birth.day()) {
            age -= 1;
        }
        u32::try_from(age).ok()
    }

    /// Under 18 on `date` (Code du travail L3162-1 and following apply).
    pub fn is_minor_on(&self, date: NaiveDate) -> bool {
        self.age_on(date).is_some_and(|age| age < 18)
    }
}
