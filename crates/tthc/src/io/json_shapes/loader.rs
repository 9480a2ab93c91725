//! The document read in slices: [`Loader::step`] reads a few values and returns, so a host
//! with one thread (a browser's main thread) can do other work between two steps.
//!
//! Only the top-level object and its two big arrays (`procedures`, `units`) are sliced: each
//! of their elements, and each other value of the document, is read whole by the same shapes
//! as [`super::read`], so the values, problems (same paths, same order) and syntax errors are
//! those of reading the document at once. What is kept between two steps: the lexer's offset
//! and nesting budget, where in the document the reader is ([`At`]), the keys seen, the
//! reading context ([`Cx`]: problems, path, resolved postings) and the document so far with
//! its text owned ([`super::owned`]).

use std::borrow::Cow;

use super::lexer::{Lexer, SyntaxError};
use super::objects::{
    doc_entry, procedures_read, ProcShape, UnitShape, DOC_KEYS, DOC_REQUIRED, PROCEDURES, UNITS,
};
use super::owned::Own;
use super::pull::{value, Map};
use super::{object_end, object_key, Cx, DocShape, Got, Seg, Slot, Stop};
use crate::document::Document;
use crate::error::Code;

/// Where the reader is in the document.
#[derive(Clone, Copy)]
enum At {
    /// Before the document.
    Start,
    /// Between two entries of the top-level object.
    Keys { first: bool },
    /// Between two elements of `procedures` or `units` (`key` is its index in `DOC_KEYS`).
    Array { key: usize, first: bool },
    /// After the document.
    End,
}

/// A document being read in slices; see the module doc.
pub(crate) struct Loader {
    /// The input (a JavaScript string or a file's text, valid UTF-8 by construction).
    text: String,
    /// Where the document starts in `text` (after a byte order mark).
    start: usize,
    /// Everything else: borrowed apart from `text` while a step reads it.
    state: State,
}

struct State {
    lexer: (usize, u8),
    at: At,
    cx: Cx,
    /// The keys of the top-level object seen so far (`object_key`'s bit set).
    seen: u64,
    doc: Document<'static>,
    /// What the document is once read: `Got::Value(())` when it is an object (then in `doc`).
    got: Option<Got<()>>,
}

impl Loader {
    /// A reader of `text[start..]` with the reading context `cx`.
    pub(crate) fn new(text: String, start: usize, cx: Cx) -> Self {
        let lexer = Lexer::new("").state();
        Loader {
            text,
            start,
            state: State {
                lexer,
                at: At::Start,
                cx,
                seen: 0,
                doc: Document::default(),
                got: None,
            },
        }
    }

    /// Read about `max_elements` more values (at least one); `true` once the document has
    /// been read to its end. A syntax error stops the reading for good.
    pub(crate) fn step(&mut self, max_elements: usize) -> Result<bool, SyntaxError> {
        let text = &self.text[self.start..];
        let mut lx = Lexer::resume(text, self.state.lexer);
        let read = self.state.run(&mut lx, max_elements.max(1));
        self.state.lexer = lx.state();
        read.map_err(|Stop| {
            lx.error().unwrap_or(SyntaxError {
                message: Cow::Borrowed("the JSON reader stopped without an error"),
                line: 1,
                column: 0,
            })
        })
    }

    /// The document read (its outcome as [`super::read`] gives it) and the reading context;
    /// call once [`Loader::step`] has returned `true`.
    pub(crate) fn into_parts(self) -> (Got<Document<'static>>, Cx) {
        let State { doc, got, cx, .. } = self.state;
        let got = match got {
            Some(Got::Value(())) => Got::Value(doc),
            Some(Got::Bad) | None => Got::Bad,
        };
        (got, cx)
    }
}

impl State {
    fn run(&mut self, lx: &mut Lexer<'_>, mut left: usize) -> Result<bool, Stop> {
        let cx = &self.cx;
        loop {
            match self.at {
                At::End => return Ok(true),
                At::Start => {
                    if lx.peek_token() != Some(b'{') {
                        // Not an object: an error, read at once as `read` does.
                        let mut slot = Slot::new(DocShape);
                        value(lx, cx, &mut slot)?;
                        lx.end()?;
                        self.got = Some(match slot.take() {
                            Got::Value(doc) => {
                                self.doc = doc.own();
                                Got::Value(())
                            }
                            Got::Bad => Got::Bad,
                        });
                        self.at = At::End;
                        continue;
                    }
                    lx.open()?;
                    self.at = At::Keys { first: true };
                }
                _ if left == 0 => return Ok(false),
                At::Keys { mut first } => {
                    let key = lx.key(&mut first)?;
                    self.at = At::Keys { first };
                    let Some(key) = key else {
                        lx.close(false)?;
                        lx.end()?;
                        object_end(cx, DOC_KEYS, DOC_REQUIRED, self.seen);
                        self.got = Some(Got::Value(()));
                        self.at = At::End;
                        continue;
                    };
                    left -= 1;
                    let mut map = Map { lx, first: false };
                    let known = object_key(
                        cx,
                        &mut map,
                        DOC_KEYS,
                        Code::UnknownKey,
                        &mut self.seen,
                        &key,
                    )?;
                    let Some(i) = known else { continue };
                    if (i == PROCEDURES || i == UNITS) && array_next(lx)? {
                        lx.open()?;
                        // A key given twice: the second value replaces the first, as in `read`.
                        if i == PROCEDURES {
                            self.doc.procedures.clear();
                        } else {
                            self.doc.units.clear();
                        }
                        self.at = At::Array {
                            key: i,
                            first: true,
                        };
                    } else {
                        let mut read = Document::default();
                        doc_entry(cx, &mut read, i, &mut Map { lx, first: false })?;
                        cx.leave();
                        keep(&mut self.doc, read, i);
                    }
                }
                At::Array { key, mut first } => {
                    let more = lx.has_element(&mut first);
                    self.at = At::Array { key, first };
                    if !more? {
                        lx.close(true)?;
                        if key == PROCEDURES {
                            procedures_read(cx, &self.doc.procedures);
                        }
                        cx.leave();
                        self.at = At::Keys { first: false };
                        continue;
                    }
                    left -= 1;
                    if key == PROCEDURES {
                        let read = element(cx, lx, ProcShape, self.doc.procedures.len())?;
                        self.doc.procedures.push(read.own());
                    } else {
                        let read = element(cx, lx, UnitShape, self.doc.units.len())?;
                        self.doc.units.push(read.own());
                    }
                }
            }
        }
    }
}

/// Whether the value after the `:` is an array (then the lexer is at its `[`); otherwise
/// the lexer is left before the `:` for the shapes to read the value.
fn array_next(lx: &mut Lexer<'_>) -> Result<bool, Stop> {
    let before = lx.state();
    lx.colon()?;
    if lx.peek_token() == Some(b'[') {
        return Ok(true);
    }
    let (pos, _) = before;
    lx.rewind(pos);
    Ok(false)
}

/// Read the element at `index` of an array as `shape` (a wrong-typed one is the default, as
/// [`super::items`] makes it).
fn element<'a, T: Default, S: super::Shape<'a, Out = Got<T>>>(
    cx: &Cx,
    lx: &mut Lexer<'a>,
    shape: S,
    index: usize,
) -> Result<T, Stop> {
    cx.enter(Seg::Index(index));
    let mut slot = Slot::new(shape);
    let read = value(lx, cx, &mut slot);
    cx.leave();
    read.map(|()| slot.take().or_default())
}

/// Keep the value of the document's key `DOC_KEYS[i]` from `read` in `doc`, owned.
fn keep(doc: &mut Document<'static>, read: Document<'_>, i: usize) {
    match i {
        0 => doc.tthc = read.tthc,
        1 => doc.title = read.title.own(),
        2 => doc.as_of = read.as_of,
        3 => doc.source = read.source.own(),
        4 => doc.fields = read.fields.own(),
        PROCEDURES => doc.procedures = read.procedures.own(),
        UNITS => doc.units = read.units.own(),
        7 => doc.reports = read.reports.own(),
        _ => doc.decisions = read.decisions.own(),
    }
}
