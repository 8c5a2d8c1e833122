//! Who may work where: one definition, shared by the model (which person × open day × créneau
//! become variables), the shortage explanations of `Manques`, `Non retenus` and the advice on
//! what in the input blocks a plan. A reason can never disagree with the model, since both ask
//! this function.
//!
//! What it checks is what holds for a person, an accueil and a day whatever the rest of the plan
//! does: days left under the CEE cap, `Max jours`, sector, availability, public holidays for
//! minors, the daily hour limit, the director's diploma. What depends on the rest of the plan
//! (working elsewhere that day, weekly rest, weekly hours, days used) is for the model and the
//! explanations of a given plan.

use chrono::NaiveDate;

use crate::domain::{Accueil, Animateur, AvailabilityFlags, Contrat, Creneau};

use super::{calendar, director, labour, may_work_at};

/// Why a person may not do a given work at an accueil on a day, in the order checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Exclusion {
    /// A CEE whose 80 days of the last 12 months are used up before the period (L432-4).
    CeeDaysUsed { prior: u32 },
    /// `Max jours` is 0.
    NoDaysAllowed,
    /// The accueil is outside the person's sector and `Accueils possibles`.
    OutsideSector,
    /// A minor on a public holiday (Code du travail L3164-6).
    MinorOnPublicHoliday,
    /// Not available for every créneau of the work (`Disponibilites`).
    Unavailable,
    /// The work is longer than the person's daily limit (L3121-18: 10 h; L3162-1: 8 h under
    /// 18), in minutes.
    TooLong { minutes: u32, limit: u32 },
    /// Directing needs the BAFD or equivalent, or a professional diploma under the 80/80 rule
    /// (R227-14).
    MayNotDirect { professional: bool },
}

/// One person at one accueil: what does not depend on the day, computed once.
#[derive(Debug, Clone, Copy)]
pub struct Eligibility<'a> {
    person: &'a Animateur,
    /// `None` when the person may work there; else why not.
    fixed: Option<Exclusion>,
    may_direct: Option<Exclusion>,
}

impl<'a> Eligibility<'a> {
    /// `person` at `accueil`, whose director must hold a professional diploma when
    /// `professional` (R227-14 III, `Problem::professional_director`).
    pub fn new(person: &'a Animateur, accueil: &Accueil, professional: bool) -> Eligibility<'a> {
        let fixed = if person.contrat == Contrat::Cee
            && person.jours_cee_anterieurs >= labour::CEE_MAX_DAYS_PER_365
        {
            Some(Exclusion::CeeDaysUsed {
                prior: person.jours_cee_anterieurs,
            })
        } else if person.max_jours == Some(0) {
            Some(Exclusion::NoDaysAllowed)
        } else if !may_work_at(person, accueil) {
            Some(Exclusion::OutsideSector)
        } else {
            None
        };
        let may_direct = (!director::may_direct(person.qualification.director, professional))
            .then_some(Exclusion::MayNotDirect { professional });
        Eligibility {
            person,
            fixed,
            may_direct,
        }
    }

    /// Whether the person may work the créneaux `creneaux` there on `date` (directing when
    /// `directs`), available as `flags` say.
    pub fn work(
        &self,
        date: NaiveDate,
        flags: AvailabilityFlags,
        creneaux: &[&Creneau],
        directs: bool,
    ) -> Result<(), Exclusion> {
        if let Some(exclusion) = self.fixed {
            return Err(exclusion);
        }
        let limits = labour::labour_limits(self.person, date);
        if limits.no_public_holidays && calendar::is_public_holiday(date) {
            return Err(Exclusion::MinorOnPublicHoliday);
        }
        if !creneaux.iter().all(|c| flags.covers(c)) {
            return Err(Exclusion::Unavailable);
        }
        let minutes = labour::minutes_worked(creneaux.iter().copied());
        if let Some(limit) = limits.max_minutes_per_day
            && minutes > limit
        {
            return Err(Exclusion::TooLong { minutes, limit });
        }
        match self.may_direct {
            Some(exclusion) if directs => Err(exclusion),
            _ => Ok(()),
        }
    }

    /// Whether the person may work there at all, any day (CEE days, `Max jours`, sector).
    pub fn at_all(&self) -> Result<(), Exclusion> {
        self.fixed.map_or(Ok(()), Err)
    }

    /// Whether the person's diploma lets them direct there.
    pub fn may_direct(&self) -> bool {
        self.may_direct.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AcmType, Minutes, SourceRef};
    use crate::rules::qualifications::canonical;

    fn person(qualification: &str, contrat: Contrat, born: Option<NaiveDate>) -> Animateur {
        Animateur {
            id: "P".into(),
            nom: "N".into(),
            prenom: "P".into(),
            qualification: canonical(qualification).expect("known"),
            contrat,
            jours_cee_anterieurs: 0,
            cout_journalier: None,
            date_naissance: born,
            secteur: Some("Nord".into()),
            accueils_possibles: Vec::new(),
            max_jours: None,
            telephone: None,
            email: None,
            certificats: Vec::new(),
            source: SourceRef::default(),
        }
    }

    fn accueil(secteur: &str) -> Accueil {
        Accueil {
            code: "A".into(),
            nom: "A".into(),
            commune: "A".into(),
            kind: AcmType::AccueilLoisirs,
            pedt: false,
            capacite: 40,
            jours_ouverture: None,
            secteur: Some(secteur.into()),
            tous_14_ans_et_plus: false,
            derogation_direction: false,
            rattache_a: None,
            source: SourceRef::default(),
        }
    }

    fn creneau(label: &str, start: (u16, u16), end: (u16, u16)) -> Creneau {
        Creneau {
            label: label.into(),
            start: Minutes(start.0 * 60 + start.1),
            end: Minutes(end.0 * 60 + end.1),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).expect("date")
    }

    /// An 11-hour opening (07:30–18:30): a BAFD on a CDI may not direct it whole (10 h a day,
    /// L3121-18), but may work its morning; a CEE has no daily limit.
    #[test]
    fn an_eleven_hour_day_is_too_long_for_a_cdi_director() {
        let site = accueil("Nord");
        let morning = creneau("accueil matin", (7, 30), (9, 0));
        let day_long = creneau("activites", (9, 0), (17, 0));
        let evening = creneau("accueil soir", (17, 0), (18, 30));
        let whole = [&morning, &day_long, &evening];
        let cdi = person("BAFD", Contrat::Cdi, None);
        let eligibility = Eligibility::new(&cdi, &site, false);
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::JOURNEE, &whole, true),
            Err(Exclusion::TooLong {
                minutes: 660,
                limit: 600
            })
        );
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::JOURNEE, &[&day_long], true),
            Ok(())
        );
        let cee = person("BAFD", Contrat::Cee, None);
        assert_eq!(
            Eligibility::new(&cee, &site, false).work(
                day(13),
                AvailabilityFlags::JOURNEE,
                &whole,
                true
            ),
            Ok(())
        );
    }

    #[test]
    fn exclusions_come_in_their_order() {
        let site = accueil("Sud");
        let mut minor = person("BAFA", Contrat::Cee, NaiveDate::from_ymd_opt(2010, 3, 1));
        let slot = creneau("journee", (8, 30), (17, 30));
        // Outside the sector first, whatever else.
        assert_eq!(
            Eligibility::new(&minor, &site, false).work(
                day(1),
                AvailabilityFlags::default(),
                &[&slot],
                true
            ),
            Err(Exclusion::OutsideSector)
        );
        minor.accueils_possibles = vec!["tous".into()];
        let eligibility = Eligibility::new(&minor, &site, false);
        // 1 January: a public holiday, which a minor may not work.
        assert_eq!(
            eligibility.work(day(1), AvailabilityFlags::JOURNEE, &[&slot], false),
            Err(Exclusion::MinorOnPublicHoliday)
        );
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::default(), &[&slot], false),
            Err(Exclusion::Unavailable)
        );
        // 9 hours: more than a minor's 8.
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::JOURNEE, &[&slot], false),
            Err(Exclusion::TooLong {
                minutes: 540,
                limit: 480
            })
        );
        let short = creneau("apres-midi", (13, 30), (17, 30));
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::JOURNEE, &[&short], false),
            Ok(())
        );
        assert_eq!(
            eligibility.work(day(13), AvailabilityFlags::JOURNEE, &[&short], true),
            Err(Exclusion::MayNotDirect {
                professional: false
            })
        );
        let mut used = person("BAFD", Contrat::Cee, None);
        used.jours_cee_anterieurs = 80;
        assert_eq!(
            Eligibility::new(&used, &accueil("Nord"), false).at_all(),
            Err(Exclusion::CeeDaysUsed { prior: 80 })
        );
    }
}
