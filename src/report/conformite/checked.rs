//! What `conformite.xlsx` says about the run besides the findings.

/// The files checked and how, as the user gave them.
#[derive(Debug, Clone, Copy)]
pub struct CheckedFiles<'a> {
    /// The schedule audited, as the user named it.
    pub schedule: &'a str,
    /// The input files, as the user named them.
    pub inputs: &'a [String],
    /// The mixed-age counting applied (`par-tranche`, `global`, `strict`).
    pub mixed_ages: &'a str,
}
