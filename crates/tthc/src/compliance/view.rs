//! The report as people and programs see it: every id resolved to its code and name, rates as
//! `[published, applicable]` pairs and rounded percentages — the report of `format.md` §3.
//!
//! [`ReportView`] is what the JSON writer serialises, what Python's `to_dict()` and objects and
//! JavaScript's `compliance()` show, and what the CLI prints; [`columns`](super::columns) flattens
//! its units into the one column schema of tables and data frames.

use serde::Serialize;

use super::{Compliance, FieldCompliance, GroupCompliance, UnitCompliance};
use crate::catalog::{Catalog, ProcId};
use crate::rate::Rate;

#[derive(Debug, Clone, PartialEq, Serialize)]
/// The whole report (`format.md` §3).
pub struct ReportView<'a> {
    /// Always 1: the report format version.
    pub tthc_report: u32,
    /// The day the report describes (`YYYY-MM-DD`).
    pub as_of: String,
    /// `one_stop_shop`, `portal` or `national`.
    pub channel: &'static str,
    /// One row per unit, in document order.
    pub units: Vec<UnitRow<'a>>,
    /// One row per (parent, child level), in document order of the parents.
    pub groups: Vec<GroupRow<'a>>,
    /// Postings that did not count and reports that were not used.
    pub warnings: Vec<WarningRow<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// One unit of the report.
pub struct UnitRow<'a> {
    /// The unit's GSO code.
    pub unit: &'a str,
    /// Its name.
    pub name: &'a str,
    /// `province`, `district` or `commune`.
    pub level: &'static str,
    /// The parent unit's code.
    pub parent: Option<&'a str>,
    /// `items` (counted from postings), `reported` or, for a group, `mixed`.
    pub basis: &'static str,
    /// The source said "khoảng" (about).
    pub approximate: bool,
    /// Applicable procedures.
    pub applicable: Option<u32>,
    /// Published procedures.
    pub published: Option<u32>,
    /// Postings older than the procedure's last amendment.
    pub outdated: Option<u32>,
    /// Distinct fields among applicable procedures.
    pub fields: Option<u32>,
    /// Distinct fields among published procedures.
    pub fields_published: Option<u32>,
    /// `[published, applicable]`, or `None` when nothing applies.
    pub rate: Option<[u32; 2]>,
    /// The rate in percent, one decimal, rounded half away from zero.
    pub percent: Option<f64>,
    /// Rank among units of the same level (1, 2, 2, 4); `None` without a rate.
    pub rank: Option<u32>,
    /// Codes of applicable procedures neither published nor outdated, in document order.
    pub missing: Vec<&'a str>,
    /// Codes of outdated postings' procedures, in document order.
    pub outdated_procedures: Vec<&'a str>,
    /// Per field with at least one applicable procedure, in field order.
    pub by_field: Vec<FieldRow<'a>>,
    /// Whether the unit exists on the report's day (within its `valid_from`..`valid_to`); a
    /// unit that does not is not ranked.
    pub current: bool,
    /// The codes of the units that took over from it (its `successors`), in document order.
    pub successors: Vec<&'a str>,
    /// `levels` when the procedures' levels alone set what applies, `decisions` when
    /// publishing decisions do.
    pub applicability: &'static str,
    /// The ids of the decisions that set the list (`D(u, d)`), in the order they apply.
    pub decisions: Vec<&'a str>,
    /// With `stale_after`: codes of published procedures whose posting was last known to be
    /// there more than `stale_after` days before the report's day (absent without the option).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale: Option<Vec<&'a str>>,
    /// With `stale_after`: published procedures whose posting has neither `on` nor `checked`
    /// (absent without the option).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unchecked: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// One field of a unit (`by_field`).
pub struct FieldRow<'a> {
    /// The field's code.
    pub field: &'a str,
    /// The field's Vietnamese name.
    pub name: &'a str,
    /// Applicable procedures.
    pub applicable: u32,
    /// Published procedures.
    pub published: u32,
    /// `[published, applicable]`, or `None` when nothing applies.
    pub rate: Option<[u32; 2]>,
    /// The rate in percent, one decimal, rounded half away from zero.
    pub percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// The units of one level inside one parent.
pub struct GroupRow<'a> {
    /// The parent unit's code.
    pub parent: &'a str,
    /// The parent's name.
    pub name: &'a str,
    /// The level of the units.
    pub level: &'static str,
    /// How many units.
    pub units: u32,
    /// `items` (counted from postings), `reported` or, for a group, `mixed`.
    pub basis: &'static str,
    /// The source said "khoảng" (about).
    pub approximate: bool,
    /// Σ applicable, when every unit has an exact figure.
    pub applicable: Option<u32>,
    /// Σ published, when every unit has an exact figure.
    pub published: Option<u32>,
    /// The pooled rate Σ published / Σ applicable.
    pub rate: Option<[u32; 2]>,
    /// The rate in percent, one decimal, rounded half away from zero.
    pub percent: Option<f64>,
    /// Smallest unit percentage.
    pub min_percent: Option<f64>,
    /// Largest unit percentage.
    pub max_percent: Option<f64>,
    /// Mean of the exact unit rates, rounded once.
    pub mean_percent: Option<f64>,
    /// `[smallest, largest]` applicable per unit.
    pub applicable_per_unit: Option<[u32; 2]>,
    /// `[smallest, largest]` published per unit.
    pub published_per_unit: Option<[u32; 2]>,
    /// `[smallest, largest]` fields published per unit.
    pub fields_published_per_unit: Option<[u32; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// A posting that did not count, or a report that was not used.
pub struct WarningRow<'a> {
    /// The warning's code (`posted_not_applicable`…).
    pub code: &'static str,
    /// The unit's code.
    pub unit: &'a str,
    /// The procedure as posted (none for `report_superseded`).
    pub procedure: Option<&'a str>,
}

fn pair(r: Option<Rate>) -> Option<[u32; 2]> {
    r.map(|r| [r.published, r.applicable])
}

#[allow(clippy::cast_precision_loss)] // tenths of a percent are small integers
fn percent(permille: Option<u64>) -> Option<f64> {
    permille.map(|p| p as f64 / 10.0)
}

// The lists below are filled with plain loops, not `map(…).collect()`: one `Vec<&str>` push
// serves them all, where each closure collected is its own code in the WebAssembly modules.

fn codes<'a>(c: &'a Catalog, ids: &[ProcId]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(ids.len());
    for &p in ids {
        out.push(c.procedure(p).code.as_str());
    }
    out
}

fn field_rows<'a>(c: &'a Catalog, fields: &[FieldCompliance]) -> Vec<FieldRow<'a>> {
    let mut out = Vec::with_capacity(fields.len());
    for f in fields {
        let field = c.field(f.field);
        out.push(FieldRow {
            field: &field.code,
            name: &field.name,
            applicable: f.applicable,
            published: f.published,
            rate: pair(f.rate()),
            percent: f.rate().map(Rate::percent),
        });
    }
    out
}

fn unit_json<'a>(c: &'a Catalog, u: &UnitCompliance) -> UnitRow<'a> {
    let unit = c.unit(u.unit);
    UnitRow {
        unit: &unit.code,
        name: &unit.name,
        level: unit.level.as_str(),
        parent: unit.parent_code.as_deref(),
        basis: u.basis.as_str(),
        approximate: u.approximate,
        applicable: u.applicable,
        published: u.published,
        outdated: u.outdated,
        fields: u.fields,
        fields_published: u.fields_published,
        rate: pair(u.rate),
        percent: u.rate.map(Rate::percent),
        rank: u.rank,
        missing: codes(c, &u.missing),
        outdated_procedures: codes(c, &u.outdated_procedures),
        by_field: field_rows(c, &u.by_field),
        current: u.current,
        successors: {
            let mut out = Vec::with_capacity(unit.successors.len());
            for s in &unit.successors {
                out.push(s.as_str());
            }
            out
        },
        applicability: u.applicability(),
        decisions: {
            let mut out = Vec::with_capacity(u.decisions.len());
            for &d in &u.decisions {
                out.push(c.decision(d).id.as_str());
            }
            out
        },
        stale: u.stale.as_ref().map(|s| codes(c, s)),
        unchecked: u.unchecked,
    }
}

fn group_json<'a>(c: &'a Catalog, g: &GroupCompliance) -> GroupRow<'a> {
    let parent = c.unit(g.parent);
    GroupRow {
        parent: &parent.code,
        name: &parent.name,
        level: g.level.as_str(),
        units: g.units,
        basis: g.basis.as_str(),
        approximate: g.approximate,
        applicable: g.applicable,
        published: g.published,
        rate: pair(g.rate),
        percent: g.rate.map(Rate::percent),
        min_percent: percent(g.min_permille),
        max_percent: percent(g.max_permille),
        mean_percent: percent(g.mean_permille),
        applicable_per_unit: g.applicable_per_unit,
        published_per_unit: g.published_per_unit,
        fields_published_per_unit: g.fields_published_per_unit,
    }
}

impl<'a> UnitRow<'a> {
    /// The row of one unit's figures; `catalog` must be the one they were computed from.
    pub fn new(catalog: &'a Catalog, unit: &UnitCompliance) -> Self {
        unit_json(catalog, unit)
    }

    /// The row without the lists the columns do not need (`missing`, `outdated_procedures`,
    /// `by_field` left empty): what the column schema needs, without allocating per unit
    /// (only the short `decisions` and, with `stale_after`, `stale` lists are kept).
    pub fn figures(catalog: &'a Catalog, unit: &UnitCompliance) -> Self {
        let figures = UnitCompliance {
            missing: Vec::new(),
            outdated_procedures: Vec::new(),
            by_field: Vec::new(),
            decisions: unit.decisions.clone(),
            stale: unit.stale.clone(),
            ..*unit
        };
        unit_json(catalog, &figures)
    }
}

impl Compliance {
    /// The report with codes and names resolved; `c` must be the catalogue it was computed
    /// from.
    pub fn view<'a>(&'a self, c: &'a Catalog) -> ReportView<'a> {
        ReportView {
            tthc_report: 1,
            as_of: self.as_of.to_string(),
            channel: self.channel.as_str(),
            units: self.units.iter().map(|u| unit_json(c, u)).collect(),
            groups: self.groups.iter().map(|g| group_json(c, g)).collect(),
            warnings: self
                .warnings
                .iter()
                .map(|w| WarningRow {
                    code: w.code,
                    unit: &c.unit(w.unit).code,
                    procedure: w.procedure.as_ref().map(|p| p.code(c)),
                })
                .collect(),
        }
    }

    /// The report of `format.md` §3 as compact JSON. `catalog` must be the one it was
    /// computed from.
    pub fn to_json(&self, catalog: &Catalog) -> String {
        serde_json::to_string(&self.view(catalog)).unwrap_or_default()
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self, catalog: &Catalog) -> String {
        serde_json::to_string_pretty(&self.view(catalog)).unwrap_or_default()
    }
}
