//! Plain data types shared by every stage: what the input workbooks say, in the words of the law.
//!
//! Nothing here reads a file or applies a rule; `input` fills these types, `rules` reasons on them,
//! `optimize` schedules them and `report` writes them out.

mod accueil;
mod animateur;
mod creneau;
mod disponibilite;
mod money;
mod prevision;
mod schedule;

pub use accueil::{Accueil, AcmType};
pub use animateur::{Animateur, AnimationCategory, Contrat, DirectorLevel, Qualification};
pub use creneau::{Creneau, Minutes};
pub use disponibilite::{Availability, AvailabilityFlags};
pub use money::Cents;
pub use prevision::Prevision;
pub use schedule::{Affectation, Role};

use chrono::NaiveDate;

/// Where a value came from in the user's files, so every message can point back to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceRef {
    pub file: String,
    pub sheet: String,
    /// 1-based spreadsheet row number, as the user sees it.
    pub row: u32,
}

/// A hiring profile of the `Recrutement` sheet: what the local market can supply.
#[derive(Debug, Clone, PartialEq)]
pub struct HiringProfile {
    pub qualification: Qualification,
    /// `None` means any sector.
    pub secteur: Option<String>,
    pub cout_journalier: Cents,
    pub cout_fixe: Cents,
    pub nombre_maximum: u32,
    pub source: SourceRef,
}

/// One row of a `Calendrier` sheet: overrides the built-in zone-B calendar for one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarOverride {
    pub date: NaiveDate,
    pub kind: DayKind,
}

/// What kind of day a date is for an accueil de loisirs (CASF R227-1 II, since décret 2018-647).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayKind {
    /// A day with school (périscolaire), or any Wednesday.
    School,
    /// A school-holiday day.
    Holiday,
    /// A weekday without school outside the holidays (Ascension "pont", public holiday, …): Q6.
    NoSchool,
}

/// Everything read from the user's input files, validated and cross-checked.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub accueils: Vec<Accueil>,
    pub previsions: Vec<Prevision>,
    pub animateurs: Vec<Animateur>,
    pub disponibilites: Availability,
    /// Raw `Regles` rows (parameter name, value, where), interpreted by `rules::Parameters`.
    pub regles: Vec<(String, String, SourceRef)>,
    pub recrutement: Vec<HiringProfile>,
    pub calendrier: Vec<CalendarOverride>,
    /// The files read, in order, for the report.
    pub files: Vec<String>,
}

impl Inputs {
    pub fn accueil(&self, code: &str) -> Option<&Accueil> {
        self.accueils.iter().find(|a| a.code == code)
    }

    pub fn animateur(&self, id: &str) -> Option<&Animateur> {
        self.animateurs.iter().find(|a| a.id == id)
    }

    /// First and last forecast dates, if any.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.previsions.iter().map(|p| p.date).min()?;
        let last = self.previsions.iter().map(|p| p.date).max()?;
        Some((first, last))
    }
}

/// Normalises a header, a sheet name or a keyword for matching: lower case, accents removed, and
/// everything but letters and digits dropped (`Moins de 6 ans` → `moinsde6ans`).
pub fn normalize_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(strip_accent)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

impl Inputs {
    /// `--attendance`: every forecast count scaled by (100 + percent) / 100, rounded up so the
    /// what-if never understates a group.
    pub fn scale_attendance(&mut self, percent: i32) {
        if percent == 0 {
            return;
        }
        let factor = i64::from(100 + percent).max(0);
        let scale = |count: u32| -> u32 {
            u32::try_from((i64::from(count) * factor + 99) / 100).unwrap_or(u32::MAX)
        };
        for prevision in &mut self.previsions {
            prevision.moins_de_6 = scale(prevision.moins_de_6);
            prevision.six_et_plus = scale(prevision.six_et_plus);
        }
    }
}
