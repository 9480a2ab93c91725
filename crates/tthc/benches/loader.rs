//! `CatalogLoader` (reading, then validation and build, in steps) against
//! `Catalog::from_json_str`, natively: the total, the longest step and `finish`, each the
//! least of several runs (wall clock: the least disturbed run on a shared machine; the thread
//! CPU clock of `common` ticks too coarsely for a step), and the steps of the last run.
//! `cargo bench -p tthc --bench loader [-- FILE [COUNT]]`: FILE is a catalogue document
//! (default: the synthetic one of `tthc::synth`), COUNT the elements a step (256, the widget's
//! first slice). The widget's catalogue of 10,000 procedures (the one loader-bench.mjs reads)
//! can be written with `syntheticCatalogue` of examples/web/synthetic.js.

use std::time::{Duration, Instant};

use tthc::io::json::{CatalogLoader, ReadOptions};
use tthc::synth::{synth_json, SynthOptions};
use tthc::Catalog;

const RUNS: usize = 9;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(&path).expect("a readable catalogue"),
        None => synth_json(&SynthOptions::default()),
    };
    let count: usize = args.next().map_or(256, |c| c.parse().expect("COUNT"));
    let options = ReadOptions::default();
    let mut rows: [(&str, Vec<Duration>); 6] = [
        ("from_json_str", Vec::new()),
        ("loader total", Vec::new()),
        ("steps", Vec::new()),
        ("longest step", Vec::new()),
        ("finish", Vec::new()),
        ("drop", Vec::new()),
    ];
    let mut each = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let direct = Catalog::from_json_str(&text, &options).expect("a valid catalogue");
        rows[0].1.push(t.elapsed());
        drop(direct);
        let start = Instant::now();
        let mut loader = CatalogLoader::new(text.clone(), &options);
        let (mut steps, mut longest) = (0u32, Duration::ZERO);
        each.clear();
        loop {
            let t = Instant::now();
            let done = loader.step(count).expect("readable");
            each.push(t.elapsed());
            longest = longest.max(t.elapsed());
            steps += 1;
            if done {
                break;
            }
        }
        let t = Instant::now();
        let catalog = loader.finish().expect("a valid catalogue");
        rows[4].1.push(t.elapsed());
        rows[1].1.push(start.elapsed());
        rows[2].1.push(Duration::from_micros(u64::from(steps)));
        rows[3].1.push(longest);
        let t = Instant::now();
        drop(catalog);
        rows[5].1.push(t.elapsed());
    }
    println!(
        "{} bytes, {count} elements a step, least of {RUNS} runs (ms; `steps` is a count):",
        text.len()
    );
    let each: Vec<String> = each
        .iter()
        .map(|d| format!("{:.1}", d.as_secs_f64() * 1e3))
        .collect();
    println!("each step of the last run: {}", each.join(" "));
    for (name, v) in rows {
        let m = v.into_iter().min().unwrap_or_default();
        if name == "steps" {
            println!("{name:<14} {}", m.as_micros());
        } else {
            println!("{name:<14} {:.2}", m.as_secs_f64() * 1e3);
        }
    }
}
