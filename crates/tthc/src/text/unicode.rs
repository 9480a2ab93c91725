//! The Unicode normalization the text module needs (canonical and compatibility
//! decomposition, canonical combining classes, composition, NFC), on our own tables
//! (`unicode_decode.rs` decodes them; `unicode_tables.rs` is generated from
//! `unicode-normalization` by `crates/tthc/examples/make_unicode_tables.rs`). Every function
//! gives, on every code point, what `unicode-normalization` gives (the tests below check them
//! all); the tables take a third of that crate's bytes, which matters for the WebAssembly
//! module.
//!
//! With the `host-unicode` feature the full tables give way to small ones
//! (`unicode_small_tables.rs`) that cover the characters of the Vietnamese and Latin ranges
//! (`unicode_decode::covers`), and everything else goes to the host the binding registered
//! (`host.rs`): a character the small tables do not cover, or a text holding one, is
//! decomposed, normalized and classified by the host. No host gives combining classes: the
//! small tables hold those of their characters, and no caller needs others (see
//! `canonical_combining_class`); the kinds of compatibility decompositions stay as they are
//! (`compat.rs`).

#[cfg(feature = "host-unicode")]
use super::host::{self, NormalForm};
#[cfg(any(test, feature = "host-unicode"))]
use super::unicode_decode::covers;
#[cfg(not(feature = "host-unicode"))]
use super::unicode_decode::Full as Own;
#[cfg(feature = "host-unicode")]
use super::unicode_decode::Small as Own;
use super::unicode_decode::{pair_key, Decomposition, Tables};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn is_hangul_syllable(c: char) -> bool {
    (S_BASE..S_BASE + S_COUNT).contains(&u32::from(c))
}

/// Whether the own tables answer for `c`: always with the full tables; with the small ones,
/// for the characters they cover and the Hangul syllables (computed).
#[inline]
fn own(c: char) -> bool {
    #[cfg(feature = "host-unicode")]
    {
        covers(c) || is_hangul_syllable(c)
    }
    #[cfg(not(feature = "host-unicode"))]
    {
        let _ = c;
        true
    }
}

/// Emit the canonical decomposition (NFD, not reordered) of `c`.
pub(crate) fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    #[cfg(feature = "host-unicode")]
    if !own(c) {
        return host::normalize_char(NormalForm::Nfd, c, &mut emit);
    }
    canonical_into::<Own>(c, &mut emit);
}

fn canonical_into<T: Tables>(c: char, emit: &mut dyn FnMut(char)) {
    let cp = u32::from(c);
    if is_hangul_syllable(c) {
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
    match T::canonical(c) {
        None => emit(c),
        Some(Decomposition::Char(d)) => canonical_into::<T>(d, emit),
        Some(Decomposition::Pool(parts)) => {
            for d in parts.chars() {
                canonical_into::<T>(d, emit);
            }
        }
    }
}

/// Emit the compatibility decomposition (NFKD, not reordered) of `c`.
pub(crate) fn decompose_compatible(c: char, mut emit: impl FnMut(char)) {
    #[cfg(feature = "host-unicode")]
    if !own(c) {
        return host::normalize_char(NormalForm::Nfkd, c, &mut emit);
    }
    compatible_into::<Own>(c, &mut emit);
}

fn compatible_into<T: Tables>(c: char, emit: &mut dyn FnMut(char)) {
    match T::compatible(c) {
        None => canonical_into::<T>(c, emit),
        Some(Decomposition::Char(d)) => emit(d),
        Some(Decomposition::Pool(parts)) => parts.chars().for_each(emit),
    }
}

/// The canonical combining class of `c` (0 for starters). With the small tables, 0 for the
/// characters they do not cover: no host gives the class, and no caller needs it there (the
/// callers ask it of the marks of Latin letters, and whether a character may change in NFC,
/// which the quick check answers "maybe" for such a character anyway; a test checks that no
/// other character decomposes to a Latin letter).
pub(crate) fn canonical_combining_class(c: char) -> u8 {
    #[cfg(feature = "host-unicode")]
    if !covers(c) {
        return 0;
    }
    class::<Own>(c)
}

/// The canonical combining class of `c` in the tables `T`.
#[inline]
fn class<T: Tables>(c: char) -> u8 {
    if c.is_ascii() {
        return 0;
    }
    T::combining_class(c)
}

/// Whether `c` is a combining mark (General_Category Mn, Mc or Me).
pub(crate) fn is_combining_mark(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    #[cfg(feature = "host-unicode")]
    if !covers(c) {
        return host::is_combining_mark(c);
    }
    Own::combining_mark(c)
}

/// Whether `c` is assigned and not a private-use character (nor a surrogate or noncharacter).
pub(crate) fn is_public_assigned(c: char) -> bool {
    #[cfg(feature = "host-unicode")]
    if !own(c) {
        return host::is_public_assigned(c);
    }
    Own::public_assigned(c)
}

/// The primary composite of `a` and `b`, if there is one.
fn compose<T: Tables>(a: char, b: char) -> Option<char> {
    let (a32, b32) = (u32::from(a), u32::from(b));
    if (L_BASE..L_BASE + L_COUNT).contains(&a32) && (V_BASE..V_BASE + V_COUNT).contains(&b32) {
        let s = S_BASE + ((a32 - L_BASE) * V_COUNT + (b32 - V_BASE)) * T_COUNT;
        return char::from_u32(s);
    }
    if is_hangul_syllable(a)
        && (a32 - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b32)
    {
        return char::from_u32(a32 + b32 - T_BASE);
    }
    let pairs = T::compositions();
    let key = pair_key(a, b);
    pairs
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| pairs[i].1)
}

/// Whether the text is surely in NFC (Unicode's NFC quick check answers "yes"); `false` when
/// it may not be. With the small tables, also `false` when a character is not theirs.
pub(crate) fn is_nfc_quick(text: &str) -> bool {
    nfc_quick::<Own>(text.chars(), own)
}

fn nfc_quick<T: Tables>(text: impl Iterator<Item = char>, own: impl Fn(char) -> bool) -> bool {
    let mut last = 0;
    for c in text {
        if c.is_ascii() {
            last = 0;
            continue;
        }
        if !own(c) {
            return false;
        }
        let class = T::combining_class(c);
        if (last > class && class != 0) || T::not_nfc_quick(c) {
            return false;
        }
        last = class;
    }
    true
}

/// The canonical decomposition of the text, in canonical order (NFD).
fn nfd<T: Tables>(text: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::new();
    for c in text {
        canonical_into::<T>(c, &mut |d| out.push(d));
    }
    reorder::<T>(&mut out);
    out
}

/// Sort each run of non-starters by combining class, keeping the order of equal classes.
fn reorder<T: Tables>(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if class::<T>(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && class::<T>(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| class::<T>(c));
    }
}

/// The text in NFC: canonical decomposition, canonical order, then canonical composition;
/// with the small tables, by the host when a character is not theirs. Text in, text out: one
/// copy of the normalizer in the WebAssembly module, whoever calls it.
pub(crate) fn nfc(text: &str) -> String {
    #[cfg(feature = "host-unicode")]
    if !text.chars().all(own) {
        return host::normalize(NormalForm::Nfc, text);
    }
    nfc_with::<Own>(text.chars()).into_iter().collect()
}

fn nfc_with<T: Tables>(text: impl Iterator<Item = char>) -> Vec<char> {
    let decomposed = nfd::<T>(text);
    let mut out: Vec<char> = Vec::with_capacity(decomposed.len());
    // The last starter in `out`, and the class of the last character after it (`None` when
    // the starter is the last character).
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in decomposed {
        let class = class::<T>(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last >= class);
            if !blocked {
                if let Some(composed) = compose::<T>(out[s], c) {
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
    use super::super::unicode_decode::{Full, Small};
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

    fn quick_reference(text: &str) -> bool {
        unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    }

    /// The functions of the build (full tables, or small tables and the host) on every code
    /// point.
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
            let want = un::canonical_combining_class(c);
            assert_eq!(class::<Full>(c), want, "U+{:04X}", u32::from(c));
            if covers(c) || cfg!(not(feature = "host-unicode")) {
                assert_eq!(canonical_combining_class(c), want, "U+{:04X}", u32::from(c));
            }
            assert_eq!(is_combining_mark(c), un::is_combining_mark(c));
            assert_eq!(is_public_assigned(c), un::is_public_assigned(c));
            let s = c.to_string();
            // With the small tables the quick check may say "maybe" outside them.
            if own(c) {
                assert_eq!(
                    is_nfc_quick(&s),
                    quick_reference(&s),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
            assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }
    }

    /// On every code point the small tables cover, they answer as `unicode-normalization` and
    /// the full tables: decompositions, marks, assigned, the quick check, NFC, NFD and NFKD.
    #[test]
    fn small_tables_as_the_full_ones() {
        let mut covered = 0;
        for c in all_chars().filter(|&c| covers(c)) {
            covered += 1;
            let cp = u32::from(c);
            let canonical = collect(|c, f| un::decompose_canonical(c, f), c);
            assert_eq!(collect(canonical_into::<Small>, c), canonical, "U+{cp:04X}");
            assert_eq!(collect(canonical_into::<Full>, c), canonical, "U+{cp:04X}");
            let compatible = collect(|c, f| un::decompose_compatible(c, f), c);
            assert_eq!(
                collect(compatible_into::<Small>, c),
                compatible,
                "U+{cp:04X}"
            );
            assert_eq!(
                collect(compatible_into::<Full>, c),
                compatible,
                "U+{cp:04X}"
            );
            let want = un::canonical_combining_class(c);
            assert_eq!(class::<Small>(c), want, "U+{cp:04X}");
            assert_eq!(
                Small::combining_mark(c),
                un::is_combining_mark(c),
                "U+{cp:04X}"
            );
            assert_eq!(
                Small::combining_mark(c),
                Full::combining_mark(c),
                "U+{cp:04X}"
            );
            assert_eq!(
                Small::public_assigned(c),
                un::is_public_assigned(c),
                "U+{cp:04X}"
            );
            assert_eq!(
                Small::public_assigned(c),
                Full::public_assigned(c),
                "U+{cp:04X}"
            );
            let s = c.to_string();
            let quick = quick_reference(&s);
            assert_eq!(nfc_quick::<Small>(s.chars(), covers), quick, "U+{cp:04X}");
            assert_eq!(nfc_quick::<Full>(s.chars(), |_| true), quick, "U+{cp:04X}");
            let want: Vec<char> = s.nfc().collect();
            assert_eq!(nfc_with::<Small>(s.chars()), want, "U+{cp:04X}");
            assert_eq!(nfc_with::<Full>(s.chars()), want, "U+{cp:04X}");
            let want: Vec<char> = s.nfd().collect();
            assert_eq!(nfd::<Small>(s.chars()), want, "U+{cp:04X}");
            assert_eq!(nfd::<Full>(s.chars()), want, "U+{cp:04X}");
            let mut nfkd = collect(compatible_into::<Small>, c);
            reorder::<Small>(&mut nfkd);
            assert_eq!(nfkd, s.nfkd().collect::<Vec<_>>(), "U+{cp:04X}");
        }
        // U+0000..U+036F, U+1E00..U+1EFF, U+2000..U+22FF and what they reach.
        assert!(covered > 0x370 + 0x100 + 0x300, "{covered}");
    }

    /// The host is asked for NFD and NFKD of one character where the tables give its
    /// decomposition unordered: the same on every code point (a character's decomposition is
    /// in canonical order).
    #[test]
    fn one_character_forms_are_its_decompositions() {
        for c in all_chars() {
            let s = c.to_string();
            assert_eq!(
                s.nfd().collect::<Vec<_>>(),
                collect(|c, f| un::decompose_canonical(c, f), c),
                "U+{:04X}",
                u32::from(c)
            );
            assert_eq!(
                s.nfkd().collect::<Vec<_>>(),
                collect(|c, f| un::decompose_compatible(c, f), c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// The small tables give no combining class beyond them (`canonical_combining_class`):
    /// no character they do not cover decomposes to a Latin letter (whose marks `latin.rs`
    /// orders).
    #[test]
    fn no_class_needed_beyond_the_small_tables() {
        for c in all_chars().filter(|&c| !covers(c) && !is_hangul_syllable(c)) {
            let d = collect(|c, f| un::decompose_canonical(c, f), c);
            assert!(
                d == [c] || !d[0].is_ascii_alphabetic(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// Every character that is the first or the second of a decomposition, paired with
    /// every second one: the full tables on all, the small ones on those they cover.
    #[test]
    fn every_composition_as_unicode_normalization() {
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
                let want = un::compose(a, b);
                assert_eq!(compose::<Full>(a, b), want, "{a:?} {b:?}");
                if covers(a) && covers(b) {
                    assert_eq!(compose::<Small>(a, b), want, "{a:?} {b:?}");
                }
            }
        }
    }

    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
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
            let state = xorshift(&mut state);
            let len = (state % 7) as usize + 1;
            let text: String = (0..len)
                .map(|i| pool[((state >> (8 * i)) as usize ^ i) % pool.len()])
                .collect();
            let want_nfc: Vec<char> = text.nfc().collect();
            assert_eq!(nfc(&text).chars().collect::<Vec<_>>(), want_nfc, "{text:?}");
            assert_eq!(nfc_with::<Full>(text.chars()), want_nfc, "{text:?}");
            assert_eq!(
                nfd::<Full>(text.chars()),
                text.nfd().collect::<Vec<_>>(),
                "{text:?}"
            );
            let quick = quick_reference(&text);
            assert_eq!(nfc_quick::<Full>(text.chars(), |_| true), quick, "{text:?}");
            if text.chars().all(own) {
                assert_eq!(is_nfc_quick(&text), quick, "{text:?}");
            }
        }
    }

    /// Texts of the characters the small tables cover (marks in any order, composites that
    /// leave the ranges such as U+0385 and Ω): the small tables normalize them as
    /// `unicode-normalization`, and the functions of the build never ask the host.
    #[test]
    fn covered_texts_by_the_small_tables_alone() {
        let pool: Vec<char> = ('\u{0000}'..='\u{036F}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2000}'..='\u{22FF}')
            .filter(|&c| covers(c))
            .collect();
        let marks: Vec<char> = ('\u{0300}'..='\u{036F}').collect();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        #[cfg(feature = "host-unicode")]
        let calls = super::super::host::tests::CALLS.with(std::cell::Cell::get);
        for round in 0..200_000 {
            let state = xorshift(&mut state);
            let len = (state % 6) as usize + 1;
            let text: String = (0..len)
                .map(|i| {
                    let r = (state >> (9 * i)) as usize ^ i;
                    // Half marks, so that they pile up on the letters.
                    if r & 1 == 0 {
                        marks[(r >> 1) % marks.len()]
                    } else {
                        pool[(r >> 1) % pool.len()]
                    }
                })
                .collect();
            let want: Vec<char> = text.nfc().collect();
            assert_eq!(nfc_with::<Small>(text.chars()), want, "{text:?}");
            assert_eq!(nfc(&text).chars().collect::<Vec<_>>(), want, "{text:?}");
            assert_eq!(
                nfd::<Small>(text.chars()),
                text.nfd().collect::<Vec<_>>(),
                "{text:?}"
            );
            let quick = quick_reference(&text);
            assert_eq!(nfc_quick::<Small>(text.chars(), covers), quick, "{text:?}");
            let _ = (super::super::fold(&text), super::super::sort_key(&text));
            if round % 8 == 0 {
                let c = text.chars().next().unwrap_or('a');
                let _ = (is_combining_mark(c), is_public_assigned(c));
                decompose_compatible(c, |_| {});
            }
        }
        #[cfg(feature = "host-unicode")]
        assert_eq!(
            super::super::host::tests::CALLS.with(std::cell::Cell::get),
            calls,
            "text of the small tables asked the host"
        );
    }
}
