//! Concurrency (issue 13, item 5): a `Catalog` is `Send + Sync`, and eight threads sharing one
//! and computing at once — reports on every channel, single units, procedure lists, searches —
//! get exactly what one thread gets. The Python (`bindings/python/tests/test_threads.py`) and
//! Node (`bindings/wasm/tests/workers.test.mjs`) tests do the same through the bindings.

use std::sync::Arc;

use tthc::listing::ListQuery;
use tthc::synth::{synth_json, SynthOptions};
use tthc::{Catalog, Channel, Compliance, ComplianceOptions, Date};

const THREADS: usize = 8;

fn send_sync<T: Send + Sync>() {}

#[test]
fn the_shared_types_are_send_and_sync() {
    send_sync::<Catalog>();
    send_sync::<Compliance>();
    send_sync::<ComplianceOptions>();
    send_sync::<tthc::search::SearchIndex>();
    send_sync::<tthc::listing::ListOrder>();
    send_sync::<tthc::Error>();
}

/// A catalogue with item-level postings on two channels, missing and outdated postings.
fn catalogue() -> Catalog {
    let text = synth_json(&SynthOptions {
        communes: 120,
        districts: 10,
        provinces: 3,
        procedures: 60,
        seed: 7,
        decisions: false,
    });
    Catalog::from_json(text.as_bytes()).expect("the synthetic catalogue is valid")
}

/// Everything one thread computes: each channel's report JSON, a unit computed alone, a
/// commune's procedure list, a search.
fn work(catalog: &Catalog) -> Vec<String> {
    let day = Date::parse("2025-06-30").expect("a date");
    let mut out = Vec::new();
    for channel in Channel::ALL {
        let options = ComplianceOptions {
            channel,
            as_of: Some(day),
            ..ComplianceOptions::on(day)
        };
        out.push(catalog.compliance(&options).to_json(catalog));
    }
    let options = ComplianceOptions::on(day);
    let commune = catalog
        .units()
        .iter()
        .rev()
        .find(|u| u.level == tthc::Level::Commune)
        .expect("a commune");
    let row = catalog
        .unit_report(&commune.code, &options)
        .expect("a known unit");
    out.push(format!("{row:?}"));
    let list = catalog
        .procedure_list(&ListQuery {
            unit: Some(commune.code.clone()),
            ..ListQuery::on(options)
        })
        .expect("a list");
    out.push(format!("{list:?}"));
    out.push(format!("{:?}", catalog.search("dang ky", 20)));
    out
}

#[test]
fn eight_threads_sharing_one_catalogue_get_the_results_of_one() {
    let catalog = Arc::new(catalogue());
    let expected = work(&catalog);
    let report: serde_json::Value = serde_json::from_str(&expected[0]).expect("report JSON");
    let units = report["units"].as_array().expect("units");
    assert!(
        units.iter().any(|u| u["outdated"].as_u64() > Some(0))
            && units.iter().any(|u| u["published"] != u["applicable"]),
        "the catalogue has outdated and missing postings"
    );
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let catalog = Arc::clone(&catalog);
            std::thread::spawn(move || (0..2).map(|_| work(&catalog)).collect::<Vec<_>>())
        })
        .collect();
    for (i, handle) in handles.into_iter().enumerate() {
        let results = handle.join().expect("no thread panics");
        for r in results {
            assert_eq!(r, expected, "thread {i}");
        }
    }
}
