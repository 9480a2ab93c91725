//! JavaScript values in and out: option objects, today's date, JSON results.

use js_sys::{Object, Reflect, Uint8Array, JSON};
use serde::Serialize;
use tthc::io::json::ReadOptions;
use tthc::{Code, ComplianceOptions};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{argument, check};

/// An options object (`{ channel, asOf }`), `undefined` or `null`. Keys it does not know are an
/// error (`unknown_key`), so a typo such as `asof` never silently changes the result.
pub struct Options {
    object: Option<Object>,
}

impl Options {
    /// Read an options argument whose known keys are `known` (JavaScript names).
    pub fn new(value: Option<&JsValue>, known: &[&str]) -> Result<Options, JsValue> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Options { object: None });
        };
        let Some(object) = value.dyn_ref::<Object>().filter(|_| !value.is_function()) else {
            return Err(argument(
                Code::WrongType,
                "options",
                "options must be an object",
            ));
        };
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                return Err(argument(
                    Code::UnknownKey,
                    &key,
                    format!("unknown option `{key}` (known: {})", known.join(", ")),
                ));
            }
        }
        Ok(Options {
            object: Some(object.clone()),
        })
    }

    fn get(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        let Some(o) = &self.object else {
            return Ok(None);
        };
        let v = Reflect::get(o, &JsValue::from_str(key))?;
        Ok((!v.is_undefined() && !v.is_null()).then_some(v))
    }

    /// A string option; `path` is the name errors use (the core's name, e.g. `as_of`).
    pub fn string(&self, key: &str, path: &str) -> Result<Option<String>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| {
                argument(Code::WrongType, path, format!("`{key}` must be a string"))
            }),
        }
    }

    /// A non-negative integer option; `path` as for [`Options::string`].
    pub fn count(&self, key: &str, path: &str) -> Result<Option<usize>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 4_294_967_295.0 => {
                    #[allow(clippy::cast_sign_loss)] // checked: a non-negative integer
                    Ok(Some(n as usize))
                }
                Some(_) => Err(argument(
                    Code::BadValue,
                    path,
                    format!("`{key}` must be a non-negative integer"),
                )),
                None => Err(argument(
                    Code::WrongType,
                    path,
                    format!("`{key}` must be a number"),
                )),
            },
        }
    }

    /// `{ channel, asOf }` as the core's options, today being the browser's day in Vietnam.
    pub fn compliance(&self) -> Result<ComplianceOptions, JsValue> {
        check(ComplianceOptions::parse_on(
            today(),
            self.string("channel", "channel")?.as_deref(),
            self.string("asOf", "as_of")?.as_deref(),
        ))
    }

    /// `{ maxBytes }` as the reader's options.
    pub fn read(&self) -> Result<ReadOptions, JsValue> {
        let mut read = ReadOptions::default();
        if let Some(max) = self.count("maxBytes", "max_bytes")? {
            read.max_bytes = max as u64;
        }
        Ok(read)
    }
}

/// Today in Vietnam from the JavaScript clock (the core owns the UTC+7 rule): the wasm target
/// has no system clock.
pub fn today() -> tthc::Date {
    tthc::Date::from_unix_millis(js_sys::Date::now())
}

/// A required string argument.
pub fn string_arg(value: &JsValue, path: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| argument(Code::WrongType, path, format!("`{path}` must be a string")))
}

/// A document given as a string or UTF-8 bytes.
pub fn document_bytes(text: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = text.as_string() {
        Ok(s.into_bytes())
    } else if let Some(a) = text.dyn_ref::<Uint8Array>() {
        Ok(a.to_vec())
    } else {
        Err(argument(
            Code::WrongType,
            "text",
            "the document must be a string or a Uint8Array",
        ))
    }
}

/// A serialisable value as a plain JavaScript object (through `JSON.parse`).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| argument(Code::BadValue, "", format!("cannot serialise: {e}")))?;
    json(&text)
}

/// JSON text as a plain JavaScript value.
pub fn json(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text)
}
