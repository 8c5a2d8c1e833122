//! `Animateurs`: the grid person × date a director pins on the wall. Each cell holds the code of
//! the ACM where the person works that day, `CODE (D)` when directing (`check` reads this
//! notation back), and is empty otherwise. The posts to fill follow the team, one row each
//! (`R1`, « À recruter »).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use crate::domain::{Affectation, Animateur, Cents, Contrat, Role};
use crate::optimize::Hire;
use crate::report::dates::{is_weekend, week_monday};
use crate::report::xlsx::{
    Column, LineFit, ROW_HEIGHT, col_index, fitted_width, row_index, wrapped_lines, write_count,
    write_date, write_euros, write_headers, write_headers_from, write_text,
};
use crate::rules::labour::CEE_MAX_DAYS_PER_365;

use super::context::SheetContext;
use super::figures::daily_cost;
use super::planning_accueil::{NARROW_MARGINS, PAGE_WIDTH_CHARS};
use super::published::{RECRUIT_NAME, recruit_id};
use super::remarks::person_remarks;

/// Suffix of a directing cell: `ALSH-DOUE (D)`.
pub const DIRECTION_MARK: &str = " (D)";

const PERSON_HEADERS: [Column; 5] = [
    Column::new("Id", 10.0),
    Column::new("Nom", 16.0),
    Column::new("Prénom", 14.0),
    Column::new("Qualification", 16.0),
    Column::new("Contrat", 9.0),
];
const TOTAL_HEADERS: [Column; 5] = [
    Column::new("Jours travaillés", 10.0),
    Column::new("Jours CEE utilisés", 10.0),
    Column::new("Jours CEE restants", 10.0),
    Column::new("Coût", 12.0),
    Column::new("Remarques", 60.0),
];

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    let dates = context.figures.period_dates();
    // The margins the print scale was measured with.
    let (left, right, top, bottom, header, footer) = NARROW_MARGINS;
    sheet.set_margins(left, right, top, bottom, header, footer);
    write_headers(sheet, 0, &PERSON_HEADERS, &formats.header)?;
    sheet.set_column_width(QUALIFICATION_COL, qualification_width(context))?;
    let first_date_col = col_index(PERSON_HEADERS.len());
    let date_width = date_column_width(context);
    let open = open_dates(context);
    for (i, date) in dates.iter().enumerate() {
        let col = first_date_col + col_index(i);
        let header = if is_weekend(*date) {
            &formats.header_day_weekend
        } else {
            &formats.header_day
        };
        // A date cell (shown `lun. 06/07`): `check` reads the grid's dates back from it.
        write_date(sheet, 0, col, *date, header)?;
        sheet.set_column_width(col, date_width)?;
        // A day without children anywhere stays in the grid, hidden, so that it prints the
        // days that matter.
        if !open.contains(date) {
            sheet.set_column_hidden(col)?;
        }
    }
    let totals_col = first_date_col + col_index(dates.len());
    let breaks: Vec<u32> = column_breaks(&dates, &open, date_width, context)
        .into_iter()
        .map(u32::from)
        .collect();
    sheet.set_vertical_page_breaks(&breaks)?;
    write_headers_from(sheet, 0, totals_col, &TOTAL_HEADERS, &formats.header)?;
    sheet.set_row_height(0, 30)?;

    let published = context.figures.published_by_person();
    for (i, person) in problem.animateurs.iter().enumerate() {
        let row = 1 + row_index(i);
        write_text(sheet, row, 0, &person.id, &formats.text)?;
        write_text(sheet, row, 1, &person.nom, &formats.text)?;
        write_text(sheet, row, 2, &person.prenom, &formats.text)?;
        write_text(sheet, row, 3, &qualification_text(person), &formats.text)?;
        write_text(sheet, row, 4, person.contrat.label(), &formats.text)?;
        for (j, date) in dates.iter().enumerate() {
            let col = first_date_col + col_index(j);
            let cell = grid_cell(&published, &person.id, *date);
            if !cell.is_empty() {
                write_grid_cell(sheet, row, col, &cell, context)?;
            } else if problem.availability.flags(&person.id, *date).is_empty() {
                sheet.write_blank(row, col, &formats.unavailable)?;
            } else if is_weekend(*date) {
                sheet.write_blank(row, col, &formats.weekend)?;
            }
        }
        write_totals(sheet, row, totals_col, person, context)?;
    }
    // One row per post to fill, after the team: `R1`, « À recruter ».
    let mut hires: Vec<&Hire> = context.result().hires.iter().collect();
    hires.sort_by_key(|h| h.number);
    for (i, hire) in hires.iter().enumerate() {
        let row = 1 + row_index(problem.animateurs.len() + i);
        let id = recruit_id(hire);
        write_text(sheet, row, 0, &id, &formats.text)?;
        write_text(sheet, row, 1, RECRUIT_NAME, &formats.text)?;
        write_text(sheet, row, 3, &hire.label(), &formats.text)?;
        for (j, date) in dates.iter().enumerate() {
            let col = first_date_col + col_index(j);
            let cell = grid_cell(&published, &id, *date);
            if !cell.is_empty() {
                write_grid_cell(sheet, row, col, &cell, context)?;
            } else if is_weekend(*date) {
                sheet.write_blank(row, col, &formats.weekend)?;
            }
        }
        write_count(sheet, row, totals_col, hire.days(), &formats.integer)?;
        for offset in [1, 2] {
            write_text(sheet, row, totals_col + offset, "—", &formats.centered)?;
        }
        write_euros(sheet, row, totals_col + 3, hire.total_cost(), &formats.euro)?;
        write_text(
            sheet,
            row,
            totals_col + 4,
            "poste à pourvoir (feuille Recrutement), coût fixe compris",
            &formats.wrap,
        )?;
    }
    let total_row = 1 + row_index(problem.animateurs.len() + hires.len());
    write_day_totals(sheet, total_row, &dates, totals_col, context)?;
    sheet.set_print_area(
        0,
        0,
        total_row,
        totals_col + col_index(TOTAL_HEADERS.len() - 1),
    )?;
    sheet.set_freeze_panes(1, 3)?;
    Ok(())
}

/// The grid cell of one person on one date: each ACM once, in créneau order, `(D)` where the
/// person directs.
fn grid_cell(published: &BTreeMap<&str, Vec<&Affectation>>, id: &str, date: NaiveDate) -> String {
    let Some(list) = published.get(id) else {
        return String::new();
    };
    let mut places: Vec<(&str, bool)> = Vec::new();
    for affectation in list.iter().filter(|a| a.date == date) {
        let directing = affectation.role == Role::Direction;
        match places
            .iter_mut()
            .find(|(code, _)| *code == affectation.accueil)
        {
            Some((_, flag)) => *flag |= directing,
            None => places.push((affectation.accueil.as_str(), directing)),
        }
    }
    places
        .iter()
        .map(|(code, directing)| {
            if *directing {
                format!("{code}{DIRECTION_MARK}")
            } else {
                (*code).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_grid_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &str,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let format = if cell.contains(DIRECTION_MARK) {
        &context.formats.directing
    } else {
        &context.formats.worked
    };
    // At the top of a row made tall by a long remark, as the names are.
    write_text(
        sheet,
        row,
        col,
        cell,
        &format.clone().set_align(FormatAlign::Top),
    )
}

fn write_totals(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    person: &Animateur,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let summary = context.figures.people.get(person.id.as_str());
    let days = context.figures.days_worked(&person.id);
    write_count(sheet, row, col, days, &formats.integer)?;
    let (used, left) = match summary {
        Some(summary) => (summary.cee_days_used, summary.cee_days_left),
        None if person.contrat == Contrat::Cee => {
            let used = person.jours_cee_anterieurs + days;
            (Some(used), Some(CEE_MAX_DAYS_PER_365.saturating_sub(used)))
        }
        None => (None, None),
    };
    for (offset, value) in [(1, used), (2, left)] {
        match value {
            Some(n) => write_count(sheet, row, col + offset, n, &formats.integer)?,
            None => write_text(sheet, row, col + offset, "—", &formats.centered)?,
        }
    }
    let cost = person_cost(person, context);
    write_euros(sheet, row, col + 3, cost, &formats.euro)?;
    let remarks = person_remarks(context.problem(), context.figures, person);
    write_text(sheet, row, col + 4, &remarks, &formats.wrap)?;
    // Wrapped, words whole (about 1.1 characters a unit of width): a long remark neither hides
    // under the next cell nor prints a page of its own.
    let remarks_width = TOTAL_HEADERS[TOTAL_HEADERS.len() - 1].width * 1.1;
    let lines = wrapped_lines(&remarks, remarks_width, LineFit::Narrow);
    if lines > 1 {
        sheet.set_row_height(row, ROW_HEIGHT * f64::from(lines))?;
    }
    Ok(())
}

/// The last row: people at work per date, days and cost in total. Its Id starts with `Total`,
/// which the grid reader of `check` skips.
fn write_day_totals(
    sheet: &mut Worksheet,
    row: u32,
    dates: &[NaiveDate],
    totals_col: u16,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let people = &context.problem().animateurs;
    write_text(sheet, row, 0, "Total", &formats.bold)?;
    write_text(sheet, row, 1, "présents par jour", &formats.bold)?;
    let first_date_col = col_index(PERSON_HEADERS.len());
    for (j, date) in dates.iter().enumerate() {
        let at_work = context
            .figures
            .by_person
            .iter()
            .filter(|(id, list)| {
                people.iter().any(|p| p.id == **id) && list.iter().any(|a| a.date == *date)
            })
            .count();
        let at_work = u32::try_from(at_work).unwrap_or(u32::MAX);
        write_count(
            sheet,
            row,
            first_date_col + col_index(j),
            at_work,
            &formats.integer_bold,
        )?;
    }
    let days: u32 = people
        .iter()
        .map(|p| context.figures.days_worked(&p.id))
        .sum();
    write_count(sheet, row, totals_col, days, &formats.integer_bold)?;
    let cost: Cents = people.iter().map(|p| person_cost(p, context)).sum();
    write_euros(sheet, row, totals_col + 3, cost, &formats.euro_bold)?;
    Ok(())
}

/// The cost of a person's days: the solver's figure, or days × daily cost.
fn person_cost(person: &Animateur, context: &SheetContext) -> Cents {
    match context.figures.people.get(person.id.as_str()) {
        Some(summary) => summary.cost,
        None => {
            let days = context.figures.days_worked(&person.id);
            daily_cost(context.problem(), &person.id) * i64::from(days)
        }
    }
}

/// Wide enough for the longest ACM code with ` (D)`, narrow enough to see a week on a page.
fn date_column_width(context: &SheetContext) -> f64 {
    let longest = context
        .problem()
        .accueils
        .iter()
        .map(|a| a.code.chars().count())
        .max()
        .unwrap_or(6);
    (longest + DIRECTION_MARK.len() + 1).clamp(10, 26) as f64
}

/// The days with children expected at some accueil, or someone at work: the grid's visible
/// columns.
fn open_dates(context: &SheetContext) -> BTreeSet<NaiveDate> {
    let figures = context.figures;
    figures
        .slots
        .iter()
        .filter(|s| s.total_required() > 0)
        .map(|s| s.prevision.date)
        .chain(figures.published.iter().map(|a| a.date))
        .collect()
}

/// Characters of width of the columns repeated on every page (Id, Nom, Prénom), and of the
/// person's columns on the first page.
fn person_widths(context: &SheetContext) -> (f64, f64) {
    let repeated: f64 = PERSON_HEADERS[..=usize::from(REPEATED_LAST)]
        .iter()
        .map(|c| c.width)
        .sum();
    let all: f64 = PERSON_HEADERS.iter().map(|c| c.width).sum::<f64>()
        - PERSON_HEADERS[usize::from(QUALIFICATION_COL)].width
        + qualification_width(context);
    (repeated, all)
}

/// The column of the qualification.
const QUALIFICATION_COL: u16 = 3;

/// Wide enough for the longest qualification with its certificates (`stagiaire BAFA + PSC1`).
fn qualification_width(context: &SheetContext) -> f64 {
    let texts: Vec<String> = context
        .problem()
        .animateurs
        .iter()
        .map(qualification_text)
        .collect();
    fitted_width(
        texts.iter().map(String::as_str),
        PERSON_HEADERS[usize::from(QUALIFICATION_COL)].width,
        30.0,
    )
}

/// The last column repeated at the left of every printed page (Prénom).
pub(super) const REPEATED_LAST: u16 = 2;

/// A week of the grid (or the single open days of several weeks of a month): its first
/// column, its open days, and the month of its first open day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Week {
    first_col: u16,
    days: usize,
    month: (i32, u32),
    /// Gathers weeks open one day each.
    single_days: bool,
}

/// The weeks with an open day, in order, the single days of a month together: what a printed
/// page keeps whole.
fn weeks(dates: &[NaiveDate], open: &BTreeSet<NaiveDate>) -> Vec<Week> {
    let first_date_col = col_index(PERSON_HEADERS.len());
    let mut weeks: Vec<(NaiveDate, Week)> = Vec::new();
    for (i, date) in dates.iter().enumerate() {
        let monday = week_monday(*date);
        let is_open = open.contains(date);
        if weeks.last().is_none_or(|(week, _)| *week != monday) {
            let week = Week {
                first_col: first_date_col + col_index(i),
                days: 0,
                month: (date.year(), date.month()),
                single_days: false,
            };
            weeks.push((monday, week));
        }
        if let Some((_, week)) = weeks.last_mut()
            && is_open
        {
            if week.days == 0 {
                week.month = (date.year(), date.month());
            }
            week.days += 1;
        }
    }
    // The weeks of a month open one day each (the Wednesdays) print together, as one week.
    let mut units: Vec<Week> = Vec::new();
    for (_, week) in weeks.into_iter().filter(|(_, week)| week.days > 0) {
        match units.last_mut() {
            Some(unit)
                if week.days == 1
                    && unit.single_days
                    && unit.month == week.month
                    && unit.days < DAYS_A_WEEK =>
            {
                unit.days += 1;
            }
            _ => units.push(Week {
                single_days: week.days == 1,
                ..week
            }),
        }
    }
    units
}

/// At most one week's worth of single days in one unit.
const DAYS_A_WEEK: usize = 7;

/// The print scale that fits the person's columns and the widest week of open days on a page.
pub(super) fn print_scale(context: &SheetContext) -> u16 {
    let dates = context.figures.period_dates();
    let open = open_dates(context);
    let widest = weeks(&dates, &open)
        .iter()
        .map(|week| week.days)
        .max()
        .unwrap_or(5);
    let (_, all) = person_widths(context);
    let width = all + date_column_width(context) * widest as f64;
    (PAGE_WIDTH_CHARS * 100.0 / width)
        .floor()
        .clamp(50.0, 100.0) as u16
}

/// Where the printed pages break: before a week that no longer fits the page (weeks whole, as
/// many as fit), before a month that fits a page of its own but not the rest of this one (a
/// month of Wednesdays stays together), and before the totals.
fn column_breaks(
    dates: &[NaiveDate],
    open: &BTreeSet<NaiveDate>,
    date_width: f64,
    context: &SheetContext,
) -> Vec<u16> {
    let capacity = PAGE_WIDTH_CHARS * 100.0 / f64::from(print_scale(context));
    let (repeated, all) = person_widths(context);
    let weeks = weeks(dates, open);
    let width = |days: usize| date_width * days as f64;
    let mut breaks = Vec::new();
    let mut used = all;
    for (i, week) in weeks.iter().enumerate() {
        let starts_month = i > 0 && weeks[i - 1].month != week.month;
        let month: f64 = weeks[i..]
            .iter()
            .take_while(|w| w.month == week.month)
            .map(|w| width(w.days))
            .sum();
        let page_started = used > all.max(repeated);
        let overflows = used + width(week.days) > capacity;
        let month_moves = starts_month && used + month > capacity && repeated + month <= capacity;
        if page_started && (overflows || month_moves) {
            breaks.push(week.first_col);
            used = repeated;
        }
        used += width(week.days);
    }
    let totals_col = col_index(PERSON_HEADERS.len()) + col_index(dates.len());
    breaks.push(totals_col);
    // Excel keeps at most 1 023 manual breaks.
    breaks.truncate(1023);
    breaks
}

/// The legal qualification, then the person's other certificates: `BAFA + PSC1, permis B`.
fn qualification_text(person: &crate::domain::Animateur) -> String {
    if person.certificats.is_empty() {
        return person.qualification.label.clone();
    }
    let others: Vec<&str> = person.certificats.iter().map(|c| c.label()).collect();
    format!("{} + {}", person.qualification.label, others.join(", "))
}
