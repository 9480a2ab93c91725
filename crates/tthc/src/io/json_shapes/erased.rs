//! The one place where `serde` meets the shapes: a single seed type, [`DynNode`], that reads any
//! JSON value and hands it to a shape behind `&mut dyn Sink`, and object-safe readers of arrays
//! and objects ([`SeqReader`], [`MapReader`]) that read each element through `DynNode` again.
//!
//! Every shape reads through these, so `serde_json`'s value dispatch, string and number parsing
//! and `ignore_value` are compiled once for the one concrete deserializer, not once per shape
//! (the erased-serde idea, by hand: it halves the reader in the `.wasm`).
//!
//! Errors of the underlying reader (syntax errors) cannot cross the `dyn` boundary with their
//! generic type, so a reader keeps the error it met and answers [`Stop`]; the visitor that
//! created the reader takes the error back and returns it to `serde_json` unchanged (its line,
//! column and message are those `serde_json` gave).

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::fields::ResolvingPosting;
use super::{Cx, Leaf, MapReader, SeqReader, Sink, Stop, SyntaxError};

/// A seed that reads any JSON value into a [`Sink`].
pub(crate) struct DynNode<'a, 'de> {
    cx: &'a Cx,
    sink: &'a mut dyn Sink<'de>,
}

impl<'a, 'de> DynNode<'a, 'de> {
    pub(crate) fn new(cx: &'a Cx, sink: &'a mut dyn Sink<'de>) -> Self {
        DynNode { cx, sink }
    }
}

impl<'de> DeserializeSeed<'de> for DynNode<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DynNode<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sink.expected())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.sink.scalar(self.cx, Leaf::Null);
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.sink.scalar(self.cx, Leaf::Null);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.sink.scalar(self.cx, Leaf::Bool(v));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        let leaf = Leaf::Int {
            negative: v < 0,
            abs: v.unsigned_abs(),
        };
        self.sink.scalar(self.cx, leaf);
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        let leaf = Leaf::Int {
            negative: false,
            abs: v,
        };
        self.sink.scalar(self.cx, leaf);
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.sink.scalar(self.cx, Leaf::Float);
        Ok(())
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<(), E> {
        let leaf = self.cx.string(Cow::Borrowed(v));
        self.sink.scalar(self.cx, leaf);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        let leaf = self.cx.string(Cow::Owned(v.to_owned()));
        self.sink.scalar(self.cx, leaf);
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        let leaf = self.cx.string(Cow::Owned(v));
        self.sink.scalar(self.cx, leaf);
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let mut reader = Reader::new(seq);
        let read = self.sink.seq(self.cx, &mut reader);
        reader.finish(read)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut reader = Reader::new(map);
        let read = self.sink.map(self.cx, &mut reader);
        reader.finish(read)
    }
}

/// A `serde` access (`SeqAccess` or `MapAccess`) behind the object-safe reader traits, with the
/// first error it met.
struct Reader<A, E> {
    access: A,
    error: Option<E>,
}

impl<A, E: serde::de::Error> Reader<A, E> {
    fn new(access: A) -> Self {
        Reader {
            access,
            error: None,
        }
    }

    /// Keep `e` and answer [`Stop`].
    fn keep<T>(&mut self, got: Result<T, E>) -> Result<T, Stop> {
        got.map_err(|e| {
            self.error = Some(e);
            Stop
        })
    }

    /// The outcome of reading with this reader, its error given back.
    fn finish(self, read: Result<(), Stop>) -> Result<(), E> {
        give_back(self.error, read)
    }
}

/// The error a reader kept when reading stopped (one copy for arrays and objects).
fn give_back<E: serde::de::Error>(kept: Option<E>, read: Result<(), Stop>) -> Result<(), E> {
    match read {
        Ok(()) => Ok(()),
        // A sink stops only when a reader stopped, and that reader kept the error.
        Err(Stop) => {
            Err(kept.unwrap_or_else(|| E::custom("the JSON reader stopped without an error")))
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqReader<'de> for Reader<A, A::Error> {
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
    fn next(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<bool, Stop> {
        let got = self.access.next_element_seed(DynNode::new(cx, sink));
        self.keep(got).map(|e| e.is_some())
    }
    fn skip(&mut self) -> Result<bool, Stop> {
        let got = self.access.next_element::<IgnoredAny>();
        self.keep(got).map(|e| e.is_some())
    }
    fn next_posting(&mut self, cx: &Cx, posting: &mut ResolvingPosting<'_>) -> Result<bool, Stop> {
        let got = self.access.next_element_seed(PostingNode { cx, posting });
        self.keep(got).map(|e| e.is_some())
    }
}

/// The seed of [`SeqReader::next_posting`]: strings straight to [`ResolvingPosting::code`],
/// any other value through [`DynNode`] (the same code as every other value).
struct PostingNode<'a, 'b> {
    cx: &'a Cx,
    posting: &'a mut ResolvingPosting<'b>,
}

impl<'a> PostingNode<'a, '_> {
    fn node<'de>(self) -> DynNode<'a, 'de> {
        DynNode::new(self.cx, self.posting)
    }
}

impl<'de> DeserializeSeed<'de> for PostingNode<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PostingNode<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Sink::expected(self.posting))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<(), E> {
        self.posting.code(self.cx, v);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.posting.code(self.cx, v);
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        self.posting.code(self.cx, &v);
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.node().visit_unit()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.node().visit_none()
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<(), E> {
        self.node().visit_bool(v)
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<(), E> {
        self.node().visit_i64(v)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<(), E> {
        self.node().visit_u64(v)
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<(), E> {
        self.node().visit_f64(v)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.node().visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.node().visit_map(map)
    }
}

impl<'de, A: MapAccess<'de>> MapReader<'de> for Reader<A, A::Error> {
    fn next_key(&mut self) -> Result<Option<Cow<'de, str>>, Stop> {
        let got = self.access.next_key_seed(KeySeed);
        self.keep(got)
    }
    fn value(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<(), Stop> {
        let got = self.access.next_value_seed(DynNode::new(cx, sink));
        self.keep(got)
    }
    fn skip_value(&mut self) -> Result<(), Stop> {
        let got = self.access.next_value::<IgnoredAny>();
        self.keep(got).map(drop)
    }
    fn skip_entry(&mut self) -> Result<bool, Stop> {
        let got = self.access.next_entry::<IgnoredAny, IgnoredAny>();
        self.keep(got).map(|e| e.is_some())
    }
}

/// A key of an object, borrowed when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl SyntaxError {
    /// A `serde_json` error: its message without the " at line L column C" it appends.
    pub(crate) fn from_serde_json(e: &serde_json::Error) -> Self {
        let text = e.to_string();
        let message = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(m, _)| m);
        SyntaxError {
            message: Cow::Owned(message.to_owned()),
            line: e.line(),
            column: e.column(),
        }
    }
}
