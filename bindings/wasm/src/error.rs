//! Core errors as real JavaScript `Error` objects with `code`, `path`, `family` and `errors`.

use tthc::{Code, Error, Problem};
use wasm_bindgen::JsValue;

use crate::js::{Array, Object};

/// `{ code, path, message }`: one problem, as `errors` lists it.
pub fn problem(p: &Problem) -> JsValue {
    let o = Object::new();
    o.set("code", &JsValue::from_str(p.code.as_str()));
    o.set("path", &JsValue::from_str(&p.path));
    o.set("message", &JsValue::from_str(&p.message));
    o.into()
}

/// `new Error(message)` named `TthcError`, with `code` and `path` of the first problem,
/// `family` and `errors` (every problem as `{ code, path, message }`).
pub fn to_js(e: &Error) -> JsValue {
    let err = crate::js::Error::new(&e.to_string());
    err.set("name", &JsValue::from_str("TthcError"));
    err.set("code", &JsValue::from_str(e.code()));
    err.set("path", &JsValue::from_str(e.path()));
    err.set("family", &JsValue::from_str(e.family().as_str()));
    let list = Array::new();
    for p in e.problems() {
        list.push(&problem(p));
    }
    err.set("errors", &list);
    err.into()
}

/// A bad JavaScript value (wrong type, unknown option): what the core cannot see.
pub fn argument(code: Code, path: &str, message: impl Into<String>) -> JsValue {
    to_js(&Error::Argument(Problem::new(code, path, message)))
}

/// Convert a core result, throwing the typed error.
pub fn check<T>(r: Result<T, Error>) -> Result<T, JsValue> {
    r.map_err(|e| to_js(&e))
}
