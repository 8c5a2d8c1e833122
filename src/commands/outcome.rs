//! What a command gives back to the binary.

use crate::error::Error;

/// What a command returns to the binary: the terminal summary and the exit code.
#[derive(Debug)]
pub struct Outcome {
    pub summary: String,
    pub exit_code: u8,
}

/// Why a command did not run: a usage error (exit 2) or a run error (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Run(Error),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Run(error)
    }
}
