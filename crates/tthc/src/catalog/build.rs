//! Validation of a [`Document`] into a [`Catalog`], and back.

use std::borrow::Cow;
use std::fmt;

use super::{
    Action, Catalog, CodeMap, CodeTable, Decision, DecisionItem, DecisionScope, Field, FieldId,
    Index, Postings, ProcId, Procedure, Report, Scope, Unit, UnitId,
};
use crate::document::{
    DocApplies, DocDecision, DocField, DocItem, DocPosting, DocProcedure, DocPublished, DocReport,
    DocScope, DocUnit, Document,
};
use crate::error::{Code, Error, Problem};
use crate::model::{Channel, Level, LevelSet, Online, ProcedureCode, Vocabulary};

/// Items that already have a structural problem: `(section, index)`, sorted (looked up only
/// when a problem is found: no hash set needed).
type Tainted = Vec<(&'static str, usize)>;

/// The JSON pointer of a key of an item: `/units/3/code`.
fn at(section: &str, i: usize, key: &str) -> String {
    format!("/{section}/{i}/{key}")
}

/// The item (`/units/3`) a JSON pointer is inside, if any.
fn item_of(path: &str) -> Option<(&'static str, usize)> {
    let mut parts = path.split('/').skip(1);
    let (section, index) = (parts.next()?, parts.next()?);
    let i = index.parse::<usize>().ok()?;
    ["fields", "procedures", "units", "reports", "decisions"]
        .into_iter()
        .find(|s| *s == section)
        .map(|s| (s, i))
}

fn tainted_items(problems: &[Problem]) -> Tainted {
    let mut items: Tainted = problems.iter().filter_map(|p| item_of(&p.path)).collect();
    items.sort_unstable();
    items.dedup();
    items
}

struct Builder {
    problems: Vec<Problem>,
    tainted: Tainted,
}

impl Builder {
    /// Record a problem, unless its item already has a structural problem (whose placeholder
    /// values would only cause echoes of it).
    ///
    /// The message is formatted here, once for every call site, and only when it is kept.
    fn err(&mut self, code: Code, path: String, message: fmt::Arguments<'_>) {
        if !self.is_tainted(&path) {
            self.problems
                .push(Problem::new(code, path, fmt::format(message)));
        }
    }

    /// Record the problems of an error (a word parsed at a path), as [`Builder::err`] does.
    fn errs(&mut self, e: &Error) {
        for p in e.problems() {
            if !self.is_tainted(&p.path) {
                self.problems.push(p.clone());
            }
        }
    }

    fn is_tainted(&self, path: &str) -> bool {
        item_of(path).is_some_and(|item| self.tainted.binary_search(&item).is_ok())
    }
}

/// Postings the reader already resolved, per unit (document index) and channel.
pub(crate) type Resolved = Vec<[Option<Postings>; 3]>;

/// Validate and index a document. `problems` are those the reader already found; all problems
/// together are returned if there is any.
pub(super) fn build(
    doc: &Document<'_>,
    problems: Vec<Problem>,
    resolved: Resolved,
) -> Result<Catalog, Error> {
    let mut build = Build::new(problems, resolved);
    build.step(doc, usize::MAX);
    build.finish(doc)
}

/// Where a [`Build`] is: the sections are checked in document order, the big two an item at
/// a time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Fields,
    Procedures,
    Units,
    Rest,
    Done,
}

/// The validation and build of a document in slices: each [`Build::step`] checks and builds
/// a bounded number of procedures or units (fields, parents, reports and decisions in one
/// step each), so a host with one thread does other work in between; [`Build::finish`] then
/// assembles the catalogue. The same problems in the same order as one call (what `build`
/// is: one step without bound). Holds no borrow of the document: each call is given it.
pub(crate) struct Build {
    b: Builder,
    resolved: Resolved,
    phase: Phase,
    /// The next item of the section being checked.
    next: usize,
    fields: Vec<Field>,
    field_by_code: CodeMap,
    procedures: Vec<Procedure>,
    /// The procedure codes seen so far (value: unused).
    proc_seen: CodeMap,
    lookup: CodeTable,
    units: Vec<Unit>,
    unit_by_code: CodeMap,
    /// Index in the document of each unit kept, to report parent problems at the right path.
    doc_index: Vec<usize>,
    reports: Vec<Report>,
    decisions: Vec<Decision>,
    decision_by_id: CodeMap,
}

impl Build {
    /// A build of a document read with the reader's `problems` and `resolved` postings.
    pub(crate) fn new(problems: Vec<Problem>, resolved: Resolved) -> Build {
        let tainted = tainted_items(&problems);
        Build {
            b: Builder { problems, tainted },
            resolved,
            phase: Phase::Fields,
            next: 0,
            fields: Vec::new(),
            field_by_code: CodeMap::default(),
            procedures: Vec::new(),
            proc_seen: CodeMap::default(),
            lookup: CodeTable::default(),
            units: Vec::new(),
            unit_by_code: CodeMap::default(),
            doc_index: Vec::new(),
            reports: Vec::new(),
            decisions: Vec::new(),
            decision_by_id: CodeMap::default(),
        }
    }

    /// Check and build about `max_items` more items of `doc` (at least one): `true` once
    /// everything is checked (then call [`Build::finish`]). `doc` is the same at every call.
    pub(crate) fn step(&mut self, doc: &Document<'_>, max_items: usize) -> bool {
        let mut left = max_items.max(1);
        loop {
            match self.phase {
                Phase::Fields => {
                    (self.fields, self.field_by_code) = fields(&mut self.b, &doc.fields);
                    self.procedures.reserve_exact(doc.procedures.len());
                    self.phase = Phase::Procedures;
                }
                Phase::Procedures | Phase::Units if left == 0 => return false,
                Phase::Procedures if self.next < doc.procedures.len() => {
                    self.procedure(self.next, &doc.procedures[self.next]);
                    self.next += 1;
                    left -= 1;
                }
                Phase::Procedures => {
                    self.proc_seen = CodeMap::default();
                    self.lookup = CodeTable::new(
                        self.procedures
                            .iter()
                            .enumerate()
                            .map(|(i, p)| (p.code.as_str(), ProcId(i as u32))),
                    );
                    self.units.reserve_exact(doc.units.len());
                    self.next = 0;
                    self.phase = Phase::Units;
                }
                Phase::Units if self.next < doc.units.len() => {
                    self.unit(self.next, &doc.units[self.next]);
                    self.next += 1;
                    left -= 1;
                }
                Phase::Units => {
                    link_parents(
                        &mut self.b,
                        &mut self.units,
                        &self.unit_by_code,
                        &self.doc_index,
                    );
                    self.phase = Phase::Rest;
                }
                Phase::Rest => {
                    let b = &mut self.b;
                    self.reports = reports(b, &doc.reports, &self.unit_by_code, &self.units);
                    (self.decisions, self.decision_by_id) = decisions(
                        b,
                        &doc.decisions,
                        &self.lookup,
                        &self.unit_by_code,
                        &self.units,
                    );
                    self.phase = Phase::Done;
                }
                Phase::Done => return true,
            }
        }
    }

    /// What is left of the build of `doc` (the same document as at every step), then the
    /// catalogue, or every problem found.
    pub(crate) fn finish(mut self, doc: &Document<'_>) -> Result<Catalog, Error> {
        self.step(doc, usize::MAX);
        if !self.b.problems.is_empty() {
            return Err(Error::Invalid(self.b.problems));
        }
        let units = self.units;
        let mut children = vec![Vec::new(); units.len()];
        for (i, u) in units.iter().enumerate() {
            if let Some(p) = u.parent {
                children[p.0 as usize].push(UnitId(i as u32));
            }
        }
        Ok(Catalog {
            title: doc.title.as_deref().map(str::to_owned),
            as_of: doc.as_of,
            source: doc.source.as_deref().map(str::to_owned),
            fields: self.fields,
            procedures: self.procedures,
            units,
            reports: self.reports,
            decisions: self.decisions,
            index: Index {
                procedure_by_code: self.lookup,
                field_by_code: self.field_by_code,
                unit_by_code: self.unit_by_code,
                decision_by_id: self.decision_by_id,
                children,
            },
        })
    }

    /// Check the procedure `docs[i]`, and keep it when its code is good and new.
    fn procedure(&mut self, i: usize, p: &DocProcedure<'_>) {
        let b = &mut self.b;
        let path = |k: &str| at("procedures", i, k);
        // A bad or repeated code is reported, and the rest of the procedure is still checked.
        let code = ProcedureCode::parse(&p.code);
        if code.is_none() {
            b.err(Code::BadCode, path("code"), format_args!("`{}` is not a procedure code (d.dddddd, optionally followed by a local suffix such as .000.00.00.H01)", p.code));
        } else if !self.proc_seen.insert(&p.code, 0) {
            b.err(
                Code::DuplicateCode,
                path("code"),
                format_args!("procedure `{}` is defined twice", p.code),
            );
            return;
        }
        if p.name.trim().is_empty() {
            b.err(
                Code::BadValue,
                path("name"),
                format_args!("a procedure name must be non-empty"),
            );
        }
        let field = self.field_by_code.get(&p.field).map(FieldId);
        if field.is_none() {
            b.err(
                Code::UnknownField,
                path("field"),
                format_args!("field `{}` is not defined in `fields`", p.field),
            );
        }
        let mut levels = LevelSet::EMPTY;
        for (j, l) in p.levels.iter().enumerate() {
            match Level::from_word(l) {
                Some(l) => levels.insert(l),
                None => b.err(
                    Code::UnknownLevel,
                    format!("/procedures/{i}/levels/{j}"),
                    format_args!(
                        "`{l}` is not a level (central, province, district, commune, other)"
                    ),
                ),
            }
        }
        if p.levels.is_empty() {
            b.err(
                Code::BadValue,
                path("levels"),
                format_args!("a procedure needs at least one level"),
            );
        }
        let online = p.online.as_deref().and_then(|o| {
            let parsed = Online::from_word(o);
            if parsed.is_none() {
                b.err(
                    Code::BadValue,
                    path("online"),
                    format_args!("`{o}` is not an online level (full, partial, none)"),
                );
            }
            parsed
        });
        for (j, a) in p.agencies.iter().enumerate() {
            if a.trim().is_empty() {
                b.err(
                    Code::BadValue,
                    format!("/procedures/{i}/agencies/{j}"),
                    format_args!("an agency must be a non-empty name"),
                );
            }
        }
        let Some(code) = code else { return };
        self.procedures.push(Procedure {
            code,
            name: p.name.to_string(),
            field: field.unwrap_or(FieldId(0)),
            levels,
            decision: p.decision.as_deref().map(str::to_owned),
            effective: p.effective,
            amended: p.amended,
            abolished: p.abolished,
            online,
            agencies: p.agencies.iter().map(ToString::to_string).collect(),
        });
    }

    /// Check the unit `docs[i]`, and keep it when its code is good and new (its parent is
    /// linked once every unit is read).
    fn unit(&mut self, i: usize, u: &DocUnit<'_>) {
        let b = &mut self.b;
        let path = |k: &str| at("units", i, k);
        let level = match Level::from_word(&u.level) {
            Some(l) if l.is_unit_level() => Some(l),
            _ => {
                b.err(
                    Code::UnknownLevel,
                    path("level"),
                    format_args!(
                        "`{}` is not a unit level (province, district, commune)",
                        u.level
                    ),
                );
                None
            }
        };
        let digits_ok = !u.code.is_empty() && u.code.bytes().all(|c| c.is_ascii_digit());
        let width = level.and_then(Level::gso_digits);
        if !digits_ok || width.is_some_and(|d| u.code.len() != d) {
            let want = match (level, width) {
                (Some(l), Some(d)) => format!(" ({d} digits for a {l})"),
                _ => String::new(),
            };
            b.err(
                Code::BadCode,
                path("code"),
                format_args!("`{}` is not a GSO unit code{want}", u.code),
            );
            return;
        }
        if !self.unit_by_code.insert(&u.code, self.units.len() as u32) {
            b.err(
                Code::DuplicateCode,
                path("code"),
                format_args!("unit `{}` is defined twice", u.code),
            );
            return;
        }
        if u.name.trim().is_empty() {
            b.err(
                Code::BadValue,
                path("name"),
                format_args!("a unit name must be non-empty"),
            );
        }
        if let (Some(from), Some(to)) = (u.valid_from, u.valid_to) {
            if to < from {
                b.err(
                    Code::BadDate,
                    path("valid_to"),
                    format_args!("valid_to {to} is before valid_from {from}"),
                );
            }
        }
        for (j, s) in u.successors.iter().enumerate() {
            if !looks_like_gso_code(s) {
                b.err(
                    Code::BadCode,
                    format!("/units/{i}/successors/{j}"),
                    format_args!("`{s}` is not a GSO unit code"),
                );
            }
        }
        let (applies_add, applies_remove) = applies(b, i, u.applies.as_ref(), &self.lookup);
        let done = self
            .resolved
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default();
        let postings = published(&u.published, &self.lookup, done);
        self.doc_index.push(i);
        self.units.push(Unit {
            code: u.code.to_string(),
            name: u.name.to_string(),
            level: level.unwrap_or(Level::Commune),
            parent_code: u.parent.as_deref().map(str::to_owned),
            parent: None,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
            successors: u.successors.iter().map(ToString::to_string).collect(),
            applies_add,
            applies_remove,
            applies_given: u.applies.is_some(),
            postings,
        });
    }
}

fn fields(b: &mut Builder, docs: &[DocField<'_>]) -> (Vec<Field>, CodeMap) {
    let mut out = Vec::with_capacity(docs.len());
    let mut by_code = CodeMap::default();
    for (i, f) in docs.iter().enumerate() {
        let code = f.code.trim();
        if code.is_empty() || code.len() != f.code.len() {
            b.err(
                Code::BadCode,
                at("fields", i, "code"),
                format_args!("a field code must be non-empty, without surrounding spaces"),
            );
        } else if by_code.get(code).is_some() {
            b.err(
                Code::DuplicateCode,
                at("fields", i, "code"),
                format_args!("field `{code}` is defined twice"),
            );
            continue;
        }
        if f.name.trim().is_empty() {
            b.err(
                Code::BadValue,
                at("fields", i, "name"),
                format_args!("a field name must be non-empty"),
            );
        }
        by_code.set(&f.code, out.len() as u32);
        out.push(Field {
            code: f.code.to_string(),
            name: f.name.to_string(),
            name_en: f.name_en.as_deref().map(str::to_owned),
        });
    }
    (out, by_code)
}

fn applies(
    b: &mut Builder,
    i: usize,
    applies: Option<&DocApplies<'_>>,
    lookup: &CodeTable,
) -> (Vec<ProcId>, Vec<ProcId>) {
    let Some(a) = applies else {
        return (Vec::new(), Vec::new());
    };
    let mut resolve = |list: &[Cow<'_, str>], key: &str| -> Vec<ProcId> {
        let mut ids = Vec::with_capacity(list.len());
        for (j, code) in list.iter().enumerate() {
            match lookup.get(code) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => b.err(
                    Code::UnknownProcedure,
                    format!("/units/{i}/applies/{key}/{j}"),
                    format_args!("procedure `{code}` is not defined in `procedures`"),
                ),
            }
        }
        ids
    };
    let add = resolve(&a.add, "add");
    let remove = resolve(&a.remove, "remove");
    (add, remove)
}

fn published(
    p: &DocPublished<'_>,
    lookup: &CodeTable,
    mut resolved: [Option<Postings>; 3],
) -> [Postings; 3] {
    let mut out: [Postings; 3] = Default::default();
    for c in Channel::ALL {
        if let Some(done) = resolved[c.index()].take() {
            out[c.index()] = done;
            continue;
        }
        let Some(list) = p.channel(c) else { continue };
        let slot = &mut out[c.index()];
        slot.mark_given();
        slot.procs.reserve_exact(list.len());
        for DocPosting {
            procedure,
            on,
            checked,
        } in list
        {
            match lookup.get(procedure) {
                Some(id) => slot.push_known(id, *on, *checked),
                None => slot.push_unknown(procedure.to_string(), *on, *checked),
            }
        }
    }
    out
}

impl Postings {
    /// Room for `n` more known postings, `dated` of them with a date (a reader that knows
    /// how many are coming: the Parquet reader).
    #[cfg(feature = "parquet")]
    pub(crate) fn reserve(&mut self, n: usize, dated: usize) {
        self.procs.reserve(n);
        self.dates.reserve(dated);
    }
}

fn link_parents(b: &mut Builder, units: &mut [Unit], by_code: &CodeMap, doc_index: &[usize]) {
    for k in 0..units.len() {
        let Some(code) = units[k].parent_code.clone() else {
            continue;
        };
        let path = format!("/units/{}/parent", doc_index[k]);
        let Some(pid) = by_code.get(&code).map(UnitId) else {
            if !looks_like_gso_code(&code) {
                b.err(
                    Code::BadCode,
                    path,
                    format_args!("`{code}` is not a GSO unit code"),
                );
            }
            continue; // a parent outside the document, given by code only
        };
        let (child, parent) = (units[k].level, units[pid.0 as usize].level);
        if pid.0 as usize == k {
            b.err(
                Code::BadParent,
                path,
                format_args!("unit `{code}` is its own parent"),
            );
        } else if parent.rank() <= child.rank() {
            b.err(
                Code::BadParent,
                path,
                format_args!("parent `{code}` is a {parent}, not a level above this {child}"),
            );
        } else {
            units[k].parent = Some(pid);
        }
    }
    // Levels strictly increase along parents, so no cycle can remain; check anyway.
    for k in 0..units.len() {
        let mut steps = 0;
        let mut at = units[k].parent;
        while let Some(p) = at {
            steps += 1;
            if steps > units.len() {
                b.err(
                    Code::BadParent,
                    format!("/units/{}/parent", doc_index[k]),
                    format_args!("the parents form a cycle"),
                );
                break;
            }
            at = units[p.0 as usize].parent;
        }
    }
}

fn reports(
    b: &mut Builder,
    docs: &[DocReport<'_>],
    unit_by_code: &CodeMap,
    units: &[Unit],
) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::with_capacity(docs.len());
    for (i, r) in docs.iter().enumerate() {
        let path = |k: &str| at("reports", i, k);
        let unit = unit_by_code.get(&r.unit).map(UnitId);
        if unit.is_none() {
            b.err(
                Code::UnknownUnit,
                path("unit"),
                format_args!("unit `{}` is not defined in `units`", r.unit),
            );
        }
        let scope = match Scope::parse_at(&r.scope, &path("scope")) {
            Ok(s) => Some(s),
            Err(e) => {
                b.errs(&e);
                None
            }
        };
        if let (Some(Scope::EachCommune), Some(u)) = (scope, unit) {
            if units[u.0 as usize].level == Level::Commune {
                b.err(
                    Code::BadValue,
                    path("scope"),
                    format_args!("a commune has no communes: scope `each_commune` needs a district or province"),
                );
            }
        }
        let channel = Channel::from_word(&r.channel);
        if channel.is_none() {
            b.err(
                Code::UnknownChannel,
                path("channel"),
                format_args!(
                    "`{}` is not a channel (one_stop_shop, portal, national)",
                    r.channel
                ),
            );
        }
        let mut count = |v: Option<u64>, key: &str| -> Option<u32> {
            let v = v?;
            u32::try_from(v).ok().or_else(|| {
                b.err(Code::BadValue, path(key), format_args!("{v} is too large"));
                None
            })
        };
        let fields = count(r.fields, "fields");
        let procedures = count(r.procedures, "procedures");
        let published = count(r.published, "published");
        let fields_published = count(r.fields_published, "fields_published");
        if [fields, procedures, published, fields_published]
            .iter()
            .all(Option::is_none)
        {
            b.err(Code::MissingKey, format!("/reports/{i}"), format_args!("a report needs at least one of `fields`, `procedures`, `published`, `fields_published`"));
        }
        let pairs = [
            (published, procedures, "published", "procedures"),
            (fields_published, fields, "fields_published", "fields"),
            (fields, procedures, "fields", "procedures"),
            (fields_published, published, "fields_published", "published"),
        ];
        for (small, big, ks, kb) in pairs {
            if let (Some(s), Some(g)) = (small, big) {
                if s > g {
                    b.err(
                        Code::InconsistentReport,
                        path(ks),
                        format_args!("`{ks}` ({s}) is more than `{kb}` ({g})"),
                    );
                }
            }
        }
        if published.is_some_and(|p| p > 0) && fields_published == Some(0) {
            b.err(
                Code::InconsistentReport,
                path("fields_published"),
                format_args!("procedures were published but no field"),
            );
        }
        let (Some(unit), Some(scope), Some(channel)) = (unit, scope, channel) else {
            continue;
        };
        if out
            .iter()
            .any(|o| o.unit == unit && o.scope == scope && o.channel == channel)
        {
            b.err(
                Code::DuplicateCode,
                format!("/reports/{i}"),
                format_args!(
                    "unit `{}` already has a `{}` report for channel `{channel}`",
                    r.unit,
                    scope.as_str()
                ),
            );
            continue;
        }
        out.push(Report {
            unit,
            scope,
            channel,
            fields,
            procedures,
            published,
            fields_published,
            approximate: r.approximate,
            note: r.note.as_deref().map(str::to_owned),
        });
    }
    out
}

fn decisions(
    b: &mut Builder,
    docs: &[DocDecision<'_>],
    lookup: &CodeTable,
    unit_by_code: &CodeMap,
    units: &[Unit],
) -> (Vec<Decision>, CodeMap) {
    let mut out = Vec::with_capacity(docs.len());
    let mut by_id = CodeMap::default();
    // Index in `docs` of each decision kept, for messages about earlier ones.
    let mut first_at = CodeMap::default();
    for (i, d) in docs.iter().enumerate() {
        let path = |k: &str| at("decisions", i, k);
        let mut ok = true;
        if d.id.trim().is_empty() {
            b.err(
                Code::BadCode,
                path("id"),
                format_args!("a decision's id (its number, e.g. 123/QĐ-UBND) must be non-empty"),
            );
            ok = false;
        } else if let Some(first) = first_at.get(&d.id) {
            b.err(
                Code::DuplicateCode,
                path("id"),
                format_args!(
                    "decision `{}` is given twice (first at /decisions/{first})",
                    d.id
                ),
            );
            ok = false;
        } else {
            first_at.set(&d.id, i as u32);
        }
        let scope = scope(b, i, &d.scope, unit_by_code, units);
        let items = decision_items(b, i, &d.items, lookup);
        let (Some(effective), Some(scope), Some(items), true) = (d.effective, scope, items, ok)
        else {
            continue;
        };
        by_id.set(&d.id, out.len() as u32);
        out.push(Decision {
            id: d.id.to_string(),
            title: d.title.as_deref().map(str::to_owned),
            issuer: d.issuer.as_deref().map(str::to_owned),
            issued: d.issued,
            effective,
            scope,
            complete: d.complete,
            items,
        });
    }
    (out, by_id)
}

fn scope(
    b: &mut Builder,
    i: usize,
    s: &DocScope<'_>,
    unit_by_code: &CodeMap,
    units: &[Unit],
) -> Option<DecisionScope> {
    let level = match Level::from_word(&s.level) {
        Some(l) if l.is_unit_level() => Some(l),
        _ => {
            b.err(
                Code::UnknownLevel,
                format!("/decisions/{i}/scope/level"),
                format_args!(
                    "`{}` is not a unit level (province, district, commune)",
                    s.level
                ),
            );
            None
        }
    };
    let within = match s.within.as_deref() {
        None => None,
        Some(code) => {
            let path = format!("/decisions/{i}/scope/within");
            let Some(id) = unit_by_code.get(code).map(UnitId) else {
                b.err(
                    Code::UnknownUnit,
                    path,
                    format_args!("unit `{code}` is not defined in `units`"),
                );
                return None;
            };
            let of = units[id.0 as usize].level;
            if let Some(l) = level.filter(|l| of.rank() < l.rank()) {
                b.err(
                    Code::BadParent,
                    path,
                    format_args!(
                        "unit `{code}` is a {of}, below the scope's level {l}: no {l} is within it"
                    ),
                );
                return None;
            }
            Some(id)
        }
    };
    Some(DecisionScope {
        level: level?,
        within,
    })
}

fn decision_items(
    b: &mut Builder,
    i: usize,
    docs: &[DocItem<'_>],
    lookup: &CodeTable,
) -> Option<Vec<DecisionItem>> {
    let mut out = Vec::with_capacity(docs.len());
    let mut ok = true;
    // First item of each procedure, to report a procedure listed twice.
    let mut seen = PerProc::default();
    for (j, it) in docs.iter().enumerate() {
        let path = |k: &str| format!("/decisions/{i}/items/{j}/{k}");
        let procedure = lookup.get(&it.procedure);
        if procedure.is_none() {
            b.err(
                Code::UnknownProcedure,
                path("procedure"),
                format_args!(
                    "procedure `{}` is not defined in `procedures`",
                    it.procedure
                ),
            );
        }
        let action = match Action::parse_at(&it.action, &path("action")) {
            Ok(a) => Some(a),
            Err(e) => {
                b.errs(&e);
                None
            }
        };
        let mut by = None;
        match (action, it.by.as_deref()) {
            (Some(Action::Replaced), None) => b.err(
                Code::MissingKey,
                format!("/decisions/{i}/items/{j}"),
                format_args!("a `replaced` item needs `by`, the procedure that takes its place"),
            ),
            (Some(a), Some(_)) if a != Action::Replaced => b.err(
                Code::BadValue,
                path("by"),
                format_args!("`by` is only for a `replaced` item, not for `{a}`"),
            ),
            (_, Some(code)) => {
                by = lookup.get(code);
                if by.is_none() {
                    b.err(
                        Code::UnknownProcedure,
                        path("by"),
                        format_args!("procedure `{code}` is not defined in `procedures`"),
                    );
                }
            }
            _ => {}
        }
        if let Some(p) = procedure {
            if let Some(first) = seen.get(p) {
                b.err(
                    Code::DuplicateCode,
                    path("procedure"),
                    format_args!(
                        "procedure `{}` is already an item of this decision (/decisions/{i}/items/{first})",
                        it.procedure
                    ),
                );
                ok = false;
            } else {
                seen.set(p, j as u32);
            }
        }
        match (procedure, action) {
            (Some(procedure), Some(action)) if action != Action::Replaced || by.is_some() => {
                out.push(DecisionItem {
                    procedure,
                    action,
                    by,
                });
            }
            _ => ok = false,
        }
    }
    if ok && !replacement_cycles(b, i, docs, &out) {
        ok = false;
    }
    ok.then_some(out)
}

/// A `u32` per procedure id (`u32::MAX`: none), grown as ids come: the small maps of one
/// decision's checks, without hashing.
#[derive(Default)]
struct PerProc(Vec<u32>);

impl PerProc {
    fn get(&self, p: ProcId) -> Option<u32> {
        self.0.get(p.0 as usize).copied().filter(|&v| v != u32::MAX)
    }

    fn set(&mut self, p: ProcId, value: u32) {
        let i = p.0 as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, u32::MAX);
        }
        self.0[i] = value;
    }
}

/// Report every circle of replacements in one decision (A by B, B by A; or A by A); `true`
/// when there is none.
fn replacement_cycles(
    b: &mut Builder,
    i: usize,
    docs: &[DocItem<'_>],
    items: &[DecisionItem],
) -> bool {
    // What replaces each procedure, and the procedures already reported in a circle.
    let mut next = PerProc::default();
    for it in items {
        if let Some(by) = it.by {
            next.set(it.procedure, by.0);
        }
    }
    let mut reported = PerProc::default();
    let mut none = true;
    for (j, it) in items.iter().enumerate() {
        let Some(mut at) = it.by else { continue };
        if reported.get(it.procedure).is_some() {
            continue;
        }
        let mut chain = vec![it.procedure];
        let mut steps = 0;
        while at != it.procedure {
            let Some(to) = next.get(at) else { break };
            chain.push(at);
            at = ProcId(to);
            steps += 1;
            if steps > items.len() {
                break; // a circle that does not pass through this item: reported from its own
            }
        }
        if at == it.procedure {
            none = false;
            for &p in &chain {
                reported.set(p, 1);
            }
            let names: Vec<&str> = chain
                .iter()
                .map(|p| {
                    let k = items.iter().position(|x| x.procedure == *p).unwrap_or(j);
                    docs[k].procedure.as_ref()
                })
                .collect();
            b.err(
                Code::ReplacementCycle,
                format!("/decisions/{i}/items/{j}"),
                format_args!(
                    "the decision replaces procedures in a circle: {} by {}",
                    names.join(" by "),
                    names[0]
                ),
            );
        }
    }
    none
}

/// The catalogue as a document that borrows from it.
pub(super) fn to_document(c: &Catalog) -> Document<'_> {
    Document {
        tthc: 1,
        title: c.title.as_deref().map(Cow::Borrowed),
        as_of: c.as_of,
        source: c.source.as_deref().map(Cow::Borrowed),
        fields: c.fields.iter().map(doc_field).collect(),
        procedures: c.procedures.iter().map(|p| doc_procedure(c, p)).collect(),
        units: c
            .units
            .iter()
            .map(|u| DocUnit {
                published: doc_published(c, u),
                ..doc_unit_head(c, u)
            })
            .collect(),
        reports: c.doc_reports(),
        decisions: c.decisions.iter().map(|d| doc_decision(c, d)).collect(),
    }
}

impl Catalog {
    /// The reports as the document writes them.
    pub(crate) fn doc_reports(&self) -> Vec<DocReport<'_>> {
        self.reports
            .iter()
            .map(|r| DocReport {
                unit: Cow::Borrowed(&self.unit(r.unit).code),
                scope: Cow::Borrowed(r.scope.as_str()),
                channel: Cow::Borrowed(r.channel.as_str()),
                fields: r.fields.map(u64::from),
                procedures: r.procedures.map(u64::from),
                published: r.published.map(u64::from),
                fields_published: r.fields_published.map(u64::from),
                approximate: r.approximate,
                note: r.note.as_deref().map(Cow::Borrowed),
            })
            .collect()
    }
}

/// A field as the document writes it.
pub(super) fn doc_field(f: &Field) -> DocField<'_> {
    DocField {
        code: Cow::Borrowed(&f.code),
        name: Cow::Borrowed(&f.name),
        name_en: f.name_en.as_deref().map(Cow::Borrowed),
    }
}

/// A procedure as the document writes it.
pub(super) fn doc_procedure<'c>(c: &'c Catalog, p: &'c Procedure) -> DocProcedure<'c> {
    DocProcedure {
        code: Cow::Borrowed(p.code.as_str()),
        name: Cow::Borrowed(&p.name),
        field: Cow::Borrowed(&c.field(p.field).code),
        levels: p.levels.iter().map(|l| Cow::Borrowed(l.as_str())).collect(),
        decision: p.decision.as_deref().map(Cow::Borrowed),
        effective: p.effective,
        amended: p.amended,
        abolished: p.abolished,
        online: p.online.map(|o| Cow::Borrowed(o.as_str())),
        agencies: p
            .agencies
            .iter()
            .map(|a| Cow::Borrowed(a.as_str()))
            .collect(),
    }
}

/// A unit as the document writes it, without its postings.
pub(super) fn doc_unit_head<'c>(c: &'c Catalog, u: &'c Unit) -> DocUnit<'c> {
    let code = |id: ProcId| Cow::Borrowed(c.procedure(id).code.as_str());
    DocUnit {
        code: Cow::Borrowed(&u.code),
        name: Cow::Borrowed(&u.name),
        level: Cow::Borrowed(u.level.as_str()),
        parent: u.parent_code.as_deref().map(Cow::Borrowed),
        valid_from: u.valid_from,
        valid_to: u.valid_to,
        successors: u
            .successors
            .iter()
            .map(|s| Cow::Borrowed(s.as_str()))
            .collect(),
        applies: u.applies_given.then(|| DocApplies {
            add: u.applies_add.iter().map(|&id| code(id)).collect(),
            remove: u.applies_remove.iter().map(|&id| code(id)).collect(),
        }),
        published: DocPublished::default(),
    }
}

/// A unit's postings as the document writes them.
pub(super) fn doc_published<'c>(c: &'c Catalog, u: &'c Unit) -> DocPublished<'c> {
    let code = |id: ProcId| Cow::Borrowed(c.procedure(id).code.as_str());
    let mut published = DocPublished::default();
    for ch in Channel::ALL {
        let p = u.postings(ch);
        if !p.given {
            continue;
        }
        let list = published.channel_mut(ch);
        list.reserve_exact(p.len());
        // In document order: postings of undefined codes back at their places.
        let mut unknown = p.unknown.iter().peekable();
        for (id, on, checked) in p.iter_checked() {
            while let Some(u) = unknown.next_if(|u| u.at as usize == list.len()) {
                list.push(DocPosting {
                    procedure: Cow::Borrowed(u.code.as_str()),
                    on: u.on,
                    checked: u.checked,
                });
            }
            list.push(DocPosting {
                procedure: code(id),
                on,
                checked,
            });
        }
        list.extend(unknown.map(|u| DocPosting {
            procedure: Cow::Borrowed(u.code.as_str()),
            on: u.on,
            checked: u.checked,
        }));
    }
    published
}

/// A decision as the document writes it.
pub(super) fn doc_decision<'c>(c: &'c Catalog, d: &'c Decision) -> DocDecision<'c> {
    let code = |id: ProcId| Cow::Borrowed(c.procedure(id).code.as_str());
    DocDecision {
        id: Cow::Borrowed(&d.id),
        title: d.title.as_deref().map(Cow::Borrowed),
        issuer: d.issuer.as_deref().map(Cow::Borrowed),
        issued: d.issued,
        effective: Some(d.effective),
        scope: DocScope {
            level: Cow::Borrowed(d.scope.level.as_str()),
            within: d
                .scope
                .within
                .map(|u| Cow::Borrowed(c.unit(u).code.as_str())),
        },
        complete: d.complete,
        items: d
            .items
            .iter()
            .map(|it| DocItem {
                procedure: code(it.procedure),
                action: Cow::Borrowed(it.action.as_str()),
                by: it.by.map(code),
            })
            .collect(),
    }
}

/// A code of 2, 3 or 5 ASCII digits: the GSO code of a province, district or commune.
fn looks_like_gso_code(code: &str) -> bool {
    code.bytes().all(|c| c.is_ascii_digit())
        && Level::ALL
            .iter()
            .filter_map(|l| l.gso_digits())
            .any(|d| d == code.len())
}
