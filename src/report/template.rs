//! The blank input workbook of `acm-planner template`, and the column layout every input workbook
//! follows (design.md §3): the generator of synthetic territories writes the same headers.
//!
//! The data sheets hold headers only, so the template reads back as a valid, empty input. An
//! `Aide` sheet, first, explains every column in French with an example, the availability codes,
//! the `Regles` parameters with their defaults and the accepted values of each drop-down list.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format,
    FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use crate::domain::{AcmType, Contrat, Creneau};
use crate::rules::parameters::PARAMETER_NAMES;
use crate::rules::qualifications::CANONICAL;
use crate::rules::{MixedAgePolicy, Parameters, normalize_key};

/// Values a column accepts, turned into a drop-down list or a typed validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// Free text.
    Text,
    /// `oui` / `non`.
    OuiNon,
    AcmType,
    Qualification,
    Contrat,
    Creneau,
    /// `ecole`, `vacances`, `sans ecole` (the `Calendrier` sheet).
    DayType,
    /// A code of the `Accueils` sheet.
    AccueilCode,
    /// An Id of the `Animateurs` sheet.
    AnimateurId,
    /// A parameter name of the `Regles` sheet.
    Parameter,
    /// A date, written `jj/mm/aaaa`.
    Date,
    /// A time of day, written `hh:mm`.
    Time,
    /// A whole number ≥ 0.
    Count,
    /// An amount in euros.
    Euros,
}

/// One column of an input sheet: its header, whether it is required, and what to tell the user.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub header: &'static str,
    /// `oui`, `non`, or a short condition, as shown in the `Aide` sheet.
    pub required: &'static str,
    /// Column width in characters.
    pub width: f64,
    pub help: &'static str,
    pub example: &'static str,
    pub choices: Choices,
}

/// One input sheet: name, what it is for, columns in order.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    pub name: &'static str,
    pub purpose: &'static str,
    pub columns: &'static [ColumnSpec],
}

impl SheetSpec {
    pub fn headers(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.header).collect()
    }
}

const fn column(
    header: &'static str,
    required: &'static str,
    width: f64,
    choices: Choices,
    help: &'static str,
    example: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        header,
        required,
        width,
        help,
        example,
        choices,
    }
}

pub const ACCUEILS: SheetSpec = SheetSpec {
    name: "Accueils",
    purpose: "Une ligne par accueil collectif de mineurs (ACM) déclaré.",
    columns: &[
        column(
            "Code",
            "oui",
            18.0,
            Choices::Text,
            "Identifiant unique de l'accueil ; on le reporte dans la colonne Accueil des \
             Previsions.",
            "ALSH-DOUE",
        ),
        column(
            "Nom",
            "oui",
            36.0,
            Choices::Text,
            "Nom de l'accueil.",
            "Accueil de loisirs Les Arènes",
        ),
        column(
            "Commune",
            "oui",
            20.0,
            Choices::Text,
            "Commune où se tient l'accueil.",
            "Doué-en-Anjou",
        ),
        column(
            "Type",
            "oui",
            20.0,
            Choices::AcmType,
            "accueil de loisirs (périscolaire les jours d'école et le mercredi, extrascolaire \
             pendant les vacances, d'après le calendrier), extrascolaire, periscolaire, sejour, \
             mini-camp ou accueil de jeunes.",
            "accueil de loisirs",
        ),
        column(
            "PEDT",
            "non (non)",
            8.0,
            Choices::OuiNon,
            "oui si le périscolaire relève d'un projet éducatif territorial (taux d'encadrement \
             allégés, CASF R227-16 II).",
            "non",
        ),
        column(
            "Capacite",
            "oui",
            10.0,
            Choices::Count,
            "Nombre maximal de mineurs déclaré ; il détermine les règles de direction.",
            "120",
        ),
        column(
            "Jours d'ouverture par an",
            "non",
            18.0,
            Choices::Count,
            "Jours d'ouverture sur l'année : au-delà de 80 jours et de 80 mineurs, la direction \
             revient à un diplômé professionnel (CASF R227-14 III).",
            "180",
        ),
        column(
            "Secteur",
            "non",
            16.0,
            Choices::Text,
            "Secteur de mobilité : les animateurs travaillent dans leur secteur, sauf mention \
             dans leur colonne Accueils possibles.",
            "Doué",
        ),
        column(
            "Tous 14 ans et plus",
            "non (non)",
            12.0,
            Choices::OuiNon,
            "oui pour un séjour dont tous les mineurs ont 14 ans ou plus (le directeur peut \
             alors compter dans l'effectif jusqu'à 20 mineurs).",
            "non",
        ),
        column(
            "Derogation direction",
            "non (non)",
            12.0,
            Choices::OuiNon,
            "oui si le préfet a accordé une dérogation permettant à un titulaire du BAFD de \
             diriger malgré la règle des 80 jours et 80 mineurs.",
            "non",
        ),
    ],
};

pub const PREVISIONS: SheetSpec = SheetSpec {
    name: "Previsions",
    purpose: "Les enfants attendus : une ligne par accueil, date (ou période Du/Au) et créneau. \
              Exemple de période : Du 06/07/2026, Au 10/07/2026, Jours lun,mar,jeu,ven (tous \
              les jours de la semaine sauf le mercredi).",
    columns: &[
        column(
            "Accueil",
            "oui",
            18.0,
            Choices::AccueilCode,
            "Code de l'accueil, tel qu'écrit dans la feuille Accueils.",
            "ALSH-DOUE",
        ),
        column(
            "Date",
            "Date, ou Du et Au",
            12.0,
            Choices::Date,
            "Jour de la prévision (jj/mm/aaaa). Laissez vide si la ligne couvre une période \
             Du/Au.",
            "06/07/2026",
        ),
        column(
            "Du",
            "Date, ou Du et Au",
            12.0,
            Choices::Date,
            "Premier jour d'une période, à la place de Date.",
            "(vide)",
        ),
        column(
            "Au",
            "Date, ou Du et Au",
            12.0,
            Choices::Date,
            "Dernier jour de la période.",
            "(vide)",
        ),
        column(
            "Jours",
            "non (lun à ven)",
            18.0,
            Choices::Text,
            "Jours de la semaine concernés par la période, séparés par des virgules : \
             lun,mar,mer,jeu,ven,sam,dim. Vide : du lundi au vendredi.",
            "(vide)",
        ),
        column(
            "Creneau",
            "oui",
            12.0,
            Choices::Creneau,
            "journee, matin, midi, apres-midi ou soir ; un autre nom est possible avec Debut \
             et Fin.",
            "journee",
        ),
        column(
            "Debut",
            "non",
            8.0,
            Choices::Time,
            "Heure de début (hh:mm) si elle diffère de l'horaire standard du créneau ; sert \
             au seuil des 5 heures du périscolaire.",
            "(vide)",
        ),
        column(
            "Fin",
            "non",
            8.0,
            Choices::Time,
            "Heure de fin (hh:mm).",
            "(vide)",
        ),
        column(
            "Moins de 6 ans",
            "oui",
            10.0,
            Choices::Count,
            "Enfants de moins de 6 ans attendus au plus fort du créneau.",
            "32",
        ),
        column(
            "6 ans et plus",
            "oui",
            10.0,
            Choices::Count,
            "Enfants de 6 ans et plus attendus au plus fort du créneau.",
            "58",
        ),
        column(
            "Accompagnement renforce",
            "non (0)",
            17.0,
            Choices::Count,
            "Enfants qui ont chacun besoin d'un adulte dédié (choix local, en plus du taux \
             légal).",
            "1",
        ),
    ],
};

pub const ANIMATEURS: SheetSpec = SheetSpec {
    name: "Animateurs",
    purpose: "L'équipe : une ligne par personne qui peut travailler (animation ou direction).",
    columns: &[
        column(
            "Id",
            "oui",
            8.0,
            Choices::Text,
            "Identifiant unique de la personne ; on le reporte dans Disponibilites.",
            "A12",
        ),
        column(
            "Nom",
            "oui",
            16.0,
            Choices::Text,
            "Nom de famille.",
            "Martin",
        ),
        column("Prenom", "oui", 14.0, Choices::Text, "Prénom.", "Léa"),
        column(
            "Qualification",
            "oui",
            24.0,
            Choices::Qualification,
            "Diplôme ou statut : BAFA, stagiaire BAFA, sans qualification, BAFD, stagiaire \
             BAFD, BPJEPS LTP, DEJEPS… (liste complète plus bas).",
            "BAFA",
        ),
        column(
            "Contrat",
            "oui",
            10.0,
            Choices::Contrat,
            "CEE (contrat d'engagement éducatif), CDD, CDI ou titulaire.",
            "CEE",
        ),
        column(
            "Jours CEE 12 derniers mois",
            "non (0)",
            14.0,
            Choices::Count,
            "Jours déjà travaillés en CEE sur les 12 mois précédant la période (plafond de 80 \
             jours, CASF L432-4).",
            "12",
        ),
        column(
            "Cout journalier",
            "non",
            11.0,
            Choices::Euros,
            "Coût d'une journée travaillée, en euros ; vide : le coût par défaut de la feuille \
             Regles (70 €).",
            "65",
        ),
        column(
            "Date de naissance",
            "non",
            13.0,
            Choices::Date,
            "Pour les règles des moins de 18 ans (8 h par jour, 35 h par semaine, pas de jour \
             férié).",
            "14/03/2008",
        ),
        column(
            "Secteur",
            "non",
            16.0,
            Choices::Text,
            "Secteur de la personne : elle travaille dans les accueils de ce secteur.",
            "Saumur",
        ),
        column(
            "Accueils possibles",
            "non",
            24.0,
            Choices::Text,
            "Autres lieux possibles : codes d'accueil ou noms de secteur séparés par des \
             virgules, ou tous.",
            "ALSH-DOUE, Gennes",
        ),
        column(
            "Max jours",
            "non",
            10.0,
            Choices::Count,
            "Nombre maximal de jours travaillés sur la période (souhait de la personne).",
            "20",
        ),
    ],
};

pub const DISPONIBILITES: SheetSpec = SheetSpec {
    name: "Disponibilites",
    purpose: "Qui est disponible quand : une ligne par animateur, une colonne par date.",
    columns: &[column(
        "Id",
        "oui",
        10.0,
        Choices::AnimateurId,
        "Identifiant de l'animateur (feuille Animateurs). Ajoutez ensuite une colonne par date, \
         la date (jj/mm/aaaa) en en-tête, et un code par case : J, M, AM, S, ou vide.",
        "A12",
    )],
};

pub const REGLES: SheetSpec = SheetSpec {
    name: "Regles",
    purpose: "Facultative : un paramètre par ligne pour changer une valeur par défaut.",
    columns: &[
        column(
            "Parametre",
            "oui",
            44.0,
            Choices::Parameter,
            "Nom du paramètre, tel que listé plus bas.",
            "Methode ages mixtes",
        ),
        column(
            "Valeur",
            "oui",
            20.0,
            Choices::Text,
            "Nouvelle valeur.",
            "global",
        ),
    ],
};

pub const RECRUTEMENT: SheetSpec = SheetSpec {
    name: "Recrutement",
    purpose: "Facultative : les profils que l'on peut recruter en renfort, et à quel coût.",
    columns: &[
        column(
            "Qualification",
            "oui",
            24.0,
            Choices::Qualification,
            "Qualification du profil recherché.",
            "BAFA",
        ),
        column(
            "Secteur",
            "non (tous)",
            16.0,
            Choices::Text,
            "Secteur où le profil peut travailler ; vide ou tous : tous les secteurs.",
            "Saumur",
        ),
        column(
            "Cout journalier",
            "oui",
            11.0,
            Choices::Euros,
            "Coût d'une journée de la personne recrutée, en euros.",
            "85",
        ),
        column(
            "Cout fixe d'embauche",
            "non (Regles)",
            14.0,
            Choices::Euros,
            "Coût fixe d'une embauche (annonce, dossier, formation), en euros ; vide : le \
             paramètre Recrutement cout fixe de la feuille Regles (150 €).",
            "150",
        ),
        column(
            "Nombre maximum",
            "non (Regles)",
            12.0,
            Choices::Count,
            "Combien de personnes de ce profil le territoire peut fournir ; vide : le paramètre \
             Recrutement nombre maximum de la feuille Regles (30).",
            "6",
        ),
    ],
};

pub const CALENDRIER: SheetSpec = SheetSpec {
    name: "Calendrier",
    purpose: "Facultative : corrige ou complète le calendrier scolaire intégré (zone B, \
              septembre 2024 à août 2026), un jour par ligne.",
    columns: &[
        column(
            "Date",
            "oui",
            12.0,
            Choices::Date,
            "Le jour concerné (jj/mm/aaaa).",
            "01/09/2026",
        ),
        column(
            "Type",
            "oui",
            14.0,
            Choices::DayType,
            "ecole (périscolaire, comme chaque mercredi), vacances (extrascolaire) ou sans ecole \
             (jour de semaine sans classe hors vacances, comme un pont).",
            "ecole",
        ),
    ],
};

/// Every input sheet, in the order of the template.
pub const SHEETS: [SheetSpec; 7] = [
    ACCUEILS,
    PREVISIONS,
    ANIMATEURS,
    DISPONIBILITES,
    REGLES,
    RECRUTEMENT,
    CALENDRIER,
];

/// Codes of the `Disponibilites` grid and what they cover.
pub const AVAILABILITY_CODES: [(&str, &str); 5] = [
    ("J", "toute la journée : couvre tous les créneaux du jour"),
    (
        "M",
        "le matin : créneaux qui finissent au plus tard à 13h45",
    ),
    (
        "AM",
        "l'après-midi : créneaux qui commencent à partir de 11h45",
    ),
    ("S", "le soir : créneaux qui commencent à partir de 16h00"),
    (
        "(vide)",
        "indisponible ; une journee demande J, ou M et AM le même jour",
    ),
];

/// `Type` values of the `Calendrier` sheet.
pub const DAY_TYPES: [&str; 3] = ["ecole", "vacances", "sans ecole"];

/// Rows that carry a drop-down list or a validation in each data sheet.
const VALIDATED_ROWS: u32 = 1000;

/// Date columns of the `Disponibilites` grid that get a validation (more than a year of days).
const GRID_DATE_COLUMNS: u16 = 400;

/// The blank input workbook, ready to save.
pub fn template_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&fixed_properties("Modèle de classeur d'entrée acm-planner"));
    let styles = Styles::new();
    let lists = write_aide(workbook.add_worksheet(), &styles)?;
    for sheet in SHEETS {
        let worksheet = workbook.add_worksheet();
        write_header_sheet(worksheet, &sheet, &styles, &lists)?;
        if sheet.name == DISPONIBILITES.name {
            add_grid_validation(worksheet, &styles)?;
        }
    }
    Ok(workbook)
}

/// Document properties with a fixed creation date, so the same content gives the same bytes.
pub fn fixed_properties(title: &str) -> DocProperties {
    let created = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    DocProperties::new()
        .set_title(title)
        .set_author("acm-planner")
        .set_creation_datetime(&created)
}

/// The formats shared by the template sheets.
pub struct Styles {
    pub header: Format,
    pub title: Format,
    pub section: Format,
    pub wrap: Format,
    pub bold_wrap: Format,
    pub date: Format,
    pub time: Format,
}

impl Styles {
    pub fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin);
        Styles {
            header,
            title: Format::new().set_bold().set_font_size(16),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x2F5597)),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            time: Format::new().set_num_format("hh:mm"),
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

/// A data sheet with its bold frozen header row, widths, column formats and drop-down lists.
fn write_header_sheet(
    worksheet: &mut Worksheet,
    sheet: &SheetSpec,
    styles: &Styles,
    lists: &ListRanges,
) -> Result<(), XlsxError> {
    worksheet.set_name(sheet.name)?;
    worksheet.set_row_height(0, 34)?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    for (index, spec) in sheet.columns.iter().enumerate() {
        let col = column_number(index);
        worksheet.write_string_with_format(0, col, spec.header, &styles.header)?;
        worksheet.set_column_width(col, spec.width)?;
        match spec.choices {
            Choices::Date => {
                worksheet.set_column_format(col, &styles.date)?;
            }
            Choices::Time => {
                worksheet.set_column_format(col, &styles.time)?;
            }
            _ => {}
        }
        if let Some(validation) = validation_for(spec, lists)? {
            worksheet.add_data_validation(1, col, VALIDATED_ROWS, col, &validation)?;
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The `Disponibilites` grid: a date in each header cell after `Id`, a code in each cell below.
fn add_grid_validation(worksheet: &mut Worksheet, styles: &Styles) -> Result<(), XlsxError> {
    let first = column_number(1);
    let last = first.saturating_add(GRID_DATE_COLUMNS);
    let codes = DataValidation::new()
        .allow_list_strings(&["J", "M", "AM", "S"])?
        .set_input_title("Disponibilité")?
        .set_input_message(
            "J journée, M matin, AM après-midi, S soir ; laissez vide si la personne n'est pas \
             disponible.",
        )?
        .set_error_title("Code de disponibilité")?
        .set_error_message("Codes attendus : J, M, AM, S (ou une combinaison comme M+S).")?
        .set_error_style(DataValidationErrorStyle::Warning);
    worksheet.add_data_validation(1, first, VALIDATED_ROWS, last, &codes)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            date_or_default(2000, 1, 1),
            date_or_default(2100, 12, 31),
        ))
        .set_input_title("Date")?
        .set_input_message("Une date par colonne (jj/mm/aaaa), à partir de la colonne B.")?
        .set_error_title("Date attendue")?
        .set_error_message("Écrivez une date, par exemple 06/07/2026.")?;
    worksheet.add_data_validation(0, first, 0, last, &dates)?;
    worksheet.set_column_range_width(first, last, 11)?;
    for col in first..=last {
        worksheet.set_column_format(col, &styles.date)?;
    }
    worksheet.set_freeze_panes(1, 1)?;
    Ok(())
}

fn date_or_default(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The drop-down list or typed validation of a column, with its help as the input message.
fn validation_for(
    spec: &ColumnSpec,
    lists: &ListRanges,
) -> Result<Option<DataValidation>, XlsxError> {
    let validation = DataValidation::new();
    let validation = match spec.choices {
        Choices::Text => return Ok(None),
        Choices::OuiNon => validation.allow_list_strings(&["oui", "non"])?,
        Choices::AcmType => {
            validation.allow_list_strings(&AcmType::ALL.map(|kind| kind.label()))?
        }
        Choices::Contrat => validation.allow_list_strings(&Contrat::ALL.map(|c| c.label()))?,
        Choices::Creneau => {
            validation.allow_list_strings(&Creneau::STANDARD.map(|(label, _, _)| label))?
        }
        Choices::DayType => validation.allow_list_strings(&DAY_TYPES)?,
        Choices::Qualification => {
            validation.allow_list_formula(Formula::new(&lists.qualifications))
        }
        Choices::Parameter => validation.allow_list_formula(Formula::new(&lists.parameters)),
        Choices::AccueilCode => validation.allow_list_formula(Formula::new(format!(
            "={}!$A$2:$A${}",
            ACCUEILS.name,
            VALIDATED_ROWS + 1
        ))),
        Choices::AnimateurId => validation.allow_list_formula(Formula::new(format!(
            "={}!$A$2:$A${}",
            ANIMATEURS.name,
            VALIDATED_ROWS + 1
        ))),
        Choices::Date => validation.allow_date(DataValidationRule::Between(
            date_or_default(2000, 1, 1),
            date_or_default(2100, 12, 31),
        )),
        Choices::Time => validation.allow_time(DataValidationRule::Between(
            chrono::NaiveTime::MIN,
            chrono::NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default(),
        )),
        Choices::Count => validation.allow_whole_number(DataValidationRule::Between(0, 100_000)),
        Choices::Euros => {
            validation.allow_decimal_number(DataValidationRule::Between(0.0, 100_000.0))
        }
    };
    // Aliases and custom créneaux are accepted by the reader: warn, do not refuse.
    let validation = validation
        .set_input_title(truncate(spec.header, 32))?
        .set_input_message(truncate(spec.help, 255))?
        .set_error_title(truncate(spec.header, 32))?
        .set_error_message(truncate(&error_message(spec), 255))?
        .set_error_style(DataValidationErrorStyle::Warning);
    Ok(Some(validation))
}

fn error_message(spec: &ColumnSpec) -> String {
    match spec.choices {
        Choices::Date => "Date attendue (jj/mm/aaaa).".to_string(),
        Choices::Time => "Heure attendue (hh:mm).".to_string(),
        Choices::Count => "Nombre entier positif attendu.".to_string(),
        Choices::Euros => "Montant en euros attendu.".to_string(),
        Choices::Qualification => {
            "Qualification inconnue : choisissez dans la liste (voir la feuille Aide).".to_string()
        }
        Choices::AccueilCode => "Ce code n'est pas dans la feuille Accueils.".to_string(),
        Choices::AnimateurId => "Cet Id n'est pas dans la feuille Animateurs.".to_string(),
        Choices::Parameter => {
            "Paramètre inconnu : choisissez dans la liste (voir la feuille Aide).".to_string()
        }
        _ => format!(
            "Valeur inattendue pour « {} » : choisissez dans la liste.",
            spec.header
        ),
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// Cells of the `Aide` sheet that feed drop-down lists too long to write inline (Excel limits an
/// inline list to 255 characters).
struct ListRanges {
    /// Canonical qualification labels (`Animateurs` and `Recrutement`).
    qualifications: String,
    /// `Regles` parameter names.
    parameters: String,
}

fn aide_range(first_row: u32, last_row: u32) -> String {
    format!("=Aide!$A${}:$A${}", first_row + 1, last_row + 1)
}

/// Writes the `Aide` sheet; returns the ranges that feed the long drop-down lists.
fn write_aide(worksheet: &mut Worksheet, styles: &Styles) -> Result<ListRanges, XlsxError> {
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
         classeur.xlsx (planning et recrutement), acm-planner check classeur.xlsx --schedule \
         planning.xlsx (contrôle d'un planning).",
    ] {
        worksheet.merge_range(row, 0, row, 3, line, &styles.wrap)?;
        worksheet.set_row_height(row, 30)?;
        row += 1;
    }
    for sheet in SHEETS {
        row += 1;
        row = write_sheet_help(worksheet, styles, &sheet, row)?;
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
    for kind in AcmType::ALL {
        worksheet.write_string(row, 0, kind.label())?;
        worksheet.write_string(row, 1, "Accueils : Type")?;
        row += 1;
    }
    for contrat in Contrat::ALL {
        worksheet.write_string(row, 0, contrat.label())?;
        worksheet.write_string(row, 1, "Animateurs : Contrat")?;
        row += 1;
    }
    for day_type in DAY_TYPES {
        worksheet.write_string(row, 0, day_type)?;
        worksheet.write_string(row, 1, "Calendrier : Type")?;
        row += 1;
    }
    let first_qualification = row;
    for (label, category, director) in CANONICAL {
        worksheet.write_string(row, 0, *label)?;
        worksheet.write_string(row, 1, "Qualification")?;
        let may_direct = match director {
            crate::domain::DirectorLevel::None => "",
            crate::domain::DirectorLevel::NonProfessional => {
                " ; peut diriger (sauf accueil de plus de 80 jours et 80 mineurs)"
            }
            crate::domain::DirectorLevel::Professional => " ; peut diriger tout accueil",
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
        worksheet.write_string_with_format(row, 0, spec.header, &styles.bold_wrap)?;
        worksheet.write_string_with_format(row, 1, spec.required, &styles.wrap)?;
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
    let euros = |cents: crate::domain::Cents| cents.to_string();
    match normalize_key(name).as_str() {
        "methodeagesmixtes" => MixedAgePolicy::label(defaults.mixed_ages).to_string(),
        "joursansecolehorsvacances" => if defaults.unclear_weekday_periscolaire {
            "periscolaire"
        } else {
            "extrascolaire"
        }
        .to_string(),
        "tauxaccueildejeunes" => defaults.accueil_jeunes_ratio.to_string(),
        "coutjournalierpardefaut" => euros(defaults.default_daily_cost),
        "smichoraire" => euros(defaults.smic_horaire),
        "poidsmanquedirection" => defaults.weight_missing_director.to_string(),
        "poidsmanquequalifie" => defaults.weight_missing_qualified.to_string(),
        "poidsmanqueanimateur" => defaults.weight_missing_animateur.to_string(),
        "recrutementbafacoutjournalier" => euros(defaults.hire_daily_cost_bafa),
        "recrutementstagiairebafacoutjournalier" => euros(defaults.hire_daily_cost_stagiaire),
        "recrutementsansqualificationcoutjournalier" => {
            euros(defaults.hire_daily_cost_sans_qualification)
        }
        "recrutementbafdcoutjournalier" => euros(defaults.hire_daily_cost_bafd),
        "recrutementcoutfixe" => euros(defaults.hire_fixed_cost),
        "recrutementnombremaximum" => defaults.hire_max_per_profile.to_string(),
        _ => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_texts_quote_the_current_defaults() {
        let defaults = Parameters::default();
        assert_eq!(defaults.default_daily_cost, crate::domain::Cents::euros(70));
        assert_eq!(defaults.hire_fixed_cost, crate::domain::Cents::euros(150));
        assert_eq!(defaults.hire_max_per_profile, 30);
        let help = |sheet: &SheetSpec, header: &str| {
            sheet
                .columns
                .iter()
                .find(|c| c.header == header)
                .map(|c| c.help)
                .unwrap_or_default()
        };
        assert!(help(&ANIMATEURS, "Cout journalier").contains("(70 €)"));
        assert!(help(&RECRUTEMENT, "Cout fixe d'embauche").contains("(150 €)"));
        assert!(help(&RECRUTEMENT, "Nombre maximum").contains("(30)"));
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
        let lists = write_aide(workbook.add_worksheet(), &Styles::new()).expect("Aide");
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

    #[test]
    fn headers_follow_the_design() {
        assert_eq!(
            ACCUEILS.headers(),
            [
                "Code",
                "Nom",
                "Commune",
                "Type",
                "PEDT",
                "Capacite",
                "Jours d'ouverture par an",
                "Secteur",
                "Tous 14 ans et plus",
                "Derogation direction"
            ]
        );
        assert_eq!(RECRUTEMENT.headers().len(), 5);
    }
}
