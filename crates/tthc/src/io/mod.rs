//! Reading and writing: JSON v1 documents (and, as they land, portal exports and flat tables).

pub(crate) mod columns;
pub mod csv_out;
pub mod import;
pub mod json;
mod json_shapes;
pub mod table;
pub mod wording;
