//! Conversions between Python values and the core's: dates, rates, input text, options.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;

use crate::error::{argument, Failure};

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static FRACTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `datetime.date`.
pub(crate) fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// A core date as `datetime.date`.
pub(crate) fn date(py: Python<'_>, d: tthc::Date) -> PyResult<Bound<'_, PyAny>> {
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// An optional core date as `datetime.date | None`.
pub(crate) fn opt_date(
    py: Python<'_>,
    d: Option<tthc::Date>,
) -> PyResult<Option<Bound<'_, PyAny>>> {
    d.map(|d| date(py, d)).transpose()
}

/// A rate as `fractions.Fraction` (normalised by Python: 2/4 becomes 1/2).
pub(crate) fn fraction(
    py: Python<'_>,
    r: Option<tthc::Rate>,
) -> PyResult<Option<Bound<'_, PyAny>>> {
    match r {
        None => Ok(None),
        Some(r) => Ok(Some(
            FRACTION
                .import(py, "fractions", "Fraction")?
                .call1((r.published, r.applicable))?,
        )),
    }
}

/// A rate as the unreduced pair `(published, applicable)`.
pub(crate) fn pair(r: Option<tthc::Rate>) -> Option<(u32, u32)> {
    r.map(|r| (r.published, r.applicable))
}

/// Tenths of a percent as a float percentage.
#[allow(clippy::cast_precision_loss)] // permille values are small integers
pub(crate) fn percent(permille: Option<u64>) -> Option<f64> {
    permille.map(|p| p as f64 / 10.0)
}

/// The text of a document, as given: `str` (encoded to UTF-8) or `bytes`-like.
pub(crate) enum Input {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
    /// A `str` with lone surrogates, encoded with `surrogatepass` so the core reports where the
    /// text stops being UTF-8.
    Raw(Vec<u8>),
}

impl Input {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Input::Str(s) => s.as_bytes(),
            Input::Bytes(b) => b,
            Input::Raw(v) => v,
        }
    }

    /// Take a `str`, `bytes`, `bytearray` or `memoryview`.
    pub fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(s) = obj.cast::<PyString>() {
            if let Ok(s) = s.extract::<PyBackedStr>() {
                return Ok(Input::Str(s));
            }
            let raw = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
            return Ok(Input::Raw(raw.cast::<PyBytes>()?.as_bytes().to_vec()));
        }
        if let Ok(b) = obj.extract::<PyBackedBytes>() {
            return Ok(Input::Bytes(b));
        }
        if obj.hasattr("tobytes")? {
            // memoryview and other buffers that can give bytes.
            let b = obj.call_method0("tobytes")?;
            if let Ok(b) = b.extract::<PyBackedBytes>() {
                return Ok(Input::Bytes(b));
            }
        }
        Err(PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            obj.get_type().name()?
        )))
    }
}

/// The options of `Catalog.compliance`: channel name and `as_of` as `datetime.date`, ISO text
/// or `None`.
pub(crate) fn options(
    channel: &str,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<Result<tthc::ComplianceOptions, Failure>> {
    let day = match as_of {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(day_text(v)?),
    };
    Ok(tthc::ComplianceOptions::parse(Some(channel), day.as_deref()).map_err(Failure::Core))
}

/// `YYYY-MM-DD` from a `datetime.date` (or `datetime.datetime`: its day) or a `str`.
fn day_text(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_string_lossy().into_owned());
    }
    if v.is_instance(date_type(v.py())?)? {
        let y: i64 = v.getattr("year")?.extract()?;
        let m: i64 = v.getattr("month")?.extract()?;
        let d: i64 = v.getattr("day")?.extract()?;
        return Ok(format!("{y:04}-{m:02}-{d:02}"));
    }
    Err(PyTypeError::new_err(format!(
        "as_of must be a datetime.date, an ISO date string (YYYY-MM-DD) or None, got {}",
        v.get_type().name()?
    )))
}

/// A rate argument: `None`, a `(published, applicable)` pair, or a rational number
/// (`fractions.Fraction`, `int`: anything with `numerator` and `denominator`).
pub(crate) fn rate_arg(v: &Bound<'_, PyAny>) -> PyResult<Result<Option<tthc::Rate>, Failure>> {
    if v.is_none() {
        return Ok(Ok(None));
    }
    let (num, den) = if let Ok(t) = v.cast::<PyTuple>() {
        if t.len() != 2 {
            return Ok(Err(argument(
                tthc::Code::BadValue,
                "rate",
                format!(
                    "a rate pair has two items (published, applicable), not {}",
                    t.len()
                ),
            )));
        }
        (t.get_item(0)?, t.get_item(1)?)
    } else if v.hasattr("numerator")?
        && v.hasattr("denominator")?
        && !v.is_instance_of::<pyo3::types::PyFloat>()
    {
        (v.getattr("numerator")?, v.getattr("denominator")?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "rate must be a fractions.Fraction, a (published, applicable) tuple or None, got {}",
            v.get_type().name()?
        )));
    };
    let count = |x: &Bound<'_, PyAny>| -> PyResult<Option<u32>> {
        if !x.is_instance_of::<pyo3::types::PyInt>() {
            return Err(PyTypeError::new_err(format!(
                "rate parts must be int, got {}",
                x.get_type().name()?
            )));
        }
        Ok(x.extract::<u32>().ok())
    };
    match (count(&num)?, count(&den)?) {
        (Some(n), Some(d)) => Ok(Ok(tthc::Rate::new(n, d))),
        _ => Ok(Err(argument(
            tthc::Code::BadValue,
            "rate",
            format!(
                "rate parts must be counts between 0 and {}, got {num} and {den}",
                u32::MAX
            ),
        ))),
    }
}

/// `vi` or `en`.
pub(crate) fn lang(lang: &str) -> Result<tthc::Lang, Failure> {
    tthc::Lang::parse(lang).ok_or_else(|| {
        argument(
            tthc::Code::BadValue,
            "lang",
            format!("`{lang}` is not a language (vi, en)"),
        )
    })
}

/// Python's `repr()` of a value, for `__repr__` methods (`None`, quotes and escapes as Python
/// writes them).
pub(crate) fn repr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> String {
    value
        .into_bound_py_any(py)
        .and_then(|v| v.repr().map(|r| r.to_string()))
        .unwrap_or_else(|_| "?".to_owned())
}
