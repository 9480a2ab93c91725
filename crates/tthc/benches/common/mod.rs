//! Timing helpers shared by the benchmarks (`mod common;` in each): medians of thread CPU time.
#![allow(dead_code)] // reason: each benchmark uses some of them

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The middle value.
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// CPU time of this thread (Linux `schedstat`, nanoseconds): on a shared machine it does not
/// count the time other processes hold the cores. Falls back to the wall clock elsewhere.
pub fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace()
        .next()?
        .parse()
        .ok()
        .map(Duration::from_nanos)
}

/// Median thread CPU time (or wall time where unavailable) of `runs` calls.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let (c, t) = (thread_cpu(), Instant::now());
        let out = black_box(f());
        times.push(match (c, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t.elapsed(),
        });
        last = Some(out);
    }
    (median(times), last.expect("runs > 0"))
}
