//! Scenarios built by hand, and what a test checks of a finding.

use chrono::NaiveDate;

use crate::audit::*;
use crate::domain::{
    Accueil, AcmType, Animateur, AvailabilityFlags, Contrat, Creneau, Inputs, Minutes, Prevision,
    Role, SourceRef,
};
use crate::problem::Problem;
use crate::rules::{Parameters, qualifications};

pub(super) fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

pub(super) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// A territory and a schedule, built up by hand.
pub(super) struct Scenario {
    pub(super) inputs: Inputs,
    pub(super) schedule: Vec<Affectation>,
    /// Declared availability that replaces the default `J` for a person on a date.
    pub(super) availability: Vec<(String, NaiveDate, AvailabilityFlags)>,
}

impl Scenario {
    pub(super) fn new() -> Self {
        Scenario {
            inputs: Inputs::default(),
            schedule: Vec::new(),
            availability: Vec::new(),
        }
    }

    /// An accueil de loisirs (extrascolaire in the summer holidays: 1:8 and 1:12).
    pub(super) fn accueil(&mut self, code: &str, capacite: u32) -> &mut Accueil {
        self.inputs.accueils.push(Accueil {
            code: code.to_string(),
            nom: format!("Accueil {code}"),
            commune: "Saumur".to_string(),
            kind: AcmType::AccueilLoisirs,
            pedt: false,
            capacite,
            jours_ouverture: None,
            secteur: None,
            tous_14_ans_et_plus: false,
            derogation_direction: false,
            rattache_a: None,
            source: SourceRef::default(),
        });
        self.inputs.accueils.last_mut().expect("just pushed")
    }

    /// Children on a standard créneau.
    pub(super) fn forecast(
        &mut self,
        code: &str,
        date: NaiveDate,
        creneau: &str,
        under_6: u32,
        over_6: u32,
    ) {
        let creneau = Creneau::standard(creneau).expect("standard créneau");
        self.forecast_at(code, date, creneau, under_6, over_6);
    }

    pub(super) fn forecast_at(
        &mut self,
        code: &str,
        date: NaiveDate,
        creneau: Creneau,
        under_6: u32,
        over_6: u32,
    ) {
        self.inputs.previsions.push(Prevision {
            accueil: code.to_string(),
            date,
            creneau,
            moins_de_6: under_6,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        });
    }

    /// An adult on a CDI, available every day (`J`), no sector.
    pub(super) fn person(&mut self, id: &str, qualification: &str) -> &mut Animateur {
        self.inputs.animateurs.push(Animateur {
            id: id.to_string(),
            nom: format!("Nom{id}"),
            prenom: "Camille".to_string(),
            qualification: qualifications::canonical(qualification).expect("known qualification"),
            contrat: Contrat::Cdi,
            jours_cee_anterieurs: 0,
            cout_journalier: None,
            date_naissance: Some(ymd(1990, 1, 1)),
            secteur: None,
            accueils_possibles: Vec::new(),
            max_jours: None,
            telephone: None,
            email: None,
            certificats: Vec::new(),
            source: SourceRef::default(),
        });
        self.inputs.animateurs.last_mut().expect("just pushed")
    }

    pub(super) fn available(&mut self, id: &str, date: NaiveDate, flags: AvailabilityFlags) {
        self.availability.push((id.to_string(), date, flags));
    }

    /// A schedule row; the créneau takes the times of the forecast with that label, if any.
    pub(super) fn assign(
        &mut self,
        id: &str,
        code: &str,
        date: NaiveDate,
        creneau: &str,
        role: Role,
    ) {
        let creneau = self
            .inputs
            .previsions
            .iter()
            .find(|p| p.accueil == code && p.date == date && p.creneau.label == creneau)
            .map(|p| p.creneau.clone())
            .or_else(|| Creneau::standard(creneau))
            .unwrap_or(Creneau {
                label: creneau.to_string(),
                start: Minutes::hm(8, 30),
                end: Minutes::hm(17, 30),
            });
        let row = u32::try_from(self.schedule.len()).expect("small schedule") + 2;
        self.schedule.push(Affectation {
            animateur: id.to_string(),
            accueil: code.to_string(),
            date,
            creneau,
            role,
            source: Some(SourceRef {
                file: "planning.xlsx".to_string(),
                sheet: "Affectations".to_string(),
                row,
            }),
        });
    }

    pub(super) fn direct(&mut self, id: &str, code: &str, date: NaiveDate, creneau: &str) {
        self.assign(id, code, date, creneau, Role::Direction);
    }

    pub(super) fn animate(&mut self, id: &str, code: &str, date: NaiveDate, creneau: &str) {
        self.assign(id, code, date, creneau, Role::Animation);
    }

    pub(super) fn problem(&self) -> Problem {
        let mut inputs = self.inputs.clone();
        let dates: Vec<NaiveDate> = inputs
            .previsions
            .iter()
            .map(|p| p.date)
            .chain(self.schedule.iter().map(|a| a.date))
            .collect();
        for person in &self.inputs.animateurs {
            for date in &dates {
                let declared = self
                    .availability
                    .iter()
                    .find(|(id, d, _)| *id == person.id && d == date)
                    .map_or(AvailabilityFlags::JOURNEE, |(_, _, flags)| *flags);
                if !declared.is_empty() {
                    inputs.disponibilites.add(&person.id, *date, declared);
                }
            }
        }
        let parameters = Parameters::default();
        Problem::new(inputs, parameters).expect("valid forecasts")
    }

    pub(super) fn audit(&self) -> AuditReport {
        audit(&self.problem(), &self.schedule)
    }
}

/// What a test checks of a finding: rule, place, numbers, article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    pub(super) rule: RuleKind,
    pub(super) accueil: Option<String>,
    pub(super) date: Option<NaiveDate>,
    pub(super) creneau: Option<String>,
    pub(super) animateur: Option<String>,
    pub(super) required: Option<i64>,
    pub(super) found: Option<i64>,
    pub(super) article: &'static str,
}

pub(super) fn seen(violation: &Violation) -> Seen {
    Seen {
        rule: violation.rule,
        accueil: violation.accueil.clone(),
        date: violation.date,
        creneau: violation.creneau.as_ref().map(|c| c.label.clone()),
        animateur: violation.animateur.clone(),
        required: violation.required,
        found: violation.found,
        article: violation.article,
    }
}

/// Expected finding: `(rule, accueil, date, créneau, animateur, required, found, article)`.
pub(super) fn expect(
    rule: RuleKind,
    accueil: Option<&str>,
    date: Option<NaiveDate>,
    creneau: Option<&str>,
    animateur: Option<&str>,
    numbers: Option<(i64, i64)>,
    article: &'static str,
) -> Seen {
    Seen {
        rule,
        accueil: accueil.map(str::to_string),
        date,
        creneau: creneau.map(str::to_string),
        animateur: animateur.map(str::to_string),
        required: numbers.map(|n| n.0),
        found: numbers.map(|n| n.1),
        article,
    }
}

pub(super) fn seen_all(report: &AuditReport) -> Vec<Seen> {
    report.violations.iter().map(seen).collect()
}

pub(super) fn rules_of(report: &AuditReport) -> Vec<RuleKind> {
    report.violations.iter().map(|v| v.rule).collect()
}
