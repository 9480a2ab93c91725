//! The additions of docs/format.md's "Catalogues over time" part: agencies, decisions,
//! freshness and eras, read, validated, written back and computed.

use tthc::{Catalog, Error};

fn codes(e: &Error) -> Vec<(&'static str, String)> {
    e.problems()
        .iter()
        .map(|p| (p.code.as_str(), p.path.clone()))
        .collect()
}

/// A document with one field and the given procedures and units (JSON text of each).
fn doc(procedures: &str, units: &str, extra: &str) -> String {
    format!(
        r#"{{"tthc":1,"as_of":"2025-12-31","fields":[{{"code":"ho-tich","name":"Hộ tịch"}}],
        "procedures":[{procedures}],"units":[{units}]{extra}}}"#
    )
}

fn read(text: &str) -> Result<Catalog, Error> {
    let c = Catalog::from_json(text.as_bytes())?;
    let back = Catalog::from_json(c.to_json().as_bytes()).expect("its own JSON reads back");
    assert_eq!(back, c, "round trip");
    Ok(c)
}

const P1: &str = r#"{"code":"1.001193","name":"Khai sinh","field":"ho-tich","levels":["commune"]}"#;

#[test]
fn agencies_are_read_and_written_in_order() {
    let p = r#"{"code":"1.001193","name":"Khai sinh","field":"ho-tich","levels":["commune"],
        "agencies":["Ủy ban nhân dân cấp xã","Công an cấp Xã"]}"#;
    let c = read(&doc(p, "", "")).expect("valid");
    assert_eq!(
        c.procedures()[0].agencies,
        ["Ủy ban nhân dân cấp xã", "Công an cấp Xã"]
    );
    assert!(c
        .to_json()
        .contains(r#""agencies":["Ủy ban nhân dân cấp xã","Công an cấp Xã"]"#));
    // Null and an empty list are absent; nothing is written back.
    for none in ["null", "[]"] {
        let p = format!(
            r#"{{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":{none}}}"#
        );
        let c = read(&doc(&p, "", "")).expect("valid");
        assert!(c.procedures()[0].agencies.is_empty());
        assert!(!c.to_json().contains("agencies"));
    }
    assert!(read(&doc(P1, "", "")).expect("valid").procedures()[0]
        .agencies
        .is_empty());
}

#[test]
fn bad_agencies_are_errors_with_their_path() {
    let p = r#"{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":["Sở Tư pháp"," ",7]},
               {"code":"1.001194","name":"B","field":"ho-tich","levels":["commune"],"agencies":"Sở Tư pháp"}"#;
    let err = read(&doc(p, "", "")).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [
            ("wrong_type", "/procedures/0/agencies/2".to_owned()),
            ("wrong_type", "/procedures/1/agencies".to_owned()),
        ]
    );
    // An empty name alone (no structural problem in the item) is bad_value.
    let p = r#"{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":["Sở Tư pháp",""]}"#;
    let err = read(&doc(p, "", "")).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [("bad_value", "/procedures/0/agencies/1".to_owned())]
    );
}
