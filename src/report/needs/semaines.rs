//! The `Semaines` sheet of `besoins.xlsx`: per ISO week, each ACM's open days, peak and
//! journées, then the territory's; the period's total last.

use rust_xlsxwriter::{Color, Format, Worksheet, XlsxError};

use crate::report::wording::week_label;
use crate::report::xlsx::{
    Column, Formats, PrintLayout, col_index, fitted_width, print_setup, write_count, write_headers,
    write_merged_text, write_plain_text, write_text,
};
use crate::rules::MixedAgePolicy;

use super::figures::{NeedsReport, WeekFigures, policy_index};
use super::names::{
    COL_ANIMATEUR_DAYS, COL_WEEK, PERIOD_LABEL, SHEET_SEMAINES, TERRITORY_LABEL,
    other_policy_days_header,
};

const OTHER_POLICY_DAYS_NOTE: &str = "Journées-animateur que demanderait une autre méthode de \
     calcul des groupes d'âges mixtes (un service de l'État peut appliquer cette lecture).";

/// Rows above the header: a title and notes.
const HEADER_ROW: u32 = 4;

fn weeks_columns(report: &NeedsReport<'_>) -> Vec<Column> {
    let accueils = || {
        report
            .weeks
            .iter()
            .flat_map(|w| w.accueils.iter().map(|(a, _)| *a))
    };
    let codes = accueils().map(|a| a.code.as_str()).chain([TERRITORY_LABEL]);
    let mut columns = vec![
        Column::new(COL_WEEK, 26.0),
        Column::new("Accueil", fitted_width(codes, 10.0, 30.0)),
        Column::new(
            "Nom",
            fitted_width(accueils().map(|a| a.nom.as_str()), 12.0, 40.0),
        ),
        Column::new("Jours d'ouverture", 10.0),
        Column::new("Pointe animateurs (même jour)", 12.0),
        Column::new(COL_ANIMATEUR_DAYS, 12.0),
        Column::new("dont qualifiés (minimum)", 12.0),
        Column::new("Sans qualification (maximum)", 13.0),
        Column::new("Journées de direction", 11.0),
        Column::new("dont directeur professionnel", 13.0),
        Column::new("Encadrement renforcé (journées)", 13.0),
        Column::new("Total journées-adultes", 12.0),
    ];
    columns.extend(report.other_policies.iter().map(|d| {
        Column::new(other_policy_days_header(d.policy), 12.0).with_note(OTHER_POLICY_DAYS_NOTE)
    }));
    columns
}

pub(super) fn write(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SEMAINES)?;
    let formats = Formats::new();
    let columns = weeks_columns(report);
    let last_col = col_index(columns.len() - 1);
    let others: Vec<MixedAgePolicy> = report.other_policies.iter().map(|d| d.policy).collect();
    let plain = Format::new();
    write_text(
        sheet,
        0,
        0,
        "Besoins d'encadrement par semaine",
        &formats.heading,
    )?;
    write_merged_text(
        sheet,
        1,
        (0, last_col),
        "Pointe animateurs : le plus grand nombre d'animateurs requis en même temps un jour de la \
         semaine (le plus grand N des créneaux du jour ; pour le territoire, la plus grande somme \
         sur les accueils d'un même jour).",
        &formats.explanation,
    )?;
    write_merged_text(
        sheet,
        2,
        (0, last_col),
        "Journées-animateur : un animateur couvre une journée entière ; chaque jour compte le plus \
         grand N de ses créneaux, et les quotas (R227-12) sont ceux de ce créneau de pointe. \
         Direction : un directeur (plus les adjoints d'un séjour de plus de 100 mineurs) par jour \
         d'ouverture. Total journées-adultes : animateurs + encadrement renforcé + direction non \
         comptée dans l'effectif.",
        &formats.explanation,
    )?;
    sheet.set_row_height(1, 30)?;
    sheet.set_row_height(2, 45)?;
    write_headers(sheet, HEADER_ROW, &columns, &formats.boxed_header)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_row_height(HEADER_ROW, 45)?;
    print_setup(
        sheet,
        PrintLayout::a4(1)
            .repeating_rows(HEADER_ROW, HEADER_ROW)
            .with_footer(),
    )?;
    let mut row = HEADER_ROW + 1;
    for week in &report.weeks {
        let label = week_label(week.monday);
        for (accueil, figures) in &week.accueils {
            write_plain_text(sheet, row, 0, &label)?;
            write_plain_text(sheet, row, 1, &accueil.code)?;
            write_plain_text(sheet, row, 2, &accueil.nom)?;
            write_week_figures(sheet, row, figures, &others, &plain)?;
            row += 1;
        }
        write_text(sheet, row, 0, &label, &formats.total)?;
        write_text(sheet, row, 1, TERRITORY_LABEL, &formats.total)?;
        write_text(sheet, row, 2, "", &formats.total)?;
        write_week_figures(sheet, row, &week.territory, &others, &formats.total)?;
        row += 2;
    }
    if !report.weeks.is_empty() {
        write_text(sheet, row, 0, PERIOD_LABEL, &formats.total)?;
        write_text(sheet, row, 1, "", &formats.total)?;
        write_text(sheet, row, 2, "", &formats.total)?;
        write_week_figures(sheet, row, &report.total, &others, &formats.total)?;
    }
    Ok(())
}

/// The figures of one `Semaines` row from column D, then the journées under the `others`
/// policies, in grey italics.
fn write_week_figures(
    sheet: &mut Worksheet,
    row: u32,
    figures: &WeekFigures,
    others: &[MixedAgePolicy],
    format: &Format,
) -> Result<(), XlsxError> {
    let days = &figures.days;
    let values = [
        figures.open_days,
        figures.peak_animateurs,
        days.animateurs,
        days.qualified_min,
        days.unqualified_max,
        days.directors,
        days.professional_directors,
        days.renforce,
        days.total_adults,
    ];
    for (offset, value) in values.into_iter().enumerate() {
        let col = col_index(3 + offset);
        write_count(sheet, row, col, value, format)?;
    }
    let other_format = format
        .clone()
        .set_italic()
        .set_font_color(Color::RGB(0x606060));
    for (offset, policy) in others.iter().enumerate() {
        let col = col_index(3 + values.len() + offset);
        let value = days.by_policy[policy_index(*policy)];
        write_count(sheet, row, col, value, &other_format)?;
    }
    Ok(())
}
