//! Rates for people (`tthc::rate`).

use tthc::{Lang, Rate, Vocabulary};
use wasm_bindgen::prelude::*;

use crate::convert::string_arg;
use crate::error::check;
use crate::js::Array;
use crate::LangArg;

/// A rate for people: `formatPercent([72, 77])` → `"93,5%"`, `"93.5%"` with `lang` `"en"`,
/// `"—"` for `null` (no rate). Anything but `null` or `[published, applicable]` (whole numbers,
/// `published ≤ applicable`, `applicable > 0`) is `bad_value` at `rate` (`Rate.from_counts`).
#[wasm_bindgen(js_name = formatPercent)]
pub fn format_percent(
    #[wasm_bindgen(unchecked_param_type = "Fraction | null")] rate: &JsValue,
    lang: Option<LangArg>,
) -> Result<String, JsValue> {
    let lang = match lang {
        Some(lang) => check(Lang::parse_arg(&string_arg(lang.as_ref(), "lang")?))?,
        None => Lang::Vi,
    };
    if rate.is_undefined() || rate.is_null() {
        return Ok(tthc::format_percent(None, lang));
    }
    // Whatever is not an array of two numbers reaches the core's one rule as NaN.
    let (published, applicable) = match rate.dyn_ref::<Array>() {
        Some(a) if a.length() == 2 => (a.at(0).as_f64(), a.at(1).as_f64()),
        _ => (None, None),
    };
    let rate = check(Rate::from_counts(
        published.unwrap_or(f64::NAN),
        applicable.unwrap_or(f64::NAN),
    ))?;
    Ok(tthc::format_percent(Some(rate), lang))
}
