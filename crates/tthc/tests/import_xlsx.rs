//! Workbooks: the header found below titles, header names with trailing spaces (as Excel
//! exports them), numbers and dates stored as numbers, flat tables as xlsx, empty workbooks.
//!
//! The workbooks are written here by a minimal xlsx writer (stored zip entries, inline strings),
//! so every case is visible in the test.

use std::fmt::Write as _;

use tthc::io::import::{import_bytes, Format, ImportOptions};
use tthc::{Channel, Code, Level};

/// A cell of a test workbook.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A date cell: an Excel serial day with a date format.
    Date(u32),
    Empty,
}

use Cell::{Date, Empty, Number, Text};

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive with stored (uncompressed) entries.
fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, text) in files {
        let data = text.as_bytes();
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_len = name.len() as u16;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&0u16.to_le_bytes()); // stored
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&name_len.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    let n = files.len() as u16;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column(mut i: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A one-sheet workbook.
fn xlsx(rows: &[Vec<Cell<'_>>]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let mut sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MAIN}\"><sheetData>"
    );
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(sheet, "<row r=\"{}\">", r + 1);
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column(c), r + 1);
            match cell {
                Text(t) => {
                    let _ = write!(
                        sheet,
                        "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        escape(t)
                    );
                }
                Number(n) => {
                    let _ = write!(sheet, "<c r=\"{at}\"><v>{n}</v></c>");
                }
                Date(d) => {
                    let _ = write!(sheet, "<c r=\"{at}\" s=\"1\"><v>{d}</v></c>");
                }
                Empty => {}
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    zip(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>".to_owned()),
        ("_rels/.rels", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>")),
        ("xl/styles.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{MAIN}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>")),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

fn strict() -> ImportOptions {
    ImportOptions::default()
}

#[test]
fn portal_export_header_with_trailing_spaces() {
    // As the portal's export: a title cell above, then "Mã số   " with trailing spaces.
    let book = xlsx(&[
        vec![Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDANH SÁCH THỦ TỤC HÀNH CHÍNH\n\n")],
        vec![Text("Mã số   "), Text("Tên "), Text("Cơ quan ban hành"), Text("Cơ quan thực hiện"), Text(" Lĩnh vực")],
        vec![Text("1.001193"), Text("Thủ tục đăng ký khai sinh"), Text("Bộ Tư pháp"), Text("Ủy ban nhân dân cấp xã"), Text("Hộ tịch")],
        vec![Empty],
        vec![Text("1.014966"), Text("Cấp lại chứng chỉ hành nghề Quản tài viên trong trường hợp bị thu hồi chứng chỉ hành nghề "), Text("Bộ Tư pháp"), Text("Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp"), Text("Quản tài viên")],
    ]);
    let imported = import_bytes(&book, None, &strict()).expect("the workbook imports");
    assert_eq!(imported.format, Format::PortalXlsx);
    assert_eq!(imported.title_rows, 1);
    let c = &imported.catalog;
    assert_eq!(c.procedures().len(), 2);
    let p = c.procedure(c.procedure_id("1.014966").expect("present"));
    assert!(
        p.name.ends_with("chứng chỉ hành nghề"),
        "trailing space trimmed"
    );
    assert_eq!(p.levels.iter().collect::<Vec<_>>(), [Level::Province]);
    assert_eq!(imported.blank_rows, 1);
}

#[test]
fn codes_stored_as_numbers() {
    // A workbook where someone typed the codes as numbers: 1.00023 (= 1.000230) and 1.001193.
    let book = xlsx(&[
        vec![
            Text("Mã số"),
            Text("Tên"),
            Text("Cấp thực hiện"),
            Text("Lĩnh vực"),
        ],
        vec![
            Number(1.00023),
            Text("Thủ tục A"),
            Text("Cấp xã"),
            Text("Hộ tịch"),
        ],
        vec![
            Number(1.001_193),
            Text("Thủ tục B"),
            Text("Cấp xã"),
            Text("Hộ tịch"),
        ],
    ]);
    let imported = import_bytes(&book, None, &strict()).expect("imports");
    let c = &imported.catalog;
    assert!(c.procedure_id("1.000230").is_some());
    assert!(c.procedure_id("1.001193").is_some());
    assert_eq!(imported.normalised.numeric_codes, 1);
}

fn table_header() -> Vec<Cell<'static>> {
    [
        "Mã đơn vị",
        "Tên đơn vị",
        "Cấp",
        "Mã TTHC",
        "Tên TTHC",
        "Lĩnh vực",
        "Kênh",
        "Đã công khai",
        "Ngày công khai",
    ]
    .into_iter()
    .map(Text)
    .collect()
}

#[test]
fn flat_table_as_xlsx() {
    // Province code 1 typed as a number becomes "01"; dates as date cells and as text; a
    // boolean-like number 1 for posted.
    let book = xlsx(&[
        table_header(),
        vec![
            Number(1.0),
            Text("Thành phố Hà Nội"),
            Text("Tỉnh"),
            Text("1.001194"),
            Text("Cấp thị thực cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)"),
            Text("Quản lý xuất nhập cảnh"),
            Text("Một cửa"),
            Number(1.0),
            Date(45_839),
        ],
        vec![
            Number(30_985.0),
            Text("Xã An Biên"),
            Text("Xã"),
            Text("1.001193"),
            Text("Thủ tục đăng ký khai sinh"),
            Text("Hộ tịch"),
            Text("Cổng Dịch vụ công quốc gia"),
            Text("x"),
            Text("02/07/2025"),
        ],
        vec![
            Number(30_985.0),
            Text("Xã An Biên"),
            Text("Xã"),
            Text("1.000894"),
            Text("Thủ tục đăng ký kết hôn"),
            Text("Hộ tịch"),
            Text("Một cửa"),
            Number(0.0),
            Empty,
        ],
    ]);
    let imported = import_bytes(&book, None, &strict()).expect("the table imports");
    assert_eq!(imported.format, Format::TableXlsx);
    let c = &imported.catalog;
    let hanoi = c.unit(c.unit_id("01").expect("province 01"));
    assert_eq!(hanoi.level, Level::Province);
    let posted: Vec<String> = hanoi
        .postings(Channel::OneStopShop)
        .iter()
        .map(|(_, on)| on.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(posted, ["2025-07-01"]);
    let an_bien = c.unit(c.unit_id("30985").expect("commune"));
    assert_eq!(an_bien.postings(Channel::National).len(), 1);
    assert!(an_bien.postings(Channel::OneStopShop).is_given());
    assert_eq!(an_bien.postings(Channel::OneStopShop).len(), 0);
    assert_eq!(imported.normalised.numeric_codes, 1);
}

#[test]
fn bad_cells_in_a_workbook() {
    let book = xlsx(&[
        table_header(),
        vec![
            Number(30_985.0),
            Text("Xã An Biên"),
            Text("Xã"),
            Text("1.001193"),
            Text("Thủ tục đăng ký khai sinh"),
            Text("Hộ tịch"),
            Text("Một cửa"),
            Text("có"),
            Number(45_839.5),
        ],
        vec![
            Number(30_985.0),
            Text("Xã An Biên"),
            Text("Xã"),
            Text("1.000894"),
            Text("Thủ tục đăng ký kết hôn"),
            Text("Hộ tịch"),
            Text("Một cửa"),
            Text("có lẽ"),
            Empty,
        ],
    ]);
    let err = import_bytes(&book, None, &strict()).expect_err("bad cells");
    let got: Vec<(Code, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Code::BadDate, "row 2, column \"Ngày công khai\""),
            (Code::BadCell, "row 3, column \"Đã công khai\""),
        ]
    );
}

#[test]
fn empty_workbooks() {
    let err = import_bytes(&xlsx(&[]), None, &strict()).expect_err("no rows");
    assert_eq!(err.code(), "empty");
    let err = import_bytes(&xlsx(&[table_header()]), None, &strict()).expect_err("header only");
    assert_eq!(err.code(), "empty");
    let err = import_bytes(
        &xlsx(&[vec![Text("DANH SÁCH")], vec![Text("a"), Text("b")]]),
        None,
        &strict(),
    )
    .expect_err("no header");
    assert_eq!(err.code(), "missing_column");
}

#[test]
fn a_decision_list_as_xlsx() {
    // A decision's appendix as a workbook: title rows (the number, the day it takes effect and
    // the level), a header, a section row per action, a code typed as a number.
    let book = xlsx(&[
        vec![Text("ỦY BAN NHÂN DÂN TỈNH AN GIANG")],
        vec![Text("Ban hành kèm theo Quyết định số 456/QĐ-UBND ngày 15/8/2025")],
        vec![Text(
            "Danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ thuộc thẩm quyền giải quyết của UBND cấp xã",
        )],
        vec![Text("Quyết định có hiệu lực kể từ ngày 01 tháng 9 năm 2025")],
        vec![Empty],
        vec![Text("STT"), Text("Mã số TTHC"), Text("Tên thủ tục hành chính")],
        vec![Text("I. Thủ tục hành chính mới ban hành")],
        vec![Number(1.0), Number(1.00023), Text("Thủ tục A")],
        vec![Text("II. Thủ tục hành chính được sửa đổi, bổ sung")],
        vec![Number(2.0), Text("1.001193"), Text("Thủ tục đăng ký khai sinh")],
        vec![Text("III. Thủ tục hành chính bị bãi bỏ")],
        vec![Number(3.0), Text("1.000894"), Text("Thủ tục đăng ký kết hôn")],
    ]);
    let catalog = tthc::Catalog::from_json(
        r#"{"tthc":1,"fields":[{"code":"ho-tich","name":"Hộ tịch"}],
        "procedures":[{"code":"1.000230","name":"A","field":"ho-tich","levels":["commune"]},
                      {"code":"1.001193","name":"B","field":"ho-tich","levels":["commune"]},
                      {"code":"1.000894","name":"C","field":"ho-tich","levels":["commune"]}],
        "units":[{"code":"91","name":"Tỉnh An Giang","level":"province"}]}"#
            .as_bytes(),
    )
    .expect("valid");
    let imported = tthc::io::import::import_decision(
        &book,
        &catalog,
        &tthc::io::import::DecisionOptions::default(),
    )
    .expect("imports");
    let c = &imported.catalog;
    let d = &c.decisions()[0];
    assert_eq!(d.id, "456/QĐ-UBND");
    assert_eq!(
        d.issued.map(|x| x.to_string()).as_deref(),
        Some("2025-08-15")
    );
    assert_eq!(d.effective.to_string(), "2025-09-01");
    assert_eq!(d.scope.level, Level::Commune);
    assert_eq!(d.scope.within.map(|u| c.unit(u).code.as_str()), Some("91"));
    assert!(!d.complete);
    let items: Vec<(&str, &str)> = d
        .items
        .iter()
        .map(|i| (c.procedure(i.procedure).code.as_str(), i.action.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("1.000230", "new"),
            ("1.001193", "amended"),
            ("1.000894", "abolished")
        ]
    );
    assert_eq!(imported.title_rows, 4);
    assert_eq!(imported.section_rows, 3);
}
