//! The `Par jour` sheet of `besoins.xlsx`: the territory's needs date by date, the period's
//! journées last (the chart of the animateurs required per day is on `Synthese`).

use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, Format, Worksheet, XlsxError};

use crate::report::wording::day_label;
use crate::report::xlsx::{
    Column, Formats, PrintLayout, col_index, print_setup, row_index, write_count, write_date,
    write_headers, write_plain_count, write_plain_text, write_text,
};

use super::figures::{NeedsReport, Staffing};
use super::names::{COL_DAY_REQUIRED, PERIOD_LABEL, SHEET_PAR_JOUR};

/// Rows above the header: a title and a note.
const HEADER_ROW: u32 = 4;
/// The row of the first date (the chart of `Synthese` reads from it).
pub(super) const FIRST_DAY_ROW: u32 = HEADER_ROW + 1;

fn days_columns() -> [Column; 11] {
    [
        Column::new("Date", 11.0),
        Column::new("Jour", 10.0),
        Column::new("Accueils ouverts", 10.0),
        Column::new("Enfants (pointe)", 10.0),
        Column::new(COL_DAY_REQUIRED, 11.0),
        Column::new("dont qualifiés (minimum)", 12.0),
        Column::new("Sans qualification (maximum)", 13.0),
        Column::new("Directeurs", 10.0),
        Column::new("dont diplôme professionnel", 13.0),
        Column::new("Encadrement renforcé", 13.0),
        Column::new("Total adultes", 9.0),
    ]
}

pub(super) fn write(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_PAR_JOUR)?;
    let formats = Formats::new();
    let columns = days_columns();
    write_text(
        sheet,
        0,
        0,
        "Besoins du territoire par jour",
        &formats.heading,
    )?;
    sheet.merge_range(
        1,
        0,
        2,
        col_index(columns.len() - 1),
        "Chaque jour additionne, sur tous les accueils ouverts, le plus grand nombre d'animateurs \
         requis parmi leurs créneaux (un animateur couvre la journée). La dernière ligne donne les \
         journées sur la période.",
        &formats.explanation,
    )?;
    write_headers(sheet, HEADER_ROW, &columns, &formats.boxed_header)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_row_height(HEADER_ROW, 45)?;
    print_setup(
        sheet,
        PrintLayout::a4(1)
            .repeating_rows(HEADER_ROW, HEADER_ROW)
            .with_footer(),
    )?;
    let first = HEADER_ROW + 1;
    for (index, day) in report.territory_days.iter().enumerate() {
        let row = first + row_index(index);
        write_date(sheet, row, 0, day.date, &formats.date_left)?;
        write_plain_text(sheet, row, 1, &day_label(day.date))?;
        write_plain_count(sheet, row, 2, day.open_accueils)?;
        write_plain_count(sheet, row, 3, day.children_peak)?;
        write_day_figures(sheet, row, &day.need, None)?;
    }
    let days = row_index(report.territory_days.len());
    if days == 0 {
        return Ok(());
    }
    let total_row = first + days;
    // The total row adds journées; open ACM and children do not add up over days.
    write_text(sheet, total_row, 0, PERIOD_LABEL, &formats.total)?;
    for col in 1..4 {
        sheet.write_blank(total_row, col, &formats.total)?;
    }
    write_day_figures(sheet, total_row, &report.total.days, Some(&formats.total))?;
    Ok(())
}

fn write_day_figures(
    sheet: &mut Worksheet,
    row: u32,
    need: &Staffing,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let values = [
        need.animateurs,
        need.qualified_min,
        need.unqualified_max,
        need.directors,
        need.professional_directors,
        need.renforce,
        need.total_adults,
    ];
    for (offset, value) in values.into_iter().enumerate() {
        let col = col_index(4 + offset);
        match format {
            Some(format) => write_count(sheet, row, col, value, format)?,
            None => write_plain_count(sheet, row, col, value)?,
        }
    }
    Ok(())
}

/// Required animateurs per day (and the qualified minimum) over the territory.
pub(super) fn days_chart(first_row: u32, last_row: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Line);
    chart
        .title()
        .set_name("Animateurs requis par jour (territoire)");
    chart
        .add_series()
        .set_name("Animateurs requis")
        .set_categories((SHEET_PAR_JOUR, first_row, 1, last_row, 1))
        .set_values((SHEET_PAR_JOUR, first_row, 4, last_row, 4));
    chart
        .add_series()
        .set_name("dont qualifiés (minimum)")
        .set_categories((SHEET_PAR_JOUR, first_row, 1, last_row, 1))
        .set_values((SHEET_PAR_JOUR, first_row, 5, last_row, 5));
    chart.y_axis().set_name("Animateurs").set_min(0);
    chart.x_axis().set_name("Jour");
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart
}
