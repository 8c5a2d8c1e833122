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
//! | ACM × date | `direction::director_presence`, `direction::director_diploma`, `health::psc1_holder` | CASF R227-14, R227-18; arrêté of 20 February 2003 |
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
mod findings;
mod health;
mod index;
mod labour;
mod people;
mod references;
mod rule;
mod slots;
mod violation;
mod wording;

#[cfg(test)]
mod tests;

pub use findings::{AuditReport, Shortage};
pub use rule::{Family, RuleKind, Severity, Unit};
pub use violation::Violation;
pub use wording::french_date;

use crate::domain::Affectation;
use crate::problem::Problem;

use index::ScheduleIndex;

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
    violations.extend(health::psc1_holder(&index));
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
