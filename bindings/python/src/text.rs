//! Vietnamese text and percentages for people: `fold`, `sort_key`, `format_percent`.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert;
use crate::error::attached;

/// fold(text: str) -> str
///
/// Fold text for comparison and search: lower case, no tones or diacritics, ``đ`` → ``d``,
/// single spaces (the core's ``tthc::text::fold``).
#[pyfunction]
pub fn fold(py: Python<'_>, text: &str) -> PyResult<String> {
    attached(py, || tthc::text::fold(text))
}

/// sort_key(text: str) -> bytes
///
/// A byte key whose order is Vietnamese alphabetical order:
/// ``sorted(names, key=tthc.sort_key)``.
#[pyfunction]
pub fn sort_key<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyBytes>> {
    let key = attached(py, || tthc::text::sort_key(text))?;
    Ok(PyBytes::new(py, &key))
}

/// format_percent(rate, lang="vi") -> str
///
/// A rate as a percentage for people, one decimal rounded half away from zero on the exact
/// fraction: ``93,5%`` (``vi``) or ``93.5%`` (``en``); ``—`` for ``None``. ``rate`` is a
/// ``fractions.Fraction``, a ``(published, applicable)`` pair (``applicable == 0`` means no
/// rate) or ``None``. Raises ``ArgumentError`` (``bad_value``) for negative or huge parts or
/// an unknown language.
#[pyfunction]
#[pyo3(signature = (rate, lang = "vi"))]
pub fn format_percent(py: Python<'_>, rate: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let rate = convert::rate_arg(rate)?.map_err(|e| e.into_pyerr(py))?;
    let lang = convert::lang(lang).map_err(|e| e.into_pyerr(py))?;
    attached(py, || tthc::format_percent(rate, lang))
}
