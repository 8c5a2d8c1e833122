//! A staffing ratio, and the ratio applied to a slot with its article.

/// One animateur per `under_6` minors under 6, and per `six_and_over` minors aged 6 and over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    pub under_6: u32,
    pub six_and_over: u32,
}

impl Ratio {
    pub const fn new(under_6: u32, six_and_over: u32) -> Self {
        Ratio {
            under_6,
            six_and_over,
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "1:{} / 1:{}", self.under_6, self.six_and_over)
    }
}

/// The ratio that applies to a slot, with the regime and article that justify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedRatio {
    pub ratio: Ratio,
    /// Regime in French, e.g. `périscolaire ≤ 5 h avec PEDT`.
    pub regime: &'static str,
    pub article: &'static str,
}
