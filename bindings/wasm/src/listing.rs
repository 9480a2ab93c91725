//! Procedure lists for people (`tthc::listing`).

use tthc::listing::{ListOrder, ListQuery};
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::convert::{to_js, today, Options};
use crate::error::check;
use crate::ListOptionsArg;

impl Catalog {
    /// The catalogue's list order, computed on the first list (or search) and kept.
    pub(crate) fn order(&self) -> &ListOrder {
        self.list_order.get_or_init(|| ListOrder::new(&self.inner))
    }
}

#[wasm_bindgen]
impl Catalog {
    /// A unit's applicable procedures with their status, or the procedures of a level in
    /// force, filtered by field and status, in Vietnamese order of field, then name:
    /// `[{ code, name, field, field_name, field_name_en, online, status }]`.
    #[wasm_bindgen(js_name = procedureList, unchecked_return_type = "ListedProcedure[]")]
    pub fn procedure_list(&self, options: Option<ListOptionsArg>) -> Result<JsValue, JsValue> {
        let query = list_query(options.as_ref())?;
        let order = self.order();
        to_js(&check(self.inner.procedure_list_with(&query, order))?)
    }

    /// The ids of `procedureList(options)`'s rows, in the same order, as a `Uint32Array`: each
    /// procedure's position in the document, the ids `searchIds` returns.
    #[wasm_bindgen(js_name = listIds)]
    pub fn list_ids(&self, options: Option<ListOptionsArg>) -> Result<Vec<u32>, JsValue> {
        let query = list_query(options.as_ref())?;
        let order = self.order();
        let rows = check(self.inner.procedure_list_with(&query, order))?;
        Ok(rows.iter().map(|r| r.procedure.0).collect())
    }
}

/// The list `options` ask for (`{ unit, level, field, status, channel, asOf }`), checked by the
/// core: what `procedureList` and `schemaOrg` both take.
pub(crate) fn list_query(options: Option<&ListOptionsArg>) -> Result<ListQuery, JsValue> {
    let o = Options::new(
        options.map(AsRef::as_ref),
        &["unit", "level", "field", "status", "channel", "asOf"],
    )?;
    check(ListQuery::parse_on(
        today(),
        o.string("unit", "unit")?.as_deref(),
        o.string("level", "level")?.as_deref(),
        o.string("field", "field")?.as_deref(),
        o.string("status", "status")?.as_deref(),
        o.string("channel", "channel")?.as_deref(),
        o.string("asOf", "as_of")?.as_deref(),
    ))
}
