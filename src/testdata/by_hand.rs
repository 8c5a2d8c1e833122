//! A variant generator: the same [`Territory`] written the way people keep their workbooks, to
//! check that the answer does not change. Every sheet gets a merged title above its headers, an
//! "updated on" line and a blank row; the columns come in another order under other accepted
//! spellings (`Code accueil`, `Ville`, `Capacité (places)`, `Diplôme`, `Coût journalier (€)`…),
//! with extra columns (`Téléphone`, a hidden `Commentaire interne`); the codes are typed as
//! people type them (`ALSH`, `Journée`, `oui`, `x`, `matin`, `-`, `non`), qualifications carry
//! other certificates that do not change the category (`BAFA + PSC1`); a `Total` row and a note
//! end the tables; the availability grid has a `Nom` column, a line of weekday names under its
//! dates, written in words without the year (`lundi 6 juillet`), and a `Nb jours` column.
//!
//! What it writes must read as exactly the same inputs as [`super::write_workbook`]'s file.

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::territory::{Territory, When};
use crate::domain::AcmType;
use crate::error::Error;

/// One cell as a person would type it.
#[derive(Debug, Clone, PartialEq)]
enum Hand {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Time(NaiveTime),
    Empty,
}

impl Hand {
    fn text(value: impl Into<String>) -> Hand {
        Hand::Text(value.into())
    }

    fn optional_text(value: Option<&str>) -> Hand {
        value.map_or(Hand::Empty, Hand::text)
    }

    fn optional_number(value: Option<u32>) -> Hand {
        value.map_or(Hand::Empty, |v| Hand::Number(f64::from(v)))
    }
}

/// A column of a hand-kept sheet: its header as typed, its cells, whether it is hidden.
struct Column {
    header: String,
    cells: Vec<Hand>,
    hidden: bool,
}

fn column(header: &str, cells: Vec<Hand>) -> Column {
    Column {
        header: header.to_string(),
        cells,
        hidden: false,
    }
}

/// A sheet as a person keeps it.
struct HandSheet {
    name: &'static str,
    title: String,
    columns: Vec<Column>,
    /// A row right under the header (the grid's weekday names), one cell per column.
    subheader: Option<Vec<Hand>>,
    /// The `Total` row: one cell per column (the first says `Total`).
    total: Option<Vec<Hand>>,
    note: Option<&'static str>,
}

/// Writes `territory` as a hand-kept workbook, atomically, with fixed document properties (the
/// outputs' own save), so the same territory gives the same bytes.
pub fn write_by_hand(territory: &Territory, path: &Path) -> Result<(), Error> {
    let mut workbook = crate::report::xlsx::new_workbook("Territoire tenu à la main");
    for sheet in sheets(territory) {
        write_sheet(workbook.add_worksheet(), &sheet)
            .map_err(|e| Error::io(path.display(), format!("écriture impossible : {e}")))?;
    }
    crate::report::save_workbook(&mut workbook, path)
}

fn sheets(territory: &Territory) -> Vec<HandSheet> {
    let mut sheets = vec![
        accueils(territory),
        previsions(territory),
        animateurs(territory),
        disponibilites(territory),
    ];
    if !territory.regles.is_empty() {
        sheets.push(HandSheet {
            name: "Règles",
            title: "Paramètres".to_string(),
            columns: vec![
                column(
                    "Paramètre",
                    territory
                        .regles
                        .iter()
                        .map(|(n, _)| Hand::text(n))
                        .collect(),
                ),
                column(
                    "Valeur",
                    territory
                        .regles
                        .iter()
                        .map(|(_, v)| Hand::text(v))
                        .collect(),
                ),
            ],
            subheader: None,
            total: None,
            note: None,
        });
    }
    if !territory.recrutement.is_empty() {
        let rows = &territory.recrutement;
        sheets.push(HandSheet {
            name: "Recrutement",
            title: "Renforts possibles".to_string(),
            columns: vec![
                column(
                    "Diplôme",
                    rows.iter().map(|r| Hand::text(r.qualification)).collect(),
                ),
                column(
                    "Coût journalier (€)",
                    rows.iter()
                        .map(|r| Hand::Number(f64::from(r.cout_journalier)))
                        .collect(),
                ),
                column(
                    "Secteur",
                    rows.iter()
                        .map(|r| Hand::text(r.secteur.as_deref().unwrap_or("tous")))
                        .collect(),
                ),
                column(
                    "Nombre maximum",
                    rows.iter()
                        .map(|r| Hand::Number(f64::from(r.nombre_maximum)))
                        .collect(),
                ),
                column(
                    "Coût fixe d'embauche",
                    rows.iter()
                        .map(|r| Hand::Number(f64::from(r.cout_fixe)))
                        .collect(),
                ),
            ],
            subheader: None,
            total: None,
            note: None,
        });
    }
    if !territory.calendrier.is_empty() {
        let rows = &territory.calendrier;
        sheets.push(HandSheet {
            name: "Calendrier",
            title: "Calendrier scolaire".to_string(),
            columns: vec![
                column("Jour", rows.iter().map(|(d, _)| Hand::Date(*d)).collect()),
                column(
                    "Type de jour",
                    rows.iter()
                        .map(|(_, k)| Hand::text(k.to_uppercase()))
                        .collect(),
                ),
            ],
            subheader: None,
            total: None,
            note: None,
        });
    }
    sheets
}

/// `ALSH`, `Séjour de vacances`…: the spellings directors use for the types.
fn acm_type(kind: AcmType) -> &'static str {
    match kind {
        AcmType::AccueilLoisirs => "ALSH",
        AcmType::Extrascolaire => "Extrascolaire",
        AcmType::Periscolaire => "Périscolaire",
        AcmType::Sejour => "Séjour de vacances",
        AcmType::MiniCamp => "Mini camp",
        AcmType::AccueilJeunes => "Accueil de jeunes",
    }
}

fn oui_non(flag: bool, index: usize) -> Hand {
    match (flag, index % 2) {
        (true, 0) => Hand::text("OUI"),
        (true, _) => Hand::text("x"),
        (false, 0) => Hand::text("Non"),
        (false, _) => Hand::Empty,
    }
}

fn accueils(territory: &Territory) -> HandSheet {
    let rows = &territory.accueils;
    let capacity: u32 = rows.iter().map(|a| a.capacite).sum();
    let mut total = vec![Hand::text("Total"), Hand::Empty, Hand::Empty, Hand::Empty];
    total.push(Hand::Number(f64::from(capacity)));
    HandSheet {
        name: "Accueils",
        title: "Liste des accueils du territoire".to_string(),
        columns: vec![
            column(
                "Code accueil",
                rows.iter().map(|a| Hand::text(&a.code)).collect(),
            ),
            column("Nom", rows.iter().map(|a| Hand::text(&a.nom)).collect()),
            column(
                "Ville",
                rows.iter().map(|a| Hand::text(&a.commune)).collect(),
            ),
            column(
                "Type d'accueil",
                rows.iter().map(|a| Hand::text(acm_type(a.kind))).collect(),
            ),
            column(
                "Capacité (places)",
                rows.iter()
                    .map(|a| Hand::Number(f64::from(a.capacite)))
                    .collect(),
            ),
            column(
                "Téléphone",
                (0..rows.len())
                    .map(|i| Hand::text(format!("02 41 50 {:02} {:02}", i % 100, (i * 7) % 100)))
                    .collect(),
            ),
            column(
                "PEdT",
                rows.iter()
                    .enumerate()
                    .map(|(i, a)| oui_non(a.pedt, i))
                    .collect(),
            ),
            column(
                "Jours d'ouverture",
                rows.iter()
                    .map(|a| Hand::optional_number(a.jours_ouverture))
                    .collect(),
            ),
            column(
                "Secteur",
                rows.iter()
                    .map(|a| Hand::optional_text(a.secteur.as_deref()))
                    .collect(),
            ),
            column(
                "14 ans et plus",
                rows.iter()
                    .enumerate()
                    .map(|(i, a)| oui_non(a.tous_14_ans_et_plus, i))
                    .collect(),
            ),
            column(
                "Dérogation",
                rows.iter()
                    .enumerate()
                    .map(|(i, a)| oui_non(a.derogation_direction, i + 1))
                    .collect(),
            ),
            column(
                "Rattaché à",
                rows.iter()
                    .map(|a| Hand::optional_text(a.rattache_a.as_deref()))
                    .collect(),
            ),
            Column {
                header: "Commentaire interne".to_string(),
                cells: (0..rows.len())
                    .map(|i| {
                        if i % 3 == 0 {
                            Hand::text("voir convention mairie")
                        } else {
                            Hand::Empty
                        }
                    })
                    .collect(),
                hidden: true,
            },
        ],
        subheader: None,
        total: Some(total),
        note: Some("* capacités déclarées au SDJES"),
    }
}

/// `Journée`, `Matin`, `Après-midi`, `Soir`, `Midi`; other labels as written.
fn creneau(label: &str) -> String {
    match label {
        "journee" => "Journée".to_string(),
        "matin" => "Matin".to_string(),
        "apres-midi" => "Après-midi".to_string(),
        "soir" => "Soir".to_string(),
        "midi" => "Midi".to_string(),
        other => other.to_string(),
    }
}

fn previsions(territory: &Territory) -> HandSheet {
    let rows = &territory.previsions;
    let date = |when: &When| match when {
        When::Date(date) => Hand::Date(*date),
        When::Range { .. } => Hand::Empty,
    };
    let range = |when: &When, part: usize| match when {
        When::Date(_) => Hand::Empty,
        When::Range { du, au, jours } => match part {
            0 => Hand::Date(*du),
            1 => Hand::Date(*au),
            _ => Hand::optional_text(jours.as_deref()),
        },
    };
    let under: u32 = rows.iter().map(|r| r.moins_de_6).sum();
    let over: u32 = rows.iter().map(|r| r.six_et_plus).sum();
    HandSheet {
        name: "Prévisions",
        title: "Effectifs prévisionnels".to_string(),
        columns: vec![
            column("Date", rows.iter().map(|r| date(&r.when)).collect()),
            column(
                "Accueil",
                rows.iter().map(|r| Hand::text(&r.accueil)).collect(),
            ),
            column(
                "Créneau",
                rows.iter()
                    .map(|r| Hand::text(creneau(&r.creneau)))
                    .collect(),
            ),
            column(
                "Moins de 6 ans",
                rows.iter()
                    .map(|r| Hand::Number(f64::from(r.moins_de_6)))
                    .collect(),
            ),
            column(
                "6 ans et plus",
                rows.iter()
                    .map(|r| Hand::Number(f64::from(r.six_et_plus)))
                    .collect(),
            ),
            column(
                "Heure de début",
                rows.iter()
                    .map(|r| r.debut.map_or(Hand::Empty, Hand::Time))
                    .collect(),
            ),
            column(
                "Heure de fin",
                rows.iter()
                    .map(|r| r.fin.map_or(Hand::Empty, Hand::Time))
                    .collect(),
            ),
            column("Du", rows.iter().map(|r| range(&r.when, 0)).collect()),
            column("Au", rows.iter().map(|r| range(&r.when, 1)).collect()),
            column("Jours", rows.iter().map(|r| range(&r.when, 2)).collect()),
            column(
                "Accompagnement renforcé",
                rows.iter()
                    .map(|r| Hand::optional_number(r.renforce))
                    .collect(),
            ),
            column(
                "Remarque",
                (0..rows.len())
                    .map(|i| {
                        if i % 7 == 3 {
                            Hand::text("à confirmer")
                        } else {
                            Hand::Empty
                        }
                    })
                    .collect(),
            ),
        ],
        subheader: None,
        total: Some(vec![
            Hand::text("TOTAL"),
            Hand::Empty,
            Hand::Empty,
            Hand::Number(f64::from(under)),
            Hand::Number(f64::from(over)),
        ]),
        note: Some("Source : inscriptions au 1er juin"),
    }
}

/// A qualification with other certificates that do not change its category, the PSC1 written
/// in the same cell as people do when they hold it.
fn qualification(label: &str, index: usize, psc1: bool) -> String {
    match (label, index % 4, psc1) {
        ("BAFA", 0 | 1, true) => "BAFA + PSC1".to_string(),
        ("BAFA", _, true) => "bafa (psc1)".to_string(),
        ("BAFA", 1, false) => "B.A.F.A., SB".to_string(),
        ("BAFD", _, true) => "BAFD + PSC1".to_string(),
        ("stagiaire BAFA", 0, false) => "BAFA stagiaire".to_string(),
        ("stagiaire BAFA", 1, false) => "BAFA en cours + permis B".to_string(),
        ("sans qualification", 0, _) => "sans diplôme".to_string(),
        (other, _, true) => format!("{other} + PSC1"),
        (other, _, false) => other.to_string(),
    }
}

fn animateurs(territory: &Territory) -> HandSheet {
    let rows = &territory.animateurs;
    HandSheet {
        name: "Animateurs",
        title: "Équipe d'animation".to_string(),
        columns: vec![
            column("NOM", rows.iter().map(|p| Hand::text(&p.nom)).collect()),
            column(
                "Prénom",
                rows.iter().map(|p| Hand::text(&p.prenom)).collect(),
            ),
            column(
                "Matricule",
                rows.iter().map(|p| Hand::text(&p.id)).collect(),
            ),
            column(
                "Diplôme",
                rows.iter()
                    .enumerate()
                    .map(|(i, p)| Hand::text(qualification(p.qualification, i, p.psc1)))
                    .collect(),
            ),
            column(
                "Type de contrat",
                rows.iter()
                    .map(|p| Hand::text(p.contrat.label().to_lowercase()))
                    .collect(),
            ),
            column(
                "Téléphone",
                (0..rows.len())
                    .map(|i| Hand::text(format!("06 12 {:02} {:02} 00", i % 100, (i * 3) % 100)))
                    .collect(),
            ),
            column(
                "Jours CEE",
                rows.iter()
                    .map(|p| Hand::Number(f64::from(p.jours_cee)))
                    .collect(),
            ),
            column(
                "Coût journalier (€)",
                rows.iter()
                    .map(|p| Hand::optional_number(p.cout_journalier))
                    .collect(),
            ),
            column(
                "Naissance",
                rows.iter()
                    .map(|p| p.date_naissance.map_or(Hand::Empty, Hand::Date))
                    .collect(),
            ),
            column(
                "Secteur",
                rows.iter()
                    .map(|p| Hand::optional_text(p.secteur.as_deref()))
                    .collect(),
            ),
            column(
                "Accueils possibles",
                rows.iter()
                    .map(|p| Hand::optional_text(p.accueils_possibles.as_deref()))
                    .collect(),
            ),
            column(
                "Jours maximum",
                rows.iter()
                    .map(|p| Hand::optional_number(p.max_jours))
                    .collect(),
            ),
        ],
        subheader: None,
        total: None,
        note: Some("NB : penser à mettre à jour les jours CEE en juin"),
    }
}

/// A grid code as people type it.
fn grid_code(code: &str, person: usize, day: usize) -> Hand {
    let turn = (person + day) % 3;
    match (code, turn) {
        ("J", 0) => Hand::text("J"),
        ("J", 1) => Hand::text("oui"),
        ("J", _) => Hand::text("x"),
        ("M", _) => Hand::text("matin"),
        ("AM", _) => Hand::text("Après-midi"),
        ("S", _) => Hand::text("soir"),
        ("", 0) => Hand::Empty,
        ("", 1) => Hand::text("non"),
        ("", _) => Hand::text("-"),
        (other, _) => Hand::text(other),
    }
}

fn french_weekday(day: Weekday) -> &'static str {
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ][day.num_days_from_monday() as usize]
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `lundi 6 juillet` when the grid spans less than 300 days (the year is then the forecasts'),
/// else `06/07/2026`.
fn date_header(date: NaiveDate, without_year: bool) -> Hand {
    if without_year {
        Hand::text(format!(
            "{} {} {}",
            french_weekday(date.weekday()),
            date.day(),
            MONTHS[date.month0() as usize]
        ))
    } else {
        Hand::text(date.format("%d/%m/%Y").to_string())
    }
}

fn disponibilites(territory: &Territory) -> HandSheet {
    let people = &territory.animateurs;
    let span = match (territory.dates.first(), territory.dates.last()) {
        (Some(first), Some(last)) => (*last - *first).num_days(),
        _ => 0,
    };
    let mut columns = vec![
        column("Id", people.iter().map(|p| Hand::text(&p.id)).collect()),
        column(
            "Nom",
            people
                .iter()
                .map(|p| Hand::text(format!("{} {}", p.prenom, p.nom)))
                .collect(),
        ),
    ];
    let mut subheader = vec![Hand::Empty, Hand::Empty];
    for (day, date) in territory.dates.iter().enumerate() {
        let cells = territory
            .availability
            .iter()
            .enumerate()
            .map(|(person, codes)| grid_code(codes.get(day).copied().unwrap_or(""), person, day))
            .collect();
        let header = match date_header(*date, span < 300) {
            Hand::Text(text) => text,
            _ => String::new(),
        };
        columns.push(column(&header, cells));
        subheader.push(Hand::text(&french_weekday(date.weekday())[..3]));
    }
    columns.push(column(
        "Nb jours",
        territory
            .availability
            .iter()
            .map(|codes| Hand::Number(codes.iter().filter(|c| !c.is_empty()).count() as f64))
            .collect(),
    ));
    HandSheet {
        name: "Disponibilités",
        title: "Disponibilités de l'équipe".to_string(),
        columns,
        subheader: Some(subheader),
        total: None,
        note: Some("* merci de rendre la grille avant le 15"),
    }
}

/// Row (0-based) of the header: a merged title, an "updated on" line, a blank row, then the
/// header.
const HEADER_ROW: u32 = 3;

fn write_sheet(worksheet: &mut Worksheet, sheet: &HandSheet) -> Result<(), XlsxError> {
    worksheet.set_name(sheet.name)?;
    let bold = Format::new().set_bold();
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let time_format = Format::new().set_num_format("hh:mm");
    let last_column = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    if last_column > 0 {
        worksheet.merge_range(0, 0, 0, last_column, &sheet.title, &title)?;
    } else {
        worksheet.write_string_with_format(0, 0, &sheet.title, &title)?;
    }
    worksheet.write_string(1, 0, "Mis à jour le")?;
    worksheet.write_date_with_format(
        1,
        1,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        &date_format,
    )?;
    let write = |worksheet: &mut Worksheet, row: u32, col: u16, cell: &Hand| match cell {
        Hand::Text(text) => worksheet.write_string(row, col, text).map(|_| ()),
        Hand::Number(value) => worksheet.write_number(row, col, *value).map(|_| ()),
        Hand::Date(date) => worksheet
            .write_date_with_format(row, col, date, &date_format)
            .map(|_| ()),
        Hand::Time(time) => worksheet
            .write_time_with_format(row, col, time, &time_format)
            .map(|_| ()),
        Hand::Empty => Ok(()),
    };
    let mut next_row = HEADER_ROW + 1;
    if let Some(cells) = &sheet.subheader {
        for (index, cell) in cells.iter().enumerate() {
            write(
                worksheet,
                next_row,
                u16::try_from(index).unwrap_or(u16::MAX),
                cell,
            )?;
        }
        next_row += 1;
    }
    let mut height = 0;
    for (index, column) in sheet.columns.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        worksheet.write_string_with_format(HEADER_ROW, col, &column.header, &bold)?;
        if column.hidden {
            worksheet.set_column_hidden(col)?;
        }
        for (offset, cell) in column.cells.iter().enumerate() {
            let row = next_row + u32::try_from(offset).unwrap_or(u32::MAX);
            write(worksheet, row, col, cell)?;
        }
        height = height.max(column.cells.len());
    }
    next_row += u32::try_from(height).unwrap_or(u32::MAX);
    if let Some(cells) = &sheet.total {
        for (index, cell) in cells.iter().enumerate() {
            write(
                worksheet,
                next_row,
                u16::try_from(index).unwrap_or(u16::MAX),
                cell,
            )?;
        }
        next_row += 1;
    }
    if let Some(note) = sheet.note {
        worksheet.write_string(next_row + 1, 0, note)?;
    }
    Ok(())
}
