//! Changes between two catalogues (`tthc diff OLD NEW`, `format.md` "Catalogues over time" §4):
//! procedures, fields, units and decisions added, removed or changed, and for every unit of the
//! new catalogue what its office must now post, re-post and take down.
//!
//! ```
//! use tthc::{diff::{diff, DiffOptions}, Catalog, Date};
//! let old = Catalog::from_json(r#"{"tthc":1,"fields":[{"code":"f","name":"F"}],
//!   "procedures":[{"code":"1.000001","name":"A","field":"f","levels":["commune"]}],
//!   "units":[{"code":"30985","name":"Xã An Biên","level":"commune","published":{"one_stop_shop":["1.000001"]}}]}"#.as_bytes())?;
//! let new = Catalog::from_json(r#"{"tthc":1,"fields":[{"code":"f","name":"F"}],
//!   "procedures":[{"code":"1.000001","name":"A","field":"f","levels":["province"]},
//!                 {"code":"1.000002","name":"B","field":"f","levels":["commune"]}],
//!   "units":[{"code":"30985","name":"Xã An Biên","level":"commune","published":{"one_stop_shop":["1.000001"]}}]}"#.as_bytes())?;
//! let d = diff(&old, &new, &DiffOptions::on(Date::parse("2026-01-01").unwrap()));
//! assert_eq!(d.procedures.added, ["1.000002"]);
//! assert_eq!(d.actions[0].post, ["1.000002"]);
//! assert_eq!(d.actions[0].take_down, ["1.000001"]);
//! # Ok::<(), tthc::Error>(())
//! ```
//!
//! The comparison of postings maps the old catalogue's procedure ids to the new one's once, so
//! two national catalogues of millions of postings compare in one pass over them; JSON values
//! are built only for what differs.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::Value;

use crate::catalog::{Catalog, DecisionId, FieldId, Postings, ProcId, UnitId};
use crate::compliance::{Scan, OUTDATED, PUBLISHED};
use crate::error::Error;
use crate::model::{Channel, Date, Vocabulary};

/// What to compare on: the channel of the actions and the day of applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffOptions {
    /// The channel of the actions; `None`: the one-stop desk and every other channel on which
    /// the unit publishes in the new catalogue.
    pub channel: Option<Channel>,
    /// The day applicability is computed on, on both sides; default the new catalogue's
    /// `as_of`, else `today`.
    pub as_of: Option<Date>,
    /// Today in Vietnam: the day used when neither `as_of` nor the new catalogue gives one.
    pub today: Date,
}

#[cfg(not(target_family = "wasm"))]
impl Default for DiffOptions {
    /// Every channel used, no `as_of`, today from the system clock.
    fn default() -> Self {
        DiffOptions::on(Date::today())
    }
}

impl DiffOptions {
    /// Every channel used, no `as_of`, and `today` as the fallback day.
    pub fn on(today: Date) -> Self {
        DiffOptions {
            channel: None,
            as_of: None,
            today,
        }
    }

    /// Options from the names the CLI and bindings use (`"portal"`, `"2026-01-01"`), with
    /// `today` given; a bad value is the argument error at `channel` or `as_of`.
    pub fn parse_on(
        today: Date,
        channel: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<Self, Error> {
        Ok(DiffOptions {
            channel: channel.map(Channel::parse_arg).transpose()?,
            as_of: as_of.map(|d| Date::parse_at(d, "as_of")).transpose()?,
            today,
        })
    }

    /// [`DiffOptions::parse_on`] with today from the system clock.
    #[cfg(not(target_family = "wasm"))]
    pub fn parse(channel: Option<&str>, as_of: Option<&str>) -> Result<Self, Error> {
        DiffOptions::parse_on(Date::today(), channel, as_of)
    }

    /// The day used: `as_of`, else the new catalogue's `as_of`, else `today`.
    pub fn day(&self, new: &Catalog) -> Date {
        self.as_of.or(new.as_of()).unwrap_or(self.today)
    }
}

/// The changes of one kind of item.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// Codes (ids) in the new catalogue only, sorted.
    pub added: Vec<String>,
    /// Codes (ids) in the old catalogue only, sorted.
    pub removed: Vec<String>,
    /// Items in both whose keys differ, sorted by code.
    pub changed: Vec<Changed>,
}

impl Changes {
    /// Whether nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// One item in both catalogues whose keys differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    /// Its code (a decision's id).
    pub code: String,
    /// Each key that differs, `[old, new]` as the documents write them (`null` when absent).
    pub changes: BTreeMap<String, [Value; 2]>,
}

/// What one unit's office must do on one channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitActions {
    /// The unit's GSO code.
    pub unit: String,
    /// Its name (in the new catalogue).
    pub name: String,
    /// The channel.
    pub channel: &'static str,
    /// Applicable in the new catalogue, not in the old one (or the unit is new), and not
    /// published: post them. Sorted by code.
    pub post: Vec<String>,
    /// Published but outdated in the new catalogue, not outdated in the old one: re-post the
    /// amended version. Sorted by code.
    pub repost: Vec<String>,
    /// Posted, applicable in the old catalogue, not applicable in the new one: take them
    /// down. Sorted by code.
    pub take_down: Vec<String>,
}

/// The changes between two catalogues (`format.md` "Catalogues over time" §4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Always 1: the diff format version.
    pub tthc_diff: u32,
    /// The day applicability was computed on (both sides).
    pub as_of: String,
    /// Procedures added, removed, changed.
    pub procedures: Changes,
    /// Fields added, removed, changed.
    pub fields: Changes,
    /// Units added, removed, changed (postings included, as the key `published`).
    pub units: Changes,
    /// Decisions added, removed, changed (by id).
    pub decisions: Changes,
    /// Per unit of the new catalogue and channel, what to post, re-post and take down; units
    /// and channels with nothing to do are left out. In the new catalogue's unit order.
    pub actions: Vec<UnitActions>,
}

impl Diff {
    /// Whether the catalogues have no difference at all (no change and no action).
    pub fn is_empty(&self) -> bool {
        self.procedures.is_empty()
            && self.fields.is_empty()
            && self.units.is_empty()
            && self.decisions.is_empty()
            && self.actions.is_empty()
    }

    /// The diff as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The diff as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &Catalog, new: &Catalog, options: &DiffOptions) -> Diff {
    let as_of = options.day(new);
    // Old procedure id → new procedure id, by code; and back.
    let to_new: Vec<Option<ProcId>> = old
        .procedures()
        .iter()
        .map(|p| new.procedure_id(p.code.as_str()))
        .collect();
    let to_old: Vec<Option<ProcId>> = new
        .procedures()
        .iter()
        .map(|p| old.procedure_id(p.code.as_str()))
        .collect();
    let procedures = compare(
        old.procedures().len(),
        new.procedures().len(),
        |i| old.procedures()[i].code.as_str(),
        |i| new.procedures()[i].code.as_str(),
        |i| {
            new.procedure_id(old.procedures()[i].code.as_str())
                .map(|p| p.0 as usize)
        },
        |i, j| {
            keys(
                &old.doc_procedure(ProcId(i as u32)),
                &new.doc_procedure(ProcId(j as u32)),
                &[],
            )
        },
    );
    let fields = compare(
        old.fields().len(),
        new.fields().len(),
        |i| old.fields()[i].code.as_str(),
        |i| new.fields()[i].code.as_str(),
        |i| new.field_id(&old.fields()[i].code).map(|f| f.0 as usize),
        |i, j| {
            keys(
                &old.doc_field(FieldId(i as u32)),
                &new.doc_field(FieldId(j as u32)),
                &[],
            )
        },
    );
    let units = compare(
        old.units().len(),
        new.units().len(),
        |i| old.units()[i].code.as_str(),
        |i| new.units()[i].code.as_str(),
        |i| new.unit_id(&old.units()[i].code).map(|u| u.0 as usize),
        |i, j| {
            let (a, b) = (UnitId(i as u32), UnitId(j as u32));
            let mut changes = keys(&old.doc_unit_head(a), &new.doc_unit_head(b), &["published"]);
            let same = Channel::ALL
                .iter()
                .all(|&c| same_postings(old.unit(a).postings(c), new.unit(b).postings(c), &to_new));
            if !same {
                changes.insert(
                    "published".to_owned(),
                    [
                        json(&old.doc_published(a)).unwrap_or(Value::Null),
                        json(&new.doc_published(b)).unwrap_or(Value::Null),
                    ],
                );
            }
            changes
        },
    );
    let decisions = compare(
        old.decisions().len(),
        new.decisions().len(),
        |i| old.decisions()[i].id.as_str(),
        |i| new.decisions()[i].id.as_str(),
        |i| {
            new.decision_id(&old.decisions()[i].id)
                .map(|d| d.0 as usize)
        },
        |i, j| {
            keys(
                &old.doc_decision(DecisionId(i as u32)),
                &new.doc_decision(DecisionId(j as u32)),
                &[],
            )
        },
    );
    let actions = actions(old, new, options, as_of, &to_old);
    Diff {
        tthc_diff: 1,
        as_of: as_of.to_string(),
        procedures,
        fields,
        units,
        decisions,
        actions,
    }
}

/// Added, removed and changed items of one kind, by code.
fn compare<'a>(
    n_old: usize,
    n_new: usize,
    old_code: impl Fn(usize) -> &'a str,
    new_code: impl Fn(usize) -> &'a str,
    in_new: impl Fn(usize) -> Option<usize>,
    changes: impl Fn(usize, usize) -> BTreeMap<String, [Value; 2]>,
) -> Changes {
    let mut out = Changes::default();
    let mut matched = vec![false; n_new];
    for i in 0..n_old {
        match in_new(i) {
            Some(j) => {
                matched[j] = true;
                let c = changes(i, j);
                if !c.is_empty() {
                    out.changed.push(Changed {
                        code: old_code(i).to_owned(),
                        changes: c,
                    });
                }
            }
            None => out.removed.push(old_code(i).to_owned()),
        }
    }
    out.added = (0..n_new)
        .filter(|&j| !matched[j])
        .map(|j| new_code(j).to_owned())
        .collect();
    out.added.sort_unstable();
    out.removed.sort_unstable();
    out.changed.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

fn json<T: Serialize>(item: &T) -> Option<Value> {
    serde_json::to_value(item).ok()
}

/// The keys whose values differ between two items, `[old, new]` (`null` when absent);
/// `skip` keys are left out.
fn keys<T: Serialize>(old: &T, new: &T, skip: &[&str]) -> BTreeMap<String, [Value; 2]> {
    let mut out = BTreeMap::new();
    let (Some(Value::Object(a)), Some(Value::Object(b))) = (json(old), json(new)) else {
        return out;
    };
    for (k, va) in &a {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let vb = b.get(k).cloned().unwrap_or(Value::Null);
        if *va != vb {
            out.insert(k.clone(), [va.clone(), vb]);
        }
    }
    for (k, vb) in &b {
        if !a.contains_key(k) && !skip.contains(&k.as_str()) {
            out.insert(k.clone(), [Value::Null, vb.clone()]);
        }
    }
    out
}

/// Whether two units' postings of one channel say the same (codes, days, order, given).
fn same_postings(a: &Postings, b: &Postings, to_new: &[Option<ProcId>]) -> bool {
    a.is_given() == b.is_given()
        && a.ids().len() == b.ids().len()
        && a.dates() == b.dates()
        && a.checked_days() == b.checked_days()
        && a.unknown() == b.unknown()
        && a.ids()
            .iter()
            .zip(b.ids())
            .all(|(x, y)| to_new[x.0 as usize] == Some(*y))
}

/// Per unit of `new` (that exists on the day) and channel, what to post, re-post and take down.
fn actions(
    old: &Catalog,
    new: &Catalog,
    options: &DiffOptions,
    as_of: Date,
    to_old: &[Option<ProcId>],
) -> Vec<UnitActions> {
    let mut old_scan = Scan::new(old, as_of, None);
    let mut new_scan = Scan::new(new, as_of, None);
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    let code = |p: ProcId| new.procedure(p).code.as_str().to_owned();
    // Old procedures' codes that the new catalogue does not define, for unknown postings.
    let mut unknown_in_old: FxHashMap<&str, ProcId> = FxHashMap::default();
    for (i, p) in old.procedures().iter().enumerate() {
        if new.procedure_id(p.code.as_str()).is_none() {
            unknown_in_old.insert(p.code.as_str(), ProcId(i as u32));
        }
    }
    for (i, unit) in new.units().iter().enumerate() {
        if !unit.valid_on(as_of) {
            continue;
        }
        let id = UnitId(i as u32);
        let old_id = old.unit_id(&unit.code);
        let channels: Vec<Channel> = match options.channel {
            Some(c) => vec![c],
            None => Channel::ALL
                .into_iter()
                .filter(|&c| c == Channel::OneStopShop || unit.postings(c).is_given())
                .collect(),
        };
        for channel in channels {
            warnings.clear();
            new_scan.unit(id, channel, &mut warnings);
            let new_list = new_scan.last_applicable(unit);
            if let Some(o) = old_id {
                old_scan.unit(o, channel, &mut warnings);
            }
            let old_applies = |p: Option<ProcId>| -> bool {
                old_id.is_some() && p.is_some_and(|p| old_scan.last_applies(p))
            };
            let mut post = Vec::new();
            let mut repost = Vec::new();
            for &p in &new_list {
                let state = new_scan.last_state(p);
                let before = to_old[p.0 as usize];
                let was = old_applies(before);
                if state == OUTDATED {
                    let was_outdated =
                        was && before.is_some_and(|b| old_scan.last_state(b) == OUTDATED);
                    if !was_outdated {
                        repost.push(code(p));
                    }
                } else if state != PUBLISHED && !was {
                    post.push(code(p));
                }
            }
            let postings = unit.postings(channel);
            let mut take_down: Vec<String> = Vec::new();
            for &p in postings.ids() {
                if !new_scan.last_applies(p) && old_applies(to_old[p.0 as usize]) {
                    take_down.push(code(p));
                }
            }
            for u in postings.unknown() {
                if old_applies(unknown_in_old.get(u.code.as_str()).copied()) {
                    take_down.push(u.code.clone());
                }
            }
            if post.is_empty() && repost.is_empty() && take_down.is_empty() {
                continue;
            }
            post.sort_unstable();
            repost.sort_unstable();
            take_down.sort_unstable();
            take_down.dedup();
            out.push(UnitActions {
                unit: unit.code.clone(),
                name: unit.name.clone(),
                channel: channel.as_str(),
                post,
                repost,
                take_down,
            });
        }
    }
    out
}
