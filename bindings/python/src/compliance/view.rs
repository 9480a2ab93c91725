//! The rows of a report as read-only Python objects (the core's `tthc::compliance::view`):
//! each is a copy of one row of the core's [`tthc::compliance::ReportView`], which has already
//! resolved codes and names, paired rates and rounded percentages.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use tthc::compliance::{FieldRow, GroupRow, UnitRow, WarningRow};

use crate::convert;

/// UnitCompliance — the figures of one unit (a row of ``Report.units``, or
/// ``Catalog.unit_report``).
///
/// ``code``, ``name``, ``level``, ``parent``, ``basis`` (``items`` or ``reported``),
/// ``approximate``, ``applicable``, ``published``, ``outdated``, ``fields``,
/// ``fields_published`` (``int`` or ``None`` when unknown), ``rate`` (``fractions.Fraction`` or
/// ``None``), ``rate_pair`` (the unreduced ``(published, applicable)``), ``percent`` (one
/// decimal, or ``None``), ``rank``, ``missing`` and ``outdated_procedures`` (procedure codes),
/// ``by_field`` (``FieldCompliance``), ``current`` (the unit exists on the day),
/// ``successors`` (unit codes), ``applicability`` (``levels`` or ``decisions``), ``decisions``
/// (decision ids), and with ``stale_after`` ``stale`` (procedure codes) and ``unchecked``
/// (``None`` without the option). ``to_dict()`` gives the unit's entry of the report JSON.
#[pyclass(frozen, get_all, module = "tthc")]
pub struct UnitCompliance {
    code: String,
    name: String,
    level: &'static str,
    parent: Option<String>,
    basis: &'static str,
    approximate: bool,
    applicable: Option<u32>,
    published: Option<u32>,
    outdated: Option<u32>,
    fields: Option<u32>,
    fields_published: Option<u32>,
    rate_pair: Option<(u32, u32)>,
    percent: Option<f64>,
    rank: Option<u32>,
    missing: Vec<String>,
    outdated_procedures: Vec<String>,
    /// Made into Python objects when read (most callers never read it).
    by_field: Vec<FieldCompliance>,
    current: bool,
    successors: Vec<String>,
    applicability: &'static str,
    decisions: Vec<String>,
    stale: Option<Vec<String>>,
    unchecked: Option<u32>,
}

fn owned(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|&c| c.to_owned()).collect()
}

impl UnitCompliance {
    pub(crate) fn new(u: &UnitRow<'_>) -> Self {
        UnitCompliance {
            code: u.unit.to_owned(),
            name: u.name.to_owned(),
            level: u.level,
            parent: u.parent.map(str::to_owned),
            basis: u.basis,
            approximate: u.approximate,
            applicable: u.applicable,
            published: u.published,
            outdated: u.outdated,
            fields: u.fields,
            fields_published: u.fields_published,
            rate_pair: convert::pair(u.rate),
            percent: u.percent,
            rank: u.rank,
            missing: owned(&u.missing),
            outdated_procedures: owned(&u.outdated_procedures),
            by_field: u.by_field.iter().map(FieldCompliance::new).collect(),
            current: u.current,
            successors: owned(&u.successors),
            applicability: u.applicability,
            decisions: owned(&u.decisions),
            stale: u.stale.as_deref().map(owned),
            unchecked: u.unchecked,
        }
    }
}

#[pymethods]
impl UnitCompliance {
    /// rate -> fractions.Fraction | None — published / applicable (normalised by Python).
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.rate_pair)
    }

    /// to_dict() -> tthc._report_types.UnitReport — the unit's entry of the report JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("unit", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("level", self.level)?;
        d.set_item("parent", &self.parent)?;
        d.set_item("basis", self.basis)?;
        d.set_item("approximate", self.approximate)?;
        d.set_item("applicable", self.applicable)?;
        d.set_item("published", self.published)?;
        d.set_item("outdated", self.outdated)?;
        d.set_item("fields", self.fields)?;
        d.set_item("fields_published", self.fields_published)?;
        d.set_item("rate", self.rate_pair.map(|(p, a)| [p, a]))?;
        d.set_item("percent", self.percent)?;
        d.set_item("rank", self.rank)?;
        d.set_item("missing", &self.missing)?;
        d.set_item("outdated_procedures", &self.outdated_procedures)?;
        let by_field: PyResult<Vec<_>> = self.by_field.iter().map(|f| f.to_dict(py)).collect();
        d.set_item("by_field", by_field?)?;
        d.set_item("current", self.current)?;
        d.set_item("successors", &self.successors)?;
        d.set_item("applicability", self.applicability)?;
        d.set_item("decisions", &self.decisions)?;
        // Only with `stale_after`, as in the core's JSON.
        if let Some(stale) = &self.stale {
            d.set_item("stale", stale)?;
        }
        if let Some(unchecked) = self.unchecked {
            d.set_item("unchecked", unchecked)?;
        }
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "UnitCompliance(code={}, name={}, published={}, applicable={}, percent={})",
            convert::repr(py, &self.code),
            convert::repr(py, &self.name),
            convert::repr(py, self.published),
            convert::repr(py, self.applicable),
            convert::repr(py, self.percent)
        )
    }
}

/// FieldCompliance — one field's figures for one unit: ``field`` (code), ``name``,
/// ``applicable``, ``published``, ``rate``, ``rate_pair``, ``percent``.
#[pyclass(frozen, get_all, module = "tthc")]
#[derive(Clone)]
pub struct FieldCompliance {
    field: String,
    name: String,
    applicable: u32,
    published: u32,
    rate_pair: Option<(u32, u32)>,
    percent: Option<f64>,
}

impl FieldCompliance {
    pub(crate) fn new(f: &FieldRow<'_>) -> Self {
        FieldCompliance {
            field: f.field.to_owned(),
            name: f.name.to_owned(),
            applicable: f.applicable,
            published: f.published,
            rate_pair: convert::pair(f.rate),
            percent: f.percent,
        }
    }
}

#[pymethods]
impl FieldCompliance {
    /// rate -> fractions.Fraction | None — published / applicable.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.rate_pair)
    }

    /// to_dict() -> tthc._report_types.FieldReport — the entry of ``by_field`` in the JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("field", &self.field)?;
        d.set_item("name", &self.name)?;
        d.set_item("applicable", self.applicable)?;
        d.set_item("published", self.published)?;
        d.set_item("rate", self.rate_pair.map(|(p, a)| [p, a]))?;
        d.set_item("percent", self.percent)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "FieldCompliance(field={}, published={}, applicable={})",
            convert::repr(py, &self.field),
            self.published,
            self.applicable
        )
    }
}

/// GroupCompliance — the units of one level inside one parent (e.g. the communes of a
/// district).
///
/// ``parent`` (code), ``name`` (the parent's), ``level``, ``units`` (how many), ``basis``
/// (``items``, ``reported`` or ``mixed``), ``approximate``, ``applicable`` and ``published``
/// (totals, ``None`` unless every unit has an exact figure), ``rate`` / ``rate_pair`` /
/// ``percent`` (pooled), ``min_percent``, ``max_percent``, ``mean_percent`` (of the unit rates),
/// ``applicable_per_unit``, ``published_per_unit``, ``fields_published_per_unit``
/// (``(smallest, largest)`` or ``None``).
#[pyclass(frozen, get_all, module = "tthc")]
pub struct GroupCompliance {
    parent: String,
    name: String,
    level: &'static str,
    units: u32,
    basis: &'static str,
    approximate: bool,
    applicable: Option<u32>,
    published: Option<u32>,
    rate_pair: Option<(u32, u32)>,
    percent: Option<f64>,
    min_percent: Option<f64>,
    max_percent: Option<f64>,
    mean_percent: Option<f64>,
    applicable_per_unit: Option<(u32, u32)>,
    published_per_unit: Option<(u32, u32)>,
    fields_published_per_unit: Option<(u32, u32)>,
}

impl GroupCompliance {
    pub(crate) fn new(g: &GroupRow<'_>) -> Self {
        GroupCompliance {
            parent: g.parent.to_owned(),
            name: g.name.to_owned(),
            level: g.level,
            units: g.units,
            basis: g.basis,
            approximate: g.approximate,
            applicable: g.applicable,
            published: g.published,
            rate_pair: convert::pair(g.rate),
            percent: g.percent,
            min_percent: g.min_percent,
            max_percent: g.max_percent,
            mean_percent: g.mean_percent,
            applicable_per_unit: convert::pair(g.applicable_per_unit),
            published_per_unit: convert::pair(g.published_per_unit),
            fields_published_per_unit: convert::pair(g.fields_published_per_unit),
        }
    }
}

#[pymethods]
impl GroupCompliance {
    /// rate -> fractions.Fraction | None — the pooled rate Σ published / Σ applicable.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.rate_pair)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "GroupCompliance(parent={}, level={}, units={})",
            convert::repr(py, &self.parent),
            convert::repr(py, self.level),
            self.units
        )
    }
}

/// ReportWarning — a posting that did not count, or a report that was not used: ``code``
/// (``posted_unknown``, ``posted_not_applicable``, ``posted_twice``, ``posted_after_as_of``,
/// ``report_superseded``), ``unit`` (code) and ``procedure`` (the code as posted, or ``None``).
#[pyclass(frozen, get_all, module = "tthc")]
pub struct ReportWarning {
    code: &'static str,
    unit: String,
    procedure: Option<String>,
}

impl ReportWarning {
    pub(crate) fn new(w: &WarningRow<'_>) -> Self {
        ReportWarning {
            code: w.code,
            unit: w.unit.to_owned(),
            procedure: w.procedure.map(str::to_owned),
        }
    }
}

#[pymethods]
impl ReportWarning {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ReportWarning(code={}, unit={}, procedure={})",
            convert::repr(py, self.code),
            convert::repr(py, &self.unit),
            convert::repr(py, self.procedure.as_deref())
        )
    }
}
