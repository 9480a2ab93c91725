//! The shapes of format v1 as lenient `serde` seeds: each records what is wrong (with its JSON
//! pointer) and goes on, so one pass reports every structural problem of a document.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::catalog::{CodeTable, Postings, ProcId, Resolved};
use crate::document::{
    DocApplies, DocDecision, DocField, DocItem, DocPosting, DocProcedure, DocPublished, DocReport,
    DocScope, DocUnit, Document,
};
use crate::error::{Code, Problem};
use crate::model::{Channel, Date};

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
pub(crate) trait Shape<'de>: Sized {
    type Out;
    /// For messages: "a string", "an object".
    fn expected(&self) -> &'static str;
    /// The value to return for a wrong-typed input.
    fn bad(&self) -> Self::Out;

    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }

    fn seq<A: SeqAccess<'de>>(self, cx: &Cx, mut seq: A) -> Result<Self::Out, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        cx.wrong_type(self.expected(), "an array");
        Ok(self.bad())
    }

    fn map<A: MapAccess<'de>>(self, cx: &Cx, mut map: A) -> Result<Self::Out, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        cx.wrong_type(self.expected(), "an object");
        Ok(self.bad())
    }
}

/// A seed that reads any JSON value and hands it to a [`Shape`].
pub(crate) struct Node<'c, S> {
    cx: &'c Cx,
    shape: S,
}

impl<'c, S> Node<'c, S> {
    pub(crate) fn new(cx: &'c Cx, shape: S) -> Self {
        Node { cx, shape }
    }
}

impl<'de, S: Shape<'de>> DeserializeSeed<'de> for Node<'_, S> {
    type Value = S::Out;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Out, D::Error> {
        d.deserialize_any(NodeVisitor(self, PhantomData))
    }
}

struct NodeVisitor<'c, 'de, S>(Node<'c, S>, PhantomData<&'de ()>);

impl<'de, S: Shape<'de>> Visitor<'de> for NodeVisitor<'_, 'de, S> {
    type Value = S::Out;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.shape.expected())
    }
    fn visit_unit<E>(self) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Null))
    }
    fn visit_none<E>(self) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Null))
    }
    fn visit_bool<E>(self, v: bool) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Int(i128::from(v))))
    }
    fn visit_u64<E>(self, v: u64) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Int(i128::from(v))))
    }
    fn visit_f64<E>(self, _: f64) -> Result<S::Out, E> {
        Ok(self.0.shape.scalar(self.0.cx, Leaf::Float))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<S::Out, E> {
        let leaf = self.0.cx.string(Cow::Borrowed(v));
        Ok(self.0.shape.scalar(self.0.cx, leaf))
    }
    fn visit_str<E>(self, v: &str) -> Result<S::Out, E> {
        let leaf = self.0.cx.string(Cow::Owned(v.to_owned()));
        Ok(self.0.shape.scalar(self.0.cx, leaf))
    }
    fn visit_string<E>(self, v: String) -> Result<S::Out, E> {
        let leaf = self.0.cx.string(Cow::Owned(v));
        Ok(self.0.shape.scalar(self.0.cx, leaf))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S::Out, A::Error> {
        self.0.shape.seq(self.0.cx, seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S::Out, A::Error> {
        self.0.shape.map(self.0.cx, map)
    }
}

/// The message of a string over `ReadOptions::max_string_bytes`.
fn too_long(len: usize, max: usize) -> String {
    format!(
        "the string has {len} bytes, more than the limit of {max} (ReadOptions::max_string_bytes)"
    )
}

/// A key of an object, borrowed when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
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
        d.deserialize_str(V)
    }
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

/// Record null where a value is required.
fn null_not_allowed<T>(cx: &Cx, nullable: bool, expected: &str) -> Got<T> {
    if !nullable {
        cx.wrong_type(expected, "null");
    }
    Got::Null
}

/// A string; `.0` says whether null is allowed.
#[derive(Clone, Copy)]
struct StrShape(bool);
impl<'de> Shape<'de> for StrShape {
    type Out = Got<Cow<'de, str>>;
    fn expected(&self) -> &'static str {
        "a string"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Str(s) => Got::Value(s),
            Leaf::Null => null_not_allowed(cx, self.0, self.expected()),
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
}

/// A non-negative whole number (null allowed).
#[derive(Clone, Copy)]
struct CountShape;
impl<'de> Shape<'de> for CountShape {
    type Out = Got<u64>;
    fn expected(&self) -> &'static str {
        "a non-negative whole number"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Int(v) if v >= 0 => u64::try_from(v).map_or(Got::Bad, Got::Value),
            Leaf::Null => Got::Null,
            Leaf::Int(_) => {
                cx.wrong_type(self.expected(), "a negative number");
                Got::Bad
            }
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
}

/// `true` or `false` (null allowed, meaning absent).
#[derive(Clone, Copy)]
struct BoolShape;
impl<'de> Shape<'de> for BoolShape {
    type Out = Got<bool>;
    fn expected(&self) -> &'static str {
        "true or false"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Bool(b) => Got::Value(b),
            Leaf::Null => Got::Null,
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
}

/// A `YYYY-MM-DD` date; `.0` says whether null is allowed.
#[derive(Clone, Copy)]
struct DateShape(bool);
impl<'de> Shape<'de> for DateShape {
    type Out = Got<Date>;
    fn expected(&self) -> &'static str {
        "a date YYYY-MM-DD"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Str(s) => {
                if let Some(d) = Date::parse(&s) {
                    Got::Value(d)
                } else {
                    cx.report(
                        Code::BadDate,
                        format!("`{s}` is not a real day written YYYY-MM-DD"),
                    );
                    Got::Bad
                }
            }
            Leaf::Null => null_not_allowed(cx, self.0, self.expected()),
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
}

/// An array of values of one shape (null allowed, meaning absent).
#[derive(Clone, Copy)]
struct ArrayShape<E>(E);
impl<'de, E: Shape<'de> + Clone> Shape<'de> for ArrayShape<E> {
    type Out = Got<Vec<E::Out>>;
    fn expected(&self) -> &'static str {
        "an array"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Null => Got::Null,
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &Cx, mut seq: A) -> Result<Self::Out, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            cx.enter(Seg::Index(out.len()));
            let next = seq.next_element_seed(Node::new(cx, self.0.clone()));
            cx.leave();
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Got::Value(out)),
            }
        }
    }
}

/// Walk an object's entries: known keys go to `on_key` with their index in `keys`, unknown
/// keys are reported (as `unknown`) and skipped; missing required keys are reported at the end.
fn object<'de, A: MapAccess<'de>>(
    cx: &Cx,
    map: &mut A,
    keys: &'static [&'static str],
    required: &'static [&'static str],
    unknown: Code,
    mut on_key: impl FnMut(usize, &mut A) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    let mut seen = 0u64;
    while let Some(key) = map.next_key_seed(KeySeed)? {
        if let Some(i) = keys.iter().position(|k| *k == key) {
            cx.enter(Seg::Key(Cow::Borrowed(keys[i])));
            if seen & (1 << i) != 0 {
                cx.report(
                    Code::DuplicateCode,
                    format!("key `{key}` is given twice in one object"),
                );
            }
            seen |= 1 << i;
            on_key(i, map)?;
        } else if cx.max_string.is_some_and(|max| key.len() > max) {
            // Reported at the object: the key itself would not fit in the message.
            cx.report(
                Code::TooLarge,
                format!("a key: {}", too_long(key.len(), cx.max_string.unwrap_or(0))),
            );
            map.next_value::<IgnoredAny>()?;
            continue;
        } else {
            cx.enter(Seg::Key(Cow::Owned(key.clone().into_owned())));
            let allowed = keys.join("`, `");
            cx.report(
                unknown,
                format!("unknown key `{key}` (allowed: `{allowed}`)"),
            );
            map.next_value::<IgnoredAny>()?;
        }
        cx.leave();
    }
    for k in required {
        if let Some(i) = keys.iter().position(|x| x == k) {
            if seen & (1 << i) == 0 {
                cx.report(Code::MissingKey, format!("missing key `{k}`"));
            }
        }
    }
    Ok(())
}

/// Read a value of `shape` as the value of the current map entry.
fn value<'de, A: MapAccess<'de>, S: Shape<'de>>(
    cx: &Cx,
    map: &mut A,
    shape: S,
) -> Result<S::Out, A::Error> {
    map.next_value_seed(Node::new(cx, shape))
}

/// Strings of an array, wrong-typed elements left out (they were reported).
fn strings(got: Got<Vec<Got<Cow<'_, str>>>>) -> Vec<Cow<'_, str>> {
    got.or_default()
        .into_iter()
        .filter_map(Got::optional)
        .collect()
}

macro_rules! object_shape {
    ($name:ident, $out:ty, $what:literal) => {
        #[derive(Clone, Copy)]
        pub(crate) struct $name;
        impl<'de> Shape<'de> for $name {
            type Out = Got<$out>;
            fn expected(&self) -> &'static str {
                $what
            }
            fn bad(&self) -> Self::Out {
                Got::Bad
            }
            fn map<A: MapAccess<'de>>(self, cx: &Cx, mut map: A) -> Result<Self::Out, A::Error> {
                Self::read(cx, &mut map).map(Got::Value)
            }
        }
    };
}

object_shape!(DocShape, Document<'de>, "an object (a tthc document)");
object_shape!(FieldShape, DocField<'de>, "an object (a field)");
object_shape!(ProcShape, DocProcedure<'de>, "an object (a procedure)");
object_shape!(UnitShape, DocUnit<'de>, "an object (a unit)");
object_shape!(
    AppliesShape,
    DocApplies<'de>,
    "an object with `add` and `remove`"
);
object_shape!(
    PublishedShape,
    DocPublished<'de>,
    "an object from channel to postings"
);
object_shape!(ReportShape, DocReport<'de>, "an object (a report)");
object_shape!(DecisionShape, DocDecision<'de>, "an object (a decision)");
object_shape!(
    ScopeShape,
    DocScope<'de>,
    "an object with `level` and `within`"
);
object_shape!(
    ItemShape,
    DocItem<'de>,
    "an object (a decision's item: procedure, action, by)"
);

impl DocShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<Document<'de>, A::Error> {
        const KEYS: &[&str] = &[
            "tthc",
            "title",
            "as_of",
            "source",
            "fields",
            "procedures",
            "units",
            "reports",
            "decisions",
        ];
        let mut d = Document::default();
        object(
            cx,
            map,
            KEYS,
            &["tthc", "fields", "procedures", "units"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => d.tthc = value(cx, map, VersionShape)?,
                    1 => d.title = value(cx, map, StrShape(true))?.optional(),
                    2 => d.as_of = value(cx, map, DateShape(true))?.optional(),
                    3 => d.source = value(cx, map, StrShape(true))?.optional(),
                    4 => d.fields = items(required(cx, value(cx, map, ArrayShape(FieldShape))?)),
                    5 => {
                        d.procedures = items(required(cx, value(cx, map, ArrayShape(ProcShape))?));
                        if cx.resolving {
                            let codes = d.procedures.iter().enumerate();
                            let table = CodeTable::new(
                                codes.map(|(i, p)| (p.code.as_ref(), ProcId(i as u32))),
                            );
                            *cx.table.borrow_mut() = Some(table);
                        }
                    }
                    6 => d.units = items(required(cx, value(cx, map, ArrayShape(UnitShape))?)),
                    7 => d.reports = items(value(cx, map, ArrayShape(ReportShape))?),
                    _ => d.decisions = items(value(cx, map, ArrayShape(DecisionShape))?),
                }
                Ok(())
            },
        )?;
        Ok(d)
    }
}

/// An optional object: `null` is absent (format.md: null for an optional key means absent).
#[derive(Clone, Copy)]
struct Nullable<S>(S);
impl<'de, T, S: Shape<'de, Out = Got<T>>> Shape<'de> for Nullable<S> {
    type Out = Got<T>;
    fn expected(&self) -> &'static str {
        self.0.expected()
    }
    fn bad(&self) -> Self::Out {
        self.0.bad()
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            Got::Null
        } else {
            self.0.scalar(cx, leaf)
        }
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &Cx, seq: A) -> Result<Self::Out, A::Error> {
        self.0.seq(cx, seq)
    }
    fn map<A: MapAccess<'de>>(self, cx: &Cx, map: A) -> Result<Self::Out, A::Error> {
        self.0.map(cx, map)
    }
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

/// The `tthc` version: exactly 1.
#[derive(Clone, Copy)]
struct VersionShape;
impl<'de> Shape<'de> for VersionShape {
    type Out = u32;
    fn expected(&self) -> &'static str {
        "the whole number 1"
    }
    fn bad(&self) -> u32 {
        0
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> u32 {
        match leaf {
            Leaf::Int(1) => 1,
            Leaf::Int(v) => {
                cx.report(
                    Code::UnsupportedVersion,
                    format!("format version {v} is not supported; this library reads version 1"),
                );
                0
            }
            other => {
                cx.wrong_type(self.expected(), other.kind());
                0
            }
        }
    }
}

impl FieldShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocField<'de>, A::Error> {
        let mut f = DocField::default();
        object(
            cx,
            map,
            &["code", "name", "name_en"],
            &["code", "name"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => f.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => f.name = value(cx, map, StrShape(false))?.or_default(),
                    _ => f.name_en = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(f)
    }
}

impl ProcShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocProcedure<'de>, A::Error> {
        const KEYS: &[&str] = &[
            "code",
            "name",
            "field",
            "levels",
            "decision",
            "effective",
            "amended",
            "abolished",
            "online",
            "agencies",
        ];
        let mut p = DocProcedure::default();
        object(
            cx,
            map,
            KEYS,
            &["code", "name", "field", "levels"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => p.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => p.name = value(cx, map, StrShape(false))?.or_default(),
                    2 => p.field = value(cx, map, StrShape(false))?.or_default(),
                    3 => p.levels = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                    4 => p.decision = value(cx, map, StrShape(true))?.optional(),
                    5 => p.effective = value(cx, map, DateShape(true))?.optional(),
                    6 => p.amended = value(cx, map, DateShape(true))?.optional(),
                    7 => p.abolished = value(cx, map, DateShape(true))?.optional(),
                    8 => p.online = value(cx, map, StrShape(true))?.optional(),
                    _ => p.agencies = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                }
                Ok(())
            },
        )?;
        Ok(p)
    }
}

impl UnitShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocUnit<'de>, A::Error> {
        const KEYS: &[&str] = &[
            "code",
            "name",
            "level",
            "parent",
            "valid_from",
            "valid_to",
            "successors",
            "applies",
            "published",
        ];
        let mut u = DocUnit::default();
        object(
            cx,
            map,
            KEYS,
            &["code", "name", "level"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => u.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => u.name = value(cx, map, StrShape(false))?.or_default(),
                    2 => u.level = value(cx, map, StrShape(false))?.or_default(),
                    3 => u.parent = value(cx, map, StrShape(true))?.optional(),
                    4 => u.valid_from = value(cx, map, DateShape(true))?.optional(),
                    5 => u.valid_to = value(cx, map, DateShape(true))?.optional(),
                    6 => u.successors = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                    7 => u.applies = value(cx, map, Nullable(AppliesShape))?.optional(),
                    _ => u.published = value(cx, map, Nullable(PublishedShape))?.or_default(),
                }
                Ok(())
            },
        )?;
        Ok(u)
    }
}

impl AppliesShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocApplies<'de>, A::Error> {
        let mut a = DocApplies::default();
        object(
            cx,
            map,
            &["add", "remove"],
            &[],
            Code::UnknownKey,
            |i, map| {
                let list = strings(value(cx, map, ArrayShape(StrShape(false)))?);
                if i == 0 {
                    a.add = list;
                } else {
                    a.remove = list;
                }
                Ok(())
            },
        )?;
        Ok(a)
    }
}

impl PublishedShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocPublished<'de>, A::Error> {
        let mut p = DocPublished::default();
        let names = &["one_stop_shop", "portal", "national"];
        object(cx, map, names, &[], Code::UnknownChannel, |i, map| {
            let unit = cx.unit_index().filter(|_| cx.table.borrow().is_some());
            if let Some(unit) = unit {
                let postings = value(cx, map, ResolvingListShape)?;
                let mut resolved = cx.resolved.borrow_mut();
                if resolved.len() <= unit {
                    resolved.resize_with(unit + 1, Default::default);
                }
                resolved[unit][i] = Some(postings);
            } else if let Some(list) = value(cx, map, PostingListShape)? {
                *p.channel_mut(Channel::ALL[i]) = list;
            }
            Ok(())
        })?;
        Ok(p)
    }
}

/// The postings of one channel, read straight into their vector (the hot path of a national
/// document: millions of short strings). Wrong-typed postings are reported and left out.
#[derive(Clone, Copy)]
struct PostingListShape;
impl<'de> Shape<'de> for PostingListShape {
    type Out = Option<Vec<DocPosting<'de>>>;
    fn expected(&self) -> &'static str {
        "an array of postings"
    }
    fn bad(&self) -> Self::Out {
        Some(Vec::new())
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            // `"portal": null` is absent: no postings given on that channel.
            return None;
        }
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &Cx, mut seq: A) -> Result<Self::Out, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        cx.enter(Seg::Index(0));
        let mut i = 0;
        let result = loop {
            cx.set_index(i);
            match seq.next_element_seed(Node::new(cx, PostingShape)) {
                Ok(Some(Got::Value(p))) => out.push(p),
                Ok(Some(_)) => {}
                Ok(None) => break Ok(Some(out)),
                Err(e) => break Err(e),
            }
            i += 1;
        };
        cx.leave();
        result
    }
}

/// The postings of one channel resolved to procedure ids as they are read.
#[derive(Clone, Copy)]
struct ResolvingListShape;
impl<'de> Shape<'de> for ResolvingListShape {
    type Out = Postings;
    fn expected(&self) -> &'static str {
        "an array of postings"
    }
    fn bad(&self) -> Self::Out {
        let mut p = Postings::default();
        p.mark_given();
        p
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            // `"portal": null` is absent: no postings given on that channel.
            return Postings::default();
        }
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }
    fn seq<A: SeqAccess<'de>>(self, cx: &Cx, mut seq: A) -> Result<Self::Out, A::Error> {
        let table = cx.table.borrow();
        let Some(table) = table.as_ref() else {
            return Ok(self.bad());
        };
        let mut out = self.bad();
        cx.enter(Seg::Index(0));
        let mut i = 0;
        let result = loop {
            cx.set_index(i);
            let seed = ResolvingPosting {
                cx,
                table,
                out: &mut out,
            };
            match seq.next_element_seed(seed) {
                Ok(Some(())) => {}
                Ok(None) => {
                    out.shrink_to_fit();
                    break Ok(out);
                }
                Err(e) => break Err(e),
            }
            i += 1;
        };
        cx.leave();
        result
    }
}

/// One posting, resolved and pushed as it is read (a plain code takes the shortest path).
struct ResolvingPosting<'c> {
    cx: &'c Cx,
    table: &'c CodeTable,
    out: &'c mut Postings,
}

impl ResolvingPosting<'_> {
    /// A posting written as its code: within the limit of every other string, looked up.
    fn code(self, v: &str) {
        if !self.cx.over_limit(v.len()) {
            self.push(v, None, None);
        }
    }

    fn push(self, procedure: &str, on: Option<Date>, checked: Option<Date>) {
        match self.table.get(procedure) {
            Some(id) => self.out.push_known(id, on, checked),
            None => self.out.push_unknown(procedure.to_owned(), on, checked),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ResolvingPosting<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ResolvingPosting<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PostingShape.expected())
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<(), E> {
        self.code(v);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.code(v);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        if let Got::Value(p) = PostingShape.map(self.cx, map)? {
            self.push(&p.procedure, p.on, p.checked);
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        PostingShape.seq(self.cx, seq).map(drop)
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        PostingShape.scalar(self.cx, Leaf::Null);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        PostingShape.scalar(self.cx, Leaf::Bool(v));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        PostingShape.scalar(self.cx, Leaf::Int(i128::from(v)));
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        PostingShape.scalar(self.cx, Leaf::Int(i128::from(v)));
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        PostingShape.scalar(self.cx, Leaf::Float);
        Ok(())
    }
}

/// A posting: a code, or `{ "procedure": code, "on": date, "checked": date }`.
#[derive(Clone, Copy)]
struct PostingShape;
impl<'de> Shape<'de> for PostingShape {
    type Out = Got<DocPosting<'de>>;
    fn expected(&self) -> &'static str {
        "a procedure code or an object { procedure, on, checked }"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Str(procedure) => Got::Value(DocPosting {
                procedure,
                on: None,
                checked: None,
            }),
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
    fn map<A: MapAccess<'de>>(self, cx: &Cx, mut map: A) -> Result<Self::Out, A::Error> {
        let mut procedure = None;
        let mut on = None;
        let mut checked = None;
        object(
            cx,
            &mut map,
            &["procedure", "on", "checked"],
            &["procedure"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => procedure = value(cx, map, StrShape(false))?.optional(),
                    1 => on = value(cx, map, DateShape(true))?.optional(),
                    _ => checked = value(cx, map, DateShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        if let (Some(on), Some(c)) = (on, checked) {
            if c < on {
                cx.enter(Seg::Key(Cow::Borrowed("checked")));
                cx.report(
                    Code::BadDate,
                    format!("checked {c} is before the posting day {on}"),
                );
                cx.leave();
            }
        }
        Ok(procedure.map_or(Got::Bad, |procedure| {
            Got::Value(DocPosting {
                procedure,
                on,
                checked,
            })
        }))
    }
}

impl ReportShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocReport<'de>, A::Error> {
        const KEYS: &[&str] = &[
            "unit",
            "scope",
            "channel",
            "fields",
            "procedures",
            "published",
            "fields_published",
            "approximate",
            "note",
        ];
        let mut r = DocReport {
            channel: Cow::Borrowed(Channel::OneStopShop.as_str()),
            ..DocReport::default()
        };
        object(
            cx,
            map,
            KEYS,
            &["unit", "scope"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => r.unit = value(cx, map, StrShape(false))?.or_default(),
                    1 => r.scope = value(cx, map, StrShape(false))?.or_default(),
                    2 => {
                        if let Some(c) = value(cx, map, StrShape(true))?.optional() {
                            r.channel = c;
                        }
                    }
                    3 => r.fields = value(cx, map, CountShape)?.optional(),
                    4 => r.procedures = value(cx, map, CountShape)?.optional(),
                    5 => r.published = value(cx, map, CountShape)?.optional(),
                    6 => r.fields_published = value(cx, map, CountShape)?.optional(),
                    7 => r.approximate = value(cx, map, BoolShape)?.optional().unwrap_or(false),
                    _ => r.note = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(r)
    }
}

impl DecisionShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocDecision<'de>, A::Error> {
        const KEYS: &[&str] = &[
            "id",
            "title",
            "issuer",
            "issued",
            "effective",
            "scope",
            "complete",
            "items",
        ];
        let mut d = DocDecision::default();
        object(
            cx,
            map,
            KEYS,
            &["id", "effective", "scope", "items"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => d.id = value(cx, map, StrShape(false))?.or_default(),
                    1 => d.title = value(cx, map, StrShape(true))?.optional(),
                    2 => d.issuer = value(cx, map, StrShape(true))?.optional(),
                    3 => d.issued = value(cx, map, DateShape(true))?.optional(),
                    4 => d.effective = value(cx, map, DateShape(false))?.optional(),
                    5 => d.scope = value(cx, map, ScopeShape)?.or_default(),
                    6 => d.complete = value(cx, map, BoolShape)?.optional().unwrap_or(false),
                    _ => d.items = items(required(cx, value(cx, map, ArrayShape(ItemShape))?)),
                }
                Ok(())
            },
        )?;
        Ok(d)
    }
}

impl ScopeShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocScope<'de>, A::Error> {
        let mut s = DocScope::default();
        object(
            cx,
            map,
            &["level", "within"],
            &["level"],
            Code::UnknownKey,
            |i, map| {
                if i == 0 {
                    s.level = value(cx, map, StrShape(false))?.or_default();
                } else {
                    s.within = value(cx, map, StrShape(true))?.optional();
                }
                Ok(())
            },
        )?;
        Ok(s)
    }
}

impl ItemShape {
    fn read<'de, A: MapAccess<'de>>(cx: &Cx, map: &mut A) -> Result<DocItem<'de>, A::Error> {
        let mut it = DocItem::default();
        object(
            cx,
            map,
            &["procedure", "action", "by"],
            &["procedure", "action"],
            Code::UnknownKey,
            |i, map| {
                match i {
                    0 => it.procedure = value(cx, map, StrShape(false))?.or_default(),
                    1 => it.action = value(cx, map, StrShape(false))?.or_default(),
                    _ => it.by = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(it)
    }
}
