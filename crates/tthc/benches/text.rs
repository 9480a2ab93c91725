//! Benchmark of `tthc::text`: folding, sorting by `sort_key`, search; each beside a naive version.
//!
//! Run with `cargo bench -p tthc --bench text` (a release build; prints a Markdown table);
//! `cargo bench -p tthc --bench text -- sort` runs only the part named (`fold`, `sort`,
//! `search`).
//! The names are the real ones of `tests/data/vi-names.json` (2,939 distinct names of the
//! 2026 portal metadata and the administrative-unit lists).

#![allow(clippy::cast_precision_loss)] // reason: byte counts of a few MB, printed as MB/s

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use tthc::listing::{ListOrder, ListQuery};
use tthc::search::SearchIndex;
use tthc::text::{compare, fold, sort_key};
use tthc::Catalog;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

fn real_names() -> Vec<String> {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../tests/data/vi-names.json")).expect("valid JSON");
    let n = usize::try_from(doc["real_names"].as_u64().expect("a count")).expect("small");
    doc["names"].as_array().expect("a list")[..n]
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect()
}

/// CPU time of this thread so far (Linux `/proc/thread-self/schedstat`, precise to a scheduler
/// tick), so that figures stay meaningful on a shared, loaded machine; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Time of one call of `f`: calls repeated for at least 0.4 s of wall time per batch, CPU time
/// of the batch (wall time where unavailable) divided by the calls; the best of three batches.
fn per_call<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..3)
        .map(|_| {
            let (wall, cpu) = (Instant::now(), cpu_time());
            let mut calls = 0u32;
            while calls < 3 || wall.elapsed() < Duration::from_millis(400) {
                black_box(f());
                calls += 1;
            }
            let spent = match (cpu, cpu_time()) {
                (Some(a), Some(b)) => b.saturating_sub(a),
                _ => wall.elapsed(),
            };
            spent / calls
        })
        .min()
        .expect("three batches")
}

/// Naive fold: NFD, drop combining marks, lower-case (no đ, no space handling).
fn naive_fold(s: &str) -> String {
    s.nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect::<String>()
        .to_lowercase()
}

/// A catalogue of `n` procedures: the real names repeated, with distinct codes.
fn synthetic_catalog(names: &[String], n: usize) -> Catalog {
    let fields = [
        "Hộ tịch",
        "Chứng thực",
        "Nuôi con nuôi",
        "Quốc tịch",
        "Đất đai",
        "Thuế",
        "Hải quan",
    ];
    let mut json = String::from(r#"{"tthc":1,"source":"benches/text.rs","fields":["#);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let name = serde_json::to_string(f).expect("string");
        write!(json, r#"{{"code":"f{i}","name":{name}}}"#).expect("writing to a String");
    }
    json.push_str(r#"],"procedures":["#);
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        let name = serde_json::to_string(&names[i % names.len()]).expect("string");
        write!(
            json,
            r#"{{"code":"{}.{:06}","name":{name},"field":"f{}","levels":["province"]}}"#,
            1 + i / 1_000_000,
            i % 1_000_000,
            i % fields.len()
        )
        .expect("writing to a String");
    }
    json.push_str(r#"],"units":[]}"#);
    Catalog::from_json(json.as_bytes()).expect("the synthetic catalogue loads")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Whether to run the part named `part`: all parts, or those named on the command line
/// (`cargo bench -p tthc --bench text -- sort`; parts: fold, sort, search, list).
fn wanted(part: &str) -> bool {
    let named: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    named.is_empty() || named.iter().any(|a| a == part)
}

fn main() {
    let names = real_names();
    let clock = if cpu_time().is_some() {
        "thread CPU time"
    } else {
        "wall time"
    };
    println!("Per call, {clock} of batches of at least 0.4 s (best of three).\n");
    println!("| what | tthc | naive | naive version |");
    println!("|---|---:|---:|---|");

    if wanted("fold") {
        bench_fold(&names);
    }
    if wanted("sort") {
        bench_sort(&names);
    }
    if wanted("search") {
        bench_search(&names);
    }
    if wanted("list") {
        bench_list(&names);
    }
}

/// Fold throughput on ~10 MB of real names.
fn bench_fold(names: &[String]) {
    let mut text = Vec::new();
    let mut bytes = 0;
    while bytes < 10_000_000 {
        for n in names {
            bytes += n.len();
            text.push(n.as_str());
        }
    }
    let mb = bytes as f64 / 1e6;
    let ours = per_call(|| text.iter().map(|s| fold(s).len()).sum::<usize>());
    let naive = per_call(|| text.iter().map(|s| naive_fold(s).len()).sum::<usize>());
    println!(
        "| fold, {mb:.1} MB of real names | {:.0} MB/s | {:.0} MB/s | NFD + drop combining marks + to_lowercase |",
        mb / ours.as_secs_f64(),
        mb / naive.as_secs_f64()
    );
    let ascii: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let ascii_mb = ascii.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let ours = per_call(|| ascii.iter().map(|s| fold(s).len()).sum::<usize>());
    println!(
        "| fold, already folded (ASCII) names, {ascii_mb:.2} MB | {:.0} MB/s | | |",
        ascii_mb / ours.as_secs_f64()
    );
}

/// Sorting 10,000 names.
fn bench_sort(names: &[String]) {
    let ten_thousand: Vec<&str> = names
        .iter()
        .cycle()
        .take(10_000)
        .map(String::as_str)
        .collect();
    let ours = per_call(|| {
        let mut v = ten_thousand.clone();
        v.sort_by_cached_key(|s| sort_key(s));
        v
    });
    let naive = per_call(|| {
        let mut v = ten_thousand.clone();
        v.sort_unstable();
        v
    });
    println!(
        "| sort 10,000 names (keys included) | {:.2} ms | {:.2} ms | `sort()` by code point (wrong order) |",
        ms(ours),
        ms(naive)
    );
    let keys = per_call(|| {
        ten_thousand
            .iter()
            .map(|s| sort_key(s).len())
            .sum::<usize>()
    });
    let key_bytes: usize = ten_thousand.iter().map(|s| sort_key(s).len()).sum();
    let text_bytes: usize = ten_thousand.iter().map(|s| s.len()).sum();
    println!(
        "| 10,000 sort keys alone ({} bytes each on average, for {} bytes of text) | {:.2} ms | | |",
        key_bytes / ten_thousand.len(),
        text_bytes / ten_thousand.len(),
        ms(keys)
    );
    let by_compare = per_call(|| {
        let mut v = ten_thousand.clone();
        v.sort_by(|a, b| compare(a, b));
        v
    });
    println!(
        "| sort 10,000 names with `compare` (no keys kept) | {:.2} ms | | |",
        ms(by_compare)
    );
}

/// Search over 10,000 procedures.
fn bench_search(names: &[String]) {
    let catalog = synthetic_catalog(names, 10_000);
    let build = per_call(|| SearchIndex::new(&catalog));
    println!(
        "| build a SearchIndex of 10,000 procedures | {:.2} ms | | |",
        ms(build)
    );
    let index = SearchIndex::new(&catalog);
    for query in [
        "dang ky khai sinh",
        "Đăng ký kết hôn",
        "thuế",
        "1.001193",
        "a",
    ] {
        let ours = per_call(|| index.search(query, 20));
        let hits = index.search(query, usize::MAX).len();
        let naive = per_call(|| {
            let q = query.to_lowercase();
            let all: Vec<usize> = catalog
                .procedures()
                .iter()
                .enumerate()
                .filter(|(_, p)| p.name.to_lowercase().contains(&q))
                .map(|(i, _)| i)
                .collect();
            all.into_iter().take(20).count()
        });
        println!(
            "| search {query:?} in 10,000 ({hits} hits), top 20 | {:.3} ms | {:.3} ms | linear `to_lowercase().contains()` (accent-sensitive, unranked) |",
            ms(ours),
            ms(naive)
        );
    }
    let one_shot = per_call(|| catalog.search("dang ky khai sinh", 20));
    println!(
        "| `Catalog::search` (folds every name per call), 10,000 | {:.2} ms | | |",
        ms(one_shot)
    );
}

/// What the widget's first render of 10,000 procedures asks of the core: the list order, the
/// list, its rows as JSON (what crossing into JavaScript costs in kind), the search index.
fn bench_list(names: &[String]) {
    let catalog = synthetic_catalog(names, 10_000);
    let query =
        ListQuery::parse(None, Some("province"), None, None, None, None).expect("a level query");
    let order = per_call(|| ListOrder::new(&catalog));
    println!(
        "| `ListOrder::new`, 10,000 procedures (the widget's first list) | {:.2} ms | | |",
        ms(order)
    );
    let kept = ListOrder::new(&catalog);
    let with = per_call(|| catalog.procedure_list_with(&query, &kept).map(|l| l.len()));
    println!(
        "| `procedure_list_with` a kept order, 10,000 rows | {:.2} ms | | |",
        ms(with)
    );
    let cold = per_call(|| catalog.procedure_list(&query).map(|l| l.len()));
    println!(
        "| `procedure_list` (keys per call), 10,000 rows | {:.2} ms | | |",
        ms(cold)
    );
    let rows = catalog
        .procedure_list_with(&query, &kept)
        .expect("the list");
    let json = per_call(|| serde_json::to_string(&rows).map(|s| s.len()));
    println!(
        "| the 10,000 rows as JSON (`serde_json`) | {:.2} ms | | |",
        ms(json)
    );
}
