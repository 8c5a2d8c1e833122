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
        let header = rows
            .iter()
            .find(|cells| cells.iter().any(|c| !matches!(c, C::Empty)))
            .expect("header row");
        let index = header
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

/// A fresh folder under the system temp dir, unique per test and per run, removed when dropped.
struct TempFolder(PathBuf);

impl std::ops::Deref for TempFolder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_folder(test: &str) -> TempFolder {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "acm-planner-input-{}-{test}-{n}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp folder");
    TempFolder(dir)
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
        row!["SEJ-MER", 45870, "", "", "", "veillée", "20h", "22h", 0, 24],
        // Wednesday 9 to Wednesday 16 July, Mondays and Wednesdays → 9, 14, 16; 14 July, a
        // public holiday, is left out of the range (with a remark).
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
        row!["stagiaire BAFA", "tous", "70,00"],
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
    let found: Vec<&InputError> = errors
        .iter()
        .filter(|e| e.message.contains(needle))
        .collect();
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
    assert_eq!(mornings, vec![d(2025, 7, 9), d(2025, 7, 16)]);
    let holidays: Vec<&str> = inputs
        .remarks
        .iter()
        .filter(|r| r.kind == acm_planner::domain::RemarkKind::HolidaysLeftOut)
        .map(|r| r.message.as_str())
        .collect();
    assert_eq!(holidays.len(), 1, "{:?}", inputs.remarks);
    assert!(
        holidays[0].contains("14/07/2025 (Fête nationale)"),
        "{}",
        holidays[0]
    );
    assert_eq!(inputs.previsions.len(), 4 + 2 + 1 + 2);
    let first = &inputs.previsions[0];
    assert_eq!(
        (first.moins_de_6, first.six_et_plus, first.renforce),
        (12, 30, 1)
    );
    assert_eq!(
        first.creneau,
        Creneau::standard("journee").expect("journee")
    );
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
    assert_eq!(
        availability.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert!(availability.flags("A1", d(2025, 7, 9)).is_empty());
    assert_eq!(
        availability.flags("A2", d(2025, 7, 7)),
        flags(true, true, false)
    );
    assert_eq!(
        availability.flags("A2", d(2025, 7, 8)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A3", d(2025, 7, 8)),
        flags(false, false, true)
    );
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
    assert_eq!(
        (bafa.cout_journalier, bafa.cout_fixe),
        (Cents(8500), Cents(15000))
    );
    assert_eq!(bafa.nombre_maximum, 3);
    let trainee = &inputs.recrutement[1];
    assert_eq!(trainee.qualification.category, AnimationCategory::Trainee);
    assert_eq!(trainee.secteur, None);
    // Defaults of the Regles parameters.
    assert_eq!(
        (trainee.cout_fixe, trainee.nombre_maximum),
        (Cents(15000), 30)
    );
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
                row![
                    "Site",
                    "From",
                    "To",
                    "Days",
                    "Slot",
                    "Start",
                    "End",
                    "Under 6",
                    "6 and over"
                ],
                row![
                    "ALSH-A",
                    "07/07/2025",
                    "13/07/2025",
                    "sat, sun",
                    "après-midi",
                    "",
                    "",
                    4,
                    8
                ],
                row![
                    "MC-B",
                    "08/07/2025",
                    "08/07/2025",
                    "",
                    "Evening",
                    "",
                    "",
                    0,
                    12
                ],
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
                row![
                    "S1",
                    "Doe",
                    "Jo",
                    "BAFD stagiaire",
                    "CDD",
                    "80",
                    "2001-05-04",
                    10
                ],
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
fn a_note_in_parentheses_after_a_header_is_ignored() {
    let dir = temp_folder("header-notes");
    let path = complete()
        .set("Accueils", 1, "Capacité", "Capacité (places)")
        .set("Animateurs", 1, "Coût journalier", "Coût journalier (€)")
        .save(&dir, "notes.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert_eq!(inputs.accueil("ALSH-DOUE").map(|a| a.capacite), Some(60));
    assert_eq!(
        inputs.animateur("A1").and_then(|a| a.cout_journalier),
        Some(Cents(6550))
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
                row![
                    "Accueil",
                    "Date",
                    "Creneau",
                    "Moins de 6 ans",
                    "6 ans et plus"
                ],
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
        inputs
            .accueil("PERI-GENNES")
            .map(|a| (a.kind, a.pedt, a.capacite)),
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

// ---------------------------------------------------------------------------------------------
// Every error names file, sheet, row, column and value.

fn errors_of(book: Book, test: &str) -> (PathBuf, Vec<InputError>) {
    let dir = temp_folder(test);
    let path = book.save(&dir, "entree.xlsx");
    let errors = read_errors(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    (path, errors)
}

#[test]
fn a_missing_required_sheet_names_the_sheet_and_the_files_searched() {
    let dir = temp_folder("missing-sheet");
    let first = complete().without("Previsions").save(&dir, "a.xlsx");
    let second = Book::new()
        .sheet("Notes", vec![row!["rien"]])
        .save(&dir, "b.xlsx");
    let errors = read_errors(&[first.clone(), second.clone()], Required::Forecasts);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.sheet.as_deref(), Some("Previsions"));
    assert_eq!(error.row, None);
    let text = error.to_string();
    assert!(text.contains(&first.display().to_string()), "{text}");
    assert!(text.contains(&second.display().to_string()), "{text}");
    assert!(text.contains("introuvable"), "{text}");
    assert!(text.contains("Forecast"), "{text}");

    // Staff sheets are required only for plan and check.
    let staffless = complete().without("Disponibilites").save(&dir, "c.xlsx");
    assert!(read_inputs(std::slice::from_ref(&staffless), Required::Forecasts).is_ok());
    let errors = read_errors(&[staffless], Required::ForecastsAndStaff);
    let error = error_with(&errors, "introuvable");
    assert_eq!(error.sheet.as_deref(), Some("Disponibilites"));
}

#[test]
fn a_missing_required_column_names_the_column_the_sheet_and_the_header_row() {
    let mut accueils = accueils();
    accueils.insert(0, row![]);
    let book = complete()
        .without("Accueils")
        .sheet("Accueils", accueils)
        .set("Accueils", 2, "Capacité", "Places");
    let (path, errors) = errors_of(book, "missing-column");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "introuvable");
    assert_at(error, &path, "Accueils", 2, "Capacite", None);
    assert!(error.message.contains("(ligne 2)"), "{error}");
    assert!(error.message.contains("Places"), "{error}");
}

#[test]
fn a_duplicate_acm_code_names_both_rows() {
    let book = complete().push(
        "Accueils",
        row!["alsh-doue", "Doublon", "Doué", "ALSH", "", 20],
    );
    let (path, errors) = errors_of(book, "duplicate-acm");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Accueils", 5, "Code", Some("alsh-doue"));
    assert!(error.message.contains("ligne 2"), "{error}");
}

#[test]
fn a_duplicate_animateur_id_names_both_rows() {
    let book = complete().push("Animateurs", row!["a1", "Autre", "Léa", "BAFA", "CEE"]);
    let (path, errors) = errors_of(book, "duplicate-id");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Animateurs", 6, "Id", Some("a1"));
    assert!(error.message.contains("ligne 2"), "{error}");
}

#[test]
fn a_forecast_for_an_unknown_acm_is_an_error() {
    let book = complete().set("Previsions", 3, "Accueil", "ALSH-XXX");
    let (path, errors) = errors_of(book, "unknown-acm");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "accueil inconnu");
    assert_at(error, &path, "Previsions", 3, "Accueil", Some("ALSH-XXX"));
}

#[test]
fn an_unknown_qualification_lists_the_accepted_values() {
    let book = complete().set("Animateurs", 3, "Qualification", "BAFX");
    let (path, errors) = errors_of(book, "qualification");
    let error = error_with(&errors, "qualification inconnue");
    assert_at(error, &path, "Animateurs", 3, "Qualification", Some("BAFX"));
    for accepted in [
        "BAFA",
        "stagiaire BAFA",
        "sans qualification",
        "BAFD",
        "DEJEPS",
        "CAP AEPE",
    ] {
        assert!(error.message.contains(accepted), "{accepted}: {error}");
    }
}

#[test]
fn an_unknown_contract_lists_the_accepted_values() {
    let book = complete().set("Animateurs", 4, "Contrat", "stage");
    let (path, errors) = errors_of(book, "contract");
    let error = error_with(&errors, "contrat inconnu");
    assert_at(error, &path, "Animateurs", 4, "Contrat", Some("stage"));
    assert!(
        error.message.contains("CEE, CDD, CDI, titulaire"),
        "{error}"
    );
}

#[test]
fn counts_must_be_non_negative_whole_numbers() {
    let book = complete().set("Previsions", 2, "Moins de 6 ans", 12.5).set(
        "Previsions",
        3,
        "6 ans et plus",
        -3,
    );
    let (path, errors) = errors_of(book, "counts");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(
        &errors[0],
        &path,
        "Previsions",
        2,
        "Moins de 6 ans",
        Some("12.5"),
    );
    assert_at(
        &errors[1],
        &path,
        "Previsions",
        3,
        "6 ans et plus",
        Some("-3"),
    );
    assert!(errors[0].message.contains("nombre entier positif ou nul"));
}

#[test]
fn an_unreadable_date_is_an_error() {
    let book = complete().set("Previsions", 3, "Date", "31/02/2025");
    let (path, errors) = errors_of(book, "date");
    let error = error_with(&errors, "date attendue");
    assert_at(error, &path, "Previsions", 3, "Date", Some("31/02/2025"));
}

#[test]
fn date_ranges_and_weekdays_are_checked() {
    let book = complete().set("Previsions", 2, "Au", "01/07/2025").set(
        "Previsions",
        6,
        "Jours",
        "lun, fête",
    );
    let (path, errors) = errors_of(book, "range");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 2, "Au", Some("01/07/2025"));
    assert!(
        errors[0].message.contains("avant son début"),
        "{}",
        errors[0]
    );
    assert_at(
        &errors[1],
        &path,
        "Previsions",
        6,
        "Jours",
        Some("lun, fête"),
    );
    assert!(errors[1].message.contains("lun, mar, mer"), "{}", errors[1]);
}

#[test]
fn a_range_needs_both_du_and_au() {
    let book = complete().without("Previsions").sheet(
        "Previsions",
        vec![
            row![
                "Accueil",
                "Date",
                "Au",
                "Creneau",
                "Moins de 6 ans",
                "6 ans et plus"
            ],
            row!["ALSH-DOUE", "07/07/2025", "", "matin", 1, 1],
            row!["ALSH-DOUE", "", "11/07/2025", "matin", 1, 1],
            row!["ALSH-DOUE", "", "", "soir", 1, 1],
        ],
    );
    let (path, errors) = errors_of(book, "du-au");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 3, "Du", None);
    assert!(errors[0].message.contains("absente"), "{}", errors[0]);
    assert_at(&errors[1], &path, "Previsions", 4, "Date", None);
    assert!(
        errors[1].message.contains("date manquante"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_custom_creneau_needs_its_times() {
    let book = complete().set("Previsions", 5, "Fin", "");
    let (path, errors) = errors_of(book, "custom-creneau");
    let error = error_with(&errors, "non standard");
    assert_at(error, &path, "Previsions", 5, "Fin", None);
    assert!(error.message.contains("veillée"), "{error}");
}

#[test]
fn times_are_checked() {
    let book = complete()
        .set("Previsions", 4, "Début", "8h75")
        .set("Previsions", 5, "Fin", "19h");
    let (path, errors) = errors_of(book, "times");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Previsions", 4, "Début", Some("8h75"));
    assert!(
        errors[0].message.contains("heure attendue"),
        "{}",
        errors[0]
    );
    assert_at(&errors[1], &path, "Previsions", 5, "Fin", Some("19h"));
    assert!(
        errors[1].message.contains("après l'heure de début (20:00)"),
        "{}",
        errors[1]
    );
}

#[test]
fn two_forecasts_for_the_same_slot_name_both_rows() {
    let book = complete().push(
        "Previsions",
        row![
            "PERI-GENNES",
            d(2025, 9, 2),
            "",
            "",
            "",
            "Soir",
            "",
            "",
            3,
            3
        ],
    );
    let (path, errors) = errors_of(book, "duplicate-forecast");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "en double");
    assert_at(error, &path, "Previsions", 7, "Créneau", Some("Soir"));
    assert!(error.message.contains("ligne 3"), "{error}");
    assert!(error.message.contains("02/09/2025"), "{error}");
}

#[test]
fn acm_type_and_booleans_are_checked() {
    let book =
        complete()
            .set("Accueils", 2, "Type", "crèche")
            .set("Accueils", 3, "PEDT", "peut-être");
    let (path, errors) = errors_of(book, "type-bool");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], &path, "Accueils", 2, "Type", Some("crèche"));
    assert!(
        errors[0]
            .message
            .contains("accueil de loisirs, extrascolaire, periscolaire")
    );
    assert_at(&errors[1], &path, "Accueils", 3, "PEDT", Some("peut-être"));
    assert!(errors[1].message.contains("oui ou non"));
}

#[test]
fn an_unknown_availability_code_lists_the_accepted_codes() {
    let book = complete().set("Disponibilites", 2, "08/07/2025", "peut-être");
    let (path, errors) = errors_of(book, "availability-code");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "disponibilité attendue");
    assert_at(
        error,
        &path,
        "Disponibilites",
        2,
        "08/07/2025",
        Some("peut-être"),
    );
    assert!(
        error
            .message
            .contains("J (journée), M (matin), AM (après-midi), S (soir)")
    );
}

#[test]
fn an_unknown_animateur_in_the_availability_is_an_error() {
    let book = complete().push("Disponibilites", row!["Z9", "Inconnu", "J"]);
    let (path, errors) = errors_of(book, "availability-id");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "animateur inconnu");
    assert_at(error, &path, "Disponibilites", 6, "Id", Some("Z9"));
}

#[test]
fn an_animateur_without_availability_is_an_error_on_its_row() {
    let mut grid = disponibilites();
    grid.pop();
    let book = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", grid);
    let (path, errors) = errors_of(book, "no-availability");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "aucune disponibilité");
    assert_at(error, &path, "Animateurs", 5, "Id", Some("A4"));
}

#[test]
fn accueils_possibles_must_name_known_acm_or_sectors() {
    let book = complete().set(
        "Animateurs",
        2,
        "Accueils possibles",
        "PERI-GENNES, Nulle part",
    );
    let (path, errors) = errors_of(book, "possibles");
    let error = error_with(&errors, "accueil ou secteur inconnu");
    assert_at(
        error,
        &path,
        "Animateurs",
        2,
        "Accueils possibles",
        Some("PERI-GENNES, Nulle part"),
    );
    assert!(error.message.contains("« Nulle part »"), "{error}");
}

#[test]
fn regles_recrutement_and_calendrier_rows_are_checked() {
    let book = complete()
        .push("Regles", row!["Taux magique", "3"])
        .set("Recrutement", 2, "Coût journalier", "beaucoup")
        .set("Calendrier", 2, "Type", "férié chômé");
    let (path, errors) = errors_of(book, "optional-sheets");
    assert_eq!(errors.len(), 3, "{errors:?}");
    let regle = error_with(&errors, "paramètre « Taux magique » inconnu");
    assert_at(regle, &path, "Regles", 3, "Valeur", Some("3"));
    let cout = error_with(&errors, "montant en euros");
    assert_at(
        cout,
        &path,
        "Recrutement",
        2,
        "Coût journalier",
        Some("beaucoup"),
    );
    let jour = error_with(&errors, "type de jour inconnu");
    assert_at(jour, &path, "Calendrier", 2, "Type", Some("férié chômé"));
}

#[test]
fn a_sheet_in_two_files_is_an_error() {
    let dir = temp_folder("two-files");
    let first = complete().save(&dir, "a.xlsx");
    let second = Book::new().sheet("Rules", regles()).save(&dir, "b.xlsx");
    let errors = read_errors(
        &[first.clone(), second.clone()],
        Required::ForecastsAndStaff,
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.file, second.display().to_string());
    assert_eq!(error.sheet.as_deref(), Some("Rules"));
    assert!(
        error.message.contains(&first.display().to_string()),
        "{error}"
    );
}

#[test]
fn an_unreadable_file_is_an_error() {
    let dir = temp_folder("unreadable");
    let path = dir.join("pas-un-classeur.xlsx");
    std::fs::write(&path, "ceci n'est pas un classeur").expect("file written");
    let errors = read_errors(std::slice::from_ref(&path), Required::Forecasts);
    // The sheets it should hold are not reported missing on top of it.
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = error_with(&errors, "n'est pas un classeur .xlsx lisible");
    assert_eq!(error.file, path.display().to_string());
    assert!(!error.message.contains("Zip"), "{error}");
}

#[test]
fn every_error_of_a_file_is_reported_in_sheet_and_row_order() {
    let book = complete()
        .set("Animateurs", 3, "Qualification", "BAFX")
        .set("Previsions", 4, "Créneau", "")
        .set("Accueils", 4, "Capacité", "beaucoup")
        .set("Previsions", 2, "Accueil", "NULLE-PART")
        .set("Disponibilites", 3, "08/07/2025", "?");
    let (path, errors) = errors_of(book, "several");
    let places: Vec<(String, u32, String)> = errors
        .iter()
        .map(|e| {
            assert_eq!(e.file, path.display().to_string());
            (
                e.sheet.clone().unwrap_or_default(),
                e.row.unwrap_or_default(),
                e.column.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("Accueils", 4, "Capacité"),
        ("Previsions", 2, "Accueil"),
        ("Previsions", 4, "Créneau"),
        ("Animateurs", 3, "Qualification"),
        ("Disponibilites", 3, "08/07/2025"),
    ];
    let expected: Vec<(String, u32, String)> = expected
        .iter()
        .map(|(s, r, c)| (s.to_string(), *r, c.to_string()))
        .collect();
    assert_eq!(places, expected);
    let rendered = Error::Input(errors).to_string();
    assert!(
        rendered.starts_with("5 erreurs dans les fichiers d'entrée"),
        "{rendered}"
    );
}

// ---------------------------------------------------------------------------------------------
// Availability as a long table.

#[test]
fn availability_as_a_long_table() {
    let long = vec![
        row!["Animateur", "Date", "Créneau", "Commentaire"],
        row!["A1", d(2025, 7, 7), "journée"],
        row!["A1", "08/07/2025", "matin"],
        row!["A1", "08/07/2025", "soir"],
        row!["a2", "2025-07-08", "midi"],
        row!["A3", "09/07/2025", "après-midi"],
        row!["A4", "10/07/2025", "S"],
    ];
    let dir = temp_folder("long");
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", long.clone())
        .save(&dir, "long.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    let availability = &inputs.disponibilites;
    assert_eq!(
        availability.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
    assert_eq!(
        availability.flags("A1", d(2025, 7, 8)),
        flags(true, false, true)
    );
    assert_eq!(
        availability.flags("A2", d(2025, 7, 8)),
        flags(true, false, false)
    );
    assert_eq!(
        availability.flags("A3", d(2025, 7, 9)),
        flags(false, true, false)
    );
    assert_eq!(
        availability.flags("A4", d(2025, 7, 10)),
        flags(false, false, true)
    );

    let book = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", long)
        .set("Disponibilites", 3, "Créneau", "nuit")
        .set("Disponibilites", 4, "Animateur", "Z9");
    let (path, errors) = errors_of(book, "long-errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(
        &errors[0],
        &path,
        "Disponibilites",
        3,
        "Créneau",
        Some("nuit"),
    );
    assert_at(
        &errors[1],
        &path,
        "Disponibilites",
        4,
        "Animateur",
        Some("Z9"),
    );
}

#[test]
fn weekday_and_totals_lines_around_the_availability_grid_are_ignored() {
    let dir = temp_folder("totals");
    let mut grid = disponibilites();
    grid.insert(1, row!["", "", "lun.", "mar.", "mer."]);
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", grid)
        .push("Disponibilites", row!["Total", "", 2, 3, 1])
        .save(&dir, "totaux.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    assert!(!inputs.disponibilites.has_any("Total"));
    assert_eq!(
        inputs.disponibilites.flags("A1", d(2025, 7, 7)),
        AvailabilityFlags::JOURNEE
    );
}

#[test]
fn availability_as_a_long_table_of_ranges() {
    let ranges = vec![
        row!["Animateur", "Du", "Au", "Jours", "Disponibilité"],
        row!["A1", d(2025, 7, 7), d(2025, 7, 13), "", "J"],
        row!["A2", "07/07/2025", "13/07/2025", "sam", "matin"],
        row!["A3", "08/07/2025", "08/07/2025", "", "M+S"],
        row!["A4", "09/07/2025", "09/07/2025", "", "soir"],
    ];
    let dir = temp_folder("long-ranges");
    let path = complete()
        .without("Disponibilites")
        .sheet("Disponibilites", ranges)
        .save(&dir, "plages.xlsx");
    let inputs = read_ok(&[path], Required::ForecastsAndStaff);
    let a1: Vec<NaiveDate> = inputs
        .disponibilites
        .by_person_date
        .keys()
        .filter(|(id, _)| id == "A1")
        .map(|(_, date)| *date)
        .collect();
    assert_eq!(
        a1,
        vec![
            d(2025, 7, 7),
            d(2025, 7, 8),
            d(2025, 7, 9),
            d(2025, 7, 10),
            d(2025, 7, 11)
        ]
    );
    assert_eq!(
        inputs.disponibilites.flags("A2", d(2025, 7, 12)),
        flags(true, false, false)
    );
    assert!(inputs.disponibilites.flags("A2", d(2025, 7, 11)).is_empty());
    assert_eq!(
        inputs.disponibilites.flags("A3", d(2025, 7, 8)),
        flags(true, false, true)
    );
}

// ---------------------------------------------------------------------------------------------
// Schedules for `check`.

fn complete_inputs(test: &str) -> (TempFolder, Inputs) {
    let dir = temp_folder(test);
    let path = complete().save(&dir, "entree.xlsx");
    let inputs = read_ok(std::slice::from_ref(&path), Required::ForecastsAndStaff);
    (dir, inputs)
}

#[test]
fn a_schedule_is_read_from_the_affectations_sheet() {
    let (dir, inputs) = complete_inputs("schedule-long");
    let path = Book::new()
        .sheet(
            "Affectations",
            vec![
                row![
                    "Animateur",
                    "Nom",
                    "Accueil",
                    "Date",
                    "Créneau",
                    "Rôle",
                    "Note"
                ],
                row!["A1", "Léa Martin", "peri-gennes", "02/09/2025", "Matin", ""],
                row![
                    "A3",
                    "Zoé Petit",
                    "ALSH-DOUE",
                    d(2025, 7, 7),
                    "journée",
                    "directrice"
                ],
                row!["A9", "", "INCONNU", "2025-07-08", "afternoon", "animation"],
                row!["A1", "", "SEJ-MER", "01/08/2025", "veillée", "adjoint"],
            ],
        )
        .save(&dir, "planning.xlsx");
    let affectations = read_schedule(&path, &inputs).expect("schedule");
    assert_eq!(affectations.len(), 4);
    let first = &affectations[0];
    assert_eq!(
        (first.animateur.as_str(), first.accueil.as_str()),
        ("A1", "PERI-GENNES")
    );
    assert_eq!(first.date, d(2025, 9, 2));
    // The forecast's own times for that matin, not the standard ones.
    assert_eq!(
        (
            first.creneau.label.as_str(),
            first.creneau.start,
            first.creneau.end
        ),
        ("matin", Minutes::hm(7, 30), Minutes::hm(8, 45))
    );
    assert_eq!(first.role, Role::Animation);
    let source = first.source.as_ref().expect("source");
    assert_eq!((source.sheet.as_str(), source.row), ("Affectations", 2));
    assert_eq!(source.file, path.display().to_string());
    assert_eq!(affectations[1].role, Role::Direction);
    assert_eq!(
        affectations[1].creneau,
        Creneau::standard("journee").expect("journee")
    );
    // Unknown references are kept for the audit.
    assert_eq!(affectations[2].animateur, "A9");
    assert_eq!(affectations[2].accueil, "INCONNU");
    assert_eq!(affectations[2].creneau.label, "apres-midi");
    assert_eq!(affectations[3].creneau.start, Minutes::hm(20, 0));
    assert_eq!(affectations[3].role, Role::Direction);
}

#[test]
fn a_schedule_is_read_from_an_animateurs_grid() {
    let (dir, inputs) = complete_inputs("schedule-grid");
    let path = Book::new()
        .sheet(
            "Animateurs",
            vec![
                row![
                    "Id",
                    "Nom",
                    d(2025, 7, 7),
                    "mar. 02/09/2025",
                    d(2025, 7, 20),
                    "Jours"
                ],
                row!["A1", "Martin", "ALSH-DOUE", "PERI-GENNES (D)", "", 2],
                row!["A2", "Durand", "", "", "ALSH-DOUE (direction)", 1],
                row!["A3", "Petit", "", "", "", 0],
                row!["Total", "", 1, 1, 1, 3],
            ],
        )
        .save(&dir, "grille.xlsx");
    let affectations = read_schedule(&path, &inputs).expect("schedule");
    let summary: Vec<(&str, &str, NaiveDate, &str, Role)> = affectations
        .iter()
        .map(|a| {
            (
                a.animateur.as_str(),
                a.accueil.as_str(),
                a.date,
                a.creneau.label.as_str(),
                a.role,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("A1", "ALSH-DOUE", d(2025, 7, 7), "journee", Role::Animation),
            ("A1", "PERI-GENNES", d(2025, 9, 2), "soir", Role::Direction),
            ("A1", "PERI-GENNES", d(2025, 9, 2), "matin", Role::Direction),
            // No forecast that Sunday: one journee, for the audit to report.
            (
                "A2",
                "ALSH-DOUE",
                d(2025, 7, 20),
                "journee",
                Role::Direction
            ),
        ]
    );
    assert_eq!(affectations[2].creneau.start, Minutes::hm(7, 30));
    assert_eq!(affectations[0].source.as_ref().map(|s| s.row), Some(2));
}

#[test]
fn unreadable_schedule_cells_are_errors() {
    let (dir, inputs) = complete_inputs("schedule-errors");
    let path = Book::new()
        .sheet(
            "Schedule",
            vec![
                row!["Staff", "Site", "Date", "Slot", "Role"],
                row!["A1", "ALSH-DOUE", "07/13/2025", "matin", ""],
                row!["A1", "ALSH-DOUE", "07/07/2025", "goûter", ""],
                row!["A1", "ALSH-DOUE", "07/07/2025", "matin", "cuisinier"],
            ],
        )
        .save(&dir, "planning.xlsx");
    let errors = match read_schedule(&path, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_at(&errors[0], &path, "Schedule", 2, "Date", Some("07/13/2025"));
    assert_at(&errors[1], &path, "Schedule", 3, "Slot", Some("goûter"));
    assert_at(&errors[2], &path, "Schedule", 4, "Role", Some("cuisinier"));

    let grid = Book::new()
        .sheet(
            "Animateurs",
            vec![row!["Id", d(2025, 7, 7)], row!["A1", "ALSH-DOUE (chef)"]],
        )
        .save(&dir, "grille.xlsx");
    let errors = match read_schedule(&grid, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_at(
        &errors[0],
        &grid,
        "Animateurs",
        2,
        "07/07/2025",
        Some("ALSH-DOUE (chef)"),
    );

    let empty = Book::new()
        .sheet("Notes", vec![row!["x"]])
        .save(&dir, "vide.xlsx");
    let errors = match read_schedule(&empty, &inputs) {
        Err(Error::Input(errors)) => errors,
        other => panic!("expected input errors, got {other:?}"),
    };
    assert!(errors[0].message.contains("aucun planning"), "{errors:?}");
}
