//! The one column schema of a report's units: the rows of the CLI's CSV, Python's
//! `to_columns()` / `to_pandas()` / `to_polars()` and JavaScript's `toColumns()`.
//!
//! ```
//! use tthc::compliance::columns::{Cell, UNIT_COLUMNS};
//! let catalog = tthc::Catalog::an_bien_2018();
//! let report = catalog.compliance(&tthc::ComplianceOptions::default());
//! let view = report.view(&catalog);
//! assert_eq!(UNIT_COLUMNS[0].name, "unit");
//! let district = view.units.iter().find(|u| u.unit == "908").expect("in the dataset");
//! assert_eq!(district.cells()[0], Cell::Text("908"));
//! assert_eq!(district.cells()[13], Cell::Percent(Some(100.0))); // percent
//! ```

use super::view::UnitRow;
use super::Compliance;
use crate::catalog::Catalog;

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    /// Text, never missing.
    Text,
    /// Text or missing.
    OptionalText,
    /// `true` or `false`.
    Bool,
    /// A non-negative integer (u32) or missing.
    Count,
    /// A percentage with one decimal, or missing.
    Percent,
}

impl ColumnType {
    /// `text`, `optional_text`, `bool`, `count` or `percent`: the name bindings use to pick a
    /// data-frame type.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::OptionalText => "optional_text",
            ColumnType::Bool => "bool",
            ColumnType::Count => "count",
            ColumnType::Percent => "percent",
        }
    }
}

/// One column: its name, type and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column's name (a key of the report's unit, or `rate_num` / `rate_den`).
    pub name: &'static str,
    /// The type of its values.
    pub kind: ColumnType,
    /// What it holds.
    pub doc: &'static str,
}

const fn col(name: &'static str, kind: ColumnType, doc: &'static str) -> Column {
    Column { name, kind, doc }
}

/// The columns of a report's units, in order: one row per unit.
pub const UNIT_COLUMNS: [Column; 19] = [
    col("unit", ColumnType::Text, "GSO code of the unit"),
    col("name", ColumnType::Text, "name of the unit"),
    col("level", ColumnType::Text, "province, district or commune"),
    col(
        "parent",
        ColumnType::OptionalText,
        "GSO code of the parent unit",
    ),
    col(
        "basis",
        ColumnType::Text,
        "items (counted from postings) or reported",
    ),
    col(
        "approximate",
        ColumnType::Bool,
        "the source said \"khoảng\" (about)",
    ),
    col(
        "applicable",
        ColumnType::Count,
        "procedures that apply to the unit",
    ),
    col(
        "published",
        ColumnType::Count,
        "applicable procedures published",
    ),
    col(
        "outdated",
        ColumnType::Count,
        "postings older than the last amendment",
    ),
    col(
        "fields",
        ColumnType::Count,
        "fields among applicable procedures",
    ),
    col(
        "fields_published",
        ColumnType::Count,
        "fields among published procedures",
    ),
    col(
        "rate_num",
        ColumnType::Count,
        "numerator of the exact rate (published)",
    ),
    col(
        "rate_den",
        ColumnType::Count,
        "denominator of the exact rate (applicable)",
    ),
    col(
        "percent",
        ColumnType::Percent,
        "the rate in percent, one decimal, half away from zero",
    ),
    col(
        "rank",
        ColumnType::Count,
        "rank among units of the same level (1, 2, 2, 4)",
    ),
    col(
        "current",
        ColumnType::Bool,
        "the unit exists on the report's day (units that do not are not ranked)",
    ),
    col(
        "applicability",
        ColumnType::Text,
        "levels (the procedures' levels) or decisions (publishing decisions) set what applies",
    ),
    col(
        "stale",
        ColumnType::Count,
        "with stale_after: published postings last known more than stale_after days ago",
    ),
    col(
        "unchecked",
        ColumnType::Count,
        "with stale_after: published postings with neither a posting day nor a check",
    ),
];

/// One value of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// A `Text` value.
    Text(&'a str),
    /// An `OptionalText` value.
    OptionalText(Option<&'a str>),
    /// A `Bool` value.
    Bool(bool),
    /// A `Count` value.
    Count(Option<u32>),
    /// A `Percent` value.
    Percent(Option<f64>),
}

impl Cell<'_> {
    /// The value as CSV text: empty when missing, `true`/`false`, numbers as JSON writes them.
    pub fn to_text(&self) -> String {
        match *self {
            Cell::Text(s) | Cell::OptionalText(Some(s)) => s.to_owned(),
            Cell::Bool(b) => b.to_string(),
            Cell::Count(Some(n)) => n.to_string(),
            Cell::Percent(Some(p)) => format!("{p:.1}"),
            Cell::OptionalText(None) | Cell::Count(None) | Cell::Percent(None) => String::new(),
        }
    }
}

impl<'a> UnitRow<'a> {
    /// The row's values in the order of [`UNIT_COLUMNS`].
    pub fn cells(&self) -> [Cell<'a>; 19] {
        [
            Cell::Text(self.unit),
            Cell::Text(self.name),
            Cell::Text(self.level),
            Cell::OptionalText(self.parent),
            Cell::Text(self.basis),
            Cell::Bool(self.approximate),
            Cell::Count(self.applicable),
            Cell::Count(self.published),
            Cell::Count(self.outdated),
            Cell::Count(self.fields),
            Cell::Count(self.fields_published),
            Cell::Count(self.rate.map(|r| r[0])),
            Cell::Count(self.rate.map(|r| r[1])),
            Cell::Percent(self.percent),
            Cell::Count(self.rank),
            Cell::Bool(self.current),
            Cell::Text(self.applicability),
            Cell::Count(self.stale.as_ref().map(|s| s.len() as u32)),
            Cell::Count(self.unchecked),
        ]
    }
}

impl Compliance {
    /// The report's units as rows of [`UNIT_COLUMNS`], in document order, computed without
    /// the report's per-unit lists ([`UnitRow::figures`]); `catalog` must be the one the report
    /// was computed from.
    pub fn unit_cells<'a>(
        &'a self,
        catalog: &'a Catalog,
    ) -> impl ExactSizeIterator<Item = [Cell<'a>; UNIT_COLUMNS.len()]> + 'a {
        self.units
            .iter()
            .map(move |u| UnitRow::figures(catalog, u).cells())
    }
}

/// The units of a report as CSV (RFC 4180: comma, `"` quoting where needed, `\n` line ends),
/// with the header of [`UNIT_COLUMNS`].
pub fn units_csv(report: &Compliance, catalog: &Catalog) -> String {
    let mut out = String::new();
    let header: Vec<&str> = UNIT_COLUMNS.iter().map(|c| c.name).collect();
    crate::io::csv_out::write_record(&mut out, header.iter().copied());
    for row in report.unit_cells(catalog) {
        let cells = row.map(|c| c.to_text());
        crate::io::csv_out::write_record(&mut out, cells.iter().map(String::as_str));
    }
    out
}
