//! Importing the National Public Service Portal's lists: the 2026 metadata crawl (CSV), the
//! Ministry of Justice's Excel export and excerpts of the other exports, all real files (see
//! tests/data/portal/README.md).

use std::collections::BTreeSet;
use std::path::PathBuf;

use tthc::io::import::{import_bytes, import_path, Format, ImportOptions, Imported};
use tthc::io::wording::{agency_levels, field_code};
use tthc::{Catalog, Code, Error, Level};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/portal")
        .join(name)
}

fn options(format: Format, lenient: bool) -> ImportOptions {
    ImportOptions {
        format,
        lenient,
        ..ImportOptions::default()
    }
}

fn metadata() -> Imported {
    import_path(
        &data("procedures-metadata-2026.csv"),
        None,
        &ImportOptions::default(),
    )
    .expect("the 2026 metadata imports")
}

fn levels(c: &Catalog, code: &str) -> Vec<Level> {
    let id = c.procedure_id(code).expect("procedure present");
    c.procedure(id).levels.iter().collect()
}

#[test]
fn metadata_csv_2026_counts() {
    let imported = metadata();
    let c = &imported.catalog;
    assert_eq!(imported.format, Format::PortalCsv);
    assert_eq!(imported.rows, 2642);
    assert_eq!(c.procedures().len(), 2642);
    assert_eq!(c.fields().len(), 140);
    let carrying = |l: Level| {
        c.procedures()
            .iter()
            .filter(|p| p.levels.contains(l))
            .count()
    };
    assert_eq!(carrying(Level::Commune), 588);
    assert_eq!(carrying(Level::District), 0, "no Cấp huyện in 2026");
    assert_eq!(imported.level_sources.column, 2642);
    assert_eq!(imported.skipped_rows, 0);
    // The result validates: written out and read back as JSON v1, it is the same catalogue.
    let back = Catalog::from_json(c.to_json().as_bytes()).expect("valid JSON v1");
    assert_eq!(&back, c);
}

#[test]
fn metadata_csv_2026_content() {
    let imported = metadata();
    let c = &imported.catalog;
    let birth = c.procedure(c.procedure_id("1.001193").expect("birth registration"));
    assert_eq!(birth.name, "Thủ tục đăng ký khai sinh");
    assert_eq!(birth.decision.as_deref(), Some("163/QĐ-BTP"));
    assert_eq!(c.field(birth.field).name, "Hộ tịch");
    assert_eq!(c.field(birth.field).code, field_code("Hộ tịch"));
    assert_eq!(levels(c, "1.001193"), [Level::Commune]);
    assert_eq!(levels(c, "1.000757"), [Level::Central]);
    // Every field code is derived from its name; the two names that give the same code keep
    // distinct codes, the plain one without a suffix.
    let plain = field_code("Thi đua khen thưởng");
    let by_name = |name: &str| {
        c.fields()
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.code.clone())
            .expect("field present")
    };
    assert_eq!(by_name("Thi đua khen thưởng"), plain);
    assert_eq!(by_name("Thi đua – Khen thưởng"), format!("{plain}-2"));
    let codes: BTreeSet<&str> = c.fields().iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes.len(), 140);
    // Text is NFC with single spaces: the field written decomposed in the file is composed.
    assert!(c.fields().iter().any(|f| f.name == "Cấp, quản lý căn cước"));
    for p in c.procedures() {
        assert_eq!(
            p.name,
            p.name.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    // What was normalised is counted (computed independently with Python's unicodedata on the
    // five columns read: 55 cells not NFC, 55 cells with stray spaces).
    assert_eq!(imported.normalised.nfc, 55);
    assert_eq!(imported.normalised.spaces, 55);
    assert_eq!(
        imported.ignored_columns,
        [
            "folder",
            "loai_thu_tuc",
            "doi_tuong_thuc_hien",
            "co_quan_co_tham_quyen",
            "detail_url"
        ]
    );
}

#[test]
fn metadata_csv_2026_agencies() {
    let c = metadata().catalog;
    let agencies = |code: &str| -> Vec<String> {
        c.procedure(c.procedure_id(code).expect("present"))
            .agencies
            .clone()
    };
    // "Không có thông tin" is none: 302 rows say so (counted with Python on the file).
    let none = c.procedures().iter().filter(|p| p.agencies.is_empty());
    assert_eq!(none.count(), 302);
    assert!(agencies("1.001193").is_empty(), "Không có thông tin");
    // The crawl joins agencies with ", "; a comma before a small letter stays in the name
    // (3,246 agencies in all and 537 procedures with more than one, by an independent
    // Python reading of the same rule).
    let all: usize = c.procedures().iter().map(|p| p.agencies.len()).sum();
    assert_eq!(all, 3246);
    let multi = c.procedures().iter().filter(|p| p.agencies.len() > 1);
    assert_eq!(multi.count(), 537);
    // No-break spaces of the file become spaces.
    assert_eq!(
        agencies("1.000894"),
        ["Ủy ban Nhân dân xã, phường, thị trấn."]
    );
    let tax = c
        .procedures()
        .iter()
        .find(|p| {
            p.agencies.first().map(String::as_str) == Some("Cục Thuế - Bộ tài chính")
                && p.agencies.len() == 3
        })
        .expect("a tax procedure with three agencies");
    assert_eq!(
        tax.agencies,
        [
            "Cục Thuế - Bộ tài chính",
            "Thuế tỉnh, thành phố",
            "Thuế cơ sở"
        ]
    );
    // Round trip through JSON keeps them.
    let back = Catalog::from_json(c.to_json().as_bytes()).expect("valid");
    assert_eq!(back, c);
}

#[test]
fn xlsx_export_agencies_one_a_line() {
    let imported = import_path(
        &data("danh-sach-tthc-BoTuPhap.xlsx"),
        Some(&data("procedures-metadata-2026.csv")),
        &ImportOptions::default(),
    )
    .expect("imports");
    let c = &imported.catalog;
    let birth = c.procedure(c.procedure_id("1.001193").expect("present"));
    assert_eq!(birth.agencies, ["Ủy ban nhân dân cấp xã"]);
    assert!(c.procedures().iter().any(|p| p.agencies.len() > 1));
    assert!(c
        .procedures()
        .iter()
        .all(|p| p.agencies.iter().all(|a| !a.contains('\n'))));
}

#[test]
fn xlsx_export_with_levels_from_the_metadata() {
    let imported = import_path(
        &data("danh-sach-tthc-BoTuPhap.xlsx"),
        Some(&data("procedures-metadata-2026.csv")),
        &ImportOptions::default(),
    )
    .expect("the Ministry of Justice's export imports");
    let c = &imported.catalog;
    assert_eq!(imported.format, Format::PortalXlsx);
    assert_eq!(
        imported.title_rows, 1,
        "the title \"DANH SÁCH THỦ TỤC HÀNH CHÍNH\" above the header"
    );
    assert_eq!(c.procedures().len(), 271);
    let codes: BTreeSet<&str> = c.procedures().iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes.len(), 271);
    assert_eq!(imported.level_sources.second_file, 271);
    // Levels and decisions are the metadata's.
    let meta = metadata().catalog;
    for p in c.procedures() {
        let m = meta.procedure(meta.procedure_id(p.code.as_str()).expect("in the metadata"));
        assert_eq!(p.levels, m.levels, "{}", p.code);
        assert_eq!(p.decision, m.decision, "{}", p.code);
    }
    assert_eq!(imported.ignored_columns, ["Cơ quan ban hành"]);
}

#[test]
fn xlsx_export_alone_lists_the_undecided_rows() {
    // Strict: every row whose level the agencies do not tell is an `unknown_level` error.
    let err = import_path(
        &data("danh-sach-tthc-BoTuPhap.xlsx"),
        None,
        &ImportOptions::default(),
    )
    .expect_err("123 rows have no clear agency level");
    assert!(matches!(err, Error::Import(_)));
    let problems = err.problems();
    assert_eq!(problems.len(), 123);
    assert!(problems.iter().all(|p| p.code == Code::UnknownLevel));
    assert!(problems
        .iter()
        .all(|p| p.path.starts_with("row ") && p.path.ends_with(", column \"Cơ quan thực hiện\"")));
    // Lenient: the 148 decided rows are kept, the 123 others counted.
    let imported = import_path(
        &data("danh-sach-tthc-BoTuPhap.xlsx"),
        None,
        &options(Format::PortalXlsx, true),
    )
    .expect("lenient import");
    assert_eq!(imported.catalog.procedures().len(), 148);
    assert_eq!(imported.skipped_rows, 123);
    assert_eq!(imported.skipped_by_code(), [(Code::UnknownLevel, 123)]);
    assert_eq!(imported.level_sources.agencies, 148);
    // The wording rules agree with the portal's own levels for 142 of the 148; the 6 others
    // are rows where the portal names the ministry as the agency of a provincial or commune
    // procedure (e.g. 2.002036 "Bộ Tư pháp" but "Cấp tỉnh").
    let meta = metadata().catalog;
    let disagree: Vec<&str> = imported
        .catalog
        .procedures()
        .iter()
        .filter(|p| {
            meta.procedure(meta.procedure_id(p.code.as_str()).expect("in the metadata"))
                .levels
                != p.levels
        })
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(
        disagree,
        ["1.003976", "2.002039", "2.002036", "2.002038", "1.004878", "1.002544"]
    );
}

#[test]
fn export_lists_as_csv_with_the_metadata() {
    let imported = import_path(
        &data("portal-exports-7-lists-excerpt.csv"),
        Some(&data("procedures-metadata-2026.csv")),
        &ImportOptions::default(),
    )
    .expect("the excerpt imports");
    assert_eq!(imported.format, Format::PortalCsv);
    assert_eq!(imported.catalog.procedures().len(), 123);
    assert_eq!(imported.level_sources.second_file, 123);
    assert_eq!(
        imported.ignored_columns,
        ["source_xlsx", "co_quan_ban_hanh"]
    );
}

#[test]
fn agency_wording_rules() {
    let set = |t: &str| agency_levels(t).map(|s| s.iter().collect::<Vec<_>>());
    assert_eq!(set("Ủy ban nhân dân cấp xã"), Some(vec![Level::Commune]));
    assert_eq!(set("Uỷ ban nhân dân cấp xã"), Some(vec![Level::Commune]));
    assert_eq!(set("Chủ tịch UBND cấp xã"), Some(vec![Level::Commune]));
    assert_eq!(set("Công an cấp Xã"), Some(vec![Level::Commune]));
    assert_eq!(
        set("Ủy ban Nhân dân xã, phường, thị trấn."),
        Some(vec![Level::Commune])
    );
    assert_eq!(set("UBND Huyện, thành phố"), Some(vec![Level::District]));
    assert_eq!(set("Sở Tư Pháp"), Some(vec![Level::Province]));
    assert_eq!(set("Giám đốc Sở Tư pháp"), Some(vec![Level::Province]));
    assert_eq!(
        set("Cục quản lý xuất nhập cảnh"),
        Some(vec![Level::Central])
    );
    assert_eq!(set("Bộ, cơ quan ngang Bộ"), Some(vec![Level::Central]));
    assert_eq!(set("Bộ trưởng"), Some(vec![Level::Central]));
    assert_eq!(
        set("Bộ Tư pháp\nỦy ban nhân dân cấp tỉnh"),
        Some(vec![Level::Central, Level::Province])
    );
    // Not clear: "Bộ phận" is a desk, not a ministry; "tỉnh" without "cấp" next to a leading
    // word; unknown agencies; an empty cell; one unclear agency among clear ones.
    assert_eq!(set("Bộ phận Một cửa"), None);
    assert_eq!(set("Cục Thuế tỉnh"), None);
    assert_eq!(set("Văn phòng Đăng ký đất đai"), None);
    assert_eq!(set("Phòng Tư Pháp"), None);
    assert_eq!(set(""), None);
    assert_eq!(set(" \n "), None);
    assert_eq!(
        set("Tổ chức hành nghề công chứng\nỦy ban nhân dân cấp xã"),
        None
    );
}

#[test]
fn older_files_with_district_level() {
    let csv = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc\n\
               1.004000,Thủ tục A,\"Cấp huyện, Cấp xã\",Hộ tịch\n\
               1.004001,Thủ tục B,CẤP HUYỆN,Hộ tịch\n\
               1.004002,Thủ tục C,cơ quan khác,Hộ tịch\n";
    let imported = import_bytes(csv.as_bytes(), None, &ImportOptions::default()).expect("imports");
    let c = &imported.catalog;
    assert_eq!(levels(c, "1.004000"), [Level::District, Level::Commune]);
    assert_eq!(levels(c, "1.004001"), [Level::District]);
    assert_eq!(levels(c, "1.004002"), [Level::Other]);
}

#[test]
fn portal_rows_with_problems() {
    // Real rows of the metadata with problems put in: every one is reported, with its row
    // and column, and nothing is returned in strict mode.
    let csv = "ma_thu_tuc,ten_thu_tuc,so_quyet_dinh,cap_thuc_hien,linh_vuc\n\
               1.001193,Thủ tục đăng ký khai sinh,163/QĐ-BTP,Cấp xã,Hộ tịch\n\
               1.0011934,Thủ tục đăng ký kết hôn,163/QĐ-BTP,Cấp xã,Hộ tịch\n\
               1.001193,Thủ tục đăng ký khai sinh,163/QĐ-BTP,Cấp xã,Hộ tịch\n\
               2.000528,Thủ tục đăng ký khai sinh có yếu tố nước ngoài,163/QĐ-BTP,Cấp thôn,Hộ tịch\n\
               1.000894,,163/QĐ-BTP,Cấp xã,\n\
               1.001194,Cấp thị thực cho người nước ngoài tại Việt Nam,5568/QĐ-BCA,,Quản lý xuất nhập cảnh\n";
    let err = import_bytes(csv.as_bytes(), None, &ImportOptions::default()).expect_err("bad rows");
    let got: Vec<(Code, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Code::BadCode, "row 3, column \"ma_thu_tuc\""),
            (Code::DuplicateCode, "row 4, column \"ma_thu_tuc\""),
            (Code::UnknownLevel, "row 5, column \"cap_thuc_hien\""),
            (Code::BadCell, "row 6, column \"ten_thu_tuc\""),
            (Code::BadCell, "row 6, column \"linh_vuc\""),
            (Code::UnknownLevel, "row 7, column \"cap_thuc_hien\""),
        ]
    );
    assert_eq!(
        err.problems()[1].message,
        "procedure `1.001193` is already listed in row 2"
    );
    let imported =
        import_bytes(csv.as_bytes(), None, &options(Format::Auto, true)).expect("lenient");
    assert_eq!(imported.catalog.procedures().len(), 1);
    assert_eq!(imported.skipped_rows, 5);
    assert_eq!(imported.skipped.len(), 6);
    assert_eq!(
        imported.skipped_by_code(),
        [
            (Code::BadCode, 1),
            (Code::DuplicateCode, 1),
            (Code::UnknownLevel, 2),
            (Code::BadCell, 2)
        ]
    );
}

#[test]
fn a_file_without_a_code_column() {
    // Kiên Giang's pre-2025 list has names, fields and agencies but no code column.
    let err = import_path(
        &data("kien-giang-portal-excerpt-pre2025.csv"),
        None,
        &ImportOptions::default(),
    )
    .expect_err("no code column");
    assert_eq!(err.code(), "missing_column");
    assert!(
        err.problems()[0].message.contains("procedure code column"),
        "{err}"
    );
}

#[test]
fn second_file_is_only_for_portal_lists() {
    let table = "unit_code,unit_name,unit_level,procedure_code,procedure_name,field,posted\n\
                 30985,Xã An Biên,commune,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,yes\n";
    let err = import_bytes(
        table.as_bytes(),
        Some(b"ma_thu_tuc,cap_thuc_hien\n"),
        &ImportOptions::default(),
    )
    .expect_err("no second file for tables");
    assert!(matches!(err, Error::Argument(_)));
}
