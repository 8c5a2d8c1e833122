//! One plan run: split the territory into independent components, staff each with the existing
//! team (shortage, then cost, then stability), then size the hires that close what is left.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use chrono::{Datelike, NaiveDate};

use super::instance::{Candidate, Instance, Person};
use super::model::{self, Bounds, Choice, Columns, Stage};
use super::reasons;
use super::solve::{self, StageOutcome, StageSettings};
use super::{
    DirectorDay, Hire, PersonSummary, PlanOptions, PlanResult, SlotOutcome, SolveStats,
    SolveStatus, StageStats,
};
use crate::domain::{
    Affectation, Animateur, AnimationCategory, Cents, Contrat, Qualification, Role, SourceRef,
};
use crate::error::Error;
use crate::problem::{Need, Problem};
use crate::rules::{self, qualifications};

/// A recruitment profile: what the market can supply in one sector.
#[derive(Debug, Clone)]
pub(super) struct HiringGroup {
    pub qualification: Qualification,
    pub secteur: Option<String>,
    pub daily_cost: Cents,
    pub fixed_cost: Cents,
    pub cap: u32,
}

/// The solution of one component: assignments of staff and hires, and the shortage variables.
struct ComponentSolution {
    assignments: Vec<Affectation>,
    hires: Vec<(HiringGroup, Vec<Affectation>)>,
    residual: (u32, u32, u32),
    /// The existing team's plan: weighted shortage and cost, with their proven bounds.
    staffing: Staffing,
}

impl ComponentSolution {
    fn empty() -> ComponentSolution {
        ComponentSolution::combine([])
    }

    fn combine(parts: impl IntoIterator<Item = ComponentSolution>) -> ComponentSolution {
        let mut combined = ComponentSolution {
            assignments: Vec::new(),
            hires: Vec::new(),
            residual: (0, 0, 0),
            staffing: Staffing::default(),
        };
        for part in parts {
            combined.assignments.extend(part.assignments);
            combined.hires.extend(part.hires);
            combined.residual.0 += part.residual.0;
            combined.residual.1 += part.residual.1;
            combined.residual.2 += part.residual.2;
            combined.staffing.shortage += part.staffing.shortage;
            combined.staffing.shortage_bound += part.staffing.shortage_bound;
            combined.staffing.cost += part.staffing.cost;
            combined.staffing.cost_bound += part.staffing.cost_bound;
        }
        combined
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Staffing {
    shortage: f64,
    shortage_bound: f64,
    cost: f64,
    cost_bound: f64,
}

pub fn plan(problem: &Problem, options: &PlanOptions) -> Result<PlanResult, Error> {
    let started = Instant::now();
    let groups = if options.recruit {
        hiring_groups(problem)
    } else {
        Vec::new()
    };
    let components = components(problem, &groups);
    let mut stats = SolveStats {
        components: components.len(),
        ..SolveStats::default()
    };
    let mut result = PlanResult {
        recruitment_ran: options.recruit,
        ..PlanResult::default()
    };
    let mut notes = vec![decomposition_note(problem, &components)];
    let mut posts: Vec<(HiringGroup, Vec<Affectation>)> = Vec::new();
    for (index, accueils) in components.iter().enumerate() {
        let elapsed = started.elapsed().as_secs_f64();
        let budget =
            ((options.time_limit_seconds - elapsed) / (components.len() - index) as f64).max(1.0);
        let mut context = ComponentContext {
            problem,
            accueils,
            groups: &groups,
            options,
            component: index,
            started,
        };
        let (solution, note) = context.solve_in_periods(budget, &mut stats)?;
        if let Some(note) = note {
            notes.push(note);
        }
        result.assignments.extend(solution.assignments);
        posts.extend(solution.hires);
        let (any, qualified, directors) = solution.residual;
        result.residual_missing.0 += any;
        result.residual_missing.1 += qualified;
        result.residual_missing.2 += directors;
    }
    for (group, assignments) in merge_posts(posts) {
        let number = result.hires.len() + 1;
        result.hires.push(hire_post(number, &group, &assignments));
        let id = format!("RECRUTEMENT-{number}");
        result
            .hire_assignments
            .extend(assignments.into_iter().map(|a| Affectation {
                animateur: id.clone(),
                ..a
            }));
    }
    sort_assignments(&mut result.assignments);
    sort_assignments(&mut result.hire_assignments);
    result.slots = slot_outcomes(problem, &result.assignments);
    result.director_days = director_days(problem, &result.assignments);
    reasons::explain(
        problem,
        &result.assignments,
        &mut result.slots,
        &mut result.director_days,
    );
    result.people = people_summaries(problem, &result.assignments);
    result.staff_cost = result.people.iter().map(|p| p.cost).sum();
    stats.decomposition = notes.join(" ; ");
    stats.total_seconds = started.elapsed().as_secs_f64();
    result.stats = stats;
    Ok(result)
}

/// Independent components: ACM linked by a person (or a hiring profile) who may work at both.
/// Solving them separately is exact: no variable or constraint spans two components.
fn components(problem: &Problem, groups: &[HiringGroup]) -> Vec<Vec<usize>> {
    let open: BTreeSet<usize> = open_accueils(problem);
    let mut parent: Vec<usize> = (0..problem.accueils.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let link = |members: Vec<usize>, parent: &mut Vec<usize>| {
        for pair in members.windows(2) {
            let (a, b) = (find(parent, pair[0]), find(parent, pair[1]));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    };
    for animateur in &problem.animateurs {
        let reachable: Vec<usize> = open
            .iter()
            .copied()
            .filter(|a| rules::may_work_at(animateur, &problem.accueils[*a]))
            .collect();
        link(reachable, &mut parent);
    }
    for group in groups {
        let candidate = candidate_animateur("", group);
        let reachable: Vec<usize> = open
            .iter()
            .copied()
            .filter(|a| rules::may_work_at(&candidate, &problem.accueils[*a]))
            .collect();
        link(reachable, &mut parent);
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for accueil in open {
        let root = find(&mut parent, accueil);
        by_root.entry(root).or_default().push(accueil);
    }
    by_root.into_values().collect()
}

fn open_accueils(problem: &Problem) -> BTreeSet<usize> {
    problem
        .needs
        .iter()
        .filter(|need| need.requirement.required > 0)
        .map(|need| need.accueil.index())
        .collect()
}

fn decomposition_note(problem: &Problem, components: &[Vec<usize>]) -> String {
    if components.len() <= 1 {
        return "un seul modèle (toutes les équipes peuvent se croiser)".to_string();
    }
    let sizes: Vec<String> = components
        .iter()
        .map(|c| {
            let codes: Vec<&str> = c
                .iter()
                .map(|a| problem.accueils[*a].code.as_str())
                .collect();
            if codes.len() <= 3 {
                codes.join(", ")
            } else {
                format!("{} accueils", codes.len())
            }
        })
        .collect();
    format!(
        "{} groupes indépendants résolus séparément (aucun animateur commun, découpage exact) : {}",
        components.len(),
        sizes.join(" ; ")
    )
}

pub(super) fn staff_people(problem: &Problem, accueils: &[usize]) -> Vec<Person> {
    problem
        .animateurs
        .iter()
        .filter(|a| {
            accueils
                .iter()
                .any(|i| rules::may_work_at(a, &problem.accueils[*i]))
        })
        .map(|animateur| Person {
            category: animateur.qualification.category,
            daily_cost: animateur
                .cout_journalier
                .unwrap_or(problem.parameters.default_daily_cost),
            animateur: animateur.clone(),
            candidate: None,
        })
        .collect()
}

/// How the team is adjusted for one period when periods share budgets.
#[derive(Debug, Clone, Default)]
struct PeriodTerms {
    /// Days each person may work in the period (by animateur id): their share of a budget.
    caps: BTreeMap<String, u32>,
    /// People whose days count against a budget shared between periods: in the relaxation,
    /// their days cost `surcharge` more, so that each period uses them only where nobody else
    /// does as well, and the budget goes where it is needed.
    surcharged: BTreeSet<String>,
    surcharge: Cents,
    /// Only the shortage stage (its plan, with the cost as a tie-breaker, is kept).
    shortage_only: bool,
    /// A MIP gap four times smaller than the run's for the existing team's shortage stage,
    /// whose plan and bound decide the proven gap of the whole.
    tight: bool,
}

/// Share of a component's time for the relaxation pass of `solve_with_shared_budgets` (the
/// shortage stage of each period, against two to four stages in the later passes).
const RELAXATION_SHARE: f64 = 0.3;

/// Least time given to one solver stage, in seconds (measured: a week of the 60-ACM school year
/// needs 3 s for its shortage stage when budgets are shared).
const MIN_STAGE_SECONDS: f64 = 5.0;

/// Largest instance (eligible person × open day pairs) on which the stability stage runs.
const STABILITY_MAX_ARCS: usize = 6000;

/// One component of the territory, solved period by period.
struct ComponentContext<'a> {
    problem: &'a Problem,
    accueils: &'a [usize],
    groups: &'a [HiringGroup],
    options: &'a PlanOptions,
    component: usize,
    /// When the plan run started.
    started: Instant,
}

impl ComponentContext<'_> {
    /// Splits the component's dates into periods that share no person-level constraint, solves
    /// each period, and merges periods whenever a constraint that spans them (the CEE rolling
    /// year, `Max jours`) is violated by the combined plan. Each period's problem is a
    /// relaxation-free piece of a separable problem once no spanning constraint is violated, so
    /// the combined plan is optimal for the whole component.
    fn solve_in_periods(
        &mut self,
        budget: f64,
        stats: &mut SolveStats,
    ) -> Result<(ComponentSolution, Option<String>), Error> {
        let started = Instant::now();
        let full = Instance::new(self.problem, self.accueils, None, self.staff());
        let mut periods = periods(&full);
        let initial_periods = periods.len();
        // People whose CEE budget or `Max jours` is smaller than the days they could work link
        // every period they could work in: merge those up front rather than after a failed check.
        let linked = linking_dates(&full);
        let linked_arcs = full
            .arcs
            .iter()
            .filter(|a| linked.contains(&full.days[a.day].date))
            .count();
        if periods.len() > 1 && linked_arcs > self.options.merged_max_arcs {
            return self.solve_with_shared_budgets(&full, &periods, budget, stats);
        }
        if !linked.is_empty() {
            periods = merge_periods(periods, &linked);
        }
        let mut solved: BTreeMap<Vec<NaiveDate>, ComponentSolution> = BTreeMap::new();
        loop {
            for (index, dates) in periods.iter().enumerate() {
                if solved.contains_key(dates) {
                    continue;
                }
                let left = periods.len() - index;
                let share = ((budget - started.elapsed().as_secs_f64()) / left as f64).max(1.0);
                let solution = self.solve_dates(
                    dates,
                    share,
                    stats,
                    &PeriodTerms::default(),
                    self.options.recruit,
                    None,
                )?;
                solved.insert(dates.clone(), solution);
            }
            let assignments: Vec<Affectation> = solved
                .values()
                .flat_map(|s| s.assignments.iter().cloned())
                .collect();
            let spanning = spanning_violations(self.problem, &full, &assignments);
            if spanning.is_empty() || periods.len() == 1 {
                break;
            }
            let count = periods.len();
            periods = merge_periods(periods, &spanning);
            if periods.len() == count {
                // Cannot happen (a period's own model keeps its constraints); stop rather than loop.
                break;
            }
            // Periods left untouched keep their solution; merged ones are solved again.
            solved.retain(|dates, _| periods.contains(dates));
        }
        let combined = ComponentSolution::combine(solved.into_values());
        let note = (initial_periods > 1).then(|| {
            format!(
                "{} : {} périodes sans contrainte commune, {} après vérification des \
                 contraintes qui les relient (CEE sur 12 mois glissants, maximum de jours)",
                self.group_label(),
                initial_periods,
                periods.len()
            )
        });
        Ok((combined, note))
    }

    /// Periods linked by a budget (CEE days over the rolling year, `Max jours`) whose merged
    /// model would be too large to solve in one piece: the periods that compete for the
    /// budgets are merged, the others solved apart with a share of the budgets, and the
    /// distance to the optimum is proven.
    ///
    /// 1. Each period alone, every budget whole, existing team only (shortage stage): together,
    ///    a relaxation of the whole problem, whose proven bounds add up to a lower bound of its
    ///    least shortage.
    /// 2. The periods short in (1) are merged into one model (every budget whole, so its bound
    ///    is valid too, and stronger), where budget-limited people cost extra so that they
    ///    take only the days their shortage needs.
    /// 3. What they leave of each budget is shared out between the other periods, in
    ///    proportion to the days (1) gave them, and each is solved with its share as a
    ///    `Max jours`.
    /// 4. The periods that (3) left shorter than (1) join the merged model, whose bound is
    ///    proven again.
    /// 5. The merged model is solved at real cost, with whatever the other periods left of
    ///    each budget, from the plan so far: every budget holds.
    /// 6. The plan's shortage against the bounds of (1), (2) and (4) is the proven gap,
    ///    reported as a stage of its own.
    fn solve_with_shared_budgets(
        &mut self,
        full: &Instance,
        periods: &[Vec<NaiveDate>],
        budget: f64,
        stats: &mut SolveStats,
    ) -> Result<(ComponentSolution, Option<String>), Error> {
        let started = Instant::now();
        let budgets = linked_budgets(full);
        let most = full
            .people
            .iter()
            .map(|p| p.daily_cost.0)
            .max()
            .unwrap_or(0);
        let relaxation = PeriodTerms {
            surcharged: budgets
                .keys()
                .map(|p| full.people[*p].animateur.id.clone())
                .collect(),
            surcharge: Cents(most + 100),
            shortage_only: true,
            ..PeriodTerms::default()
        };
        // Time in proportion to each period's size.
        let mut size = vec![0usize; periods.len()];
        let period_of = period_index(periods);
        for arc in &full.arcs {
            if let Some(k) = period_of.get(&full.days[arc.day].date) {
                size[*k] += 1;
            }
        }
        let total_size: usize = size.iter().sum();
        let size_of = |set: &BTreeSet<usize>| set.iter().map(|k| size[*k]).sum::<usize>();
        let dates_of = |set: &BTreeSet<usize>| -> Vec<NaiveDate> {
            let mut dates: Vec<NaiveDate> = set
                .iter()
                .flat_map(|k| periods[*k].iter().copied())
                .collect();
            dates.sort_unstable();
            dates
        };
        // Time until `until` in proportion to the size of the part solved next (`size`) among
        // those left (`left`).
        let share = |until: f64, size: usize, left: usize| {
            let weight = size as f64 / left.max(1) as f64;
            ((until - started.elapsed().as_secs_f64()) * weight).max(0.5)
        };
        let recruit = self.options.recruit;
        let mut relaxation_stats = SolveStats::default();
        // Development aid: the time of each step.
        let log = |step: &str| {
            if std::env::var_os("ACM_PLANNER_SOLVER_LOG").is_some() {
                eprintln!(
                    "[{:>6.1} s] budgets partagés : {step}",
                    started.elapsed().as_secs_f64()
                );
            }
        };

        // 1. Each period alone, every budget whole.
        let relaxed = in_parallel(periods.len(), &mut relaxation_stats, |k, stats| {
            let limit = share(budget * RELAXATION_SHARE, size[k], size[k..].iter().sum());
            self.solve_dates(&periods[k], limit, stats, &relaxation, false, None)
        })?;
        log("périodes seules");
        let relaxed_bound = |set: &BTreeSet<usize>| -> f64 {
            set.iter()
                .map(|k| relaxed[*k].staffing.shortage_bound)
                .sum()
        };

        // 2. The periods short even with every budget whole compete for the budgets (the
        //    summer weeks for the CEE days the school year left): merged into one model, where
        //    the budgets hold exactly, when it is small enough. Its proven bound replaces
        //    theirs, since any plan of the whole problem, cut to their dates, is a plan of that
        //    model. Budget-limited people cost extra there too, so the short periods take only
        //    what their shortage needs; the other periods share what is left.
        let mut short: BTreeSet<usize> = (0..periods.len())
            .filter(|k| relaxed[*k].staffing.shortage > 0.5)
            .collect();
        if size_of(&short) > self.options.merged_max_arcs {
            short.clear();
        }
        let mut short_bound = 0.0;
        let mut left_budgets = budgets.clone();
        let mut start = Vec::new();
        if !short.is_empty() {
            let limit = share(budget * 0.5, size_of(&short), total_size);
            let probe = self.solve_dates(
                &dates_of(&short),
                limit,
                &mut relaxation_stats,
                &relaxation,
                false,
                None,
            )?;
            short_bound = probe.staffing.shortage_bound.max(relaxed_bound(&short));
            left_budgets = budgets_left(full, &budgets, &probe.assignments);
            start = probe.assignments;
        }
        let rest: Vec<usize> = (0..periods.len()).filter(|k| !short.contains(k)).collect();
        let rest_periods: Vec<Vec<NaiveDate>> = rest.iter().map(|k| periods[*k].clone()).collect();
        let rest_relaxed: Vec<&ComponentSolution> = rest.iter().map(|k| &relaxed[*k]).collect();
        log(&format!("{} périodes en manque ensemble", short.len()));
        // 3. The other periods, each with its share of what is left.
        let terms = share_budgets(full, &rest_periods, &left_budgets, &rest_relaxed);
        let mut shared: BTreeSet<String> =
            terms.iter().flat_map(|t| t.caps.keys().cloned()).collect();
        let parts = in_parallel(rest.len(), stats, |j, stats| {
            let left = rest[j..].iter().map(|k| size[*k]).sum::<usize>() + size_of(&short);
            let limit = share(budget, size[rest[j]], left);
            self.solve_dates(&rest_periods[j], limit, stats, &terms[j], recruit, None)
        })?;
        let mut solved: BTreeMap<usize, ComponentSolution> =
            rest.iter().copied().zip(parts).collect();

        log("autres périodes");
        // 4. Periods that their share of the budgets left short join the merged model, which
        //    then shares the budgets between them exactly (its start: the plan so far).
        let newly: BTreeSet<usize> = rest
            .iter()
            .copied()
            .filter(|k| solved[k].staffing.shortage > relaxed[*k].staffing.shortage + 0.5)
            .collect();
        let joined: BTreeSet<usize> = short.union(&newly).copied().collect();
        if !newly.is_empty() && size_of(&joined) <= self.options.merged_max_arcs {
            let newly_bound = relaxed_bound(&newly);
            for k in &newly {
                start.extend(solved.remove(k).map(|s| s.assignments).unwrap_or_default());
            }
            // Half the time left for this bound, half for the plan of step 5.
            let limit = share(budget, size_of(&joined), 2 * size_of(&joined));
            let probe = self.solve_dates(
                &dates_of(&joined),
                limit,
                &mut relaxation_stats,
                &PeriodTerms {
                    tight: true,
                    ..relaxation.clone()
                },
                false,
                Some(&start),
            )?;
            short_bound = probe.staffing.shortage_bound.max(short_bound + newly_bound);
            short = joined;
            log(&format!(
                "{} périodes en manque ensemble, borne",
                short.len()
            ));
        }
        // The relaxation's shortage bounds hold for the whole problem (its costs were
        // surcharged, so only the shortage is compared).
        let apart: BTreeSet<usize> = solved.keys().copied().collect();
        let lower = short_bound + relaxed_bound(&apart);
        let mut capped = rest
            .iter()
            .zip(&terms)
            .filter(|(k, t)| solved.contains_key(k) && !t.caps.is_empty())
            .count();
        let mut parts: Vec<ComponentSolution> = solved.into_values().collect();
        if !short.is_empty() {
            // 5. The merged periods at their real cost, with whatever the other periods left
            //    of each budget: at least what the plan so far gave them, so it stays a start.
            let mut caps = BTreeMap::new();
            if !parts.is_empty() {
                let elsewhere: Vec<Affectation> = parts
                    .iter()
                    .flat_map(|p| p.assignments.iter().cloned())
                    .collect();
                for (person, left) in budgets_left(full, &budgets, &elsewhere) {
                    caps.insert(full.people[person].animateur.id.clone(), left);
                }
                capped += 1;
                shared.extend(caps.keys().cloned());
            }
            let terms = PeriodTerms {
                caps,
                tight: true,
                ..PeriodTerms::default()
            };
            let limit = share(budget, size_of(&short), size_of(&short));
            parts.push(self.solve_dates(
                &dates_of(&short),
                limit,
                stats,
                &terms,
                recruit,
                Some(&start),
            )?);
        }
        log("périodes en manque, plan");
        stats.bound_stages.append(&mut relaxation_stats.stages);
        let combined = ComponentSolution::combine(parts);
        let shortage = combined.staffing.shortage;
        let gap = if shortage > lower + 0.5 {
            (shortage - lower) / shortage
        } else {
            0.0
        };
        stats.stages.push(StageStats {
            name: format!(
                "{} — budgets partagés entre {} périodes, manques",
                period_label(&full.dates),
                periods.len()
            ),
            component: self.component,
            variables: 0,
            constraints: 0,
            seconds: started.elapsed().as_secs_f64(),
            objective: shortage,
            bound: lower,
            gap,
            status: SolveStatus::Shared,
            refinement: false,
        });
        let merged = match short.len() {
            0 => String::new(),
            1 => "la période en manque est résolue d'abord, ".to_string(),
            n => format!("les {n} périodes en manque sont résolues ensemble, "),
        };
        let note = format!(
            "{} : {} périodes sans contrainte commune hormis les budgets de jours (CEE sur 12 \
             mois glissants, maximum de jours) de {} ; trop grandes pour un seul modèle : \
             {merged}les autres séparément, budgets répartis entre {} parties ; manque prouvé \
             à {} près de l'optimum ; coût optimal dans chaque partie pour sa part des budgets",
            self.group_label(),
            periods.len(),
            if shared.len() == 1 {
                "1 personne".to_string()
            } else {
                format!("{} personnes", shared.len())
            },
            capped,
            format!("{:.1} %", gap * 100.0).replace('.', ",")
        );
        Ok((combined, Some(note)))
    }

    /// `groupe (ALSH-A, ALSH-B, ALSH-C, …)`.
    fn group_label(&self) -> String {
        let codes: Vec<&str> = self
            .accueils
            .iter()
            .take(3)
            .map(|a| self.problem.accueils[*a].code.as_str())
            .collect();
        let more = if self.accueils.len() > 3 { ", …" } else { "" };
        let kind = if self.accueils.len() == 1 {
            "accueil"
        } else {
            "groupe"
        };
        format!("{kind} ({}{more})", codes.join(", "))
    }

    fn staff(&self) -> Vec<Person> {
        staff_people(self.problem, self.accueils)
    }

    /// The team, with each person's days in this period capped by `caps` (their share of a
    /// budget that spans periods), kept as a `Max jours`.
    fn staff_capped(&self, terms: &PeriodTerms) -> Vec<Person> {
        let mut people = self.staff();
        for person in &mut people {
            if let Some(cap) = terms.caps.get(&person.animateur.id) {
                let max = &mut person.animateur.max_jours;
                *max = Some(max.map_or(*cap, |m| m.min(*cap)));
            }
            if terms.surcharged.contains(&person.animateur.id) {
                person.daily_cost = Cents(person.daily_cost.0 + terms.surcharge.0);
            }
        }
        people
    }

    /// Staffs `dates` with the existing team (shortage, cost, stability), then sizes the hires.
    fn solve_dates(
        &self,
        dates: &[NaiveDate],
        budget: f64,
        stats: &mut SolveStats,
        caps: &PeriodTerms,
        recruit: bool,
        start: Option<&[Affectation]>,
    ) -> Result<ComponentSolution, Error> {
        let (problem, accueils, options) = (self.problem, self.accueils, self.options);
        let started = Instant::now();
        // Each stage gets at least `MIN_STAGE_SECONDS`: below, a model of a week of a large
        // territory may not even finish its root LP, and the stage would keep its start.
        let remaining = |share: f64| {
            ((budget - started.elapsed().as_secs_f64()) * share).max(MIN_STAGE_SECONDS)
        };
        let date_set: BTreeSet<NaiveDate> = dates.iter().copied().collect();
        let instance = Instance::new(problem, accueils, Some(&date_set), self.staff_capped(caps));
        let label = period_label(dates);
        let mut runner = StageRunner {
            started: self.started,
            problem,
            instance: &instance,
            options,
            tight_shortage: caps.tight,
            component: self.component,
            stats,
        };
        let start = match start {
            Some(assignments) => Start::from_assignments(problem, assignments),
            None => Start::nobody(),
        };
        if caps.shortage_only {
            let shortage = runner.run(
                &format!("{label} — équipe actuelle, manques"),
                Stage::Shortage,
                Bounds::default(),
                start,
                remaining(1.0),
            )?;
            let plan = model::choices(&instance, &shortage.columns, &shortage.values);
            let mut solution = ComponentSolution::empty();
            solution.assignments = extract(problem, &instance, &plan, |_| true);
            solution.staffing.shortage = shortage.shortage;
            solution.staffing.shortage_bound = shortage.shortage_bound;
            return Ok(solution);
        }
        let (cost, bounds, team_figures) = runner.shortage_then_cost(
            &format!("{label} — équipe actuelle"),
            start,
            &remaining,
            (0.35, 0.5),
        )?;
        let mut best = cost;
        // Stability is a refinement: only with time to spare, given at most the time the first
        // two stages took, and kept only if it finishes.
        let spent = started.elapsed().as_secs_f64();
        // Its LP bound is weak (fractional days make every stint free), so on large models it
        // rarely improves on the cost stage in the time it gets: run it on small ones only.
        if budget - spent > 2.0 && instance.arcs.len() <= STABILITY_MAX_ARCS {
            let limit = remaining(0.3).min((spent / 2.0).max(1.0));
            let stable_bounds = Bounds {
                cost: Some(best.objective + 0.5),
                ..bounds
            };
            // The stability model has a class of one per person and date: start it from the
            // cost stage's plan split into personal assignments.
            let plan = model::choices(&instance, &best.columns, &best.values);
            let start = Start::Plan(Box::new(move |instance: &Instance, columns: &Columns| {
                model::completion(
                    instance,
                    columns,
                    |arc, k| plan[arc].animates[k],
                    |arc| plan[arc].directs,
                )
            }));
            if let Ok(stable) = runner.run(
                &format!("{label} — équipe actuelle, stabilité"),
                Stage::Stability,
                stable_bounds,
                start,
                limit,
            ) {
                // Any solution of this stage keeps the optimal shortage and cost (they are
                // constraints), so even one stopped by the time limit is at least as stable.
                best = stable;
            }
        }
        let staffing = &best.columns;
        let staffing_plan = model::choices(&instance, staffing, &best.values);
        let assignments = extract(problem, &instance, &staffing_plan, |_| true);
        let short = shortage_by_sector(problem, &instance, staffing, &best.values);
        let mut solution = ComponentSolution {
            assignments,
            hires: Vec::new(),
            residual: (0, 0, 0),
            staffing: team_figures,
        };
        if !recruit || short.is_empty() {
            return Ok(solution);
        }
        let mut people = self.staff_capped(caps);
        let mut used_groups = Vec::new();
        for group in self.groups {
            let (count, dates) = candidate_need(group, &short);
            if count == 0 {
                continue;
            }
            let group_index = used_groups.len();
            used_groups.push(group.clone());
            for rank in 0..count {
                let id = format!("candidat-{group_index}-{rank}");
                people.push(Person {
                    animateur: candidate_animateur(&id, group),
                    category: group.qualification.category,
                    daily_cost: group.daily_cost,
                    candidate: Some(Candidate {
                        group: group_index,
                        fixed_cost: group.fixed_cost,
                        dates: dates.clone(),
                    }),
                });
            }
        }
        if used_groups.is_empty() {
            solution.residual = residual(staffing, &best.values);
            return Ok(solution);
        }
        let hiring = Instance::new(problem, accueils, Some(&date_set), people);
        let mut runner = StageRunner {
            started: self.started,
            problem,
            instance: &hiring,
            options,
            // The hires do not decide the proven gap of shared budgets.
            tight_shortage: false,
            component: self.component,
            stats,
        };
        // Start from the staffing plan with nobody hired: the staff's arcs come first, in the
        // same order, in both instances.
        let staff_arcs = instance.arcs.len();
        let same_prefix = hiring.arcs.len() >= staff_arcs
            && instance.arcs.iter().zip(&hiring.arcs).all(|(a, b)| {
                a.person == b.person
                    && a.day == b.day
                    && a.slots == b.slots
                    && a.can_direct == b.can_direct
            });
        let start = if same_prefix {
            Start::Plan(Box::new(|hiring: &Instance, hiring_model: &Columns| {
                model::completion(
                    hiring,
                    hiring_model,
                    |arc, k| arc < staff_arcs && staffing_plan[arc].animates[k],
                    |arc| arc < staff_arcs && staffing_plan[arc].directs,
                )
            }))
        } else {
            Start::nobody()
        };
        let (cost, _, _) = runner.shortage_then_cost(
            &format!("{label} — recrutement"),
            start,
            &remaining,
            (0.5, 1.0),
        )?;
        let hiring_columns = &cost.columns;
        solution.residual = residual(hiring_columns, &cost.values);
        let hiring_plan = model::choices(&hiring, hiring_columns, &cost.values);
        for (person_index, person) in hiring.people.iter().enumerate() {
            let Some(candidate) = &person.candidate else {
                continue;
            };
            let hired =
                hiring_columns.hired[person_index].is_some_and(|v| cost.values[v.column] > 0.5);
            if !hired {
                continue;
            }
            let assignments = extract(problem, &hiring, &hiring_plan, |p| p == person_index);
            if !assignments.is_empty() {
                solution
                    .hires
                    .push((used_groups[candidate.group].clone(), assignments));
            }
        }
        Ok(solution)
    }
}

/// Periods solved at the same time when they are independent (each solve uses one HiGHS
/// thread): the machine's cores, at most 4.
fn parallel_solves() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Runs `job` for `0..count` (independent periods) on `parallel_solves()` threads. The
/// solutions come back in index order, and each job's stages are appended to `stats` in that
/// order: the same result as one after the other.
fn in_parallel<F>(
    count: usize,
    stats: &mut SolveStats,
    job: F,
) -> Result<Vec<ComponentSolution>, Error>
where
    F: Fn(usize, &mut SolveStats) -> Result<ComponentSolution, Error> + Sync,
{
    type Done = Option<(Result<ComponentSolution, Error>, SolveStats)>;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: Vec<std::sync::Mutex<Done>> = (0..count).map(|_| Default::default()).collect();
    std::thread::scope(|scope| {
        for _ in 0..parallel_solves().min(count) {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if k >= count {
                        break;
                    }
                    let mut own = SolveStats::default();
                    let result = job(k, &mut own);
                    let failed = result.is_err();
                    if let Ok(mut slot) = done[k].lock() {
                        *slot = Some((result, own));
                    }
                    if failed {
                        // The others stop at their next job.
                        next.store(count, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let mut solutions = Vec::with_capacity(count);
    for slot in done {
        let Some((result, own)) = slot.into_inner().ok().flatten() else {
            // Not run: an earlier job failed, and its error comes first.
            continue;
        };
        stats.stages.extend(own.stages);
        stats.bound_stages.extend(own.bound_stages);
        solutions.push(result?);
    }
    Ok(solutions)
}

/// `06/07–12/07/2026`
fn period_label(dates: &[NaiveDate]) -> String {
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first == last => first.format("%d/%m/%Y").to_string(),
        (Some(first), Some(last)) => {
            format!("{}–{}", first.format("%d/%m"), last.format("%d/%m/%Y"))
        }
        _ => String::new(),
    }
}

/// The component's dates cut into periods at the Mondays where no person could work the 7 days
/// around the cut (so no weekly-rest window spans two periods; hour limits and the minors' rest
/// are per civil week). Candidates for hire may work every open day.
fn periods(instance: &Instance) -> Vec<Vec<NaiveDate>> {
    let possible = possible_dates(instance);
    let all_open: BTreeSet<NaiveDate> = instance.dates.iter().copied().collect();
    let spans_seven = |days: &BTreeSet<NaiveDate>, monday: NaiveDate| {
        (1..=6).any(|before| {
            let first = monday - chrono::Duration::days(before);
            (0..7).all(|k| days.contains(&(first + chrono::Duration::days(k))))
        })
    };
    let mut periods: Vec<Vec<NaiveDate>> = Vec::new();
    for date in &instance.dates {
        let cut = match periods.last().and_then(|p| p.last()) {
            None => true,
            Some(previous) => {
                let monday = *date
                    - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
                monday > *previous
                    && !spans_seven(&all_open, monday)
                    && !possible.values().any(|days| spans_seven(days, monday))
            }
        };
        if cut {
            periods.push(vec![*date]);
        } else if let Some(last) = periods.last_mut() {
            last.push(*date);
        }
    }
    periods
}

/// Per person (index into `instance.people`): the dates they could work.
fn possible_dates(instance: &Instance) -> BTreeMap<usize, BTreeSet<NaiveDate>> {
    let mut possible: BTreeMap<usize, BTreeSet<NaiveDate>> = BTreeMap::new();
    for arc in &instance.arcs {
        possible
            .entry(arc.person)
            .or_default()
            .insert(instance.days[arc.day].date);
    }
    possible
}

/// Dates of the people whose CEE budget or `Max jours` could bind over the whole component.
fn linking_dates(instance: &Instance) -> BTreeSet<NaiveDate> {
    let linked = linked_budgets(instance);
    possible_dates(instance)
        .into_iter()
        .filter(|(person, _)| linked.contains_key(person))
        .flat_map(|(_, dates)| dates)
        .collect()
}

/// Dates involved in a violated constraint that spans periods: a CEE rolling window over 80
/// days (L432-4) or a personal `Max jours`.
fn spanning_violations(
    problem: &Problem,
    instance: &Instance,
    assignments: &[Affectation],
) -> BTreeSet<NaiveDate> {
    let mut involved = BTreeSet::new();
    for (id, days) in days_worked(assignments) {
        let Some(animateur) = problem.animateur(id) else {
            continue;
        };
        if animateur
            .max_jours
            .is_some_and(|max| days.len() > max as usize)
        {
            involved.extend(days.iter().copied());
            continue;
        }
        let Some(budget) = super::instance::cee_budget(animateur) else {
            continue;
        };
        let list: Vec<NaiveDate> = days.iter().copied().collect();
        for (end, last) in list.iter().enumerate() {
            let window_start = *last - chrono::Duration::days(rules::labour::CEE_WINDOW_DAYS - 1);
            let first = list.partition_point(|d| *d < window_start);
            let cap = if window_start <= instance.horizon_start {
                budget
            } else {
                rules::labour::CEE_MAX_DAYS_PER_365
            };
            if end + 1 - first > cap as usize {
                involved.extend(list[first..=end].iter().copied());
            }
        }
    }
    involved
}

/// The dates each person (by animateur id) works in `assignments`.
fn days_worked(assignments: &[Affectation]) -> BTreeMap<&str, BTreeSet<NaiveDate>> {
    let mut worked: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    for assignment in assignments {
        worked
            .entry(assignment.animateur.as_str())
            .or_default()
            .insert(assignment.date);
    }
    worked
}

/// Each budget (by person index into `full.people`) less the days its person works in
/// `assignments`.
fn budgets_left(
    full: &Instance,
    budgets: &BTreeMap<usize, u32>,
    assignments: &[Affectation],
) -> BTreeMap<usize, u32> {
    let worked = days_worked(assignments);
    budgets
        .iter()
        .map(|(person, limit)| {
            let id = full.people[*person].animateur.id.as_str();
            let used = worked.get(id).map_or(0, |days| days.len() as u32);
            (*person, limit - used.min(*limit))
        })
        .collect()
}

/// The people whose budget (CEE days left, `Max jours`) is below the days they could work in
/// the component, with that budget.
fn linked_budgets(full: &Instance) -> BTreeMap<usize, u32> {
    possible_dates(full)
        .into_iter()
        .filter_map(|(person, dates)| {
            let animateur = &full.people[person].animateur;
            let limit = super::instance::cee_budget(animateur)
                .into_iter()
                .chain(animateur.max_jours)
                .min()?;
            (dates.len() > limit as usize).then_some((person, limit))
        })
        .collect()
}

/// Each linked person's days per period (only where below the days they could work there),
/// from the days `relaxed` (the periods solved alone, their days surcharged) gave them:
/// - over the budget: the periods that were short keep those days first, as far as the budget
///   goes; the other periods share the rest in proportion to those days;
/// - within the budget: those days, plus the spare budget where they could still work, the
///   periods that were short first, in proportion to those days.
fn share_budgets(
    full: &Instance,
    periods: &[Vec<NaiveDate>],
    budgets: &BTreeMap<usize, u32>,
    relaxed: &[&ComponentSolution],
) -> Vec<PeriodTerms> {
    let period_of = period_index(periods);
    let mut possible: BTreeMap<usize, Vec<BTreeSet<NaiveDate>>> = BTreeMap::new();
    for arc in &full.arcs {
        let date = full.days[arc.day].date;
        if let (Some(k), true) = (period_of.get(&date), budgets.contains_key(&arc.person)) {
            possible
                .entry(arc.person)
                .or_insert_with(|| vec![BTreeSet::new(); periods.len()])[*k]
                .insert(date);
        }
    }
    let mut used: BTreeMap<&str, Vec<BTreeSet<NaiveDate>>> = BTreeMap::new();
    for (k, solution) in relaxed.iter().enumerate() {
        for assignment in &solution.assignments {
            used.entry(assignment.animateur.as_str())
                .or_insert_with(|| vec![BTreeSet::new(); periods.len()])[k]
                .insert(assignment.date);
        }
    }
    let short: Vec<bool> = relaxed.iter().map(|r| r.staffing.shortage > 0.5).collect();
    let mut terms = vec![PeriodTerms::default(); periods.len()];
    for (person, days) in possible {
        let animateur = &full.people[person].animateur;
        let limit = budgets[&person];
        let could: Vec<u32> = days.iter().map(|d| d.len() as u32).collect();
        let gave: Vec<u32> = used.get(animateur.id.as_str()).map_or_else(
            || vec![0; periods.len()],
            |u| u.iter().map(|d| d.len() as u32).collect(),
        );
        let shares = share_one(limit, &gave, &could, &short);
        for (k, share) in shares.into_iter().enumerate() {
            if share < could[k] {
                terms[k].caps.insert(animateur.id.clone(), share);
            }
        }
    }
    terms
}

/// One person's days per period: `limit` (their budget) shared out from the days the
/// relaxation `gave` them, the days they `could` work, and which periods were `short` (see
/// `share_budgets`).
pub(super) fn share_one(limit: u32, gave: &[u32], could: &[u32], short: &[bool]) -> Vec<u32> {
    // `amount` shared in proportion to `weights`, the periods that were short served first.
    let short_first = |amount: u32, weights: &[u32]| -> Vec<u32> {
        let split = |in_short: bool| -> Vec<u32> {
            weights
                .iter()
                .zip(short)
                .map(|(w, s)| if *s == in_short { *w } else { 0 })
                .collect()
        };
        let (tight, loose) = (split(true), split(false));
        let first = proportional(amount.min(tight.iter().sum()), &tight);
        let left = amount - first.iter().sum::<u32>();
        let second = proportional(left.min(loose.iter().sum()), &loose);
        first.iter().zip(second).map(|(a, b)| a + b).collect()
    };
    let total: u32 = gave.iter().sum();
    if total > limit {
        short_first(limit, gave)
    } else {
        let spare: Vec<u32> = could.iter().zip(gave).map(|(c, g)| c - g.min(c)).collect();
        let extra = short_first(limit - total, &spare);
        gave.iter().zip(extra).map(|(g, e)| g + e).collect()
    }
}

/// The period of each date.
fn period_index(periods: &[Vec<NaiveDate>]) -> BTreeMap<NaiveDate, usize> {
    periods
        .iter()
        .enumerate()
        .flat_map(|(k, dates)| dates.iter().map(move |d| (*d, k)))
        .collect()
}

/// `total` split in proportion to `weights` (largest remainders, earliest first on ties);
/// never more than a weight when `total` is at most their sum.
pub(super) fn proportional(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<(u64, u64)> = weights
        .iter()
        .map(|w| {
            let scaled = u64::from(total) * u64::from(*w);
            (scaled / sum, scaled % sum)
        })
        .collect();
    let mut shares: Vec<u32> = exact.iter().map(|(q, _)| *q as u32).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    let missing = total.saturating_sub(shares.iter().sum());
    for k in order.into_iter().take(missing as usize) {
        shares[k] += 1;
    }
    shares
}

/// Merges every period that holds one of `dates` into one period.
fn merge_periods(periods: Vec<Vec<NaiveDate>>, dates: &BTreeSet<NaiveDate>) -> Vec<Vec<NaiveDate>> {
    let mut merged: Vec<NaiveDate> = Vec::new();
    let mut kept = Vec::new();
    for period in periods {
        if period.iter().any(|d| dates.contains(d)) {
            merged.extend(period);
        } else {
            kept.push(period);
        }
    }
    merged.sort_unstable();
    kept.push(merged);
    kept.sort();
    kept
}

/// Hires of the same profile in different periods become one post when their days do not
/// overlap, stay within the CEE 80 days and keep a day off in every 7 (first fit, in date order):
/// a student free at Toussaint and in July is one post.
fn merge_posts(
    mut posts: Vec<(HiringGroup, Vec<Affectation>)>,
) -> Vec<(HiringGroup, Vec<Affectation>)> {
    posts.sort_by_key(|(_, assignments)| assignments.iter().map(|a| a.date).min());
    let mut merged: Vec<(HiringGroup, Vec<Affectation>)> = Vec::new();
    for (group, assignments) in posts {
        let dates: BTreeSet<NaiveDate> = assignments.iter().map(|a| a.date).collect();
        let fits = merged.iter().position(|(other, existing)| {
            let mut union: BTreeSet<NaiveDate> = existing.iter().map(|a| a.date).collect();
            let disjoint = dates.iter().all(|d| !union.contains(d));
            union.extend(dates.iter().copied());
            other.qualification == group.qualification
                && other.secteur == group.secteur
                && disjoint
                && union.len() <= rules::labour::CEE_MAX_DAYS_PER_365 as usize
                && !seven_in_a_row(&union)
        });
        match fits {
            Some(index) => merged[index].1.extend(assignments),
            None => merged.push((group, assignments)),
        }
    }
    merged
}

fn seven_in_a_row(days: &BTreeSet<NaiveDate>) -> bool {
    days.iter()
        .any(|first| (1..7).all(|k| days.contains(&(*first + chrono::Duration::days(k)))))
}

struct StageRunner<'a> {
    /// When the plan run started, for the progress lines.
    started: Instant,
    problem: &'a Problem,
    instance: &'a Instance,
    options: &'a PlanOptions,
    /// The shortage stage runs at a MIP gap four times smaller than the run's (see
    /// `PeriodTerms::tight`).
    tight_shortage: bool,
    component: usize,
    stats: &'a mut SolveStats,
}

/// Builds a full starting point for a given model.
type Completion<'a> = dyn Fn(&Instance, &Columns) -> Vec<f64> + 'a;

/// Where a stage starts from.
enum Start<'a> {
    /// The solution of the previous stage on the same instance.
    After(&'a StageOutcome),
    /// A plan given as a function of the model it must fit.
    Plan(Box<Completion<'a>>),
}

impl<'a> Start<'a> {
    /// A plan given as assignments of the same people (by id): each of them directs, or
    /// animates the créneaux, they do in `assignments` at that ACM on that date.
    fn from_assignments(problem: &'a Problem, assignments: &[Affectation]) -> Self {
        type Work = (bool, BTreeSet<String>);
        let mut plan: BTreeMap<(String, String, NaiveDate), Work> = BTreeMap::new();
        for a in assignments {
            let work = plan
                .entry((a.animateur.clone(), a.accueil.clone(), a.date))
                .or_default();
            match a.role {
                Role::Direction => work.0 = true,
                Role::Animation => {
                    work.1.insert(a.creneau.label.clone());
                }
            }
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
                        problem.accueils[day.accueil].code.clone(),
                        day.date,
                    ))
                })
                .collect();
            let work = |arc: usize| works[arc];
            model::completion(
                instance,
                model,
                |arc, k| {
                    let slot = &instance.slots[instance.arcs[arc].slots[k]];
                    work(arc).is_some_and(|(directs, slots)| {
                        !directs && slots.contains(&slot.creneau.label)
                    })
                },
                |arc| work(arc).is_some_and(|(directs, _)| *directs),
            )
        }))
    }

    /// The plan where nobody works: always feasible (everything is a shortage), so a stage
    /// stopped early still has a plan to return.
    fn nobody() -> Self {
        Start::Plan(Box::new(|instance: &Instance, model: &Columns| {
            model::completion(instance, model, |_, _| false, |_| false)
        }))
    }
}

impl StageRunner<'_> {
    /// Stage 1, the least weighted shortage, then stage 2, the least cost with the shortage
    /// kept at its optimum. `remaining(share)` gives each stage its share of the time left.
    fn shortage_then_cost(
        &mut self,
        phase: &str,
        start: Start<'_>,
        remaining: &dyn Fn(f64) -> f64,
        (shortage_share, cost_share): (f64, f64),
    ) -> Result<(StageOutcome, Bounds, Staffing), Error> {
        let shortage = self.run(
            &format!("{phase}, manques"),
            Stage::Shortage,
            Bounds::default(),
            start,
            remaining(shortage_share),
        )?;
        // Weights are integers: the optimum plus one half keeps it, whatever the rounding.
        let bounds = Bounds {
            shortage: Some(shortage.shortage.round() + 0.5),
            cost: None,
        };
        let cost = self.run(
            &format!("{phase}, coût"),
            Stage::Cost,
            bounds,
            Start::After(&shortage),
            remaining(cost_share),
        )?;
        let figures = Staffing {
            shortage: shortage.shortage,
            shortage_bound: shortage.shortage_bound,
            cost: cost.objective,
            cost_bound: cost.bound,
        };
        Ok((cost, bounds, figures))
    }

    fn run(
        &mut self,
        name: &str,
        stage: Stage,
        bounds: Bounds,
        start: Start<'_>,
        time_limit_seconds: f64,
    ) -> Result<StageOutcome, Error> {
        let model = model::build(self.instance, &self.problem.parameters, stage, bounds);
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
        let tight = self.tight_shortage && stage == Stage::Shortage;
        let settings = StageSettings {
            time_limit_seconds,
            mip_gap: self
                .options
                .mip_gap
                .map(|gap| if tight { gap / 4.0 } else { gap }),
            backend: self.options.backend,
        };
        let shortage_model_terms = model::shortage_terms(&model.columns, &self.problem.parameters);
        let mut outcome = solve::solve(model, settings, initial_values.as_deref())?;
        outcome.shortage = shortage_model_terms
            .iter()
            .map(|(column, weight)| outcome.values.get(*column).copied().unwrap_or(0.0) * weight)
            .sum();
        // The shortage stage's objective carries a cost tie-breaker: report the weighted
        // shortage itself, and its bound shifted by the same amount.
        let (objective, bound) = if stage == Stage::Shortage {
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
        outcome.shortage_bound = if stage == Stage::Shortage { bound } else { 0.0 };
        let stats = StageStats {
            refinement: stage == Stage::Stability,
            name: name.to_string(),
            component: self.component,
            variables: outcome.variables,
            constraints: outcome.constraints,
            seconds: outcome.seconds,
            objective,
            bound,
            gap: outcome.gap,
            status: outcome.status,
        };
        if let Some(progress) = self.options.progress {
            let objective = match stage {
                Stage::Shortage => format!("manque pondéré {:.0}", stats.objective),
                Stage::Cost => format!(
                    "coût {}",
                    crate::domain::Cents(stats.objective.round() as i64)
                ),
                Stage::Stability => format!("{:.0} séquences", stats.objective),
            };
            progress(&format!(
                "[{:>6.1} s] groupe {} — {} : {}, {objective}, écart {} %, {} variables",
                self.started.elapsed().as_secs_f64(),
                self.component + 1,
                stats.name,
                stats.status.label(),
                format!("{:.2}", stats.gap * 100.0).replace('.', ","),
                stats.variables
            ));
        }
        self.stats.stages.push(stats);
        Ok(outcome)
    }
}

/// Assignments of the people selected by `keep`, from the plan split into personal choices.
fn extract(
    problem: &Problem,
    instance: &Instance,
    plan: &[Choice],
    keep: impl Fn(usize) -> bool,
) -> Vec<Affectation> {
    let mut assignments = Vec::new();
    for (arc, choice) in instance.arcs.iter().zip(plan) {
        if !keep(arc.person) {
            continue;
        }
        let person = &instance.people[arc.person].animateur;
        let day = &instance.days[arc.day];
        let accueil = &problem.accueils[day.accueil].code;
        let mut push = |slot: usize, role: Role| {
            assignments.push(Affectation {
                animateur: person.id.clone(),
                accueil: accueil.clone(),
                date: day.date,
                creneau: instance.slots[slot].creneau.clone(),
                role,
                source: None,
            });
        };
        if choice.directs {
            for slot in &day.slots {
                push(*slot, Role::Direction);
            }
            continue;
        }
        for (slot, animates) in arc.slots.iter().zip(&choice.animates) {
            if *animates {
                push(*slot, Role::Animation);
            }
        }
    }
    assignments
}

/// Shortage of the staffing stage, per sector and date: (animateurs, qualified, directors), each
/// the sum over the sector's ACM of the day's largest slot deficit.
type SectorShortage = BTreeMap<Option<String>, BTreeMap<NaiveDate, (u32, u32, u32, bool)>>;

fn shortage_by_sector(
    problem: &Problem,
    instance: &Instance,
    model: &Columns,
    values: &[f64],
) -> SectorShortage {
    let value = |column: usize| values.get(column).map_or(0, |v| v.round().max(0.0) as u32);
    let mut short: SectorShortage = BTreeMap::new();
    for (day_index, day) in instance.days.iter().enumerate() {
        let accueil = &problem.accueils[day.accueil];
        let any = day
            .slots
            .iter()
            .map(|s| value(model.missing_any[*s].column))
            .max()
            .unwrap_or(0);
        let qualified = day
            .slots
            .iter()
            .map(|s| value(model.missing_qualified[*s].column))
            .max()
            .unwrap_or(0);
        let directors = value(model.missing_director[day_index].column);
        if any + qualified + directors == 0 {
            continue;
        }
        let professional = rules::director::professional_director_required(accueil);
        let entry = short
            .entry(accueil.secteur.clone())
            .or_default()
            .entry(day.date)
            .or_default();
        entry.0 += any;
        entry.1 += qualified;
        entry.2 += directors;
        entry.3 |= professional && directors > 0;
    }
    short
}

fn residual(model: &Columns, values: &[f64]) -> (u32, u32, u32) {
    let total = |vars: &[super::model::Var]| -> u32 {
        vars.iter()
            .map(|v| {
                values
                    .get(v.column)
                    .map_or(0, |x| x.round().max(0.0) as u32)
            })
            .sum()
    };
    (
        total(&model.missing_any),
        total(&model.missing_qualified),
        total(&model.missing_director),
    )
}

/// How many candidates of a profile the model may hire, and on which dates: the dates where
/// its sector is short of what it can cover, and the peak daily need there (plus a quarter for
/// weekly rest and the CEE cap), within the market's cap.
fn candidate_need(group: &HiringGroup, short: &SectorShortage) -> (u32, BTreeSet<NaiveDate>) {
    let directs = group.qualification.may_direct();
    let professional = group.qualification.director == crate::domain::DirectorLevel::Professional;
    let need = |values: &(u32, u32, u32, bool)| -> u32 {
        let (any, qualified, directors, needs_professional) = *values;
        if directs {
            if needs_professional && !professional {
                0
            } else {
                directors
            }
        } else if group.qualification.category == AnimationCategory::Qualified {
            any.max(qualified)
        } else {
            any
        }
    };
    let mut dates = BTreeSet::new();
    let mut peak = 0;
    for (sector, by_date) in short {
        if group.secteur.is_some() && *sector != group.secteur {
            continue;
        }
        for (date, values) in by_date {
            let needed = need(values);
            if needed > 0 {
                dates.insert(*date);
                peak = peak.max(needed);
            }
        }
    }
    if peak == 0 {
        return (0, dates);
    }
    ((peak + peak.div_ceil(4)).min(group.cap), dates)
}

/// The `Recrutement` sheet's profiles, or the defaults (acm-planner decision): BAFA, stagiaire
/// BAFA, sans qualification and BAFD per sector, plus a professional director (BPJEPS LTP) in a
/// sector with an ACM under the 80/80 rule.
pub(super) fn hiring_groups(problem: &Problem) -> Vec<HiringGroup> {
    let parameters = &problem.parameters;
    if !problem.hiring.is_empty() {
        return problem
            .hiring
            .iter()
            .map(|profile| HiringGroup {
                qualification: profile.qualification.clone(),
                secteur: profile.secteur.clone(),
                daily_cost: profile.cout_journalier,
                fixed_cost: profile.cout_fixe,
                cap: profile.nombre_maximum,
            })
            .collect();
    }
    let sectors: BTreeSet<Option<String>> =
        problem.accueils.iter().map(|a| a.secteur.clone()).collect();
    let mut groups = Vec::new();
    for secteur in sectors {
        let mut defaults = vec![
            ("BAFA", parameters.hire_daily_cost_bafa),
            ("stagiaire BAFA", parameters.hire_daily_cost_stagiaire),
            (
                "sans qualification",
                parameters.hire_daily_cost_sans_qualification,
            ),
            ("BAFD", parameters.hire_daily_cost_bafd),
        ];
        let professional_needed = problem
            .accueils
            .iter()
            .any(|a| a.secteur == secteur && rules::director::professional_director_required(a));
        if professional_needed {
            defaults.push(("BPJEPS LTP", parameters.hire_daily_cost_bafd));
        }
        for (label, daily_cost) in defaults {
            if let Some(qualification) = qualifications::canonical(label) {
                groups.push(HiringGroup {
                    qualification,
                    secteur: secteur.clone(),
                    daily_cost,
                    fixed_cost: parameters.hire_fixed_cost,
                    cap: parameters.hire_max_per_profile,
                });
            }
        }
    }
    groups
}

fn candidate_animateur(id: &str, group: &HiringGroup) -> Animateur {
    Animateur {
        id: id.to_string(),
        nom: String::new(),
        prenom: String::new(),
        qualification: group.qualification.clone(),
        certificats: Vec::new(),
        contrat: Contrat::Cee,
        jours_cee_anterieurs: 0,
        cout_journalier: Some(group.daily_cost),
        date_naissance: None,
        secteur: group.secteur.clone(),
        accueils_possibles: Vec::new(),
        max_jours: None,
        source: SourceRef::default(),
    }
}

fn hire_post(number: usize, group: &HiringGroup, assignments: &[Affectation]) -> Hire {
    let accueils: BTreeSet<String> = assignments.iter().map(|a| a.accueil.clone()).collect();
    let dates: BTreeSet<NaiveDate> = assignments.iter().map(|a| a.date).collect();
    Hire {
        number,
        qualification: group.qualification.clone(),
        secteur: group.secteur.clone(),
        accueils: accueils.into_iter().collect(),
        dates: dates.into_iter().collect(),
        daily_cost: group.daily_cost,
        fixed_cost: group.fixed_cost,
        id: format!("RECRUTEMENT-{number}"),
    }
}

fn sort_assignments(assignments: &mut [Affectation]) {
    assignments.sort_by(|a, b| {
        (&a.animateur, a.date, a.creneau.sort_key(), &a.accueil).cmp(&(
            &b.animateur,
            b.date,
            b.creneau.sort_key(),
            &b.accueil,
        ))
    });
}

/// Coverage of every forecast row with children, counted from the assignments themselves.
pub(super) fn slot_outcomes(problem: &Problem, assignments: &[Affectation]) -> Vec<SlotOutcome> {
    let mut by_slot: BTreeMap<(&str, NaiveDate, &str), Vec<&Affectation>> = BTreeMap::new();
    for assignment in assignments {
        by_slot
            .entry((
                assignment.accueil.as_str(),
                assignment.date,
                assignment.creneau.label.as_str(),
            ))
            .or_default()
            .push(assignment);
    }
    let mut outcomes = Vec::new();
    for need in &problem.needs {
        let (prevision, requirement) = (&need.forecast, &need.requirement);
        if requirement.required == 0 {
            continue;
        }
        let key = (
            prevision.accueil.as_str(),
            prevision.date,
            prevision.creneau.label.as_str(),
        );
        let present = by_slot.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        let mut outcome = SlotOutcome {
            forecast: need.id,
            staffed: 0,
            qualified: 0,
            trainees: 0,
            unqualified: 0,
            director_present: false,
            missing_animateurs: 0,
            missing_qualified: 0,
            reason: String::new(),
        };
        for assignment in present {
            let Some(person) = problem.animateur(&assignment.animateur) else {
                continue;
            };
            let counted = match assignment.role {
                Role::Animation => true,
                Role::Direction => {
                    outcome.director_present = true;
                    requirement.director_counts
                }
            };
            if !counted {
                continue;
            }
            outcome.staffed += 1;
            match person.qualification.category {
                AnimationCategory::Qualified => outcome.qualified += 1,
                AnimationCategory::Trainee => outcome.trainees += 1,
                AnimationCategory::Unqualified => outcome.unqualified += 1,
            }
        }
        outcome.missing_animateurs = requirement
            .total_animation()
            .saturating_sub(outcome.staffed);
        outcome.missing_qualified = requirement.min_qualified.saturating_sub(outcome.qualified);
        outcomes.push(outcome);
    }
    outcomes
}

/// Direction of every ACM × open day, from the assignments.
pub(super) fn director_days(problem: &Problem, assignments: &[Affectation]) -> Vec<DirectorDay> {
    let mut required: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
    for Need {
        forecast: prevision,
        requirement,
        ..
    } in &problem.needs
    {
        if requirement.directors > 0 {
            let entry = required
                .entry((prevision.accueil.clone(), prevision.date))
                .or_default();
            *entry = (*entry).max(requirement.directors);
        }
    }
    let mut directors: BTreeMap<(String, NaiveDate), BTreeSet<String>> = BTreeMap::new();
    for assignment in assignments.iter().filter(|a| a.role == Role::Direction) {
        directors
            .entry((assignment.accueil.clone(), assignment.date))
            .or_default()
            .insert(assignment.animateur.clone());
    }
    required
        .into_iter()
        .map(|((accueil, date), required)| {
            let present: Vec<String> = directors
                .get(&(accueil.clone(), date))
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default();
            let missing = required.saturating_sub(u32::try_from(present.len()).unwrap_or(0));
            DirectorDay {
                accueil,
                date,
                required,
                directors: present,
                missing,
                reason: String::new(),
            }
        })
        .collect()
}

fn people_summaries(problem: &Problem, assignments: &[Affectation]) -> Vec<PersonSummary> {
    let dates = days_worked(assignments);
    problem
        .animateurs
        .iter()
        .map(|animateur| {
            let days = dates.get(animateur.id.as_str()).map_or(0, BTreeSet::len);
            let days = u32::try_from(days).unwrap_or(u32::MAX);
            let cee = animateur.contrat == Contrat::Cee;
            let used = animateur.jours_cee_anterieurs + days;
            let daily = animateur
                .cout_journalier
                .unwrap_or(problem.parameters.default_daily_cost);
            PersonSummary {
                animateur: animateur.id.clone(),
                days_worked: days,
                cee_days_used: cee.then_some(used),
                cee_days_left: cee
                    .then(|| rules::labour::CEE_MAX_DAYS_PER_365.saturating_sub(used)),
                cost: daily * i64::from(days),
            }
        })
        .collect()
}
