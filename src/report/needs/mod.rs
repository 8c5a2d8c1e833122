//! `besoins.xlsx`: the legal minimum staffing computed from the forecasts alone, and the terminal
//! summary of the `needs` command.
//!
//! The numbers are computed once by [`NeedsReport::compute`] (`figures.rs`), a pure function of
//! the problem inputs; the sheet writers (one file per sheet) and [`summary`] only present them.
//!
//! Counting conventions (also written in the workbook):
//! - **N** of a créneau is the legal minimum of animateurs (R227-15 to R227-19), minimum team
//!   included, under the mixed-age policy applied.
//! - An animateur covers a whole day: the animateurs an ACM needs on a date is the largest N of
//!   its créneaux that day, and the **journées-animateur** of a period add those daily peaks.
//! - The R227-12 quotas of a day are those of its peak créneau.
//! - A director is needed once per ACM per open day (plus the séjour adjoints, R227-18).

mod accueils;
mod figures;
mod names;
mod par_jour;
mod regles;
mod semaines;
mod summary;
mod synthese;
mod workbook;

pub use figures::{
    AcmDay, NeedsReport, PolicyDifference, RunOptions, SlotLine, Staffing, TerritoryDay, Week,
    WeekFigures,
};
pub use names::{
    COL_ANIMATEUR_DAYS, COL_DAY_REQUIRED, COL_DIRECTOR_COUNTED, COL_MAX_UNQUALIFIED,
    COL_MIN_QUALIFIED, COL_REQUIRED, COL_TEAM, COL_WEEK, PERIOD_LABEL, SHEET_ACCUEILS,
    SHEET_PAR_JOUR, SHEET_REGLES, SHEET_SEMAINES, SHEET_SYNTHESE, TERRITORY_LABEL,
    other_policy_days_header, other_policy_header,
};
pub use regles::{FIXED_RULE, RuleRow, rule_rows};
pub use summary::summary;
pub use workbook::{build_workbook, write_workbook};
