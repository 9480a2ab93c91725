//! # tthc — Vietnam's catalogue of administrative procedures
//!
//! The core of the project: the model of fields (lĩnh vực), procedures (thủ tục hành chính),
//! administrative units and what each unit has published, the JSON document format v1, and
//! compliance rates (what share of the procedures that apply to a unit it has published).
//!
//! ```
//! let catalog = tthc::Catalog::an_bien_2018();
//! let report = catalog.compliance(&tthc::ComplianceOptions::default());
//! let district = report.unit_by_code(&catalog, "908").expect("908 is in the dataset");
//! assert_eq!(district.published, Some(261));
//! assert_eq!(tthc::format_percent(district.rate, tthc::Lang::Vi), "100,0%");
//! # Ok::<(), tthc::Error>(())
//! ```
//!
//! Everything the Python and WebAssembly bindings show is computed here, so all bindings agree.

#![warn(missing_docs)]

pub mod catalog;
pub mod check;
pub mod compliance;
pub mod data;
pub mod diff;
pub mod document;
pub mod error;
pub mod io;
pub mod listing;
pub mod model;
pub mod rate;
pub mod search;
pub mod stats;
pub mod synth;
pub mod text;

pub use catalog::{Catalog, FieldId, ProcId, UnitId};
pub use compliance::{
    Basis, Compliance, ComplianceOptions, FieldCompliance, GroupCompliance, UnitCompliance, Warning,
};
pub use document::Document;
pub use error::{Code, Error, Family, Problem};
pub use model::{
    Channel, Date, Lang, Level, LevelSet, Online, OutputFormat, ProcedureCode, Vocabulary,
};
pub use rate::{format_count, format_percent, Rate};

/// The README's Rust examples, compiled and run by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
