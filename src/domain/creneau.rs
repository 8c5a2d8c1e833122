use std::fmt;

/// A time of day in minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minutes(pub u16);

impl Minutes {
    pub const fn hm(hours: u16, minutes: u16) -> Self {
        Minutes(hours * 60 + minutes)
    }
}

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A time slot of a day (`journee`, `matin`, `midi`, `apres-midi`, `soir`, or a custom label with
/// explicit times). Two créneaux are the same when label, start and end are the same.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Creneau {
    /// Normalised label: the standard ones are spelled exactly as in `STANDARD`.
    pub label: String,
    pub start: Minutes,
    pub end: Minutes,
}

impl Creneau {
    /// Standard créneaux and their default times (design.md §3).
    pub const STANDARD: [(&'static str, Minutes, Minutes); 5] = [
        ("journee", Minutes::hm(8, 30), Minutes::hm(17, 30)),
        ("matin", Minutes::hm(8, 30), Minutes::hm(12, 0)),
        ("midi", Minutes::hm(11, 45), Minutes::hm(13, 45)),
        ("apres-midi", Minutes::hm(13, 30), Minutes::hm(17, 30)),
        ("soir", Minutes::hm(16, 30), Minutes::hm(18, 30)),
    ];

    /// The standard créneau with this (already normalised) label, with its default times.
    pub fn standard(label: &str) -> Option<Creneau> {
        Self::STANDARD
            .iter()
            .find(|(name, _, _)| *name == label)
            .map(|&(name, start, end)| Creneau {
                label: name.to_string(),
                start,
                end,
            })
    }

    /// Continuous duration in minutes.
    pub fn duration_minutes(&self) -> u32 {
        u32::from(self.end.0.saturating_sub(self.start.0))
    }

    /// Whether the two slots overlap in time.
    pub fn overlaps(&self, other: &Creneau) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Display order within a day: by start time, then end, then label.
    pub fn sort_key(&self) -> (Minutes, Minutes, &str) {
        (self.start, self.end, self.label.as_str())
    }
}

impl fmt::Display for Creneau {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}
