//! Hostile files: a workbook of 6 MB that inflates to 2 GiB, a zip of thousands of entries, two
//! cells at opposite corners of a sheet, shared strings used a thousand times over, a CSV cell
//! of 100 MB, a CSV row of 10 million cells, a JSON string of 100 MB, nesting 100,000 deep.
//! Each is refused (`too_large`, or `syntax` for nesting) and each limit can be raised
//! (`docs/reliability.md`, "Hostile files").
//!
//! The cases that would take memory if a limit failed run in a child process (this test binary
//! again, `--ignored --exact child`), which reports its peak resident memory (`VmHWM` of
//! `/proc/self/status`); the parent asserts a generous bound on it, never on time.

use std::fmt::Write as _;
use std::io::Write as _;

use tthc::io::import::{import_bytes, ImportLimits, ImportOptions};
use tthc::io::json::ReadOptions;
use tthc::{Catalog, Code, Error};

// ---- building hostile files ----------------------------------------------------------------

/// A zip entry: its name, its stored bytes (deflated when `deflated`), and the size it
/// declares (a zip bomb lies).
struct Entry {
    name: String,
    data: Vec<u8>,
    deflated: bool,
    declared: u32,
    crc: u32,
}

impl Entry {
    fn stored(name: &str, text: &str) -> Entry {
        let mut crc = flate2::Crc::new();
        crc.update(text.as_bytes());
        Entry {
            name: name.to_owned(),
            data: text.as_bytes().to_vec(),
            deflated: false,
            declared: text.len() as u32,
            crc: crc.sum(),
        }
    }

    fn deflated(name: &str, text: &str) -> Entry {
        let mut crc = flate2::Crc::new();
        crc.update(text.as_bytes());
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(text.as_bytes()).expect("in memory");
        Entry {
            name: name.to_owned(),
            data: enc.finish().expect("in memory"),
            deflated: true,
            declared: text.len() as u32,
            crc: crc.sum(),
        }
    }
}

/// A zip archive of `entries`.
fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&(if e.deflated { 8u16 } else { 0 }).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
            v.extend_from_slice(&e.crc.to_le_bytes());
            v.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            v.extend_from_slice(&e.declared.to_le_bytes());
            v.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend_from_slice(&[0; 10]); // comment, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(e.name.as_bytes());
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    let n = (entries.len().min(0xFFFF) as u16).to_le_bytes();
    out.extend_from_slice(&n);
    out.extend_from_slice(&n);
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SHEET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const SHEET_TAIL: &str = "</sheetData></worksheet>";

/// The parts of a one-sheet workbook other than the sheet (and the shared strings, if any).
fn workbook_parts(shared_strings: bool) -> Vec<Entry> {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let strings_rel = if shared_strings {
        format!(
            "<Relationship Id=\"rId2\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        )
    } else {
        String::new()
    };
    vec![
        Entry::stored("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
        Entry::stored("_rels/.rels", &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        Entry::stored("xl/workbook.xml", &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        Entry::stored("xl/_rels/workbook.xml.rels", &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>{strings_rel}</Relationships>")),
    ]
}

/// A one-sheet workbook whose sheet data is `rows` (XML) and whose shared strings, if any,
/// are `strings`.
fn workbook(rows: &str, strings: Option<&[&str]>) -> Vec<u8> {
    let mut entries = workbook_parts(strings.is_some());
    entries.push(Entry::deflated(
        "xl/worksheets/sheet1.xml",
        &format!("{SHEET_HEAD}{rows}{SHEET_TAIL}"),
    ));
    if let Some(strings) = strings {
        let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{MAIN}\">");
        for s in strings {
            let _ = write!(xml, "<si><t>{s}</t></si>");
        }
        xml.push_str("</sst>");
        entries.push(Entry::deflated("xl/sharedStrings.xml", &xml));
    }
    zip(&entries)
}

/// An inline-string cell.
fn text_cell(at: &str, text: &str) -> String {
    format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
}

/// A workbook whose sheet inflates to `gib` GiB (rows of cells, repeated) from about 3 MB per
/// GiB: each MiB of rows is deflated once with a full flush, which makes every repetition the
/// same bytes. The zip declares a size of 4 KiB: the importer must not trust it.
fn bomb(gib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut deflate = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(gib << 21);
    let mut compress = |input: &[u8], flush: FlushCompress, out: &mut Vec<u8>| {
        let mut buf = vec![0u8; input.len() / 4 + 1024];
        let before_in = deflate.total_in();
        let before_out = deflate.total_out();
        deflate
            .compress(input, &mut buf, flush)
            .expect("deflate in memory");
        assert_eq!(deflate.total_in() - before_in, input.len() as u64);
        let n = (deflate.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..n]);
    };
    let row = "<row><c t=\"inlineStr\"><is><t>0123456789abcdef</t></is></c></row>";
    let chunk = row.repeat((1 << 20) / row.len());
    compress(SHEET_HEAD.as_bytes(), FlushCompress::Full, &mut out);
    let start = out.len();
    compress(chunk.as_bytes(), FlushCompress::Full, &mut out);
    let one = out[start..].to_vec();
    for _ in 1..(gib << 10) {
        out.extend_from_slice(&one);
    }
    compress(SHEET_TAIL.as_bytes(), FlushCompress::Finish, &mut out);
    let mut entries = workbook_parts(false);
    entries.push(Entry {
        name: "xl/worksheets/sheet1.xml".to_owned(),
        data: out,
        deflated: true,
        declared: 4096,
        crc: 0,
    });
    zip(&entries)
}

// ---- checking -------------------------------------------------------------------------------

/// The one problem of a refused import: its code, path and message.
fn refusal(result: Result<impl std::fmt::Debug, Error>) -> (Code, String, String) {
    let err = result.expect_err("a hostile file must be refused");
    let p = match &err {
        Error::Format(p) => p.clone(),
        Error::Import(ps) | Error::Invalid(ps) if ps.len() == 1 => ps[0].clone(),
        other => panic!("expected one problem, got {other:?}"),
    };
    (p.code, p.path, p.message)
}

fn import(bytes: &[u8], limits: ImportLimits) -> Result<tthc::io::import::Imported, Error> {
    import_bytes(
        bytes,
        None,
        &ImportOptions {
            limits,
            ..ImportOptions::default()
        },
    )
}

/// A portal list: header, and the start of a row (its level and field cells follow).
const CSV_HEADER: &str = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc\n";
const CSV_ROW: &str = "1.001193,Thủ tục đăng ký khai sinh,Cấp xã,";

// ---- the cases ------------------------------------------------------------------------------

/// Each case: builds its file, checks the refusal, and is run in a child for its memory.
const CASES: &[(&str, fn())] = &[
    ("xlsx_bomb", xlsx_bomb),
    ("xlsx_far_corners", xlsx_far_corners),
    ("csv_cell_100mb", csv_cell_100mb),
    ("csv_10m_columns", csv_10m_columns),
    ("json_string_100mb", json_string_100mb),
    ("json_escaped_string_100mb", json_escaped_string_100mb),
];

fn xlsx_bomb() {
    let file = bomb(2);
    assert!(file.len() < 8 << 20, "the bomb is {} bytes", file.len());
    let (code, path, message) = refusal(import(&file, ImportLimits::default()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "xl/worksheets/sheet1.xml");
    assert!(message.contains("max_unzipped_bytes"), "{message}");
}

fn xlsx_far_corners() {
    let rows = format!(
        "<row r=\"1\">{}</row><row r=\"1048576\">{}</row>",
        text_cell("A1", "Mã TTHC"),
        text_cell("XFD1048576", "x")
    );
    let (code, _, message) = refusal(import(&workbook(&rows, None), ImportLimits::default()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert!(message.contains("16384 columns"), "{message}");
}

fn csv_cell_100mb() {
    let mut text = String::with_capacity(100 << 20);
    text.push_str(CSV_HEADER);
    text.push_str(CSV_ROW);
    text.push_str(&"a".repeat(100 << 20));
    text.push('\n');
    let (code, path, message) = refusal(import(text.as_bytes(), ImportLimits::default()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "row 2, column 4");
    assert!(message.contains("max_cell_bytes"), "{message}");
}

fn csv_10m_columns() {
    let mut text = String::from(CSV_HEADER);
    text.push_str(&"x,".repeat(10_000_000));
    text.push('\n');
    let (code, path, message) = refusal(import(text.as_bytes(), ImportLimits::default()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "row 2");
    assert!(message.contains("10000001 cells"), "{message}");
}

fn json_string_100mb() {
    let doc = format!("{{\"tthc\":1,\"title\":\"{}\"}}", "a".repeat(100 << 20));
    let (code, path, message) = refusal(Catalog::from_json(doc.as_bytes()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "/title");
}

fn json_escaped_string_100mb() {
    // Escapes make serde_json copy the string: the copy is bounded by the input.
    let doc = format!("{{\"tthc\":1,\"title\":\"{}\"}}", "\\n".repeat(50 << 20));
    let (code, path, message) = refusal(Catalog::from_json(doc.as_bytes()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "/title");
}

/// Peak resident memory of this process in MiB (`VmHWM`).
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status");
    kb / 1024
}

/// Run in a child by `hostile_files_in_bounded_memory`: the case named by `TTHC_HOSTILE_CASE`.
#[test]
#[ignore = "run by hostile_files_in_bounded_memory in a child process"]
fn child() {
    let name = std::env::var("TTHC_HOSTILE_CASE").expect("TTHC_HOSTILE_CASE");
    let (_, case) = CASES
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a known case");
    case();
    println!("TTHC_PEAK_MIB={}", peak_mib());
}

/// Every case in its own process: refused, with a peak resident memory under 600 MiB (the
/// largest input is 100 MiB; a failed limit would take gigabytes, or abort).
#[test]
#[cfg(target_os = "linux")]
fn hostile_files_in_bounded_memory() {
    let exe = std::env::current_exe().expect("the test binary");
    let mut failures = Vec::new();
    for (name, _) in CASES {
        let out = std::process::Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("TTHC_HOSTILE_CASE", name)
            .output()
            .expect("run the test binary");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let peak = stdout
            .lines()
            .find_map(|l| l.split_once("TTHC_PEAK_MIB=").map(|(_, v)| v.trim()))
            .and_then(|v| v.parse::<u64>().ok());
        eprintln!("{name}: peak {peak:?} MiB, {}", out.status);
        match peak {
            Some(mib) if out.status.success() && mib < 600 => {}
            _ => failures.push(format!(
                "{name}: {} peak {peak:?} MiB\n{stdout}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- each limit, and raising it -------------------------------------------------------------

#[test]
fn a_zip_of_thousands_of_entries() {
    let entries: Vec<Entry> = (0..5000)
        .map(|i| Entry::stored(&format!("xl/media/{i}.bin"), ""))
        .collect();
    let file = zip(&entries);
    let (code, _, message) = refusal(import(&file, ImportLimits::default()));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert!(message.contains("5000 entries"), "{message}");
    // Raised, the limit lets the zip through to calamine, which finds no workbook in it.
    let raised = ImportLimits {
        max_zip_entries: 10_000,
        ..ImportLimits::default()
    };
    assert_eq!(refusal(import(&file, raised)).0, Code::BadEncoding);
}

/// A small valid portal list as worksheet rows: header, one procedure, and `extra` cells.
fn table_rows(extra: &str) -> String {
    let header = ["ma_thu_tuc", "ten_thu_tuc", "cap_thuc_hien", "linh_vuc"];
    let row = ["1.001193", "Thủ tục đăng ký khai sinh", "Cấp xã", "Hộ tịch"];
    let cells = |r: usize, texts: &[&str]| -> String {
        let cols = ["A", "B", "C", "D"];
        texts
            .iter()
            .zip(cols)
            .map(|(t, c)| text_cell(&format!("{c}{r}"), t))
            .collect()
    };
    format!(
        "<row r=\"1\">{}</row><row r=\"2\">{}{extra}</row>",
        cells(1, &header),
        cells(2, &row)
    )
}

#[test]
fn unzipped_bytes_limit_and_raising_it() {
    let file = workbook(&table_rows(""), None);
    let small = ImportLimits {
        max_unzipped_bytes: 1000,
        ..ImportLimits::default()
    };
    let (code, _, message) = refusal(import(&file, small));
    assert_eq!(code, Code::TooLarge, "{message}");
    let imported = import(&file, ImportLimits::default()).expect("within the default limits");
    assert_eq!(imported.catalog.procedures().len(), 1);
}

#[test]
fn shared_strings_used_over_and_over() {
    // One string of 100 KB used by 2,000 cells: 200 MB of text from a file of a few KB.
    let long = "a".repeat(100_000);
    let mut rows = format!("<row r=\"1\">{}</row>", text_cell("A1", "Mã TTHC"));
    for r in 2..2002 {
        let _ = write!(
            rows,
            "<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"
        );
    }
    let file = workbook(&rows, Some(&[&long]));
    assert!(file.len() < 20_000, "{} bytes", file.len());
    let limits = ImportLimits {
        max_unzipped_bytes: 64 << 20,
        ..ImportLimits::default()
    };
    let (code, path, message) = refusal(import(&file, limits));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert_eq!(path, "row 673", "{message}");
}

#[test]
fn cell_bytes_limit_in_both_containers() {
    let limits = ImportLimits {
        max_cell_bytes: 10,
        ..ImportLimits::default()
    };
    let long = "x".repeat(11);
    let file = workbook(&table_rows(&text_cell("E2", &long)), None);
    let (code, path, _) = refusal(import(&file, limits));
    assert_eq!((code, path.as_str()), (Code::TooLarge, "row 1, column 2"));
    let csv = format!("{CSV_HEADER}{CSV_ROW}{long}\n");
    let (code, path, _) = refusal(import(csv.as_bytes(), limits));
    assert_eq!((code, path.as_str()), (Code::TooLarge, "row 1, column 2"));
    // Raised to the longest cell, both read.
    let ok = ImportLimits {
        max_cell_bytes: "Thủ tục đăng ký khai sinh".len(),
        ..limits
    };
    import(&file, ok).expect("at the limit");
    import(csv.as_bytes(), ok).expect("at the limit");
}

#[test]
fn columns_limit_in_both_containers() {
    let limits = ImportLimits {
        max_columns: 4,
        ..ImportLimits::default()
    };
    let file = workbook(&table_rows(&text_cell("E2", "x")), None);
    let (code, _, message) = refusal(import(&file, limits));
    assert_eq!(code, Code::TooLarge, "{message}");
    assert!(message.contains("max_columns"), "{message}");
    let csv = format!("{CSV_HEADER}{CSV_ROW}Hộ tịch,x\n");
    let (code, path, _) = refusal(import(csv.as_bytes(), limits));
    assert_eq!((code, path.as_str()), (Code::TooLarge, "row 2"));
    let csv = format!("{CSV_HEADER}{CSV_ROW}Hộ tịch\n");
    import(csv.as_bytes(), limits).expect("four columns are within a limit of four");
}

#[test]
fn cells_limit() {
    let file = workbook(&table_rows(""), None);
    let limits = ImportLimits {
        max_cells: 7,
        ..ImportLimits::default()
    };
    let (code, path, message) = refusal(import(&file, limits));
    assert_eq!(
        (code, path.as_str()),
        (Code::TooLarge, "row 2"),
        "{message}"
    );
    let limits = ImportLimits {
        max_cells: 8,
        ..ImportLimits::default()
    };
    import(&file, limits).expect("eight cells within a limit of eight");
}

#[test]
fn a_far_cell_within_the_limits_costs_nothing() {
    // A1 and A1048576: a million rows apart, one column wide; read as blank rows.
    let rows = format!(
        "{}<row r=\"1048576\">{}</row>",
        table_rows(""),
        text_cell("A1048576", " ")
    );
    let imported = import(&workbook(&rows, None), ImportLimits::default()).expect("reads");
    assert_eq!(imported.catalog.procedures().len(), 1);
}

#[test]
fn xml_nested_100k_deep_in_a_workbook() {
    let deep = format!("{}{}", "<x>".repeat(100_000), "</x>".repeat(100_000));
    // quick-xml streams: nesting costs no stack, and the sheet is read past it (its header
    // lacks the portal's other columns: missing_column).
    let rows = format!("<row r=\"1\">{}</row>{deep}", text_cell("A1", "Mã TTHC"));
    let err = import(&workbook(&rows, None), ImportLimits::default()).expect_err("refused");
    assert_eq!(err.code(), "missing_column", "{err:?}");
    let strings = [deep.as_str()];
    let err = import(
        &workbook(&text_cell("A1", "x"), Some(&strings)),
        ImportLimits::default(),
    )
    .expect_err("refused");
    assert!(
        ["missing_column", "bad_encoding"].contains(&err.code()),
        "{err:?}"
    );
}

#[test]
fn json_nested_100k_deep() {
    // Where the format has a unit, the unit's shape sees an array or an object of unknown keys
    // and skips it; an unknown key's value is skipped too: serde_json skips without recursion,
    // so nothing reaches its limit of 128 levels and the stack stays flat.
    for (open, close, first) in [
        ("[", "]", ("wrong_type", "/units/0")),
        ("{\"a\":", "}", ("unknown_key", "/units/0/a")),
    ] {
        let nested = format!("{}1{}", open.repeat(100_000), close.repeat(100_000));
        let doc = format!("{{\"tthc\":1,\"fields\":[],\"procedures\":[],\"units\":[{nested}]}}");
        let err = Catalog::from_json(doc.as_bytes()).expect_err("refused");
        assert_eq!((err.code(), err.problems()[0].path.as_str()), first);
        let doc =
            format!("{{\"tthc\":1,\"fields\":[],\"procedures\":[],\"units\":[],\"x\":{nested}}}");
        let err = Catalog::from_json(doc.as_bytes()).expect_err("refused");
        assert_eq!(
            (err.code(), err.problems()[0].path.as_str()),
            ("unknown_key", "/x")
        );
    }
}

#[test]
fn json_string_limit_and_raising_it() {
    let doc = "{\"tthc\":1,\"title\":\"0123456789\",\"extra_0123456789\":1}";
    let options = |max| ReadOptions {
        max_string_bytes: max,
        ..ReadOptions::default()
    };
    let (code, path, message) = refusal(Catalog::from_json_with(doc.as_bytes(), &options(9)));
    assert_eq!(
        (code, path.as_str()),
        (Code::TooLarge, "/title"),
        "{message}"
    );
    // At 10 bytes the title passes and the 16-byte unknown key is refused at its object.
    let (code, path, message) = refusal(Catalog::from_json_with(doc.as_bytes(), &options(10)));
    assert_eq!((code, path.as_str()), (Code::TooLarge, ""), "{message}");
    // Raised, the document is read and only the unknown key is a problem.
    let err = Catalog::from_json_with(doc.as_bytes(), &options(16)).expect_err("unknown key");
    assert!(err.problems().iter().all(|p| p.code != Code::TooLarge));
}

#[test]
fn json_string_limit_on_a_posting() {
    // Postings of units after `procedures` are resolved while reading: the same limit holds.
    let doc = r#"{"tthc":1,"fields":[{"code":"f","name":"F"}],
        "procedures":[{"code":"1.000001","name":"P","field":"f","levels":["commune"]}],
        "units":[{"code":"1","name":"U","level":"commune","published":{"portal":["1.000001","1.0000010123456789"]}}]}"#;
    let options = ReadOptions {
        max_string_bytes: 16,
        ..ReadOptions::default()
    };
    let (code, path, message) = refusal(Catalog::from_json_with(doc.as_bytes(), &options));
    assert_eq!(
        (code, path.as_str()),
        (Code::TooLarge, "/units/0/published/portal/1"),
        "{message}"
    );
    if let Err(e) = Catalog::from_json(doc.as_bytes()) {
        assert!(
            e.problems().iter().all(|p| p.code != Code::TooLarge),
            "{e:?}"
        );
    }
}
