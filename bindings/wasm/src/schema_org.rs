//! schema.org JSON-LD for a page (`tthc::io::export::schema_org`, docs/exports.md).

use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::error::check;
use crate::listing::list_query;
use crate::ListOptionsArg;

#[wasm_bindgen]
impl Catalog {
    /// The schema.org JSON-LD text (`ItemList` of `GovernmentService`) of the procedures
    /// `procedureList(options)` lists, with `<`, `>` and `&` escaped (`\u003c`…) so it can be
    /// the `textContent` of a `<script type="application/ld+json">` element as it is.
    #[wasm_bindgen(js_name = schemaOrg)]
    pub fn schema_org(&self, options: Option<ListOptionsArg>) -> Result<String, JsValue> {
        let query = list_query(options.as_ref())?;
        check(tthc::io::export::schema_org_with(
            &self.inner,
            &query,
            self.order(),
        ))
    }
}
