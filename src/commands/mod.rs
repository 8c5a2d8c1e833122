//! The four commands, from validated settings to an outcome the binary prints. Libraries never
//! print: the summary text is returned.
//!
//! The binary parses the flags with the value parsers of [`parse`] into [`Settings`]; each command
//! checks its output path first ([`output`]), then loads the problem, runs its stage and writes
//! its workbook.

mod check;
mod load;
mod needs;
mod outcome;
pub mod output;
pub mod parse;
mod plan;
mod settings;
mod template;

pub use check::{EXIT_VIOLATIONS, check};
pub use needs::needs;
pub use outcome::{Failure, Outcome};
pub use plan::plan;
pub use settings::{Output, Settings, SolverSettings};
pub use template::template;
