//! Where a row gives its days, as the schema's [`DatesSpec`] describes it (`Date`, or `Du` +
//! `Au` (+ `Jours`)), and the date headers of a grid (`Disponibilites`, a schedule grid).

use calamine::Data;
use chrono::{Datelike, NaiveDate};

use super::cells;
use super::days::parse_weekdays;
use super::table::{RowReader, Sheet};
use crate::error::InputError;
use crate::schema::DatesSpec;

/// A range longer than this is a typo (a wrong year), not a plan.
const MAX_RANGE_DAYS: i64 = 3 * 366;

/// The date columns found in a sheet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateColumns {
    spec: &'static DatesSpec,
    date: Option<usize>,
    du: Option<usize>,
    au: Option<usize>,
    jours: Option<usize>,
}

impl DateColumns {
    /// Whether a sheet has dated rows: a `Date` column, or both `Du` and `Au`.
    pub fn present(sheet: &Sheet, spec: &DatesSpec) -> bool {
        sheet.find(&spec.date).is_some()
            || (sheet.find(&spec.du).is_some() && sheet.find(&spec.au).is_some())
    }

    /// The date columns of a sheet; reports when there is neither `Date` nor `Du` and `Au`.
    pub fn find(
        sheet: &Sheet,
        spec: &'static DatesSpec,
        errors: &mut Vec<InputError>,
    ) -> Option<DateColumns> {
        let columns = DateColumns {
            spec,
            date: sheet.find(&spec.date),
            du: sheet.find(&spec.du),
            au: sheet.find(&spec.au),
            jours: sheet.find(&spec.jours),
        };
        if columns.date.is_some() || (columns.du.is_some() && columns.au.is_some()) {
            return Some(columns);
        }
        let missing = if columns.du.is_some() {
            spec.au
        } else if columns.au.is_some() {
            spec.du
        } else {
            spec.date
        };
        let mut error = sheet.missing_column(&missing);
        error.message = format!(
            "{} ; une colonne « {} », ou deux colonnes « {} » et « {} », sont attendues",
            error.message, spec.date.name, spec.du.name, spec.au.name
        );
        errors.push(error);
        None
    }

    /// Whether a row gives a `Du`/`Au` range (rather than one `Date`).
    pub fn is_range(&self, reader: &RowReader) -> bool {
        reader.is_blank(self.date) && !(reader.is_blank(self.du) && reader.is_blank(self.au))
    }

    /// The dates of a row: its `Date`, or every day from `Du` to `Au` that is in `Jours` (the
    /// spec's default days without `Jours`).
    pub fn read(&self, reader: &mut RowReader) -> Option<Vec<NaiveDate>> {
        let spec = self.spec;
        if !reader.is_blank(self.date) {
            if !reader.is_blank(self.du) || !reader.is_blank(self.au) {
                let column = if reader.is_blank(self.du) {
                    self.au
                } else {
                    self.du
                };
                let name = if reader.is_blank(self.du) {
                    spec.au.name
                } else {
                    spec.du.name
                };
                reader.error(
                    column,
                    name,
                    format!(
                        "la ligne a une « {} » et une période « {} »/« {} » : remplir l'une ou \
                         l'autre, pas les deux",
                        spec.date.name, spec.du.name, spec.au.name
                    ),
                );
                return None;
            }
            return reader
                .optional(self.date, cells::date)
                .map(|date| vec![date]);
        }
        if reader.is_blank(self.du) && reader.is_blank(self.au) {
            let name = if self.date.is_some() {
                spec.date.name
            } else {
                spec.du.name
            };
            let column = self.date.or(self.du);
            reader.error(
                column,
                name,
                format!(
                    "date manquante : remplir « {} », ou « {} » et « {} »",
                    spec.date.name, spec.du.name, spec.au.name
                ),
            );
            return None;
        }
        let from = reader.required(self.du, spec.du.name, cells::date);
        let to = reader.required(self.au, spec.au.name, cells::date);
        let days = match reader.optional(self.jours, parse_weekdays) {
            Some(days) => days,
            None if !reader.is_blank(self.jours) => return None,
            None => spec.default_days.to_vec(),
        };
        let (from, to) = (from?, to?);
        if to < from {
            reader.error(
                self.au,
                spec.au.name,
                format!(
                    "la fin de la période est avant son début ({})",
                    from.format("%d/%m/%Y")
                ),
            );
            return None;
        }
        if (to - from).num_days() > MAX_RANGE_DAYS {
            reader.error(
                self.au,
                spec.au.name,
                "période de plus de trois ans : vérifier l'année",
            );
            return None;
        }
        let dates: Vec<NaiveDate> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| days.contains(&d.weekday()))
            .collect();
        if dates.is_empty() {
            reader.error(
                self.jours.or(self.au),
                spec.jours.name,
                format!(
                    "aucun jour de la période ne correspond aux jours demandés (sans « {} » : du \
                     lundi au vendredi)",
                    spec.jours.name
                ),
            );
            return None;
        }
        Some(dates)
    }
}

/// Date columns of a grid: header cells that are dates (date cells or date text). Other headers
/// (`Nom`, `Prenom`, totals…) are ignored, unless they look like a mistyped date.
pub(crate) fn grid_dates(sheet: &Sheet, errors: &mut Vec<InputError>) -> Vec<(usize, NaiveDate)> {
    let mut columns = Vec::new();
    for (index, cell) in sheet.header_cells.iter().enumerate() {
        if cells::is_blank(cell) {
            continue;
        }
        match cells::date(cell) {
            // A bare number is a date only if it is a plausible serial (from the year 2000).
            Ok(date) if date.year() >= 2000 => columns.push((index, date)),
            _ if looks_like_date(cell) => {
                let mut error = sheet.error(format!(
                    "en-tête de colonne illisible : {}",
                    cells::DATE_EXPECTED
                ));
                error.column = Some(cells::display(cell));
                error.value = Some(cells::display(cell));
                errors.push(error);
            }
            _ => {}
        }
    }
    columns
}

fn looks_like_date(cell: &Data) -> bool {
    let text = cells::display(cell);
    text.chars().any(|c| c.is_ascii_digit()) && text.contains(['/', '-', '.'])
}

/// Dates as runs of consecutive days: `du 06/07/2026 au 10/07/2026, 14/07/2026`.
pub(crate) fn date_runs(dates: &[NaiveDate]) -> String {
    let mut sorted = dates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        while end + 1 < sorted.len() && sorted[end].succ_opt() == Some(sorted[end + 1]) {
            end += 1;
        }
        let first = sorted[start].format("%d/%m/%Y");
        runs.push(if end == start {
            first.to_string()
        } else {
            format!("du {first} au {}", sorted[end].format("%d/%m/%Y"))
        });
        start = end + 1;
    }
    runs.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_listed_as_runs() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 7, d).expect("date");
        let dates = [
            day(6),
            day(7),
            day(8),
            day(9),
            day(10),
            day(14),
            day(16),
            day(17),
        ];
        assert_eq!(
            date_runs(&dates),
            "du 06/07/2026 au 10/07/2026, 14/07/2026, du 16/07/2026 au 17/07/2026"
        );
    }
}
