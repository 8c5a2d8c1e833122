//! The stage runner: builds the model of one stage, starts it from a known plan, solves it,
//! reads the weighted shortage and its proven bound, and records the stage.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use chrono::NaiveDate;

use super::clock::Clock;
use super::instance::Instance;
use super::model::{self, Bounds, Census, Choice, Columns};
use super::options::PlanOptions;
use super::progress::Progress;
use super::solve::{self, StageOutcome, StageSettings};
use super::stability::Homes;
use super::stats::{Objective, Phase, SolveStats, StageName, StageStats};
use crate::domain::{Affectation, Role};
use crate::error::Error;
use crate::problem::Problem;

/// Runs the solver stages of one instance and records them.
pub struct StageRunner<'a> {
    /// When the plan run started, for the progress lines.
    pub started: Instant,
    pub problem: &'a Problem,
    pub instance: &'a Instance,
    /// The dates solved, for the stages' names.
    pub dates: &'a [NaiveDate],
    pub options: &'a PlanOptions,
    /// The shortage stage runs at a MIP gap four times smaller than the run's (see
    /// `PeriodTerms::tight`).
    pub tight_shortage: bool,
    pub component: usize,
    pub stats: &'a mut SolveStats,
    /// Homes and designated directors, once the stability stage has chosen them.
    pub homes: Option<&'a Homes>,
    /// The component's time (each stage's is recorded there).
    pub clock: &'a Clock,
}

/// Builds a full starting point for a given model.
pub type Completion<'a> = dyn Fn(&Instance, &Columns) -> Vec<f64> + 'a;

/// Where a stage starts from.
pub enum Start<'a> {
    /// The solution of the previous stage on the same instance.
    After(&'a StageOutcome),
    /// A plan given as a function of the model it must fit.
    Plan(Box<Completion<'a>>),
}

impl<'a> Start<'a> {
    /// A plan given as assignments of the same people (by id): each of them directs, or
    /// animates, the créneaux they do in `assignments` at that ACM on that date.
    pub fn from_assignments(problem: &'a Problem, assignments: &[Affectation]) -> Self {
        // The créneaux in direction, and those animated.
        type Work = (BTreeSet<String>, BTreeSet<String>);
        let mut plan: BTreeMap<(String, String, NaiveDate), Work> = BTreeMap::new();
        for a in assignments {
            let work = plan
                .entry((a.animateur.clone(), a.accueil.clone(), a.date))
                .or_default();
            match a.role {
                Role::Direction => work.0.insert(a.creneau.label.clone()),
                Role::Animation => work.1.insert(a.creneau.label.clone()),
            };
        }
        Start::Plan(Box::new(move |instance: &Instance, model: &Columns| {
            // Each arc's work, looked up once.
            let works: Vec<Option<&Work>> = instance
                .arcs
                .iter()
                .map(|arc| {
                    let day = &instance.days[arc.day];
                    plan.get(&(
                        instance.people[arc.person].animateur.id.clone(),
                        problem.accueils[day.accueil.index()].code.clone(),
                        day.date,
                    ))
                })
                .collect();
            let label =
                |arc: usize, k: usize| &instance.slots[instance.arcs[arc].slots[k]].creneau.label;
            model::completion(
                instance,
                model,
                |arc, k| works[arc].is_some_and(|(_, animated)| animated.contains(label(arc, k))),
                |arc, k| works[arc].is_some_and(|(directed, _)| directed.contains(label(arc, k))),
            )
        }))
    }

    /// A plan split into what each person does on each arc of the instance it will fit
    /// (`choices`, indexed like that instance's arcs).
    pub fn from_choices(choices: Vec<Choice>) -> Self {
        Start::Plan(Box::new(move |instance: &Instance, columns: &Columns| {
            model::completion(
                instance,
                columns,
                |arc, k| choices[arc].animates[k],
                |arc, k| choices[arc].directed[k],
            )
        }))
    }

    /// The plan where nobody works: always feasible (everything is a shortage), so a stage
    /// stopped early still has a plan to return.
    pub fn nobody() -> Self {
        Start::Plan(Box::new(|instance: &Instance, model: &Columns| {
            model::completion(instance, model, |_, _| false, |_, _| false)
        }))
    }
}

impl<'a> StageRunner<'a> {
    /// The same runner, building its models with `homes` (the stability stage and the cost
    /// stage after it).
    pub fn with_homes<'b>(&'b mut self, homes: &'b Homes) -> StageRunner<'b>
    where
        'a: 'b,
    {
        StageRunner {
            started: self.started,
            problem: self.problem,
            instance: self.instance,
            dates: self.dates,
            options: self.options,
            tight_shortage: self.tight_shortage,
            component: self.component,
            stats: &mut *self.stats,
            homes: Some(homes),
            clock: self.clock,
        }
    }

    /// The cost stage after `shortage`, in `seconds`; with no time for it (`None`, counted in
    /// `stats.skipped`), the shortage stage's plan, whose cost breaks ties, at its real cost.
    pub fn cost_after(
        &mut self,
        phase: Phase,
        bounds: Bounds,
        shortage: StageOutcome,
        seconds: Option<f64>,
    ) -> Result<StageOutcome, Error> {
        // The shortage stage's cost tie-breaker may already be proven within the cost stage's
        // own tolerance (its bound, less the shortage found, is a bound on the cost of any plan
        // that short): the cost stage would find nothing cheaper to speak of.
        if let Some(cost_bound) = shortage.proven_cost {
            let mut kept = shortage;
            kept.objective = model::plan_cost(self.instance, &kept.columns, &kept.values);
            kept.bound = cost_bound;
            return Ok(kept);
        }
        let Some(seconds) = seconds else {
            self.stats.skipped.cost += 1;
            let mut kept = shortage;
            kept.objective = model::plan_cost(self.instance, &kept.columns, &kept.values);
            kept.bound = 0.0;
            return Ok(kept);
        };
        self.run(
            phase,
            Objective::Cost,
            bounds,
            Start::After(&shortage),
            seconds,
        )
    }

    /// Solves the stage of `phase` that minimises `stage` under the earlier stages' `bounds`,
    /// from `start`, in at most `time_limit_seconds`.
    pub fn run(
        &mut self,
        phase: Phase,
        stage: Objective,
        bounds: Bounds,
        start: Start<'_>,
        time_limit_seconds: f64,
    ) -> Result<StageOutcome, Error> {
        let began = Instant::now();
        let model = model::build(
            self.instance,
            &self.problem.parameters,
            stage,
            bounds,
            self.homes,
        );
        self.log_census(&model.census);
        let mut model = model;
        // The week's directors chosen by the directors stage are kept by the stages after it
        // (teams, cost): their columns are fixed at the values they start from.
        if let (Start::After(before), Some(designation), true) = (
            &start,
            &model.columns.designation,
            stage != Objective::Directors,
        ) {
            for var in designation
                .whole
                .values()
                .chain(designation.changes.values())
            {
                let value = before.values.get(var.column).map_or(0.0, |v| v.round());
                model
                    .constraints
                    .push(good_lp::Expression::from(var.variable).eq(value));
            }
        }
        let initial_values = match start {
            // The earlier stage's point is feasible here; the stint variables it lacks start at
            // 1, which satisfies their rows.
            Start::After(outcome) => {
                let mut values = outcome.values.clone();
                values.resize(model.columns.variable_count, 1.0);
                Some(values)
            }
            Start::Plan(complete) => Some(complete(self.instance, &model.columns)),
        };
        let tight = self.tight_shortage && stage == Objective::Shortage;
        let settings = StageSettings {
            time_limit_seconds,
            mip_gap: self
                .options
                .mip_gap
                .map(|gap| if tight { gap / 4.0 } else { gap }),
            backend: self.options.backend,
        };
        let shortage_model_terms = model::shortage_terms(&model.columns, &self.problem.parameters);
        let (moves_constant, moves_model_terms) = match self.homes {
            Some(homes) if matches!(stage, Objective::Teams | Objective::Directors) => {
                let (constant, terms) = if homes.replanning() {
                    model::changes_terms(self.instance, &model.columns.classes)
                } else {
                    (
                        0.0,
                        model::moves_terms(self.instance, &model.columns.classes),
                    )
                };
                let terms: Vec<(usize, f64)> = terms
                    .into_iter()
                    .map(|(var, weight)| (var.column, weight))
                    .collect();
                (constant, terms)
            }
            _ => (0.0, Vec::new()),
        };
        let changing_columns: Vec<usize> = model
            .columns
            .designation
            .as_ref()
            .map(|d| d.changes.values().map(|v| v.column).collect())
            .unwrap_or_default();
        let mut outcome = solve::solve(model, settings, initial_values.as_deref())?;
        model::settle_shortages(self.instance, &outcome.columns, &mut outcome.values);
        self.clock
            .record(self.instance.arcs.len(), began.elapsed().as_secs_f64());
        outcome.shortage = shortage_model_terms
            .iter()
            .map(|(column, weight)| outcome.values.get(*column).copied().unwrap_or(0.0) * weight)
            .sum();
        // The shortage stage's objective carries a cost tie-breaker: report the weighted
        // shortage itself, and its bound shifted by the same amount.
        let moves: f64 = moves_constant
            + moves_model_terms
                .iter()
                .map(|(column, weight)| {
                    outcome.values.get(*column).copied().unwrap_or(0.0) * weight
                })
                .sum::<f64>();
        outcome.moves = moves.round();
        outcome.changing = changing_columns
            .iter()
            .map(|column| outcome.values.get(*column).copied().unwrap_or(0.0))
            .sum::<f64>()
            .round();
        // Counts: their proven least is the bound rounded up.
        // (HiGHS has the objective without its constant: the changed days of a re-plan start
        // from one.)
        let count_bound =
            |count: f64| ((outcome.bound + moves_constant - 1e-6).ceil()).clamp(0.0, count);
        let (objective, bound) = if stage == Objective::Directors {
            // W × weeks + days away, days away below W: the weeks' least from the bound.
            let most_away = moves_model_terms.len() as f64 + 1.0;
            let bound = (((outcome.bound - 1e-6).ceil() - (most_away - 1.0)) / most_away - 1e-9)
                .ceil()
                .clamp(0.0, outcome.changing);
            outcome.bound_changing = Some(bound);
            (outcome.changing, bound)
        } else if stage == Objective::Teams {
            let moves = moves.round();
            (moves, count_bound(moves))
        } else if stage == Objective::Shortage {
            // The tie-breaker is the cost in euros: proven when the stage's gap is within the
            // cost stage's tolerance of it.
            let scale = model::shortage_scale(self.instance, &self.problem.parameters);
            let tie_breaker = outcome.objective - scale * outcome.shortage;
            let cost_bound = outcome.bound - scale * outcome.shortage;
            let tolerance = self.options.mip_gap.unwrap_or(1e-4) * tie_breaker.abs().max(1.0);
            if outcome.bound.is_finite() && tie_breaker - cost_bound <= tolerance {
                outcome.proven_cost = Some(cost_bound * 100.0);
            }
            let bound = model::shortage_bound(
                self.instance,
                &self.problem.parameters,
                outcome.bound,
                outcome.objective,
                outcome.shortage,
            );
            (outcome.shortage, bound)
        } else {
            (outcome.objective, outcome.bound)
        };
        outcome.shortage_bound = if stage == Objective::Shortage {
            bound
        } else {
            0.0
        };
        let stats = StageStats {
            refinement: stage == Objective::Stability,
            name: StageName::new(self.dates, phase, stage),
            component: self.component,
            variables: outcome.variables,
            constraints: outcome.constraints,
            seconds: outcome.seconds,
            objective,
            bound,
            gap: outcome.gap,
            status: outcome.status,
            solved_again: outcome.solved_again,
        };
        self.options.report(&Progress::Stage {
            elapsed_seconds: self.started.elapsed().as_secs_f64(),
            stage: &stats,
        });
        self.stats.stages.push(stats);
        Ok(outcome)
    }

    /// The development log of a model: how much its classes aggregate, and the rows of each
    /// constraint family.
    fn log_census(&self, census: &Census) {
        self.options.log(|| Progress::Classes {
            classes: census.classes,
            single: census.single,
            class_arcs: census.class_arcs,
            person_arcs: census.person_arcs,
        });
        for (family, rows) in &census.rows {
            self.options.log(|| Progress::Rows {
                family,
                rows: *rows,
            });
        }
    }
}
