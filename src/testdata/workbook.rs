//! A [`Territory`] → an input workbook written through the schema: each sheet, header and width
//! as [`crate::schema`] describes it, each cell placed under its column (not at a column number);
//! real date and time cells, numbers as numbers, empty optional cells left blank.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::territory::{Territory, When};
use crate::error::Error;
use crate::schema::{
    ACCUEILS, ANIMATEURS, CALENDRIER, ColumnSpec, DISPONIBILITES, PREVISIONS, RECRUTEMENT, REGLES,
    SheetSpec, accueils, animateurs, calendrier, choices, disponibilites, previsions, recrutement,
    regles,
};

/// Writes any territory as an input workbook, atomically (the outputs' own save: a temporary
/// file beside it, then a rename).
pub fn write_workbook(territory: &Territory, path: &Path) -> Result<(), Error> {
    let mut workbook = build(territory)
        .map_err(|e| Error::io(path.display(), format!("écriture impossible : {e}")))?;
    crate::report::save_workbook(&mut workbook, path)
}

/// The formats of a generated workbook: the template's header, date and time cells.
struct Formats {
    header: Format,
    date: Format,
    time: Format,
    centered: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            // The header of `acm-planner template`, so a generated workbook looks like one the
            // user filled in.
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            time: Format::new().set_num_format("hh:mm"),
            centered: Format::new().set_align(FormatAlign::Center),
        }
    }
}

/// Document properties with a fixed creation date, so the same territory gives the same bytes.
fn properties() -> DocProperties {
    let created = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    DocProperties::new()
        .set_title("Territoire synthétique acm-planner")
        .set_author("acm-planner")
        .set_creation_datetime(&created)
}

/// The workbook of `territory`, ready to save. Cells are written row by row in the schema's
/// column order (the order of the shared-strings table, hence of the bytes).
pub(super) fn build(territory: &Territory) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties());
    let formats = Formats::new();
    let oui_non = |flag: bool| choices::OUI_NON[usize::from(!flag)];

    let mut sheet = SheetWriter::new(workbook.add_worksheet(), &ACCUEILS, &formats)?;
    for (index, accueil) in territory.accueils.iter().enumerate() {
        let mut row = sheet.row(index);
        row.text(&accueils::CODE, &accueil.code)?;
        row.text(&accueils::NOM, &accueil.nom)?;
        row.text(&accueils::COMMUNE, &accueil.commune)?;
        row.text(&accueils::TYPE, accueil.kind.label())?;
        row.text(&accueils::PEDT, oui_non(accueil.pedt))?;
        row.number(&accueils::CAPACITE, accueil.capacite)?;
        row.optional_number(&accueils::JOURS_OUVERTURE, accueil.jours_ouverture)?;
        row.optional_text(&accueils::SECTEUR, accueil.secteur.as_deref())?;
        // Blank is `non`: only the exceptions are written.
        if accueil.tous_14_ans_et_plus {
            row.text(&accueils::TOUS_14_ANS, oui_non(true))?;
        }
        if accueil.derogation_direction {
            row.text(&accueils::DEROGATION, oui_non(true))?;
        }
        row.optional_text(&accueils::RATTACHE_A, accueil.rattache_a.as_deref())?;
    }

    let mut sheet = SheetWriter::new(workbook.add_worksheet(), &PREVISIONS, &formats)?;
    for (index, prevision) in territory.previsions.iter().enumerate() {
        let mut row = sheet.row(index);
        row.text(&previsions::ACCUEIL, &prevision.accueil)?;
        match &prevision.when {
            When::Date(date) => row.date(&previsions::DATE, date)?,
            When::Range { du, au, jours } => {
                row.date(&previsions::DU, du)?;
                row.date(&previsions::AU, au)?;
                row.optional_text(&previsions::JOURS, jours.as_deref())?;
            }
        }
        row.text(&previsions::CRENEAU, &prevision.creneau)?;
        if let Some(debut) = &prevision.debut {
            row.time(&previsions::DEBUT, debut)?;
        }
        if let Some(fin) = &prevision.fin {
            row.time(&previsions::FIN, fin)?;
        }
        row.number(&previsions::MOINS_DE_6, prevision.moins_de_6)?;
        row.number(&previsions::SIX_ET_PLUS, prevision.six_et_plus)?;
        row.optional_number(&previsions::RENFORCE, prevision.renforce)?;
    }

    let mut sheet = SheetWriter::new(workbook.add_worksheet(), &ANIMATEURS, &formats)?;
    for (index, person) in territory.animateurs.iter().enumerate() {
        let mut row = sheet.row(index);
        row.text(&animateurs::ID, &person.id)?;
        row.text(&animateurs::NOM, &person.nom)?;
        row.text(&animateurs::PRENOM, &person.prenom)?;
        row.text(&animateurs::QUALIFICATION, person.qualification)?;
        row.text(&animateurs::CONTRAT, person.contrat.label())?;
        row.number(&animateurs::JOURS_CEE, person.jours_cee)?;
        row.optional_number(&animateurs::COUT_JOURNALIER, person.cout_journalier)?;
        if let Some(birth) = &person.date_naissance {
            row.date(&animateurs::NAISSANCE, birth)?;
        }
        row.optional_text(&animateurs::SECTEUR, person.secteur.as_deref())?;
        let possibles = person.accueils_possibles.as_deref();
        row.optional_text(&animateurs::ACCUEILS_POSSIBLES, possibles)?;
        row.optional_number(&animateurs::MAX_JOURS, person.max_jours)?;
        row.optional_text(&animateurs::AUTRES_DIPLOMES, person.psc1.then_some("PSC1"))?;
    }

    write_grid(workbook.add_worksheet(), territory, &formats)?;

    if !territory.regles.is_empty() {
        let mut sheet = SheetWriter::new(workbook.add_worksheet(), &REGLES, &formats)?;
        for (index, (name, value)) in territory.regles.iter().enumerate() {
            let mut row = sheet.row(index);
            row.text(&regles::PARAMETRE, name)?;
            row.text(&regles::VALEUR, value)?;
        }
    }

    if !territory.recrutement.is_empty() {
        let mut sheet = SheetWriter::new(workbook.add_worksheet(), &RECRUTEMENT, &formats)?;
        for (index, profile) in territory.recrutement.iter().enumerate() {
            let mut row = sheet.row(index);
            row.text(&recrutement::QUALIFICATION, profile.qualification)?;
            row.optional_text(&recrutement::SECTEUR, profile.secteur.as_deref())?;
            row.number(&recrutement::COUT_JOURNALIER, profile.cout_journalier)?;
            row.number(&recrutement::COUT_FIXE, profile.cout_fixe)?;
            row.number(&recrutement::NOMBRE_MAXIMUM, profile.nombre_maximum)?;
        }
    }

    if !territory.calendrier.is_empty() {
        let mut sheet = SheetWriter::new(workbook.add_worksheet(), &CALENDRIER, &formats)?;
        for (index, (date, kind)) in territory.calendrier.iter().enumerate() {
            let mut row = sheet.row(index);
            row.date(&calendrier::DATE, date)?;
            row.text(&calendrier::TYPE, kind)?;
        }
    }
    Ok(workbook)
}

/// The `Disponibilites` grid: the `Id` column, then one date column per day.
fn write_grid(
    sheet: &mut Worksheet,
    territory: &Territory,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let id = &disponibilites::ID;
    sheet.set_name(DISPONIBILITES.name)?;
    sheet.write_string_with_format(0, 0, id.name, &formats.header)?;
    sheet.set_column_width(0, id.width)?;
    let date_header = formats.header.clone().set_num_format("dd/mm/yyyy");
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
                sheet.write_string_with_format(row, grid_column(day), *code, &formats.centered)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    sheet.set_landscape();
    Ok(())
}

/// A data sheet: named, with the template's bold header row, widths and frozen first row.
struct SheetWriter<'a> {
    worksheet: &'a mut Worksheet,
    spec: &'static SheetSpec,
    formats: &'a Formats,
}

impl<'a> SheetWriter<'a> {
    fn new(
        worksheet: &'a mut Worksheet,
        spec: &'static SheetSpec,
        formats: &'a Formats,
    ) -> Result<Self, XlsxError> {
        worksheet.set_name(spec.name)?;
        for (index, column) in spec.columns.iter().enumerate() {
            let col = u16::try_from(index).unwrap_or(u16::MAX);
            worksheet.write_string_with_format(0, col, column.name, &formats.header)?;
            worksheet.set_column_width(col, column.width)?;
        }
        worksheet.set_row_height(0, 34)?;
        worksheet.set_landscape();
        worksheet.set_print_fit_to_pages(1, 0);
        worksheet.set_freeze_panes(1, 0)?;
        Ok(SheetWriter {
            worksheet,
            spec,
            formats,
        })
    }

    /// The `index`-th data row, after the header.
    fn row(&mut self, index: usize) -> RowWriter<'_, 'a> {
        RowWriter {
            row: data_row(index),
            sheet: self,
        }
    }
}

/// One data row: cells placed under the schema's columns.
struct RowWriter<'s, 'a> {
    sheet: &'s mut SheetWriter<'a>,
    row: u32,
}

impl RowWriter<'_, '_> {
    /// The column number of `column` in this sheet; an error when the sheet has no such column.
    fn at(&self, column: &ColumnSpec) -> Result<u16, XlsxError> {
        let spec = self.sheet.spec;
        spec.position(column)
            .and_then(|index| u16::try_from(index).ok())
            .ok_or_else(|| {
                XlsxError::ParameterError(format!(
                    "la colonne « {} » n'est pas dans la feuille « {} »",
                    column.name, spec.name
                ))
            })
    }

    fn text(&mut self, column: &ColumnSpec, value: &str) -> Result<(), XlsxError> {
        let col = self.at(column)?;
        self.sheet.worksheet.write_string(self.row, col, value)?;
        Ok(())
    }

    fn optional_text(&mut self, column: &ColumnSpec, value: Option<&str>) -> Result<(), XlsxError> {
        match value {
            Some(value) => self.text(column, value),
            None => Ok(()),
        }
    }

    fn number(&mut self, column: &ColumnSpec, value: u32) -> Result<(), XlsxError> {
        let col = self.at(column)?;
        self.sheet.worksheet.write_number(self.row, col, value)?;
        Ok(())
    }

    fn optional_number(
        &mut self,
        column: &ColumnSpec,
        value: Option<u32>,
    ) -> Result<(), XlsxError> {
        match value {
            Some(value) => self.number(column, value),
            None => Ok(()),
        }
    }

    fn date(&mut self, column: &ColumnSpec, date: &NaiveDate) -> Result<(), XlsxError> {
        let col = self.at(column)?;
        let format = &self.sheet.formats.date;
        self.sheet
            .worksheet
            .write_date_with_format(self.row, col, date, format)?;
        Ok(())
    }

    fn time(&mut self, column: &ColumnSpec, time: &NaiveTime) -> Result<(), XlsxError> {
        let col = self.at(column)?;
        let format = &self.sheet.formats.time;
        self.sheet
            .worksheet
            .write_time_with_format(self.row, col, time, format)?;
        Ok(())
    }
}

/// Spreadsheet row (0-based) of the `index`-th data row, after the header.
fn data_row(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn grid_column(index: usize) -> u16 {
    u16::try_from(index + 1).unwrap_or(u16::MAX)
}
