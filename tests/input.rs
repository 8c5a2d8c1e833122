//! Input readers: small workbooks written with rust_xlsxwriter in a temp folder, read back with
//! `read_inputs` / `read_schedule`, and every error checked for file, sheet, row, column, value.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use acm_planner::domain::{
    AcmType, AnimationCategory, AvailabilityFlags, CalendarOverride, Cents, Contrat, Creneau,
    DayKind, DirectorLevel, Inputs, Minutes, Role,
};
use acm_planner::input::{Required, read_inputs, read_schedule};
use acm_planner::{Error, InputError};
use chrono::{NaiveDate, NaiveTime};
use rust_xlsxwriter::{Format, Workbook};

// ---------------------------------------------------------------------------------------------
// A small workbook builder.

#[derive(Debug, Clone)]
enum C {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Time(u32, u32),
    Empty,
}

impl From<&str> for C {
    fn from(text: &str) -> Self {
        if text.is_empty() {
            C::Empty
        } else {
            C::Text(text.to_string())
        }
    }
}

impl From<f64> for C {
    fn from(value: f64) -> Self {
        C::Num(value)
    }
}

impl From<i32> for C {
    fn from(value: i32) -> Self {
        C::Num(f64::from(value))
    }
}

impl From<NaiveDate> for C {
    fn from(date: NaiveDate) -> Self {
        C::Date(date)
    }
}

macro_rules! row {
    ($($cell:expr),* $(,)?) => { vec![$(C::from($cell)),*] };
}

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn time(hours: u32, minutes: u32) -> C {
    C::Time(hours, minutes)
}

#[derive(Debug, Clone, Default)]
struct Book {
    sheets: Vec<(String, Vec<Vec<C>>)>,
}

impl Book {
    fn new() -> Self {
        Book::default()
    }

    fn sheet(mut self, name: &str, rows: Vec<Vec<C>>) -> Self {
        self.sheets.push((name.to_string(), rows));
        self
    }

    fn without(mut self, name: &str) -> Self {
        self.sheets.retain(|(n, _)| n != name);
        self
    }

    fn rows(&mut self, name: &str) -> &mut Vec<Vec<C>> {
        let (_, rows) = self
            .sheets
            .iter_mut()
            .find(|(n, _)| n == name)
            .expect("sheet in the builder");
        rows
    }

    /// Adds a row at the end of a sheet.
    fn push(mut self, name: &str, row: Vec<C>) -> Self {
        self.rows(name).push(row);
        self
    }

    /// Sets the cell of spreadsheet row `row` (1-based) under header `column`.
    fn set(mut self, name: &str, row: usize, column: &str, value: impl Into<C>) -> Self {
        let rows = self.rows(name);
        let index = rows[0]
            .iter()
            .position(|c| matches!(c, C::Text(t) if t == column))
            .expect("column in the header");
        let cells = &mut rows[row - 1];
        if cells.len() <= index {
            cells.resize(index + 1, C::Empty);
        }
        cells[index] = value.into();
        self
    }

    fn save(&self, dir: &Path, file: &str) -> PathBuf {
        let path = dir.join(file);
        let mut workbook = Workbook::new();
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        let time_format = Format::new().set_num_format("hh:mm");
        for (name, rows) in &self.sheets {
            let sheet = workbook.add_worksheet();
            sheet.set_name(name).expect("sheet name");
            for (r, cells) in rows.iter().enumerate() {
                let r = u32::try_from(r).expect("row");
                for (c, cell) in cells.iter().enumerate() {
                    let c = u16::try_from(c).expect("column");
                    match cell {
                        C::Text(text) => sheet.write_string(r, c, text).map(|_| ()),
                        C::Num(value) => sheet.write_number(r, c, *value).map(|_| ()),
                        C::Date(date) => sheet
                            .write_datetime_with_format(r, c, date, &date_format)
                            .map(|_| ()),
                        C::Time(h, m) => {
                            let clock = NaiveTime::from_hms_opt(*h, *m, 0).expect("time");
                            sheet
                                .write_datetime_with_format(r, c, clock, &time_format)
                                .map(|_| ())
                        }
                        C::Empty => Ok(()),
                    }
                    .expect("cell written");
                }
            }
        }
        workbook.save(&path).expect("workbook saved");
        path
    }
}

/// A fresh folder under the system temp dir, unique per test and per run.
fn temp_folder(test: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "acm-planner-input-{}-{test}-{n}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

// ---------------------------------------------------------------------------------------------
// A complete valid input.

fn accueils() -> Vec<Vec<C>> {
    vec![
        row![
            "Code",
            "Nom",
            "Commune",
            "Type",
            "PEDT",
            "Capacité",
            "Jours d'ouverture par an",
            "Secteur",
            "Tous 14 ans et plus",
            "Dérogation direction",
            "Remarques"
        ],
        row![
            "ALSH-DOUE",
            "Accueil de loisirs de Doué",
            "Doué-en-Anjou",
            "accueil de loisirs",
            "non",
            60,
            200,
            "Doué",
            "",
            "",
            "colonne ignorée"
        ],
        row![
            "PERI-GENNES",
            "Périscolaire de Gennes",
            "Gennes",
            "Périscolaire",
            "oui",
            40,
            "",
            "Gennes",
            "",
            "x"
        ],
        row![
            "SEJ-MER",
            "Séjour à la mer",
            "Saint-Brevin",
            "séjour de vacances",
            "",
            24,
            "",
            "",
            "oui"
        ],
    ]
}

fn previsions() -> Vec<Vec<C>> {
    vec![
        row![
            "Accueil",
            "Date",
            "Du",
            "Au",
            "Jours",
            "Créneau",
            "Début",
            "Fin",
            "Moins de 6 ans",
            "6 ans et plus",
            "Accompagnement renforcé"
        ],
        // Thursday 3 to Tuesday 8 July: Monday to Friday → 3, 4, 7, 8.
        row![
            "ALSH-DOUE",
            "",
            d(2025, 7, 3),
            d(2025, 7, 8),
            "",
            "Journée",
            "",
            "",
            12,
            30.0,
            1
        ],
        row![
            "PERI-GENNES",
            "02/09/2025",
            "",
            "",
            "",
            "soir",
            "",
            "",
            8,
            20
        ],
        // Explicit times override the standard matin.
        vec![
            C::from("PERI-GENNES"),
            C::from(d(2025, 9, 2)),
            C::Empty,
            C::Empty,
            C::Empty,
            C::from("matin"),
            time(7, 30),
            C::from("08:45"),
            C::from(5),
            C::from(10),
        ],
        // A custom créneau with its times; the date as an Excel serial number (1 August 2025).
        row![
            "SEJ-MER", 45870, "", "", "", "veillée", "20h", "22h", 0, 24
        ],
        // Wednesday 9 to Wednesday 16 July, Mondays and Wednesdays → 9, 14, 16.
        row![
            "alsh-doue",
            "",
            "2025-07-09",
            "16/07/2025",
            "lun, mer",
            "matin",
            "",
            "",
            10,
            20
        ],
    ]
}

fn animateurs() -> Vec<Vec<C>> {
    vec![
        row![
            "Id",
            "Nom",
            "Prénom",
            "Qualification",
            "Contrat",
            "Jours CEE 12 derniers mois",
            "Coût journalier",
            "Date de naissance",
            "Secteur",
            "Accueils possibles",
            "Max jours"
        ],
        row![
            "A1",
            "Martin",
            "Léa",
            "B.A.F.A.",
            "CEE",
            12,
            "65,50",
            "12/03/2005",
            "Doué",
            "PERI-GENNES; gennes",
            20
        ],
        row!["A2", "Durand", "Tom", "BAFA en cours", "cee"],
        row![
            "A3",
            "Petit",
            "Zoé",
            "BPJEPS loisirs tous publics",
            "CDI",
            "",
            95,
            d(1990, 1, 31),
            "",
            "tous"
        ],
        row!["A4", "Leroy", "Max", "sans diplôme", "titulaire"],
    ]
}

fn disponibilites() -> Vec<Vec<C>> {
    vec![
        row!["Id", "Nom", d(2025, 7, 7), "08/07/2025", d(2025, 7, 9)],
        row!["A1", "Martin", "J", "M+S", ""],
        row!["A2", "Durand", "M/AM", "x", "AM"],
        row!["A3", "", "", "S", ""],
        row!["A4"],
    ]
}

fn regles() -> Vec<Vec<C>> {
    vec![
        row!["Paramètre", "Valeur"],
        row!["Coût journalier par défaut", 72],
    ]
}

fn recrutement() -> Vec<Vec<C>> {
    vec![
        row![
            "Qualification",
            "Secteur",
            "Coût journalier",
            "Coût fixe d'embauche",
            "Nombre maximum"
        ],
        row!["BAFA", "Doué", 85, 150, 3],
        row!["stagiaire BAFA", "", "70,00"],
    ]
}

fn calendrier() -> Vec<Vec<C>> {
    vec![
        row!["Date", "Du", "Au", "Type"],
        row!["2026-09-01", "", "", "école"],
        row!["", d(2026, 10, 17), d(2026, 10, 19), "vacances"],
    ]
}

fn complete() -> Book {
    Book::new()
        .sheet("Accueils", accueils())
        .sheet("Previsions", previsions())
        .sheet("Animateurs", animateurs())
        .sheet("Disponibilites", disponibilites())
        .sheet("Regles", regles())
        .sheet("Recrutement", recrutement())
        .sheet("Calendrier", calendrier())
}

fn read_ok(paths: &[PathBuf], required: Required) -> Inputs {
    match read_inputs(paths, required) {
        Ok(inputs) => inputs,
        Err(error) => panic!("expected valid inputs, got:\n{error}"),
    }
}

fn read_errors(paths: &[PathBuf], required: Required) -> Vec<InputError> {
    match read_inputs(paths, required) {
        Ok(_) => panic!("expected input errors"),
        Err(Error::Input(errors)) => errors,
        Err(other) => panic!("expected input errors, got {other}"),
    }
}

/// The one error whose message contains `needle`.
fn error_with<'a>(errors: &'a [InputError], needle: &str) -> &'a InputError {
    let found: Vec<&InputError> = errors.iter().filter(|e| e.message.contains(needle)).collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "expected exactly one error containing « {needle} », got:\n{}",
            errors
                .iter()
                .map(|e| format!("  - {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Asserts where an error points: file, sheet, row, column, value.
fn assert_at(
    error: &InputError,
    file: &Path,
    sheet: &str,
    row: u32,
    column: &str,
    value: Option<&str>,
) {
    assert_eq!(error.file, file.display().to_string(), "{error}");
    assert_eq!(error.sheet.as_deref(), Some(sheet), "{error}");
    assert_eq!(error.row, Some(row), "{error}");
    assert_eq!(error.column.as_deref(), Some(column), "{error}");
    assert_eq!(error.value.as_deref(), value, "{error}");
    // The rendered message says all of it.
    let text = error.to_string();
    assert!(text.contains(&format!("ligne {row}")), "{text}");
    assert!(text.contains(&format!("« {sheet} »")), "{text}");
    assert!(text.contains(&format!("colonne « {column} »")), "{text}");
}

fn flags(matin: bool, apres_midi: bool, soir: bool) -> AvailabilityFlags {
    AvailabilityFlags {
        matin,
        apres_midi,
        soir,
    }
}

// ---------------------------------------------------------------------------------------------
// Valid inputs.

#[test]
fn a_complete_workbook_is_read_with_its_values() {
    let dir = temp_folder("complete");
    let path = complete().save(&dir, "saumur.xlsx");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    assert_eq!(inputs.files, vec![path.display().to_string()]);

    // Accueils.
    assert_eq!(inputs.accueils.len(), 3);
    let doue = inputs.accueil("ALSH-DOUE").expect("ALSH-DOUE");
    assert_eq!(doue.kind, AcmType::AccueilLoisirs);
    assert_eq!(doue.capacite, 60);
    assert_eq!(doue.jours_ouverture, Some(200));
    assert_eq!(doue.secteur.as_deref(), Some("Doué"));
    assert!(!doue.pedt);
    assert_eq!(doue.source.row, 2);
    let gennes = inputs.accueil("PERI-GENNES").expect("PERI-GENNES");
    assert_eq!(gennes.kind, AcmType::Periscolaire);
    assert!(gennes.pedt && gennes.derogation_direction);
    let sejour = inputs.accueil("SEJ-MER").expect("SEJ-MER");
    assert_eq!(sejour.kind, AcmType::Sejour);
    assert!(sejour.tous_14_ans_et_plus);
    assert_eq!(sejour.secteur, None);

    // Previsions: the range skips the weekend; Jours picks Mondays and Wednesdays.
    let doue_days: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "journee")
        .map(|p| p.date)
        .collect();
    assert_eq!(
        doue_days,
        vec![d(2025, 7, 3), d(2025, 7, 4), d(2025, 7, 7), d(2025, 7, 8)]
    );
    let mornings: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "matin")
        .map(|p| p.date)
        .collect();
    assert_eq!(mornings, vec![d(2025, 7, 9), d(2025, 7, 14), d(2025, 7, 16)]);
    assert_eq!(inputs.previsions.len(), 4 + 2 + 1 + 3);
    let first = &inputs.previsions[0];
    assert_eq!((first.moins_de_6, first.six_et_plus, first.renforce), (12, 30, 1));
    assert_eq!(first.creneau, Creneau::standard("journee").expect("journee"));
    assert_eq!(first.source.row, 2);
    let matin = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "PERI-GENNES" && p.creneau.label == "matin")
        .expect("PERI-GENNES matin");
    assert_eq!(matin.date, d(2025, 9, 2));
    assert_eq!(
        (matin.creneau.start, matin.creneau.end),
        (Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    let soir = inputs
        .previsions
        .iter()
        .find(|p| p.creneau.label == "soir")
        .expect("soir");
    assert_eq!(
        (soir.date, soir.creneau.start, soir.creneau.end),
        (d(2025, 9, 2), Minutes::hm(16, 30), Minutes::hm(18, 30))
    );
    let veillee = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "SEJ-MER")
        .expect("SEJ-MER");
    assert_eq!(veillee.date, d(2025, 8, 1));
    assert_eq!(veillee.creneau.label, "veillée");
    assert_eq!(
        (veillee.creneau.start, veillee.creneau.end),
        (Minutes::hm(20, 0), Minutes::hm(22, 0))
    );

    // Animateurs.
    assert_eq!(inputs.animateurs.len(), 4);
    let lea = inputs.animateur("A1").expect("A1");
    assert_eq!(lea.full_name(), "Léa Martin");
    assert_eq!(lea.qualification.label, "BAFA");
    assert_eq!(lea.qualification.category, AnimationCategory::Qualified);
    assert_eq!(lea.contrat, Contrat::Cee);
    assert_eq!(lea.jours_cee_anterieurs, 12);
    assert_eq!(lea.cout_journalier, Some(Cents(6550)));
    assert_eq!(lea.date_naissance, Some(d(2005, 3, 12)));
    assert_eq!(lea.accueils_possibles, vec!["PERI-GENNES", "Gennes"]);
    assert_eq!(lea.max_jours, Some(20));
    let tom = inputs.animateur("A2").expect("A2");
    assert_eq!(tom.qualification.category, AnimationCategory::Trainee);
    assert_eq!(tom.jours_cee_anterieurs, 0);
    assert_eq!(tom.cout_journalier, None);
    let zoe = inputs.animateur("A3").expect("A3");
    assert_eq!(zoe.qualification.label, "BPJEPS LTP");
    assert_eq!(zoe.qualification.director, DirectorLevel::Professional);
    assert_eq!(zoe.contrat, Contrat::Cdi);
    assert_eq!(zoe.date_naissance, Some(d(1990, 1, 31)));
    assert_eq!(zoe.accueils_possibles, vec!["tous"]);
    let max = inputs.animateur("A4").expect("A4");
    assert_eq!(max.qualification.category, AnimationCategory::Unqualified);
    assert_eq!(max.contrat, Contrat::Titulaire);

    // Disponibilites grid.
    let availability = &inputs.disponibilites;
    assert_eq!(availability.flags("A1", d(2025, 7, 7)), AvailabilityFlags::JOURNEE);
    assert_eq!(availability.flags("A1", d(2025, 7, 8)), flags(true, false, true));
    assert!(availability.flags("A1", d(2025, 7, 9)).is_empty());
    assert_eq!(availability.flags("A2", d(2025, 7, 7)), flags(true, true, false));
    assert_eq!(availability.flags("A2", d(2025, 7, 8)), AvailabilityFlags::JOURNEE);
    assert_eq!(availability.flags("A3", d(2025, 7, 8)), flags(false, false, true));
    assert!(!availability.has_any("A4"));

    // Regles, Recrutement, Calendrier.
    assert_eq!(inputs.regles.len(), 1);
    assert_eq!(inputs.regles[0].0, "Coût journalier par défaut");
    assert_eq!(inputs.regles[0].1, "72");
    assert_eq!(inputs.regles[0].2.row, 2);
    assert_eq!(inputs.recrutement.len(), 2);
    let bafa = &inputs.recrutement[0];
    assert_eq!(bafa.qualification.label, "BAFA");
    assert_eq!(bafa.secteur.as_deref(), Some("Doué"));
    assert_eq!((bafa.cout_journalier, bafa.cout_fixe), (Cents(8500), Cents(15000)));
    assert_eq!(bafa.nombre_maximum, 3);
    let trainee = &inputs.recrutement[1];
    assert_eq!(trainee.qualification.category, AnimationCategory::Trainee);
    assert_eq!(trainee.secteur, None);
    // Defaults of the Regles parameters.
    assert_eq!((trainee.cout_fixe, trainee.nombre_maximum), (Cents(15000), 30));
    assert_eq!(
        inputs.calendrier,
        vec![
            CalendarOverride {
                date: d(2026, 9, 1),
                kind: DayKind::School
            },
            CalendarOverride {
                date: d(2026, 10, 17),
                kind: DayKind::Holiday
            },
            CalendarOverride {
                date: d(2026, 10, 18),
                kind: DayKind::Holiday
            },
            CalendarOverride {
                date: d(2026, 10, 19),
                kind: DayKind::Holiday
            },
        ]
    );
}

#[test]
fn sheets_are_found_in_whichever_file_has_them_under_english_names() {
    let dir = temp_folder("english");
    let sites = Book::new()
        .sheet(
            "SITES",
            vec![
                row!["code", "Name", "Town", "Type", "Capacity", "Sector"],
                row!["ALSH-A", "Alpha", "Angers", "ALSH", 30, "Nord"],
                row!["MC-B", "Camp", "Baugé", "mini camp", 12, "Nord"],
            ],
        )
        .sheet(
            "Forecast",
            vec![
                row!["Site", "From", "To", "Days", "Slot", "Start", "End", "Under 6", "6 and over"],
                row!["ALSH-A", "07/07/2025", "13/07/2025", "sat, sun", "après-midi", "", "", 4, 8],
                row!["MC-B", "08/07/2025", "08/07/2025", "", "Evening", "", "", 0, 12],
            ],
        )
        .save(&dir, "sites.xlsx");
    let staff = Book::new()
        .sheet(
            "Staff",
            vec![
                row![
                    "Id",
                    "Name",
                    "First name",
                    "Qualification",
                    "Contract",
                    "Daily cost",
                    "Birth date",
                    "Max days"
                ],
                row!["S1", "Doe", "Jo", "BAFD stagiaire", "CDD", "80", "2001-05-04", 10],
            ],
        )
        .sheet(
            "Availability",
            vec![
                row!["Staff", "Date", "Slot"],
                row!["S1", "12/07/2025", "afternoon"],
            ],
        )
        .save(&dir, "staff.xlsx");
    let inputs = read_ok(&[sites.clone(), staff.clone()], Required::ForecastsAndStaff);
    assert_eq!(
        inputs.files,
        vec![sites.display().to_string(), staff.display().to_string()]
    );
    assert_eq!(inputs.accueils.len(), 2);
    assert_eq!(inputs.accueils[1].kind, AcmType::MiniCamp);
    let weekend: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-A")
        .map(|p| p.date)
        .collect();
    assert_eq!(weekend, vec![d(2025, 7, 12), d(2025, 7, 13)]);
    assert_eq!(inputs.previsions[0].creneau.label, "apres-midi");
    assert_eq!(inputs.previsions[2].creneau.label, "soir");
    let jo = inputs.animateur("S1").expect("S1");
    assert_eq!(jo.qualification.label, "stagiaire BAFD");
    assert_eq!(jo.qualification.director, DirectorLevel::NonProfessional);
    assert_eq!(jo.contrat, Contrat::Cdd);
    assert_eq!(jo.cout_journalier, Some(Cents(8000)));
    assert_eq!(jo.max_jours, Some(10));
    assert_eq!(
        inputs.disponibilites.flags("S1", d(2025, 7, 12)),
        flags(false, true, false)
    );
}

#[test]
fn forecasts_alone_do_not_need_staff_sheets() {
    let dir = temp_folder("needs");
    let path = complete()
        .without("Animateurs")
        .without("Disponibilites")
        .save(&dir, "besoins.xlsx");
    let inputs = read_ok(&[path], Required::Forecasts);
    assert_eq!(inputs.accueils.len(), 3);
    assert!(inputs.animateurs.is_empty());
}

#[test]
fn dates_in_all_four_forms() {
    let dir = temp_folder("dates");
    let path = Book::new()
        .sheet("Accueils", accueils())
        .sheet(
            "Previsions",
            vec![
                row!["Accueil", "Date", "Creneau", "Moins de 6 ans", "6 ans et plus"],
                row!["ALSH-DOUE", d(2025, 7, 7), "matin", 1, 1],
                row!["ALSH-DOUE", 45846, "matin", 1, 1],
                row!["ALSH-DOUE", "09/07/2025", "matin", 1, 1],
                row!["ALSH-DOUE", "2025-07-10", "matin", 1, 1],
                row!["ALSH-DOUE", "1/8/2025", "matin", 1, 1],
            ],
        )
        .save(&dir, "dates.xlsx");
    let inputs = read_ok(&[path], Required::Forecasts);
    let dates: Vec<NaiveDate> = inputs.previsions.iter().map(|p| p.date).collect();
    assert_eq!(
        dates,
        vec![
            d(2025, 7, 7),
            d(2025, 7, 8),
            d(2025, 7, 9),
            d(2025, 7, 10),
            d(2025, 8, 1)
        ]
    );
}

#[test]
fn the_header_row_is_the_first_non_empty_row_and_empty_rows_are_skipped() {
    let dir = temp_folder("header");
    let mut accueils = accueils();
    accueils.insert(0, row![]);
    accueils.insert(0, row![]);
    accueils.insert(4, row!["", ""]);
    let path = complete()
        .without("Accueils")
        .sheet("Accueils", accueils)
        .save(&dir, "decale.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert_eq!(inputs.accueils.len(), 3);
    let rows: Vec<u32> = inputs.accueils.iter().map(|a| a.source.row).collect();
    assert_eq!(rows, vec![4, 6, 7]);
}

#[test]
fn the_ods_fixture_is_read() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.ods");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    assert_eq!(inputs.accueils.len(), 3);
    assert_eq!(
        inputs.accueil("PERI-GENNES").map(|a| (a.kind, a.pedt, a.capacite)),
        Some((AcmType::Periscolaire, true, 40))
    );
    // Date cells, text dates and serial numbers all come through LibreOffice.
    let doue_days: Vec<NaiveDate> = inputs
        .previsions
        .iter()
        .filter(|p| p.accueil == "ALSH-DOUE" && p.creneau.label == "journee")
        .map(|p| p.date)
        .collect();
    assert_eq!(
        doue_days,
        vec![d(2025, 7, 3), d(2025, 7, 4), d(2025, 7, 7), d(2025, 7, 8)]
    );
    let matin = inputs
        .previsions
        .iter()
        .find(|p| p.accueil == "PERI-GENNES" && p.creneau.label == "matin")
        .expect("PERI-GENNES matin");
    assert_eq!(
        (matin.date, matin.creneau.start, matin.creneau.end),
        (d(2025, 9, 2), Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    assert_eq!(
        inputs
            .previsions
            .iter()
            .find(|p| p.accueil == "SEJ-MER")
            .map(|p| p.date),
        Some(d(2025, 8, 1))
    );
    let zoe = inputs.animateur("A3").expect("A3");
    assert_eq!(zoe.date_naissance, Some(d(1990, 1, 31)));
    assert_eq!(zoe.cout_journalier, Some(Cents(9500)));
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert_eq!(inputs.calendrier.len(), 4);
}

/// Writes the xlsx `tests/data/minimal.ods` was made from; run with `--ignored`, then
/// `libreoffice --headless --convert-to ods --outdir tests/data tests/data/minimal.xlsx`.
#[test]
#[ignore]
fn write_the_source_of_the_ods_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    complete().save(&dir, "minimal.xlsx");
}
