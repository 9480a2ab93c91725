//! The exceptions of `tthc` and the one mapping from core errors (and panics) to them.
//!
//! ```text
//! ValueError
//! └── TthcError                 .code .path .errors (every problem, as `Problem` objects)
//!     ├── FormatError           Error::Format      not a readable document (syntax, too_large)
//!     ├── ValidationError       Error::Invalid     the document breaks the format's rules
//!     ├── TableImportError      Error::Import      a table or portal export cannot be imported
//!     ├── ArgumentError         Error::Argument    a bad argument (channel, as_of, lang, rate)
//!     └── TthcIOError (+ OSError) Error::Io        a file cannot be read
//! ```
//!
//! The classes are defined by a few lines of Python run once when the module is imported, so
//! that `TthcIOError` can derive from both `TthcError` and `OSError` and every class takes its
//! structured fields in `__init__`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

/// The class hierarchy, in Python. `__module__` is `tthc`, where users see the classes.
const CLASSES: &std::ffi::CStr = cr#"
class TthcError(ValueError):
    """Base class of every error raised by tthc.

    Attributes: ``code`` (stable snake_case code of the first problem), ``path`` (where:
    a JSON pointer such as ``/procedures/12/code``, ``line 3, column 7`` for syntax errors,
    an argument name, or a file name) and ``errors`` (every problem, as ``tthc.Problem``
    objects with ``code``, ``path`` and ``message``).
    """

    def __init__(self, message="", code="invalid", path="", errors=()):
        super().__init__(message)
        self.code = code
        self.path = path
        self.errors = list(errors)

    def __str__(self):
        return str(self.args[0]) if self.args else ""

    def __reduce__(self):
        message = self.args[0] if self.args else ""
        return (type(self), (message, self.code, self.path, self.errors), self.__dict__)


class FormatError(TthcError):
    """The input is not a readable document: not JSON, not UTF-8, too deep or too large."""


class ValidationError(TthcError):
    """The document was read and breaks the format's rules; ``errors`` lists all problems."""


class TableImportError(TthcError):
    """A table or portal export cannot be imported; ``errors`` lists all bad rows."""


class ArgumentError(TthcError):
    """A bad argument: an unknown channel, a date that is not a real day, a bad rate."""


class TthcIOError(TthcError, OSError):
    """A file cannot be read; also an ``OSError`` (``filename`` is the file's name)."""

    def __init__(self, message="", code="io", path="", errors=()):
        super().__init__(message, code, path, errors)
        self.filename = path
        self.strerror = message
"#;

/// The exception classes, created once per process.
pub(crate) struct Classes {
    pub base: Py<PyType>,
    pub format: Py<PyType>,
    pub validation: Py<PyType>,
    pub import: Py<PyType>,
    pub argument: Py<PyType>,
    pub io: Py<PyType>,
}

impl Classes {
    /// `(name, class)` for every class, base first.
    pub fn all(&self) -> [(&'static str, &Py<PyType>); 6] {
        [
            ("TthcError", &self.base),
            ("FormatError", &self.format),
            ("ValidationError", &self.validation),
            ("TableImportError", &self.import),
            ("ArgumentError", &self.argument),
            ("TthcIOError", &self.io),
        ]
    }
}

static CLASSES_CELL: PyOnceLock<Classes> = PyOnceLock::new();

/// The exception classes (defined on first use, which is the module's import).
pub(crate) fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES_CELL.get_or_try_init(py, || {
        let ns = PyDict::new(py);
        ns.set_item("__name__", "tthc")?;
        py.run(CLASSES, Some(&ns), None)?;
        let get = |name: &str| -> PyResult<Py<PyType>> {
            Ok(ns.as_any().get_item(name)?.cast_into::<PyType>()?.unbind())
        };
        Ok(Classes {
            base: get("TthcError")?,
            format: get("FormatError")?,
            validation: get("ValidationError")?,
            import: get("TableImportError")?,
            argument: get("ArgumentError")?,
            io: get("TthcIOError")?,
        })
    })
}

/// problem.code, problem.path, problem.message — one problem found in an input.
///
/// Items of ``TthcError.errors``. ``code`` is a stable snake_case code, ``path`` a JSON
/// pointer, ``line L, column C``, a table position, an argument name or a file name.
#[pyclass(frozen, eq, hash, module = "tthc", get_all)]
#[derive(PartialEq, Eq, Hash)]
pub struct Problem {
    /// The stable snake_case code (``bad_code``, ``unknown_key``, ...).
    pub code: String,
    /// Where the problem is.
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

#[pymethods]
impl Problem {
    #[new]
    fn new(code: String, path: String, message: String) -> Self {
        Problem {
            code,
            path,
            message,
        }
    }

    fn __getnewargs__(&self) -> (String, String, String) {
        (self.code.clone(), self.path.clone(), self.message.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Problem({}, {}, {})",
            crate::convert::repr(py, &self.code),
            crate::convert::repr(py, &self.path),
            crate::convert::repr(py, &self.message)
        )
    }

    /// to_dict() -> dict[str, str]
    ///
    /// ``{"code": ..., "path": ..., "message": ...}``, as in ``tthc validate --format json``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("path", &self.path)?;
        d.set_item("message", &self.message)?;
        Ok(d)
    }
}

/// What can go wrong inside a call: the core's error, or a panic (a bug in tthc).
#[derive(Debug)]
pub(crate) enum Failure {
    Core(tthc::Error),
    Panic(String),
}

impl From<tthc::Error> for Failure {
    fn from(e: tthc::Error) -> Self {
        Failure::Core(e)
    }
}

/// Run core code, turning a panic into a [`Failure::Panic`] so that it never reaches Python as
/// `PanicException` (which escapes `except Exception`).
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, tthc::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r.map_err(Failure::Core),
        Err(payload) => Err(Failure::Panic(panic_message(payload.as_ref()))),
    }
}

/// Like [`guarded`] for code that cannot fail otherwise.
pub(crate) fn guarded_ok<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    guarded(|| Ok(f()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

impl Failure {
    /// The Python exception: one class per [`tthc::Family`]; a panic becomes the base class
    /// with code `internal`.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match build(py, self) {
            Ok(err) | Err(err) => err,
        }
    }
}

fn build(py: Python<'_>, failure: Failure) -> PyResult<PyErr> {
    let classes = classes(py)?;
    let (class, message, problems) = match failure {
        Failure::Panic(msg) => (
            &classes.base,
            format!("internal error in tthc (please report it): {msg}"),
            vec![("internal", String::new(), msg)],
        ),
        Failure::Core(err) => {
            let class = match err.family() {
                tthc::Family::Format => &classes.format,
                tthc::Family::Validation => &classes.validation,
                tthc::Family::Import => &classes.import,
                tthc::Family::Argument => &classes.argument,
                tthc::Family::Io => &classes.io,
            };
            let problems = err
                .problems()
                .iter()
                .map(|p| (p.code.as_str(), p.path.clone(), p.message.clone()))
                .collect();
            (class, err.to_string(), problems)
        }
    };
    let (code, path) = problems
        .first()
        .map_or(("invalid", String::new()), |p| (p.0, p.1.clone()));
    let list = PyList::empty(py);
    for (code, path, message) in problems {
        list.append(Problem {
            code: code.to_owned(),
            path,
            message,
        })?;
    }
    let value = class.bind(py).call1((message, code, path, list))?;
    Ok(PyErr::from_value(value))
}

/// An `ArgumentError` made by the binding itself (a Python value the core cannot take).
pub(crate) fn argument(code: tthc::Code, path: &str, message: impl Into<String>) -> Failure {
    Failure::Core(tthc::Error::Argument(tthc::Problem::new(
        code, path, message,
    )))
}

/// Run core code with the GIL released and map its failure to the Python exception.
pub(crate) fn detached<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, tthc::Error> + Send,
) -> PyResult<T> {
    py.detach(|| guarded(f)).map_err(|e| e.into_pyerr(py))
}

/// Run infallible core code with the GIL held, mapping a panic to the Python exception.
pub(crate) fn attached<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    guarded_ok(f).map_err(|e| e.into_pyerr(py))
}

#[cfg(test)]
mod tests {
    /// When the core adds an error code, the Python tests must show that it reaches Python.
    #[test]
    fn every_core_code_has_a_python_test() {
        let tests = include_str!("../tests/test_errors.py");
        for code in tthc::Code::ALL {
            let quoted = format!("\"{}\"", code.as_str());
            assert!(
                tests.contains(&quoted),
                "tests/test_errors.py never names {quoted}"
            );
        }
    }

    #[test]
    fn panics_become_failures() {
        let failure = super::guarded(|| -> Result<(), tthc::Error> { panic!("boom") });
        assert!(matches!(failure, Err(super::Failure::Panic(ref m)) if m == "boom"));
        let ok = super::guarded(|| Ok::<_, tthc::Error>(1));
        assert!(matches!(ok, Ok(1)));
    }
}
