//! Python bindings of tthc: `import tthc`.
//!
//! Thin by design: each function is one core call plus conversion, and the modules mirror the
//! core's: [`catalog`] (`Catalog`, `Field`, `Procedure`, `Unit`), [`compliance`] (`Report`, its
//! rows, the column schema), [`listing`] (`procedure_list`), [`search`], [`text`] (`fold`,
//! `sort_key`), [`rate`] (`format_percent`), [`io`] (`load`, `loads`, `import_file`,
//! `Catalog.export`), `arrow` (feature `parquet`: `ArrowTable`, the Arrow PyCapsule interface);
//! [`error`] maps the core's errors to the exceptions of `python/tthc/_errors.py`, and
//! [`convert`] changes Python values into the core's.
#![cfg(not(target_family = "wasm"))]
// The `///` comments of exported items are Python docstrings (reST, signature first), not
// Markdown.
#![allow(clippy::doc_markdown)]
// pyo3 extracts arguments by value (`Text`, the one conversion of Python strings): a reference
// cannot be extracted, so "passed by value, not consumed" is the shape of every method here.
#![allow(clippy::needless_pass_by_value)]

#[cfg(feature = "parquet")]
pub mod arrow;
pub mod catalog;
pub mod compliance;
pub mod convert;
pub mod error;
pub mod io;
pub mod lifecycle;
pub mod listing;
pub mod model;
pub mod rate;
pub mod search;
pub mod text;

use std::time::Instant;

use pyo3::prelude::*;

use catalog::Catalog;
use convert::Text;
use error::detached;

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
#[pyo3(
    signature = (catalog, repeat = 10, channel = Text::DEFAULT_CHANNEL),
    text_signature = "(catalog, repeat=10, channel='one_stop_shop')"
)]
fn _time_compliance(
    py: Python<'_>,
    catalog: &Catalog,
    repeat: usize,
    channel: Text,
) -> PyResult<Vec<f64>> {
    let options = compliance::options(py, &channel, None)?;
    let cat = std::sync::Arc::clone(&catalog.inner);
    detached(py, || {
        let mut times = Vec::with_capacity(repeat);
        for _ in 0..repeat {
            let start = Instant::now();
            let report = cat.compliance(&options);
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
fn _panic(py: Python<'_>, message: Text) -> PyResult<()> {
    let message = message.arg(py, "message")?.to_owned();
    detached(py, move || -> Result<(), tthc::Error> {
        panic!("{message}")
    })
}

/// Vietnam's catalogue of administrative procedures (thủ tục hành chính): documents,
/// compliance rates, Vietnamese text. The public package is ``tthc``; this is its compiled
/// core. Its exceptions are those of ``tthc._errors``.
#[pymodule]
fn _tthc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("UNIT_COLUMNS", compliance::columns::unit_columns(m.py())?)?;
    m.add_function(wrap_pyfunction!(io::load, m)?)?;
    m.add_function(wrap_pyfunction!(io::loads, m)?)?;
    m.add_function(wrap_pyfunction!(io::import_file, m)?)?;
    m.add_function(wrap_pyfunction!(an_bien_2018, m)?)?;
    m.add_function(wrap_pyfunction!(text::fold, m)?)?;
    m.add_function(wrap_pyfunction!(text::sort_key, m)?)?;
    m.add_function(wrap_pyfunction!(rate::format_percent, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::diff, m)?)?;
    m.add_function(wrap_pyfunction!(_time_compliance, m)?)?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    m.add_class::<Catalog>()?;
    m.add_class::<model::Field>()?;
    m.add_class::<model::Procedure>()?;
    m.add_class::<model::Unit>()?;
    m.add_class::<search::SearchHit>()?;
    m.add_class::<listing::ListedProcedure>()?;
    m.add_class::<compliance::Report>()?;
    m.add_class::<compliance::UnitCompliance>()?;
    m.add_class::<compliance::GroupCompliance>()?;
    m.add_class::<compliance::FieldCompliance>()?;
    m.add_class::<compliance::ReportWarning>()?;
    m.add_class::<lifecycle::Diff>()?;
    m.add_class::<lifecycle::Finding>()?;
    #[cfg(feature = "parquet")]
    m.add_class::<arrow::ArrowTable>()?;
    Ok(())
}
