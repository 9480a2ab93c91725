//! The embedded default reproduces the district's published figures exactly.

use serde_json::Value;
use tthc::{Basis, Catalog, ComplianceOptions, Lang};

#[test]
fn district_908_reported_261_procedures_in_39_fields_at_100_percent() {
    let c = Catalog::an_bien_2018();
    let r = c.compliance(&ComplianceOptions::default());
    assert_eq!(r.as_of.to_string(), "2018-12-31");
    let d = r.unit_by_code(&c, "908").expect("908");
    assert_eq!(d.basis, Basis::Reported);
    assert_eq!(
        (d.applicable, d.published, d.fields, d.fields_published),
        (Some(261), Some(261), Some(39), Some(39))
    );
    assert_eq!(tthc::format_percent(d.rate, Lang::Vi), "100,0%");
    assert_eq!(d.rank, Some(1));

    let json: Value = serde_json::from_str(&r.to_json(&c)).expect("json");
    let group = json["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["parent"] == "908")
        .expect("group 908");
    assert_eq!(group["level"], "commune");
    assert_eq!(group["units"], 9);
    assert_eq!(group["approximate"], true);
    assert_eq!(group["basis"], "reported");
    assert_eq!(group["published_per_unit"], serde_json::json!([108, 108]));
    assert_eq!(
        group["fields_published_per_unit"],
        serde_json::json!([28, 28])
    );
}

#[test]
fn units_carry_their_gso_codes_and_2025_successors() {
    let c = Catalog::an_bien_2018();
    assert_eq!(c.units().len(), 11);
    let d = &c.units()[c.unit_id("908").expect("908").0 as usize];
    assert_eq!(d.successors, ["30985", "30988", "31006"]);
    let thu_ba = &c.units()[c.unit_id("30985").expect("30985").0 as usize];
    assert_eq!(thu_ba.name, "Thị trấn Thứ Ba");
    assert_eq!(thu_ba.successors, ["30985"]);
    assert!(c.source().expect("cited").contains("14/05/2019"));
    assert!(
        c.procedures().is_empty(),
        "no item-level list exists for 2018: none invented"
    );
}
