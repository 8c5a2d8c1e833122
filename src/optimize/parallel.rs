//! Independent periods solved side by side, one HiGHS thread each.

use super::solution::ComponentSolution;
use super::stats::SolveStats;
use crate::error::Error;

/// Periods solved at the same time when they are independent (each solve uses one HiGHS
/// thread): the machine's cores, at most 4.
pub fn parallel_solves() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Runs `job` for `0..count` (independent periods) on `parallel_solves()` threads. The
/// solutions come back in index order, and each job's stages are appended to `stats` in that
/// order: the same result as one after the other.
pub fn in_parallel<F>(
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
        stats.skipped.add(own.skipped);
        solutions.push(result?);
    }
    Ok(solutions)
}
