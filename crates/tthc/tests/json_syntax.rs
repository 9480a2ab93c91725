//! Syntax errors come out of the lenient reader exactly as `serde_json` words and places them,
//! however deep in the document they are (the reader passes them through its `dyn` readers:
//! io/json_shapes/erased.rs), in every shape: postings resolved while reading, posting objects,
//! reports, decisions, arrays of strings.

use tthc::Catalog;

/// Every shape of format v1, postings both before `procedures` (kept as text) and after it
/// (resolved while reading), as codes and as objects.
const DOC: &str = r#"{"tthc":1,"title":"T","as_of":"2024-12-31","source":null,
"fields":[{"code":"ho-tich","name":"Hộ tịch","name_en":"Civil status"}],
"procedures":[{"code":"1.001193","name":"Đăng ký khai sinh","field":"ho-tich","levels":["commune","district"],
 "decision":"1/QĐ","effective":"2020-01-01","amended":null,"online":"full","agencies":["UBND xã"]},
 {"code":"1.000001","name":"Khác","field":"ho-tich","levels":["commune"]}],
"units":[{"code":"30988","name":"Xã Tây Yên","level":"commune","parent":"899","valid_from":"2020-01-01",
 "successors":[],"applies":{"add":["1.000001"],"remove":[]},
 "published":{"one_stop_shop":["1.001193",{"procedure":"1.000001","on":"2024-01-02","checked":"2024-02-03"}],
  "portal":null,"national":["9.999999"]}}],
"reports":[{"unit":"30988","scope":"self","channel":"portal","fields":1,"procedures":2,"published":1,
 "fields_published":1,"approximate":false,"note":"n"}],
"decisions":[{"id":"1/QĐ","title":"t","issuer":"i","issued":"2020-01-01","effective":"2020-01-02",
 "scope":{"level":"commune","within":null},"complete":true,
 "items":[{"procedure":"1.001193","action":"amended"},{"procedure":"1.000001","action":"replaced","by":"1.001193"}]}]}"#;

/// The error `serde_json` itself gives for `text`, as the reader reports it (path, message).
fn serde_json_error(text: &str) -> Option<(String, String)> {
    let e = serde_json::from_str::<serde_json::Value>(text).err()?;
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    Some((
        format!("line {}, column {}", e.line(), e.column()),
        message.to_owned(),
    ))
}

fn check(text: &str, what: &str) {
    let Some(expected) = serde_json_error(text) else {
        return;
    };
    let err = Catalog::from_json(text.as_bytes()).expect_err(what);
    assert_eq!(err.code(), "syntax", "{what}");
    let p = &err.problems()[0];
    assert_eq!((p.path.clone(), p.message.clone()), expected, "{what}");
}

#[test]
fn every_truncation_is_serde_jsons_own_error() {
    let catalog = Catalog::from_json(DOC.as_bytes()).expect("valid");
    assert_eq!(catalog.posting_count(), 3);
    for end in (0..DOC.len()).filter(|&i| DOC.is_char_boundary(i)) {
        if DOC[..end].trim().is_empty() {
            continue; // "the input is empty": the reader's own message
        }
        check(&DOC[..end], &format!("cut at {end}"));
    }
}

#[test]
fn every_one_byte_corruption_is_serde_jsons_own_error() {
    let mut checked = 0;
    for at in (0..DOC.len()).filter(|&i| DOC.is_char_boundary(i) && DOC.as_bytes()[i].is_ascii()) {
        for by in ["}", "]", ",", ":", "\"", "x", "-"] {
            let text = format!("{}{by}{}", &DOC[..at], &DOC[at + 1..]);
            if serde_json_error(&text).is_some() {
                checked += 1;
            }
            check(&text, &format!("{by:?} at {at}"));
        }
    }
    assert!(checked > 1000, "{checked} corruptions were syntax errors");
}
