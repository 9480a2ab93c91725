//! # tthc for JavaScript (WebAssembly)
//!
//! `import init, { Catalog, fold, sortKey } from "tthc"`: the core's calls in camelCase, one
//! module per module of the core (`catalog`, `compliance`, `listing`, `search`, `text`, `rate`).
//! Each export is one core call plus conversion; nothing is computed here that the core does not
//! compute for Rust and Python too. Errors are thrown as real `Error` objects (`name`
//! `"TthcError"`) with `code`, `path`, `family` and `errors` (every problem).
//!
//! The crate is empty except on the wasm target, so `cargo test --workspace` on the host does
//! not need wasm-bindgen.
//!
//! Feature `full` (default) compiles every export: the npm package's `tthc_wasm` module.
//! Without it the crate exports only what the `<tthc-procedure-list>` widget calls
//! (`Catalog.fromJson`, the `title`/`asOf`/`source`/`procedureCount` getters, `procedureList`,
//! `listIds`, `searchIds`, `unitCompliance`, `schemaOrg`, `formatPercent`, `version`): build.sh
//! builds it as the widget's own smaller module, `tthc_widget_core`. Same core, same code for
//! what both have; the rest is simply not linked.
#![cfg(target_family = "wasm")]
// Optional arguments must be owned `Option<T>` for wasm-bindgen to declare them optional.
#![allow(clippy::needless_pass_by_value)]
// Without `full`, helpers that only the left-out exports call (imports, small serde structs)
// are unused: the widget build drops them, the full build still checks them.
#![cfg_attr(not(feature = "full"), allow(unused_imports, dead_code))]

mod catalog;
mod compliance;
mod convert;
mod error;
mod js;
mod js_values;
#[cfg(feature = "full")]
mod lifecycle;
mod listing;
mod loader;
mod rate;
mod schema_org;
mod search;
#[cfg(feature = "full")]
mod text;
#[cfg(feature = "host-unicode")]
mod unicode_host;

use wasm_bindgen::prelude::*;

/// The allocator: talc's for single-threaded WebAssembly (it grows the memory as needed), in
/// place of std's dlmalloc — smaller, and not slower on `fromJson` and `listColumns`.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "full")]
pub use crate::catalog::validate;
pub use crate::catalog::Catalog;
#[cfg(feature = "full")]
pub use crate::compliance::report_columns;
#[cfg(feature = "full")]
pub use crate::lifecycle::diff;
pub use crate::loader::CatalogLoader;
pub use crate::rate::format_percent;
#[cfg(feature = "full")]
pub use crate::text::{compare, fold, fold_all, sort_key};

/// The types of the JSON outputs (`Report`, `UnitReport`, `ListedProcedure`, `SearchHit`,
/// `ValidateOutput`, `Problem`, `Diff`, `CheckOutput`, `Finding`…), generated from `docs/schema/*.schema.json` by
/// `docs/schema/gen_types.py`: the same contract as the Rust and Python outputs.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../js/report-types.d.ts");

/// The binding's own types: the options it takes, its small data objects and its errors.
#[wasm_bindgen(typescript_custom_section)]
const BINDING_TYPES: &str = r#"
/** Publication channel (format.md §1). */
export type Channel = Report["channel"];
/** Level of government or of a unit. */
export type Level = "central" | "province" | "district" | "commune" | "other";
/** Publication status of one of a unit's applicable procedures. */
export type Status = NonNullable<ListedProcedure["status"]>;

export interface ReadOptions {
  /** Refuse documents larger than this many bytes (`too_large`); default 1 GiB. */
  maxBytes?: number;
}
export interface ComplianceOptions {
  /** Default `one_stop_shop`. */
  channel?: Channel;
  /** `YYYY-MM-DD`; default the document's `as_of`, else today in Vietnam (UTC+7). */
  asOf?: string;
  /** Days: each unit also lists its `stale` postings and counts the `unchecked` ones. */
  staleAfter?: number;
}
export interface DiffOptions {
  /** The channel of the actions; default the one-stop desk and each channel used. */
  channel?: Channel;
  /** `YYYY-MM-DD`; default the new document's `as_of`, else today in Vietnam. */
  asOf?: string;
}
export interface CheckOptions extends DiffOptions {
  /** Days: report postings last known longer ago (`stale`). */
  staleAfter?: number;
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
export interface FieldInfo { code: string; name: string; name_en: string | null; }
export interface UnitInfo { code: string; name: string; level: UnitReport["level"]; parent: string | null; }
/** One column of the unit table (`tthc::compliance::columns::UNIT_COLUMNS`). */
export interface Column {
  name: string;
  type: "text" | "optional_text" | "bool" | "count" | "percent";
  doc: string;
}

/** What every function here throws: a real `Error`. */
export interface TthcError extends Error {
  name: "TthcError";
  /** The first problem's code, e.g. `unknown_key`. */
  code: ErrorCode;
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
    #[wasm_bindgen(typescript_type = "DiffOptions")]
    pub type DiffOptionsArg;
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type CheckOptionsArg;
    #[wasm_bindgen(typescript_type = "SearchOptions")]
    pub type SearchOptionsArg;
    #[wasm_bindgen(typescript_type = "\"vi\" | \"en\"")]
    pub type LangArg;
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
