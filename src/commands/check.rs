//! `acm-planner check`.

use std::path::Path;

use super::{Failure, Outcome, Settings};
use crate::error::Error;

/// `acm-planner check`.
pub fn check(settings: &Settings, schedule: &Path) -> Result<Outcome, Failure> {
    let _ = (settings, schedule);
    Err(Failure::Run(Error::Solver(
        "check : pas encore disponible".into(),
    )))
}
