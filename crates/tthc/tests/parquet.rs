//! The four Parquet files: the round trip on every conformance input that has units (and the
//! embedded datasets), and bad input — missing and mistyped columns, unknown words, postings
//! naming undefined units or procedures, truncated files — as errors with file, row or row
//! group and column, never a panic; `lenient` skips bad postings rows.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, Int32Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};
use parquet::arrow::ArrowWriter;
use tthc::document::{DocPosting, Document};
use tthc::io::parquet::{read_dir, tables, write, write_dir, ReadOptions, FILES};
use tthc::{Catalog, Channel, ComplianceOptions, Date};

fn today() -> ComplianceOptions {
    ComplianceOptions::on(Date::parse("2026-06-01").expect("a day"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("parquet")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Valid conformance documents that have units.
fn conformance_inputs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/conformance")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for f in files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("JSON");
        let Some(input) = v.get("input").filter(|i| i.is_object()) else {
            continue;
        };
        if input["units"].as_array().is_none_or(Vec::is_empty) {
            continue;
        }
        if let Ok(c) = Catalog::from_json(input.to_string().as_bytes()) {
            drop(c);
            let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
            out.push((stem, input.to_string()));
        }
    }
    out
}

/// What the files keep of a catalogue: postings by procedure code, a procedure posted twice
/// on a channel once (the posting that counts: published over outdated over posted after the
/// day, the first among equals; the first for postings that do not apply or name no
/// procedure of the catalogue).
fn normalised(c: &Catalog, options: &ComplianceOptions) -> Catalog {
    let day = options.day(c);
    let mut doc: Document<'_> = c.to_document();
    for (i, unit) in doc.units.iter_mut().enumerate() {
        let (_, applicable) = c.unit_compliance(tthc::UnitId(i as u32), options);
        let applicable: Vec<&str> = applicable
            .iter()
            .map(|&p| c.procedure(p).code.as_str())
            .collect();
        for ch in Channel::ALL {
            if unit.published.channel(ch).is_none() {
                continue;
            }
            let list = unit.published.channel_mut(ch);
            let rank = |p: &DocPosting<'_>| -> u8 {
                let Some(id) = c.procedure_id(&p.procedure) else {
                    return 0;
                };
                if !applicable.contains(&p.procedure.as_ref()) {
                    return 0;
                }
                let amended = c.procedure(id).amended;
                match p.on {
                    Some(d) if d > day => 1,
                    Some(d) if amended.is_some_and(|a| d < a && a <= day) => 2,
                    _ => 3,
                }
            };
            let mut kept: Vec<DocPosting<'_>> = Vec::new();
            for p in list.drain(..) {
                match kept.iter_mut().find(|k| k.procedure == p.procedure) {
                    Some(k) if rank(&p) > rank(k) => *k = p,
                    Some(_) => {}
                    None => kept.push(p),
                }
            }
            kept.sort_by(|a, b| a.procedure.cmp(&b.procedure));
            *list = kept;
        }
    }
    Catalog::from_document(&doc).expect("the normalised document is valid")
}

fn round_trip(name: &str, catalog: &Catalog, options: &ComplianceOptions) {
    let dir = scratch(name);
    write_dir(catalog, &dir, options).expect("written");
    let back = read_dir(&dir, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .catalog;
    assert_eq!(back, normalised(catalog, options), "{name}");
    for ch in Channel::ALL {
        let o = ComplianceOptions {
            channel: ch,
            ..*options
        };
        let (a, b) = (catalog.compliance(&o), back.compliance(&o));
        assert_eq!(a.units, b.units, "{name} {ch}");
        assert_eq!(a.groups, b.groups, "{name} {ch}");
    }
    // Writing what was read gives the same bytes.
    assert_eq!(
        write(&back, options).expect("written"),
        write(catalog, options).expect("written"),
        "{name}"
    );
}

#[test]
fn every_conformance_input_with_units_round_trips() {
    let inputs = conformance_inputs();
    assert!(inputs.len() >= 30, "only {} inputs", inputs.len());
    let mut refused = 0;
    for (name, json) in inputs {
        let c = Catalog::from_json(json.as_bytes()).expect("valid");
        let checked = json.contains("\"checked\"");
        if !c.decisions().is_empty() || checked {
            // No place for them in the four files: refused, never dropped.
            let e = write(&c, &today()).expect_err(&name);
            assert_eq!(e.code(), "bad_value", "{name}");
            assert!(
                e.path() == "/decisions" || e.path().starts_with("/units/"),
                "{name}"
            );
            refused += 1;
            continue;
        }
        round_trip(&name, &c, &today());
        round_trip(
            &format!("{name}-portal"),
            &c,
            &ComplianceOptions {
                channel: Channel::Portal,
                ..today()
            },
        );
    }
    assert!(
        refused > 0,
        "the corpus has catalogues with decisions or checked postings"
    );
}

#[test]
fn the_embedded_dataset_and_a_synthetic_one_round_trip() {
    round_trip("an-bien", &Catalog::an_bien_2018(), &today());
    let json = tthc::synth::synth_json(&tthc::synth::SynthOptions {
        communes: 60,
        districts: 6,
        provinces: 2,
        procedures: 40,
        seed: 3,
        ..tthc::synth::SynthOptions::default()
    });
    let c = Catalog::from_json(json.as_bytes()).expect("valid");
    round_trip("synth", &c, &today());
}

#[test]
fn postings_are_sorted_and_rates_match_the_report() {
    let json = tthc::synth::synth_json(&tthc::synth::SynthOptions {
        communes: 40,
        districts: 4,
        provinces: 1,
        procedures: 30,
        seed: 5,
        ..tthc::synth::SynthOptions::default()
    });
    let c = Catalog::from_json(json.as_bytes()).expect("valid");
    let t = tables(&c, &today());
    let mut keys: Vec<(String, String, String)> = Vec::new();
    for b in &t.postings {
        let col = |name: &str| -> Vec<String> {
            let a = arrow_cast_strings(b.column_by_name(name).expect("column"));
            a
        };
        let (u, p, ch) = (col("unit"), col("procedure"), col("channel"));
        for i in 0..b.num_rows() {
            keys.push((u[i].clone(), ch[i].clone(), p[i].clone()));
        }
    }
    assert!(!keys.is_empty());
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "sorted and one row per key"
    );
    assert_eq!(t.unit_rates.num_rows(), c.units().len());
}

/// The strings of a (dictionary) string column.
fn arrow_cast_strings(a: &ArrayRef) -> Vec<String> {
    use arrow_array::cast::AsArray;
    let d = a.as_any_dictionary_opt().expect("a dictionary");
    let values = d.values().as_string::<i32>();
    d.normalized_keys()
        .iter()
        .map(|&k| values.value(k).to_owned())
        .collect()
}

// ---- bad input ----

const DOC: &str = r#"{ "tthc": 1, "as_of": "2026-03-01",
  "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
  "procedures": [
    { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
    { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"] } ],
  "units": [ { "code": "30985", "name": "Xã An Biên", "level": "commune",
               "published": { "one_stop_shop": ["1.001193"] } },
             { "code": "30988", "name": "Xã Tây Yên", "level": "commune" } ] }"#;

fn good_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    let c = Catalog::from_json(DOC.as_bytes()).expect("valid");
    write_dir(&c, &dir, &today()).expect("written");
    dir
}

/// Write `batch` to `path` with column `name` replaced by `array` (of its own type).
fn write_replaced(path: &Path, batch: &RecordBatch, name: &str, array: &ArrayRef) {
    let mut fields: Vec<Field> = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (f, col) in batch.schema().fields().iter().zip(batch.columns()) {
        if f.name() == name {
            fields.push(Field::new(name, array.data_type().clone(), true));
            columns.push(array.clone());
        } else {
            fields.push(f.as_ref().clone());
            columns.push(col.clone());
        }
    }
    write_batch(path, fields, columns);
}

/// Rewrite `postings.parquet` of `dir` with column `name` replaced by plain strings.
fn replace_postings_column(dir: &Path, name: &str, values: &[Option<&str>]) {
    let c = Catalog::from_json(DOC.as_bytes()).expect("valid");
    let t = tables(&c, &today());
    let strings: ArrayRef = Arc::new(StringArray::from(values.to_vec()));
    write_replaced(&dir.join(FILES[2]), &t.postings[0], name, &strings);
}

fn write_batch(path: &Path, fields: Vec<Field>, columns: Vec<ArrayRef>) {
    let b = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).expect("batch");
    let mut w = ArrowWriter::try_new(std::fs::File::create(path).expect("file"), b.schema(), None)
        .expect("writer");
    w.write(&b).expect("write");
    w.close().expect("close");
}

fn problems(dir: &Path, lenient: bool) -> Vec<(String, String)> {
    let e = read_dir(dir, &ReadOptions { lenient }).expect_err("an error");
    e.problems()
        .iter()
        .map(|p| (p.code.as_str().to_owned(), p.path.clone()))
        .collect()
}

/// Rows of the postings file of `DOC`.
fn rows() -> usize {
    let c = Catalog::from_json(DOC.as_bytes()).expect("valid");
    let n = tables(&c, &today()).postings[0].num_rows();
    assert_eq!(n, 4, "two units × two procedures on the desk");
    n
}

#[test]
fn a_missing_or_mistyped_column() {
    let dir = good_dir("missing-column");
    let c = Catalog::from_json(DOC.as_bytes()).expect("valid");
    let t = tables(&c, &today());
    let b = &t.postings[0];
    let keep: Vec<usize> = (0..b.num_columns())
        .filter(|&i| b.schema().field(i).name() != "status")
        .collect();
    let b = b.project(&keep).expect("projected");
    write_batch(
        &dir.join(FILES[2]),
        b.schema()
            .fields()
            .iter()
            .map(|f| f.as_ref().clone())
            .collect(),
        b.columns().to_vec(),
    );
    assert_eq!(
        problems(&dir, false),
        [(
            "missing_column".to_owned(),
            "postings.parquet, column \"status\"".to_owned()
        )]
    );

    let dir = good_dir("mistyped-column");
    let units = tables(&c, &today()).units;
    let ints: ArrayRef = Arc::new(Int32Array::from(vec![Some(1), None]));
    write_replaced(&dir.join(FILES[1]), &units, "valid_to", &ints);
    let found = problems(&dir, true);
    assert_eq!(
        found,
        [(
            "wrong_type".to_owned(),
            "units.parquet, column \"valid_to\"".to_owned()
        )]
    );
}

#[test]
fn unknown_words_and_undefined_units_or_procedures() {
    // Row 1 names a procedure the files do not define.
    const UNDEFINED_PROCEDURE: [Option<&str>; 4] = [
        Some("1.000894"),
        Some("9.999999"),
        Some("1.000894"),
        Some("1.001193"),
    ];
    let dir = good_dir("bad-rows");
    let n = rows();
    // Rows (sorted): 30985 1.000894 missing, 30985 1.001193 published, 30988 … missing ×2.
    replace_postings_column(
        &dir,
        "status",
        &[
            Some("missing"),
            Some("posted"),
            Some("missing"),
            Some("missing"),
        ],
    );
    assert_eq!(
        problems(&dir, false),
        [(
            "bad_value".to_owned(),
            "postings.parquet, row 1, column \"status\"".to_owned()
        )]
    );
    replace_postings_column(
        &dir,
        "unit",
        &[Some("30985"), Some("99999"), None, Some("30988")],
    );
    assert_eq!(
        problems(&dir, false),
        [
            (
                "unknown_unit".to_owned(),
                "postings.parquet, row 1, column \"unit\"".to_owned()
            ),
            (
                "wrong_type".to_owned(),
                "postings.parquet, row 2, column \"unit\"".to_owned()
            ),
        ]
    );
    replace_postings_column(&dir, "procedure", &UNDEFINED_PROCEDURE);
    assert_eq!(
        problems(&dir, false),
        [(
            "unknown_procedure".to_owned(),
            "postings.parquet, row 1, column \"procedure\"".to_owned()
        )]
    );
    replace_postings_column(
        &dir,
        "channel",
        &[
            Some("fax"),
            Some("one_stop_shop"),
            Some("one_stop_shop"),
            Some("one_stop_shop"),
        ],
    );
    assert_eq!(
        problems(&dir, false),
        [(
            "unknown_channel".to_owned(),
            "postings.parquet, row 0, column \"channel\"".to_owned()
        )]
    );
    // Lenient: the bad row (the only posting) is skipped and listed.
    replace_postings_column(&dir, "procedure", &UNDEFINED_PROCEDURE);
    let imported = read_dir(&dir, &ReadOptions { lenient: true }).expect("lenient");
    assert_eq!((imported.rows, imported.skipped_rows), (n, 1));
    assert_eq!(imported.skipped[0].code.as_str(), "unknown_procedure");
    assert_eq!(imported.catalog.posting_count(), 0);
    assert!(imported
        .catalog
        .unit(tthc::UnitId(0))
        .postings(Channel::OneStopShop)
        .is_given());
}

#[test]
fn truncated_damaged_and_absent_files() {
    let dir = good_dir("truncated");
    let path = dir.join(FILES[2]);
    let bytes = std::fs::read(&path).expect("read");
    for cut in [0, 4, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&path, &bytes[..cut]).expect("written");
        let found = problems(&dir, true);
        assert_eq!(found.len(), 1, "{cut}: {found:?}");
        assert_eq!(found[0].0, "bad_encoding", "{cut}");
        assert!(
            found[0].1.starts_with("postings.parquet"),
            "{cut}: {found:?}"
        );
    }
    // Damaged data pages: the footer reads, a page does not decode.
    let mut damaged = bytes.clone();
    for b in &mut damaged[4..24] {
        *b = 0xff;
    }
    std::fs::write(&path, &damaged).expect("written");
    let found = problems(&dir, false);
    assert_eq!(found[0].0, "bad_encoding", "{found:?}");
    let e = read_dir(&dir, &ReadOptions::default()).expect_err("damaged");
    assert!(
        found[0].1.starts_with("postings.parquet, row group 0"),
        "{found:?} {e}"
    );
    std::fs::remove_file(&path).expect("removed");
    let e = read_dir(&dir, &ReadOptions::default()).expect_err("absent");
    assert_eq!(e.code(), "io");
}

#[test]
fn catalogue_problems_name_the_row_and_column() {
    let dir = good_dir("bad-level");
    let c = Catalog::from_json(DOC.as_bytes()).expect("valid");
    let units = tables(&c, &today()).units;
    let levels: ArrayRef = Arc::new(StringArray::from(vec!["commune", "ward"]));
    write_replaced(&dir.join(FILES[1]), &units, "level", &levels);
    assert_eq!(
        problems(&dir, false),
        [(
            "unknown_level".to_owned(),
            "units.parquet, row 1, column \"level\"".to_owned()
        )]
    );
}
