//! Postings: the hot path of a national document (millions of short strings), read straight
//! into their vectors, or resolved to procedure ids as they are read.

use std::borrow::Cow;

use super::scalars::{DateShape, StrShape};
use super::{element, object, value, Cx, Got, Leaf, MapReader, Seg, SeqReader, Shape, Sink, Stop};
use crate::catalog::{CodeTable, Postings};
use crate::document::DocPosting;
use crate::error::Code;
use crate::model::Date;

/// The postings of one channel, read straight into their vector (the hot path of a national
/// document: millions of short strings). Wrong-typed postings are reported and left out.
#[derive(Clone, Copy)]
pub(super) struct PostingListShape;
impl<'de> Shape<'de> for PostingListShape {
    type Out = Option<Vec<DocPosting<'de>>>;
    fn expected(&self) -> &'static str {
        "an array of postings"
    }
    fn bad(&self) -> Self::Out {
        Some(Vec::new())
    }
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            // `"portal": null` is absent: no postings given on that channel.
            return None;
        }
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }
    fn seq(&self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<Self::Out, Stop> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        cx.enter(Seg::Index(0));
        let mut i = 0;
        let result = loop {
            cx.set_index(i);
            match element(cx, seq, PostingShape) {
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
pub(super) struct ResolvingListShape;
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
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
        if matches!(leaf, Leaf::Null) {
            // `"portal": null` is absent: no postings given on that channel.
            return Postings::default();
        }
        cx.wrong_type(self.expected(), leaf.kind());
        self.bad()
    }
    fn seq(&self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<Self::Out, Stop> {
        let table = cx.table.borrow();
        let Some(table) = table.as_ref() else {
            return Ok(self.bad());
        };
        let mut out = self.bad();
        cx.enter(Seg::Index(0));
        let mut i = 0;
        let result = loop {
            cx.set_index(i);
            let mut sink = ResolvingPosting {
                table,
                out: &mut out,
            };
            match seq.next_posting(cx, &mut sink) {
                Ok(true) => {}
                Ok(false) => {
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

/// One posting, resolved and pushed as it is read. A plain code takes the shortest path:
/// [`SeqReader::next_posting`] reads it with a visitor of its own, without a `dyn` call.
pub(crate) struct ResolvingPosting<'c> {
    table: &'c CodeTable,
    out: &'c mut Postings,
}

impl ResolvingPosting<'_> {
    /// A posting written as its code: within the limit of every other string, looked up.
    pub(super) fn code(&mut self, cx: &Cx, v: &str) {
        if !cx.over_limit(v.len()) {
            self.push(v, None, None);
        }
    }

    fn push(&mut self, procedure: &str, on: Option<Date>, checked: Option<Date>) {
        match self.table.get(procedure) {
            Some(id) => self.out.push_known(id, on, checked),
            None => self.out.push_unknown(procedure.to_owned(), on, checked),
        }
    }
}

/// Anything but a code (codes come through [`ResolvingPosting::code`]).
impl<'de> Sink<'de> for ResolvingPosting<'_> {
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str {
        PostingShape.expected()
    }
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        // Not reached for strings (`next_posting` reads them); kept right for any caller.
        match leaf {
            Leaf::Str(code) => self.push(&code, None, None),
            other => {
                PostingShape.scalar(cx, other);
            }
        }
    }
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        PostingShape.seq(cx, seq).map(drop)
    }
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        if let Got::Value(p) = PostingShape.map(cx, map)? {
            self.push(&p.procedure, p.on, p.checked);
        }
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
    fn scalar(&self, cx: &Cx, leaf: Leaf<'de>) -> Self::Out {
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
    fn map(&self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<Self::Out, Stop> {
        let mut procedure = None;
        let mut on = None;
        let mut checked = None;
        object(
            cx,
            map,
            &["procedure", "on", "checked"],
            &["procedure"],
            Code::UnknownKey,
            &mut |i, map| {
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
