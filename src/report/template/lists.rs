//! Cells of the `Aide` sheet that feed the drop-down lists too long to write inline (Excel
//! limits an inline list to 255 characters).

/// Where the long lists are, as formulas for the data validations.
pub(super) struct ListRanges {
    /// Canonical qualification labels (`Animateurs` and `Recrutement`).
    pub qualifications: String,
    /// `Regles` parameter names.
    pub parameters: String,
}

/// `=Aide!$A$125:$A$145` for the 0-based rows 124 to 144.
pub(super) fn aide_range(first_row: u32, last_row: u32) -> String {
    format!("=Aide!$A${}:$A${}", first_row + 1, last_row + 1)
}
