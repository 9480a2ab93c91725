//! # tthc for JavaScript (WebAssembly)
//!
//! `import init, { Catalog, fold, sortKey } from "tthc"`: the core's calls in camelCase. Each
//! export is one core call plus conversion; nothing is computed here that the core does not
//! compute for Rust and Python too. Errors are thrown as real `Error` objects (`name`
//! `"TthcError"`) with `code`, `path`, `family` and `errors` (every problem).
//!
//! The crate is empty except on the wasm target, so `cargo test --workspace` on the host does
//! not need wasm-bindgen.
#![cfg(target_family = "wasm")]
// Optional arguments must be owned `Option<T>` for wasm-bindgen to declare them optional.
#![allow(clippy::needless_pass_by_value)]

mod convert;
mod error;

use std::cell::OnceCell;

use js_sys::{Array, Uint8Array};
use serde::Serialize;
use tthc::io::json::ReadOptions;
use tthc::listing::{ListOrder, ListQuery};
use tthc::text::SearchIndex;
use tthc::{Code, ComplianceOptions, Lang, Rate};
use wasm_bindgen::prelude::*;

use crate::convert::{json, string_arg, today, Options};
use crate::error::{argument, check};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
#[allow(clippy::redundant_static_lifetimes)] // the form wasm-bindgen documents
const TYPES: &'static str = r#"
/** Publication channel (format.md §1). */
export type Channel = "one_stop_shop" | "portal" | "national";
/** Level of government or of a unit. */
export type Level = "central" | "province" | "district" | "commune" | "other";
/** Publication status of one of a unit's applicable procedures. */
export type Status = "published" | "missing" | "outdated";
/** `[published, applicable]`, an exact fraction. */
export type Fraction = [number, number];

export interface ReadOptions {
  /** Refuse documents larger than this many bytes (`too_large`); default 1 GiB. */
  maxBytes?: number;
}
export interface ComplianceOptions {
  /** Default `one_stop_shop`. */
  channel?: Channel;
  /** `YYYY-MM-DD`; default the document's `as_of`, else today (UTC+7). */
  asOf?: string;
}
export interface ListOptions extends ComplianceOptions {
  /** A unit's GSO code: its applicable procedures, each with a status. */
  unit?: string;
  /** Without `unit`: every procedure of this level in force, without status. */
  level?: Level;
  /** Only this field (a field code). */
  field?: string;
  /** Only this status (needs `unit`). */
  status?: Status;
}
export interface SearchOptions {
  /** Most hits returned; default 20. */
  limit?: number;
}
export interface ListedProcedure {
  code: string;
  name: string;
  /** Field code. */
  field: string;
  fieldName: string;
  fieldNameEn: string | null;
  online: "full" | "partial" | "none" | null;
  /** `null` when listing a level, or for a unit whose figures are reported, not itemised. */
  status: Status | null;
}
export interface SearchHit { code: string; name: string; field: string; score: number; }
export interface FieldInfo { code: string; name: string; nameEn: string | null; }
export interface UnitInfo { code: string; name: string; level: Level; parent: string | null; }

/** The compliance report of format.md §3. */
export interface Report {
  tthc_report: 1;
  as_of: string;
  channel: Channel;
  units: UnitReport[];
  groups: GroupReport[];
  warnings: ReportWarning[];
}
export interface UnitReport {
  unit: string;
  name: string;
  level: Level;
  parent: string | null;
  basis: "items" | "reported";
  approximate: boolean;
  applicable: number | null;
  published: number | null;
  outdated: number | null;
  fields: number | null;
  fields_published: number | null;
  rate: Fraction | null;
  percent: number | null;
  rank: number | null;
  missing: string[];
  outdated_procedures: string[];
  by_field: FieldReport[];
}
export interface FieldReport {
  field: string;
  name: string;
  applicable: number;
  published: number;
  rate: Fraction | null;
  percent: number | null;
}
export interface GroupReport {
  parent: string;
  name: string;
  level: Level;
  units: number;
  basis: "items" | "reported" | "mixed";
  approximate: boolean;
  applicable: number | null;
  published: number | null;
  rate: Fraction | null;
  percent: number | null;
  min_percent: number | null;
  max_percent: number | null;
  mean_percent: number | null;
  applicable_per_unit: Fraction | null;
  published_per_unit: Fraction | null;
  fields_published_per_unit: Fraction | null;
}
export interface ReportWarning { code: string; unit: string; procedure: string | null; }

/** One problem of an error. */
export interface Problem { code: string; path: string; message: string; }
/** What every function here throws: a real `Error`. */
export interface TthcError extends Error {
  name: "TthcError";
  /** The first problem's code, e.g. `unknown_key`. */
  code: string;
  /** The first problem's path: a JSON pointer, or the argument's name. */
  path: string;
  family: "format" | "validation" | "import" | "argument" | "io";
  /** Every problem, in order. */
  errors: Problem[];
}
"#;

// Option objects as TypeScript sees them: `Option<T>` of these makes the parameter optional
// (`options?: ComplianceOptions | null`) in the declarations.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ReadOptions")]
    pub type ReadOptionsArg;
    #[wasm_bindgen(typescript_type = "ComplianceOptions")]
    pub type ComplianceOptionsArg;
    #[wasm_bindgen(typescript_type = "ListOptions")]
    pub type ListOptionsArg;
    #[wasm_bindgen(typescript_type = "SearchOptions")]
    pub type SearchOptionsArg;
    #[wasm_bindgen(typescript_type = "\"vi\" | \"en\"")]
    pub type LangArg;
}

/// A validated catalogue (format.md §1). Create one with `Catalog.fromJson(text)`.
#[wasm_bindgen]
pub struct Catalog {
    inner: tthc::Catalog,
    /// Built on the first search and kept: later searches take well under a millisecond.
    search_index: OnceCell<SearchIndex>,
    /// The Vietnamese order of the procedures, computed on the first list and kept.
    list_order: OnceCell<ListOrder>,
}

impl Catalog {
    fn new(inner: tthc::Catalog) -> Catalog {
        Catalog {
            inner,
            search_index: OnceCell::new(),
            list_order: OnceCell::new(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listed<'a> {
    code: &'a str,
    name: &'a str,
    field: &'a str,
    field_name: &'a str,
    field_name_en: Option<&'a str>,
    online: Option<&'static str>,
    status: Option<&'static str>,
}

#[derive(Serialize)]
struct Hit<'a> {
    code: &'a str,
    name: &'a str,
    field: &'a str,
    score: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldInfo<'a> {
    code: &'a str,
    name: &'a str,
    name_en: Option<&'a str>,
}

#[derive(Serialize)]
struct UnitInfo<'a> {
    code: &'a str,
    name: &'a str,
    level: &'static str,
    parent: Option<&'a str>,
}

#[wasm_bindgen]
impl Catalog {
    /// Read a catalogue document (JSON v1, as text or UTF-8 bytes). Throws a `TthcError`
    /// listing every problem of the document. `options.maxBytes` refuses larger inputs
    /// (`too_large`; default 1 GiB).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: &JsValue,
        options: Option<ReadOptionsArg>,
    ) -> Result<Catalog, JsValue> {
        let o = Options::new(options.as_ref().map(AsRef::as_ref), &["maxBytes"])?;
        let mut read = ReadOptions::default();
        if let Some(max) = o.count("maxBytes")? {
            read.max_bytes = max as u64;
        }
        let bytes = if let Some(s) = text.as_string() {
            s.into_bytes()
        } else if let Some(a) = text.dyn_ref::<Uint8Array>() {
            a.to_vec()
        } else {
            return Err(argument(
                Code::WrongType,
                "text",
                "the document must be a string or a Uint8Array",
            ));
        };
        check(tthc::Catalog::from_json_with(&bytes, &read)).map(Catalog::new)
    }

    /// The embedded default dataset: An Biên district (Kiên Giang) in 2018, reported figures.
    #[wasm_bindgen(js_name = anBien2018)]
    pub fn an_bien_2018() -> Result<Catalog, JsValue> {
        check(tthc::Catalog::from_json(
            tthc::data::AN_BIEN_2018_JSON.as_bytes(),
        ))
        .map(Catalog::new)
    }

    /// The document's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.inner.title().map(str::to_owned)
    }

    /// The day the publication data describes (`YYYY-MM-DD`).
    #[wasm_bindgen(getter, js_name = asOf)]
    pub fn as_of(&self) -> Option<String> {
        self.inner.as_of().map(|d| d.to_string())
    }

    /// Where the data came from.
    #[wasm_bindgen(getter)]
    pub fn source(&self) -> Option<String> {
        self.inner.source().map(str::to_owned)
    }

    /// The fields, in document order.
    #[wasm_bindgen(unchecked_return_type = "FieldInfo[]")]
    pub fn fields(&self) -> Result<JsValue, JsValue> {
        let list: Vec<FieldInfo<'_>> = self
            .inner
            .fields()
            .iter()
            .map(|f| FieldInfo {
                code: &f.code,
                name: &f.name,
                name_en: f.name_en.as_deref(),
            })
            .collect();
        convert::to_js(&list)
    }

    /// The units, in document order.
    #[wasm_bindgen(unchecked_return_type = "UnitInfo[]")]
    pub fn units(&self) -> Result<JsValue, JsValue> {
        let list: Vec<UnitInfo<'_>> = self
            .inner
            .units()
            .iter()
            .map(|u| UnitInfo {
                code: &u.code,
                name: &u.name,
                level: u.level.as_str(),
                parent: u.parent_code.as_deref(),
            })
            .collect();
        convert::to_js(&list)
    }

    /// Number of procedures.
    #[wasm_bindgen(getter, js_name = procedureCount)]
    pub fn procedure_count(&self) -> usize {
        self.inner.procedures().len()
    }

    /// The compliance report of format.md §3 as a plain object.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn compliance(&self, options: Option<ComplianceOptionsArg>) -> Result<JsValue, JsValue> {
        let o = Options::new(options.as_ref().map(AsRef::as_ref), &["channel", "asOf"])?;
        let opts = self.options(
            o.string("channel", "channel")?.as_deref(),
            o.string("asOf", "as_of")?.as_deref(),
        )?;
        let report = check(self.inner.compliance(&opts))?;
        json(&report.to_json(&self.inner))
    }

    /// A unit's applicable procedures with their status, or the procedures of a level, in
    /// Vietnamese order of field, then name.
    #[wasm_bindgen(unchecked_return_type = "ListedProcedure[]")]
    pub fn procedures(&self, options: Option<ListOptionsArg>) -> Result<JsValue, JsValue> {
        let o = Options::new(
            options.as_ref().map(AsRef::as_ref),
            &["unit", "level", "field", "status", "channel", "asOf"],
        )?;
        let mut query = check(ListQuery::parse(
            o.string("unit", "unit")?.as_deref(),
            o.string("level", "level")?.as_deref(),
            o.string("field", "field")?.as_deref(),
            o.string("status", "status")?.as_deref(),
            o.string("channel", "channel")?.as_deref(),
            o.string("asOf", "as_of")?.as_deref(),
        ))?;
        if query.as_of.is_none() && self.inner.as_of().is_none() {
            query.as_of = Some(today());
        }
        let order = self.list_order.get_or_init(|| ListOrder::new(&self.inner));
        let rows = check(self.inner.procedure_list_with(&query, order))?;
        let list: Vec<Listed<'_>> = rows
            .iter()
            .map(|r| Listed {
                code: r.code,
                name: r.name,
                field: r.field_code,
                field_name: r.field_name,
                field_name_en: r.field_name_en,
                online: r.online.map(tthc::Online::as_str),
                status: r.status.map(tthc::listing::Status::as_str),
            })
            .collect();
        convert::to_js(&list)
    }

    /// Procedures whose name or code matches the query, best first (the core's search:
    /// without diacritics, either tone placement).
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: &JsValue,
        options: Option<SearchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let query = string_arg(query, "query")?;
        let o = Options::new(options.as_ref().map(AsRef::as_ref), &["limit"])?;
        let limit = o.count("limit")?.unwrap_or(20);
        let hits = self
            .search_index
            .get_or_init(|| SearchIndex::new(&self.inner))
            .search(&query, limit);
        let list: Vec<Hit<'_>> = hits
            .iter()
            .map(|h| {
                let p = self.inner.procedure(h.procedure);
                Hit {
                    code: p.code.as_str(),
                    name: &p.name,
                    field: &self.inner.field(p.field).code,
                    score: h.score,
                }
            })
            .collect();
        convert::to_js(&list)
    }

    /// The catalogue as compact JSON v1.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn options(
        &self,
        channel: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<ComplianceOptions, JsValue> {
        let mut opts = check(ComplianceOptions::parse(channel, as_of))?;
        if opts.as_of.is_none() && self.inner.as_of().is_none() {
            opts.as_of = Some(today());
        }
        Ok(opts)
    }
}

/// Fold text for comparison: no tones or diacritics, đ → d, lower case, single spaces.
#[wasm_bindgen]
pub fn fold(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<String, JsValue> {
    Ok(tthc::text::fold(&string_arg(text, "text")?))
}

/// Fold many texts at once (one call across the wasm boundary).
#[wasm_bindgen(js_name = foldAll, unchecked_return_type = "string[]")]
pub fn fold_all(
    #[wasm_bindgen(unchecked_param_type = "string[]")] texts: &JsValue,
) -> Result<JsValue, JsValue> {
    let Some(array) = texts.dyn_ref::<Array>() else {
        return Err(argument(
            Code::WrongType,
            "texts",
            "`texts` must be an array of strings",
        ));
    };
    let out = Array::new_with_length(array.length());
    for (i, v) in array.iter().enumerate() {
        let s = string_arg(&v, "texts")?;
        #[allow(clippy::cast_possible_truncation)] // an array's length is a u32
        out.set(i as u32, JsValue::from_str(&tthc::text::fold(&s)));
    }
    Ok(out.into())
}

/// A byte key whose order is Vietnamese alphabetical order.
#[wasm_bindgen(js_name = sortKey)]
pub fn sort_key(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<Vec<u8>, JsValue> {
    Ok(tthc::text::sort_key(&string_arg(text, "text")?))
}

/// Compare two texts in Vietnamese order: -1, 0 or 1 (for `Array.prototype.sort`).
#[wasm_bindgen]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "string")] a: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: &JsValue,
) -> Result<i32, JsValue> {
    let (a, b) = (string_arg(a, "a")?, string_arg(b, "b")?);
    Ok(match tthc::text::compare(&a, &b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    })
}

/// A rate for people: `formatPercent([72, 77])` → `"93,5%"`, `"93.5%"` with `lang` `"en"`,
/// `"—"` for `null` (no rate).
#[wasm_bindgen(js_name = formatPercent)]
pub fn format_percent(
    #[wasm_bindgen(unchecked_param_type = "Fraction | null")] rate: &JsValue,
    lang: Option<LangArg>,
) -> Result<String, JsValue> {
    let lang = if let Some(lang) = lang {
        let s = string_arg(lang.as_ref(), "lang")?;
        Lang::parse(&s).ok_or_else(|| {
            argument(
                Code::BadValue,
                "lang",
                format!("`{s}` is not a language (vi, en)"),
            )
        })?
    } else {
        Lang::Vi
    };
    if rate.is_undefined() || rate.is_null() {
        return Ok(tthc::format_percent(None, lang));
    }
    let bad = || {
        argument(
            Code::BadValue,
            "rate",
            "a rate is [published, applicable]: integers, 0 ≤ published, 0 < applicable",
        )
    };
    let array = rate.dyn_ref::<Array>().ok_or_else(bad)?;
    let part = |i: u32| -> Option<u32> {
        let n = array.get(i).as_f64()?;
        #[allow(clippy::cast_sign_loss)] // checked: a non-negative integer below 2^32
        (n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX)).then_some(n as u32)
    };
    if array.length() != 2 {
        return Err(bad());
    }
    let (p, a) = (part(0).ok_or_else(bad)?, part(1).ok_or_else(bad)?);
    let r = Rate::new(p, a).ok_or_else(bad)?;
    Ok(tthc::format_percent(Some(r), lang))
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
