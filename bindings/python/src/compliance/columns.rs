//! The column schema (the core's `tthc::compliance::columns`): `Report.to_columns()` and
//! `tthc.UNIT_COLUMNS`, both from [`UNIT_COLUMNS`] and [`tthc::Compliance::unit_cells`].

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use pyo3::IntoPyObjectExt;
use tthc::compliance::columns::{Cell, UNIT_COLUMNS};

/// `UNIT_COLUMNS`: ``((name, type), ...)``, the type being ``text``, ``optional_text``,
/// ``bool``, ``count`` or ``percent``.
pub(crate) fn unit_columns(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, UNIT_COLUMNS.iter().map(|c| (c.name, c.kind.as_str())))
}

fn cell<'py>(py: Python<'py>, cell: Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
    match cell {
        Cell::Text(s) => s.into_bound_py_any(py),
        Cell::OptionalText(s) => s.into_bound_py_any(py),
        Cell::Bool(b) => b.into_bound_py_any(py),
        Cell::Count(n) => n.into_bound_py_any(py),
        Cell::Percent(p) => p.into_bound_py_any(py),
    }
}

/// The units of a report as a dict of equal-length lists, one per column of [`UNIT_COLUMNS`].
pub(crate) fn to_columns<'py>(
    py: Python<'py>,
    report: &tthc::Compliance,
    catalog: &tthc::Catalog,
) -> PyResult<Bound<'py, PyDict>> {
    let rows = report.unit_cells(catalog);
    let mut columns: Vec<Vec<Bound<'py, PyAny>>> = UNIT_COLUMNS
        .iter()
        .map(|_| Vec::with_capacity(rows.len()))
        .collect();
    for row in rows {
        for (column, value) in columns.iter_mut().zip(row) {
            column.push(cell(py, value)?);
        }
    }
    let out = PyDict::new(py);
    for (column, values) in UNIT_COLUMNS.iter().zip(columns) {
        out.set_item(column.name, PyList::new(py, values)?)?;
    }
    Ok(out)
}
