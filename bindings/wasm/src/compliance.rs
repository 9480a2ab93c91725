//! Compliance (`tthc::compliance`): the whole report, one unit's row, the unit table's columns.

use serde::Serialize;
use tthc::compliance::columns::UNIT_COLUMNS;
use tthc::compliance::UnitRow;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
#[cfg(feature = "full")]
use crate::convert::json;
use crate::convert::{string_arg, to_js, Options};
use crate::error::check;
use crate::js::Array;
use crate::js_values::Record;
use crate::ComplianceOptionsArg;

const OPTIONS: &[&str] = &["channel", "asOf", "staleAfter"];

#[wasm_bindgen]
impl Catalog {
    #[cfg(feature = "full")]
    /// The compliance report of format.md §3 as a plain object; with `staleAfter` (days) each
    /// unit also has `stale` (procedure codes) and `unchecked` (a count).
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn compliance(&self, options: Option<ComplianceOptionsArg>) -> Result<JsValue, JsValue> {
        let opts = Options::new(options.as_ref().map(AsRef::as_ref), OPTIONS)?.compliance()?;
        json(&self.inner.compliance(&opts).to_json(&self.inner))
    }

    /// One unit's entry of the report, computed alone: the same figures as its entry in
    /// `compliance()`, except `rank`, which is `null` (a rank needs every unit of the level).
    /// An unknown unit throws `unknown_unit` at path `unit`.
    #[wasm_bindgen(js_name = unitCompliance, unchecked_return_type = "UnitReport")]
    pub fn unit_compliance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] unit: &JsValue,
        options: Option<ComplianceOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let unit = string_arg(unit, "unit")?;
        let opts = Options::new(options.as_ref().map(AsRef::as_ref), OPTIONS)?.compliance()?;
        Ok(unit_row(&check(self.inner.unit_report(&unit, &opts))?))
    }
}

/// A unit's row as `to_js` gives it (the keys of the derived `Serialize` of [`UnitRow`], in
/// its order; `stale` and `unchecked` only when set), built without serde: the widget's
/// module has no serialisation code for the report (`js_values::Record`).
fn unit_row(u: &UnitRow<'_>) -> JsValue {
    let o = Record::new();
    o.str("unit", u.unit);
    o.str("name", u.name);
    o.str("level", u.level);
    o.opt_str("parent", u.parent);
    o.str("basis", u.basis);
    o.bool("approximate", u.approximate);
    o.count("applicable", u.applicable);
    o.count("published", u.published);
    o.count("outdated", u.outdated);
    o.count("fields", u.fields);
    o.count("fields_published", u.fields_published);
    o.pair("rate", u.rate);
    o.number("percent", u.percent);
    o.count("rank", u.rank);
    o.strs("missing", &u.missing);
    o.strs("outdated_procedures", &u.outdated_procedures);
    let by_field = Array::new();
    for f in &u.by_field {
        let row = Record::new();
        row.str("field", f.field);
        row.str("name", f.name);
        row.count("applicable", Some(f.applicable));
        row.count("published", Some(f.published));
        row.pair("rate", f.rate);
        row.number("percent", f.percent);
        by_field.push(&row.finish());
    }
    o.value("by_field", &by_field);
    o.bool("current", u.current);
    o.strs("successors", &u.successors);
    o.str("applicability", u.applicability);
    o.strs("decisions", &u.decisions);
    if let Some(stale) = &u.stale {
        o.strs("stale", stale);
    }
    if u.unchecked.is_some() {
        o.count("unchecked", u.unchecked);
    }
    o.finish()
}

#[cfg(feature = "full")]
#[derive(Serialize)]
struct ColumnInfo {
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    doc: &'static str,
}

#[cfg(feature = "full")]
/// The one column schema of a report's units (the CLI's CSV, Python's `to_columns()`):
/// `[{ name, type, doc }]`, in order. A unit of the report has a key of each name but
/// `rate_num` and `rate_den`, which are `rate[0]` and `rate[1]`.
#[wasm_bindgen(js_name = reportColumns, unchecked_return_type = "Column[]")]
pub fn report_columns() -> Result<JsValue, JsValue> {
    let list: Vec<ColumnInfo> = UNIT_COLUMNS
        .iter()
        .map(|c| ColumnInfo {
            name: c.name,
            kind: c.kind.as_str(),
            doc: c.doc,
        })
        .collect();
    to_js(&list)
}
