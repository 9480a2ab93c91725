//! `Catalog`: a validated document (`tthc::catalog`, `tthc::io::json`) and its data, and
//! `validate`, the output of `tthc validate --format json`.

use std::cell::OnceCell;

use serde::Serialize;
use tthc::listing::ListOrder;
use tthc::search::SearchIndex;
use wasm_bindgen::prelude::*;

use crate::convert::{document_bytes, document_text, to_js, Options};
use crate::error::check;
use crate::js::Array;
use crate::js_values::Record;
use crate::ReadOptionsArg;

/// A validated catalogue (format.md §1). Create one with `Catalog.fromJson(text)`.
#[wasm_bindgen]
pub struct Catalog {
    pub(crate) inner: tthc::Catalog,
    /// Built on the first search and kept: later searches take well under a millisecond.
    pub(crate) search_index: OnceCell<SearchIndex>,
    /// The Vietnamese order of the procedures, computed on the first list and kept.
    pub(crate) list_order: OnceCell<ListOrder>,
}

impl Catalog {
    /// A catalogue the core has read.
    pub(crate) fn new(inner: tthc::Catalog) -> Catalog {
        Catalog {
            inner,
            search_index: OnceCell::new(),
            list_order: OnceCell::new(),
        }
    }
}

#[cfg(feature = "full")]
#[derive(Serialize)]
struct UnitInfo<'a> {
    code: &'a str,
    name: &'a str,
    level: &'static str,
    parent: Option<&'a str>,
}

/// The document and the reader's options of `fromJson` and `validate`.
fn read_args(
    text: &JsValue,
    options: Option<&ReadOptionsArg>,
) -> Result<(Vec<u8>, tthc::io::json::ReadOptions), JsValue> {
    let read = read_options(options)?;
    Ok((document_bytes(text)?, read))
}

/// The reader's options of `fromJson`, `validate` and `new CatalogLoader`.
pub(crate) fn read_options(
    options: Option<&ReadOptionsArg>,
) -> Result<tthc::io::json::ReadOptions, JsValue> {
    Options::new(options.map(AsRef::as_ref), &["maxBytes"])?.read()
}

#[wasm_bindgen]
impl Catalog {
    /// Read a catalogue document (JSON v1, as text or UTF-8 bytes). Throws a `TthcError`
    /// listing every problem of the document. `options.maxBytes` refuses larger inputs
    /// (`too_large`; default 1 GiB). Full module only: the widget's module reads with
    /// `CatalogLoader`, which gives the same catalogue or the same error in steps.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: &JsValue,
        options: Option<ReadOptionsArg>,
    ) -> Result<Catalog, JsValue> {
        let read = read_options(options.as_ref())?;
        let read = match document_text(text)? {
            Ok(text) => tthc::Catalog::from_json_str(&text, &read),
            Err(bytes) => tthc::Catalog::from_json_with(&bytes, &read),
        };
        check(read).map(Catalog::new)
    }

    #[cfg(feature = "full")]
    /// The embedded default dataset: An Biên district (Kiên Giang) in 2018, reported figures.
    #[wasm_bindgen(js_name = anBien2018)]
    pub fn an_bien_2018() -> Catalog {
        Catalog::new(tthc::Catalog::an_bien_2018())
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

    /// The fields, in document order: `{ code, name, name_en }`.
    #[wasm_bindgen(unchecked_return_type = "FieldInfo[]")]
    pub fn fields(&self) -> Result<JsValue, JsValue> {
        // Built without serde (`js_values::Record`): no serialisation code in the widget's
        // module for it.
        let list = Array::new();
        for f in self.inner.fields() {
            let o = Record::new();
            o.str("code", &f.code);
            o.str("name", &f.name);
            o.opt_str("name_en", f.name_en.as_deref());
            list.push(&o.finish());
        }
        Ok(list.into())
    }

    #[cfg(feature = "full")]
    /// The units, in document order: `{ code, name, level, parent }`.
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
        to_js(&list)
    }

    /// Number of procedures.
    #[wasm_bindgen(getter, js_name = procedureCount)]
    pub fn procedure_count(&self) -> usize {
        self.inner.procedures().len()
    }

    #[cfg(feature = "full")]
    /// The catalogue as compact JSON v1.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}

#[cfg(feature = "full")]
/// Every problem of a document, as `tthc validate --format json` prints them:
/// `{ errors: [{ code, path, message }] }`, an empty list when the document is valid; the
/// problems are those a `TthcError` of `fromJson` lists (`error.errors`). Throws only for a bad
/// argument (a `text` that is neither a string nor a `Uint8Array`, bad options).
#[wasm_bindgen(unchecked_return_type = "ValidateOutput")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: &JsValue,
    options: Option<ReadOptionsArg>,
) -> Result<JsValue, JsValue> {
    let (bytes, read) = read_args(text, options.as_ref())?;
    let problems = tthc::io::json::validate(&bytes, &read);
    crate::convert::json(&tthc::error::problems_json(&problems))
}
