//! The audit on schedules built by hand: one of each violation, legal schedules, edge cases.

use chrono::{Duration, NaiveDate};

use super::*;
use crate::domain::{
    Accueil, AcmType, Animateur, AvailabilityFlags, Cents, Contrat, Creneau, Inputs, Minutes,
    Prevision, Role, SourceRef,
};
use crate::problem::Problem;
use crate::rules::{Parameters, qualifications};

fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// A territory and a schedule, built up by hand.
struct Scenario {
    inputs: Inputs,
    schedule: Vec<Affectation>,
    /// Declared availability that replaces the default `J` for a person on a date.
    availability: Vec<(String, NaiveDate, AvailabilityFlags)>,
}

impl Scenario {
    fn new() -> Self {
        Scenario {
            inputs: Inputs::default(),
            schedule: Vec::new(),
            availability: Vec::new(),
        }
    }

    /// An accueil de loisirs (extrascolaire in the summer holidays: 1:8 and 1:12).
    fn accueil(&mut self, code: &str, capacite: u32) -> &mut Accueil {
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
            source: SourceRef::default(),
        });
        self.inputs.accueils.last_mut().expect("just pushed")
    }

    /// Children on a standard créneau.
    fn forecast(&mut self, code: &str, date: NaiveDate, creneau: &str, under_6: u32, over_6: u32) {
        let creneau = Creneau::standard(creneau).expect("standard créneau");
        self.forecast_at(code, date, creneau, under_6, over_6);
    }

    fn forecast_at(
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
    fn person(&mut self, id: &str, qualification: &str) -> &mut Animateur {
        self.inputs.animateurs.push(Animateur {
            id: id.to_string(),
            nom: format!("Nom{id}"),
            prenom: "Camille".to_string(),
            qualification: qualifications::canonical(qualification).expect("known qualification"),
            certificats: Vec::new(),
            contrat: Contrat::Cdi,
            jours_cee_anterieurs: 0,
            cout_journalier: None,
            date_naissance: Some(ymd(1990, 1, 1)),
            secteur: None,
            accueils_possibles: Vec::new(),
            max_jours: None,
            source: SourceRef::default(),
        });
        self.inputs.animateurs.last_mut().expect("just pushed")
    }

    fn available(&mut self, id: &str, date: NaiveDate, flags: AvailabilityFlags) {
        self.availability.push((id.to_string(), date, flags));
    }

    /// A schedule row; the créneau takes the times of the forecast with that label, if any.
    fn assign(&mut self, id: &str, code: &str, date: NaiveDate, creneau: &str, role: Role) {
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

    fn direct(&mut self, id: &str, code: &str, date: NaiveDate, creneau: &str) {
        self.assign(id, code, date, creneau, Role::Direction);
    }

    fn animate(&mut self, id: &str, code: &str, date: NaiveDate, creneau: &str) {
        self.assign(id, code, date, creneau, Role::Animation);
    }

    fn problem(&self) -> Problem {
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

    fn audit(&self) -> AuditReport {
        audit(&self.problem(), &self.schedule)
    }
}

/// What a test checks of a finding: rule, place, numbers, article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    rule: RuleKind,
    accueil: Option<String>,
    date: Option<NaiveDate>,
    creneau: Option<String>,
    animateur: Option<String>,
    required: Option<i64>,
    found: Option<i64>,
    article: &'static str,
}

fn seen(violation: &Violation) -> Seen {
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
fn expect(
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

fn seen_all(report: &AuditReport) -> Vec<Seen> {
    report.violations.iter().map(seen).collect()
}

fn rules_of(report: &AuditReport) -> Vec<RuleKind> {
    report.violations.iter().map(|v| v.rule).collect()
}

/// The schedule with exactly one violation of each kind, each on its own ACM or person.
fn one_of_each() -> Scenario {
    let mut s = Scenario::new();
    let day = july(6); // Monday 6 July 2026, summer holidays: extrascolaire 1:8 / 1:12.

    // Référence inconnue: an unknown person on a legal slot.
    s.accueil("A-REF", 40);
    s.forecast("A-REF", day, "journee", 0, 12);
    s.person("D-REF", "BAFD");
    s.direct("D-REF", "A-REF", day, "journee");
    s.animate("X99", "A-REF", day, "journee");

    // Effectif insuffisant: 30 children → N = 3; director (counted, ≤ 50) + 1 BAFA.
    s.accueil("B-EFF", 40);
    s.forecast("B-EFF", day, "journee", 0, 30);
    s.person("D-EFF", "BAFD");
    s.person("AN-EFF", "BAFA");
    s.direct("D-EFF", "B-EFF", day, "journee");
    s.animate("AN-EFF", "B-EFF", day, "journee");

    // Directeur compté indûment: capacity 60, 24 children → N = 2; 1 animateur + director.
    s.accueil("C-CPT", 60);
    s.forecast("C-CPT", day, "journee", 0, 24);
    s.person("D-CPT", "BAFD");
    s.person("AN-CPT", "BAFA");
    s.direct("D-CPT", "C-CPT", day, "journee");
    s.animate("AN-CPT", "C-CPT", day, "journee");

    // Qualifiés insuffisants: N = 2 met by two trainees, no qualified.
    s.accueil("D-QUAL", 60);
    s.forecast("D-QUAL", day, "journee", 0, 24);
    s.person("D-QUA", "BAFD");
    s.person("ST1", "stagiaire BAFA");
    s.person("ST2", "stagiaire BAFA");
    s.direct("D-QUA", "D-QUAL", day, "journee");
    s.animate("ST1", "D-QUAL", day, "journee");
    s.animate("ST2", "D-QUAL", day, "journee");

    // Trop de sans qualification: N = 2 allows none.
    s.accueil("E-SANS", 60);
    s.forecast("E-SANS", day, "journee", 0, 24);
    s.person("D-SAN", "BAFD");
    s.person("AN-SAN", "BAFA");
    s.person("SQ1", "sans qualification");
    s.direct("D-SAN", "E-SANS", day, "journee");
    s.animate("AN-SAN", "E-SANS", day, "journee");
    s.animate("SQ1", "E-SANS", day, "journee");

    // Pas de direction.
    s.accueil("F-NODIR", 40);
    s.forecast("F-NODIR", day, "journee", 0, 12);
    s.person("AN-NOD", "BAFA");
    s.animate("AN-NOD", "F-NODIR", day, "journee");

    // Directeur sans le diplôme requis: open 200 days for 100 minors, a BAFD directs.
    s.accueil("G-PRO", 100).jours_ouverture = Some(200);
    s.forecast("G-PRO", day, "journee", 0, 12);
    s.person("D-PRO", "BAFD");
    s.person("AN-PRO", "BAFA");
    s.direct("D-PRO", "G-PRO", day, "journee");
    s.animate("AN-PRO", "G-PRO", day, "journee");

    // Double rôle.
    s.accueil("H-DOUBLE", 40);
    s.forecast("H-DOUBLE", day, "journee", 0, 12);
    s.person("D-DBL", "BAFD");
    s.direct("D-DBL", "H-DOUBLE", day, "journee");
    s.animate("D-DBL", "H-DOUBLE", day, "journee");

    // Indisponible: declared the morning only.
    s.accueil("I-DISPO", 40);
    s.forecast("I-DISPO", day, "journee", 0, 12);
    s.person("D-DIS", "BAFD");
    s.available(
        "D-DIS",
        day,
        AvailabilityFlags {
            matin: true,
            ..Default::default()
        },
    );
    s.direct("D-DIS", "I-DISPO", day, "journee");

    // Hors secteur.
    s.accueil("J-LOIN", 40).secteur = Some("Nord".to_string());
    s.forecast("J-LOIN", day, "journee", 0, 12);
    s.person("D-LOIN", "BAFD").secteur = Some("Sud".to_string());
    s.direct("D-LOIN", "J-LOIN", day, "journee");

    // Deux accueils le même jour (morning and evening: no overlap).
    s.accueil("K-MAT", 40);
    s.forecast("K-MAT", day, "matin", 0, 12);
    s.accueil("L-SOIR", 40);
    s.forecast("L-SOIR", day, "soir", 0, 12);
    s.person("D-2ACM", "BAFD");
    s.direct("D-2ACM", "K-MAT", day, "matin");
    s.direct("D-2ACM", "L-SOIR", day, "soir");

    // Créneau en double: the same row typed twice.
    s.accueil("M-DUP", 40);
    s.forecast("M-DUP", day, "journee", 0, 12);
    s.person("D-DUP", "BAFD");
    s.direct("D-DUP", "M-DUP", day, "journee");
    s.direct("D-DUP", "M-DUP", day, "journee");

    // CEE: 77 days before the period + 4 planned = 81.
    s.accueil("N-CEE", 40);
    s.person("D-CEE", "BAFD").contrat = Contrat::Cee;
    s.inputs
        .animateurs
        .last_mut()
        .expect("person")
        .jours_cee_anterieurs = 77;
    for offset in 0..4 {
        let date = day + Duration::days(offset);
        s.forecast("N-CEE", date, "journee", 0, 12);
        s.direct("D-CEE", "N-CEE", date, "journee");
    }

    // Repos hebdomadaire: 7 mornings in a row (24 h 30 over the week: within 48 h).
    s.accueil("O-SEPT", 40);
    s.person("D-SEPT", "BAFD");
    for offset in 0..7 {
        let date = day + Duration::days(offset);
        s.forecast("O-SEPT", date, "matin", 0, 12);
        s.direct("D-SEPT", "O-SEPT", date, "matin");
    }

    // Durée quotidienne: a day (9 h) and an evening vigil (3 h) = 12 h.
    s.accueil("P-LONG", 40);
    s.forecast("P-LONG", day, "journee", 0, 12);
    let veillee = Creneau {
        label: "veillee".to_string(),
        start: Minutes::hm(19, 0),
        end: Minutes::hm(22, 0),
    };
    s.forecast_at("P-LONG", day, veillee, 0, 12);
    s.person("D-LONG", "BAFD");
    s.direct("D-LONG", "P-LONG", day, "journee");
    s.direct("D-LONG", "P-LONG", day, "veillee");

    // Durée hebdomadaire: 5 days of 10 h (08:30–18:30) = 50 h.
    s.accueil("Q-SEM", 40);
    s.person("D-SEM", "BAFD");
    for offset in 0..5 {
        let date = day + Duration::days(offset);
        s.forecast("Q-SEM", date, "journee", 0, 12);
        s.forecast("Q-SEM", date, "soir", 0, 12);
        s.direct("D-SEM", "Q-SEM", date, "journee");
        s.direct("D-SEM", "Q-SEM", date, "soir");
    }

    // Mineur un jour férié: a 17-year-old on 14 July.
    s.accueil("R-FERIE", 40);
    s.forecast("R-FERIE", july(14), "matin", 0, 12);
    s.person("D-FER", "BAFD");
    s.person("MIN1", "BAFA").date_naissance = Some(ymd(2009, 3, 1));
    s.direct("D-FER", "R-FERIE", july(14), "matin");
    s.animate("MIN1", "R-FERIE", july(14), "matin");

    // Mineur sans 2 jours de repos consécutifs: Monday to Saturday, Sunday off only.
    s.accueil("S-MIN", 40);
    s.person("D-SMIN", "BAFD");
    s.person("MIN2", "BAFA").date_naissance = Some(ymd(2009, 3, 1));
    for offset in 0..6 {
        let date = july(20) + Duration::days(offset);
        s.forecast("S-MIN", date, "matin", 0, 12);
        s.direct("D-SMIN", "S-MIN", date, "matin");
        s.animate("MIN2", "S-MIN", date, "matin");
    }

    // Limite personnelle: Max jours 1, works 2 days.
    s.accueil("T-MAXJ", 40);
    s.person("D-MAXJ", "BAFD").max_jours = Some(1);
    for date in [july(6), july(7)] {
        s.forecast("T-MAXJ", date, "journee", 0, 12);
        s.direct("D-MAXJ", "T-MAXJ", date, "journee");
    }

    // Rémunération CEE: 40 € a day, below 4.30 × 11.88 € = 51.08 €.
    s.accueil("U-PAIE", 40);
    s.forecast("U-PAIE", day, "journee", 0, 12);
    let paid = s.person("D-PAIE", "BAFD");
    paid.contrat = Contrat::Cee;
    paid.cout_journalier = Some(Cents::euros(40));
    s.direct("D-PAIE", "U-PAIE", day, "journee");
    s
}

#[test]
fn one_violation_of_each_kind_is_reported_in_place_and_nothing_else() {
    use RuleKind::*;
    let scenario = one_of_each();
    let report = scenario.audit();
    let day = Some(july(6));
    let expected = vec![
        expect(
            ReferenceInconnue,
            Some("A-REF"),
            day,
            Some("journee"),
            Some("X99"),
            None,
            "planning",
        ),
        expect(
            EffectifInsuffisant,
            Some("B-EFF"),
            day,
            Some("journee"),
            None,
            Some((3, 2)),
            "CASF R227-15",
        ),
        expect(
            DirecteurCompteIndument,
            Some("C-CPT"),
            day,
            Some("journee"),
            None,
            Some((2, 1)),
            "CASF R227-17 ; arrêté du 13 février 2007 art. 1 d",
        ),
        expect(
            QualifiesInsuffisants,
            Some("D-QUAL"),
            day,
            Some("journee"),
            None,
            Some((1, 0)),
            "CASF R227-12",
        ),
        expect(
            TropDeSansQualification,
            Some("E-SANS"),
            day,
            Some("journee"),
            None,
            Some((0, 1)),
            "CASF R227-12",
        ),
        expect(
            DirectionAbsente,
            Some("F-NODIR"),
            day,
            None,
            None,
            Some((1, 0)),
            "CASF R227-14",
        ),
        expect(
            DirecteurNonHabilite,
            Some("G-PRO"),
            day,
            None,
            Some("D-PRO"),
            None,
            "CASF R227-14 III",
        ),
        expect(
            DoubleRole,
            Some("H-DOUBLE"),
            day,
            Some("journee"),
            Some("D-DBL"),
            None,
            "CASF R227-17",
        ),
        expect(
            DeuxAccueilsMemeJour,
            None,
            day,
            None,
            Some("D-2ACM"),
            Some((1, 2)),
            "un accueil par jour",
        ),
        expect(
            JoursCee,
            None,
            Some(july(9)),
            None,
            Some("D-CEE"),
            Some((80, 81)),
            "CASF L432-4",
        ),
        expect(
            Indisponible,
            Some("I-DISPO"),
            day,
            Some("journee"),
            Some("D-DIS"),
            None,
            "disponibilités",
        ),
        expect(
            CreneauEnDouble,
            Some("M-DUP"),
            day,
            Some("journee"),
            Some("D-DUP"),
            None,
            "planning",
        ),
        expect(
            HorsSecteur,
            Some("J-LOIN"),
            day,
            None,
            Some("D-LOIN"),
            None,
            "secteurs de mobilité",
        ),
        expect(
            DureeQuotidienne,
            None,
            day,
            None,
            Some("D-LONG"),
            Some((600, 720)),
            "Code du travail L3121-18",
        ),
        expect(
            LimitePersonnelle,
            None,
            Some(july(7)),
            None,
            Some("D-MAXJ"),
            Some((1, 2)),
            "limite personnelle",
        ),
        expect(
            RemunerationCee,
            None,
            day,
            None,
            Some("D-PAIE"),
            Some((5109, 4000)),
            "CASF D432-2",
        ),
        expect(
            DureeHebdomadaire,
            None,
            day,
            None,
            Some("D-SEM"),
            Some((2880, 3000)),
            "Code du travail L3121-20",
        ),
        expect(
            ReposHebdomadaire,
            None,
            Some(july(12)),
            None,
            Some("D-SEPT"),
            Some((6, 7)),
            "Code du travail L3132-2",
        ),
        expect(
            MineurJourFerie,
            Some("R-FERIE"),
            Some(july(14)),
            None,
            Some("MIN1"),
            None,
            "Code du travail L3164-6",
        ),
        expect(
            MineurReposDeuxJours,
            None,
            Some(july(20)),
            None,
            Some("MIN2"),
            Some((2, 1)),
            "Code du travail L3164-2",
        ),
    ];
    assert_eq!(seen_all(&report), expected);
    // Every kind exactly once.
    let mut kinds = rules_of(&report);
    kinds.sort();
    assert_eq!(kinds, RuleKind::ALL.to_vec());
    assert_eq!(report.infractions(), 19);
    assert_eq!(report.warnings(), 1);
    assert!(!report.is_legal());
}

#[test]
fn findings_name_the_numbers_and_the_schedule_row_in_french() {
    let report = one_of_each().audit();
    let find = |rule: RuleKind| {
        report
            .violations
            .iter()
            .find(|v| v.rule == rule)
            .expect("finding of this rule")
    };
    let staff = find(RuleKind::EffectifInsuffisant);
    assert!(
        staff
            .message
            .starts_with("2 animateurs pour 3 requis (30 enfants de 6 ans et plus"),
        "{}",
        staff.message
    );
    let reference = find(RuleKind::ReferenceInconnue);
    assert_eq!(reference.source_row, Some(3));
    assert!(
        reference
            .message
            .contains("« X99 » absent de la feuille Animateurs")
    );
    let duplicate = find(RuleKind::CreneauEnDouble);
    assert!(
        duplicate.message.contains("saisi deux fois"),
        "{}",
        duplicate.message
    );
    let cee = find(RuleKind::JoursCee);
    assert!(
        cee.message
            .starts_with("81 jours en CEE sur 12 mois glissants (dont 77 avant la période)"),
        "{}",
        cee.message
    );
    let hours = find(RuleKind::DureeQuotidienne);
    assert!(
        hours
            .message
            .starts_with("12 h de travail le 06/07/2026 pour 10 h au plus"),
        "{}",
        hours.message
    );
    let pay = find(RuleKind::RemunerationCee);
    assert_eq!(pay.severity, Severity::Avertissement);
    let availability = find(RuleKind::Indisponible);
    assert!(
        availability
            .message
            .contains("disponibilité déclarée ce jour : M"),
        "{}",
        availability.message
    );
    let holiday = find(RuleKind::MineurJourFerie);
    assert!(
        holiday.message.contains("Fête nationale"),
        "{}",
        holiday.message
    );
}

/// A legal week: every ACM staffed, directed, within every limit.
fn legal_week() -> Scenario {
    let mut s = Scenario::new();
    s.accueil("ALSH-PETIT", 40);
    s.accueil("ALSH-GRAND", 60).secteur = Some("Nord".to_string());
    s.person("DIR-P", "BAFD");
    s.person("DIR-G", "DEJEPS").secteur = Some("Nord".to_string());
    s.person("ANIM-1", "BAFA").contrat = Contrat::Cee;
    s.inputs
        .animateurs
        .last_mut()
        .expect("person")
        .jours_cee_anterieurs = 70;
    s.person("ANIM-2", "BPJEPS").secteur = Some("Nord".to_string());
    s.person("ANIM-3", "sans qualification").accueils_possibles = vec!["tous".to_string()];
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2009, 9, 1));
    for offset in 0..5 {
        let date = july(6) + Duration::days(offset);
        // 8 under 6 + 12 over 6 → N = 2; the director counts (≤ 50): director + 1 qualified.
        s.forecast("ALSH-PETIT", date, "matin", 8, 12);
        s.forecast("ALSH-PETIT", date, "apres-midi", 0, 12);
        s.direct("DIR-P", "ALSH-PETIT", date, "matin");
        s.direct("DIR-P", "ALSH-PETIT", date, "apres-midi");
        s.animate("JEUNE", "ALSH-PETIT", date, "matin");
        // 36 over 6 → N = 3, 2 qualified, 1 unqualified at most; director on top.
        s.forecast("ALSH-GRAND", date, "journee", 0, 36);
        s.direct("DIR-G", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-1", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-2", "ALSH-GRAND", date, "journee");
        s.animate("ANIM-3", "ALSH-GRAND", date, "journee");
    }
    // Anim-1 has 70 prior CEE days: 75 with this week. A slot without children needs nobody.
    s.forecast("ALSH-PETIT", july(11), "matin", 0, 0);
    s
}

#[test]
fn a_legal_schedule_has_no_violation() {
    let report = legal_week().audit();
    assert_eq!(seen_all(&report), Vec::<Seen>::new());
    assert!(report.is_legal());
    assert_eq!(report.open_slots, 15);
    assert_eq!(report.people, 6);
    assert_eq!(report.affectations, 35);
}

#[test]
fn the_director_counts_up_to_50_minors_only() {
    for (capacity, expected) in [(50, vec![]), (51, vec![RuleKind::DirecteurCompteIndument])] {
        let mut s = Scenario::new();
        s.accueil("ALSH", capacity);
        s.forecast("ALSH", july(6), "journee", 0, 24);
        s.person("DIR", "BAFD");
        s.person("ANIM", "BAFA");
        s.direct("DIR", "ALSH", july(6), "journee");
        s.animate("ANIM", "ALSH", july(6), "journee");
        assert_eq!(rules_of(&s.audit()), expected, "capacity {capacity}");
    }
}

#[test]
fn a_shortage_beyond_the_director_is_a_plain_shortage() {
    // Capacity 60, 36 children → N = 3: 1 animateur + the director is still short.
    let mut s = Scenario::new();
    s.accueil("ALSH", 60);
    s.forecast("ALSH", july(6), "journee", 0, 36);
    s.person("DIR", "BAFD");
    s.person("ANIM", "BAFA");
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("ANIM", "ALSH", july(6), "journee");
    let report = s.audit();
    assert_eq!(
        rules_of(&report),
        vec![
            RuleKind::EffectifInsuffisant,
            RuleKind::QualifiesInsuffisants
        ]
    );
    assert_eq!(
        (report.violations[0].required, report.violations[0].found),
        (Some(3), Some(1))
    );
    assert_eq!(
        (report.violations[1].required, report.violations[1].found),
        (Some(2), Some(1))
    );
}

#[test]
fn the_director_counts_only_on_the_creneaux_worked() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "matin", 0, 12);
    s.forecast("ALSH", july(6), "apres-midi", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "ALSH", july(6), "matin");
    let report = s.audit();
    let afternoon = |rule, numbers, article| {
        expect(
            rule,
            Some("ALSH"),
            Some(july(6)),
            Some("apres-midi"),
            None,
            Some(numbers),
            article,
        )
    };
    assert_eq!(
        seen_all(&report),
        vec![
            afternoon(RuleKind::EffectifInsuffisant, (1, 0), "CASF R227-15"),
            afternoon(RuleKind::QualifiesInsuffisants, (1, 0), "CASF R227-12"),
        ]
    );
}

#[test]
fn the_80_80_rule_needs_a_professional_director() {
    let cases = [
        ("DEJEPS", false, vec![]),
        ("BAFD", false, vec!["CASF R227-14 III"]),
        ("BAFD", true, vec![]),
        ("BAFA", false, vec!["CASF R227-14 I"]),
    ];
    for (qualification, derogation, articles) in cases {
        let mut s = Scenario::new();
        let accueil = s.accueil("ALSH", 120);
        accueil.jours_ouverture = Some(150);
        accueil.derogation_direction = derogation;
        s.forecast("ALSH", july(6), "journee", 0, 12);
        s.person("DIR", qualification);
        s.person("ANIM", "BAFA");
        s.direct("DIR", "ALSH", july(6), "journee");
        s.animate("ANIM", "ALSH", july(6), "journee");
        let found: Vec<&str> = s.audit().violations.iter().map(|v| v.article).collect();
        assert_eq!(found, articles, "{qualification}, derogation {derogation}");
    }
}

#[test]
fn a_large_sejour_needs_its_adjoint() {
    let mut s = Scenario::new();
    s.accueil("SEJOUR", 130).kind = AcmType::Sejour;
    s.forecast("SEJOUR", july(6), "journee", 40, 90);
    s.person("DIR", "BAFD");
    s.direct("DIR", "SEJOUR", july(6), "journee");
    for index in 0..13 {
        let id = format!("ANIM{index:02}");
        s.person(&id, "BAFA");
        s.animate(&id, "SEJOUR", july(6), "journee");
    }
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::DirectionAbsente,
            Some("SEJOUR"),
            Some(july(6)),
            None,
            None,
            Some((2, 1)),
            "CASF R227-14, R227-18"
        )]
    );
}

#[test]
fn extra_dedicated_adults_come_on_top_of_n_in_any_category() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.inputs.previsions[0].renforce = 1;
    s.person("DIR", "BAFD");
    s.person("AVS", "sans qualification");
    s.direct("DIR", "ALSH", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![RuleKind::EffectifInsuffisant]);
    s.animate("AVS", "ALSH", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn cee_days_count_the_prior_days() {
    for (prior, expected) in [
        (76, None),
        (77, Some((july(9), 81))),
        (79, Some((july(7), 83))),
    ] {
        let mut s = Scenario::new();
        s.accueil("ALSH", 40);
        s.person("CEE", "BAFD").contrat = Contrat::Cee;
        s.inputs.animateurs[0].jours_cee_anterieurs = prior;
        for offset in 0..4 {
            let date = july(6) + Duration::days(offset);
            s.forecast("ALSH", date, "journee", 0, 12);
            s.direct("CEE", "ALSH", date, "journee");
        }
        let report = s.audit();
        let found: Option<(NaiveDate, i64)> = report
            .violations
            .first()
            .map(|v| (v.date.expect("date"), v.found.expect("found")));
        assert_eq!(found, expected, "{prior} prior days");
        assert!(
            report
                .violations
                .iter()
                .all(|v| v.rule == RuleKind::JoursCee)
        );
    }
}

#[test]
fn cee_days_are_checked_on_every_rolling_year_of_a_long_run() {
    // 50 days from 1 July 2025, then 51 days from 31 May 2026 (an extrascolaire ACM: no
    // calendar needed). The window 1 July 2025 – 30 June 2026 holds 50 + 31 = 81 days.
    let run = |prior: u32| {
        let mut s = Scenario::new();
        s.accueil("EXTRA", 40).kind = AcmType::Extrascolaire;
        s.person("CEE", "BAFD").contrat = Contrat::Cee;
        s.inputs.animateurs[0].jours_cee_anterieurs = prior;
        let days = (0..50)
            .map(|i| ymd(2025, 7, 1) + Duration::days(i))
            .chain((0..51).map(|i| ymd(2026, 5, 31) + Duration::days(i)));
        for date in days {
            s.forecast("EXTRA", date, "matin", 0, 12);
            s.direct("CEE", "EXTRA", date, "matin");
        }
        s.audit()
            .violations
            .into_iter()
            .filter(|v| v.rule == RuleKind::JoursCee)
            .map(|v| (v.date.expect("date"), v.found.expect("found")))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(0), vec![(ymd(2026, 6, 30), 81)]);
    // 10 prior days count in the windows that start before 1 July 2025: over from the 21st day
    // of 2026 (50 + 21 + 10 = 81), at most 50 + 30 + 10 = 90 on 29 June 2026.
    assert_eq!(run(10), vec![(ymd(2026, 6, 20), 90)]);
}

#[test]
fn seven_days_in_a_row_break_the_weekly_rest() {
    for (days, contract, expected) in [
        (6, Contrat::Cdi, None),
        (
            7,
            Contrat::Cdi,
            Some((july(12), 7, "Code du travail L3132-2")),
        ),
        (8, Contrat::Cee, Some((july(12), 8, "CASF L432-6"))),
    ] {
        let mut s = Scenario::new();
        s.accueil("ALSH", 40);
        s.person("DIR", "BAFD").contrat = contract;
        for offset in 0..days {
            let date = july(6) + Duration::days(offset);
            s.forecast("ALSH", date, "matin", 0, 12);
            s.direct("DIR", "ALSH", date, "matin");
        }
        let found: Vec<_> = s
            .audit()
            .violations
            .iter()
            .map(|v| (v.date.expect("date"), v.found.expect("found"), v.article))
            .collect();
        assert_eq!(
            found,
            expected.into_iter().collect::<Vec<_>>(),
            "{days} days"
        );
    }
}

#[test]
fn a_minor_may_not_work_on_14_july_an_adult_may() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(14), "matin", 0, 12);
    s.person("DIR", "BAFD");
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2008, 7, 15));
    s.direct("DIR", "ALSH", july(14), "matin");
    s.animate("JEUNE", "ALSH", july(14), "matin");
    // 17 on 14 July 2026 (18 the next day).
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::MineurJourFerie,
            Some("ALSH"),
            Some(july(14)),
            None,
            Some("JEUNE"),
            None,
            "Code du travail L3164-6"
        )]
    );
    s.inputs.animateurs[1].date_naissance = Some(ymd(2008, 7, 14));
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn a_minor_works_at_most_8_hours_a_day() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.person("DIR", "BAFD");
    s.person("JEUNE", "BAFA").date_naissance = Some(ymd(2009, 1, 1));
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("JEUNE", "ALSH", july(6), "journee");
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::DureeQuotidienne,
            None,
            Some(july(6)),
            None,
            Some("JEUNE"),
            Some((480, 540)),
            "Code du travail L3162-1"
        )]
    );
}

#[test]
fn overlapping_creneaux_at_two_places_are_reported_with_the_two_places() {
    let mut s = Scenario::new();
    s.accueil("A", 40);
    s.accueil("B", 40);
    s.forecast("A", july(6), "matin", 0, 12);
    s.forecast("B", july(6), "midi", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "A", july(6), "matin");
    s.direct("DIR", "B", july(6), "midi");
    let report = s.audit();
    assert_eq!(
        rules_of(&report),
        vec![RuleKind::DeuxAccueilsMemeJour, RuleKind::CreneauEnDouble]
    );
    let overlap = &report.violations[1];
    assert_eq!(
        overlap.message,
        "B midi (11:45–13:45) chevauche A matin (08:30–12:00)"
    );
    assert_eq!(overlap.source_row, Some(3));
}

#[test]
fn every_unresolved_reference_is_reported_with_its_row() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    s.person("DIR", "BAFD");
    s.direct("DIR", "ALSH", july(6), "journee");
    s.animate("DIR", "NULLE-PART", july(6), "journee"); // row 3
    s.animate("DIR", "ALSH", july(7), "journee"); // row 4
    s.animate("DIR", "ALSH", july(6), "soir"); // row 5
    s.animate("INCONNU", "AILLEURS", july(6), "journee"); // row 6
    let report = s.audit();
    let references: Vec<(Option<u32>, &str)> = report
        .violations
        .iter()
        .filter(|v| v.rule == RuleKind::ReferenceInconnue)
        .map(|v| (v.source_row, v.message.as_str()))
        .collect();
    assert_eq!(
        references,
        vec![
            (
                Some(6),
                "animateur « INCONNU » absent de la feuille Animateurs ; accueil « AILLEURS » absent de la feuille Accueils"
            ),
            (
                Some(5),
                "aucune prévision pour ALSH le 06/07/2026 au créneau « soir » (créneaux prévus : journee)"
            ),
            (Some(4), "aucune prévision pour ALSH le 07/07/2026"),
            (
                Some(3),
                "accueil « NULLE-PART » absent de la feuille Accueils"
            ),
        ]
    );
}

#[test]
fn codes_and_creneaux_match_as_users_type_them() {
    let mut s = Scenario::new();
    s.accueil("ALSH-DOUE", 40);
    s.forecast("ALSH-DOUE", july(6), "journee", 0, 12);
    s.person("A01", "BAFD");
    s.direct("a01", "alsh-doue", july(6), "journee");
    // A label the forecast redefines (08:00–17:00) typed with the standard times.
    s.inputs.previsions[0].creneau.start = Minutes::hm(8, 0);
    s.inputs.previsions[0].creneau.end = Minutes::hm(17, 0);
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn the_order_is_deterministic() {
    let scenario = one_of_each();
    let first = scenario.audit();
    let mut reversed = one_of_each();
    reversed.schedule.reverse();
    let second = reversed.audit();
    assert_eq!(first.violations, second.violations);
}

#[test]
fn the_staffing_finding_cites_the_article_of_the_ratio_applied() {
    // Wednesday 3 June 2026, a school period: périscolaire. A morning (≤ 5 h, no PEDT) is
    // 1:10 / 1:14 (R227-16 I): 15 children aged 6 and over need 2 animateurs.
    let wednesday = ymd(2026, 6, 3);
    let mut s = Scenario::new();
    s.accueil("PERI", 40);
    s.forecast("PERI", wednesday, "matin", 0, 15);
    s.person("DIR", "BAFD");
    s.direct("DIR", "PERI", wednesday, "matin");
    let report = s.audit();
    assert_eq!(
        seen_all(&report),
        vec![expect(
            RuleKind::EffectifInsuffisant,
            Some("PERI"),
            Some(wednesday),
            Some("matin"),
            None,
            Some((2, 1)),
            "CASF R227-16 I"
        )]
    );
    assert!(
        report.violations[0]
            .message
            .contains("taux 1:10 / 1:14 périscolaire ≤ 5 h sans PEDT"),
        "{}",
        report.violations[0].message
    );
    assert_eq!(
        report.articles_of(RuleKind::EffectifInsuffisant),
        "CASF R227-16 I"
    );
    assert_eq!(report.articles_of(RuleKind::JoursCee), "CASF L432-4");
}

#[test]
fn a_warning_alone_keeps_the_schedule_legal() {
    let mut s = Scenario::new();
    s.accueil("ALSH", 40);
    s.forecast("ALSH", july(6), "journee", 0, 12);
    let person = s.person("DIR", "BAFD");
    person.contrat = Contrat::Cee;
    person.cout_journalier = Some(Cents(5107));
    s.direct("DIR", "ALSH", july(6), "journee");
    let report = s.audit();
    assert_eq!(rules_of(&report), vec![RuleKind::RemunerationCee]);
    assert!(report.is_legal());
    assert_eq!((report.infractions(), report.warnings()), (0, 1));
    // 4.30 × 11.88 € = 51.084 €: 51.08 € is below, 51.09 € is the first amount that is not.
    assert_eq!(report.violations[0].required, Some(5109));
    s.inputs.animateurs[0].cout_journalier = Some(Cents(5109));
    assert_eq!(rules_of(&s.audit()), vec![]);
}

#[test]
fn counts_by_rule_and_by_accueil_cover_every_finding() {
    let report = one_of_each().audit();
    let by_rule = report.by_rule();
    assert_eq!(by_rule.len(), RuleKind::ALL.len());
    assert!(by_rule.iter().all(|(_, count)| *count == 1));
    let by_accueil = report.by_accueil();
    let total: usize = by_accueil.iter().map(|(_, count)| count).sum();
    assert_eq!(total, report.violations.len());
    assert_eq!(by_accueil.last(), Some(&(None, 8)));
    assert_eq!(by_accueil[0], (Some("A-REF".to_string()), 1));
}

#[test]
fn a_person_listed_elsewhere_may_work_outside_their_sector() {
    let mut s = Scenario::new();
    s.accueil("NORD", 40).secteur = Some("Nord".to_string());
    s.forecast("NORD", july(6), "journee", 0, 12);
    let person = s.person("DIR", "BAFD");
    person.secteur = Some("Sud".to_string());
    person.accueils_possibles = vec!["nord".to_string()];
    s.direct("DIR", "NORD", july(6), "journee");
    assert_eq!(rules_of(&s.audit()), vec![]);
}
