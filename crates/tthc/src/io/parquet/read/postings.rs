//! The rows of `postings.parquet`, batch by batch, into each unit's postings.
//!
//! Two paths share the rules. The fast path takes the layout this library writes (keys of
//! `unit`/`procedure` as `int32`, of `channel`/`status` as `int8`, `posted_on` as `DATE`): each
//! dictionary value is mapped once per distinct dictionary, rows are walked in runs of one
//! unit and channel (the file is sorted so), and the postings of a run go straight into the
//! unit's list. A run holding a row it cannot take as it is — a null, a value outside the
//! other files, an `unknown` status — goes row by row through the checked path, which names
//! the problem (file, row, column) or handles the row as the general reader does; any other
//! layout (plain strings, other key types, files from other engines) is read by the checked
//! path alone.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, Int8Type};
use arrow_array::{Array, ArrayRef, Date32Array, RecordBatch};
use rustc_hash::FxHashMap;

use super::{at, date_column, plain_or_dict, plain_str, row_codes, PostingStatus, NULL, OTHER};
use crate::catalog::{Postings, ProcId, Resolved};
use crate::error::{Code, Problem};
use crate::model::{Channel, Date, Vocabulary};

/// The columns of `postings.parquet` read (indices in the batches).
#[derive(Clone, Copy)]
pub(super) struct Columns {
    pub unit: usize,
    pub procedure: usize,
    pub channel: usize,
    pub status: usize,
    pub posted_on: Option<usize>,
}

/// What the rows are checked against, and where the postings go.
pub(super) struct Sink<'a> {
    /// Unit code → index in `units.parquet`.
    pub unit_index: FxHashMap<&'a str, u32>,
    /// Procedure code → index in `procedures.parquet`.
    pub proc_index: FxHashMap<&'a str, u32>,
    /// The procedures' codes, by index.
    pub proc_codes: &'a [Option<String>],
    /// File names for the problems.
    pub postings_file: &'a str,
    pub units_file: &'a str,
    pub procedures_file: &'a str,
    /// Whether `units.parquet` lists each unit's channels (else a channel is given when it
    /// has a posting).
    pub channels_listed: bool,
    /// The postings, per unit and channel.
    pub resolved: Resolved,
    /// Rows read.
    pub rows: usize,
    /// Problems of bad rows, in row order.
    pub skipped: Vec<Problem>,
    /// The dictionaries of the last batch, mapped (a row group's batches share them).
    cache: [Option<(ArrayRef, Vec<u32>)>; 4],
    days: DayTable,
}

/// A posting the rows add: unit, channel, procedure, date.
struct Add<'r> {
    unit: u32,
    channel: usize,
    procedure: ProcRef<'r>,
    on: Option<Date>,
}

/// What a row of `postings.parquet` names as its procedure.
enum ProcRef<'a> {
    Known(u32),
    Unknown(&'a str),
}

impl<'a> Sink<'a> {
    pub(super) fn new(
        unit_codes: &'a [Option<String>],
        proc_codes: &'a [Option<String>],
        files: [&'a str; 3],
        channels_listed: bool,
        resolved: Resolved,
    ) -> Self {
        let index = |codes: &'a [Option<String>]| -> FxHashMap<&'a str, u32> {
            codes
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((c.as_deref()?, i as u32)))
                .collect()
        };
        Sink {
            unit_index: index(unit_codes),
            proc_index: index(proc_codes),
            proc_codes,
            procedures_file: files[0],
            units_file: files[1],
            postings_file: files[2],
            channels_listed,
            resolved,
            rows: 0,
            skipped: Vec::new(),
            cache: Default::default(),
            days: DayTable::default(),
        }
    }

    /// The list of a unit's channel, created on its first posting.
    fn list(resolved: &mut Resolved, unit: u32, channel: usize, listed: bool) -> &mut Postings {
        resolved[unit as usize][channel].get_or_insert_with(|| {
            let mut l = Postings::default();
            if !listed {
                l.mark_given();
            }
            l
        })
    }

    fn add(&mut self, a: &Add<'_>) {
        let list = Self::list(&mut self.resolved, a.unit, a.channel, self.channels_listed);
        match a.procedure {
            ProcRef::Known(id) => list.push_known(ProcId(id), a.on, None),
            ProcRef::Unknown(code) => list.push_unknown((*code).to_owned(), a.on, None),
        }
    }

    /// Read one batch.
    pub(super) fn batch(&mut self, b: &RecordBatch, cols: Columns) {
        let mut checked: Option<Checked> = None;
        let from = self.fast(b, cols, &mut checked);
        for r in from..b.num_rows() {
            self.checked_row(b, cols, &mut checked, r);
        }
        self.rows += b.num_rows();
    }

    /// One row through the checked path (its per-batch columns made on first use).
    fn checked_row(
        &mut self,
        b: &RecordBatch,
        cols: Columns,
        checked: &mut Option<Checked>,
        r: usize,
    ) {
        let c = checked.get_or_insert_with(|| Checked::new(b, cols, self));
        match c.row(b, cols, r, self.rows + r, self) {
            Ok(Some(add)) => self.add(&add),
            Ok(None) => {}
            Err(p) => self.skipped.push(p),
        }
    }

    /// A dictionary's values mapped by `f`, reusing the last batch's when the dictionary is
    /// the same.
    fn mapped(
        &mut self,
        slot: usize,
        values: &ArrayRef,
        f: impl Fn(&Self, Option<&str>) -> u32,
    ) -> Vec<u32> {
        if let Some((v, m)) = &self.cache[slot] {
            if v.to_data().ptr_eq(&values.to_data()) {
                return m.clone();
            }
        }
        let m: Vec<u32> = (0..values.len())
            .map(|i| f(self, plain_str(values.as_ref(), i)))
            .collect();
        self.cache[slot] = Some((values.clone(), m.clone()));
        m
    }

    /// The fast path over the batch, up to the first row it does not take whole; rows it
    /// cannot take (a null, an unknown value) go through the checked path one by one. Returns
    /// the row the checked path continues from (the batch's length when all is done, 0 when
    /// the layout is not the one this library writes).
    #[allow(clippy::cast_sign_loss)] // reason: keys are indexed once `known` checked them
    fn fast(&mut self, b: &RecordBatch, cols: Columns, checked: &mut Option<Checked>) -> usize {
        let col = |i: usize| b.column(i).as_ref();
        let (Some(u), Some(p), Some(c), Some(s)) = (
            col(cols.unit).as_dictionary_opt::<Int32Type>(),
            col(cols.procedure).as_dictionary_opt::<Int32Type>(),
            col(cols.channel).as_dictionary_opt::<Int8Type>(),
            col(cols.status).as_dictionary_opt::<Int8Type>(),
        ) else {
            return 0;
        };
        let dates: Option<&Date32Array> = match cols.posted_on {
            None => None,
            Some(i) => match col(i).as_primitive_opt::<Date32Type>() {
                Some(d) => Some(d),
                None => return 0,
            },
        };
        if u.keys().null_count() + p.keys().null_count() > 0
            || c.keys().null_count() + s.keys().null_count() > 0
        {
            return 0;
        }
        let umap = self.mapped(0, u.values(), |s, v| {
            v.and_then(|v| s.unit_index.get(v).copied()).unwrap_or(NULL)
        });
        let pmap = self.mapped(1, p.values(), |s, v| {
            v.and_then(|v| s.proc_index.get(v).copied()).unwrap_or(NULL)
        });
        let cmap = self.mapped(2, c.values(), |_, v| {
            v.and_then(Channel::from_word)
                .map_or(NULL, |c| c.index() as u32)
        });
        // `unknown` rows go to the checked path (a known procedure cannot be unknown).
        let smap = self.mapped(3, s.values(), |_, v| {
            v.and_then(PostingStatus::from_word)
                .filter(|&s| s != PostingStatus::Unknown)
                .map_or(NULL, |s| s as u32)
        });
        let (values, nulls) = (
            dates.map(arrow_array::PrimitiveArray::values),
            dates.and_then(Array::nulls),
        );
        let day = |i: usize| -> Option<i32> {
            let v = values?;
            if nulls.is_some_and(|n| n.is_null(i)) {
                None
            } else {
                Some(v[i])
            }
        };
        let (uk, pk, ck, sk) = (
            u.keys().values(),
            p.keys().values(),
            c.keys().values(),
            s.keys().values(),
        );
        let key = |m: &[u32], k: i64| usize::try_from(k).ok().and_then(|k| m.get(k).copied());
        let missing = PostingStatus::Missing as u32;
        let n = b.num_rows();
        let mut r = 0;
        while r < n {
            let (ur, cr) = (uk[r], ck[r]);
            let mut end = r + 1;
            while end < n && uk[end] == ur && ck[end] == cr {
                end += 1;
            }
            let (Some(unit), Some(channel)) = (
                key(&umap, i64::from(ur)).filter(|&u| u != NULL),
                key(&cmap, i64::from(cr)).filter(|&c| c != NULL),
            ) else {
                for i in r..end {
                    self.checked_row(b, cols, checked, i);
                }
                r = end;
                continue;
            };
            let channel = channel as usize;
            // A run with a row the fast path cannot take goes through the checked path whole.
            let known = |i: usize| {
                key(&pmap, i64::from(pk[i])).is_some_and(|p| p != NULL)
                    && key(&smap, i64::from(sk[i])).is_some_and(|s| s != NULL)
            };
            if !(r..end).all(known) {
                for i in r..end {
                    self.checked_row(b, cols, checked, i);
                }
                r = end;
                continue;
            }
            // Rows not posted (`missing` without a date) add nothing.
            let first = (r..end).find(|&i| day(i).is_some() || smap[sk[i] as usize] != missing);
            if let Some(first) = first {
                let list = Self::list(&mut self.resolved, unit, channel, self.channels_listed);
                list.reserve(end - first, end - first);
                for i in first..end {
                    let d = day(i);
                    if d.is_none() && smap[sk[i] as usize] == missing {
                        continue;
                    }
                    let on = d.map(|d| self.days.date(d));
                    list.push_known(ProcId(pmap[pk[i] as usize]), on, None);
                }
            }
            r = end;
        }
        n
    }
}

/// Days since 1970 as dates, through a table filled on first use (the files' dates are few
/// and close together).
#[derive(Default)]
struct DayTable {
    /// The day of the table's first entry.
    base: Option<i32>,
    table: Vec<Option<Date>>,
}

impl DayTable {
    /// Days this far from the first one seen go through the table.
    const SPAN: i32 = 1 << 15;

    fn date(&mut self, d: i32) -> Date {
        let convert = |d: i32| Date::from_days_since_epoch(i64::from(d));
        let base = *self.base.get_or_insert(d.saturating_sub(Self::SPAN / 2));
        match usize::try_from(i64::from(d) - i64::from(base)) {
            Ok(k) if k < Self::SPAN as usize => {
                if self.table.is_empty() {
                    self.table = vec![None; Self::SPAN as usize];
                }
                *self.table[k].get_or_insert_with(|| convert(d))
            }
            _ => convert(d),
        }
    }
}

/// The checked path's columns of one batch: a code per row for each column.
struct Checked {
    units: Vec<u32>,
    procs: Vec<u32>,
    chans: Vec<u32>,
    stats: Vec<u32>,
    dates: Vec<Option<Date>>,
    /// Values outside the known sets (`OTHER | index`).
    others: Vec<String>,
}

impl Checked {
    fn new(b: &RecordBatch, cols: Columns, sink: &Sink<'_>) -> Self {
        let col = |i: usize| b.column(i).as_ref();
        let mut others: Vec<String> = Vec::new();
        let mut other = |s: &str| {
            others.push(s.to_owned());
            OTHER | (others.len() as u32 - 1)
        };
        let units = row_codes(col(cols.unit), |s| {
            s.map_or(NULL, |s| sink.unit_index.get(s).copied().unwrap_or(OTHER))
        });
        let procs = row_codes(col(cols.procedure), |s| match s {
            None => NULL,
            Some(s) => sink.proc_index.get(s).copied().unwrap_or_else(|| other(s)),
        });
        let chans = row_codes(col(cols.channel), |s| match s {
            None => NULL,
            Some(s) => Channel::from_word(s).map_or_else(|| other(s), |c| c.index() as u32),
        });
        let stats = row_codes(col(cols.status), |s| match s {
            None => NULL,
            Some(s) => PostingStatus::from_word(s).map_or_else(|| other(s), |w| w as u32),
        });
        let dates = cols
            .posted_on
            .map_or_else(|| vec![None; b.num_rows()], |c| date_column(col(c)));
        Checked {
            units,
            procs,
            chans,
            stats,
            dates,
            others,
        }
    }

    fn word(&self, code: u32) -> &str {
        self.others[(code & !OTHER) as usize].as_str()
    }

    /// Row `r` of the batch (`row` of the file): the posting it adds, if any, or its problem.
    fn row<'s>(
        &'s self,
        b: &RecordBatch,
        cols: Columns,
        r: usize,
        row: usize,
        sink: &Sink<'_>,
    ) -> Result<Option<Add<'s>>, Problem> {
        let bad = |code: Code, column: &str, message: String| {
            Problem::new(
                code,
                at(sink.postings_file, Some(row), Some(column)),
                message,
            )
        };
        let unit = match self.units[r] {
            NULL => return Err(bad(Code::WrongType, "unit", "the unit is null".to_owned())),
            OTHER => {
                let u = plain_or_dict(b.column(cols.unit).as_ref(), r).unwrap_or_default();
                return Err(bad(
                    Code::UnknownUnit,
                    "unit",
                    format!("unit `{u}` is not in {}", sink.units_file),
                ));
            }
            u => u,
        };
        let channel = match self.chans[r] {
            c if c < 3 => c as usize,
            NULL => {
                return Err(bad(
                    Code::WrongType,
                    "channel",
                    "the channel is null".to_owned(),
                ))
            }
            w => {
                return Err(bad(
                    Code::UnknownChannel,
                    "channel",
                    format!("`{}` is not a channel ({})", self.word(w), Channel::words()),
                ))
            }
        };
        let status = match self.stats[r] {
            NULL => {
                return Err(bad(
                    Code::WrongType,
                    "status",
                    "the status is null".to_owned(),
                ))
            }
            w if w & OTHER != 0 => {
                return Err(bad(
                    Code::BadValue,
                    "status",
                    format!(
                        "`{}` is not a posting status ({})",
                        self.word(w),
                        PostingStatus::words()
                    ),
                ))
            }
            s => PostingStatus::ALL[s as usize],
        };
        let on = self.dates[r];
        let procedure = match (self.procs[r], status) {
            (NULL, _) => {
                return Err(bad(
                    Code::WrongType,
                    "procedure",
                    "the procedure is null".to_owned(),
                ))
            }
            (p, s) if p & OTHER != 0 => {
                if s != PostingStatus::Unknown {
                    return Err(bad(
                        Code::UnknownProcedure,
                        "procedure",
                        format!(
                            "procedure `{}` is not in {} (only `unknown` postings may name one)",
                            self.word(p),
                            sink.procedures_file
                        ),
                    ));
                }
                ProcRef::Unknown(self.word(p))
            }
            (p, PostingStatus::Unknown) => {
                return Err(bad(
                    Code::BadValue,
                    "status",
                    format!(
                        "procedure `{}` is defined in {}, so its status cannot be `unknown`",
                        sink.proc_codes[p as usize].as_deref().unwrap_or(""),
                        sink.procedures_file
                    ),
                ))
            }
            (p, _) => ProcRef::Known(p),
        };
        let posted = on.is_some() || status != PostingStatus::Missing;
        Ok(posted.then_some(Add {
            unit,
            channel,
            procedure,
            on,
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{DictionaryArray, StringArray};

    use super::*;

    const UNITS: [&str; 6] = ["01", "01", "01", "02", "99", "02"];
    const PROCEDURES: [&str; 6] = [
        "1.000001", "9.999999", "1.000002", "1.000002", "1.000001", "1.000001",
    ];
    const CHANNELS: [&str; 6] = [
        "one_stop_shop",
        "one_stop_shop",
        "one_stop_shop",
        "portal",
        "portal",
        "one_stop_shop",
    ];
    const STATUSES: [&str; 6] = [
        "published",
        "unknown",
        "missing",
        "published",
        "published",
        "unknown",
    ];

    /// The rows as plain strings, or as the dictionaries this library writes.
    fn batch(dictionaries: bool) -> RecordBatch {
        let column = |values: &[&str], wide: bool| -> ArrayRef {
            if !dictionaries {
                return Arc::new(StringArray::from(values.to_vec()));
            }
            if wide {
                Arc::new(
                    values
                        .iter()
                        .copied()
                        .collect::<DictionaryArray<Int32Type>>(),
                )
            } else {
                Arc::new(
                    values
                        .iter()
                        .copied()
                        .collect::<DictionaryArray<Int8Type>>(),
                )
            }
        };
        let dates: ArrayRef = Arc::new(Date32Array::from(vec![
            Some(17_000),
            None,
            None,
            None,
            Some(17_001),
            None,
        ]));
        RecordBatch::try_from_iter([
            ("unit", column(&UNITS, true)),
            ("procedure", column(&PROCEDURES, true)),
            ("channel", column(&CHANNELS, false)),
            ("status", column(&STATUSES, false)),
            ("posted_on", dates),
        ])
        .expect("a batch")
    }

    fn read(dictionaries: bool) -> (Resolved, Vec<(String, String)>) {
        let units = [Some("01".to_owned()), Some("02".to_owned())];
        let procs = [Some("1.000001".to_owned()), Some("1.000002".to_owned())];
        let mut sink = Sink::new(
            &units,
            &procs,
            ["procedures.parquet", "units.parquet", "postings.parquet"],
            false,
            vec![Default::default(); 2],
        );
        let cols = Columns {
            unit: 0,
            procedure: 1,
            channel: 2,
            status: 3,
            posted_on: Some(4),
        };
        let b = batch(dictionaries);
        // Twice, as two batches sharing their dictionaries.
        sink.batch(&b, cols);
        sink.batch(&b, cols);
        let problems = sink
            .skipped
            .iter()
            .map(|p| (p.code.as_str().to_owned(), p.path.clone()))
            .collect();
        (sink.resolved, problems)
    }

    #[test]
    fn the_fast_path_reads_as_the_checked_path() {
        let (fast, fast_problems) = read(true);
        let (checked, checked_problems) = read(false);
        assert_eq!(fast, checked);
        assert_eq!(fast_problems, checked_problems);
        let at =
            |row: usize, column: &str| format!("postings.parquet, row {row}, column \"{column}\"");
        assert_eq!(
            fast_problems,
            [
                ("unknown_unit".to_owned(), at(4, "unit")),
                ("bad_value".to_owned(), at(5, "status")),
                ("unknown_unit".to_owned(), at(10, "unit")),
                ("bad_value".to_owned(), at(11, "status")),
            ]
        );
        let oss = Channel::OneStopShop.index();
        let first = fast[0][oss].as_ref().expect("unit 01 posted on the desk");
        // The known posting (twice: two batches) and the undefined code, not the missing row.
        assert_eq!(first.ids(), [ProcId(0), ProcId(0)]);
        assert_eq!(first.unknown().len(), 2);
        assert_eq!(
            first.iter().next(),
            Some((ProcId(0), Some(Date::from_days_since_epoch(17_000))))
        );
        let portal = fast[1][Channel::Portal.index()]
            .as_ref()
            .expect("02 posted");
        assert_eq!(portal.ids(), [ProcId(1), ProcId(1)]);
        assert!(fast[1][oss].is_none(), "the bad row adds nothing");
    }
}
