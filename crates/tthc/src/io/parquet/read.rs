//! Reading the files back into a catalogue (`tthc import DIR`).
//!
//! `procedures.parquet`, `units.parquet` and `postings.parquet` are read (`unit_rates.parquet`
//! is computed, not data). Columns are found by name, in any order; strings may be plain or
//! dictionary-encoded (any Arrow string type), dates must be `DATE`, lists any Arrow list of
//! strings, so files another engine wrote (DuckDB's `COPY … TO`, polars, pyarrow) read too.
//! Every problem names the file, the row (counted from 0) or row group, and the column:
//! `postings.parquet, row 12, column "status"`.

use std::borrow::Cow;
use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::RecordBatchReader;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, SchemaRef};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use rustc_hash::FxHashMap;
use serde_json::Value;

use super::{at, PostingStatus, FILES, FORMAT_VERSION};

mod postings;

/// Rows per batch of `postings.parquet` (each batch is walked while it is in the cache).
const POSTING_BATCH_ROWS: usize = 1 << 16;
use crate::catalog::{Catalog, Postings, Resolved};
use crate::document::{DocApplies, DocField, DocProcedure, DocReport, DocUnit, Document};
use crate::error::{Code, Error, Problem};
use crate::model::{Channel, Date, Vocabulary};

/// Options of a Parquet import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Skip bad rows of `postings.parquet` (listed in [`ParquetImport::skipped`]) instead of
    /// failing; problems of the catalogue itself (codes, parents) stay errors.
    pub lenient: bool,
}

/// The result of a Parquet import.
#[derive(Debug, Clone)]
pub struct ParquetImport {
    /// The catalogue.
    pub catalog: Catalog,
    /// Rows of `postings.parquet` read.
    pub rows: usize,
    /// Rows skipped (lenient mode).
    pub skipped_rows: usize,
    /// The problems of the skipped rows, in row order.
    pub skipped: Vec<Problem>,
}

/// Read `procedures.parquet`, `units.parquet` and `postings.parquet` from a directory.
pub fn read_dir(dir: &Path, options: &ReadOptions) -> Result<ParquetImport, Error> {
    read_files(
        &dir.join(FILES[0]),
        &dir.join(FILES[1]),
        &dir.join(FILES[2]),
        options,
    )
}

/// One file read whole: its batches, schema and key-value metadata.
struct Table {
    name: String,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    meta: FxHashMap<String, String>,
    /// The batches not read yet ([`open_stream`]), and the rows of each row group.
    stream: Option<(ParquetRecordBatchReader, Vec<i64>)>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn bad_file(name: &str, message: String) -> Error {
    Error::Import(vec![Problem::new(Code::BadEncoding, name, message)])
}

/// Read a file whole, leaving out the columns named in `skip`.
fn open(path: &Path, skip: &[&str]) -> Result<Table, Error> {
    let mut t = open_stream(path, skip, 1 << 20)?;
    let mut batches = Vec::new();
    t.each_batch(|b| batches.push(b))?;
    t.batches = batches;
    Ok(t)
}

/// Open a file whose batches (of `batch_rows` rows) are read by [`Table::each_batch`].
fn open_stream(path: &Path, skip: &[&str], batch_rows: usize) -> Result<Table, Error> {
    let name = file_name(path);
    let file = File::open(path).map_err(|e| Error::io(&path.display().to_string(), &e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| {
        bad_file(
            &name,
            format!("not a readable Parquet file (truncated or damaged?): {e}"),
        )
    })?;
    let meta: FxHashMap<String, String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|kv| {
            kv.iter()
                .filter_map(|k| Some((k.key.clone(), k.value.clone()?)))
                .collect()
        })
        .unwrap_or_default();
    let group_rows: Vec<i64> = builder
        .metadata()
        .row_groups()
        .iter()
        .map(parquet::file::metadata::RowGroupMetaData::num_rows)
        .collect();
    let keep: Vec<usize> = (0..builder.schema().fields().len())
        .filter(|&i| !skip.contains(&builder.schema().field(i).name().as_str()))
        .collect();
    let mask = parquet::arrow::ProjectionMask::roots(builder.parquet_schema(), keep);
    let builder = builder.with_projection(mask);
    let reader = builder
        .with_batch_size(batch_rows)
        .build()
        .map_err(|e| bad_file(&name, format!("cannot read: {e}")))?;
    if let Some(v) = meta
        .get("tthc_format")
        .filter(|v| v.as_str() != FORMAT_VERSION)
    {
        return Err(Error::Format(Problem::new(
            Code::UnsupportedVersion,
            format!("{name}, metadata \"tthc_format\""),
            format!(
                "tthc_format `{v}` is not a version this library reads (it reads {FORMAT_VERSION})"
            ),
        )));
    }
    Ok(Table {
        name,
        schema: reader.schema(),
        batches: Vec::new(),
        meta,
        stream: Some((reader, group_rows)),
    })
}

impl Table {
    /// Call `f` with each batch not read yet, in order; a batch that cannot be decoded is an
    /// error at its row group.
    fn each_batch(&mut self, mut f: impl FnMut(RecordBatch)) -> Result<(), Error> {
        let Some((reader, group_rows)) = self.stream.take() else {
            return Ok(());
        };
        let mut read = 0i64;
        for b in reader {
            match b {
                Ok(b) => {
                    read += i64::try_from(b.num_rows()).unwrap_or(i64::MAX);
                    f(b);
                }
                Err(e) => {
                    // The row group the reader was in: the first whose end is past the rows read.
                    let mut end = 0i64;
                    let group = group_rows
                        .iter()
                        .position(|n| {
                            end += n;
                            end > read
                        })
                        .unwrap_or(group_rows.len().saturating_sub(1));
                    return Err(bad_file(
                        &format!("{}, row group {group}", self.name),
                        format!("cannot decode (truncated or damaged?): {e}"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// What a column must hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    TextList,
}

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

fn kind_ok(kind: Kind, t: &DataType) -> bool {
    match kind {
        Kind::Text => is_text(t),
        Kind::Date => *t == DataType::Date32,
        Kind::TextList => match t {
            DataType::List(f) | DataType::LargeList(f) => is_text(f.data_type()),
            _ => false,
        },
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "strings",
        Kind::Date => "dates (Parquet DATE)",
        Kind::TextList => "lists of strings",
    }
}

impl Table {
    /// The index of a column, checking its type; `None` when it is optional and absent.
    fn column(
        &self,
        name: &str,
        kind: Kind,
        required: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let Ok(i) = self.schema.index_of(name) else {
            if required {
                problems.push(Problem::new(
                    Code::MissingColumn,
                    at(&self.name, None, Some(name)),
                    format!("{} has no column `{name}`", self.name),
                ));
            }
            return None;
        };
        let t = self.schema.field(i).data_type();
        if kind_ok(kind, t) {
            Some(i)
        } else {
            problems.push(Problem::new(
                Code::WrongType,
                at(&self.name, None, Some(name)),
                format!("column `{name}` holds {t}, not {}", kind_name(kind)),
            ));
            None
        }
    }

    fn rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// A text column of the whole file, row by row.
    fn texts(&self, col: Option<usize>) -> Vec<Option<String>> {
        let Some(c) = col else {
            return vec![None; self.rows()];
        };
        let mut out = Vec::with_capacity(self.rows());
        for b in &self.batches {
            out.extend(map_strings(b.column(c).as_ref(), |s| s.map(str::to_owned)));
        }
        out
    }

    fn dates(&self, col: Option<usize>) -> Vec<Option<Date>> {
        let Some(c) = col else {
            return vec![None; self.rows()];
        };
        let mut out = Vec::with_capacity(self.rows());
        for b in &self.batches {
            out.extend(date_column(b.column(c).as_ref()));
        }
        out
    }

    fn lists(&self, col: Option<usize>) -> Vec<Option<Vec<Option<String>>>> {
        let Some(c) = col else {
            return vec![None; self.rows()];
        };
        let mut out = Vec::with_capacity(self.rows());
        for b in &self.batches {
            out.extend(list_column(b.column(c).as_ref()));
        }
        out
    }
}

fn plain_str(a: &dyn Array, i: usize) -> Option<&str> {
    if a.is_null(i) {
        return None;
    }
    if let Some(s) = a.as_string_opt::<i32>() {
        return Some(s.value(i));
    }
    if let Some(s) = a.as_string_opt::<i64>() {
        return Some(s.value(i));
    }
    a.as_string_view_opt().map(|s| s.value(i))
}

/// `f` of each row's string; for a dictionary, `f` runs once per distinct value.
fn map_strings<T: Clone>(a: &dyn Array, mut f: impl FnMut(Option<&str>) -> T) -> Vec<T> {
    if let Some(d) = a.as_any_dictionary_opt() {
        let values = d.values();
        if values.is_empty() {
            return vec![f(None); a.len()];
        }
        let mapped: Vec<T> = (0..values.len())
            .map(|i| f(plain_str(values.as_ref(), i)))
            .collect();
        let none = f(None);
        let keys = d.normalized_keys();
        return (0..a.len())
            .map(|i| {
                if a.is_valid(i) {
                    mapped[keys[i]].clone()
                } else {
                    none.clone()
                }
            })
            .collect();
    }
    (0..a.len()).map(|i| f(plain_str(a, i))).collect()
}

/// A code per row: `f` of the row's string, computed once per distinct value of a dictionary
/// (whose keys are read as they are typed, without widening them per row).
fn row_codes(a: &dyn Array, mut f: impl FnMut(Option<&str>) -> u32) -> Vec<u32> {
    use arrow_array::types::{Int16Type, Int32Type, Int64Type, Int8Type};
    use arrow_array::types::{UInt16Type, UInt32Type, UInt64Type, UInt8Type};
    let Some(d) = a.as_any_dictionary_opt() else {
        return (0..a.len()).map(|i| f(plain_str(a, i))).collect();
    };
    let values = d.values();
    let mapped: Vec<u32> = (0..values.len())
        .map(|i| f(plain_str(values.as_ref(), i)))
        .collect();
    let null = f(None);
    let keys = d.keys();
    macro_rules! by_key {
        ($($t:ty),*) => {$(
            if let Some(k) = keys.as_primitive_opt::<$t>() {
                return k
                    .iter()
                    .map(|k| {
                        k.and_then(|k| usize::try_from(k).ok())
                            .and_then(|k| mapped.get(k).copied())
                            .unwrap_or(null)
                    })
                    .collect();
            }
        )*};
    }
    by_key!(
        Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type
    );
    (0..a.len())
        .map(|i| f(plain_or_dict(a, i).as_deref()))
        .collect()
}

/// Codes of [`row_codes`]: a null value, and the flag of a value outside the set (its index in a
/// side list follows).
const NULL: u32 = u32::MAX;
const OTHER: u32 = 1 << 31;

fn date_column(a: &dyn Array) -> Vec<Option<Date>> {
    let Some(d) = a.as_primitive_opt::<Date32Type>() else {
        return vec![None; a.len()];
    };
    d.iter()
        .map(|v| v.map(|n| Date::from_days_since_epoch(i64::from(n))))
        .collect()
}

fn list_column(a: &dyn Array) -> Vec<Option<Vec<Option<String>>>> {
    fn rows<O: arrow_array::OffsetSizeTrait>(
        l: &arrow_array::GenericListArray<O>,
    ) -> Vec<Option<Vec<Option<String>>>> {
        let values = map_strings(l.values().as_ref(), |s| s.map(str::to_owned));
        let offsets = l.value_offsets();
        (0..l.len())
            .map(|i| {
                l.is_valid(i)
                    .then(|| values[offsets[i].as_usize()..offsets[i + 1].as_usize()].to_vec())
            })
            .collect()
    }
    if let Some(l) = a.as_list_opt::<i32>() {
        rows(l)
    } else if let Some(l) = a.as_list_opt::<i64>() {
        rows(l)
    } else {
        vec![None; a.len()]
    }
}

fn text(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

/// A list whose items must all be present.
fn items(
    list: Option<Vec<Option<String>>>,
    path: impl Fn() -> String,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Cow<'static, str>>> {
    let list = list?;
    if list.iter().any(Option::is_none) {
        problems.push(Problem::new(
            Code::WrongType,
            path(),
            "a list holds a null item",
        ));
    }
    Some(list.into_iter().flatten().map(text).collect())
}

fn required(
    v: Option<String>,
    path: impl Fn() -> String,
    problems: &mut Vec<Problem>,
) -> Cow<'static, str> {
    v.map_or_else(
        || {
            problems.push(Problem::new(
                Code::WrongType,
                path(),
                "a required value is null",
            ));
            Cow::Borrowed("")
        },
        text,
    )
}

/// Fields from `tthc_fields` (every field, with English names) or, without it, from the
/// procedures' `field` and `field_name` columns.
fn fields(
    t: &Table,
    codes: &[Option<String>],
    names: &[Option<String>],
    problems: &mut Vec<Problem>,
) -> Vec<DocField<'static>> {
    if let Some(json) = t.meta.get("tthc_fields") {
        let path = format!("{}, metadata \"tthc_fields\"", t.name);
        let Ok(Value::Array(list)) = serde_json::from_str::<Value>(json) else {
            problems.push(Problem::new(
                Code::Syntax,
                path,
                "not a JSON array of fields",
            ));
            return Vec::new();
        };
        return list
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let get = |k: &str| f.get(k).and_then(Value::as_str).map(str::to_owned);
                let (Some(code), Some(name)) = (get("code"), get("name")) else {
                    problems.push(Problem::new(
                        Code::MissingKey,
                        format!("{path}, /fields/{i}"),
                        "a field needs `code` and `name`",
                    ));
                    return DocField::default();
                };
                DocField {
                    code: text(code),
                    name: text(name),
                    name_en: get("name_en").map(text),
                }
            })
            .collect();
    }
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for (c, n) in codes.iter().zip(names) {
        if let (Some(c), Some(n)) = (c, n) {
            if seen.insert(c) {
                out.push(DocField {
                    code: text(c.clone()),
                    name: text(n.clone()),
                    name_en: None,
                });
            }
        }
    }
    out
}

fn reports(t: &Table, problems: &mut Vec<Problem>) -> Vec<DocReport<'static>> {
    let Some(json) = t.meta.get("tthc_reports") else {
        return Vec::new();
    };
    let path = format!("{}, metadata \"tthc_reports\"", t.name);
    let Ok(Value::Array(list)) = serde_json::from_str::<Value>(json) else {
        problems.push(Problem::new(
            Code::Syntax,
            path,
            "not a JSON array of reports",
        ));
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .map(|(i, r)| {
            let s = |k: &str| r.get(k).and_then(Value::as_str).map(|v| text(v.to_owned()));
            let n = |k: &str| r.get(k).and_then(Value::as_u64);
            let (Some(unit), Some(scope), Some(channel)) = (s("unit"), s("scope"), s("channel"))
            else {
                problems.push(Problem::new(
                    Code::MissingKey,
                    format!("{path}, /reports/{i}"),
                    "a report needs `unit`, `scope` and `channel`",
                ));
                return DocReport::default();
            };
            DocReport {
                unit,
                scope,
                channel,
                fields: n("fields"),
                procedures: n("procedures"),
                published: n("published"),
                fields_published: n("fields_published"),
                approximate: r
                    .get("approximate")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                note: s("note"),
            }
        })
        .collect()
}

/// Read the three files (each path may have any name) into a catalogue.
pub fn read_files(
    procedures: &Path,
    units: &Path,
    postings: &Path,
    options: &ReadOptions,
) -> Result<ParquetImport, Error> {
    let tp = open(procedures, &[])?;
    let tu = open(units, &[])?;
    // `checked_on` is the day of the statuses: not catalogue data.
    let mut tq = open_stream(postings, &["checked_on"], POSTING_BATCH_ROWS)?;
    let mut problems = Vec::new();
    // procedures.parquet
    let pc = tp.column("code", Kind::Text, true, &mut problems);
    let pn = tp.column("name", Kind::Text, true, &mut problems);
    let pf = tp.column("field", Kind::Text, true, &mut problems);
    let pfn = tp.column("field_name", Kind::Text, true, &mut problems);
    let pl = tp.column("levels", Kind::TextList, true, &mut problems);
    let pd = tp.column("decision", Kind::Text, false, &mut problems);
    let pe = tp.column("effective", Kind::Date, false, &mut problems);
    let pa = tp.column("amended", Kind::Date, false, &mut problems);
    let pb = tp.column("abolished", Kind::Date, false, &mut problems);
    let po = tp.column("online", Kind::Text, false, &mut problems);
    let pg = tp.column("agencies", Kind::TextList, false, &mut problems);
    // units.parquet
    let uc = tu.column("code", Kind::Text, true, &mut problems);
    let un = tu.column("name", Kind::Text, true, &mut problems);
    let ul = tu.column("level", Kind::Text, true, &mut problems);
    let up = tu.column("parent", Kind::Text, false, &mut problems);
    let uf = tu.column("valid_from", Kind::Date, false, &mut problems);
    let ut = tu.column("valid_to", Kind::Date, false, &mut problems);
    let us = tu.column("successors", Kind::TextList, false, &mut problems);
    let uch = tu.column("channels", Kind::TextList, false, &mut problems);
    let uadd = tu.column("applies_add", Kind::TextList, false, &mut problems);
    let urem = tu.column("applies_remove", Kind::TextList, false, &mut problems);
    // postings.parquet
    let qu = tq.column("unit", Kind::Text, true, &mut problems);
    let qp = tq.column("procedure", Kind::Text, true, &mut problems);
    let qc = tq.column("channel", Kind::Text, true, &mut problems);
    let qs = tq.column("status", Kind::Text, true, &mut problems);
    let qd = tq.column("posted_on", Kind::Date, false, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Import(problems));
    }

    // Procedures and fields.
    let codes = tp.texts(pc);
    let field_codes = tp.texts(pf);
    let field_names = tp.texts(pfn);
    let fields = fields(&tp, &field_codes, &field_names, &mut problems);
    let names = tp.texts(pn);
    let levels = tp.lists(pl);
    let agencies = tp.lists(pg);
    let (decisions, online) = (tp.texts(pd), tp.texts(po));
    let (effective, amended, abolished) = (tp.dates(pe), tp.dates(pa), tp.dates(pb));
    let mut procs = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let path = |c: &str| at(&tp.name, Some(i), Some(c));
        procs.push(DocProcedure {
            code: required(code.clone(), || path("code"), &mut problems),
            name: required(names[i].clone(), || path("name"), &mut problems),
            field: required(field_codes[i].clone(), || path("field"), &mut problems),
            levels: items(levels[i].clone(), || path("levels"), &mut problems).unwrap_or_default(),
            decision: decisions[i].clone().map(text),
            effective: effective[i],
            amended: amended[i],
            abolished: abolished[i],
            online: online[i].clone().map(text),
            agencies: items(agencies[i].clone(), || path("agencies"), &mut problems)
                .unwrap_or_default(),
        });
    }

    // Units.
    let ucodes = tu.texts(uc);
    let (unames, ulevels, uparents) = (tu.texts(un), tu.texts(ul), tu.texts(up));
    let (ufrom, uto) = (tu.dates(uf), tu.dates(ut));
    let (usucc, uchan, uadds, urems) =
        (tu.lists(us), tu.lists(uch), tu.lists(uadd), tu.lists(urem));
    let mut resolved: Resolved = vec![Default::default(); ucodes.len()];
    let mut doc_units = Vec::with_capacity(ucodes.len());
    for (i, code) in ucodes.iter().enumerate() {
        let path = |c: &str| at(&tu.name, Some(i), Some(c));
        let add = items(uadds[i].clone(), || path("applies_add"), &mut problems);
        let remove = items(urems[i].clone(), || path("applies_remove"), &mut problems);
        let applies = (add.is_some() || remove.is_some()).then(|| DocApplies {
            add: add.unwrap_or_default(),
            remove: remove.unwrap_or_default(),
        });
        for ch in items(uchan[i].clone(), || path("channels"), &mut problems).unwrap_or_default() {
            match Channel::from_word(&ch) {
                Some(c) => {
                    let mut p = Postings::default();
                    p.mark_given();
                    resolved[i][c.index()] = Some(p);
                }
                None => problems.push(Problem::new(
                    Code::UnknownChannel,
                    path("channels"),
                    format!("`{ch}` is not a channel ({})", Channel::words()),
                )),
            }
        }
        doc_units.push(DocUnit {
            code: required(code.clone(), || path("code"), &mut problems),
            name: required(unames[i].clone(), || path("name"), &mut problems),
            level: required(ulevels[i].clone(), || path("level"), &mut problems),
            parent: uparents[i].clone().map(text),
            valid_from: ufrom[i],
            valid_to: uto[i],
            successors: items(usucc[i].clone(), || path("successors"), &mut problems)
                .unwrap_or_default(),
            applies,
            published: crate::document::DocPublished::default(),
        });
    }
    let reports = reports(&tu, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Import(problems));
    }

    // Postings, batch by batch.
    let cols = postings::Columns {
        unit: qu.unwrap_or(0),
        procedure: qp.unwrap_or(0),
        channel: qc.unwrap_or(0),
        status: qs.unwrap_or(0),
        posted_on: qd,
    };
    let postings_name = tq.name.clone();
    let mut sink = postings::Sink::new(
        &ucodes,
        &codes,
        [&tp.name, &tu.name, &postings_name],
        uch.is_some(),
        resolved,
    );
    tq.each_batch(|b| sink.batch(&b, cols))?;
    if !options.lenient && !sink.skipped.is_empty() {
        return Err(Error::Import(sink.skipped));
    }
    let (rows, skipped) = (sink.rows, sink.skipped);
    let mut resolved = sink.resolved;
    for unit in &mut resolved {
        for p in unit.iter_mut().flatten() {
            p.shrink_to_fit();
        }
    }
    let title = tp.meta.get("title").cloned().map(text);
    let source = tp.meta.get("source").cloned().map(text);
    let as_of_key = if tp.meta.contains_key("tthc_format") {
        "document_as_of"
    } else {
        "as_of"
    };
    let as_of = match tp.meta.get(as_of_key) {
        None => None,
        Some(d) => Some(Date::parse(d).ok_or_else(|| {
            Error::Import(vec![Problem::new(
                Code::BadDate,
                format!("{}, metadata \"{as_of_key}\"", tp.name),
                format!("`{d}` is not a real day written YYYY-MM-DD"),
            )])
        })?),
    };
    let doc = Document {
        tthc: 1,
        title,
        as_of,
        source,
        fields,
        procedures: procs,
        units: doc_units,
        reports,
        decisions: Vec::new(),
    };
    let fields_from_meta = tp.meta.contains_key("tthc_fields");
    let catalog = Catalog::from_read(&doc, Vec::new(), resolved).map_err(|e| match e {
        Error::Invalid(ps) => Error::Import(
            ps.into_iter()
                .map(|p| Problem {
                    path: locate(&p.path, &tp.name, &tu.name, fields_from_meta),
                    ..p
                })
                .collect(),
        ),
        other => other,
    })?;
    Ok(ParquetImport {
        catalog,
        rows,
        skipped_rows: skipped.len(),
        skipped,
    })
}

fn plain_or_dict(a: &dyn Array, i: usize) -> Option<String> {
    if let Some(d) = a.as_any_dictionary_opt() {
        if a.is_null(i) || d.values().is_empty() {
            return None;
        }
        let k = d.normalized_keys()[i];
        return plain_str(d.values().as_ref(), k).map(str::to_owned);
    }
    plain_str(a, i).map(str::to_owned)
}

/// A JSON pointer of the document built from the files, as a place in the files.
fn locate(pointer: &str, procedures: &str, units: &str, fields_from_meta: bool) -> String {
    let mut parts = pointer.split('/').skip(1);
    let (section, index, key, sub) = (parts.next(), parts.next(), parts.next(), parts.next());
    let row = index.and_then(|i| i.parse::<usize>().ok());
    match (section, row) {
        (Some("procedures"), Some(r)) => at(procedures, Some(r), key),
        (Some("units"), Some(r)) => {
            let column = match (key, sub) {
                (Some("applies"), Some(list)) => format!("applies_{list}"),
                (Some(k), _) => k.to_owned(),
                (None, _) => String::new(),
            };
            at(
                units,
                Some(r),
                (!column.is_empty()).then_some(column.as_str()),
            )
        }
        (Some("fields"), _) if fields_from_meta => {
            format!("{procedures}, metadata \"tthc_fields\", {pointer}")
        }
        (Some("fields"), _) => at(procedures, None, Some("field")),
        (Some("reports"), _) => format!("{units}, metadata \"tthc_reports\", {pointer}"),
        _ => pointer.to_owned(),
    }
}
