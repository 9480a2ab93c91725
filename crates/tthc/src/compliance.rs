//! Compliance: applicable, published, outdated and missing procedures per unit and channel,
//! per field, groups of a level inside a parent, and ranking — exactly as `format.md` §2–3.
//!
//! One pass over the catalogue. Per unit the work is proportional to its postings plus its
//! applicable procedures; a per-procedure stamp array replaces per-unit hash sets, so no memory
//! is allocated per posting.

pub mod columns;
mod lists;
mod view;

pub(crate) use lists::{List, Lists};
pub use view::{FieldRow, GroupRow, ReportView, UnitRow, WarningRow};

use crate::catalog::{Catalog, DecisionId, FieldId, ProcId, Scope, UnitId};
use crate::error::{Code, Error};
use crate::model::vocab::{vocabulary, Vocabulary};
use crate::model::{Channel, Date, Level};
use crate::rate::{mean_permille, Rate};

/// What to compute: the channel and the day.
///
/// The day is `as_of`, else the document's `as_of`, else `today`. `today` is the clock seam:
/// [`ComplianceOptions::default`] reads the system clock (today in Vietnam, UTC+7), which only
/// native targets have; on `wasm32` there is no `Default` and no system clock (a compile
/// error, never a silent 1970-01-01), so the browser binding passes its own day with
/// [`ComplianceOptions::on`] ([`Date::from_unix_millis`] turns `Date.now()` into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplianceOptions {
    /// The channel (default `one_stop_shop`).
    pub channel: Channel,
    /// The day; default the document's `as_of`, else `today`.
    pub as_of: Option<Date>,
    /// Today, in Vietnam: the day used when neither `as_of` nor the document gives one.
    pub today: Date,
    /// Freshness: a published posting whose last known day (`checked`, else `on`) is more than
    /// this many days before the report's day is stale, one with neither is unchecked; each
    /// unit then lists its stale codes and counts its unchecked postings. `None` (the
    /// default): no freshness figures. At least 1 ([`ComplianceOptions::with_stale_after`]).
    pub stale_after: Option<u32>,
}

#[cfg(not(target_family = "wasm"))]
impl Default for ComplianceOptions {
    /// Channel `one_stop_shop`, no `as_of`, today from the system clock.
    fn default() -> Self {
        ComplianceOptions::on(Date::today())
    }
}

impl ComplianceOptions {
    /// Channel `one_stop_shop`, no `as_of`, and `today` as the fallback day.
    pub fn on(today: Date) -> Self {
        ComplianceOptions {
            channel: Channel::OneStopShop,
            as_of: None,
            today,
            stale_after: None,
        }
    }

    /// The options with `stale_after` set (whole days ≥ 1; `None` unsets it); another number
    /// is the argument error `bad_value` at path `stale_after`.
    ///
    /// ```
    /// let o = tthc::ComplianceOptions::on(tthc::Date::MIN).with_stale_after(Some(90))?;
    /// assert_eq!(o.stale_after, Some(90));
    /// let err = o.with_stale_after(Some(0)).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("bad_value", "stale_after"));
    /// # Ok::<(), tthc::Error>(())
    /// ```
    pub fn with_stale_after(self, days: Option<i64>) -> Result<Self, Error> {
        let stale_after = match days {
            None => None,
            Some(d) => Some(u32::try_from(d).ok().filter(|d| *d >= 1).ok_or_else(|| {
                Error::Argument(crate::Problem::new(
                    Code::BadValue,
                    "stale_after",
                    format!("`{d}` is not a number of days (a whole number, at least 1)"),
                ))
            })?),
        };
        Ok(ComplianceOptions {
            stale_after,
            ..self
        })
    }

    /// The day used: `as_of`, else the catalogue's `as_of`, else `today`.
    pub fn day(&self, catalog: &Catalog) -> Date {
        self.as_of.or(catalog.as_of()).unwrap_or(self.today)
    }

    /// Options from the names used by the CLI and the bindings (`"portal"`, `"2018-12-31"`),
    /// with `today` from the system clock; each bad value is the argument error whose path
    /// names the argument (`channel`, `as_of`).
    #[cfg(not(target_family = "wasm"))]
    pub fn parse(channel: Option<&str>, as_of: Option<&str>) -> Result<Self, Error> {
        ComplianceOptions::parse_on(Date::today(), channel, as_of)
    }

    /// [`ComplianceOptions::parse`] with `today` given (the browser's day).
    pub fn parse_on(
        today: Date,
        channel: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<Self, Error> {
        Ok(ComplianceOptions {
            channel: channel
                .map(Channel::parse_arg)
                .transpose()?
                .unwrap_or_default(),
            as_of: as_of.map(|d| Date::parse_at(d, "as_of")).transpose()?,
            today,
            stale_after: None,
        })
    }
}

/// Where a unit's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Counted from item-level postings.
    Items,
    /// Taken from a reported figure (a yearly report).
    Reported,
    /// A group whose units have both.
    Mixed,
}

impl Basis {
    /// `items`, `reported` or `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Items => "items",
            Basis::Reported => "reported",
            Basis::Mixed => "mixed",
        }
    }
}

impl Vocabulary for Basis {
    const ALL: &'static [Self] = &[Basis::Items, Basis::Reported, Basis::Mixed];
    const NOUN: &'static str = "basis";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Basis);

/// Figures of one field for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldCompliance {
    /// The field.
    pub field: FieldId,
    /// Applicable procedures of the field.
    pub applicable: u32,
    /// Published ones.
    pub published: u32,
}

impl FieldCompliance {
    /// published / applicable.
    pub fn rate(&self) -> Option<Rate> {
        Rate::new(self.published, self.applicable)
    }
}

/// Figures of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCompliance {
    /// The unit.
    pub unit: UnitId,
    /// Counted from items or reported.
    pub basis: Basis,
    /// Reported as "khoảng" (about).
    pub approximate: bool,
    /// Applicable procedures (unknown for some reports).
    pub applicable: Option<u32>,
    /// Published procedures.
    pub published: Option<u32>,
    /// Postings older than the procedure's last amendment.
    pub outdated: Option<u32>,
    /// Distinct fields among applicable procedures.
    pub fields: Option<u32>,
    /// Distinct fields among published procedures.
    pub fields_published: Option<u32>,
    /// published / applicable.
    pub rate: Option<Rate>,
    /// Competition rank among units of the same level (1, 2, 2, 4); none without a rate.
    pub rank: Option<u32>,
    /// Applicable procedures neither published nor outdated, in document order.
    pub missing: Vec<ProcId>,
    /// Outdated procedures, in document order.
    pub outdated_procedures: Vec<ProcId>,
    /// Per field with at least one applicable procedure, in field order.
    pub by_field: Vec<FieldCompliance>,
    /// `D(u, d)`: the decisions that set the unit's applicable list, in the order they apply;
    /// empty when the procedures' levels alone do (`applicability` `levels`).
    pub decisions: Vec<DecisionId>,
    /// With `stale_after`: published procedures whose posting was last known to be there more
    /// than `stale_after` days before the report's day, in document order.
    pub stale: Option<Vec<ProcId>>,
    /// With `stale_after`: published procedures whose posting has neither `on` nor `checked`.
    pub unchecked: Option<u32>,
    /// Whether the unit exists on the report's day (within its `valid_from`..`valid_to`).
    /// Units that do not are never ranked; their `successors` say which units took over.
    pub current: bool,
}

impl UnitCompliance {
    /// `levels` when the procedures' levels alone set what applies, `decisions` when
    /// publishing decisions do.
    pub fn applicability(&self) -> &'static str {
        if self.decisions.is_empty() {
            "levels"
        } else {
            "decisions"
        }
    }
}

/// Figures of the units of one level inside one parent (e.g. the communes of district 908).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCompliance {
    /// The parent unit.
    pub parent: UnitId,
    /// The level of the units.
    pub level: Level,
    /// How many units.
    pub units: u32,
    /// Items, reported or mixed.
    pub basis: Basis,
    /// Whether any unit's figures are approximate.
    pub approximate: bool,
    /// Σ applicable, when every unit has an exact figure.
    pub applicable: Option<u32>,
    /// Σ published, when every unit has an exact figure.
    pub published: Option<u32>,
    /// Pooled rate Σ published / Σ applicable.
    pub rate: Option<Rate>,
    /// Smallest unit rate, in tenths of a percent.
    pub min_permille: Option<u64>,
    /// Largest unit rate, in tenths of a percent.
    pub max_permille: Option<u64>,
    /// Mean of the exact unit rates (units without a rate left out), rounded once.
    pub mean_permille: Option<u64>,
    /// `[smallest, largest]` applicable per unit.
    pub applicable_per_unit: Option<[u32; 2]>,
    /// `[smallest, largest]` published per unit.
    pub published_per_unit: Option<[u32; 2]>,
    /// `[smallest, largest]` fields published per unit.
    pub fields_published_per_unit: Option<[u32; 2]>,
}

/// A posting that does not count, or a report that was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `posted_unknown`, `posted_not_applicable`, `posted_twice`, `posted_after_as_of` or
    /// `report_superseded`.
    pub code: &'static str,
    /// The unit.
    pub unit: UnitId,
    /// The procedure as posted (none for `report_superseded`).
    pub procedure: Option<Posted>,
}

/// What a posting named: a procedure of the catalogue, or a code it does not define.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// A procedure of the catalogue.
    Procedure(ProcId),
    /// A code the catalogue does not define.
    Unknown(String),
}

impl Posted {
    /// The code as posted.
    pub fn code<'a>(&'a self, catalog: &'a Catalog) -> &'a str {
        match self {
            Posted::Procedure(p) => catalog.procedure(*p).code.as_str(),
            Posted::Unknown(c) => c,
        }
    }
}

/// A compliance report for one channel and one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compliance {
    /// The day used.
    pub as_of: Date,
    /// The channel.
    pub channel: Channel,
    /// One entry per unit, in document order.
    pub units: Vec<UnitCompliance>,
    /// One entry per (parent, child level), in document order of the parents.
    pub groups: Vec<GroupCompliance>,
    /// Postings that did not count.
    pub warnings: Vec<Warning>,
}

impl Compliance {
    /// The entry of the unit with this code.
    pub fn unit_by_code(&self, catalog: &Catalog, code: &str) -> Option<&UnitCompliance> {
        let id = catalog.unit_id(code)?;
        self.units.get(id.0 as usize)
    }
}

/// Posting states kept per procedure while a unit is scanned (low two bits of a stamp):
/// posted but not yet (dated after as_of), outdated, published.
pub(crate) const POSTED: u32 = 1;
pub(crate) const OUTDATED: u32 = 2;
pub(crate) const PUBLISHED: u32 = 3;

impl Catalog {
    /// Compute the compliance report for a channel and a day.
    pub fn compliance(&self, options: &ComplianceOptions) -> Compliance {
        let as_of = options.day(self);
        let channel = options.channel;
        let mut warnings = Vec::new();
        let mut scan = Scan::new(self, as_of, options.stale_after);
        let reported = reported_figures(self, channel);
        let mut units = Vec::with_capacity(self.units().len());
        for (i, unit) in self.units().iter().enumerate() {
            let id = UnitId(i as u32);
            let postings = unit.postings(channel);
            match reported[i] {
                Some(report) if !postings.is_given() => {
                    let fresh = options.stale_after.is_some();
                    let mut row = report.into_unit(id, scan.decisions_of(id), fresh);
                    row.current = unit.valid_on(as_of);
                    units.push(row);
                }
                other => {
                    if other.is_some() {
                        warnings.push(Warning {
                            code: "report_superseded",
                            unit: id,
                            procedure: None,
                        });
                    }
                    units.push(scan.unit(id, channel, &mut warnings));
                }
            }
        }
        rank(self, &mut units);
        let groups = groups(self, &units);
        Compliance {
            as_of,
            channel,
            units,
            groups,
            warnings,
        }
    }
}

impl Catalog {
    /// One unit's figures, computed alone (no ranking, no groups, no warnings), with its
    /// applicable procedures in id order — the same rule and the same numbers as
    /// [`Catalog::compliance`], for callers that need a single unit (procedure lists).
    pub fn unit_compliance(
        &self,
        unit: UnitId,
        options: &ComplianceOptions,
    ) -> (UnitCompliance, Vec<ProcId>) {
        let mut scan = Scan::new(self, options.day(self), options.stale_after);
        let items = scan.unit(unit, options.channel, &mut Vec::new());
        let applicable = scan.last_applicable(self.unit(unit));
        let given = self.unit(unit).postings(options.channel).is_given();
        let figures = match reported_figure(self, options.channel, unit) {
            Some(report) if !given => {
                let mut row =
                    report.into_unit(unit, items.decisions, options.stale_after.is_some());
                row.current = items.current;
                row
            }
            _ => items,
        };
        (figures, applicable)
    }
}

impl Catalog {
    /// One unit's row of the report, computed alone (the same figures as its row in
    /// [`Catalog::compliance`], except `rank`, which is `None`: a rank needs every unit of the
    /// level). An unknown code is the argument error `unknown_unit` at path `unit`.
    pub fn unit_report(
        &self,
        code: &str,
        options: &ComplianceOptions,
    ) -> Result<UnitRow<'_>, Error> {
        let id = self.unit_id(code).ok_or_else(|| {
            Error::Argument(crate::Problem::new(
                Code::UnknownUnit,
                "unit",
                format!("the document defines no unit `{code}`"),
            ))
        })?;
        let (figures, _) = self.unit_compliance(id, options);
        Ok(UnitRow::new(self, &figures))
    }
}

/// Reported figures that apply to a unit (its own report, or its district's `each_commune`).
#[derive(Debug, Clone, Copy)]
struct Reported {
    applicable: Option<u32>,
    published: Option<u32>,
    fields: Option<u32>,
    fields_published: Option<u32>,
    approximate: bool,
}

impl Reported {
    fn into_unit(self, unit: UnitId, decisions: Vec<DecisionId>, fresh: bool) -> UnitCompliance {
        UnitCompliance {
            unit,
            basis: Basis::Reported,
            approximate: self.approximate,
            applicable: self.applicable,
            published: self.published,
            outdated: Some(0),
            fields: self.fields,
            fields_published: self.fields_published,
            rate: self.applicable.and_then(|a| Rate::new(self.published?, a)),
            rank: None,
            missing: Vec::new(),
            outdated_procedures: Vec::new(),
            by_field: Vec::new(),
            decisions,
            stale: fresh.then(Vec::new),
            unchecked: fresh.then_some(0),
            current: true,
        }
    }
}

fn reported_figures(catalog: &Catalog, channel: Channel) -> Vec<Option<Reported>> {
    let mut out: Vec<Option<Reported>> = vec![None; catalog.units().len()];
    each_reported(catalog, channel, |u, r| out[u.0 as usize] = Some(r));
    out
}

/// The reported figures of one unit: [`reported_figures`]' rule for the unit alone, without
/// a vector of every unit's (the WebAssembly widget's module computes only this).
fn reported_figure(catalog: &Catalog, channel: Channel, unit: UnitId) -> Option<Reported> {
    let mut out = None;
    each_reported(catalog, channel, |u, r| {
        if u == unit {
            out = Some(r);
        }
    });
    out
}

/// Calls `put(unit, figures)` for each unit a report of `channel` applies to, in an order where
/// the last call for a unit is the figures that count (a commune's own report after its
/// district's `each_commune`).
fn each_reported(catalog: &Catalog, channel: Channel, mut put: impl FnMut(UnitId, Reported)) {
    let figures = |r: &crate::catalog::Report| Reported {
        applicable: r.procedures,
        published: r.published,
        fields: r.fields,
        fields_published: r.fields_published,
        approximate: r.approximate,
    };
    // Figures for each commune first, so a commune's own report wins.
    for r in catalog.reports().iter().filter(|r| r.channel == channel) {
        if r.scope == Scope::EachCommune {
            let mut stack = vec![r.unit];
            while let Some(u) = stack.pop() {
                for &c in catalog.children(u) {
                    if catalog.unit(c).level == Level::Commune {
                        put(c, figures(r));
                    }
                    stack.push(c);
                }
            }
        }
    }
    for r in catalog.reports().iter().filter(|r| r.channel == channel) {
        if r.scope == Scope::Own {
            put(r.unit, figures(r));
        }
    }
}

/// Applicable lists and scratch space reused across units.
///
/// Most units have no `applies` overrides: for them the applicable list and the per-field
/// applicable counts are those of their list (their level's, or the one their decisions
/// give), computed once; only their postings are walked, plus one pass over the list for the
/// missing codes.
pub(crate) struct Scan<'c> {
    catalog: &'c Catalog,
    as_of: Date,
    /// `stale_after` in days, when freshness is asked for.
    stale_after: Option<u32>,
    /// Per procedure, for the unit being scanned: `(stamp, last known day of its freshest
    /// published posting, as days since 1970, or `i64::MIN` when none has a day)`.
    fresh: Vec<(u32, i64)>,
    lists: Lists<'c>,
    /// `stamp << 2 | state` per procedure for the unit being scanned.
    mark: Vec<u32>,
    /// `stamp << 2 | 1` for added, `| 2` for removed procedures of the unit being scanned.
    overrides: Vec<u32>,
    stamp: u32,
    /// Reused buffer for the applicable procedures of a unit with overrides.
    scratch: Vec<ProcId>,
    /// The list of the unit scanned last, and whether it had no `applies` overrides.
    last_list: u32,
    last_plain: bool,
    /// Each procedure's last amendment, copied out for locality (its field: `lists.field_of`).
    amended: Vec<Option<Date>>,
    /// Per field, for the unit being scanned (reset after each unit).
    field_applicable: Vec<u32>,
    field_published: Vec<u32>,
}

/// Counts of one unit's postings by state, kept while its postings are walked.
#[derive(Default)]
struct Tally {
    published: u32,
    outdated: u32,
}

impl<'c> Scan<'c> {
    pub(crate) fn new(catalog: &'c Catalog, as_of: Date, stale_after: Option<u32>) -> Self {
        let n = catalog.procedures().len();
        let f = catalog.fields().len();
        Scan {
            catalog,
            as_of,
            stale_after,
            fresh: if stale_after.is_some() {
                vec![(0, i64::MIN); n]
            } else {
                Vec::new()
            },
            lists: Lists::new(catalog, as_of),
            mark: vec![0; n],
            overrides: vec![0; n],
            stamp: 0,
            scratch: Vec::new(),
            last_list: 0,
            last_plain: true,
            amended: lists::amendments(catalog),
            field_applicable: vec![0; f],
            field_published: vec![0; f],
        }
    }

    /// The applicable procedures of the unit [`Scan::unit`] scanned last, in id order.
    pub(crate) fn last_applicable(&self, unit: &crate::catalog::Unit) -> Vec<ProcId> {
        if unit.applies_add.is_empty() && unit.applies_remove.is_empty() {
            self.lists.get(self.last_list).procs.clone()
        } else {
            self.scratch.clone()
        }
    }

    /// The posting state of procedure `p` for the unit [`Scan::unit`] scanned last:
    /// [`PUBLISHED`], [`OUTDATED`], [`POSTED`] (posted after as_of) or 0 (not posted, or not
    /// applicable).
    #[inline]
    pub(crate) fn last_state(&self, p: ProcId) -> u32 {
        let m = self.mark[p.0 as usize];
        if m >> 2 == self.stamp {
            m & 3
        } else {
            0
        }
    }

    /// Whether procedure `p` applied to the unit [`Scan::unit`] scanned last.
    #[inline]
    pub(crate) fn last_applies(&self, p: ProcId) -> bool {
        self.applies(
            p.0 as usize,
            self.lists.get(self.last_list),
            self.last_plain,
        )
    }

    /// Whether procedure `p` applies to the unit being scanned, whose list is `list`.
    #[inline]
    fn applies(&self, p: usize, list: &List, plain: bool) -> bool {
        if !plain {
            let o = self.overrides[p];
            if o >> 2 == self.stamp {
                return o & 3 == 1;
            }
        }
        list.contains(p)
    }

    pub(crate) fn unit(
        &mut self,
        id: UnitId,
        channel: Channel,
        warnings: &mut Vec<Warning>,
    ) -> UnitCompliance {
        let unit = self.catalog.unit(id);
        self.stamp += 1;
        let s = self.stamp << 2;
        let plain = unit.applies_add.is_empty() && unit.applies_remove.is_empty();
        for &p in &unit.applies_add {
            self.overrides[p.0 as usize] = s | 1;
        }
        for &p in &unit.applies_remove {
            self.overrides[p.0 as usize] = s | 2;
        }
        let li = self.lists.of(id);
        self.last_list = li;
        self.last_plain = plain;
        let base = self.lists.get(li);
        let amended: &[Option<Date>] = base.amended.as_deref().unwrap_or(&self.amended);
        let postings = unit.postings(channel);
        let (ids, mut dates) = (postings.ids(), postings.dates());
        let mut checked = postings.checked_days();
        let fresh = self.stale_after.is_some();
        let mut warn = |code: &'static str, p: Posted| {
            warnings.push(Warning {
                code,
                unit: id,
                procedure: Some(p),
            });
        };
        let mut tally = Tally::default();
        for (k, &p) in ids.iter().enumerate() {
            let pi = p.0 as usize;
            let on = match dates.first() {
                Some(&(at, d)) if at as usize == k => {
                    dates = &dates[1..];
                    Some(d)
                }
                _ => None,
            };
            if !self.applies(pi, base, plain) {
                if fresh && checked.first().is_some_and(|&(at, _)| at as usize == k) {
                    checked = &checked[1..];
                }
                warn("posted_not_applicable", Posted::Procedure(p));
                continue;
            }
            let state = match posting_state(on, amended[pi], self.as_of) {
                PostingState::AfterAsOf => {
                    warn("posted_after_as_of", Posted::Procedure(p));
                    POSTED
                }
                PostingState::Outdated => OUTDATED,
                PostingState::Current => PUBLISHED,
            };
            if fresh {
                let seen = match checked.first() {
                    Some(&(at, d)) if at as usize == k => {
                        checked = &checked[1..];
                        Some(d)
                    }
                    _ => None,
                };
                if state == PUBLISHED {
                    let day = seen.or(on).map_or(i64::MIN, Date::days_since_epoch);
                    let slot = &mut self.fresh[pi];
                    *slot = if slot.0 == self.stamp {
                        (self.stamp, slot.1.max(day))
                    } else {
                        (self.stamp, day)
                    };
                }
            }
            let m = self.mark[pi];
            let prev = if m >> 2 == self.stamp {
                warn("posted_twice", Posted::Procedure(p));
                m & 3
            } else {
                0
            };
            let new = prev.max(state);
            self.mark[pi] = s | new;
            if new != prev {
                match prev {
                    OUTDATED => tally.outdated -= 1,
                    PUBLISHED => tally.published -= 1,
                    _ => {}
                }
                match new {
                    OUTDATED => tally.outdated += 1,
                    PUBLISHED => {
                        tally.published += 1;
                        self.field_published[self.lists.field_of[pi] as usize] += 1;
                    }
                    _ => {}
                }
            }
        }
        for u in postings.unknown() {
            warn("posted_unknown", Posted::Unknown(u.code.clone()));
        }
        // The applicable list: the unit's list, or (with overrides) filtered and extended.
        let mut list = std::mem::take(&mut self.scratch);
        if !plain {
            list.clear();
            list.extend(
                base.procs
                    .iter()
                    .copied()
                    .filter(|p| self.applies(p.0 as usize, base, false)),
            );
            let before = list.len();
            list.extend(unit.applies_add.iter().copied().filter(|p| {
                !base.contains(p.0 as usize) && self.applies(p.0 as usize, base, false)
            }));
            if list.len() > before {
                list.sort_unstable();
            }
        }
        let applicable_list: &[ProcId] = if plain { &base.procs } else { &list };
        let mut missing = Vec::with_capacity(
            applicable_list
                .len()
                .saturating_sub(tally.published as usize),
        );
        let mut outdated_procedures = Vec::with_capacity(tally.outdated as usize);
        let (mut stale, mut unchecked) = (Vec::new(), 0u32);
        let today = self.as_of.days_since_epoch();
        for &p in applicable_list {
            let m = self.mark[p.0 as usize];
            match if m >> 2 == self.stamp { m & 3 } else { 0 } {
                PUBLISHED => {
                    if let Some(limit) = self.stale_after {
                        let (_, day) = self.fresh[p.0 as usize];
                        if day == i64::MIN {
                            unchecked += 1;
                        } else if today - day > i64::from(limit) {
                            stale.push(p);
                        }
                    }
                }
                OUTDATED => outdated_procedures.push(p),
                _ => missing.push(p),
            }
        }
        let applicable = applicable_list.len() as u32;
        // Per field: the list's counts, or (with overrides) counted from the unit's list.
        let mut by_field = Vec::new();
        if plain {
            by_field.reserve(base.fields.len());
            for &(f, a) in &base.fields {
                let fp = &mut self.field_published[f.0 as usize];
                by_field.push(FieldCompliance {
                    field: f,
                    applicable: a,
                    published: std::mem::take(fp),
                });
            }
        } else {
            let mut touched: Vec<FieldId> = Vec::new();
            for &p in &list {
                let f = self.lists.field_of[p.0 as usize] as usize;
                if self.field_applicable[f] == 0 {
                    touched.push(FieldId(f as u32));
                }
                self.field_applicable[f] += 1;
            }
            touched.sort_unstable();
            for f in touched {
                let fi = f.0 as usize;
                by_field.push(FieldCompliance {
                    field: f,
                    applicable: std::mem::take(&mut self.field_applicable[fi]),
                    published: std::mem::take(&mut self.field_published[fi]),
                });
            }
            // Fields published only through procedures outside the list cannot exist: postings
            // of non-applicable procedures were not counted.
        }
        let decisions = base.decisions.clone();
        self.scratch = list;
        let fields_published = by_field.iter().filter(|f| f.published > 0).count() as u32;
        UnitCompliance {
            unit: id,
            basis: Basis::Items,
            approximate: false,
            applicable: Some(applicable),
            published: Some(tally.published),
            outdated: Some(tally.outdated),
            fields: Some(by_field.len() as u32),
            fields_published: Some(fields_published),
            rate: Rate::new(tally.published, applicable),
            rank: None,
            missing,
            outdated_procedures,
            by_field,
            decisions,
            stale: fresh.then_some(stale),
            unchecked: fresh.then_some(unchecked),
            current: unit.valid_on(self.as_of),
        }
    }

    /// `D(u, d)` of a unit: the decisions that set its list, in the order they apply.
    pub(crate) fn decisions_of(&mut self, id: UnitId) -> Vec<DecisionId> {
        let li = self.lists.of(id);
        self.lists.get(li).decisions.clone()
    }
}

/// Competition ranking by rate among the current units of the same level (units outside
/// their `valid_from`..`valid_to` on the day are not ranked).
fn rank(catalog: &Catalog, units: &mut [UnitCompliance]) {
    for level in [Level::Province, Level::District, Level::Commune] {
        let mut ranked: Vec<(usize, Rate)> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.current && catalog.unit(u.unit).level == level)
            .filter_map(|(i, u)| u.rate.map(|r| (i, r)))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp_value(a.1).then(a.0.cmp(&b.0)));
        let mut current = 0;
        for k in 0..ranked.len() {
            if k == 0 || ranked[k].1.cmp_value(ranked[k - 1].1).is_ne() {
                current = k as u32 + 1;
            }
            units[ranked[k].0].rank = Some(current);
        }
    }
}

fn min_max(values: impl Iterator<Item = u32>) -> Option<[u32; 2]> {
    values.fold(None, |acc, v| match acc {
        None => Some([v, v]),
        Some([lo, hi]) => Some([lo.min(v), hi.max(v)]),
    })
}

fn groups(catalog: &Catalog, units: &[UnitCompliance]) -> Vec<GroupCompliance> {
    let mut out = Vec::new();
    for (i, _) in catalog.units().iter().enumerate() {
        let parent = UnitId(i as u32);
        let children = catalog.children(parent);
        for level in [Level::Province, Level::District, Level::Commune] {
            let members: Vec<&UnitCompliance> = children
                .iter()
                .filter(|c| catalog.unit(**c).level == level)
                .map(|c| &units[c.0 as usize])
                .collect();
            if !members.is_empty() {
                out.push(group(parent, level, &members));
            }
        }
    }
    out
}

fn group(parent: UnitId, level: Level, members: &[&UnitCompliance]) -> GroupCompliance {
    let items = members.iter().filter(|u| u.basis == Basis::Items).count();
    let basis = match items {
        0 => Basis::Reported,
        n if n == members.len() => Basis::Items,
        _ => Basis::Mixed,
    };
    let approximate = members.iter().any(|u| u.approximate);
    let exact_sum = |get: fn(&UnitCompliance) -> Option<u32>| -> Option<u32> {
        if approximate {
            return None;
        }
        members
            .iter()
            .try_fold(0u32, |acc, u| get(u).and_then(|v| acc.checked_add(v)))
    };
    let applicable = exact_sum(|u| u.applicable);
    let published = exact_sum(|u| u.published);
    let rates: Vec<Rate> = members.iter().filter_map(|u| u.rate).collect();
    let permilles = rates.iter().map(|r| r.permille());
    GroupCompliance {
        parent,
        level,
        units: members.len() as u32,
        basis,
        approximate,
        applicable,
        published,
        rate: applicable.and_then(|a| Rate::new(published?, a)),
        min_permille: permilles.clone().min(),
        max_permille: permilles.max(),
        mean_permille: mean_permille(&rates),
        applicable_per_unit: min_max(members.iter().filter_map(|u| u.applicable)),
        published_per_unit: min_max(members.iter().filter_map(|u| u.published)),
        fields_published_per_unit: min_max(members.iter().filter_map(|u| u.fields_published)),
    }
}

/// The state of one posting of an applicable procedure on `as_of` — the one rule of
/// `format.md` §2 and the choices below it, shared by the report and the Parquet export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PostingState {
    /// Posted after `as_of`: it does not count (a `posted_after_as_of` warning in the report).
    AfterAsOf,
    /// Posted before an amendment that took effect on or before `as_of`.
    Outdated,
    /// Posted (with no date, or on a day no later amendment has overtaken).
    Current,
}

/// [`PostingState`] of a posting made `on` (if dated) of a procedure `amended` (if ever).
#[inline]
pub(crate) fn posting_state(on: Option<Date>, amended: Option<Date>, as_of: Date) -> PostingState {
    match on {
        Some(d) if d > as_of => PostingState::AfterAsOf,
        Some(d) if amended.is_some_and(|a| d < a && a <= as_of) => PostingState::Outdated,
        _ => PostingState::Current,
    }
}
