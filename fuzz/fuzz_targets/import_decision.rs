//! A publishing decision's list (CSV or xlsx) imported into a catalogue: the first byte picks
//! strict or lenient and whether the options or the title rows give the decision's number,
//! day and scope; the rest is the file. The catalogue is `fuzz/seeds/decision/catalogue.json`
//! (real procedure codes, two provinces with communes). Never a panic; the catalogue with the
//! decision round-trips and keeps every compliance invariant; a lenient import succeeds where
//! the strict one does, with the same catalogue.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tthc::io::import::{import_decision, DecisionOptions};
use tthc::{Catalog, Level};

fn catalogue() -> &'static Catalog {
    static CELL: OnceLock<Catalog> = OnceLock::new();
    CELL.get_or_init(|| {
        Catalog::from_json(include_bytes!("../seeds/decision/catalogue.json")).expect("valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let strict = if selector & 1 == 0 {
        DecisionOptions::default()
    } else {
        DecisionOptions {
            id: Some("2/QĐ-UBND".to_owned()),
            effective: tthc::Date::from_ymd(2025, 9, 1),
            scope: Some(Level::Commune),
            ..DecisionOptions::default()
        }
    };
    let lenient = DecisionOptions {
        lenient: true,
        ..strict.clone()
    };
    let into = catalogue();
    let strict = import_decision(file, into, &strict);
    let lenient = import_decision(file, into, &lenient);
    for result in [&strict, &lenient] {
        match result {
            Ok(imported) => {
                tthc_fuzz::round_trip(&imported.catalog);
                let options = tthc::ComplianceOptions::on(tthc_fuzz::today());
                tthc_fuzz::check_report(&imported.catalog, &options);
            }
            Err(e) => tthc_fuzz::check_error(e),
        }
    }
    if let Ok(s) = &strict {
        let l = lenient
            .as_ref()
            .expect("a lenient import fails where the strict one succeeds");
        assert!(s.catalog == l.catalog, "strict and lenient imports differ");
    }
});
