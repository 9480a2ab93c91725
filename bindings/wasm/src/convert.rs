//! JavaScript values in and out: strings, option objects, today's date, JSON results.

use serde::Serialize;
use tthc::io::json::ReadOptions;
use tthc::{Code, ComplianceOptions};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{argument, check, to_js as error_to_js};
use crate::js::{JsString, Object, Uint8Array};

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
        let keys = Object::keys(object);
        for i in 0..keys.length() {
            let key = keys.at(i).as_string().unwrap_or_default();
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
        let v = crate::js::get(o, key)?;
        Ok((!v.is_undefined() && !v.is_null()).then_some(v))
    }

    /// A string option; `path` is the name errors use (the core's name, e.g. `as_of`). A
    /// string with a lone surrogate is `bad_text` (see [`JsText`]).
    pub fn string(&self, key: &str, path: &str) -> Result<Option<String>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => match JsText::of(&v) {
                Some(text) => text.checked(path).map(Some),
                None => Err(argument(
                    Code::WrongType,
                    path,
                    format!("`{key}` must be a string"),
                )),
            },
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

    /// A whole-number option, negative ones included (the core says what is allowed); a
    /// number with a fraction is `bad_value` at `path`.
    pub fn integer(&self, key: &str, path: &str) -> Result<Option<i64>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            #[allow(clippy::cast_possible_truncation)] // saturating: the core refuses the value
            Some(v) => match v.as_f64() {
                Some(n) if n.fract() == 0.0 => Ok(Some(n as i64)),
                Some(_) => Err(argument(
                    Code::BadValue,
                    path,
                    format!("`{key}` must be a whole number"),
                )),
                None => Err(argument(
                    Code::WrongType,
                    path,
                    format!("`{key}` must be a number"),
                )),
            },
        }
    }

    /// `{ channel, asOf, staleAfter }` as the core's options, today being the browser's day in
    /// Vietnam (`staleAfter` is read only where the caller's known keys have it).
    pub fn compliance(&self) -> Result<ComplianceOptions, JsValue> {
        let stale_after = self.integer("staleAfter", "stale_after")?;
        check(
            ComplianceOptions::parse_on(
                today(),
                self.string("channel", "channel")?.as_deref(),
                self.string("asOf", "as_of")?.as_deref(),
            )
            .and_then(|o| o.with_stale_after(stale_after)),
        )
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
    tthc::Date::from_unix_millis(crate::js::date_now())
}

/// A JavaScript string as Rust text: the one way this binding reads a string.
///
/// JavaScript strings are UTF-16 and may hold lone surrogates (`'a\uD800'`), which are not
/// Unicode text; wasm-bindgen's conversion would silently replace each with U+FFFD. Every
/// string argument comes through here, so a lone surrogate is refused instead: as an argument
/// it is the core's `bad_text` error at the argument's name ([`JsText::checked`]); in a
/// document it is what a byte that is not UTF-8 is in a file ([`JsText::into_document`]).
pub struct JsText {
    /// The text with each lone surrogate replaced by U+FFFD (wasm-bindgen's conversion).
    text: String,
    /// Each lone surrogate: its byte offset in `text` (where its U+FFFD stands), its index in
    /// the JavaScript string (UTF-16 units) and its code unit.
    lone: Vec<(usize, usize, u16)>,
}

impl JsText {
    /// The text of a JavaScript string; `None` for another value.
    pub fn of(value: &JsValue) -> Option<JsText> {
        let text = value.as_string()?;
        let mut lone = Vec::new();
        // Each lone surrogate became one U+FFFD: look at the code units of the U+FFFDs only
        // (a U+FFFD of the string itself is not a surrogate), so text without U+FFFD costs no
        // more than the conversion and one byte search: for 0xEF, U+FFFD's lead byte in UTF-8
        // (rare otherwise: U+F000..U+FFFF), smaller code than a search for the character.
        if text.as_bytes().contains(&0xEF) {
            let js: &JsString = value.unchecked_ref();
            let mut unit = 0;
            for (byte, c) in text.char_indices() {
                if c == '\u{FFFD}' {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    // a code unit of the string: 0..=0xFFFF
                    let code = js.char_code_at(unit as u32) as u16;
                    if (0xD800..=0xDFFF).contains(&code) {
                        lone.push((byte, unit, code));
                    }
                }
                unit += c.len_utf16();
            }
        }
        Some(JsText { text, lone })
    }

    /// The text of the argument named `path`, or the core's `bad_text` error there.
    pub fn checked(self, path: &str) -> Result<String, JsValue> {
        match self.lone.first() {
            None => Ok(self.text),
            Some(&(_, index, code)) => Err(error_to_js(&tthc::Error::lone_surrogate(
                path,
                u32::from(code),
                index,
            ))),
        }
    }

    /// The text as a document: `Ok` when it has no lone surrogate (valid UTF-8 as it is, read
    /// without checking it again), else the bytes of [`JsText::into_document`].
    pub fn into_text(self) -> Result<String, Vec<u8>> {
        if self.lone.is_empty() {
            Ok(self.text)
        } else {
            Err(self.into_document())
        }
    }

    /// The bytes of a document given as a string: UTF-8, each lone surrogate written as its
    /// three-byte generalised UTF-8 form (as Python's `surrogatepass` writes it), which the
    /// reader refuses as not UTF-8 at its line and column, in Python and JavaScript alike.
    pub fn into_document(self) -> Vec<u8> {
        let mut bytes = self.text.into_bytes();
        for (at, _, code) in self.lone {
            // U+FFFD and a surrogate both take three bytes.
            bytes[at..at + 3].copy_from_slice(&[
                0xE0 | (code >> 12) as u8,
                0x80 | ((code >> 6) & 0x3F) as u8,
                0x80 | (code & 0x3F) as u8,
            ]);
        }
        bytes
    }
}

/// A required string argument.
pub fn string_arg(value: &JsValue, path: &str) -> Result<String, JsValue> {
    match JsText::of(value) {
        Some(text) => text.checked(path),
        None => Err(argument(
            Code::WrongType,
            path,
            format!("`{path}` must be a string"),
        )),
    }
}

/// A document given as a string or UTF-8 bytes.
pub fn document_bytes(text: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = JsText::of(text) {
        Ok(s.into_document())
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

/// A document argument (a string or a `Uint8Array`): `Ok` with the text of a string that has
/// no lone surrogate (read without a second UTF-8 check), else the bytes to read.
pub fn document_text(text: &JsValue) -> Result<Result<String, Vec<u8>>, JsValue> {
    match JsText::of(text) {
        Some(s) => Ok(s.into_text()),
        None => document_bytes(text).map(Err),
    }
}

/// A serialisable value as a plain JavaScript value, built directly ([`crate::js_values`]):
/// what `JSON.parse` of the value's JSON text gives.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    crate::js_values::to_value(value)
        .map_err(|e| argument(Code::BadValue, "", format!("cannot serialise: {e}")))
}

/// JSON text the core wrote as a plain JavaScript value (the full module's exports only).
#[cfg(feature = "full")]
pub fn json(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
}
