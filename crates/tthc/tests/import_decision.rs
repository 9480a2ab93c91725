//! Importing a publishing decision's list from a spreadsheet into a catalogue: title rows,
//! section rows, an action column in English or Vietnamese, replacements, strict and lenient.

use tthc::catalog::Action;
use tthc::io::import::{import_decision, DecisionOptions};
use tthc::{Catalog, Error, Level};

fn codes(e: &Error) -> Vec<(&'static str, String)> {
    e.problems()
        .iter()
        .map(|p| (p.code.as_str(), p.path.clone()))
        .collect()
}

/// Real procedures (codes and names from the 2026 portal) and two provinces with communes.
fn catalogue() -> Catalog {
    let text = r#"{"tthc":1,"as_of":"2025-12-31",
      "fields":[{"code":"ho-tich","name":"Hộ tịch"},{"code":"chung-thuc","name":"Chứng thực"}],
      "procedures":[
        {"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"ho-tich","levels":["commune"]},
        {"code":"1.000894","name":"Thủ tục đăng ký kết hôn","field":"ho-tich","levels":["commune"]},
        {"code":"2.000908","name":"Thủ tục cấp bản sao từ sổ gốc","field":"chung-thuc","levels":["commune"]},
        {"code":"1.001194","name":"Thủ tục đăng ký lại khai sinh","field":"ho-tich","levels":["commune"]},
        {"code":"1.000656","name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["commune"]}],
      "units":[{"code":"91","name":"Tỉnh An Giang","level":"province"},
               {"code":"30985","name":"Xã An Biên","level":"commune","parent":"91"},
               {"code":"01","name":"Thành phố Hà Nội","level":"province"},
               {"code":"00004","name":"Phường Ba Đình","level":"commune","parent":"01"}],
      "decisions":[{"id":"1/QĐ-UBND","effective":"2025-01-01","scope":{"level":"commune"},"items":[]}]}"#;
    Catalog::from_json(text.as_bytes()).expect("valid")
}

/// A province's complete list as a decision's appendix: title rows, a field heading.
const LIST: &str = "UBND TỈNH AN GIANG,,,\n\
\"Quyết định số 123/QĐ-UBND ngày 30 tháng 6 năm 2025\",,,\n\
DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ,,,\n\
\"(có hiệu lực từ ngày 01/7/2025)\",,,\n\
STT,Mã TTHC,Tên thủ tục,Lĩnh vực\n\
I. Lĩnh vực Hộ tịch,,,\n\
1,1.001193,Đăng ký khai sinh,Hộ tịch\n\
2,1.000894,Đăng ký kết hôn,Hộ tịch\n\
II. Lĩnh vực Chứng thực,,,\n\
3,2.000908,Cấp bản sao từ sổ gốc,Chứng thực\n";

#[test]
fn a_complete_list_with_everything_in_its_title_rows() {
    let c = catalogue();
    let imported =
        import_decision(LIST.as_bytes(), &c, &DecisionOptions::default()).expect("imports");
    let d = imported.catalog.decisions().last().expect("added");
    assert_eq!(d.id, "123/QĐ-UBND");
    assert_eq!(
        d.issued.map(|x| x.to_string()).as_deref(),
        Some("2025-06-30")
    );
    assert_eq!(d.effective.to_string(), "2025-07-01");
    assert_eq!(d.scope.level, Level::Commune);
    let within = d
        .scope
        .within
        .map(|u| imported.catalog.unit(u).code.clone());
    assert_eq!(
        within.as_deref(),
        Some("91"),
        "the province named in the title"
    );
    assert!(
        d.complete,
        "no action column, no section row: a plain danh mục"
    );
    assert_eq!(
        d.title.as_deref(),
        Some("DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ")
    );
    assert_eq!(d.items.len(), 3);
    assert!(d.items.iter().all(|i| i.action == Action::Listed));
    assert_eq!(imported.heading_rows, 2, "the two field headings");
    assert_eq!(imported.section_rows, 0);
    assert_eq!(
        imported.from_title,
        ["id", "title", "issued", "effective", "scope", "within"]
    );
    // The catalogue's earlier decision is kept, the new one comes last.
    assert_eq!(imported.catalog.decisions().len(), 2);
    // Applicability: 30985 (in 91) has the list; 00004 (in 01) keeps the levels' list.
    let r = imported
        .catalog
        .compliance(&tthc::ComplianceOptions::parse(None, Some("2025-12-31")).expect("ok"));
    let u = r.unit_by_code(&imported.catalog, "30985").expect("unit");
    assert_eq!(u.applicable, Some(3));
    let u = r.unit_by_code(&imported.catalog, "00004").expect("unit");
    assert_eq!(u.applicable, Some(5));
}

#[test]
fn options_win_over_the_title_rows() {
    let c = catalogue();
    let options = DecisionOptions {
        id: Some("124/QĐ-UBND".to_owned()),
        effective: tthc::Date::parse("2025-08-01"),
        scope: Some(Level::Commune),
        within: Some("01".to_owned()),
        complete: Some(false),
        ..DecisionOptions::default()
    };
    let imported = import_decision(LIST.as_bytes(), &c, &options).expect("imports");
    let d = imported.catalog.decisions().last().expect("added");
    assert_eq!(d.id, "124/QĐ-UBND");
    assert_eq!(d.effective.to_string(), "2025-08-01");
    assert_eq!(
        d.scope
            .within
            .map(|u| imported.catalog.unit(u).code.as_str()),
        Some("01")
    );
    assert!(!d.complete);
    assert_eq!(imported.from_title, ["title", "issued"]);
}

/// Sections of an amending decision, in Vietnamese, and an action column.
const SECTIONS: &str = "Mã số,Tên\n\
A. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH,\n\
1.001194,Đăng ký lại khai sinh\n\
B. Danh mục thủ tục hành chính sửa đổi, bổ sung,\n\
1.000894,Đăng ký kết hôn\n\
C. Danh mục thủ tục hành chính bị bãi bỏ,\n\
1.000656,Đăng ký khai tử\n";

#[test]
fn section_rows_set_the_action() {
    let options = DecisionOptions {
        id: Some("2/QĐ-UBND".to_owned()),
        effective: tthc::Date::parse("2025-09-01"),
        scope: Some(Level::Commune),
        ..DecisionOptions::default()
    };
    let imported = import_decision(SECTIONS.as_bytes(), &catalogue(), &options).expect("imports");
    let c = &imported.catalog;
    let d = c.decisions().last().expect("added");
    let actions: Vec<(&str, Action)> = d
        .items
        .iter()
        .map(|i| (c.procedure(i.procedure).code.as_str(), i.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("1.001194", Action::New),
            ("1.000894", Action::Amended),
            ("1.000656", Action::Abolished)
        ]
    );
    assert_eq!(imported.section_rows, 3);
    assert!(!d.complete, "sections: the decision changes the list");
    assert_eq!(d.scope.within, None, "every commune");
}

#[test]
fn action_column_in_english_and_vietnamese_with_replacements() {
    let sheet = "Mã TTHC,Hình thức,Thay thế bởi\n\
1.000894,\"Sửa đổi, bổ sung\",\n\
2.000908,Thay thế,1.001194\n\
1.001193,listed,\n\
1.000656,Thay thế bởi TTHC 1.001193.,\n";
    let options = DecisionOptions {
        id: Some("3".to_owned()),
        effective: tthc::Date::parse("2025-09-01"),
        scope: Some(Level::Commune),
        ..DecisionOptions::default()
    };
    let imported = import_decision(sheet.as_bytes(), &catalogue(), &options).expect("imports");
    let c = &imported.catalog;
    let d = c.decisions().last().expect("added");
    let items: Vec<(&str, Action, Option<&str>)> = d
        .items
        .iter()
        .map(|i| {
            (
                c.procedure(i.procedure).code.as_str(),
                i.action,
                i.by.map(|b| c.procedure(b).code.as_str()),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("1.000894", Action::Amended, None),
            ("2.000908", Action::Replaced, Some("1.001194")),
            ("1.001193", Action::Listed, None),
            ("1.000656", Action::Replaced, Some("1.001193")),
        ]
    );
}

#[test]
fn bad_rows_strict_and_lenient() {
    let sheet = "Mã TTHC,Hình thức,Thay thế bởi\n\
1.000894,Giữ nguyên,\n\
1.999999,Bãi bỏ,\n\
1.00089,Bãi bỏ,\n\
1.001193,listed,1.001194\n\
2.000908,Thay thế,\n\
1.000656,Bãi bỏ,\n\
1.000656,Sửa đổi,\n\
,Bãi bỏ,\n\
1.001194,Thay thế,1.001193\n\
1.001193,Thay thế,1.001194\n";
    let options = DecisionOptions {
        id: Some("4".to_owned()),
        effective: tthc::Date::parse("2025-09-01"),
        scope: Some(Level::Commune),
        ..DecisionOptions::default()
    };
    let err = import_decision(sheet.as_bytes(), &catalogue(), &options).expect_err("strict");
    let p = |s: &str| s.to_owned();
    assert_eq!(
        codes(&err),
        [
            ("bad_cell", p("row 2, column \"Hình thức\"")),
            ("unknown_procedure", p("row 3, column \"Mã TTHC\"")),
            ("bad_code", p("row 4, column \"Mã TTHC\"")),
            ("bad_cell", p("row 5, column \"Thay thế bởi\"")),
            ("bad_cell", p("row 6, column \"Thay thế bởi\"")),
            ("duplicate_code", p("row 8, column \"Mã TTHC\"")),
            ("bad_code", p("row 9, column \"Mã TTHC\"")),
            ("replacement_cycle", p("row 10")),
        ]
    );
    assert!(matches!(err, Error::Import(_)));
    // Lenient: the good row (1.000656 abolished, row 7) is kept; every other row is skipped.
    let lenient = DecisionOptions {
        lenient: true,
        ..options
    };
    let imported = import_decision(sheet.as_bytes(), &catalogue(), &lenient).expect("lenient");
    let d = imported.catalog.decisions().last().expect("added");
    assert_eq!(d.items.len(), 1);
    assert_eq!(d.items[0].action, Action::Abolished);
    assert_eq!(imported.skipped_rows, 9);
    assert_eq!(imported.skipped.len(), 8);
}

#[test]
fn what_neither_options_nor_titles_give_is_an_argument_error() {
    let sheet = "Mã TTHC\n1.001193\n";
    let c = catalogue();
    let err =
        import_decision(sheet.as_bytes(), &c, &DecisionOptions::default()).expect_err("no number");
    assert_eq!(codes(&err), [("missing_key", "decision".to_owned())]);
    let with_id = DecisionOptions {
        id: Some("9".to_owned()),
        ..DecisionOptions::default()
    };
    let err = import_decision(sheet.as_bytes(), &c, &with_id).expect_err("no day");
    assert_eq!(codes(&err), [("missing_key", "effective".to_owned())]);
    let with_day = DecisionOptions {
        effective: tthc::Date::parse("2025-01-01"),
        ..with_id
    };
    let err = import_decision(sheet.as_bytes(), &c, &with_day).expect_err("no level");
    assert_eq!(codes(&err), [("missing_key", "scope".to_owned())]);
    // A number the catalogue already has, an unknown or too low `within`.
    let full = DecisionOptions {
        id: Some("1/QĐ-UBND".to_owned()),
        scope: Some(Level::Commune),
        ..with_day
    };
    let err = import_decision(sheet.as_bytes(), &c, &full).expect_err("duplicate");
    assert_eq!(codes(&err), [("duplicate_code", "decision".to_owned())]);
    let unknown = DecisionOptions {
        id: Some("9".to_owned()),
        within: Some("99".to_owned()),
        ..full.clone()
    };
    let err = import_decision(sheet.as_bytes(), &c, &unknown).expect_err("unknown within");
    assert_eq!(codes(&err), [("unknown_unit", "within".to_owned())]);
    let low = DecisionOptions {
        id: Some("9".to_owned()),
        scope: Some(Level::Province),
        within: Some("30985".to_owned()),
        ..full
    };
    let err = import_decision(sheet.as_bytes(), &c, &low).expect_err("within a commune");
    assert_eq!(codes(&err), [("bad_parent", "within".to_owned())]);
    assert_eq!(err.family(), tthc::Family::Argument);
}

#[test]
fn empty_and_headerless_files() {
    let c = catalogue();
    let err = import_decision(b"", &c, &DecisionOptions::default()).expect_err("empty");
    assert_eq!(codes(&err), [("empty", String::new())]);
    let err = import_decision(b"a,b\n1,2\n", &c, &DecisionOptions::default())
        .expect_err("no code column");
    assert_eq!(err.code(), "missing_column");
    let err = import_decision(b"M\xc3\xa3 TTHC\n\n", &c, &DecisionOptions::default())
        .expect_err("no rows");
    assert_eq!(err.code(), "empty");
}
