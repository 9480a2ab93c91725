//! Writes `crates/tthc/src/text/unicode_tables.rs`, the Unicode data of the text module
//! (`text/unicode.rs`), from `unicode-normalization` (a dev-dependency), so that the two agree
//! on every code point (the unit tests of `text/unicode.rs` check all of them):
//!
//! ```sh
//! cargo run -p tthc --example make_unicode_tables > crates/tthc/src/text/unicode_tables.rs
//! cargo run -p tthc --example make_unicode_tables -- --small \
//!     > crates/tthc/src/text/unicode_small_tables.rs
//! cargo fmt --all
//! ```
//!
//! `--small` writes the tables of the `host-unicode` feature instead: the same data for the
//! characters of the Vietnamese and Latin ranges only (`SMALL_RANGES`, and what their
//! decompositions, lower-case forms and compositions reach); the host normalizes any other
//! text.
//!
//! The tables are small because they store runs and code-point boundaries instead of one entry
//! per character, decompositions as UTF-8, and the numbers as bytes: differences between
//! successive code points as LEB128 varints, which `text/unicode.rs` decodes once, on first
//! use, into the sorted `u32` tables it searches (it documents both forms).

use std::fmt::Write as _;

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, decompose_compatible,
    is_combining_mark, is_public_assigned,
};
use unicode_normalization::{is_nfc_quick, IsNormalized, UNICODE_VERSION};

/// Flag of a decomposition entry: the value is a code point (plus the index in the run).
const DIRECT: u32 = 1 << 31;
/// Flag of a canonical entry: the two characters of the pool compose to the code point.
const COMPOSES: u32 = 1 << 30;

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10_FFFFu32).filter_map(char::from_u32)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A decomposition table: keys `code point << 8 | (run length - 1)`, values, and the pool.
#[derive(Default)]
struct Table {
    keys: Vec<u32>,
    values: Vec<u32>,
    pool: String,
}

impl Table {
    /// Add `c` mapping to `parts`; a single character continues the previous run when both
    /// the code point and the target follow the run's.
    fn add(&mut self, c: char, parts: &[char], flags: u32) {
        let cp = u32::from(c);
        if let ([single], 0) = (parts, flags) {
            let target = u32::from(*single);
            if let (Some(key), Some(&value)) = (self.keys.last_mut(), self.values.last()) {
                let (start, len) = (*key >> 8, (*key & 0xFF) + 1);
                if value & DIRECT != 0
                    && start + len == cp
                    && (value & !DIRECT) + len == target
                    && len < 256
                {
                    *key += 1;
                    return;
                }
            }
            self.keys.push(cp << 8);
            self.values.push(DIRECT | target);
            return;
        }
        let text: String = parts.iter().collect();
        let offset = if let Some(i) = self.pool.find(&text) {
            i
        } else {
            self.pool.push_str(&text);
            self.pool.len() - text.len()
        };
        assert!(offset < 1 << 16 && text.len() < 1 << 8, "pool too large");
        self.keys.push(cp << 8);
        self.values
            .push(offset as u32 | (text.len() as u32) << 16 | flags);
    }

    /// The keys' bytes: per key, the varint of its code point minus the previous key's, then
    /// the byte `run length - 1`.
    fn key_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut last = 0;
        for &key in &self.keys {
            push_varint(&mut out, (key >> 8) - last);
            out.push((key & 0xFF) as u8);
            last = key >> 8;
        }
        out
    }

    /// The values' bytes: per value one varint `v`, by its two low bits: `01` a character,
    /// `v >> 2` the zigzag of its distance from the key's code point; `00` the next
    /// decomposition of the pool (where the previous new one ends), `v >> 3` its byte length,
    /// bit 2 the composition flag; `10` the same, followed by the varint of its pool offset
    /// (a decomposition the pool already held).
    fn value_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut next = 0;
        for (&key, &value) in self.keys.iter().zip(&self.values) {
            let cp = i64::from(key >> 8);
            if value & DIRECT != 0 {
                let distance = i64::from(value & !DIRECT) - cp;
                let zigzag = if distance < 0 {
                    -2 * distance - 1
                } else {
                    2 * distance
                };
                let zigzag = u32::try_from(zigzag).expect("a code point distance");
                push_varint(&mut out, zigzag << 2 | 1);
                continue;
            }
            let (offset, len) = (value & 0xFFFF, (value >> 16) & 0xFF);
            let composes = u32::from(value & COMPOSES != 0) << 2;
            if offset == next {
                push_varint(&mut out, len << 3 | composes);
                next += len;
            } else {
                push_varint(&mut out, len << 3 | composes | 2);
                push_varint(&mut out, offset);
            }
        }
        out
    }

    fn write(&self, out: &mut String, name: &str, doc: &str) {
        write_count(out, &format!("{name}_COUNT"), self.keys.len());
        writeln!(out, "\n/// {doc}: keys (see `text/unicode.rs`).").expect("writing to a String");
        write_bytes(out, &format!("{name}_KEYS"), &self.key_bytes());
        writeln!(out, "\n/// {doc}: values (see `text/unicode.rs`).").expect("writing to a String");
        write_bytes(out, &format!("{name}_VALUES"), &self.value_bytes());
        writeln!(
            out,
            "\n/// {doc}: the characters of the decompositions, in UTF-8."
        )
        .expect("writing to a String");
        // Every character other than printable ASCII escaped, so that the literal stays ASCII
        // (a mark after a letter would otherwise be written as non-NFC source text).
        let literal: String = self
            .pool
            .chars()
            .map(|c| match c {
                ' '..='~' if c != '"' && c != '\\' => c.to_string(),
                _ => format!("\\u{{{:x}}}", u32::from(c)),
            })
            .collect();
        writeln!(out, "pub(super) static {name}_POOL: &str = \"{literal}\";")
            .expect("writing to a String");
    }
}

/// Append `v` as an unsigned LEB128 varint: seven bits a byte, low bits first, the high bit
/// set on every byte but the last.
fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7F) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A byte string literal, letters and digits as they are and every other byte escaped, in
/// lines of about 100 columns (a `\` at the end of a line continues the literal).
fn write_bytes(out: &mut String, name: &str, bytes: &[u8]) {
    writeln!(
        out,
        "pub(super) static {name}: &[u8; {}] = b\"\\",
        bytes.len()
    )
    .expect("writing to a String");
    let mut line = String::from("    ");
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            line.push(char::from(b));
        } else {
            write!(line, "\\x{b:02X}").expect("writing to a String");
        }
        if line.len() >= 95 {
            writeln!(out, "{line}\\").expect("writing to a String");
            line = String::from("    ");
        }
    }
    writeln!(out, "{line}\";").expect("writing to a String");
}

/// The number of entries of a table once decoded: a constant, so that the decoder's table has
/// a length the compiler knows (its binary searches unroll).
fn write_count(out: &mut String, name: &str, count: usize) {
    writeln!(
        out,
        "\n/// Entries of the table below, decoded.\npub(super) const {name}: usize = {count};"
    )
    .expect("writing to a String");
}

/// A property table's bytes: per boundary, the varint of its code point minus the previous
/// boundary's, then its value as a byte, unless the property is a yes/no one (`binary`), whose
/// boundaries alternate between 1 (a run starts) and 0 (it ends).
fn boundary_bytes(boundaries: &[u32], binary: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, &b) in boundaries.iter().enumerate() {
        push_varint(&mut out, (b >> 8) - last);
        last = b >> 8;
        if binary {
            assert_eq!(
                b & 0xFF,
                u32::from(i % 2 == 0),
                "a yes/no property alternates"
            );
        } else {
            out.push((b & 0xFF) as u8);
        }
    }
    out
}

/// The code points where `f` changes value, starting from `f = default` below U+0000: each
/// boundary is `code point << 8 | value`. Only the characters that `wanted` accepts count: the others take the value before them (as
/// surrogates do), so that they never start a run.
fn boundaries(f: impl Fn(char) -> u8, wanted: impl Fn(&char) -> bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut last = 0u8;
    for cp in 0..=0x10_FFFFu32 {
        let v = char::from_u32(cp).filter(&wanted).map_or(last, &f);
        if v != last {
            out.push(cp << 8 | u32::from(v));
            last = v;
        }
    }
    out
}

/// The ranges of the small tables (`--small`): Basic Latin to Combining Diacritical Marks
/// (U+0000..U+036F), Latin Extended Additional (U+1E00..U+1EFF, the Vietnamese letters with
/// tones), and General Punctuation to Mathematical Operators (U+2000..U+22FF: dashes, quotes,
/// ellipsis, super- and subscripts, currency signs with ₫, letterlike symbols, number forms,
/// arrows, ≤ ≥ −). Must match `SMALL_RANGES` of `text/unicode_decode.rs`.
const SMALL_RANGES: [(u32, u32); 3] = [(0, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2300)];

fn in_small_ranges(c: char) -> bool {
    SMALL_RANGES
        .iter()
        .any(|&(start, end)| (start..end).contains(&u32::from(c)))
}

/// The characters the small tables answer for: the ranges, and everything that their
/// decompositions, lower-case forms and compositions reach (a fixed point), so that folding
/// and normalizing text of the ranges never needs a character the tables do not hold.
fn small_cover(
    pair_of: &std::collections::BTreeMap<char, (char, char)>,
) -> std::collections::BTreeSet<char> {
    let mut covered: std::collections::BTreeSet<char> =
        chars().filter(|&c| in_small_ranges(c)).collect();
    loop {
        let before = covered.len();
        let reached: Vec<char> = covered
            .iter()
            .flat_map(|&c| {
                let mut d = Vec::new();
                decompose_canonical(c, |x| d.push(x));
                decompose_compatible(c, |x| d.push(x));
                // Folding lower-cases before it decomposes (`Ω` → `ω`).
                d.extend(c.to_lowercase());
                d
            })
            .collect();
        covered.extend(reached);
        let composed: Vec<char> = pair_of
            .iter()
            .filter(|(_, (a, b))| covered.contains(a) && covered.contains(b))
            .map(|(&c, _)| c)
            .collect();
        covered.extend(composed);
        if covered.len() == before {
            return covered;
        }
    }
}

fn main() {
    let small = std::env::args().any(|a| a == "--small");
    // 1. Composition pairs: the second characters are the non-first characters of canonical
    //    decompositions and the starters that compose (found by trying every pair below).
    let mut firsts = Vec::new();
    let mut seconds = Vec::new();
    for c in chars().filter(|&c| !is_hangul_syllable(c)) {
        let mut d = Vec::new();
        decompose_canonical(c, |x| d.push(x));
        if d != [c] {
            firsts.push(c);
            firsts.extend(&d);
            seconds.extend(&d[1..]);
        }
    }
    firsts.sort_unstable();
    firsts.dedup();
    seconds.sort_unstable();
    seconds.dedup();
    let mut pair_of = std::collections::BTreeMap::new();
    for &a in &firsts {
        for &b in &seconds {
            if let Some(c) = compose(a, b) {
                if !is_hangul_syllable(c) {
                    pair_of.insert(c, (a, b));
                }
            }
        }
    }

    // The characters written: every one, or those the small tables cover.
    let cover = small.then(|| small_cover(&pair_of));
    let wanted = |c: &char| !is_hangul_syllable(*c) && cover.as_ref().is_none_or(|s| s.contains(c));

    // 2. Canonical decompositions: a composable pair, or the full decomposition.
    let mut canonical = Table::default();
    for c in chars().filter(wanted) {
        if let Some(&(a, b)) = pair_of.get(&c) {
            canonical.add(c, &[a, b], COMPOSES);
            continue;
        }
        let mut d = Vec::new();
        decompose_canonical(c, |x| d.push(x));
        if d != [c] {
            canonical.add(c, &d, 0);
        }
    }

    // 3. Compatibility decompositions that differ from the canonical one: in full.
    let mut compatible = Table::default();
    for c in chars().filter(wanted) {
        let (mut d, mut k) = (Vec::new(), Vec::new());
        decompose_canonical(c, |x| d.push(x));
        decompose_compatible(c, |x| k.push(x));
        if k != d {
            compatible.add(c, &k, 0);
        }
    }

    // Hangul syllables count for the properties (the decompositions compute them).
    let wanted = |c: &char| is_hangul_syllable(*c) || cover.as_ref().is_none_or(|s| s.contains(c));
    let ccc = boundaries(canonical_combining_class, wanted);
    let marks = boundaries(|c| u8::from(is_combining_mark(c)), wanted);
    let assigned = boundaries(|c| u8::from(is_public_assigned(c)), wanted);
    let not_nfc = boundaries(
        |c| u8::from(is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes),
        wanted,
    );

    let (major, minor, patch) = UNICODE_VERSION;
    let mut out = String::new();
    if let Some(cover) = &cover {
        writeln!(
            out,
            "// @generated by crates/tthc/examples/make_unicode_tables.rs --small — do not edit by hand.\n\
             // Unicode {major}.{minor}.{patch}, from unicode-normalization.\n\
             //! The small Unicode tables of the `host-unicode` feature (`text/unicode_decode.rs`):\n\
             //! decompositions, composition pairs, combining classes, combining marks, assigned code\n\
             //! points and the NFC quick check of the characters they cover only: the ranges\n\
             //! `SMALL_RANGES` and [`EXTRA`] (and the Hangul syllables, computed). Same encodings as\n\
             //! `unicode_tables.rs`."
        )
        .expect("writing to a String");
        let extra: Vec<String> = cover
            .iter()
            .filter(|&&c| !in_small_ranges(c))
            .map(|&c| format!("'\\u{{{:X}}}'", u32::from(c)))
            .collect();
        writeln!(
            out,
            "\n/// The characters outside the ranges that their decompositions, lower-case forms\n\
             /// and compositions reach, sorted.\npub(super) static EXTRA: [char; {}] = [{}];",
            extra.len(),
            extra.join(", ")
        )
        .expect("writing to a String");
    } else {
        writeln!(
            out,
            "// @generated by crates/tthc/examples/make_unicode_tables.rs — do not edit by hand.\n\
             // Unicode {major}.{minor}.{patch}, from unicode-normalization.\n\
             //! The Unicode data of `text/unicode.rs`: decompositions, composition pairs, combining\n\
             //! classes, combining marks, assigned code points and the NFC quick check, as bytes\n\
             //! that `text/unicode.rs` decodes on first use (it documents the encodings)."
        )
        .expect("writing to a String");
    }
    canonical.write(&mut out, "CANONICAL", "Canonical decompositions");
    compatible.write(
        &mut out,
        "COMPATIBLE",
        "Compatibility decompositions that differ from the canonical one",
    );
    let properties: [(&str, &str, &[u32], bool); 4] = [
        (
            "COMBINING_CLASSES",
            "Canonical combining classes: the code points where the class changes, each with the class.",
            &ccc,
            false,
        ),
        (
            "COMBINING_MARKS",
            "Combining marks (General_Category M): the code points where a run starts and ends.",
            &marks,
            true,
        ),
        (
            "PUBLIC_ASSIGNED",
            "Assigned code points that are not private-use: boundaries as [`COMBINING_MARKS`].",
            &assigned,
            true,
        ),
        (
            "NOT_NFC_QUICK",
            "Characters whose NFC quick check is not \"yes\": boundaries as [`COMBINING_MARKS`].",
            &not_nfc,
            true,
        ),
    ];
    for (name, doc, table, binary) in properties {
        write_count(&mut out, &format!("{name}_COUNT"), table.len());
        writeln!(out, "\n/// {doc}").expect("writing to a String");
        write_bytes(&mut out, name, &boundary_bytes(table, binary));
    }
    print!("{out}");
}
