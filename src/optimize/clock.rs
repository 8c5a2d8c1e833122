//! The time of one component: `--time-limit` shared between the work every period needs (its
//! team's shortage stage: without it the period has no plan) and the work that improves a plan
//! (bounds, cost, recruitment, stability), which runs only while the time left covers the
//! needed work of the periods still waiting.
//!
//! The pace of the solver (seconds per eligible person × open day pair and stage) is measured on
//! the stages already run, so the reserve follows the machine and the instance.

use std::sync::Mutex;
use std::time::Instant;

/// Seconds per (person, open day) pair and stage before any stage was measured: a week of the
/// 60-ACM generated school year (14 000 pairs) solves in about 0.3 s on this project's machine.
const PRIOR_PACE: f64 = 2.0e-5;

/// Least time an improving stage gets: below, HiGHS rarely gets past presolve on a week of a
/// large territory, and the stage would only return its start.
const LEAST_IMPROVING_SECONDS: f64 = 0.3;

/// Least time a needed stage gets (measured: a week of the 60-ACM school year needs up to 3 s
/// for its shortage stage when budgets are shared).
const LEAST_NEEDED_SECONDS: f64 = 5.0;

/// The improving stages leave the periods still waiting three times their first plan's time:
/// that plan, and the two stages of their recruitment (which closes more of a shortage than
/// any refinement).
const HIRES_RESERVE: f64 = 3.0;

/// Work a plan run left out for want of time, counted in solved periods (a period solved
/// twice, once merged, counts twice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Skipped {
    /// Periods solved without their bound (shared budgets: each period alone first).
    pub bounds: usize,
    /// Periods whose plan keeps the shortage stage's cost (its tie-breaker) instead of a cost
    /// stage of its own.
    pub cost: usize,
    /// Periods short of staff where no hire was sized.
    pub recruitment: usize,
    /// Periods published without the stability stage (or with one round of two).
    pub stability: usize,
}

impl Skipped {
    pub fn add(&mut self, other: Skipped) {
        self.bounds += other.bounds;
        self.cost += other.cost;
        self.recruitment += other.recruitment;
        self.stability += other.stability;
    }

    pub fn any(&self) -> bool {
        *self != Skipped::default()
    }
}

/// The time of one component (see the module).
#[derive(Debug)]
pub struct Clock {
    started: Instant,
    /// Seconds after `started` when the component's time is up.
    limit: f64,
    /// Stages running side by side.
    workers: f64,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Pairs whose needed stage has not run yet.
    pending: usize,
    /// Stages measured: seconds and pairs.
    seconds: f64,
    pairs: usize,
}

impl Clock {
    /// A component given `limit` seconds from now, solved `workers` stages at a time.
    pub fn new(limit: f64, workers: usize) -> Clock {
        Clock {
            started: Instant::now(),
            limit,
            workers: workers.max(1) as f64,
            state: Mutex::new(State::default()),
        }
    }

    /// Seconds left.
    pub fn left(&self) -> f64 {
        self.limit - self.started.elapsed().as_secs_f64()
    }

    /// `f` on the state (on a blank one if a thread panicked while holding it).
    fn with_state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        match self.state.lock() {
            Ok(mut state) => f(&mut state),
            Err(_) => f(&mut State::default()),
        }
    }

    /// Seconds per pair and stage: measured, or the prior before the first stage.
    fn pace(&self) -> f64 {
        self.with_state(|s| {
            if s.pairs == 0 {
                PRIOR_PACE
            } else {
                s.seconds / s.pairs as f64
            }
        })
    }

    /// `pairs` more whose needed stage is still to run.
    pub fn expect(&self, pairs: usize) {
        self.with_state(|s| s.pending += pairs);
    }

    /// A needed stage of `pairs` pairs ran.
    pub fn needed_done(&self, pairs: usize) {
        self.with_state(|s| s.pending = s.pending.saturating_sub(pairs));
    }

    /// A stage of `pairs` pairs took `seconds` (model built and solved).
    pub fn record(&self, pairs: usize, seconds: f64) {
        self.with_state(|s| {
            s.seconds += seconds;
            s.pairs += pairs;
        });
    }

    /// Seconds the needed stages still waiting will take, side by side.
    fn reserve(&self) -> f64 {
        let pending = self.with_state(|s| s.pending);
        pending as f64 * self.pace() / self.workers
    }

    /// Seconds left once the needed stages are provided for, `reserve` times over.
    fn spare_beyond(&self, reserve: f64) -> f64 {
        self.left() - self.reserve() * reserve
    }

    /// Seconds left once the needed stages are provided for.
    fn spare(&self) -> f64 {
        self.spare_beyond(1.0)
    }

    /// Seconds for a needed stage of `pairs` pairs that would like `wanted`: what is left
    /// beyond the others' needs, and at least enough to finish (twice what such a stage takes,
    /// and `LEAST_NEEDED_SECONDS`): a needed stage cut before its root would publish a plan
    /// short of nearly everyone, so a limit too short for the horizon is overrun instead (and
    /// the report says so).
    pub fn needed(&self, wanted: f64, pairs: usize) -> f64 {
        let own = pairs as f64 * self.pace();
        wanted.min(
            (self.spare() + own)
                .max(2.0 * own)
                .max(LEAST_NEEDED_SECONDS),
        )
    }

    /// Seconds for the first of `stages` recruitment stages of `pairs` pairs that would like
    /// `wanted`, or `None` when the time left is needed for the other periods' first plans.
    pub fn hiring(&self, wanted: f64, pairs: usize, stages: usize) -> Option<f64> {
        self.beyond(1.0, wanted, pairs, stages)
    }

    /// Seconds for the first of `stages` stages that improve a plan (bounds, cost, stability)
    /// of `pairs` pairs that would like `wanted`, or `None` when the time left is needed for the
    /// other periods' first plans and hires (`HIRES_RESERVE`).
    pub fn improving(&self, wanted: f64, pairs: usize, stages: usize) -> Option<f64> {
        self.beyond(HIRES_RESERVE, wanted, pairs, stages)
    }

    fn beyond(&self, reserve: f64, wanted: f64, pairs: usize, stages: usize) -> Option<f64> {
        let cost = (pairs * stages) as f64 * self.pace() / self.workers;
        let spare = self.spare_beyond(reserve);
        (spare - cost >= 0.0 && spare >= LEAST_IMPROVING_SECONDS)
            .then(|| wanted.min(spare))
            .map(|seconds| seconds.max(LEAST_IMPROVING_SECONDS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn improving_work_waits_for_the_needed_work() {
        // 10 s left, 1 000 000 pairs still to plan at the prior pace (20 s on one worker).
        let clock = Clock::new(10.0, 1);
        clock.expect(1_000_000);
        assert_eq!(clock.improving(5.0, 1000, 2), None);
        // A needed stage still gets enough to finish.
        let needed = clock.needed(8.0, 10_000);
        assert!((needed - LEAST_NEEDED_SECONDS).abs() < 1e-6, "{needed}");
        let needed = clock.needed(8.0, 200_000);
        assert!((needed - 8.0).abs() < 1e-6, "{needed}");
        // Once the needed work is done, the improving work gets the time.
        clock.needed_done(1_000_000);
        let seconds = clock.improving(5.0, 1000, 2).unwrap_or(0.0);
        assert!((seconds - 5.0).abs() < 0.05, "{seconds}");
    }

    #[test]
    fn the_pace_is_measured() {
        let clock = Clock::new(100.0, 2);
        clock.record(10_000, 1.0);
        // 1e-4 s per pair: 500 000 pending pairs need 25 s on two workers.
        clock.expect(500_000);
        let spare = clock.spare();
        assert!((spare - 75.0).abs() < 0.5, "{spare}");
        assert_eq!(clock.hiring(10.0, 2_000_000, 1), None);
        assert!(clock.hiring(10.0, 100_000, 1).is_some());
        // Improving stages leave three times the reserve: 100 - 75 = 25 s.
        assert!(clock.improving(10.0, 400_000, 1).is_some());
        assert_eq!(clock.improving(10.0, 600_000, 1), None);
    }
}
