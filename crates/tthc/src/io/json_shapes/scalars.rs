//! Scalar shapes (strings, counts, booleans, dates, the version) and the containers that wrap
//! another shape (arrays, nullable objects).

use std::borrow::Cow;

use super::{element, Cx, Got, Leaf, MapReader, Seg, SeqReader, Shape, Stop};
use crate::error::Code;
use crate::model::Date;

/// Record null where a value is required.
pub(super) fn null_not_allowed<T>(cx: &Cx, nullable: bool, expected: &str) -> Got<T> {
    if !nullable {
        cx.wrong_type(expected, "null");
    }
    Got::Null
}

/// A string; `.0` says whether null is allowed.
#[derive(Clone, Copy)]
pub(super) struct StrShape(pub(super) bool);
impl<'de> Shape<'de> for StrShape {
    type Out = Got<Cow<'de, str>>;
    fn expected(&self) -> &'static str {
        "a string"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
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
pub(super) struct CountShape;
impl<'de> Shape<'de> for CountShape {
    type Out = Got<u64>;
    fn expected(&self) -> &'static str {
        "a non-negative whole number"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
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
pub(super) struct BoolShape;
impl<'de> Shape<'de> for BoolShape {
    type Out = Got<bool>;
    fn expected(&self) -> &'static str {
        "true or false"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
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
pub(super) struct DateShape(pub(super) bool);
impl<'de> Shape<'de> for DateShape {
    type Out = Got<Date>;
    fn expected(&self) -> &'static str {
        "a date YYYY-MM-DD"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
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
pub(super) struct ArrayShape<E>(pub(super) E);
impl<'de, E: Shape<'de> + Clone> Shape<'de> for ArrayShape<E> {
    type Out = Got<Vec<E::Out>>;
    fn expected(&self) -> &'static str {
        "an array"
    }
    fn bad(&self) -> Self::Out {
        Got::Bad
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        match leaf {
            Leaf::Null => Got::Null,
            other => {
                cx.wrong_type(self.expected(), other.kind());
                Got::Bad
            }
        }
    }
    fn seq(&self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<Self::Out, Stop> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            cx.enter(Seg::Index(out.len()));
            let next = element(cx, seq, self.0.clone());
            cx.leave();
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Got::Value(out)),
            }
        }
    }
}

/// An optional object: `null` is absent (format.md: null for an optional key means absent).
#[derive(Clone, Copy)]
pub(super) struct Nullable<S>(pub(super) S);
impl<'de, T, S: Shape<'de, Out = Got<T>>> Shape<'de> for Nullable<S> {
    type Out = Got<T>;
    fn expected(&self) -> &'static str {
        self.0.expected()
    }
    fn bad(&self) -> Self::Out {
        self.0.bad()
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            Got::Null
        } else {
            self.0.scalar(cx, leaf)
        }
    }
    fn seq(&self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<Self::Out, Stop> {
        self.0.seq(cx, seq)
    }
    fn map(&self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<Self::Out, Stop> {
        self.0.map(cx, map)
    }
}

/// The `tthc` version: exactly 1.
#[derive(Clone, Copy)]
pub(super) struct VersionShape;
impl<'de> Shape<'de> for VersionShape {
    type Out = u32;
    fn expected(&self) -> &'static str {
        "the whole number 1"
    }
    fn bad(&self) -> u32 {
        0
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> u32 {
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
