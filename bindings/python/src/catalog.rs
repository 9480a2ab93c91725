//! `tthc.Catalog` and its read-only views `Field`, `Procedure`, `Unit`.
//!
//! A view holds the shared catalogue and an index, so listing the 10,000 units of a national
//! catalogue makes 10,000 small objects and no copies of their postings.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};

use crate::compliance::Report;
use crate::convert;
use crate::error::{attached, detached};

/// Catalog — a validated, immutable catalogue of fields, procedures and units.
///
/// Made by ``tthc.load(path)``, ``tthc.loads(text)`` or ``tthc.an_bien_2018()``. Safe to share
/// between threads. ``len(catalog)`` is the number of procedures and iterating over it yields
/// them (``Procedure`` objects) in document order.
#[pyclass(frozen, module = "tthc")]
pub struct Catalog {
    pub(crate) inner: Arc<tthc::Catalog>,
    fields: PyOnceLock<Py<PyTuple>>,
    procedures: PyOnceLock<Py<PyTuple>>,
    units: PyOnceLock<Py<PyTuple>>,
    /// Built by the first search, then reused (the catalogue never changes).
    search_index: Arc<OnceLock<tthc::text::SearchIndex>>,
}

impl Catalog {
    pub(crate) fn new(inner: tthc::Catalog) -> Self {
        Catalog {
            inner: Arc::new(inner),
            fields: PyOnceLock::new(),
            procedures: PyOnceLock::new(),
            units: PyOnceLock::new(),
            search_index: Arc::new(OnceLock::new()),
        }
    }

    fn procedures_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        self.procedures
            .get_or_try_init(py, || {
                let items = (0..self.inner.procedures().len()).map(|i| Procedure {
                    cat: Arc::clone(&self.inner),
                    id: tthc::ProcId(i as u32),
                });
                Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
            })
            .map(|t| t.bind(py))
    }
}

#[pymethods]
impl Catalog {
    /// title -> str | None — the document's human title.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }

    /// as_of -> datetime.date | None — the day the publication data describes.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.inner.as_of())
    }

    /// source -> str | None — where the data came from.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source()
    }

    /// fields -> tuple[Field, ...] — the fields (lĩnh vực), in document order.
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.fields
            .get_or_try_init(py, || {
                let items = (0..self.inner.fields().len()).map(|i| Field {
                    cat: Arc::clone(&self.inner),
                    id: tthc::FieldId(i as u32),
                });
                Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
            })
            .map(|t| t.bind(py).clone())
    }

    /// procedures -> tuple[Procedure, ...] — the procedures, in document order.
    #[getter]
    fn procedures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.procedures_tuple(py).cloned()
    }

    /// units -> tuple[Unit, ...] — the administrative units, in document order.
    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.units
            .get_or_try_init(py, || {
                let items = (0..self.inner.units().len()).map(|i| Unit {
                    cat: Arc::clone(&self.inner),
                    id: tthc::UnitId(i as u32),
                });
                Ok::<_, PyErr>(PyTuple::new(py, items)?.unbind())
            })
            .map(|t| t.bind(py).clone())
    }

    /// procedure(code) -> Procedure | None — the procedure with this exact code.
    fn procedure(&self, code: &str) -> Option<Procedure> {
        self.inner.procedure_id(code).map(|id| Procedure {
            cat: Arc::clone(&self.inner),
            id,
        })
    }

    /// unit(code) -> Unit | None — the unit with this GSO code.
    fn unit(&self, code: &str) -> Option<Unit> {
        self.inner.unit_id(code).map(|id| Unit {
            cat: Arc::clone(&self.inner),
            id,
        })
    }

    /// field(code) -> Field | None — the field with this code.
    fn field(&self, code: &str) -> Option<Field> {
        self.inner.field_id(code).map(|id| Field {
            cat: Arc::clone(&self.inner),
            id,
        })
    }

    /// search(query, limit=20) -> list[SearchHit]
    ///
    /// Search procedures by code, name or field name, ignoring case, tones and diacritics:
    /// the best ``limit`` hits, best first (``SearchHit``: ``code``, ``name``, ``field``,
    /// ``score``; a larger score is a better match). The first search builds an index that
    /// later searches reuse; it runs without the GIL.
    #[pyo3(signature = (query, limit = 20))]
    fn search(&self, py: Python<'_>, query: &str, limit: usize) -> PyResult<Vec<SearchHit>> {
        let cat = Arc::clone(&self.inner);
        let index = Arc::clone(&self.search_index);
        let hits = detached(py, || {
            Ok(index
                .get_or_init(|| tthc::text::SearchIndex::new(&cat))
                .search(query, limit))
        })?;
        Ok(hits
            .into_iter()
            .map(|hit| SearchHit {
                procedure: Procedure {
                    cat: Arc::clone(&self.inner),
                    id: hit.procedure,
                },
                score: hit.score,
            })
            .collect())
    }

    /// compliance(channel="one_stop_shop", as_of=None) -> Report
    ///
    /// The compliance report for a channel (``one_stop_shop``, ``portal`` or ``national``) as
    /// of a day (a ``datetime.date``, an ISO string ``YYYY-MM-DD``, or ``None`` for the
    /// document's ``as_of``, else today). Raises ``ArgumentError`` (``unknown_channel``,
    /// ``bad_date``) for bad arguments. The computation runs without the GIL.
    #[pyo3(signature = (channel = "one_stop_shop", as_of = None))]
    fn compliance(
        &self,
        py: Python<'_>,
        channel: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let options = convert::options(channel, as_of)?.map_err(|e| e.into_pyerr(py))?;
        let cat = Arc::clone(&self.inner);
        let report = detached(py, || cat.compliance(&options))?;
        Ok(Report::new(Arc::clone(&self.inner), report))
    }

    /// to_json(pretty=False) -> str — the catalogue as a JSON v1 document.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        let cat = Arc::clone(&self.inner);
        detached(py, || {
            Ok(if pretty {
                cat.to_json_pretty()
            } else {
                cat.to_json()
            })
        })
    }

    fn __len__(&self) -> usize {
        self.inner.procedures().len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.procedures_tuple(py)?.try_iter().map(Bound::into_any)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<tthc.Catalog {}: {} fields, {} procedures, {} units>",
            convert::repr(py, self.inner.title()),
            self.inner.fields().len(),
            self.inner.procedures().len(),
            self.inner.units().len()
        )
    }
}

/// Field — a field (lĩnh vực): ``code``, ``name``, ``name_en``.
#[pyclass(frozen, module = "tthc")]
pub struct Field {
    cat: Arc<tthc::Catalog>,
    id: tthc::FieldId,
}

impl Field {
    fn get(&self) -> &tthc::catalog::Field {
        self.cat.field(self.id)
    }
}

#[pymethods]
impl Field {
    /// code -> str — unique code, e.g. ``ho-tich``.
    #[getter]
    fn code(&self) -> &str {
        &self.get().code
    }
    /// name -> str — Vietnamese name, e.g. ``Hộ tịch``.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// name_en -> str | None — English name.
    #[getter]
    fn name_en(&self) -> Option<&str> {
        self.get().name_en.as_deref()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Field(code={}, name={})",
            convert::repr(py, &self.get().code),
            convert::repr(py, &self.get().name)
        )
    }
}

/// Procedure — a procedure (thủ tục hành chính).
///
/// ``code``, ``name``, ``field`` (the field's code), ``levels`` (tuple of level names),
/// ``decision``, ``effective``, ``amended``, ``abolished`` (``datetime.date`` or ``None``) and
/// ``online`` (``"full"``, ``"partial"``, ``"none"`` or ``None``).
#[pyclass(frozen, module = "tthc")]
pub struct Procedure {
    cat: Arc<tthc::Catalog>,
    id: tthc::ProcId,
}

impl Procedure {
    fn get(&self) -> &tthc::catalog::Procedure {
        self.cat.procedure(self.id)
    }
}

#[pymethods]
impl Procedure {
    /// code -> str — the national code with its local suffix, if any.
    #[getter]
    fn code(&self) -> &str {
        self.get().code.as_str()
    }
    /// name -> str
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// field -> str — the code of the procedure's field.
    #[getter]
    fn field(&self) -> &str {
        &self.cat.field(self.get().field).code
    }
    /// levels -> tuple[str, ...] — the levels that carry it out (``central``, ``province``,
    /// ``district``, ``commune``, ``other``).
    #[getter]
    fn levels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let levels: Vec<&str> = self.get().levels.iter().map(tthc::Level::as_str).collect();
        PyTuple::new(py, levels)
    }
    /// decision -> str | None — số quyết định công bố.
    #[getter]
    fn decision(&self) -> Option<&str> {
        self.get().decision.as_deref()
    }
    /// effective -> datetime.date | None — in force from this day.
    #[getter]
    fn effective<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.get().effective)
    }
    /// amended -> datetime.date | None — last amended on this day.
    #[getter]
    fn amended<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.get().amended)
    }
    /// abolished -> datetime.date | None — no longer in force from this day.
    #[getter]
    fn abolished<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.get().abolished)
    }
    /// online -> str | None — ``full`` (toàn trình), ``partial`` (một phần) or ``none``.
    #[getter]
    fn online(&self) -> Option<&'static str> {
        self.get().online.map(tthc::Online::as_str)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Procedure(code={}, name={})",
            convert::repr(py, self.code()),
            convert::repr(py, self.name())
        )
    }
}

/// Unit — an administrative unit (province, district or commune).
///
/// ``code`` (GSO code), ``name``, ``level``, ``parent`` (the parent's code or ``None``),
/// ``valid_from``, ``valid_to`` (``datetime.date`` or ``None``), ``successors`` (codes),
/// ``applies_add``, ``applies_remove`` (procedure codes) and ``postings(channel)``.
#[pyclass(frozen, module = "tthc")]
pub struct Unit {
    cat: Arc<tthc::Catalog>,
    id: tthc::UnitId,
}

impl Unit {
    fn get(&self) -> &tthc::catalog::Unit {
        self.cat.unit(self.id)
    }

    fn codes<'py>(&self, py: Python<'py>, ids: &[tthc::ProcId]) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, ids.iter().map(|&p| self.cat.procedure(p).code.as_str()))
    }
}

#[pymethods]
impl Unit {
    /// code -> str — the GSO code (2 digits province, 3 district, 5 commune).
    #[getter]
    fn code(&self) -> &str {
        &self.get().code
    }
    /// name -> str
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// level -> str — ``province``, ``district`` or ``commune``.
    #[getter]
    fn level(&self) -> &'static str {
        self.get().level.as_str()
    }
    /// parent -> str | None — the parent's code (the parent may be outside the document).
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.get().parent_code.as_deref()
    }
    /// valid_from -> datetime.date | None — first day of existence.
    #[getter]
    fn valid_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.get().valid_from)
    }
    /// valid_to -> datetime.date | None — last day of existence.
    #[getter]
    fn valid_to<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        convert::opt_date(py, self.get().valid_to)
    }
    /// successors -> tuple[str, ...] — codes of the units it became.
    #[getter]
    fn successors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.get().successors.iter().map(String::as_str))
    }
    /// applies_add -> tuple[str, ...] — procedures that apply although their levels say not.
    #[getter]
    fn applies_add<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.codes(py, &self.get().applies_add)
    }
    /// applies_remove -> tuple[str, ...] — procedures that do not apply although their levels
    /// say so.
    #[getter]
    fn applies_remove<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.codes(py, &self.get().applies_remove)
    }

    /// postings(channel="one_stop_shop") -> list[tuple[str, datetime.date | None]]
    ///
    /// What the unit posted on a channel: ``(procedure code, posting day or None)`` in document
    /// order, then the codes the document does not define.
    #[pyo3(signature = (channel = "one_stop_shop"))]
    fn postings<'py>(&self, py: Python<'py>, channel: &str) -> PyResult<Bound<'py, PyList>> {
        let options = convert::options(channel, None)?.map_err(|e| e.into_pyerr(py))?;
        let postings = attached(py, || self.get().postings(options.channel))?;
        let out = PyList::empty(py);
        for (p, day) in postings.iter() {
            out.append((
                self.cat.procedure(p).code.as_str(),
                convert::opt_date(py, day)?,
            ))?;
        }
        for (code, day) in postings.unknown() {
            out.append((code.as_str(), convert::opt_date(py, *day)?))?;
        }
        Ok(out)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Unit(code={}, name={}, level={})",
            convert::repr(py, &self.get().code),
            convert::repr(py, &self.get().name),
            convert::repr(py, self.get().level.as_str())
        )
    }
}

/// SearchHit — one procedure found by ``Catalog.search``: ``code``, ``name``, ``field`` (the
/// field's code), ``score`` (larger is better) and ``procedure`` (the ``Procedure``).
#[pyclass(frozen, module = "tthc")]
pub struct SearchHit {
    procedure: Procedure,
    score: u32,
}

#[pymethods]
impl SearchHit {
    /// code -> str — the procedure's code.
    #[getter]
    fn code(&self) -> &str {
        self.procedure.code()
    }
    /// name -> str — the procedure's name.
    #[getter]
    fn name(&self) -> &str {
        self.procedure.name()
    }
    /// field -> str — the code of the procedure's field.
    #[getter]
    fn field(&self) -> &str {
        self.procedure.field()
    }
    /// score -> int — how well it matched (1000 for the exact code; see the core's docs).
    #[getter]
    fn score(&self) -> u32 {
        self.score
    }
    /// procedure -> Procedure
    #[getter]
    fn procedure(&self) -> Procedure {
        Procedure {
            cat: Arc::clone(&self.procedure.cat),
            id: self.procedure.id,
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SearchHit(code={}, name={}, score={})",
            convert::repr(py, self.code()),
            convert::repr(py, self.name()),
            self.score
        )
    }
}
