//! `tthc export`: every target, the embedded dataset without FILE, bad options.

use std::path::PathBuf;
use std::process::{Command, Output};

fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .output()
        .expect("the tthc binary runs")
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

const DOC: &str = r#"{ "tthc": 1, "as_of": "2026-03-01",
  "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
  "procedures": [
    { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"],
      "decision": "163/QĐ-BTP", "online": "full" },
    { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"],
      "abolished": "2026-01-01" } ],
  "units": [ { "code": "30985", "name": "Xã An Biên", "level": "commune",
               "published": { "one_stop_shop": ["1.001193"] } } ] }"#;

/// The document in a file of the test's own (tests run in parallel: a shared file could be
/// read while another test rewrites it).
fn doc(test: &str) -> PathBuf {
    let path = scratch(&format!("export-doc-{test}.json"));
    std::fs::write(&path, DOC).expect("written");
    path
}

#[test]
fn cpsv_ap_and_hsds_to_stdout() {
    let file = doc("cpsv_ap_and_hsds_to_stdout");
    let o = tthc(&["export", file.to_str().expect("utf-8"), "--to", "cpsv-ap"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON-LD");
    let services: Vec<&serde_json::Value> = v["@graph"]
        .as_array()
        .expect("a graph")
        .iter()
        .filter(|n| n["@type"] == "cpsv:PublicService")
        .collect();
    assert_eq!(services.len(), 2);
    assert_eq!(services[0]["@id"], "urn:tthc:procedure/1.001193");
    assert_eq!(
        services[0]["cv:hasLegalResource"]["@id"],
        "urn:tthc:decision/163%2FQ%C4%90-BTP"
    );

    let o = tthc(&["export", file.to_str().expect("utf-8"), "--to", "hsds"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let services = v.as_array().expect("an array");
    assert_eq!(services.len(), 2);
    assert_eq!(services[0]["status"], "active");
    assert_eq!(services[1]["status"], "defunct");
    assert_eq!(services[0]["service_areas"][0]["name"], "Xã An Biên");
    assert!(services[1].get("service_areas").is_none());
}

#[test]
fn without_file_the_embedded_dataset() {
    let o = tthc(&[
        "export",
        "--to",
        "cpsv-ap",
        "--base",
        "https://example.org/t/",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(
        text.contains("https://example.org/t/committee/908"),
        "{text}"
    );
    assert!(text.contains("Ủy ban nhân dân huyện An Biên"));
}

#[test]
fn bad_options_are_usage_errors() {
    let o = tthc(&["export", "--to", "rdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cpsv-ap"));
    let o = tthc(&["export", "--to", "cpsv-ap", "--base", "example.org"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.starts_with("bad_value at base:"), "{err}");
}

#[test]
fn csv_is_the_flat_table() {
    let file = doc("csv_is_the_flat_table");
    let out = scratch("export-table.csv");
    let o = tthc(&[
        "export",
        file.to_str().expect("utf-8"),
        "--to",
        "csv",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("unit_code,"), "{text}");
}

#[test]
fn parquet_out_and_back_in() {
    let file = doc("parquet_out_and_back_in");
    let dir = scratch("export-parquet");
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().expect("utf-8");
    let o = tthc(&[
        "export",
        file.to_str().expect("utf-8"),
        "--to",
        "parquet",
        "-o",
        d,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for name in ["procedures", "units", "postings", "unit_rates"] {
        assert!(dir.join(format!("{name}.parquet")).is_file(), "{name}");
    }
    let back = scratch("export-parquet-back.json");
    let o = tthc(&["import", d, "-o", back.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: serde_json::Value = serde_json::from_str(DOC).expect("JSON");
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&back).expect("written")).expect("JSON");
    assert_eq!(a, b);
    // One of the files names the directory too; `report` reads the directory.
    let one = dir.join("units.parquet");
    let o = tthc(&["import", one.to_str().expect("utf-8")]);
    assert!(o.status.success());
    let o = tthc(&["report", d, "--format", "csv"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("30985"));
    // A directory without the files is an I/O problem; parquet needs -o.
    let o = tthc(&["import", env!("CARGO_TARGET_TMPDIR")]);
    assert_eq!(o.status.code(), Some(2));
    let o = tthc(&["export", "--to", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o"));
}

#[test]
fn xlsx_needs_an_output_file() {
    let o = tthc(&["report", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o"));
    let out = scratch("report.xlsx");
    let o = tthc(&[
        "report",
        "--format",
        "xlsx",
        "--lang",
        "en",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&out).expect("written").starts_with(b"PK"));
    let table = scratch("table.xlsx");
    let file = doc("xlsx");
    let o = tthc(&[
        "export",
        file.to_str().expect("utf-8"),
        "--to",
        "xlsx",
        "-o",
        table.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success());
    let back = scratch("table-back.json");
    let o = tthc(&[
        "import",
        table.to_str().expect("utf-8"),
        "-o",
        back.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
