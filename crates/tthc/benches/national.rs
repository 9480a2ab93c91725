//! National-scale benchmark: JSON load, the full compliance report and memory, beside the
//! naive approach (`serde_json::Value`, then a `HashMap<String, …>` of postings per unit) in
//! the same run; the report with decisions covering every commune, and `diff` of two national
//! catalogues. `cargo bench -p tthc --bench national [-- --communes N]`.
//!
//! Timings are medians of several runs on one thread; the naive report is checked to give the
//! same published counts, so both sides do the same work.

#![allow(clippy::cast_precision_loss)] // a benchmark prints ratios of sizes

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{median, time};
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

    // With decisions covering every commune (one complete list per province, ten nationwide
    // amending decisions): the same units and postings, every commune's list from decisions.
    let with_decisions = SynthOptions {
        decisions: true,
        ..options
    };
    let json_d = synth_json(&with_decisions);
    let catalog_d = Catalog::from_json(json_d.as_bytes()).expect("valid");
    // The plain report and the one with decisions in turn, so that both see the same load.
    let (mut plain_runs, mut decision_runs) = (Vec::new(), Vec::new());
    let mut report_d = None;
    for _ in 0..9 {
        plain_runs.push(time(1, || catalog.compliance(&opts)).0);
        let (t, r) = time(1, || catalog_d.compliance(&opts));
        decision_runs.push(t);
        report_d = Some(r);
    }
    let report_d = report_d.expect("runs > 0");
    let (plain_t, report_d_t) = (median(plain_runs), median(decision_runs));
    let covered = report_d
        .units
        .iter()
        .filter(|u| !u.decisions.is_empty())
        .count();
    println!(
        "with decisions: {} decisions, {covered} units covered; warnings {} (plain {})",
        catalog_d.decisions().len(),
        report_d.warnings.len(),
        report.warnings.len()
    );
    // Diff of two national catalogues: the plain one and the one with decisions.
    let diff_options = tthc::diff::DiffOptions::default();
    let (diff_t, d) = time(3, || tthc::diff::diff(&catalog, &catalog_d, &diff_options));
    let (diff_json_t, diff_json) = time(3, || d.to_json());
    let (self_t, same) = time(3, || {
        tthc::diff::diff(&catalog_d, &catalog_d, &diff_options)
    });
    assert!(same.is_empty());
    let actions: usize = d
        .actions
        .iter()
        .map(|a| a.post.len() + a.repost.len() + a.take_down.len())
        .sum();

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
        "| full report, every commune's list from decisions ({} decisions) | {:.1} ms | plain report {:.1} ms (in turn, median of 9 each) | {:.2}× the plain report |",
        catalog_d.decisions().len(),
        ms(report_d_t),
        ms(plain_t),
        report_d_t.as_secs_f64() / plain_t.as_secs_f64()
    );
    println!(
        "| diff of two national catalogues ({} postings each; {} unit actions, {actions} codes) | {:.0} ms | | |",
        postings,
        d.actions.len(),
        ms(diff_t)
    );
    println!(
        "| diff to JSON ({:.1} MB) | {:.0} ms | | |",
        diff_json.len() as f64 / 1e6,
        ms(diff_json_t)
    );
    println!(
        "| diff of a national catalogue with itself (no difference) | {:.0} ms | | |",
        ms(self_t)
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
