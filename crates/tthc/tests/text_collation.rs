//! `tthc::text::sort_key` against ICU's `vi` collation.
//!
//! The oracle files in `tests/data` were generated once with Node's `Intl.Collator('vi')`
//! by `tests/data/make_icu_order.js` (see its header): `vi-names.json` holds every distinct
//! name of the shared real data (procedure and field names of the 2026 portal metadata, unit,
//! commune and province names, the ICU-sorted sample) plus adversarial cases, and
//! `vi-names-icu-order.json` the same names in ICU's order with the positions ICU calls equal.

use std::cmp::Ordering;
use std::collections::HashMap;

use tthc::text::{compare, sort_key};
use unicode_normalization::UnicodeNormalization;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect()
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
    v.sort_by_cached_key(|s| sort_key(s));
    v
}

#[test]
fn every_real_name_sorts_as_icu_vi() {
    let names_doc = json(include_str!("data/vi-names.json"));
    let order_doc = json(include_str!("data/vi-names-icu-order.json"));
    let names = strings(&names_doc, "names");
    let icu = strings(&order_doc, "order");
    let ties: Vec<usize> = order_doc["ties"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| usize::try_from(i.as_u64().expect("an index")).expect("small"))
        .collect();
    assert_eq!(names.len(), icu.len());
    assert!(names.len() > 3000, "the oracle holds every real name");

    // ICU's class of each name: names that ICU calls equal share the class of the first.
    let mut class: HashMap<&str, usize> = HashMap::new();
    let mut current = 0;
    for (i, name) in icu.iter().enumerate() {
        if !ties.contains(&i) {
            current = i;
        }
        class.insert(name.as_str(), current);
    }

    let mut ours = names.clone();
    ours.sort_by_cached_key(|s| sort_key(s));
    let mut wrong = Vec::new();
    for pair in ours.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ca, cb) = (class[a.as_str()], class[b.as_str()]);
        // Adjacent names must be in ICU's order; either order only where ICU says equal.
        if ca > cb {
            wrong.push(format!("{a:?} sorted before {b:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} pairs differ from ICU, first: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );

    // The order is total: equal keys only for the same NFC text.
    for pair in ours.windows(2) {
        if sort_key(&pair[0]) == sort_key(&pair[1]) {
            assert_eq!(
                pair[0].nfc().collect::<String>(),
                pair[1].nfc().collect::<String>()
            );
        }
    }
}

#[test]
fn the_icu_72_sample_keeps_its_order() {
    let names_doc = json(include_str!("data/vi-names.json"));
    let sample = strings(&names_doc, "sample_icu72");
    assert!(sample.len() > 20);
    let refs: Vec<&str> = sample.iter().map(String::as_str).collect();
    assert_eq!(sorted(&refs), sample);
}

#[test]
fn tones_in_order_none_huyen_hoi_nga_sac_nang() {
    assert_eq!(
        sorted(&["bạ", "bá", "bã", "bả", "bà", "ba"]),
        ["ba", "bà", "bả", "bã", "bá", "bạ"]
    );
    // The tone only breaks ties between otherwise equal letters.
    assert_eq!(
        sorted(&["bác", "bad", "bạc", "bắc", "bặc"]),
        ["bác", "bạc", "bad", "bắc", "bặc"]
    );
}

#[test]
fn case_is_a_tertiary_difference() {
    assert_eq!(sorted(&["A", "a", "B", "b"]), ["a", "A", "b", "B"]);
    assert_eq!(sorted(&["Bà", "ba", "Ba", "bà"]), ["ba", "Ba", "bà", "Bà"]);
    assert_eq!(
        compare("Ba", "bà"),
        Ordering::Less,
        "the tone decides before case"
    );
}

#[test]
fn d_stroke_is_a_letter_after_d() {
    assert_eq!(
        sorted(&["Đông", "Tây", "dz", "Dương", "đa"]),
        ["Dương", "dz", "đa", "Đông", "Tây"]
    );
    assert_eq!(sorted(&["Đa", "đa"]), ["đa", "Đa"]);
}

#[test]
fn vietnamese_letters_are_letters_of_their_own() {
    assert_eq!(
        sorted(&["Ân", "Ăn", "An Biên", "Ba"]),
        ["An Biên", "Ăn", "Ân", "Ba"]
    );
    assert_eq!(sorted(&["Ơn", "Ốc", "Oa", "Ô"]), ["Oa", "Ô", "Ốc", "Ơn"]);
    assert_eq!(sorted(&["ưa", "uy", "va"]), ["uy", "ưa", "va"]);
    assert_eq!(
        sorted(&["z", "y", "w", "j", "f", "ê"]),
        ["ê", "f", "j", "w", "y", "z"]
    );
}

#[test]
fn prefixes_spaces_and_punctuation() {
    assert_eq!(sorted(&["Tây Yên A", "Tây Yên"]), ["Tây Yên", "Tây Yên A"]);
    // Spaces before punctuation before digits before letters (ICU's non-ignorable default).
    assert_eq!(
        sorted(&["ab", "a1", "a-b", "a b", "a.b"]),
        ["a b", "a-b", "a.b", "a1", "ab"]
    );
    assert_eq!(
        sorted(&["TâyYên", "Tây-Yên", "Tây Yên"]),
        ["Tây Yên", "Tây-Yên", "TâyYên"]
    );
    assert_eq!(
        compare("a\u{a0}b", "a b"),
        Ordering::Greater,
        "NBSP is a variant of space"
    );
}

#[test]
fn digits_are_not_numbers() {
    assert_eq!(
        sorted(&["9", "10", "2", "a", "%"]),
        ["%", "10", "2", "9", "a"]
    );
}

#[test]
fn old_and_new_tone_placement_sort_together_as_icu_does() {
    // Same primary weights; ICU tells them apart at the secondary level, old placement first.
    assert_eq!(sorted(&["Ủy ban", "Uỷ ban"]), ["Uỷ ban", "Ủy ban"]);
    // The first accent decides: "hoá" (accent on the 3rd letter) before "hòa" (on the 2nd).
    assert_eq!(
        sorted(&["hòa", "hoà", "hoa", "hoá"]),
        ["hoa", "hoà", "hoá", "hòa"]
    );
    let mut names = vec![
        "Ủy ban nhân dân",
        "Uy tín",
        "Uỷ ban nhân dân",
        "Uỷ ban nhân dân tỉnh",
    ];
    names.sort_by_cached_key(|s| sort_key(s));
    assert_eq!(
        names,
        [
            "Uỷ ban nhân dân",
            "Ủy ban nhân dân",
            "Uỷ ban nhân dân tỉnh",
            "Uy tín"
        ]
    );
}

#[test]
fn nfd_input_gives_the_nfc_key() {
    for s in [
        "Thủ tục đăng ký khai sinh",
        "Ủy ban",
        "Uỷ ban",
        "ặ",
        "Ờ",
        "Đăng ký kết hôn",
    ] {
        let nfd: String = s.nfd().collect();
        assert_eq!(sort_key(&nfd), sort_key(s), "{s}");
    }
    // Marks in any canonically equivalent order.
    assert_eq!(sort_key("a\u{302}\u{323}"), sort_key("ậ"));
    assert_eq!(sort_key("o\u{31b}\u{301}"), sort_key("ớ"));
}

#[test]
fn compare_agrees_with_the_keys() {
    let words = [
        "ba",
        "Bà",
        "đa",
        "Đông",
        "Tây Yên",
        "1",
        "(a)",
        "Uỷ",
        "Ủy",
        "",
    ];
    for a in words {
        for b in words {
            assert_eq!(compare(a, b), sort_key(a).cmp(&sort_key(b)));
        }
    }
    assert_eq!(compare("", "a"), Ordering::Less);
}
