//! The shapes of format v1 as lenient readers: each records what is wrong (with its JSON
//! pointer) and goes on, so one pass reports every structural problem of a document.
//!
//! Two readers drive the shapes through one object-safe interface ([`SeqReader`],
//! [`MapReader`], values into a [`Sink`]): `lexer.rs` + `pull.rs`, the crate's own byte-level
//! reader (the only one with the feature `small-json`, the widget's WebAssembly build), and
//! `erased.rs`, the only `serde` code: one seed type reads every value with `serde_json` and
//! hands it to a shape through `dyn`. Both give the same values, problems and syntax errors
//! (tests/json_syntax.rs). `scalars.rs` holds the strings, numbers, dates and arrays,
//! `objects.rs` the objects of the document, `postings.rs` the postings (the hot path of a
//! national document). `loader.rs` reads a document in steps on the own lexer (the core of
//! `CatalogLoader`), keeping what it read between steps with owned text (`owned.rs`).

#[cfg(not(feature = "small-json"))]
mod erased;
mod lexer;
mod loader;
mod objects;
mod owned;
mod postings;
mod pull;
mod reader;
mod scalars;

use std::borrow::Cow;
use std::cell::RefCell;

#[cfg(not(feature = "small-json"))]
pub(crate) use erased::DynNode;
pub(crate) use lexer::SyntaxError;
pub(crate) use loader::Loader;
pub(crate) use objects::DocShape;
pub(crate) use pull::read;
pub(crate) use reader::{MapReader, SeqReader, Sink, Stop};

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
                Seg::Key(k) => s.push_str(&k.replace('~', "~0").replace('/', "~1")),
                Seg::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
    }

    fn report(&self, code: Code, message: impl Into<String>) {
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
    Int(i128),
    Float,
    Str(Cow<'de, str>),
}

impl Leaf<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Leaf::Null => "null",
            Leaf::Bool(_) => "a boolean",
            Leaf::Int(_) | Leaf::Float => "a number",
            Leaf::Str(_) => "a string",
        }
    }
}

/// What a value should look like; the default methods record a wrong type and skip the value.
///
/// Shapes are read through [`Slot`] (a [`Sink`] that keeps the output), so the `serde`
/// machinery behind [`SeqReader`] and [`MapReader`] is the same for every shape.
pub(crate) trait Shape<'de> {
    type Out;
    /// For messages: "a string", "an object".
    fn expected(&self) -> &'static str;
    /// The value to return for a wrong-typed input.
    fn bad(&self) -> Self::Out;

    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }

    fn seq(&self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<Self::Out, Stop> {
        while seq.skip()? {}
        cx.wrong_type(self.expected(), "an array");
        Ok(self.bad())
    }

    fn map(&self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<Self::Out, Stop> {
        while map.skip_entry()? {}
        cx.wrong_type(self.expected(), "an object");
        Ok(self.bad())
    }
}

/// A [`Shape`] as a [`Sink`]: the shape and what it read.
pub(crate) struct Slot<'de, S: Shape<'de>> {
    shape: S,
    out: Option<S::Out>,
}

impl<'de, S: Shape<'de>> Slot<'de, S> {
    pub(crate) fn new(shape: S) -> Self {
        Slot { shape, out: None }
    }

    /// What was read (the shape's `bad` value if nothing was).
    pub(crate) fn take(self) -> S::Out {
        self.out.unwrap_or_else(|| self.shape.bad())
    }
}

impl<'de, S: Shape<'de>> Sink<'de> for Slot<'de, S> {
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str {
        self.shape.expected()
    }
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        self.out = Some(self.shape.scalar(cx, leaf));
    }
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        self.out = Some(self.shape.seq(cx, seq)?);
        Ok(())
    }
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        self.out = Some(self.shape.map(cx, map)?);
        Ok(())
    }
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
    Null,
    Bad,
}

impl<T> Got<T> {
    pub(crate) fn optional(self) -> Option<T> {
        match self {
            Got::Value(v) => Some(v),
            Got::Null | Got::Bad => None,
        }
    }
}

impl<T: Default> Got<T> {
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

/// Read a value of `shape` as the value of the current map entry.
fn value<'de, S: Shape<'de>>(
    cx: &Cx,
    map: &mut dyn MapReader<'de>,
    shape: S,
) -> Result<S::Out, Stop> {
    let mut slot = Slot::new(shape);
    map.value(cx, &mut slot)?;
    Ok(slot.take())
}

/// Read the next element of an array as `shape`; `None` at the end of the array.
fn element<'de, S: Shape<'de>>(
    cx: &Cx,
    seq: &mut dyn SeqReader<'de>,
    shape: S,
) -> Result<Option<S::Out>, Stop> {
    let mut slot = Slot::new(shape);
    Ok(seq.next(cx, &mut slot)?.then(|| slot.take()))
}

/// Strings of an array, wrong-typed elements left out (they were reported).
fn strings(got: Got<Vec<Got<Cow<'_, str>>>>) -> Vec<Cow<'_, str>> {
    got.or_default()
        .into_iter()
        .filter_map(Got::optional)
        .collect()
}

/// A required array: `null` is `wrong_type` (format.md: null for a required key), reported at
/// the key (the reader is still inside it when this runs).
fn required<T>(cx: &Cx, got: Got<Vec<T>>) -> Got<Vec<T>> {
    if matches!(got, Got::Null) {
        cx.wrong_type("an array", "null");
        return Got::Bad;
    }
    got
}

/// Items of an array; wrong-typed items become defaults so indices keep matching the input
/// (the validator skips items that already have a problem).
fn items<T: Default>(got: Got<Vec<Got<T>>>) -> Vec<T> {
    got.or_default().into_iter().map(Got::or_default).collect()
}
