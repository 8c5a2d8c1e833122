//! `Planning par accueil`: what a director pins on the wall. One block per accueil and ISO
//! week, each printed on its own A4 landscape page (a page break after each block): a title
//! row, the open days as columns, the children expected and the staff required per day, then
//! the direction and each member of the team (recruits included, as « À recruter ») with the
//! hours of their créneaux in each day cell.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, RowNum, Worksheet, XlsxError};

use crate::domain::{Affectation, Creneau, Minutes, Role};
use crate::report::dates::week_monday;
use crate::report::wording::{self, day_month, weekday_long};
use crate::report::xlsx::{
    LineFit, ROW_HEIGHT, col_index, wrapped_lines, write_count, write_merged_text, write_text,
};

use super::context::SheetContext;
use super::pages::PageFill;
use super::published::worker;

pub(super) const NAME: &str = "Planning par accueil";

/// Widths: name, qualification, then one column per day.
const NAME_WIDTH: f64 = 22.0;
const QUALIFICATION_WIDTH: f64 = 12.0;
const DAY_WIDTH: f64 = 13.0;
/// Characters of column width that fit across A4 landscape at 100 % with the narrow margins
/// of [`NARROW_MARGINS`] (measured on LibreOffice's rendering, with a little room).
pub(super) const PAGE_WIDTH_CHARS: f64 = 108.0;
/// Left, right, top, bottom, header and footer margins in inches: narrow sides.
pub(super) const NARROW_MARGINS: (f64, f64, f64, f64, f64, f64) = (0.3, 0.3, 0.6, 0.6, 0.3, 0.3);
/// At most one column per day of the week.
const DAYS_IN_WEEK: u16 = 7;

/// One block: an accueil over one ISO week, or over the days of a month when the accueil opens
/// one day a week (a month of Wednesdays is one page, not one page per Wednesday).
struct Block<'a> {
    code: &'a str,
    /// The block's open days (a forecast with children), in order.
    dates: Vec<NaiveDate>,
}

impl Block<'_> {
    /// Whether the block gathers single days of several weeks.
    fn spans_weeks(&self) -> bool {
        match (self.dates.first(), self.dates.last()) {
            (Some(first), Some(last)) => week_monday(*first) != week_monday(*last),
            _ => false,
        }
    }

    /// Whether the single day `date`, alone in its week, joins this block: the block is one
    /// day a week too, at the same accueil, in the same month, and has room for a column.
    fn takes(&self, code: &str, date: NaiveDate) -> bool {
        let Some(first) = self.dates.first() else {
            return false;
        };
        self.code == code
            && (self.dates.len() == 1 || self.spans_weeks())
            && first.year() == date.year()
            && first.month() == date.month()
            && self.dates.len() < usize::from(DAYS_IN_WEEK)
    }

    /// The period in words: `semaine du lundi 06/07 au vendredi 10/07/2026`,
    /// `mercredis du 06/01 au 27/01/2027`, `lundi 06/07/2026`.
    fn period_words(&self) -> String {
        let (Some(first), Some(last)) = (self.dates.first(), self.dates.last()) else {
            return String::new();
        };
        if first == last {
            return format!("{} {}", weekday_long(*first), wording::date(*first));
        }
        if !self.spans_weeks() {
            return format!(
                "semaine du lundi {} au {} {}",
                day_month(week_monday(*first)),
                weekday_long(*last),
                wording::date(*last)
            );
        }
        if self.dates.iter().all(|d| d.weekday() == first.weekday()) {
            format!(
                "{}s du {} au {}",
                weekday_long(*first),
                day_month(*first),
                wording::date(*last)
            )
        } else {
            format!(
                "du {} {} au {} {}",
                weekday_long(*first),
                day_month(*first),
                weekday_long(*last),
                wording::date(*last)
            )
        }
    }
}

/// The print scale that fits the widest block on one page: 100 % for a week of five days, less
/// with the weekend.
pub(super) fn print_scale(context: &SheetContext) -> u16 {
    let widest = blocks(context)
        .iter()
        .map(|b| b.dates.len())
        .max()
        .unwrap_or(5);
    (PAGE_WIDTH_CHARS * 100.0 / block_width(widest))
        .floor()
        .clamp(50.0, 100.0) as u16
}

/// Characters of width of a block of `days` columns.
fn block_width(days: usize) -> f64 {
    NAME_WIDTH + QUALIFICATION_WIDTH + DAY_WIDTH * days as f64
}

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let (left, right, top, bottom, header, footer) = NARROW_MARGINS;
    sheet.set_margins(left, right, top, bottom, header, footer);
    sheet.set_column_width(0, NAME_WIDTH)?;
    sheet.set_column_width(1, QUALIFICATION_WIDTH)?;
    for day in 0..DAYS_IN_WEEK {
        sheet.set_column_width(2 + day, DAY_WIDTH)?;
    }
    let blocks = blocks(context);
    if blocks.is_empty() {
        write_text(
            sheet,
            0,
            0,
            "Aucun accueil ouvert avec des enfants sur la période.",
            &formats.bold,
        )?;
        return Ok(());
    }
    let styles = Styles::new(context);
    let mut pages = Pages {
        fill: PageFill::new(print_scale(context)),
        breaks: Vec::new(),
    };
    let mut row: RowNum = 0;
    let mut last_col = 1;
    for block in &blocks {
        if row > 0 {
            pages.break_at(row);
        }
        last_col = last_col.max(1 + col_index(block.dates.len()));
        row = write_block(sheet, row, block, context, &styles, &mut pages)? + 1;
    }
    // Excel keeps at most 1 023 manual breaks.
    pages.breaks.truncate(1023);
    sheet.set_page_breaks(&pages.breaks)?;
    sheet.set_print_area(0, 0, row.saturating_sub(1), last_col)?;
    Ok(())
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
/// The cell formats of a block.
struct Styles {
    title: Format,
    header: Format,
    label: Format,
    figure: Format,
    cell: Format,
    directing: Format,
    missing: Format,
}

impl Styles {
    fn new(context: &SheetContext) -> Self {
        let formats = context.formats;
        let border = rust_xlsxwriter::FormatBorder::Thin;
        Styles {
            title: formats.heading.clone().set_text_wrap(),
            header: formats.boxed_header.clone(),
            label: formats.bold.clone().set_border(border).set_text_wrap(),
            figure: formats
                .integer
                .clone()
                .set_align(FormatAlign::Center)
                .set_border(border),
            cell: formats
                .wrap
                .clone()
                .set_align(FormatAlign::Center)
                .set_border(border),
            directing: formats
                .directing
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_border(border),
            missing: formats
                .bad
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_border(border),
        }
    }
}

/// The blocks, by accueil code then week; the weeks of an accueil open one day each join into
/// one block per month.
fn blocks<'a>(context: &'a SheetContext) -> Vec<Block<'a>> {
    let mut open: BTreeMap<(&str, NaiveDate), BTreeSet<NaiveDate>> = BTreeMap::new();
    for slot in &context.figures.slots {
        if slot.total_required() > 0 {
            let date = slot.prevision.date;
            open.entry((slot.prevision.accueil.as_str(), week_monday(date)))
                .or_default()
                .insert(date);
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    for ((code, _), dates) in open {
        let dates: Vec<NaiveDate> = dates.into_iter().collect();
        if let [date] = dates.as_slice()
            && let Some(last) = blocks.last_mut()
            && last.takes(code, *date)
        {
            last.dates.push(*date);
            continue;
        }
        blocks.push(Block { code, dates });
    }
    blocks
}

/// Points per line of the 14-point bold title.
const TITLE_LINE_HEIGHT: f64 = 20.0;

/// The block's title, `CODE — Nom` over its period, and its height: each line wraps within
/// the block's width (14-point bold: about 1.4 characters of width each).
fn title(block: &Block, name: &str) -> (String, f64) {
    let place = if name.is_empty() {
        block.code.to_string()
    } else {
        format!("{} — {name}", block.code)
    };
    let text = format!("{place}\n{}", block.period_words());
    let width = block_width(block.dates.len()) / 1.4;
    let lines = wrapped_lines(&text, width, LineFit::Narrow);
    (text, TITLE_LINE_HEIGHT * f64::from(lines))
}

/// Writes the title and the day headers of a block from `row` (again, `(suite)`, at the top of
/// a page the block goes on to); returns the next row.
fn write_heading(
    sheet: &mut Worksheet,
    mut row: RowNum,
    block: &Block,
    title: &(String, f64),
    styles: &Styles,
    pages: &mut Pages,
) -> Result<RowNum, XlsxError> {
    let last_col = 1 + col_index(block.dates.len());
    let (text, height) = title;
    write_merged_text(sheet, row, (0, last_col), text, &styles.title)?;
    sheet.set_row_height(row, *height)?;
    pages.fill.add(*height);
    row += 1;
    write_text(sheet, row, 0, "", &styles.header)?;
    write_text(sheet, row, 1, "", &styles.header)?;
    for (col, date) in (2u16..).zip(&block.dates) {
        let label = format!("{}\n{}", weekday_long(*date), day_month(*date));
        write_text(sheet, row, col, &label, &styles.header)?;
    }
    sheet.set_row_height(row, 2.0 * ROW_HEIGHT)?;
    pages.fill.add(2.0 * ROW_HEIGHT);
    Ok(row + 1)
}

/// A person's row of a block: name, qualification, and the text of each day.
struct PersonRow {
    name: String,
    qualification: String,
    days: Vec<Option<(String, bool)>>,
}

impl PersonRow {
    /// Lines the row takes: the most any of its wrapped cells needs (the name is bold, so
    /// counted with fewer characters a line).
    fn lines(&self) -> u32 {
        let day_lines = self
            .days
            .iter()
            .flatten()
            .map(|(text, _)| wrapped_lines(text, DAY_WIDTH, LineFit::Medium));
        day_lines
            .chain([
                wrapped_lines(&self.qualification, QUALIFICATION_WIDTH, LineFit::Medium),
                wrapped_lines(&self.name, NAME_WIDTH, LineFit::Narrow),
            ])
            .max()
            .unwrap_or(1)
    }
}

/// Writes one block from `row`; returns its last row. A block taller than a page goes on
/// under its title and day headers repeated.
fn write_block(
    sheet: &mut Worksheet,
    row: RowNum,
    block: &Block,
    context: &SheetContext,
    styles: &Styles,
    pages: &mut Pages,
) -> Result<RowNum, XlsxError> {
    let problem = context.problem();
    let name = problem.accueil(block.code).map_or("", |a| a.nom.as_str());
    let heading = title(block, name);
    let mut row = write_heading(sheet, row, block, &heading, styles, pages)?;
    let (children, required, missing) = day_figures(block, context);
    for (label, values) in [
        ("Enfants attendus", &children),
        ("Animateurs requis", &required),
    ] {
        write_text(sheet, row, 0, label, &styles.label)?;
        write_text(sheet, row, 1, "", &styles.label)?;
        for (col, value) in (2u16..).zip(values.iter()) {
            write_count(sheet, row, col, *value, &styles.figure)?;
        }
        pages.fill.add(ROW_HEIGHT);
        row += 1;
    }
    let continued = (format!("{} (suite)", heading.0), heading.1);
    for person in person_rows(block, context) {
        let height = ROW_HEIGHT * f64::from(person.lines());
        if !pages.fill.fits(height, 0.0) {
            pages.break_at(row);
            row = write_heading(sheet, row, block, &continued, styles, pages)?;
        }
        write_text(sheet, row, 0, &person.name, &styles.label)?;
        write_text(sheet, row, 1, &person.qualification, &styles.cell)?;
        for (col, day) in (2u16..).zip(&person.days) {
            match day {
                Some((text, true)) => write_text(sheet, row, col, text, &styles.directing)?,
                Some((text, false)) => write_text(sheet, row, col, text, &styles.cell)?,
                None => write_text(sheet, row, col, "", &styles.cell)?,
            }
        }
        sheet.set_row_height(row, height)?;
        pages.fill.add(height);
        row += 1;
    }
    if missing.iter().any(|(a, d)| *a > 0 || *d) {
        let texts: Vec<String> = missing.iter().map(|m| missing_words(*m)).collect();
        let lines = texts
            .iter()
            .map(|t| wrapped_lines(t, DAY_WIDTH, LineFit::Narrow))
            .max()
            .unwrap_or(1);
        let height = ROW_HEIGHT * f64::from(lines);
        if !pages.fill.fits(height, 0.0) {
            pages.break_at(row);
            row = write_heading(sheet, row, block, &continued, styles, pages)?;
        }
        write_text(sheet, row, 0, "Manque", &styles.label)?;
        write_text(sheet, row, 1, "", &styles.label)?;
        for (col, text) in (2u16..).zip(&texts) {
            let format = if text.is_empty() {
                &styles.cell
            } else {
                &styles.missing
            };
            write_text(sheet, row, col, text, format)?;
        }
        sheet.set_row_height(row, height)?;
        pages.fill.add(height);
        row += 1;
    }
    Ok(row)
}

/// `direction` and `2 animateurs`, one a line; empty when nothing is short.
fn missing_words((animateurs, direction): (u32, bool)) -> String {
    let mut parts = Vec::new();
    if direction {
        parts.push("direction".to_string());
    }
    if animateurs > 0 {
        parts.push(wording::plural_unless_one(
            usize::try_from(animateurs).unwrap_or(0),
            "animateur",
            "animateurs",
        ));
    }
    parts.join("\n")
}

/// Per day of the block: children expected (the fullest créneau), staff required, and the
/// shortage the published plan leaves (the team's, less what the posts to fill take).
#[allow(clippy::type_complexity)]
fn day_figures(block: &Block, context: &SheetContext) -> (Vec<u32>, Vec<u32>, Vec<(u32, bool)>) {
    let problem = context.problem();
    let team: BTreeSet<&str> = problem.animateurs.iter().map(|p| p.id.as_str()).collect();
    let mut children = Vec::new();
    let mut required = Vec::new();
    let mut missing = Vec::new();
    for date in &block.dates {
        let slots: Vec<_> = context
            .figures
            .slots
            .iter()
            .filter(|s| s.prevision.accueil == block.code && s.prevision.date == *date)
            .collect();
        children.push(
            slots
                .iter()
                .map(|s| s.prevision.children())
                .max()
                .unwrap_or(0),
        );
        required.push(slots.iter().map(|s| s.total_required()).max().unwrap_or(0));
        let recruits: Vec<&Affectation> = context
            .figures
            .published
            .iter()
            .filter(|a| {
                a.accueil == block.code && a.date == *date && !team.contains(a.animateur.as_str())
            })
            .collect();
        let animating: BTreeSet<&str> = recruits
            .iter()
            .filter(|a| a.role == Role::Animation)
            .map(|a| a.animateur.as_str())
            .collect();
        let directing = recruits.iter().any(|a| a.role == Role::Direction);
        let short_animation = slots
            .iter()
            .map(|s| s.missing_animateurs())
            .max()
            .unwrap_or(0)
            .saturating_sub(u32::try_from(animating.len()).unwrap_or(u32::MAX));
        let short_direction = !directing
            && context
                .figures
                .director_days
                .get(&(block.code, *date))
                .is_some_and(|d| d.missing > 0);
        missing.push((short_animation, short_direction));
    }
    (children, required, missing)
}

/// The people of a block: who directs on some day first, then the others; each in name order.
fn person_rows(block: &Block, context: &SheetContext) -> Vec<PersonRow> {
    let problem = context.problem();
    let assignments: Vec<&Affectation> = context
        .figures
        .published
        .iter()
        .filter(|a| a.accueil == block.code && block.dates.contains(&a.date))
        .collect();
    let mut people: BTreeMap<(bool, String, String), Vec<&Affectation>> = BTreeMap::new();
    for affectation in &assignments {
        let worker = worker(problem, context.result(), &affectation.animateur);
        let display = worker.map_or_else(|| affectation.animateur.clone(), |w| w.display_name());
        let directs = assignments
            .iter()
            .any(|a| a.animateur == affectation.animateur && a.role == Role::Direction);
        people
            .entry((!directs, display, affectation.animateur.clone()))
            .or_default()
            .push(affectation);
    }
    people
        .into_iter()
        .map(|((_, name, id), list)| {
            let qualification = worker(problem, context.result(), &id)
                .map_or_else(String::new, |w| w.qualification().to_string());
            let days = block
                .dates
                .iter()
                .map(|date| {
                    let of_day: Vec<&&Affectation> =
                        list.iter().filter(|a| a.date == *date).collect();
                    if of_day.is_empty() {
                        return None;
                    }
                    let directing = of_day.iter().any(|a| a.role == Role::Direction);
                    Some((
                        day_cell(of_day.iter().map(|a| (&a.creneau, a.role))),
                        directing,
                    ))
                })
                .collect();
            PersonRow {
                name,
                qualification,
                days,
            }
        })
        .collect()
}

/// A person's day as a person writes it: the hours of each stretch of touching créneaux, one
/// a line (`07:30–18:30` for an early care, a day and a late care); `direction` on the first
/// line when the person directs, and `animation` above the other hours when they do both.
pub(super) fn day_cell<'a>(creneaux: impl Iterator<Item = (&'a Creneau, Role)>) -> String {
    let mut directing = Vec::new();
    let mut animating = Vec::new();
    for (creneau, role) in creneaux {
        match role {
            Role::Direction => directing.push((creneau.start, creneau.end)),
            Role::Animation => animating.push((creneau.start, creneau.end)),
        }
    }
    let mut lines = Vec::new();
    if !directing.is_empty() {
        lines.push("direction".to_string());
        lines.extend(spans(directing));
        if !animating.is_empty() {
            lines.push("animation".to_string());
        }
    }
    lines.extend(spans(animating));
    lines.join("\n")
}

/// `07:30–18:30`, one per stretch of hours that touch or overlap.
pub(super) fn spans(mut hours: Vec<(Minutes, Minutes)>) -> Vec<String> {
    hours.sort_unstable();
    let mut merged: Vec<(Minutes, Minutes)> = Vec::new();
    for (start, end) in hours {
        match merged.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = (*last_end).max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
        .into_iter()
        .map(|(start, end)| format!("{start}–{end}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creneau(label: &str, start: (u16, u16), end: (u16, u16)) -> Creneau {
        Creneau {
            label: label.to_string(),
            start: Minutes::hm(start.0, start.1),
            end: Minutes::hm(end.0, end.1),
        }
    }

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, month, day).expect("valid date")
    }

    #[test]
    fn day_cells_read_as_a_person_writes_them() {
        let journee = creneau("journee", (8, 30), (17, 30));
        assert_eq!(
            day_cell([(&journee, Role::Animation)].into_iter()),
            "08:30–17:30"
        );
        // Early care, day and late care touch: one stretch.
        let early = creneau("Accueil matin", (7, 30), (9, 0));
        let day = creneau("journee", (9, 0), (17, 0));
        let late = creneau("Accueil soir", (17, 0), (18, 30));
        let three = [&early, &day, &late];
        assert_eq!(
            day_cell(three.iter().map(|c| (*c, Role::Direction))),
            "direction\n07:30–18:30"
        );
        assert_eq!(
            day_cell([(&late, Role::Animation), (&early, Role::Animation)].into_iter()),
            "07:30–09:00\n17:00–18:30"
        );
        // Directing the day, animating the late care (`un creneau`).
        assert_eq!(
            day_cell([(&day, Role::Direction), (&late, Role::Animation)].into_iter()),
            "direction\n09:00–17:00\nanimation\n17:00–18:30"
        );
    }

    #[test]
    fn single_days_of_a_month_make_one_block() {
        let block = |dates: &[NaiveDate]| Block {
            code: "ALSH",
            dates: dates.to_vec(),
        };
        let wednesdays = block(&[d(1, 6), d(1, 13), d(1, 20)]);
        assert!(wednesdays.spans_weeks());
        assert_eq!(
            wednesdays.period_words(),
            "mercredis du 06/01 au 20/01/2027"
        );
        assert!(wednesdays.takes("ALSH", d(1, 27)));
        assert!(!wednesdays.takes("ALSH", d(2, 3)), "another month");
        assert!(!wednesdays.takes("AUTRE", d(1, 27)), "another accueil");
        let week = block(&[d(1, 4), d(1, 5)]);
        assert!(!week.spans_weeks() && !week.takes("ALSH", d(1, 13)));
        assert_eq!(
            week.period_words(),
            "semaine du lundi 04/01 au mardi 05/01/2027"
        );
        assert_eq!(block(&[d(1, 6)]).period_words(), "mercredi 06/01/2027");
        assert_eq!(
            block(&[d(1, 6), d(1, 16)]).period_words(),
            "du mercredi 06/01 au samedi 16/01/2027"
        );
        // The ISO week of a Sunday starts on the Monday before.
        assert_eq!(week_monday(d(1, 10)), d(1, 4));
    }
}
