//! Folding: the form in which two spellings of the same Vietnamese words are equal.

use super::latin::{self, Latin};
use super::unicode::{self, decompose_canonical};

/// Fold text for comparison and search: lower case, without tones or other accents, `đ`/`Đ` as
/// `d`, runs of white space as one space, no leading or trailing space, in NFC.
///
/// Two spellings of the same words fold to the same string: "Uỷ ban" and "Ủy ban" (old and new
/// tone placement), "hoà" and "hòa", NFC and NFD input, "ĐĂNG KÝ" and "đăng ký".
///
/// Precisely, character by character:
/// - letters are lower-cased (Unicode simple and full mappings, as [`char::to_lowercase`]);
/// - accents are removed: the combining marks of the blocks Combining Diacritical Marks
///   (U+0300..U+036F, which hold all Vietnamese tones and the breve, circumflex and horn),
///   its Extended and Supplement blocks, Combining Marks for Symbols and Combining Half Marks,
///   whether they come precomposed or not. Marks of other scripts (Thai, Devanagari…) are kept;
/// - `đ`, `ø`, `ł` (and their capitals), which do not decompose, become `d`, `o`, `l`; other
///   letters that do not decompose (`ß`, `æ`, Greek, Cyrillic…) are only lower-cased;
/// - white space (Unicode `White_Space`: spaces, tabs, line breaks, NBSP…) separates words:
///   each run becomes one ASCII space, and none is kept at either end;
/// - control characters and invisible format characters (soft hyphen, zero-width space and
///   joiners, direction marks, BOM, variation selectors) are dropped;
/// - everything else (digits, punctuation, symbols) is kept as it is.
///
/// ASCII and the Vietnamese letters take a table-driven fast path; only other scripts go
/// through canonical decomposition and a final NFC pass.
///
/// ```
/// use tthc::text::fold;
/// assert_eq!(fold("  Thủ tục  ĐĂNG KÝ\tkhai sinh "), "thu tuc dang ky khai sinh");
/// assert_eq!(fold("Uỷ ban"), fold("Ủy ban"));
/// ```
pub fn fold(text: &str) -> String {
    let table = latin::table();
    let bytes = text.as_bytes();
    let mut out = Folded {
        bytes: Vec::with_capacity(bytes.len()),
        space: false,
    };
    let mut general = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match ASCII_FOLD[usize::from(b)] {
            DROP => i += 1,
            SPACE => {
                out.space();
                i += 1;
            }
            NON_ASCII => {
                // The Vietnamese letters: decode their two or three bytes directly.
                if let Some((latin, len)) = latin::lookup_utf8(table, &bytes[i..]) {
                    if latin.fold != 0 {
                        out.push_byte(latin.fold);
                        i += len;
                        continue;
                    }
                }
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                if c.is_whitespace() {
                    out.space();
                } else if !is_accent(c) && !is_invisible(c) {
                    general = true;
                    fold_general(table, c, &mut out);
                }
            }
            _ => {
                // A run of ASCII letters, digits and punctuation, lower-cased in one go.
                let run = bytes[i..]
                    .iter()
                    .take_while(|&&b| ASCII_FOLD[usize::from(b)] > NON_ASCII)
                    .count();
                out.push_ascii_run(&bytes[i..i + run]);
                i += run;
            }
        }
    }
    // Only ASCII bytes and whole characters were pushed, so this never fails.
    let folded = String::from_utf8(out.bytes).unwrap_or_default();
    if general && !unicode::is_nfc_quick(&folded) {
        return unicode::nfc(&folded);
    }
    folded
}

/// [`ASCII_FOLD`]: drop the byte (control characters).
const DROP: u8 = 0;
/// [`ASCII_FOLD`]: white space.
const SPACE: u8 = 1;
/// [`ASCII_FOLD`]: the first byte of a non-ASCII character (or a continuation byte).
const NON_ASCII: u8 = 2;

/// What each byte folds to: an ASCII byte to itself in lower case, [`SPACE`] or [`DROP`]; the
/// others are [`NON_ASCII`].
static ASCII_FOLD: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c.is_ascii_punctuation() {
            c.to_ascii_lowercase()
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else {
            DROP
        };
        b += 1;
    }
    t
};

/// The output being built, with a pending space.
struct Folded {
    bytes: Vec<u8>,
    space: bool,
}

impl Folded {
    #[inline]
    fn push_byte(&mut self, b: u8) {
        if self.space {
            self.bytes.push(b' ');
            self.space = false;
        }
        self.bytes.push(b);
    }

    #[inline]
    fn push_ascii_run(&mut self, run: &[u8]) {
        if self.space {
            self.bytes.push(b' ');
            self.space = false;
        }
        self.bytes.extend(run.iter().map(u8::to_ascii_lowercase));
    }

    fn push(&mut self, c: char) {
        if self.space {
            self.bytes.push(b' ');
            self.space = false;
        }
        let mut buf = [0; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    #[inline]
    fn space(&mut self) {
        self.space = !self.bytes.is_empty();
    }
}

/// Lower-case, decompose, drop accents.
fn fold_general(table: &[Latin], c: char, out: &mut Folded) {
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if is_accent(d) || is_invisible(d) {
                return;
            }
            match latin::lookup(table, d) {
                Some(Latin { fold: f @ 1.., .. }) => out.push_byte(f),
                _ => out.push(d),
            }
        });
    }
}

/// Combining marks that are accents on Latin (and Greek, Cyrillic) letters.
fn is_accent(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}'     // Combining Diacritical Marks
        | '\u{1AB0}'..='\u{1AFF}' // … Extended
        | '\u{1DC0}'..='\u{1DFF}' // … Supplement
        | '\u{20D0}'..='\u{20FF}' // … for Symbols
        | '\u{FE20}'..='\u{FE2F}' // Combining Half Marks
    )
}

/// Control characters (other than white space) and invisible format characters.
fn is_invisible(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c,
            '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::fold;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn tones_and_letters() {
        assert_eq!(fold("Đăng ký khai sinh"), "dang ky khai sinh");
        assert_eq!(fold("ĐƯỜNG"), "duong");
        assert_eq!(
            fold("ặằẳẵắ ẤẦẨẪẬ ơờởỡớợ ưừửữứự"),
            "aaaaa aaaaa oooooo uuuuuu"
        );
        assert_eq!(fold("Uỷ ban"), "uy ban");
        assert_eq!(fold("Ủy ban"), "uy ban");
        assert_eq!(fold("hoà"), fold("hòa"));
    }

    #[test]
    fn nfd_input() {
        let nfc = "Thủ tục đăng ký kết hôn";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(&nfd), "thu tuc dang ky ket hon");
        assert_eq!(fold("D\u{31b}\u{300}"), "d");
    }

    #[test]
    fn spaces() {
        assert_eq!(fold("  a  b\t\tc\u{a0}d\n"), "a b c d");
        assert_eq!(fold(" \t "), "");
        assert_eq!(fold(""), "");
        assert_eq!(fold("a \u{301} b"), "a b");
        assert_eq!(fold("a\u{ad}b\u{200b}c"), "abc");
    }

    #[test]
    fn other_scripts() {
        assert_eq!(fold("ΆΛΦΑ"), "αλφα");
        assert_eq!(fold("Straße ŁÓDŹ Ørsted"), "straße lodz orsted");
        assert_eq!(fold("İ"), "i");
        // Hangul stays composed (NFC), punctuation and digits stay.
        assert_eq!(fold("한국 (1.001193)"), "한국 (1.001193)");
        let nfd_hangul: String = "한".nfd().collect();
        assert_eq!(fold(&nfd_hangul), "한");
    }
}
