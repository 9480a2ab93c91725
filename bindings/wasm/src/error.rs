//! Core errors as real JavaScript `Error` objects with `code`, `path`, `family` and `errors`.

use js_sys::{Array, Object, Reflect};
use tthc::{Code, Error, Problem};
use wasm_bindgen::JsValue;

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // `Reflect.set` on an object we just created cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `{ code, path, message }`: one problem, as `errors` lists it.
pub fn problem(p: &Problem) -> JsValue {
    let o: JsValue = Object::new().into();
    set(&o, "code", &JsValue::from_str(p.code.as_str()));
    set(&o, "path", &JsValue::from_str(&p.path));
    set(&o, "message", &JsValue::from_str(&p.message));
    o
}

/// `new Error(message)` named `TthcError`, with `code` and `path` of the first problem,
/// `family` and `errors` (every problem as `{ code, path, message }`).
pub fn to_js(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("TthcError");
    let v: JsValue = err.into();
    set(&v, "code", &JsValue::from_str(e.code()));
    set(&v, "path", &JsValue::from_str(e.path()));
    set(&v, "family", &JsValue::from_str(e.family().as_str()));
    let list: Array = e.problems().iter().map(problem).collect();
    set(&v, "errors", &list);
    v
}

/// A bad JavaScript value (wrong type, unknown option): what the core cannot see.
pub fn argument(code: Code, path: &str, message: impl Into<String>) -> JsValue {
    to_js(&Error::Argument(Problem::new(code, path, message)))
}

/// Convert a core result, throwing the typed error.
pub fn check<T>(r: Result<T, Error>) -> Result<T, JsValue> {
    r.map_err(|e| to_js(&e))
}
