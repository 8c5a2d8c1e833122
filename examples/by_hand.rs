//! The variant generator: writes a territory the way people keep their workbooks (merged titles,
//! an updated-on line, totals and notes, reordered and extra columns, other spellings of headers
//! and codes, combined certificates, dates in words). `acm-planner` must read it as the same
//! inputs as the clean workbook `generate` writes for the same options (`tests/variants.rs`).
//!
//! ```text
//! cargo run --release --example by_hand -- [--petit] [--acm N] [--animateurs N] [--weeks N]
//!     [--start YYYY-MM-DD] [--seed N] [--force] -o FILE
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use acm_planner::testdata::{self, TerritorySpec};

const USAGE: &str = "usage: by_hand [--petit] [--acm N] [--animateurs N] [--weeks N] \
                     [--start YYYY-MM-DD] [--seed N] [--force] -o FILE";

fn run(args: &[String]) -> Result<String, String> {
    let mut spec = TerritorySpec::saumur_ete();
    let (mut petit, mut force, mut output) = (false, false, None);
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
            "--petit" => petit = true,
            "--force" => force = true,
            "-o" | "--output" => output = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("option inconnue « {other} »\n{USAGE}")),
        }
    }
    let output: PathBuf = output.ok_or_else(|| format!("-o FILE est obligatoire\n{USAGE}"))?;
    if output.exists() && !force {
        return Err(format!(
            "{} existe déjà : ajoutez --force pour le remplacer",
            output.display()
        ));
    }
    let territory = if petit {
        testdata::petit_accueil()
    } else {
        spec.validate()?;
        testdata::territory(&spec)
    };
    testdata::write_by_hand(&territory, &output).map_err(|e| e.to_string())?;
    Ok(format!(
        "{} : {} accueils, {} animateurs, écrit « à la main »",
        output.display(),
        territory.accueils.len(),
        territory.animateurs.len()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
