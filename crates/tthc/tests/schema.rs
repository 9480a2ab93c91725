//! The machine-readable contract of `docs/schema/` (JSON Schema, Draft 2020-12) against the
//! conformance vectors and the code:
//! - every schema is a valid Draft 2020-12 schema, and they resolve each other's `$ref`s from a
//!   local registry (no network);
//! - every vector of `tests/conformance/` validates against `vector.schema.json`, and its
//!   expectation against the schema of its operation (`report` → report, `unit_report` → the
//!   report's `unit`, `procedure_list` → listing, `search` → search, `validate` → validate,
//!   `import` → catalogue; `expect_errors` → errors); the input of a vector expected to succeed
//!   is a valid catalogue document;
//! - the input of an error vector with a structural error (unknown key, wrong type, ...) is
//!   refused by the catalogue schema too, near the path the library reports;
//! - the library's writers (report on each channel, document written back, `validate` output)
//!   give what the schemas describe, on every vector's document;
//! - the error codes of `validate.schema.json` and of `docs/format.md` are `tthc::Code::ALL`.
//!
//! `TTHC_CONFORMANCE_DIR` points the tests at another folder of vectors (as in Python).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jsonschema::{Registry, Validator};
use serde_json::{json, Value};

/// Base of the schemas' `$id`s.
const BASE: &str = "https://example.invalid/tthc/schema/";

/// The operations of `tests/conformance/README.md`.
const OPERATIONS: &[&str] = &[
    "report",
    "unit_report",
    "procedure_list",
    "search",
    "fold",
    "sort",
    "format_percent",
    "validate",
    "import",
    "diff",
    "check",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Every `docs/schema/*.schema.json`, by file name.
fn schemas() -> BTreeMap<String, Value> {
    let dir = root().join("docs/schema");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("docs/schema exists") {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".schema.json") {
            out.insert(name, read_json(&path));
        }
    }
    for want in [
        "catalogue.schema.json",
        "report.schema.json",
        "validate.schema.json",
        "listing.schema.json",
        "search.schema.json",
        "diff.schema.json",
        "check.schema.json",
        "errors.schema.json",
        "vector.schema.json",
    ] {
        assert!(out.contains_key(want), "docs/schema/{want} is missing");
    }
    out
}

/// Validators for the schemas, each able to `$ref` the others through a local registry.
struct Schemas {
    validators: BTreeMap<String, Validator>,
}

impl Schemas {
    fn load() -> Schemas {
        let all = schemas();
        let registry = Registry::new()
            .extend(
                all.iter()
                    .map(|(name, s)| (format!("{BASE}{name}"), s.clone())),
            )
            .expect("schema URIs are valid")
            .prepare()
            .expect("the schemas resolve from the local registry");
        let build = |schema: &Value| -> Validator {
            jsonschema::draft202012::options()
                .with_registry(&registry)
                .should_validate_formats(true)
                .build(schema)
                .unwrap_or_else(|e| panic!("schema {schema} does not compile: {e}"))
        };
        let mut validators = BTreeMap::new();
        for (name, schema) in &all {
            validators.insert(name.clone(), build(schema));
        }
        // A sub-schema, reached by reference as a user would.
        let unit = json!({ "$ref": format!("{BASE}report.schema.json#/$defs/unit") });
        validators.insert("report.schema.json#/$defs/unit".to_owned(), build(&unit));
        Schemas { validators }
    }

    /// The problems of `instance` against schema `name`, one line each.
    fn check(&self, name: &str, instance: &Value) -> Vec<String> {
        let v = &self.validators[name];
        v.iter_errors(instance)
            .map(|e| {
                let message = e.to_string();
                let short: String = message.chars().take(300).collect();
                let cut = if short.len() < message.len() {
                    " …"
                } else {
                    ""
                };
                format!("{name} at `{}`: {short}{cut}", e.instance_path())
            })
            .collect()
    }

    /// The instance paths (JSON pointers) that schema `name` objects to.
    fn error_paths(&self, name: &str, instance: &Value) -> Vec<String> {
        self.validators[name]
            .iter_errors(instance)
            .map(|e| e.instance_path().to_string())
            .collect()
    }
}

fn vectors() -> Vec<(String, Value)> {
    // The same override as the Python tests' (conftest.py).
    let dir = std::env::var_os("TTHC_CONFORMANCE_DIR")
        .map_or_else(|| root().join("tests/conformance"), PathBuf::from);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no conformance vectors");
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, read_json(&p))
        })
        .collect()
}

/// A vector's operation; `report` when it names none.
fn operation(v: &Value) -> &str {
    v.get("operation")
        .and_then(Value::as_str)
        .unwrap_or("report")
}

#[test]
fn schemas_are_valid_draft_2020_12() {
    let mut problems = Vec::new();
    for (name, schema) in schemas() {
        if schema.get("$schema") != Some(&json!("https://json-schema.org/draft/2020-12/schema")) {
            problems.push(format!("{name}: `$schema` is not Draft 2020-12"));
        }
        if schema.get("$id") != Some(&json!(format!("{BASE}{name}"))) {
            problems.push(format!("{name}: `$id` is not {BASE}{name}"));
        }
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            problems.push(format!("{name}: not a valid Draft 2020-12 schema: {e}"));
        }
    }
    // Every schema compiles, with every `$ref` resolved locally.
    let s = Schemas::load();
    assert!(s.validators.len() >= 8);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn vectors_and_expectations_match_the_schemas() {
    let s = Schemas::load();
    let mut problems = Vec::new();
    let mut per_operation: BTreeMap<String, usize> = BTreeMap::new();
    for (file, v) in vectors() {
        let op = operation(&v);
        *per_operation.entry(op.to_owned()).or_default() += 1;
        let mut found = s.check("vector.schema.json", &v);
        if !OPERATIONS.contains(&op) {
            found.push(format!("unknown operation `{op}`"));
        }
        if let Some(errors) = v.get("expect_errors") {
            found.extend(s.check("errors.schema.json", errors));
        }
        if let Some(expect) = v.get("expect") {
            let output = match op {
                "report" => Some("report.schema.json"),
                "unit_report" => Some("report.schema.json#/$defs/unit"),
                "procedure_list" => Some("listing.schema.json"),
                "search" => Some("search.schema.json"),
                "validate" => Some("validate.schema.json"),
                "import" => Some("catalogue.schema.json"),
                "diff" => Some("diff.schema.json"),
                "check" => Some("check.schema.json"),
                _ => None, // fold, sort, format_percent: plain strings, checked by the vector schema
            };
            if let Some(schema) = output {
                if expect.is_null() {
                    found.push("`expect` is null: bless the vector and review it".to_owned());
                } else {
                    found.extend(s.check(schema, expect));
                }
            }
            // The input of a vector expected to succeed is a valid document (for `validate`,
            // only when it expects no errors).
            let valid_input = match op {
                "report" | "unit_report" | "procedure_list" | "search" | "diff" | "check" => true,
                "validate" => expect
                    .get("errors")
                    .and_then(Value::as_array)
                    .is_some_and(Vec::is_empty),
                _ => false,
            };
            if let (true, Some(input)) = (valid_input, v.get("input")) {
                found.extend(s.check("catalogue.schema.json", input));
            }
            if let (true, Some(new)) = (op == "diff", v.pointer("/options/new")) {
                found.extend(s.check("catalogue.schema.json", new));
            }
        }
        problems.extend(found.into_iter().map(|p| format!("{file}: {p}")));
    }
    println!("vectors checked per operation: {per_operation:?}");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The library's own writers against the schemas, on every vector's document: the report on
/// each channel (report schema), the document written back (catalogue schema), and the
/// `validate` output of a document that does not read (validate schema).
#[test]
fn the_library_writes_what_the_schemas_describe() {
    let s = Schemas::load();
    let mut problems = Vec::new();
    let (mut reports, mut refused) = (0, 0);
    for (file, v) in vectors() {
        let Some(input) = v.get("input") else {
            continue;
        };
        let text = input.to_string();
        match tthc::Catalog::from_json(text.as_bytes()) {
            Ok(catalog) => {
                let written: Value =
                    serde_json::from_str(&catalog.to_json()).expect("the written document parses");
                problems.extend(s.check("catalogue.schema.json", &written));
                for channel in ["one_stop_shop", "portal", "national"] {
                    let options = tthc::ComplianceOptions::parse(Some(channel), Some("2025-12-31"))
                        .expect("valid options");
                    let report: Value =
                        serde_json::from_str(&catalog.compliance(&options).to_json(&catalog))
                            .expect("the report parses");
                    reports += 1;
                    problems.extend(
                        s.check("report.schema.json", &report)
                            .into_iter()
                            .map(|p| format!("{file} ({channel}): {p}")),
                    );
                }
            }
            Err(e) => {
                refused += 1;
                let output: Value = serde_json::from_str(&e.to_json()).expect("errors parse");
                problems.extend(
                    s.check("validate.schema.json", &output)
                        .into_iter()
                        .map(|p| format!("{file}: {p}")),
                );
            }
        }
    }
    println!("reports written: {reports}; documents refused: {refused}");
    assert!(reports > 0 && refused > 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Codes of errors in a document's structure, which the catalogue schema sees too.
const STRUCTURAL: &[&str] = &[
    "unsupported_version",
    "unknown_key",
    "missing_key",
    "wrong_type",
    "unknown_channel",
    "unknown_level",
    "bad_code",
    "bad_date",
    "bad_value",
];

/// Whether a schema error at `schema` points at the library's error at `library`: the same
/// value, a value inside it, or the object holding it (where an unknown key is reported).
fn related(schema: &str, library: &str) -> bool {
    let child_of_schema = library
        .strip_prefix(schema)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|key| !key.contains('/'));
    schema == library || child_of_schema || schema.starts_with(&format!("{library}/"))
}

#[test]
fn error_vectors_with_structural_errors_fail_the_catalogue_schema() {
    let s = Schemas::load();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (file, v) in vectors() {
        // The errors expected of the operation, or listed by an expected `validate` output.
        let listed = v.get("expect").and_then(|e| e.get("errors"));
        let errors = v
            .get("expect_errors")
            .or(listed.filter(|_| operation(&v) == "validate"));
        let (Some(input), Some(errors)) = (v.get("input"), errors) else {
            continue;
        };
        if !matches!(
            operation(&v),
            "report" | "unit_report" | "procedure_list" | "search" | "validate"
        ) {
            continue;
        }
        let schema_paths = s.error_paths("catalogue.schema.json", input);
        for e in errors.as_array().into_iter().flatten() {
            let code = e.get("code").and_then(Value::as_str).unwrap_or_default();
            let path = e.get("path").and_then(Value::as_str).unwrap_or_default();
            // Errors about the options (`as_of`, `channel`) and the size have no pointer.
            if !STRUCTURAL.contains(&code) || !path.starts_with('/') {
                continue;
            }
            // A `checked` day before the posting's `on` compares two dates, which JSON Schema
            // cannot express (docs/schema/README.md).
            if code == "bad_date" && path.ends_with("/checked") {
                continue;
            }
            checked += 1;
            if !schema_paths.iter().any(|p| related(p, path)) {
                problems.push(format!(
                    "{file}: the library reports `{code}` at `{path}`, the catalogue schema \
                     accepts it (schema errors at {schema_paths:?})"
                ));
            }
        }
    }
    println!("structural errors checked: {checked}");
    assert!(checked > 0, "no error vector has a structural error");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn code_all() -> BTreeSet<String> {
    tthc::Code::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect()
}

/// The backticked words of a piece of text, parenthesised remarks left out.
fn backticked(text: &str) -> BTreeSet<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn difference(name: &str, got: &BTreeSet<String>, want: &BTreeSet<String>) -> Option<String> {
    let extra: Vec<_> = got.difference(want).collect();
    let lacking: Vec<_> = want.difference(got).collect();
    (!extra.is_empty() || !lacking.is_empty()).then(|| {
        format!("{name}: not in Code::ALL: {extra:?}; in Code::ALL but not here: {lacking:?}")
    })
}

#[test]
fn format_md_error_codes_are_code_all() {
    let text = std::fs::read_to_string(root().join("docs/format.md")).expect("docs/format.md");
    let start = text
        .find("Codes include at least:")
        .expect("format.md §4 lists the codes (\"Codes include at least: ...\")");
    let rest = &text[start..];
    let list = &rest[..rest.find('.').expect("the list ends with a period")];
    let mut codes = backticked(list);
    let extra_at = text
        .find("- **Extra codes**")
        .expect("format.md has the \"Extra codes\" bullet");
    let bullet: String = text[extra_at..]
        .lines()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || (!l.trim().is_empty() && !l.starts_with("- ")))
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n");
    codes.extend(backticked(&bullet));
    let all = code_all();
    if let Some(d) = difference("docs/format.md", &codes, &all) {
        panic!("{d}");
    }
}

#[test]
fn validate_schema_codes_are_code_all() {
    let schema = read_json(&root().join("docs/schema/validate.schema.json"));
    let codes: Vec<String> = schema["$defs"]["code"]["enum"]
        .as_array()
        .expect("validate.schema.json has $defs/code/enum")
        .iter()
        .map(|c| c.as_str().expect("codes are strings").to_owned())
        .collect();
    let in_order: Vec<String> = tthc::Code::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    if let Some(d) = difference(
        "validate.schema.json",
        &codes.iter().cloned().collect(),
        &code_all(),
    ) {
        panic!("{d}");
    }
    assert_eq!(codes, in_order, "same codes, in Code::ALL's order");
}

#[test]
fn the_vector_schema_knows_the_operations() {
    let schema = read_json(&root().join("docs/schema/vector.schema.json"));
    let ops: Vec<&str> = schema["$defs"]["operation"]["enum"]
        .as_array()
        .expect("vector.schema.json has $defs/operation/enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ops, OPERATIONS);
    // The README's table names the same operations.
    let readme = std::fs::read_to_string(root().join("tests/conformance/README.md"))
        .expect("tests/conformance/README.md");
    let table: BTreeSet<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let ours: BTreeSet<&str> = OPERATIONS.iter().copied().collect();
    assert_eq!(
        table, ours,
        "operations of tests/conformance/README.md's table"
    );
}

/// Small documents the schemas must accept or refuse, as the reader does.
#[test]
fn catalogue_schema_follows_the_reader() {
    let s = Schemas::load();
    let base = json!({
        "tthc": 1, "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
        "procedures": [ { "code": "1.001193", "name": "Khai sinh", "field": "ho-tich",
                          "levels": ["commune"] } ],
        "units": [ { "code": "30985", "name": "Xã An Biên", "level": "commune" } ]
    });
    let with = |pointer: &str, value: Value| -> Value {
        let mut d = base.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let target = d.pointer_mut(parent).expect("parent exists");
        target[key] = value;
        d
    };
    let cases: Vec<(&str, Value, bool)> = vec![
        ("base", base.clone(), true),
        ("title null", with("/title", Value::Null), true),
        ("version 2", with("/tthc", json!(2)), false),
        ("version as text", with("/tthc", json!("1")), false),
        (
            "null optional date",
            with("/procedures/0/abolished", Value::Null),
            true,
        ),
        (
            "not a real day",
            with("/procedures/0/effective", json!("2025-02-30")),
            false,
        ),
        (
            "local suffix",
            with("/procedures/0/code", json!("1.001612.000.00.00.H01")),
            true,
        ),
        (
            "trailing dot",
            with("/procedures/0/code", json!("1.001193.")),
            false,
        ),
        (
            "online yes",
            with("/procedures/0/online", json!("yes")),
            false,
        ),
        (
            "empty levels",
            with("/procedures/0/levels", json!([])),
            false,
        ),
        ("blank name", with("/procedures/0/name", json!("  ")), false),
        ("unknown key", with("/procedures/0/extra", json!(1)), false),
        (
            "commune code of 3 digits",
            with("/units/0/code", json!("908")),
            false,
        ),
        (
            "postings",
            with(
                "/units/0/published",
                json!({ "one_stop_shop": ["1.001193", { "procedure": "1.001193", "on": "2025-08-01" }],
                        "portal": null }),
            ),
            true,
        ),
        (
            "unknown channel",
            with("/units/0/published", json!({ "website": [] })),
            false,
        ),
        (
            "posting without procedure",
            with("/units/0/published", json!({ "portal": [{ "on": null }] })),
            false,
        ),
        (
            "applies",
            with(
                "/units/0/applies",
                json!({ "add": ["1.001193"], "remove": null }),
            ),
            true,
        ),
        (
            "report",
            with(
                "/reports",
                json!([{ "unit": "30985", "scope": "self", "published": 3, "procedures": null }]),
            ),
            true,
        ),
        (
            "report without figures",
            with(
                "/reports",
                json!([{ "unit": "30985", "scope": "self", "fields": null }]),
            ),
            false,
        ),
        (
            "report scope",
            with(
                "/reports",
                json!([{ "unit": "30985", "scope": "district", "fields": 1 }]),
            ),
            false,
        ),
        (
            "negative count",
            with(
                "/reports",
                json!([{ "unit": "30985", "scope": "self", "fields": -1 }]),
            ),
            false,
        ),
    ];
    let mut problems = Vec::new();
    for (name, doc, valid) in cases {
        let errors = s.check("catalogue.schema.json", &doc);
        if errors.is_empty() != valid {
            problems.push(format!("{name}: expected valid={valid}, got {errors:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn check_schema_codes_are_the_finding_codes() {
    let schema = read_json(&root().join("docs/schema/check.schema.json"));
    let codes: Vec<&str> = schema["$defs"]["code"]["enum"]
        .as_array()
        .expect("check.schema.json has $defs/code/enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let ours: Vec<&str> = tthc::check::FindingCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(codes, ours);
}
