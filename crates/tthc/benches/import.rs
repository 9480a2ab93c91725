//! CSV import throughput on a 100,000-row flat publication table, beside pandas' `read_csv` of
//! the same file in the same run. `cargo bench -p tthc --bench import [-- --rows N]`.
//!
//! The table is the export (`tthc::io::table::export_csv`) of a synthetic catalogue
//! (`tthc::synth`), cut to its first N data rows, written to `target/bench-import/`. The import
//! is the whole job: reading the CSV, checking and normalising every cell, and validating the
//! catalogue. pandas only parses the text into a data frame of strings
//! (`dtype=str, keep_default_na=False`), which is less work. Timings are medians of 7 runs,
//! as wall time and as CPU time (the time the process actually ran: `/proc/thread-self/schedstat`
//! here, `time.process_time()` in Python), because a busy shared machine stretches wall time.
//! pandas is looked for in `.venv/bin/python` at the workspace root, then `python3`; without
//! it the line says "pandas not installed".

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use tthc::io::import::{import_bytes, import_path, ImportOptions};
use tthc::synth::{synth_json, SynthOptions};
use tthc::Catalog;

const RUNS: usize = 7;

/// CPU time of this thread so far (Linux), or `None`.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Median wall and CPU time of `RUNS` runs of `f`.
fn measure(mut f: impl FnMut()) -> (Duration, Option<Duration>) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (t, c) = (Instant::now(), cpu_time());
        f();
        wall.push(t.elapsed());
        if let (Some(c0), Some(c1)) = (c, cpu_time()) {
            cpu.push(c1.saturating_sub(c0));
        }
    }
    let cpu = (cpu.len() == RUNS).then(|| median(cpu));
    (median(wall), cpu)
}

fn line(what: &str, bytes: usize, wall: Duration, cpu: Option<Duration>) {
    let cpu = cpu.map_or_else(String::new, |c| {
        format!(
            "   CPU {:>7.1} ms {:>6.1} MB/s",
            c.as_secs_f64() * 1e3,
            mb_per_s(bytes, c)
        )
    });
    println!(
        "{what:<46} wall {:>7.1} ms {:>6.1} MB/s{cpu}",
        wall.as_secs_f64() * 1e3,
        mb_per_s(bytes, wall)
    );
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[allow(clippy::cast_precision_loss)] // sizes of a few hundred MB
fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The first `rows` data rows of the export of a synthetic catalogue.
fn table(rows: usize) -> String {
    let options = SynthOptions {
        communes: 400,
        districts: 30,
        provinces: 3,
        procedures: 300,
        seed: 7,
        decisions: false,
    };
    let catalog = Catalog::from_json(synth_json(&options).as_bytes()).expect("synthetic catalogue");
    let csv = tthc::io::table::export_csv(&catalog);
    let mut end = 0;
    for (n, line) in csv.split_inclusive('\n').enumerate() {
        if n > rows {
            break;
        }
        end += line.len();
    }
    assert!(
        csv[..end].lines().count() == rows + 1,
        "the synthetic table has fewer than {rows} rows"
    );
    csv[..end].to_owned()
}

fn pandas(path: &Path) -> Result<(Duration, Duration), String> {
    let venv = workspace_root().join(".venv/bin/python");
    let python = if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    };
    let script = format!(
        "import sys, time\n\
         try:\n    import pandas\nexcept ImportError:\n    print('missing'); sys.exit(0)\n\
         wall, cpu = [], []\n\
         for _ in range({RUNS}):\n\
         \x20   t, c = time.perf_counter(), time.process_time()\n\
         \x20   df = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)\n\
         \x20   wall.append(time.perf_counter() - t)\n\
         \x20   cpu.append(time.process_time() - c)\n\
         assert len(df) > 0\n\
         wall.sort()\n\
         cpu.sort()\n\
         print(wall[len(wall) // 2], cpu[len(cpu) // 2], pandas.__version__)\n"
    );
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .map_err(|e| format!("python not found ({e})"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let secs = |w: Option<&str>| -> Result<Duration, String> {
        w.and_then(|w| w.parse::<f64>().ok())
            .map(Duration::from_secs_f64)
            .ok_or_else(|| format!("unexpected output `{text}`"))
    };
    match words.next() {
        Some("missing") | None => Err("pandas not installed".to_owned()),
        first => {
            let wall = secs(first)?;
            let cpu = secs(words.next())?;
            println!("(pandas {})", words.next().unwrap_or("?"));
            Ok((wall, cpu))
        }
    }
}

#[allow(clippy::cast_precision_loss)] // sizes of a few hundred MB
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000usize);
    let text = table(rows);
    let dir = workspace_root().join("target/bench-import");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let path = dir.join(format!("table-{rows}.csv"));
    std::fs::write(&path, &text).expect("write the table");
    let bytes = text.len();
    println!(
        "flat table: {rows} rows, {:.1} MB, {} ({RUNS} runs, median)",
        bytes as f64 / 1e6,
        path.display()
    );

    let options = ImportOptions::default();
    let mut postings = 0;
    let (wall, cpu) = measure(|| {
        let imported = black_box(import_bytes(text.as_bytes(), None, &options).expect("imports"));
        postings = imported.catalog.posting_count();
    });
    line(
        &format!("tthc import_bytes → validated Catalog ({postings} postings)"),
        bytes,
        wall,
        cpu,
    );
    let (wall, cpu) = measure(|| {
        black_box(import_path(&path, None, &options).expect("imports"));
    });
    line(
        "tthc import_path (file → validated Catalog)",
        bytes,
        wall,
        cpu,
    );
    match pandas(&path) {
        Ok((wall, cpu)) => line(
            "pandas.read_csv(dtype=str) (file → DataFrame)",
            bytes,
            wall,
            Some(cpu),
        ),
        Err(why) => println!("pandas.read_csv: {why}"),
    }
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!(
            "load average: {}",
            load.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}
