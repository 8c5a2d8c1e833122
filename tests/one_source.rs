//! One source for every figure: the terminal summary, `Synthese` (« Que faire », key figures,
//! sectors), `Manques`, `Accueils`, `Recrutement` and `Technique` of one planning read back and
//! compared with each other.

use std::path::{Path, PathBuf};

mod support;

use calamine::{Data, Range, Reader, open_workbook_auto};
use support::{TempDir, run_binary, stderr};

fn repro(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/repro")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook = open_workbook_auto(path).expect("open");
    workbook.worksheet_range(name).expect(name)
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Int(n) => *n as f64,
        Data::Float(f) => *f,
        _ => 0.0,
    }
}

/// The column of `header` in the first row of `range` that has it.
fn column(range: &Range<Data>, header: &str) -> (usize, usize) {
    for (r, row) in range.rows().enumerate() {
        if let Some(c) = row.iter().position(|cell| *cell == header) {
            return (r, c);
        }
    }
    panic!("no column {header}");
}

/// Sum of a numeric column under its header, up to the first row whose first cell is empty
/// or says « Total ».
fn column_sum(range: &Range<Data>, header: &str) -> f64 {
    let (header_row, c) = column(range, header);
    range
        .rows()
        .skip(header_row + 1)
        .take_while(|row| !row[0].to_string().is_empty() && row[0] != "Total")
        .map(|row| number(&row[c]))
        .sum()
}

/// `1 animateur manquant, créneau par créneau, 2 journées de direction`: the shortage in the
/// words every sheet uses, written here from the counts (a second writing of the rule).
fn words(animateurs: u32, qualified: u32, directors: u32, psc1: u32) -> String {
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut slots = Vec::new();
    if animateurs > 0 {
        slots.push(plural(animateurs, "animateur", "animateurs"));
    }
    if qualified > 0 {
        slots.push(plural(qualified, "qualifié", "qualifiés"));
    }
    let mut parts = Vec::new();
    if !slots.is_empty() {
        let missing = if animateurs.max(qualified) == 1 {
            "manquant"
        } else {
            "manquants"
        };
        parts.push(format!(
            "{} {missing}, créneau par créneau",
            slots.join(" et ")
        ));
    }
    if directors > 0 {
        parts.push(plural(
            directors,
            "journée de direction",
            "journées de direction",
        ));
    }
    if psc1 > 0 {
        parts.push(plural(
            psc1,
            "journée sans titulaire du PSC1",
            "journées sans titulaire du PSC1",
        ));
    }
    if parts.is_empty() {
        "aucun manque".to_string()
    } else {
        parts.join(", ")
    }
}

/// The key figures of `Synthese`: label → (value, comment).
fn key_figures(path: &Path) -> Vec<(String, Data, String)> {
    let range = sheet(path, "Synthese");
    let (header_row, _) = column(&range, "Indicateur");
    range
        .rows()
        .skip(header_row + 1)
        .take_while(|row| !row[0].to_string().is_empty())
        .map(|row| (row[0].to_string(), row[1].clone(), row[2].to_string()))
        .collect()
}

fn key<'a>(figures: &'a [(String, Data, String)], label: &str) -> &'a (String, Data, String) {
    figures
        .iter()
        .find(|(l, _, _)| l == label)
        .unwrap_or_else(|| panic!("no key figure {label}"))
}

/// The terminal summary's value for `label`.
fn summary_line<'a>(summary: &'a str, label: &str) -> &'a str {
    summary
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(" : ")?;
            (name.trim() == label).then_some(value.trim())
        })
        .unwrap_or_else(|| panic!("no line {label} in {summary}"))
}

/// Euros as the terminal writes them (`17 190,00 €`), in cents.
fn euros(text: &str) -> i64 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let (whole, cents) = digits.split_once(',').expect("euros with cents");
    whole.parse::<i64>().expect("euros") * 100 + cents.parse::<i64>().expect("cents")
}

fn plan(input: &Path, extra: &[&str], dir: &TempDir, name: &str) -> (PathBuf, String) {
    let output = dir.join(name);
    let mut args: Vec<String> = vec!["planning".into(), input.display().to_string()];
    args.extend(extra.iter().map(|a| a.to_string()));
    args.extend(["-o".into(), output.display().to_string()]);
    let run = run_binary(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    (output, String::from_utf8_lossy(&run.stdout).into_owned())
}

/// Every figure of one planning against the others.
fn one_source(input: &Path, extra: &[&str], name: &str) {
    let dir = TempDir::new("one-source", name);
    let (planning, summary) = plan(input, extra, &dir, "planning.xlsx");
    // Manques: the published plan's shortage, créneau by créneau.
    let manques = sheet(&planning, "Manques");
    let missing = [
        column_sum(&manques, "Animateurs manquants") as u32,
        column_sum(&manques, "Qualifies manquants") as u32,
        column_sum(&manques, "Direction manquante") as u32,
        column_sum(&manques, "Sans PSC1") as u32,
    ];
    let published = words(missing[0], missing[1], missing[2], missing[3]);
    // Accueils: the same créneaux, counted there too.
    let accueils = sheet(&planning, "Accueils");
    assert_eq!(
        column_sum(&accueils, "Manque") as u32,
        missing[0],
        "Accueils"
    );
    assert_eq!(
        column_sum(&accueils, "Qualifiés manquants") as u32,
        missing[1],
        "Accueils"
    );
    // The terminal and Synthese say the same.
    assert_eq!(summary_line(&summary, "Manques"), published);
    let figures = key_figures(&planning);
    assert_eq!(
        key(&figures, "Manque du planning publié").2,
        format!("{published} (détail dans la feuille Manques)")
    );
    assert_eq!(
        number(&key(&figures, "Journées sans titulaire du PSC1").1) as u32,
        missing[3]
    );
    // The team alone, said the same way in both.
    let team = &key(&figures, "Manque de l'équipe seule").2;
    let team_words = team
        .strip_suffix(" : sans recruter, ce que l'équipe actuelle laisse en manque")
        .expect("team words");
    let recruitment = summary_line(&summary, "Recrutement");
    if recruitment != "aucun poste" && !recruitment.starts_with("non calculé") {
        assert_eq!(summary_line(&summary, "Sans recruter"), team_words);
        // Posts and their cost: terminal, Synthese and Recrutement.
        let posts = number(&key(&figures, "Postes à recruter").1) as i64;
        let cost = (number(&key(&figures, "Coût du recrutement").1) * 100.0).round() as i64;
        let (terminal_posts, rest) = recruitment.split_once(' ').expect("posts");
        assert_eq!(terminal_posts.parse::<i64>().expect("count"), posts);
        let rest = rest.split_once(", ").expect("cost").1;
        let (terminal_cost, left) = rest.split_once(" ; manque restant : ").expect("left");
        assert_eq!(euros(terminal_cost), cost);
        assert_eq!(left, published, "manque restant");
        let sheet_posts = sheet(&planning, "Recrutement");
        assert_eq!(column_sum(&sheet_posts, "N°") as i64 > 0, posts > 0);
        assert_eq!(
            (column_sum(&sheet_posts, "Coût total") * 100.0).round() as i64,
            cost,
            "Recrutement's posts"
        );
        assert_eq!(
            key(&figures, "Manque restant après recrutement").2,
            published,
            "Synthese, after the posts"
        );
        if missing != [0; 4] {
            let que_faire = format!("il reste un manque ({published})");
            assert!(summary.contains(&que_faire), "{summary}");
        }
    }
    // Costs: the team's, the total, the cost of stability against the cheapest plan.
    let staff = (number(&key(&figures, "Coût de l'équipe").1) * 100.0).round() as i64;
    assert_eq!(euros(summary_line(&summary, "Coût équipe")), staff);
    if let Some((_, total, _)) = figures
        .iter()
        .find(|(l, _, _)| l == "Coût total (équipe + recrutement)")
    {
        let hires = (number(&key(&figures, "Coût du recrutement").1) * 100.0).round() as i64;
        assert_eq!((number(total) * 100.0).round() as i64, staff + hires);
        let (_, stability, comment) = key(&figures, "Coût de la stabilité");
        let stability = (number(stability) * 100.0).round() as i64;
        let cheapest = euros(
            comment
                .rsplit_once('(')
                .map(|(_, c)| c.trim_end_matches(')'))
                .expect("cheapest cost"),
        );
        assert!(stability >= 0, "{comment}");
        assert_eq!(stability, staff + hires - cheapest, "{comment}");
    }
    // Technique: the final check's weighted shortage is Manques'.
    let technique = sheet(&planning, "Technique");
    let check = technique
        .rows()
        .find(|r| r[0] == "Contrôle du planning publié")
        .expect("the check");
    assert_eq!(check[1].to_string(), "conforme");
    let weighted = i64::from(missing[0]) * 50
        + i64::from(missing[1]) * 100
        + i64::from(missing[2]) * 1000
        + i64::from(missing[3]) * 75;
    let said = check[2].to_string();
    let digits: String = said
        .split("manque pondéré ")
        .nth(1)
        .and_then(|s| s.split(" (").next())
        .expect("weighted")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(digits.parse::<i64>().expect("weighted"), weighted, "{said}");
}

#[test]
fn a_sejour_left_short_after_its_posts_says_the_same_everywhere() {
    one_source(&repro("sejour-hire-displaces-team.xlsx"), &[], "sejour");
}

#[test]
fn the_team_alone_says_the_same_everywhere() {
    let calendar = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/calendriers/Zone-B.ics");
    let calendar = calendar.display().to_string();
    one_source(
        &repro("noel-mercredis.xlsx"),
        &["--calendrier", &calendar, "--sans-recrutement"],
        "noel-team",
    );
    one_source(
        &repro("noel-mercredis.xlsx"),
        &["--calendrier", &calendar],
        "noel",
    );
}

#[test]
fn the_summer_fixture_says_the_same_everywhere() {
    one_source(&fixture("saumur-ete.xlsx"), &[], "summer");
}
