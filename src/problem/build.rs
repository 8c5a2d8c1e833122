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
use crate::domain::{Accueil, Inputs};
use crate::error::{Error, InputError};
use crate::input::{self, Required};
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
        Problem::new(inputs, parameters).map_err(Error::Input)
    }

    /// The problem of `inputs` under `parameters`, with the calendar of its `Calendrier` rows.
    /// A forecast of an unknown accueil, or of an accueil de loisirs on a date the calendar does
    /// not know, is an error.
    pub fn new(inputs: Inputs, parameters: Parameters) -> Result<Problem, Vec<InputError>> {
        let calendar = Calendar::new(&inputs.calendrier);
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
                Err(RequirementError::UnknownDate) => errors.push(
                    located(
                        "date hors du calendrier scolaire intégré (zone B, du 2 septembre 2024 au \
                         30 août 2026) : impossible de savoir si ce jour est périscolaire ou \
                         extrascolaire ; ajoutez une feuille Calendrier (Date, Type : ecole, \
                         vacances ou sans ecole)",
                    )
                    .column("Date")
                    .value(forecast.date.format("%d/%m/%Y").to_string()),
                ),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let remarks = remarks(&inputs.accueils, &needs);
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
fn remarks(accueils: &[Accueil], needs: &[Need]) -> Vec<Remark> {
    let mut remarks = Vec::new();
    for (index, accueil) in accueils.iter().enumerate() {
        let above: Vec<&Need> = needs
            .iter()
            .filter(|need| need.accueil.index() == index)
            .filter(|need| need.forecast.children() > accueil.capacite)
            .collect();
        let Some(first) = above.first() else {
            continue;
        };
        let mut dates: Vec<_> = above.iter().map(|need| need.forecast.date).collect();
        dates.dedup();
        remarks.push(Remark::AttendanceAboveCapacity {
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
        });
    }
    remarks
}
