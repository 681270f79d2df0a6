//! The per-article step on several threads (std's scoped threads).

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads `--jobs` defaults to: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` of every item, on up to `jobs` threads, in item order. Threads take
/// the next item as they finish one, so a long article does not hold up
/// the others.
pub fn map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = jobs.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { return done };
                        done.push((i, f(item)));
                    }
                })
            })
            .collect();
        for worker in workers {
            // A panic in the engine is a bug: let it end the run as it would on one thread.
            for (i, r) in worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
                results[i] = Some(r);
            }
        }
    });
    results.into_iter().map(|r| r.expect("every item is taken by one thread")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_first = |&n: &u64| {
            if n < 4 {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            n * n
        };
        let one = map(&items, 1, slow_first);
        for jobs in [2, 3, 8, 5000] {
            assert_eq!(map(&items, jobs, slow_first), one, "{jobs} jobs");
        }
        assert!(map(&[] as &[u64], 4, slow_first).is_empty());
    }
}
