//! Procedure lists (the core's `tthc::listing`): `Catalog.procedure_list` and its rows.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use tthc::Vocabulary;

use crate::catalog::Catalog;
use crate::convert::{self, Text};
use crate::error::{attached, detached};

/// ListedProcedure — one procedure of ``Catalog.procedure_list``: ``code``, ``name``,
/// ``field`` (the field's code), ``field_name``, ``field_name_en`` (or ``None``), ``online``
/// (``full``, ``partial``, ``none`` or ``None``) and ``status`` (``published``, ``missing``,
/// ``outdated``, or ``None`` when listing a level or a unit whose figures are reported).
/// ``to_dict()`` gives the same keys.
#[pyclass(frozen, get_all, eq, hash, module = "tthc")]
#[derive(PartialEq, Eq, Hash)]
pub struct ListedProcedure {
    /// The procedure's code.
    code: String,
    /// The procedure's name.
    name: String,
    /// The field's code.
    field: String,
    /// The field's Vietnamese name.
    field_name: String,
    /// The field's English name, if the document gives one.
    field_name_en: Option<String>,
    /// How far it can be done online.
    online: Option<&'static str>,
    /// Its status for the unit on the channel.
    status: Option<&'static str>,
}

impl ListedProcedure {
    fn new(row: &tthc::listing::ListedProcedure<'_>) -> Self {
        ListedProcedure {
            code: row.code.to_owned(),
            name: row.name.to_owned(),
            field: row.field_code.to_owned(),
            field_name: row.field_name.to_owned(),
            field_name_en: row.field_name_en.map(str::to_owned),
            online: row.online.map(Vocabulary::word),
            status: row.status.map(Vocabulary::word),
        }
    }
}

#[pymethods]
impl ListedProcedure {
    /// to_dict() -> tthc._report_types.ListedProcedure — ``{code, name, field, field_name,
    /// field_name_en, online, status}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("field", &self.field)?;
        d.set_item("field_name", &self.field_name)?;
        d.set_item("field_name_en", &self.field_name_en)?;
        d.set_item("online", self.online)?;
        d.set_item("status", self.status)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ListedProcedure(code={}, name={}, status={})",
            convert::repr(py, &self.code),
            convert::repr(py, &self.name),
            convert::repr(py, self.status)
        )
    }
}

/// `Catalog.procedure_list`: the core's query and list, sorted with the catalogue's
/// [`tthc::listing::ListOrder`] (computed once).
pub(crate) fn procedure_list(
    catalog: &Catalog,
    py: Python<'_>,
    [unit, level, field, status]: [Option<&Text>; 4],
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<ListedProcedure>> {
    let unit = Text::opt(unit, py, "unit")?;
    let level = Text::opt(level, py, "level")?;
    let field = Text::opt(field, py, "field")?;
    let status = Text::opt(status, py, "status")?;
    let channel = channel.arg(py, "channel")?;
    let as_of = convert::day_text(as_of)?;
    let query = attached(py, || {
        tthc::listing::ListQuery::parse(unit, level, field, status, Some(channel), as_of.as_deref())
    })?;
    let cat = Arc::clone(&catalog.inner);
    let order = Arc::clone(&catalog.list_order);
    detached(py, || {
        let order = order.get_or_init(|| tthc::listing::ListOrder::new(&cat));
        let rows = cat.procedure_list_with(&query, order)?;
        Ok(rows.iter().map(ListedProcedure::new).collect())
    })
}
