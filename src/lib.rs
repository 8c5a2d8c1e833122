//! # acm-planner
//!
//! Turns attendance forecasts of French *accueils collectifs de mineurs* (ACM) and the availability
//! of animateurs, read from spreadsheets, into legal staffing schedules and recruitment-gap reports
//! written to Excel.
//!
//! ## The house
//! The modules follow the data, and each imports only from the layers below it:
//!
//! ```text
//! main.rs                      flags → Settings → a command → the summary it returns
//! commands                     one file per command: output checks, load, run, write
//! report · optimize · audit    workbooks and wording · the MILP · `check`'s oracle
//! problem                      validated inputs + one Need per forecast slot, typed ids
//! rules · input · schema       the law · calamine readers · the input workbook described once
//! domain · error               plain types · errors that name file, sheet, row and column
//! ```
//!
//! - [`schema`] describes every input sheet and column once; [`input`] reads the workbooks
//!   through it, `report::template` writes the blank workbook from it, and [`testdata`] (the
//!   fixture and benchmark generator, not used by the commands) writes territories through it.
//! - [`rules`] holds the regulation as pure integer functions citing their articles.
//! - [`problem::Problem`] is what every later stage reads: the inputs as validated, the rules'
//!   parameters and calendar, and one [`problem::Need`] per forecast slot.
//! - [`optimize`] builds and solves the MILP (good_lp + HiGHS) and returns typed results;
//!   [`audit`] re-checks any schedule against the law, independently of the model; [`report`]
//!   writes the workbooks and the terminal summaries, in French.
//! - The library never prints: progress goes through a callback, summaries are returned.

//! ## Glossary
//! The law's own words are kept in French where they name a legal notion.
//! - **ACM** — *accueil collectif de mineurs*: any collective holiday or leisure care of minors
//!   declared to the state (CASF R227-1).
//! - **accueil de loisirs** — day care without accommodation; **périscolaire** on school days and
//!   every Wednesday, **extrascolaire** on Saturdays without school, Sundays and school holidays.
//! - **séjour** (*séjour de vacances*) — a stay of 4 nights or more; **mini-camp** — 1 to 4 nights
//!   attached to an accueil de loisirs.
//! - **animateur** — a person in an animation role; **directeur**, **adjoint** — direction roles.
//! - **créneau** — a time slot of the day (`matin`, `midi`, `apres-midi`, `soir`, `journee`).
//! - **taux d'encadrement** — the staffing ratio: one animateur per so many minors (R227-15/16).
//! - **BAFA**, **BAFD** — the non-professional certificates to animate and to direct;
//!   **stagiaire** — a trainee in a BAFA (or BAFD) practical placement (R227-12 3°).
//! - **BPJEPS**, **DEJEPS** — professional diplomas (art. 1 and 2 of the arrêté of 9 February 2007).
//! - **PEDT** — *projet éducatif territorial*: lowers the périscolaire ratios (R227-16 II).
//! - **CEE** — *contrat d'engagement éducatif*: the occasional animateur's contract, at most
//!   80 days per rolling 12 months (L432-4).
//! - **SDJES** — the state's departmental youth service that checks ACM.
//! - **CASF** — *Code de l'action sociale et des familles*, where the ACM rules live.

pub mod audit;
pub mod commands;
pub mod domain;
pub mod error;
pub mod input;
pub mod optimize;
pub mod problem;
pub mod report;
pub mod rules;
pub mod schema;
pub mod testdata;
pub mod verify;

pub use error::{Error, InputError};
