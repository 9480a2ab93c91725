//! Writing: the Arrow record batches of the four files, and their Parquet bytes.
//!
//! Dictionary keys are `i32` (ids, below 2^31 for any catalogue the 1 GiB input limit lets in)
//! and `i8` (levels, channels, statuses).
#![allow(clippy::cast_possible_wrap)] // reason: see above; ids and small enums fit the keys

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::{Int32Type, Int8Type};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int32Array, Int64Array,
    Int8Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::{KeyValue, SortingColumn};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;
use rustc_hash::FxHashMap;

use super::{days, PostingStatus, FILES, FORMAT_VERSION};
use crate::catalog::{Catalog, ProcId, Procedure, UnitId};
use crate::compliance::columns::{Cell, ColumnType, UNIT_COLUMNS};
use crate::compliance::{
    posting_state, Basis, Compliance, ComplianceOptions, Posted, PostingState,
};
use crate::error::{Code, Error, Problem};
use crate::model::{Channel, Date, Level, Vocabulary};

/// Rows per record batch and per row group of `postings.parquet`.
const BATCH_ROWS: usize = 1 << 20;

/// The four tables as Arrow record batches (postings in batches of at most 2^20 rows).
#[derive(Debug, Clone)]
pub struct Tables {
    /// One row per procedure, in catalogue order.
    pub procedures: RecordBatch,
    /// One row per unit, in catalogue order.
    pub units: RecordBatch,
    /// One row per unit × procedure × channel that is applicable or posted, sorted by unit,
    /// channel and procedure (byte order of their codes and names).
    pub postings: Vec<RecordBatch>,
    /// One row per unit of the report, in report order, with the columns of
    /// [`UNIT_COLUMNS`].
    pub unit_rates: RecordBatch,
}

fn dict(key: DataType) -> DataType {
    DataType::Dictionary(Box::new(key), Box::new(DataType::Utf8))
}

fn list(name: &str, nullable: bool) -> Field {
    Field::new_list(name, Field::new_list_field(DataType::Utf8, true), nullable)
}

fn batch(fields: Vec<Field>, columns: Vec<ArrayRef>) -> RecordBatch {
    // The schema is built next to the columns from the same list: a mismatch is a defect of
    // this file, caught by every test that writes a file.
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .unwrap_or_else(|e| panic!("the Parquet tables of tthc are built consistently: {e}"))
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn optional_strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn dates(values: impl Iterator<Item = Option<Date>>) -> ArrayRef {
    Arc::new(values.map(|d| d.map(days)).collect::<Date32Array>())
}

fn string_lists<'a, I>(rows: impl Iterator<Item = Option<I>>) -> ArrayRef
where
    I: IntoIterator<Item = &'a str>,
{
    let mut b = ListBuilder::new(StringBuilder::new());
    for row in rows {
        match row {
            Some(items) => {
                for s in items {
                    b.values().append_value(s);
                }
                b.append(true);
            }
            None => b.append(false),
        }
    }
    Arc::new(b.finish())
}

fn dictionary32(keys: Vec<i32>, values: ArrayRef) -> ArrayRef {
    Arc::new(
        DictionaryArray::<Int32Type>::try_new(Int32Array::from(keys), values)
            .unwrap_or_else(|e| panic!("dictionary keys are indices of their values: {e}")),
    )
}

fn dictionary8(keys: Vec<i8>, values: ArrayRef) -> ArrayRef {
    Arc::new(
        DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys), values)
            .unwrap_or_else(|e| panic!("dictionary keys are indices of their values: {e}")),
    )
}

/// The agencies of a procedure (a list column of `procedures.parquet`; null when the
/// document gives none).
fn agencies(p: &Procedure) -> Option<Vec<&str>> {
    (!p.agencies.is_empty()).then(|| p.agencies.iter().map(String::as_str).collect())
}

/// `procedures.parquet`: `code`, `name`, `field`, `field_name`, `levels`, `decision`,
/// `effective`, `amended`, `abolished`, `online`, `agencies`.
fn procedures_batch(c: &Catalog) -> RecordBatch {
    let ps = c.procedures();
    let field_keys: Vec<i32> = ps.iter().map(|p| p.field.0 as i32).collect();
    let field_codes = strings(c.fields().iter().map(|f| f.code.as_str()));
    let field_names = strings(c.fields().iter().map(|f| f.name.as_str()));
    batch(
        vec![
            Field::new("code", DataType::Utf8, false),
            Field::new("name", DataType::Utf8, false),
            Field::new("field", dict(DataType::Int32), false),
            Field::new("field_name", dict(DataType::Int32), false),
            list("levels", false),
            Field::new("decision", DataType::Utf8, true),
            Field::new("effective", DataType::Date32, true),
            Field::new("amended", DataType::Date32, true),
            Field::new("abolished", DataType::Date32, true),
            Field::new("online", DataType::Utf8, true),
            list("agencies", true),
        ],
        vec![
            strings(ps.iter().map(|p| p.code.as_str())),
            strings(ps.iter().map(|p| p.name.as_str())),
            dictionary32(field_keys.clone(), field_codes),
            dictionary32(field_keys, field_names),
            string_lists(ps.iter().map(|p| Some(p.levels.iter().map(Level::as_str)))),
            optional_strings(ps.iter().map(|p| p.decision.as_deref())),
            dates(ps.iter().map(|p| p.effective)),
            dates(ps.iter().map(|p| p.amended)),
            dates(ps.iter().map(|p| p.abolished)),
            optional_strings(
                ps.iter()
                    .map(|p| p.online.map(crate::model::Online::as_str)),
            ),
            string_lists(ps.iter().map(agencies)),
        ],
    )
}

/// `units.parquet`: `code`, `name`, `level`, `parent`, `valid_from`, `valid_to`, `successors`,
/// and (for the round trip) `channels`, `applies_add`, `applies_remove`.
fn units_batch(c: &Catalog) -> RecordBatch {
    let us = c.units();
    let levels = strings(Level::ALL.iter().map(|l| l.as_str()));
    let codes = |ids: &[ProcId]| -> Vec<&str> {
        ids.iter().map(|&p| c.procedure(p).code.as_str()).collect()
    };
    batch(
        vec![
            Field::new("code", DataType::Utf8, false),
            Field::new("name", DataType::Utf8, false),
            Field::new("level", dict(DataType::Int8), false),
            Field::new("parent", DataType::Utf8, true),
            Field::new("valid_from", DataType::Date32, true),
            Field::new("valid_to", DataType::Date32, true),
            list("successors", false),
            list("channels", false),
            list("applies_add", true),
            list("applies_remove", true),
        ],
        vec![
            strings(us.iter().map(|u| u.code.as_str())),
            strings(us.iter().map(|u| u.name.as_str())),
            dictionary8(us.iter().map(|u| u.level as i8).collect(), levels),
            optional_strings(us.iter().map(|u| u.parent_code.as_deref())),
            dates(us.iter().map(|u| u.valid_from)),
            dates(us.iter().map(|u| u.valid_to)),
            string_lists(
                us.iter()
                    .map(|u| Some(u.successors.iter().map(String::as_str))),
            ),
            string_lists(us.iter().map(|u| {
                Some(
                    Channel::ALL
                        .into_iter()
                        .filter(|&ch| u.postings(ch).is_given())
                        .map(Channel::as_str),
                )
            })),
            string_lists(
                us.iter()
                    .map(|u| u.applies_given.then(|| codes(&u.applies_add))),
            ),
            string_lists(
                us.iter()
                    .map(|u| u.applies_given.then(|| codes(&u.applies_remove))),
            ),
        ],
    )
}

/// The report's units with the columns of [`UNIT_COLUMNS`] (`unit_rates.parquet`, and the
/// Python binding's `report.to_arrow()`): text as strings, booleans, counts as 64-bit
/// integers, percentages as doubles. `catalog` must be the one `report` was computed from.
pub fn unit_rates_batch(catalog: &Catalog, report: &Compliance) -> RecordBatch {
    // The cells alone (`unit_cells`), not the whole report view: no per-unit lists, groups or
    // warnings are built, which keeps Python's `to_arrow()` within a few milliseconds for
    // every unit of a national catalogue.
    let rows: Vec<[Cell<'_>; UNIT_COLUMNS.len()]> = report.unit_cells(catalog).collect();
    let mut fields = Vec::with_capacity(UNIT_COLUMNS.len());
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(UNIT_COLUMNS.len());
    for (i, col) in UNIT_COLUMNS.iter().enumerate() {
        let (kind, array): (DataType, ArrayRef) = match col.kind {
            ColumnType::Text | ColumnType::OptionalText => (
                DataType::Utf8,
                optional_strings(rows.iter().map(|r| match r[i] {
                    Cell::Text(s) => Some(s),
                    Cell::OptionalText(s) => s,
                    _ => None,
                })),
            ),
            ColumnType::Bool => (
                DataType::Boolean,
                Arc::new(
                    rows.iter()
                        .map(|r| match r[i] {
                            Cell::Bool(b) => Some(b),
                            _ => None,
                        })
                        .collect::<BooleanArray>(),
                ),
            ),
            ColumnType::Count => (
                DataType::Int64,
                Arc::new(
                    rows.iter()
                        .map(|r| match r[i] {
                            Cell::Count(n) => n.map(i64::from),
                            _ => None,
                        })
                        .collect::<Int64Array>(),
                ),
            ),
            ColumnType::Percent => (
                DataType::Float64,
                Arc::new(
                    rows.iter()
                        .map(|r| match r[i] {
                            Cell::Percent(p) => p,
                            _ => None,
                        })
                        .collect::<Float64Array>(),
                ),
            ),
        };
        let nullable = !matches!(col.kind, ColumnType::Text | ColumnType::Bool);
        fields.push(Field::new(col.name, kind, nullable));
        columns.push(array);
    }
    batch(fields, columns)
}

/// The schema of `postings.parquet`.
fn postings_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("unit", dict(DataType::Int32), false),
        Field::new("procedure", dict(DataType::Int32), false),
        Field::new("channel", dict(DataType::Int8), false),
        Field::new("status", dict(DataType::Int8), false),
        Field::new("posted_on", DataType::Date32, true),
        Field::new("checked_on", DataType::Date32, false),
    ]))
}

/// The rows of `postings.parquet` as record batches of at most 2^20 rows (the Python
/// binding's `catalog.postings_table()`), with their schema.
///
/// For each unit (by code) and each channel (by name) that the unit lists — and, on the
/// channel of `options`, for every unit whose figures are counted from items — one row per
/// applicable procedure (`published`, `outdated`, `missing`) and per other posting
/// (`not_applicable`, `unknown`), by procedure code. `posted_on` is the date of the posting
/// that counts (null when unknown or not posted); `checked_on` the day the statuses describe.
pub fn postings_batches(
    catalog: &Catalog,
    options: &ComplianceOptions,
) -> (SchemaRef, Vec<RecordBatch>) {
    let mut out = Vec::new();
    PostingRows::new(catalog, options)
        .each_batch(|b| {
            out.push(b);
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
    (postings_schema(), out)
}

/// Scratch state of one procedure while one unit's channel is walked.
#[derive(Clone, Copy, Default)]
struct Slot {
    stamp: u32,
    status: u8,
    date: Option<Date>,
    /// A posting whose own state is the final status has given the date.
    matched: bool,
}

struct PostingRows<'c> {
    catalog: &'c Catalog,
    day: Date,
    main: Channel,
    reports: [Option<Compliance>; 3],
    /// Per channel, unit → procedures posted without applying.
    not_applicable: [FxHashMap<u32, Vec<u32>>; 3],
    /// Rank of each dictionary key of `procedure` (known procedures, then unknown codes) in
    /// byte order of the codes.
    rank: Vec<u32>,
    /// The keys in byte order of the codes.
    by_rank: Vec<u32>,
    /// Dictionary key of each unknown code.
    unknown_key: FxHashMap<&'c str, u32>,
    procedure_values: ArrayRef,
    unit_values: ArrayRef,
    unit_order: Vec<UnitId>,
}

impl<'c> PostingRows<'c> {
    fn new(catalog: &'c Catalog, options: &ComplianceOptions) -> Self {
        let main = options.channel;
        let reports = std::array::from_fn(|i| {
            let c = Channel::ALL[i];
            let used = c == main || catalog.units().iter().any(|u| u.postings(c).is_given());
            used.then(|| {
                catalog.compliance(&ComplianceOptions {
                    channel: c,
                    ..*options
                })
            })
        });
        let not_applicable = std::array::from_fn(|i| {
            let mut by_unit: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
            if let Some(r) = &reports[i] {
                for w in r
                    .warnings
                    .iter()
                    .filter(|w| w.code == "posted_not_applicable")
                {
                    if let Some(Posted::Procedure(p)) = &w.procedure {
                        by_unit.entry(w.unit.0).or_default().push(p.0);
                    }
                }
            }
            by_unit
        });
        let n = catalog.procedures().len();
        let mut codes: Vec<&str> = catalog
            .procedures()
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        let mut unknown_key = FxHashMap::default();
        for u in catalog.units() {
            for c in Channel::ALL {
                for crate::catalog::UnknownPosting { code, .. } in u.postings(c).unknown() {
                    if !unknown_key.contains_key(code.as_str()) {
                        unknown_key.insert(code.as_str(), codes.len() as u32);
                        codes.push(code);
                    }
                }
            }
        }
        let mut by_code: Vec<u32> = (0..codes.len() as u32).collect();
        by_code.sort_unstable_by_key(|&k| codes[k as usize]);
        let mut rank = vec![0u32; codes.len()];
        for (r, &k) in by_code.iter().enumerate() {
            rank[k as usize] = r as u32;
        }
        debug_assert!(n <= codes.len());
        let mut unit_order: Vec<UnitId> = (0..catalog.units().len() as u32).map(UnitId).collect();
        unit_order.sort_unstable_by_key(|u| catalog.unit(*u).code.as_str());
        PostingRows {
            catalog,
            day: options.day(catalog),
            main,
            reports,
            not_applicable,
            rank,
            by_rank: by_code,
            unknown_key,
            procedure_values: strings(codes.iter().copied()),
            unit_values: strings(catalog.units().iter().map(|u| u.code.as_str())),
            unit_order,
        }
    }

    /// Call `f` with each batch, in order.
    fn each_batch<E>(&self, mut f: impl FnMut(RecordBatch) -> Result<(), E>) -> Result<(), E> {
        let catalog = self.catalog;
        // One slot per dictionary key (known procedures, then unknown codes), reset by
        // `stamp` for each unit's channel; `na` marks the procedures posted without applying.
        let mut slots = vec![Slot::default(); self.rank.len()];
        let mut na = vec![0u32; catalog.procedures().len()];
        let mut stamp = 0u32;
        let mut rows = Rows::default();
        let mut touched: Vec<u32> = Vec::new();
        let mut unit_rows: Vec<(u32, u32)> = Vec::new();
        // Channels in byte order of their names: national, one_stop_shop, portal.
        let mut channels = Channel::ALL;
        channels.sort_unstable_by_key(|c| c.as_str());
        for &uid in &self.unit_order {
            let unit = catalog.unit(uid);
            for &c in &channels {
                let Some(report) = &self.reports[c.index()] else {
                    continue;
                };
                let figures = &report.units[uid.0 as usize];
                let given = unit.postings(c).is_given();
                if !(given || (c == self.main && figures.basis == Basis::Items)) {
                    continue;
                }
                stamp += 1;
                touched.clear();
                if let Some(list) = self.not_applicable[c.index()].get(&uid.0) {
                    for &p in list {
                        na[p as usize] = stamp;
                    }
                }
                for (list, status) in [
                    (&figures.missing, PostingStatus::Missing),
                    (&figures.outdated_procedures, PostingStatus::Outdated),
                ] {
                    for &p in list {
                        slots[p.0 as usize] = Slot {
                            stamp,
                            status: status as u8,
                            date: None,
                            matched: false,
                        };
                        touched.push(p.0);
                    }
                }
                for (p, on) in unit.postings(c).iter() {
                    let slot = &mut slots[p.0 as usize];
                    if slot.stamp != stamp {
                        let status = if na[p.0 as usize] == stamp {
                            PostingStatus::NotApplicable
                        } else {
                            PostingStatus::Published
                        };
                        let matched = status == PostingStatus::NotApplicable
                            || state(catalog.procedure(p), on, self.day) == status;
                        *slot = Slot {
                            stamp,
                            status: status as u8,
                            date: on,
                            matched,
                        };
                        touched.push(p.0);
                    } else if !slot.matched
                        && state(catalog.procedure(p), on, self.day) as u8 == slot.status
                    {
                        slot.date = on;
                        slot.matched = true;
                    }
                }
                // An undefined code posted twice counts once, with its first date.
                for crate::catalog::UnknownPosting { code, on, .. } in unit.postings(c).unknown() {
                    let key = self.unknown_key[code.as_str()];
                    let slot = &mut slots[key as usize];
                    if slot.stamp != stamp {
                        *slot = Slot {
                            stamp,
                            status: PostingStatus::Unknown as u8,
                            date: *on,
                            matched: true,
                        };
                        touched.push(key);
                    }
                }
                // Rows in byte order of the codes: a walk over all keys in that order when
                // the unit touches many of them, else a sort of those it touches.
                if self.by_rank.len() <= 8 * touched.len() {
                    for &key in &self.by_rank {
                        let s = slots[key as usize];
                        if s.stamp == stamp {
                            rows.push(uid.0, key, c, s.status, s.date);
                        }
                    }
                } else {
                    unit_rows.clear();
                    unit_rows.extend(touched.iter().map(|&k| (self.rank[k as usize], k)));
                    unit_rows.sort_unstable();
                    for &(_, key) in &unit_rows {
                        let s = slots[key as usize];
                        rows.push(uid.0, key, c, s.status, s.date);
                    }
                }
                if rows.len() >= BATCH_ROWS {
                    f(self.finish(&mut rows))?;
                }
            }
        }
        if rows.len() > 0 || rows.batches == 0 {
            f(self.finish(&mut rows))?;
        }
        Ok(())
    }

    fn finish(&self, rows: &mut Rows) -> RecordBatch {
        rows.batches += 1;
        let n = rows.unit.len();
        let checked = days(self.day);
        let columns: Vec<ArrayRef> = vec![
            dictionary32(std::mem::take(&mut rows.unit), self.unit_values.clone()),
            dictionary32(
                std::mem::take(&mut rows.procedure),
                self.procedure_values.clone(),
            ),
            dictionary8(
                std::mem::take(&mut rows.channel),
                strings(Channel::ALL.iter().map(|c| c.as_str())),
            ),
            dictionary8(
                std::mem::take(&mut rows.status),
                strings(PostingStatus::ALL.iter().map(|s| s.word())),
            ),
            Arc::new(
                std::mem::take(&mut rows.posted_on)
                    .into_iter()
                    .collect::<Date32Array>(),
            ),
            Arc::new(Date32Array::from(vec![checked; n])),
        ];
        RecordBatch::try_new(postings_schema(), columns)
            .unwrap_or_else(|e| panic!("the postings batch matches its schema: {e}"))
    }
}

/// The state of one posting on `day`, by the report's rule ([`posting_state`]): posted after
/// the day counts as not posted.
fn state(p: &Procedure, on: Option<Date>, day: Date) -> PostingStatus {
    match posting_state(on, p.amended, day) {
        PostingState::AfterAsOf => PostingStatus::Missing,
        PostingState::Outdated => PostingStatus::Outdated,
        PostingState::Current => PostingStatus::Published,
    }
}

#[derive(Default)]
struct Rows {
    unit: Vec<i32>,
    procedure: Vec<i32>,
    channel: Vec<i8>,
    status: Vec<i8>,
    posted_on: Vec<Option<i32>>,
    batches: usize,
}

impl Rows {
    fn len(&self) -> usize {
        self.unit.len()
    }

    fn push(&mut self, unit: u32, key: u32, c: Channel, status: u8, on: Option<Date>) {
        self.unit.push(unit as i32);
        self.procedure.push(key as i32);
        self.channel.push(c.index() as i8);
        self.status.push(status as i8);
        self.posted_on.push(on.map(days));
    }
}

/// The four tables of a catalogue, with the report on `options`' channel and day.
pub fn tables(catalog: &Catalog, options: &ComplianceOptions) -> Tables {
    let report = catalog.compliance(options);
    Tables {
        procedures: procedures_batch(catalog),
        units: units_batch(catalog),
        postings: postings_batches(catalog, options).1,
        unit_rates: unit_rates_batch(catalog, &report),
    }
}

/// The metadata every file carries: `tthc_format`, `as_of` (the day of the statuses and
/// rates), `channel` (of `unit_rates`), `source`, `title`, `document_as_of`.
fn metadata(catalog: &Catalog, options: &ComplianceOptions) -> Vec<KeyValue> {
    let mut kv = vec![
        KeyValue::new("tthc_format".into(), FORMAT_VERSION.to_owned()),
        KeyValue::new("as_of".into(), options.day(catalog).to_string()),
        KeyValue::new("channel".into(), options.channel.as_str().to_owned()),
    ];
    if let Some(s) = catalog.source() {
        kv.push(KeyValue::new("source".into(), s.to_owned()));
    }
    if let Some(t) = catalog.title() {
        kv.push(KeyValue::new("title".into(), t.to_owned()));
    }
    if let Some(d) = catalog.as_of() {
        kv.push(KeyValue::new("document_as_of".into(), d.to_string()));
    }
    kv
}

/// Columns of `postings.parquet` written without min/max statistics: computing them compares
/// the strings of every row (a third of the export's time), and the values are few and known
/// (`channel`, `status`) or useless for skipping row groups (`procedure` repeats in each
/// unit). `unit`, the first sort key, and the dates keep theirs.
const NO_STATISTICS: [&str; 3] = ["procedure", "channel", "status"];

fn properties(
    mut kv: Vec<KeyValue>,
    sorting: Option<Vec<SortingColumn>>,
    no_statistics: &[&str],
) -> WriterProperties {
    kv.sort_by(|a, b| a.key.cmp(&b.key));
    let mut b = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(BATCH_ROWS))
        .set_key_value_metadata(Some(kv))
        .set_sorting_columns(sorting);
    for &c in no_statistics {
        b = b.set_column_statistics_enabled(ColumnPath::from(c), EnabledStatistics::None);
    }
    b.build()
}

fn parquet_error(file: &str, e: &parquet::errors::ParquetError) -> Error {
    Error::Io(Problem::new(
        Code::Io,
        file,
        format!("cannot write Parquet: {e}"),
    ))
}

/// Encode batches as one Parquet file.
fn encode(
    file: &str,
    schema: SchemaRef,
    props: WriterProperties,
    each: impl FnOnce(&mut dyn FnMut(RecordBatch) -> Result<(), Error>) -> Result<(), Error>,
) -> Result<Vec<u8>, Error> {
    let mut writer = ArrowWriter::try_new(Vec::new(), schema, Some(props))
        .map_err(|e| parquet_error(file, &e))?;
    each(&mut |b: RecordBatch| writer.write(&b).map_err(|e| parquet_error(file, &e)))?;
    writer.into_inner().map_err(|e| parquet_error(file, &e))
}

/// The four files of `docs/exports.md`, `(name, bytes)` in the order of [`FILES`]; statuses
/// and `unit_rates` on `options`' channel and day.
pub fn write(
    catalog: &Catalog,
    options: &ComplianceOptions,
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    representable(catalog)?;
    let meta = metadata(catalog, options);
    // The fields and reports as the JSON document writes them (not the whole document: its
    // postings are not needed here).
    let doc_fields: Vec<_> = (0..catalog.fields().len() as u32)
        .map(|i| catalog.doc_field(crate::catalog::FieldId(i)))
        .collect();
    let mut out = Vec::with_capacity(4);
    let one = |name: &str, b: RecordBatch, mut kv: Vec<KeyValue>, extra: Vec<KeyValue>| {
        kv.extend(extra);
        encode(name, b.schema(), properties(kv, None, &[]), |f| f(b))
    };
    let fields = serde_json::to_string(&doc_fields).unwrap_or_default();
    out.push((
        FILES[0].to_owned(),
        one(
            FILES[0],
            procedures_batch(catalog),
            meta.clone(),
            vec![KeyValue::new("tthc_fields".into(), fields)],
        )?,
    ));
    let reports = serde_json::to_string(&catalog.doc_reports()).unwrap_or_default();
    out.push((
        FILES[1].to_owned(),
        one(
            FILES[1],
            units_batch(catalog),
            meta.clone(),
            vec![KeyValue::new("tthc_reports".into(), reports)],
        )?,
    ));
    let sorting = [0, 2, 1]
        .map(|column_idx| SortingColumn {
            column_idx,
            descending: false,
            nulls_first: false,
        })
        .to_vec();
    let mut rows = PostingRows::new(catalog, options);
    let postings = encode(
        FILES[2],
        postings_schema(),
        properties(meta.clone(), Some(sorting), &NO_STATISTICS),
        |f| rows.each_batch(f),
    )?;
    out.push((FILES[2].to_owned(), postings));
    // The report on the export's channel, computed for the statuses already.
    let report = rows.reports[options.channel.index()]
        .take()
        .unwrap_or_else(|| catalog.compliance(options));
    out.push((
        FILES[3].to_owned(),
        one(
            FILES[3],
            unit_rates_batch(catalog, &report),
            meta,
            Vec::new(),
        )?,
    ));
    Ok(out)
}

/// The four files have no place for publishing decisions nor for the day a posting was last
/// checked: a catalogue holding either is refused (`bad_value`, at the first such item), so
/// nothing is dropped on the way to Parquet. Export it as JSON instead.
fn representable(catalog: &Catalog) -> Result<(), Error> {
    let refuse = |path: String, what: &str| {
        Err(Error::Argument(Problem::new(
            Code::BadValue,
            path,
            format!(
                "the Parquet files (docs/exports.md) have no place for {what}: \
                 export this catalogue as JSON to keep it"
            ),
        )))
    };
    if !catalog.decisions().is_empty() {
        return refuse("/decisions".to_owned(), "publishing decisions");
    }
    for (i, unit) in catalog.units().iter().enumerate() {
        for c in Channel::ALL {
            let postings = unit.postings(c);
            if !postings.checked_days().is_empty()
                || postings.unknown().iter().any(|u| u.checked.is_some())
            {
                return refuse(
                    format!("/units/{i}/published/{c}"),
                    "the day a posting was last checked (`checked`)",
                );
            }
        }
    }
    Ok(())
}
