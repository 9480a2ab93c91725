//! Compliance (the core's `tthc::compliance`): `Catalog.compliance` gives a `Report`;
//! `Catalog.unit_report` one unit. Every value shown comes from the core's report view
//! ([`tthc::compliance::ReportView`]: codes and names resolved, rates as pairs, percentages
//! rounded); this module copies its rows into read-only Python objects.

pub mod columns;
mod view;

pub use view::{FieldCompliance, GroupCompliance, ReportWarning, UnitCompliance};

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};
use tthc::compliance::{ReportView, UnitRow};

use crate::catalog::Catalog;
use crate::convert::{self, Text};
use crate::error::{attached, detached};

/// The options of a computation: a channel name and an `as_of` (`datetime.date`, ISO text or
/// `None`), parsed by the core.
pub(crate) fn options(
    py: Python<'_>,
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<tthc::ComplianceOptions> {
    stale_options(py, channel, as_of, None)
}

/// [`options`] and `stale_after` (days), checked by the core.
pub(crate) fn stale_options(
    py: Python<'_>,
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
    stale_after: Option<i64>,
) -> PyResult<tthc::ComplianceOptions> {
    let channel = channel.arg(py, "channel")?;
    let as_of = convert::day_text(as_of)?;
    attached(py, || {
        tthc::ComplianceOptions::parse(Some(channel), as_of.as_deref())
            .and_then(|o| o.with_stale_after(stale_after))
    })
}

/// `Catalog.compliance`.
pub(crate) fn report(
    catalog: &Catalog,
    py: Python<'_>,
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
    stale_after: Option<i64>,
) -> PyResult<Report> {
    let options = stale_options(py, channel, as_of, stale_after)?;
    let cat = Arc::clone(&catalog.inner);
    let rep = detached(py, || Ok(cat.compliance(&options)))?;
    Ok(Report {
        shared: Arc::new(Shared { cat, rep }),
        units: PyOnceLock::new(),
        groups: PyOnceLock::new(),
        warnings: PyOnceLock::new(),
    })
}

/// `Catalog.unit_report`.
pub(crate) fn unit_report(
    catalog: &Catalog,
    py: Python<'_>,
    code: &Text,
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
    stale_after: Option<i64>,
) -> PyResult<UnitCompliance> {
    // The core's name for the unit argument (`unknown_unit` is at `unit` too).
    let code = code.arg(py, "unit")?;
    let options = stale_options(py, channel, as_of, stale_after)?;
    let cat = &catalog.inner;
    let row = detached(py, || cat.unit_report(code, &options))?;
    Ok(UnitCompliance::new(&row))
}

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
/// (the report JSON of format.md §3), ``to_json()``, ``to_columns()``, ``to_pandas()``,
/// ``to_polars()`` and ``to_arrow()``. ``len(report)`` is the number of units.
#[pyclass(frozen, module = "tthc")]
pub struct Report {
    shared: Arc<Shared>,
    units: PyOnceLock<Py<PyTuple>>,
    groups: PyOnceLock<Py<PyTuple>>,
    warnings: PyOnceLock<Py<PyTuple>>,
}

impl Report {
    /// A tuple of Python objects made from the rows of the report view, once; the rows are
    /// copied without the GIL.
    fn rows<'py, T>(
        &self,
        py: Python<'py>,
        cell: &PyOnceLock<Py<PyTuple>>,
        make: impl FnOnce(&ReportView<'_>) -> Vec<T> + Send,
    ) -> PyResult<Bound<'py, PyTuple>>
    where
        T: pyo3::PyClass + Into<PyClassInitializer<T>> + Send,
    {
        cell.get_or_try_init(py, || {
            let shared = &*self.shared;
            let items = detached(py, || Ok(make(&shared.rep.view(&shared.cat))))?;
            let items =
                (items.into_iter().map(|t| Bound::new(py, t))).collect::<PyResult<Vec<_>>>()?;
            Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
        })
        .map(|t| t.bind(py).clone())
    }

    fn json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        let Shared { cat, rep } = &*self.shared;
        detached(py, || {
            Ok(if pretty {
                rep.to_json_pretty(cat)
            } else {
                rep.to_json(cat)
            })
        })
    }

    fn frame<'py>(&self, py: Python<'py>, library: &str) -> PyResult<Bound<'py, PyAny>> {
        let columns = self.to_columns(py)?;
        py.import("tthc._frames")?.call_method1(library, (columns,))
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
        self.rows(py, &self.units, |v| {
            v.units.iter().map(UnitCompliance::new).collect()
        })
    }

    /// groups -> tuple[GroupCompliance, ...] — the units of one level inside one parent.
    #[getter]
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.rows(py, &self.groups, |v| {
            v.groups.iter().map(GroupCompliance::new).collect()
        })
    }

    /// warnings -> tuple[ReportWarning, ...] — postings that did not count, reports not used.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.rows(py, &self.warnings, |v| {
            v.warnings.iter().map(ReportWarning::new).collect()
        })
    }

    /// unit(code) -> UnitCompliance | None — the entry of the unit with this GSO code.
    fn unit(&self, py: Python<'_>, code: Text) -> PyResult<Option<UnitCompliance>> {
        let code = code.arg(py, "code")?;
        let Shared { cat, rep } = &*self.shared;
        Ok(rep
            .unit_by_code(cat, code)
            .map(|unit| UnitCompliance::new(&UnitRow::new(cat, unit))))
    }

    /// to_json(pretty=False) -> str — the report JSON of format.md §3.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        self.json(py, pretty)
    }

    /// to_dict() -> tthc._report_types.Report — the report JSON of format.md §3 as Python
    /// objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.json(py, false)?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// to_columns() -> dict[str, list[Any]]
    ///
    /// One row per unit, as equal-length lists named and typed by ``tthc.UNIT_COLUMNS``:
    /// ``unit``, ``name``, ``level``, ``parent``, ``basis``, ``approximate``, ``applicable``,
    /// ``published``, ``outdated``, ``fields``, ``fields_published``, ``rate_num``,
    /// ``rate_den``, ``percent``, ``rank`` (``None`` where a figure is unknown). Ready for
    /// ``pandas.DataFrame(...)`` or ``polars.DataFrame(...)``.
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        columns::to_columns(py, &self.shared.rep, &self.shared.cat)
    }

    /// to_pandas() -> pandas.DataFrame — ``to_columns()`` as a pandas data frame.
    ///
    /// Counts are nullable ``Int64`` columns. Raises ``ImportError`` when pandas is not
    /// installed (it is not a dependency of tthc).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "to_pandas")
    }

    /// to_polars() -> polars.DataFrame — ``to_columns()`` as a polars data frame.
    ///
    /// Raises ``ImportError`` when polars is not installed (it is not a dependency of tthc).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "to_polars")
    }

    /// to_arrow() -> ArrowTable
    ///
    /// The report's units as Arrow data, with the columns and types of ``unit_rates.parquet``
    /// (``UNIT_COLUMNS``: strings, booleans, counts as int64, ``percent`` as float64, ``None`` as
    /// null), through the Arrow PyCapsule interface: ``pyarrow.table(report.to_arrow())``,
    /// ``polars.DataFrame(report.to_arrow())``, DuckDB. Needs no Arrow library in tthc.
    #[cfg(feature = "parquet")]
    fn to_arrow(&self, py: Python<'_>) -> PyResult<crate::arrow::ArrowTable> {
        let Shared { cat, rep } = &*self.shared;
        crate::arrow::unit_rates(py, cat, rep)
    }

    fn __len__(&self) -> usize {
        self.shared.rep.units.len()
    }

    fn __repr__(&self) -> String {
        let rep = &self.shared.rep;
        format!(
            "<tthc.Report {} as of {}: {} units, {} groups, {} warnings>",
            rep.channel,
            rep.as_of,
            rep.units.len(),
            rep.groups.len(),
            rep.warnings.len()
        )
    }
}
