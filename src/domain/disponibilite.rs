use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::creneau::{Creneau, Minutes};

/// Parts of a day a person declared themselves available for (design.md §3 `Disponibilites`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AvailabilityFlags {
    /// `M`: covers créneaux ending by 13:45.
    pub matin: bool,
    /// `AM`: covers créneaux starting from 11:45.
    pub apres_midi: bool,
    /// `S`: covers créneaux starting from 16:00.
    pub soir: bool,
}

impl AvailabilityFlags {
    /// `J`: the whole day, every créneau.
    pub const JOURNEE: AvailabilityFlags = AvailabilityFlags {
        matin: true,
        apres_midi: true,
        soir: true,
    };

    pub fn is_empty(self) -> bool {
        !(self.matin || self.apres_midi || self.soir)
    }

    pub fn union(self, other: AvailabilityFlags) -> AvailabilityFlags {
        AvailabilityFlags {
            matin: self.matin || other.matin,
            apres_midi: self.apres_midi || other.apres_midi,
            soir: self.soir || other.soir,
        }
    }

    /// Whether a person available for these parts of the day can work `creneau`.
    ///
    /// `J` covers everything; `M` covers créneaux ending by 13:45, `AM` those starting from 11:45,
    /// `S` those starting from 16:00; a créneau spanning the morning and the afternoon (a
    /// `journee`) needs `M` and `AM` together.
    pub fn covers(self, creneau: &Creneau) -> bool {
        if self == Self::JOURNEE {
            return true;
        }
        let morning = self.matin && creneau.end <= Minutes::hm(13, 45);
        let afternoon = self.apres_midi && creneau.start >= Minutes::hm(11, 45);
        let evening = self.soir && creneau.start >= Minutes::hm(16, 0);
        let morning_and_afternoon =
            self.matin && self.apres_midi && creneau.start < Minutes::hm(16, 0);
        morning || afternoon || evening || morning_and_afternoon
    }

    /// The grid code (`J`, `M`, `AM`, `S`, or a combination like `M+S`).
    pub fn code(self) -> String {
        if self == Self::JOURNEE {
            return "J".to_string();
        }
        let mut parts = Vec::new();
        if self.matin {
            parts.push("M");
        }
        if self.apres_midi {
            parts.push("AM");
        }
        if self.soir {
            parts.push("S");
        }
        parts.join("+")
    }
}

/// Availability of every person: (animateur Id, date) → parts of the day. Absent means unavailable.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Availability {
    pub by_person_date: BTreeMap<(String, NaiveDate), AvailabilityFlags>,
}

impl Availability {
    pub fn flags(&self, animateur: &str, date: NaiveDate) -> AvailabilityFlags {
        self.by_person_date
            .get(&(animateur.to_string(), date))
            .copied()
            .unwrap_or_default()
    }

    /// One person's availability, by date.
    pub fn of(&self, animateur: &str) -> BTreeMap<NaiveDate, AvailabilityFlags> {
        let key = |date| (animateur.to_string(), date);
        self.by_person_date
            .range(key(NaiveDate::MIN)..=key(NaiveDate::MAX))
            .map(|((_, date), flags)| (*date, *flags))
            .collect()
    }

    pub fn is_available(&self, animateur: &str, date: NaiveDate, creneau: &Creneau) -> bool {
        self.flags(animateur, date).covers(creneau)
    }

    /// Adds availability (several rows for the same person and date add up).
    pub fn add(&mut self, animateur: &str, date: NaiveDate, flags: AvailabilityFlags) {
        let entry = self
            .by_person_date
            .entry((animateur.to_string(), date))
            .or_default();
        *entry = entry.union(flags);
    }

    /// Whether the person has at least one available day.
    pub fn has_any(&self, animateur: &str) -> bool {
        self.by_person_date
            .iter()
            .any(|((id, _), flags)| id == animateur && !flags.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(label: &str) -> Creneau {
        Creneau::standard(label).expect("standard créneau")
    }

    #[test]
    fn grid_codes_cover_the_standard_creneaux() {
        let m = AvailabilityFlags {
            matin: true,
            ..Default::default()
        };
        let am = AvailabilityFlags {
            apres_midi: true,
            ..Default::default()
        };
        let s = AvailabilityFlags {
            soir: true,
            ..Default::default()
        };
        let cases = [
            (m, "matin", true),
            (m, "midi", true),
            (m, "apres-midi", false),
            (m, "journee", false),
            (am, "midi", true),
            (am, "apres-midi", true),
            (am, "matin", false),
            (am, "journee", false),
            (s, "soir", true),
            (s, "apres-midi", false),
            (m.union(am), "journee", true),
            (AvailabilityFlags::JOURNEE, "journee", true),
            (AvailabilityFlags::JOURNEE, "soir", true),
        ];
        for (flags, label, expected) in cases {
            assert_eq!(
                flags.covers(&slot(label)),
                expected,
                "{} covers {label}",
                flags.code()
            );
        }
    }
}
