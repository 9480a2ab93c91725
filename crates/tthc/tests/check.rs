//! `tthc::check`: every finding with its path, the agency word lists, and the 2,642 procedures
//! of the 2026 portal (a copy in tests/data/portal, see its README).

use std::path::PathBuf;

use tthc::check::{agency_kind, check, counts, AgencyKind, CheckOptions, FindingCode};
use tthc::io::import::{import_path, ImportOptions};
use tthc::{Catalog, Channel, Date, Level};

fn cat(text: &str) -> Catalog {
    Catalog::from_json(text.as_bytes()).expect("valid")
}

/// The options on a day (the `as_of` option, which wins over the document's).
fn on(day: &str) -> CheckOptions {
    CheckOptions {
        as_of: Date::parse(day),
        ..CheckOptions::on(Date::MIN)
    }
}

fn found(c: &Catalog, o: &CheckOptions) -> Vec<(&'static str, String)> {
    check(c, o)
        .into_iter()
        .map(|f| (f.code.as_str(), f.path))
        .collect()
}

#[test]
fn agency_words() {
    use AgencyKind::{LocalGovernment as Local, Other};
    for (agency, level, kind) in [
        ("Ủy ban nhân dân cấp xã", Level::Commune, Local),
        (
            "Uỷ ban Nhân dân cấp xã, phường, thị trấn",
            Level::Commune,
            Local,
        ),
        (
            "Ủy ban Nhân dân\u{a0}xã,\u{a0}phường,\u{a0}thị trấn.",
            Level::Commune,
            Local,
        ),
        ("UBND cấp xã - tỉnh Quảng Trị", Level::Commune, Local),
        ("Chủ tịch Ủy ban nhân dân xã", Level::Commune, Local),
        ("UBND phường Ba Đình", Level::Commune, Local),
        ("Ủy ban nhân dân đặc khu Phú Quốc", Level::Commune, Local),
        (
            "Cơ quan chuyên môn về Nông nghiệp và Môi trường thuộc UBND cấp xã",
            Level::Commune,
            Local,
        ),
        ("Cơ quan quản lý đất đai cấp xã", Level::Commune, Local),
        ("Công chức Tư pháp - Hộ tịch cấp xã", Level::Commune, Local),
        ("Ủy ban nhân dân các cấp", Level::Commune, Local),
        ("Ủy ban nhân dân huyện", Level::District, Local),
        ("UBND quận Hoàn Kiếm", Level::District, Local),
        ("Phòng Tư pháp cấp huyện", Level::District, Local),
        ("Ủy ban nhân dân cấp tỉnh", Level::Commune, Other),
        ("Ủy ban nhân dân cấp xã", Level::District, Other),
        (
            "Cơ quan chức năng do Ủy ban nhân dân cấp tỉnh chỉ định",
            Level::Commune,
            Other,
        ),
        ("Phòng Tư Pháp", Level::Commune, Other),
        ("Chi nhánh Văn phòng đăng ký đất đai", Level::Commune, Other),
        ("Tổ chức hành nghề công chứng", Level::Commune, Other),
        ("Sở Xây dựng", Level::Commune, Other),
        ("Phòng Văn hóa - Xã hội", Level::Commune, Other),
    ] {
        assert_eq!(agency_kind(agency, level), kind, "{agency} at {level}");
    }
    for (agency, word) in [
        ("Chi cục Hải quan khu vực", "hải quan"),
        ("Hải quan cửa khẩu", "hải quan"),
        ("Thuế cơ sở", "thuế"),
        ("Cục Thuế - Bộ tài chính", "thuế"),
        ("Kho bạc nhà nước các cấp", "kho bạc"),
        ("Bảo hiểm xã hội cấp huyện", "bảo hiểm xã hội"),
        ("Công đoàn cơ quan BHXH Việt Nam", "bhxh"),
        ("Công an cấp Xã", "công an"),
        (
            "Phòng cảnh sát quản lý hành chính về trật tự xã hội",
            "cảnh sát",
        ),
        ("Thi hành án dân sự tỉnh, thành phố", "thi hành án"),
        ("Tòa án nhân dân cấp huyện", "tòa án"),
    ] {
        assert!(
            matches!(agency_kind(agency, Level::Commune), AgencyKind::CentralBranch(w, _) if w == word),
            "{agency}"
        );
    }
}

const DOC: &str = r#"{"tthc":1,"as_of":"2026-03-31",
  "fields":[{"code":"f","name":"F"}],
  "procedures":[
    {"code":"1.000001","name":"Khai sinh","field":"f","levels":["commune"],"agencies":["Ủy ban nhân dân cấp xã"]},
    {"code":"1.000002","name":"Khai báo hải quan","field":"f","levels":["commune"],"agencies":["Chi cục Hải quan khu vực"]},
    {"code":"1.000003","name":"Hòa giải","field":"f","levels":["commune"]},
    {"code":"1.000004","name":"Hộ tịch huyện","field":"f","levels":["district","commune"],"agencies":["Phòng Tư pháp cấp huyện","Công an cấp Xã"]},
    {"code":"1.000005","name":"Cấp tỉnh","field":"f","levels":["province"]},
    {"code":"1.000006","name":"Cấp bộ","field":"f","levels":["central"],"agencies":["Bộ Tư pháp"]}],
  "units":[
    {"code":"91","name":"Tỉnh An Giang","level":"province"},
    {"code":"30985","name":"Xã An Biên","level":"commune","parent":"91","published":{
      "one_stop_shop":["1.000001","1.999999",{"procedure":"1.000005"},{"procedure":"1.000002","on":"2025-01-01"}],
      "portal":[{"procedure":"1.000001","checked":"2025-12-31"}]}},
    {"code":"908","name":"Huyện An Biên","level":"district","parent":"91","valid_to":"2025-06-30",
     "successors":["30985","30988","31006"],"published":{"one_stop_shop":["1.000004"]}}],
  "decisions":[
    {"id":"1/QĐ","effective":"2020-01-01","scope":{"level":"commune","within":"908"},"items":[]},
    {"id":"2/QĐ","effective":"2020-01-01","scope":{"level":"commune","within":"91"},"items":[]}]}"#;

#[test]
fn every_finding_with_its_path() {
    let c = cat(DOC);
    let p = |s: &str| s.to_owned();
    assert_eq!(
        found(&c, &on("2026-03-31")),
        [
            ("level_agency_mismatch", p("/procedures/1/agencies")),
            ("no_agency", p("/procedures/2")),
            // 1.000004 is of two levels: its district office matches, its commune side does
            // not (the commune police is a branch of the Ministry of Public Security).
            ("level_agency_mismatch", p("/procedures/3/agencies")),
            // Postings: the province procedure (document index 2, after the undefined code at 1).
            (
                "posted_not_applicable",
                p("/units/1/published/one_stop_shop/2")
            ),
            ("posted_unknown", p("/units/1/published/one_stop_shop/1")),
            ("unit_not_valid", p("/units/2/published")),
            ("decision_unknown_successor", p("/decisions/0/scope/within")),
        ]
    );
    let findings = check(&c, &on("2026-03-31"));
    assert!(
        findings[0]
            .message
            .contains("Chi cục Hải quan khu vực (hải quan: customs"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[2].message.contains("of the commune level"),
        "{}",
        findings[2].message
    );
    assert!(
        findings[5].message.contains("30985, 30988, 31006"),
        "{}",
        findings[5].message
    );
    assert!(
        findings[6].message.contains("30988, 31006"),
        "{}",
        findings[6].message
    );
    assert_eq!(
        counts(&findings),
        [
            (FindingCode::LevelAgencyMismatch, 2),
            (FindingCode::NoAgency, 1),
            (FindingCode::PostedNotApplicable, 1),
            (FindingCode::PostedUnknown, 1),
            (FindingCode::UnitNotValid, 1),
            (FindingCode::DecisionUnknownSuccessor, 1),
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&tthc::check::findings_json(&findings)).expect("JSON");
    assert_eq!(json["findings"][0]["code"], "level_agency_mismatch");
    assert_eq!(json["findings"][0]["path"], "/procedures/1/agencies");
}

#[test]
fn stale_postings_and_the_options() {
    let c = cat(DOC);
    let fresh = CheckOptions {
        stale_after: Some(90),
        ..on("2026-03-31")
    };
    let stale: Vec<_> = found(&c, &fresh)
        .into_iter()
        .filter(|(code, _)| *code == "stale")
        .collect();
    // 1.000002 posted 2025-01-01 at the one-stop desk (index 3); 1.000001 checked 2025-12-31
    // on the portal: exactly 90 days, not stale. Undated 1.000001 at the desk: unchecked, not
    // a stale finding.
    assert_eq!(
        stale,
        [("stale", "/units/1/published/one_stop_shop/3".to_owned())]
    );
    let one_day_later = CheckOptions {
        stale_after: Some(90),
        ..on("2026-04-01")
    };
    assert_eq!(
        found(&c, &one_day_later)
            .iter()
            .filter(|(code, _)| *code == "stale")
            .count(),
        2
    );
    // One channel: postings of the others are not looked at.
    let portal = CheckOptions {
        channel: Some(Channel::Portal),
        ..on("2026-03-31")
    };
    assert!(found(&c, &portal)
        .iter()
        .all(|(code, _)| !code.starts_with("posted")));
    // Before the district was dissolved: the district and its decision are fine.
    let before = found(&c, &on("2025-06-30"));
    assert!(before
        .iter()
        .all(|(code, _)| *code != "unit_not_valid" && *code != "decision_unknown_successor"));
    let err = CheckOptions::parse_on(Date::MIN, None, None, Some(0)).expect_err("0 days");
    assert_eq!((err.code(), err.path()), ("bad_value", "stale_after"));
    let err = CheckOptions::parse_on(Date::MIN, Some("web"), None, None).expect_err("channel");
    assert_eq!((err.code(), err.path()), ("unknown_channel", "channel"));
}

fn metadata() -> Catalog {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/portal/procedures-metadata-2026.csv");
    import_path(&path, None, &ImportOptions::default())
        .expect("the 2026 metadata imports")
        .catalog
}

/// All 2,642 procedures of the 2026 portal: of the 588 "Cấp xã" ones, 178 say "Không có thông
/// tin" (no_agency) and 346 have agencies none of which is a commune People's Committee, its
/// chairman or its office (the 64 others do). docs/check.md explains the figures.
#[test]
fn the_2026_portal() {
    let c = metadata();
    let findings = check(&c, &on("2026-03-31"));
    let commune: Vec<usize> = c
        .procedures()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.levels.contains(Level::Commune))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(commune.len(), 588);
    let flagged = |code: FindingCode| -> Vec<usize> {
        findings
            .iter()
            .filter(|f| f.code == code)
            .filter_map(|f| f.path.split('/').nth(2)?.parse().ok())
            .collect()
    };
    let mismatch = flagged(FindingCode::LevelAgencyMismatch);
    let none = flagged(FindingCode::NoAgency);
    assert_eq!((mismatch.len(), none.len()), (346, 178));
    assert!(mismatch.iter().chain(&none).all(|i| commune.contains(i)));
    let names =
        |i: usize, pred: &dyn Fn(&str) -> bool| c.procedures()[i].agencies.iter().any(|a| pred(a));
    // Every customs procedure of "Chi cục Hải quan khu vực" labelled Cấp xã is flagged (116).
    let customs: Vec<usize> = commune
        .iter()
        .copied()
        .filter(|&i| names(i, &|a| a.contains("Chi cục Hải quan khu vực")))
        .collect();
    assert_eq!(customs.len(), 116);
    assert!(customs.iter().all(|i| mismatch.contains(i)));
    // None whose agencies name the commune People's Committee (64) is.
    let committee: Vec<usize> = commune
        .iter()
        .copied()
        .filter(|&i| {
            names(i, &|a| {
                let f = tthc::text::fold(a);
                f.contains("uy ban nhan dan xa")
                    || f.contains("uy ban nhan dan phuong")
                    || f.contains("uy ban nhan dan cap xa")
                    || f.contains("ubnd cap xa")
            })
        })
        .collect();
    assert_eq!(committee.len(), 64);
    assert!(committee.iter().all(|i| !mismatch.contains(i)));
    assert_eq!(commune.len() - mismatch.len() - none.len(), committee.len());
    // "Không có thông tin" is never a mismatch.
    assert!(none.iter().all(|i| c.procedures()[*i].agencies.is_empty()));
}
