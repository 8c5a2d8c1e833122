//! `Annee`: a plan over a school year, period by period (each school-holiday period, the
//! Wednesdays, the other school days), with required and staffed animateur-days, the shortage,
//! the posts to fill and their cost; then a chart of the shortage week by week.
//!
//! Written only when the plan covers more than one holiday period or some school days: a
//! summer-only plan has nothing to compare.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rust_xlsxwriter::{
    Chart, ChartFont, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, Color,
    ConditionalFormatCell, ConditionalFormatCellRule, Format, RowNum, Worksheet, XlsxError,
};

use crate::domain::{Cents, DayKind};
use crate::problem::Problem;
use crate::report::dates::week_monday;
use crate::report::wording::{self, day_month};
use crate::report::xlsx::{
    Column, LineFit, row_index, total_of, wrapped_height, write_count, write_date, write_euros,
    write_headers, write_headers_from, write_number, write_text,
};

use super::context::SheetContext;

/// The sheet's name, between `Recrutement` and `Regles`.
pub(super) const NAME: &str = "Annee";
/// Row of the period table's header (0-based), frozen and repeated on printed pages.
pub(super) const HEADER_ROW: RowNum = 3;

const COLUMNS: [Column; 13] = [
    Column::new("Période", PERIOD_WIDTH),
    Column::new("Du", 11.0),
    Column::new("Au", 11.0),
    Column::new("Jours d'ouverture", 10.0),
    Column::new("Journées-animateurs requises", 12.0),
    Column::new("Journées-animateurs couvertes", 12.0),
    Column::new("Couverture", 10.0),
    Column::new("Animateurs manquants", 11.0),
    Column::new("Qualifiés manquants", 10.0),
    Column::new("Journées de direction manquantes", 12.0),
    Column::new("Postes à recruter", 10.0),
    Column::new("Journées à recruter", 10.0),
    Column::new("Coût du recrutement", 14.0),
];
const PERIOD_WIDTH: f64 = 28.0;
/// Width of the merged note rows: every column of the table.
const NOTE_WIDTH: f64 = 28.0 + 11.0 * 3.0 + 10.0 * 5.0 + 12.0 * 3.0 + 14.0;

/// Where a date belongs in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Period {
    /// A built-in zone-B holiday period: its name and the school year it belongs to (the year
    /// of its September), so Toussaint 2024 and Toussaint 2025 stay apart.
    Holiday(&'static str, i32),
    /// Holidays given by the `Calendrier` sheet outside the built-in periods: index of the
    /// group of consecutive holiday weeks.
    Declared(usize),
    Wednesdays,
    SchoolDays,
    Other,
}

impl Period {
    fn is_school(self) -> bool {
        matches!(self, Period::Wednesdays | Period::SchoolDays)
    }

    fn is_holiday(self) -> bool {
        matches!(self, Period::Holiday(..) | Period::Declared(_))
    }
}

/// A run of consecutive ISO weeks holding holidays declared in the `Calendrier` sheet.
#[derive(Debug, Clone, Copy)]
struct DeclaredHolidays {
    /// Monday of the first week and Sunday of the last.
    weeks: (NaiveDate, NaiveDate),
    /// First and last declared holiday day, for the name.
    days: (NaiveDate, NaiveDate),
}

impl DeclaredHolidays {
    fn name(&self) -> String {
        let (first, last) = self.days;
        if first == last {
            format!("Vacances le {}", day_month(first))
        } else {
            format!("Vacances du {} au {}", day_month(first), day_month(last))
        }
    }
}

/// Puts each date in its period: the built-in calendar, then the `Calendrier` sheet's holidays.
struct Classifier<'a> {
    problem: &'a Problem,
    declared: Vec<DeclaredHolidays>,
}

impl<'a> Classifier<'a> {
    fn new(problem: &'a Problem) -> Self {
        let calendar = &problem.calendar;
        // Weekdays the `Calendrier` sheet makes holidays outside the built-in periods (a later
        // row for the same date wins, as in the calendar itself).
        let seeds: BTreeSet<NaiveDate> = problem
            .calendar_rows
            .iter()
            .map(|o| o.date)
            .filter(|date| {
                !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
                    && calendar.classify(*date) == Some(DayKind::Holiday)
                    && calendar.holiday_period(*date).is_none()
            })
            .collect();
        let mut declared: Vec<DeclaredHolidays> = Vec::new();
        for date in seeds {
            let monday = week_monday(date);
            match declared.last_mut() {
                Some(group) if monday <= group.weeks.1 + Duration::days(1) => {
                    group.weeks.1 = monday + Duration::days(6);
                    group.days.1 = date;
                }
                _ => declared.push(DeclaredHolidays {
                    weeks: (monday, monday + Duration::days(6)),
                    days: (date, date),
                }),
            }
        }
        Classifier { problem, declared }
    }

    fn period(&self, date: NaiveDate) -> Period {
        let calendar = &self.problem.calendar;
        let kind = calendar.classify(date);
        match kind {
            Some(DayKind::School) if date.weekday() == Weekday::Wed => Period::Wednesdays,
            Some(DayKind::School) => Period::SchoolDays,
            Some(DayKind::NoSchool) => Period::Other,
            Some(DayKind::Holiday) | None => {
                if kind.is_some()
                    && let Some(name) = calendar.holiday_period(date)
                {
                    return Period::Holiday(name, school_year(date));
                }
                // A day in a week of declared holidays (its weekend included) belongs to them.
                self.declared
                    .iter()
                    .position(|g| g.weeks.0 <= date && date <= g.weeks.1)
                    .map_or(Period::Other, Period::Declared)
            }
        }
    }

    fn declared_name(&self, index: usize) -> String {
        self.declared
            .get(index)
            .map_or_else(|| "Vacances".to_string(), DeclaredHolidays::name)
    }
}

/// The school year of a date, named by the year of its September.
fn school_year(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The figures of one period.
#[derive(Debug, Clone, Default)]
struct PeriodFigures {
    /// Dates with a forecast, a direction day or a post in the period.
    dates: BTreeSet<NaiveDate>,
    open_days: u32,
    required: u32,
    staffed: u32,
    missing_animateurs: u32,
    missing_qualified: u32,
    missing_directors: u32,
    posts: u32,
    post_days: u32,
    cost: Cents,
}

impl PeriodFigures {
    fn coverage(&self) -> Option<f64> {
        (self.required > 0).then(|| f64::from(self.staffed) / f64::from(self.required))
    }
}

/// Shortage of one ISO week.
#[derive(Debug, Clone, Copy, Default)]
struct WeekFigures {
    missing_animateurs: u32,
    missing_qualified: u32,
    missing_directors: u32,
}

/// Every planned date: forecasts, direction days and posts.
fn planned_dates(context: &SheetContext) -> BTreeSet<NaiveDate> {
    let result = context.result();
    let mut dates: BTreeSet<NaiveDate> = context.problem().forecasts().map(|p| p.date).collect();
    dates.extend(result.director_days.iter().map(|d| d.date));
    dates.extend(result.hires.iter().flat_map(|h| h.dates.iter().copied()));
    dates
}

/// Whether the plan needs this sheet: more than one holiday period, or some school days.
pub(super) fn applies(context: &SheetContext) -> bool {
    let classifier = Classifier::new(context.problem());
    let periods: BTreeSet<Period> = planned_dates(context)
        .into_iter()
        .map(|d| classifier.period(d))
        .collect();
    periods.iter().any(|p| p.is_school()) || periods.iter().filter(|p| p.is_holiday()).count() > 1
}

/// The figures of each period, in the order of [`Period`].
fn period_figures(
    context: &SheetContext,
    classifier: &Classifier,
) -> BTreeMap<Period, PeriodFigures> {
    let result = context.result();
    let figures = context.figures;
    let mut periods: BTreeMap<Period, PeriodFigures> = BTreeMap::new();
    for date in planned_dates(context) {
        periods
            .entry(classifier.period(date))
            .or_default()
            .dates
            .insert(date);
    }
    fn at<'m>(
        periods: &'m mut BTreeMap<Period, PeriodFigures>,
        classifier: &Classifier,
        date: NaiveDate,
    ) -> &'m mut PeriodFigures {
        periods.entry(classifier.period(date)).or_default()
    }
    // Same per-ACM-day figures as the `Synthese` chart.
    for day in &figures.days {
        let period = at(&mut periods, classifier, day.date);
        period.open_days += 1;
        period.required += day.required;
        period.staffed += day.staffed;
    }
    for slot in &figures.slots {
        let period = at(&mut periods, classifier, slot.prevision.date);
        period.missing_animateurs += slot.missing_animateurs();
        period.missing_qualified += slot.missing_qualified();
    }
    for day in &result.director_days {
        at(&mut periods, classifier, day.date).missing_directors += day.missing;
    }
    for hire in &result.hires {
        let mut days: BTreeMap<Period, i64> = BTreeMap::new();
        for date in &hire.dates {
            *days.entry(classifier.period(*date)).or_default() += 1;
        }
        for (period, count) in days {
            let entry = periods.entry(period).or_default();
            entry.posts += 1;
            entry.post_days += u32::try_from(count).unwrap_or(u32::MAX);
            entry.cost = entry.cost + hire.daily_cost * count;
        }
        if let Some(first) = hire.dates.first() {
            let entry = periods.entry(classifier.period(*first)).or_default();
            entry.cost = entry.cost + hire.fixed_cost;
        }
    }
    periods
}

/// The rows in reading order: the holidays by date, then Wednesdays, school days, other days;
/// each with its name (a holiday name twice in the run gets its year).
fn ordered_rows(
    periods: BTreeMap<Period, PeriodFigures>,
    classifier: &Classifier,
) -> Vec<(String, PeriodFigures)> {
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for period in periods.keys() {
        if let Period::Holiday(name, _) = period {
            *names.entry(name).or_default() += 1;
        }
    }
    let mut rows: Vec<(u8, Option<NaiveDate>, String, PeriodFigures)> = periods
        .into_iter()
        .map(|(period, figures)| {
            let first = figures.dates.first().copied();
            let (rank, name) = match period {
                Period::Holiday(name, _) if names.get(name).copied().unwrap_or(0) > 1 => {
                    let year = first.map_or(0, |d| d.year());
                    (0, format!("{name} {year}"))
                }
                Period::Holiday(name, _) => (0, name.to_string()),
                Period::Declared(index) => (0, classifier.declared_name(index)),
                Period::Wednesdays => (1, "Mercredis".to_string()),
                Period::SchoolDays => (2, "Périscolaire".to_string()),
                Period::Other => (3, "Autres jours".to_string()),
            };
            (rank, first, name, figures)
        })
        .collect();
    rows.sort_by_key(|row| (row.0, row.1));
    rows.into_iter()
        .map(|(_, _, name, figures)| (name, figures))
        .collect()
}

/// Shortage per ISO week, every week from the first planned date to the last (quiet weeks
/// included, so the chart reads as a calendar).
fn week_figures(context: &SheetContext) -> BTreeMap<NaiveDate, WeekFigures> {
    let dates = planned_dates(context);
    let mut weeks: BTreeMap<NaiveDate, WeekFigures> = BTreeMap::new();
    if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        let mut monday = week_monday(*first);
        while monday <= *last {
            weeks.insert(monday, WeekFigures::default());
            monday += Duration::days(7);
        }
    }
    for slot in &context.figures.slots {
        let week = weeks.entry(week_monday(slot.prevision.date)).or_default();
        week.missing_animateurs += slot.missing_animateurs();
        week.missing_qualified += slot.missing_qualified();
    }
    for day in &context.result().director_days {
        weeks
            .entry(week_monday(day.date))
            .or_default()
            .missing_directors += day.missing;
    }
    weeks
}

/// Formats of the total row: bold on a light fill, a rule above.
struct TotalFormats {
    text: Format,
    date: Format,
    integer: Format,
    percent: Format,
    euro: Format,
}

impl TotalFormats {
    fn new(context: &SheetContext) -> Self {
        let formats = context.formats;
        TotalFormats {
            text: total_of(&formats.bold),
            date: total_of(&formats.date),
            integer: total_of(&formats.integer_bold),
            percent: total_of(&formats.percent),
            euro: total_of(&formats.euro_bold),
        }
    }
}

pub(super) fn write(sheet: &mut Worksheet, context: &SheetContext) -> Result<(), XlsxError> {
    let formats = context.formats;
    let result = context.result();
    let classifier = Classifier::new(context.problem());
    let rows = ordered_rows(period_figures(context, &classifier), &classifier);

    write_text(sheet, 0, 0, "Bilan de l'année par période", &formats.title)?;
    sheet.set_row_height(0, 22)?;
    let span = match context.figures.period {
        Some((first, last)) => format!(
            "Période du {} au {}",
            wording::date(first),
            wording::date(last)
        ),
        None => "Période planifiée".to_string(),
    };
    write_text(
        sheet,
        1,
        0,
        &format!(
            "{span} : vacances scolaires, mercredis et autres jours d'école (calendrier de la \
             zone B et feuille Calendrier)."
        ),
        &formats.subtitle,
    )?;
    write_headers(sheet, HEADER_ROW, &COLUMNS, &formats.header)?;
    sheet.set_row_height(HEADER_ROW, 45)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;

    let mut row = HEADER_ROW + 1;
    for (name, figures) in &rows {
        write_period(sheet, row, name, figures, context)?;
        row += 1;
    }
    if let Some(last) = row.checked_sub(1).filter(|last| *last > HEADER_ROW) {
        highlight(sheet, (HEADER_ROW + 1, last), context)?;
    }
    write_total(sheet, row, &rows, context)?;
    row += 2;

    let mut notes = vec![
        "Journées-animateurs : pour chaque accueil et chaque jour, le créneau le plus exigeant \
         (N + accompagnement renforcé), comme dans la feuille Synthese ; couvertes : présents \
         comptés dans N, au plus le nombre requis."
            .to_string(),
        "Animateurs et qualifiés manquants : comptés créneau par créneau, puis additionnés \
         (2 manquants le matin et 2 l'après-midi font 4 ; feuille Manques). \
         Direction : une journée par accueil et par jour d'ouverture sans directeur."
            .to_string(),
        "Un poste dont les dates couvrent deux périodes est compté dans chacune (le total le \
         compte une fois) ; son coût est réparti : coût journalier × jours de la période, et \
         coût fixe d'embauche sur la période de son premier jour."
            .to_string(),
        "Mercredis : les mercredis hors vacances scolaires. Périscolaire : les autres jours \
         d'école. Autres jours : week-ends et jours sans école hors vacances (ponts, jours \
         fériés), et dates hors du calendrier connu sans ligne dans la feuille Calendrier."
            .to_string(),
    ];
    if !classifier.declared.is_empty() {
        notes.push(
            "Vacances du … au … : jours de vacances donnés par la feuille Calendrier, \
             regroupés par semaines consécutives."
                .to_string(),
        );
    }
    if !result.recruitment_ran {
        notes.push(
            "Recrutement non calculé (option --sans-recrutement) : aucun poste ni coût par période."
                .to_string(),
        );
    }
    for note in &notes {
        sheet.merge_range(row, 0, row, 12, "", &formats.note)?;
        let wrapped = formats.note.clone().set_text_wrap();
        write_text(sheet, row, 0, note, &wrapped)?;
        sheet.set_row_height(row, wrapped_height(&[(note, NOTE_WIDTH)], LineFit::Medium))?;
        row += 1;
    }
    write_weeks(sheet, row + 1, context)?;
    Ok(())
}

fn write_period(
    sheet: &mut Worksheet,
    row: RowNum,
    name: &str,
    figures: &PeriodFigures,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    write_text(sheet, row, 0, name, &formats.bold)?;
    if let (Some(first), Some(last)) = (figures.dates.first(), figures.dates.last()) {
        write_date(sheet, row, 1, *first, &formats.date)?;
        write_date(sheet, row, 2, *last, &formats.date)?;
    }
    let counts = [figures.open_days, figures.required, figures.staffed];
    for (col, value) in (3u16..).zip(counts) {
        write_count(sheet, row, col, value, &formats.integer)?;
    }
    match figures.coverage() {
        Some(coverage) => write_number(sheet, row, 6, coverage, &formats.percent)?,
        None => write_text(sheet, row, 6, "—", &formats.centered)?,
    }
    let counts = [
        figures.missing_animateurs,
        figures.missing_qualified,
        figures.missing_directors,
    ];
    for (col, value) in (7u16..).zip(counts) {
        write_count(sheet, row, col, value, &formats.integer)?;
    }
    if context.result().recruitment_ran {
        write_count(sheet, row, 10, figures.posts, &formats.integer)?;
        write_count(sheet, row, 11, figures.post_days, &formats.integer)?;
        write_euros(sheet, row, 12, figures.cost, &formats.euro)?;
    } else {
        for col in 10..=12 {
            write_text(sheet, row, col, "—", &formats.centered)?;
        }
    }
    Ok(())
}

/// The total row: values, not formulas, so every reader sees the same figures. Posts are
/// counted once each, even when they span two periods.
fn write_total(
    sheet: &mut Worksheet,
    row: RowNum,
    rows: &[(String, PeriodFigures)],
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = TotalFormats::new(context);
    let result = context.result();
    let sum =
        |field: fn(&PeriodFigures) -> u32| -> u32 { rows.iter().map(|(_, f)| field(f)).sum() };
    let total = PeriodFigures {
        dates: rows
            .iter()
            .flat_map(|(_, f)| f.dates.iter().copied())
            .collect(),
        open_days: sum(|f| f.open_days),
        required: sum(|f| f.required),
        staffed: sum(|f| f.staffed),
        missing_animateurs: sum(|f| f.missing_animateurs),
        missing_qualified: sum(|f| f.missing_qualified),
        missing_directors: sum(|f| f.missing_directors),
        posts: u32::try_from(result.hires.len()).unwrap_or(u32::MAX),
        post_days: sum(|f| f.post_days),
        cost: rows.iter().map(|(_, f)| f.cost).sum(),
    };
    write_text(sheet, row, 0, "Total", &formats.text)?;
    match (total.dates.first(), total.dates.last()) {
        (Some(first), Some(last)) => {
            write_date(sheet, row, 1, *first, &formats.date)?;
            write_date(sheet, row, 2, *last, &formats.date)?;
        }
        _ => {
            sheet.write_blank(row, 1, &formats.date)?;
            sheet.write_blank(row, 2, &formats.date)?;
        }
    }
    let counts = [total.open_days, total.required, total.staffed];
    for (col, value) in (3u16..).zip(counts) {
        write_count(sheet, row, col, value, &formats.integer)?;
    }
    match total.coverage() {
        Some(coverage) => write_number(sheet, row, 6, coverage, &formats.percent)?,
        None => write_text(sheet, row, 6, "—", &formats.integer)?,
    }
    let counts = [
        total.missing_animateurs,
        total.missing_qualified,
        total.missing_directors,
    ];
    for (col, value) in (7u16..).zip(counts) {
        write_count(sheet, row, col, value, &formats.integer)?;
    }
    if result.recruitment_ran {
        write_count(sheet, row, 10, total.posts, &formats.integer)?;
        write_count(sheet, row, 11, total.post_days, &formats.integer)?;
        write_euros(sheet, row, 12, total.cost, &formats.euro)?;
    } else {
        for col in 10..=12 {
            write_text(sheet, row, col, "—", &formats.integer)?;
        }
    }
    Ok(())
}

/// Coverage below 100 % in orange, shortages in red, as in `Synthese`.
fn highlight(
    sheet: &mut Worksheet,
    (first, last): (RowNum, RowNum),
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let below_full = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::LessThan(1))
        .set_format(&formats.warning);
    sheet.add_conditional_format(first, 6, last, 6, &below_full)?;
    let positive = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::GreaterThan(0))
        .set_format(&formats.bad);
    sheet.add_conditional_format(first, 7, last, 9, &positive)?;
    Ok(())
}

/// Rows the chart takes, below the notes.
const CHART_ROWS: RowNum = 24;
/// First column of the week table, right of the period table (one narrow column between).
const WEEK_COL: u16 = 14;
const WEEK_COLUMNS: [Column; 5] = [
    Column::new("Semaine", 14.0),
    Column::new("Lundi", 11.0),
    Column::new("Animateurs manquants", 11.0),
    Column::new("Qualifiés manquants", 10.0),
    Column::new("Journées de direction manquantes", 12.0),
];

/// The chart of shortage per week below the notes, and the week table that feeds it to the
/// right of the period table, under the same frozen header row. Only the period table, its
/// notes and the chart print (one page); the week table is there to read on screen.
fn write_weeks(
    sheet: &mut Worksheet,
    row: RowNum,
    context: &SheetContext,
) -> Result<(), XlsxError> {
    let formats = context.formats;
    let weeks = week_figures(context);
    write_text(sheet, row, 0, "Manques par semaine", &formats.section)?;
    sheet.set_column_width(WEEK_COL - 1, 3)?;
    write_text(
        sheet,
        HEADER_ROW - 1,
        WEEK_COL,
        "Manques par semaine (données du graphique)",
        &formats.section,
    )?;
    write_headers_from(sheet, HEADER_ROW, WEEK_COL, &WEEK_COLUMNS, &formats.header)?;
    let Some(count) = weeks.len().checked_sub(1) else {
        write_text(
            sheet,
            row + 1,
            0,
            "Aucune semaine planifiée.",
            &formats.note,
        )?;
        return Ok(());
    };
    let first = HEADER_ROW + 1;
    for (i, (monday, week)) in weeks.iter().enumerate() {
        let r = first + row_index(i);
        write_text(
            sheet,
            r,
            WEEK_COL,
            &format!("sem. du {}", day_month(*monday)),
            &formats.text,
        )?;
        write_date(sheet, r, WEEK_COL + 1, *monday, &formats.date)?;
        let counts = [
            week.missing_animateurs,
            week.missing_qualified,
            week.missing_directors,
        ];
        for (offset, value) in (2u16..).zip(counts) {
            write_count(sheet, r, WEEK_COL + offset, value, &formats.integer)?;
        }
    }
    let last = first + row_index(count);
    let positive = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::GreaterThan(0))
        .set_format(&formats.bad);
    sheet.add_conditional_format(first, WEEK_COL + 2, last, WEEK_COL + 4, &positive)?;
    sheet.insert_chart(row + 1, 0, &shortage_chart(first, last))?;
    let after = row + 1 + CHART_ROWS;
    write_text(
        sheet,
        after,
        0,
        "Les chiffres du graphique sont dans le tableau « Manques par semaine », à droite \
         (colonnes O à S) ; il ne s'imprime pas.",
        &formats.note,
    )?;
    sheet.set_print_area(0, 0, after, 12)?;
    Ok(())
}

/// Animateurs missing and director-days missing per week, in columns.
fn shortage_chart(first: RowNum, last: RowNum) -> Chart {
    let series = |color: u32| {
        let mut fill = ChartSolidFill::new();
        fill.set_color(Color::RGB(color));
        let mut format = ChartFormat::new();
        format.set_solid_fill(&fill);
        format
    };
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name("Animateurs manquants (créneau par créneau)")
        .set_categories((NAME, first, WEEK_COL, last, WEEK_COL))
        .set_values((NAME, first, WEEK_COL + 2, last, WEEK_COL + 2))
        .set_format(&mut series(0xC00000))
        .set_gap(60);
    chart
        .add_series()
        .set_name("Journées de direction manquantes")
        .set_categories((NAME, first, WEEK_COL, last, WEEK_COL))
        .set_values((NAME, first, WEEK_COL + 4, last, WEEK_COL + 4))
        .set_format(&mut series(0x2F5597));
    chart.title().set_name("Manques par semaine sur l'année");
    chart.y_axis().set_name("Manques");
    let mut labels = ChartFont::new();
    labels.set_rotation(-90);
    chart.x_axis().set_font(&labels);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(1000).set_height(460);
    chart
}
