//! `acm-planner plan`.

use super::{Failure, Outcome, Settings};
use crate::error::Error;

/// `acm-planner plan`.
pub fn plan(settings: &Settings) -> Result<Outcome, Failure> {
    let _ = settings;
    Err(Failure::Run(Error::Solver(
        "plan : pas encore disponible".into(),
    )))
}
