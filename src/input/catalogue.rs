//! The ACM codes and sector names of `Accueils` that the other sheets refer to, and how codes and
//! Ids are compared.

use std::collections::HashMap;

use crate::domain::{AcmType, closest, normalize_key};

/// Codes and Ids are compared trimmed and ignoring case.
pub(crate) fn code_key(code: &str) -> String {
    code.trim().to_lowercase()
}

/// The ACM codes and sector names the other sheets may refer to.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalogue {
    /// Lower-cased code → code as written in `Accueils`.
    codes: HashMap<String, String>,
    /// Normalised sector name → sector as written.
    sectors: HashMap<String, String>,
    /// Lower-cased code → the ACM's type, when its row gave one.
    kinds: HashMap<String, AcmType>,
}

impl Catalogue {
    /// The code as written in `Accueils`, for a code written with another case.
    pub fn code(&self, code: &str) -> Option<&str> {
        self.codes.get(&code_key(code)).map(String::as_str)
    }

    /// The codes of `Accueils` closest to an unknown one (`ALSH-SAUMR` → `ALSH-SAUMUR`), in
    /// code order.
    pub fn closest_codes(&self, code: &str) -> Vec<&str> {
        let mut codes: Vec<&str> = self.codes.values().map(String::as_str).collect();
        codes.sort_unstable();
        closest(code, codes)
    }

    pub fn sector(&self, sector: &str) -> Option<&str> {
        self.sectors.get(&normalize_key(sector)).map(String::as_str)
    }

    /// Records a code as written (the first spelling of a code is kept by the caller).
    pub fn add_code(&mut self, code: &str) {
        self.codes.insert(code_key(code), code.to_string());
    }

    /// Records the type of an ACM.
    pub fn add_kind(&mut self, code: &str, kind: AcmType) {
        self.kinds.insert(code_key(code), kind);
    }

    /// The type of an ACM, when its row gave a valid one.
    pub fn kind(&self, code: &str) -> Option<AcmType> {
        self.kinds.get(&code_key(code)).copied()
    }

    /// Records a sector name; its first spelling is kept.
    pub fn add_sector(&mut self, sector: &str) {
        self.sectors
            .entry(normalize_key(sector))
            .or_insert_with(|| sector.to_string());
    }
}
