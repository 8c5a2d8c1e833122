//! What the tests share: the `petit-accueil` fixture built by hand, people, and a small
//! scenario builder.

use chrono::NaiveDate;

use crate::domain::{
    Accueil, AcmType, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Prevision,
    SourceRef,
};
use crate::optimize::{PlanOptions, PlanResult, plan};
use crate::problem::Problem;
use crate::rules::{Parameters, qualifications};

pub(super) fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

pub(super) fn person(
    id: &str,
    qualification: &str,
    contrat: Contrat,
    prior: u32,
    euros: i64,
) -> Animateur {
    Animateur {
        id: id.to_string(),
        nom: format!("Nom{id}"),
        prenom: format!("Prénom{id}"),
        qualification: qualifications::canonical(qualification).expect("known qualification"),
        contrat,
        jours_cee_anterieurs: prior,
        cout_journalier: Some(Cents::euros(euros)),
        date_naissance: None,
        secteur: Some("Saumur".to_string()),
        accueils_possibles: Vec::new(),
        max_jours: None,
        telephone: None,
        email: None,
        certificats: Vec::new(),
        source: SourceRef::default(),
    }
}

/// The `fixtures/petit-accueil.xlsx` content, built by hand.
pub(super) fn petit_accueil() -> Inputs {
    let accueil = Accueil {
        code: "ALSH-VARRAINS".into(),
        nom: "Accueil de loisirs Les Lutins".into(),
        commune: "Varrains".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite: 40,
        jours_ouverture: Some(60),
        secteur: Some("Saumur".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        rattache_a: None,
        source: SourceRef::default(),
    };
    let children = [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ];
    let previsions = children
        .iter()
        .map(|&(day, under_6, over_6)| Prevision {
            accueil: "ALSH-VARRAINS".into(),
            date: date(day),
            creneau: Creneau::standard("journee").expect("standard"),
            moins_de_6: under_6,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        })
        .collect();
    let animateurs = vec![
        person("A1", "BAFD", Contrat::Cdi, 0, 120),
        person("A2", "BAFA", Contrat::Cee, 0, 65),
        person("A3", "BAFA", Contrat::Cee, 77, 65),
        person("A4", "stagiaire BAFA", Contrat::Cee, 0, 60),
        person("A5", "sans qualification", Contrat::Cee, 0, 55),
        person("A6", "BAFA", Contrat::Cee, 10, 65),
    ];
    let mut inputs = Inputs {
        accueils: vec![accueil],
        previsions,
        animateurs,
        ..Inputs::default()
    };
    for id in ["A1", "A2", "A3", "A4", "A5", "A6"] {
        for day in 6..=10 {
            inputs
                .disponibilites
                .add(id, date(day), AvailabilityFlags::JOURNEE);
        }
    }
    inputs
        .disponibilites
        .by_person_date
        .remove(&("A6".to_string(), date(8)));
    let morning = AvailabilityFlags {
        matin: true,
        ..AvailabilityFlags::default()
    };
    inputs
        .disponibilites
        .by_person_date
        .insert(("A2".to_string(), date(10)), morning);
    inputs
}

pub(super) fn problem(inputs: Inputs) -> Problem {
    let parameters = Parameters::default();
    Problem::new(inputs, parameters).expect("valid requirements")
}

pub(super) fn run(inputs: Inputs, recruit: bool) -> PlanResult {
    let options = PlanOptions {
        time_limit_seconds: 30.0,
        recruit,
        ..PlanOptions::default()
    };
    plan(&problem(inputs), &options).expect("plan")
}

pub(super) fn days_of(result: &PlanResult, id: &str) -> u32 {
    result
        .people
        .iter()
        .find(|p| p.animateur == id)
        .map_or(0, |p| p.days_worked)
}

/// A small scenario: one or more ACM, forecasts, people available every forecast day (J).
pub(super) struct Scenario {
    pub(super) inputs: Inputs,
}

impl Scenario {
    pub(super) fn new() -> Self {
        Scenario {
            inputs: Inputs::default(),
        }
    }

    pub(super) fn accueil(mut self, code: &str, kind: AcmType, capacite: u32, jours: u32) -> Self {
        let mut accueil = petit_accueil().accueils.remove(0);
        accueil.code = code.to_string();
        accueil.kind = kind;
        accueil.capacite = capacite;
        accueil.jours_ouverture = Some(jours);
        self.inputs.accueils.push(accueil);
        self
    }

    pub(super) fn forecast(
        mut self,
        code: &str,
        day: u32,
        creneau: &str,
        under_6: u32,
        over_6: u32,
    ) -> Self {
        self.inputs.previsions.push(Prevision {
            accueil: code.to_string(),
            date: date(day),
            creneau: Creneau::standard(creneau).expect("standard"),
            moins_de_6: under_6,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        });
        self
    }

    /// A forecast on a créneau of its own times, in minutes from midnight.
    pub(super) fn forecast_at(
        mut self,
        code: &str,
        day: u32,
        (label, start, end): (&str, u16, u16),
        over_6: u32,
    ) -> Self {
        self.inputs.previsions.push(Prevision {
            accueil: code.to_string(),
            date: date(day),
            creneau: Creneau {
                label: label.to_string(),
                start: crate::domain::Minutes(start),
                end: crate::domain::Minutes(end),
            },
            moins_de_6: 0,
            six_et_plus: over_6,
            renforce: 0,
            source: SourceRef::default(),
        });
        self
    }

    pub(super) fn person(mut self, animateur: Animateur) -> Self {
        let dates: Vec<NaiveDate> = self.inputs.previsions.iter().map(|p| p.date).collect();
        for day in dates {
            self.inputs
                .disponibilites
                .add(&animateur.id, day, AvailabilityFlags::JOURNEE);
        }
        self.inputs.animateurs.push(animateur);
        self
    }

    pub(super) fn run(self) -> PlanResult {
        run(self.inputs, false)
    }
}
