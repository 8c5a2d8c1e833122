//! Writes a synthetic Saumur Val de Loire-like territory as an input workbook.
//!
//! ```text
//! cargo run --release --example generate -- [--acm N] [--animateurs N] [--weeks N]
//!     [--start YYYY-MM-DD] [--seed N] [--no-regles] [--bilan] [--force] -o FILE
//! cargo run --release --example generate -- --petit -o fixtures/petit-accueil.xlsx
//! cargo run --release --example generate -- --a-la-main -o territoire-a-la-main.xlsx
//! ```
//! `--a-la-main` writes the same territory the way people keep their workbooks (merged titles,
//! an updated-on line, totals and notes, reordered and extra columns, other spellings, combined
//! certificates, dates in words: `testdata::write_by_hand`); `acm-planner` must read it as the
//! same inputs as the clean workbook (`tests/variants.rs`).
//! Without options: the summer fixture `fixtures/saumur-ete.xlsx` (16 ACM, 150 animateurs,
//! 8 weeks from Monday 6 July 2026, seed 49400).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use acm_planner::testdata::{self, TerritorySpec};
use chrono::{Datelike, Duration, NaiveDate};

const USAGE: &str = "usage: generate [--acm N] [--animateurs N] [--weeks N] [--start YYYY-MM-DD] \
                     [--seed N] [--no-regles] [--petit] [--a-la-main] [--bilan] [--force] -o FILE";

struct Arguments {
    spec: TerritorySpec,
    petit: bool,
    by_hand: bool,
    force: bool,
    balance: bool,
    output: PathBuf,
}

fn parse(args: &[String]) -> Result<Arguments, String> {
    let mut spec = TerritorySpec::saumur_ete();
    let (mut petit, mut by_hand, mut force, mut balance, mut output) =
        (false, false, false, false, None);
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let mut value = || {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{flag} attend une valeur"))
        };
        let number = |text: String| {
            text.parse::<u64>()
                .map_err(|_| format!("{flag} « {text} » : nombre entier attendu"))
        };
        match flag.as_str() {
            "--acm" => spec.acm = number(value()?)? as usize,
            "--animateurs" => spec.animateurs = number(value()?)? as usize,
            "--weeks" => {
                spec.weeks = u32::try_from(number(value()?)?).map_err(|e| e.to_string())?
            }
            "--seed" => spec.seed = number(value()?)?,
            "--start" => {
                let text = value()?;
                spec.start = acm_planner::commands::parse::parse_date(&text)
                    .ok_or_else(|| format!("--start « {text} » : date AAAA-MM-JJ attendue"))?;
            }
            "--no-regles" => spec.regles = false,
            "--petit" => petit = true,
            "--a-la-main" => by_hand = true,
            "--force" => force = true,
            "--bilan" => balance = true,
            "-o" | "--output" => output = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("option inconnue « {other} »\n{USAGE}")),
        }
    }
    let output = output.ok_or_else(|| format!("-o FILE est obligatoire\n{USAGE}"))?;
    if !petit {
        spec.validate()?;
    }
    Ok(Arguments {
        spec,
        petit,
        by_hand,
        force,
        balance,
        output,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arguments = match parse(&args) {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("generate : {message}");
            return ExitCode::from(2);
        }
    };
    let output = acm_planner::commands::Output {
        path: arguments.output.clone(),
        force: arguments.force,
    };
    if let Err(failure) = acm_planner::commands::output::check_output_path(&output, &[]) {
        eprintln!("generate : {failure:?}");
        return ExitCode::from(1);
    }
    let started = Instant::now();
    let territory = if arguments.petit {
        testdata::petit_accueil()
    } else {
        testdata::territory(&arguments.spec)
    };
    let written = if arguments.by_hand {
        testdata::write_by_hand(&territory, &arguments.output)
    } else {
        testdata::write_workbook(&territory, &arguments.output)
    };
    if let Err(error) = written {
        eprintln!("generate : {error}");
        return ExitCode::from(1);
    }
    let forecast_days: usize = territory
        .previsions
        .iter()
        .map(|p| p.when.days().len())
        .sum();
    // Built first, then written once: a closed pipe (`| head`) must not panic.
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} : {} accueils, {} animateurs, {} lignes de prévision ({} accueil-jour-créneaux), \
         {} dates, écrit en {:.2} s",
        arguments.output.display(),
        territory.accueils.len(),
        territory.animateurs.len(),
        territory.previsions.len(),
        forecast_days,
        territory.dates.len(),
        started.elapsed().as_secs_f64()
    );
    for ((year, month), children) in territory.children_by_month() {
        let _ = writeln!(
            report,
            "  {month:02}/{year} : {children} enfants-créneaux prévus"
        );
    }
    if arguments.balance {
        weekly_balance(&territory, &mut report);
    }
    let _ = std::io::stdout().write_all(report.as_bytes());
    ExitCode::SUCCESS
}

/// A rough weekly balance for calibrating the generator: animateur-days required at the
/// extrascolaire ratios (1:8 under 6, 1:12 from 6, one director per ACM-day) against the
/// person-days people declared available. `acm-planner needs` gives the exact legal figures.
fn weekly_balance(territory: &testdata::Territory, report: &mut String) {
    use std::collections::BTreeMap;
    let mut required: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut directors: BTreeMap<NaiveDate, std::collections::BTreeSet<(String, NaiveDate)>> =
        BTreeMap::new();
    let monday = |d: NaiveDate| d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    for row in &territory.previsions {
        if row.creneau != "journee" && row.creneau != "matin" {
            continue;
        }
        for day in row.when.days() {
            let n = row.moins_de_6.div_ceil(8)
                + row.six_et_plus.div_ceil(12)
                + row.renforce.unwrap_or(0);
            *required.entry(monday(day)).or_default() += u64::from(n.max(2));
            directors
                .entry(monday(day))
                .or_default()
                .insert((row.accueil.clone(), day));
        }
    }
    let mut available: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for codes in &territory.availability {
        for (date, code) in territory.dates.iter().zip(codes) {
            if *code == "J" {
                *available.entry(monday(*date)).or_default() += 1;
            }
        }
    }
    let _ = writeln!(
        report,
        "  semaine du   requis  (dont direction)  disponibles (J)  ratio"
    );
    for (week, need) in &required {
        let director_days = directors.get(week).map_or(0, |s| s.len() as u64);
        let have = available.get(week).copied().unwrap_or(0);
        let total = need + director_days;
        let _ = writeln!(
            report,
            "  {}  {total:>6}  ({director_days:>5})  {have:>15}  {:>5.2}",
            week.format("%d/%m/%Y"),
            have as f64 / total.max(1) as f64
        );
    }
}
