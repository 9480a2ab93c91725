//! Vietnamese collation: sort keys whose byte order is ICU's `vi` order.
//!
//! A key has four parts, each of the first three ended by the byte `0x01`, which is lower than
//! the first byte of every weight:
//!
//! 1. **primary** weights, one per collation element: spaces, punctuation and symbols of the
//!    measured table (`0x02..=0x9F`), other symbols (`0xA0` + three bytes of code point), digits
//!    of every script (`0xA1..=0xAA`), the Vietnamese alphabet (`0xB0..=0xD0`), other letters
//!    (`0xE0` + three bytes of the code point of the lower-case form), private-use and
//!    unassigned code points (`0xF0` + three bytes of code point), U+FFFD (`0xF8`); a
//!    compatibility character has the weights of its decomposition;
//! 2. **secondary** weights: the common weight for a letter, digit or symbol without accent,
//!    then one weight per accent (tones `0x4A..=0x4E` in the order huyền, hỏi, ngã, sắc, nặng;
//!    other accents from the measured table, `0x40` + their weight there; unknown marks `0xFE`
//!    + code point);
//! 3. **tertiary** weights: the common weight for lower case, uncased characters and accents;
//!    the DUCET's weights for upper case (8) and for the elements of compatibility characters,
//!    by kind (wide 3, compat 4, font 5, circle 6, their upper case 9..12, super 0x14…), all
//!    written `+ 0x41` (symbols: `0x40` + their variant rank, e.g. NBSP after space);
//! 4. the NFC text itself, so that the order is total.
//!
//! In the secondary and tertiary parts the common weight is never written as such: each run of
//! it becomes one byte (`0x02..=0x42`, see [`Level`]), as in ICU's sort keys. Most characters of
//! a Vietnamese name have common secondary and tertiary weights, so this halves the keys.
//!
//! Every weight is encoded so that its first byte tells its length, which makes the
//! concatenation order-preserving.
//!
//! Speed: a key is built in one pass over the text for ASCII and the precomposed Latin letters
//! (`fast_letters`, straight from their UTF-8 bytes), into scratch buffers kept per thread, and
//! then copied into one allocation of its exact length. Other characters take the general path
//! one by one; text that may not be NFC is normalized first, only around the characters that
//! can change.

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;

use super::compat::{self, DIGIT_ZEROS, KIND_RUNS};
use super::latin::{self, Latin};
use super::tables::{ASCII, SYMBOLS};
use super::unicode::{
    self, canonical_combining_class, decompose_canonical, decompose_compatible, is_combining_mark,
    is_nfc_quick, is_public_assigned,
};
use super::weights::{dig, Ce, Primary, COMMON, LOWER, UPPER};

/// Ends each level of a key; lower than any weight byte.
const LEVEL_SEPARATOR: u8 = 0x01;
/// Primary of the symbol of rank `r` (1-based) is `SYMBOL + r`.
const SYMBOL: u8 = 0x01;
/// Lead byte of a symbol that is not in the measured table (then three bytes of code point).
const UNKNOWN_SYMBOL: u8 = 0xA0;
/// Primary of the digit 0; the digit `d` is `DIGIT + d`.
const DIGIT: u8 = 0xA1;
/// Primary of the letter `a`; letter `i` of the alphabet is `LETTER + i`.
const LETTER: u8 = 0xB0;
/// Lead byte of a letter outside the Vietnamese alphabet (then three bytes of code point).
const OTHER_LETTER: u8 = 0xE0;
/// Lead byte of a private-use or unassigned code point (then three bytes of code point): after
/// every letter, as ICU's implicit weights are.
const IMPLICIT: u8 = 0xF0;
/// Primary of U+FFFD REPLACEMENT CHARACTER, which ICU sorts after everything else.
const REPLACEMENT: u8 = 0xF8;
/// Lead byte of a combining mark that is not in the measured table.
const UNKNOWN_MARK: u8 = 0xFE;
const _: () = assert!(OTHER_LETTER < IMPLICIT && IMPLICIT < REPLACEMENT);

/// Tertiary weights `(lower case or uncased, upper case)` of the elements of a compatibility
/// character, by the kind of its decomposition (`compat.rs`): the DUCET's (UTS #10, "Tertiary
/// Weight Table"), so that `a` < `ａ` < `𝐚` < `ⓐ` < `A` < `Ａ` and `1` < `１` < `①` < `¹` < `₁`.
const KIND_TERTIARY: [(u8, u8); 16] = {
    let mut t = [(0x04, 0x0A); 16];
    t[compat::WIDE as usize] = (0x03, 0x09);
    t[compat::FONT as usize] = (0x05, 0x0B);
    t[compat::CIRCLE as usize] = (0x06, 0x0C);
    t[compat::SMALL as usize] = (0x0D, 0x0D);
    t[compat::NARROW as usize] = (0x12, 0x12);
    t[compat::SUPER as usize] = (0x14, 0x1D);
    t[compat::SUB as usize] = (0x15, 0x1D);
    t[compat::VERTICAL as usize] = (0x16, 0x16);
    t[compat::INITIAL as usize] = (0x17, 0x17);
    t[compat::MEDIAL as usize] = (0x18, 0x18);
    t[compat::FINAL as usize] = (0x19, 0x19);
    t[compat::ISOLATED as usize] = (0x1A, 0x1A);
    t[compat::NOBREAK as usize] = (0x1B, 0x1B);
    t[compat::SQUARE as usize] = (0x1C, 0x1D);
    t[compat::FRACTION as usize] = (0x1E, 0x1E);
    t
};

/// The tertiary weights of the combining Latin small letters U+0363..U+036F, which ICU sorts as
/// their letters, between the lower-case and the upper-case letter (`a` < `ͣ` < `A`).
const COMBINING_LETTER_TERTIARY: (u8, u8) = KIND_TERTIARY[compat::COMPAT as usize];
/// The letters of U+0363..U+036F.
const COMBINING_LETTERS: &[u8; 13] = b"aeioucdhmrtvx";

/// Code of a run of common weights followed by the end of its level: `COMMON_LOW + r`.
const COMMON_LOW: u8 = 0x02;
/// Code of 33 common weights of a longer run.
const COMMON_MIDDLE: u8 = COMMON_LOW + 0x20;
/// Code of a run of common weights followed by a larger weight: `COMMON_HIGH - r`.
const COMMON_HIGH: u8 = COMMON_LOW + 0x40;
/// Common weights per [`COMMON_MIDDLE`] byte.
const COMMON_SPAN: usize = 0x21;
/// Added to a secondary or tertiary weight other than the common one, to place it above the
/// codes of the runs of common weights.
const WEIGHT_SHIFT: u8 = COMMON_HIGH - COMMON + 1;
const _: () = assert!(LEVEL_SEPARATOR < COMMON_LOW && COMMON_HIGH < COMMON + 1 + WEIGHT_SHIFT);

/// Up to four bytes, packed: the number of bytes in the low byte, then the bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Bytes(u64);

impl Bytes {
    const fn new(len: u8, bytes: [u8; 4]) -> Bytes {
        Bytes(len as u64 | (u32::from_le_bytes(bytes) as u64) << 8)
    }

    #[inline]
    fn len(self) -> usize {
        usize::from(self.0 as u8)
    }

    /// The bytes, and zeros after them.
    #[inline]
    fn bytes(self) -> [u8; 4] {
        ((self.0 >> 8) as u32).to_le_bytes()
    }
}

/// A secondary or tertiary level being written, with its runs of common weights compressed.
///
/// A run of `n` common weights (`n ≥ 1`) becomes `(n - 1) / 33` bytes [`COMMON_MIDDLE`] and one
/// byte: `COMMON_LOW + r` when the level ends after the run, `COMMON_HIGH - r` when another
/// weight follows (always a larger one: the common weight is the smallest), `r = (n - 1) % 33`.
/// As in ICU's sort keys, the compressed bytes compare as the weights do: at the end of the
/// level a longer run sorts after a shorter one (the shorter level ends first), before a larger
/// weight a longer run sorts first (its common weight meets the other's larger weight); a run
/// ending the level sorts before one followed by a weight; any run sorts above the level
/// separator and below any other weight, which are written `+ WEIGHT_SHIFT`.
///
/// Common weights are only counted; a run is written when the weight after it is.
#[derive(Debug, Default)]
struct Level {
    /// `out[..len]` is written; the rest is room.
    out: Vec<u8>,
    len: usize,
    /// Common weights so far.
    commons: usize,
    /// Common weights before the last weight written: the ones after it are the pending run.
    written: usize,
}

impl Level {
    const fn new() -> Level {
        Level {
            out: Vec::new(),
            len: 0,
            commons: 0,
            written: 0,
        }
    }

    /// Make room for `n` more bytes, and the 4 that [`write_weights`] may write past the end.
    #[inline]
    fn reserve(&mut self, n: usize) {
        if self.len + n + 4 > self.out.len() {
            let size = (self.len + n + 4).max(2 * self.out.len());
            self.out.resize(size, 0);
        }
    }

    #[inline]
    fn push_common(&mut self) {
        self.commons += 1;
    }

    /// A one-byte weight (common or not).
    #[inline]
    fn push(&mut self, weight: u8) {
        if weight == COMMON {
            self.commons += 1;
        } else {
            self.push_weights(Bytes::new(1, [weight + WEIGHT_SHIFT, 0, 0, 0]));
        }
    }

    /// A mark outside the measured table: above every other weight, by code point.
    fn push_unknown_mark(&mut self, m: char) {
        let [a, b, c] = code_point_bytes(m);
        self.push_weights(Bytes::new(4, [UNKNOWN_MARK, a, b, c]));
    }

    /// Weights other than the common one, after the pending run.
    fn push_weights(&mut self, weights: Bytes) {
        self.reserve((self.commons - self.written) / COMMON_SPAN + 1 + weights.len());
        self.len = write_weights(
            &mut self.out,
            self.len,
            self.commons - self.written,
            weights,
        );
        self.written = self.commons;
    }

    /// The length of the level, written by [`Level::write`].
    fn written_len(&self) -> usize {
        let pending = self.commons - self.written;
        self.len + pending.div_ceil(COMMON_SPAN)
    }

    /// Append the level to `key`, with its pending run.
    fn write(&self, key: &mut Vec<u8>) {
        key.extend_from_slice(&self.out[..self.len]);
        let pending = self.commons - self.written;
        if pending != 0 {
            let middles = (pending - 1) / COMMON_SPAN;
            key.extend(std::iter::repeat_n(COMMON_MIDDLE, middles));
            key.push(COMMON_LOW + (pending - 1 - middles * COMMON_SPAN) as u8);
        }
    }

    fn clear(&mut self) {
        self.len = 0;
        self.commons = 0;
        self.written = 0;
    }
}

/// Write a run of `n` common weights (possibly none) and then `weights` at `out[pos..]`, which
/// has room for `(n - 1) / 33` + 5 bytes; return the end.
#[inline]
fn write_weights(out: &mut [u8], mut pos: usize, mut n: usize, weights: Bytes) -> usize {
    if n > COMMON_SPAN {
        let middles = (n - 1) / COMMON_SPAN;
        out[pos..pos + middles].fill(COMMON_MIDDLE);
        pos += middles;
        n -= middles * COMMON_SPAN;
    }
    // 1 to 33 common weights, or none.
    let w = &mut out[pos..pos + 5];
    w[0] = COMMON_HIGH.wrapping_sub((n as u8).wrapping_sub(1));
    let k = usize::from(n != 0);
    w[k..k + 4].copy_from_slice(&weights.bytes());
    pos + k + weights.len()
}

/// The tertiary weight of an upper-case letter, as written.
const UPPER_BYTES: Bytes = Bytes::new(1, [UPPER + WEIGHT_SHIFT, 0, 0, 0]);

/// An ASCII character in the fast pass: its primary byte (0 when ignorable) and its case. Its
/// secondary weight is the common one, and so is its tertiary weight unless it is upper case
/// (checked when this is compiled).
#[derive(Debug, Clone, Copy)]
struct FastAscii {
    primary: u8,
    upper: bool,
}

static FAST_ASCII: [FastAscii; 128] = {
    let mut fast = [FastAscii {
        primary: 0,
        upper: false,
    }; 128];
    let mut i = 0;
    while i < 128 {
        let ce = ASCII[i];
        if !matches!(ce.primary, Primary::Ignorable) {
            assert!(ce.secondary == COMMON && (ce.tertiary == COMMON || ce.tertiary == UPPER));
            fast[i] = FastAscii {
                primary: primary_byte(ce.primary),
                upper: ce.tertiary == UPPER,
            };
        }
        i += 1;
    }
    fast
};

/// A precomposed Latin letter in the fast pass: its primary byte, its case, and the secondary
/// weights of its accents, as written. Its secondary weight is the common one, followed by the accents'; its tertiary weight the common one or
/// [`UPPER`], followed by a common one per accent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FastLetter {
    primary: u8,
    upper: bool,
    /// The number of accents, 0 to 2.
    accents: u8,
    marks: [u8; 2],
}

impl FastLetter {
    #[inline]
    fn marks(self) -> Bytes {
        let [m0, m1] = self.marks;
        Bytes::new(self.accents, [m0, m1, 0, 0])
    }
}

/// The table of the fast pass: the letters of [`latin::table`] (U+00C0..U+024F, then
/// U+1E00..U+1EFF) that collation takes apart (all the Vietnamese ones); [`fast_letter`] reads
/// their weights from it (no second table, built and kept beside it, for the same letters).
fn fast_letters() -> &'static [Latin] {
    latin::table()
}

/// The letter of the fast pass that `bytes` (valid UTF-8, not ASCII) starts with, and the
/// bytes after it; `None` for another character.
#[inline]
fn fast_letter<'a>(table: &[Latin], bytes: &'a [u8]) -> Option<(FastLetter, &'a [u8])> {
    let (e, len) = latin::lookup_utf8(table, bytes)?;
    if e.letter == 0 {
        return None;
    }
    // `entry` fills the marks from the first: a second one only after a first.
    let letter = FastLetter {
        primary: LETTER + e.letter - 1,
        upper: e.upper,
        accents: u8::from(e.marks[0] != 0) + u8::from(e.marks[1] != 0),
        marks: e.marks.map(|w| if w == 0 { 0 } else { w + WEIGHT_SHIFT }),
    };
    Some((letter, &bytes[len..]))
}

const fn primary_byte(p: Primary) -> u8 {
    match p {
        Primary::Ignorable => 0,
        Primary::Symbol(rank) => SYMBOL + rank,
        Primary::Digit(d) => DIGIT + d,
        Primary::Letter(l) => LETTER + l,
    }
}

/// The primary level being built: `bytes[..len]`; the rest is room.
#[derive(Debug, Default)]
struct Primaries {
    bytes: Vec<u8>,
    len: usize,
}

impl Primaries {
    const fn new() -> Primaries {
        Primaries {
            bytes: Vec::new(),
            len: 0,
        }
    }

    #[inline]
    fn reserve(&mut self, n: usize) {
        if self.len + n > self.bytes.len() {
            let size = (self.len + n).max(2 * self.bytes.len());
            self.bytes.resize(size, 0);
        }
    }

    #[inline]
    fn put(&mut self, b: u8) {
        self.reserve(1);
        self.bytes[self.len] = b;
        self.len += 1;
    }

    fn put_slice(&mut self, bytes: &[u8]) {
        self.reserve(bytes.len());
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
}

/// The three levels of a key being built. One is kept per thread and reused, so that a key
/// costs one allocation: the key itself, of its exact length.
#[derive(Debug, Default)]
struct Levels {
    primary: Primaries,
    secondary: Level,
    tertiary: Level,
    /// While the parts of a compatibility character are pushed: the tertiary weights that
    /// replace the lower-case (or uncased) and the upper-case weight.
    variant: Option<(u8, u8)>,
}

/// Scratch levels for texts longer than this (in bytes) are not kept for the next key.
const SCRATCH_LIMIT: usize = 1 << 16;

thread_local! {
    static SCRATCH: RefCell<Levels> = const { RefCell::new(Levels::new()) };
}

impl Levels {
    const fn new() -> Levels {
        Levels {
            primary: Primaries::new(),
            secondary: Level::new(),
            tertiary: Level::new(),
            variant: None,
        }
    }

    fn clear(&mut self) {
        self.primary.len = 0;
        self.secondary.clear();
        self.tertiary.clear();
    }

    /// The key of `text`: the fast pass when the text is visibly NFC, else the general path on
    /// its NFC form.
    fn key(&mut self, text: &str) -> Vec<u8> {
        self.clear();
        let table = latin::table();
        if self.push_nfc(table, text) {
            return self.finish(text);
        }
        // Maybe not NFC: start again on the NFC text, with the fast pass again if it changed.
        self.clear();
        let text = nfc(text);
        if matches!(text, Cow::Owned(_)) {
            if self.push_nfc(table, &text) {
                return self.finish(&text);
            }
            self.clear();
        }
        for c in text.chars() {
            self.push_char(table, c);
        }
        self.finish(&text)
    }

    /// Push every character of `text`; `false` (with the levels half written) when a
    /// character might make the text non-NFC.
    fn push_nfc(&mut self, latin: &[Latin], text: &str) -> bool {
        let letters = fast_letters();
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            i = self.push_fast(letters, bytes, i);
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                return true;
            };
            if !self.push_if_nfc(latin, c) {
                return false;
            }
            i += c.len_utf8();
        }
    }

    /// Push the characters of the fast pass from `bytes[i..]` on; return where it stopped: the
    /// end, or a character outside the fast pass.
    ///
    /// Every character of the fast pass that has a primary weight adds one common secondary
    /// weight and, unless it is upper case, one common tertiary weight (then one per accent),
    /// so the loop counts the primary bytes only: the number of common weights of a level is
    /// the number of primary bytes plus an offset.
    #[inline]
    fn push_fast(&mut self, letters: &[Latin], bytes: &[u8], i: usize) -> usize {
        // Per byte of text at most one primary byte, and two bytes of secondary (a run and two
        // accents for a letter of two bytes) or of tertiary (a run and upper case), plus a
        // byte per 33 common weights of the runs.
        let rest = bytes.len() - i;
        self.primary.reserve(rest);
        for level in [&mut self.secondary, &mut self.tertiary] {
            let pending = level.commons - level.written;
            level.reserve(2 * rest + (pending + rest) / COMMON_SPAN + 1);
        }
        let (pb, mut p) = (&mut self.primary.bytes[..], self.primary.len);
        let sec = &mut self.secondary;
        let (sb, mut s, mut sec_written) = (&mut sec.out[..], sec.len, sec.written);
        let ter = &mut self.tertiary;
        let (tb, mut t, mut ter_written) = (&mut ter.out[..], ter.len, ter.written);
        // Common weights = p + offset (wrapping: the offset may be "negative").
        let sec_offset = sec.commons.wrapping_sub(p);
        let mut ter_offset = ter.commons.wrapping_sub(p);
        let mut rest = &bytes[i..];
        while let [b, tail @ ..] = rest {
            if *b < 0x80 {
                let e = FAST_ASCII[usize::from(*b)];
                rest = tail;
                if e.primary == 0 {
                    // Ignorable.
                    continue;
                }
                pb[p] = e.primary;
                p += 1;
                if e.upper {
                    // Upper case, after the common tertiary weights before this letter.
                    let at = (p - 1).wrapping_add(ter_offset);
                    t = write_weights(tb, t, at - ter_written, UPPER_BYTES);
                    ter_written = at;
                    ter_offset = ter_offset.wrapping_sub(1);
                }
                continue;
            }
            let Some((e, tail)) = fast_letter(letters, rest) else {
                break;
            };
            rest = tail;
            pb[p] = e.primary;
            p += 1;
            if e.accents != 0 {
                // The accents, after the letter's common secondary weight.
                let at = p.wrapping_add(sec_offset);
                s = write_weights(sb, s, at - sec_written, e.marks());
                sec_written = at;
            }
            if e.upper {
                let at = (p - 1).wrapping_add(ter_offset);
                t = write_weights(tb, t, at - ter_written, UPPER_BYTES);
                ter_written = at;
                ter_offset = ter_offset.wrapping_sub(1);
            }
            // The accents' common tertiary weights.
            ter_offset = ter_offset.wrapping_add(usize::from(e.accents));
        }
        let i = bytes.len() - rest.len();
        self.primary.len = p;
        let sec = &mut self.secondary;
        (sec.len, sec.written, sec.commons) = (s, sec_written, p.wrapping_add(sec_offset));
        let ter = &mut self.tertiary;
        (ter.len, ter.written, ter.commons) = (t, ter_written, p.wrapping_add(ter_offset));
        i
    }

    /// A tertiary weight of the general path: the variant's instead of the lower-case and the
    /// upper-case weight while the parts of a compatibility character are pushed.
    #[inline]
    fn push_tertiary(&mut self, weight: u8) {
        match self.variant {
            Some((lower, _)) if weight == LOWER => self.tertiary.push(lower),
            Some((_, upper)) if weight == UPPER => self.tertiary.push(upper),
            _ => self.tertiary.push(weight),
        }
    }

    #[inline]
    fn push_ce(&mut self, ce: Ce) {
        if ce.primary == Primary::Ignorable {
            return;
        }
        self.primary.put(primary_byte(ce.primary));
        self.secondary.push(ce.secondary);
        self.push_tertiary(ce.tertiary);
    }

    #[inline]
    fn push_letter(&mut self, index: u8, upper: bool) {
        self.primary.put(LETTER + index);
        self.secondary.push_common();
        self.push_tertiary(if upper { UPPER } else { LOWER });
    }

    /// An accent of the measured table: its secondary weight, and a common tertiary weight.
    #[inline]
    fn push_mark_weight(&mut self, weight: u8) {
        self.secondary.push(weight);
        self.push_tertiary(LOWER);
    }

    fn push_mark(&mut self, m: char) {
        if let Some(w) = latin::mark_weight(m) {
            self.push_mark_weight(w);
        } else {
            self.secondary.push_unknown_mark(m);
            self.push_tertiary(LOWER);
        }
    }

    /// A character without any measured weight: a letter of another script (after the
    /// Vietnamese alphabet) or a symbol (after the known symbols, before the digits), by code
    /// point of its lower-case form, with its case as tertiary weight.
    fn push_other(&mut self, c: char) {
        if c.is_alphanumeric() {
            let mut lower = c.to_lowercase();
            let l = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            self.primary.put(OTHER_LETTER);
            self.primary.put_slice(&code_point_bytes(l));
            self.secondary.push_common();
            self.push_tertiary(if l == c { LOWER } else { UPPER });
        } else {
            self.primary.put(UNKNOWN_SYMBOL);
            self.primary.put_slice(&code_point_bytes(c));
            self.secondary.push_common();
            self.push_tertiary(LOWER);
        }
    }

    /// A character with neither a weight of its own nor a canonical decomposition, as ICU
    /// sorts it: a compatibility character as its decomposition (NFKC: `ﬁ` as `fi`, `１` and
    /// `①` as `1`, `ǆ` as `dž`) with the tertiary weights of the decomposition's kind; a
    /// decimal digit of any script as that digit (`٣` as `3`); a private-use or unassigned code
    /// point after every letter, and U+FFFD after those; anything else by
    /// [`Levels::push_other`].
    fn push_uncomposed(&mut self, table: &[Latin], c: char) {
        let mut parts = [c; 18];
        let mut n = 0;
        decompose_compatible(c, |d| {
            if n < parts.len() {
                parts[n] = d;
            }
            n += 1;
        });
        let parts = &parts[..n.min(parts.len())];
        // Not only a canonical decomposition (a Hangul syllable's jamo); not a spacing accent
        // (`˘` = space + breve, `˝`), which ICU sorts as a symbol of its own.
        let (mut canonical, mut i) = (true, 0);
        decompose_canonical(c, |d| {
            canonical &= parts.get(i) == Some(&d);
            i += 1;
        });
        canonical &= i == n;
        let spacing_accent =
            n > 1 && parts[0] == ' ' && parts[1..].iter().all(|&m| is_combining_mark(m));
        if !canonical && !spacing_accent {
            let outer = self
                .variant
                .replace(KIND_TERTIARY[usize::from(compat_kind(c))]);
            // Composed again, so that the letters of the alphabet (ă, ê, ơ…) stay letters.
            let parts: String = parts.iter().collect();
            for d in unicode::nfc(&parts).chars() {
                self.push_char(table, d);
            }
            self.variant = outer;
            return;
        }
        if let Some(d) = decimal_digit(c) {
            self.push_ce(dig(d));
            return;
        }
        if c == '\u{FFFD}' {
            self.primary.put(REPLACEMENT);
        } else if !is_public_assigned(c) {
            self.primary.put(IMPLICIT);
            self.primary.put_slice(&code_point_bytes(c));
        } else {
            self.push_other(c);
            return;
        }
        self.secondary.push_common();
        self.push_tertiary(LOWER);
    }

    /// A combining Latin small letter (U+0363..U+036F) as its letter, with a tertiary weight
    /// between the lower-case and the upper-case letter's.
    fn push_combining_letter(&mut self, c: char) {
        let i = u32::from(c) - 0x363;
        let b = COMBINING_LETTERS[i as usize];
        let outer = self.variant.replace(COMBINING_LETTER_TERTIARY);
        self.push_ce(ASCII[usize::from(b)]);
        self.variant = outer;
    }

    /// Push `c` when it cannot make the text non-NFC (a character with no canonical combining
    /// class and NFC quick check "yes"); return `false` without pushing otherwise.
    fn push_if_nfc(&mut self, table: &[Latin], c: char) -> bool {
        if canonical_combining_class(c) == 0 && is_nfc_quick(c.encode_utf8(&mut [0; 4])) {
            self.push_char(table, c);
            return true;
        }
        false
    }

    #[inline]
    fn push_latin(&mut self, e: Latin) {
        self.push_letter(e.letter - 1, e.upper);
        for &w in &e.marks {
            if w != 0 {
                self.push_mark_weight(w);
            }
        }
    }

    /// The finished key: the three levels, then the (NFC) text, in one allocation.
    fn finish(&self, text: &str) -> Vec<u8> {
        let primary = &self.primary.bytes[..self.primary.len];
        let len = primary.len()
            + self.secondary.written_len()
            + self.tertiary.written_len()
            + text.len()
            + 3;
        let mut key = Vec::with_capacity(len);
        key.extend_from_slice(primary);
        key.push(LEVEL_SEPARATOR);
        self.secondary.write(&mut key);
        key.push(LEVEL_SEPARATOR);
        self.tertiary.write(&mut key);
        key.push(LEVEL_SEPARATOR);
        key.extend_from_slice(text.as_bytes());
        debug_assert_eq!(key.len(), len);
        key
    }

    fn push_char(&mut self, table: &[Latin], c: char) {
        if c.is_ascii() {
            self.push_ce(ASCII[c as usize]);
            return;
        }
        if let Some(e) = latin::lookup(table, c) {
            if e.letter != 0 {
                self.push_latin(e);
                return;
            }
        }
        if let Ok(i) = SYMBOLS.binary_search_by_key(&c, |&(s, _)| s) {
            self.push_ce(SYMBOLS[i].1);
            return;
        }
        if ('\u{363}'..='\u{36F}').contains(&c) {
            self.push_combining_letter(c);
            return;
        }
        if is_combining_mark(c) {
            self.push_mark(c);
            return;
        }
        self.push_general(table, c);
    }

    /// The general path: a Latin letter with unusual accents, a letter of another script with
    /// accents, or anything else.
    fn push_general(&mut self, table: &[Latin], c: char) {
        if let Some(p) = latin::parts(c) {
            self.push_letter(p.letter, p.upper);
            for m in p.marks {
                self.push_mark(m);
            }
            return;
        }
        let mut decomposed = Vec::with_capacity(4);
        decompose_canonical(c, |d| decomposed.push(d));
        match decomposed.split_first() {
            Some((&base, marks))
                if base != c
                    && !marks.is_empty()
                    && marks.iter().all(|&m| is_combining_mark(m)) =>
            {
                self.push_char(table, base);
                for &m in marks {
                    self.push_mark(m);
                }
            }
            Some((&single, [])) if single != c => self.push_char(table, single),
            _ => self.push_uncomposed(table, c),
        }
    }
}

/// The kind of the compatibility decomposition of `c` (which has one): `compat::COMPAT`,
/// `compat::WIDE`…
fn compat_kind(c: char) -> u8 {
    let cp = u32::from(c);
    let i = KIND_RUNS.partition_point(|&run| run >> 8 <= cp);
    // The run that starts at or before `c`; the first run starts at U+00A0, the first
    // character with a compatibility decomposition.
    i.checked_sub(1)
        .map_or(compat::COMPAT, |i| (KIND_RUNS[i] & 0xFF) as u8)
}

/// The value of a decimal digit outside ASCII (General_Category Nd), if `c` is one.
fn decimal_digit(c: char) -> Option<u8> {
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= c);
    let zero = DIGIT_ZEROS[i.checked_sub(1)?];
    let d = u32::from(c) - u32::from(zero);
    (d < 10).then_some(d as u8)
}

fn code_point_bytes(c: char) -> [u8; 3] {
    let [_, a, b, c] = u32::from(c).to_be_bytes();
    [a, b, c]
}

/// The text in NFC, borrowed when it already is.
///
/// Only the segments that may change go through the normalizer, the rest is copied: NFC
/// never changes a character with no canonical combining class and NFC quick check "yes"
/// (ASCII, the letters of the fast pass…), nor combines it with what comes before it, so the
/// text can be cut before each such character.
pub fn nfc(text: &str) -> Cow<'_, str> {
    let letters = fast_letters();
    let stable = |c: char, bytes: &[u8]| {
        c.is_ascii()
            || fast_letter(letters, bytes).is_some()
            || (canonical_combining_class(c) == 0 && is_nfc_quick(c.encode_utf8(&mut [0; 4])))
    };
    let mut out = String::new();
    // `text[..copied]` is in `out`; the last stable character starts at `boundary`.
    let (mut copied, mut boundary) = (0, 0);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if stable(c, &text.as_bytes()[i..]) {
            boundary = i;
            continue;
        }
        // The segment from the last stable character to the next one.
        let mut end = text.len();
        while let Some(&(j, d)) = chars.peek() {
            if stable(d, &text.as_bytes()[j..]) {
                end = j;
                break;
            }
            chars.next();
        }
        let segment = &text[boundary..end];
        if !is_nfc_quick(segment) {
            // "Maybe" (or, with the `host-unicode` feature, a character of the host): copied
            // only when NFC changes it.
            let normalized = unicode::nfc(segment);
            if normalized != segment {
                out.push_str(&text[copied..boundary]);
                out.push_str(&normalized);
                copied = end;
            }
        }
        boundary = end;
    }
    if copied == 0 {
        Cow::Borrowed(text)
    } else {
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }
}

/// A byte key whose order is Vietnamese alphabetical order, as ICU's `vi` collation sorts.
///
/// Comparing two keys byte-wise (`Vec<u8>`'s `Ord`) gives the same order as
/// `new Intl.Collator('vi').compare` (ICU, default options) wherever ICU tells the two texts
/// apart, and a fixed order (by code point of the NFC text) where ICU calls them equal:
///
/// - the alphabet is a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z;
/// - tones are a secondary difference: none < huyền (à) < hỏi (ả) < ngã (ã) < sắc (á) < nặng (ạ);
/// - case is a tertiary difference, lower case first;
/// - spaces, then punctuation and symbols, then digits, then letters (no digit is read as a
///   number: "10" sorts before "2");
/// - NFC and NFD input give the same key. Old and new tone placement ("Uỷ" and "Ủy") share
///   their primary weights, so they sort next to each other, but ICU tells them apart at the
///   secondary level (the old placement first) and so does this key; use [`fold`](super::fold)
///   to treat them as equal;
/// - a decimal digit of any script sorts as the ASCII digit of its value (ICU calls `٣` and `3`
///   equal); a compatibility character sorts as its decomposition (NFKD), after it at the
///   tertiary level, in ICU's order of the kinds of decomposition (`fi` < `ﬁ`,
///   `1` < `１` < `①` < `¹`, `a` < `ａ` < `𝐚` < `A`); the combining Latin letters
///   U+0363..U+036F sort as their letters; private-use and unassigned code points sort after
///   every letter, by code point, and U+FFFD after them, as in ICU;
/// - not as ICU (outside the scope where keys equal ICU's order; see docs/format.md, "Text"):
///   letters of other scripts, and Latin letters that are not a base letter with accents nor
///   decompose to one (ß, æ, ȼ, ł, ə… and their variants ᵊ, ℏ), sort after z by code point of
///   their lower-case form; symbols that are not in the measured table (∑, →, emoji) and the
///   spacing accents ˘ ˙ ˚ ˛ ˜ ˝ sort after the known ones and before the digits, by code
///   point; `ſ` and `ŀ` sort as `s` (tertiary difference) and `l·`; accents outside
///   U+0300..U+036F sort after the known ones, by code point.
///
/// The key of an NFC text of Vietnamese names is about twice the text's length in UTF-8 (the
/// text itself is its last part). Only the byte order of keys is specified, not the bytes: do
/// not store keys across versions of this crate.
///
/// ```
/// use tthc::text::sort_key;
/// let mut names = vec!["Tây Yên", "Đông Thái", "bạ", "bả", "An Biên", "Ăn"];
/// names.sort_by_cached_key(|n| sort_key(n));
/// assert_eq!(names, ["An Biên", "Ăn", "bả", "bạ", "Đông Thái", "Tây Yên"]);
/// ```
pub fn sort_key(text: &str) -> Vec<u8> {
    SCRATCH
        .try_with(|scratch| {
            let Ok(mut levels) = scratch.try_borrow_mut() else {
                return Levels::new().key(text);
            };
            let key = levels.key(text);
            if levels.primary.bytes.len() > SCRATCH_LIMIT {
                *levels = Levels::new();
            }
            key
        })
        // The thread is being torn down: no scratch any more.
        .unwrap_or_else(|_| Levels::new().key(text))
}

/// Compare two texts in Vietnamese order: the order of their [`sort_key`]s.
///
/// Texts of ASCII and precomposed Vietnamese letters whose letters differ (the primary level)
/// are compared without building their keys.
///
/// ```
/// use std::cmp::Ordering;
/// assert_eq!(tthc::text::compare("Đông", "Tây"), Ordering::Less);
/// assert_eq!(tthc::text::compare("bả", "bạ"), Ordering::Less);
/// ```
pub fn compare(a: &str, b: &str) -> Ordering {
    match compare_primary(a.as_bytes(), b.as_bytes()) {
        Some(order) => order,
        None => sort_key(a).cmp(&sort_key(b)),
    }
}

/// The order of the primary levels of the keys of `a` and `b` when it is not equal and can be
/// read without building the keys; `None` otherwise.
///
/// Only characters of the fast pass are read (ASCII and the table's precomposed letters): each
/// is a starter that never composes with the character before it, so once the character after
/// it is one too (or the text ends), its weights are those of the NFC text.
fn compare_primary(a: &[u8], b: &[u8]) -> Option<Ordering> {
    let table = fast_letters();
    let (mut i, mut j) = (0, 0);
    loop {
        let x = next_primary(table, a, &mut i);
        let y = next_primary(table, b, &mut j);
        if x == Next::Outside || y == Next::Outside || (x == Next::End && y == Next::End) {
            return None;
        }
        if x != y {
            // The characters after the two that differ must not change them.
            if next_primary(table, a, &mut i) == Next::Outside
                || next_primary(table, b, &mut j) == Next::Outside
            {
                return None;
            }
            // The end of a primary level sorts first, as its separator does.
            return Some(x.cmp(&y));
        }
    }
}

/// What [`next_primary`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Next {
    /// The end of the text.
    End,
    Primary(u8),
    /// A character outside the fast pass.
    Outside,
}

/// The primary weight of the next character at `bytes[*i..]` that has one, moving `*i` past it.
#[inline]
fn next_primary(letters: &[Latin], bytes: &[u8], i: &mut usize) -> Next {
    while let Some(&b) = bytes.get(*i) {
        if b < 0x80 {
            *i += 1;
            let primary = FAST_ASCII[usize::from(b)].primary;
            if primary != 0 {
                return Next::Primary(primary);
            }
            continue;
        }
        let Some((e, rest)) = fast_letter(letters, &bytes[*i..]) else {
            return Next::Outside;
        };
        *i = bytes.len() - rest.len();
        return Next::Primary(e.primary);
    }
    Next::End
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| (*s).to_owned()).collect();
        v.sort_by_cached_key(|s| sort_key(s));
        v
    }

    #[test]
    fn tones_sort_as_secondary_differences() {
        assert_eq!(
            sorted(&["bạ", "bá", "bã", "bả", "bà", "ba"]),
            ["ba", "bà", "bả", "bã", "bá", "bạ"]
        );
        // The letter decides before the tone does.
        assert_eq!(sorted(&["bác", "bab"]), ["bab", "bác"]);
    }

    #[test]
    fn the_alphabet() {
        let letters: Vec<String> = super::super::tables::LETTERS
            .chars()
            .map(String::from)
            .collect();
        let mut shuffled = letters.clone();
        shuffled.reverse();
        shuffled.sort_by_cached_key(|s| sort_key(s));
        assert_eq!(shuffled, letters);
        assert_eq!(sorted(&["Đa", "Dz", "đa"]), ["Dz", "đa", "Đa"]);
    }

    #[test]
    fn nfd_and_nfc_give_the_same_key() {
        let nfc = "Thủ tục đăng ký khai sinh";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(sort_key(nfc), sort_key(&nfd));
        // A discontiguous contraction: a + dot below + breve is ặ.
        assert_eq!(sort_key("ặ"), sort_key("a\u{323}\u{306}"));
        assert_eq!(sort_key("ặ"), sort_key("a\u{306}\u{323}"));
    }

    #[test]
    fn levels_are_separated() {
        assert_eq!(sort_key("a"), [LETTER, 1, 2, 1, 2, 1, b'a']);
        // A run of one common weight before the dot below (14), an upper-case letter before
        // the common tertiary weight of the accent.
        assert_eq!(
            sort_key("Ạ"),
            [
                LETTER,
                1,
                COMMON_HIGH,
                14 + WEIGHT_SHIFT,
                1,
                UPPER + WEIGHT_SHIFT,
                COMMON_LOW,
                1,
                0xE1,
                0xBA,
                0xA0
            ]
        );
        assert_eq!(sort_key(""), [1, 1, 1]);
        // Ignorable characters have no weights but still break the tie.
        let soft = sort_key("a\u{ad}b");
        assert!(soft.starts_with(&[LETTER, LETTER + 3, 1]));
        assert!(sort_key("ab") < soft);
    }

    #[test]
    fn other_scripts_come_after_latin_letters() {
        assert_eq!(
            sorted(&["α", "z", "Α", "ß", "1", "%"]),
            ["%", "1", "z", "ß", "α", "Α"]
        );
        assert_eq!(sorted(&["ά", "α"]), ["α", "ά"]);
        assert_eq!(sorted(&["한", "α", "a"]), ["a", "α", "한"]);
    }

    /// The uncompressed level: the weights, then the separator.
    fn plain(level: &[Weight]) -> Vec<u8> {
        let mut out = Vec::new();
        for w in level {
            match *w {
                Weight::Byte(b) => out.push(b),
                Weight::Unknown(m) => {
                    out.push(UNKNOWN_MARK);
                    out.extend_from_slice(&code_point_bytes(m));
                }
            }
        }
        out.push(LEVEL_SEPARATOR);
        out
    }

    fn compressed(level: &[Weight]) -> Vec<u8> {
        let mut l = Level::new();
        for w in level {
            match *w {
                Weight::Byte(b) => l.push(b),
                Weight::Unknown(m) => l.push_unknown_mark(m),
            }
        }
        let mut out = Vec::new();
        l.write(&mut out);
        assert_eq!(out.len(), l.written_len());
        out.push(LEVEL_SEPARATOR);
        out
    }

    #[derive(Debug, Clone, Copy)]
    enum Weight {
        Byte(u8),
        Unknown(char),
    }

    #[test]
    fn compressed_levels_compare_as_the_weights() {
        // Levels of common weights (2) with runs of every length around the multiples of 33,
        // and a few other weights; every pair compares alike compressed and not.
        let mut levels: Vec<Vec<Weight>> = vec![Vec::new()];
        let others = [
            Weight::Byte(3),
            Weight::Byte(14),
            Weight::Byte(50),
            Weight::Unknown('\u{1DC0}'),
        ];
        for run in (1..=4).chain(30..=37).chain(64..=68).chain([99, 100, 101]) {
            let commons = vec![Weight::Byte(2); run];
            levels.push(commons.clone());
            for &o in &others {
                let mut l = commons.clone();
                l.push(o);
                levels.push(l.clone());
                l.extend_from_slice(&commons[..run.min(3)]);
                levels.push(l);
                let mut l = vec![o];
                l.extend_from_slice(&commons);
                levels.push(l);
            }
        }
        for &o in &others {
            levels.push(vec![o]);
            levels.push(vec![o, Weight::Byte(2), o]);
        }
        for a in &levels {
            for b in &levels {
                assert_eq!(
                    compressed(a).cmp(&compressed(b)),
                    plain(a).cmp(&plain(b)),
                    "{a:?} {b:?}"
                );
            }
        }
        // Long runs compress well.
        assert_eq!(compressed(&[Weight::Byte(2); 100]).len(), 5);
    }

    #[test]
    fn weights_fit_between_the_run_codes_and_the_unknown_marks() {
        let ok = |w: u8| w == COMMON || (3..UNKNOWN_MARK - WEIGHT_SHIFT).contains(&w);
        for ce in ASCII.iter().chain(SYMBOLS.iter().map(|(_, ce)| ce)) {
            if ce.primary != Primary::Ignorable {
                assert!(ok(ce.secondary) && ok(ce.tertiary), "{ce:?}");
            }
        }
        for &(m, w) in &super::super::tables::MARKS {
            assert!(ok(w) && w != COMMON, "{m:?}");
        }
        assert_eq!(LOWER, COMMON);
    }

    #[test]
    fn compare_agrees_with_the_keys_on_odd_texts() {
        let words = [
            "",
            "a",
            "A",
            "ab",
            "a b",
            "a\u{0}b",
            "a\u{306}",
            "ă",
            "ắ",
            "a\u{306}\u{301}",
            "ă\u{301}",
            "ab\u{306}",
            "ac",
            "a\u{ad}c",
            "Uỷ ban",
            "Ủy ban",
            "U\u{309}y ban",
            "Uy ban",
            "uy",
            "ư",
            "u\u{31b}",
            "ừ",
            "α",
            "ß",
            "q\u{303}",
            "q",
            "qa",
            "Đông",
            "đ",
            "d",
            "e\u{301}a",
            "éa",
            "eb",
            "1",
            "–",
            "\u{1100}\u{1161}",
            "\u{ac00}",
        ];
        for a in words {
            for b in words {
                assert_eq!(compare(a, b), sort_key(a).cmp(&sort_key(b)), "{a:?} {b:?}");
            }
        }
    }

    /// The key by the general path alone.
    fn general_key(text: &str) -> Vec<u8> {
        let mut levels = Levels::new();
        let text = nfc(text);
        for c in text.chars() {
            levels.push_char(latin::table(), c);
        }
        levels.finish(&text)
    }

    #[test]
    fn the_fast_pass_agrees_with_the_general_path() {
        let letters = fast_letters();
        // Symbols with secondary or tertiary weights of their own, letters of other scripts.
        let others: Vec<char> = SYMBOLS
            .iter()
            .filter(|(_, ce)| ce.secondary != COMMON || ce.tertiary != COMMON)
            .map(|&(c, _)| c)
            .chain(['–', 'Ω', 'ß', '\u{ad}'])
            .collect();
        assert!(others.len() > 10);
        let mut texts = Vec::new();
        for cp in (0..0x80).chain(0xC0..0x280).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if !c.is_ascii() {
                let Some((_, rest)) = fast_letter(letters, bytes) else {
                    continue;
                };
                assert!(rest.is_empty(), "U+{cp:04X}");
            }
            // Alone, in runs of common weights of every length, before and after other
            // letters, and around characters of the general path.
            for n in [0, 1, 2, 31, 32, 33, 34, 35, 66, 67, 68] {
                texts.push(format!("{}{c}", "a".repeat(n)));
                texts.push(format!("{}{c}{c}ÁẶ", "a".repeat(n)));
                texts.push(format!("{}{c}{}", "ờ".repeat(n), "a".repeat(n)));
                texts.push(format!("{}{c}{}", "A".repeat(n), "Ờ".repeat(n)));
            }
            for &o in &others {
                texts.push(format!("{c}{o}{c}Ặ"));
                texts.push(format!("Ặ{o}{c}{o}a"));
            }
        }
        texts.push("A".repeat(100));
        texts.push("ẶẶ".repeat(40));
        for text in &texts {
            assert_eq!(sort_key(text), general_key(text), "{text:?}");
        }
        // Characters outside the fast pass.
        for cp in [
            0x80,
            0xA0,
            0xBF,
            0x250,
            0x27F,
            0x300,
            0x1DFF,
            0x1F00,
            0x2013,
            0xAC00,
            0xFFFF,
            0x0001_0000,
            0x0001_E00A,
            0x0010_FFFF,
        ] {
            let c = char::from_u32(cp).expect("a character");
            let mut buf = [0; 4];
            assert_eq!(
                fast_letter(letters, c.encode_utf8(&mut buf).as_bytes()),
                None
            );
        }
    }

    #[test]
    fn nfc_by_segments_is_nfc() {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/data/vi-names.json")).expect("JSON");
        let mut texts: Vec<String> = [
            "",
            "a",
            "\u{301}",
            "\u{301}a",
            "a\u{301}",
            "a\u{301}b\u{323}\u{302}c",
            "e\u{302}\u{301}",
            "ă\u{301}",
            "a\u{323}\u{306}x",
            "q\u{303}",
            "q\u{303}a\u{300}",
            "\u{1100}\u{1161}\u{11A8}",
            "\u{AC00}\u{11A8}",
            "\u{0B47}\u{0B3E}",
            "\u{212B}",
            "A\u{30A}",
            "Ω\u{301}–“x”",
            "\u{1E9B}\u{323}",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for name in doc["names"].as_array().expect("a list") {
            let name = name.as_str().expect("a string");
            texts.push(name.nfd().collect());
            texts.push(name.to_owned());
            // NFC text without combining marks is borrowed.
            let nfc_name: String = name.nfc().collect();
            if !nfc_name.chars().any(is_combining_mark) {
                assert!(matches!(nfc(&nfc_name), Cow::Borrowed(_)), "{name:?}");
            }
        }
        for text in &texts {
            let want: String = text.nfc().collect();
            assert_eq!(nfc(text), want, "{text:?}");
        }
    }

    #[test]
    fn real_names_take_the_same_key_on_both_paths() {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/data/vi-names.json")).expect("JSON");
        for name in doc["names"].as_array().expect("a list") {
            let name = name.as_str().expect("a string");
            assert_eq!(sort_key(name), general_key(name), "{name:?}");
        }
    }

    #[test]
    fn keys_are_the_same_on_every_path() {
        // The fast pass, the general path (after a combining mark) and a long text.
        let long = "Thủ tục đăng ký khai sinh ".repeat(400);
        let mut slow = long.clone();
        slow.push('\u{301}');
        let a = sort_key(&long);
        let b = sort_key(&slow);
        assert!(a < b);
        assert_eq!(a, Levels::new().key(&long));
        assert_eq!(b, Levels::new().key(&slow));
        assert_eq!(sort_key("ab"), Levels::new().key("ab"));
        // The most bytes per character of text, and long runs, around the general path; the
        // scratch buffers, reused, must stay large enough.
        for unit in [
            "A", "Ặ", "ặ", "AẶ", "aA", "ẶờA", "Ǖ", "a", "A\u{1}", "Ω", "–", "q\u{303}",
        ] {
            for n in [1, 33, 34, 100, 1000] {
                let text = unit.repeat(n);
                for text in [
                    text.clone(),
                    format!("{text}–{text}"),
                    format!("a{text}Ω{text}"),
                ] {
                    assert_eq!(sort_key(&text), general_key(&text), "{text:?}");
                }
            }
        }
    }
}
