//! Reading and writing: JSON v1 documents, portal exports and flat tables, and the exports
//! other systems read (`export`: CPSV-AP, HSDS, Parquet, Excel).

pub(crate) mod columns;
pub mod csv_out;
pub mod export;
pub mod import;
pub mod json;
mod json_shapes;
pub mod parquet;
pub mod table;
pub mod wording;
pub mod xlsx;
