//! Compliance on valid documents: every invariant of `tthc_fuzz::check_report`, on every
//! channel, with and without freshness, on the document's day and on the fixed day.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(catalog) = tthc_fuzz::read_catalog(data) else {
        return;
    };
    for options in tthc_fuzz::every_option() {
        tthc_fuzz::check_report(&catalog, &options);
        let fixed = tthc::ComplianceOptions {
            as_of: Some(tthc_fuzz::today()),
            ..options
        };
        tthc_fuzz::check_report(&catalog, &fixed);
    }
    // Procedure lists of every unit: no panic, and each listed code is the catalogue's.
    for unit in catalog.units() {
        let query = tthc::listing::ListQuery {
            unit: Some(unit.code.clone()),
            ..tthc::listing::ListQuery::on(tthc::ComplianceOptions::on(tthc_fuzz::today()))
        };
        if let Ok(list) = catalog.procedure_list(&query) {
            for p in &list {
                assert!(
                    catalog.procedure_id(p.code).is_some(),
                    "listed an unknown code"
                );
            }
        }
    }
});
