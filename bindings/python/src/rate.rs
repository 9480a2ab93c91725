//! Rates for people (the core's `tthc::rate`): `format_percent`.

use pyo3::prelude::*;

use crate::convert::{self, Text};
use crate::error::attached;

/// format_percent(rate, lang="vi") -> str
///
/// A rate as a percentage for people, one decimal rounded half away from zero on the exact
/// fraction: ``93,5%`` (``vi``) or ``93.5%`` (``en``); ``—`` for ``None`` (no rate). ``rate``
/// is a ``fractions.Fraction``, a ``(published, applicable)`` pair of ``int`` or ``None``.
/// Raises ``ArgumentError`` (``bad_value``) unless ``0 <= published <= applicable`` and
/// ``applicable > 0`` (path ``rate``), or for an unknown language (path ``lang``).
#[pyfunction]
#[pyo3(signature = (rate, lang = Text::literal("vi")), text_signature = "(rate, lang='vi')")]
pub fn format_percent(py: Python<'_>, rate: &Bound<'_, PyAny>, lang: Text) -> PyResult<String> {
    let rate = convert::rate_arg(py, rate)?;
    let lang = lang.arg(py, "lang")?;
    attached(py, || {
        Ok(tthc::format_percent(rate, lang.parse::<tthc::Lang>()?))
    })
}
