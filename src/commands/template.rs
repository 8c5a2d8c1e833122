//! `acm-planner template`.

use std::path::Path;

use super::{Failure, Outcome};
use crate::error::Error;

/// `acm-planner template`.
pub fn template(output: &Path, force: bool) -> Result<Outcome, Failure> {
    let _ = (output, force);
    Err(Failure::Run(Error::Solver(
        "template : pas encore disponible".into(),
    )))
}
