//! Search (the core's `tthc::search`): `Catalog.search` and its hits.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::catalog::Catalog;
use crate::convert::{self, Text};
use crate::error::detached;
use crate::model::Procedure;

/// SearchHit — one procedure found by ``Catalog.search``: ``code``, ``name``, ``field`` (the
/// field's code), ``score`` (larger is better; 1000 for the exact code) and ``procedure`` (the
/// ``Procedure``). ``to_dict()`` gives ``{code, name, field, score}``.
#[pyclass(frozen, get_all, module = "tthc")]
pub struct SearchHit {
    /// The procedure's code.
    code: String,
    /// The procedure's name.
    name: String,
    /// The code of the procedure's field.
    field: String,
    /// How well it matched: larger is better.
    score: u32,
    /// The procedure found.
    procedure: Py<Procedure>,
}

#[pymethods]
impl SearchHit {
    /// to_dict() -> tthc._report_types.SearchHit — ``{code, name, field, score}``, as in the
    /// JSON of ``tthc search --format json``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("field", &self.field)?;
        d.set_item("score", self.score)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SearchHit(code={}, name={}, score={})",
            convert::repr(py, &self.code),
            convert::repr(py, &self.name),
            self.score
        )
    }
}

/// `Catalog.search`: the core's [`tthc::search::SearchIndex`], built once per catalogue.
pub(crate) fn search(
    catalog: &Catalog,
    py: Python<'_>,
    query: &Text,
    limit: usize,
) -> PyResult<Vec<SearchHit>> {
    let query = query.arg(py, "query")?;
    let cat = Arc::clone(&catalog.inner);
    let index = Arc::clone(&catalog.search_index);
    let hits = detached(py, || {
        let index = index.get_or_init(|| tthc::search::SearchIndex::new(&cat));
        Ok(index.search(query, limit))
    })?;
    hits.iter()
        .map(|hit| {
            let row = hit.row(&catalog.inner);
            Ok(SearchHit {
                code: row.code.to_owned(),
                name: row.name.to_owned(),
                field: row.field.to_owned(),
                score: row.score,
                procedure: Py::new(py, Procedure::new(py, &catalog.inner, hit.procedure)?)?,
            })
        })
        .collect()
}
