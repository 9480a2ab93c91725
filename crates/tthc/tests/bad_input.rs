//! Malformed documents get errors with codes and paths, never a panic.

use tthc::io::json::ReadOptions;
use tthc::{Catalog, Code, Error};

fn codes(e: &Error) -> Vec<(&'static str, String)> {
    e.problems()
        .iter()
        .map(|p| (p.code.as_str(), p.path.clone()))
        .collect()
}

const VALID: &str = r#"{"tthc":1,"as_of":"2024-12-31","fields":[{"code":"ho-tich","name":"Hộ tịch"}],
"procedures":[{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"ho-tich","levels":["commune"]}],
"units":[{"code":"30988","name":"Xã Tây Yên","level":"commune","published":{"one_stop_shop":["1.001193"]}}]}"#;

#[test]
fn every_truncation_of_a_valid_document_is_a_syntax_error() {
    for end in 0..VALID.len() {
        if !VALID.is_char_boundary(end) {
            continue;
        }
        let err = Catalog::from_json(&VALID.as_bytes()[..end]).expect_err("truncated");
        assert_eq!(err.code(), "syntax", "cut at {end}");
        assert!(err.path().starts_with("line "), "{}", err.path());
    }
    assert!(Catalog::from_json(VALID.as_bytes()).is_ok());
}

#[test]
fn nesting_two_hundred_thousand_levels_deep_is_an_error_not_a_crash() {
    let depth = 200_000;
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        // Where a string is expected: skipped without recursion, reported as a wrong type.
        let text =
            format!("{{\"tthc\":1,\"fields\":[],\"procedures\":[],\"units\":[],\"title\":{deep}}}");
        let err = Catalog::from_json(text.as_bytes()).expect_err("too deep");
        assert_eq!(codes(&err), [("wrong_type", "/title".to_owned())]);
        // As the whole document.
        let err = Catalog::from_json(deep.as_bytes()).expect_err("not a document");
        let first = if open == "[" {
            ("wrong_type", "")
        } else {
            ("unknown_key", "/a")
        };
        assert_eq!(codes(&err)[0], (first.0, first.1.to_owned()));
        // Unclosed: a syntax error at the end.
        let err = Catalog::from_json(open.repeat(depth).as_bytes()).expect_err("unclosed");
        assert_eq!(err.code(), "syntax");
    }
}

#[test]
fn invalid_utf8_is_a_syntax_error_with_its_position() {
    let mut bytes = VALID.as_bytes().to_vec();
    let at = VALID.find("Thủ").expect("present");
    bytes[at + 1] = 0xFF;
    let err = Catalog::from_json(&bytes).expect_err("not utf-8");
    assert_eq!(err.code(), "syntax");
    assert_eq!(err.path(), "line 2, column 43"); // columns count bytes, as serde_json does
    assert!(err.to_string().contains("UTF-8"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(VALID.as_bytes());
    assert!(Catalog::from_json(&bytes).is_ok());
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("tthc-too-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.json");
    // A sparse 200 MB file: refused from its size alone, without reading 200 MB.
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(200 * 1024 * 1024).expect("set_len");
    let limit = ReadOptions {
        max_bytes: 100 * 1024 * 1024,
        ..ReadOptions::default()
    };
    let err = Catalog::from_path(&path, &limit).expect_err("too large");
    assert_eq!(codes(&err), [("too_large", String::new())]);
    // The same limit applies to bytes in memory.
    let err = Catalog::from_json_with(
        VALID.as_bytes(),
        &ReadOptions {
            max_bytes: 10,
            ..ReadOptions::default()
        },
    )
    .expect_err("too large");
    assert_eq!(err.code(), "too_large");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err =
        Catalog::from_path("/nonexistent/tthc.json", &ReadOptions::default()).expect_err("missing");
    assert_eq!(err.code(), "io");
    assert_eq!(err.path(), "/nonexistent/tthc.json");
    assert_eq!(err.family(), tthc::Family::Io);
}

#[test]
fn duplicates_parents_and_cycles_are_reported_together() {
    let text = r#"{"tthc":1,"fields":[],"procedures":[],"units":[
        {"code":"908","name":"Huyện A","level":"district","parent":"30985"},
        {"code":"30985","name":"Xã B","level":"commune","parent":"30985"},
        {"code":"30985","name":"Xã C","level":"commune"},
        {"code":"91","name":"Tỉnh","level":"province","parent":"91"}]}"#;
    let err = Catalog::from_json(text.as_bytes()).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [
            ("duplicate_code", "/units/2/code".to_owned()),
            ("bad_parent", "/units/0/parent".to_owned()),
            ("bad_parent", "/units/1/parent".to_owned()),
            ("bad_parent", "/units/3/parent".to_owned()),
        ]
    );
    assert!(matches!(err, Error::Invalid(_)));
}

#[test]
fn every_code_has_a_distinct_snake_case_name() {
    let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert!(names
        .iter()
        .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Code::ALL.len());
}

/// Mutations of a valid document (every byte replaced by characters that break JSON in
/// different ways) give errors or catalogues, never a panic.
#[test]
fn byte_mutations_never_panic() {
    let bytes = VALID.as_bytes();
    for i in 0..bytes.len() {
        for b in [b'"', b'{', b']', b'0', b'-', b'x', 0xC3, b'\\', b' '] {
            let mut m = bytes.to_vec();
            m[i] = b;
            if let Ok(c) = Catalog::from_json(&m) {
                let _ = c.compliance(&tthc::ComplianceOptions::default());
            }
        }
    }
}

#[test]
fn options_are_checked() {
    let err = tthc::ComplianceOptions::parse(Some("web"), None).expect_err("channel");
    assert_eq!((err.code(), err.path()), ("unknown_channel", "channel"));
    let err = tthc::ComplianceOptions::parse(None, Some("2024-02-30")).expect_err("date");
    assert_eq!((err.code(), err.path()), ("bad_date", "as_of"));
    assert_eq!(err.family(), tthc::Family::Argument);
}
