//! Benchmark of `plan` on the bundled fixtures and on generated territories of growing size.
//!
//! ```text
//! cargo run --release --example bench_plan                       # the standard set
//! cargo run --release --example bench_plan -- --quick            # small sizes only
//! cargo run --release --features cbc --example bench_plan -- --backends highs,cbc
//! cargo run --release --example bench_plan -- --file fixtures/saumur-ete.xlsx
//! cargo run --release --example bench_plan -- --size 50x500x8 --time-limit 60 --mip-gap 0.01
//! cargo run --release --example bench_plan -- --size 60x600x52 --start 2025-09-01 \
//!     --time-limit 120 --mip-gap 0.01 --stages
//! ```
//!
//! Each instance runs in a child process so its peak memory (VmHWM) is its own. Prints one line
//! per instance: size, model (largest stage), time per phase, status, gap, shortage, memory;
//! with `--stages`, then one line per solver stage (those solved only for a bound last).

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use acm_planner::input::Required;
use acm_planner::optimize::{self, Backend, PlanOptions};
use acm_planner::problem::{Adjustments, Problem};
use acm_planner::report::planning::reasons;
use acm_planner::testdata::{TerritorySpec, write_territory};
use acm_planner::verify;

#[derive(Debug, Clone)]
enum Instance {
    File(PathBuf),
    /// ACM × animateurs × weeks, generated from a fixed seed.
    Generated {
        acm: usize,
        animateurs: usize,
        weeks: u32,
        start: String,
    },
}

impl Instance {
    fn label(&self) -> String {
        match self {
            Instance::File(path) => path.display().to_string(),
            Instance::Generated {
                acm,
                animateurs,
                weeks,
                start,
            } => {
                format!("{acm} ACM × {animateurs} anim. × {weeks} sem. dès {start}")
            }
        }
    }

    fn args(&self) -> Vec<String> {
        match self {
            Instance::File(path) => vec!["--file".into(), path.display().to_string()],
            Instance::Generated {
                acm,
                animateurs,
                weeks,
                start,
            } => {
                vec![
                    "--size".into(),
                    format!("{acm}x{animateurs}x{weeks}"),
                    "--start".into(),
                    start.clone(),
                ]
            }
        }
    }
}

struct Arguments {
    instances: Vec<Instance>,
    backends: Vec<String>,
    time_limit: f64,
    mip_gap: Option<f64>,
    child: bool,
    recruit: bool,
    /// Print every stage too.
    stages: bool,
}

fn parse_size(text: &str, start: &str) -> Option<Instance> {
    let mut parts = text.split('x');
    let acm = parts.next()?.parse().ok()?;
    let animateurs = parts.next()?.parse().ok()?;
    let weeks = parts.next()?.parse().ok()?;
    Some(Instance::Generated {
        acm,
        animateurs,
        weeks,
        start: start.to_string(),
    })
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        instances: Vec::new(),
        backends: vec!["highs".into()],
        time_limit: 120.0,
        mip_gap: None,
        child: false,
        recruit: true,
        stages: false,
    };
    let mut quick = false;
    let mut start = "2026-07-06".to_string();
    let mut sizes = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} attend une valeur"))
        };
        match arg.as_str() {
            "--file" => arguments
                .instances
                .push(Instance::File(PathBuf::from(value()?))),
            "--size" => sizes.push(value()?),
            "--start" => start = value()?,
            "--backends" => {
                arguments.backends = value()?.split(',').map(str::to_string).collect();
            }
            "--time-limit" => {
                arguments.time_limit = value()?.parse().map_err(|_| "--time-limit")?;
            }
            "--mip-gap" => arguments.mip_gap = Some(value()?.parse().map_err(|_| "--mip-gap")?),
            "--no-recruit" => arguments.recruit = false,
            "--stages" => arguments.stages = true,
            "--quick" => quick = true,
            "--child" => arguments.child = true,
            other => return Err(format!("argument inconnu : {other}")),
        }
    }
    for size in sizes {
        arguments
            .instances
            .push(parse_size(&size, &start).ok_or_else(|| format!("taille illisible : {size}"))?);
    }
    if arguments.instances.is_empty() {
        arguments
            .instances
            .push(Instance::File(PathBuf::from("fixtures/petit-accueil.xlsx")));
        arguments
            .instances
            .push(Instance::File(PathBuf::from("fixtures/saumur-ete.xlsx")));
        let standard: &[&str] = if quick {
            &["8x80x4", "16x160x8"]
        } else {
            &["16x160x8", "30x300x8", "50x500x8"]
        };
        for size in standard {
            arguments.instances.extend(parse_size(size, &start));
        }
    }
    Ok(arguments)
}

fn main() {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("bench_plan : {message}");
            std::process::exit(2);
        }
    };
    if arguments.child {
        if let Err(message) = run_child(&arguments) {
            println!("ERREUR {message}");
        }
        return;
    }
    println!(
        "{:<44} {:>7} {:>9} {:>9} {:>7} {:>8} {:>9} {:>10} {:>7} {:>10} {:>8}",
        "instance",
        "solveur",
        "variables",
        "contr.",
        "étapes",
        "lecture",
        "solveur",
        "statut",
        "écart",
        "manques",
        "mémoire"
    );
    let executable = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("bench_plan"));
    for instance in &arguments.instances {
        for backend in &arguments.backends {
            let mut command = Command::new(&executable);
            command
                .arg("--child")
                .args(instance.args())
                .arg("--backends")
                .arg(backend);
            command
                .arg("--time-limit")
                .arg(arguments.time_limit.to_string());
            if let Some(gap) = arguments.mip_gap {
                command.arg("--mip-gap").arg(gap.to_string());
            }
            if !arguments.recruit {
                command.arg("--no-recruit");
            }
            if arguments.stages {
                command.arg("--stages");
            }
            let output = command.output();
            let line = match output {
                Ok(output) => String::from_utf8_lossy(&output.stdout).trim().to_string(),
                Err(error) => format!("ERREUR {error}"),
            };
            println!("{:<44} {line}", truncate(&instance.label(), 44));
        }
    }
}

fn truncate(text: &str, width: usize) -> String {
    text.chars().take(width).collect()
}

fn run_child(arguments: &Arguments) -> Result<(), String> {
    let instance = arguments.instances.first().ok_or("aucune instance")?;
    let backend = match arguments.backends.first().map(String::as_str) {
        Some("highs") | None => Backend::Highs,
        #[cfg(feature = "cbc")]
        Some("cbc") => Backend::Cbc,
        Some(other) => return Err(format!("solveur {other} indisponible (feature cbc ?)")),
    };
    let folder = std::env::temp_dir().join(format!("acm-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let path = match instance {
        Instance::File(path) => path.clone(),
        Instance::Generated {
            acm,
            animateurs,
            weeks,
            start,
        } => {
            let path = folder.join("territoire.xlsx");
            generate(*acm, *animateurs, *weeks, start, &path)?;
            path
        }
    };
    let reading = Instant::now();
    let problem = Problem::read(
        &[path],
        Required::ForecastsAndStaff,
        &Adjustments::default(),
    )
    .map_err(|e| format!("{e:?}"))?;
    let reading = reading.elapsed().as_secs_f64();
    let options = PlanOptions {
        time_limit_seconds: arguments.time_limit,
        mip_gap: arguments.mip_gap,
        recruit: arguments.recruit,
        backend,
        // Development aid: with `ACM_PLANNER_SOLVER_LOG`, the library's log on stderr.
        progress: std::env::var_os("ACM_PLANNER_SOLVER_LOG")
            .is_some()
            .then_some(print_progress as fn(&optimize::Progress<'_>)),
        ..PlanOptions::default()
    };
    let result = verify::plan(&problem, &options).map_err(|e| e.to_string())?;
    let stats = &result.stats;
    let (variables, constraints) = stats.largest_model();
    let (any, qualified, directors) = result.missing_totals();
    println!(
        "{:>7} {:>9} {:>9} {:>7} {:>7.2}s {:>8.2}s {:>10} {:>6.2}% {:>10} {:>5} Mo",
        backend.label(),
        variables,
        constraints,
        stats.stages.len(),
        reading,
        stats.total_seconds,
        status_word(stats.status()),
        stats.gap() * 100.0,
        format!("{any}/{qualified}/{directors}"),
        peak_memory_megabytes()
    );
    let stability = &result.stability;
    let (cheapest, published) = (&stability.cheapest, &stability.published);
    println!(
        "    stabilité {} : personnes-semaines sur plusieurs accueils {:.1} % ({} / {}, au moins \
         cher {:.1} %), accueils-semaines avec plus de directeurs qu'il n'en faut {:.1} % ({} / \
         {}, au moins cher {:.1} %) ; déplacements {} (au moins cher {}), changements de \
         direction {} (au moins cher {}) ; coût de la stabilité {} ; manque de l'équipe seule {:?}",
        stability.mode.label(),
        published.moving_share() * 100.0,
        published.person_weeks_moving,
        published.person_weeks,
        cheapest.moving_share() * 100.0,
        published.changing_share() * 100.0,
        published.accueil_weeks_changing,
        published.accueil_weeks,
        cheapest.changing_share() * 100.0,
        published.moves,
        cheapest.moves,
        published.director_changes,
        cheapest.director_changes,
        stability.cost_of_stability(),
        result.team_missing,
    );
    println!(
        "    directeurs de la semaine : le moins possible prouvé {} ; second directeur : {:?}, sans règle {}",
        stability
            .least_changing
            .map_or_else(|| "—".to_string(), |l| l.to_string()),
        stability.second_directors.forced,
        stability.second_directors.chosen,
    );
    let skipped = stats.skipped;
    if skipped.any() {
        println!(
            "    laissé pour tenir le temps : bornes {}, coût {}, recrutement {}, stabilité {} (périodes)",
            skipped.bounds, skipped.cost, skipped.recruitment, skipped.stability
        );
    }
    if arguments.stages {
        let listed = [("", &stats.stages), ("(borne) ", &stats.bound_stages)];
        for (kind, stages) in listed {
            for stage in stages {
                println!(
                    "    {kind}{:<56} {:>7} × {:>6} {:>7.2}s {:>8} {:.2}% objectif {:.0} borne {:.0}",
                    reasons::stage_name(&stage.name),
                    stage.variables,
                    stage.constraints,
                    stage.seconds,
                    status_word(stage.status),
                    stage.gap * 100.0,
                    stage.objective,
                    stage.bound
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&folder);
    Ok(())
}

fn print_progress(event: &optimize::Progress<'_>) {
    eprintln!("{}", reasons::progress_line(event));
}

fn status_word(status: optimize::SolveStatus) -> &'static str {
    match status {
        optimize::SolveStatus::Optimal => "optimal",
        optimize::SolveStatus::GapLimit => "écart",
        optimize::SolveStatus::Shared => "partagé",
        optimize::SolveStatus::TimeLimit => "temps",
    }
}

/// Peak resident memory of this process (Linux VmHWM), in megabytes.
fn peak_memory_megabytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|line| {
                    line.split_whitespace()
                        .nth(1)
                        .and_then(|kb| kb.parse::<u64>().ok())
                })
        })
        .map_or(0, |kb| kb / 1024)
}

fn generate(
    acm: usize,
    animateurs: usize,
    weeks: u32,
    start: &str,
    path: &std::path::Path,
) -> Result<(), String> {
    let start = chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").map_err(|e| e.to_string())?;
    let spec = TerritorySpec {
        acm,
        animateurs,
        weeks,
        start,
        ..TerritorySpec::saumur_ete()
    };
    spec.validate()?;
    write_territory(&spec, path).map_err(|e| e.to_string())
}
