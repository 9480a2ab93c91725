//! Embedded datasets, each citing its source.

use crate::Catalog;

/// An Biên district (Kiên Giang) in 2018: JSON v1 text. See the document's `source` key.
pub const AN_BIEN_2018_JSON: &str = include_str!("../data/an-bien-2018.json");

impl Catalog {
    /// The embedded default: An Biên district (GSO 908) of Kiên Giang (91) in 2018, from the
    /// district's report of 14/05/2019 — 39 fields with 261 procedures posted at its one-stop
    /// desk (100 %), each commune about 28 fields with about 108 procedures.
    ///
    /// # Panics
    /// Never in a released build: the embedded text is validated by the test suite.
    pub fn an_bien_2018() -> Catalog {
        // The embedded text is checked by the test suite; an error here is a build defect.
        Catalog::from_json(AN_BIEN_2018_JSON.as_bytes())
            .unwrap_or_else(|e| panic!("embedded An Biên 2018 dataset is invalid: {e}"))
    }
}
