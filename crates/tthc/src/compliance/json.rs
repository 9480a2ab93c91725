//! The report of `format.md` §3 as JSON.

use serde::Serialize;

use super::{Compliance, GroupCompliance, UnitCompliance};
use crate::catalog::{Catalog, ProcId};
use crate::rate::Rate;

#[derive(Serialize)]
struct ReportJson<'a> {
    tthc_report: u32,
    as_of: String,
    channel: &'static str,
    units: Vec<UnitJson<'a>>,
    groups: Vec<GroupJson<'a>>,
    warnings: Vec<WarningJson<'a>>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    unit: &'a str,
    name: &'a str,
    level: &'static str,
    parent: Option<&'a str>,
    basis: &'static str,
    approximate: bool,
    applicable: Option<u32>,
    published: Option<u32>,
    outdated: Option<u32>,
    fields: Option<u32>,
    fields_published: Option<u32>,
    rate: Option<[u32; 2]>,
    percent: Option<f64>,
    rank: Option<u32>,
    missing: Vec<&'a str>,
    outdated_procedures: Vec<&'a str>,
    by_field: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    field: &'a str,
    name: &'a str,
    applicable: u32,
    published: u32,
    rate: Option<[u32; 2]>,
    percent: Option<f64>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    parent: &'a str,
    name: &'a str,
    level: &'static str,
    units: u32,
    basis: &'static str,
    approximate: bool,
    applicable: Option<u32>,
    published: Option<u32>,
    rate: Option<[u32; 2]>,
    percent: Option<f64>,
    min_percent: Option<f64>,
    max_percent: Option<f64>,
    mean_percent: Option<f64>,
    applicable_per_unit: Option<[u32; 2]>,
    published_per_unit: Option<[u32; 2]>,
    fields_published_per_unit: Option<[u32; 2]>,
}

#[derive(Serialize)]
struct WarningJson<'a> {
    code: &'static str,
    unit: &'a str,
    procedure: Option<&'a str>,
}

fn pair(r: Option<Rate>) -> Option<[u32; 2]> {
    r.map(|r| [r.published, r.applicable])
}

#[allow(clippy::cast_precision_loss)] // tenths of a percent are small integers
fn percent(permille: Option<u64>) -> Option<f64> {
    permille.map(|p| p as f64 / 10.0)
}

fn codes<'a>(c: &'a Catalog, ids: &[ProcId]) -> Vec<&'a str> {
    ids.iter().map(|&p| c.procedure(p).code.as_str()).collect()
}

fn unit_json<'a>(c: &'a Catalog, u: &UnitCompliance) -> UnitJson<'a> {
    let unit = c.unit(u.unit);
    UnitJson {
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
        by_field: u
            .by_field
            .iter()
            .map(|f| {
                let field = c.field(f.field);
                FieldJson {
                    field: &field.code,
                    name: &field.name,
                    applicable: f.applicable,
                    published: f.published,
                    rate: pair(f.rate()),
                    percent: f.rate().map(Rate::percent),
                }
            })
            .collect(),
    }
}

fn group_json<'a>(c: &'a Catalog, g: &GroupCompliance) -> GroupJson<'a> {
    let parent = c.unit(g.parent);
    GroupJson {
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

impl Compliance {
    fn json<'a>(&'a self, c: &'a Catalog) -> ReportJson<'a> {
        ReportJson {
            tthc_report: 1,
            as_of: self.as_of.to_string(),
            channel: self.channel.as_str(),
            units: self.units.iter().map(|u| unit_json(c, u)).collect(),
            groups: self.groups.iter().map(|g| group_json(c, g)).collect(),
            warnings: self
                .warnings
                .iter()
                .map(|w| WarningJson {
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
        serde_json::to_string(&self.json(catalog)).unwrap_or_default()
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self, catalog: &Catalog) -> String {
        serde_json::to_string_pretty(&self.json(catalog)).unwrap_or_default()
    }
}
