//! The flat publication table: export, import, and import(export(x)) == x.

use tthc::io::import::{import_bytes, Format, ImportOptions};
use tthc::io::table::export_csv;
use tthc::{Catalog, Channel, Code, Error, Level};

fn strict() -> ImportOptions {
    ImportOptions::default()
}

fn lenient() -> ImportOptions {
    ImportOptions {
        lenient: true,
        ..ImportOptions::default()
    }
}

fn problems(result: Result<tthc::io::import::Imported, Error>) -> Vec<(Code, String)> {
    match result {
        Ok(_) => panic!("the import should fail"),
        Err(e) => e
            .problems()
            .iter()
            .map(|p| (p.code, p.path.clone()))
            .collect(),
    }
}

/// Several units of three levels, three channels, posting dates, procedures posted on one
/// channel and not another, a procedure posted where it does not apply, a procedure no unit
/// handles, a field no procedure uses, a unit that gives no channel and one that gives an
/// empty channel. Procedures and fields are in code order (the order import gives them).
const CATALOGUE: &str = r#"{
  "tthc": 1,
  "fields": [
    { "code": "chung-thuc", "name": "Chứng thực" },
    { "code": "dat-dai", "name": "Đất đai" },
    { "code": "ho-tich", "name": "Hộ tịch" },
    { "code": "khieu-nai", "name": "Khiếu nại, tố cáo" }
  ],
  "procedures": [
    { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"], "decision": "163/QĐ-BTP" },
    { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"],
      "effective": "2025-07-01", "amended": "2025-07-01", "online": "full" },
    { "code": "1.001612.000.00.00.H01", "name": "Đăng ký đất đai lần đầu", "field": "dat-dai", "levels": ["district", "commune"] },
    { "code": "1.004000", "name": "Thủ tục cấp tỉnh, \"có ngoặc kép\"", "field": "dat-dai", "levels": ["province"], "abolished": "2025-07-01" },
    { "code": "2.000528", "name": "Chứng thực bản sao từ bản chính", "field": "chung-thuc", "levels": ["district", "commune"], "online": "partial" },
    { "code": "2.001000", "name": "Thủ tục cấp bộ", "field": "chung-thuc", "levels": ["central", "other"] }
  ],
  "units": [
    { "code": "91", "name": "Tỉnh Kiên Giang", "level": "province" },
    { "code": "908", "name": "Huyện An Biên", "level": "district", "parent": "91",
      "published": { "one_stop_shop": [ { "procedure": "2.000528", "on": "2019-03-01" }, "1.001612.000.00.00.H01" ],
                     "portal": ["2.000528"] } },
    { "code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "908",
      "published": { "one_stop_shop": [ { "procedure": "1.001193", "on": "2018-03-01" }, "1.000894", "1.004000" ],
                     "national": ["1.001193"] } },
    { "code": "30988", "name": "Xã Tây Yên", "level": "commune", "parent": "908" },
    { "code": "31006", "name": "Xã Đông Thái", "level": "commune", "parent": "908", "published": { "portal": [] } }
  ]
}"#;

fn catalogue() -> Catalog {
    Catalog::from_json(CATALOGUE.as_bytes()).expect("the test catalogue is valid")
}

#[test]
fn round_trip_gives_the_catalogue_back() {
    let x = catalogue();
    let csv = export_csv(&x);
    let imported = import_bytes(csv.as_bytes(), None, &strict()).expect("the export imports");
    assert_eq!(imported.format, Format::TableCsv);
    assert_eq!(imported.skipped_rows, 0);
    assert_eq!(imported.catalog, x, "import(export(x)) == x\n{csv}");
    assert_eq!(export_csv(&imported.catalog), csv);
}

#[test]
fn export_rows_follow_the_documented_order() {
    let csv = export_csv(&catalogue());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "unit_code,unit_name,unit_level,parent_code,procedure_code,procedure_name,field_code,field,levels,decision,effective,amended,abolished,online,channel,posted,posted_on"
    );
    // The province gives no channel: its one applicable procedure, not posted, no channel.
    assert_eq!(
        lines[1],
        "91,Tỉnh Kiên Giang,province,,1.004000,\"Thủ tục cấp tỉnh, \"\"có ngoặc kép\"\"\",dat-dai,Đất đai,province,,,,2025-07-01,,,no,"
    );
    // Postings first, in posting order, with their dates; then what is not posted.
    assert!(lines[2].starts_with("908,Huyện An Biên,district,91,2.000528,"));
    assert!(lines[2].ends_with(",partial,one_stop_shop,yes,2019-03-01"));
    assert!(lines[5].ends_with(",portal,no,"));
    // A procedure no unit handles, then a field no procedure uses.
    assert_eq!(
        lines[lines.len() - 2],
        ",,,,2.001000,Thủ tục cấp bộ,chung-thuc,Chứng thực,\"central, other\",,,,,,,no,"
    );
    assert_eq!(
        lines[lines.len() - 1],
        ",,,,,,khieu-nai,\"Khiếu nại, tố cáo\",,,,,,,,,"
    );
    assert_eq!(lines.len(), 1 + 24);
}

#[test]
fn import_orders_procedures_and_fields_by_code() {
    // A catalogue in another order comes back sorted, and a second round trip is exact.
    let doc = r#"{ "tthc": 1,
      "fields": [ { "code": "ho-tich", "name": "Hộ tịch" }, { "code": "chung-thuc", "name": "Chứng thực" } ],
      "procedures": [
        { "code": "2.000528", "name": "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "field": "ho-tich", "levels": ["commune"] },
        { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
        { "code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "field": "chung-thuc", "levels": ["commune"] } ],
      "units": [
        { "code": "31006", "name": "Xã Đông Thái", "level": "commune", "published": { "one_stop_shop": ["2.000528"] } },
        { "code": "30985", "name": "Xã An Biên", "level": "commune", "published": { "one_stop_shop": ["1.001193", "2.000528"] } } ] }"#;
    let x = Catalog::from_json(doc.as_bytes()).expect("valid");
    let once = import_bytes(export_csv(&x).as_bytes(), None, &strict())
        .expect("imports")
        .catalog;
    let codes: Vec<&str> = once.procedures().iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["1.001193", "2.000528", "2.000815"]);
    let fields: Vec<&str> = once.fields().iter().map(|f| f.code.as_str()).collect();
    assert_eq!(fields, ["chung-thuc", "ho-tich"]);
    let units: Vec<&str> = once.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(units, ["31006", "30985"], "units keep their order");
    let twice = import_bytes(export_csv(&once).as_bytes(), None, &strict())
        .expect("imports")
        .catalog;
    assert_eq!(twice, once);
    assert_eq!(export_csv(&twice), export_csv(&once));
}

#[test]
fn unit_without_procedures_and_empty_catalogue() {
    let doc = r#"{ "tthc": 1, "fields": [], "procedures": [],
      "units": [ { "code": "91", "name": "Tỉnh An Giang", "level": "province", "published": { "portal": [] } },
                 { "code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91" } ] }"#;
    let x = Catalog::from_json(doc.as_bytes()).expect("valid");
    let csv = export_csv(&x);
    assert_eq!(csv.lines().count(), 3);
    let back = import_bytes(csv.as_bytes(), None, &strict())
        .expect("imports")
        .catalog;
    assert_eq!(back, x);
    // An empty catalogue exports a header alone, which is not an import (no data rows).
    let empty =
        Catalog::from_json(br#"{ "tthc": 1, "fields": [], "procedures": [], "units": [] }"#)
            .expect("valid");
    let err =
        import_bytes(export_csv(&empty).as_bytes(), None, &strict()).expect_err("header only");
    assert_eq!(err.code(), "empty");
}

fn data(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/portal")
        .join(name)
}

#[test]
fn office_table_in_vietnamese() {
    // Excel's "CSV UTF-8" in a Vietnamese locale: BOM, `;`, a title row and a blank row above
    // the header, Vietnamese header names, "Cấp xã"/"Xã"/"xã", có/x/1/TRUE and
    // không/blank/0/FALSE, dd/mm/yyyy and ISO dates, channels in words.
    let imported =
        tthc::io::import::import_path(&data("office-table-an-giang-2025.csv"), None, &strict())
            .expect("the office table imports");
    let c = &imported.catalog;
    assert_eq!(imported.format, Format::TableCsv);
    assert_eq!(imported.title_rows, 1);
    assert_eq!(imported.blank_rows, 1);
    assert_eq!(imported.rows, 10);
    assert_eq!(c.units().len(), 4);
    assert_eq!(c.procedures().len(), 4);
    assert_eq!(c.fields().len(), 2);
    let unit = |code: &str| c.unit(c.unit_id(code).expect("unit"));
    assert_eq!(unit("91").level, Level::Province);
    assert_eq!(unit("31006").level, Level::Commune);
    assert_eq!(unit("30985").parent, c.unit_id("91"));
    // No level column: a procedure's levels are those of the units it is listed for.
    let levels = |code: &str| -> Vec<Level> {
        c.procedure(c.procedure_id(code).expect("procedure"))
            .levels
            .iter()
            .collect()
    };
    assert_eq!(levels("1.001194"), [Level::Province]);
    assert_eq!(levels("1.001193"), [Level::Commune]);
    assert_eq!(imported.level_sources.units, 4);
    // Postings, channels and dates.
    let posted = |unit_code: &str, ch: Channel| -> Vec<(String, Option<String>)> {
        unit(unit_code)
            .postings(ch)
            .iter()
            .map(|(id, on)| (c.procedure(id).code.to_string(), on.map(|d| d.to_string())))
            .collect()
    };
    let p = |code: &str, on: Option<&str>| (code.to_owned(), on.map(str::to_owned));
    assert_eq!(
        posted("91", Channel::OneStopShop),
        [p("1.001194", Some("2025-07-15"))]
    );
    assert_eq!(
        posted("30985", Channel::OneStopShop),
        [p("1.001193", Some("2025-07-01"))]
    );
    assert_eq!(posted("30985", Channel::National), [p("1.001193", None)]);
    assert_eq!(
        posted("30988", Channel::OneStopShop),
        [
            p("1.001193", Some("2025-07-02")),
            p("1.000894", Some("2025-07-02"))
        ]
    );
    assert_eq!(posted("31006", Channel::Portal), [p("1.001193", None)]);
    assert!(unit("31006").postings(Channel::Portal).is_given());
    assert!(!unit("31006").postings(Channel::OneStopShop).is_given());
    // "Thủ tục  đăng ký khai sinh " in one row: spaces normalised, counted, same name.
    assert_eq!(
        c.procedure(c.procedure_id("1.001193").expect("birth")).name,
        "Thủ tục đăng ký khai sinh"
    );
    assert_eq!(imported.normalised.spaces, 1);
    assert_eq!(imported.skipped_rows, 0);
}

/// A table with one problem per row (rows 3–13), and rows 2 and 14 good.
const BAD_TABLE: &str = "\
Mã đơn vị,Tên đơn vị,Cấp,Mã TTHC,Tên TTHC,Lĩnh vực,Kênh,Đã công khai,Ngày công khai
30985,Xã An Biên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,01/07/2025
30988,Xã Tây Yên,Cấp xã,1.00119,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,
30988,Xã Tây Yên,Cấp thôn,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,
3098,Xã Tây Yên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,
30988,Xã Tây Yên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,31/06/2025
30988,Xã Tây Yên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,chắc là có,
30988,Xã Tây Yên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,bưu điện,có,
30985,Xã An Biên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Bộ phận Một cửa,không,
30985,Xã An Biên,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Chứng thực,Cổng thông tin,có,
30985,Xã Bình An,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cổng Dịch vụ công quốc gia,có,
30985,Xã An Biên,Cấp xã,1.001193,,Hộ tịch,Cổng Dịch vụ công quốc gia,không,02/07/2025
,,,,,,,x,
31006,Xã Đông Thái,Cấp xã,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Một cửa,có,
";

#[test]
fn every_bad_row_is_reported() {
    let got = problems(import_bytes(BAD_TABLE.as_bytes(), None, &strict()));
    let want: Vec<(Code, String)> = [
        (Code::BadCode, 3, "Mã TTHC"),
        (Code::UnknownLevel, 4, "Cấp"),
        (Code::BadCode, 5, "Mã đơn vị"),
        (Code::BadDate, 6, "Ngày công khai"),
        (Code::BadCell, 7, "Đã công khai"),
        (Code::UnknownChannel, 8, "Kênh"),
        (Code::DuplicateCode, 9, "Mã TTHC"),
        (Code::BadCell, 10, "Lĩnh vực"),
        (Code::BadCell, 11, "Tên đơn vị"),
        (Code::BadCell, 12, "Tên TTHC"),
        (Code::BadCell, 12, "Ngày công khai"),
        (Code::BadCell, 13, "Mã đơn vị"),
    ]
    .iter()
    .map(|&(code, row, col)| (code, format!("row {row}, column \"{col}\"")))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn lenient_keeps_the_good_rows() {
    let imported = import_bytes(BAD_TABLE.as_bytes(), None, &lenient()).expect("lenient import");
    assert_eq!(imported.skipped_rows, 11);
    assert_eq!(imported.skipped.len(), 12);
    assert_eq!(
        imported.skipped_by_code(),
        [
            (Code::BadCode, 2),
            (Code::DuplicateCode, 1),
            (Code::UnknownLevel, 1),
            (Code::BadDate, 1),
            (Code::UnknownChannel, 1),
            (Code::BadCell, 6),
        ]
    );
    let c = &imported.catalog;
    // Rows 2 and 14 only: nothing of a skipped row is kept (no unit 30988, no field "Chứng
    // thực", no posting on the portal or the national portal).
    let units: Vec<&str> = c.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(units, ["30985", "31006"]);
    assert_eq!(c.procedures().len(), 1);
    assert_eq!(c.fields().len(), 1);
    assert_eq!(c.posting_count(), 2);
}

#[test]
fn missing_columns_are_all_named() {
    let csv = "Mã đơn vị,Mã TTHC,Kênh\n30985,1.001193,Một cửa\n";
    let got = problems(import_bytes(csv.as_bytes(), None, &strict()));
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got
        .iter()
        .all(|(c, p)| *c == Code::MissingColumn && p == "row 1"));
    // A header naming one column twice is ambiguous.
    let csv = "unit_code,unit_name,Cấp,unit_level,procedure_code,procedure_name,field,posted\n";
    let got = problems(import_bytes(csv.as_bytes(), None, &strict()));
    assert_eq!(got, [(Code::BadCell, "row 1".to_owned())]);
}

#[test]
fn levels_column_and_conflicts() {
    let csv = "unit_code,unit_name,unit_level,procedure_code,procedure_name,field,levels,posted\n\
               30985,Xã An Biên,commune,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,\"Cấp tỉnh, Cấp xã\",yes\n\
               ,,,1.001194,Cấp thị thực,Quản lý xuất nhập cảnh,Cấp tỉnh,\n\
               ,,,2.000528,Thủ tục đăng ký khai sinh có yếu tố nước ngoài,Hộ tịch,,\n\
               30988,Xã Tây Yên,commune,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,yes\n";
    let got = problems(import_bytes(csv.as_bytes(), None, &strict()));
    assert_eq!(
        got,
        [
            (Code::UnknownLevel, "row 4, column \"levels\"".to_owned()),
            (Code::BadCell, "row 5, column \"levels\"".to_owned()),
        ]
    );
    let imported = import_bytes(csv.as_bytes(), None, &lenient()).expect("lenient");
    let c = &imported.catalog;
    let levels = |code: &str| -> Vec<Level> {
        c.procedure(c.procedure_id(code).expect("procedure"))
            .levels
            .iter()
            .collect()
    };
    assert_eq!(levels("1.001193"), [Level::Province, Level::Commune]);
    assert_eq!(levels("1.001194"), [Level::Province]);
    assert!(c.procedure_id("2.000528").is_none());
    assert_eq!(imported.skipped_rows, 2);
}
