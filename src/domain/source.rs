//! Where a value came from.

/// Where a value came from in the user's files, so every message can point back to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceRef {
    pub file: String,
    pub sheet: String,
    /// 1-based spreadsheet row number, as the user sees it.
    pub row: u32,
}
