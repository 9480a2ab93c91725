//! Arrow from Python (feature `parquet`): `Report.to_arrow()` and `Catalog.postings_table()`
//! give an [`ArrowTable`], the core's record batches (`tthc::io::parquet::unit_rates_batch`,
//! `postings_batches`) behind the Arrow PyCapsule interface. pyarrow (`pa.table(t)`,
//! `pa.RecordBatchReader.from_stream(t)`), polars (`pl.DataFrame(t)`) and
//! DuckDB (`duckdb.sql("select … from t")`) take it without copying the columns, and tthc
//! depends on none of them.
//!
//! The capsule `arrow_array_stream` owns an `FFI_ArrowArrayStream`: a consumer moves the stream
//! out (and releases it when done), leaving `release` null; a capsule nobody consumed releases
//! its stream when Python destroys it (`PyCapsule::new_with_value` boxes the stream, its
//! destructor drops the box, and the stream's `Drop` calls `release` when it is not null).

use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::SchemaRef;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::catalog::Catalog;
use crate::convert::Text;
use crate::error::detached;

/// ArrowTable — record batches that Arrow libraries read through the Arrow PyCapsule interface.
///
/// ``pyarrow.table(t)``, ``pyarrow.RecordBatchReader.from_stream(t)``, ``polars.DataFrame(t)``,
/// and DuckDB (``duckdb.sql("select * from t")``) read it; each call of
/// ``__arrow_c_stream__`` gives a new stream of the same batches, so it can be read many times.
/// ``column_names`` and ``num_rows`` describe it; ``len(t)`` is ``num_rows``.
#[pyclass(frozen, module = "tthc")]
pub struct ArrowTable {
    schema: SchemaRef,
    batches: Arc<[RecordBatch]>,
}

impl ArrowTable {
    fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> Self {
        ArrowTable {
            schema,
            batches: batches.into(),
        }
    }

    fn rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

#[pymethods]
impl ArrowTable {
    /// __arrow_c_stream__(requested_schema=None) -> PyCapsule
    ///
    /// A new ``arrow_array_stream`` capsule over the batches (the Arrow PyCapsule interface).
    /// ``requested_schema`` is accepted and ignored: the table has one schema.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = Arc::clone(&self.batches);
        let iter = (0..batches.len()).map(move |i| Ok(batches[i].clone()));
        let reader = RecordBatchIterator::new(iter, Arc::clone(&self.schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// __arrow_c_schema__() -> PyCapsule — the schema as an ``arrow_schema`` capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema.as_ref())
            .map_err(|e| PyValueError::new_err(format!("the Arrow schema of tthc: {e}")))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// column_names -> tuple[str, ...] — the names of the columns, in order.
    #[getter]
    fn column_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.schema.fields().iter().map(|f| f.name().as_str()))
    }

    /// num_rows -> int — the number of rows of all batches.
    #[getter]
    fn num_rows(&self) -> usize {
        self.rows()
    }

    fn __len__(&self) -> usize {
        self.rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<tthc.ArrowTable {} rows in {} batches: {}>",
            self.rows(),
            self.batches.len(),
            self.schema
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// `Report.to_arrow()`: the report's units with the columns of `unit_rates.parquet`.
pub(crate) fn unit_rates(
    py: Python<'_>,
    catalog: &tthc::Catalog,
    report: &tthc::Compliance,
) -> PyResult<ArrowTable> {
    let batch = detached(py, || {
        Ok(tthc::io::parquet::unit_rates_batch(catalog, report))
    })?;
    Ok(ArrowTable::new(batch.schema(), vec![batch]))
}

/// `Catalog.postings_table()`: the rows of `postings.parquet`.
pub(crate) fn postings(
    catalog: &Catalog,
    py: Python<'_>,
    channel: &Text,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<ArrowTable> {
    let options = crate::compliance::options(py, channel, as_of)?;
    let cat = &catalog.inner;
    let (schema, batches) = detached(py, || {
        Ok(tthc::io::parquet::postings_batches(cat, &options))
    })?;
    Ok(ArrowTable::new(schema, batches))
}
