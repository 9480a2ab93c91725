//! What a Latin letter is made of: its letter of the Vietnamese alphabet, its case, and the
//! accents left over. Shared by folding and collation; built once from the canonical
//! decompositions of the text module's Unicode tables (`unicode.rs`), so no hand-written table can
//! drift from Unicode.

use std::sync::OnceLock;

use super::tables::MARKS;
use super::unicode::{canonical_combining_class, decompose_canonical};

/// Index in `LETTERS` (the alphabet in `tables.rs`) of the letters that the code names.
pub(super) const A: u8 = 0;
pub(super) const A_BREVE: u8 = 1;
pub(super) const A_CIRCUMFLEX: u8 = 2;
pub(super) const D_STROKE: u8 = 6;
pub(super) const E: u8 = 7;
pub(super) const E_CIRCUMFLEX: u8 = 8;
pub(super) const O: u8 = 18;
pub(super) const O_CIRCUMFLEX: u8 = 19;
pub(super) const O_HORN: u8 = 20;
pub(super) const U: u8 = 26;
pub(super) const U_HORN: u8 = 27;

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31B}';
/// ICU sorts `ø` exactly as `o` followed by U+0338 COMBINING LONG SOLIDUS OVERLAY.
const LONG_SOLIDUS: char = '\u{338}';

/// The index in `LETTERS` of an ASCII letter (either case).
pub(super) fn ascii_letter(b: u8) -> Option<u8> {
    let lower = b.to_ascii_lowercase();
    if !lower.is_ascii_lowercase() {
        return None;
    }
    // a..z with ă â after a, đ after d, ê after e, ô ơ after o, ư after u.
    let n = lower - b'a';
    let shift = match lower {
        b'a' => 0,
        b'b'..=b'd' => 2,
        b'e' => 3,
        b'f'..=b'o' => 4,
        b'p'..=b'u' => 6,
        _ => 7,
    };
    Some(n + shift)
}

/// A Latin character taken apart: letter, case and the accents that remain after the
/// Vietnamese letters (ă â đ ê ô ơ ư) have been recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parts {
    /// Index in `LETTERS`.
    pub(super) letter: u8,
    /// The character is upper case.
    pub(super) upper: bool,
    /// Combining marks left over, in canonical order (a tone, or other accents).
    pub(super) marks: Vec<char>,
}

/// Take a character apart when it is a Latin letter, possibly with accents; `None` otherwise.
///
/// The Vietnamese letters with a breve, circumflex or horn are single letters of the alphabet,
/// as in ICU's `vi` tailoring; the mark is recognised even when another accent with a lower
/// combining class sits between (`ặ` = a + dot below + breve), as ICU's discontiguous
/// contractions do, but not when one of the same class blocks it.
pub(super) fn parts(c: char) -> Option<Parts> {
    match c {
        'đ' => {
            return Some(Parts {
                letter: D_STROKE,
                upper: false,
                marks: Vec::new(),
            });
        }
        'Đ' => {
            return Some(Parts {
                letter: D_STROKE,
                upper: true,
                marks: Vec::new(),
            });
        }
        'ø' | 'Ø' => {
            return Some(Parts {
                letter: O,
                upper: c == 'Ø',
                marks: vec![LONG_SOLIDUS],
            });
        }
        _ => {}
    }
    let mut decomposed = Vec::with_capacity(4);
    decompose_canonical(c, |d| decomposed.push(d));
    let (&base, marks) = decomposed.split_first()?;
    if !base.is_ascii_alphabetic() || marks.iter().any(|&m| canonical_combining_class(m) == 0) {
        return None;
    }
    let mut letter = ascii_letter(base as u8)?;
    let mut marks = marks.to_vec();
    let contraction = marks.iter().enumerate().find_map(|(i, &m)| {
        let unblocked =
            i == 0 || canonical_combining_class(marks[i - 1]) < canonical_combining_class(m);
        let target = match (letter, m) {
            (A, BREVE) => A_BREVE,
            (A, CIRCUMFLEX) => A_CIRCUMFLEX,
            (E, CIRCUMFLEX) => E_CIRCUMFLEX,
            (O, CIRCUMFLEX) => O_CIRCUMFLEX,
            (O, HORN) => O_HORN,
            (U, HORN) => U_HORN,
            _ => return None,
        };
        unblocked.then_some((i, target))
    });
    if let Some((i, target)) = contraction {
        marks.remove(i);
        letter = target;
    }
    Some(Parts {
        letter,
        upper: base.is_ascii_uppercase(),
        marks,
    })
}

/// The secondary weight of a combining mark from the measured table, if it has one.
pub(super) fn mark_weight(m: char) -> Option<u8> {
    MARKS
        .binary_search_by_key(&m, |&(c, _)| c)
        .ok()
        .map(|i| MARKS[i].1)
}

/// One precomputed entry of [`table`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Latin {
    /// What the character folds to: an ASCII lower-case letter, or 0 when it does not fold to one.
    pub(super) fold: u8,
    /// 1 + index in `LETTERS`, or 0 when collation must take the general path.
    pub(super) letter: u8,
    /// The character is upper case.
    pub(super) upper: bool,
    /// Secondary weights of the remaining marks (0 = none).
    pub(super) marks: [u8; 2],
}

/// First code point of the Latin-1 letters, Latin Extended-A and Extended-B block.
pub(super) const BLOCK1: u32 = 0xC0;
/// One past the last code point of that block.
pub(super) const BLOCK1_END: u32 = 0x250;
/// First code point of Latin Extended Additional (the Vietnamese letters with tones).
pub(super) const BLOCK2: u32 = 0x1E00;
/// One past the last code point of Latin Extended Additional.
pub(super) const BLOCK2_END: u32 = 0x1F00;

/// The precomputed entries of U+00C0..U+024F followed by U+1E00..U+1EFF.
pub(super) fn table() -> &'static [Latin] {
    static TABLE: OnceLock<Vec<Latin>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (BLOCK1..BLOCK1_END)
            .chain(BLOCK2..BLOCK2_END)
            .map(|cp| char::from_u32(cp).map(entry).unwrap_or_default())
            .collect()
    })
}

/// The entry of `c` in [`table`] when `c` is in one of its two blocks.
#[inline]
pub(super) fn lookup(table: &[Latin], c: char) -> Option<Latin> {
    let cp = c as u32;
    let i = if (BLOCK1..BLOCK1_END).contains(&cp) {
        cp - BLOCK1
    } else if (BLOCK2..BLOCK2_END).contains(&cp) {
        cp - BLOCK2 + (BLOCK1_END - BLOCK1)
    } else {
        return None;
    };
    table.get(i as usize).copied()
}

/// The entry of the character that `bytes` (valid UTF-8) starts with, and its length, when it is
/// in one of the two blocks of [`table`]; decodes the two or three bytes directly.
#[inline]
pub(super) fn lookup_utf8(table: &[Latin], bytes: &[u8]) -> Option<(Latin, usize)> {
    match *bytes {
        // U+00C0..U+024F: lead bytes C3..C9.
        [b0 @ 0xC3..=0xC9, b1, ..] => {
            let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if cp >= BLOCK1_END {
                return None;
            }
            table.get((cp - BLOCK1) as usize).map(|&e| (e, 2))
        }
        // U+1E00..U+1EFF: E1 B8..BB xx.
        [0xE1, b1 @ 0xB8..=0xBB, b2, ..] => {
            let cp = BLOCK2 + (u32::from(b1 - 0xB8) << 6) + u32::from(b2 & 0x3F);
            table
                .get((cp - BLOCK2 + (BLOCK1_END - BLOCK1)) as usize)
                .map(|&e| (e, 3))
        }
        _ => None,
    }
}

fn entry(c: char) -> Latin {
    let fold = fold_letter(c);
    let Some(p) = parts(c) else {
        return Latin {
            fold,
            ..Latin::default()
        };
    };
    let mut marks = [0u8; 2];
    if p.marks.len() > marks.len() {
        return Latin {
            fold,
            ..Latin::default()
        };
    }
    for (slot, &m) in marks.iter_mut().zip(&p.marks) {
        match mark_weight(m) {
            Some(w) => *slot = w,
            None => {
                return Latin {
                    fold,
                    ..Latin::default()
                }
            }
        }
    }
    Latin {
        fold,
        letter: p.letter + 1,
        upper: p.upper,
        marks,
    }
}

/// The ASCII letter a Latin letter folds to: its decomposition's base letter when the rest are
/// accents (U+0300..U+036F), plus the letters with a stroke đ, ø, ł; 0 otherwise.
fn fold_letter(c: char) -> u8 {
    match c {
        'đ' | 'Đ' => return b'd',
        'ø' | 'Ø' => return b'o',
        'ł' | 'Ł' => return b'l',
        _ => {}
    }
    let mut decomposed = Vec::with_capacity(4);
    decompose_canonical(c, |d| decomposed.push(d));
    match decomposed.split_first() {
        Some((&base, marks))
            if base.is_ascii_alphabetic()
                && !marks.is_empty()
                && marks.iter().all(|&m| ('\u{300}'..='\u{36F}').contains(&m)) =>
        {
            base.to_ascii_lowercase() as u8
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tables::LETTERS;

    #[test]
    fn letter_constants_match_the_alphabet() {
        let letters: Vec<char> = LETTERS.chars().collect();
        for (i, want) in [
            (A, 'a'),
            (A_BREVE, 'ă'),
            (A_CIRCUMFLEX, 'â'),
            (D_STROKE, 'đ'),
            (E, 'e'),
            (E_CIRCUMFLEX, 'ê'),
            (O, 'o'),
            (O_CIRCUMFLEX, 'ô'),
            (O_HORN, 'ơ'),
            (U, 'u'),
            (U_HORN, 'ư'),
        ] {
            assert_eq!(letters[usize::from(i)], want);
        }
        for b in b'a'..=b'z' {
            let i = ascii_letter(b).expect("a letter");
            assert_eq!(letters[usize::from(i)], char::from(b));
            assert_eq!(ascii_letter(b.to_ascii_uppercase()), Some(i));
        }
        assert_eq!(ascii_letter(b'1'), None);
    }

    #[test]
    fn vietnamese_letters_are_taken_apart() {
        let p = parts('ặ').expect("Latin");
        assert_eq!(
            (p.letter, p.upper, p.marks),
            (A_BREVE, false, vec!['\u{323}'])
        );
        let p = parts('Ờ').expect("Latin");
        assert_eq!(
            (p.letter, p.upper, p.marks),
            (O_HORN, true, vec!['\u{300}'])
        );
        let p = parts('ĕ').expect("Latin");
        assert_eq!((p.letter, p.marks), (E, vec!['\u{306}']));
        assert_eq!(parts('ß'), None);
        assert_eq!(parts('α'), None);
    }

    #[test]
    fn the_table_agrees_with_parts() {
        let table = table();
        for cp in (BLOCK1..BLOCK1_END).chain(BLOCK2..BLOCK2_END) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let e = lookup(table, c).expect("in the table");
            if e.letter != 0 {
                let p = parts(c).expect("Latin");
                assert_eq!(e.letter - 1, p.letter, "{c}");
                assert_eq!(e.upper, p.upper, "{c}");
            }
        }
        // Every Vietnamese letter has a fast entry.
        for c in "ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựỳỷỹỵýĐđƯưƠơ".chars()
        {
            let e = lookup(table, c).expect("in the table");
            assert_ne!(e.letter, 0, "{c}");
            assert_ne!(e.fold, 0, "{c}");
        }
        assert_eq!(lookup(table, 'a'), None);
        // The direct UTF-8 decoding agrees with char decoding.
        for cp in (0x80..0x800).chain(0x1D00..0x2000) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = lookup(table, c).map(|e| (e, bytes.len()));
            assert_eq!(lookup_utf8(table, bytes), want, "U+{cp:04X}");
        }
        // The collation's fast path relies on this: a letter of the table never makes a text
        // non-NFC by itself.
        for cp in (BLOCK1..BLOCK1_END).chain(BLOCK2..BLOCK2_END) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if lookup(table, c).is_some_and(|e| e.letter != 0) {
                assert!(
                    crate::text::unicode::is_nfc_quick(c.encode_utf8(&mut [0; 4])),
                    "U+{cp:04X}"
                );
            }
        }
        assert_eq!(lookup_utf8(table, b""), None);
        assert_eq!(lookup_utf8(table, b"a"), None);
    }
}
