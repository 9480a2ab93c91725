//! Postings: the hot path of a national document (millions of short strings), read straight
//! into their vectors, or resolved to procedure ids as they are read (a child of `fields`:
//! the fields of a unit's `published`, read with [`Field`]s themselves).

use std::borrow::Cow;

use super::{each, read_record, Field, Form, Record};
use crate::catalog::{CodeTable, Postings};
use crate::document::{DocPosting, DocPublished};
use crate::error::Code;
use crate::io::json_shapes::{object, skip_seq, Cx, Leaf, MapReader, Seg, SeqReader, Sink, Stop};
use crate::model::Date;

/// For messages: what a posting is.
const POSTING: &str = "a procedure code or an object { procedure, on, checked }";

/// A unit's `published`: each channel's postings, resolved to ids when the procedures are
/// known (in resolving mode, after `procedures`), else kept in `p`.
pub(super) fn published<'de>(
    cx: &Cx,
    map: &mut dyn MapReader<'de>,
    p: &mut DocPublished<'de>,
) -> Result<(), Stop> {
    let names = &["one_stop_shop", "portal", "national"];
    object(cx, map, names, &[], Code::UnknownChannel, &mut |i, map| {
        let unit = cx.unit_index().filter(|_| cx.table.borrow().is_some());
        if let Some(unit) = unit {
            let mut postings = Postings::default();
            map.value(cx, &mut Field::Resolved(&mut postings))?;
            let mut resolved = cx.resolved.borrow_mut();
            if resolved.len() <= unit {
                resolved.resize_with(unit + 1, Default::default);
            }
            resolved[unit][i] = Some(postings);
            return Ok(());
        }
        let channel = match i {
            0 => &mut p.one_stop_shop,
            1 => &mut p.portal,
            _ => &mut p.national,
        };
        map.value(cx, &mut Field::Postings(channel))
    })
}

/// The postings of one channel, read straight into their vector. Wrong-typed postings are
/// reported and left out.
pub(super) fn doc_postings<'de>(
    cx: &Cx,
    seq: &mut dyn SeqReader<'de>,
) -> Result<Vec<DocPosting<'de>>, Stop> {
    let mut out = DocPostings(Vec::with_capacity(seq.size_hint().unwrap_or(0)));
    each(cx, &mut |cx| seq.next(cx, &mut out))?;
    Ok(out.0)
}

/// The postings of one channel resolved to procedure ids as they are read (into `out`,
/// marked given).
pub(super) fn resolved_postings(
    cx: &Cx,
    seq: &mut dyn SeqReader<'_>,
    out: &mut Postings,
) -> Result<(), Stop> {
    *out = Postings::default();
    out.mark_given();
    let table = cx.table.borrow();
    let Some(table) = table.as_ref() else {
        return Ok(());
    };
    let mut sink = ResolvingPosting { table, out };
    // The loop of `each`, written out: this one runs once per posting.
    cx.enter(Seg::Index(0));
    let mut i = 0;
    let read = loop {
        cx.set_index(i);
        match seq.next_posting(cx, &mut sink) {
            Ok(true) => i += 1,
            Ok(false) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    cx.leave();
    out.shrink_to_fit();
    read
}

/// The postings of a list kept as they are written.
struct DocPostings<'de>(Vec<DocPosting<'de>>);

impl<'de> Sink<'de> for DocPostings<'de> {
    #[cfg(not(feature = "small-json"))]
    fn expected(&self) -> &'static str {
        POSTING
    }
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        match leaf {
            Leaf::Str(procedure) => self.0.push(DocPosting {
                procedure,
                on: None,
                checked: None,
            }),
            other => cx.wrong_type(POSTING, other.kind()),
        }
    }
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        skip_seq(cx, seq, POSTING)
    }
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        if let Some(p) = posting_object(cx, map)? {
            self.0.push(p);
        }
        Ok(())
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
    pub(in crate::io::json_shapes) fn code(&mut self, cx: &Cx, v: &str) {
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
        POSTING
    }
    fn scalar(&mut self, cx: &Cx, leaf: Leaf<'de>) {
        // Not reached for strings (`next_posting` reads them); kept right for any caller.
        match leaf {
            Leaf::Str(code) => self.push(&code, None, None),
            other => cx.wrong_type(POSTING, other.kind()),
        }
    }
    fn seq(&mut self, cx: &Cx, seq: &mut dyn SeqReader<'de>) -> Result<(), Stop> {
        skip_seq(cx, seq, POSTING)
    }
    fn map(&mut self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<(), Stop> {
        if let Some(p) = posting_object(cx, map)? {
            self.push(&p.procedure, p.on, p.checked);
        }
        Ok(())
    }
}

/// A posting written as an object, while it is read.
#[derive(Default)]
struct PostingObject<'de> {
    procedure: Option<Cow<'de, str>>,
    on: Option<Date>,
    checked: Option<Date>,
}

impl<'de> Record<'de> for PostingObject<'de> {
    fn fresh() -> Self {
        PostingObject::default()
    }
    fn form(&self) -> &'static Form {
        &Form {
            keys: &["procedure", "on", "checked"],
            required: &["procedure"],
            expected: POSTING,
        }
    }
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Opt(&mut self.procedure, false),
            1 => Field::Date(&mut self.on, true),
            _ => Field::Date(&mut self.checked, true),
        }
    }
}

/// `{ "procedure": code, "on": date, "checked": date }`: the posting, or `None` without a
/// procedure (reported).
fn posting_object<'de>(
    cx: &Cx,
    map: &mut dyn MapReader<'de>,
) -> Result<Option<DocPosting<'de>>, Stop> {
    let mut p = PostingObject::default();
    read_record(cx, map, &mut p)?;
    let PostingObject {
        procedure,
        on,
        checked,
    } = p;
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
    Ok(procedure.map(|procedure| DocPosting {
        procedure,
        on,
        checked,
    }))
}
