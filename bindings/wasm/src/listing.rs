//! Procedure lists for people (`tthc::listing`).

use serde::Serialize;
use tthc::listing::{ListOrder, ListOrderBuilder, ListQuery, Status};
use tthc::search::SearchIndexBuilder;
use tthc::Code;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::convert::{to_js, today, Options};
use crate::error::{argument, check};
use crate::js::{Array, Object};
use crate::ListOptionsArg;

impl Catalog {
    /// The catalogue's list order, computed on the first list (or search) and kept.
    pub(crate) fn order(&self) -> &ListOrder {
        self.list_order.get_or_init(|| ListOrder::new(&self.inner))
    }
}

/// The types of `listColumns` and `procedureTexts`.
#[wasm_bindgen(typescript_custom_section)]
const LIST_TYPES: &str = r#"
/** `procedureList(options)` as columns, one entry per row in list order (`listColumns`). */
export interface ListColumns {
  /** Each row's procedure id (its position in the document), as `listIds` gives them. */
  ids: Uint32Array;
  /** Each row's field, as an index into `fields()`. */
  fields: Uint32Array;
  /** Each row's status: 0 none, k the word `statusWords[k - 1]`. */
  statuses: Uint8Array;
  /** The core's status words in the order of the codes: `["published", "missing", "outdated"]`. */
  statusWords: Status[];
}
/** A procedure's code and name (`procedureTexts`). */
export interface ProcedureText {
  code: string;
  name: string;
}
"#;

/// A procedure's code and name (`procedureTexts`).
#[derive(Serialize)]
struct ProcedureText<'a> {
    code: &'a str,
    name: &'a str,
}

/// The work of a catalogue's first list and first search (its Vietnamese order, its search
/// index), done a slice at a time so that a page's main thread never blocks for long: create
/// it with `catalog.prepare()`, then call `catalog.prepareList(work, count)` and
/// `catalog.prepareSearch(work, count)` in tasks of their own until they return `true`.
/// Optional: a list or a search does whatever work is left in one call.
#[wasm_bindgen]
pub struct Preparation {
    order: ListOrderBuilder,
    index: SearchIndexBuilder,
}

#[wasm_bindgen]
impl Catalog {
    /// A unit's applicable procedures with their status, or the procedures of a level in
    /// force, filtered by field and status, in Vietnamese order of field, then name:
    /// `[{ code, name, field, field_name, field_name_en, online, status }]`.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = procedureList, unchecked_return_type = "ListedProcedure[]")]
    pub fn procedure_list(&self, options: Option<ListOptionsArg>) -> Result<JsValue, JsValue> {
        let query = list_query(options.as_ref())?;
        let order = self.order();
        to_js(&check(self.inner.procedure_list_with(&query, order))?)
    }

    #[cfg(feature = "full")]
    /// The ids of `procedureList(options)`'s rows, in the same order, as a `Uint32Array`: each
    /// procedure's position in the document, the ids `searchIds` returns.
    #[wasm_bindgen(js_name = listIds)]
    pub fn list_ids(&self, options: Option<ListOptionsArg>) -> Result<Vec<u32>, JsValue> {
        let query = list_query(options.as_ref())?;
        let order = self.order();
        let rows = check(self.inner.procedure_list_with(&query, order))?;
        Ok(rows.iter().map(|r| r.procedure.0).collect())
    }

    /// `procedureList(options)` as columns, for a long list that should not cross into
    /// JavaScript as one object per row: `{ ids, fields, statuses }`, one entry per row in
    /// list order. `ids` (`Uint32Array`) as `listIds` gives them; `fields` (`Uint32Array`) each
    /// row's field as an index into `fields()`; `statuses` (`Uint8Array`) each row's status:
    /// 0 none, 1 `published`, 2 `missing`, 3 `outdated` — `statusWords` (the core's words in
    /// the order of the codes) says which, so the widget never keeps its own copy. A row's code and name come from
    /// `procedureTexts(ids)` when it is shown.
    #[wasm_bindgen(js_name = listColumns, unchecked_return_type = "ListColumns")]
    pub fn list_columns(&self, options: Option<ListOptionsArg>) -> Result<JsValue, JsValue> {
        let query = list_query(options.as_ref())?;
        let rows = check(self.inner.procedure_list_with(&query, self.order()))?;
        let ids: Vec<u32> = rows.iter().map(|r| r.procedure.0).collect();
        let fields: Vec<u32> = rows.iter().map(|r| r.field.0).collect();
        let statuses: Vec<u8> = rows
            .iter()
            .map(|r| {
                r.status
                    .and_then(|s| Status::ALL.iter().position(|&x| x == s))
                    .map_or(0, |k| k as u8 + 1)
            })
            .collect();
        // Vectors of numbers cross as typed arrays (`Uint32Array`, `Uint8Array`).
        let columns = Object::new();
        columns.set("ids", &JsValue::from(ids));
        columns.set("fields", &JsValue::from(fields));
        columns.set("statuses", &JsValue::from(statuses));
        let words = Array::new();
        for s in Status::ALL {
            words.push(&JsValue::from_str(s.as_str()));
        }
        columns.set("statusWords", &words);
        Ok(columns.into())
    }

    /// The code and name of each procedure of `ids` (positions in the document, as `listIds`
    /// gives them), in the same order: `[{ code, name }]`. An id that is not a procedure's is
    /// a `bad_value` error (path `ids`).
    #[wasm_bindgen(js_name = procedureTexts, unchecked_return_type = "ProcedureText[]")]
    pub fn procedure_texts(&self, ids: &[u32]) -> Result<JsValue, JsValue> {
        let procedures = self.inner.procedures();
        let texts = ids
            .iter()
            .map(|&id| {
                procedures
                    .get(id as usize)
                    .map(|p| ProcedureText {
                        code: p.code.as_str(),
                        name: &p.name,
                    })
                    .ok_or(id)
            })
            .collect::<Result<Vec<_>, u32>>()
            .map_err(|id| {
                argument(
                    Code::BadValue,
                    "ids",
                    format!(
                        "no procedure has id {id} (the document has {})",
                        procedures.len()
                    ),
                )
            })?;
        to_js(&texts)
    }

    /// Start preparing the catalogue's first list and search in slices (see `Preparation`).
    pub fn prepare(&self) -> Preparation {
        Preparation {
            order: ListOrderBuilder::new(),
            index: SearchIndexBuilder::new(),
        }
    }

    /// One slice of the list order's work: the sort keys of up to `count` more names, sorted
    /// among themselves, or (once every name has one) merges of sorted runs moving about
    /// `count` names (at least one merge). `true` once the order is ready: the next
    /// `procedureList` or `listIds` does not compute it. Pass the `Preparation` of this
    /// catalogue; with another catalogue's, the order is still this catalogue's but its
    /// ties may be unspecified.
    #[wasm_bindgen(js_name = prepareList)]
    pub fn prepare_list(&self, work: &mut Preparation, count: u32) -> bool {
        if self.list_order.get().is_some() {
            return true;
        }
        if !work.order.step(&self.inner, count as usize) {
            return false;
        }
        // Only linear work is left (ranks, grouping by field).
        let order = std::mem::take(&mut work.order).finish(&self.inner);
        let _ = self.list_order.set(order);
        true
    }

    /// One slice of the search index's work (after the list order's, `prepareList`): up to
    /// `count` more names folded and indexed, or (once every name is) the field names and the
    /// vocabulary. `true` once the index is ready: the next search does not build it.
    #[wasm_bindgen(js_name = prepareSearch)]
    pub fn prepare_search(&self, work: &mut Preparation, count: u32) -> bool {
        if self.search_index.get().is_some() {
            return true;
        }
        if !self.prepare_list(work, count) {
            return false;
        }
        let n = self.inner.procedures().len();
        if work.index.done() < n {
            work.index.step(&self.inner, count as usize);
            return false;
        }
        let index = std::mem::take(&mut work.index).finish(&self.inner, self.order());
        let _ = self.search_index.set(index);
        true
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
