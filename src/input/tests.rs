//! The readers agree with the schema: a sheet with only the columns the schema marks required
//! reads without error, each of them is reported when missing, and every column the schema
//! knows is accepted.

use calamine::{Data, Range};

use super::table::Sheet;
use super::{accueils, animateurs, calendrier, previsions, recrutement, regles, schedule};
use crate::domain::Inputs;
use crate::error::InputError;
use crate::rules::Parameters;
use crate::schema::{self, ColumnSpec, Presence, SheetSpec};

/// A sheet with these headers and no data row.
fn sheet_with(spec: &SheetSpec, headers: &[&str]) -> Sheet {
    let width = u32::try_from(headers.len().max(1)).expect("a few columns");
    let mut range: Range<Data> = Range::new((0, 0), (0, width - 1));
    for (index, header) in headers.iter().enumerate() {
        let column = u32::try_from(index).expect("a few columns");
        range.set_value((0, column), Data::String((*header).to_string()));
    }
    Sheet::from_range("classeur.xlsx", spec, &range)
}

/// Reads `sheet` as `spec`'s reader does; returns its errors.
fn read(spec: &SheetSpec, sheet: &Sheet) -> Vec<InputError> {
    let mut errors = Vec::new();
    match spec.name {
        "Accueils" => drop(accueils::read(sheet, &mut errors)),
        "Previsions" => drop(previsions::read(
            sheet,
            None,
            &super::holidays::HolidaySetting::default(),
            &mut errors,
        )),
        "Animateurs" => drop(animateurs::read(sheet, None, &mut errors)),
        "Regles" => drop(regles::read(sheet, &mut errors)),
        "Recrutement" => drop(recrutement::read(
            sheet,
            &Parameters::default(),
            &mut errors,
        )),
        "Calendrier" => drop(calendrier::read(sheet, &mut errors)),
        "Affectations" => drop(schedule::read_long(sheet, &Inputs::default(), &mut errors)),
        other => panic!("no reader for {other}"),
    }
    errors
}

/// Sheets read by one table reader (`Disponibilites` is a grid or a long table, told apart by
/// its headers).
const TABLES: [&SheetSpec; 7] = [
    &schema::ACCUEILS,
    &schema::PREVISIONS,
    &schema::ANIMATEURS,
    &schema::REGLES,
    &schema::RECRUTEMENT,
    &schema::CALENDRIER,
    &schema::AFFECTATIONS,
];

fn required(spec: &SheetSpec) -> Vec<&'static ColumnSpec> {
    spec.columns
        .iter()
        .filter(|c| c.presence == Presence::Required)
        .collect()
}

/// The headers of the required columns, and `Date` where a date or a range is asked for.
fn minimal_headers(spec: &SheetSpec) -> Vec<&'static str> {
    let mut headers: Vec<&str> = required(spec).iter().map(|c| c.name).collect();
    let date_or_range = spec
        .columns
        .iter()
        .any(|c| matches!(c.presence, Presence::Alternative(_)));
    if date_or_range {
        headers.push(schema::previsions::DATE.name);
    }
    headers
}

#[test]
fn the_required_columns_suffice() {
    for spec in TABLES {
        let errors = read(spec, &sheet_with(spec, &minimal_headers(spec)));
        assert!(errors.is_empty(), "{}: {errors:?}", spec.name);
    }
}

#[test]
fn each_required_column_is_reported_when_missing() {
    for spec in TABLES {
        for column in required(spec) {
            let headers: Vec<&str> = minimal_headers(spec)
                .into_iter()
                .filter(|h| *h != column.name)
                .collect();
            let errors = read(spec, &sheet_with(spec, &headers));
            let columns: Vec<Option<&str>> = errors.iter().map(|e| e.column.as_deref()).collect();
            assert_eq!(columns, [Some(column.name)], "{}", spec.name);
        }
    }
}

#[test]
fn every_column_of_the_schema_is_accepted() {
    for spec in TABLES {
        let headers: Vec<&str> = spec
            .columns
            .iter()
            .chain(spec.other_columns)
            .map(|c| c.name)
            .collect();
        let errors = read(spec, &sheet_with(spec, &headers));
        assert!(errors.is_empty(), "{}: {errors:?}", spec.name);
    }
}
