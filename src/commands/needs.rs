//! `acm-planner needs`.

use super::{Failure, Outcome, Settings};
use crate::error::Error;

/// `acm-planner needs`.
pub fn needs(settings: &Settings) -> Result<Outcome, Failure> {
    let _ = settings;
    Err(Failure::Run(Error::Solver(
        "needs : pas encore disponible".into(),
    )))
}
