//! [`Record`]: a plain object built key by key without serde (see the parent module's docs).

use wasm_bindgen::prelude::*;

use crate::js::{Array, Object};

/// A plain object built one key at a time without serde, for the outputs the widget's module
/// returns (`unitCompliance`, `fields`): a derived `Serialize` is a monomorphised call sequence
/// per field, this is one small non-generic call per key. The object is what [`super::to_value`] gives
/// for the same struct: keys in the order they are set, numbers as the nearest `f64`, `None`
/// as `null` (the Node tests compare the two paths' JSON text).
pub struct Record(Object);

impl Default for Record {
    fn default() -> Record {
        Record::new()
    }
}

impl Record {
    /// `{}`.
    pub fn new() -> Record {
        Record(Object::new())
    }

    /// `key: value`.
    pub fn value(&self, key: &str, value: &JsValue) {
        self.0.set(key, value);
    }

    /// `key: "text"`.
    pub fn str(&self, key: &str, text: &str) {
        self.value(key, &JsValue::from_str(text));
    }

    /// `key: "text"` or `key: null`.
    pub fn opt_str(&self, key: &str, text: Option<&str>) {
        self.value(key, &text.map_or(JsValue::NULL, JsValue::from_str));
    }

    /// `key: true` or `key: false`.
    pub fn bool(&self, key: &str, v: bool) {
        self.value(key, &JsValue::from_bool(v));
    }

    /// `key: n` or `key: null`.
    pub fn count(&self, key: &str, n: Option<u32>) {
        self.number(key, n.map(f64::from));
    }

    /// `key: x` or `key: null` (a NaN or infinite `x` too, as [`super::to_value`] writes it).
    pub fn number(&self, key: &str, x: Option<f64>) {
        let v = x.filter(|x| x.is_finite());
        self.value(key, &v.map_or(JsValue::NULL, JsValue::from_f64));
    }

    /// `key: [a, b]` or `key: null`.
    pub fn pair(&self, key: &str, pair: Option<[u32; 2]>) {
        self.value(
            key,
            &pair.map_or(JsValue::NULL, |[a, b]| {
                let array = Array::new();
                array.push(&JsValue::from_f64(f64::from(a)));
                array.push(&JsValue::from_f64(f64::from(b)));
                array.into()
            }),
        );
    }

    /// `key: ["text", …]`.
    pub fn strs(&self, key: &str, texts: &[&str]) {
        let array = Array::new();
        for text in texts {
            array.push(&JsValue::from_str(text));
        }
        self.value(key, &array);
    }

    /// The object.
    pub fn finish(self) -> JsValue {
        self.0.into()
    }
}
