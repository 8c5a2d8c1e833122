//! From the inputs as read to the [`Problem`]: the `Regles` sheet and the command-line
//! overrides applied, the forecasts restricted and scaled, every requirement computed.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::checks;
use super::days::day_facts;
use super::ids::{AccueilId, ForecastId, PersonId};
use super::need::Need;
use super::remark::Remark;
use super::validated::Problem;
use crate::domain::{Accueil, Inputs, Prevision};
use crate::error::{Error, InputError};
use crate::input::{self, Required};
use crate::rules::calendar::{CalendarFile, SchoolZone};
use crate::rules::{self, Calendar, MixedAgePolicy, Parameters, RequirementError};

/// What the command line changes in the inputs before anything is computed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjustments {
    /// `--mixed-ages`, overriding the `Regles` sheet.
    pub mixed_ages: Option<MixedAgePolicy>,
    /// `--attendance`: forecasts scaled by (100 + percent) / 100, rounded up.
    pub attendance_percent: i32,
    /// `--from` / `--to`: the forecasts kept.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `--calendrier`: the official school calendar file (ministry .ics, open-data CSV or daily
    /// CSV), whose days win over the built-in calendar.
    pub calendar_file: Option<PathBuf>,
}

impl Problem {
    /// Reads the input workbooks and builds their problem.
    pub fn read(
        paths: &[PathBuf],
        required: Required,
        adjustments: &Adjustments,
    ) -> Result<Problem, Error> {
        Problem::build(input::read_inputs(paths, required)?, adjustments)
    }

    /// Applies the `Regles` sheet and `adjustments` to `inputs`, then computes every need.
    /// Every problem of the inputs is reported at once.
    pub fn build(mut inputs: Inputs, adjustments: &Adjustments) -> Result<Problem, Error> {
        let mut parameters = Parameters::from_rows(&inputs.regles).map_err(Error::Input)?;
        if let Some(policy) = adjustments.mixed_ages {
            parameters.mixed_ages = policy;
        }
        inputs.previsions.retain(|p| {
            adjustments.from.is_none_or(|from| p.date >= from)
                && adjustments.to.is_none_or(|to| p.date <= to)
        });
        inputs.scale_attendance(adjustments.attendance_percent);
        let file = match &adjustments.calendar_file {
            Some(path) => Some(input::read_calendar_file(path).map_err(Error::Input)?),
            None => None,
        };
        Problem::with_calendar_file(inputs, parameters, file.as_ref()).map_err(Error::Input)
    }

    /// The problem of `inputs` under `parameters`, with the calendar of the zone of `Regles`
    /// and its `Calendrier` rows. A forecast of an unknown accueil, or of an accueil de loisirs
    /// on a date the calendar does not know, is an error.
    pub fn new(inputs: Inputs, parameters: Parameters) -> Result<Problem, Vec<InputError>> {
        Problem::with_calendar_file(inputs, parameters, None)
    }

    /// [`Problem::new`], with the days of an official calendar file on top of the built-in ones.
    pub fn with_calendar_file(
        inputs: Inputs,
        parameters: Parameters,
        file: Option<&CalendarFile>,
    ) -> Result<Problem, Vec<InputError>> {
        let calendar = calendar_of(&inputs, &parameters, file)?;
        let accueil_ids: HashMap<String, AccueilId> = inputs
            .accueils
            .iter()
            .enumerate()
            .map(|(index, accueil)| (accueil.code.clone(), AccueilId::new(index)))
            .collect();
        let person_ids: HashMap<String, PersonId> = inputs
            .animateurs
            .iter()
            .enumerate()
            .map(|(index, person)| (person.id.clone(), PersonId::new(index)))
            .collect();
        let (facts, peaks) = day_facts(&inputs.previsions.iter().collect::<Vec<_>>());
        let mut errors = checks::undecidable_director_rule(&inputs.accueils, &peaks);
        let mut needs = Vec::with_capacity(inputs.previsions.len());
        let mut unknown_dates = Vec::new();
        for (forecast, day) in inputs.previsions.into_iter().zip(facts) {
            let source = &forecast.source;
            let located = |message: &str| {
                InputError::new(&source.file, message)
                    .sheet(&source.sheet)
                    .row(source.row)
            };
            let Some(&accueil) = accueil_ids.get(&forecast.accueil) else {
                errors.push(
                    located("code d'accueil absent de la feuille Accueils")
                        .column("Accueil")
                        .value(forecast.accueil.clone()),
                );
                continue;
            };
            let site = &inputs.accueils[accueil.index()];
            if let Some(error) = checks::younger_children_in_teen_sejour(site, &forecast) {
                errors.push(error);
                continue;
            }
            let requirement = rules::day_requirement(site, &forecast, day, &calendar, &parameters);
            match requirement {
                Ok(requirement) => needs.push(Need {
                    id: ForecastId::new(needs.len()),
                    accueil,
                    forecast,
                    requirement,
                }),
                Err(RequirementError::UnknownDate) => unknown_dates.push(forecast),
            }
        }
        errors.extend(unknown_dates_error(&unknown_dates, &calendar));
        if !errors.is_empty() {
            return Err(crate::error::fold_repeated(errors));
        }
        let mut remarks: Vec<Remark> = inputs.remarks.into_iter().map(Remark::Input).collect();
        remarks.extend(capacity_remarks(&inputs.accueils, &needs));
        let peak_minors = inputs
            .accueils
            .iter()
            .map(|a| peaks.get(&a.code).copied().unwrap_or(0))
            .collect();
        Ok(Problem {
            remarks,
            peak_minors,
            accueils: inputs.accueils,
            needs,
            animateurs: inputs.animateurs,
            availability: inputs.disponibilites,
            hiring: inputs.recrutement,
            rule_rows: inputs.regles,
            calendar_rows: inputs.calendrier,
            files: inputs.files,
            parameters,
            calendar,
            accueil_ids,
            person_ids,
        })
    }
}

/// More children forecast than declared: one remark per accueil, with its dates and rows.
fn capacity_remarks(accueils: &[Accueil], needs: &[Need]) -> Vec<Remark> {
    let mut above: Vec<Vec<&Need>> = vec![Vec::new(); accueils.len()];
    for need in needs {
        if need.forecast.children() > accueils[need.accueil.index()].capacite {
            above[need.accueil.index()].push(need);
        }
    }
    accueils
        .iter()
        .zip(above)
        .filter_map(|(accueil, above)| {
            let first = above.first()?;
            let mut dates: Vec<_> = above.iter().map(|need| need.forecast.date).collect();
            dates.sort_unstable();
            dates.dedup();
            Some(Remark::AttendanceAboveCapacity {
                accueil: accueil.code.clone(),
                capacite: accueil.capacite,
                peak: above
                    .iter()
                    .map(|need| need.forecast.children())
                    .max()
                    .unwrap_or(0),
                dates,
                file: first.forecast.source.file.clone(),
                sheet: first.forecast.source.sheet.clone(),
                rows: above.iter().map(|need| need.forecast.source.row).collect(),
            })
        })
        .collect()
}

/// The calendar of the zone of `Regles`: built-in days, the file's days, the `Calendrier` rows.
/// A file without any date for the zone is an error that says which zones it has.
fn calendar_of(
    inputs: &Inputs,
    parameters: &Parameters,
    file: Option<&CalendarFile>,
) -> Result<Calendar, Vec<InputError>> {
    let calendar = Calendar::for_zone(parameters.zone, &inputs.calendrier);
    let Some(file) = file else {
        return Ok(calendar);
    };
    calendar
        .with_file(file, parameters.academie)
        .map_err(|missing| {
            let found: Vec<String> = missing.found.iter().map(ToString::to_string).collect();
            let found = if found.is_empty() {
                "aucune zone de métropole".to_string()
            } else {
                found.join(", ")
            };
            vec![InputError::new(
                &file.name,
                format!(
                    "aucune date pour la {} dans ce calendrier (il donne : {found}) ; téléchargez \
                 le fichier de la zone ({}) ou corrigez la ligne Zone ou Academie de la feuille \
                 Regles",
                    missing.zone,
                    missing.zone.ics_file_name()
                ),
            )]
        })
}

/// One error for every forecast of an accueil de loisirs on a date the calendar does not know,
/// per file and sheet: the dates concerned, the rows, and which official file to pass.
fn unknown_dates_error(forecasts: &[Prevision], calendar: &Calendar) -> Vec<InputError> {
    let mut groups: Vec<((String, String), Vec<&Prevision>)> = Vec::new();
    for forecast in forecasts {
        let key = (forecast.source.file.clone(), forecast.source.sheet.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(forecast),
            None => groups.push((key, vec![forecast])),
        }
    }
    groups
        .into_iter()
        .map(|((file, sheet), group)| {
            let mut dates: Vec<NaiveDate> = group.iter().map(|f| f.date).collect();
            dates.sort();
            dates.dedup();
            let rows: Vec<u32> = group.iter().map(|f| f.source.row).collect();
            let day = |date: &NaiveDate| date.format("%d/%m/%Y").to_string();
            let span = match (dates.first(), dates.last()) {
                (Some(first), Some(last)) if first == last => format!("le {}", day(first)),
                (Some(first), Some(last)) => {
                    format!("du {} au {} ({} jours)", day(first), day(last), dates.len())
                }
                _ => String::new(),
            };
            let value = match (dates.first(), dates.last()) {
                (Some(first), Some(last)) if first != last => {
                    format!("{} … {}", day(first), day(last))
                }
                (Some(first), _) => day(first),
                _ => String::new(),
            };
            InputError::new(
                file,
                format!(
                    "{} tombent {span}, hors du calendrier scolaire connu ({}) : impossible de \
                     savoir si ces jours sont périscolaires ou extrascolaires. {}",
                    plural_forecasts(group.len()),
                    known_spans(calendar),
                    how_to_get(calendar.zone())
                ),
            )
            .sheet(sheet)
            .on_rows(&rows)
            .column("Date")
            .value(value)
        })
        .collect()
}

/// `1 prévision d'accueil de loisirs`, `19 prévisions d'accueil de loisirs`.
fn plural_forecasts(count: usize) -> String {
    if count == 1 {
        "1 prévision d'accueil de loisirs".to_string()
    } else {
        format!("{count} prévisions d'accueil de loisirs")
    }
}

/// What the calendar knows, in words: `zone B : calendrier intégré du 02/09/2024 au 30/08/2026`.
fn known_spans(calendar: &Calendar) -> String {
    let source = calendar.source();
    let day = |date: NaiveDate| date.format("%d/%m/%Y").to_string();
    let mut parts = Vec::new();
    if let Some(file) = &source.file {
        parts.push(format!(
            "fichier {} du {} au {}",
            file.name,
            day(file.first),
            day(file.last)
        ));
    }
    if let Some((first, last)) = source.built_in {
        parts.push(format!(
            "calendrier intégré du {} au {}",
            day(first),
            day(last)
        ));
    }
    if parts.is_empty() {
        parts.push("pas de calendrier intégré pour cette zone".to_string());
    }
    format!("{} : {}", source.zone, parts.join(" ; "))
}

/// Where to get the official calendar of `zone` and how to pass it.
fn how_to_get(zone: SchoolZone) -> String {
    let ics = zone.ics_file_name();
    format!(
        "Téléchargez le calendrier scolaire officiel de la {zone} : le fichier {ics} (page « Le \
         calendrier scolaire » d'education.gouv.fr) ou l'export CSV du jeu de données \
         fr-en-calendrier-scolaire (data.education.gouv.fr), puis passez-le avec --calendrier \
         {ics} ; ou donnez ces jours dans une feuille Calendrier (Date, Type : ecole, vacances \
         ou sans ecole)."
    )
}
