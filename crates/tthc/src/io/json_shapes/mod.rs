//! The shapes of format v1 as lenient readers: each records what is wrong (with its JSON
//! pointer) and goes on, so one pass reports every structural problem of a document.
//!
//! Two readers drive the shapes through one object-safe interface ([`SeqReader`],
//! [`MapReader`], values into a [`Sink`]): `lexer.rs` + `pull.rs`, the crate's own byte-level
//! reader (the only one with the feature `small-json`, the widget's WebAssembly build), and
//! `erased.rs`, the only `serde` code: one seed type reads every value with `serde_json` and
//! hands it to a shape through `dyn`. Both give the same values, problems and syntax errors
//! (tests/json_syntax.rs). `fields.rs` is the one [`Sink`] every value is read into: a
//! [`Field`] (a place in a record and how to read it: a string, a date, an array of records...);
//! a [`Record`] (`objects.rs`: the document's objects) is only its table of keys and the field
//! of each, so one body reads every object and every array, not one copy per shape (the
//! WebAssembly module: the reader 40 → 19 KB raw). `fields/postings.rs` holds the postings (the hot
//! path of a national document: resolved postings keep their own loop, no `dyn` closure). `loader.rs` reads a document in steps on the own lexer (the core of
//! `CatalogLoader`), keeping what it read between steps with owned text (`owned.rs`).

#[cfg(not(feature = "small-json"))]
mod erased;
mod fields;
mod lexer;
mod loader;
mod objects;
mod owned;
mod pull;
mod reader;

use std::borrow::Cow;
use std::cell::RefCell;

#[cfg(not(feature = "small-json"))]
pub(crate) use erased::DynNode;
pub(crate) use lexer::SyntaxError;
pub(crate) use loader::Loader;
pub(crate) use objects::DocShape;
pub(crate) use pull::read;
pub(crate) use reader::{MapReader, SeqReader, Sink, Stop};

use fields::{read_record, Field, Record};

use crate::catalog::{CodeTable, Resolved};
use crate::error::{Code, Problem};

/// One step of a JSON pointer.
enum Seg {
    Key(Cow<'static, str>),
    Index(usize),
}

/// The reading context: problems found so far and where we are.
///
/// In resolving mode (used by `Catalog::from_json`), once `procedures` has been read the
/// postings of later units are resolved to ids as they are read, straight into their final
/// compact vectors, instead of being kept as text in the document.
#[derive(Default)]
pub(crate) struct Cx {
    problems: RefCell<Vec<Problem>>,
    path: RefCell<Vec<Seg>>,
    resolving: bool,
    table: RefCell<Option<CodeTable>>,
    resolved: RefCell<Resolved>,
    /// Longer strings (and keys) are reported as `too_large` and read as "".
    max_string: Option<usize>,
}

impl Cx {
    pub(crate) fn resolving() -> Self {
        Cx {
            resolving: true,
            ..Cx::default()
        }
    }

    /// Refuse strings and keys longer than `max` bytes (`ReadOptions::max_string_bytes`).
    pub(crate) fn with_max_string(self, max: usize) -> Self {
        Cx {
            max_string: Some(max),
            ..self
        }
    }

    /// Whether a string of `len` bytes is over the limit (then reported as `too_large`).
    fn over_limit(&self, len: usize) -> bool {
        match self.max_string {
            Some(max) if len > max => {
                self.report(Code::TooLarge, too_long(len, max));
                true
            }
            _ => false,
        }
    }

    /// `s`, or "" with a `too_large` problem when it is over the limit.
    fn string<'de>(&self, s: Cow<'de, str>) -> Leaf<'de> {
        if self.over_limit(s.len()) {
            Leaf::Str(Cow::Borrowed(""))
        } else {
            Leaf::Str(s)
        }
    }

    pub(crate) fn into_parts(self) -> (Vec<Problem>, Resolved) {
        (self.problems.into_inner(), self.resolved.into_inner())
    }

    /// The index of the unit being read (`/units/i/...`).
    fn unit_index(&self) -> Option<usize> {
        match self.path.borrow().get(1) {
            Some(Seg::Index(i)) => Some(*i),
            _ => None,
        }
    }

    fn pointer(&self) -> String {
        let mut s = String::new();
        for seg in self.path.borrow().iter() {
            s.push('/');
            match seg {
                Seg::Key(k) => {
                    // `~` is written `~0` and `/` `~1` (RFC 6901).
                    let mut from = 0;
                    for (i, b) in k.bytes().enumerate() {
                        let escaped = match b {
                            b'~' => "~0",
                            b'/' => "~1",
                            _ => continue,
                        };
                        s.push_str(&k[from..i]);
                        s.push_str(escaped);
                        from = i + 1;
                    }
                    s.push_str(&k[from..]);
                }
                Seg::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
    }

    fn report(&self, code: Code, message: String) {
        let path = self.pointer();
        self.problems
            .borrow_mut()
            .push(Problem::new(code, path, message));
    }

    fn enter(&self, seg: Seg) {
        self.path.borrow_mut().push(seg);
    }

    fn leave(&self) {
        self.path.borrow_mut().pop();
    }

    /// Replace the index at the end of the path (cheaper than leave + enter in long arrays).
    fn set_index(&self, i: usize) {
        if let Some(Seg::Index(at)) = self.path.borrow_mut().last_mut() {
            *at = i;
        }
    }

    fn wrong_type(&self, expected: &str, got: &str) {
        self.report(Code::WrongType, format!("expected {expected}, found {got}"));
    }
}

/// A scalar as found in the input.
pub(crate) enum Leaf<'de> {
    Null,
    Bool(bool),
    /// A whole number that fits 64 bits: its sign and magnitude (`-0` is a float).
    Int {
        negative: bool,
        abs: u64,
    },
    Float,
    Str(Cow<'de, str>),
}

impl Leaf<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Leaf::Null => "null",
            Leaf::Bool(_) => "a boolean",
            Leaf::Int { .. } | Leaf::Float => "a number",
            Leaf::Str(_) => "a string",
        }
    }
}

/// A record read whole as the value of a [`Slot`]: what the sliced reader (`loader.rs`) reads
/// the document, a procedure and a unit with.
pub(crate) trait Shape<'de> {
    /// What is read: `Got<Self::Rec>`.
    type Out;
    /// The record the object is read into.
    type Rec: Record<'de>;
    /// What was read: the record, or `Got::Bad` when the value was not an object.
    fn out(rec: Self::Rec, read: bool) -> Self::Out;
    /// Read an object into `rec` (the document's own entries add the postings' table).
    fn read(cx: &Cx, map: &mut dyn MapReader<'de>, rec: &mut Self::Rec) -> Result<(), Stop> {
        read_record(cx, map, rec)
    }
}

/// A [`Shape`] as a [`Sink`]: its record, and whether an object was read into it.
pub(crate) struct Slot<'de, S: Shape<'de>> {
    rec: S::Rec,
    read: bool,
}

impl<'de, S: Shape<'de>> Slot<'de, S> {
    pub(crate) fn new(_shape: S) -> Self {
        Slot {
            rec: S::Rec::fresh(),
            read: false,
        }
    }

    /// What was read (`Got::Bad` if the value was not an object).
    pub(crate) fn take(self) -> S::Out {
        S::out(self.rec, self.read)
    }
}

impl<'de, S: Shape<'de>> Sink<'de> for Slot<'de, S> {
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str {
        self.rec.form().expected
    }
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        Field::Record(&mut self.rec).scalar(cx, leaf);
    }
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        Field::Record(&mut self.rec).seq(cx, seq)
    }
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        self.read = true;
        S::read(cx, map, &mut self.rec)
    }
}

/// An array where `expected` was expected: skipped, then reported.
fn skip_seq(cx: &Cx, seq: &mut dyn SeqReader<'_>, expected: &str) -> Result<(), Stop> {
    while seq.skip()? {}
    cx.wrong_type(expected, "an array");
    Ok(())
}

/// An object where `expected` was expected: skipped, then reported.
fn skip_map(cx: &Cx, map: &mut dyn MapReader<'_>, expected: &str) -> Result<(), Stop> {
    while map.skip_entry()? {}
    cx.wrong_type(expected, "an object");
    Ok(())
}

/// The message of a string over `ReadOptions::max_string_bytes`.
fn too_long(len: usize, max: usize) -> String {
    format!(
        "the string has {len} bytes, more than the limit of {max} (ReadOptions::max_string_bytes)"
    )
}

// ---- scalar shapes -------------------------------------------------------------------------

/// Outcome of reading an optional or required value.
pub(crate) enum Got<T> {
    Value(T),
    Bad,
}

impl<T> Got<T> {
    /// `rec` when an object was read into it, else `Got::Bad`.
    fn read(rec: T, read: bool) -> Self {
        if read {
            Got::Value(rec)
        } else {
            Got::Bad
        }
    }

    pub(crate) fn optional(self) -> Option<T> {
        match self {
            Got::Value(v) => Some(v),
            Got::Bad => None,
        }
    }
}

impl<T: Default> Got<T> {
    /// The value, or `T::default()`.
    fn or_default(self) -> T {
        self.optional().unwrap_or_default()
    }
}

/// Walk an object's entries: known keys go to `on_key` with their index in `keys`, unknown
/// keys are reported (as `unknown`) and skipped; missing required keys are reported at the end.
///
/// Not generic: one copy serves every object shape (`on_key` is called through `dyn`).
fn object<'de>(
    cx: &Cx,
    map: &mut dyn MapReader<'de>,
    keys: &'static [&'static str],
    required: &'static [&'static str],
    unknown: Code,
    on_key: &mut dyn FnMut(usize, &mut dyn MapReader<'de>) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let mut seen = 0u64;
    while let Some(key) = map.next_key()? {
        if let Some(i) = object_key(cx, map, keys, unknown, &mut seen, &key)? {
            on_key(i, map)?;
            cx.leave();
        }
    }
    object_end(cx, keys, required, seen);
    Ok(())
}

/// One key of an object: a known key's index in `keys`, its path entered (the caller reads
/// the value, then leaves); an unknown key is reported and its value skipped (`None`).
fn object_key(
    cx: &Cx,
    map: &mut dyn MapReader<'_>,
    keys: &'static [&'static str],
    unknown: Code,
    seen: &mut u64,
    key: &str,
) -> Result<Option<usize>, Stop> {
    if let Some(i) = keys.iter().position(|k| *k == key) {
        cx.enter(Seg::Key(Cow::Borrowed(keys[i])));
        if *seen & (1 << i) != 0 {
            cx.report(
                Code::DuplicateCode,
                format!("key `{key}` is given twice in one object"),
            );
        }
        *seen |= 1 << i;
        return Ok(Some(i));
    }
    if cx.max_string.is_some_and(|max| key.len() > max) {
        // Reported at the object: the key itself would not fit in the message.
        cx.report(
            Code::TooLarge,
            format!("a key: {}", too_long(key.len(), cx.max_string.unwrap_or(0))),
        );
        map.skip_value()?;
        return Ok(None);
    }
    cx.enter(Seg::Key(Cow::Owned(key.to_owned())));
    let allowed = keys.join("`, `");
    cx.report(
        unknown,
        format!("unknown key `{key}` (allowed: `{allowed}`)"),
    );
    map.skip_value()?;
    cx.leave();
    Ok(None)
}

/// The end of an object: each required key not `seen` is reported as missing.
fn object_end(cx: &Cx, keys: &[&str], required: &[&str], seen: u64) {
    for k in required {
        if let Some(i) = keys.iter().position(|x| x == k) {
            if seen & (1 << i) == 0 {
                cx.report(Code::MissingKey, format!("missing key `{k}`"));
            }
        }
    }
}
