//! Everything the audit found.

use super::rule::{RuleKind, Severity};
use super::violation::Violation;
use crate::rules::Parameters;

/// The shortage the audit finds in a schedule, counted as the optimizer counts it: per slot the
/// animateurs and qualified missing, per open day the directors missing, per séjour or
/// mini-camp day the missing PSC1 holder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shortage {
    pub animateurs: u32,
    pub qualified: u32,
    pub directors: u32,
    pub psc1_days: u32,
}

impl Shortage {
    /// The weighted shortage under the `Regles` weights (`Poids manque …`): what every plan
    /// stage minimises first.
    pub fn weighted(&self, parameters: &Parameters) -> i64 {
        i64::from(self.animateurs) * parameters.weight_missing_animateur
            + i64::from(self.qualified) * parameters.weight_missing_qualified
            + i64::from(self.directors) * parameters.weight_missing_director
            + i64::from(self.psc1_days) * parameters.weight_missing_psc1
    }

    pub fn is_zero(&self) -> bool {
        *self == Shortage::default()
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

    /// The shortage found: the findings of the shortage rules, each counted by what it lacks.
    pub fn shortage(&self) -> Shortage {
        let mut shortage = Shortage::default();
        for violation in self.violations.iter().filter(|v| v.rule.is_shortage()) {
            let lacking = match (violation.required, violation.found) {
                (Some(required), Some(found)) => {
                    u32::try_from((required - found).max(0)).unwrap_or(u32::MAX)
                }
                _ => 1,
            };
            match violation.rule {
                RuleKind::EffectifInsuffisant | RuleKind::DirecteurCompteIndument => {
                    shortage.animateurs += lacking;
                }
                RuleKind::QualifiesInsuffisants => shortage.qualified += lacking,
                RuleKind::DirectionAbsente => shortage.directors += lacking,
                RuleKind::SansPsc1 => shortage.psc1_days += 1,
                _ => {}
            }
        }
        shortage
    }

    /// The infractions that are not shortages: what no published plan may contain.
    pub fn beyond_shortage(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Infraction && !v.rule.is_shortage())
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
