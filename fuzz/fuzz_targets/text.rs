//! `fold`, `sort_key`, `compare`: the input is up to three strings separated by NUL bytes
//! (invalid UTF-8 is replaced). `compare` is a total order and sorts as `sort_key`; folding is
//! idempotent; NFC and NFD forms of a string compare equal.
#![no_main]

use std::cmp::Ordering;

use libfuzzer_sys::fuzz_target;
use tthc::text::{compare, fold, nfc, sort_key};

fuzz_target!(|data: &[u8]| {
    let strings: Vec<String> = tthc_fuzz::parts(data, 3)
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let keys: Vec<Vec<u8>> = strings.iter().map(|s| sort_key(s)).collect();
    for (s, k) in strings.iter().zip(&keys) {
        let folded = fold(s);
        assert_eq!(fold(&folded), folded, "fold is not idempotent on {s:?}");
        assert_eq!(compare(s, s), Ordering::Equal, "compare(s, s) on {s:?}");
        let composed = nfc(s);
        assert_eq!(
            compare(s, &composed),
            Ordering::Equal,
            "s and NFC(s) differ: {s:?}"
        );
        assert_eq!(
            &sort_key(&composed),
            k,
            "sort_key(s) ≠ sort_key(NFC(s)): {s:?}"
        );
    }
    for i in 0..strings.len() {
        for j in 0..strings.len() {
            let (a, b) = (&strings[i], &strings[j]);
            let c = compare(a, b);
            assert_eq!(
                c,
                keys[i].cmp(&keys[j]),
                "compare ≠ sort_key order: {a:?} {b:?}"
            );
            assert_eq!(
                c,
                compare(b, a).reverse(),
                "compare is not antisymmetric: {a:?} {b:?}"
            );
        }
    }
    if let [a, b, c] = &strings[..] {
        // Transitivity: a ≤ b and b ≤ c imply a ≤ c.
        if compare(a, b) != Ordering::Greater && compare(b, c) != Ordering::Greater {
            assert_ne!(
                compare(a, c),
                Ordering::Greater,
                "not transitive: {a:?} {b:?} {c:?}"
            );
        }
    }
});
