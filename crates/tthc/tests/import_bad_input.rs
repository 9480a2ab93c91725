//! Files that are not what they should be: wrong encodings, a BOM, empty files, a header alone,
//! a size limit, a format that does not match the content, and a 1-million-row table.

use std::fmt::Write as _;
use std::time::Instant;

use tthc::io::import::{import_bytes, Format, ImportOptions};
use tthc::{Code, Error};

const HEADER: &str = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc\n";
const ROW: &str = "1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch\n";

fn strict() -> ImportOptions {
    ImportOptions::default()
}

fn first(err: &Error) -> (Code, &str) {
    let p = &err.problems()[0];
    (p.code, p.path.as_str())
}

#[test]
fn not_utf8_is_bad_encoding() {
    // The row in Windows-1258 (Vietnamese ANSI): "Th\xF4" etc. is not UTF-8.
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"1.001193,Th\xF2 t\xF2c \xF0\xE3ng k\xFD khai sinh,C\xE2p x\xE3,H\xF4 t\xECch\n",
    );
    let err = import_bytes(&bytes, None, &strict()).expect_err("not UTF-8");
    assert_eq!(first(&err), (Code::BadEncoding, "row 2"));
    assert_eq!(err.problems().len(), 1);
    // Lenient mode cannot skip an unreadable file either.
    let lenient = ImportOptions {
        lenient: true,
        ..strict()
    };
    assert!(import_bytes(&bytes, None, &lenient).is_err());
}

#[test]
fn utf16_is_bad_encoding() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in format!("{HEADER}{ROW}").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let err = import_bytes(&bytes, None, &strict()).expect_err("UTF-16");
    assert_eq!(first(&err).0, Code::BadEncoding);
    assert!(err.problems()[0].message.contains("UTF-16"));
}

#[test]
fn a_bom_is_accepted() {
    let text = format!("\u{feff}{HEADER}{ROW}");
    let imported = import_bytes(text.as_bytes(), None, &strict()).expect("BOM accepted");
    assert_eq!(imported.catalog.procedures().len(), 1);
}

#[test]
fn header_names_with_spaces_and_case_are_accepted() {
    // As Excel writes them: "Mã số   " with trailing spaces, other case, NFD.
    let text = "\"Mã số   \",\" TÊN \",Cấp thực hiện ,Lĩnh vực\u{a0}\n1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch\n";
    let imported = import_bytes(text.as_bytes(), None, &strict()).expect("header accepted");
    assert_eq!(imported.catalog.procedures().len(), 1);
    let nfd = "Ma\u{303} so\u{302}\u{301},Te\u{302}n,Ca\u{302}\u{301}p thu\u{31b}\u{323}c hie\u{323}\u{302}n,Li\u{303}nh vu\u{31b}\u{323}c\n1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch\n";
    let imported = import_bytes(nfd.as_bytes(), None, &strict()).expect("NFD header accepted");
    assert_eq!(imported.catalog.procedures().len(), 1);
}

#[test]
fn empty_files() {
    for bytes in [&b""[..], b"   \n\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\r\n"] {
        let err = import_bytes(bytes, None, &strict()).expect_err("empty");
        assert_eq!(first(&err).0, Code::Empty, "{bytes:?}");
    }
}

#[test]
fn a_header_alone_is_empty() {
    let err = import_bytes(HEADER.as_bytes(), None, &strict()).expect_err("no rows");
    assert_eq!(first(&err), (Code::Empty, "row 2"));
    // Blank rows under the header are no data either.
    let text = format!("{HEADER},,,\n\n");
    let err = import_bytes(text.as_bytes(), None, &strict()).expect_err("no rows");
    assert_eq!(first(&err).0, Code::Empty);
}

#[test]
fn no_header_is_missing_column() {
    let err = import_bytes(b"a,b,c\n1,2,3\n", None, &strict()).expect_err("no header");
    assert_eq!(first(&err).0, Code::MissingColumn);
}

#[test]
fn size_limit() {
    let text = format!("{HEADER}{ROW}");
    let options = ImportOptions {
        max_bytes: 20,
        ..strict()
    };
    let err = import_bytes(text.as_bytes(), None, &options).expect_err("too large");
    assert_eq!(err.code(), "too_large");
}

#[test]
fn format_must_match_the_content() {
    let text = format!("{HEADER}{ROW}");
    let options = ImportOptions {
        format: Format::PortalXlsx,
        ..strict()
    };
    let err = import_bytes(text.as_bytes(), None, &options).expect_err("not xlsx");
    assert_eq!(first(&err).0, Code::BadEncoding);
    // A portal list read as a table lacks the table's columns.
    let options = ImportOptions {
        format: Format::TableCsv,
        ..strict()
    };
    let err = import_bytes(text.as_bytes(), None, &options).expect_err("not a table");
    assert_eq!(first(&err).0, Code::MissingColumn);
    // A zip that is not a workbook.
    let err = import_bytes(b"PK\x03\x04garbage", None, &strict()).expect_err("broken xlsx");
    assert_eq!(first(&err).0, Code::BadEncoding);
}

#[test]
fn ragged_rows_and_doubled_quotes() {
    // A short row reads as blank cells (and so reports what is missing); doubled quotes
    // inside a quoted cell are one quote.
    let text = format!("{HEADER}1.001193,Thủ tục đăng ký khai sinh\n2.000528,\"Thủ tục \"\"A\"\"\",Cấp xã,Hộ tịch\n");
    let err = import_bytes(text.as_bytes(), None, &strict()).expect_err("short row");
    assert_eq!(err.problems().len(), 2);
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "row 2, column \"linh_vuc\"",
            "row 2, column \"cap_thuc_hien\""
        ]
    );
}

/// One million rows: 1,000 communes × 1,000 procedures, generated here (about 70 MB).
#[test]
fn a_million_rows() {
    let started = Instant::now();
    let mut text = String::with_capacity(72_000_000);
    text.push_str("unit_code,unit_name,unit_level,procedure_code,procedure_name,field,posted\n");
    for u in 0..1000u32 {
        let unit = 30_000 + u;
        for p in 0..1000u32 {
            let _ = writeln!(
                text,
                "{unit},Xã {unit},commune,1.{:06},Thủ tục {p},Lĩnh vực {},{}",
                p,
                p % 40,
                if (u + p) % 3 == 0 { "no" } else { "yes" }
            );
        }
    }
    let generated = started.elapsed();
    let started = Instant::now();
    let imported = import_bytes(text.as_bytes(), None, &strict()).expect("a million rows import");
    let took = started.elapsed();
    eprintln!(
        "1,000,000 rows, {} MB: generated in {generated:.2?}, imported in {took:.2?}",
        text.len() / 1_000_000
    );
    let c = &imported.catalog;
    assert_eq!(imported.rows, 1_000_000);
    assert_eq!(c.units().len(), 1000);
    assert_eq!(c.procedures().len(), 1000);
    assert_eq!(c.fields().len(), 40);
    let posted = (0..1000u32)
        .flat_map(|u| (0..1000u32).map(move |p| (u + p) % 3 != 0))
        .filter(|&b| b)
        .count();
    assert_eq!(c.posting_count(), posted);
}
