//! Everything read from the input files, before any rule is applied.

use chrono::NaiveDate;

use super::accueil::Accueil;
use super::animateur::Animateur;
use super::calendar::CalendarOverride;
use super::disponibilite::Availability;
use super::hiring::HiringProfile;
use super::prevision::Prevision;
use super::remark::InputRemark;
use super::source::SourceRef;

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
    /// What the readers noticed without refusing the input (rows and columns skipped, public
    /// holidays left out of ranges, dates without availability…), in file, sheet and row order:
    /// for the outputs to list once.
    pub remarks: Vec<InputRemark>,
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
