//! Conversions between Python values and the core's: string and path arguments, dates, rates,
//! input text, the text of `as_of` arguments. Every rule about what a value may be is the
//! core's; this module only changes Python types into the core's (or raises `TypeError` for a
//! wrong Python type).

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyInt, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;

/// Where a `str` stops being Unicode text: the first lone surrogate (its code and its index in
/// the `str`), read from the `UnicodeEncodeError` that encoding it raised.
#[derive(Debug, Clone, Copy)]
struct LoneSurrogate {
    surrogate: u32,
    index: usize,
}

impl LoneSurrogate {
    /// The lone surrogate that `err` (raised while encoding a `str`) reports; `None` for any
    /// other error.
    fn of(py: Python<'_>, err: &PyErr) -> Option<LoneSurrogate> {
        if !err.is_instance_of::<PyUnicodeEncodeError>(py) {
            return None;
        }
        let value = err.value(py);
        let index: usize = value.getattr("start").ok()?.extract().ok()?;
        let text = value.getattr("object").ok()?;
        let surrogate = py
            .import("builtins")
            .and_then(|b| b.getattr("ord")?.call1((text.get_item(index)?,)))
            .and_then(|c| c.extract::<u32>())
            .ok()?;
        Some(LoneSurrogate { surrogate, index })
    }

    /// The core's `bad_text` argument error at `path`, as the Python exception.
    fn error(self, py: Python<'_>, path: &str) -> PyErr {
        crate::error::Failure::Core(tthc::Error::lone_surrogate(
            path,
            self.surrogate,
            self.index,
        ))
        .into_pyerr(py)
    }
}

/// A `str` argument (the one way every function of the binding takes one).
///
/// A Python `str` may hold lone surrogates (`"\ud800"`), which are not Unicode text and have no
/// UTF-8 form: such an argument is the core's `bad_text` error (`ArgumentError`) at the
/// argument's name, never a `UnicodeEncodeError` and never a replaced character. The text is
/// reachable only through [`Text::arg`], which names the argument, so no parameter can skip the
/// check. A value that is not a `str` stays a `TypeError`.
pub struct Text(TextValue);

enum TextValue {
    Str(PyBackedStr),
    /// A default value of the signature.
    Literal(&'static str),
    Lone(LoneSurrogate),
}

impl Text {
    /// A default value (`#[pyo3(signature = (channel = Text::DEFAULT_CHANNEL))]`).
    pub(crate) const fn literal(text: &'static str) -> Text {
        Text(TextValue::Literal(text))
    }

    /// The default channel of every computation.
    pub(crate) const DEFAULT_CHANNEL: Text = Text::literal("one_stop_shop");

    /// The text of the argument named `path`, or its `bad_text` error.
    pub(crate) fn arg(&self, py: Python<'_>, path: &str) -> PyResult<&str> {
        match &self.0 {
            TextValue::Str(s) => Ok(s),
            TextValue::Literal(s) => Ok(s),
            TextValue::Lone(lone) => Err(lone.error(py, path)),
        }
    }

    /// The text of an optional argument named `path`.
    pub(crate) fn opt<'a>(
        text: Option<&'a Text>,
        py: Python<'_>,
        path: &str,
    ) -> PyResult<Option<&'a str>> {
        text.map(|t| t.arg(py, path)).transpose()
    }

    /// Take a `str` as it is, or note its first lone surrogate.
    fn of(s: &Bound<'_, PyString>) -> PyResult<Text> {
        match s.extract::<PyBackedStr>() {
            Ok(s) => Ok(Text(TextValue::Str(s))),
            Err(err) => match LoneSurrogate::of(s.py(), &err) {
                Some(lone) => Ok(Text(TextValue::Lone(lone))),
                None => Err(err),
            },
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Text> {
        let s = obj.cast::<PyString>()?.to_owned();
        Text::of(&s)
    }
}

/// A file path argument (`str` or `os.PathLike`), converted as Python's `os.fsencode` does:
/// the surrogate escapes `\udc80`–`\udcff` stand for the bytes of a file name that is not
/// UTF-8; any other lone surrogate is the core's `bad_text` error, as for [`Text`].
pub struct PathArg(Result<PathBuf, LoneSurrogate>);

impl PathArg {
    /// The path of the argument named `path`, or its `bad_text` error.
    pub(crate) fn arg(self, py: Python<'_>, path: &str) -> PyResult<PathBuf> {
        self.0.map_err(|lone| lone.error(py, path))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PathArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<PathArg> {
        match obj.extract::<PathBuf>() {
            Ok(p) => Ok(PathArg(Ok(p))),
            Err(err) => match LoneSurrogate::of(obj.py(), &err) {
                Some(lone) => Ok(PathArg(Err(lone))),
                None => Err(err),
            },
        }
    }
}

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static FRACTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `datetime.date`.
fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
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

/// A `[published, applicable]` pair as the tuple `(published, applicable)`.
pub(crate) fn pair(r: Option<[u32; 2]>) -> Option<(u32, u32)> {
    r.map(|[a, b]| (a, b))
}

/// A `(published, applicable)` pair as `fractions.Fraction` (normalised by Python: 2/4 is 1/2).
pub(crate) fn fraction(
    py: Python<'_>,
    r: Option<(u32, u32)>,
) -> PyResult<Option<Bound<'_, PyAny>>> {
    r.map(|pair| FRACTION.import(py, "fractions", "Fraction")?.call1(pair))
        .transpose()
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
            if let Ok(b) = obj.call_method0("tobytes")?.extract::<PyBackedBytes>() {
                return Ok(Input::Bytes(b));
            }
        }
        Err(PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            obj.get_type().name()?
        )))
    }
}

/// The text of an `as_of` argument for the core's parser: `None`, a `str` as given (one with a
/// lone surrogate is `bad_text`, as for [`Text`]), or a `datetime.date` (or
/// `datetime.datetime`: its day) written `YYYY-MM-DD`.
pub(crate) fn day_text(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(Text::of(s)?.arg(v.py(), "as_of")?.to_owned()));
    }
    if v.is_instance(date_type(v.py())?)? {
        let part = |name: &str| -> PyResult<u32> { v.getattr(name)?.extract() };
        let (y, m, d) = (part("year")?, part("month")?, part("day")?);
        return Ok(Some(format!("{y:04}-{m:02}-{d:02}")));
    }
    Err(PyTypeError::new_err(format!(
        "as_of must be a datetime.date, an ISO date string (YYYY-MM-DD) or None, got {}",
        v.get_type().name()?
    )))
}

/// A rate argument: `None`, a `(published, applicable)` pair of `int`s, or a rational number
/// (`fractions.Fraction`, `int`: anything with `numerator` and `denominator`). Which counts
/// make a rate is the core's rule ([`tthc::Rate::from_counts`]).
pub(crate) fn rate_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Option<tthc::Rate>> {
    if v.is_none() {
        return Ok(None);
    }
    let parts = if let Ok(t) = v.cast::<PyTuple>() {
        match t.len() {
            2 => (t.get_item(0)?, t.get_item(1)?),
            n => {
                return Err(PyTypeError::new_err(format!(
                    "a rate pair is (published, applicable): two items, not {n}"
                )))
            }
        }
    } else if v.hasattr("numerator")? && !v.is_instance_of::<PyFloat>() {
        (v.getattr("numerator")?, v.getattr("denominator")?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "rate must be a fractions.Fraction, a (published, applicable) tuple or None, got {}",
            v.get_type().name()?
        )));
    };
    let count = |x: &Bound<'_, PyAny>| -> PyResult<f64> {
        if !x.is_instance_of::<PyInt>() {
            return Err(PyTypeError::new_err(format!(
                "rate parts must be int, got {}",
                x.get_type().name()?
            )));
        }
        // An int too large for a float is too large for a count: the core refuses it.
        Ok(x.extract::<f64>().unwrap_or(f64::INFINITY))
    };
    let (published, applicable) = (count(&parts.0)?, count(&parts.1)?);
    crate::error::py_result(py, tthc::Rate::from_counts(published, applicable)).map(Some)
}

/// A tuple of objects, one per index `0..n`, made once and kept in `cell`.
pub(crate) fn cached_tuple<'a, 'py, T: pyo3::PyClass + Into<PyClassInitializer<T>>>(
    py: Python<'py>,
    cell: &'a PyOnceLock<Py<PyTuple>>,
    n: usize,
    make: impl Fn(u32) -> PyResult<T>,
) -> PyResult<&'a Bound<'py, PyTuple>> {
    let ids = 0..u32::try_from(n).unwrap_or(u32::MAX);
    cell.get_or_try_init(py, || {
        let items = ids
            .map(|i| Bound::new(py, make(i)?))
            .collect::<PyResult<Vec<_>>>()?;
        Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
    })
    .map(|t| t.bind(py))
}

/// The item of a tuple at the index of an id, if any.
pub(crate) fn item<'py>(
    tuple: &Bound<'py, PyTuple>,
    id: Option<u32>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    id.map(|i| tuple.get_item(i as usize)).transpose()
}

/// Procedure codes of ids, as a tuple.
pub(crate) fn codes(
    py: Python<'_>,
    cat: &tthc::Catalog,
    ids: &[tthc::ProcId],
) -> PyResult<Py<PyTuple>> {
    let codes = ids.iter().map(|&p| cat.procedure(p).code.as_str());
    Ok(PyTuple::new(py, codes)?.unbind())
}

/// Python's `repr()` of a value, for `__repr__` methods (`None`, quotes and escapes as Python
/// writes them).
pub(crate) fn repr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> String {
    value
        .into_bound_py_any(py)
        .and_then(|v| v.repr().map(|r| r.to_string()))
        .unwrap_or_else(|_| "?".to_owned())
}
