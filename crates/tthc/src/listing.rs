//! Procedure lists for people: what a unit must publish, with each procedure's publication
//! status, or every procedure of a level in force — sorted by field, then by name, in
//! Vietnamese order.
//!
//! This is what the browser widget `<tthc-procedure-list>` shows; it is computed here so every
//! binding lists the same procedures in the same order with the same statuses.
//!
//! ```
//! use tthc::listing::{ListQuery, Status};
//! let json = r#"{ "tthc": 1, "as_of": "2026-01-01",
//!   "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
//!   "procedures": [
//!     { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
//!     { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"] } ],
//!   "units": [ { "code": "99999", "name": "Xã Mẫu", "level": "commune",
//!                "published": { "one_stop_shop": ["1.001193"] } } ] }"#;
//! let catalog = tthc::Catalog::from_json(json.as_bytes())?;
//! let list = catalog.procedure_list(&ListQuery::parse(Some("99999"), None, None, None, None, None)?)?;
//! // Vietnamese order: "kết hôn" before "khai sinh" (e before h).
//! assert_eq!(list[0].code, "1.000894");
//! assert_eq!(list[0].status, Some(Status::Missing));
//! assert_eq!(list[1].code, "1.001193");
//! assert_eq!(list[1].status, Some(Status::Published));
//! # Ok::<(), tthc::Error>(())
//! ```

use std::cmp::Ordering;

use crate::catalog::{Catalog, FieldId, ProcId, Procedure};
use crate::compliance::{Basis, ComplianceOptions};
use crate::error::{Code, Error, Problem};
use crate::model::vocab::{vocabulary, Vocabulary};
use crate::model::{Date, Level, Online};
use crate::text::sort_key;

/// The publication status of one applicable procedure of a unit on one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Posted, and the posting is not older than the procedure's last amendment.
    Published,
    /// Applicable and not posted.
    Missing,
    /// Posted before the procedure's last amendment: no longer correct (format.md §2).
    Outdated,
}

impl Status {
    /// All statuses.
    pub const ALL: [Status; 3] = [Status::Published, Status::Missing, Status::Outdated];

    /// `published`, `missing` or `outdated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Published => "published",
            Status::Missing => "missing",
            Status::Outdated => "outdated",
        }
    }
}

impl Vocabulary for Status {
    const ALL: &'static [Self] = &Status::ALL;
    const NOUN: &'static str = "status";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Status);

/// Which procedures to list.
///
/// With `unit`: the unit's applicable procedures (as of the day, on the channel), each with its
/// status. Without `unit` but with `level`: every procedure of that level in force on the day,
/// without status. With neither: every procedure in force, without status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// GSO code of the unit.
    pub unit: Option<String>,
    /// The level, when no unit is given (with a unit it must be the unit's level, if given).
    pub level: Option<Level>,
    /// Only procedures of this field (a field code).
    pub field: Option<String>,
    /// Only procedures with this status (needs a unit).
    pub status: Option<Status>,
    /// The channel whose postings decide the status, and the day.
    pub options: ComplianceOptions,
}

#[cfg(not(target_family = "wasm"))]
impl Default for ListQuery {
    /// Every procedure in force today (or on the document's `as_of`).
    fn default() -> Self {
        ListQuery::on(ComplianceOptions::default())
    }
}

fn argument(code: Code, path: &str, message: String) -> Error {
    Error::Argument(Problem::new(code, path, message))
}

impl ListQuery {
    /// Every procedure in force, with these options.
    pub fn on(options: ComplianceOptions) -> Self {
        ListQuery {
            unit: None,
            level: None,
            field: None,
            status: None,
            options,
        }
    }

    /// A query from the names used by the bindings (`"99999"`, `"commune"`, `"ho-tich"`,
    /// `"missing"`, `"portal"`, `"2026-01-01"`) with today from the system clock; each bad
    /// value is an [`Error::Argument`] whose path names the argument.
    #[cfg(not(target_family = "wasm"))]
    pub fn parse(
        unit: Option<&str>,
        level: Option<&str>,
        field: Option<&str>,
        status: Option<&str>,
        channel: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<ListQuery, Error> {
        ListQuery::parse_on(Date::today(), unit, level, field, status, channel, as_of)
    }

    /// [`ListQuery::parse`] with `today` given (the browser's day).
    pub fn parse_on(
        today: Date,
        unit: Option<&str>,
        level: Option<&str>,
        field: Option<&str>,
        status: Option<&str>,
        channel: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<ListQuery, Error> {
        Ok(ListQuery {
            unit: unit.map(str::to_owned),
            level: level.map(Level::parse_arg).transpose()?,
            field: field.map(str::to_owned),
            status: status.map(Status::parse_arg).transpose()?,
            options: ComplianceOptions::parse_on(today, channel, as_of)?,
        })
    }
}

/// One procedure of a list, with its field attached. Serialised (the shape every binding
/// shows) as `{code, name, field, field_name, field_name_en, online, status}`, `field` being
/// the field's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ListedProcedure<'c> {
    /// The procedure.
    #[serde(skip)]
    pub procedure: ProcId,
    /// Its code (`1.001193`).
    pub code: &'c str,
    /// Its name.
    pub name: &'c str,
    /// Its field.
    #[serde(skip)]
    pub field: FieldId,
    /// The field's code.
    #[serde(rename = "field")]
    pub field_code: &'c str,
    /// The field's Vietnamese name.
    pub field_name: &'c str,
    /// The field's English name, when the document gives one.
    pub field_name_en: Option<&'c str>,
    /// How far it can be done online.
    pub online: Option<Online>,
    /// Its status for the unit; `None` when listing a level, or when the unit's figures are
    /// reported rather than counted from postings (no item-level data).
    pub status: Option<Status>,
}

/// Field name, field code, procedure name, code: the order of every list.
fn list_order(a: (&[u8], &str, &[u8], &str), b: (&[u8], &str, &[u8], &str)) -> Ordering {
    a.0.cmp(b.0)
        .then_with(|| a.1.cmp(b.1))
        .then_with(|| a.2.cmp(b.2))
        .then_with(|| a.3.cmp(b.3))
}

/// The list order of every procedure of a catalogue, computed once: by field name, then
/// procedure name, in Vietnamese order, then by code. Use it with
/// [`Catalog::procedure_list_with`] to list the same catalogue many times.
///
/// It belongs to the catalogue it was built from; with another one the order of the list is
/// unspecified (but nothing panics).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOrder {
    /// Position of each procedure (by id) in the order.
    rank: Vec<u32>,
    /// Position of each procedure (by id) in Vietnamese order of the names, then code: what
    /// [`crate::search::SearchIndex::with_order`] breaks ties with, so the sort keys of the
    /// names are computed once for both.
    name_rank: Vec<u32>,
}

impl ListOrder {
    /// Compute the order (one sort key per procedure and per field): a
    /// [`ListOrderBuilder`] run to the end in one call.
    pub fn new(catalog: &Catalog) -> ListOrder {
        ListOrderBuilder::new().finish(catalog)
    }

    /// The position of each procedure (by id) in Vietnamese order of the names, then code.
    pub(crate) fn name_rank(&self) -> &[u32] {
        &self.name_rank
    }

    /// The position of a procedure in the order.
    pub fn rank(&self, procedure: ProcId) -> u32 {
        self.rank
            .get(procedure.0 as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }
}

/// A [`ListOrder`] computed a slice at a time, for a caller that must not block for long (a
/// browser's main thread). Each [`step`](Self::step) either computes the sort keys of the
/// next names and sorts them (a run), or merges sorted runs; [`finish`](Self::finish) does
/// what is left, then the linear rest (ranks, grouping by field). The order is the same
/// however the work is sliced.
///
/// Give every call the same catalogue; with another one the order is unspecified (nothing
/// panics).
///
/// ```
/// use tthc::listing::{ListOrder, ListOrderBuilder};
/// let catalog = tthc::Catalog::an_bien_2018();
/// let mut builder = ListOrderBuilder::new();
/// while !builder.step(&catalog, 100) {} // e.g. one step per task of an event loop
/// assert_eq!(builder.finish(&catalog), ListOrder::new(&catalog));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ListOrderBuilder {
    /// The sort keys of the first names, one after the other, in id order (one buffer: the
    /// sort reads them with fewer cache misses than one allocation per key).
    keys: Keys,
    /// The ids of the same names, each run sorted by name (then code, then id).
    by_name: Vec<u32>,
    /// Where each sorted run of `by_name` starts, and `by_name.len()` at the end.
    runs: Vec<usize>,
    /// The next pair of runs to merge (index into `runs`).
    pair: usize,
    /// Scratch space of a merge.
    scratch: Vec<u32>,
}

impl ListOrderBuilder {
    /// Nothing computed yet.
    pub fn new() -> ListOrderBuilder {
        ListOrderBuilder::default()
    }

    /// One slice of work: the sort keys of up to `count` more names, sorted as a run; or, once
    /// every name has its key, merges of adjacent runs until about `count` names are moved
    /// (at least one merge, so the largest slice is the last merge: one comparison per
    /// procedure). `true` once the names are in one sorted run: then only
    /// [`finish`](Self::finish)'s linear work is left.
    pub fn step(&mut self, catalog: &Catalog, count: usize) -> bool {
        let procedures = catalog.procedures();
        if self.done() > procedures.len() {
            // Stepped with a larger catalogue: start again with this one.
            *self = ListOrderBuilder::new();
        }
        let count = count.max(1);
        let from = self.done();
        if from < procedures.len() {
            let to = from.saturating_add(count).min(procedures.len());
            if self.runs.is_empty() {
                self.runs.push(0);
            }
            for p in &procedures[from..to] {
                self.keys.push(&sort_key(&p.name));
            }
            self.by_name.extend(from as u32..to as u32);
            let keys = &self.keys;
            self.by_name[from..to].sort_unstable_by(|&a, &b| by_name(keys, procedures, a, b));
            self.runs.push(to);
            return false;
        }
        let mut moved = 0;
        while self.runs.len() > 2 && moved < count {
            if self.pair + 2 >= self.runs.len() {
                self.pair = 0; // the next pass
            }
            let (a, m, b) = (
                self.runs[self.pair],
                self.runs[self.pair + 1],
                self.runs[self.pair + 2],
            );
            let keys = &self.keys;
            merge(&mut self.by_name[a..b], m - a, &mut self.scratch, |x, y| {
                by_name(keys, procedures, x, y) == Ordering::Less
            });
            self.runs.remove(self.pair + 1);
            self.pair += 1;
            moved += b - a;
        }
        self.runs.len() <= 2
    }

    /// How many names have their sort key.
    pub fn done(&self) -> usize {
        self.keys.ends.len()
    }

    /// The order: the work not done yet, then the ranks and the grouping by field.
    pub fn finish(mut self, catalog: &Catalog) -> ListOrder {
        while !self.step(catalog, usize::MAX) {}
        let procedures = catalog.procedures();
        let name_rank = ranks(&self.by_name);
        // Field name, field code, then the names' order: one key per field, then the
        // procedures in name order distributed to their field's place (a counting sort).
        let mut fields: Vec<(Vec<u8>, &str, u32)> = catalog
            .fields()
            .iter()
            .enumerate()
            .map(|(i, f)| (sort_key(&f.name), f.code.as_str(), i as u32))
            .collect();
        fields.sort_unstable();
        let field_order: Vec<u32> = fields.into_iter().map(|(_, _, i)| i).collect();
        let field_rank = ranks(&field_order);
        // A field outside the catalogue's (only with another catalogue) goes last.
        let bucket = |i: u32| {
            let field = procedures[i as usize].field.0 as usize;
            field_rank
                .get(field)
                .map_or(field_rank.len(), |&r| r as usize)
        };
        let mut starts = vec![0usize; field_rank.len() + 2];
        for &i in &self.by_name {
            starts[bucket(i) + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut ids = vec![0u32; self.by_name.len()];
        for &i in &self.by_name {
            let slot = &mut starts[bucket(i)];
            ids[*slot] = i;
            *slot += 1;
        }
        ListOrder {
            rank: ranks(&ids),
            name_rank,
        }
    }
}

/// Sort keys one after the other in one buffer.
#[derive(Debug, Clone, Default)]
struct Keys {
    bytes: Vec<u8>,
    /// Where each key ends in `bytes`.
    ends: Vec<usize>,
}

impl Keys {
    fn push(&mut self, key: &[u8]) {
        self.bytes.extend_from_slice(key);
        self.ends.push(self.bytes.len());
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// Vietnamese order of the names of procedures `a` and `b` (their `keys`), then code, then id.
fn by_name(keys: &Keys, procedures: &[Procedure], a: u32, b: u32) -> Ordering {
    let (a, b) = (a as usize, b as usize);
    keys.get(a)
        .cmp(keys.get(b))
        .then_with(|| procedures[a].code.as_str().cmp(procedures[b].code.as_str()))
        .then(a.cmp(&b))
}

/// Merge the sorted runs `v[..mid]` and `v[mid..]` into one (`scratch` holds the first).
fn merge(v: &mut [u32], mid: usize, scratch: &mut Vec<u32>, less: impl Fn(u32, u32) -> bool) {
    scratch.clear();
    scratch.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < scratch.len() && j < v.len() {
        if less(v[j], scratch[i]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = scratch[i];
            i += 1;
        }
        k += 1;
    }
    // What is left of the second run is already in place.
    v[k..k + scratch.len() - i].copy_from_slice(&scratch[i..]);
}

/// The position of each id in `order` (a permutation of `0..order.len()`).
fn ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (position, &i) in order.iter().enumerate() {
        rank[i as usize] = position as u32;
    }
    rank
}

/// The position of each procedure (by id) in Vietnamese order of the names, then code: one
/// sort key per name.
pub(crate) fn name_rank(catalog: &Catalog) -> Vec<u32> {
    ListOrder::new(catalog).name_rank
}

impl Catalog {
    /// The procedures of a unit with their status, or of a level, filtered by field and status,
    /// sorted by field name, then procedure name, in Vietnamese order ([`crate::text::sort_key`]),
    /// then by code.
    ///
    /// Errors ([`Error::Argument`]): `unknown_unit` (path `unit`), `unknown_field` (path
    /// `field`), `bad_value` (path `level`) when the level contradicts the unit's, `bad_value`
    /// (path `status`) for a status filter without a unit.
    pub fn procedure_list(&self, query: &ListQuery) -> Result<Vec<ListedProcedure<'_>>, Error> {
        let rows = self.unsorted_list(query)?;
        let mut field_keys: Vec<Option<Vec<u8>>> = vec![None; self.fields().len()];
        let mut keyed: Vec<(ListedProcedure<'_>, Vec<u8>)> = rows
            .into_iter()
            .map(|row| {
                let slot = &mut field_keys[row.field.0 as usize];
                if slot.is_none() {
                    *slot = Some(sort_key(row.field_name));
                }
                let key = sort_key(row.name);
                (row, key)
            })
            .collect();
        let empty: Vec<u8> = Vec::new();
        keyed.sort_by(|(a, ka), (b, kb)| {
            let fa = field_keys[a.field.0 as usize].as_ref().unwrap_or(&empty);
            let fb = field_keys[b.field.0 as usize].as_ref().unwrap_or(&empty);
            list_order(
                (fa, a.field_code, ka, a.code),
                (fb, b.field_code, kb, b.code),
            )
        });
        Ok(keyed.into_iter().map(|(row, _)| row).collect())
    }

    /// [`Catalog::procedure_list`] sorted with a precomputed [`ListOrder`] of this catalogue:
    /// the same list, without computing a sort key per call (for widgets that list the same
    /// catalogue again on every change of a filter).
    pub fn procedure_list_with(
        &self,
        query: &ListQuery,
        order: &ListOrder,
    ) -> Result<Vec<ListedProcedure<'_>>, Error> {
        let mut rows = self.unsorted_list(query)?;
        rows.sort_by_key(|r| order.rank(r.procedure));
        Ok(rows)
    }

    /// The rows of a list, filtered, in id order.
    fn unsorted_list(&self, query: &ListQuery) -> Result<Vec<ListedProcedure<'_>>, Error> {
        let field = match &query.field {
            None => None,
            Some(code) => Some(self.field_id(code).ok_or_else(|| {
                argument(
                    Code::UnknownField,
                    "field",
                    format!("the document defines no field `{code}`"),
                )
            })?),
        };
        let rows: Vec<(ProcId, Option<Status>)> = if let Some(code) = &query.unit {
            self.unit_rows(code, query)?
        } else {
            if query.status.is_some() {
                return Err(argument(
                    Code::BadValue,
                    "status",
                    "a status filter needs a unit: only a unit's procedures have a status"
                        .to_owned(),
                ));
            }
            let as_of = query.options.day(self);
            self.procedures()
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.in_force(as_of) && query.level.is_none_or(|l| p.levels.contains(l))
                })
                .map(|(i, _)| (ProcId(i as u32), None))
                .collect()
        };
        Ok(rows
            .into_iter()
            .filter(|&(p, status)| {
                field.is_none_or(|f| self.procedure(p).field == f)
                    && query.status.is_none_or(|s| status == Some(s))
            })
            .map(|(p, status)| {
                let proc = self.procedure(p);
                let f = self.field(proc.field);
                ListedProcedure {
                    procedure: p,
                    code: proc.code.as_str(),
                    name: &proc.name,
                    field: proc.field,
                    field_code: &f.code,
                    field_name: &f.name,
                    field_name_en: f.name_en.as_deref(),
                    online: proc.online,
                    status,
                }
            })
            .collect())
    }

    /// The applicable procedures of a unit with their status, in id order.
    fn unit_rows(
        &self,
        code: &str,
        query: &ListQuery,
    ) -> Result<Vec<(ProcId, Option<Status>)>, Error> {
        let id = self.unit_id(code).ok_or_else(|| {
            argument(
                Code::UnknownUnit,
                "unit",
                format!("the document defines no unit `{code}`"),
            )
        })?;
        let unit = self.unit(id);
        if let Some(level) = query.level.filter(|&l| l != unit.level) {
            return Err(argument(
                Code::BadValue,
                "level",
                format!(
                    "unit `{code}` is of level `{}`, not `{level}`",
                    unit.level.as_str()
                ),
            ));
        }
        let options = query.options;
        let (figures, applicable) = self.unit_compliance(id, &options);
        if figures.basis != Basis::Items {
            // Reported figures: the procedures apply, but nobody knows which were posted.
            return Ok(applicable.into_iter().map(|p| (p, None)).collect());
        }
        // `missing` and `outdated_procedures` are sublists of `applicable`, all in id order:
        // one walk with a cursor in each (no hash sets).
        let (mut missing, mut outdated) = (
            figures.missing.iter().peekable(),
            figures.outdated_procedures.iter().peekable(),
        );
        Ok(applicable
            .into_iter()
            .map(|p| {
                let status = if missing.next_if_eq(&&p).is_some() {
                    Status::Missing
                } else if outdated.next_if_eq(&&p).is_some() {
                    Status::Outdated
                } else {
                    Status::Published
                };
                (p, Some(status))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
      "tthc": 1,
      "as_of": "2026-03-01",
      "fields": [
        { "code": "ho-tich", "name": "Hộ tịch", "name_en": "Civil status" },
        { "code": "dat-dai", "name": "Đất đai" },
        { "code": "chung-thuc", "name": "Chứng thực" },
        { "code": "dan-toc", "name": "Dân tộc" }
      ],
      "procedures": [
        { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"], "online": "full" },
        { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"], "amended": "2025-07-01" },
        { "code": "1.000656", "name": "Thủ tục đăng ký khai tử", "field": "ho-tich", "levels": ["commune", "province"] },
        { "code": "2.000908", "name": "Chứng thực bản sao từ bản chính", "field": "chung-thuc", "levels": ["commune"] },
        { "code": "1.003000", "name": "Hòa giải tranh chấp đất đai", "field": "dat-dai", "levels": ["commune"] },
        { "code": "1.004000", "name": "Giao đất", "field": "dat-dai", "levels": ["province"] },
        { "code": "1.005000", "name": "Thủ tục cũ", "field": "dat-dai", "levels": ["commune"], "abolished": "2025-07-01" },
        { "code": "1.006000", "name": "Thủ tục mới", "field": "dat-dai", "levels": ["commune"], "effective": "2027-01-01" },
        { "code": "2.000001", "name": "Công nhận dân tộc", "field": "dan-toc", "levels": ["province"] }
      ],
      "units": [
        { "code": "91", "name": "Tỉnh An Giang", "level": "province" },
        { "code": "99999", "name": "Xã Mẫu", "level": "commune", "parent": "91",
          "applies": { "add": ["2.000001"], "remove": ["1.003000"] },
          "published": {
            "one_stop_shop": ["1.001193", { "procedure": "1.000894", "on": "2024-01-01" }, "2.000001"],
            "portal": ["1.001193", "1.000894", "1.000656", "2.000908"]
          } },
        { "code": "99998", "name": "Xã Trống", "level": "commune", "parent": "91" }
      ],
      "reports": [
        { "unit": "99998", "scope": "self", "channel": "one_stop_shop", "procedures": 3, "published": 2 }
      ]
    }"#;

    fn catalog() -> Catalog {
        Catalog::from_json(DOC.as_bytes()).expect("the test document is valid")
    }

    fn query(unit: Option<&str>, level: Option<&str>) -> ListQuery {
        ListQuery::parse(unit, level, None, None, None, None).expect("valid query")
    }

    fn codes(list: &[ListedProcedure<'_>]) -> Vec<String> {
        list.iter().map(|r| r.code.to_owned()).collect()
    }

    fn statuses<'a>(list: &'a [ListedProcedure<'_>]) -> Vec<(&'a str, Option<&'static str>)> {
        list.iter()
            .map(|r| (r.code, r.status.map(Status::as_str)))
            .collect()
    }

    #[test]
    fn an_order_built_in_slices_is_the_order_built_at_once() {
        let catalog = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let whole = ListOrder::new(&catalog);
        let n = catalog.procedures().len();
        assert!(n > 10, "a sample of more than one slice");
        for count in [1, 7, n - 1, n, usize::MAX] {
            let mut builder = ListOrderBuilder::new();
            let mut steps = 0;
            while !builder.step(&catalog, count) {
                steps += 1;
                assert!(builder.done() <= n);
            }
            assert_eq!(builder.done(), n);
            assert!(steps + 1 >= n.div_ceil(count), "{count}: {steps} steps");
            assert_eq!(builder.finish(&catalog), whole, "slices of {count}");
        }
        // Unfinished, then finished at once; and finishing a builder never stepped.
        let mut builder = ListOrderBuilder::new();
        builder.step(&catalog, 3);
        assert_eq!(builder.finish(&catalog), whole);
        assert_eq!(ListOrderBuilder::new().finish(&catalog), whole);
    }

    #[test]
    fn a_builder_stepped_with_another_catalogue_does_not_panic() {
        let big = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let small = Catalog::from_json(DOC.as_bytes()).expect("the document loads");
        let mut builder = ListOrderBuilder::new();
        while !builder.step(&big, 5) {}
        let order = builder.finish(&small);
        let listed = small
            .procedure_list_with(&ListQuery::on(ComplianceOptions::default()), &order)
            .expect("a list");
        assert!(!listed.is_empty());
    }

    #[test]
    fn unit_list_has_a_status_for_every_applicable_procedure() {
        let c = catalog();
        let list = c
            .procedure_list(&query(Some("99999"), None))
            .expect("listed");
        let mut got = statuses(&list);
        got.sort_unstable();
        assert_eq!(
            got,
            vec![
                ("1.000656", Some("missing")),
                ("1.000894", Some("outdated")),
                ("1.001193", Some("published")),
                ("2.000001", Some("published")),
                ("2.000908", Some("missing")),
            ]
        );
        // The counts agree with the compliance report.
        let report = c.compliance(&ComplianceOptions::default());
        let unit = report.unit_by_code(&c, "99999").expect("unit");
        assert_eq!(unit.applicable, Some(list.len() as u32));
        let published = list
            .iter()
            .filter(|r| r.status == Some(Status::Published))
            .count();
        assert_eq!(unit.published, Some(published as u32));
    }

    #[test]
    fn the_channel_decides_the_status() {
        let c = catalog();
        let q =
            ListQuery::parse(Some("99999"), None, None, None, Some("portal"), None).expect("valid");
        let list = c.procedure_list(&q).expect("listed");
        let mut got = statuses(&list);
        got.sort_unstable();
        assert_eq!(
            got,
            vec![
                ("1.000656", Some("published")),
                ("1.000894", Some("published")),
                ("1.001193", Some("published")),
                ("2.000001", Some("missing")),
                ("2.000908", Some("published")),
            ]
        );
    }

    #[test]
    fn filters_by_field_and_status() {
        let c = catalog();
        let q = ListQuery::parse(Some("99999"), None, Some("ho-tich"), None, None, None)
            .expect("valid");
        let list = c.procedure_list(&q).expect("listed");
        assert!(list.iter().all(|r| r.field_code == "ho-tich"));
        assert_eq!(list.len(), 3);
        assert!(list.iter().all(|r| r.field_name == "Hộ tịch"));
        assert!(list.iter().all(|r| r.field_name_en == Some("Civil status")));

        let q = ListQuery::parse(Some("99999"), None, None, Some("missing"), None, None)
            .expect("valid");
        let mut got = codes(&c.procedure_list(&q).expect("listed"));
        got.sort_unstable();
        assert_eq!(got, vec!["1.000656", "2.000908"]);
    }

    #[test]
    fn level_list_is_every_procedure_in_force_without_status() {
        let c = catalog();
        let list = c
            .procedure_list(&query(None, Some("commune")))
            .expect("listed");
        let mut got = codes(&list);
        got.sort_unstable();
        // Not the abolished 1.005000 nor 1.006000 (effective 2027); 1.003000 is removed only
        // for unit 99999.
        assert_eq!(
            got,
            vec!["1.000656", "1.000894", "1.001193", "1.003000", "2.000908"]
        );
        assert!(list.iter().all(|r| r.status.is_none()));
        // Another day, other procedures.
        let q = ListQuery::parse(None, Some("commune"), None, None, None, Some("2027-06-01"))
            .expect("valid");
        assert!(codes(&c.procedure_list(&q).expect("listed")).contains(&"1.006000".to_owned()));
        // Neither unit nor level: everything in force.
        assert_eq!(
            c.procedure_list(&ListQuery::default())
                .expect("listed")
                .len(),
            7
        );
    }

    #[test]
    fn sorted_by_field_name_then_procedure_name() {
        let c = catalog();
        let list = c.procedure_list(&query(None, None)).expect("listed");
        let keys: Vec<(Vec<u8>, Vec<u8>)> = list
            .iter()
            .map(|r| (sort_key(r.field_name), sort_key(r.name)))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        // Each field forms one contiguous group.
        let mut seen: Vec<&str> = Vec::new();
        for r in &list {
            if seen.last() != Some(&r.field_code) {
                assert!(
                    !seen.contains(&r.field_code),
                    "field {} split",
                    r.field_code
                );
                seen.push(r.field_code);
            }
        }
    }

    #[test]
    fn a_precomputed_order_gives_the_same_lists() {
        let c = catalog();
        let order = ListOrder::new(&c);
        for q in [
            query(None, None),
            query(None, Some("commune")),
            query(Some("99999"), None),
            ListQuery::parse(
                Some("99999"),
                None,
                None,
                Some("missing"),
                Some("portal"),
                None,
            )
            .expect("valid"),
        ] {
            assert_eq!(
                c.procedure_list(&q).expect("listed"),
                c.procedure_list_with(&q, &order).expect("listed")
            );
        }
        // An order of another catalogue does not panic.
        let other = ListOrder::new(&Catalog::an_bien_2018());
        assert_eq!(
            c.procedure_list_with(&query(None, None), &other)
                .expect("listed")
                .len(),
            7
        );
    }

    #[test]
    fn vietnamese_order_of_fields() {
        // Chứng thực < Dân tộc < Đất đai < Hộ tịch: đ sorts after d and before e, which
        // code-point order gets wrong.
        let c = catalog();
        let list = c.procedure_list(&query(None, None)).expect("listed");
        let mut fields: Vec<&str> = list.iter().map(|r| r.field_code).collect();
        fields.dedup();
        assert_eq!(fields, vec!["chung-thuc", "dan-toc", "dat-dai", "ho-tich"]);
    }

    #[test]
    fn reported_units_list_without_status() {
        let c = catalog();
        let list = c
            .procedure_list(&query(Some("99998"), None))
            .expect("listed");
        assert_eq!(list.len(), 5);
        assert!(list.iter().all(|r| r.status.is_none()));
        let an_bien = Catalog::an_bien_2018();
        assert!(an_bien
            .procedure_list(&query(Some("908"), None))
            .expect("listed")
            .is_empty());
    }

    #[test]
    fn bad_arguments_are_typed_errors_with_a_path() {
        let c = catalog();
        let err = |q: &ListQuery| -> (String, String) {
            let e = c.procedure_list(q).expect_err("an error");
            assert!(matches!(e, Error::Argument(_)));
            (e.code().to_owned(), e.path().to_owned())
        };
        assert_eq!(
            err(&query(Some("12345"), None)),
            ("unknown_unit".into(), "unit".into())
        );
        assert_eq!(
            err(&ListQuery::parse(Some("99999"), None, Some("x"), None, None, None).expect("ok")),
            ("unknown_field".into(), "field".into())
        );
        assert_eq!(
            err(&query(Some("99999"), Some("province"))),
            ("bad_value".into(), "level".into())
        );
        assert_eq!(
            err(
                &ListQuery::parse(None, Some("commune"), None, Some("missing"), None, None)
                    .expect("ok")
            ),
            ("bad_value".into(), "status".into())
        );
        let parse_err = |r: Result<ListQuery, Error>| -> (String, String) {
            let e = r.expect_err("an error");
            (e.code().to_owned(), e.path().to_owned())
        };
        assert_eq!(
            parse_err(ListQuery::parse(None, Some("xã"), None, None, None, None)),
            ("unknown_level".into(), "level".into())
        );
        assert_eq!(
            parse_err(ListQuery::parse(None, None, None, Some("ok"), None, None)),
            ("bad_value".into(), "status".into())
        );
        assert_eq!(
            parse_err(ListQuery::parse(None, None, None, None, Some("fax"), None)),
            ("unknown_channel".into(), "channel".into())
        );
        assert_eq!(
            parse_err(ListQuery::parse(
                None,
                None,
                None,
                None,
                None,
                Some("2026-02-30")
            )),
            ("bad_date".into(), "as_of".into())
        );
    }
}
