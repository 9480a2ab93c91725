//! `tthc::diff`: every kind of change, the three actions, and the two real portal sources.

use std::path::PathBuf;

use serde_json::json;
use tthc::diff::{diff, Diff, DiffOptions};
use tthc::io::import::{import_path, ImportOptions};
use tthc::{Catalog, Channel, Date};

fn cat(text: &str) -> Catalog {
    Catalog::from_json(text.as_bytes()).expect("valid")
}

fn opts() -> DiffOptions {
    DiffOptions::on(Date::parse("2026-01-01").expect("day"))
}

const F: &str =
    r#""fields":[{"code":"ho-tich","name":"Hộ tịch"},{"code":"dat-dai","name":"Đất đai"}]"#;

fn old_doc() -> String {
    format!(
        r#"{{"tthc":1,"as_of":"2025-12-31",{F},
  "procedures":[
    {{"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"]}},
    {{"code":"1.000002","name":"B","field":"ho-tich","levels":["commune"]}},
    {{"code":"1.000003","name":"C","field":"ho-tich","levels":["commune"],"amended":"2019-01-01"}},
    {{"code":"2.000528","name":"D","field":"dat-dai","levels":["commune"]}},
    {{"code":"1.000005","name":"E","field":"ho-tich","levels":["commune"]}}],
  "units":[
    {{"code":"91","name":"Tỉnh An Giang","level":"province"}},
    {{"code":"30985","name":"Xã An Biên","level":"commune","parent":"91",
     "published":{{"one_stop_shop":["1.000001",{{"procedure":"1.000003","on":"2024-05-01"}},"2.000528","1.000005"],
                  "portal":["1.000001"]}}}},
    {{"code":"30991","name":"Xã Tây Yên A","level":"commune","parent":"91"}}],
  "decisions":[{{"id":"1/QĐ","effective":"2025-01-01","scope":{{"level":"commune"}},"items":[{{"procedure":"1.000001","action":"listed"}}]}}]}}"#
    )
}

/// From old to new: procedure 2.000528 removed, 1.013000 added, C amended 2025-07-01, E now of
/// the province, B's name changed; field dat-dai renamed; commune 30991 gone, 30988 new,
/// 30985's name unchanged but its portal postings changed; decision 1/QĐ changed, 123/QĐ-UBND
/// added (it lists 1.013000).
fn new_doc() -> String {
    r#"{"tthc":1,"as_of":"2025-12-31","fields":[{"code":"ho-tich","name":"Hộ tịch"},{"code":"dat-dai","name":"Đất đai (mới)"}],
  "procedures":[
    {"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"]},
    {"code":"1.000002","name":"B mới","field":"ho-tich","levels":["commune"]},
    {"code":"1.000003","name":"C","field":"ho-tich","levels":["commune"],"amended":"2025-07-01"},
    {"code":"1.013000","name":"F","field":"dat-dai","levels":["commune"]},
    {"code":"1.000005","name":"E","field":"ho-tich","levels":["province"]}],
  "units":[
    {"code":"91","name":"Tỉnh An Giang","level":"province"},
    {"code":"30985","name":"Xã An Biên","level":"commune","parent":"91",
     "published":{"one_stop_shop":["1.000001",{"procedure":"1.000003","on":"2024-05-01"},"2.000528","1.000005"],
                  "portal":["1.000001","1.000002"]}},
    {"code":"30988","name":"Xã Tây Yên","level":"commune","parent":"91"}],
  "decisions":[{"id":"1/QĐ","effective":"2025-02-01","scope":{"level":"commune"},"items":[{"procedure":"1.000001","action":"listed"}]},
               {"id":"123/QĐ-UBND","effective":"2025-07-01","scope":{"level":"commune","within":"91"},"items":[{"procedure":"1.013000","action":"new"}]}]}"#
        .to_owned()
}

fn both() -> (Catalog, Catalog, Diff) {
    let (old, new) = (cat(&old_doc()), cat(&new_doc()));
    let d = diff(&old, &new, &opts());
    (old, new, d)
}

#[test]
fn every_kind_of_change() {
    let (_, _, d) = both();
    let v = serde_json::to_value(&d).expect("serialises");
    assert_eq!(v["tthc_diff"], 1);
    assert_eq!(v["as_of"], "2025-12-31", "the new catalogue's as_of");
    assert_eq!(
        v["procedures"],
        json!({ "added": ["1.013000"], "removed": ["2.000528"], "changed": [
            { "code": "1.000002", "changes": { "name": ["B", "B mới"] } },
            { "code": "1.000003", "changes": { "amended": ["2019-01-01", "2025-07-01"] } },
            { "code": "1.000005", "changes": { "levels": [["commune"], ["province"]] } } ] })
    );
    assert_eq!(
        v["fields"],
        json!({ "added": [], "removed": [], "changed": [
            { "code": "dat-dai", "changes": { "name": ["Đất đai", "Đất đai (mới)"] } } ] })
    );
    assert_eq!(v["units"]["added"], json!(["30988"]));
    assert_eq!(v["units"]["removed"], json!(["30991"]));
    let changed = &v["units"]["changed"];
    assert_eq!(changed.as_array().map(Vec::len), Some(1));
    assert_eq!(changed[0]["code"], "30985");
    assert_eq!(
        changed[0]["changes"]["published"][1]["portal"],
        json!(["1.000001", "1.000002"])
    );
    assert_eq!(
        v["decisions"],
        json!({ "added": ["123/QĐ-UBND"], "removed": [], "changed": [
            { "code": "1/QĐ", "changes": { "effective": ["2025-01-01", "2025-02-01"] } } ] })
    );
}

#[test]
fn the_three_actions() {
    let (_, _, d) = both();
    let v = serde_json::to_value(&d.actions).expect("serialises");
    assert_eq!(
        v,
        json!([
            // The province: E is now of its level, not posted.
            { "unit": "91", "name": "Tỉnh An Giang", "channel": "one_stop_shop",
              "post": ["1.000005"], "repost": [], "take_down": [] },
            // 30985, one-stop desk: F (1.013000) now applies (decision 123) and is not posted;
            // B still missing but applied already: not an action. C's posting of 2024-05-01 is
            // now before its amendment (2025-07-01): re-post. 2.000528 (removed from the
            // catalogue) and E (now of the province) were applicable and posted: take down.
            { "unit": "30985", "name": "Xã An Biên", "channel": "one_stop_shop",
              "post": ["1.013000"], "repost": ["1.000003"], "take_down": ["1.000005", "2.000528"] },
            // Its portal: the newly applicable F; C was applicable already (missing before,
            // missing now: not a change), so it is not an action.
            { "unit": "30985", "name": "Xã An Biên", "channel": "portal",
              "post": ["1.013000"], "repost": [], "take_down": [] },
            // A new unit: everything applicable is to post.
            { "unit": "30988", "name": "Xã Tây Yên", "channel": "one_stop_shop",
              "post": ["1.000001", "1.000002", "1.000003", "1.013000"], "repost": [], "take_down": [] }
        ])
    );
}

#[test]
fn channel_option_and_units_that_no_longer_exist() {
    let (old, new) = (cat(&old_doc()), cat(&new_doc()));
    let portal = DiffOptions {
        channel: Some(Channel::Portal),
        ..opts()
    };
    let d = diff(&old, &new, &portal);
    let units: Vec<(&str, &str)> = d
        .actions
        .iter()
        .map(|a| (a.unit.as_str(), a.channel))
        .collect();
    assert_eq!(
        units,
        [("91", "portal"), ("30985", "portal"), ("30988", "portal")]
    );
    // A unit that does not exist on the day has nothing to do.
    let gone = new_doc().replace(
        r#""name":"Xã Tây Yên","level":"commune""#,
        r#""name":"Xã Tây Yên","level":"commune","valid_to":"2025-06-30""#,
    );
    let d = diff(&old, &cat(&gone), &opts());
    assert!(d.actions.iter().all(|a| a.unit != "30988"));
    // The same day on both sides: the option wins over the documents.
    let early = DiffOptions {
        as_of: Date::parse("2025-03-01"),
        ..opts()
    };
    let d = diff(&old, &new, &early);
    assert_eq!(d.as_of, "2025-03-01");
    assert!(
        d.actions.iter().all(|a| a.repost.is_empty()),
        "C's amendment is later"
    );
}

#[test]
fn a_catalogue_against_itself_is_empty() {
    let old = cat(&old_doc());
    let d = diff(&old, &old, &opts());
    assert!(d.is_empty());
    assert_eq!(
        serde_json::to_value(&d).expect("json")["procedures"],
        json!({ "added": [], "removed": [], "changed": [] })
    );
    // Written out and read back, the catalogue is the same one.
    let again = cat(&old.to_json());
    assert!(diff(&old, &again, &opts()).is_empty());
}

#[test]
fn options_are_parsed_with_their_paths() {
    let today = Date::parse("2026-01-01").expect("day");
    let err = DiffOptions::parse_on(today, Some("web"), None).expect_err("channel");
    assert_eq!((err.code(), err.path()), ("unknown_channel", "channel"));
    let err = DiffOptions::parse_on(today, None, Some("2025-02-30")).expect_err("day");
    assert_eq!((err.code(), err.path()), ("bad_date", "as_of"));
    let o = DiffOptions::parse_on(today, Some("portal"), Some("2025-02-28")).expect("ok");
    assert_eq!(o.channel, Some(Channel::Portal));
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/portal")
        .join(name)
}

/// The two real sources of the same catalogue disagree on the names and fields of 23 codes
/// (17 names, 23 fields; counted independently with Python on the full files): the rows of
/// the portal's Excel exports that differ (tests/data/portal/README.md) against the metadata.
#[test]
fn the_two_real_portal_sources() {
    let metadata = data("procedures-metadata-2026.csv");
    let exports = import_path(
        &data("portal-exports-names-fields-excerpt.csv"),
        Some(&metadata),
        &ImportOptions::default(),
    )
    .expect("the export rows import")
    .catalog;
    let meta = import_path(&metadata, None, &ImportOptions::default())
        .expect("the metadata imports")
        .catalog;
    let d = diff(&exports, &meta, &opts());
    assert!(d.procedures.removed.is_empty());
    assert_eq!(d.procedures.added.len(), 2642 - 23);
    let with = |key: &str| {
        d.procedures
            .changed
            .iter()
            .filter(|c| c.changes.contains_key(key))
            .count()
    };
    assert_eq!((with("name"), with("field")), (17, 23));
    let c = d
        .procedures
        .changed
        .iter()
        .find(|c| c.code == "3.000332")
        .expect("3.000332 differs");
    assert_eq!(
        c.changes["name"][1],
        json!("Hỗ trợ phát triển sản xuất cộng đồng."),
        "the metadata's name of 3.000332 is another procedure's"
    );
    assert_eq!(
        c.changes["field"],
        [json!("ly-lich-tu-phap"), json!("nong-nghiep")]
    );
    assert!(d.actions.is_empty(), "no units, no actions");
}
