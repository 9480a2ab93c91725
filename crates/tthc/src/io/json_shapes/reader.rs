//! The one interface every JSON reader gives the shapes: values go into a [`Sink`], arrays and
//! objects are read through the object-safe [`SeqReader`] and [`MapReader`]. Two readers
//! implement it: `pull.rs` (the crate's own lexer) and `erased.rs` (`serde_json`).

use std::borrow::Cow;

use super::fields::ResolvingPosting;
use super::{Cx, Leaf};

/// The reader met an error (kept in the reader that met it, see the module doc).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stop;

/// What a value is read into: a shape that keeps its output in itself.
pub(crate) trait Sink<'de> {
    /// For `serde`'s messages: "a string", "an object" (only `serde_json`'s reader asks).
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str;
    /// A scalar was found.
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>);
    /// An array was found; its elements are read (or skipped) to the end.
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop>;
    /// An object was found; its entries are read (or skipped) to the end.
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop>;
}

/// The elements of an array being read.
pub(crate) trait SeqReader<'de> {
    /// How many elements are left, when the reader knows.
    fn size_hint(&self) -> Option<usize>;
    /// Read the next element into `sink`; `false` at the end of the array.
    fn next(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<bool, Stop>;
    /// Skip the next element; `false` at the end of the array.
    fn skip(&mut self) -> Result<bool, Stop>;
    /// Read the next posting of a list resolved while reading (the hot path of a national
    /// document): a code is looked up by a visitor of its own, without a `dyn` call, anything
    /// else goes to `posting` as a [`Sink`]. `false` at the end of the array.
    fn next_posting(&mut self, cx: &Cx, posting: &mut ResolvingPosting<'_>) -> Result<bool, Stop>;
}

/// The entries of an object being read.
pub(crate) trait MapReader<'de> {
    /// The next key (borrowed when it has no escapes), `None` at the end of the object.
    fn next_key(&mut self) -> Result<Option<Cow<'de, str>>, Stop>;
    /// Read the value of the current entry into `sink`.
    fn value(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<(), Stop>;
    /// Skip the value of the current entry.
    fn skip_value(&mut self) -> Result<(), Stop>;
    /// Skip a whole entry, key and value; `false` at the end of the object.
    fn skip_entry(&mut self) -> Result<bool, Stop>;
}
