//! The staffing MILP. One function per constraint family, named after the rule it encodes.
//!
//! **Tasks.** What one person does at one open day is a *task*: animate a set of the slots they
//! may animate there (whose minutes fit in their daily hour limit), or direct.
//!
//! **Classes.** People who are interchangeable on a date form a class: same category (quotas),
//! same daily hour limit, same tasks allowed at every open day of that date, and the same need
//! to count their minutes for the weekly hour limit. Variables:
//! - per class, open day and task, `n`: how many of the class do that task there (an integer
//!   bounded by the class size; binary for a class of one);
//! - per person of a class of several, `w`: works that date (binary); one per *minutes level*
//!   when their weekly hours must be counted (the task's minutes), linked by Σ n = Σ w per
//!   level.
//!
//! Every person-level rule (one place a day, CEE, weekly rest, weekly hours, `Max jours`, cost)
//! is written on `w`, so the model is exact: any solution splits back into personal
//! assignments ([`choices`]). A class of one is the personal model itself (no `w`); the
//! stability stage, whose stints are personal, uses only classes of one.
//!
//! Per slot, continuous shortages `m_any` and `m_qualified`; per open day, `m_director`; per
//! candidate, `h` (hired, binary).
//!
//! Files: [`variables`] (columns, classes, the builder), [`classes`] (who is interchangeable),
//! [`constraints`] (one function per rule), [`objective`] (shortage, cost, stints, and the proven
//! shortage bound), [`solution`] (a plan into columns and back), [`build`] (all together).

mod build;
mod classes;
mod constraints;
mod directors;
mod objective;
mod previous;
mod solution;
mod variables;

pub use build::build;
#[cfg(test)]
pub use build::build_with;
pub use constraints::settle_shortages;
pub use objective::shortage_scale;
pub use objective::{moves_terms, shortage_bound, shortage_terms};
pub use previous::changes_terms;
pub use solution::{Choice, choices, completion, plan_cost};
#[cfg(test)]
pub use variables::Builder;
pub use variables::{Bounds, Census, Columns, Model, Var};
