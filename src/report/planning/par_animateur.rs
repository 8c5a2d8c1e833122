//! `Par animateur`: what is sent to each person. One block per person who works at least one
//! day (recruits included, as « À recruter (R1) »), each printed on its own page: a header with
//! the name, qualification, contract and sector, then one row per day and accueil: date,
//! accueil (code and name), hours, role, the day's director.
//!
//! The person's contact (`Telephone`, `E-mail` of `Animateurs`) is carried over to the header.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, RowNum, Worksheet, XlsxError};

use crate::domain::{Affectation, Role};
use crate::report::wording::{plural_unless_one, weekday_long};
use crate::report::xlsx::{
    Column, LineFit, ROW_HEIGHT, wrapped_height, write_date, write_headers, write_merged_text,
    write_text,
};

use super::context::SheetContext;
use super::pages::PageFill;
use super::planning_accueil::{NARROW_MARGINS, spans};
use super::published::{Worker, worker, workers};

pub(super) const NAME: &str = "Par animateur";

const COLUMNS: [Column; 6] = [
    Column::new("Date", 11.0),
    Column::new("Jour", 9.0),
    Column::new("Accueil", ACCUEIL_WIDTH),
    Column::new("Horaires", HOURS_WIDTH),
    Column::new("Rôle", 10.0),
    Column::new("Directeur du jour", DIRECTOR_WIDTH),
];
const ACCUEIL_WIDTH: f64 = 40.0;
const HOURS_WIDTH: f64 = 14.0;
const DIRECTOR_WIDTH: f64 = 22.0;
const LAST_COL: u16 = 5;
/// Characters across the block: the sum of the column widths.
const PAGE_WIDTH: f64 = 11.0 + 9.0 + ACCUEIL_WIDTH + HOURS_WIDTH + 10.0 + DIRECTOR_WIDTH;
/// Characters of wrapped text a unit of column width holds in these cells, as LibreOffice
/// wraps them (« ALSH-SAUMUR-BAG — Accueil de loisirs de Bagneux », 48 characters, takes two
/// lines of a column 40 wide).
const CHARS_PER_WIDTH: f64 = 1.1;
/// The sheet prints at full size, a page per person.
pub(super) const SCALE: u16 = 100;

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let (left, right, top, bottom, header, footer) = NARROW_MARGINS;
    sheet.set_margins(left, right, top, bottom, header, footer);
    let published = context.figures.published_by_person();
    let directors = directors_by_day(context);
    let mut row: RowNum = 0;
    let mut pages = Pages {
        fill: PageFill::new(SCALE),
        breaks: Vec::new(),
    };
    for person in workers(context.problem(), context.result()) {
        let id = person.id();
        let Some(list) = published.get(id.as_str()) else {
            continue;
        };
        if row > 0 {
            pages.break_at(row);
        }
        row = write_block(sheet, row, &person, list, &directors, context, &mut pages)? + 1;
    }
    if row == 0 {
        write_text(
            sheet,
            0,
            0,
            "Personne ne travaille sur la période.",
            &formats.bold,
        )?;
        return Ok(());
    }
    pages.breaks.truncate(1023);
    sheet.set_page_breaks(&pages.breaks)?;
    sheet.set_print_area(0, 0, row.saturating_sub(1), LAST_COL)?;
    Ok(())
}

/// (accueil, date) → the names of who directs there that day.
fn directors_by_day<'a>(context: &'a SheetContext) -> BTreeMap<(&'a str, NaiveDate), Vec<String>> {
    let mut map: BTreeMap<(&str, NaiveDate), Vec<String>> = BTreeMap::new();
    for affectation in &context.figures.published {
        if affectation.role != Role::Direction {
            continue;
        }
        let name = worker(context.problem(), context.result(), &affectation.animateur)
            .map_or_else(|| affectation.animateur.clone(), |w| w.display_name());
        let names = map
            .entry((affectation.accueil.as_str(), affectation.date))
            .or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    map
}

/// The page breaks of the sheet, and how full the current page is.
struct Pages {
    fill: PageFill,
    breaks: Vec<RowNum>,
}

impl Pages {
    fn break_at(&mut self, row: RowNum) {
        self.breaks.push(row);
        self.fill.new_page();
    }
}

/// Points of the name row, in 14-point bold.
const NAME_ROW_HEIGHT: f64 = 22.0;

/// Writes the person's name (with `(suite)` on the pages a long block goes on to) and the
/// column headers from `row`; returns the next row.
fn write_name_and_headers(
    sheet: &mut Worksheet,
    row: RowNum,
    name: &str,
    context: &SheetContext,
    pages: &mut Pages,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    write_merged_text(sheet, row, (0, LAST_COL), name, &formats.heading)?;
    sheet.set_row_height(row, NAME_ROW_HEIGHT)?;
    write_headers(sheet, row + 1, &COLUMNS, &formats.header)?;
    pages.fill.add(NAME_ROW_HEIGHT + ROW_HEIGHT);
    Ok(row + 2)
}

/// The facts under a person's name: qualification, contract, sector, Id, contact, days.
fn facts(person: &Worker, list: &[&Affectation]) -> String {
    let mut facts = vec![format!("Qualification : {}", person.qualification())];
    match person {
        Worker::Team(animateur) => {
            facts.push(format!("Contrat : {}", animateur.contrat.label()));
            if let Some(secteur) = &animateur.secteur {
                facts.push(format!("Secteur : {secteur}"));
            }
            facts.push(format!("Id : {}", animateur.id));
            if let Some(telephone) = &animateur.telephone {
                facts.push(format!("Téléphone : {telephone}"));
            }
            if let Some(email) = &animateur.email {
                facts.push(format!("E-mail : {email}"));
            }
        }
        Worker::Recruit(hire) => {
            facts.push("poste à pourvoir (feuille Recrutement)".to_string());
            if let Some(secteur) = &hire.secteur {
                facts.push(format!("Secteur : {secteur}"));
            }
        }
    }
    let mut dates: Vec<NaiveDate> = list.iter().map(|a| a.date).collect();
    dates.dedup();
    facts.push(plural_unless_one(
        dates.len(),
        "jour travaillé",
        "jours travaillés",
    ));
    facts.join(" — ")
}

/// One person's block from `row`; returns its last row. A block longer than a page goes on
/// under the name and the headers repeated.
fn write_block(
    sheet: &mut Worksheet,
    row: RowNum,
    person: &Worker,
    list: &[&Affectation],
    directors: &BTreeMap<(&str, NaiveDate), Vec<String>>,
    context: &SheetContext,
    pages: &mut Pages,
) -> Result<RowNum, XlsxError> {
    let formats = context.formats;
    let problem = context.problem();
    let directing_format = formats.directing.clone().set_align(FormatAlign::Top);
    let name = person.display_name();
    write_merged_text(sheet, row, (0, LAST_COL), &name, &formats.heading)?;
    sheet.set_row_height(row, NAME_ROW_HEIGHT)?;
    let facts = facts(person, list);
    let facts_height = wrapped_height(&[(&facts, PAGE_WIDTH * CHARS_PER_WIDTH)], LineFit::Narrow);
    write_merged_text(
        sheet,
        row + 1,
        (0, LAST_COL),
        &facts,
        &formats
            .subtitle
            .clone()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
    )?;
    sheet.set_row_height(row + 1, facts_height)?;
    write_headers(sheet, row + 2, &COLUMNS, &formats.header)?;
    pages.fill.add(NAME_ROW_HEIGHT + facts_height + ROW_HEIGHT);
    let mut row = row + 3;
    let continued = format!("{name} (suite)");
    // One row per date and accueil: the créneaux of the day together.
    let mut days: BTreeMap<(NaiveDate, &str), Vec<&Affectation>> = BTreeMap::new();
    for &affectation in list {
        days.entry((affectation.date, affectation.accueil.as_str()))
            .or_default()
            .push(affectation);
    }
    for ((date, code), of_day) in days {
        let accueil = match problem.accueil(code) {
            Some(a) if !a.nom.is_empty() => format!("{code} — {}", a.nom),
            _ => code.to_string(),
        };
        let slots = spans(
            of_day
                .iter()
                .map(|a| (a.creneau.start, a.creneau.end))
                .collect(),
        )
        .join("\n");
        let directing = of_day.iter().any(|a| a.role == Role::Direction);
        let role = if directing {
            Role::Direction.label()
        } else {
            Role::Animation.label()
        };
        let director = directors
            .get(&(code, date))
            .map_or_else(|| "aucun (manque)".to_string(), |names| names.join(", "));
        let height = wrapped_height(
            &[
                (&accueil, ACCUEIL_WIDTH * CHARS_PER_WIDTH),
                (&director, DIRECTOR_WIDTH * CHARS_PER_WIDTH),
                (&slots, HOURS_WIDTH * CHARS_PER_WIDTH),
            ],
            LineFit::Narrow,
        );
        if !pages.fill.fits(height, 0.0) {
            pages.break_at(row);
            row = write_name_and_headers(sheet, row, &continued, context, pages)?;
        }
        write_date(sheet, row, 0, date, &formats.date)?;
        write_text(sheet, row, 1, weekday_long(date), &formats.text)?;
        write_text(sheet, row, 2, &accueil, &formats.wrap)?;
        write_text(sheet, row, 3, &slots, &formats.wrap)?;
        let role_format = if directing {
            &directing_format
        } else {
            &formats.text
        };
        write_text(sheet, row, 4, role, role_format)?;
        write_text(sheet, row, 5, &director, &formats.wrap)?;
        sheet.set_row_height(row, height)?;
        pages.fill.add(height);
        row += 1;
    }
    Ok(row)
}
