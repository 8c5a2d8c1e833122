//! `Planning par accueil`: what a director pins on the wall. One block per accueil and ISO
//! week, each printed on its own A4 landscape page (a page break after each block): a title
//! row, the open days as columns, the children expected and the staff required per day, then
//! the direction and each member of the team (recruits included, as « À recruter ») with the
//! hours of their créneaux in each day cell.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, RowNum, Worksheet, XlsxError};

use crate::domain::{Affectation, Creneau, Role};
use crate::report::dates::week_monday;
use crate::report::wording::{self, day_month, weekday_long};
use crate::report::xlsx::{
    LineFit, ROW_HEIGHT, col_index, wrapped_lines, write_count, write_merged_text, write_text,
};

use super::context::SheetContext;
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

/// One block: an accueil over one ISO week.
struct Block<'a> {
    code: &'a str,
    /// The week's open days (a forecast with children), in order.
    dates: Vec<NaiveDate>,
}

/// The print scale that fits the widest week on one page: 100 % for a week of five days, less
/// with the weekend.
pub(super) fn print_scale(context: &SheetContext) -> u16 {
    let widest = blocks(context)
        .iter()
        .map(|b| b.dates.len())
        .max()
        .unwrap_or(5);
    let width = NAME_WIDTH + QUALIFICATION_WIDTH + DAY_WIDTH * widest as f64;
    (PAGE_WIDTH_CHARS * 100.0 / width)
        .floor()
        .clamp(50.0, 100.0) as u16
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
    let mut row: RowNum = 0;
    let mut breaks = Vec::new();
    let mut last_col = 1;
    for block in &blocks {
        if row > 0 {
            breaks.push(row);
        }
        last_col = last_col.max(1 + col_index(block.dates.len()));
        row = write_block(sheet, row, block, context, &styles)? + 1;
    }
    // Excel keeps at most 1 023 manual breaks.
    breaks.truncate(1023);
    sheet.set_page_breaks(&breaks)?;
    sheet.set_print_area(0, 0, row.saturating_sub(1), last_col)?;
    Ok(())
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

/// The blocks, by accueil code then week.
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
    open.into_iter()
        .map(|((code, _), dates)| Block {
            code,
            dates: dates.into_iter().collect(),
        })
        .collect()
}

/// Writes one block from `row`; returns its last row.
fn write_block(
    sheet: &mut Worksheet,
    mut row: RowNum,
    block: &Block,
    context: &SheetContext,
    styles: &Styles,
) -> Result<RowNum, XlsxError> {
    let problem = context.problem();
    let last_col = 1 + col_index(block.dates.len());
    let accueil = problem.accueil(block.code);
    let name = accueil.map_or("", |a| a.nom.as_str());
    let (Some(first), Some(last)) = (block.dates.first(), block.dates.last()) else {
        return Ok(row);
    };
    let title = format!(
        "{} — {} — semaine du lundi {} au {} {}",
        block.code,
        name,
        day_month(week_monday(*first)),
        weekday_long(*last),
        wording::date(*last)
    );
    write_merged_text(sheet, row, (0, last_col), &title, &styles.title)?;
    // Two lines when the title is wider than the block (14-point bold: about 1.4 characters
    // of width each).
    let block_width = NAME_WIDTH + QUALIFICATION_WIDTH + DAY_WIDTH * block.dates.len() as f64;
    let title_lines = if title.chars().count() as f64 * 1.4 > block_width {
        2.0
    } else {
        1.0
    };
    sheet.set_row_height(row, 20.0 * title_lines)?;
    row += 1;
    write_text(sheet, row, 0, "", &styles.header)?;
    write_text(sheet, row, 1, "", &styles.header)?;
    for (col, date) in (2u16..).zip(&block.dates) {
        let label = format!("{}\n{}", weekday_long(*date), day_month(*date));
        write_text(sheet, row, col, &label, &styles.header)?;
    }
    sheet.set_row_height(row, 2.0 * ROW_HEIGHT)?;
    row += 1;

    // Per day: children expected (the fullest créneau), staff required, and the shortage the
    // published plan leaves (the team's, less what the posts to fill take).
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
    for (label, values) in [
        ("Enfants attendus", &children),
        ("Animateurs requis", &required),
    ] {
        write_text(sheet, row, 0, label, &styles.label)?;
        write_text(sheet, row, 1, "", &styles.label)?;
        for (col, value) in (2u16..).zip(values.iter()) {
            write_count(sheet, row, col, *value, &styles.figure)?;
        }
        row += 1;
    }

    // The people: who directs on some day first, then the others; each in name order.
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
    for ((_, display, id), list) in &people {
        let qualification = worker(problem, context.result(), id)
            .map(|w| w.qualification())
            .unwrap_or_default();
        write_text(sheet, row, 0, display, &styles.label)?;
        write_text(sheet, row, 1, &qualification, &styles.cell)?;
        let mut lines = wrapped_lines(&qualification, QUALIFICATION_WIDTH, LineFit::Narrow)
            .max(wrapped_lines(display, NAME_WIDTH, LineFit::Narrow))
            as usize;
        for (col, date) in (2u16..).zip(&block.dates) {
            let of_day: Vec<&&Affectation> = list.iter().filter(|a| a.date == *date).collect();
            if of_day.is_empty() {
                write_text(sheet, row, col, "", &styles.cell)?;
                continue;
            }
            let directing = of_day.iter().any(|a| a.role == Role::Direction);
            let text = day_cell(of_day.iter().map(|a| (&a.creneau, a.role)));
            lines = lines.max(text.lines().count());
            let format = if directing {
                &styles.directing
            } else {
                &styles.cell
            };
            write_text(sheet, row, col, &text, format)?;
        }
        sheet.set_row_height(row, ROW_HEIGHT * lines as f64)?;
        row += 1;
    }
    if missing.iter().any(|(a, d)| *a > 0 || *d) {
        write_text(sheet, row, 0, "Manque", &styles.label)?;
        write_text(sheet, row, 1, "", &styles.label)?;
        let mut lines = 1;
        for (col, (animateurs, direction)) in (2u16..).zip(&missing) {
            let mut parts = Vec::new();
            if *direction {
                parts.push("direction".to_string());
            }
            if *animateurs > 0 {
                parts.push(wording::plural_unless_one(
                    usize::try_from(*animateurs).unwrap_or(0),
                    "animateur",
                    "animateurs",
                ));
            }
            let format = if parts.is_empty() {
                &styles.cell
            } else {
                &styles.missing
            };
            lines = lines.max(parts.len());
            write_text(sheet, row, col, &parts.join("\n"), format)?;
        }
        sheet.set_row_height(row, ROW_HEIGHT * lines as f64)?;
        row += 1;
    }
    Ok(row)
}

/// A person's day: one line per créneau, `08:30–17:30` for a whole day, `matin 08:30–12:00`
/// otherwise; `direction` on a line of its own when the person directs.
fn day_cell<'a>(creneaux: impl Iterator<Item = (&'a Creneau, Role)>) -> String {
    let mut lines = Vec::new();
    let mut directing = false;
    let mut seen = BTreeSet::new();
    for (creneau, role) in creneaux {
        directing |= role == Role::Direction;
        if seen.insert((creneau.start, creneau.end, creneau.label.clone())) {
            lines.push(hours(creneau));
        }
    }
    if directing {
        lines.insert(0, "direction".to_string());
    }
    lines.join("\n")
}

/// `08:30–17:30` for a whole day, `matin 08:30–12:00` for a part of it.
pub(super) fn hours(creneau: &Creneau) -> String {
    let span = format!("{}–{}", creneau.start, creneau.end);
    match creneau.label.as_str() {
        "journee" => span,
        "apres-midi" => format!("après-midi {span}"),
        label => format!("{label} {span}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Minutes;
    use chrono::Datelike;

    fn creneau(label: &str) -> Creneau {
        Creneau::standard(label).unwrap_or(Creneau {
            label: label.to_string(),
            start: Minutes::hm(7, 30),
            end: Minutes::hm(18, 30),
        })
    }

    #[test]
    fn day_cells_show_hours_and_direction() {
        let journee = creneau("journee");
        assert_eq!(
            day_cell([(&journee, Role::Animation)].into_iter()),
            "08:30–17:30"
        );
        let matin = creneau("matin");
        let soir = creneau("soir");
        assert_eq!(
            day_cell([(&matin, Role::Direction), (&soir, Role::Direction)].into_iter()),
            "direction\nmatin 08:30–12:00\nsoir 16:30–18:30"
        );
        assert_eq!(hours(&creneau("apres-midi")), "après-midi 13:30–17:30");
        assert_eq!(hours(&creneau("long")), "long 07:30–18:30");
        // The ISO week of a Sunday starts on the Monday before.
        let sunday = NaiveDate::from_ymd_opt(2026, 7, 12).expect("valid date");
        assert_eq!(week_monday(sunday).day(), 6);
    }
}
