//! Bytes → catalogue or errors, never a panic; a catalogue read round-trips through JSON
//! (compact and pretty), and
//! the validator agrees with the reader on whether the bytes are a valid document, and the
//! crate's own JSON reader and serde_json's give the same catalogue or the same errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc::io::json::{validate, Parser, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let read = tthc_fuzz::read_catalog(data);
    if let Some(catalog) = &read {
        tthc_fuzz::round_trip_pretty(catalog);
    }
    let problems = validate(data, &ReadOptions::default());
    assert_eq!(
        read.is_some(),
        problems.is_empty(),
        "the reader and the validator disagree: {problems:?}"
    );
    let by = |parser| {
        tthc::Catalog::from_json_parsed_by(data, &ReadOptions::default(), parser)
            .map(|c| c.to_json())
    };
    assert_eq!(
        by(Parser::Own),
        by(Parser::SerdeJson),
        "the two JSON readers disagree"
    );
    // A small limit is refused up front, never by a panic.
    let small = ReadOptions {
        max_bytes: 16,
        ..ReadOptions::default()
    };
    if let Err(e) = tthc::Catalog::from_json_with(data, &small) {
        tthc_fuzz::check_error(&e);
    }
});
