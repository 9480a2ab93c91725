//! Vietnamese text (`tthc::text`): folding and alphabetical order.

use js_sys::Array;
use tthc::Code;
use wasm_bindgen::prelude::*;

use crate::convert::string_arg;
use crate::error::argument;

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
    Ok(tthc::text::compare(&a, &b) as i32)
}
