//! Catalogues over time (`tthc::diff`, `tthc::check`): `diff(old, new)` and
//! `catalog.check()`, each one core call whose JSON is the CLI's (`tthc diff`, `tthc check`).

use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::convert::{json, today, Options};
use crate::error::check;
use crate::{CheckOptionsArg, DiffOptionsArg};

/// What changed from `oldCatalog` to `newCatalog` and, per unit, what to post, repost and take
/// down (docs/format.md "Catalogues over time" §4): `options.channel` (default the one-stop
/// desk and each channel the unit publishes on), `options.asOf` (default the new document's
/// `as_of`, else today in Vietnam).
#[wasm_bindgen(unchecked_return_type = "Diff")]
pub fn diff(
    #[wasm_bindgen(js_name = oldCatalog)] old_catalog: &Catalog,
    #[wasm_bindgen(js_name = newCatalog)] new_catalog: &Catalog,
    options: Option<DiffOptionsArg>,
) -> Result<JsValue, JsValue> {
    let o = Options::new(options.as_ref().map(AsRef::as_ref), &["channel", "asOf"])?;
    let opts = check(tthc::diff::DiffOptions::parse_on(
        today(),
        o.string("channel", "channel")?.as_deref(),
        o.string("asOf", "as_of")?.as_deref(),
    ))?;
    json(&tthc::diff::diff(&old_catalog.inner, &new_catalog.inner, &opts).to_json())
}

#[wasm_bindgen]
impl Catalog {
    /// Data-quality findings (docs/format.md "Catalogues over time" §5, docs/check.md):
    /// `{ findings: [{ code, path, message }] }`. `options.channel` (default every channel),
    /// `options.asOf`, `options.staleAfter` (days: postings last known longer ago are `stale`).
    #[wasm_bindgen(unchecked_return_type = "CheckOutput")]
    pub fn check(&self, options: Option<CheckOptionsArg>) -> Result<JsValue, JsValue> {
        let known = ["channel", "asOf", "staleAfter"];
        let o = Options::new(options.as_ref().map(AsRef::as_ref), &known)?;
        let stale_after = o.integer("staleAfter", "stale_after")?;
        let opts = check(tthc::check::CheckOptions::parse_on(
            today(),
            o.string("channel", "channel")?.as_deref(),
            o.string("asOf", "as_of")?.as_deref(),
            stale_after,
        ))?;
        json(&tthc::check::findings_json(&tthc::check::check(
            &self.inner,
            &opts,
        )))
    }
}
