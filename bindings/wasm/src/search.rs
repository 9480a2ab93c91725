//! Search without diacritics (`tthc::search`).

use tthc::search::{HitRow, SearchHit, SearchIndex};
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::convert::{string_arg, to_js, Options};
use crate::SearchOptionsArg;

impl Catalog {
    #[cfg(feature = "full")]
    /// The core's hits for a query and `{ limit }` (default 20), best first.
    fn hits(
        &self,
        query: &JsValue,
        options: Option<&SearchOptionsArg>,
    ) -> Result<Vec<SearchHit>, JsValue> {
        let query = string_arg(query, "query")?;
        let limit = Options::new(options.map(AsRef::as_ref), &["limit"])?
            .count("limit", "limit")?
            .unwrap_or(20);
        Ok(self.index().search(&query, limit))
    }

    /// The catalogue's search index, built on the first search and kept.
    fn index(&self) -> &SearchIndex {
        self.search_index
            .get_or_init(|| SearchIndex::with_order(&self.inner, self.order()))
    }
}

#[wasm_bindgen]
impl Catalog {
    #[cfg(feature = "full")]
    /// Procedures whose code, name or field name matches the query, best first (the core's
    /// search: without diacritics, either tone placement): `[{ code, name, field, score }]`.
    /// The index is built on the first call and kept.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
        options: Option<SearchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let hits = self.hits(query, options.as_ref())?;
        let rows: Vec<HitRow<'_>> = hits.iter().map(|h| h.row(&self.inner)).collect();
        to_js(&rows)
    }

    #[cfg(feature = "full")]
    /// The codes of `search(query, options)`'s hits, in the same order: what a filter needs,
    /// without a name per hit (a thousand hits cross into JavaScript ten times faster).
    #[wasm_bindgen(js_name = searchCodes, unchecked_return_type = "string[]")]
    pub fn search_codes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
        options: Option<SearchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let hits = self.hits(query, options.as_ref())?;
        let codes: Vec<&str> = hits
            .iter()
            .map(|h| self.inner.procedure(h.procedure).code.as_str())
            .collect();
        to_js(&codes)
    }

    #[cfg(feature = "full")]
    /// The ids of `search(query, options)`'s hits, in the same order, as a `Uint32Array`: the
    /// procedures' positions in the document (as `listIds` gives them). What a filter typed
    /// into needs per keystroke: one copy of four bytes per hit, no string crosses.
    #[wasm_bindgen(js_name = searchIds)]
    pub fn search_ids(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
        options: Option<SearchOptionsArg>,
    ) -> Result<Vec<u32>, JsValue> {
        let hits = self.hits(query, options.as_ref())?;
        Ok(hits.iter().map(|h| h.procedure.0).collect())
    }

    /// Whether each procedure matches the query, as a `Uint8Array` indexed by procedure id
    /// (the ids of `listIds`): 1 for exactly the procedures `searchIds(query, { limit:
    /// procedureCount })` returns, found by the same rules without scoring or sorting them;
    /// all 0 for a blank query. What a filter typed into needs per keystroke: look its rows'
    /// ids up in the mask and keep the list's order.
    #[wasm_bindgen(js_name = matchMask)]
    pub fn match_mask(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let query = string_arg(query, "query")?;
        Ok(self
            .index()
            .matches(&query)
            .into_iter()
            .map(u8::from)
            .collect())
    }
}
