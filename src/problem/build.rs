//! From the inputs as read to the [`Problem`]: the `Regles` sheet and the command-line
//! overrides applied, the forecasts restricted and scaled, every requirement computed.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::ids::{AccueilId, ForecastId, PersonId};
use super::need::Need;
use super::validated::Problem;
use crate::domain::Inputs;
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
        let mut needs = Vec::with_capacity(inputs.previsions.len());
        let mut errors = Vec::new();
        for forecast in inputs.previsions {
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
            let requirement = rules::slot_requirement(
                &inputs.accueils[accueil.index()],
                &forecast,
                &calendar,
                &parameters,
            );
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
            return Err(crate::error::fold_repeated(errors));
        }
        Ok(Problem {
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
