//! The law at its edges, through the binary on real workbooks: the answers are written from the
//! law (CASF R227-1, R227-14, R227-16, R227-17, R227-19), not from the program.

mod support;

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use support::{TempDir, run_binary, stderr};

/// A cell value as text or number.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}
use Cell::{Number as N, Text as T};

fn write_sheet(workbook: &mut Workbook, name: &str, rows: &[Vec<Cell>]) {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).expect("sheet name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(text) => sheet.write_string(r, c, *text),
                Cell::Number(value) => sheet.write_number(r, c, *value),
            }
            .expect("cell");
        }
    }
}

const ACCUEIL_HEADERS: [&str; 9] = [
    "Code",
    "Nom",
    "Commune",
    "Type",
    "PEDT",
    "Capacite",
    "Jours d'ouverture par an",
    "Secteur",
    "Tous 14 ans et plus",
];
const FORECAST_HEADERS: [&str; 7] = [
    "Accueil",
    "Date",
    "Creneau",
    "Debut",
    "Fin",
    "Moins de 6 ans",
    "6 ans et plus",
];

/// Writes an `Accueils` + `Previsions` workbook.
fn workbook(path: &Path, accueils: &[Vec<Cell>], forecasts: &[Vec<Cell>]) {
    workbook_with(path, accueils, forecasts, &[]);
}

/// [`workbook`], with more `Accueils` columns after the usual ones.
fn workbook_with(path: &Path, accueils: &[Vec<Cell>], forecasts: &[Vec<Cell>], more: &[&str]) {
    let mut workbook = Workbook::new();
    let mut rows = vec![
        ACCUEIL_HEADERS
            .iter()
            .chain(more)
            .map(|h| T(h))
            .collect::<Vec<_>>(),
    ];
    rows.extend(accueils.iter().cloned());
    write_sheet(&mut workbook, "Accueils", &rows);
    let mut rows = vec![FORECAST_HEADERS.iter().map(|h| T(h)).collect::<Vec<_>>()];
    rows.extend(forecasts.iter().cloned());
    write_sheet(&mut workbook, "Previsions", &rows);
    workbook.save(path).expect("workbook saved");
}

fn accueil<'a>(code: &'a str, kind: &'a str, capacite: f64, days: Cell<'a>) -> Vec<Cell<'a>> {
    vec![
        T(code),
        T("Accueil"),
        T("Saumur"),
        T(kind),
        T("non"),
        N(capacite),
        days,
        T("Saumur"),
        T("non"),
    ]
}

fn forecast<'a>(
    code: &'a str,
    date: &'a str,
    creneau: &'a str,
    times: (&'a str, &'a str),
    children: (f64, f64),
) -> Vec<Cell<'a>> {
    vec![
        T(code),
        T(date),
        T(creneau),
        T(times.0),
        T(times.1),
        N(children.0),
        N(children.1),
    ]
}

/// Runs `acm-planner needs INPUT -o OUTPUT`.
fn run_needs(input: &Path, output: &Path) -> std::process::Output {
    run_binary([
        "needs".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ])
}

/// `needs` on the workbook: the `Accueils` sheet of besoins.xlsx as (header → value) rows.
fn needs(dir: &TempDir, input: &Path) -> Vec<Vec<(String, String)>> {
    let output = dir.join("besoins.xlsx");
    let result = run_needs(input, &output);
    assert!(result.status.success(), "{}", stderr(&result));
    let mut book = open_workbook_auto(&output).expect("besoins opens");
    let range = book.worksheet_range("Accueils").expect("Accueils sheet");
    let mut rows = range.rows();
    let headers: Vec<String> = rows.next().expect("header").iter().map(text).collect();
    rows.map(|row| headers.iter().cloned().zip(row.iter().map(text)).collect())
        .collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn get<'a>(row: &'a [(String, String)], header: &str) -> &'a str {
    row.iter()
        .find(|(h, _)| h == header)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// R227-16: "plus de cinq heures consécutives" is the accueil's, not one créneau's. A school
/// Wednesday open 07:30–18:30 in three touching créneaux, 40 children aged 6+: 1:12, N = 4 on
/// each; with nobody at midday, two spans of 4 h 30 and 5 h: 1:14, N = 3.
#[test]
fn the_five_hours_are_the_accueils_continuous_span() {
    let dir = TempDir::new("law", "span");
    let input = dir.join("mercredi.xlsx");
    let wednesday = "08/10/2025";
    workbook(
        &input,
        &[
            accueil("ALSH-A", "accueil de loisirs", 40.0, N(150.0)),
            accueil("ALSH-B", "accueil de loisirs", 40.0, N(150.0)),
        ],
        &[
            forecast(
                "ALSH-A",
                wednesday,
                "matin",
                ("07:30", "12:00"),
                (0.0, 40.0),
            ),
            forecast("ALSH-A", wednesday, "midi", ("11:45", "13:45"), (0.0, 40.0)),
            forecast(
                "ALSH-A",
                wednesday,
                "apres-midi",
                ("13:30", "18:30"),
                (0.0, 40.0),
            ),
            forecast(
                "ALSH-B",
                wednesday,
                "matin",
                ("07:30", "12:00"),
                (0.0, 40.0),
            ),
            forecast(
                "ALSH-B",
                wednesday,
                "apres-midi",
                ("13:30", "18:30"),
                (0.0, 40.0),
            ),
        ],
    );
    let rows = needs(&dir, &input);
    let required: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                get(r, "Accueil"),
                get(r, "Créneau"),
                get(r, "Animateurs requis"),
            )
        })
        .collect();
    assert_eq!(
        required,
        vec![
            ("ALSH-A", "matin", "4"),
            ("ALSH-A", "midi", "4"),
            ("ALSH-A", "apres-midi", "4"),
            ("ALSH-B", "matin", "3"),
            ("ALSH-B", "apres-midi", "3"),
        ]
    );
}

/// R227-1 II: an accueil typed `periscolaire` on a Saturday without school is extrascolaire
/// that day (1:8 / 1:12): 10 under 6 and 14 aged 6+ need 2 + 2 = 4, not 1 + 1.
#[test]
fn the_day_kind_follows_the_date() {
    let dir = TempDir::new("law", "day-kind");
    let input = dir.join("samedi.xlsx");
    workbook(
        &input,
        &[accueil("PERI", "periscolaire", 40.0, N(150.0))],
        &[forecast(
            "PERI",
            "20/09/2025",
            "matin",
            ("08:30", "12:00"),
            (10.0, 14.0),
        )],
    );
    let rows = needs(&dir, &input);
    assert_eq!(get(&rows[0], "Animateurs requis"), "4");
    assert_eq!(get(&rows[0], "Période"), "extrascolaire");
}

/// More children than the declared Capacite: the director is counted up to 50 minors on the
/// larger number (arrêté 13/02/2007 art. 1 d), and the summary says so.
#[test]
fn more_children_than_declared_use_the_larger_number() {
    let dir = TempDir::new("law", "capacity");
    let input = dir.join("capacite.xlsx");
    workbook(
        &input,
        &[accueil("ALSH", "accueil de loisirs", 40.0, N(60.0))],
        &[
            forecast("ALSH", "15/07/2025", "journee", ("", ""), (0.0, 36.0)),
            forecast("ALSH", "16/07/2025", "journee", ("", ""), (0.0, 60.0)),
        ],
    );
    let output = dir.join("resume.xlsx");
    let result = run_needs(&input, &output);
    assert!(result.status.success(), "{}", stderr(&result));
    let summary = String::from_utf8_lossy(&result.stdout);
    assert!(
        summary.contains(
            "Attention : ALSH : jusqu'à 60 enfants prévus pour une capacité déclarée de 40 (1 jour \
             du 16/07/2025 au 16/07/2025"
        ),
        "{summary}"
    );
    let rows = needs(&dir, &input);
    let counted: Vec<&str> = rows
        .iter()
        .map(|r| get(r, "Directeur compté dans l'effectif"))
        .collect();
    assert_eq!(counted, vec!["oui", "non"]);
}

/// R227-14 III cannot be decided without the opening days: an accueil de loisirs for more than 80
/// minors with `Jours d'ouverture par an` empty is refused, naming that column.
#[test]
fn the_80_80_rule_needs_the_opening_days() {
    let dir = TempDir::new("law", "80-80");
    let input = dir.join("grand.xlsx");
    workbook(
        &input,
        &[accueil("GRAND", "accueil de loisirs", 100.0, T(""))],
        &[forecast(
            "GRAND",
            "15/07/2025",
            "journee",
            ("", ""),
            (0.0, 36.0),
        )],
    );
    let output = dir.join("besoins.xlsx");
    let result = run_needs(&input, &output);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains(
            "feuille « Accueils », ligne 2, colonne « Jours d'ouverture par an » : accueil GRAND : \
             100 places déclarées, plus de 80 mineurs"
        ),
        "{}",
        stderr(&result)
    );
    assert!(!output.exists());
}

/// A séjour declared for minors all aged 14 or more cannot receive children under 6.
#[test]
fn a_teen_sejour_with_young_children_is_refused() {
    let dir = TempDir::new("law", "teens");
    let input = dir.join("sejour.xlsx");
    let mut teens = accueil("SEJ", "sejour", 20.0, N(10.0));
    teens[8] = T("oui");
    workbook(
        &input,
        &[teens],
        &[forecast(
            "SEJ",
            "15/07/2025",
            "journee",
            ("", ""),
            (3.0, 15.0),
        )],
    );
    let result = run_needs(&input, &dir.join("besoins.xlsx"));
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("colonne « Moins de 6 ans » : valeur « 3 » — le séjour SEJ est déclaré « Tous 14 ans et plus »"),
        "{}",
        stderr(&result)
    );
}

/// R227-19 III: an accueil de jeunes has a qualified référent (its qualified quota, at least
/// one), and no director.
#[test]
fn an_accueil_de_jeunes_has_no_director() {
    let dir = TempDir::new("law", "jeunes");
    let input = dir.join("jeunes.xlsx");
    workbook(
        &input,
        &[accueil("AJ", "accueil de jeunes", 30.0, N(100.0))],
        &[forecast(
            "AJ",
            "15/07/2025",
            "apres-midi",
            ("", ""),
            (0.0, 20.0),
        )],
    );
    let rows = needs(&dir, &input);
    assert_eq!(get(&rows[0], "Animateurs requis"), "2"); // 20 at 1:12
    assert_eq!(get(&rows[0], "Qualifiés minimum"), "1");
    assert_eq!(get(&rows[0], "Direction (directeur + adjoints)"), "0");
}

/// A mini-camp is an activité accessoire of an accueil de loisirs (CASF R227-1): `Rattache a`
/// names its parent, whose director directs it, so it needs its own team (2 at least, R227-17)
/// but no director; a mini-camp without a parent is refused.
#[test]
fn a_mini_camp_is_directed_by_its_parents_director() {
    let dir = TempDir::new("law", "mini-camp");
    let with_parent = dir.join("mini-camp.xlsx");
    let mut camp = accueil("MC", "mini-camp", 12.0, N(10.0));
    camp.push(T("ALSH"));
    let mut parent = accueil("ALSH", "accueil de loisirs", 40.0, N(60.0));
    parent.push(T(""));
    workbook_with(
        &with_parent,
        &[parent.clone(), camp],
        &[forecast(
            "MC",
            "15/07/2025",
            "journee",
            ("", ""),
            (0.0, 10.0),
        )],
        &["Rattache a"],
    );
    let rows = needs(&dir, &with_parent);
    assert_eq!(get(&rows[0], "Animateurs requis"), "2");
    assert_eq!(get(&rows[0], "Direction (directeur + adjoints)"), "0");

    let orphan = dir.join("orphelin.xlsx");
    let mut camp = accueil("MC", "mini-camp", 12.0, N(10.0));
    camp.push(T(""));
    workbook_with(
        &orphan,
        &[parent, camp],
        &[forecast(
            "MC",
            "15/07/2025",
            "journee",
            ("", ""),
            (0.0, 10.0),
        )],
        &["Rattache a"],
    );
    let result = run_needs(&orphan, &dir.join("orphelin-besoins.xlsx"));
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains(
            "ligne 3, colonne « Rattache a » : le mini-camp MC n'est rattaché à aucun accueil"
        ),
        "{}",
        stderr(&result)
    );
}
