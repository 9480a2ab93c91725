//! The Unicode normalization the text module needs (canonical and compatibility
//! decomposition, canonical combining classes, composition, NFC), on our own tables
//! (`unicode_tables.rs`, generated from `unicode-normalization` by
//! `crates/tthc/examples/make_unicode_tables.rs`). Every function gives, on every code point,
//! what `unicode-normalization` gives (the tests below check them all); the tables take a third
//! of that crate's bytes, which matters for the WebAssembly module.
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
//!   0 before the first one.
//!
//! As stored (`unicode_tables.rs`), each table is bytes, decoded once, on first use: numbers
//! are unsigned LEB128 varints (seven bits a byte, low bits first, high bit set but on the
//! last byte), code points the difference from the previous entry's (the first from 0), which
//! compresses to a third of the `u32` tables' gzip size in the WebAssembly module.
//! - `*_KEYS`: per key, the varint code point, then one byte `run length - 1`;
//! - `*_VALUES`: per key, a varint `v` whose two low bits say what it is: `01` a character,
//!   `v >> 2` the zigzag-encoded distance from the key's code point; `00` the decomposition
//!   that starts where the last `00` one ends in the pool (the first at 0), `v >> 3` its byte
//!   length, bit 2 the composition flag (bit 30 above); `10` the same, then the varint of its
//!   pool offset (a decomposition shared with an earlier key);
//! - a property table: per boundary, the varint code point, then the value as a byte for
//!   combining classes; the yes/no properties leave the value out: it alternates 1, 0, 1….

use std::sync::OnceLock;

use super::unicode_tables as stored;

const DIRECT: u32 = 1 << 31;
const COMPOSES: u32 = 1 << 30;

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// One decomposition from a table: a character, or a slice of the pool.
enum Decomposition {
    Char(char),
    Pool(&'static str),
}

/// A decomposition table as searched (module documentation), of `N` keys: a length the
/// compiler knows, so that its binary search unrolls as it did on the former static arrays.
struct Decompositions<const N: usize> {
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
    fn decode(keys: &[u8], values: &[u8], pool: &'static str) -> Decompositions<N> {
        let (keys, values) = decode_decompositions(keys, values);
        Decompositions {
            keys: fixed(keys),
            values: fixed(values),
            pool,
        }
    }

    fn lookup(&self, c: char) -> Option<Decomposition> {
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

/// The canonical decompositions, decoded on first use.
fn canonical() -> &'static Decompositions<{ stored::CANONICAL_COUNT }> {
    static TABLE: OnceLock<Decompositions<{ stored::CANONICAL_COUNT }>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Decompositions::decode(
            stored::CANONICAL_KEYS,
            stored::CANONICAL_VALUES,
            stored::CANONICAL_POOL,
        )
    })
}

/// The compatibility decompositions that differ from the canonical ones, decoded on first use.
fn compatible() -> &'static Decompositions<{ stored::COMPATIBLE_COUNT }> {
    static TABLE: OnceLock<Decompositions<{ stored::COMPATIBLE_COUNT }>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Decompositions::decode(
            stored::COMPATIBLE_KEYS,
            stored::COMPATIBLE_VALUES,
            stored::COMPATIBLE_POOL,
        )
    })
}

/// A stored property table of `N` boundaries, decoded into `cell` on first use; `binary` for
/// the yes/no ones.
fn boundaries<const N: usize>(
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

fn property<const N: usize>(table: &[u32; N], c: char) -> u8 {
    let cp = u32::from(c);
    table
        .partition_point(|&b| b >> 8 <= cp)
        .checked_sub(1)
        .map_or(0, |i| (table[i] & 0xFF) as u8)
}

/// Emit the canonical decomposition (NFD, not reordered) of `c`.
pub(crate) fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    decompose_canonical_into(c, &mut emit);
}

fn decompose_canonical_into(c: char, emit: &mut dyn FnMut(char)) {
    let cp = u32::from(c);
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let jamo = [
            L_BASE + s / N_COUNT,
            V_BASE + (s % N_COUNT) / T_COUNT,
            T_BASE + s % T_COUNT,
        ];
        let n = if s % T_COUNT == 0 { 2 } else { 3 };
        jamo[..n]
            .iter()
            .filter_map(|&j| char::from_u32(j))
            .for_each(emit);
        return;
    }
    match canonical().lookup(c) {
        None => emit(c),
        Some(Decomposition::Char(d)) => decompose_canonical_into(d, emit),
        Some(Decomposition::Pool(parts)) => {
            for d in parts.chars() {
                decompose_canonical_into(d, emit);
            }
        }
    }
}

/// Emit the compatibility decomposition (NFKD, not reordered) of `c`.
pub(crate) fn decompose_compatible(c: char, mut emit: impl FnMut(char)) {
    match compatible().lookup(c) {
        None => decompose_canonical_into(c, &mut emit),
        Some(Decomposition::Char(d)) => emit(d),
        Some(Decomposition::Pool(parts)) => parts.chars().for_each(emit),
    }
}

/// The canonical combining class of `c` (0 for starters).
pub(crate) fn canonical_combining_class(c: char) -> u8 {
    static TABLE: OnceLock<[u32; stored::COMBINING_CLASSES_COUNT]> = OnceLock::new();
    if c.is_ascii() {
        return 0;
    }
    property(boundaries(&TABLE, stored::COMBINING_CLASSES, false), c)
}

/// Whether `c` is a combining mark (General_Category Mn, Mc or Me).
pub(crate) fn is_combining_mark(c: char) -> bool {
    static TABLE: OnceLock<[u32; stored::COMBINING_MARKS_COUNT]> = OnceLock::new();
    !c.is_ascii() && property(boundaries(&TABLE, stored::COMBINING_MARKS, true), c) != 0
}

/// Whether `c` is assigned and not a private-use character (nor a surrogate or noncharacter).
pub(crate) fn is_public_assigned(c: char) -> bool {
    static TABLE: OnceLock<[u32; stored::PUBLIC_ASSIGNED_COUNT]> = OnceLock::new();
    property(boundaries(&TABLE, stored::PUBLIC_ASSIGNED, true), c) != 0
}

/// The primary composite of `a` and `b`, if there is one.
pub(crate) fn compose(a: char, b: char) -> Option<char> {
    let (a32, b32) = (u32::from(a), u32::from(b));
    if (L_BASE..L_BASE + L_COUNT).contains(&a32) && (V_BASE..V_BASE + V_COUNT).contains(&b32) {
        let s = S_BASE + ((a32 - L_BASE) * V_COUNT + (b32 - V_BASE)) * T_COUNT;
        return char::from_u32(s);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a32)
        && (a32 - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b32)
    {
        return char::from_u32(a32 + b32 - T_BASE);
    }
    let pairs = compositions();
    let key = pair_key(a, b);
    pairs
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| pairs[i].1)
}

fn pair_key(a: char, b: char) -> u64 {
    u64::from(a) << 21 | u64::from(b)
}

/// The composition pairs, sorted: made once from the canonical table.
fn compositions() -> &'static [(u64, char)] {
    static PAIRS: OnceLock<Vec<(u64, char)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let table = canonical();
        let mut pairs: Vec<(u64, char)> = table
            .keys
            .iter()
            .zip(table.values.iter())
            .filter(|&(_, &v)| v & COMPOSES != 0)
            .filter_map(|(&k, &v)| {
                let mut parts = pool_slice(table.pool, v)?.chars();
                let pair = pair_key(parts.next()?, parts.next()?);
                Some((pair, char::from_u32(k >> 8)?))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

/// Whether the text is surely in NFC (Unicode's NFC quick check answers "yes"); `false` when
/// it may not be.
pub(crate) fn is_nfc_quick(text: impl Iterator<Item = char>) -> bool {
    static TABLE: OnceLock<[u32; stored::NOT_NFC_QUICK_COUNT]> = OnceLock::new();
    let not_quick = boundaries(&TABLE, stored::NOT_NFC_QUICK, true);
    let mut last = 0;
    for c in text {
        if c.is_ascii() {
            last = 0;
            continue;
        }
        let class = canonical_combining_class(c);
        if (last > class && class != 0) || property(not_quick, c) != 0 {
            return false;
        }
        last = class;
    }
    true
}

/// The canonical decomposition of the text, in canonical order (NFD).
pub(crate) fn nfd(text: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::new();
    for c in text {
        decompose_canonical(c, |d| out.push(d));
    }
    reorder(&mut out);
    out
}

/// Sort each run of non-starters by combining class, keeping the order of equal classes.
fn reorder(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if canonical_combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| canonical_combining_class(c));
    }
}

/// The text in NFC: canonical decomposition, canonical order, then canonical composition.
pub(crate) fn nfc(text: impl Iterator<Item = char>) -> Vec<char> {
    let decomposed = nfd(text);
    let mut out: Vec<char> = Vec::with_capacity(decomposed.len());
    // The last starter in `out`, and the class of the last character after it (`None` when
    // the starter is the last character).
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in decomposed {
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last >= class);
            if !blocked {
                if let Some(composed) = compose(out[s], c) {
                    out[s] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char as un;
    use unicode_normalization::UnicodeNormalization;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10_FFFFu32).filter_map(char::from_u32)
    }

    fn collect(f: impl Fn(char, &mut dyn FnMut(char)), c: char) -> Vec<char> {
        let mut out = Vec::new();
        f(c, &mut |d| out.push(d));
        out
    }

    #[test]
    fn every_code_point_as_unicode_normalization() {
        for c in all_chars() {
            assert_eq!(
                collect(|c, f| decompose_canonical(c, f), c),
                collect(|c, f| un::decompose_canonical(c, f), c),
                "canonical U+{:04X}",
                u32::from(c)
            );
            assert_eq!(
                collect(|c, f| decompose_compatible(c, f), c),
                collect(|c, f| un::decompose_compatible(c, f), c),
                "compatible U+{:04X}",
                u32::from(c)
            );
            assert_eq!(
                canonical_combining_class(c),
                un::canonical_combining_class(c),
                "U+{:04X}",
                u32::from(c)
            );
            assert_eq!(is_combining_mark(c), un::is_combining_mark(c));
            assert_eq!(is_public_assigned(c), un::is_public_assigned(c));
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                unicode_normalization::is_nfc_quick(std::iter::once(c))
                    == unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                u32::from(c)
            );
            let s = c.to_string();
            assert_eq!(nfc(s.chars()), s.nfc().collect::<Vec<_>>());
            assert_eq!(nfd(s.chars()), s.nfd().collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_composition_as_unicode_normalization() {
        // Every character that is the first or the second of a decomposition, paired with
        // every second one.
        let mut firsts = Vec::new();
        let mut seconds = Vec::new();
        for c in all_chars() {
            let d = collect(|c, f| un::decompose_canonical(c, f), c);
            if d.len() > 1 {
                firsts.push(c);
                firsts.extend(&d);
                seconds.extend(&d[1..]);
            }
        }
        seconds.extend(('\u{1161}'..='\u{11C2}').chain(['\u{0BBE}', '\u{0CD5}']));
        firsts.extend(('\u{1100}'..='\u{1112}').chain(['\u{AC00}', '\u{AC01}', '\u{D7A3}']));
        firsts.sort_unstable();
        firsts.dedup();
        seconds.sort_unstable();
        seconds.dedup();
        for &a in &firsts {
            for &b in &seconds {
                assert_eq!(compose(a, b), un::compose(a, b), "{a:?} {b:?}");
            }
        }
    }

    /// Strings of characters drawn from the marks, the Latin letters and the composable
    /// characters, in a fixed pseudo-random sequence: NFC, NFD and the quick check agree.
    #[test]
    fn texts_as_unicode_normalization() {
        let pool: Vec<char> = ('\u{0041}'..='\u{0050}')
            .chain('\u{00C0}'..='\u{0110}')
            .chain('\u{0300}'..='\u{0345}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{1F00}'..='\u{1F20}')
            .chain([
                '\u{0344}', '\u{0F73}', '\u{0958}', '\u{1100}', '\u{1161}', '\u{11A8}',
            ])
            .chain([
                '\u{AC00}', '\u{0B47}', '\u{0B3E}', '\u{05B0}', '\u{0591}', 'ﬁ', '①',
            ])
            .collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 7) as usize + 1;
            let text: String = (0..len)
                .map(|i| pool[((state >> (8 * i)) as usize ^ i) % pool.len()])
                .collect();
            let want_nfc: Vec<char> = text.nfc().collect();
            assert_eq!(nfc(text.chars()), want_nfc, "{text:?}");
            assert_eq!(
                nfd(text.chars()),
                text.nfd().collect::<Vec<_>>(),
                "{text:?}"
            );
            let quick = unicode_normalization::is_nfc_quick(text.chars())
                == unicode_normalization::IsNormalized::Yes;
            assert_eq!(is_nfc_quick(text.chars()), quick, "{text:?}");
        }
    }
}
