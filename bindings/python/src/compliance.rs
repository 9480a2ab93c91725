//! `tthc.Report` and its views: per unit, per group, per field, warnings; columns for data
//! frames. Every figure comes from the core's `Compliance`; this module only translates.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::convert;
use crate::error::detached;

/// The catalogue and the report computed from it.
struct Shared {
    cat: Arc<tthc::Catalog>,
    rep: tthc::Compliance,
}

/// Report — a compliance report for one channel and one day.
///
/// ``as_of`` (``datetime.date``), ``channel``, ``units`` (``UnitCompliance``, one per unit in
/// document order), ``groups`` (``GroupCompliance``, the units of one level inside a parent),
/// ``warnings`` (``ReportWarning``: postings that did not count). Export with ``to_dict()``
/// (the report JSON of format.md §3), ``to_json()``, ``to_columns()``, ``to_pandas()`` and
/// ``to_polars()``. ``len(report)`` is the number of units.
#[pyclass(frozen, module = "tthc")]
pub struct Report {
    shared: Arc<Shared>,
    units: PyOnceLock<Py<PyTuple>>,
    groups: PyOnceLock<Py<PyTuple>>,
    warnings: PyOnceLock<Py<PyTuple>>,
}

impl Report {
    pub(crate) fn new(cat: Arc<tthc::Catalog>, rep: tthc::Compliance) -> Self {
        Report {
            shared: Arc::new(Shared { cat, rep }),
            units: PyOnceLock::new(),
            groups: PyOnceLock::new(),
            warnings: PyOnceLock::new(),
        }
    }

    fn views<'py, T: pyo3::PyClass + Into<PyClassInitializer<T>>>(
        py: Python<'py>,
        cell: &PyOnceLock<Py<PyTuple>>,
        n: usize,
        make: impl Fn(usize) -> T,
    ) -> PyResult<Bound<'py, PyTuple>> {
        cell.get_or_try_init(py, || {
            let items = (0..n)
                .map(|i| Bound::new(py, make(i)))
                .collect::<PyResult<Vec<_>>>()?;
            Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
        })
        .map(|t| t.bind(py).clone())
    }

    fn json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        let shared = Arc::clone(&self.shared);
        detached(py, || {
            Ok(if pretty {
                shared.rep.to_json_pretty(&shared.cat)
            } else {
                shared.rep.to_json(&shared.cat)
            })
        })
    }
}

#[pymethods]
impl Report {
    /// as_of -> datetime.date — the day the report describes.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::date(py, self.shared.rep.as_of)
    }

    /// channel -> str — ``one_stop_shop``, ``portal`` or ``national``.
    #[getter]
    fn channel(&self) -> &'static str {
        self.shared.rep.channel.as_str()
    }

    /// units -> tuple[UnitCompliance, ...] — one entry per unit, in document order.
    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        Self::views(py, &self.units, self.shared.rep.units.len(), |i| {
            UnitCompliance {
                shared: Arc::clone(&self.shared),
                index: i,
            }
        })
    }

    /// groups -> tuple[GroupCompliance, ...] — the units of one level inside one parent.
    #[getter]
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        Self::views(py, &self.groups, self.shared.rep.groups.len(), |i| {
            GroupCompliance {
                shared: Arc::clone(&self.shared),
                index: i,
            }
        })
    }

    /// warnings -> tuple[ReportWarning, ...] — postings that did not count, reports not used.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        Self::views(py, &self.warnings, self.shared.rep.warnings.len(), |i| {
            let w = &self.shared.rep.warnings[i];
            ReportWarning {
                code: w.code,
                unit: self.shared.cat.unit(w.unit).code.clone(),
                procedure: w
                    .procedure
                    .as_ref()
                    .map(|p| p.code(&self.shared.cat).to_owned()),
            }
        })
    }

    /// unit(code) -> UnitCompliance | None — the entry of the unit with this GSO code.
    fn unit(&self, code: &str) -> Option<UnitCompliance> {
        let id = self.shared.cat.unit_id(code)?;
        let index = id.0 as usize;
        (index < self.shared.rep.units.len()).then(|| UnitCompliance {
            shared: Arc::clone(&self.shared),
            index,
        })
    }

    /// to_json(pretty=False) -> str — the report JSON of format.md §3.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.json(py, pretty)
    }

    /// to_dict() -> dict[str, Any] — the report JSON of format.md §3 as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.json(py, false)?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// to_columns() -> dict[str, list[Any]]
    ///
    /// One row per unit, as equal-length lists: ``unit``, ``name``, ``level``, ``parent``,
    /// ``basis``, ``approximate``, ``applicable``, ``published``, ``outdated``, ``fields``,
    /// ``fields_published``, ``rate_num``, ``rate_den``, ``percent``, ``rank`` (``None`` where
    /// a figure is unknown). Ready for ``pandas.DataFrame(...)`` or ``polars.DataFrame(...)``.
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        columns(py, &self.shared)
    }

    /// to_pandas() -> pandas.DataFrame — ``to_columns()`` as a pandas data frame.
    ///
    /// Counts are nullable ``Int64`` columns. Raises ``ImportError`` when pandas is not
    /// installed (it is not a dependency of tthc).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cols = columns(py, &self.shared)?;
        py.import("tthc._frames")?
            .call_method1("to_pandas", (cols,))
    }

    /// to_polars() -> polars.DataFrame — ``to_columns()`` as a polars data frame.
    ///
    /// Raises ``ImportError`` when polars is not installed (it is not a dependency of tthc).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cols = columns(py, &self.shared)?;
        py.import("tthc._frames")?
            .call_method1("to_polars", (cols,))
    }

    fn __len__(&self) -> usize {
        self.shared.rep.units.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<tthc.Report {} as of {}: {} units, {} groups, {} warnings>",
            self.shared.rep.channel,
            self.shared.rep.as_of,
            self.shared.rep.units.len(),
            self.shared.rep.groups.len(),
            self.shared.rep.warnings.len()
        )
    }
}

/// The columns of `to_columns`, built in Rust.
///
/// Repeated values are made once and shared: the level and basis names, parent codes, counts
/// and percentages (a national report has 10,000 units but only a few hundred distinct counts).
fn columns<'py>(py: Python<'py>, shared: &Shared) -> PyResult<Bound<'py, PyDict>> {
    let (cat, units) = (&shared.cat, &shared.rep.units);
    let unit = |u: &tthc::UnitCompliance| cat.unit(u.unit);
    let none = py.None().into_bound(py);
    let mut shared_objects = Objects::new(py);
    let mut levels = vec![none.clone(); tthc::Level::ALL.len()];
    for l in tthc::Level::ALL {
        levels[l as usize] = PyString::new(py, l.as_str()).into_any();
    }
    let bases = [
        tthc::Basis::Items,
        tthc::Basis::Reported,
        tthc::Basis::Mixed,
    ]
    .map(|b| PyString::new(py, b.as_str()).into_any());
    let basis = |b: tthc::Basis| match b {
        tthc::Basis::Items => &bases[0],
        tthc::Basis::Reported => &bases[1],
        tthc::Basis::Mixed => &bases[2],
    };
    let mut parents: Vec<Option<Bound<'py, PyAny>>> = vec![None; cat.units().len()];

    let out = PyDict::new(py);
    let column = |name: &str, items: Vec<Bound<'py, PyAny>>| -> PyResult<()> {
        out.set_item(name, PyList::new(py, items)?)
    };
    column(
        "unit",
        units
            .iter()
            .map(|u| PyString::new(py, &unit(u).code).into_any())
            .collect(),
    )?;
    column(
        "name",
        units
            .iter()
            .map(|u| PyString::new(py, &unit(u).name).into_any())
            .collect(),
    )?;
    column(
        "level",
        units
            .iter()
            .map(|u| levels[unit(u).level as usize].clone())
            .collect(),
    )?;
    let parent_column = units
        .iter()
        .map(|u| {
            let un = unit(u);
            match (un.parent, un.parent_code.as_deref()) {
                (Some(id), Some(code)) => parents[id.0 as usize]
                    .get_or_insert_with(|| PyString::new(py, code).into_any())
                    .clone(),
                (None, Some(code)) => PyString::new(py, code).into_any(),
                _ => none.clone(),
            }
        })
        .collect();
    column("parent", parent_column)?;
    column(
        "basis",
        units.iter().map(|u| basis(u.basis).clone()).collect(),
    )?;
    column(
        "approximate",
        units
            .iter()
            .map(|u| PyBool::new(py, u.approximate).to_owned().into_any())
            .collect(),
    )?;
    let mut counts = |get: fn(&tthc::UnitCompliance) -> Option<u32>| -> Vec<Bound<'py, PyAny>> {
        units.iter().map(|u| shared_objects.int(get(u))).collect()
    };
    let applicable = counts(|u| u.applicable);
    let published = counts(|u| u.published);
    let outdated = counts(|u| u.outdated);
    let fields = counts(|u| u.fields);
    let fields_published = counts(|u| u.fields_published);
    let rate_num = counts(|u| u.rate.map(|r| r.published));
    let rate_den = counts(|u| u.rate.map(|r| r.applicable));
    column("applicable", applicable)?;
    column("published", published)?;
    column("outdated", outdated)?;
    column("fields", fields)?;
    column("fields_published", fields_published)?;
    column("rate_num", rate_num)?;
    column("rate_den", rate_den)?;
    let percent = units
        .iter()
        .map(|u| shared_objects.percent(u.rate))
        .collect();
    column("percent", percent)?;
    let rank = units.iter().map(|u| shared_objects.int(u.rank)).collect();
    column("rank", rank)?;
    Ok(out)
}

/// Python ints and percentages made once per `to_columns` call and shared between cells.
struct Objects<'py> {
    py: Python<'py>,
    none: Bound<'py, PyAny>,
    ints: Vec<Option<Bound<'py, PyAny>>>,
    /// By tenths of a percent (0..=1000 for rates up to 100 %).
    percents: Vec<Option<Bound<'py, PyAny>>>,
}

impl<'py> Objects<'py> {
    const CACHED_INTS: u32 = 1 << 14;

    fn new(py: Python<'py>) -> Self {
        Objects {
            py,
            none: py.None().into_bound(py),
            ints: Vec::new(),
            percents: Vec::new(),
        }
    }

    fn int(&mut self, v: Option<u32>) -> Bound<'py, PyAny> {
        let py = self.py;
        match v {
            None => self.none.clone(),
            Some(v) if v < Self::CACHED_INTS => {
                let i = v as usize;
                if self.ints.len() <= i {
                    self.ints.resize(i + 1, None);
                }
                self.ints[i]
                    .get_or_insert_with(|| PyInt::new(py, v).into_any())
                    .clone()
            }
            Some(v) => PyInt::new(py, v).into_any(),
        }
    }

    fn percent(&mut self, rate: Option<tthc::Rate>) -> Bound<'py, PyAny> {
        let py = self.py;
        let Some(rate) = rate else {
            return self.none.clone();
        };
        match usize::try_from(rate.permille()) {
            Ok(i) if i <= 1000 => {
                if self.percents.len() <= i {
                    self.percents.resize(i + 1, None);
                }
                self.percents[i]
                    .get_or_insert_with(|| PyFloat::new(py, rate.percent()).into_any())
                    .clone()
            }
            _ => PyFloat::new(py, rate.percent()).into_any(),
        }
    }
}

/// UnitCompliance — the figures of one unit in a ``Report``.
///
/// ``code``, ``name``, ``level``, ``parent``, ``basis`` (``items`` or ``reported``),
/// ``approximate``, ``applicable``, ``published``, ``outdated``, ``fields``,
/// ``fields_published`` (``int`` or ``None`` when unknown), ``rate`` (``fractions.Fraction`` or
/// ``None``), ``rate_pair`` (the unreduced ``(published, applicable)``), ``percent`` (one
/// decimal, or ``None``), ``rank``, ``missing`` and ``outdated_procedures`` (procedure codes),
/// ``by_field`` (``FieldCompliance``).
#[pyclass(frozen, module = "tthc")]
pub struct UnitCompliance {
    shared: Arc<Shared>,
    index: usize,
}

impl UnitCompliance {
    fn get(&self) -> &tthc::UnitCompliance {
        &self.shared.rep.units[self.index]
    }
    fn unit(&self) -> &tthc::catalog::Unit {
        self.shared.cat.unit(self.get().unit)
    }
    fn codes<'py>(&self, py: Python<'py>, ids: &[tthc::ProcId]) -> PyResult<Bound<'py, PyList>> {
        let cat = &self.shared.cat;
        PyList::new(py, ids.iter().map(|&p| cat.procedure(p).code.as_str()))
    }
}

#[pymethods]
impl UnitCompliance {
    /// code -> str — the unit's GSO code.
    #[getter]
    fn code(&self) -> &str {
        &self.unit().code
    }
    /// name -> str
    #[getter]
    fn name(&self) -> &str {
        &self.unit().name
    }
    /// level -> str — ``province``, ``district`` or ``commune``.
    #[getter]
    fn level(&self) -> &'static str {
        self.unit().level.as_str()
    }
    /// parent -> str | None — the parent's code.
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.unit().parent_code.as_deref()
    }
    /// basis -> str — ``items`` (counted from postings) or ``reported`` (a reported figure).
    #[getter]
    fn basis(&self) -> &'static str {
        self.get().basis.as_str()
    }
    /// approximate -> bool — the figures were reported as "khoảng" (about).
    #[getter]
    fn approximate(&self) -> bool {
        self.get().approximate
    }
    /// applicable -> int | None — procedures that apply to the unit.
    #[getter]
    fn applicable(&self) -> Option<u32> {
        self.get().applicable
    }
    /// published -> int | None — applicable procedures posted on the channel.
    #[getter]
    fn published(&self) -> Option<u32> {
        self.get().published
    }
    /// outdated -> int | None — postings older than the procedure's last amendment.
    #[getter]
    fn outdated(&self) -> Option<u32> {
        self.get().outdated
    }
    /// fields -> int | None — distinct fields among applicable procedures.
    #[getter]
    fn fields(&self) -> Option<u32> {
        self.get().fields
    }
    /// fields_published -> int | None — distinct fields among published procedures.
    #[getter]
    fn fields_published(&self) -> Option<u32> {
        self.get().fields_published
    }
    /// rate -> fractions.Fraction | None — published / applicable (normalised by Python).
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.get().rate)
    }
    /// rate_pair -> tuple[int, int] | None — ``(published, applicable)`` as counted.
    #[getter]
    fn rate_pair(&self) -> Option<(u32, u32)> {
        convert::pair(self.get().rate)
    }
    /// percent -> float | None — the rate in percent, one decimal, half away from zero.
    #[getter]
    fn percent(&self) -> Option<f64> {
        self.get().rate.map(tthc::Rate::percent)
    }
    /// rank -> int | None — rank by rate among units of the same level (1, 2, 2, 4).
    #[getter]
    fn rank(&self) -> Option<u32> {
        self.get().rank
    }
    /// missing -> list[str] — applicable procedures neither published nor outdated.
    #[getter]
    fn missing<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.codes(py, &self.get().missing)
    }
    /// outdated_procedures -> list[str] — procedures posted before their last amendment.
    #[getter]
    fn outdated_procedures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.codes(py, &self.get().outdated_procedures)
    }
    /// by_field -> list[FieldCompliance] — per field with an applicable procedure.
    #[getter]
    fn by_field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let cat = &self.shared.cat;
        PyList::new(
            py,
            self.get().by_field.iter().map(|f| {
                let field = cat.field(f.field);
                FieldCompliance {
                    field: field.code.clone(),
                    name: field.name.clone(),
                    applicable: f.applicable,
                    published: f.published,
                    rate: f.rate(),
                }
            }),
        )
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let u = self.get();
        format!(
            "UnitCompliance(code={}, name={}, published={}, applicable={}, percent={})",
            convert::repr(py, &self.unit().code),
            convert::repr(py, &self.unit().name),
            convert::repr(py, u.published),
            convert::repr(py, u.applicable),
            convert::repr(py, u.rate.map(tthc::Rate::percent))
        )
    }
}

/// FieldCompliance — one field's figures for one unit: ``field`` (code), ``name``,
/// ``applicable``, ``published``, ``rate``, ``rate_pair``, ``percent``.
#[pyclass(frozen, module = "tthc")]
pub struct FieldCompliance {
    field: String,
    name: String,
    applicable: u32,
    published: u32,
    rate: Option<tthc::Rate>,
}

#[pymethods]
impl FieldCompliance {
    /// field -> str — the field's code.
    #[getter]
    fn field(&self) -> &str {
        &self.field
    }
    /// name -> str — the field's name.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }
    /// applicable -> int
    #[getter]
    fn applicable(&self) -> u32 {
        self.applicable
    }
    /// published -> int
    #[getter]
    fn published(&self) -> u32 {
        self.published
    }
    /// rate -> fractions.Fraction | None
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.rate)
    }
    /// rate_pair -> tuple[int, int] | None — ``(published, applicable)``.
    #[getter]
    fn rate_pair(&self) -> Option<(u32, u32)> {
        convert::pair(self.rate)
    }
    /// percent -> float | None
    #[getter]
    fn percent(&self) -> Option<f64> {
        self.rate.map(tthc::Rate::percent)
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
#[pyclass(frozen, module = "tthc")]
pub struct GroupCompliance {
    shared: Arc<Shared>,
    index: usize,
}

impl GroupCompliance {
    fn get(&self) -> &tthc::GroupCompliance {
        &self.shared.rep.groups[self.index]
    }
}

#[pymethods]
impl GroupCompliance {
    /// parent -> str — the parent unit's code.
    #[getter]
    fn parent(&self) -> &str {
        &self.shared.cat.unit(self.get().parent).code
    }
    /// name -> str — the parent unit's name.
    #[getter]
    fn name(&self) -> &str {
        &self.shared.cat.unit(self.get().parent).name
    }
    /// level -> str — the level of the units in the group.
    #[getter]
    fn level(&self) -> &'static str {
        self.get().level.as_str()
    }
    /// units -> int — how many units.
    #[getter]
    fn units(&self) -> u32 {
        self.get().units
    }
    /// basis -> str — ``items``, ``reported`` or ``mixed``.
    #[getter]
    fn basis(&self) -> &'static str {
        self.get().basis.as_str()
    }
    /// approximate -> bool — some unit's figures are approximate.
    #[getter]
    fn approximate(&self) -> bool {
        self.get().approximate
    }
    /// applicable -> int | None — Σ applicable.
    #[getter]
    fn applicable(&self) -> Option<u32> {
        self.get().applicable
    }
    /// published -> int | None — Σ published.
    #[getter]
    fn published(&self) -> Option<u32> {
        self.get().published
    }
    /// rate -> fractions.Fraction | None — the pooled rate Σ published / Σ applicable.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::fraction(py, self.get().rate)
    }
    /// rate_pair -> tuple[int, int] | None — ``(Σ published, Σ applicable)``.
    #[getter]
    fn rate_pair(&self) -> Option<(u32, u32)> {
        convert::pair(self.get().rate)
    }
    /// percent -> float | None — the pooled rate in percent.
    #[getter]
    fn percent(&self) -> Option<f64> {
        self.get().rate.map(tthc::Rate::percent)
    }
    /// min_percent -> float | None — the smallest unit rate.
    #[getter]
    fn min_percent(&self) -> Option<f64> {
        convert::percent(self.get().min_permille)
    }
    /// max_percent -> float | None — the largest unit rate.
    #[getter]
    fn max_percent(&self) -> Option<f64> {
        convert::percent(self.get().max_permille)
    }
    /// mean_percent -> float | None — the mean of the exact unit rates, rounded once.
    #[getter]
    fn mean_percent(&self) -> Option<f64> {
        convert::percent(self.get().mean_permille)
    }
    /// applicable_per_unit -> tuple[int, int] | None — smallest and largest.
    #[getter]
    fn applicable_per_unit(&self) -> Option<(u32, u32)> {
        self.get().applicable_per_unit.map(|[a, b]| (a, b))
    }
    /// published_per_unit -> tuple[int, int] | None — smallest and largest.
    #[getter]
    fn published_per_unit(&self) -> Option<(u32, u32)> {
        self.get().published_per_unit.map(|[a, b]| (a, b))
    }
    /// fields_published_per_unit -> tuple[int, int] | None — smallest and largest.
    #[getter]
    fn fields_published_per_unit(&self) -> Option<(u32, u32)> {
        self.get().fields_published_per_unit.map(|[a, b]| (a, b))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "GroupCompliance(parent={}, level={}, units={})",
            convert::repr(py, self.parent()),
            convert::repr(py, self.level()),
            self.units()
        )
    }
}

/// ReportWarning — a posting that did not count, or a report that was not used.
///
/// ``code`` (``posted_unknown``, ``posted_not_applicable``, ``posted_twice``,
/// ``posted_after_as_of``, ``report_superseded``), ``unit`` (code) and ``procedure`` (the code
/// as posted, or ``None``).
#[pyclass(frozen, module = "tthc", get_all)]
pub struct ReportWarning {
    /// The warning's code.
    code: &'static str,
    /// The unit's code.
    unit: String,
    /// The procedure's code as posted.
    procedure: Option<String>,
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
