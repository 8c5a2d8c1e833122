//! The `Aide` sheet: how to fill the workbook, each sheet's columns (from the schema), the
//! availability codes, the standard créneaux, the `Regles` parameters with their defaults, and
//! the values of the drop-down lists.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::lists::{ListRanges, aide_range};
use super::styles::Styles;
use super::validation::column_number;
use crate::domain::{Cents, Creneau, DirectorLevel};
use crate::rules::parameters::PARAMETER_NAMES;
use crate::rules::qualifications::CANONICAL;
use crate::rules::{MixedAgePolicy, Parameters, normalize_key};
use crate::schema::disponibilites::AVAILABILITY_CODES;
use crate::schema::{
    ColumnSpec, INPUT_SHEETS, Presence, SheetSpec, accueils, animateurs, calendrier,
};

/// The short lists the `Aide` sheet spells out, each with the column that takes it.
const LISTED_VALUES: [(&SheetSpec, &ColumnSpec); 3] = [
    (&accueils::SHEET, &accueils::TYPE),
    (&animateurs::SHEET, &animateurs::CONTRAT),
    (&calendrier::SHEET, &calendrier::TYPE),
];

/// Whether a column is required, in the words of the `Aide` sheet.
fn presence(presence: Presence) -> String {
    match presence {
        Presence::Required => "oui".to_string(),
        Presence::Optional { default: None } => "non".to_string(),
        Presence::Optional {
            default: Some(default),
        } => format!("non ({default})"),
        Presence::Alternative(text) => text.to_string(),
    }
}

/// Where the step-by-step guide is: from this template to the printed pages, and what to do
/// when the plan says « manque ».
pub const GUIDE_LINE: &str = "Guide pas à pas, du modèle aux pages imprimées, et que faire quand \
                              le planning dit « manque » : le fichier docs/guide.md livré avec \
                              acm-planner (guide.md, dossier docs).";

/// Writes the `Aide` sheet; returns the ranges that feed the long drop-down lists.
pub(super) fn write(worksheet: &mut Worksheet, styles: &Styles) -> Result<ListRanges, XlsxError> {
    worksheet.set_name("Aide")?;
    worksheet.set_column_width(0, 42)?;
    worksheet.set_column_width(1, 18)?;
    worksheet.set_column_width(2, 80)?;
    worksheet.set_column_width(3, 30)?;
    let mut row: u32 = 0;
    worksheet.write_string_with_format(row, 0, "Mode d'emploi du classeur", &styles.title)?;
    row += 1;
    for line in [
        "Remplissez une ligne par accueil, par prévision et par animateur dans les feuilles \
         suivantes, en gardant la première ligne (les en-têtes) telle quelle.",
        "Les listes déroulantes proposent les valeurs acceptées ; majuscules, accents et \
         espaces ne comptent pas. Les feuilles Regles, Recrutement et Calendrier sont \
         facultatives. Les feuilles peuvent être réparties entre plusieurs fichiers (.xlsx ou \
         .ods), par exemple les disponibilités à part.",
        "Ensuite : acm-planner needs classeur.xlsx (besoins légaux), acm-planner plan \
         classeur.xlsx (planning et recrutement), acm-planner check classeur.xlsx --planning \
         planning.xlsx (contrôle d'un planning) ; en français : besoins, planning, controle.",
        GUIDE_LINE,
    ] {
        worksheet.merge_range(row, 0, row, 3, line, &styles.wrap)?;
        worksheet.set_row_height(row, 30)?;
        row += 1;
    }
    for sheet in INPUT_SHEETS {
        row += 1;
        row = write_sheet_help(worksheet, styles, sheet, row)?;
    }

    row += 1;
    row = section(
        worksheet,
        styles,
        row,
        "Codes de disponibilité (feuille Disponibilites)",
    )?;
    row = table_header(worksheet, styles, row, &["Code", "", "Signification", ""])?;
    for (code, meaning) in AVAILABILITY_CODES {
        worksheet.write_string_with_format(row, 0, code, &styles.bold_wrap)?;
        worksheet.write_string_with_format(row, 2, meaning, &styles.wrap)?;
        row += 1;
    }
    worksheet.merge_range(
        row,
        0,
        row,
        3,
        "Pour ajouter les jours : dans la feuille Disponibilites, écrivez une date (jj/mm/aaaa) \
         dans chaque case de la ligne 1 à partir de la colonne B (B1 = 06/07/2026, C1 = \
         07/07/2026…), puis un code par animateur et par jour. Exemple : A12 | J | J | M | (vide) \
         | AM. Autre forme acceptée : un tableau avec les colonnes Animateur, Date et Creneau, \
         une ligne par disponibilité.",
        &styles.wrap,
    )?;
    worksheet.set_row_height(row, 45)?;
    row += 2;

    row = section(worksheet, styles, row, "Horaires standard des créneaux")?;
    row = table_header(worksheet, styles, row, &["Créneau", "Horaires", "", ""])?;
    for (label, start, end) in Creneau::STANDARD {
        worksheet.write_string_with_format(row, 0, label, &styles.bold_wrap)?;
        worksheet.write_string(row, 1, format!("{start} – {end}"))?;
        row += 1;
    }
    row += 1;

    row = section(worksheet, styles, row, "Paramètres de la feuille Regles")?;
    row = table_header(
        worksheet,
        styles,
        row,
        &["Parametre", "Valeur par défaut", "Valeur attendue", ""],
    )?;
    let defaults = Parameters::default();
    let first_parameter = row;
    for (name, expected) in PARAMETER_NAMES {
        worksheet.write_string_with_format(row, 0, *name, &styles.bold_wrap)?;
        worksheet.write_string(row, 1, parameter_default(&defaults, name))?;
        worksheet.write_string_with_format(row, 2, *expected, &styles.wrap)?;
        row += 1;
    }
    let parameters = aide_range(first_parameter, row.saturating_sub(1));
    row += 1;

    row = section(worksheet, styles, row, "Valeurs acceptées")?;
    row = table_header(
        worksheet,
        styles,
        row,
        &[
            "Valeur",
            "Colonne",
            "Catégorie (R227-12) et direction (R227-14)",
            "",
        ],
    )?;
    for (sheet, column) in LISTED_VALUES {
        let place = format!("{} : {}", sheet.name, column.name);
        for value in column.choices.listed().unwrap_or_default() {
            worksheet.write_string(row, 0, value)?;
            worksheet.write_string(row, 1, &place)?;
            row += 1;
        }
    }
    let first_qualification = row;
    for (label, category, director) in CANONICAL {
        worksheet.write_string(row, 0, *label)?;
        worksheet.write_string(row, 1, "Qualification")?;
        let may_direct = match director {
            DirectorLevel::None => "",
            DirectorLevel::NonProfessional => {
                " ; peut diriger (sauf accueil de plus de 80 jours et 80 mineurs)"
            }
            DirectorLevel::Professional => " ; peut diriger tout accueil",
        };
        worksheet.write_string(row, 2, format!("{}{may_direct}", category.label()))?;
        row += 1;
    }
    let last_qualification = row.saturating_sub(1);
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    Ok(ListRanges {
        qualifications: aide_range(first_qualification, last_qualification),
        parameters,
    })
}

fn section(
    worksheet: &mut Worksheet,
    styles: &Styles,
    row: u32,
    title: &str,
) -> Result<u32, XlsxError> {
    worksheet.merge_range(row, 0, row, 3, title, &styles.section)?;
    worksheet.set_row_height(row, 20)?;
    Ok(row + 1)
}

fn table_header(
    worksheet: &mut Worksheet,
    styles: &Styles,
    row: u32,
    titles: &[&str],
) -> Result<u32, XlsxError> {
    for (index, title) in titles.iter().enumerate() {
        worksheet.write_string_with_format(row, column_number(index), *title, &styles.header)?;
    }
    Ok(row + 1)
}

/// One sheet's section of `Aide`: its purpose, then one row per column.
fn write_sheet_help(
    worksheet: &mut Worksheet,
    styles: &Styles,
    sheet: &SheetSpec,
    row: u32,
) -> Result<u32, XlsxError> {
    let mut row = section(worksheet, styles, row, &format!("Feuille {}", sheet.name))?;
    worksheet.merge_range(row, 0, row, 3, sheet.purpose, &styles.wrap)?;
    // Spreadsheets do not grow merged rows to fit: about 150 characters per line here.
    let lines = sheet.purpose.chars().count().div_ceil(150).max(1);
    worksheet.set_row_height(row, 15.0 * lines as f64 + 2.0)?;
    row += 1;
    row = table_header(
        worksheet,
        styles,
        row,
        &["Colonne", "Obligatoire", "Signification", "Exemple"],
    )?;
    for spec in sheet.columns {
        worksheet.write_string_with_format(row, 0, spec.name, &styles.bold_wrap)?;
        worksheet.write_string_with_format(row, 1, presence(spec.presence), &styles.wrap)?;
        worksheet.write_string_with_format(row, 2, spec.help, &styles.wrap)?;
        worksheet.write_string_with_format(row, 3, spec.example, &styles.wrap)?;
        // About 95 characters per line in the help column (width 80).
        let lines = spec.help.chars().count().div_ceil(95).max(1);
        worksheet.set_row_height(row, 15.0 * lines as f64 + 2.0)?;
        row += 1;
    }
    Ok(row)
}

/// The default of a `Regles` parameter, as a user would write it.
fn parameter_default(defaults: &Parameters, name: &str) -> String {
    let euros = |cents: Cents| cents.to_string();
    match normalize_key(name).as_str() {
        "methodeagesmixtes" => MixedAgePolicy::label(defaults.mixed_ages).to_string(),
        "joursansecolehorsvacances" => if defaults.unclear_weekday_periscolaire {
            "periscolaire"
        } else {
            "extrascolaire"
        }
        .to_string(),
        "tauxaccueildejeunes" => defaults.accueil_jeunes_ratio.to_string(),
        "presencedeladirection" => defaults.director_presence.label().to_string(),
        "coutjournalierpardefaut" => euros(defaults.default_daily_cost),
        "smichoraire" => crate::report::wording::smic_steps(&defaults.smic),
        "poidsmanquedirection" => defaults.weight_missing_director.to_string(),
        "poidsmanquequalifie" => defaults.weight_missing_qualified.to_string(),
        "poidsmanqueanimateur" => defaults.weight_missing_animateur.to_string(),
        "poidsmanquepsc1" => defaults.weight_missing_psc1.to_string(),
        "recrutementbafacoutjournalier" => euros(defaults.hire_daily_cost_bafa),
        "recrutementstagiairebafacoutjournalier" => euros(defaults.hire_daily_cost_stagiaire),
        "recrutementsansqualificationcoutjournalier" => {
            euros(defaults.hire_daily_cost_sans_qualification)
        }
        "recrutementbafdcoutjournalier" => euros(defaults.hire_daily_cost_bafd),
        "recrutementcoutfixe" => euros(defaults.hire_fixed_cost),
        "recrutementnombremaximum" => defaults.hire_max_per_profile.to_string(),
        "zone" => defaults.zone.code().to_string(),
        "academie" => crate::rules::calendar::zone::DEFAULT_ACADEMIE.to_string(),
        "stabilite" => defaults.stability.label().to_string(),
        _ => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::Workbook;

    use super::*;
    use crate::schema::recrutement;

    #[test]
    fn help_texts_quote_the_current_defaults() {
        let defaults = Parameters::default();
        assert_eq!(defaults.default_daily_cost, Cents::euros(70));
        assert_eq!(defaults.hire_fixed_cost, Cents::euros(150));
        assert_eq!(defaults.hire_max_per_profile, 30);
        assert!(animateurs::COUT_JOURNALIER.help.contains("(70 €)"));
        assert!(recrutement::COUT_FIXE.help.contains("(150 €)"));
        assert!(recrutement::NOMBRE_MAXIMUM.help.contains("(30)"));
    }

    #[test]
    fn every_parameter_has_a_default() {
        let defaults = Parameters::default();
        for (name, _) in PARAMETER_NAMES {
            assert_ne!(parameter_default(&defaults, name), "—", "{name}");
        }
    }

    /// Row numbers (1-based) of a range like `=Aide!$A$125:$A$145`.
    fn rows_of(range: &str) -> (u32, u32) {
        let numbers: Vec<u32> = range
            .split('$')
            .filter_map(|part| part.trim_end_matches(':').parse().ok())
            .collect();
        (numbers[0], numbers[1])
    }

    #[test]
    fn drop_down_lists_point_at_the_labels_in_aide() {
        use calamine::{Reader, Xlsx};
        let mut workbook = Workbook::new();
        let lists = write(workbook.add_worksheet(), &Styles::new()).expect("Aide");
        let buffer = workbook.save_to_buffer().expect("saved");
        let mut read: Xlsx<_> = Xlsx::new(std::io::Cursor::new(buffer)).expect("xlsx");
        let aide = read.worksheet_range("Aide").expect("Aide");
        let column_a = |rows: (u32, u32)| -> Vec<String> {
            (rows.0..=rows.1)
                .map(|row| {
                    aide.get_value((row - 1, 0))
                        .map(|cell| cell.to_string())
                        .unwrap_or_default()
                })
                .collect()
        };
        let qualifications: Vec<&str> = CANONICAL.iter().map(|(label, _, _)| *label).collect();
        assert_eq!(column_a(rows_of(&lists.qualifications)), qualifications);
        let parameters: Vec<&str> = PARAMETER_NAMES.iter().map(|(name, _)| *name).collect();
        assert_eq!(column_a(rows_of(&lists.parameters)), parameters);
    }
}
