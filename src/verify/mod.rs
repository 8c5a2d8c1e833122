//! Every plan is re-audited before it is written.
//!
//! [`plan`] runs the optimizer, then holds the plan its stages produced against code that does
//! not share the model: the audit of `check` (the same rules, counted on the schedule itself).
//! The published plan must
//! - have no infraction beyond the shortages it declares in `Manques`, and exactly those;
//! - have the weighted shortage its stages claim (`Technique`);
//! - be no shorter-staffed than the existing team's own plan, nor than that plan with the same
//!   posts added (a hire can only help).
//!
//! When the stages' plan breaks one of these, it is not published: the best plan that holds is
//! (the team's own plan with the posts, or without them), and the report says so. When no plan
//! holds, the run fails with an error naming what broke: a plan that contradicts its own
//! figures is never written.

use crate::audit::{self, AuditReport};
use crate::domain::{Affectation, Animateur};
use crate::error::Error;
use crate::optimize::{self, Broken, Fallback, Fault, PlanOptions, PlanResult, Verification};
use crate::problem::Problem;

/// Plans `problem` (see [`optimize::plan`]) and publishes a plan that holds its invariants.
pub fn plan(problem: &Problem, options: &PlanOptions) -> Result<PlanResult, Error> {
    let mut result = optimize::plan(problem, options)?;
    if let Some(fault) = options.fault {
        inject(problem, options, fault, &mut result);
    }
    verify(problem, options, &mut result)?;
    Ok(result)
}

/// A schedule audited: its findings and weighted shortage.
struct Audited {
    report: AuditReport,
    weighted: i64,
}

impl Audited {
    fn of(problem: &Problem, posts: &[Animateur], schedule: &[Affectation]) -> Audited {
        let with_posts = problem.with_posts(posts, schedule);
        let report = audit::audit(&with_posts, schedule);
        let weighted = report.shortage().weighted(&problem.parameters);
        Audited { report, weighted }
    }

    /// Whether the schedule may be published: no infraction but shortages.
    fn is_legal(&self) -> bool {
        self.report.beyond_shortage().next().is_none()
    }
}

/// Checks `result` against its invariants; where it breaks one, publishes the best plan that
/// holds instead (or fails), and records what was checked in `result.verification`.
fn verify(problem: &Problem, options: &PlanOptions, result: &mut PlanResult) -> Result<(), Error> {
    let posts: Vec<Animateur> = result.hires.iter().map(|h| h.person()).collect();
    let published = schedule(&result.assignments, &result.hire_assignments);
    let audited = Audited::of(problem, &posts, &published);
    let team = Audited::of(problem, &[], &result.team_alone);
    let team_with_posts_schedule = schedule(&result.team_alone, &result.hire_assignments);
    let team_with_posts = Audited::of(problem, &posts, &team_with_posts_schedule);
    let broken = broken(problem, result, &audited, &team, &team_with_posts);
    let mut verification = Verification {
        weighted_shortage: audited.weighted,
        team_alone_shortage: team.weighted,
        broken,
        fallback: None,
    };
    if verification.broken.is_empty() {
        result.verification = Some(verification);
        return Ok(());
    }
    // The best plan that holds: the team's own plan with the posts, else without them.
    let fallback = [
        (Fallback::TeamWithPosts, &team_with_posts),
        (Fallback::TeamAlone, &team),
    ]
    .into_iter()
    .filter(|(_, audited)| audited.is_legal())
    .min_by_key(|(_, audited)| audited.weighted)
    .map(|(fallback, _)| fallback);
    let Some(fallback) = fallback else {
        return Err(Error::Solver(format!(
            "le plan calculé ne tient pas ses propres engagements ({}) et le plan de l'équipe \
             seule non plus : aucun planning n'est écrit",
            verification
                .broken
                .iter()
                .map(Broken::words)
                .collect::<Vec<_>>()
                .join(" ; ")
        )));
    };
    result.assignments = result.team_alone.clone();
    match fallback {
        Fallback::TeamWithPosts => {
            verification.weighted_shortage = team_with_posts.weighted;
        }
        Fallback::TeamAlone => {
            result.hires.clear();
            result.hire_assignments.clear();
            verification.weighted_shortage = team.weighted;
        }
    }
    verification.fallback = Some(fallback);
    optimize::derive_figures(problem, options, result);
    result.verification = Some(verification);
    Ok(())
}

/// The team's rows and the posts' rows together: the schedule `check` reads.
fn schedule(team: &[Affectation], posts: &[Affectation]) -> Vec<Affectation> {
    team.iter().chain(posts).cloned().collect()
}

/// What the stages' plan breaks, in the order a reader checks it.
fn broken(
    problem: &Problem,
    result: &PlanResult,
    audited: &Audited,
    team: &Audited,
    team_with_posts: &Audited,
) -> Vec<Broken> {
    let mut broken = Vec::new();
    let beyond: Vec<_> = audited.report.beyond_shortage().collect();
    if let Some(first) = beyond.first() {
        broken.push(Broken::Infractions {
            count: beyond.len(),
            first: first.message.clone(),
        });
    }
    let declared = declared_shortage(problem, result);
    if declared != audited.weighted {
        broken.push(Broken::Declared {
            audited: audited.weighted,
            declared,
        });
    }
    let claimed = result.claimed_shortage.round() as i64;
    if claimed != audited.weighted {
        broken.push(Broken::Claimed {
            audited: audited.weighted,
            claimed,
        });
    }
    if team.is_legal() && audited.weighted > team.weighted {
        broken.push(Broken::WorseThanTeam {
            audited: audited.weighted,
            team: team.weighted,
        });
    }
    if team_with_posts.is_legal() && audited.weighted > team_with_posts.weighted {
        broken.push(Broken::WorseThanTeamWithPosts {
            audited: audited.weighted,
            team_with_posts: team_with_posts.weighted,
        });
    }
    broken
}

/// The weighted shortage the plan declares (`Manques`, the summary).
fn declared_shortage(problem: &Problem, result: &PlanResult) -> i64 {
    let (any, qualified, directors) = result.missing_totals();
    audit::Shortage {
        animateurs: any,
        qualified,
        directors,
        psc1_days: result.missing_psc1_days(),
    }
    .weighted(&problem.parameters)
}

/// (as a broken stage would have them).
fn inject(problem: &Problem, options: &PlanOptions, fault: Fault, result: &mut PlanResult) {
    match fault {
        Fault::HiresDisplaceTeam => {
            let days: std::collections::BTreeSet<_> =
                result.hire_assignments.iter().map(|a| a.date).collect();
            result.assignments.retain(|a| !days.contains(&a.date));
        }
        Fault::WrongClaim => result.claimed_shortage += 1000.0,
    }
    optimize::derive_figures(problem, options, result);
}
