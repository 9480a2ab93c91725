//! The one mapping from core errors (and panics) to the exceptions of `tthc._errors`.
//!
//! The classes are real Python (`python/tthc/_errors.py`), imported once; each
//! [`tthc::Family`] maps to one class, exhaustively, so a new family cannot reach Python
//! unmapped.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyModule};

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The module `tthc._errors`, imported on first use.
fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    ERRORS
        .get_or_try_init(py, || Ok::<_, PyErr>(py.import("tthc._errors")?.unbind()))
        .map(|m| m.bind(py))
}

/// The class of `tthc._errors` for a family of core errors.
fn class_name(family: tthc::Family) -> &'static str {
    match family {
        tthc::Family::Format => "FormatError",
        tthc::Family::Validation => "ValidationError",
        tthc::Family::Import => "TableImportError",
        tthc::Family::Argument => "ArgumentError",
        tthc::Family::Io => "TthcIOError",
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
    /// `TthcError` with code `internal`.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match build(py, self) {
            Ok(err) | Err(err) => err,
        }
    }
}

fn build(py: Python<'_>, failure: Failure) -> PyResult<PyErr> {
    let module = errors_module(py)?;
    let problem = module.getattr("Problem")?;
    let (class, message, problems) = match failure {
        Failure::Panic(msg) => (
            "TthcError",
            format!("internal error in tthc (please report it): {msg}"),
            vec![("internal", String::new(), msg)],
        ),
        Failure::Core(err) => {
            let problems = err
                .problems()
                .iter()
                .map(|p| (p.code.as_str(), p.path.clone(), p.message.clone()))
                .collect();
            (class_name(err.family()), err.to_string(), problems)
        }
    };
    let (code, path) = problems
        .first()
        .map_or(("invalid", String::new()), |p| (p.0, p.1.clone()));
    let list = PyList::empty(py);
    for p in problems {
        list.append(problem.call1(p)?)?;
    }
    let value = module.getattr(class)?.call1((message, code, path, list))?;
    Ok(PyErr::from_value(value))
}

/// A core result as a Python result.
pub(crate) fn py_result<T>(py: Python<'_>, r: Result<T, tthc::Error>) -> PyResult<T> {
    r.map_err(|e| Failure::Core(e).into_pyerr(py))
}

/// Run core code with the GIL released and map its failure to the Python exception.
pub(crate) fn detached<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, tthc::Error> + Send,
) -> PyResult<T> {
    py.detach(|| guarded(f)).map_err(|e| e.into_pyerr(py))
}

/// Run core code with the GIL held, mapping its failure or a panic to the Python exception.
pub(crate) fn attached<T>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, tthc::Error>,
) -> PyResult<T> {
    guarded(f).map_err(|e| e.into_pyerr(py))
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

    /// Every family has a class in `python/tthc/_errors.py`.
    #[test]
    fn every_family_has_a_class() {
        use tthc::Vocabulary;
        let classes = include_str!("../python/tthc/_errors.py");
        for family in tthc::Family::ALL {
            let class = format!("class {}(", super::class_name(*family));
            assert!(classes.contains(&class), "_errors.py has no {class}");
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
