//! `tthc.Catalog` (the core's `tthc::catalog`); its `Field`, `Procedure`, `Unit` are in
//! `model.rs`. The methods that compute (`search`, `compliance`, `unit_report`,
//! `procedure_list`) are one line here and live in the module of the core they call.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

use crate::compliance::{Report, UnitCompliance};
use crate::convert::{self, PathArg, Text};
use crate::error::detached;
use crate::listing::ListedProcedure;
use crate::model::{Field, Procedure, Unit};
use crate::search::SearchHit;

/// Catalog — a validated, immutable catalogue of fields, procedures and units.
///
/// Made by ``tthc.load(path)``, ``tthc.loads(text)``, ``tthc.import_file(path)`` or
/// ``tthc.an_bien_2018()``. Safe to share between threads. ``len(catalog)`` is the number of
/// procedures and iterating over it yields them (``Procedure`` objects) in document order.
#[pyclass(frozen, module = "tthc")]
pub struct Catalog {
    pub(crate) inner: Arc<tthc::Catalog>,
    fields: PyOnceLock<Py<PyTuple>>,
    procedures: PyOnceLock<Py<PyTuple>>,
    units: PyOnceLock<Py<PyTuple>>,
    /// Built by the first search, then reused (the catalogue never changes).
    pub(crate) search_index: Arc<OnceLock<tthc::search::SearchIndex>>,
    /// Built by the first procedure list, then reused.
    pub(crate) list_order: Arc<OnceLock<tthc::listing::ListOrder>>,
}

impl Catalog {
    pub(crate) fn new(inner: tthc::Catalog) -> Self {
        Catalog {
            inner: Arc::new(inner),
            fields: PyOnceLock::new(),
            procedures: PyOnceLock::new(),
            units: PyOnceLock::new(),
            search_index: Arc::new(OnceLock::new()),
            list_order: Arc::new(OnceLock::new()),
        }
    }

    fn fields_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let cat = &self.inner;
        convert::cached_tuple(py, &self.fields, cat.fields().len(), |i| {
            Ok(Field::new(cat.field(tthc::FieldId(i))))
        })
    }

    fn procedures_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let cat = &self.inner;
        convert::cached_tuple(py, &self.procedures, cat.procedures().len(), |i| {
            Procedure::new(py, cat, tthc::ProcId(i))
        })
    }

    fn units_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let cat = &self.inner;
        convert::cached_tuple(py, &self.units, cat.units().len(), |i| {
            Unit::new(py, cat, tthc::UnitId(i))
        })
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
        self.fields_tuple(py).cloned()
    }

    /// procedures -> tuple[Procedure, ...] — the procedures, in document order.
    #[getter]
    fn procedures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.procedures_tuple(py).cloned()
    }

    /// units -> tuple[Unit, ...] — the administrative units, in document order.
    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.units_tuple(py).cloned()
    }

    /// procedure(code) -> Procedure | None — the procedure with this exact code.
    fn procedure<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Option<Bound<'py, PyAny>>> {
        let code = code.arg(py, "code")?;
        let id = self.inner.procedure_id(code).map(|id| id.0);
        convert::item(self.procedures_tuple(py)?, id)
    }

    /// unit(code) -> Unit | None — the unit with this GSO code.
    fn unit<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Option<Bound<'py, PyAny>>> {
        let code = code.arg(py, "code")?;
        let id = self.inner.unit_id(code).map(|id| id.0);
        convert::item(self.units_tuple(py)?, id)
    }

    /// field(code) -> Field | None — the field with this code.
    fn field<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Option<Bound<'py, PyAny>>> {
        let code = code.arg(py, "code")?;
        let id = self.inner.field_id(code).map(|id| id.0);
        convert::item(self.fields_tuple(py)?, id)
    }

    /// search(query, limit=20) -> list[SearchHit]
    ///
    /// Search procedures by code, name or field name, ignoring case, tones and diacritics:
    /// the best ``limit`` hits, best first (``SearchHit``: ``code``, ``name``, ``field``,
    /// ``score``, ``procedure``; a larger score is a better match). The first search builds an
    /// index that later searches reuse; it runs without the GIL.
    #[pyo3(signature = (query, limit = 20))]
    fn search(&self, py: Python<'_>, query: Text, limit: usize) -> PyResult<Vec<SearchHit>> {
        crate::search::search(self, py, &query, limit)
    }

    /// compliance(channel="one_stop_shop", as_of=None, stale_after=None) -> Report
    ///
    /// The compliance report for a channel (``one_stop_shop``, ``portal`` or ``national``) as
    /// of a day (a ``datetime.date``, an ISO string ``YYYY-MM-DD``, or ``None`` for the
    /// document's ``as_of``, else today); with ``stale_after`` (days) each unit also lists its
    /// ``stale`` postings and counts the ``unchecked`` ones. Raises ``ArgumentError``
    /// (``unknown_channel`` at ``channel``, ``bad_date`` at ``as_of``, ``bad_value`` at
    /// ``stale_after``). The computation runs without the GIL.
    #[pyo3(
        signature = (channel = Text::DEFAULT_CHANNEL, as_of = None, stale_after = None),
        text_signature = "($self, /, channel='one_stop_shop', as_of=None, stale_after=None)"
    )]
    fn compliance(
        &self,
        py: Python<'_>,
        channel: Text,
        as_of: Option<&Bound<'_, PyAny>>,
        stale_after: Option<i64>,
    ) -> PyResult<Report> {
        crate::compliance::report(self, py, &channel, as_of, stale_after)
    }

    /// unit_report(code, channel="one_stop_shop", as_of=None, stale_after=None) -> UnitCompliance
    ///
    /// One unit's figures computed alone: the same as its entry in ``compliance(...)`` except
    /// ``rank``, which is ``None`` (a rank needs every unit of the level). Raises
    /// ``ArgumentError``: ``unknown_unit`` (path ``unit``), ``unknown_channel``, ``bad_date``,
    /// ``bad_value`` (``stale_after``).
    #[pyo3(
        signature = (code, channel = Text::DEFAULT_CHANNEL, as_of = None, stale_after = None),
        text_signature = "($self, /, code, channel='one_stop_shop', as_of=None, stale_after=None)"
    )]
    fn unit_report(
        &self,
        py: Python<'_>,
        code: Text,
        channel: Text,
        as_of: Option<&Bound<'_, PyAny>>,
        stale_after: Option<i64>,
    ) -> PyResult<UnitCompliance> {
        crate::compliance::unit_report(self, py, &code, &channel, as_of, stale_after)
    }

    /// check(channel=None, as_of=None, stale_after=None) -> list[Finding]
    ///
    /// What a maintainer should look at (the core's ``check``): each ``Finding`` has a
    /// ``code``, a JSON-pointer ``path`` and a ``message``. ``channel=None`` checks the
    /// postings of every channel. Raises ``ArgumentError`` (``unknown_channel``, ``bad_date``,
    /// ``bad_value`` at ``stale_after``). Runs without the GIL.
    #[pyo3(signature = (channel = None, as_of = None, stale_after = None))]
    fn check(
        &self,
        py: Python<'_>,
        channel: Option<Text>,
        as_of: Option<&Bound<'_, PyAny>>,
        stale_after: Option<i64>,
    ) -> PyResult<Vec<crate::lifecycle::Finding>> {
        crate::lifecycle::check(self, py, channel.as_ref(), as_of, stale_after)
    }

    /// procedure_list(unit=None, level=None, field=None, status=None, channel="one_stop_shop", as_of=None) -> list[ListedProcedure]
    ///
    /// The procedures a unit must publish, each with its ``status`` (``published``,
    /// ``missing``, ``outdated``; ``None`` for a unit whose figures are reported), or without a
    /// unit every procedure in force (of ``level``, when given) — filtered by ``field`` (a
    /// field code) and ``status``, sorted by field name, then name, in Vietnamese order.
    /// Raises ``ArgumentError``: ``unknown_unit`` (``unit``), ``unknown_field`` (``field``),
    /// ``bad_value`` (``level``, ``status``), ``unknown_channel``, ``bad_date``. Runs without
    /// the GIL.
    #[pyo3(
        signature = (unit = None, level = None, field = None, status = None, channel = Text::DEFAULT_CHANNEL, as_of = None),
        text_signature = "($self, /, unit=None, level=None, field=None, status=None, channel='one_stop_shop', as_of=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn procedure_list(
        &self,
        py: Python<'_>,
        unit: Option<Text>,
        level: Option<Text>,
        field: Option<Text>,
        status: Option<Text>,
        channel: Text,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<ListedProcedure>> {
        let filters = [
            unit.as_ref(),
            level.as_ref(),
            field.as_ref(),
            status.as_ref(),
        ];
        crate::listing::procedure_list(self, py, filters, &channel, as_of)
    }

    /// postings_table(channel="one_stop_shop", as_of=None) -> ArrowTable
    ///
    /// The rows of ``postings.parquet`` (docs/exports.md) as Arrow data through the Arrow
    /// PyCapsule interface: ``unit``, ``procedure``, ``channel``, ``status`` (dictionaries),
    /// ``posted_on``, ``checked_on`` (dates) — one row per unit × procedure × channel that is
    /// applicable or posted, on every channel the units list and on ``channel`` for every unit
    /// counted from items, statuses as of ``as_of``. Raises ``ArgumentError``
    /// (``unknown_channel``, ``bad_date``). Runs without the GIL.
    #[cfg(feature = "parquet")]
    #[pyo3(
        signature = (channel = Text::DEFAULT_CHANNEL, as_of = None),
        text_signature = "($self, /, channel='one_stop_shop', as_of=None)"
    )]
    fn postings_table(
        &self,
        py: Python<'_>,
        channel: Text,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::arrow::ArrowTable> {
        crate::arrow::postings(self, py, &channel, as_of)
    }

    /// export(to, path=None, *, base=None, channel="one_stop_shop", as_of=None, lang="vi") -> str | bytes | dict[str, bytes] | None
    ///
    /// Export the catalogue as ``tthc export`` does (docs/exports.md): ``to`` is ``csv`` (the
    /// flat publication table), ``cpsv-ap`` (JSON-LD), ``hsds`` (JSON), ``parquet`` (the four
    /// files) or ``xlsx`` (the flat table as a workbook, headers in ``lang``). With ``path`` the
    /// export is written there (a directory, created when missing, for ``parquet``) and the
    /// result is ``None``; without it the result is the text (``str``), the workbook
    /// (``bytes``) or the Parquet files by name (``dict[str, bytes]``). ``base`` is the base of
    /// the IRIs (default ``urn:tthc:``); ``channel`` and ``as_of`` set the day and the channel of
    /// the statuses and rates. Raises ``ArgumentError`` (``bad_value`` at ``to``, ``base`` or
    /// ``lang``; ``unknown_channel``; ``bad_date``), ``ValidationError`` for a catalogue the
    /// format cannot hold, ``TthcIOError`` when the file cannot be written. Runs without the
    /// GIL.
    #[pyo3(
        signature = (to, path = None, *, base = None, channel = Text::DEFAULT_CHANNEL, as_of = None, lang = Text::literal("vi")),
        text_signature = "($self, /, to, path=None, *, base=None, channel='one_stop_shop', as_of=None, lang='vi')"
    )]
    #[allow(clippy::too_many_arguments)]
    fn export<'py>(
        &self,
        py: Python<'py>,
        to: Text,
        path: Option<PathArg>,
        base: Option<Text>,
        channel: Text,
        as_of: Option<&Bound<'py, PyAny>>,
        lang: Text,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let words = [base.as_ref(), Some(&channel), Some(&lang)];
        crate::io::export(self, py, &to, words, path, as_of)
    }

    /// to_json(pretty=False) -> str — the catalogue as a JSON v1 document.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        let cat = Arc::clone(&self.inner);
        let write = if pretty {
            tthc::Catalog::to_json_pretty
        } else {
            tthc::Catalog::to_json
        };
        detached(py, || Ok(write(&cat)))
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
