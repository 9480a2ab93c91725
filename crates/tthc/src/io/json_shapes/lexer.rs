//! A byte-level pull lexer over a UTF-8 `&str`: whitespace, literals, numbers, strings (escapes
//! and surrogate pairs), and skipping a whole value without reading it.
//!
//! Its syntax errors are `serde_json`'s, word for word and at the same line and column (the
//! contract of docs/format.md §4 "syntax", checked by tests/json_syntax.rs on every truncation
//! and a thousand corruptions of a document): the rules below follow `serde_json` 1.0's reader,
//! including where it differs between reading a value and skipping one (a skipped value has no
//! nesting limit and does not check surrogate pairs; its number errors are placed differently).
//! An error is kept in the lexer and the caller gets [`Stop`]; [`Lexer::error`] gives it back.

use std::borrow::Cow;

use super::{Leaf, Stop};

/// `10 × n + d`, `None` past `u64`.
fn push_digit(n: u64, d: u8) -> Option<u64> {
    n.checked_mul(10)?.checked_add(d.into())
}

/// `serde_json`'s messages, in its words.
pub(super) mod msg {
    pub(crate) const EOF_LIST: &str = "EOF while parsing a list";
    pub(crate) const EOF_OBJECT: &str = "EOF while parsing an object";
    pub(crate) const EOF_STRING: &str = "EOF while parsing a string";
    pub(crate) const EOF_VALUE: &str = "EOF while parsing a value";
    pub(crate) const COLON: &str = "expected `:`";
    pub(crate) const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
    pub(crate) const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
    pub(crate) const IDENT: &str = "expected ident";
    pub(crate) const VALUE: &str = "expected value";
    pub(crate) const ESCAPE: &str = "invalid escape";
    pub(crate) const NUMBER: &str = "invalid number";
    pub(crate) const OUT_OF_RANGE: &str = "number out of range";
    pub(crate) const CONTROL: &str =
        "control character (\\u0000-\\u001F) found while parsing a string";
    pub(crate) const KEY: &str = "key must be a string";
    pub(crate) const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub(crate) const END_OF_HEX: &str = "unexpected end of hex escape";
    pub(crate) const TRAILING_COMMA: &str = "trailing comma";
    pub(crate) const TRAILING: &str = "trailing characters";
    pub(crate) const DEPTH: &str = "recursion limit exceeded";
}

/// A syntax error: `serde_json`'s message and its line and column (1-based line; the column
/// counts bytes from the start of the line, as `serde_json` does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) message: Cow<'static, str>,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// How many arrays and objects may be open while reading (`serde_json`'s recursion limit).
const MAX_DEPTH: u8 = 128;

/// The lexer: the text, the offset of the next byte, the nesting budget and the first error.
pub(crate) struct Lexer<'de> {
    text: &'de str,
    pos: usize,
    depth_left: u8,
    error: Option<SyntaxError>,
    /// The open arrays and objects of a value being skipped (`[` or `{`).
    skipping: Vec<u8>,
}

impl<'de> Lexer<'de> {
    /// A lexer at the start of `text`.
    pub(crate) fn new(text: &'de str) -> Self {
        Lexer {
            text,
            pos: 0,
            depth_left: MAX_DEPTH,
            error: None,
            skipping: Vec::new(),
        }
    }

    /// A lexer at byte `pos` of `text` with `depth_left` levels of nesting left: where a
    /// previous lexer stopped between two values ([`Lexer::state`]).
    pub(crate) fn resume(text: &'de str, (pos, depth_left): (usize, u8)) -> Self {
        Lexer {
            pos,
            depth_left,
            ..Lexer::new(text)
        }
    }

    /// Where the lexer is and how many levels of nesting are left (to resume it later).
    pub(crate) fn state(&self) -> (usize, u8) {
        (self.pos, self.depth_left)
    }

    /// Go back to byte `pos` (a place this lexer has been at, between two tokens).
    pub(super) fn rewind(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// The error that stopped reading, if any.
    pub(crate) fn error(self) -> Option<SyntaxError> {
        self.error
    }

    // ---- errors and positions ----------------------------------------------------------------

    /// Keep an error placed at byte offset `at` (serde_json's line and column of that offset).
    #[cold]
    fn fail_at(&mut self, at: usize, message: &'static str) -> Stop {
        let before = &self.text.as_bytes()[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        if self.error.is_none() {
            self.error = Some(SyntaxError {
                message: Cow::Borrowed(message),
                line,
                column: at - line_start,
            });
        }
        Stop
    }

    /// An error after the bytes read so far (serde_json's `error`).
    #[cold]
    fn fail(&mut self, message: &'static str) -> Stop {
        self.fail_at(self.pos, message)
    }

    /// An error at the byte just peeked (serde_json's `peek_error`).
    #[cold]
    pub(super) fn fail_peek(&mut self, message: &'static str) -> Stop {
        self.fail_at((self.pos + 1).min(self.text.len()), message)
    }

    // ---- bytes -------------------------------------------------------------------------------

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The next byte, or 0 at the end (serde_json's `peek_or_null`).
    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    pub(super) fn eat(&mut self) {
        self.pos += 1;
    }

    /// Skip whitespace; the next byte (not consumed), `None` at the end.
    pub(super) fn peek_token(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    fn digit(&self) -> Option<u8> {
        self.peek().filter(u8::is_ascii_digit).map(|b| b - b'0')
    }

    // ---- structure ---------------------------------------------------------------------------

    /// Open an array or object being read (the bracket is next): one level of the budget.
    pub(super) fn open(&mut self) -> Result<(), Stop> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            return Err(self.fail_peek(msg::DEPTH));
        }
        self.eat();
        Ok(())
    }

    /// Close an array (`]`) or object (`}`) whose elements were all read.
    pub(super) fn close(&mut self, list: bool) -> Result<(), Stop> {
        self.depth_left += 1;
        match self.peek_token() {
            Some(b']') if list => self.eat(),
            Some(b'}') if !list => self.eat(),
            Some(b',') if list => {
                self.eat();
                let message = match self.peek_token() {
                    Some(b']') => msg::TRAILING_COMMA,
                    _ => msg::TRAILING,
                };
                return Err(self.fail_peek(message));
            }
            Some(b',') => return Err(self.fail_peek(msg::TRAILING_COMMA)),
            Some(_) => return Err(self.fail_peek(msg::TRAILING)),
            None if list => return Err(self.fail_peek(msg::EOF_LIST)),
            None => return Err(self.fail_peek(msg::EOF_OBJECT)),
        }
        Ok(())
    }

    /// Only whitespace may follow the document.
    pub(crate) fn end(&mut self) -> Result<(), Stop> {
        match self.peek_token() {
            Some(_) => Err(self.fail_peek(msg::TRAILING)),
            None => Ok(()),
        }
    }

    /// Whether an array has another element (the lexer is then at it); `first` is cleared.
    pub(super) fn has_element(&mut self, first: &mut bool) -> Result<bool, Stop> {
        let Some(b) = self.peek_token() else {
            return Err(self.fail_peek(msg::EOF_LIST));
        };
        if b == b']' {
            Ok(false)
        } else if std::mem::take(first) {
            Ok(true)
        } else if b == b',' {
            self.eat();
            match self.peek_token() {
                Some(b']') => Err(self.fail_peek(msg::TRAILING_COMMA)),
                Some(_) => Ok(true),
                None => Err(self.fail_peek(msg::EOF_VALUE)),
            }
        } else {
            Err(self.fail_peek(msg::LIST_COMMA_OR_END))
        }
    }

    /// The next key of an object, `None` at its end; `first` is cleared.
    pub(super) fn key(&mut self, first: &mut bool) -> Result<Option<Cow<'de, str>>, Stop> {
        let Some(b) = self.peek_token() else {
            return Err(self.fail_peek(msg::EOF_OBJECT));
        };
        let at_key = if b == b'}' {
            return Ok(None);
        } else if std::mem::take(first) {
            b == b'"'
        } else if b == b',' {
            self.eat();
            match self.peek_token() {
                Some(b'"') => true,
                Some(b'}') => return Err(self.fail_peek(msg::TRAILING_COMMA)),
                Some(_) => false,
                None => return Err(self.fail_peek(msg::EOF_VALUE)),
            }
        } else {
            return Err(self.fail_peek(msg::OBJECT_COMMA_OR_END));
        };
        if !at_key {
            return Err(self.fail_peek(msg::KEY));
        }
        self.eat();
        self.string().map(Some)
    }

    /// The `:` between a key and its value.
    pub(super) fn colon(&mut self) -> Result<(), Stop> {
        match self.peek_token() {
            Some(b':') => {
                self.eat();
                Ok(())
            }
            Some(_) => Err(self.fail_peek(msg::COLON)),
            None => Err(self.fail_peek(msg::EOF_OBJECT)),
        }
    }

    // ---- scalars -----------------------------------------------------------------------------

    /// The rest of `null`, `true` or `false` (its first byte was read).
    pub(super) fn ident(&mut self, rest: &[u8]) -> Result<(), Stop> {
        for &want in rest {
            match self.next() {
                None => return Err(self.fail(msg::EOF_VALUE)),
                Some(b) if b != want => return Err(self.fail(msg::IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A number (its `-`, if any, was read): a whole number that fits `u64` or `i64` is
    /// [`Leaf::Int`], anything else [`Leaf::Float`] (like serde_json: `-0` too, and whole
    /// numbers too large for 64 bits). Numbers beyond `f64` are "number out of range".
    pub(super) fn number(&mut self, positive: bool) -> Result<Leaf<'de>, Stop> {
        let significand = match self.next() {
            None => return Err(self.fail(msg::EOF_VALUE)),
            Some(b'0') => {
                if self.digit().is_some() {
                    return Err(self.fail_peek(msg::NUMBER));
                }
                0
            }
            Some(c @ b'1'..=b'9') => {
                let mut significand = u64::from(c - b'0');
                while let Some(d) = self.digit() {
                    let Some(s) = push_digit(significand, d) else {
                        self.long_integer(significand)?;
                        return Ok(Leaf::Float);
                    };
                    significand = s;
                    self.eat();
                }
                significand
            }
            Some(_) => return Err(self.fail(msg::NUMBER)),
        };
        match self.peek_or_null() {
            b'.' => self.fraction(significand, 0).map(|()| Leaf::Float),
            b'e' | b'E' => self.exponent(significand, 0).map(|()| Leaf::Float),
            _ if positive => Ok(Leaf::Int {
                negative: false,
                abs: significand,
            }),
            // As serde_json: `-0` and what does not fit i64 are floats.
            _ if significand == 0 || significand > 1 << 63 => Ok(Leaf::Float),
            _ => Ok(Leaf::Int {
                negative: true,
                abs: significand,
            }),
        }
    }

    /// Digits past the 64 bits of the significand: each one a power of ten.
    fn long_integer(&mut self, significand: u64) -> Result<(), Stop> {
        let mut exponent = 0i32;
        while self.digit().is_some() {
            self.eat();
            exponent = exponent.saturating_add(1);
        }
        match self.peek_or_null() {
            b'.' => self.fraction(significand, exponent),
            b'e' | b'E' => self.exponent(significand, exponent),
            _ => self.in_range(significand, exponent),
        }
    }

    /// `.` and the digits after it.
    fn fraction(&mut self, mut significand: u64, before: i32) -> Result<(), Stop> {
        self.eat();
        let mut after = 0i32;
        let mut overflowed = false;
        while let Some(d) = self.digit() {
            self.eat();
            if overflowed {
                continue;
            }
            if let Some(s) = push_digit(significand, d) {
                significand = s;
                after -= 1;
            } else {
                // The digits that no longer fit are ignored (serde_json).
                overflowed = true;
            }
        }
        if after == 0 && !overflowed {
            let message = if self.peek().is_some() {
                msg::NUMBER
            } else {
                msg::EOF_VALUE
            };
            return Err(self.fail_peek(message));
        }
        let exponent = before.saturating_add(after);
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(significand, exponent),
            _ => self.in_range(significand, exponent),
        }
    }

    /// `e`, its sign and its digits.
    fn exponent(&mut self, significand: u64, start: i32) -> Result<(), Stop> {
        self.eat();
        let positive = match self.peek_or_null() {
            b'+' => {
                self.eat();
                true
            }
            b'-' => {
                self.eat();
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.fail(msg::EOF_VALUE)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.fail(msg::NUMBER)),
        };
        while let Some(d) = self.digit() {
            self.eat();
            let Some(e) = exp.checked_mul(10).and_then(|e| e.checked_add(d.into())) else {
                if significand != 0 && positive {
                    return Err(self.fail(msg::OUT_OF_RANGE));
                }
                // Zero, or so small that it is zero.
                self.skip_digits();
                return Ok(());
            };
            exp = e;
        }
        let exponent = if positive {
            start.saturating_add(exp)
        } else {
            start.saturating_sub(exp)
        };
        self.in_range(significand, exponent)
    }

    /// "number out of range" when `significand × 10^exponent` rounds to infinity as an `f64`
    /// (what serde_json decides with correct rounding, its `float_roundtrip` reader; its
    /// default reader rounds twice and may differ within an ulp of `f64::MAX`).
    fn in_range(&mut self, significand: u64, exponent: i32) -> Result<(), Stop> {
        // The first 20 digits of 2^1024 - 2^970, the least value that rounds to infinity (a
        // 309-digit number; not a multiple of 10, so a value is at least it when its leading
        // digits are greater than its own).
        const INFINITY_DIGITS: u64 = 17_976_931_348_623_158_079;
        if significand == 0 {
            return Ok(());
        }
        let digits = significand.ilog10() + 1;
        let magnitude = i64::from(digits) + i64::from(exponent);
        let infinite = magnitude > 309
            || (magnitude == 309 && significand > INFINITY_DIGITS / 10u64.pow(20 - digits));
        if infinite {
            return Err(self.fail(msg::OUT_OF_RANGE));
        }
        Ok(())
    }

    /// A string (its opening `"` was read), borrowed from the text when it has no escapes.
    pub(super) fn string(&mut self) -> Result<Cow<'de, str>, Stop> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut start = self.pos;
        let mut owned: Option<String> = None;
        loop {
            let i = self.pos
                + bytes[self.pos..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .unwrap_or(bytes.len() - self.pos);
            self.pos = i;
            match bytes.get(i) {
                None => return Err(self.fail(msg::EOF_STRING)),
                Some(b'"') => {
                    self.pos += 1;
                    // `start..i` begins and ends at ASCII bytes: whole characters.
                    let tail = &text[start..i];
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&text[start..i]);
                    self.pos += 1;
                    let c = self.escape()?;
                    s.push(c);
                    start = self.pos;
                }
                Some(_) => {
                    self.pos += 1;
                    return Err(self.fail(msg::CONTROL));
                }
            }
        }
    }

    /// An escape (its `\` was read) as the character it stands for; `\u` pairs of surrogates
    /// are one character, a lone surrogate is an error.
    fn escape(&mut self) -> Result<char, Stop> {
        let c = match self.next() {
            None => return Err(self.fail(msg::EOF_STRING)),
            Some(b'u') => return self.unicode_escape(),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(_) => return Err(self.fail(msg::ESCAPE)),
        };
        Ok(c)
    }

    /// `\uXXXX` (the `\u` was read), with the second half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, Stop> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.fail(msg::LONE_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            // Not a surrogate: a character.
            return Ok(char::from_u32(n.into()).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for want in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.fail(msg::EOF_STRING)),
                Some(b) => {
                    self.eat();
                    if b != want {
                        return Err(self.fail(msg::END_OF_HEX));
                    }
                }
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.fail(msg::LONE_SURROGATE));
        }
        let c = 0x1_0000 + ((u32::from(n) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
        Ok(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u16, Stop> {
        let Some(digits) = self.text.as_bytes().get(self.pos..self.pos + 4) else {
            self.pos = self.text.len();
            return Err(self.fail(msg::EOF_STRING));
        };
        self.pos += 4;
        let mut n = 0u16;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else {
                return Err(self.fail(msg::ESCAPE));
            };
            n = n << 4 | v as u16;
        }
        Ok(n)
    }

    // ---- skipping ----------------------------------------------------------------------------

    /// Skip one value without reading it (serde_json's `ignore_value`: no nesting limit, kept
    /// on a stack of its own, not the call stack).
    pub(super) fn skip(&mut self) -> Result<(), Stop> {
        self.skipping.clear();
        let mut enclosing: Option<u8> = None;
        loop {
            let Some(b) = self.peek_token() else {
                return Err(self.fail_peek(msg::EOF_VALUE));
            };
            let opened = match b {
                b'n' | b't' | b'f' => {
                    self.eat();
                    let rest: &[u8] = match b {
                        b'n' => b"ull",
                        b't' => b"rue",
                        _ => b"alse",
                    };
                    self.ident(rest)?;
                    None
                }
                b'-' => {
                    self.eat();
                    self.skip_number()?;
                    None
                }
                b'0'..=b'9' => {
                    self.skip_number()?;
                    None
                }
                b'"' => {
                    self.eat();
                    self.skip_string()?;
                    None
                }
                b'[' | b'{' => {
                    self.skipping.extend(enclosing.take());
                    self.eat();
                    Some(b)
                }
                _ => return Err(self.fail_peek(msg::VALUE)),
            };
            let (mut after_value, mut frame) = match opened {
                Some(frame) => (false, frame),
                None => match enclosing.take().or_else(|| self.skipping.pop()) {
                    Some(frame) => (true, frame),
                    None => return Ok(()),
                },
            };
            // Close what ends here; stop at a comma or at the next element.
            loop {
                match self.peek_token() {
                    Some(b',') if after_value => {
                        self.eat();
                        break;
                    }
                    Some(b']') if frame == b'[' => {}
                    Some(b'}') if frame == b'{' => {}
                    Some(_) if after_value => {
                        let message = if frame == b'[' {
                            msg::LIST_COMMA_OR_END
                        } else {
                            msg::OBJECT_COMMA_OR_END
                        };
                        return Err(self.fail_peek(message));
                    }
                    Some(_) => break,
                    None => {
                        let message = if frame == b'[' {
                            msg::EOF_LIST
                        } else {
                            msg::EOF_OBJECT
                        };
                        return Err(self.fail_peek(message));
                    }
                }
                self.eat();
                match self.skipping.pop() {
                    Some(f) => frame = f,
                    None => return Ok(()),
                }
                after_value = true;
            }
            if frame == b'{' {
                match self.peek_token() {
                    Some(b'"') => self.eat(),
                    Some(_) => return Err(self.fail_peek(msg::KEY)),
                    None => return Err(self.fail_peek(msg::EOF_OBJECT)),
                }
                self.skip_string()?;
                self.colon()?;
            }
            enclosing = Some(frame);
        }
    }

    /// Skip a number (its `-`, if any, was read): serde_json's `ignore_integer` and its errors.
    fn skip_number(&mut self) -> Result<(), Stop> {
        match self.next() {
            Some(b'0') => {
                if self.digit().is_some() {
                    return Err(self.fail_peek(msg::NUMBER));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.fail(msg::NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.eat();
            if self.digit().is_none() {
                return Err(self.fail_peek(msg::NUMBER));
            }
            self.skip_digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.eat();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.eat();
            }
            match self.next() {
                Some(b'0'..=b'9') => self.skip_digits(),
                _ => return Err(self.fail(msg::NUMBER)),
            }
        }
        Ok(())
    }

    fn skip_digits(&mut self) {
        while self.digit().is_some() {
            self.eat();
        }
    }

    /// Skip a string (its `"` was read): escapes are checked, surrogate pairs are not.
    fn skip_string(&mut self) -> Result<(), Stop> {
        loop {
            match self.next() {
                None => return Err(self.fail(msg::EOF_STRING)),
                Some(b'"') => return Ok(()),
                Some(b'\\') => match self.next() {
                    None => return Err(self.fail(msg::EOF_STRING)),
                    Some(b'u') => {
                        self.hex4()?;
                    }
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                    Some(_) => return Err(self.fail(msg::ESCAPE)),
                },
                Some(b) if b < 0x20 => {
                    // Placed at the character itself when skipping (serde_json).
                    self.pos -= 1;
                    return Err(self.fail(msg::CONTROL));
                }
                Some(_) => {}
            }
        }
    }
}
