//! Python bindings of tthc: `import tthc`.
//!
//! Thin by design: each function is one core call plus conversion. Modules mirror the core:
//! [`catalog`] (`Catalog`, `Field`, `Procedure`, `Unit`), [`compliance`] (`Report` and its
//! views), [`text`] (`fold`, `sort_key`, `format_percent`), [`error`] (the exceptions),
//! [`convert`] (dates, rates, input text).
#![cfg(not(target_family = "wasm"))]
// The `///` comments of exported items are Python docstrings (reST, signature first), not
// Markdown.
#![allow(clippy::doc_markdown)]

pub mod catalog;
pub mod compliance;
pub mod convert;
pub mod error;
pub mod text;

use std::path::PathBuf;
use std::time::Instant;

use pyo3::prelude::*;

use catalog::Catalog;
use error::detached;

fn read_options(max_bytes: Option<u64>) -> tthc::io::json::ReadOptions {
    let mut options = tthc::io::json::ReadOptions::default();
    if let Some(max) = max_bytes {
        options.max_bytes = max;
    }
    options
}

/// load(path, *, max_bytes=None) -> Catalog
///
/// Read a catalogue document (JSON v1) from a file (``str`` or ``os.PathLike``). Raises
/// ``TthcIOError`` (also an ``OSError``) when the file cannot be read, ``FormatError`` when it
/// is not JSON or larger than ``max_bytes`` (default 1 GiB), ``ValidationError`` listing every
/// problem of an invalid document. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (path, *, max_bytes = None))]
fn load(py: Python<'_>, path: PathBuf, max_bytes: Option<u64>) -> PyResult<Catalog> {
    let options = read_options(max_bytes);
    detached(py, move || tthc::Catalog::from_path(&path, &options)).map(Catalog::new)
}

/// loads(text, *, max_bytes=None) -> Catalog
///
/// Read a catalogue document (JSON v1) from ``str`` or ``bytes``. Raises ``FormatError``
/// (``syntax``, ``too_large``) and ``ValidationError`` like ``load``. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (text, *, max_bytes = None))]
fn loads(py: Python<'_>, text: &Bound<'_, PyAny>, max_bytes: Option<u64>) -> PyResult<Catalog> {
    let input = convert::Input::extract(text)?;
    let options = read_options(max_bytes);
    detached(py, || {
        tthc::Catalog::from_json_with(input.as_bytes(), &options)
    })
    .map(Catalog::new)
}

/// import_file(path, second=None, *, format="auto", lenient=False, max_bytes=None) -> Catalog
///
/// Import the national portal's metadata CSV or Excel export, or a flat publication table
/// (CSV or xlsx, Vietnamese or English headers; see docs/import.md). ``second`` gives the
/// levels of an Excel export by procedure code (the portal's metadata CSV). ``format`` is
/// ``auto`` (detected from the header), ``portal-csv``, ``portal-xlsx``, ``table-csv`` or
/// ``table-xlsx``. Strict by default: any bad row raises ``TableImportError`` listing every bad
/// row (``.errors``, paths like ``row 14, column "Mã số"``); ``lenient=True`` keeps the good
/// rows. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (path, second = None, *, format = "auto", lenient = false, max_bytes = None))]
fn import_file(
    py: Python<'_>,
    path: PathBuf,
    second: Option<PathBuf>,
    format: &str,
    lenient: bool,
    max_bytes: Option<u64>,
) -> PyResult<Catalog> {
    use tthc::io::import::{import_path, Format, ImportOptions};
    let Some(format) = Format::parse(format) else {
        let message = format!(
            "`{format}` is not an import format (auto, portal-csv, portal-xlsx, table-csv, table-xlsx)"
        );
        return Err(error::argument(tthc::Code::BadValue, "format", message).into_pyerr(py));
    };
    let mut options = ImportOptions {
        format,
        lenient,
        ..ImportOptions::default()
    };
    if let Some(m) = max_bytes {
        options.max_bytes = m;
    }
    detached(py, move || {
        import_path(&path, second.as_deref(), &options).map(|i| i.catalog)
    })
    .map(Catalog::new)
}

/// an_bien_2018() -> Catalog
///
/// The embedded dataset: An Biên district (GSO 908) of Kiên Giang in 2018, from the district's
/// report of 14/05/2019 — 39 fields with 261 procedures posted at its one-stop desk (100 %),
/// each commune about 28 fields with about 108 procedures.
#[pyfunction]
fn an_bien_2018(py: Python<'_>) -> PyResult<Catalog> {
    detached(py, || Ok(tthc::Catalog::an_bien_2018())).map(Catalog::new)
}

/// _time_compliance(catalog, repeat=10, channel="one_stop_shop") -> list[float]
///
/// Benchmark helper: seconds taken by each of ``repeat`` runs of the core's compliance
/// computation, timed in Rust (no Python objects made). Not part of the public API.
#[pyfunction]
#[pyo3(signature = (catalog, repeat = 10, channel = "one_stop_shop"))]
fn _time_compliance(
    py: Python<'_>,
    catalog: &Catalog,
    repeat: usize,
    channel: &str,
) -> PyResult<Vec<f64>> {
    let options = convert::options(channel, None)?.map_err(|e| e.into_pyerr(py))?;
    let cat = std::sync::Arc::clone(&catalog.inner);
    detached(py, || {
        let mut times = Vec::with_capacity(repeat);
        for _ in 0..repeat {
            let start = Instant::now();
            let report = cat.compliance(&options)?;
            times.push(start.elapsed().as_secs_f64());
            drop(std::hint::black_box(report));
        }
        Ok(times)
    })
}

/// _panic(message) -> None
///
/// Test helper: panics inside the guard that wraps every core call, to show that a panic
/// reaches Python as ``TthcError`` with code ``internal``. Not part of the public API.
#[pyfunction]
fn _panic(py: Python<'_>, message: String) -> PyResult<()> {
    detached(py, move || -> Result<(), tthc::Error> {
        panic!("{message}")
    })
}

/// Vietnam's catalogue of administrative procedures (thủ tục hành chính): documents,
/// compliance rates, Vietnamese text. The public package is ``tthc``; this is its compiled
/// core.
#[pymodule]
fn _tthc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(an_bien_2018, m)?)?;
    m.add_function(wrap_pyfunction!(import_file, m)?)?;
    m.add_function(wrap_pyfunction!(text::fold, m)?)?;
    m.add_function(wrap_pyfunction!(text::sort_key, m)?)?;
    m.add_function(wrap_pyfunction!(text::format_percent, m)?)?;
    m.add_function(wrap_pyfunction!(_time_compliance, m)?)?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    m.add_class::<Catalog>()?;
    m.add_class::<catalog::Field>()?;
    m.add_class::<catalog::Procedure>()?;
    m.add_class::<catalog::Unit>()?;
    m.add_class::<catalog::SearchHit>()?;
    m.add_class::<compliance::Report>()?;
    m.add_class::<compliance::UnitCompliance>()?;
    m.add_class::<compliance::GroupCompliance>()?;
    m.add_class::<compliance::FieldCompliance>()?;
    m.add_class::<compliance::ReportWarning>()?;
    m.add_class::<error::Problem>()?;
    for (name, class) in error::classes(py)?.all() {
        m.add(name, class.bind(py))?;
    }
    Ok(())
}
