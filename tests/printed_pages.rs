//! The pages a director prints, from a workbook as she writes it: several créneaux a day
//! (`Accueil matin` 07:30–09:00, the day 09:00–17:00, `Accueil soir` 17:00–18:30), two days of
//! the Christmas holidays and the Wednesdays of January. `plan` and `check` run through the
//! binary; the cells are read back with calamine, row heights, breaks and print scales from
//! the sheets' XML.

mod support;
mod workbooks;

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use support::xlsx_xml;
use support::{run_binary, stderr};
use workbooks::{Book, C, Folder, Sheet, d};

/// The créneaux of each open day, with their hours.
const CRENEAUX: [(&str, &str, &str); 3] = [
    ("Accueil matin", "07:30", "09:00"),
    ("journee", "09:00", "17:00"),
    ("Accueil soir", "17:00", "18:30"),
];

/// One accueil de loisirs open 22 and 23 December 2025 (holidays) and the four Wednesdays of
/// January 2026, three créneaux a day; a BAFD director and three animateurs, available every
/// day: the plan staffs every créneau.
fn three_creneaux() -> Book {
    let days = [
        d(2025, 12, 22),
        d(2025, 12, 23),
        d(2026, 1, 7),
        d(2026, 1, 14),
        d(2026, 1, 21),
        d(2026, 1, 28),
    ];
    let mut previsions = vec![cells![
        "Accueil",
        "Date",
        "Creneau",
        "Debut",
        "Fin",
        "Moins de 6 ans",
        "6 ans et plus"
    ]];
    for day in days {
        for (label, start, end) in CRENEAUX {
            previsions.push(cells!["ALSH-A", day, label, start, end, 8, 14]);
        }
    }
    let mut availability = vec![cells!["Id"]];
    availability[0].extend(days.iter().map(|day| C::from(*day)));
    for id in ["A1", "A2", "A3", "A4"] {
        let mut row = cells![id];
        row.extend(days.iter().map(|_| C::from("J")));
        availability.push(row);
    }
    Book::new(vec![
        Sheet::new(
            "Accueils",
            vec![
                cells!["Code", "Nom", "Commune", "Type", "Capacite"],
                cells!["ALSH-A", "Les Lutins", "Varrains", "accueil de loisirs", 40],
            ],
        ),
        Sheet::new("Previsions", previsions),
        Sheet::new(
            "Animateurs",
            vec![
                cells![
                    "Id",
                    "Nom",
                    "Prenom",
                    "Qualification",
                    "Contrat",
                    "Telephone"
                ],
                // A CEE: the director's day of 11 hours is within her limits.
                cells!["A1", "Martin", "Léa", "BAFD", "CEE", "06 11 22 33 44"],
                cells!["A2", "Bernard", "Hugo", "BAFA", "CDI", ""],
                cells!["A3", "Petit", "Chloé", "BAFA", "CDI", ""],
                cells!["A4", "Roux", "Emma", "stagiaire BAFA", "CDI", ""],
            ],
        ),
        Sheet::new("Disponibilites", availability),
    ])
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("workbook opens");
    workbook.worksheet_range(name).expect("sheet exists")
}

fn text(range: &Range<Data>, row: usize, col: usize) -> String {
    range
        .get((row, col))
        .map(|cell| cell.to_string())
        .unwrap_or_default()
}

/// The XML of the sheet called `name`.
fn sheet_xml(path: &Path, name: &str) -> String {
    let bytes = std::fs::read(path).expect("workbook bytes");
    let index = xlsx_xml::sheet_names(&bytes)
        .iter()
        .position(|n| n == name)
        .expect("sheet in the workbook");
    xlsx_xml::part(&bytes, &format!("xl/worksheets/sheet{}.xml", index + 1)).expect("sheet part")
}

/// The value of `attribute` in an XML tag's text.
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    tag.split(&format!(" {attribute}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
}

/// Row (0-based) → height in points, for the rows given one.
fn row_heights(xml: &str) -> BTreeMap<usize, f64> {
    xml.split("<row ")
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next()?;
            let row: usize = attribute(&format!(" {tag}"), "r")?.parse().ok()?;
            let height: f64 = attribute(&format!(" {tag}"), "ht")?.parse().ok()?;
            Some((row - 1, height))
        })
        .collect()
}

/// The breaks of `<rowBreaks>` or `<colBreaks>` (`kind`), as the row or column before which
/// each page starts.
fn breaks(xml: &str, kind: &str) -> Vec<u32> {
    let Some(part) = xml.split(&format!("<{kind}")).nth(1) else {
        return Vec::new();
    };
    let part = part.split(&format!("</{kind}>")).next().unwrap_or_default();
    part.split("<brk ")
        .skip(1)
        .filter_map(|tag| attribute(&format!(" {tag}"), "id")?.parse().ok())
        .collect()
}

/// Asserts that every row of a sheet is at least as tall as its cells' line breaks need (15
/// points a line).
fn assert_rows_fit_their_lines(range: &Range<Data>, xml: &str, name: &str) {
    let heights = row_heights(xml);
    let (first_row, _) = range.start().expect("cells");
    for (offset, cells) in range.rows().enumerate() {
        let row = first_row as usize + offset;
        let lines = cells
            .iter()
            .map(|cell| cell.to_string().lines().count())
            .max()
            .unwrap_or(1);
        if lines > 1 {
            let height = heights.get(&row).copied().unwrap_or(15.0);
            // Heights are written in whole pixels (0.75 point).
            assert!(
                height >= 15.0 * lines as f64 - 0.75,
                "{name}, row {}: {height} points for {lines} lines ({cells:?})",
                row + 1
            );
        }
    }
}

/// Plans the workbook into a folder; returns the folder (kept while in use) and the plan.
fn planned(test: &str) -> (Folder, std::path::PathBuf) {
    let folder = Folder::new("printed", test);
    let input = three_creneaux().save(&folder.join("accueil.xlsx"));
    let output = folder.join("planning.xlsx");
    let run = run_binary([
        "plan".as_ref(),
        input.as_os_str(),
        "--no-recruit".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    (folder, output)
}

#[test]
fn several_creneaux_a_day_print_whole_on_the_wall() {
    let (_folder, output) = planned("par-accueil");
    let range = sheet(&output, "Planning par accueil");
    let xml = sheet_xml(&output, "Planning par accueil");
    assert_eq!(
        text(&range, 0, 0),
        "ALSH-A — Les Lutins\nsemaine du lundi 22/12 au mardi 23/12/2025"
    );
    // The director's day is one stretch, 07:30 to 18:30, as she would write it.
    let director = (0..range.height())
        .find(|row| text(&range, *row, 0) == "Martin Léa")
        .expect("the director's row");
    assert_eq!(text(&range, director, 2), "direction\n07:30–18:30");
    assert_rows_fit_their_lines(&range, &xml, "Planning par accueil");
    // The title of each block has room for its two lines (14-point bold).
    let heights = row_heights(&xml);
    for row in (0..range.height()).filter(|r| text(&range, *r, 0).starts_with("ALSH-A — ")) {
        // 40 points, written in whole pixels (39.75).
        assert!(
            heights.get(&row).copied().unwrap_or(15.0) >= 39.0,
            "row {row}"
        );
    }
}

#[test]
fn a_month_of_wednesdays_is_one_page() {
    let (_folder, output) = planned("mercredis");
    let range = sheet(&output, "Planning par accueil");
    let titles: Vec<(usize, String)> = (0..range.height())
        .map(|row| (row, text(&range, row, 0)))
        .filter(|(_, title)| title.starts_with("ALSH-A — "))
        .collect();
    let words: Vec<&str> = titles
        .iter()
        .map(|(_, t)| t.lines().nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        words,
        [
            "semaine du lundi 22/12 au mardi 23/12/2025",
            "mercredis du 07/01 au 28/01/2026"
        ]
    );
    let (wednesdays, _) = titles[1];
    let days: Vec<String> = (2..6)
        .map(|col| text(&range, wednesdays + 1, col))
        .collect();
    assert_eq!(
        days,
        [
            "mercredi\n07/01",
            "mercredi\n14/01",
            "mercredi\n21/01",
            "mercredi\n28/01"
        ]
    );
    // Two pages: the break is before the Wednesdays' block, and nowhere else.
    let xml = sheet_xml(&output, "Planning par accueil");
    assert_eq!(
        breaks(&xml, "rowBreaks"),
        [u32::try_from(wednesdays).expect("row")]
    );
}

#[test]
fn each_person_s_page_has_whole_hours_and_rows_that_fit() {
    let (_folder, output) = planned("par-animateur");
    let range = sheet(&output, "Par animateur");
    let xml = sheet_xml(&output, "Par animateur");
    let hours = (0..range.height())
        .find(|row| text(&range, *row, 3).contains(':'))
        .expect("a row of hours");
    assert_eq!(text(&range, hours, 3), "07:30–18:30");
    assert_rows_fit_their_lines(&range, &xml, "Par animateur");
}

#[test]
fn the_grid_prints_whole_weeks_with_the_names_on_every_page() {
    let (_folder, output) = planned("grille");
    let xml = sheet_xml(&output, "Animateurs");
    // A fixed scale (Excel ignores manual breaks on a sheet fitted to pages), large enough to
    // read: here a week of two days and the person's columns fit at full size.
    let setup = xml
        .split("<pageSetup ")
        .nth(1)
        .and_then(|rest| rest.split("/>").next())
        .expect("page setup");
    let scale: u32 = attribute(&format!(" {setup}"), "scale")
        .unwrap_or("100")
        .parse()
        .expect("scale");
    assert!(scale >= 60, "{setup}");
    assert!(!xml.contains("fitToPage=\"1\""));
    // The period runs from 22/12 to 28/01 (38 days); the days without children are hidden.
    // The pages break before the Wednesdays of January (the month would not fit the rest of
    // the first page, but fits a page of its own) and before the totals.
    let range = sheet(&output, "Animateurs");
    let column_of = |wanted: &str| {
        (0..range.width())
            .find(|col| text(&range, 0, *col) == wanted)
            .unwrap_or_else(|| panic!("no column {wanted}"))
    };
    let totals = column_of("Jours travaillés");
    let january = (0..range.width())
        .find(|col| {
            range
                .get((0, *col))
                .and_then(|cell| cell.as_date())
                .is_some_and(|date| date == d(2026, 1, 5))
        })
        .expect("the week of 7 January");
    let as_u32 = |col: usize| u32::try_from(col).expect("column");
    assert_eq!(breaks(&xml, "colBreaks"), [as_u32(january), as_u32(totals)]);
    let hidden: f64 = xml
        .split("<col ")
        .skip(1)
        .filter_map(|tag| {
            let tag = format!(" {}", tag.split('>').next()?);
            attribute(&tag, "hidden")?;
            let first: f64 = attribute(&tag, "min")?.parse().ok()?;
            let last: f64 = attribute(&tag, "max")?.parse().ok()?;
            Some(last - first + 1.0)
        })
        .sum();
    assert_eq!(
        hidden,
        f64::from(38 - 6),
        "every date but the six open days"
    );
    let bytes = std::fs::read(&output).expect("bytes");
    let book = xlsx_xml::part(&bytes, "xl/workbook.xml").expect("workbook part");
    assert!(book.contains("Animateurs!$A:$C,Animateurs!$1:$1"), "{book}");
}

#[test]
fn infractions_print_readably_with_the_article_wrapped() {
    let folder = Folder::new("printed", "infractions");
    let input = three_creneaux().save(&folder.join("accueil.xlsx"));
    // A hand-made schedule: the director alone on the Wednesdays, short on every créneau.
    let mut rows = vec![cells!["Animateur", "Accueil", "Date", "Creneau", "Role"]];
    for day in [7, 14, 21, 28] {
        for (label, ..) in CRENEAUX {
            rows.push(cells!["A1", "ALSH-A", d(2026, 1, day), label, "direction"]);
        }
    }
    let schedule =
        Book::new(vec![Sheet::new("Affectations", rows)]).save(&folder.join("a-la-main.xlsx"));
    let conformite = folder.join("conformite.xlsx");
    let run = run_binary([
        "check".as_ref(),
        input.as_os_str(),
        "--schedule".as_ref(),
        schedule.as_os_str(),
        "-o".as_ref(),
        conformite.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let xml = sheet_xml(&conformite, "Infractions");
    // Printed one page wide: the columns add up to under 200 characters (about 55 % on A4,
    // where they added up to 283 and printed at 38 %).
    let widths: f64 = xml
        .split("<col ")
        .skip(1)
        .filter_map(|tag| {
            let tag = format!(" {}", tag.split('>').next()?);
            let first: f64 = attribute(&tag, "min")?.parse().ok()?;
            let last: f64 = attribute(&tag, "max")?.parse().ok()?;
            let width: f64 = attribute(&tag, "width")?.parse().ok()?;
            Some(width * (last - first + 1.0))
        })
        .sum();
    assert!(widths < 200.0, "{widths}");
    // The long texts wrap in their cells, and their rows are tall enough for them: the
    // detail of a missing animateur takes three lines of its column.
    let range = sheet(&conformite, "Infractions");
    let heights = row_heights(&xml);
    let short = (1..range.height())
        .filter(|row| text(&range, *row, 1) == "effectif insuffisant")
        .collect::<Vec<_>>();
    assert!(!short.is_empty());
    for row in short {
        let detail = text(&range, row, 10);
        assert!(detail.len() > 100, "{detail}");
        assert!(
            heights.get(&row).copied().unwrap_or(15.0) >= 44.0,
            "{detail}"
        );
        // CASF R227-15 in the holidays, R227-16 on Wednesdays.
        assert!(text(&range, row, 2).starts_with("CASF R227-1"), "{detail}");
    }
}
