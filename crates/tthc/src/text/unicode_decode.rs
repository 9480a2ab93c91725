//! The stored Unicode tables of the text module, decoded: the full ones (`unicode_tables.rs`)
//! and, for the `host-unicode` feature, the small ones (`unicode_small_tables.rs`, the
//! characters of [`SMALL_RANGES`] and what they reach), each behind [`Tables`], so that the
//! algorithms of `unicode.rs` run on either.
//!
//! Encodings, as searched (`u32` tables, sorted):
//! - a **decomposition table** (`Decompositions`: canonical, compatible) is sorted keys
//!   `code point << 8 | (run length - 1)` and one value per key: with bit 31 set, the first
//!   code point of the run maps to the character `value & 0x1F_FFFF` and each next one to the
//!   next character; otherwise the value is `offset | byte length << 16` of the decomposition
//!   in the table's pool (UTF-8), and in the canonical values bit 30 marks a primary composite
//!   whose pool holds the two characters it is composed of (decomposed again, recursively).
//!   Other canonical entries hold the full decomposition; compatibility entries hold the full
//!   compatibility decomposition (NFKD) of the characters where it differs from the canonical
//!   one. Hangul syllables are computed (Unicode §3.12);
//! - a **property table** (combining classes, combining marks, public assigned, not NFC quick)
//!   is the sorted code points where the value changes, `code point << 8 | value`; the value is
//!   0 before the first one. The small tables' properties are right on the characters they
//!   cover only (the others take the value before them).
//!
//! As stored, each table is bytes, decoded once, on first use: numbers are unsigned LEB128
//! varints (seven bits a byte, low bits first, high bit set but on the last byte), code points
//! the difference from the previous entry's (the first from 0), which compresses to a third of
//! the `u32` tables' gzip size in the WebAssembly module.
//! - `*_KEYS`: per key, the varint code point, then one byte `run length - 1`;
//! - `*_VALUES`: per key, a varint `v` whose two low bits say what it is: `01` a character,
//!   `v >> 2` the zigzag-encoded distance from the key's code point; `00` the decomposition
//!   that starts where the last `00` one ends in the pool (the first at 0), `v >> 3` its byte
//!   length, bit 2 the composition flag (bit 30 above); `10` the same, then the varint of its
//!   pool offset (a decomposition shared with an earlier key);
//! - a property table: per boundary, the varint code point, then the value as a byte for
//!   combining classes; the yes/no properties leave the value out: it alternates 1, 0, 1….

use std::sync::OnceLock;

#[cfg(any(test, feature = "host-unicode"))]
use super::unicode_small_tables as small;
#[cfg(any(test, not(feature = "host-unicode")))]
use super::unicode_tables as full;

const DIRECT: u32 = 1 << 31;
const COMPOSES: u32 = 1 << 30;

/// One decomposition from a table: a character, or a slice of the pool.
pub(super) enum Decomposition {
    Char(char),
    Pool(&'static str),
}

/// The data the normalization algorithms of `unicode.rs` read: one implementation per set of
/// stored tables.
pub(super) trait Tables {
    /// The canonical decomposition of `c` (one level: a pair is decomposed again), if any.
    fn canonical(c: char) -> Option<Decomposition>;
    /// The compatibility decomposition (NFKD) of `c`, where it differs from the canonical one.
    fn compatible(c: char) -> Option<Decomposition>;
    /// The canonical combining class of `c` (0 for starters).
    fn combining_class(c: char) -> u8;
    /// Whether `c` is a combining mark (General_Category M).
    fn combining_mark(c: char) -> bool;
    /// Whether `c` is assigned and not private-use (nor a surrogate or noncharacter).
    fn public_assigned(c: char) -> bool;
    /// Whether the NFC quick check of `c` is not "yes".
    fn not_nfc_quick(c: char) -> bool;
    /// The composition pairs `(first << 21 | second, composite)`, sorted.
    fn compositions() -> &'static [(u64, char)];
}

/// A decomposition table as searched (module documentation), of `N` keys: a length the
/// compiler knows, so that its binary search unrolls as it did on the former static arrays.
pub(super) struct Decompositions<const N: usize> {
    keys: [u32; N],
    values: [u32; N],
    pool: &'static str,
}

/// Decoded numbers as an array of the length the generator wrote down (`*_COUNT`); zeros, a
/// table that finds nothing, if they were not that many (they are: the data is generated, and
/// the tests compare every code point).
fn fixed<const N: usize>(numbers: Vec<u32>) -> [u32; N] {
    numbers.try_into().unwrap_or([0; N])
}

/// The bytes of a stored table, read front to back.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        self.0.next().copied()
    }

    /// The next unsigned LEB128 varint (at most five bytes).
    fn varint(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

impl<const N: usize> Decompositions<N> {
    /// Decode a stored table (module documentation): keys and values in step.
    pub(super) fn decode(keys: &[u8], values: &[u8], pool: &'static str) -> Decompositions<N> {
        let (keys, values) = decode_decompositions(keys, values);
        Decompositions {
            keys: fixed(keys),
            values: fixed(values),
            pool,
        }
    }

    pub(super) fn lookup(&self, c: char) -> Option<Decomposition> {
        let cp = u32::from(c);
        let i = self
            .keys
            .partition_point(|&k| k >> 8 <= cp)
            .checked_sub(1)?;
        let (start, len) = (self.keys[i] >> 8, (self.keys[i] & 0xFF) + 1);
        if cp >= start + len {
            return None;
        }
        let v = self.values[i];
        if v & DIRECT != 0 {
            return char::from_u32((v & !DIRECT) + cp - start).map(Decomposition::Char);
        }
        Some(Decomposition::Pool(pool_slice(self.pool, v)?))
    }

    /// The composition pairs of a canonical table, sorted.
    pub(super) fn pairs(&self) -> Vec<(u64, char)> {
        let mut pairs: Vec<(u64, char)> = self
            .keys
            .iter()
            .zip(self.values.iter())
            .filter(|&(_, &v)| v & COMPOSES != 0)
            .filter_map(|(&k, &v)| {
                let mut parts = pool_slice(self.pool, v)?.chars();
                let pair = pair_key(parts.next()?, parts.next()?);
                Some((pair, char::from_u32(k >> 8)?))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    }
}

/// The key of a composition pair.
pub(super) fn pair_key(a: char, b: char) -> u64 {
    u64::from(a) << 21 | u64::from(b)
}

/// The keys and values of a stored decomposition table, decoded in step.
fn decode_decompositions(keys: &[u8], values: &[u8]) -> (Vec<u32>, Vec<u32>) {
    let mut table = (Vec::new(), Vec::new());
    let (mut keys, mut values) = (Bytes(keys.iter()), Bytes(values.iter()));
    let (mut cp, mut next) = (0u32, 0u32);
    while let (Some(delta), Some(run), Some(v)) = (keys.varint(), keys.byte(), values.varint()) {
        cp = cp.saturating_add(delta);
        let value = if v & 3 == 1 {
            let zigzag = i64::from(v >> 2);
            let distance = if zigzag & 1 == 0 {
                zigzag / 2
            } else {
                -(zigzag + 1) / 2
            };
            let Ok(target) = u32::try_from(i64::from(cp) + distance) else {
                break;
            };
            DIRECT | target
        } else {
            let len = v >> 3;
            let offset = if v & 3 == 2 {
                let Some(offset) = values.varint() else {
                    break;
                };
                offset
            } else {
                next = next.saturating_add(len);
                next - len
            };
            let composes = if v & 4 == 0 { 0 } else { COMPOSES };
            offset | len << 16 | composes
        };
        table.0.push(cp << 8 | u32::from(run));
        table.1.push(value);
    }
    table
}

/// A stored property table of `N` boundaries, decoded into `cell` on first use; `binary` for
/// the yes/no ones.
pub(super) fn boundaries<const N: usize>(
    cell: &'static OnceLock<[u32; N]>,
    bytes: &[u8],
    binary: bool,
) -> &'static [u32; N] {
    cell.get_or_init(|| fixed(decode_boundaries(bytes, binary)))
}

/// The boundaries of a stored property table (module documentation).
fn decode_boundaries(bytes: &[u8], binary: bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut bytes = Bytes(bytes.iter());
    let mut cp = 0u32;
    while let Some(delta) = bytes.varint() {
        cp = cp.saturating_add(delta);
        let value = if binary {
            Some(u8::from(out.len() % 2 == 0))
        } else {
            bytes.byte()
        };
        let Some(value) = value else { break };
        out.push(cp << 8 | u32::from(value));
    }
    out
}

/// The decomposition that a pool entry's value points to.
fn pool_slice(pool: &'static str, value: u32) -> Option<&'static str> {
    let offset = (value & 0xFFFF) as usize;
    let bytes = ((value >> 16) & 0xFF) as usize;
    pool.get(offset..offset + bytes)
}

/// The value of a property table at `c`.
pub(super) fn property<const N: usize>(table: &[u32; N], c: char) -> u8 {
    let cp = u32::from(c);
    table
        .partition_point(|&b| b >> 8 <= cp)
        .checked_sub(1)
        .map_or(0, |i| (table[i] & 0xFF) as u8)
}

/// [`Tables`] on a module of stored tables (`unicode_tables.rs` or
/// `unicode_small_tables.rs`): each table decoded on first use.
macro_rules! stored_tables {
    ($name:ident, $stored:ident) => {
        impl $name {
            /// The canonical decompositions, decoded on first use.
            fn canonical_table() -> &'static Decompositions<{ $stored::CANONICAL_COUNT }> {
                static TABLE: OnceLock<Decompositions<{ $stored::CANONICAL_COUNT }>> =
                    OnceLock::new();
                TABLE.get_or_init(|| {
                    Decompositions::decode(
                        $stored::CANONICAL_KEYS,
                        $stored::CANONICAL_VALUES,
                        $stored::CANONICAL_POOL,
                    )
                })
            }
        }

        impl Tables for $name {
            fn canonical(c: char) -> Option<Decomposition> {
                Self::canonical_table().lookup(c)
            }

            fn compatible(c: char) -> Option<Decomposition> {
                static TABLE: OnceLock<Decompositions<{ $stored::COMPATIBLE_COUNT }>> =
                    OnceLock::new();
                TABLE
                    .get_or_init(|| {
                        Decompositions::decode(
                            $stored::COMPATIBLE_KEYS,
                            $stored::COMPATIBLE_VALUES,
                            $stored::COMPATIBLE_POOL,
                        )
                    })
                    .lookup(c)
            }

            fn combining_class(c: char) -> u8 {
                static TABLE: OnceLock<[u32; $stored::COMBINING_CLASSES_COUNT]> = OnceLock::new();
                property(boundaries(&TABLE, $stored::COMBINING_CLASSES, false), c)
            }

            fn combining_mark(c: char) -> bool {
                static TABLE: OnceLock<[u32; $stored::COMBINING_MARKS_COUNT]> = OnceLock::new();
                property(boundaries(&TABLE, $stored::COMBINING_MARKS, true), c) != 0
            }

            fn public_assigned(c: char) -> bool {
                static TABLE: OnceLock<[u32; $stored::PUBLIC_ASSIGNED_COUNT]> = OnceLock::new();
                property(boundaries(&TABLE, $stored::PUBLIC_ASSIGNED, true), c) != 0
            }

            fn not_nfc_quick(c: char) -> bool {
                static TABLE: OnceLock<[u32; $stored::NOT_NFC_QUICK_COUNT]> = OnceLock::new();
                property(boundaries(&TABLE, $stored::NOT_NFC_QUICK, true), c) != 0
            }

            fn compositions() -> &'static [(u64, char)] {
                static PAIRS: OnceLock<Vec<(u64, char)>> = OnceLock::new();
                PAIRS.get_or_init(|| Self::canonical_table().pairs())
            }
        }
    };
}

/// The full tables (`unicode_tables.rs`): every code point.
#[cfg(any(test, not(feature = "host-unicode")))]
pub(super) struct Full;

#[cfg(any(test, not(feature = "host-unicode")))]
stored_tables!(Full, full);

/// The small tables (`unicode_small_tables.rs`): right on the characters [`covers`] accepts
/// only.
#[cfg(any(test, feature = "host-unicode"))]
pub(super) struct Small;

#[cfg(any(test, feature = "host-unicode"))]
stored_tables!(Small, small);

/// The ranges of code points the small tables cover (`SMALL_RANGES` of
/// `examples/make_unicode_tables.rs`): Basic Latin to Combining Diacritical Marks
/// (U+0000..U+036F), Latin Extended Additional (U+1E00..U+1EFF, the Vietnamese letters with
/// tones), General Punctuation to Mathematical Operators (U+2000..U+22FF: dashes, quotes,
/// ellipsis, super- and subscripts, currency signs with ₫, letterlike symbols, number forms,
/// arrows, ≤ ≥ −).
#[cfg(any(test, feature = "host-unicode"))]
pub(super) const SMALL_RANGES: [(u32, u32); 3] = [(0, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2300)];

/// Whether the small tables answer for `c`: a character of [`SMALL_RANGES`], or one that their
/// decompositions, lower-case forms and compositions reach (`EXTRA`: Greek letters of `µ`,
/// `Ω`, `ℼ`… and their lower case, the Hebrew letters of `ℵ`…, composites such as U+0385).
#[cfg(any(test, feature = "host-unicode"))]
#[inline]
pub(super) fn covers(c: char) -> bool {
    let cp = u32::from(c);
    SMALL_RANGES
        .iter()
        .any(|&(start, end)| (start..end).contains(&cp))
        || small::EXTRA.binary_search(&c).is_ok()
}
