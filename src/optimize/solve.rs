//! Runs one stage on HiGHS: good_lp builds the problem, then the `highs::Model` behind it gets
//! the options that matter on this machine, and we read status, objective, bound and gap (which
//! good_lp does not expose).

use std::time::Instant;

use good_lp::{SolverModel, highs};
use highs::{HighsModelStatus, HighsSolutionStatus};

use super::model::{Columns, Model};
use super::options::Backend;
use super::progress::solver_log;
use super::stats::SolveStatus;
use crate::error::Error;

/// Models with more columns than this are solved without presolve.
const LARGE_MODEL_COLUMNS: usize = 100_000;

/// What one stage returns.
#[derive(Debug, Clone)]
pub struct StageOutcome {
    /// Value of every column, by `Var::column`.
    pub values: Vec<f64>,
    pub objective: f64,
    pub bound: f64,
    pub gap: f64,
    pub status: SolveStatus,
    pub seconds: f64,
    pub variables: usize,
    pub constraints: usize,
    /// Weighted shortage of the solution (filled in by the caller, who knows the model).
    pub shortage: f64,
    /// Proven lower bound on the weighted shortage (shortage stage; filled in by the caller).
    pub shortage_bound: f64,
    /// Days away from home plus weighted director changes (stability stage; filled in by the
    /// caller).
    pub moves: f64,
    /// Accueil-weeks directed by more people than a day needs (stability stages; filled in by
    /// the caller).
    pub changing: f64,
    /// The directors stage's proven least `changing` (filled in by the caller).
    pub bound_changing: Option<f64>,
    /// A shortage stage whose cost tie-breaker is proven within the cost stage's tolerance:
    /// the bound on the cost (cents) of any plan as short (filled in by the caller).
    pub proven_cost: Option<f64>,
    /// Whether the solver's first answer was refused (its objective was not its solution's)
    /// and the stage solved again without presolve.
    pub solved_again: bool,
    /// Where each decision sits among `values`.
    pub columns: Columns,
}

/// Solver settings of one stage.
#[derive(Debug, Clone, Copy)]
pub struct StageSettings {
    pub time_limit_seconds: f64,
    pub mip_gap: Option<f64>,
    pub backend: Backend,
}

/// Solves `model`, starting from `initial` (a feasible point of an earlier stage) when given.
pub fn solve(
    model: Model,
    settings: StageSettings,
    initial: Option<&[f64]>,
) -> Result<StageOutcome, Error> {
    match settings.backend {
        Backend::Highs => solve_highs(model, settings, initial),
        #[cfg(feature = "cbc")]
        Backend::Cbc => solve_cbc(model, settings),
    }
}

fn solve_highs(
    model: Model,
    settings: StageSettings,
    initial: Option<&[f64]>,
) -> Result<StageOutcome, Error> {
    let started = Instant::now();
    let variables = model.columns.variable_count;
    let columns = model.columns;
    let constraints = model.constraints.len();
    // good_lp hands HiGHS the objective without its constant: HiGHS's objective is compared
    // with the terms alone.
    let objective = Objective {
        terms: model.objective_terms,
    };
    let mut problem = model.variables.minimise(model.objective).using(highs);
    for constraint in model.constraints {
        problem.add_constraint(constraint);
    }
    let mut highs_model = problem
        .try_into_inner()
        .map_err(|e| Error::Solver(format!("construction du modèle : {e}")))?;
    configure(&mut highs_model, &settings, variables);
    if let Some(values) = initial
        && values.len() == variables
    {
        // A wrong length is refused by HiGHS; the stage then simply starts cold.
        let _ = highs_model.try_set_solution(Some(values), None, None, None);
    }
    let solved = highs_model
        .try_solve()
        .map_err(|e| Error::Solver(format!("échec de HiGHS : {e:?}")))?;
    let (solved, read, retried) = match read_highs(&solved, &settings)? {
        read if objective.agrees(&read) => (solved, read, false),
        _ => {
            // HiGHS 1.16 can carry a MIP start into its presolved problem with a wrong
            // objective, take it for the optimum and stop there ("optimal", the start returned
            // unchanged, an objective the start does not have): seen on the small stages of a
            // director's plan, where it left free people idle. Solved again without presolve,
            // from what it returned (a feasible plan), the stage is right.
            let mut again = highs::Model::from(solved);
            again.set_option("presolve", "off");
            let solved = again
                .try_solve()
                .map_err(|e| Error::Solver(format!("échec de HiGHS : {e:?}")))?;
            let read = read_highs(&solved, &settings)?;
            if !objective.agrees(&read) {
                return Err(Error::Solver(format!(
                    "HiGHS annonce un objectif ({}) que sa solution n'a pas ({}) : le plan \
                     n'est pas publié",
                    read.objective,
                    objective.of(&read.values)
                )));
            }
            (solved, read, true)
        }
    };
    drop(solved);
    Ok(StageOutcome {
        values: read.values,
        objective: read.objective,
        bound: read.bound,
        gap: read.gap,
        status: read.status,
        seconds: started.elapsed().as_secs_f64(),
        variables,
        constraints,
        shortage: 0.0,
        shortage_bound: 0.0,
        moves: 0.0,
        changing: 0.0,
        bound_changing: None,
        proven_cost: None,
        solved_again: retried,
        columns,
    })
}

/// The options that matter on this machine, and the stage's limits.
fn configure(highs_model: &mut highs::Model, settings: &StageSettings, variables: usize) {
    highs_model.make_quiet();
    if solver_log() {
        // Development aid: HiGHS's own log on the console (HiGHS prints it, not this crate).
        highs_model.set_option("output_flag", true);
        highs_model.set_option("log_to_console", true);
    }
    // Development aid: extra HiGHS options, `name=value,name=value`.
    if let Ok(extra) = std::env::var("ACM_PLANNER_HIGHS_OPTIONS") {
        for pair in extra.split(',') {
            if let Some((name, value)) = pair.split_once('=') {
                let _ = match (value.parse::<i32>(), value.parse::<f64>(), value) {
                    (Ok(v), _, _) => highs_model.try_set_option(name, v),
                    (_, Ok(v), _) => highs_model.try_set_option(name, v),
                    (_, _, "true") => highs_model.try_set_option(name, true),
                    (_, _, "false") => highs_model.try_set_option(name, false),
                    (_, _, v) => highs_model.try_set_option(name, v),
                };
            }
        }
    }
    // Measured on this 2-core machine (ci-notes.md): one thread is as fast on an idle machine
    // and much faster under load; the feasibility-jump heuristic only slowed this model down.
    highs_model.set_option("threads", 1);
    highs_model.set_option("mip_heuristic_run_feasibility_jump", false);
    highs_model.set_option("random_seed", 0);
    // On large models HiGHS's presolve alone outlasts the root LP (measured: 35 s of presolve
    // on 238 k columns, against a 31 s root LP without it).
    if variables > LARGE_MODEL_COLUMNS {
        highs_model.set_option("presolve", "off");
    }
    highs_model.set_option("time_limit", settings.time_limit_seconds.max(1.0));
    if let Some(gap) = settings.mip_gap {
        highs_model.set_option("mip_rel_gap", gap);
    }
}

/// What HiGHS says of a solved stage.
struct HighsReading {
    values: Vec<f64>,
    objective: f64,
    bound: f64,
    gap: f64,
    status: SolveStatus,
}

fn read_highs(
    solved: &highs::SolvedModel,
    settings: &StageSettings,
) -> Result<HighsReading, Error> {
    let status = match solved.status() {
        HighsModelStatus::Optimal => SolveStatus::Optimal,
        HighsModelStatus::ReachedTimeLimit
        | HighsModelStatus::ReachedIterationLimit
        | HighsModelStatus::ReachedSolutionLimit
        | HighsModelStatus::ReachedInterrupt
        | HighsModelStatus::ReachedMemoryLimit => SolveStatus::TimeLimit,
        HighsModelStatus::ObjectiveBound | HighsModelStatus::ObjectiveTarget => {
            SolveStatus::GapLimit
        }
        other => {
            return Err(Error::Solver(format!(
                "statut inattendu de HiGHS ({other:?}) : le modèle avec manques devrait toujours \
                 avoir une solution"
            )));
        }
    };
    if solved.primal_solution_status() != HighsSolutionStatus::Feasible {
        return Err(Error::Solver(
            "aucune solution trouvée dans le temps imparti ; augmentez --time-limit".to_string(),
        ));
    }
    let objective = solved.objective_value();
    let gap = solved.mip_gap();
    let gap = if gap.is_finite() { gap.max(0.0) } else { 1.0 };
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .unwrap_or(f64::NEG_INFINITY);
    // No bound proven (stopped before the root finished): the gap is 100 %.
    let (bound, gap) = if bound.is_finite() {
        (bound, gap)
    } else {
        (f64::NEG_INFINITY, 1.0)
    };
    let status = match status {
        SolveStatus::Optimal if settings.mip_gap.is_some_and(|g| gap > 1e-4 && gap <= g) => {
            SolveStatus::GapLimit
        }
        other => other,
    };
    Ok(HighsReading {
        values: solved.get_solution().columns().to_vec(),
        objective,
        bound,
        gap,
        status,
    })
}

/// The stage's objective as HiGHS has it (without a constant), to recompute it from a
/// solution.
struct Objective {
    terms: Vec<(usize, f64)>,
}

impl Objective {
    fn of(&self, values: &[f64]) -> f64 {
        self.terms
            .iter()
            .map(|(column, coefficient)| coefficient * values.get(*column).unwrap_or(&0.0))
            .sum::<f64>()
    }

    /// Whether the solver's objective is that of its solution, and its bound no better than
    /// it (up to rounding).
    fn agrees(&self, read: &HighsReading) -> bool {
        let recomputed = self.of(&read.values);
        let tolerance = 1e-6 * recomputed.abs().max(read.objective.abs()).max(1.0);
        (recomputed - read.objective).abs() <= tolerance && read.bound <= recomputed + tolerance
    }
}

/// The same model on COIN-OR CBC, for comparison. CBC reports no bound through good_lp: the
/// bound is the objective when proven optimal, NaN otherwise.
#[cfg(feature = "cbc")]
fn solve_cbc(model: Model, settings: StageSettings) -> Result<StageOutcome, Error> {
    use good_lp::solvers::{Solution, SolutionStatus};
    let started = Instant::now();
    let variables = model.columns.variable_count;
    let columns = model.columns;
    let constraints = model.constraints.len();
    let all: Vec<good_lp::Variable> = model
        .variables
        .iter_variables_with_def()
        .map(|(v, _)| v)
        .collect();
    let objective_expression = model.objective.clone();
    let mut problem = model
        .variables
        .minimise(model.objective)
        .using(good_lp::coin_cbc);
    problem.set_parameter("log", "0");
    problem.set_parameter("threads", "1");
    problem.set_parameter(
        "sec",
        &format!("{:.0}", settings.time_limit_seconds.max(1.0)),
    );
    if let Some(gap) = settings.mip_gap {
        problem.set_parameter("ratioGap", &format!("{gap}"));
    }
    for constraint in model.constraints {
        problem.add_constraint(constraint);
    }
    let solution = problem
        .solve()
        .map_err(|e| Error::Solver(format!("échec de CBC : {e}")))?;
    let status = match solution.status() {
        SolutionStatus::Optimal => SolveStatus::Optimal,
        SolutionStatus::GapLimit => SolveStatus::GapLimit,
        SolutionStatus::TimeLimit => SolveStatus::TimeLimit,
    };
    let values: Vec<f64> = all.iter().map(|v| solution.value(*v)).collect();
    let objective = objective_expression.eval_with(&solution);
    let bound = if status == SolveStatus::Optimal {
        objective
    } else {
        f64::NAN
    };
    Ok(StageOutcome {
        values,
        objective,
        bound,
        gap: if status == SolveStatus::Optimal {
            0.0
        } else {
            f64::NAN
        },
        status,
        seconds: started.elapsed().as_secs_f64(),
        variables,
        constraints,
        shortage: 0.0,
        shortage_bound: 0.0,
        moves: 0.0,
        changing: 0.0,
        bound_changing: None,
        proven_cost: None,
        solved_again: false,
        columns,
    })
}
