//! Qualification quotas within the required number N of animateurs: CASF R227-12.
//!
//! Both quotas are taken on the **required** N, not on the team actually present (Part A, Q2):
//! staff above N may be qualified or trainees, and the unqualified cap stays absolute.

/// R227-12: holders of 1° (BAFA or listed diploma) and 2° (listed civil servants) "ne peut être
/// inférieur à la moitié" of N: `ceil(N / 2)`.
pub fn min_qualified(required: u32) -> u32 {
    required.div_ceil(2)
}

/// R227-12: people of 4° (no qualification) "ne peut être supérieur à 20 %" of N, "ou à une
/// personne lorsque l'effectif est de trois ou quatre": `floor(N / 5)`, or 1 when N is 3 or 4.
pub fn max_unqualified(required: u32) -> u32 {
    match required {
        3 | 4 => 1,
        n => n / 5,
    }
}

/// Implicit cap on trainees within a team of exactly N: `N − ceil(N / 2)`.
pub fn max_trainees_within_required(required: u32) -> u32 {
    required - min_qualified(required)
}
