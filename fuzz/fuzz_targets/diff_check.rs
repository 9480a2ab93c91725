//! Decisions, diff and check: the input is two documents separated by a NUL byte. Never a
//! panic; a catalogue against itself has no difference; the diff's JSON parses back; the
//! findings serialise; and the report (decisions decide what applies) keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc::check::{check, findings_json, CheckOptions};
use tthc::diff::{diff, DiffOptions};

fuzz_target!(|data: &[u8]| {
    let docs = tthc_fuzz::parts(data, 2);
    let catalogs: Vec<tthc::Catalog> = docs
        .iter()
        .filter_map(|d| tthc_fuzz::read_catalog(d))
        .collect();
    let options = DiffOptions::on(tthc_fuzz::today());
    for c in &catalogs {
        assert!(
            diff(c, c, &options).is_empty(),
            "a catalogue against itself differs"
        );
        for stale_after in [None, Some(1)] {
            let check_options = CheckOptions {
                stale_after,
                ..CheckOptions::on(tthc_fuzz::today())
            };
            let findings = check(c, &check_options);
            let _ = findings_json(&findings);
        }
        if !c.decisions().is_empty() {
            tthc_fuzz::check_report(c, &tthc::ComplianceOptions::on(tthc_fuzz::today()));
        }
    }
    if let [old, new] = &catalogs[..] {
        for channel in [None, Some(tthc::Channel::Portal)] {
            let options = DiffOptions { channel, ..options };
            let d = diff(old, new, &options);
            let back = diff(new, old, &options);
            assert_eq!(
                d.is_empty(),
                back.is_empty(),
                "a diff is empty one way only"
            );
            let _ = d.to_json();
            let _ = d.to_json_pretty();
        }
    }
});
