//! `tthc::text::sort_key` against ICU's `vi` collation beyond Vietnamese text: compatibility
//! characters (ligatures, full-width and circled forms, superscripts, font variants, fractions),
//! the decimal digits of every script, private-use and unassigned code points, U+FFFD, and
//! combining Latin letters and marks alone.
//!
//! The oracle, `tests/data/icu-beyond-vi.json`, was written once with Node's
//! `Intl.Collator('vi')` by `tests/data/make_icu_beyond_vi.js` (see its header), never with
//! this library: the strings in ICU's order, and the positions where ICU calls two neighbours
//! equal.

use std::collections::HashMap;

use tthc::text::{compare, sort_key};
use unicode_normalization::char::{is_combining_mark, is_public_assigned};
use unicode_normalization::UnicodeNormalization;

struct Oracle {
    /// The strings in ICU's order.
    order: Vec<String>,
    /// ICU's class of each position: strings ICU calls equal share the class of the first.
    class: Vec<usize>,
}

fn oracle() -> Oracle {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("data/icu-beyond-vi.json")).expect("valid JSON");
    let order: Vec<String> = doc["order"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect();
    let ties: Vec<usize> = doc["ties"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| usize::try_from(i.as_u64().expect("an index")).expect("small"))
        .collect();
    let mut class = Vec::with_capacity(order.len());
    for i in 0..order.len() {
        class.push(if ties.contains(&i) { class[i - 1] } else { i });
    }
    Oracle { order, class }
}

/// Whether `sort_key` promises ICU's order for `s` (the scope stated in the text module's
/// docs and format.md): every character of its compatibility decomposition is an ASCII
/// character, `đ`/`Đ`, a digit, a combining mark or combining Latin letter, a space,
/// punctuation or symbol of the measured table (ASCII, Latin-1, General Punctuation, currency
/// signs, U+2212, U+3000, U+FEFF), a private-use or unassigned code point or U+FFFD. Outside
/// it: letters outside the Vietnamese alphabet and ASCII (`ß`, `ȼ`, `ə`, `ħ`, `α`… and their
/// variants `ᵊ`, `ℏ`, `𝛂`), other symbols (`∑`, and so `⅀`), spacing accents (`˘`, `˜`), and
/// the long s `ſ` (ICU: `s` with a secondary difference) and `ŀ` (ICU: `l` and a dot that is
/// not a symbol), with their ligatures.
fn in_scope(s: &str) -> bool {
    let measured = |c: char| {
        matches!(c, '\u{0}'..='\u{BF}' | '×' | '÷' | '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20C0}')
            || matches!(c, '\u{2212}' | '\u{3000}' | '\u{FEFF}' | '\u{FFFD}')
    };
    !s.chars()
        .any(|c| matches!(c, 'ſ' | 'ﬅ' | 'ẛ' | 'ŀ' | 'Ŀ' | '\u{2D8}'..='\u{2DD}'))
        && s.nfkd().all(|c| {
            matches!(c, 'đ' | 'Đ' | '\u{363}'..='\u{36F}')
                || measured(c)
                || c.is_numeric()
                || is_combining_mark(c)
                || (c.is_alphabetic() && c.is_ascii())
                || !is_public_assigned(c)
        })
}

/// Every pair of strings in scope that ICU orders and `sort_key` orders the other way (with
/// `all`, every pair of the oracle).
fn disagreements(o: &Oracle, all: bool) -> Vec<(String, String)> {
    let keys: Vec<Vec<u8>> = o.order.iter().map(|s| sort_key(s)).collect();
    let scope: Vec<bool> = o.order.iter().map(|s| all || in_scope(s)).collect();
    let mut wrong = Vec::new();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if scope[i] && scope[j] && o.class[i] != o.class[j] && keys[i] > keys[j] {
                wrong.push((o.order[i].clone(), o.order[j].clone()));
            }
        }
    }
    wrong
}

fn show(s: &str) -> String {
    let cps: Vec<String> = s
        .chars()
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    format!("{s:?} ({})", cps.join(" "))
}

#[test]
fn beyond_vietnamese_text_sorts_as_icu_vi() {
    let o = oracle();
    assert!(o.order.len() > 2000, "the oracle holds every group");
    let everything = disagreements(&o, true).len();
    let wrong = disagreements(&o, false);
    let pairs = o.order.len() * (o.order.len() - 1) / 2;
    let outside = o.order.iter().filter(|s| !in_scope(s)).count();
    eprintln!(
        "sort_key vs ICU beyond Vietnamese text: {} strings ({outside} outside the scope), {} of \
         {pairs} pairs in another order ({everything} with those outside the scope)",
        o.order.len(),
        wrong.len()
    );
    if std::env::var_os("TTHC_OFFENDERS").is_some() {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (a, b) in &wrong {
            *count.entry(a.as_str()).or_default() += 1;
            *count.entry(b.as_str()).or_default() += 1;
        }
        let mut v: Vec<_> = count.into_iter().collect();
        v.sort_by_key(|(s, n)| (std::cmp::Reverse(*n), s.to_string()));
        for (s, n) in v.iter().take(150) {
            eprintln!("OFF {n} {}", show(s));
        }
    }
    // The smallest strings of each wrong pair first: the pairs that explain the others.
    let mut by_len = wrong.clone();
    by_len.sort_by_key(|(a, b)| (a.chars().count() + b.chars().count(), a.clone(), b.clone()));
    let shown: Vec<String> = by_len
        .iter()
        .take(400)
        .map(|(a, b)| format!("ICU: {} < {}", show(a), show(b)))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} pairs differ from ICU:\n{}",
        wrong.len(),
        shown.join("\n")
    );
}

#[test]
fn compare_agrees_with_the_keys_beyond_vietnamese_text() {
    let o = oracle();
    let keys: HashMap<&str, Vec<u8>> = o.order.iter().map(|s| (s.as_str(), sort_key(s))).collect();
    for a in o.order.iter().step_by(7) {
        for b in o.order.iter().step_by(11) {
            assert_eq!(
                compare(a, b),
                keys[a.as_str()].cmp(&keys[b.as_str()]),
                "{a:?} {b:?}"
            );
        }
    }
}
