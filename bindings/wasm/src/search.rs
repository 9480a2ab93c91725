//! Search without diacritics (`tthc::search`).

use tthc::search::{HitRow, SearchIndex};
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::convert::{string_arg, to_js, Options};
use crate::SearchOptionsArg;

#[wasm_bindgen]
impl Catalog {
    /// Procedures whose code, name or field name matches the query, best first (the core's
    /// search: without diacritics, either tone placement): `[{ code, name, field, score }]`.
    /// The index is built on the first call and kept.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
        options: Option<SearchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let query = string_arg(query, "query")?;
        let limit = Options::new(options.as_ref().map(AsRef::as_ref), &["limit"])?
            .count("limit", "limit")?
            .unwrap_or(20);
        let index = self
            .search_index
            .get_or_init(|| SearchIndex::new(&self.inner));
        let rows: Vec<HitRow<'_>> = index
            .search(&query, limit)
            .iter()
            .map(|h| h.row(&self.inner))
            .collect();
        to_js(&rows)
    }
}
