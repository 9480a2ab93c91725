//! Results as JavaScript values, built directly: a `serde::Serializer` whose output is a
//! `JsValue` (plain objects, arrays, strings, numbers, booleans, `null`).
//!
//! It gives what `JSON.parse(serde_json::to_string(value))` gives, without JSON text in between
//! (so neither serde_json's writer nor its float formatting is in the module):
//! - a number is the `f64` nearest the Rust number (`JSON.parse` of serde_json's digits rounds
//!   the same way: integers beyond 2^53 to the nearest double, ties to even; a float's digits
//!   are its shortest round-trip form, so the same double); a NaN or infinite float is `null`;
//! - `None`, `()` and unit structs are `null`; a struct or a map is a plain object whose keys
//!   come in serialisation order, with serde's skip rules as the derive applies them; a map key
//!   is a string (strings, chars, integers, booleans and unit variants, as serde_json writes
//!   them; any other key is an error, as in serde_json, and float keys too);
//! - a sequence, tuple or byte string is an array; an enum variant with data is
//!   `{ variant: data }`, a unit variant its name.
//!
//! One exception to JSON.parse's output: an `f32` is widened to `f64` exactly (serde_json would
//! print its shortest `f32` digits); no output of the library has an `f32`.

use std::fmt::Display;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

use crate::js::{Array, Object};

/// A value that cannot be serialised (a custom `Serialize` that fails, a map key that is not a
/// string): its message.
#[derive(Debug)]
pub struct Error(pub String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// `value` as a JavaScript value (see the module docs).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value.serialize(Serializer)
}

/// Set `key` as an own, enumerable property, as `JSON.parse` does: `__proto__` included, which
/// an assignment would take as the object's prototype.
fn set_own(object: &Object, key: &str, value: &JsValue) {
    if key == "__proto__" {
        let descriptor = Object::new();
        descriptor.set("value", value);
        for flag in ["writable", "enumerable", "configurable"] {
            descriptor.set(flag, &JsValue::TRUE);
        }
        // Defining a property of a new plain object cannot fail.
        Object::define_property(object, key, &descriptor);
    } else {
        object.set(key, value);
    }
}

/// `{ variant: value }`: an enum variant with data.
fn variant(name: &str, value: &JsValue) -> JsValue {
    let object = Object::new();
    object.set(name, value);
    object.into()
}

/// The serializer: each call gives the finished value.
#[derive(Clone, Copy)]
pub struct Serializer;

/// An array being filled (sequences, tuples), then wrapped as `{ variant: [...] }` when
/// `variant` is set.
pub struct ArrayOut {
    array: Array,
    variant: Option<&'static str>,
}

/// An object being filled (structs, maps), then wrapped as `{ variant: {...} }` when
/// `variant` is set.
pub struct ObjectOut {
    object: Object,
    variant: Option<&'static str>,
    /// A map's key waiting for its value.
    key: Option<String>,
}

impl ArrayOut {
    fn new(variant: Option<&'static str>) -> ArrayOut {
        ArrayOut {
            array: Array::new(),
            variant,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.array.push(&to_value(value)?);
        Ok(())
    }

    fn finish(self) -> JsValue {
        match self.variant {
            Some(name) => variant(name, &self.array),
            None => self.array.into(),
        }
    }
}

impl ObjectOut {
    fn new(variant: Option<&'static str>) -> ObjectOut {
        ObjectOut {
            object: Object::new(),
            variant,
            key: None,
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.object.set(key, &to_value(value)?);
        Ok(())
    }

    fn finish(self) -> JsValue {
        match self.variant {
            Some(name) => variant(name, &self.object),
            None => self.object.into(),
        }
    }
}

impl ser::Serializer for Serializer {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = ArrayOut;
    type SerializeTuple = ArrayOut;
    type SerializeTupleStruct = ArrayOut;
    type SerializeTupleVariant = ArrayOut;
    type SerializeMap = ObjectOut;
    type SerializeStruct = ObjectOut;
    type SerializeStructVariant = ObjectOut;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Error> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    #[allow(clippy::cast_precision_loss)] // the nearest double, as JSON.parse gives
    fn serialize_i64(self, v: i64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_i128(self, v: i128) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_u64(self, v: u64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_u128(self, v: u128) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, Error> {
        Ok(if v.is_finite() {
            JsValue::from_f64(v)
        } else {
            JsValue::NULL
        })
    }
    fn serialize_char(self, v: char) -> Result<JsValue, Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<JsValue, Error> {
        let array = Array::new();
        for &b in v {
            array.push(&JsValue::from_f64(f64::from(b)));
        }
        Ok(array.into())
    }
    fn serialize_none(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Error> {
        to_value(value)
    }
    fn serialize_unit(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<JsValue, Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        to_value(value)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        Ok(variant(name, &to_value(value)?))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<ArrayOut, Error> {
        Ok(ArrayOut::new(None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<ArrayOut, Error> {
        Ok(ArrayOut::new(None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<ArrayOut, Error> {
        Ok(ArrayOut::new(None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        _len: usize,
    ) -> Result<ArrayOut, Error> {
        Ok(ArrayOut::new(Some(name)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<ObjectOut, Error> {
        Ok(ObjectOut::new(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<ObjectOut, Error> {
        Ok(ObjectOut::new(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        _len: usize,
    ) -> Result<ObjectOut, Error> {
        Ok(ObjectOut::new(Some(name)))
    }
}

/// The sequence-like outputs: each element pushed, then the array (or `{ variant: [...] }`).
macro_rules! array_out {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for ArrayOut {
            type Ok = JsValue;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Result<JsValue, Error> {
                Ok(self.finish())
            }
        }
    )*};
}
array_out!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The struct-like outputs: each field set, then the object (or `{ variant: {...} }`).
macro_rules! struct_out {
    ($($trait:ident),*) => {$(
        impl ser::$trait for ObjectOut {
            type Ok = JsValue;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<JsValue, Error> {
                Ok(self.finish())
            }
        }
    )*};
}
struct_out!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for ObjectOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySerializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().unwrap_or_default();
        set_own(&self.object, &key, &to_value(value)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.finish())
    }
}

/// A map key as the string serde_json writes for it.
struct KeySerializer;

fn key_error() -> Error {
    Error("key must be a string".to_owned())
}

/// The number keys: their decimal digits.
macro_rules! number_keys {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<String, Error> {
            Ok(v.to_string())
        }
    )*};
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    number_keys!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128, serialize_bool: bool, serialize_char: char);

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_f32(self, _v: f32) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}
