//! Vietnamese collation: sort keys whose byte order is ICU's `vi` order.
//!
//! A key has four parts, each ended by the byte `0x01`, which is lower than every weight byte:
//!
//! 1. **primary** weights, one per collation element: spaces, punctuation and symbols of the
//!    measured table (`0x02..=0x9F`), other symbols (`0xA0` + three bytes of code point), digits
//!    (`0xA1..=0xAA`), the Vietnamese alphabet (`0xB0..=0xD0`), other letters (`0xE0` + three
//!    bytes of the code point of the lower-case form);
//! 2. **secondary** weights: `0x02` for a letter, digit or symbol without accent, then one byte
//!    per accent (tones `0x0A..=0x0E` in the order huyền, hỏi, ngã, sắc, nặng; other accents from
//!    the measured table; unknown marks `0xFE` + code point);
//! 3. **tertiary** weights: `0x02` lower case or uncased, `0x03` upper case (symbols: their
//!    variant rank, e.g. NBSP after space);
//! 4. the NFC text itself, so that the order is total.
//!
//! Every weight is encoded so that its first byte tells its length, which makes the
//! concatenation order-preserving.

use std::borrow::Cow;

use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, is_combining_mark,
};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::latin::{self, Latin};
use super::tables::{ASCII, SYMBOLS};

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
/// Lead byte of a combining mark that is not in the measured table.
const UNKNOWN_MARK: u8 = 0xFE;
/// Tertiary weight of lower-case and uncased elements, and of accents.
const LOWER: u8 = 0x02;
/// Tertiary weight of upper-case letters.
const UPPER: u8 = 0x03;

/// A primary weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Primary {
    /// No weight at all (control characters, soft hyphen, zero-width characters).
    Ignorable,
    /// A space, punctuation or symbol: its rank among them (1-based, at most 0x9E).
    Symbol(u8),
    /// An ASCII digit.
    Digit(u8),
    /// A letter of the Vietnamese alphabet (index in `LETTERS`).
    Letter(u8),
}

/// A collation element: the weights of one character without accents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ce {
    pub(super) primary: Primary,
    pub(super) secondary: u8,
    pub(super) tertiary: u8,
}

/// A completely ignorable character.
pub(super) const IGNORABLE: Ce = Ce {
    primary: Primary::Ignorable,
    secondary: 0,
    tertiary: 0,
};

/// A symbol of the given rank (used by the generated tables).
pub(super) const fn sym(rank: u8, secondary: u8, tertiary: u8) -> Ce {
    Ce {
        primary: Primary::Symbol(rank),
        secondary,
        tertiary,
    }
}

/// An ASCII digit (used by the generated tables).
pub(super) const fn dig(d: u8) -> Ce {
    Ce {
        primary: Primary::Digit(d),
        secondary: super::tables::COMMON,
        tertiary: LOWER,
    }
}

/// A letter of the alphabet (used by the generated tables).
pub(super) const fn letter(index: u8, tertiary: u8) -> Ce {
    Ce {
        primary: Primary::Letter(index),
        secondary: super::tables::COMMON,
        tertiary,
    }
}

/// A collation element of an ASCII character, ready to append.
#[derive(Debug, Clone, Copy)]
struct Flat {
    /// The primary byte; 0 for an ignorable character.
    primary: u8,
    secondary: u8,
    tertiary: u8,
}

/// [`ASCII`] with the primary weights encoded.
static ASCII_FLAT: [Flat; 128] = {
    let mut flat = [Flat {
        primary: 0,
        secondary: 0,
        tertiary: 0,
    }; 128];
    let mut i = 0;
    while i < 128 {
        let ce = ASCII[i];
        let primary = match ce.primary {
            Primary::Ignorable => 0,
            Primary::Symbol(rank) => SYMBOL + rank,
            Primary::Digit(d) => DIGIT + d,
            Primary::Letter(l) => LETTER + l,
        };
        flat[i] = Flat {
            primary,
            secondary: ce.secondary,
            tertiary: ce.tertiary,
        };
        i += 1;
    }
    flat
};

/// The three levels of a key being built.
struct Levels {
    primary: Vec<u8>,
    secondary: Vec<u8>,
    tertiary: Vec<u8>,
}

impl Levels {
    fn with_capacity(n: usize) -> Levels {
        Levels {
            // The primary vector becomes the whole key: room for all four parts.
            primary: Vec::with_capacity(4 * n + 8),
            secondary: Vec::with_capacity(n + 4),
            tertiary: Vec::with_capacity(n + 4),
        }
    }

    #[inline]
    fn push_ce(&mut self, ce: Ce) {
        match ce.primary {
            Primary::Ignorable => return,
            Primary::Symbol(rank) => self.primary.push(SYMBOL + rank),
            Primary::Digit(d) => self.primary.push(DIGIT + d),
            Primary::Letter(i) => self.primary.push(LETTER + i),
        }
        self.secondary.push(ce.secondary);
        self.tertiary.push(ce.tertiary);
    }

    #[inline]
    fn push_ascii(&mut self, b: u8) {
        let f = ASCII_FLAT[usize::from(b & 0x7F)];
        if f.primary == 0 {
            return;
        }
        self.primary.push(f.primary);
        self.secondary.push(f.secondary);
        self.tertiary.push(f.tertiary);
    }

    #[inline]
    fn push_letter(&mut self, index: u8, upper: bool) {
        self.primary.push(LETTER + index);
        self.secondary.push(super::tables::COMMON);
        self.tertiary.push(if upper { UPPER } else { LOWER });
    }

    #[inline]
    fn push_mark_weight(&mut self, weight: u8) {
        self.secondary.push(weight);
        self.tertiary.push(LOWER);
    }

    fn push_mark(&mut self, m: char) {
        if let Some(w) = latin::mark_weight(m) {
            self.push_mark_weight(w);
        } else {
            self.secondary.push(UNKNOWN_MARK);
            self.secondary.extend_from_slice(&code_point_bytes(m));
            self.tertiary.push(LOWER);
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
            self.primary.push(OTHER_LETTER);
            self.primary.extend_from_slice(&code_point_bytes(l));
            self.secondary.push(super::tables::COMMON);
            self.tertiary.push(if l == c { LOWER } else { UPPER });
        } else {
            self.primary.push(UNKNOWN_SYMBOL);
            self.primary.extend_from_slice(&code_point_bytes(c));
            self.secondary.push(super::tables::COMMON);
            self.tertiary.push(LOWER);
        }
    }

    /// Push `c` when it cannot make the text non-NFC (a character with no canonical combining
    /// class and NFC quick check "yes"); return `false` without pushing otherwise.
    #[inline]
    fn push_if_nfc(&mut self, table: &[Latin], c: char) -> bool {
        if c.is_ascii() {
            self.push_ce(ASCII[c as usize]);
            return true;
        }
        if let Some(e) = latin::lookup(table, c) {
            if e.letter != 0 {
                self.push_latin(e);
                return true;
            }
        }
        if canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        {
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

    /// The finished key: the three levels, then the (NFC) text.
    fn finish(self, text: &str) -> Vec<u8> {
        let Levels {
            primary: mut key,
            secondary,
            tertiary,
        } = self;
        key.reserve(secondary.len() + tertiary.len() + text.len() + 3);
        key.push(LEVEL_SEPARATOR);
        key.extend_from_slice(&secondary);
        key.push(LEVEL_SEPARATOR);
        key.extend_from_slice(&tertiary);
        key.push(LEVEL_SEPARATOR);
        key.extend_from_slice(text.as_bytes());
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
            _ => self.push_other(c),
        }
    }
}

fn code_point_bytes(c: char) -> [u8; 3] {
    let [_, a, b, c] = u32::from(c).to_be_bytes();
    [a, b, c]
}

/// The text in NFC, borrowed when it already is.
pub(super) fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
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
/// - letters of other scripts, and Latin letters that are not a base letter with accents
///   (ß, æ, ł…), sort after z by code point of their lower-case form; symbols that are not in
///   the measured table sort after the known ones and before the digits, by code point; accents
///   outside U+0300..U+036F sort after the known ones, by code point.
///
/// ```
/// use tthc::text::sort_key;
/// let mut names = vec!["Tây Yên", "Đông Thái", "bạ", "bả", "An Biên", "Ăn"];
/// names.sort_by_cached_key(|n| sort_key(n));
/// assert_eq!(names, ["An Biên", "Ăn", "bả", "bạ", "Đông Thái", "Tây Yên"]);
/// ```
pub fn sort_key(text: &str) -> Vec<u8> {
    let table = latin::table();
    let bytes = text.as_bytes();
    let mut levels = Levels::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            levels.push_ascii(b);
            i += 1;
            continue;
        }
        if let Some((e, len)) = latin::lookup_utf8(table, &bytes[i..]) {
            if e.letter != 0 {
                levels.push_latin(e);
                i += len;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if !levels.push_if_nfc(table, c) {
            // Maybe not NFC: start again on the NFC text.
            let text = nfc(text);
            let mut levels = Levels::with_capacity(text.len());
            for c in text.chars() {
                levels.push_char(table, c);
            }
            return levels.finish(&text);
        }
        i += c.len_utf8();
    }
    levels.finish(text)
}

/// Compare two texts in Vietnamese order: the order of their [`sort_key`]s.
///
/// ```
/// use std::cmp::Ordering;
/// assert_eq!(tthc::text::compare("Đông", "Tây"), Ordering::Less);
/// assert_eq!(tthc::text::compare("bả", "bạ"), Ordering::Less);
/// ```
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            sort_key("Ạ"),
            [LETTER, 1, 2, 14, 1, 3, 2, 1, 0xE1, 0xBA, 0xA0]
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
}
