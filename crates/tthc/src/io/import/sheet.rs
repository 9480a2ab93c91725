//! Rows of a CSV file or an xlsx worksheet as text, the header row found among the first rows,
//! and the normalisation of cell text (NFC, trimmed, single spaces).

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx, XlsxError};

use super::limits::{check_zip, over, ImportLimits};
use super::Normalised;
use crate::error::{Code, Problem};

/// How many rows may stand above the header (titles, notes, blank lines).
pub(crate) const HEADER_SEARCH_ROWS: usize = 30;

/// The container of a table: CSV text or an xlsx workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Csv,
    Xlsx,
}

impl Container {
    /// xlsx files are zip archives; everything else is read as CSV.
    pub(crate) fn sniff(bytes: &[u8]) -> Container {
        if bytes.starts_with(b"PK\x03\x04") {
            Container::Xlsx
        } else {
            Container::Csv
        }
    }
}

/// One row, its cells as text; buffers are reused from row to row.
#[derive(Debug, Default)]
pub(crate) struct RowBuf {
    cells: Vec<String>,
    numeric: Vec<bool>,
    len: usize,
    /// 1-based row number as a spreadsheet shows it.
    pub(crate) number: u64,
}

impl RowBuf {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn push(&mut self, text: &str, numeric: bool) {
        if self.len == self.cells.len() {
            self.cells.push(String::new());
            self.numeric.push(false);
        }
        let cell = &mut self.cells[self.len];
        cell.clear();
        cell.push_str(text);
        self.numeric[self.len] = numeric;
        self.len += 1;
    }

    fn push_with(&mut self, numeric: bool, write: impl FnOnce(&mut String)) {
        if self.len == self.cells.len() {
            self.cells.push(String::new());
            self.numeric.push(false);
        }
        let cell = &mut self.cells[self.len];
        cell.clear();
        write(cell);
        self.numeric[self.len] = numeric;
        self.len += 1;
    }

    /// The raw text of cell `i` ("" past the end of the row).
    pub(crate) fn get(&self, i: usize) -> &str {
        if i < self.len {
            &self.cells[i]
        } else {
            ""
        }
    }

    /// Whether cell `i` was a number in the workbook (never true for CSV).
    pub(crate) fn is_numeric(&self, i: usize) -> bool {
        i < self.len && self.numeric[i]
    }

    /// Number of cells.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether every cell is blank.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells[..self.len].iter().all(|c| blank(c))
    }
}

/// Whether a cell is empty or white space.
pub(crate) fn blank(s: &str) -> bool {
    // Most cells start with a letter or digit: not blank, no need to trim.
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// The header row: names as written (trimmed) and folded for matching.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub(crate) row: u64,
    pub(crate) names: Vec<String>,
    pub(crate) folded: Vec<String>,
    /// Non-blank rows above the header (titles).
    pub(crate) title_rows: usize,
    /// The text of each title row: its non-blank cells joined by spaces, in row order.
    pub(crate) titles: Vec<String>,
    /// Blank rows above the header.
    pub(crate) blank_rows: usize,
}

impl Header {
    fn from_row(row: &RowBuf, titles: &[String], blank_rows: usize) -> Header {
        let names: Vec<String> = (0..row.len())
            .map(|i| collapse_spaces(row.get(i)).into_owned())
            .collect();
        let folded = names.iter().map(|n| crate::text::fold(&nfc(n))).collect();
        Header {
            row: row.number,
            names,
            folded,
            title_rows: titles.len(),
            titles: titles.to_vec(),
            blank_rows,
        }
    }

    /// The text of a row that is not the header: its non-blank cells, joined by spaces.
    pub(crate) fn row_text(row: &RowBuf) -> String {
        (0..row.len())
            .map(|i| collapse_spaces(row.get(i)))
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every column whose folded name is one of the folded `aliases`.
    pub(crate) fn columns(&self, aliases: &[String]) -> Vec<usize> {
        self.folded
            .iter()
            .enumerate()
            .filter(|(_, f)| aliases.iter().any(|a| a == *f))
            .map(|(i, _)| i)
            .collect()
    }

    /// The column's name as written, for error paths.
    pub(crate) fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }
}

/// The rows of one table, after its header.
pub(crate) struct Sheet<'a> {
    inner: Inner<'a>,
    limits: ImportLimits,
}

enum Inner<'a> {
    Csv {
        reader: csv::Reader<&'a [u8]>,
        record: csv::ByteRecord,
    },
    Xlsx(SparseSheet),
}

/// The non-empty cells of a worksheet in (row, column) order: sparse, so that two cells far
/// apart (A1 and XFD1048576) cost two cells, not the rectangle between them.
struct SparseSheet {
    cells: Vec<((u32, u32), Data)>,
    /// Index of the next cell to read.
    at: usize,
    /// The next row to give (0-based); rows without cells are given as blank rows.
    row: u32,
    /// The leftmost column of any cell: column 0 of every row.
    first_col: u32,
}

impl SparseSheet {
    /// Read a worksheet's cells within the limits; `None` when the sheet is not a worksheet.
    fn read(
        book: &mut Xlsx<Cursor<&[u8]>>,
        name: &str,
        limits: &ImportLimits,
    ) -> Result<Option<SparseSheet>, Problem> {
        let unreadable = |e: &XlsxError| {
            file_problem(
                Code::BadEncoding,
                "",
                format!("worksheet \"{name}\" of the workbook cannot be read: {e}"),
            )
        };
        let mut reader = match book.worksheet_cells_reader(name) {
            Ok(r) => r,
            Err(XlsxError::NotAWorksheet(_)) => return Ok(None),
            Err(e) => return Err(unreadable(&e)),
        };
        let mut cells = Vec::new();
        let mut text_bytes = 0u64;
        while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
            let data = Data::from(cell.get_value().clone());
            if data == Data::Empty {
                continue;
            }
            let (row, col) = cell.get_position();
            if let Data::String(s) = &data {
                if s.len() > limits.max_cell_bytes {
                    return Err(over(
                        format!("row {}, column {}", row + 1, col + 1),
                        &format!("the cell has {} bytes of text,", s.len()),
                        limits.max_cell_bytes as u64,
                        "max_cell_bytes",
                    ));
                }
                text_bytes += s.len() as u64;
                if text_bytes > limits.max_unzipped_bytes {
                    return Err(over(
                        format!("row {}", row + 1),
                        &format!("the text of worksheet \"{name}\" comes to"),
                        limits.max_unzipped_bytes,
                        "max_unzipped_bytes",
                    ));
                }
            }
            if cells.len() == limits.max_cells {
                return Err(over(
                    format!("row {}", row + 1),
                    &format!("worksheet \"{name}\" has"),
                    limits.max_cells as u64,
                    "max_cells",
                ));
            }
            cells.push(((row, col), data));
        }
        // Excel writes cells in order; a stable sort keeps a file's order for any duplicate.
        cells.sort_by_key(|c| c.0);
        let first_col = cells.iter().map(|c| c.0 .1).min().unwrap_or(0);
        let last_col = cells.iter().map(|c| c.0 .1).max().unwrap_or(0);
        let width = (last_col - first_col) as usize + 1;
        if width > limits.max_columns {
            return Err(over(
                "",
                &format!("worksheet \"{name}\" spans {width} columns,"),
                limits.max_columns as u64,
                "max_columns",
            ));
        }
        let row = cells.first().map_or(0, |c| c.0 .0);
        Ok(Some(SparseSheet {
            cells,
            at: 0,
            row,
            first_col,
        }))
    }

    /// The next row into `buf` (its cells up to its last non-empty one); `false` at the end.
    fn next_row(&mut self, buf: &mut RowBuf) -> bool {
        if self.at >= self.cells.len() {
            return false;
        }
        buf.number = u64::from(self.row) + 1;
        let mut col = self.first_col;
        while let Some(((row, c), data)) = self.cells.get(self.at) {
            if *row != self.row {
                break;
            }
            self.at += 1;
            if *c < col {
                continue; // a second cell at the same place: the first is kept
            }
            while col < *c {
                buf.push("", false);
                col += 1;
            }
            push_cell(buf, data);
            col += 1;
        }
        self.row += 1;
        true
    }
}

/// Problems that stop the reading of a whole file.
pub(crate) fn file_problem(
    code: Code,
    path: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem::new(code, path, message)
}

impl<'a> Sheet<'a> {
    /// Open a table and find its header: the first row (among the first
    /// [`HEADER_SEARCH_ROWS`]) for which `is_header` holds on the folded cells.
    pub(crate) fn open(
        bytes: &'a [u8],
        container: Container,
        is_header: &dyn Fn(&Header) -> bool,
        expected: &str,
        limits: &ImportLimits,
    ) -> Result<(Sheet<'a>, Header), Problem> {
        match container {
            Container::Csv => Self::open_csv(bytes, is_header, expected, limits),
            Container::Xlsx => Self::open_xlsx(bytes, is_header, expected, limits),
        }
    }

    fn open_csv(
        bytes: &'a [u8],
        is_header: &dyn Fn(&Header) -> bool,
        expected: &str,
        limits: &ImportLimits,
    ) -> Result<(Sheet<'a>, Header), Problem> {
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Err(file_problem(
                Code::BadEncoding,
                "row 1",
                "the file is UTF-16 text; save it as CSV UTF-8",
            ));
        }
        // UTF-8 is checked row by row as the rows are read (once per row, not twice per file).
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(file_problem(Code::Empty, "", "the file is empty"));
        }
        let mut buf = RowBuf::default();
        let mut any_rows = false;
        // Excel writes `;`-separated CSV in locales with a decimal comma (Vietnamese among them).
        for delimiter in [b',', b';', b'\t'] {
            let mut sheet = Sheet {
                inner: Inner::Csv {
                    reader: csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .delimiter(delimiter)
                        .from_reader(bytes),
                    record: csv::ByteRecord::new(),
                },
                limits: *limits,
            };
            let (mut titles, mut blanks) = (Vec::new(), 0);
            for _ in 0..HEADER_SEARCH_ROWS {
                if !sheet.next_row(&mut buf)? {
                    break;
                }
                any_rows = true;
                if buf.is_blank() {
                    blanks += 1;
                    continue;
                }
                let header = Header::from_row(&buf, &titles, blanks);
                if is_header(&header) {
                    return Ok((sheet, header));
                }
                titles.push(Header::row_text(&buf));
            }
        }
        Err(no_header(any_rows, expected))
    }

    fn open_xlsx(
        bytes: &'a [u8],
        is_header: &dyn Fn(&Header) -> bool,
        expected: &str,
        limits: &ImportLimits,
    ) -> Result<(Sheet<'a>, Header), Problem> {
        check_zip(bytes, limits)?;
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
            file_problem(
                Code::BadEncoding,
                "",
                format!("the file is not a readable xlsx workbook: {e}"),
            )
        })?;
        let mut buf = RowBuf::default();
        let mut any_rows = false;
        for name in book.sheet_names() {
            let Some(cells) = SparseSheet::read(&mut book, &name, limits)? else {
                continue;
            };
            let mut sheet = Sheet {
                inner: Inner::Xlsx(cells),
                limits: *limits,
            };
            let (mut titles, mut blanks) = (Vec::new(), 0);
            for _ in 0..HEADER_SEARCH_ROWS {
                if !sheet.next_row(&mut buf)? {
                    break;
                }
                any_rows = true;
                if buf.is_blank() {
                    blanks += 1;
                    continue;
                }
                let header = Header::from_row(&buf, &titles, blanks);
                if is_header(&header) {
                    return Ok((sheet, header));
                }
                titles.push(Header::row_text(&buf));
            }
        }
        Err(no_header(any_rows, expected))
    }

    /// Read the next row into `buf`; `false` at the end.
    pub(crate) fn next_row(&mut self, buf: &mut RowBuf) -> Result<bool, Problem> {
        buf.clear();
        match &mut self.inner {
            Inner::Csv { reader, record } => {
                let more = reader
                    .read_byte_record(record)
                    .map_err(|e| csv_problem(&e))?;
                if !more {
                    return Ok(false);
                }
                let number = record.position().map_or(0, |p| p.record() + 1);
                buf.number = number;
                let not_utf8 = |offset: u64| {
                    file_problem(
                        Code::BadEncoding,
                        format!("row {number}"),
                        format!("the file is not UTF-8 text (invalid byte near offset {offset}); save it as CSV UTF-8"),
                    )
                };
                let start = record.position().map_or(0, csv::Position::byte);
                check_csv_row(record, number, &self.limits)?;
                // One check for the whole row; fields split at ASCII bytes, so each field of a
                // valid row is valid (`get` refuses a field that would split a character).
                let all = std::str::from_utf8(record.as_slice())
                    .map_err(|e| not_utf8(start + e.valid_up_to() as u64))?;
                for i in 0..record.len() {
                    let text = record
                        .range(i)
                        .and_then(|r| all.get(r))
                        .ok_or_else(|| not_utf8(start))?;
                    buf.push(text, false);
                }
                Ok(true)
            }
            Inner::Xlsx(cells) => Ok(cells.next_row(buf)),
        }
    }
}

/// A CSV row within `max_columns` cells of `max_cell_bytes` each (checked before its cells
/// are copied).
fn check_csv_row(record: &csv::ByteRecord, row: u64, limits: &ImportLimits) -> Result<(), Problem> {
    if record.len() > limits.max_columns {
        return Err(over(
            format!("row {row}"),
            &format!("the row has {} cells,", record.len()),
            limits.max_columns as u64,
            "max_columns",
        ));
    }
    match record
        .iter()
        .position(|cell| cell.len() > limits.max_cell_bytes)
    {
        Some(i) => Err(over(
            format!("row {row}, column {}", i + 1),
            &format!("the cell has {} bytes of text,", record[i].len()),
            limits.max_cell_bytes as u64,
            "max_cell_bytes",
        )),
        None => Ok(()),
    }
}

fn no_header(any_rows: bool, expected: &str) -> Problem {
    if any_rows {
        file_problem(
            Code::MissingColumn,
            "",
            format!("no header row with {expected} in the first {HEADER_SEARCH_ROWS} rows"),
        )
    } else {
        file_problem(Code::Empty, "", "the file has no rows")
    }
}

fn csv_problem(e: &csv::Error) -> Problem {
    let row = e.position().map_or(0, |p| p.record() + 1);
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => file_problem(
            Code::BadEncoding,
            format!("row {row}"),
            "the row is not UTF-8 text",
        ),
        _ => file_problem(
            Code::BadCell,
            format!("row {row}"),
            format!("the CSV text cannot be read: {e}"),
        ),
    }
}

fn push_cell(buf: &mut RowBuf, cell: &Data) {
    use std::fmt::Write as _;
    match cell {
        Data::Empty => buf.push("", false),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => buf.push(s, false),
        Data::Int(i) => buf.push_with(true, |s| {
            let _ = write!(s, "{i}");
        }),
        Data::Float(f) => buf.push_with(true, |s| {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                let _ = write!(s, "{}", *f as i64);
            } else {
                let _ = write!(s, "{f}");
            }
        }),
        Data::Bool(b) => buf.push(if *b { "true" } else { "false" }, false),
        Data::DateTime(dt) => buf.push_with(false, |s| {
            if dt.is_datetime() {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                let _ = write!(s, "{y:04}-{m:02}-{d:02}");
            } else {
                let _ = write!(s, "{}", dt.as_f64());
            }
        }),
        Data::Error(e) => buf.push_with(false, |s| {
            let _ = write!(s, "{e}");
        }),
    }
}

pub(crate) use crate::text::nfc;

/// `s` trimmed with runs of white space (any kind, line breaks included) as one space.
pub(crate) fn collapse_spaces(s: &str) -> Cow<'_, str> {
    let mut prev_ws = true; // white space at the start is not clean
    let mut clean = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if prev_ws || c != ' ' {
                clean = false;
                break;
            }
            prev_ws = true;
        } else {
            prev_ws = false;
        }
    }
    if clean && (!prev_ws || s.is_empty()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `s` surely needs no normalisation: no white space but single inner spaces, and
/// only characters that are always in NFC (ASCII, U+0080–U+02FF, U+1E00–U+1EFF — the
/// precomposed Vietnamese letters). One pass over the bytes; the common case of every cell.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let len = bytes.len();
    if len == 0 {
        return true;
    }
    if bytes[0] == b' ' || bytes[len - 1] == b' ' {
        return false;
    }
    let mut at = 0;
    while at < len {
        let byte = bytes[at];
        if byte < 0x80 {
            // The last byte is not a space, so a space has a next byte.
            if (byte == b' ' && bytes[at + 1] == b' ') || matches!(byte, 0x09..=0x0D) {
                return false;
            }
            at += 1;
        } else if byte < 0xCC {
            // U+0080–U+02FF; U+0085 and U+00A0 are white space.
            if byte == 0xC2 && matches!(bytes[at + 1], 0x85 | 0xA0) {
                return false;
            }
            at += 2;
        } else if byte == 0xE1 && matches!(bytes[at + 1], 0xB8..=0xBB) {
            at += 3;
        } else {
            return false;
        }
    }
    true
}

/// Normalise a cell's text (NFC, trimmed, single spaces) and count what changed.
pub(crate) fn normalise<'s>(s: &'s str, counts: &mut Normalised) -> Cow<'s, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let spaced = collapse_spaces(s);
    let respaced = matches!(spaced, Cow::Owned(_));
    if respaced {
        counts.spaces += 1;
    }
    if let Cow::Owned(n) = nfc(&spaced) {
        counts.nfc += 1;
        return Cow::Owned(n);
    }
    spaced
}

#[cfg(test)]
mod tests {
    use super::{collapse_spaces, normalise, Normalised};

    #[test]
    fn collapses_spaces() {
        for (i, o) in [
            ("a b", "a b"),
            (" a", "a"),
            ("a ", "a"),
            ("a  b", "a b"),
            ("a\nb", "a b"),
            ("a\u{a0}b", "a b"),
            ("", ""),
            ("  ", ""),
            ("Mã số   ", "Mã số"),
        ] {
            assert_eq!(collapse_spaces(i), o, "{i:?}");
        }
    }

    #[test]
    fn clean_fast_path_agrees() {
        use super::is_clean;
        for s in [
            "",
            "a",
            "Hộ tịch",
            "Thi đua – Khen thưởng",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{a0}b",
            "Ho\u{323}\u{302}",
            "Đăng ký",
        ] {
            let mut n = Normalised::default();
            let slow_clean = matches!(normalise_slow(s, &mut n), std::borrow::Cow::Borrowed(_));
            if is_clean(s) {
                assert!(slow_clean, "{s:?}");
            }
        }
    }

    fn normalise_slow<'s>(s: &'s str, counts: &mut Normalised) -> std::borrow::Cow<'s, str> {
        let spaced = collapse_spaces(s);
        if matches!(spaced, std::borrow::Cow::Owned(_)) {
            counts.spaces += 1;
        }
        match super::nfc(&spaced) {
            std::borrow::Cow::Owned(n) => std::borrow::Cow::Owned(n),
            std::borrow::Cow::Borrowed(_) => spaced,
        }
    }

    #[test]
    fn counts_what_changed() {
        let mut n = Normalised::default();
        assert_eq!(normalise("Hộ tịch", &mut n), "Hộ tịch");
        assert_eq!((n.nfc, n.spaces), (0, 0));
        assert_eq!(normalise("Ho\u{323}\u{302} ti\u{323}ch", &mut n), "Hộ tịch");
        assert_eq!((n.nfc, n.spaces), (1, 0));
        assert_eq!(normalise(" Hộ  tịch", &mut n), "Hộ tịch");
        assert_eq!((n.nfc, n.spaces), (1, 1));
        assert_eq!(
            normalise(" Ho\u{323}\u{302}  ti\u{323}ch", &mut n),
            "Hộ tịch"
        );
        assert_eq!((n.nfc, n.spaces), (2, 2));
    }
}
