//! Files in and out (the core's `tthc::io`): `load`, `loads` (JSON v1), `import_file` (the
//! portal's exports and flat publication tables) and `Catalog.export` (`tthc::io::export`).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use pyo3::IntoPyObjectExt;
use tthc::io::export::{ExportOptions, Output};
use tthc::io::import::{import_path, Format, ImportOptions};
use tthc::io::json::ReadOptions;

use crate::catalog::Catalog;
use crate::convert::{self, PathArg, Text};
use crate::error::{attached, detached};

fn read_options(max_bytes: Option<u64>) -> ReadOptions {
    let default = ReadOptions::default();
    ReadOptions {
        max_bytes: max_bytes.unwrap_or(default.max_bytes),
        ..default
    }
}

/// load(path, *, max_bytes=None) -> Catalog
///
/// Read a catalogue document (JSON v1) from a file (``str`` or ``os.PathLike``). Raises
/// ``TthcIOError`` (also an ``OSError``) when the file cannot be read, ``FormatError`` when it
/// is not JSON or larger than ``max_bytes`` (default 1 GiB), ``ValidationError`` listing every
/// problem of an invalid document. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (path, *, max_bytes = None))]
pub fn load(py: Python<'_>, path: PathArg, max_bytes: Option<u64>) -> PyResult<Catalog> {
    let path = path.arg(py, "path")?;
    let options = read_options(max_bytes);
    detached(py, move || tthc::Catalog::from_path(&path, &options)).map(Catalog::new)
}

/// loads(text, *, max_bytes=None) -> Catalog
///
/// Read a catalogue document (JSON v1) from ``str`` or ``bytes``. Raises ``FormatError``
/// (``syntax``, ``too_large``) and ``ValidationError`` like ``load``. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (text, *, max_bytes = None))]
pub fn loads(py: Python<'_>, text: &Bound<'_, PyAny>, max_bytes: Option<u64>) -> PyResult<Catalog> {
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
#[pyo3(
    signature = (path, second = None, *, format = Text::literal("auto"), lenient = false, max_bytes = None),
    text_signature = "(path, second=None, *, format='auto', lenient=False, max_bytes=None)"
)]
pub fn import_file(
    py: Python<'_>,
    path: PathArg,
    second: Option<PathArg>,
    format: Text,
    lenient: bool,
    max_bytes: Option<u64>,
) -> PyResult<Catalog> {
    let path = path.arg(py, "path")?;
    let second = second.map(|s| s.arg(py, "second")).transpose()?;
    let format = format.arg(py, "format")?;
    let format = attached(py, || format.parse::<Format>())?;
    let default = ImportOptions::default();
    let options = ImportOptions {
        format,
        lenient,
        max_bytes: max_bytes.unwrap_or(default.max_bytes),
        ..default
    };
    detached(py, move || {
        import_path(&path, second.as_deref(), &options).map(|i| i.catalog)
    })
    .map(Catalog::new)
}

/// `Catalog.export`: `to` and `words` (`base`, `channel`, `lang`) are parsed by the core
/// (`ExportOptions::parse`, each bad word an argument error at its name).
pub(crate) fn export<'py>(
    catalog: &Catalog,
    py: Python<'py>,
    to: &Text,
    words: [Option<&Text>; 3],
    path: Option<PathArg>,
    as_of: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let [base, channel, lang] = words;
    let to = to.arg(py, "to")?;
    let base = Text::opt(base, py, "base")?;
    let channel = Text::opt(channel, py, "channel")?;
    let lang = Text::opt(lang, py, "lang")?;
    let as_of = convert::day_text(as_of)?;
    let path = path.map(|p| p.arg(py, "path")).transpose()?;
    let options = attached(py, || {
        ExportOptions::parse(to, base, channel, as_of.as_deref(), lang)
    })?;
    let cat = &catalog.inner;
    let output = detached(py, || {
        let output = tthc::io::export::export(cat, &options)?;
        match &path {
            Some(p) => output.write_to(p).map(|()| None),
            None => Ok(Some(output)),
        }
    })?;
    output
        .map(|o| match o {
            Output::Text(text) => text.into_bound_py_any(py),
            Output::Binary(bytes) => PyBytes::new(py, &bytes).into_bound_py_any(py),
            Output::Files(files) => {
                let out = PyDict::new(py);
                for (name, bytes) in files {
                    out.set_item(name, PyBytes::new(py, &bytes))?;
                }
                out.into_bound_py_any(py)
            }
        })
        .transpose()
}
