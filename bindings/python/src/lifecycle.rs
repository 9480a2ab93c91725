//! Catalogues over time (the core's `tthc::diff` and `tthc::check`): `tthc.diff(old, new)`
//! gives a `Diff` holding the core's result (its JSON is docs/format.md's diff output), and
//! `Catalog.check` a list of read-only `Finding`s. One core call each, plus conversion.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::catalog::Catalog;
use crate::convert::{self, Text};
use crate::error::{attached, detached};

/// diff(old, new, channel=None, as_of=None) -> Diff
///
/// What changed from ``old`` to ``new`` (two ``Catalog``s): procedures, fields, units and
/// decisions added, removed or changed, and per unit the procedures to post, repost and take
/// down on ``channel`` (``None``: the one-stop desk and every channel the unit publishes on in
/// ``new``), with applicability on ``as_of`` (``datetime.date``, ISO text, or ``None`` for
/// ``new``'s ``as_of``, else today). Raises ``ArgumentError`` (``unknown_channel``,
/// ``bad_date``). Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (old, new, channel = None, as_of = None))]
pub fn diff(
    py: Python<'_>,
    old: PyRef<'_, Catalog>,
    new: PyRef<'_, Catalog>,
    channel: Option<Text>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<Diff> {
    let channel = Text::opt(channel.as_ref(), py, "channel")?;
    let as_of = convert::day_text(as_of)?;
    let options = attached(py, || {
        tthc::diff::DiffOptions::parse(channel, as_of.as_deref())
    })?;
    let (old, new) = (Arc::clone(&old.inner), Arc::clone(&new.inner));
    let inner = detached(py, || Ok(tthc::diff::diff(&old, &new, &options)))?;
    Ok(Diff { inner })
}

/// Diff — the result of ``tthc.diff``: ``as_of`` (the ISO day applicability was computed on),
/// ``is_empty()``, ``to_dict()`` (the diff JSON as Python objects) and ``to_json()``.
#[pyclass(frozen, module = "tthc")]
pub struct Diff {
    inner: tthc::diff::Diff,
}

#[pymethods]
impl Diff {
    /// as_of -> str — the day (ISO ``YYYY-MM-DD``) applicability was computed on.
    #[getter]
    fn as_of(&self) -> &str {
        &self.inner.as_of
    }

    /// is_empty() -> bool — nothing changed and nothing is to be done.
    fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// to_json(pretty=False) -> str — the diff JSON (docs/schema/diff.schema.json).
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }

    /// to_dict() -> tthc._report_types.Diff — the diff JSON (docs/schema/diff.schema.json) as
    /// Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.inner.to_json(),))
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        format!(
            "<tthc.Diff as of {}: {} procedures, {} fields, {} units, {} decisions changed; {} units with actions>",
            d.as_of,
            count(&d.procedures),
            count(&d.fields),
            count(&d.units),
            count(&d.decisions),
            d.actions.len()
        )
    }
}

fn count(c: &tthc::diff::Changes) -> usize {
    c.added.len() + c.removed.len() + c.changed.len()
}

/// `Catalog.check`.
pub(crate) fn check(
    catalog: &Catalog,
    py: Python<'_>,
    channel: Option<&Text>,
    as_of: Option<&Bound<'_, PyAny>>,
    stale_after: Option<i64>,
) -> PyResult<Vec<Finding>> {
    let channel = Text::opt(channel, py, "channel")?;
    let as_of = convert::day_text(as_of)?;
    let options = attached(py, || {
        tthc::check::CheckOptions::parse(channel, as_of.as_deref(), stale_after)
    })?;
    let cat = &catalog.inner;
    let findings = detached(py, || Ok(tthc::check::check(cat, &options)))?;
    Ok(findings
        .into_iter()
        .map(|f| Finding {
            code: f.code.as_str(),
            path: f.path,
            message: f.message,
        })
        .collect())
}

/// Finding — one thing ``Catalog.check`` found: ``code``, ``path`` (a JSON pointer into the
/// document) and ``message`` (plain English). ``to_dict()`` gives its entry of the check JSON.
#[pyclass(frozen, get_all, module = "tthc")]
pub struct Finding {
    code: &'static str,
    path: String,
    message: String,
}

#[pymethods]
impl Finding {
    /// to_dict() -> tthc._report_types.Finding — ``{"code", "path", "message"}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code)?;
        d.set_item("path", &self.path)?;
        d.set_item("message", &self.message)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Finding(code={}, path={}, message={})",
            convert::repr(py, self.code),
            convert::repr(py, &self.path),
            convert::repr(py, &self.message)
        )
    }
}
