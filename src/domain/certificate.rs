//! Certificates a person holds besides the diploma that sets their legal category: first aid,
//! swimming supervision, driving licence. They do not change the R227-12 category; the rules on
//! swimming (arrêté of 25 April 2012) and first aid may ask for them.

/// A certificate other than an animation or direction diploma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Certificate {
    /// Prévention et secours civiques de niveau 1 (first aid; formerly AFPS).
    Psc1,
    /// Premiers secours en équipe (PSE1 or PSE2).
    Pse,
    /// Sauveteur secouriste du travail.
    Sst,
    /// Surveillant de baignade (SB, BSB, or the BAFA "surveillant de baignade" qualification).
    SurveillantBaignade,
    /// Brevet national de sécurité et de sauvetage aquatique.
    Bnssa,
    /// Maître nageur sauveteur (MNS, BEESAN, BPJEPS AAN).
    Mns,
    /// Driving licence, category B.
    PermisB,
}

impl Certificate {
    pub const ALL: [Certificate; 7] = [
        Certificate::Psc1,
        Certificate::Pse,
        Certificate::Sst,
        Certificate::SurveillantBaignade,
        Certificate::Bnssa,
        Certificate::Mns,
        Certificate::PermisB,
    ];

    /// The label shown in outputs.
    pub fn label(self) -> &'static str {
        match self {
            Certificate::Psc1 => "PSC1",
            Certificate::Pse => "PSE",
            Certificate::Sst => "SST",
            Certificate::SurveillantBaignade => "SB",
            Certificate::Bnssa => "BNSSA",
            Certificate::Mns => "MNS",
            Certificate::PermisB => "permis B",
        }
    }

    /// Whether the holder may supervise swimming outside a supervised pool or beach (arrêté of
    /// 25 April 2012: BSB, BNSSA, BEESAN or MNS).
    pub fn supervises_swimming(self) -> bool {
        matches!(
            self,
            Certificate::SurveillantBaignade | Certificate::Bnssa | Certificate::Mns
        )
    }
}
