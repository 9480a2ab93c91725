//! National-scale benchmark: JSON load, the full compliance report and memory, beside the
//! naive approach (`serde_json::Value`, then a `HashMap<String, …>` of postings per unit) in
//! the same run. `cargo bench -p tthc --bench national [-- --communes N]`.
//!
//! Timings are medians of several runs on one thread; the naive report is checked to give the
//! same published counts, so both sides do the same work.

#![allow(clippy::cast_precision_loss)] // a benchmark prints ratios of sizes

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::time;
use tthc::synth::{synth_json, SynthOptions};
use tthc::{Catalog, ComplianceOptions};

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<usize>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

/// The naive approach: a `HashMap<String, Option<String>>` of postings per unit, strings
/// compared for levels and dates.
fn naive_report(doc: &Value, channel: &str, as_of: &str) -> Vec<(String, usize, usize)> {
    struct P<'a> {
        code: &'a str,
        levels: Vec<&'a str>,
        amended: Option<&'a str>,
        in_force: bool,
    }
    let procs: Vec<P> = doc["procedures"]
        .as_array()
        .expect("procedures")
        .iter()
        .map(|p| {
            let s = |k: &str| p.get(k).and_then(Value::as_str);
            P {
                code: s("code").expect("code"),
                levels: p["levels"]
                    .as_array()
                    .expect("levels")
                    .iter()
                    .filter_map(Value::as_str)
                    .collect(),
                amended: s("amended"),
                in_force: s("abolished").is_none_or(|a| a > as_of)
                    && s("effective").is_none_or(|e| e <= as_of),
            }
        })
        .collect();
    let mut out = Vec::new();
    for u in doc["units"].as_array().expect("units") {
        let level = u["level"].as_str().expect("level");
        let mut posted: HashMap<String, Option<String>> = HashMap::new();
        if let Some(list) = u
            .get("published")
            .and_then(|p| p.get(channel))
            .and_then(Value::as_array)
        {
            for x in list {
                match x {
                    Value::String(c) => {
                        posted.insert(c.clone(), None);
                    }
                    obj => {
                        posted.insert(
                            obj["procedure"].as_str().expect("procedure").to_owned(),
                            obj.get("on").and_then(Value::as_str).map(str::to_owned),
                        );
                    }
                }
            }
        }
        let (mut applicable, mut published) = (0, 0);
        let mut fields: HashSet<&str> = HashSet::new();
        for p in procs
            .iter()
            .filter(|p| p.in_force && p.levels.contains(&level))
        {
            applicable += 1;
            if let Some(on) = posted.get(p.code) {
                let outdated =
                    matches!((on, p.amended), (Some(d), Some(a)) if d.as_str() < a && a <= as_of);
                if !outdated {
                    published += 1;
                    fields.insert(p.code);
                }
            }
        }
        out.push((
            u["code"].as_str().expect("code").to_owned(),
            applicable,
            published,
        ));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let communes = args
        .iter()
        .position(|a| a == "--communes")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let options = SynthOptions {
        communes,
        ..SynthOptions::default()
    };
    let t = Instant::now();
    let json = synth_json(&options);
    let mb = json.len() as f64 / 1e6;
    println!("synthetic catalogue: {communes} communes, {} procedures, {mb:.1} MB of JSON (made in {:.2?})", options.procedures, t.elapsed());

    let rss0 = rss_bytes();
    let (load, catalog) = time(3, || Catalog::from_json(json.as_bytes()).expect("valid"));
    let rss1 = rss_bytes();
    let postings = catalog.posting_count();
    println!("postings: {postings}");
    let opts = ComplianceOptions::default();
    let (report_t, report) = time(7, || catalog.compliance(&opts));
    let (json_t, out) = time(3, || report.to_json(&catalog));
    let heap = catalog.heap_bytes();

    let (naive_load, doc) = time(3, || serde_json::from_str::<Value>(&json).expect("valid"));
    let as_of = catalog.as_of().expect("as_of").to_string();
    let (naive_t, naive) = time(3, || naive_report(&doc, "one_stop_shop", &as_of));
    // Same work: the naive published counts equal the library's.
    for (u, (code, applicable, published)) in report.units.iter().zip(&naive) {
        assert_eq!(&catalog.unit(u.unit).code, code);
        assert_eq!(
            (u.applicable, u.published),
            (Some(*applicable as u32), Some(*published as u32)),
            "{code}"
        );
    }

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!();
    println!(
        "times: median thread CPU time (load average now {})",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or("?")
    );
    println!("| step | tthc | naive (serde_json::Value + HashMap per unit) | ratio |");
    println!("|---|---:|---:|---:|");
    println!(
        "| JSON load | {:.0} ms ({:.0} MB/s) | {:.0} ms ({:.0} MB/s) | {:.1}× |",
        ms(load),
        mb / load.as_secs_f64(),
        ms(naive_load),
        mb / naive_load.as_secs_f64(),
        naive_load.as_secs_f64() / load.as_secs_f64()
    );
    println!("| full report (all units, by field, groups, ranking) | {:.1} ms | {:.1} ms (rates only) | {:.1}× |", ms(report_t), ms(naive_t), naive_t.as_secs_f64() / report_t.as_secs_f64());
    println!(
        "| report to JSON ({:.1} MB) | {:.1} ms | | |",
        out.len() as f64 / 1e6,
        ms(json_t)
    );
    println!(
        "| catalogue heap | {:.1} MB = {:.2} bytes/posting | | |",
        heap as f64 / 1e6,
        heap as f64 / postings as f64
    );
    println!(
        "| RSS growth over the load | {:.1} MB = {:.2} bytes/posting | | |",
        rss1.saturating_sub(rss0) as f64 / 1e6,
        rss1.saturating_sub(rss0) as f64 / postings as f64
    );
}
