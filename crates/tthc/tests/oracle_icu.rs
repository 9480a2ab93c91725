//! `tthc::text::sort_key` and `compare` against ICU4X's `vi` collation (`icu_collator` with
//! compiled data, default options: tertiary strength, punctuation not ignored — the options of
//! `new Intl.Collator('vi')`), an implementation independent of the Node/Chromium ICU that
//! generated the other collation oracles.
//!
//! Random strings drawn from Vietnamese text: the alphabet (đ/Đ included) in both cases, the
//! five tones on every vowel, NFC or NFD, digits, spaces and punctuation; half of the pairs
//! are a string and a small edit of it (a tone, a case, a letter, the normal form), so the
//! secondary and tertiary levels are tried as often as the primary one. Where ICU orders two
//! strings, `sort_key` must order them the same way; where ICU calls them equal, the key may
//! order them (a fixed order by code point, documented). Seeded and reproducible:
//! `TTHC_ORACLE_SEED` and `TTHC_ORACLE_CASES` (default 30,000 pairs).

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use tthc::text::{compare, sort_key};
use unicode_normalization::UnicodeNormalization;

mod oracle_rng;
use oracle_rng::Rng;

const LETTERS: &[char] = &[
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];
const VOWELS: &[char] = &['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/// No tone, huyền, hỏi, ngã, sắc, nặng (combining; the string is then put in NFC or NFD).
const TONES: &[Option<char>] = &[
    None,
    Some('\u{300}'),
    Some('\u{309}'),
    Some('\u{303}'),
    Some('\u{301}'),
    Some('\u{323}'),
];
const PUNCTUATION: &[&str] = &[
    " ", " ", "  ", "-", ".", ",", "/", "(", ")", ":", ";", "'", "\"", "&", "%", "_", "!", "?",
    "+", "–", "“", "”", "…", "#", "*", "@",
];

fn vi() -> CollatorBorrowed<'static> {
    let locale: icu_locale_core::Locale = "vi".parse().expect("a locale");
    Collator::try_new(locale.into(), CollatorOptions::default()).expect("compiled vi data")
}

/// A syllable-like word: letters in random case, vowels often with a tone.
fn word(rng: &mut Rng, out: &mut String) {
    for _ in 0..=rng.below(3) {
        let vowel = rng.below(2) == 0;
        let base = if vowel {
            *rng.pick(VOWELS)
        } else {
            *rng.pick(LETTERS)
        };
        let upper = rng.below(4) == 0;
        if upper {
            out.extend(base.to_uppercase());
        } else {
            out.push(base);
        }
        if vowel {
            if let Some(t) = rng.pick(TONES) {
                out.push(*t);
            }
        }
    }
}

fn random_string(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(5) {
        match rng.below(10) {
            0..=5 => word(rng, &mut s),
            6 => {
                for _ in 0..=rng.below(2) {
                    s.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
            _ => {
                let p: &&str = rng.pick(PUNCTUATION);
                s.push_str(p);
            }
        }
    }
    normal_form(rng, &s)
}

/// NFC or NFD, at random.
fn normal_form(rng: &mut Rng, s: &str) -> String {
    if rng.below(2) == 0 {
        s.nfc().collect()
    } else {
        s.nfd().collect()
    }
}

/// A small edit of `a`: one character's tone, case or letter changed, one inserted or removed,
/// or the other normal form.
fn edit(rng: &mut Rng, a: &str) -> String {
    let mut chars: Vec<char> = a.nfd().collect();
    let i = if chars.is_empty() {
        0
    } else {
        rng.below(chars.len() as u64) as usize
    };
    match rng.below(6) {
        0 if !chars.is_empty() => {
            let c = chars[i];
            chars[i] = if c.is_lowercase() {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
        }
        1 => match rng.pick(TONES) {
            Some(t) => chars.insert(i.min(chars.len()), *t),
            None if !chars.is_empty() => {
                chars.remove(i);
            }
            None => {}
        },
        2 if !chars.is_empty() => chars[i] = *rng.pick(LETTERS),
        3 => chars.insert(i.min(chars.len()), *rng.pick(LETTERS)),
        4 if !chars.is_empty() => {
            chars.remove(i);
        }
        _ => {}
    }
    let s: String = chars.into_iter().collect();
    normal_form(rng, &s)
}

fn show(s: &str) -> String {
    let points: Vec<String> = s.chars().map(|c| format!("{:04X}", u32::from(c))).collect();
    format!("{s:?} [{}]", points.join(" "))
}

#[test]
fn sort_key_orders_vietnamese_text_as_icu4x() {
    let collator = vi();
    let mut rng = Rng::from_env();
    let pairs = oracle_rng::cases(30_000);
    let (mut ordered, mut equal) = (0, 0);
    let mut disagreements = Vec::new();
    for _ in 0..pairs {
        let a = random_string(&mut rng);
        let b = if rng.below(2) == 0 {
            edit(&mut rng, &a)
        } else {
            random_string(&mut rng)
        };
        let ours = sort_key(&a).cmp(&sort_key(&b));
        assert_eq!(
            compare(&a, &b),
            ours,
            "compare ≠ sort_key order: {a:?} {b:?}"
        );
        match collator.compare(&a, &b) {
            Ordering::Equal => {
                equal += 1;
                // Canonically equivalent texts (NFC and NFD of one text) have one key.
                if a.nfc().eq(b.nfc()) {
                    assert_eq!(
                        ours,
                        Ordering::Equal,
                        "{} and {} are one text",
                        show(&a),
                        show(&b)
                    );
                }
            }
            icu => {
                ordered += 1;
                if icu != ours {
                    disagreements.push(format!(
                        "{} vs {}: ICU4X {icu:?}, sort_key {ours:?}",
                        show(&a),
                        show(&b)
                    ));
                }
            }
        }
    }
    eprintln!(
        "{pairs} pairs: ICU4X orders {ordered}, calls {equal} equal; {} disagreements",
        disagreements.len()
    );
    assert!(
        ordered > pairs / 2,
        "the generator makes too many equal pairs"
    );
    assert!(
        disagreements.is_empty(),
        "{} of {pairs} pairs disagree; the first:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn sorted_lists_agree_with_icu4x() {
    // Whole lists: sorting by key and checking each neighbour pair with ICU4X.
    let collator = vi();
    let mut rng = Rng::from_env();
    for _ in 0..oracle_rng::cases(30_000) / 300 {
        let mut list: Vec<String> = (0..100).map(|_| random_string(&mut rng)).collect();
        list.sort_by_cached_key(|s| sort_key(s));
        for w in list.windows(2) {
            assert_ne!(
                collator.compare(&w[0], &w[1]),
                Ordering::Greater,
                "sorted by key but ICU4X puts {} after {}",
                show(&w[0]),
                show(&w[1])
            );
        }
    }
}

#[test]
fn icu4x_agrees_with_the_node_oracle_on_real_names() {
    // The two ICU implementations against each other on the 3,000+ real names of
    // `data/vi-names-icu-order.json` (Node's `Intl.Collator('vi')`): each name is not after
    // the next one in ICU4X, and ICU4X calls two neighbours equal exactly where Node does.
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("data/vi-names-icu-order.json")).expect("valid JSON");
    let order: Vec<&str> = doc["order"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect();
    let ties: Vec<u64> = doc["ties"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| i.as_u64().expect("an index"))
        .collect();
    let collator = vi();
    for (i, w) in order.windows(2).enumerate() {
        let want = if ties.contains(&(i as u64 + 1)) {
            Ordering::Equal
        } else {
            Ordering::Less
        };
        assert_eq!(
            collator.compare(w[0], w[1]),
            want,
            "ICU4X and Node differ on {} / {}",
            show(w[0]),
            show(w[1])
        );
    }
}
