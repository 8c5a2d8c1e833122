//! The `Synthese` sheet of `besoins.xlsx`, the one it opens on: the key figures of the needs in
//! plain words and the chart of the animateurs required per day, on one printed page.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::report::xlsx::{
    Column, Formats, LineFit, PrintLayout, print_setup, row_index, wrapped_height, write_headers,
    write_merged_text, write_text,
};

use super::figures::NeedsReport;
use super::names::SHEET_SYNTHESE;
use super::par_jour::{self, days_chart};
use super::summary::{key_figures, policy_line};

/// The header row of the figures (a title and a note above it).
const HEADER_ROW: u32 = 3;

const COLUMNS: [Column; 2] = [Column::new("Indicateur", 26.0), Column::new("Valeur", 95.0)];

pub(super) fn write(sheet: &mut Worksheet, report: &NeedsReport<'_>) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SYNTHESE)?;
    let formats = Formats::new();
    write_text(sheet, 0, 0, "Besoins légaux d'encadrement", &formats.title)?;
    write_merged_text(
        sheet,
        1,
        (0, 1),
        "Ce que la loi exige d'après les seules prévisions d'enfants. Le détail est dans les \
         feuilles Par jour (le territoire jour par jour), Semaines, Accueils (chaque créneau de \
         chaque accueil) et Regles (les règles appliquées).",
        &formats.explanation,
    )?;
    sheet.set_row_height(1, 30)?;
    write_headers(sheet, HEADER_ROW, &COLUMNS, &formats.boxed_header)?;
    let mut lines: Vec<(String, String)> = key_figures(report)
        .into_iter()
        .map(|(label, value)| (label.to_string(), value))
        .collect();
    for difference in &report.other_policies {
        // `  Méthode strict : …` → (`Méthode strict`, `…`).
        let line = policy_line(difference);
        let (label, value) = line.trim().split_once(" : ").unwrap_or((line.trim(), ""));
        lines.push((label.to_string(), value.to_string()));
    }
    let mut row = HEADER_ROW + 1;
    for (label, value) in &lines {
        write_text(sheet, row, 0, label, &formats.bold)?;
        write_text(sheet, row, 1, value, &formats.wrap)?;
        let height = wrapped_height(
            &[(label, COLUMNS[0].width), (value, COLUMNS[1].width)],
            LineFit::Narrow,
        );
        sheet.set_row_height(row, height)?;
        row += 1;
    }
    let days = row_index(report.territory_days.len());
    if days > 0 {
        let first = par_jour::FIRST_DAY_ROW;
        let chart = days_chart(first, first + days - 1);
        sheet.insert_chart_with_offset(row + 1, 0, &chart, 0, 0)?;
    }
    print_setup(
        sheet,
        PrintLayout::a4(1)
            .repeating_rows(HEADER_ROW, HEADER_ROW)
            .with_footer(),
    )?;
    Ok(())
}
