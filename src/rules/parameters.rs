//! Legal and economic parameters: defaults of acm-rules.md Part A, overridable in the `Regles`
//! sheet (one row per parameter), echoed in every output.

use crate::domain::{Cents, SourceRef, normalize_key};
use crate::error::InputError;

use super::calendar::zone::{self, ACADEMIES, SchoolZone};
use super::director::DirectorPresence;
use super::mixed_ages::MixedAgePolicy;
use super::smic::SmicSchedule;

/// Everything the rules and the optimiser take from the `Regles` sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameters {
    /// Q1: mixed-age counting (default `par-tranche`).
    pub mixed_ages: MixedAgePolicy,
    /// Q6: a weekday without school outside the holidays uses the périscolaire ratios (default:
    /// extrascolaire, the conservative choice).
    pub unclear_weekday_periscolaire: bool,
    /// R227-19 III: minors per animateur in an accueil de jeunes (set by the convention).
    pub accueil_jeunes_ratio: u32,
    /// How much of an open day the director works (R227-14; default: every créneau).
    pub director_presence: DirectorPresence,
    /// Cost of a day worked when neither the person nor the profile gives one (design.md §4).
    pub default_daily_cost: Cents,
    /// SMIC horaire by date, for the CEE minimum pay check (D432-2).
    pub smic: SmicSchedule,
    /// Weights of a missing director, qualified animateur and animateur in the shortage objective.
    pub weight_missing_director: i64,
    pub weight_missing_qualified: i64,
    pub weight_missing_animateur: i64,
    /// Weight of a séjour or mini-camp day without a PSC1 holder (between qualified and
    /// animateur).
    pub weight_missing_psc1: i64,
    /// Default hiring profiles when there is no `Recrutement` sheet: daily cost per qualification.
    pub hire_daily_cost_bafa: Cents,
    pub hire_daily_cost_stagiaire: Cents,
    pub hire_daily_cost_sans_qualification: Cents,
    pub hire_daily_cost_bafd: Cents,
    /// Fixed cost of one hire (recruitment, paperwork), default profiles.
    pub hire_fixed_cost: Cents,
    /// How many people of each default profile the market can supply per sector.
    pub hire_max_per_profile: u32,
    /// The school-holiday zone: a `Zone` row, or the zone of the `Academie` row (default: zone
    /// B, académie de Nantes).
    pub zone: SchoolZone,
    /// The académie of an `Academie` row (its official name).
    pub academie: Option<&'static str>,
    /// How stable the published plan must be (`Stabilite`; default: the week).
    pub stability: StabilityMode,
    /// Which parameters the user changed, with where.
    pub overridden: Vec<(String, SourceRef)>,
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters {
            mixed_ages: MixedAgePolicy::ParTranche,
            unclear_weekday_periscolaire: false,
            accueil_jeunes_ratio: 12,
            director_presence: DirectorPresence::AllDay,
            default_daily_cost: Cents::euros(70),
            smic: SmicSchedule::default(),
            weight_missing_director: 1000,
            weight_missing_qualified: 100,
            weight_missing_animateur: 50,
            weight_missing_psc1: 75,
            hire_daily_cost_bafa: Cents::euros(85),
            hire_daily_cost_stagiaire: Cents::euros(70),
            hire_daily_cost_sans_qualification: Cents::euros(65),
            hire_daily_cost_bafd: Cents::euros(110),
            hire_fixed_cost: Cents::euros(150),
            hire_max_per_profile: 30,
            zone: SchoolZone::B,
            academie: None,
            stability: StabilityMode::Week,
            overridden: Vec::new(),
        }
    }
}

/// The parameters a `Regles` sheet may set: the name users write, and what it expects.
pub const PARAMETER_NAMES: &[(&str, &str)] = &[
    ("Methode ages mixtes", "par-tranche, global ou strict"),
    (
        "Jour sans ecole hors vacances",
        "extrascolaire ou periscolaire",
    ),
    (
        "Taux accueil de jeunes",
        "un nombre entier de mineurs par animateur",
    ),
    (
        "Presence de la direction",
        "toute la journee (le directeur du jour travaille tous les créneaux avec enfants) ou \
         un creneau (au moins un créneau avec enfants ce jour-là)",
    ),
    ("Cout journalier par defaut", "un montant en euros"),
    (
        "SMIC horaire",
        "un montant en euros (pour toute la période), ou un montant suivi de « à partir du \
         JJ/MM/AAAA » (une valeur de plus, à partir de cette date)",
    ),
    ("Poids manque direction", "un nombre entier positif"),
    ("Poids manque qualifie", "un nombre entier positif"),
    ("Poids manque animateur", "un nombre entier positif"),
    ("Poids manque PSC1", "un nombre entier positif"),
    ("Recrutement BAFA cout journalier", "un montant en euros"),
    (
        "Recrutement stagiaire BAFA cout journalier",
        "un montant en euros",
    ),
    (
        "Recrutement sans qualification cout journalier",
        "un montant en euros",
    ),
    ("Recrutement BAFD cout journalier", "un montant en euros"),
    ("Recrutement cout fixe", "un montant en euros"),
    (
        "Recrutement nombre maximum",
        "un nombre entier de personnes par profil et par secteur",
    ),
    (
        "Zone",
        "A, B, C ou Corse : la zone de vacances scolaires de l'académie",
    ),
    (
        "Academie",
        "le nom d'une académie de métropole (Nantes, Lyon, Créteil…), qui donne la zone",
    ),
    (
        "Stabilite",
        "semaine (une même équipe et un même directeur par accueil et par semaine), \
         sejour-ou-periode (pour toute la période de vacances) ou jour (le moins cher, sans \
         stabilité)",
    ),
];

/// How stable the published plan must be: over which span each person keeps one accueil and
/// each accueil one director (a séjour keeps them for its whole stay in both first modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StabilityMode {
    /// One accueil per person and one director per accueil, per civil week.
    #[default]
    Week,
    /// The same over a whole holiday period (the civil week outside holidays).
    StayOrPeriod,
    /// No stability stage: the cheapest plan, people may change accueil every day.
    Day,
}

impl StabilityMode {
    pub fn parse(text: &str) -> Option<Self> {
        match normalize_key(text).as_str() {
            "semaine" => Some(StabilityMode::Week),
            "sejouroperiode" | "sejourouperiode" | "periode" | "sejour" => {
                Some(StabilityMode::StayOrPeriod)
            }
            "jour" => Some(StabilityMode::Day),
            _ => None,
        }
    }

    /// The value as users write it in `Regles`.
    pub fn label(self) -> &'static str {
        match self {
            StabilityMode::Week => "semaine",
            StabilityMode::StayOrPeriod => "sejour-ou-periode",
            StabilityMode::Day => "jour",
        }
    }
}

impl Parameters {
    /// Applies the `Regles` rows (name, value, where) on top of the defaults. Every unknown name
    /// or bad value is reported, not only the first.
    pub fn from_rows(rows: &[(String, String, SourceRef)]) -> Result<Parameters, Vec<InputError>> {
        let mut parameters = Parameters::default();
        let mut errors = Vec::new();
        for (name, value, source) in rows {
            if let Err(message) = parameters.set(name, value) {
                errors.push(
                    InputError::new(&source.file, message)
                        .sheet(&source.sheet)
                        .row(source.row)
                        .column("Valeur")
                        .value(value.clone()),
                );
            } else {
                parameters.overridden.push((name.clone(), source.clone()));
            }
        }
        errors.extend(parameters.zone_conflict(rows));
        if errors.is_empty() {
            Ok(parameters)
        } else {
            Err(errors)
        }
    }

    /// A `Zone` row that contradicts the `Academie` row (Lyon is in zone A, not B).
    fn zone_conflict(&mut self, rows: &[(String, String, SourceRef)]) -> Option<InputError> {
        let academie = self.academie?;
        let (_, academie_zone) = zone::academie(academie)?;
        let (_, value, source) = rows
            .iter()
            .rev()
            .find(|(name, _, _)| normalize_key(name) == "zone")?;
        let zone = SchoolZone::parse(value)?;
        if zone == academie_zone {
            return None;
        }
        Some(
            InputError::new(
                &source.file,
                format!(
                    "la ligne Zone dit {zone}, mais l'académie de {academie} est en \
                     {academie_zone} ; gardez une seule des deux lignes, ou corrigez-la"
                ),
            )
            .sheet(&source.sheet)
            .row(source.row)
            .column("Valeur")
            .value(value.clone()),
        )
    }

    /// Sets one parameter by its user-facing name; the error message is in French.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let key = normalize_key(name);
        let expected = PARAMETER_NAMES
            .iter()
            .find(|(n, _)| normalize_key(n) == key)
            .map(|(_, e)| *e);
        let Some(expected) = expected else {
            let known: Vec<&str> = PARAMETER_NAMES.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "paramètre « {name} » inconnu ; paramètres acceptés : {}",
                known.join(", ")
            ));
        };
        let bad = || format!("valeur attendue pour « {name} » : {expected}");
        let euros = || Cents::parse_euros(value).ok_or_else(bad);
        let integer = || {
            value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|v| *v > 0)
                .ok_or_else(bad)
        };
        match key.as_str() {
            "methodeagesmixtes" => {
                self.mixed_ages = MixedAgePolicy::parse(value).ok_or_else(bad)?;
            }
            "joursansecolehorsvacances" => {
                self.unclear_weekday_periscolaire = match normalize_key(value).as_str() {
                    "extrascolaire" => false,
                    "periscolaire" => true,
                    _ => return Err(bad()),
                };
            }
            "tauxaccueildejeunes" => self.accueil_jeunes_ratio = integer()?,
            "presencedeladirection" => {
                self.director_presence = DirectorPresence::parse(value).ok_or_else(bad)?;
            }
            "coutjournalierpardefaut" => self.default_daily_cost = euros()?,
            "smichoraire" => match dated_amount(value) {
                Some((amount, Some(from))) => self.smic.add(from, amount),
                Some((amount, None)) => self.smic = SmicSchedule::constant(amount),
                None => return Err(bad()),
            },
            "poidsmanquedirection" => self.weight_missing_director = i64::from(integer()?),
            "poidsmanquequalifie" => self.weight_missing_qualified = i64::from(integer()?),
            "poidsmanqueanimateur" => self.weight_missing_animateur = i64::from(integer()?),
            "poidsmanquepsc1" => self.weight_missing_psc1 = i64::from(integer()?),
            "recrutementbafacoutjournalier" => self.hire_daily_cost_bafa = euros()?,
            "recrutementstagiairebafacoutjournalier" => self.hire_daily_cost_stagiaire = euros()?,
            "recrutementsansqualificationcoutjournalier" => {
                self.hire_daily_cost_sans_qualification = euros()?;
            }
            "recrutementbafdcoutjournalier" => self.hire_daily_cost_bafd = euros()?,
            "recrutementcoutfixe" => self.hire_fixed_cost = euros()?,
            "recrutementnombremaximum" => self.hire_max_per_profile = integer()?,
            "stabilite" => self.stability = StabilityMode::parse(value).ok_or_else(bad)?,
            "zone" => self.zone = SchoolZone::parse(value).ok_or_else(bad)?,
            "academie" => {
                let (name, zone) = zone::academie(value).ok_or_else(|| unknown_academie(value))?;
                self.academie = Some(name);
                // A `Zone` row, before or after, keeps its word (a conflict is reported).
                if !self
                    .overridden
                    .iter()
                    .any(|(n, _)| normalize_key(n) == "zone")
                {
                    self.zone = zone;
                }
            }
            _ => return Err(bad()),
        }
        Ok(())
    }
}

/// `12,02`, or `12,30 à partir du 01/01/2027` (also `au`, `depuis le`, `dès le`, `le`, or a date
/// written `2027-01-01`): the amount, and the date it applies from when there is one.
fn dated_amount(value: &str) -> Option<(Cents, Option<chrono::NaiveDate>)> {
    let value = value.trim();
    let Some(split) = value.find(|c: char| c.is_alphabetic()) else {
        return Cents::parse_euros(value).map(|amount| (amount, None));
    };
    let (amount, rest) = value.split_at(split);
    let date_text = rest.split_whitespace().last()?;
    let date = chrono::NaiveDate::parse_from_str(date_text, "%d/%m/%Y")
        .or_else(|_| chrono::NaiveDate::parse_from_str(date_text, "%Y-%m-%d"))
        .ok()?;
    let amount = Cents::parse_euros(amount.trim())?;
    Some((amount, Some(date)))
}

/// The error for an académie that is not in the table, listing the accepted names by zone.
fn unknown_academie(value: &str) -> String {
    let names = |wanted: SchoolZone| -> String {
        ACADEMIES
            .iter()
            .filter(|(_, zone)| *zone == wanted)
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "académie « {} » inconnue ; académies de métropole acceptées : zone A : {} ; zone B : \
         {} ; zone C : {} ; et Corse (pour l'outre-mer, donnez le calendrier avec une feuille \
         Calendrier)",
        value.trim(),
        names(SchoolZone::A),
        names(SchoolZone::B),
        names(SchoolZone::C)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, value: &str, line: u32) -> (String, String, SourceRef) {
        let source = SourceRef {
            file: "e.xlsx".into(),
            sheet: "Regles".into(),
            row: line,
        };
        (name.to_string(), value.to_string(), source)
    }

    #[test]
    fn regles_rows_override_defaults() {
        let rows = [
            row("Méthode âges mixtes", "Global", 2),
            row("Coût journalier par défaut", "75,50", 3),
            row("Jour sans école hors vacances", "périscolaire", 4),
        ];
        let parameters = Parameters::from_rows(&rows).expect("valid rules");
        assert_eq!(parameters.mixed_ages, MixedAgePolicy::Global);
        assert_eq!(parameters.default_daily_cost, Cents(7550));
        assert!(parameters.unclear_weekday_periscolaire);
        assert_eq!(parameters.overridden.len(), 3);
    }

    #[test]
    fn every_bad_regles_row_is_reported_with_its_row() {
        let rows = [
            row("Taux magique", "3", 2),
            row("SMIC horaire", "beaucoup", 5),
        ];
        let errors = Parameters::from_rows(&rows).expect_err("two bad rows");
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].row, Some(2));
        assert!(errors[0].message.contains("inconnu"), "{}", errors[0]);
        assert_eq!(errors[1].row, Some(5));
        assert!(
            errors[1].message.contains("montant en euros"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn the_smic_is_dated_and_a_row_may_add_a_later_value() {
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        let defaults = Parameters::default();
        assert_eq!(defaults.smic.on(date(2025, 7, 7)), Cents(1188));
        assert_eq!(defaults.smic.on(date(2026, 7, 7)), Cents(1202));
        let later =
            Parameters::from_rows(&[row("SMIC horaire", "12,30 € à partir du 01/01/2027", 2)])
                .expect("a dated value");
        assert_eq!(later.smic.on(date(2026, 7, 7)), Cents(1202));
        assert_eq!(later.smic.on(date(2027, 2, 1)), Cents(1230));
        let constant = Parameters::from_rows(&[row("SMIC horaire", "11,65", 2)]).expect("a value");
        assert_eq!(constant.smic.on(date(2026, 7, 7)), Cents(1165));
        assert!(
            Parameters::from_rows(&[row("SMIC horaire", "12,30 à partir de demain", 2)]).is_err()
        );
    }

    #[test]
    fn the_zone_comes_from_a_zone_or_an_academie_row() {
        assert_eq!(Parameters::default().zone, SchoolZone::B);
        let lyon = Parameters::from_rows(&[row("Académie", "Lyon", 2)]).expect("Lyon");
        assert_eq!((lyon.zone, lyon.academie), (SchoolZone::A, Some("Lyon")));
        let zone = Parameters::from_rows(&[row("Zone", "zone C", 2)]).expect("zone C");
        assert_eq!(zone.zone, SchoolZone::C);
        let both = Parameters::from_rows(&[row("Zone", "A", 2), row("Academie", "Grenoble", 3)])
            .expect("consistent");
        assert_eq!(both.zone, SchoolZone::A);
    }

    #[test]
    fn an_unknown_zone_or_academie_and_a_conflict_are_errors() {
        let errors = Parameters::from_rows(&[row("Zone", "D", 2), row("Academie", "Atlantide", 3)])
            .expect_err("two bad rows");
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].message.contains("A, B, C ou Corse"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[1].row, Some(3));
        assert!(
            errors[1]
                .message
                .contains("académie « Atlantide » inconnue"),
            "{}",
            errors[1]
        );
        assert!(errors[1].message.contains("Lyon"), "{}", errors[1]);
        let conflict = Parameters::from_rows(&[row("Academie", "Lyon", 2), row("Zone", "B", 3)])
            .expect_err("Lyon is in zone A");
        assert_eq!(conflict[0].row, Some(3));
        assert!(
            conflict[0]
                .message
                .contains("l'académie de Lyon est en zone A"),
            "{}",
            conflict[0]
        );
    }
}
