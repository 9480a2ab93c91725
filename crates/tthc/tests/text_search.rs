//! `Catalog::search` and `SearchIndex` on real portal rows (`tests/data/portal-sample.json`,
//! generated from the shared 2026 portal metadata by `tests/data/make_portal_sample.js`).

use tthc::search::{
    SearchHit, SearchIndex, SCORE_CODE, SCORE_FIELD_PHRASE, SCORE_FIELD_SUBSTRING,
    SCORE_NAME_PHRASE, SCORE_NAME_SUBSTRING, SCORE_NAME_WORD_START, SCORE_NATIONAL_CODE,
};
use tthc::Catalog;
use unicode_normalization::UnicodeNormalization;

fn sample() -> Catalog {
    Catalog::from_json(include_bytes!("data/portal-sample.json")).expect("the sample loads")
}

fn codes(catalog: &Catalog, hits: &[SearchHit]) -> Vec<String> {
    hits.iter()
        .map(|h| catalog.procedure(h.procedure).code.as_str().to_owned())
        .collect()
}

#[test]
fn birth_registration_is_in_the_top_three() {
    let catalog = sample();
    let hits = catalog.search("dang ky khai sinh", 10);
    let top = codes(&catalog, &hits);
    assert!(top[..3].contains(&"1.001193".to_owned()), "{top:?}");
    // "Thủ tục đăng ký khai sinh" is the shortest name holding the phrase: first.
    assert_eq!(top[0], "1.001193");
    assert!(
        hits.iter().all(|h| h.score >= SCORE_NAME_WORD_START),
        "{hits:?}"
    );
    // Best first.
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn upper_case_without_accents_finds_marriage_registration() {
    let catalog = sample();
    let top = codes(&catalog, &catalog.search("DANG KY KET HON", 5));
    assert_eq!(top.first().map(String::as_str), Some("1.000894"), "{top:?}");
}

#[test]
fn nfd_query_finds_the_same() {
    let catalog = sample();
    let nfc = "Đăng ký khai sinh";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(catalog.search(&nfd, 10), catalog.search(nfc, 10));
    assert_eq!(
        catalog.search(&nfd, 10),
        catalog.search("dang ky khai sinh", 10)
    );
}

#[test]
fn a_code_comes_first() {
    let catalog = sample();
    let hits = catalog.search("1.001193", 5);
    assert_eq!(codes(&catalog, &hits), ["1.001193"]);
    assert_eq!(hits[0].score, SCORE_CODE);
    let hits = catalog.search(" 1.000894 ", 5);
    assert_eq!(codes(&catalog, &hits)[0], "1.000894");
}

#[test]
fn the_national_part_of_a_local_code_matches() {
    let json = r#"{ "tthc": 1, "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
      "procedures": [
        { "code": "1.001193.000.00.00.H29", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
        { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
        { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn 1.001193", "field": "ho-tich", "levels": ["commune"] } ],
      "units": [] }"#;
    let catalog = Catalog::from_json(json.as_bytes()).expect("valid");
    let hits = catalog.search("1.001193", 5);
    assert_eq!(
        codes(&catalog, &hits),
        ["1.001193", "1.001193.000.00.00.H29", "1.000894"]
    );
    assert_eq!(hits[0].score, SCORE_CODE);
    assert_eq!(hits[1].score, SCORE_NATIONAL_CODE);
    assert!(hits[2].score < SCORE_NAME_PHRASE);
    let hits = catalog.search("1.001193.000.00.00.h29", 5);
    assert_eq!(codes(&catalog, &hits)[0], "1.001193.000.00.00.H29");
}

#[test]
fn blank_queries_find_nothing() {
    let catalog = sample();
    assert!(catalog.search("", 10).is_empty());
    assert!(catalog.search(" \t\u{a0} ", 10).is_empty());
    assert!(catalog.search("\u{200b}", 10).is_empty());
    assert!(catalog.search("khai sinh", 0).is_empty());
    assert!(catalog.search("zzzz không có", 10).is_empty());
}

#[test]
fn a_whole_name_is_a_phrase_match() {
    let catalog = sample();
    let hits = catalog.search("  THỦ TỤC ĐĂNG KÝ KẾT HÔN ", 3);
    assert_eq!(codes(&catalog, &hits)[0], "1.000894");
    assert_eq!(hits[0].score, SCORE_NAME_PHRASE);
}

#[test]
fn every_procedure_of_a_field_is_found_by_its_name() {
    let catalog = sample();
    let hits = catalog.search("ho tich", 100);
    let ho_tich = catalog.field_id("ho-tich").expect("the field");
    for p in catalog.procedures().iter().filter(|p| p.field == ho_tich) {
        let hit = hits
            .iter()
            .find(|h| catalog.procedure(h.procedure).code == p.code);
        assert!(
            hit.is_some_and(|h| h.score >= SCORE_FIELD_PHRASE),
            "{}",
            p.code
        );
    }
}

#[test]
fn field_names_match_below_names_of_the_same_kind() {
    let json = r#"{ "tthc": 1,
      "fields": [ { "code": "ho-tich", "name": "Hộ tịch" }, { "code": "chung-thuc", "name": "Chứng thực" } ],
      "procedures": [
        { "code": "1.000001", "name": "Cấp bản sao trích lục hộ tịch", "field": "chung-thuc", "levels": ["commune"] },
        { "code": "1.000002", "name": "Đăng ký khai tử", "field": "ho-tich", "levels": ["commune"] },
        { "code": "1.000003", "name": "Hộ tịch", "field": "chung-thuc", "levels": ["commune"] } ],
      "units": [] }"#;
    let catalog = Catalog::from_json(json.as_bytes()).expect("valid");
    // Phrases: the name's (800) above the field's (700), then the name's word start (6xx).
    let hits = catalog.search("hộ tịch", 10);
    assert_eq!(codes(&catalog, &hits), ["1.000003", "1.000002", "1.000001"]);
    assert_eq!(
        hits.iter().map(|h| h.score).collect::<Vec<_>>()[..2],
        [SCORE_NAME_PHRASE, SCORE_FIELD_PHRASE]
    );
    // Word starts: the names' (6xx) above the field's (5xx).
    let hits = catalog.search("ho", 10);
    assert_eq!(codes(&catalog, &hits), ["1.000003", "1.000001", "1.000002"]);
    assert!(hits[1].score >= SCORE_NAME_WORD_START);
    assert!(hits[2].score < SCORE_NAME_WORD_START);
}

#[test]
fn old_tone_placement_and_spaces_in_names_do_not_matter() {
    let catalog = sample();
    // 1.000232 is spelled "Huỷ tài khoản…" (old placement) in the source.
    let top = codes(&catalog, &catalog.search("Hủy tài khoản điện tử", 3));
    assert_eq!(top.first().map(String::as_str), Some("1.000232"));
    // 1.013065 has a double space: "đăng ký xe,  biển số xe".
    let top = codes(&catalog, &catalog.search("đăng ký xe, biển số xe", 3));
    assert!(top.contains(&"1.013065".to_owned()), "{top:?}");
}

#[test]
fn word_starts_rank_above_substrings() {
    let catalog = sample();
    // "sinh" starts a word ("khai sinh"); "inh" only occurs inside words.
    let hits = catalog.search("sinh", 100);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.score >= SCORE_NAME_WORD_START));
    let inner = catalog.search("inh", 100);
    assert!(inner.len() > hits.len());
    assert!(inner.iter().all(|h| h.score >= SCORE_NAME_WORD_START
        || (SCORE_NAME_SUBSTRING..SCORE_NAME_SUBSTRING + 50).contains(&h.score)));
    assert!(inner.iter().any(|h| h.score < SCORE_NAME_WORD_START));
}

#[test]
fn words_in_another_order_come_last() {
    let catalog = sample();
    // "Thủ tục đăng ký lại khai sinh": the query's words, but not in this order.
    let hits = catalog.search("khai sinh lai", 10);
    let top = codes(&catalog, &hits);
    assert!(top.contains(&"1.004884".to_owned()), "{top:?}");
    assert!(hits.iter().all(|h| h.score < SCORE_FIELD_SUBSTRING));
}

#[test]
fn ties_follow_vietnamese_order_then_code() {
    let catalog = sample();
    let hits = catalog.search("nuoi", 100);
    for w in hits.windows(2) {
        if w[0].score == w[1].score {
            let (a, b) = (
                catalog.procedure(w[0].procedure),
                catalog.procedure(w[1].procedure),
            );
            let order = tthc::text::compare(&a.name, &b.name)
                .then_with(|| a.code.as_str().cmp(b.code.as_str()));
            assert!(order.is_lt(), "{} before {}", a.name, b.name);
        }
    }
}

#[test]
fn the_index_gives_what_catalog_search_gives() {
    let catalog = sample();
    let index = SearchIndex::new(&catalog);
    assert_eq!(index.len(), catalog.procedures().len());
    for q in [
        "dang ky",
        "khai sinh",
        "1.001193",
        "Hộ tịch",
        "chứng thực",
        "x",
        "(",
        "nuôi con nuôi",
    ] {
        assert_eq!(index.search(q, 20), catalog.search(q, 20), "{q}");
        // The limit cuts the same list.
        assert_eq!(
            index.search(q, 3),
            index.search(q, 20).into_iter().take(3).collect::<Vec<_>>(),
            "{q}"
        );
    }
}
