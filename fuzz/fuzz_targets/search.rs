//! Search: the first byte is the limit, then the query, then (after a NUL byte) an optional
//! document; without one the embedded An Biên 2018 catalogue is searched. Never a panic; at
//! most `limit` hits, best first, no procedure twice; `SearchIndex` and `Catalog::search`
//! agree.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tthc::search::SearchIndex;
use tthc::Catalog;

fn embedded() -> &'static (Catalog, SearchIndex) {
    static CELL: OnceLock<(Catalog, SearchIndex)> = OnceLock::new();
    CELL.get_or_init(|| {
        let c = Catalog::an_bien_2018();
        let index = SearchIndex::new(&c);
        (c, index)
    })
}

fn check(catalog: &Catalog, index: &SearchIndex, query: &str, limit: usize) {
    let hits = catalog.search(query, limit);
    assert!(hits.len() <= limit, "more hits than the limit");
    assert_eq!(
        index.search(query, limit),
        hits,
        "SearchIndex and Catalog::search differ"
    );
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "hits not best first"
    );
    let mut seen: Vec<_> = hits.iter().map(|h| h.procedure).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), hits.len(), "a procedure found twice");
    for h in &hits {
        let _ = h.row(catalog);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&limit, rest)) = data.split_first() else {
        return;
    };
    let limit = usize::from(limit % 64);
    let parts = tthc_fuzz::parts(rest, 2);
    let query = String::from_utf8_lossy(parts[0]);
    match parts.get(1) {
        None => {
            let (c, index) = embedded();
            check(c, index, &query, limit);
        }
        Some(doc) => {
            if let Some(c) = tthc_fuzz::read_catalog(doc) {
                check(&c, &SearchIndex::new(&c), &query, limit);
            }
        }
    }
});
