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
//!
//! [`Record`] builds a plain object key by key without serde, for the outputs of the widget's
//! module (`unitCompliance`, `fields`): the same object as the serializer gives, in less code
//! (a derived `Serialize` is a call sequence per field, monomorphised per value type).

use std::fmt::Display;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

use crate::js::{Array, Object};

mod keys;
mod record;
use keys::KeySerializer;
pub use record::Record;

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
