//! Syntax errors come out of the lenient reader exactly as `serde_json` words and places them,
//! however deep in the document they are, in every shape: postings resolved while reading,
//! posting objects, reports, decisions, arrays of strings; and on both readers (the crate's own
//! lexer, io/json_shapes/lexer.rs, and `serde_json` through io/json_shapes/erased.rs), which
//! also give the same documents and problems for every input here, as do the loader that
//! reads in steps (`CatalogLoader`, one and two elements a step) and `from_json_str`.

use std::collections::BTreeSet;

use tthc::io::json::{CatalogLoader, Parser, ReadOptions};
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

/// The readers to compare: the crate's own, and `serde_json`'s unless the build left it out.
fn parsers() -> Vec<Parser> {
    #[allow(unused_mut)] // one reader with the feature `small-json`
    let mut parsers = vec![Parser::Own];
    #[cfg(not(feature = "small-json"))]
    parsers.push(Parser::SerdeJson);
    parsers
}

/// What reading `text` gives: the catalogue (as JSON), or the error's family code and problems.
type Outcome = Result<String, (&'static str, Vec<(String, String, String)>)>;

fn outcome(text: &str, parser: Parser) -> Outcome {
    described(Catalog::from_json_parsed_by(
        text.as_bytes(),
        &ReadOptions::default(),
        parser,
    ))
}

/// What [`CatalogLoader`] gives for `text` read `elements` at a time, each step's error kept.
fn loaded(text: &str, elements: usize) -> Outcome {
    let mut loader = CatalogLoader::new(text.to_owned(), &ReadOptions::default());
    let read = loop {
        match loader.step(elements) {
            Ok(false) => {}
            Ok(true) => break loader.finish(),
            Err(e) => break Err(e),
        }
    };
    described(read)
}

fn described(read: Result<Catalog, tthc::Error>) -> Outcome {
    match read {
        Ok(c) => Ok(c.to_json()),
        Err(e) => Err((
            e.code(),
            e.problems()
                .iter()
                .map(|p| {
                    (
                        p.code.as_str().to_owned(),
                        p.path.clone(),
                        p.message.clone(),
                    )
                })
                .collect(),
        )),
    }
}

/// Every reader gives the same outcome for `text`; that outcome.
fn same_on_every_reader(text: &str, what: &str) -> Outcome {
    let parsers = parsers();
    let first = outcome(text, parsers[0]);
    for &parser in &parsers[1..] {
        assert_eq!(
            outcome(text, parser),
            first,
            "{what}: {parser:?} against {:?}",
            parsers[0]
        );
    }
    for elements in [1, 2] {
        assert_eq!(
            loaded(text, elements),
            first,
            "{what}: the loader, {elements} a step"
        );
    }
    let str_read = described(Catalog::from_json_str(text, &ReadOptions::default()));
    assert_eq!(str_read, first, "{what}: from_json_str");
    first
}

/// The readers agree, and when `serde_json` refuses `text` they give its error.
fn check(text: &str, what: &str) {
    let got = same_on_every_reader(text, what);
    let Some((path, message)) = serde_json_error(text) else {
        return;
    };
    if text.trim().is_empty() {
        return; // "the input is empty": the reader's own message
    }
    let (code, problems) = got.expect_err(what);
    assert_eq!(code, "syntax", "{what}");
    // The two words serde_json has for an escaped lone surrogate are said plainly (io/json.rs).
    let message = match message.as_str() {
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            assert!(
                problems[0].2.starts_with("an escaped lone surrogate: "),
                "{what}"
            );
            problems[0].2.clone()
        }
        _ => message,
    };
    assert_eq!(
        problems,
        vec![("syntax".to_owned(), path, message)],
        "{what}"
    );
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

/// Where a fragment is put: read as a value (the document, a title, a posting resolved while
/// reading, a posting before `procedures`), a key, or skipped (an unknown key's value, the
/// elements and entries of a wrong-typed value, deep inside a skipped value).
const READ: &[&str] = &[
    "@",
    r#"{"tthc":1,"title":@}"#,
    r#"{"tthc":1,"fields":[],"procedures":[{"code":"1","name":"n","field":"f","levels":["commune"]}],
 "units":[{"code":"1","name":"n","level":"commune","published":{"portal":["1",@]}}]}"#,
    r#"{"tthc":1,"units":[{"code":"1","name":"n","level":"commune","published":{"portal":[@]}}]}"#,
];
const SKIPPED: &[&str] = &[
    r#"{"tthc":1,"zzz":@}"#,
    r#"{"tthc":1,"title":[1,@]}"#,
    r#"{"tthc":1,"title":{"k":@}}"#,
    r#"{"tthc":1,"zzz":[{"a":[@]}]}"#,
    r#"{"tthc":1,@:1}"#,
];

/// Fragments that break every rule of the reader once (and a few that break none).
const FRAGMENTS: &[&str] = &[
    "",
    " ",
    "x",
    "}",
    "]",
    ",",
    ":",
    "nul",
    "nulx",
    "tru",
    "trux",
    "fals",
    "falsx",
    "null",
    "-",
    "-x",
    "--1",
    "01",
    "-01",
    "00",
    "1.",
    "1.x",
    "1.e5",
    "1e",
    "1e+",
    "1e-",
    "1ex",
    "1e+x",
    "1E5",
    "1.5e-3",
    "-0",
    "0",
    "-0.0",
    "1e400",
    "-1e400",
    "1e-400",
    "1e99999999999",
    "0e99999999999",
    "1e-99999999999",
    "0.0e99999999999",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "123456789012345678901234567890e300",
    "1234567890123456789012345678901234567890e290",
    "0.123456789012345678901234567890e310",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "17976931348623158079e289",
    "17976931348623158080e289",
    "1797693134862315808e290",
    "0.17976931348623158080e309",
    "9e307",
    "2e308",
    "99999999999999999999e289",
    "1e308",
    "10e308",
    "\"",
    "\"a",
    "\"a\\",
    "\"\\q\"",
    "\"\\u12\"",
    "\"\\u12G4\"",
    "\"\\u004",
    "\"\\u0041\"",
    "\"\\uD800\"",
    "\"\\uD800x\"",
    "\"\\uD800\\n\"",
    "\"\\uD800\\u0041\"",
    "\"\\uDC00\"",
    "\"\\uD83D\\uDE00\"",
    "\"\\uD83D\\uDE0",
    "\"\\uD83D",
    "\"\\uD83D\\",
    "\"\\uD83D\\u",
    "\"\\uDBFF\\uDFFF\"",
    "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
    "\"a\u{1}b\"",
    "\"a\nb\"",
    "\"a\u{1f}\"",
    "\"h\u{1ed9}\\u00e0\"",
    "[",
    "[1",
    "[1,",
    "[1,]",
    "[1 2]",
    "[,1]",
    "[]",
    "[[]",
    "[[[]]]]",
    "{",
    "{\"a\"",
    "{\"a\":",
    "{\"a\":1",
    "{\"a\":1,",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{1:2}",
    "{\"a\":1 \"b\":2}",
    "{,}",
    "{}",
    "{\"a\":1}}",
    "{\"\\uD800\":1}",
    "{\"a\u{1}\":1}",
    "{\"a\":[1,{\"b\":[]}]}",
    "[1]x",
    "1 2",
    "[1\n,\n2\n,]",
    "\n\n  x",
];

/// Every fragment in every place: both readers agree, and where the fragment is read as a
/// value they give serde_json's own error. Each message the reader words is met.
#[test]
fn every_rule_in_every_place_is_serde_jsons() {
    let mut messages = BTreeSet::new();
    for (places, read) in [(READ, true), (SKIPPED, false)] {
        for place in places {
            for fragment in FRAGMENTS {
                let text = place.replace('@', fragment);
                let what = format!("{fragment:?} in {place:?}");
                if read {
                    check(&text, &what);
                }
                if let Err(("syntax", problems)) = same_on_every_reader(&text, &what) {
                    messages.insert(problems[0].2.clone());
                }
            }
        }
    }
    let words = [
        "EOF while parsing a list",
        "EOF while parsing an object",
        "EOF while parsing a string",
        "EOF while parsing a value",
        "expected `:`",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected ident",
        "expected value",
        "invalid escape",
        "invalid number",
        "number out of range",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "key must be a string",
        "trailing comma",
        "trailing characters",
    ];
    for w in words {
        assert!(messages.contains(w), "no case gives {w:?}: {messages:#?}");
    }
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("an escaped lone surrogate")),
        "{messages:#?}"
    );
}

/// A skipped value may nest without limit (serde_json's `ignore_value`), on a stack of its own;
/// cut short, it is the same EOF error on both readers.
#[test]
fn deep_skipped_values_do_not_overflow() {
    let depth = 100_000;
    let deep = format!("{}1{}", "[{\"a\":".repeat(depth), "}]".repeat(depth));
    let text = format!(r#"{{"tthc":1,"zzz":{deep}}}"#);
    let got = same_on_every_reader(&text, "deep");
    let (code, problems) = got.expect_err("unknown key and missing keys");
    assert_ne!(code, "syntax", "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.0 == "unknown_key" && p.1 == "/zzz"),
        "{problems:?}"
    );
    let cut = &text[..=text[..text.len() / 2].rfind(':').expect("a colon")];
    let (code, problems) = same_on_every_reader(cut, "deep cut").expect_err("cut");
    assert_eq!(
        (code, problems[0].2.as_str()),
        ("syntax", "EOF while parsing a value")
    );
}

/// A document of `n` procedures (every third one with a problem the build finds: a field
/// that is not defined) and a unit posting them all.
fn many(n: usize) -> String {
    let procedures: Vec<String> = (0..n)
        .map(|i| {
            let field = if i % 3 == 2 { "none" } else { "a" };
            format!(
                r#"{{"code":"1.{:06}","name":"P{i}","field":"{field}","levels":["commune"]}}"#,
                i + 1
            )
        })
        .collect();
    let posted: Vec<String> = (0..n).map(|i| format!(r#""1.{:06}""#, i + 1)).collect();
    format!(
        r#"{{"tthc":1,"fields":[{{"code":"a","name":"A"}}],"procedures":[{}],
"units":[{{"code":"01","name":"Tỉnh","level":"province","published":{{"portal":[{}]}}}},
{{"code":"001","name":"Huyện","level":"district","parent":"01"}}]}}"#,
        procedures.join(","),
        posted.join(",")
    )
}

/// The loader validates and builds in steps too: after the steps that read the document,
/// one step per procedure and unit (a step of one element), and the problems the build finds
/// come from `finish`, never from a step; a step after the last one does nothing.
#[test]
fn the_loader_builds_in_steps() {
    for (n, valid) in [(30, false), (2, true)] {
        let text = if valid {
            many(n).replace(r#""none""#, r#""a""#)
        } else {
            many(n)
        };
        let mut loader = CatalogLoader::new(text.clone(), &ReadOptions::default());
        let mut steps = 0;
        while !loader
            .step(1)
            .expect("read and built without a step's error")
        {
            steps += 1;
        }
        // Reading: the top-level keys, each procedure and unit; building: each of them again.
        assert!(steps >= 2 * (n + 2) + 3, "{steps} steps for {n} procedures");
        assert!(loader.step(1).expect("done"), "a step after the last one");
        assert_eq!(
            described(loader.finish()),
            same_on_every_reader(&text, "many")
        );
        // Large steps: reading in one, building in one.
        let mut loader = CatalogLoader::new(text.clone(), &ReadOptions::default());
        let mut big = 0;
        while !loader.step(usize::MAX).expect("readable") {
            big += 1;
        }
        assert_eq!(big, 1, "one step reads, the next builds");
        let got = described(loader.finish());
        assert_eq!(got, described(Catalog::from_json(text.as_bytes())));
        if !valid {
            let (code, problems) = got.expect_err("undefined fields");
            assert_eq!(code, "unknown_field");
            assert_eq!(problems.len(), n / 3, "{problems:?}");
            assert_eq!(problems[0].1, "/procedures/2/field");
        }
    }
}
