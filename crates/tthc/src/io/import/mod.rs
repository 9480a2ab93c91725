//! Importing what people actually have: the National Public Service Portal's lists (its CSV
//! metadata and its Excel export) and the flat publication tables offices keep, as CSV or xlsx.
//!
//! ```no_run
//! use tthc::io::import::{import_path, ImportOptions};
//! let imported = import_path("procedures-metadata-2026.csv".as_ref(), None, &ImportOptions::default())?;
//! assert_eq!(imported.catalog.procedures().len(), 2642);
//! # Ok::<(), tthc::Error>(())
//! ```
//!
//! Strict by default: every bad row is reported (code, `row 14, column "Mã số"`, message) and
//! nothing is returned. With [`ImportOptions::lenient`] the good rows are kept and the problems of
//! the skipped rows come back in [`Imported::skipped`]. The rules (header names, level wording,
//! field codes) are written down in `docs/import.md`.
//!
//! This module needs the `import` feature (on by default), which brings in `csv` and `calamine`.
#![cfg(feature = "import")]

mod decision;
mod fields;
mod limits;
mod portal;
mod sheet;
mod table;

use std::path::Path;

use rustc_hash::FxHashMap;

pub use decision::{import_decision, import_decision_path, DecisionOptions, ImportedDecision};
pub use limits::ImportLimits;
pub(crate) use sheet::{blank, normalise, Container, Header, RowBuf, Sheet};

use crate::catalog::Catalog;
use crate::error::{Code, Error, Problem};
use crate::io::columns::Col;
use crate::model::{LevelSet, Vocabulary};

/// Which kind of file to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the content: xlsx or CSV by the file's first bytes, portal list or flat
    /// table by the header (a unit-code column makes a flat table).
    #[default]
    Auto,
    /// The portal's procedure list as CSV (the metadata crawl, or an export saved as CSV).
    PortalCsv,
    /// The portal's Excel export (`danh-sach-tthc-*.xlsx`).
    PortalXlsx,
    /// A flat publication table (unit × procedure × channel) as CSV.
    TableCsv,
    /// A flat publication table as xlsx.
    TableXlsx,
}

impl Format {
    /// Every format, in the order of the CLI's help.
    pub const ALL: [Format; 5] = [
        Format::Auto,
        Format::PortalCsv,
        Format::PortalXlsx,
        Format::TableCsv,
        Format::TableXlsx,
    ];

    /// The CLI's name: `auto`, `portal-csv`, `portal-xlsx`, `table-csv`, `table-xlsx`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::PortalCsv => "portal-csv",
            Format::PortalXlsx => "portal-xlsx",
            Format::TableCsv => "table-csv",
            Format::TableXlsx => "table-xlsx",
        }
    }

    fn container(self) -> Option<Container> {
        match self {
            Format::Auto => None,
            Format::PortalCsv | Format::TableCsv => Some(Container::Csv),
            Format::PortalXlsx | Format::TableXlsx => Some(Container::Xlsx),
        }
    }

    fn is_table(self) -> Option<bool> {
        match self {
            Format::Auto => None,
            Format::PortalCsv | Format::PortalXlsx => Some(false),
            Format::TableCsv | Format::TableXlsx => Some(true),
        }
    }

    fn of(container: Container, table: bool) -> Format {
        match (container, table) {
            (Container::Csv, false) => Format::PortalCsv,
            (Container::Xlsx, false) => Format::PortalXlsx,
            (Container::Csv, true) => Format::TableCsv,
            (Container::Xlsx, true) => Format::TableXlsx,
        }
    }
}

impl Vocabulary for Format {
    const ALL: &'static [Self] = &Format::ALL;
    const NOUN: &'static str = "format";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
crate::model::vocab::vocabulary!(Format);

/// Options of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The kind of file (default: detect).
    pub format: Format,
    /// Keep the good rows and list the skipped ones instead of failing (default: strict).
    pub lenient: bool,
    /// Files larger than this many bytes are refused with `too_large` (default 1 GiB).
    pub max_bytes: u64,
    /// Columns, cell text, cells and unzipped bytes: beyond them, `too_large`.
    pub limits: ImportLimits,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            format: Format::Auto,
            lenient: false,
            max_bytes: 1 << 30,
            limits: ImportLimits::default(),
        }
    }
}

/// What normalisation changed on the way in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Normalised {
    /// Cells whose text was not in NFC (e.g. decomposed "Cấp, quản lý căn cước").
    pub nfc: usize,
    /// Cells with leading, trailing, doubled or non-space white space (line breaks included).
    pub spaces: usize,
    /// Names of fields, units or procedures written differently in different rows but equal
    /// once folded (case, tone placement "Uỷ"/"Ủy"): the first spelling is kept.
    pub variants: usize,
    /// Codes stored as numbers in a workbook and written back as text (`1.00023` → `1.000230`,
    /// `1` → `01` for a province).
    pub numeric_codes: usize,
}

/// Where the levels of imported portal procedures came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelSources {
    /// From the file's own level column (`cap_thuc_hien`, `Cấp thực hiện`).
    pub column: usize,
    /// From the second file (the metadata CSV), joined by code.
    pub second_file: usize,
    /// From the wording of the implementing agencies (`Cơ quan thực hiện`).
    pub agencies: usize,
    /// From the levels of the units a flat table lists the procedure for.
    pub units: usize,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The validated catalogue.
    pub catalog: Catalog,
    /// The format that was read (never `Auto`).
    pub format: Format,
    /// Data rows below the header (blank rows included).
    pub rows: usize,
    /// Blank rows, above or below the header (skipped, counted here).
    pub blank_rows: usize,
    /// Rows above the header (titles).
    pub title_rows: usize,
    /// Rows that were skipped because of a problem (lenient mode; zero in strict mode).
    pub skipped_rows: usize,
    /// The problems of the skipped rows, in row order.
    pub skipped: Vec<Problem>,
    /// Header cells that name no column this importer reads.
    pub ignored_columns: Vec<String>,
    /// What normalisation changed.
    pub normalised: Normalised,
    /// Where procedure levels came from.
    pub level_sources: LevelSources,
}

impl Imported {
    /// Skipped problems counted by code, in code order.
    pub fn skipped_by_code(&self) -> Vec<(Code, usize)> {
        let mut counts: Vec<(Code, usize)> = Vec::new();
        for p in &self.skipped {
            match counts.iter_mut().find(|(c, _)| *c == p.code) {
                Some((_, n)) => *n += 1,
                None => counts.push((p.code, 1)),
            }
        }
        counts.sort();
        counts
    }
}

/// Import a file; `second` (portal lists only) gives the levels by procedure code, usually the
/// portal's metadata CSV.
pub fn import_path(
    path: &Path,
    second: Option<&Path>,
    options: &ImportOptions,
) -> Result<Imported, Error> {
    let read = |p: &Path| {
        crate::io::json::read_file(
            p,
            &crate::io::json::ReadOptions {
                max_bytes: options.max_bytes,
                ..Default::default()
            },
        )
    };
    let bytes = read(path)?;
    let second = second.map(read).transpose()?;
    import_bytes(&bytes, second.as_deref(), options)
}

/// Import a file's content; see [`import_path`].
pub fn import_bytes(
    bytes: &[u8],
    second: Option<&[u8]>,
    options: &ImportOptions,
) -> Result<Imported, Error> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(Error::Format(Problem::new(
            Code::TooLarge,
            "",
            format!(
                "the input has {} bytes, more than the limit of {}",
                bytes.len(),
                options.max_bytes
            ),
        )));
    }
    if bytes.is_empty() {
        return Err(fatal(Problem::new(Code::Empty, "", "the file is empty")));
    }
    let container = Container::sniff(bytes);
    if let Some(wanted) = options.format.container() {
        if wanted != container {
            let message = match wanted {
                Container::Xlsx => "the file is not an xlsx workbook (use a -csv format for CSV)",
                Container::Csv => {
                    "the file is an xlsx workbook, not CSV text (use an -xlsx format)"
                }
            };
            return Err(fatal(Problem::new(Code::BadEncoding, "", message)));
        }
    }
    let unit_code = crate::io::columns::UNIT_CODE.folded();
    let procedure_code = crate::io::columns::PROCEDURE_CODE.folded();
    let portal_code = portal::CODE.folded();
    let wants_table = options.format.is_table();
    let is_header = |h: &Header| -> bool {
        let table = !h.columns(&unit_code).is_empty() && !h.columns(&procedure_code).is_empty();
        let portal = !h.columns(&portal_code).is_empty();
        match wants_table {
            Some(true) => table,
            Some(false) => portal,
            None => table || portal,
        }
    };
    let expected = match wants_table {
        Some(true) => "a unit code and a procedure code column (Mã đơn vị / unit_code, Mã TTHC / procedure_code)",
        _ => "a procedure code column (Mã số / ma_thu_tuc / Mã TTHC / procedure_code)",
    };
    let (mut sheet, header) =
        Sheet::open(bytes, container, &is_header, expected, &options.limits).map_err(fatal)?;
    let table = wants_table.unwrap_or_else(|| !header.columns(&unit_code).is_empty());
    let format = Format::of(container, table);
    let mut cx = Cx::default();
    let catalog = if table {
        if second.is_some() {
            return Err(Error::Argument(Problem::new(
                Code::BadValue,
                "second",
                "a second file (levels by procedure code) is only read with a portal list, not a flat table",
            )));
        }
        let t = table::read(&mut sheet, &header, &mut cx)?;
        conclude(&mut cx, &header, options, &t.document())?
    } else {
        let levels = match second {
            Some(b) => Some(portal::read_levels(b, &mut cx, &options.limits)?),
            None => None,
        };
        let doc = portal::read(&mut sheet, &header, levels.as_ref(), &mut cx)?;
        conclude(&mut cx, &header, options, &doc)?
    };
    let problems: Vec<Problem> = std::mem::take(&mut cx.problems)
        .into_iter()
        .map(|(_, _, p)| p)
        .collect();
    let ignored_columns = header
        .names
        .iter()
        .enumerate()
        .filter(|(i, n)| !n.is_empty() && !cx.used_columns.contains(i))
        .map(|(_, n)| n.clone())
        .collect();
    Ok(Imported {
        catalog,
        format,
        rows: cx.rows,
        blank_rows: cx.blank_rows + header.blank_rows,
        title_rows: header.title_rows,
        skipped_rows: cx.skipped_rows,
        skipped: problems,
        ignored_columns,
        normalised: cx.normalised,
        level_sources: cx.level_sources,
    })
}

/// After reading: no data is `empty`; in strict mode any problem fails the import (all of
/// them, in row order); otherwise the document is validated into the catalogue.
fn conclude(
    cx: &mut Cx,
    header: &Header,
    options: &ImportOptions,
    doc: &crate::document::Document<'_>,
) -> Result<Catalog, Error> {
    if cx.rows == cx.blank_rows {
        return Err(fatal(Problem::new(
            Code::Empty,
            format!("row {}", header.row + 1),
            "the file has a header but no data rows",
        )));
    }
    cx.problems.sort_by_key(|(row, seq, _)| (*row, *seq));
    if !options.lenient && !cx.problems.is_empty() {
        let problems = std::mem::take(&mut cx.problems);
        return Err(Error::Import(
            problems.into_iter().map(|(_, _, p)| p).collect(),
        ));
    }
    Catalog::from_document(doc)
}

fn fatal(p: Problem) -> Error {
    Error::Import(vec![p])
}

/// State shared by the importers while they read rows.
#[derive(Debug, Default)]
pub(crate) struct Cx {
    pub(crate) normalised: Normalised,
    pub(crate) level_sources: LevelSources,
    /// `(row, sequence, problem)`, sorted by row at the end.
    problems: Vec<(u64, usize, Problem)>,
    pub(crate) rows: usize,
    pub(crate) blank_rows: usize,
    pub(crate) skipped_rows: usize,
    pub(crate) used_columns: Vec<usize>,
}

impl Cx {
    /// Record the problems of a row that is skipped.
    pub(crate) fn skip_row(&mut self, row: u64, problems: Vec<Problem>) {
        if problems.is_empty() {
            return;
        }
        self.skipped_rows += 1;
        self.add(row, problems);
    }

    /// Record problems without counting a skipped row (the row was counted already).
    pub(crate) fn add(&mut self, row: u64, problems: Vec<Problem>) {
        for p in problems {
            let seq = self.problems.len();
            self.problems.push((row, seq, p));
        }
    }

    /// Mark header columns as read.
    pub(crate) fn use_columns(&mut self, cols: impl IntoIterator<Item = Option<usize>>) {
        self.used_columns.extend(cols.into_iter().flatten());
    }
}

/// `row 14, column "Mã số"`.
pub(crate) fn cell_path(row: u64, header: &Header, col: usize) -> String {
    format!("row {row}, column \"{}\"", header.name(col))
}

/// Find each column in the header: `None` when absent; two header cells naming the same
/// column are a problem (which one would be meant?).
pub(crate) fn resolve_columns(header: &Header, cols: &[Col]) -> (Vec<Option<usize>>, Vec<Problem>) {
    let mut found = Vec::with_capacity(cols.len());
    let mut problems = Vec::new();
    for col in cols {
        let at = header.columns(&col.folded());
        if at.len() > 1 {
            let names: Vec<String> = at
                .iter()
                .map(|&i| format!("\"{}\"", header.name(i)))
                .collect();
            problems.push(Problem::new(
                Code::BadCell,
                format!("row {}", header.row),
                format!(
                    "columns {} all name the {} column; keep one",
                    names.join(", "),
                    col.key
                ),
            ));
        }
        found.push(at.first().copied());
    }
    (found, problems)
}

/// A missing required column.
pub(crate) fn missing(header: &Header, col: &Col) -> Problem {
    Problem::new(
        Code::MissingColumn,
        format!("row {}", header.row),
        format!("the header has no {} column ({})", col.key, col.describe()),
    )
}

/// Repair a procedure code that a workbook stored as a number (`1.00023` → `1.000230`).
pub(crate) fn repair_numeric_procedure_code(text: &str, counts: &mut Normalised) -> Option<String> {
    let (int, frac) = text.split_once('.')?;
    if int.len() == 1
        && frac.len() < 6
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        counts.numeric_codes += 1;
        Some(format!("{int}.{frac:0<6}"))
    } else {
        None
    }
}

/// A procedure code cell: normalised, and written back as text when a workbook stored it as a
/// number.
pub(crate) fn code_cell(row: &RowBuf, col: usize, counts: &mut Normalised) -> String {
    let code = normalise(row.get(col), counts).into_owned();
    if row.is_numeric(col) {
        if let Some(fixed) = repair_numeric_procedure_code(&code, counts) {
            return fixed;
        }
    }
    code
}

/// The problem of a procedure code cell that is empty or not a code (`bad_code`), if any.
pub(crate) fn code_problem(code: &str, path: impl FnOnce() -> String) -> Option<Problem> {
    if code.is_empty() {
        Some(Problem::new(Code::BadCode, path(), "no procedure code"))
    } else if crate::model::ProcedureCode::parse(code).is_none() {
        Some(Problem::new(
            Code::BadCode,
            path(),
            format!("`{code}` is not a procedure code (d.dddddd, optionally followed by a local suffix such as .000.00.00.H01)"),
        ))
    } else {
        None
    }
}

/// Levels by procedure code, read from a second file.
pub(crate) type LevelsByCode = FxHashMap<String, (LevelSet, Option<String>)>;
