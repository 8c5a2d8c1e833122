//! The problem every stage reads: the validated inputs, the rules that apply to them, and one
//! [`Need`] per forecast slot (the forecast and what the law requires for it, together).
//!
//! `input` reads the workbooks into plain [`Inputs`](crate::domain::Inputs); [`Problem::build`]
//! restricts them to the dates asked for, applies the `Regles` sheet and the command-line
//! overrides, and computes every requirement. From there on, records are joined by typed ids
//! ([`AccueilId`], [`ForecastId`], [`PersonId`]) and maps, never by list position or by a linear
//! search on a code.

mod build;
mod checks;
mod days;
mod ids;
mod need;
mod remark;
mod validated;

pub use build::Adjustments;
pub use ids::{AccueilId, ForecastId, PersonId};
pub use need::Need;
pub use remark::Remark;
pub use validated::Problem;
