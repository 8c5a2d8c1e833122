//! One finding of the audit.

use chrono::NaiveDate;

use super::rule::{Family, RuleKind, Severity, Unit};
use crate::domain::Creneau;

/// One breach of a rule: where, what, the numbers and the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub severity: Severity,
    pub rule: RuleKind,
    /// ACM code, when the finding is about one ACM.
    pub accueil: Option<String>,
    pub date: Option<NaiveDate>,
    pub creneau: Option<Creneau>,
    /// Animateur Id, when the finding is about one person.
    pub animateur: Option<String>,
    /// What is wrong, in French, with the numbers: « 2 animateurs pour 3 requis ».
    pub message: String,
    /// The legal requirement (a minimum, or a maximum for caps).
    pub required: Option<i64>,
    /// What the schedule gives.
    pub found: Option<i64>,
    /// What `required` and `found` count.
    pub unit: Unit,
    /// The article breached, e.g. `CASF R227-16 I`.
    pub article: &'static str,
    /// The row of the schedule the finding comes from, when there is one.
    pub source_row: Option<u32>,
}

impl Violation {
    /// A finding of `rule` with its default article and severity; the rule functions fill in
    /// the place and the numbers.
    pub fn new(rule: RuleKind, message: impl Into<String>) -> Self {
        Violation {
            severity: rule.severity(),
            rule,
            accueil: None,
            date: None,
            creneau: None,
            animateur: None,
            message: message.into(),
            required: None,
            found: None,
            unit: Unit::Personnes,
            article: rule.article(),
            source_row: None,
        }
    }

    pub fn accueil(mut self, code: &str) -> Self {
        self.accueil = Some(code.to_string());
        self
    }

    pub fn date(mut self, date: NaiveDate) -> Self {
        self.date = Some(date);
        self
    }

    pub fn creneau(mut self, creneau: &Creneau) -> Self {
        self.creneau = Some(creneau.clone());
        self
    }

    pub fn animateur(mut self, id: &str) -> Self {
        self.animateur = Some(id.to_string());
        self
    }

    pub fn numbers(mut self, required: impl Into<i64>, found: impl Into<i64>, unit: Unit) -> Self {
        self.required = Some(required.into());
        self.found = Some(found.into());
        self.unit = unit;
        self
    }

    pub fn article(mut self, article: &'static str) -> Self {
        self.article = article;
        self
    }

    pub fn source_row(mut self, row: Option<u32>) -> Self {
        self.source_row = row;
        self
    }

    /// Sort key: references first, then ACM findings by ACM, date, créneau, person, then person
    /// findings by person, date, ACM, créneau.
    pub(super) fn sort_key(&self) -> impl Ord + '_ {
        let family = self.rule.family();
        let creneau = self.creneau.as_ref().map(Creneau::sort_key);
        let (first, second) = match family {
            Family::Personne => (&self.animateur, &self.accueil),
            _ => (&self.accueil, &self.animateur),
        };
        (
            family,
            first.as_deref(),
            self.date,
            creneau,
            second.as_deref(),
            self.rule,
            self.source_row,
        )
    }
}
