//! A [`Territory`] → an input workbook with the template's headers (design.md §3): real date and
//! time cells, numbers as numbers, empty optional cells left blank.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Territory, When};
use crate::report::template::{
    ACCUEILS, ANIMATEURS, CALENDRIER, DISPONIBILITES, PREVISIONS, RECRUTEMENT, REGLES, SheetSpec,
    Styles, fixed_properties,
};

/// The workbook of `territory`, ready to save.
pub fn build(territory: &Territory) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&fixed_properties("Territoire synthétique acm-planner"));
    let styles = Styles::new();
    let oui_non = |flag: bool| if flag { "oui" } else { "non" };

    let sheet = header_sheet(workbook.add_worksheet(), &ACCUEILS, &styles)?;
    for (index, accueil) in territory.accueils.iter().enumerate() {
        let row = data_row(index);
        sheet.write_string(row, 0, &accueil.code)?;
        sheet.write_string(row, 1, &accueil.nom)?;
        sheet.write_string(row, 2, &accueil.commune)?;
        sheet.write_string(row, 3, accueil.kind.label())?;
        sheet.write_string(row, 4, oui_non(accueil.pedt))?;
        sheet.write_number(row, 5, accueil.capacite)?;
        if let Some(days) = accueil.jours_ouverture {
            sheet.write_number(row, 6, days)?;
        }
        if let Some(secteur) = &accueil.secteur {
            sheet.write_string(row, 7, secteur)?;
        }
        if accueil.tous_14_ans_et_plus {
            sheet.write_string(row, 8, "oui")?;
        }
        if accueil.derogation_direction {
            sheet.write_string(row, 9, "oui")?;
        }
    }

    let sheet = header_sheet(workbook.add_worksheet(), &PREVISIONS, &styles)?;
    for (index, prevision) in territory.previsions.iter().enumerate() {
        let row = data_row(index);
        sheet.write_string(row, 0, &prevision.accueil)?;
        match &prevision.when {
            When::Date(date) => {
                sheet.write_date_with_format(row, 1, date, &styles.date)?;
            }
            When::Range { du, au, jours } => {
                sheet.write_date_with_format(row, 2, du, &styles.date)?;
                sheet.write_date_with_format(row, 3, au, &styles.date)?;
                if let Some(jours) = jours {
                    sheet.write_string(row, 4, jours)?;
                }
            }
        }
        sheet.write_string(row, 5, &prevision.creneau)?;
        if let Some(debut) = &prevision.debut {
            sheet.write_time_with_format(row, 6, debut, &styles.time)?;
        }
        if let Some(fin) = &prevision.fin {
            sheet.write_time_with_format(row, 7, fin, &styles.time)?;
        }
        sheet.write_number(row, 8, prevision.moins_de_6)?;
        sheet.write_number(row, 9, prevision.six_et_plus)?;
        if let Some(renforce) = prevision.renforce {
            sheet.write_number(row, 10, renforce)?;
        }
    }

    let sheet = header_sheet(workbook.add_worksheet(), &ANIMATEURS, &styles)?;
    for (index, person) in territory.animateurs.iter().enumerate() {
        let row = data_row(index);
        sheet.write_string(row, 0, &person.id)?;
        sheet.write_string(row, 1, &person.nom)?;
        sheet.write_string(row, 2, &person.prenom)?;
        sheet.write_string(row, 3, person.qualification)?;
        sheet.write_string(row, 4, person.contrat.label())?;
        sheet.write_number(row, 5, person.jours_cee)?;
        if let Some(cost) = person.cout_journalier {
            sheet.write_number(row, 6, cost)?;
        }
        if let Some(birth) = &person.date_naissance {
            sheet.write_date_with_format(row, 7, birth, &styles.date)?;
        }
        if let Some(secteur) = &person.secteur {
            sheet.write_string(row, 8, secteur)?;
        }
        if let Some(places) = &person.accueils_possibles {
            sheet.write_string(row, 9, places)?;
        }
        if let Some(max) = person.max_jours {
            sheet.write_number(row, 10, max)?;
        }
    }

    write_grid(workbook.add_worksheet(), territory, &styles)?;

    if !territory.regles.is_empty() {
        let sheet = header_sheet(workbook.add_worksheet(), &REGLES, &styles)?;
        for (index, (name, value)) in territory.regles.iter().enumerate() {
            let row = data_row(index);
            sheet.write_string(row, 0, name)?;
            sheet.write_string(row, 1, value)?;
        }
    }

    if !territory.recrutement.is_empty() {
        let sheet = header_sheet(workbook.add_worksheet(), &RECRUTEMENT, &styles)?;
        for (index, profile) in territory.recrutement.iter().enumerate() {
            let row = data_row(index);
            sheet.write_string(row, 0, profile.qualification)?;
            if let Some(secteur) = &profile.secteur {
                sheet.write_string(row, 1, secteur)?;
            }
            sheet.write_number(row, 2, profile.cout_journalier)?;
            sheet.write_number(row, 3, profile.cout_fixe)?;
            sheet.write_number(row, 4, profile.nombre_maximum)?;
        }
    }

    if !territory.calendrier.is_empty() {
        let sheet = header_sheet(workbook.add_worksheet(), &CALENDRIER, &styles)?;
        for (index, (date, kind)) in territory.calendrier.iter().enumerate() {
            let row = data_row(index);
            sheet.write_date_with_format(row, 0, date, &styles.date)?;
            sheet.write_string(row, 1, *kind)?;
        }
    }
    Ok(workbook)
}

/// The `Disponibilites` grid: `Id`, then one date column per day.
fn write_grid(
    sheet: &mut Worksheet,
    territory: &Territory,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(DISPONIBILITES.name)?;
    sheet.write_string_with_format(0, 0, "Id", &styles.header)?;
    sheet.set_column_width(0, 10)?;
    let date_header = styles.header.clone().set_num_format("dd/mm/yyyy");
    let centered = Format::new().set_align(FormatAlign::Center);
    for (index, date) in territory.dates.iter().enumerate() {
        let col = grid_column(index);
        sheet.write_date_with_format(0, col, date, &date_header)?;
        sheet.set_column_width(col, 11)?;
    }
    for (index, (person, codes)) in territory
        .animateurs
        .iter()
        .zip(&territory.availability)
        .enumerate()
    {
        let row = data_row(index);
        sheet.write_string(row, 0, &person.id)?;
        for (day, code) in codes.iter().enumerate() {
            if !code.is_empty() {
                sheet.write_string_with_format(row, grid_column(day), *code, &centered)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    sheet.set_landscape();
    Ok(())
}

/// A sheet with the template's bold header row, widths and frozen first row.
fn header_sheet<'a>(
    sheet: &'a mut Worksheet,
    spec: &SheetSpec,
    styles: &Styles,
) -> Result<&'a mut Worksheet, XlsxError> {
    sheet.set_name(spec.name)?;
    for (index, column) in spec.columns.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, column.header, &styles.header)?;
        sheet.set_column_width(col, column.width)?;
    }
    sheet.set_row_height(0, 34)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

/// Spreadsheet row (0-based) of the `index`-th data row, after the header.
fn data_row(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn grid_column(index: usize) -> u16 {
    u16::try_from(index + 1).unwrap_or(u16::MAX)
}
