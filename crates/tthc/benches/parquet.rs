//! Parquet at national scale (`docs/exports.md`): export time, the sizes of the four files
//! beside the JSON, and loading from Parquet plus the full report, beside loading the JSON.
//! `cargo bench -p tthc --features parquet --bench parquet [-- --communes N] [-- --keep DIR]`;
//! with `--keep DIR` the files stay in DIR for `tests/exports/bench_duckdb.py` (`make bench`
//! runs both on the same files); `--load-only DIR` times only the load (and load + report)
//! of files an earlier run kept, for profiling the reader (`perf record`).
//!
//! Timings are medians of several runs on one thread (thread CPU time, so other processes on
//! a shared machine do not count).

#![allow(clippy::cast_precision_loss)] // a benchmark prints ratios of sizes

use std::path::PathBuf;
use std::time::Duration;

use tthc::io::parquet::{read_dir, write, ReadOptions};
use tthc::synth::{synth_json, SynthOptions};
use tthc::{Catalog, ComplianceOptions};

mod common;
use common::time;

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn mib(n: usize) -> String {
    format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut options = SynthOptions::default();
    if let Some(n) = arg("--communes").and_then(|n| n.parse().ok()) {
        options.communes = n;
    }
    if let Some(dir) = arg("--load-only").map(PathBuf::from) {
        load_only(&dir);
        return;
    }
    let keep = arg("--keep").map(PathBuf::from);
    let json = synth_json(&options);
    let (t_json, catalog) = time(3, || Catalog::from_json(json.as_bytes()).expect("valid"));
    let report_options = ComplianceOptions::default();
    let (t_report, _) = time(5, || catalog.compliance(&report_options));
    let (t_export, files) = time(3, || write(&catalog, &report_options).expect("written"));
    let dir = keep.unwrap_or_else(|| std::env::temp_dir().join("tthc-bench-parquet"));
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).expect("written");
    }
    let (t_load, back) = time(5, || read_dir(&dir, &ReadOptions::default()).expect("read"));
    let (t_load_report, report) = time(5, || {
        let c = read_dir(&dir, &ReadOptions::default())
            .expect("read")
            .catalog;
        c.compliance(&report_options).units.len()
    });
    assert_eq!(report, catalog.units().len());
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "national catalogue: {} units, {} procedures, {} postings; {} postings rows",
        catalog.units().len(),
        catalog.procedures().len(),
        catalog.posting_count(),
        back.rows
    );
    println!("| what | figure |");
    println!("|---|---|");
    println!("| JSON load (`Catalog::from_json`) | {} |", ms(t_json));
    println!("| full report | {} |", ms(t_report));
    println!(
        "| Parquet export, four files in memory (`io::parquet::write`) | {} |",
        ms(t_export)
    );
    println!(
        "| Parquet load (`io::parquet::read_dir`) | {} |",
        ms(t_load)
    );
    println!("| Parquet load + full report | {} |", ms(t_load_report));
    println!("| JSON size | {} |", mib(json.len()));
    for (name, bytes) in &files {
        println!("| `{name}` | {} |", mib(bytes.len()));
    }
    println!(
        "| four files together | {} ({:.1} % of the JSON) |",
        mib(total),
        100.0 * total as f64 / json.len() as f64
    );
    println!("files in {}", dir.display());
}

/// Time the load, and the load plus the full report, of the files in `dir`.
fn load_only(dir: &std::path::Path) {
    let report_options = ComplianceOptions::default();
    let (t_load, back) = time(5, || read_dir(dir, &ReadOptions::default()).expect("read"));
    let (t_load_report, units) = time(5, || {
        let c = read_dir(dir, &ReadOptions::default())
            .expect("read")
            .catalog;
        c.compliance(&report_options).units.len()
    });
    let (t_report, _) = time(5, || back.catalog.compliance(&report_options));
    println!(
        "{} rows, {} units, {} postings",
        back.rows,
        units,
        back.catalog.posting_count()
    );
    println!(
        "| Parquet load (`io::parquet::read_dir`) | {} |",
        ms(t_load)
    );
    println!("| full report | {} |", ms(t_report));
    println!("| Parquet load + full report | {} |", ms(t_load_report));
}
