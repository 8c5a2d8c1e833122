//! Test data: the generator of the bundled fixtures and of the benchmark territories. Not used
//! by the commands; tests, benchmarks and `examples/generate.rs` call it.
//!
//! [`territory`] draws a Saumur Val de Loire-like agglomeration from a [`TerritorySpec`] (ACM,
//! forecasts, animateurs and their availability, hiring profiles), deterministically from its
//! seed; [`petit_accueil`] is the small hand-written fixture; [`write_territory`] writes either
//! as an input workbook through the schema ([`crate::schema`]): the template's sheets, headers
//! and widths, each cell under its column. The same spec always gives a byte-identical file.
//! [`write_by_hand`] writes the same territory the way people keep their workbooks (titles,
//! totals, extra columns, odd spellings): it must read as the same inputs.
//!
//! ```no_run
//! use acm_planner::testdata::{TerritorySpec, write_territory};
//! let spec = TerritorySpec::saumur_ete();
//! write_territory(&spec, std::path::Path::new("saumur-ete.xlsx")).expect("written");
//! ```

mod by_hand;
mod petit;
mod places;
mod random;
mod spec;
mod synth;
mod territory;
mod workbook;

use std::path::Path;

use crate::error::Error;

pub use by_hand::write_by_hand;
pub use petit::petit_accueil;
pub use places::SECTORS;
pub use random::Random;
pub use spec::TerritorySpec;
pub use synth::territory;
pub use territory::{AccueilRow, AnimateurRow, HiringRow, PrevisionRow, Territory, When};
pub use workbook::write_workbook;

/// Generates the territory of `spec` and writes it to `path` (atomically).
pub fn write_territory(spec: &TerritorySpec, path: &Path) -> Result<(), Error> {
    spec.validate()
        .map_err(|message| Error::io(path.display(), message))?;
    write_workbook(&territory(spec), path)
}

/// Writes `fixtures/petit-accueil.xlsx` (the hand-written small fixture) to `path`.
pub fn write_petit_accueil(path: &Path) -> Result<(), Error> {
    write_workbook(&petit_accueil(), path)
}
