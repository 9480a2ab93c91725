//! The shapes' readers ([`SeqReader`], [`MapReader`]) on the crate's own [`Lexer`]: the JSON
//! reader without `serde_json` (what the widget's WebAssembly module uses, feature
//! `small-json`). Values go to a [`Sink`] as they are met, exactly as through `erased.rs`, so
//! every shape, path and coded problem is the same on both readers.

use std::borrow::Cow;

use super::fields::ResolvingPosting;
use super::lexer::{msg, Lexer, SyntaxError};
use super::{Cx, Leaf, MapReader, SeqReader, Sink, Stop};

/// Read the whole of `text` as one value into `sink`; only whitespace may follow it.
pub(crate) fn read<'de>(
    text: &'de str,
    cx: &Cx,
    sink: &mut dyn Sink<'de>,
) -> Result<(), SyntaxError> {
    let mut lx = Lexer::new(text);
    let read = value(&mut lx, cx, sink).and_then(|()| lx.end());
    match read {
        Ok(()) => Ok(()),
        Err(Stop) => Err(lx.error().unwrap_or(SyntaxError {
            message: Cow::Borrowed("the JSON reader stopped without an error"),
            line: 1,
            column: 0,
        })),
    }
}

/// Read the next value into `sink` (serde_json's `deserialize_any`).
pub(super) fn value<'de>(
    lx: &mut Lexer<'de>,
    cx: &Cx,
    sink: &mut dyn Sink<'de>,
) -> Result<(), Stop> {
    let Some(b) = lx.peek_token() else {
        return Err(lx.fail_peek(msg::EOF_VALUE));
    };
    let leaf = match b {
        b'n' | b't' | b'f' => {
            lx.eat();
            let (rest, leaf): (&[u8], _) = match b {
                b'n' => (b"ull", Leaf::Null),
                b't' => (b"rue", Leaf::Bool(true)),
                _ => (b"alse", Leaf::Bool(false)),
            };
            lx.ident(rest)?;
            leaf
        }
        b'-' => {
            lx.eat();
            lx.number(false)?
        }
        b'0'..=b'9' => lx.number(true)?,
        b'"' => {
            lx.eat();
            let s = lx.string()?;
            cx.string(s)
        }
        b'[' => {
            lx.open()?;
            let mut seq = Seq { lx, first: true };
            sink.seq(cx, &mut seq)?;
            return seq.lx.close(true);
        }
        b'{' => {
            lx.open()?;
            let mut map = Map { lx, first: true };
            sink.map(cx, &mut map)?;
            return map.lx.close(false);
        }
        _ => return Err(lx.fail_peek(msg::VALUE)),
    };
    sink.scalar(cx, leaf);
    Ok(())
}

/// The elements of an array being read.
struct Seq<'a, 'de> {
    lx: &'a mut Lexer<'de>,
    first: bool,
}

impl<'de> SeqReader<'de> for Seq<'_, 'de> {
    fn size_hint(&self) -> Option<usize> {
        None
    }
    fn next(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<bool, Stop> {
        if !self.lx.has_element(&mut self.first)? {
            return Ok(false);
        }
        value(self.lx, cx, sink).map(|()| true)
    }
    fn skip(&mut self) -> Result<bool, Stop> {
        if !self.lx.has_element(&mut self.first)? {
            return Ok(false);
        }
        self.lx.skip().map(|()| true)
    }
    fn next_posting(&mut self, cx: &Cx, posting: &mut ResolvingPosting<'_>) -> Result<bool, Stop> {
        if !self.lx.has_element(&mut self.first)? {
            return Ok(false);
        }
        if self.lx.peek_token() == Some(b'"') {
            self.lx.eat();
            let code = self.lx.string()?;
            posting.code(cx, &code);
            return Ok(true);
        }
        value(self.lx, cx, posting).map(|()| true)
    }
}

/// The entries of an object being read.
pub(super) struct Map<'a, 'de> {
    pub(super) lx: &'a mut Lexer<'de>,
    /// Whether no key has been read yet.
    pub(super) first: bool,
}

impl<'de> MapReader<'de> for Map<'_, 'de> {
    fn next_key(&mut self) -> Result<Option<Cow<'de, str>>, Stop> {
        self.lx.key(&mut self.first)
    }
    fn value(&mut self, cx: &Cx, sink: &mut dyn Sink<'de>) -> Result<(), Stop> {
        self.lx.colon()?;
        value(self.lx, cx, sink)
    }
    fn skip_value(&mut self) -> Result<(), Stop> {
        self.lx.colon()?;
        self.lx.skip()
    }
    fn skip_entry(&mut self) -> Result<bool, Stop> {
        if self.lx.key(&mut self.first)?.is_none() {
            return Ok(false);
        }
        self.skip_value().map(|()| true)
    }
}
