//! `CatalogLoader`: `Catalog.fromJson` in steps, so reading a large catalogue is no long task
//! on a page's main thread (the core's `tthc::io::json::CatalogLoader`).

use wasm_bindgen::prelude::*;

use crate::catalog::{read_options, Catalog};
use crate::convert::document_text;
use crate::error::check;
use crate::ReadOptionsArg;

/// A catalogue document read, validated and built a slice at a time: `new
/// CatalogLoader(text, options)`, then `loader.step(count)` in tasks of their own until it
/// returns `true`, then `loader.finish()` (cheap: it assembles), which returns the `Catalog`
/// that `Catalog.fromJson(text, options)` returns, or throws the `TthcError` it throws (same
/// codes and paths). A bad argument (a
/// `text` that is neither a string nor a `Uint8Array`, bad options) throws at once.
#[wasm_bindgen]
pub struct CatalogLoader {
    inner: tthc::io::json::CatalogLoader,
}

#[wasm_bindgen]
impl CatalogLoader {
    /// A loader of the document `text` (JSON v1, as text or UTF-8 bytes); `options` as for
    /// `Catalog.fromJson`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: &JsValue,
        options: Option<ReadOptionsArg>,
    ) -> Result<CatalogLoader, JsValue> {
        let read = read_options(options.as_ref())?;
        let inner = match document_text(text)? {
            Ok(text) => tthc::io::json::CatalogLoader::new(text, &read),
            Err(bytes) => tthc::io::json::CatalogLoader::from_bytes(bytes, &read),
        };
        Ok(CatalogLoader { inner })
    }

    /// Read about `count` more elements of the document (procedures, units, other top-level
    /// values; at least one), then validate and build about `count` more procedures or units:
    /// `true` once it has all been read and built. Throws what `fromJson` throws for a
    /// document that cannot be read (a syntax error, one over `maxBytes`), here or at a later
    /// step; a document's problems are thrown by `finish`.
    pub fn step(&mut self, count: u32) -> Result<bool, JsValue> {
        check(self.inner.step(count as usize))
    }

    /// Do what the steps left (nothing after the last one but assembling) and return the
    /// catalogue (the loader is spent). Throws what `Catalog.fromJson` throws for the same
    /// text and options.
    pub fn finish(self) -> Result<Catalog, JsValue> {
        check(self.inner.finish()).map(Catalog::new)
    }
}
