//! Vietnamese text (the core's `tthc::text`): `fold`, `sort_key`.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::Text;
use crate::error::attached;

/// fold(text: str) -> str
///
/// Fold text for comparison and search: lower case, no tones or diacritics, ``đ`` → ``d``,
/// single spaces (the core's ``tthc::text::fold``).
#[pyfunction]
pub fn fold(py: Python<'_>, text: Text) -> PyResult<String> {
    let text = text.arg(py, "text")?;
    attached(py, || Ok(tthc::text::fold(text)))
}

/// sort_key(text: str) -> bytes
///
/// A byte key whose order is Vietnamese alphabetical order (ICU's ``vi`` collation):
/// ``sorted(names, key=tthc.sort_key)``.
#[pyfunction]
pub fn sort_key(py: Python<'_>, text: Text) -> PyResult<Bound<'_, PyBytes>> {
    let text = text.arg(py, "text")?;
    let key = attached(py, || Ok(tthc::text::sort_key(text)))?;
    Ok(PyBytes::new(py, &key))
}
