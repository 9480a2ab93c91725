//! `tthc::text::fold`: the form in which two spellings of the same words are equal.

use tthc::text::fold;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Every distinct name of the shared real data (see `tests/data/make_icu_order.js`).
fn real_names() -> Vec<String> {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("data/vi-names.json")).expect("valid JSON");
    let n = usize::try_from(doc["real_names"].as_u64().expect("a count")).expect("small");
    doc["names"].as_array().expect("a list")[..n]
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect()
}

/// The obvious slow version: NFD, drop combining marks, map đ, lower-case, split on spaces.
fn naive(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn d_stroke() {
    assert_eq!(fold("Đ"), "d");
    assert_eq!(fold("đ"), "d");
    assert_eq!(fold("ĐĂNG KÝ ĐẤT ĐAI"), "dang ky dat dai");
}

#[test]
fn upper_case() {
    assert_eq!(
        fold("THỦ TỤC ĐĂNG KÝ KHAI SINH"),
        "thu tuc dang ky khai sinh"
    );
    assert_eq!(fold("Thủ Tục"), fold("thủ tục"));
}

#[test]
fn nfd_input() {
    let nfc = "Thủ tục đăng ký khai sinh";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(fold(&nfd), "thu tuc dang ky khai sinh");
    // A tone written as a separate combining mark after a precomposed letter.
    assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
    assert_eq!(fold("Nguyê\u{303}n"), "nguyen");
}

#[test]
fn old_and_new_tone_placement() {
    assert_eq!(fold("Uỷ ban"), fold("Ủy ban"));
    assert_eq!(fold("hoà"), fold("hòa"));
    assert_eq!(fold("Thuỷ lợi"), fold("Thủy lợi"));
    assert_eq!(fold("khoẻ"), fold("khỏe"));
    assert_eq!(fold("Uỷ ban nhân dân"), "uy ban nhan dan");
}

#[test]
fn spacing() {
    assert_eq!(fold("đăng  ký"), "dang ky", "double space");
    assert_eq!(fold("  đăng ký  "), "dang ky", "leading and trailing");
    assert_eq!(fold("đăng\tký\t"), "dang ky", "tabs");
    assert_eq!(fold("đăng\u{a0}ký"), "dang ky", "NBSP");
    assert_eq!(
        fold("đăng\r\n\u{2003}ký"),
        "dang ky",
        "line break and em space"
    );
    assert_eq!(fold("\u{3000}"), "", "only white space");
}

#[test]
fn punctuation_and_digits_stay() {
    assert_eq!(
        fold("Cấp bản sao (1.001193), lần 2/3"),
        "cap ban sao (1.001193), lan 2/3"
    );
}

#[test]
fn invisible_characters_are_dropped() {
    assert_eq!(fold("Hộ\u{ad}tịch\u{200b}"), "hotich");
    assert_eq!(fold("\u{feff}Hộ tịch"), "ho tich");
}

#[test]
fn real_names_fold_like_the_naive_version() {
    let names = real_names();
    assert!(names.len() > 2900);
    for name in &names {
        let f = fold(name);
        assert_eq!(f, naive(name), "{name:?}");
        assert_eq!(fold(&name.nfd().collect::<String>()), f, "NFD of {name:?}");
        assert_eq!(fold(&name.nfc().collect::<String>()), f, "NFC of {name:?}");
        assert_eq!(fold(&f), f, "folding is idempotent: {name:?}");
        assert!(
            f.chars().all(|c| c.is_ascii() || !c.is_alphanumeric()),
            "Vietnamese letters fold to ASCII: {f:?}"
        );
    }
}
