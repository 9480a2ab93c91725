//! Where a value goes: a [`Field`] is a place in a record (a string, a date, an array of
//! records...) and how to read it, and it is the one [`Sink`] every value of a document is
//! read into. A record ([`Record`]) lists its keys and gives the field of each; arrays of
//! records are read through [`Records`]. So one body reads every object and every array, and
//! a record costs only its table of keys and its `field` match.

use std::borrow::Cow;

mod postings;

use super::{object, skip_map, skip_seq, Cx, Leaf, MapReader, SeqReader, Sink, Stop};
use crate::catalog::Postings;
use crate::document::{DocApplies, DocPosting, DocPublished};
use crate::error::Code;
use crate::model::Date;
pub(crate) use postings::ResolvingPosting;
use postings::{doc_postings, published, resolved_postings};

/// A record's keys: what an object of it may hold.
pub(crate) struct Form {
    /// Its keys, in the order of [`Record::field`]'s indices.
    pub(super) keys: &'static [&'static str],
    /// The keys it must have (in the order of `keys`).
    pub(super) required: &'static [&'static str],
    /// For messages: "an object (a unit)".
    pub(super) expected: &'static str,
}

/// An object of the document read into a value of its own (`DocUnit`...).
pub(crate) trait Record<'de> {
    /// A record before anything is read into it.
    fn fresh() -> Self
    where
        Self: Sized;
    /// Its keys.
    fn form(&self) -> &'static Form;
    /// The field of its key `form().keys[i]`.
    fn field(&mut self, i: usize) -> Field<'_, 'de>;
}

/// An array of records being read (a `Vec` of one record type).
pub(crate) trait Records<'de> {
    /// Forget what an earlier value of the same key gave.
    fn clear(&mut self);
    /// Read the next element (a wrong-typed one is a fresh record, so indices keep matching
    /// the input); `false` at the end of the array.
    fn read_next(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<bool, Stop>;
}

impl<'de, T: Record<'de>> Records<'de> for Vec<T> {
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn read_next(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<bool, Stop> {
        let mut rec = T::fresh();
        let more = seq.next(cx, &mut Field::Record(&mut rec))?;
        if more {
            self.push(rec);
        }
        Ok(more)
    }
}

/// Read an object's entries into `rec`: known keys into their fields, unknown keys reported.
pub(crate) fn read_record<'de>(
    cx: &Cx,
    map: &mut dyn MapReader<'de>,
    rec: &mut dyn Record<'de>,
) -> Result<(), Stop> {
    let form = rec.form();
    object(
        cx,
        map,
        form.keys,
        form.required,
        Code::UnknownKey,
        &mut |i, map| map.value(cx, &mut rec.field(i)),
    )
}

/// A place a value is read into, and how. Every kind replaces what an earlier value of the
/// same key gave (a key given twice: the second value counts).
pub(crate) enum Field<'a, 'de> {
    /// A required string: `""` when null or wrong-typed.
    Str(&'a mut Cow<'de, str>),
    /// A string; `.1`: null allowed (absent). `None` when null or wrong-typed.
    Opt(&'a mut Option<Cow<'de, str>>, bool),
    /// A report's channel: a string replaces the default, null or a wrong type keeps it.
    Channel(&'a mut Cow<'de, str>),
    /// A date `YYYY-MM-DD`; `.1`: null allowed (absent).
    Date(&'a mut Option<Date>, bool),
    /// A non-negative whole number (null allowed).
    Count(&'a mut Option<u64>),
    /// `true` or `false` (null allowed: `false`).
    Bool(&'a mut bool),
    /// The format version: exactly 1 (0 otherwise).
    Version(&'a mut u32),
    /// An array of strings (null allowed: empty); wrong-typed elements are reported and left
    /// out.
    Strings(&'a mut Vec<Cow<'de, str>>),
    /// An array of records; `.1`: required (null is a wrong type).
    Records(&'a mut dyn Records<'de>, bool),
    /// A record, fresh (a wrong type leaves it so).
    Record(&'a mut dyn Record<'de>),
    /// A unit's `applies` (null allowed: absent).
    Applies(&'a mut Option<DocApplies<'de>>),
    /// A unit's postings by channel (null allowed: none).
    Published(&'a mut DocPublished<'de>),
    /// The postings of one channel (null: left as they are, absent).
    Postings(&'a mut Option<Vec<DocPosting<'de>>>),
    /// The postings of one channel resolved to procedure ids as they are read.
    Resolved(&'a mut Postings),
}

impl Field<'_, '_> {
    /// For messages: "a string", "an object".
    fn expected(&self) -> &'static str {
        match self {
            Field::Str(_) | Field::Opt(..) | Field::Channel(_) => "a string",
            Field::Date(..) => "a date YYYY-MM-DD",
            Field::Count(_) => "a non-negative whole number",
            Field::Bool(_) => "true or false",
            Field::Version(_) => "the whole number 1",
            Field::Strings(_) | Field::Records(..) => "an array",
            Field::Record(r) => r.form().expected,
            Field::Applies(_) => "an object with `add` and `remove`",
            Field::Published(_) => "an object from channel to postings",
            Field::Postings(_) | Field::Resolved(_) => "an array of postings",
        }
    }

    /// Whether `null` is allowed (then it is absent: [`Field::clear`]).
    fn nullable(&self) -> bool {
        match self {
            Field::Str(_) | Field::Version(_) | Field::Record(_) => false,
            Field::Opt(_, nullable) | Field::Date(_, nullable) => *nullable,
            Field::Records(_, required) => !*required,
            _ => true,
        }
    }

    /// The value of an absent or wrong-typed input.
    fn clear(&mut self) {
        match self {
            Field::Str(s) => **s = Cow::Borrowed(""),
            Field::Opt(s, _) => **s = None,
            Field::Date(d, _) => **d = None,
            Field::Count(n) => **n = None,
            Field::Bool(b) => **b = false,
            Field::Version(v) => **v = 0,
            Field::Strings(v) => v.clear(),
            Field::Records(r, _) => r.clear(),
            Field::Applies(a) => **a = None,
            Field::Published(p) => **p = DocPublished::default(),
            Field::Postings(p) => **p = Some(Vec::new()),
            Field::Resolved(p) => {
                **p = Postings::default();
                p.mark_given();
            }
            // A record is fresh; a channel keeps its default.
            Field::Record(_) | Field::Channel(_) => {}
        }
    }

    /// Report a wrong type (`found`: "a string", "an array") and clear the field.
    fn wrong(&mut self, cx: &Cx, found: &str) {
        cx.wrong_type(self.expected(), found);
        self.clear();
    }
}

impl<'de> Sink<'de> for Field<'_, 'de> {
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str {
        Field::expected(self)
    }

    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        match (&mut *self, leaf) {
            (Field::Str(d) | Field::Channel(d), Leaf::Str(s)) => **d = s,
            (Field::Opt(d, _), Leaf::Str(s)) => **d = Some(s),
            (Field::Date(d, _), Leaf::Str(s)) => **d = date(cx, &s),
            (Field::Count(n), Leaf::Int { negative, abs }) => {
                **n = if negative {
                    cx.wrong_type("a non-negative whole number", "a negative number");
                    None
                } else {
                    Some(abs)
                }
            }
            (Field::Bool(d), Leaf::Bool(b)) => **d = b,
            (Field::Version(d), Leaf::Int { negative, abs }) => **d = version(cx, negative, abs),
            (Field::Postings(_), Leaf::Null) => {}
            (Field::Resolved(p), Leaf::Null) => **p = Postings::default(),
            (field, Leaf::Null) if field.nullable() => field.clear(),
            (field, leaf) => field.wrong(cx, leaf.kind()),
        }
    }

    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        match self {
            Field::Strings(v) => {
                v.clear();
                each(cx, &mut |cx| {
                    let mut s = None;
                    let more = seq.next(cx, &mut Field::Opt(&mut s, false))?;
                    if let Some(s) = s {
                        v.push(s);
                    }
                    Ok(more)
                })
            }
            Field::Records(r, _) => {
                r.clear();
                each(cx, &mut |cx| r.read_next(cx, seq))
            }
            Field::Postings(p) => {
                **p = Some(doc_postings(cx, seq)?);
                Ok(())
            }
            Field::Resolved(p) => resolved_postings(cx, seq, p),
            field => {
                skip_seq(cx, seq, field.expected())?;
                field.clear();
                Ok(())
            }
        }
    }

    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        match self {
            Field::Record(r) => read_record(cx, map, *r),
            Field::Applies(a) => read_record(cx, map, a.insert(DocApplies::default())),
            Field::Published(p) => {
                **p = DocPublished::default();
                published(cx, map, p)
            }
            field => {
                skip_map(cx, map, field.expected())?;
                field.clear();
                Ok(())
            }
        }
    }
}

/// Read the elements of an array with `next` (`false` at its end), each at its index.
pub(super) fn each(cx: &Cx, next: &mut dyn FnMut(&Cx) -> Result<bool, Stop>) -> Result<(), Stop> {
    cx.enter(super::Seg::Index(0));
    let mut i = 0;
    let read = loop {
        cx.set_index(i);
        match next(cx) {
            Ok(true) => i += 1,
            Ok(false) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    cx.leave();
    read
}

/// A date, or `None` with a `bad_date` problem.
fn date(cx: &Cx, s: &str) -> Option<Date> {
    let d = Date::parse(s);
    if d.is_none() {
        cx.report(
            Code::BadDate,
            format!("`{s}` is not a real day written YYYY-MM-DD"),
        );
    }
    d
}

/// The format version: 1, or 0 with an `unsupported_version` problem.
fn version(cx: &Cx, negative: bool, abs: u64) -> u32 {
    if !negative && abs == 1 {
        return 1;
    }
    let sign = if negative { "-" } else { "" };
    cx.report(
        Code::UnsupportedVersion,
        format!("format version {sign}{abs} is not supported; this library reads version 1"),
    );
    0
}
