//! Prints every solver stage of a plan run (development aid).
use acm_planner::input::Required;
use acm_planner::optimize::{self, PlanOptions};
use acm_planner::problem::{Adjustments, Problem};
use acm_planner::report::planning::reasons;

fn print_progress(event: &optimize::Progress<'_>) {
    eprintln!("{}", reasons::progress_line(event));
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/saumur-ete.xlsx".into());
    let limit: f64 = std::env::args()
        .nth(2)
        .and_then(|t| t.parse().ok())
        .unwrap_or(120.0);
    let adjustments = Adjustments::default();
    let problem = match Problem::read(&[path.into()], Required::ForecastsAndStaff, &adjustments) {
        Ok(problem) => problem,
        Err(error) => {
            eprintln!("{error:?}");
            return;
        }
    };
    // Optional third and fourth arguments: the MIP gap, and `norecruit`.
    let mip_gap = std::env::args().nth(3).and_then(|t| t.parse().ok());
    let recruit = std::env::args().nth(4).is_none_or(|t| t != "norecruit");
    let options = PlanOptions {
        time_limit_seconds: limit,
        mip_gap,
        recruit,
        // With `ACM_PLANNER_SOLVER_LOG`, the library's development log on stderr too.
        progress: std::env::var_os("ACM_PLANNER_SOLVER_LOG")
            .is_some()
            .then_some(print_progress as fn(&optimize::Progress<'_>)),
        ..PlanOptions::default()
    };
    match optimize::plan(&problem, &options) {
        Ok(result) => {
            for stage in &result.stats.stages {
                println!(
                    "{:>2} {:<50} {:>7} {:>7} {:>7.2}s obj {:>12.1} bound {:>12.1} gap {:>6.3} {:?}",
                    stage.component,
                    reasons::stage_name(&stage.name),
                    stage.variables,
                    stage.constraints,
                    stage.seconds,
                    stage.objective,
                    stage.bound,
                    stage.gap,
                    stage.status
                );
            }
            println!("{}", reasons::decomposition(&result.stats.decomposition));
            println!(
                "missing {:?} residual {:?} hires {}",
                result.missing_totals(),
                result.residual_missing,
                result.hires.len()
            );
        }
        Err(error) => eprintln!("{error}"),
    }
}
