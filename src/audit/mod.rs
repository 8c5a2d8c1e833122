//! Audit of a schedule against the law (the `check` command), independently of the MILP: it is
//! also the oracle that re-checks every plan the optimiser writes.
//!
//! [`audit`] takes the problem inputs and a list of [`Affectation`]s and returns every violation,
//! one function per rule family, each named after its rule:
//!
//! | Family | Functions | Articles |
//! |---|---|---|
//! | references | `references::unknown_reference` | — |
//! | ACM × date × créneau | `slots::staff_ratio`, `slots::qualified_quota`, `slots::unqualified_cap`, `slots::double_role` | CASF R227-12, R227-15 to R227-17 |
//! | ACM × date | `direction::director_presence`, `direction::director_diploma` | CASF R227-14, R227-18 |
//! | person | `people::availability`, `people::mobility`, `people::one_place_per_day`, `people::overlapping_creneaux`, `people::personal_day_cap` | the user's own data |
//! | person (labour law) | `labour::cee_day_limit`, `labour::weekly_rest`, `labour::hour_limits`, `labour::minor_public_holiday`, `labour::minor_weekly_rest`, `labour::cee_minimum_pay` | CASF L432-4, L432-6, D432-2; Code du travail |
//!
//! Counting rules (design.md §4, the optimiser applies the same):
//! - staff on a slot = people in animation, plus the directors working that créneau only where
//!   the director may be counted; counted directors count as qualified (every diploma that allows
//!   directing is a qualified one; a person in direction who may not direct is reported, and
//!   counts by their own category); a person in both roles on a slot counts once, in animation;
//! - quotas are taken on the required N; the extra adults of `Accompagnement renforce` come on
//!   top of N and may be of any category;
//! - a director is needed once per open day (a date with children in at least one créneau).
//!
//! Rows that do not resolve are reported once as « référence inconnue » and then used as far as
//! they go: a known person on an unknown créneau still counts for their days worked and hours
//! (with the times of the row), a known person at a known ACM still counts as its director that
//! day, but only rows on a forecast slot count in the staffing of that slot.

mod direction;
mod index;
mod labour;
mod people;
mod references;
mod rule;
mod slots;

#[cfg(test)]
mod tests;

pub use rule::{Family, RuleKind, Severity, Unit};

use chrono::NaiveDate;

use crate::domain::{Affectation, Creneau};
use crate::problem::Problem;

use index::ScheduleIndex;

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
    fn sort_key(&self) -> impl Ord + '_ {
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

/// Everything the audit found, in a deterministic order, with counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditReport {
    pub violations: Vec<Violation>,
    /// Rows of the schedule read.
    pub affectations: usize,
    /// Forecast slots with children (ACM × date × créneau) checked.
    pub open_slots: usize,
    /// Distinct people in the schedule.
    pub people: usize,
}

impl AuditReport {
    pub fn infractions(&self) -> usize {
        self.count(Severity::Infraction)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Avertissement)
    }

    fn count(&self, severity: Severity) -> usize {
        self.violations
            .iter()
            .filter(|v| v.severity == severity)
            .count()
    }

    /// Whether the schedule is legal (warnings allowed).
    pub fn is_legal(&self) -> bool {
        self.infractions() == 0
    }

    /// Findings per rule, every rule listed (zero when it holds), in report order.
    pub fn by_rule(&self) -> Vec<(RuleKind, usize)> {
        RuleKind::ALL
            .iter()
            .map(|rule| {
                let count = self.violations.iter().filter(|v| v.rule == *rule).count();
                (*rule, count)
            })
            .collect()
    }

    /// The articles cited by the findings of `rule` (several when the article depends on the
    /// case, e.g. R227-15 or R227-16 I for the staffing ratio), else the rule's own article.
    pub fn articles_of(&self, rule: RuleKind) -> String {
        let mut articles: Vec<&str> = Vec::new();
        for violation in self.violations.iter().filter(|v| v.rule == rule) {
            if !articles.contains(&violation.article) {
                articles.push(violation.article);
            }
        }
        if articles.is_empty() {
            rule.article().to_string()
        } else {
            articles.sort_unstable();
            articles.join(" / ")
        }
    }

    /// Findings per ACM code (`None` for findings about a person across ACM), by code.
    pub fn by_accueil(&self) -> Vec<(Option<String>, usize)> {
        let mut counts: std::collections::BTreeMap<Option<&str>, usize> =
            std::collections::BTreeMap::new();
        for violation in &self.violations {
            *counts.entry(violation.accueil.as_deref()).or_default() += 1;
        }
        let mut rows: Vec<(Option<String>, usize)> = counts
            .into_iter()
            .filter(|(code, _)| code.is_some())
            .map(|(code, count)| (code.map(str::to_string), count))
            .collect();
        let without: usize = self
            .violations
            .iter()
            .filter(|v| v.accueil.is_none())
            .count();
        if without > 0 {
            rows.push((None, without));
        }
        rows
    }
}

/// Audits `schedule` against the law and the user's data in `problem`: every violation, in a
/// deterministic order.
pub fn audit(problem: &Problem, schedule: &[Affectation]) -> AuditReport {
    let index = ScheduleIndex::new(problem, schedule);
    let mut violations = Vec::new();
    violations.extend(references::unknown_reference(&index));
    violations.extend(slots::staff_ratio(&index));
    violations.extend(slots::qualified_quota(&index));
    violations.extend(slots::unqualified_cap(&index));
    violations.extend(slots::double_role(&index));
    violations.extend(direction::director_presence(&index));
    violations.extend(direction::director_diploma(&index));
    violations.extend(people::availability(&index));
    violations.extend(people::mobility(&index));
    violations.extend(people::one_place_per_day(&index));
    violations.extend(people::overlapping_creneaux(&index));
    violations.extend(people::personal_day_cap(&index));
    violations.extend(labour::cee_day_limit(&index));
    violations.extend(labour::weekly_rest(&index));
    violations.extend(labour::hour_limits(&index));
    violations.extend(labour::minor_public_holiday(&index));
    violations.extend(labour::minor_weekly_rest(&index));
    violations.extend(labour::cee_minimum_pay(&index));
    violations.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    AuditReport {
        violations,
        affectations: schedule.len(),
        open_slots: index.open_slots().count(),
        people: index.people().count(),
    }
}

/// A date as French users write it: `06/07/2026`.
pub fn french_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `10 h`, `10 h 30`.
pub(crate) fn french_hours(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// `1 animateur`, `2 animateurs`.
pub(crate) fn plural(count: impl Into<i64>, singular: &str, plural: &str) -> String {
    let count = count.into();
    if count.abs() <= 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural}")
    }
}
