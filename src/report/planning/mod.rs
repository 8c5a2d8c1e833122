//! `planning.xlsx`, the output of `plan` (design.md §4), and the terminal summary.
//!
//! Eleven sheets, in this order: `Synthese` (what to do, key figures), the pages to print and
//! send (`Planning par accueil`, `Par animateur`), `Non retenus`, `Manques`, `Recrutement`,
//! the tables (`Accueils`, the `Animateurs` grid, `Affectations`), `Technique`, `Regles`; plus
//! `Annee` before `Technique` when the plan covers more than one school-holiday period or some
//! school days. The team's schedule and the recruits' (`R1`, `R2`…) are shown together
//! ([`published`]). Everything a director reads is in
//! French; dates are date cells, money cells carry a euro format, and every text that comes from
//! the user is written as text, never as a formula.
//!
//! The file is deterministic: the same inputs and plan give the same bytes. The document's
//! creation date is fixed and no run time is written (the solver's time is in the terminal
//! summary only).
//!
//! `report.rs` holds what the report is written from, `figures.rs` what is computed once from
//! it, `context.rs` what each sheet writer reads; one file per sheet, and `workbook.rs` puts
//! them in order. [`reasons`] words the optimizer's values (shortage reasons, stages, statuses,
//! the decomposition, progress lines) in French.

mod accueils;
mod advice;
mod affectations;
mod animateurs;
mod annee;
mod call_list;
mod changements;
mod context;
mod figures;
mod manques;
mod non_retenus;
mod pages;
mod par_animateur;
mod planning_accueil;
mod proof;
pub mod published;
pub mod reasons;
mod recrutement;
mod regles;
mod remarks;
mod report;
mod shortfall;
mod summary;
mod synthese;
mod technique;
mod unused;
mod workbook;

pub use advice::advice;
pub use figures::{DayCoverage, Figures};
pub use report::{PlanningReport, RunSettings};
pub use summary::terminal_summary;
pub use workbook::{SHEETS, planning_workbook, write_planning};
