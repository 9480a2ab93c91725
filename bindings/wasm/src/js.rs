//! The few JavaScript built-ins the shared code calls, declared here instead of through
//! `js_sys`: linking `js_sys` brings its closure adapters into the module's function table
//! (about 4 KB of code no call reaches), which the widget's module does without. Only the
//! full module's own exports (`text.rs`, `JSON.parse` of the core's JSON) use `js_sys`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An object (`instanceof Object`, as `js_sys::Object`).
    #[derive(Clone)]
    pub type Object;

    /// `{}`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Object;

    /// `Object.keys(object)`.
    #[wasm_bindgen(static_method_of = Object)]
    pub fn keys(object: &Object) -> Array;

    /// `Object.defineProperty(object, key, descriptor)`.
    #[wasm_bindgen(static_method_of = Object, js_name = defineProperty)]
    pub fn define_property(object: &Object, key: &str, descriptor: &Object);

    /// `object[key] = value`, on an object of ours (plain, nothing to catch).
    #[wasm_bindgen(method, structural, indexing_setter)]
    pub fn set(this: &Object, key: &str, value: &JsValue);

    /// `Reflect.get(object, key)`: what a getter throws comes back as the error.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub fn get(object: &Object, key: &str) -> Result<JsValue, JsValue>;

    /// An array (`Array.isArray`, as `js_sys::Array`).
    #[wasm_bindgen(extends = Object, is_type_of = Array::is_array)]
    pub type Array;

    /// `[]`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Array;

    /// `Array.isArray(value)`.
    #[wasm_bindgen(static_method_of = Array, js_name = isArray)]
    pub fn is_array(value: &JsValue) -> bool;

    /// `array.push(value)`.
    #[wasm_bindgen(method)]
    pub fn push(this: &Array, value: &JsValue) -> u32;

    /// `array.length`.
    #[wasm_bindgen(method, getter)]
    pub fn length(this: &Array) -> u32;

    /// `array[index]`.
    #[wasm_bindgen(method, structural, indexing_getter)]
    pub fn at(this: &Array, index: u32) -> JsValue;

    /// A `Uint8Array` (`instanceof Uint8Array`).
    #[wasm_bindgen(extends = Object)]
    pub type Uint8Array;

    /// Its bytes, copied into the module.
    #[wasm_bindgen(method, js_name = slice)]
    pub fn to_vec(this: &Uint8Array) -> Vec<u8>;

    /// A string (`typeof` `"string"`).
    #[wasm_bindgen(js_name = String, is_type_of = JsValue::is_string)]
    pub type JsString;

    /// `string.charCodeAt(index)`: a UTF-16 code unit.
    #[wasm_bindgen(method, js_class = "String", js_name = charCodeAt)]
    pub fn char_code_at(this: &JsString, index: u32) -> f64;

    /// `string.normalize(form)`: `"NFC"`, `"NFD"`, `"NFKC"` or `"NFKD"`.
    #[wasm_bindgen(method, js_class = "String")]
    pub fn normalize(this: &JsString, form: &str) -> String;

    /// A regular expression.
    #[wasm_bindgen(extends = Object)]
    pub type RegExp;

    /// `new RegExp(pattern, flags)`.
    #[wasm_bindgen(constructor)]
    pub fn new(pattern: &str, flags: &str) -> RegExp;

    /// `regexp.test(text)`.
    #[wasm_bindgen(method)]
    pub fn test(this: &RegExp, text: &str) -> bool;

    /// `new Error(message)`.
    #[wasm_bindgen(extends = Object)]
    pub type Error;

    /// `new Error(message)`.
    #[wasm_bindgen(constructor)]
    pub fn new(message: &str) -> Error;

    /// `Date.now()`: milliseconds since the Unix epoch.
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;
}
