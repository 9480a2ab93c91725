//! The read-only `Field`, `Procedure` and `Unit` of a `tthc.Catalog` (the core's model rows),
//! made once per catalogue.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use tthc::Vocabulary;

use crate::convert::{self, Text};
use crate::error::attached;

/// Field — a field (lĩnh vực): ``code`` (e.g. ``ho-tich``), ``name`` (``Hộ tịch``),
/// ``name_en`` (English name or ``None``).
#[pyclass(frozen, get_all, module = "tthc")]
pub struct Field {
    code: String,
    name: String,
    name_en: Option<String>,
}

impl Field {
    pub(crate) fn new(f: &tthc::catalog::Field) -> Self {
        let (code, name, name_en) = (f.code.clone(), f.name.clone(), f.name_en.clone());
        Field {
            code,
            name,
            name_en,
        }
    }
}

#[pymethods]
impl Field {
    fn __repr__(&self, py: Python<'_>) -> String {
        let (code, name) = (convert::repr(py, &self.code), convert::repr(py, &self.name));
        format!("Field(code={code}, name={name})")
    }
}

/// Procedure — a procedure (thủ tục hành chính).
///
/// ``code`` (the national code with its local suffix, if any), ``name``, ``field`` (the
/// field's code), ``levels`` (tuple of ``central``, ``province``, ``district``, ``commune``,
/// ``other``), ``decision`` (số quyết định công bố), ``effective``, ``amended``, ``abolished``
/// (``datetime.date`` or ``None``) and ``online`` (``full``, ``partial``, ``none`` or ``None``).
#[pyclass(frozen, get_all, module = "tthc")]
pub struct Procedure {
    code: String,
    name: String,
    field: String,
    levels: Py<PyTuple>,
    decision: Option<String>,
    effective: Option<Py<PyAny>>,
    amended: Option<Py<PyAny>>,
    abolished: Option<Py<PyAny>>,
    online: Option<&'static str>,
}

impl Procedure {
    pub(crate) fn new(py: Python<'_>, cat: &tthc::Catalog, id: tthc::ProcId) -> PyResult<Self> {
        let p = cat.procedure(id);
        let date = |d| convert::opt_date(py, d).map(|d| d.map(Bound::unbind));
        Ok(Procedure {
            code: p.code.as_str().to_owned(),
            name: p.name.clone(),
            field: cat.field(p.field).code.clone(),
            levels: PyTuple::new(
                py,
                p.levels.iter().map(tthc::Level::word).collect::<Vec<_>>(),
            )?
            .unbind(),
            decision: p.decision.clone(),
            effective: date(p.effective)?,
            amended: date(p.amended)?,
            abolished: date(p.abolished)?,
            online: p.online.map(tthc::Online::word),
        })
    }
}

#[pymethods]
impl Procedure {
    fn __repr__(&self, py: Python<'_>) -> String {
        let (code, name) = (convert::repr(py, &self.code), convert::repr(py, &self.name));
        format!("Procedure(code={code}, name={name})")
    }
}

/// Unit — an administrative unit (province, district or commune).
///
/// ``code`` (GSO code: 2 digits province, 3 district, 5 commune), ``name``, ``level``,
/// ``parent`` (the parent's code or ``None``; the parent may be outside the document),
/// ``valid_from``, ``valid_to`` (``datetime.date`` or ``None``), ``successors`` (codes of the
/// units it became), ``applies_add``, ``applies_remove`` (procedures that apply, or do not,
/// whatever their levels say) and ``postings(channel)``.
#[pyclass(frozen, module = "tthc")]
pub struct Unit {
    cat: Arc<tthc::Catalog>,
    id: tthc::UnitId,
    #[pyo3(get)]
    code: String,
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    level: &'static str,
    #[pyo3(get)]
    parent: Option<String>,
    #[pyo3(get)]
    valid_from: Option<Py<PyAny>>,
    #[pyo3(get)]
    valid_to: Option<Py<PyAny>>,
    #[pyo3(get)]
    successors: Py<PyTuple>,
    #[pyo3(get)]
    applies_add: Py<PyTuple>,
    #[pyo3(get)]
    applies_remove: Py<PyTuple>,
}

impl Unit {
    pub(crate) fn new(
        py: Python<'_>,
        cat: &Arc<tthc::Catalog>,
        id: tthc::UnitId,
    ) -> PyResult<Self> {
        let u = cat.unit(id);
        let date = |d| convert::opt_date(py, d).map(|d| d.map(Bound::unbind));
        Ok(Unit {
            cat: Arc::clone(cat),
            id,
            code: u.code.clone(),
            name: u.name.clone(),
            level: u.level.word(),
            parent: u.parent_code.clone(),
            valid_from: date(u.valid_from)?,
            valid_to: date(u.valid_to)?,
            successors: PyTuple::new(py, &u.successors)?.unbind(),
            applies_add: convert::codes(py, cat, &u.applies_add)?,
            applies_remove: convert::codes(py, cat, &u.applies_remove)?,
        })
    }
}

#[pymethods]
impl Unit {
    /// postings(channel="one_stop_shop") -> list[tuple[str, datetime.date | None]]
    ///
    /// What the unit posted on a channel: ``(procedure code, posting day or None)`` in document
    /// order, then the codes the document does not define.
    #[pyo3(
        signature = (channel = Text::DEFAULT_CHANNEL),
        text_signature = "($self, /, channel='one_stop_shop')"
    )]
    fn postings<'py>(&self, py: Python<'py>, channel: Text) -> PyResult<Bound<'py, PyList>> {
        let channel = channel.arg(py, "channel")?;
        let channel = attached(py, || channel.parse::<tthc::Channel>())?;
        let postings = self.cat.unit(self.id).postings(channel);
        let out = PyList::empty(py);
        for (p, day) in postings.iter() {
            let code = self.cat.procedure(p).code.as_str();
            out.append((code, convert::opt_date(py, day)?))?;
        }
        for u in postings.unknown() {
            out.append((u.code.as_str(), convert::opt_date(py, u.on)?))?;
        }
        Ok(out)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let (code, name) = (convert::repr(py, &self.code), convert::repr(py, &self.name));
        format!(
            "Unit(code={code}, name={name}, level={})",
            convert::repr(py, self.level)
        )
    }
}
