//! Everything the audit found.

use super::rule::{RuleKind, Severity};
use super::violation::Violation;

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
