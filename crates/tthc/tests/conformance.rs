//! The conformance vectors of `tests/conformance/` (see its README.md), one trial per vector
//! named `<operation>/<file>`, run by one table-driven runner that dispatches on the vector's
//! `operation`. A vector whose operation this runner does not know fails, as does one with an
//! option its operation does not take.
//!
//! A vector must give exactly its `expect` (deep JSON equality) or exactly its `expect_errors`
//! (`(code, path)` pairs, in order). Besides, the runner checks what must hold whatever the
//! vector: every document read round-trips through JSON; in a report every unit computed alone
//! equals its row (rank aside); a unit report equals the whole report's row with rank `null`;
//! a procedure list equals the list sorted with a precomputed `ListOrder`; a `SearchIndex` and
//! `Catalog::search` give the same hits; folding is idempotent; `compare` sorts as `sort_key`.
//!
//! `TTHC_BLESS=1` fills expectations that are `null` (new vectors) from the current code; a
//! person must read them against the vector's description before committing. `sort` vectors
//! are never blessed: their expectations are ICU's order, not ours.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};
use tthc::check::CheckOptions;
use tthc::diff::DiffOptions;
use tthc::io::import::{import_bytes, Format, ImportOptions};
use tthc::io::json::{CatalogLoader, ReadOptions};
use tthc::listing::{ListOrder, ListQuery};
use tthc::search::SearchIndex;
use tthc::{Catalog, ComplianceOptions, Error, Lang, Problem, Rate};

/// The operations of `tests/conformance/README.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Op {
    Report,
    UnitReport,
    ProcedureList,
    Search,
    Fold,
    Sort,
    FormatPercent,
    Validate,
    Import,
    Diff,
    Check,
}

/// What an operation reads besides its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// A catalogue document: `input`, or `input_text` (syntax errors).
    Document,
    /// A file's content: `input_text` only.
    Text,
    /// Nothing but its options.
    Nothing,
}

impl Op {
    const ALL: [Op; 11] = [
        Op::Report,
        Op::UnitReport,
        Op::ProcedureList,
        Op::Search,
        Op::Fold,
        Op::Sort,
        Op::FormatPercent,
        Op::Validate,
        Op::Import,
        Op::Diff,
        Op::Check,
    ];

    fn name(self) -> &'static str {
        match self {
            Op::Report => "report",
            Op::UnitReport => "unit_report",
            Op::ProcedureList => "procedure_list",
            Op::Search => "search",
            Op::Fold => "fold",
            Op::Sort => "sort",
            Op::FormatPercent => "format_percent",
            Op::Validate => "validate",
            Op::Import => "import",
            Op::Diff => "diff",
            Op::Check => "check",
        }
    }

    fn from_name(name: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.name() == name)
    }

    fn reads(self) -> Reads {
        match self {
            Op::Report
            | Op::UnitReport
            | Op::ProcedureList
            | Op::Search
            | Op::Validate
            | Op::Diff
            | Op::Check => Reads::Document,
            Op::Import => Reads::Text,
            Op::Fold | Op::Sort | Op::FormatPercent => Reads::Nothing,
        }
    }

    /// The options the operation takes.
    fn options(self) -> &'static [&'static str] {
        match self {
            Op::Report => &["channel", "as_of", "max_bytes", "stale_after"],
            Op::UnitReport => &["unit", "channel", "as_of", "stale_after"],
            Op::ProcedureList => &["unit", "level", "field", "status", "channel", "as_of"],
            Op::Search => &["query", "limit"],
            Op::Fold => &["text"],
            Op::Sort => &["items"],
            Op::FormatPercent => &["rate", "lang"],
            Op::Validate => &["max_bytes"],
            Op::Import => &["format", "lenient"],
            Op::Diff => &["new", "channel", "as_of"],
            Op::Check => &["channel", "as_of", "stale_after"],
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    #[allow(dead_code)] // read by people
    description: String,
    /// `report` when absent (`docs/schema/vector.schema.json`).
    operation: Option<String>,
    input: Option<Box<RawValue>>,
    input_text: Option<String>,
    #[serde(default)]
    options: Map<String, Value>,
    /// `Some(Value::Null)` when the key is there with `null` (to bless), `None` when absent.
    #[serde(default, deserialize_with = "present")]
    expect: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    expect_errors: Option<Value>,
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The result of an operation: its output, or its errors.
type Outcome = Result<Value, Vec<Problem>>;

/// A vector the runner cannot run as written (not an outcome of the operation).
type Bad = String;

fn problems(e: &Error) -> Vec<Problem> {
    e.problems().to_vec()
}

fn to_value(v: impl serde::Serialize) -> Result<Value, Bad> {
    serde_json::to_value(v).map_err(|e| format!("cannot serialise the output: {e}"))
}

fn parse_json(text: &str, what: &str) -> Result<Value, Bad> {
    serde_json::from_str(text).map_err(|e| format!("{what} is not JSON: {e}"))
}

/// A vector's options, checked against what its operation takes.
struct Args<'a> {
    map: &'a Map<String, Value>,
}

impl<'a> Args<'a> {
    fn new(op: Op, map: &'a Map<String, Value>) -> Result<Self, Bad> {
        if let Some(key) = map.keys().find(|k| !op.options().contains(&k.as_str())) {
            return Err(format!(
                "option `{key}` is not one of {}'s ({})",
                op.name(),
                op.options().join(", ")
            ));
        }
        Ok(Args { map })
    }

    /// A string option; `null` or absent is `None`.
    fn str(&self, key: &str) -> Result<Option<&'a str>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!("option `{key}` must be a string, not {other}")),
        }
    }

    fn required_str(&self, key: &str) -> Result<&'a str, Bad> {
        self.str(key)?
            .ok_or_else(|| format!("option `{key}` is required"))
    }

    fn u64(&self, key: &str) -> Result<Option<u64>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| format!("option `{key}` must be a whole number, not {v}")),
        }
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(format!("option `{key}` must be true or false, not {other}")),
        }
    }

    /// An option that must be present (its value may be `null`).
    fn required(&self, key: &str) -> Result<&'a Value, Bad> {
        self.map
            .get(key)
            .ok_or_else(|| format!("option `{key}` is required"))
    }

    fn read_options(&self) -> Result<ReadOptions, Bad> {
        Ok(ReadOptions {
            max_bytes: self
                .u64("max_bytes")?
                .unwrap_or(ReadOptions::default().max_bytes),
            ..ReadOptions::default()
        })
    }

    /// A whole-number option that may be negative (so that bad values reach the library).
    fn i64(&self, key: &str) -> Result<Option<i64>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| format!("option `{key}` must be a whole number, not {v}")),
        }
    }

    fn compliance_options(&self) -> Result<Result<ComplianceOptions, Error>, Bad> {
        let stale_after = self.i64("stale_after")?;
        Ok(
            ComplianceOptions::parse(self.str("channel")?, self.str("as_of")?)
                .and_then(|o| o.with_stale_after(stale_after)),
        )
    }
}

/// The text of the vector's document or file.
fn text(op: Op, v: &Vector) -> Result<String, Bad> {
    match (op.reads(), &v.input, &v.input_text) {
        (Reads::Nothing, None, None) => Ok(String::new()),
        (Reads::Nothing, _, _) => Err(format!("{} reads no input", op.name())),
        (Reads::Text | Reads::Document, None, Some(t)) => Ok(t.clone()),
        (Reads::Text, _, _) => Err(format!("{} reads `input_text` only", op.name())),
        (Reads::Document, Some(raw), None) => Ok(raw.get().to_owned()),
        (Reads::Document, _, _) => Err("exactly one of `input` and `input_text`".to_owned()),
    }
}

/// Read a document; a catalogue that was read must come back unchanged from its own JSON.
fn read(text: &str, options: &ReadOptions) -> Result<Result<Catalog, Error>, Bad> {
    let read = Catalog::from_json_with(text.as_bytes(), options);
    let json = |r: &Result<Catalog, Error>| r.as_ref().map(Catalog::to_json).map_err(Clone::clone);
    let mut loader = CatalogLoader::new(text.to_owned(), options);
    let loaded = loop {
        match loader.step(1) {
            Ok(false) => {}
            Ok(true) => break loader.finish(),
            Err(e) => break Err(e),
        }
    };
    if json(&loaded) != json(&read) {
        return Err(format!(
            "CatalogLoader (one element a step) gives {:?}, from_json_with {:?}",
            json(&loaded),
            json(&read)
        ));
    }
    let catalog = match read {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    round_trip(&catalog)?;
    Ok(Ok(catalog))
}

fn round_trip(catalog: &Catalog) -> Result<(), Bad> {
    let again = Catalog::from_json(catalog.to_json().as_bytes())
        .map_err(|e| format!("the catalogue's own JSON does not read back: {e}"))?;
    if again != *catalog {
        return Err("JSON round trip changed the catalogue".to_owned());
    }
    Ok(())
}

/// `?` for the operation's own errors inside a function returning `Result<Outcome, Bad>`.
macro_rules! tried {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Ok(Err(problems(&e))),
        }
    };
}

fn report(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let catalog = tried!(read(text, &args.read_options()?)?);
    let options = tried!(args.compliance_options()?);
    let report = catalog.compliance(&options);
    // One unit computed alone gives the same figures (rank aside) as the whole report.
    for u in &report.units {
        let (alone, applicable) = catalog.unit_compliance(u.unit, &options);
        let want = tthc::UnitCompliance {
            rank: None,
            ..u.clone()
        };
        if alone != want {
            return Err(format!(
                "unit {} alone differs from its report row:\n alone {alone:?}\n  row {want:?}",
                catalog.unit(u.unit).code
            ));
        }
        if let Some(n) = u.applicable.filter(|_| u.basis == tthc::Basis::Items) {
            if applicable.len() != n as usize {
                return Err(format!(
                    "unit {}: {} applicable procedures listed, {n} counted",
                    catalog.unit(u.unit).code,
                    applicable.len()
                ));
            }
        }
    }
    Ok(Ok(parse_json(&report.to_json(&catalog), "the report")?))
}

fn unit_report_op(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let code = args.required_str("unit")?;
    let catalog = tried!(read(text, &ReadOptions::default())?);
    let options = tried!(args.compliance_options()?);
    let row = tried!(catalog.unit_report(code, &options));
    let got = to_value(&row)?;
    // The whole report's row, rank aside.
    let report = catalog.compliance(&options);
    let view = report.view(&catalog);
    let whole = view
        .units
        .iter()
        .find(|u| u.unit == code)
        .ok_or_else(|| format!("unit {code} is not in the whole report"))?;
    let mut whole = to_value(whole)?;
    whole["rank"] = Value::Null;
    if whole != got {
        return Err(format!(
            "the unit alone differs from the whole report's row (rank aside):\n alone {got}\n whole {whole}"
        ));
    }
    Ok(Ok(got))
}

fn procedure_list(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let catalog = tried!(read(text, &ReadOptions::default())?);
    let query = tried!(ListQuery::parse(
        args.str("unit")?,
        args.str("level")?,
        args.str("field")?,
        args.str("status")?,
        args.str("channel")?,
        args.str("as_of")?,
    ));
    let list = tried!(catalog.procedure_list(&query));
    let ordered = catalog
        .procedure_list_with(&query, &ListOrder::new(&catalog))
        .map_err(|e| format!("procedure_list_with fails where procedure_list does not: {e}"))?;
    if ordered != list {
        return Err("procedure_list_with (a precomputed ListOrder) gives another list".to_owned());
    }
    Ok(Ok(to_value(&list)?))
}

fn search(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let query = args.required_str("query")?;
    let limit = args.u64("limit")?.unwrap_or(20);
    let limit = usize::try_from(limit).map_err(|_| format!("limit {limit} is too large"))?;
    let catalog = tried!(read(text, &ReadOptions::default())?);
    let hits = SearchIndex::new(&catalog).search(query, limit);
    if catalog.search(query, limit) != hits {
        return Err("Catalog::search and SearchIndex::search give different hits".to_owned());
    }
    let rows: Vec<_> = hits.iter().map(|h| h.row(&catalog)).collect();
    Ok(Ok(to_value(&rows)?))
}

fn fold(args: &Args<'_>) -> Result<Outcome, Bad> {
    let text = args.required_str("text")?;
    let folded = tthc::text::fold(text);
    if tthc::text::fold(&folded) != folded {
        return Err(format!("folding {folded:?} again changes it"));
    }
    Ok(Ok(Value::String(folded)))
}

fn sort(args: &Args<'_>) -> Result<Outcome, Bad> {
    let items: Vec<String> = serde_json::from_value(args.required("items")?.clone())
        .map_err(|e| format!("option `items` must be an array of strings: {e}"))?;
    let mut by_key = items.clone();
    by_key.sort_by_cached_key(|s| tthc::text::sort_key(s));
    let mut by_compare = items;
    by_compare.sort_by(|a, b| tthc::text::compare(a, b));
    if by_compare != by_key {
        return Err(format!(
            "text::compare and text::sort_key sort differently:\n compare {by_compare:?}\n sort_key {by_key:?}"
        ));
    }
    Ok(Ok(to_value(&by_key)?))
}

fn format_percent(args: &Args<'_>) -> Result<Outcome, Bad> {
    let rate = match args.required("rate")? {
        Value::Null => None,
        Value::Array(pair) if pair.len() == 2 => {
            let count = |v: &Value| {
                v.as_f64()
                    .ok_or_else(|| format!("a rate holds numbers, not {v}"))
            };
            Some(tried!(Rate::from_counts(
                count(&pair[0])?,
                count(&pair[1])?
            )))
        }
        other => return Err(format!("option `rate` must be null or a pair, not {other}")),
    };
    let lang: Lang = tried!(args.str("lang")?.unwrap_or("vi").parse());
    Ok(Ok(Value::String(tthc::format_percent(rate, lang))))
}

fn validate(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let json = match read(text, &args.read_options()?)? {
        Ok(_) => tthc::error::problems_json(&[]),
        Err(e) => e.to_json(),
    };
    Ok(Ok(parse_json(&json, "the validate output")?))
}

fn import(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let format: Format = tried!(args.str("format")?.unwrap_or("auto").parse());
    let options = ImportOptions {
        format,
        lenient: args.bool("lenient")?.unwrap_or(false),
        ..ImportOptions::default()
    };
    let imported = tried!(import_bytes(text.as_bytes(), None, &options));
    round_trip(&imported.catalog)?;
    Ok(Ok(parse_json(
        &imported.catalog.to_json(),
        "the catalogue",
    )?))
}

/// `diff`: `input` is OLD, option `new` NEW (read after OLD: OLD's errors win).
fn diff_op(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let new_text = args.required("new")?.to_string();
    let old = tried!(read(text, &ReadOptions::default())?);
    let new = tried!(read(&new_text, &ReadOptions::default())?);
    let options = tried!(DiffOptions::parse(args.str("channel")?, args.str("as_of")?));
    let d = tthc::diff::diff(&old, &new, &options);
    // A catalogue against itself has no difference, and the JSON is the serialised value.
    if !tthc::diff::diff(&new, &new, &options).is_empty() {
        return Err("NEW against itself is not empty".to_owned());
    }
    let value = to_value(&d)?;
    if parse_json(&d.to_json(), "the diff")? != value {
        return Err("Diff::to_json differs from the serialised value".to_owned());
    }
    Ok(Ok(value))
}

/// `check`: `{ "findings": [...] }`, messages included.
fn check_op(args: &Args<'_>, text: &str) -> Result<Outcome, Bad> {
    let catalog = tried!(read(text, &ReadOptions::default())?);
    let options = tried!(CheckOptions::parse(
        args.str("channel")?,
        args.str("as_of")?,
        args.i64("stale_after")?,
    ));
    let findings = tthc::check::check(&catalog, &options);
    Ok(Ok(parse_json(
        &tthc::check::findings_json(&findings),
        "the findings",
    )?))
}

fn outcome(op: Op, v: &Vector) -> Result<Outcome, Bad> {
    let args = Args::new(op, &v.options)?;
    let text = text(op, v)?;
    match op {
        Op::Report => report(&args, &text),
        Op::UnitReport => unit_report_op(&args, &text),
        Op::ProcedureList => procedure_list(&args, &text),
        Op::Search => search(&args, &text),
        Op::Fold => fold(&args),
        Op::Sort => sort(&args),
        Op::FormatPercent => format_percent(&args),
        Op::Validate => validate(&args, &text),
        Op::Import => import(&args, &text),
        Op::Diff => diff_op(&args, &text),
        Op::Check => check_op(&args, &text),
    }
}

/// Errors as vectors hold them: `[{code, path}]`.
fn error_pairs(problems: &[Problem]) -> Value {
    problems
        .iter()
        .map(|p| json!({ "code": p.code.as_str(), "path": p.path }))
        .collect()
}

/// `value` as `json.dump(..., ensure_ascii=False, indent=1)` writes it as a member of the
/// top-level object (make_inputs.py's style), so that blessed files and generated ones agree.
fn pretty(value: &Value) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(value, &mut ser).expect("a JSON value serialises");
    String::from_utf8(out)
        .expect("JSON is UTF-8")
        .replace('\n', "\n ")
}

fn bless(path: &Path, text: &str, key: &str, value: &Value) -> Result<(), Failed> {
    let needle = format!("\"{key}\": null");
    let at = text
        .rfind(&needle)
        .ok_or_else(|| format!("no `{needle}` to bless"))?;
    let new = format!(
        "{}\"{key}\": {}{}",
        &text[..at],
        pretty(value),
        &text[at + needle.len()..]
    );
    std::fs::write(path, new).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

fn run(path: &Path, op: Op) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v: Vector = serde_json::from_str(&text).map_err(|e| format!("bad vector: {e}"))?;
    if v.operation.as_deref().unwrap_or("report") != op.name() {
        return Err("the vector's operation changed while the tests ran".into());
    }
    let got = outcome(op, &v).map_err(|e| format!("bad vector or broken invariant: {e}"))?;
    let blessing = std::env::var_os("TTHC_BLESS").is_some();
    match (&v.expect, &v.expect_errors, got) {
        (Some(Value::Null), None, got) | (None, Some(Value::Null), got) => {
            if !blessing {
                return Err("no expectation: run with TTHC_BLESS=1 and review".into());
            }
            if op == Op::Sort {
                return Err("sort expectations come from ICU (README.md), never blessed".into());
            }
            match (v.expect.is_some(), got) {
                (true, Ok(output)) => bless(path, &text, "expect", &output),
                (false, Err(errors)) => bless(path, &text, "expect_errors", &error_pairs(&errors)),
                (true, Err(errors)) => {
                    Err(format!("expected an output, got errors {}", error_pairs(&errors)).into())
                }
                (false, Ok(output)) => Err(format!("expected errors, got {output}").into()),
            }
        }
        (Some(want), None, Ok(output)) => {
            if *want != output {
                return Err(format!("output differs.\nwant {want}\n got {output}").into());
            }
            Ok(())
        }
        (None, Some(want), Err(errors)) => {
            let errors = error_pairs(&errors);
            if *want != errors {
                return Err(format!("errors differ.\nwant {want}\n got {errors}").into());
            }
            Ok(())
        }
        (Some(_), None, Err(errors)) => {
            Err(format!("expected an output, got errors {}", error_pairs(&errors)).into())
        }
        (None, Some(_), Ok(output)) => Err(format!("expected errors, got {output}").into()),
        (None, None, _) => Err("no `expect` nor `expect_errors`".into()),
        (Some(_), Some(_), _) => Err("both `expect` and `expect_errors`".into()),
    }
}

fn dir() -> PathBuf {
    // The same override as the Python tests' (conftest.py) and the schema test's.
    std::env::var_os("TTHC_CONFORMANCE_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance"),
        PathBuf::from,
    )
}

/// The operation a vector names, read leniently so that a bad file still becomes a trial.
fn operation_of(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    match v.get("operation") {
        None => Ok("report".to_owned()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("`operation` must be a string, not {other}")),
    }
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
    let mut counts: BTreeMap<Op, usize> = Op::ALL.into_iter().map(|op| (op, 0)).collect();
    let mut unknown = 0;
    let trials = paths
        .into_iter()
        .map(|p| {
            let file = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = match operation_of(&p) {
                Ok(name) => name,
                Err(e) => return Trial::test(format!("unreadable/{file}"), move || Err(e.into())),
            };
            if let Some(op) = Op::from_name(&name) {
                *counts.entry(op).or_default() += 1;
                Trial::test(format!("{name}/{file}"), move || run(&p, op))
            } else {
                unknown += 1;
                Trial::test(format!("{name}/{file}"), move || {
                    Err(format!("unknown operation `{name}`").into())
                })
            }
        })
        .collect();
    let mut line: Vec<String> = counts
        .iter()
        .map(|(op, n)| format!("{} {n}", op.name()))
        .collect();
    if unknown > 0 {
        line.push(format!("unknown {unknown}"));
    }
    eprintln!("conformance (rust): {}", line.join(", "));
    libtest_mimic::run(&args, trials).exit();
}
