//! Writes `crates/tthc/src/text/unicode_tables.rs`, the Unicode data of the text module
//! (`text/unicode.rs`), from `unicode-normalization` (a dev-dependency), so that the two agree
//! on every code point (the unit tests of `text/unicode.rs` check all of them):
//!
//! ```sh
//! cargo run -p tthc --example make_unicode_tables > crates/tthc/src/text/unicode_tables.rs
//! cargo fmt --all
//! ```
//!
//! The tables are small because they store runs and code-point boundaries instead of one entry
//! per character, and decompositions as UTF-8; `text/unicode.rs` documents each encoding.

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

    fn write(&self, out: &mut String, name: &str, doc: &str) {
        writeln!(out, "\n/// {doc}: keys (see `text/unicode.rs`).").expect("writing to a String");
        write_u32s(out, &format!("{name}_KEYS"), &self.keys);
        writeln!(out, "\n/// {doc}: values (see `text/unicode.rs`).").expect("writing to a String");
        write_u32s(out, &format!("{name}_VALUES"), &self.values);
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

fn write_u32s(out: &mut String, name: &str, values: &[u32]) {
    writeln!(out, "pub(super) static {name}: [u32; {}] = [", values.len())
        .expect("writing to a String");
    for v in values {
        writeln!(out, "    0x{v:X},").expect("writing to a String");
    }
    writeln!(out, "];").expect("writing to a String");
}

/// The code points where `f` changes value, starting from `f = default` below U+0000: each
/// boundary is `code point << 8 | value`.
fn boundaries(f: impl Fn(char) -> u8) -> Vec<u32> {
    let mut out = Vec::new();
    let mut last = 0u8;
    for cp in 0..=0x10_FFFFu32 {
        // Surrogates take the value of U+D7FF, so that they never start a run.
        let v = char::from_u32(cp).map_or(last, &f);
        if v != last {
            out.push(cp << 8 | u32::from(v));
            last = v;
        }
    }
    out
}

fn main() {
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

    // 2. Canonical decompositions: a composable pair, or the full decomposition.
    let mut canonical = Table::default();
    for c in chars().filter(|&c| !is_hangul_syllable(c)) {
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
    for c in chars().filter(|&c| !is_hangul_syllable(c)) {
        let (mut d, mut k) = (Vec::new(), Vec::new());
        decompose_canonical(c, |x| d.push(x));
        decompose_compatible(c, |x| k.push(x));
        if k != d {
            compatible.add(c, &k, 0);
        }
    }

    let ccc = boundaries(canonical_combining_class);
    let marks = boundaries(|c| u8::from(is_combining_mark(c)));
    let assigned = boundaries(|c| u8::from(is_public_assigned(c)));
    let not_nfc = boundaries(|c| u8::from(is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes));

    let (major, minor, patch) = UNICODE_VERSION;
    let mut out = String::new();
    writeln!(
        out,
        "// @generated by crates/tthc/examples/make_unicode_tables.rs — do not edit by hand.\n\
         // Unicode {major}.{minor}.{patch}, from unicode-normalization.\n\
         //! The Unicode data of `text/unicode.rs`: decompositions, composition pairs, combining\n\
         //! classes, combining marks, assigned code points and the NFC quick check.\n\
         // reason: a generated table of code points\n\
         #![allow(clippy::unreadable_literal)]"
    )
    .expect("writing to a String");
    canonical.write(&mut out, "CANONICAL", "Canonical decompositions");
    compatible.write(
        &mut out,
        "COMPATIBLE",
        "Compatibility decompositions that differ from the canonical one",
    );
    writeln!(
        out,
        "\n/// Canonical combining classes: `code point << 8 | class` where the class changes."
    )
    .expect("writing to a String");
    write_u32s(&mut out, "COMBINING_CLASSES", &ccc);
    writeln!(out, "\n/// Combining marks (General_Category M): `code point << 8 | 1` where a run starts, `<< 8` where it ends.").expect("writing to a String");
    write_u32s(&mut out, "COMBINING_MARKS", &marks);
    writeln!(
        out,
        "\n/// Assigned code points that are not private-use: boundaries as [`COMBINING_MARKS`]."
    )
    .expect("writing to a String");
    write_u32s(&mut out, "PUBLIC_ASSIGNED", &assigned);
    writeln!(
        out,
        "\n/// Characters whose NFC quick check is not \"yes\": boundaries as [`COMBINING_MARKS`]."
    )
    .expect("writing to a String");
    write_u32s(&mut out, "NOT_NFC_QUICK", &not_nfc);
    print!("{out}");
}
