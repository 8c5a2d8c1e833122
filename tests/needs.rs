//! `acm-planner needs`: the computed figures on hand-built inputs, the workbook read back with
//! calamine, and the binary on `fixtures/petit-accueil.xlsx`.

use std::path::{Path, PathBuf};
use std::process::Command;

use acm_planner::domain::{Accueil, AcmType, Creneau, Inputs, Prevision, SourceRef};
use acm_planner::problem::Problem;
use acm_planner::report::needs::{self, NeedsReport, RunOptions};
use acm_planner::rules::{MixedAgePolicy, Parameters};
use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::NaiveDate;

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, day).expect("valid date")
}

fn site(code: &str, nom: &str, capacite: u32, jours: u32) -> Accueil {
    Accueil {
        code: code.into(),
        nom: nom.into(),
        commune: "Saumur".into(),
        kind: AcmType::AccueilLoisirs,
        pedt: false,
        capacite,
        jours_ouverture: Some(jours),
        secteur: Some("Saumur Est".into()),
        tous_14_ans_et_plus: false,
        derogation_direction: false,
        source: SourceRef::default(),
    }
}

fn slot(code: &str, day: u32, creneau: &str, under_6: u32, six_and_over: u32) -> Prevision {
    Prevision {
        accueil: code.into(),
        date: july(day),
        creneau: Creneau::standard(creneau).expect("standard créneau"),
        moins_de_6: under_6,
        six_et_plus: six_and_over,
        renforce: 0,
        source: SourceRef::default(),
    }
}

const VARRAINS: &str = "ALSH-VARRAINS";
const DOUE: &str = "ALSH-DOUE";

/// The `petit-accueil` week: ALSH-VARRAINS, journee, Mon 6 → Fri 10 July 2026.
fn varrains_week() -> Vec<Prevision> {
    [
        (6, 12, 20),
        (7, 14, 22),
        (8, 9, 15),
        (9, 16, 24),
        (10, 8, 12),
    ]
    .into_iter()
    .map(|(day, u6, o6)| slot(VARRAINS, day, "journee", u6, o6))
    .collect()
}

/// Two ACM over two weeks:
/// - ALSH-VARRAINS (40 places, director counted): the `petit-accueil` week, N = 4, 4, 4, 4, 2.
/// - ALSH-DOUE (90 places, 120 days: director on top, professional diploma): Mon 6 July `matin`
///   20 + 30 (N 6) and `apres-midi` 30 + 40 with one child in accompagnement renforcé (N 8);
///   Tue 7 July closed (0 children); Mon 13 July `journee` 8 + 12 (N 2).
fn territory() -> Inputs {
    let mut renforce = slot(DOUE, 6, "apres-midi", 30, 40);
    renforce.renforce = 1;
    let mut previsions = vec![
        slot(DOUE, 13, "journee", 8, 12),
        renforce,
        slot(DOUE, 7, "journee", 0, 0),
        slot(DOUE, 6, "matin", 20, 30),
    ];
    // Out of order on purpose: the report sorts by ACM, date, créneau.
    previsions.splice(1..1, varrains_week().into_iter().rev());
    Inputs {
        accueils: vec![
            site(VARRAINS, "Accueil de loisirs de Varrains", 40, 60),
            site(DOUE, "Centre de loisirs de Doué", 90, 120),
        ],
        previsions,
        files: vec!["territoire.xlsx".into()],
        ..Inputs::default()
    }
}

fn problem(inputs: Inputs, parameters: Parameters) -> Problem {
    Problem::new(inputs, parameters).expect("dates in the calendar")
}

fn with_policy(policy: MixedAgePolicy) -> Parameters {
    Parameters {
        mixed_ages: policy,
        ..Parameters::default()
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acm-needs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

#[test]
fn slots_are_sorted_by_acm_date_and_creneau() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let order: Vec<(&str, u32, &str)> = report
        .slots
        .iter()
        .map(|s| {
            (
                s.accueil.code.as_str(),
                chrono::Datelike::day(&s.prevision.date),
                s.prevision.creneau.label.as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            (DOUE, 6, "matin"),
            (DOUE, 6, "apres-midi"),
            (DOUE, 7, "journee"),
            (DOUE, 13, "journee"),
            (VARRAINS, 6, "journee"),
            (VARRAINS, 7, "journee"),
            (VARRAINS, 8, "journee"),
            (VARRAINS, 9, "journee"),
            (VARRAINS, 10, "journee"),
        ]
    );
    let required: Vec<u32> = report.slots.iter().map(|s| s.required()).collect();
    assert_eq!(required, [6, 8, 0, 2, 4, 4, 4, 4, 2]);
    // N + renforcé + direction on top (Doué: 90 places, the director does not count).
    let adults: Vec<u32> = report.slots.iter().map(|s| s.total_adults).collect();
    assert_eq!(adults, [7, 10, 0, 3, 4, 4, 4, 4, 2]);
    // The three policies: par-tranche, global, strict.
    let by_policy: Vec<[u32; 3]> = report.slots.iter().map(|s| s.required_by_policy).collect();
    assert_eq!(
        by_policy,
        [
            [6, 5, 7],
            [8, 8, 9],
            [0, 0, 0],
            [2, 2, 3],
            [4, 4, 4],
            [4, 4, 5],
            [4, 3, 3],
            [4, 4, 5],
            [2, 2, 3],
        ]
    );
}

#[test]
fn each_acm_day_takes_its_peak_creneau() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let doue_monday = report
        .acm_days
        .iter()
        .find(|d| d.accueil.code == DOUE && d.date == july(6))
        .expect("Doué on Monday");
    assert_eq!(doue_monday.children_peak, 70);
    let need = doue_monday.need;
    assert_eq!(need.animateurs, 8);
    assert_eq!(need.qualified_min, 4);
    assert_eq!(need.unqualified_max, 1);
    assert_eq!(need.renforce, 1);
    assert_eq!(need.directors, 1);
    assert_eq!(need.professional_directors, 1);
    assert_eq!(need.total_adults, 10);
    assert_eq!(need.by_policy, [8, 8, 9]);
    let doue_closed = report
        .acm_days
        .iter()
        .find(|d| d.accueil.code == DOUE && d.date == july(7))
        .expect("Doué on Tuesday");
    assert!(!doue_closed.is_open());
    assert_eq!(doue_closed.need, needs::Staffing::default());
}

#[test]
fn territory_per_day() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let per_day: Vec<(u32, u32, u32, u32, u32)> = report
        .territory_days
        .iter()
        .map(|d| {
            (
                chrono::Datelike::day(&d.date),
                d.open_accueils,
                d.need.animateurs,
                d.need.directors,
                d.need.total_adults,
            )
        })
        .collect();
    assert_eq!(
        per_day,
        [
            (6, 2, 12, 2, 14),
            (7, 1, 4, 1, 4),
            (8, 1, 4, 1, 4),
            (9, 1, 4, 1, 4),
            (10, 1, 2, 1, 2),
            (13, 1, 2, 1, 3),
        ]
    );
    let monday = &report.territory_days[0];
    assert_eq!(monday.children_peak, 32 + 70);
    assert_eq!(monday.need.qualified_min, 2 + 4);
    assert_eq!(monday.need.unqualified_max, 1 + 1);
    let peak = report.peak_day().expect("a peak day");
    assert_eq!((peak.date, peak.need.animateurs), (july(6), 12));
}

#[test]
fn weeks_per_acm_and_territory() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    assert_eq!(report.weeks.len(), 2);
    let first = &report.weeks[0];
    assert_eq!(first.monday, july(6));
    let codes: Vec<&str> = first
        .accueils
        .iter()
        .map(|(a, _)| a.code.as_str())
        .collect();
    assert_eq!(codes, [DOUE, VARRAINS]);
    let varrains = &first.accueils[1].1;
    assert_eq!(varrains.open_days, 5);
    assert_eq!(varrains.peak_animateurs, 4);
    assert_eq!(varrains.days.animateurs, 18);
    assert_eq!(varrains.days.qualified_min, 9);
    assert_eq!(varrains.days.unqualified_max, 4);
    assert_eq!(varrains.days.directors, 5);
    assert_eq!(varrains.days.professional_directors, 0);
    assert_eq!(varrains.days.total_adults, 18);
    let doue = &first.accueils[0].1;
    assert_eq!(doue.open_days, 1);
    assert_eq!(doue.peak_animateurs, 8);
    assert_eq!(doue.days.animateurs, 8);
    assert_eq!(doue.days.professional_directors, 1);
    let territory = &first.territory;
    assert_eq!(territory.open_days, 5);
    assert_eq!(territory.peak_animateurs, 12);
    assert_eq!(territory.days.animateurs, 26);
    assert_eq!(territory.days.qualified_min, 13);
    assert_eq!(territory.days.unqualified_max, 5);
    assert_eq!(territory.days.directors, 6);
    assert_eq!(territory.days.professional_directors, 1);
    assert_eq!(territory.days.renforce, 1);
    assert_eq!(territory.days.total_adults, 28);
    let second = &report.weeks[1];
    assert_eq!(second.monday, july(13));
    assert_eq!(second.territory.days.animateurs, 2);
    assert_eq!(second.territory.days.total_adults, 3);
    let total = &report.total;
    assert_eq!(total.open_days, 6);
    assert_eq!(total.peak_animateurs, 12);
    assert_eq!(total.days.animateurs, 28);
    assert_eq!(total.days.qualified_min, 14);
    assert_eq!(total.days.directors, 7);
    assert_eq!(total.days.professional_directors, 2);
    assert_eq!(total.days.total_adults, 31);
}

#[test]
fn other_policies_are_compared() {
    let problem = problem(territory(), Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let differences: Vec<(MixedAgePolicy, u32, u32, i64)> = report
        .other_policies
        .iter()
        .map(|d| (d.policy, d.slots_more, d.slots_fewer, d.extra_days))
        .collect();
    assert_eq!(
        differences,
        [
            (MixedAgePolicy::Global, 0, 2, -1),
            (MixedAgePolicy::Strict, 6, 1, 4),
        ]
    );
}

#[test]
fn strict_policy_changes_n() {
    let problem = problem(territory(), with_policy(MixedAgePolicy::Strict));
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let varrains: Vec<u32> = report
        .slots
        .iter()
        .filter(|s| s.accueil.code == VARRAINS)
        .map(|s| s.required())
        .collect();
    assert_eq!(varrains, [4, 5, 3, 5, 3]);
    assert_eq!(report.total.days.animateurs, 32);
    let policies: Vec<MixedAgePolicy> = report.other_policies.iter().map(|d| d.policy).collect();
    assert_eq!(
        policies,
        [MixedAgePolicy::ParTranche, MixedAgePolicy::Global]
    );
}

#[test]
fn attendance_scales_the_counts_up() {
    let mut inputs = Inputs {
        accueils: vec![site(VARRAINS, "Varrains", 40, 60)],
        previsions: varrains_week(),
        ..Inputs::default()
    };
    inputs.scale_attendance(50);
    let monday = &inputs.previsions[0];
    assert_eq!((monday.moins_de_6, monday.six_et_plus), (18, 30));
    let wednesday = &inputs.previsions[2];
    assert_eq!((wednesday.moins_de_6, wednesday.six_et_plus), (14, 23)); // 13.5 and 22.5 up
    let problem = problem(inputs, Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    let required: Vec<u32> = report.slots.iter().map(|s| s.required()).collect();
    // 18/8 → 3 + 30/12 → 3; 21+33; 14+23; 24+36; 12+18.
    assert_eq!(required, [6, 6, 4, 6, 4]);
}

#[test]
fn summary_in_french() {
    let problem = problem(territory(), Parameters::default());
    let run = RunOptions {
        mixed_ages_from_command_line: false,
        attendance_percent: 10,
    };
    let report = NeedsReport::compute(&problem, run);
    let text = needs::summary(&report, Path::new("besoins.xlsx"));
    for expected in [
        "Fichiers lus : territoire.xlsx",
        "Accueils : 2 (2 avec des enfants attendus) ; lignes de prévision : 9",
        "Période : du lun. 06/07/2026 au lun. 13/07/2026 (6 jours d'ouverture)",
        "Méthode âges mixtes : par-tranche ; fréquentation +10 %",
        "Jour de pointe : lundi 6 juillet 2026 — 12 animateurs requis sur le territoire, 2 directeurs",
        "Journées-animateur : 28 (au moins 14 qualifiées, au plus 5 sans qualification)",
        "Journées de direction : 7 (dont 2 avec diplôme professionnel)",
        "Encadrement renforcé : 1 journée ; total journées-adultes : 31",
        "Méthode global : moins sur 2 créneaux (-1 journée-animateur)",
        "Méthode strict : plus d'animateurs sur 6 créneaux, moins sur 1 créneau (+4 journées-animateur)",
        "Classeur écrit : besoins.xlsx",
    ] {
        assert!(
            text.contains(expected),
            "missing « {expected} » in:\n{text}"
        );
    }
    assert!(text.lines().count() <= 12, "{text}");
}

#[test]
fn rules_sheet_says_where_each_value_came_from() {
    let source = SourceRef {
        file: "regles.xlsx".into(),
        sheet: "Regles".into(),
        row: 3,
    };
    let rows = vec![("SMIC horaire".to_string(), "12,02".to_string(), source)];
    let parameters = Parameters::from_rows(&rows).expect("valid rules");
    let run = RunOptions {
        mixed_ages_from_command_line: true,
        attendance_percent: 0,
    };
    let rules = needs::rule_rows(&parameters, &run, 0);
    let find = |name: &str| {
        rules
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("rule {name}"))
    };
    let smic = find("SMIC horaire");
    assert_eq!(smic.value, "12,02 €");
    assert_eq!(smic.origin, "feuille Regles (regles.xlsx, ligne 3)");
    assert!(smic.reference.contains("D432-2"), "{}", smic.reference);
    assert!(smic.reference.contains("51,69 €"), "{}", smic.reference);
    let mixed = find("Méthode âges mixtes");
    assert!(mixed.value.starts_with("par-tranche"));
    assert_eq!(mixed.origin, "ligne de commande (--mixed-ages)");
    assert_eq!(
        find("Coût journalier par défaut").origin,
        "valeur par défaut"
    );
    assert!(find("Sans qualification").reference.contains("R227-12"));
}

// ---------------------------------------------------------------------------------------------
// Workbook read back
// ---------------------------------------------------------------------------------------------

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("workbook opens");
    workbook
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn all_rows(range: &Range<Data>) -> Vec<Vec<Data>> {
    range.rows().map(|r| r.to_vec()).collect()
}

/// Index of the row whose first cells are exactly these texts.
fn header_index(rows: &[Vec<Data>], first: &str) -> usize {
    rows.iter()
        .position(|r| r.first().and_then(|c| c.get_string()) == Some(first))
        .unwrap_or_else(|| panic!("no row starting with {first}"))
}

fn column(header: &[Data], title: &str) -> usize {
    header
        .iter()
        .position(|c| c.get_string() == Some(title))
        .unwrap_or_else(|| panic!("no column {title} in {header:?}"))
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// The `Accueils` rows of one ACM: (date, value of `title`).
fn acm_column(path: &Path, code: &str, title: &str) -> Vec<(NaiveDate, Option<f64>)> {
    let range = sheet(path, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let header = &rows[0];
    let (date_col, value_col) = (column(header, "Date"), column(header, title));
    rows[1..]
        .iter()
        .filter(|r| r[0].get_string() == Some(code))
        .map(|r| {
            (
                r[date_col].as_date().expect("a real date cell"),
                number(&r[value_col]),
            )
        })
        .collect()
}

fn values(cells: &[(NaiveDate, Option<f64>)]) -> Vec<Option<u32>> {
    cells.iter().map(|(_, v)| v.map(|v| v as u32)).collect()
}

/// The `Semaines` row of `week_label` × `accueil` (or `Total territoire`), column `title`.
fn week_value(path: &Path, week_label: &str, accueil: &str, title: &str) -> f64 {
    let range = sheet(path, needs::SHEET_SEMAINES);
    let rows = all_rows(&range);
    let header_row = header_index(&rows, needs::COL_WEEK);
    let col = column(&rows[header_row], title);
    let row = rows
        .iter()
        .find(|r| r[0].get_string() == Some(week_label) && r[1].get_string() == Some(accueil))
        .unwrap_or_else(|| panic!("no row {week_label} × {accueil}"));
    number(&row[col]).expect("a number")
}

#[test]
fn workbook_reads_back() {
    let dir = temp_dir("workbook");
    let output = dir.join("besoins.xlsx");
    let mut inputs = territory();
    // User text that looks like a formula stays text.
    inputs.accueils[1].nom = "=SOMME(A1:A3)".into();
    let problem = problem(inputs, Parameters::default());
    let report = NeedsReport::compute(&problem, RunOptions::default());
    needs::write_workbook(&report, &output).expect("workbook written");

    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        required.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        (6..=10).map(july).collect::<Vec<_>>()
    );
    assert_eq!(
        values(&required),
        [Some(4); 4]
            .into_iter()
            .chain([Some(2)])
            .collect::<Vec<_>>()
    );
    let strict = acm_column(&output, VARRAINS, "Requis (strict)");
    assert_eq!(values(&strict), [None, Some(5), Some(3), Some(5), Some(3)]);
    let global = acm_column(&output, VARRAINS, "Requis (global)");
    assert_eq!(values(&global), [None, None, Some(3), None, None]);
    let qualified = acm_column(&output, VARRAINS, needs::COL_MIN_QUALIFIED);
    assert_eq!(
        values(&qualified),
        [Some(2), Some(2), Some(2), Some(2), Some(1)]
    );
    let unqualified = acm_column(&output, VARRAINS, needs::COL_MAX_UNQUALIFIED);
    assert_eq!(
        values(&unqualified),
        [Some(1), Some(1), Some(1), Some(1), Some(0)]
    );
    let adults = acm_column(&output, DOUE, "Total adultes");
    assert_eq!(values(&adults), [Some(7), Some(10), Some(0), Some(3)]);

    let range = sheet(&output, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let header = &rows[0];
    let doue = &rows[1];
    assert_eq!(
        doue[column(header, "Nom")].get_string(),
        Some("=SOMME(A1:A3)")
    );
    assert_eq!(doue[column(header, "Jour")].get_string(), Some("lundi"));
    assert_eq!(
        doue[column(header, "Taux appliqué")].get_string(),
        Some("1:8 / 1:12")
    );
    assert_eq!(
        doue[column(header, "Période")].get_string(),
        Some("extrascolaire")
    );
    assert_eq!(
        doue[column(header, "Article")].get_string(),
        Some("CASF R227-15")
    );
    assert_eq!(
        doue[column(header, needs::COL_DIRECTOR_COUNTED)].get_string(),
        Some("non")
    );
    assert_eq!(
        doue[column(header, "Directeur professionnel requis")].get_string(),
        Some("oui")
    );
    let varrains = &rows[5];
    assert_eq!(
        varrains[column(header, needs::COL_DIRECTOR_COUNTED)].get_string(),
        Some("oui")
    );
    assert_eq!(
        varrains[column(header, "Directeur professionnel requis")].get_string(),
        Some("non")
    );

    let week = "Semaine du lun. 06/07/2026";
    assert_eq!(
        week_value(&output, week, VARRAINS, needs::COL_ANIMATEUR_DAYS),
        18.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        26.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            "Pointe animateurs (même jour)"
        ),
        12.0
    );
    // What the other policies would ask for that week: 17 + 8 (global), 20 + 9 (strict).
    assert_eq!(
        week_value(&output, week, needs::TERRITORY_LABEL, "Journées (global)"),
        25.0
    );
    assert_eq!(
        week_value(&output, week, needs::TERRITORY_LABEL, "Journées (strict)"),
        29.0
    );
    assert_eq!(
        week_value(&output, week, VARRAINS, "Journées (strict)"),
        20.0
    );
    assert_eq!(
        week_value(
            &output,
            "Semaine du lun. 13/07/2026",
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        2.0
    );

    let range = sheet(&output, needs::SHEET_PAR_JOUR);
    let rows = all_rows(&range);
    let header_row = header_index(&rows, "Date");
    let required_col = column(&rows[header_row], needs::COL_DAY_REQUIRED);
    let per_day: Vec<(NaiveDate, f64)> = rows[header_row + 1..]
        .iter()
        .filter_map(|r| Some((r[0].as_date()?, number(&r[required_col])?)))
        .collect();
    assert_eq!(
        per_day,
        [
            (6, 12.0),
            (7, 4.0),
            (8, 4.0),
            (9, 4.0),
            (10, 2.0),
            (13, 2.0)
        ]
        .map(|(d, n)| (july(d), n))
    );
    let total = rows
        .iter()
        .find(|r| r[0].get_string() == Some(needs::PERIOD_LABEL))
        .expect("total row");
    assert_eq!(number(&total[required_col]), Some(28.0));

    let range = sheet(&output, needs::SHEET_REGLES);
    let rules = all_rows(&range);
    let mixed = rules
        .iter()
        .find(|r| r[0].get_string() == Some("Méthode âges mixtes"))
        .expect("mixed-age row");
    assert!(
        mixed[1]
            .get_string()
            .is_some_and(|v| v.starts_with("par-tranche"))
    );

    // The chart beside the per-day table.
    let bytes = std::fs::read(&output).expect("readable");
    assert!(
        bytes.windows(20).any(|w| w == b"xl/charts/chart1.xml"),
        "a chart in the workbook"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// The binary on fixtures/petit-accueil.xlsx (fixture and reader are built on other branches:
// these fail until they are merged).
// ---------------------------------------------------------------------------------------------

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/petit-accueil.xlsx")
}

fn run_needs(dir: &Path, extra: &[&str]) -> (std::process::Output, PathBuf) {
    let output = dir.join("besoins.xlsx");
    let result = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .arg("needs")
        .arg(fixture())
        .arg("-o")
        .arg(&output)
        .args(extra)
        .output()
        .expect("binary runs");
    (result, output)
}

fn assert_success(result: &std::process::Output) {
    assert!(
        result.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        result.status.code(),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn binary_on_petit_accueil() {
    let dir = temp_dir("petit-accueil");
    let (result, output) = run_needs(&dir, &[]);
    assert_success(&result);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(stdout.contains("Journées-animateur : 18"), "{stdout}");
    assert!(stdout.contains("besoins.xlsx"), "{stdout}");

    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        required.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        (6..=10).map(july).collect::<Vec<_>>()
    );
    assert_eq!(
        values(&required),
        [Some(4), Some(4), Some(4), Some(4), Some(2)]
    );
    let global = acm_column(&output, VARRAINS, "Requis (global)");
    assert_eq!(values(&global), [None, None, Some(3), None, None]);
    // Strict: 4, 5, 3, 5, 3 — shown where it differs from par-tranche (4, 4, 4, 4, 2).
    let strict = acm_column(&output, VARRAINS, "Requis (strict)");
    assert_eq!(values(&strict), [None, Some(5), Some(3), Some(5), Some(3)]);
    let qualified = acm_column(&output, VARRAINS, needs::COL_MIN_QUALIFIED);
    assert_eq!(
        values(&qualified),
        [Some(2), Some(2), Some(2), Some(2), Some(1)]
    );
    let unqualified = acm_column(&output, VARRAINS, needs::COL_MAX_UNQUALIFIED);
    assert_eq!(
        values(&unqualified),
        [Some(1), Some(1), Some(1), Some(1), Some(0)]
    );

    let range = sheet(&output, needs::SHEET_ACCUEILS);
    let rows = all_rows(&range);
    let counted = column(&rows[0], needs::COL_DIRECTOR_COUNTED);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[counted].get_string() == Some("oui"))
    );

    let week = "Semaine du lun. 06/07/2026";
    assert_eq!(
        week_value(&output, week, VARRAINS, needs::COL_ANIMATEUR_DAYS),
        18.0
    );
    assert_eq!(
        week_value(
            &output,
            week,
            needs::TERRITORY_LABEL,
            needs::COL_ANIMATEUR_DAYS
        ),
        18.0
    );

    // An existing output is not replaced without --force.
    let (again, _) = run_needs(&dir, &[]);
    assert_eq!(again.status.code(), Some(1));
    let (forced, _) = run_needs(&dir, &["--force"]);
    assert_success(&forced);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_mixed_ages_strict_changes_n() {
    let dir = temp_dir("strict");
    let (result, output) = run_needs(&dir, &["--mixed-ages", "strict"]);
    assert_success(&result);
    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        values(&required),
        [Some(4), Some(5), Some(3), Some(5), Some(3)]
    );
    let par_tranche = acm_column(&output, VARRAINS, "Requis (par-tranche)");
    assert_eq!(
        values(&par_tranche),
        [None, Some(4), Some(4), Some(4), Some(2)]
    );
    assert!(String::from_utf8_lossy(&result.stdout).contains("Journées-animateur : 20"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_attendance_scales_counts() {
    let dir = temp_dir("attendance");
    let (result, output) = run_needs(&dir, &["--attendance", "+50%"]);
    assert_success(&result);
    let under_6 = acm_column(&output, VARRAINS, "Moins de 6 ans");
    assert_eq!(under_6[0].1, Some(18.0));
    let over_6 = acm_column(&output, VARRAINS, "6 ans et plus");
    assert_eq!(over_6[0].1, Some(30.0));
    let required = acm_column(&output, VARRAINS, needs::COL_REQUIRED);
    assert_eq!(
        values(&required),
        [Some(6), Some(6), Some(4), Some(6), Some(4)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_rejects_a_bad_policy() {
    let dir = temp_dir("bad-policy");
    let (result, _) = run_needs(&dir, &["--mixed-ages", "moyenne"]);
    assert_eq!(result.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook without forecasts is bad input (exit 1), and no output is written.
#[test]
fn binary_without_forecasts_is_bad_input() {
    let dir = temp_dir("no-forecasts");
    let input = dir.join("vide.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let accueils = workbook.add_worksheet();
    accueils.set_name("Accueils").expect("sheet name");
    for (col, title) in ["Code", "Nom", "Commune", "Type", "Capacite"]
        .iter()
        .enumerate()
    {
        accueils
            .write_string(0, col as u16, *title)
            .expect("header written");
    }
    workbook.save(&input).expect("input written");
    let output = dir.join("besoins.xlsx");
    let result = Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .arg("needs")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .expect("binary runs");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr).to_lowercase();
    assert!(
        stderr.contains("prevision") || stderr.contains("prévision"),
        "{stderr}"
    );
    assert!(!output.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
