//! Runs every vector of `tests/conformance/` as its own test: the input document (or raw text)
//! with its options must give exactly the expected report, or exactly the expected errors
//! (codes and paths, in order). Every valid input also round-trips through JSON.
//!
//! `TTHC_BLESS=1` fills expectations that are `null` (new vectors) from the current code; a
//! person must read them against the vector's description before committing.

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use tthc::io::json::ReadOptions;
use tthc::{Catalog, ComplianceOptions};

#[derive(Deserialize)]
#[allow(dead_code)]
struct Vector {
    description: String,
    input: Option<Box<RawValue>>,
    input_text: Option<String>,
    #[serde(default)]
    options: Options,
    expect: Option<Value>,
    expect_errors: Option<Value>,
}

#[derive(Deserialize, Default)]
struct Options {
    channel: Option<String>,
    as_of: Option<String>,
    max_bytes: Option<u64>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// The report JSON, or the error list `[{code, path}]`.
fn outcome(v: &Vector) -> Result<Value, Value> {
    let text = match (&v.input, &v.input_text) {
        (Some(raw), _) => raw.get().to_owned(),
        (None, Some(t)) => t.clone(),
        (None, None) => panic!("vector has neither input nor input_text"),
    };
    let read = ReadOptions {
        max_bytes: v
            .options
            .max_bytes
            .unwrap_or(ReadOptions::default().max_bytes),
    };
    let errors = |e: tthc::Error| -> Value {
        e.problems()
            .iter()
            .map(|p| serde_json::json!({ "code": p.code.as_str(), "path": p.path }))
            .collect()
    };
    let catalog = Catalog::from_json_with(text.as_bytes(), &read).map_err(errors)?;
    let round = Catalog::from_json(catalog.to_json().as_bytes()).expect("written JSON reads back");
    assert_eq!(round, catalog, "JSON round trip changed the catalogue");
    let options =
        ComplianceOptions::parse(v.options.channel.as_deref(), v.options.as_of.as_deref())
            .map_err(errors)?;
    let report = catalog.compliance(&options);
    // One unit computed alone gives the same figures (rank aside) as the whole report.
    for u in &report.units {
        let (alone, applicable) = catalog.unit_compliance(u.unit, &options);
        assert_eq!(
            alone,
            tthc::UnitCompliance {
                rank: None,
                ..u.clone()
            }
        );
        if let Some(n) = u.applicable.filter(|_| u.basis == tthc::Basis::Items) {
            assert_eq!(applicable.len(), n as usize);
        }
    }
    Ok(serde_json::from_str(&report.to_json(&catalog)).expect("report JSON parses"))
}

fn bless(path: &Path, key: &str, value: &Value) {
    let text = std::fs::read_to_string(path).expect("read vector");
    let needle = format!("\"{key}\": null");
    let at = text.rfind(&needle).expect("expectation is null");
    let pretty = serde_json::to_string_pretty(value).expect("serialise");
    let new = format!(
        "{}\"{key}\": {}{}",
        &text[..at],
        pretty,
        &text[at + needle.len()..]
    );
    std::fs::write(path, new).expect("write vector");
}

fn run(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v: Vector = serde_json::from_str(&text).map_err(|e| format!("bad vector: {e}"))?;
    let got = outcome(&v);
    let blessing = std::env::var_os("TTHC_BLESS").is_some();
    match (&v.expect, &v.expect_errors, got) {
        (Some(want), None, Ok(report)) => {
            if *want != report {
                return Err(format!("report differs.\nwant {want}\n got {report}").into());
            }
        }
        (None, Some(want), Err(errors)) => {
            if *want != errors {
                return Err(format!("errors differ.\nwant {want}\n got {errors}").into());
            }
        }
        (None, None, got) if blessing => match got {
            Ok(r) if text.contains("\"expect\": null") => bless(path, "expect", &r),
            Err(e) if text.contains("\"expect_errors\": null") => bless(path, "expect_errors", &e),
            Ok(r) => return Err(format!("expected errors, got a report {r}").into()),
            Err(e) => return Err(format!("expected a report, got errors {e}").into()),
        },
        (None, None, _) => return Err("no expectation: run with TTHC_BLESS=1 and review".into()),
        (_, _, Ok(r)) => return Err(format!("expected errors, got a report {r}").into()),
        (_, _, Err(e)) => return Err(format!("expected a report, got errors {e}").into()),
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 25, "at least 25 conformance vectors");
    let trials = paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Trial::test(name, move || run(&p))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
