//! The four Parquet files of `docs/exports.md` — `procedures.parquet`, `units.parquet`,
//! `postings.parquet`, `unit_rates.parquet` — written from a catalogue and read back into the
//! same catalogue (feature `parquet`), and the Arrow record batches behind them, which the
//! Python binding hands to pyarrow, polars and DuckDB.
//!
//! ```
//! # #[cfg(feature = "parquet")] {
//! use tthc::io::parquet::{read_dir, write_dir, ReadOptions};
//! let catalog = tthc::Catalog::an_bien_2018();
//! let dir = std::env::temp_dir().join("tthc-doc-parquet");
//! write_dir(&catalog, &dir, &tthc::ComplianceOptions::default())?;
//! let back = read_dir(&dir, &ReadOptions::default())?;
//! assert_eq!(back.catalog, catalog);
//! # }
//! # Ok::<(), tthc::Error>(())
//! ```
//!
//! What the files hold beyond the contract's columns (so that the round trip is exact): the
//! units' `channels` (the channels the document lists for the unit, even empty) and
//! `applies_add` / `applies_remove` (null when the document gives no `applies`); the file
//! metadata `title`, `document_as_of` (the document's own `as_of`, absent when it has none),
//! `tthc_fields` (every field as JSON, in `procedures.parquet`) and `tthc_reports` (the
//! reported figures as JSON, in `units.parquet`). What the round trip normalises: postings
//! within a unit's channel come back in the files' order (by procedure code), and a procedure
//! posted twice on one channel comes back once, with the posting that counts.
#![cfg(feature = "parquet")]

mod read;
mod write;

use std::path::Path;

use crate::catalog::Catalog;
use crate::compliance::ComplianceOptions;
use crate::error::{Code, Error};
use crate::model::vocab::{vocabulary, Vocabulary};
use crate::model::Date;

pub use read::{read_dir, read_files, ParquetImport, ReadOptions};
pub use write::{postings_batches, tables, unit_rates_batch, write, Tables};

/// The files, in the order of `docs/exports.md`.
pub const FILES: [&str; 4] = [
    "procedures.parquet",
    "units.parquet",
    "postings.parquet",
    "unit_rates.parquet",
];

/// The value of the `tthc_format` metadata key this library writes and reads.
pub const FORMAT_VERSION: &str = "1";

/// The status of one row of `postings.parquet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PostingStatus {
    /// Applicable, posted, and the posting is not older than the last amendment.
    Published,
    /// Applicable, posted before the procedure's last amendment.
    Outdated,
    /// Applicable and not posted (or posted only after the day of the file).
    Missing,
    /// Posted, but the procedure does not apply to the unit on the day.
    NotApplicable,
    /// Posted under a code the catalogue does not define.
    Unknown,
}

impl Vocabulary for PostingStatus {
    const ALL: &'static [Self] = &[
        PostingStatus::Published,
        PostingStatus::Outdated,
        PostingStatus::Missing,
        PostingStatus::NotApplicable,
        PostingStatus::Unknown,
    ];
    const NOUN: &'static str = "posting status";
    const ARG: &'static str = "status";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        match self {
            PostingStatus::Published => "published",
            PostingStatus::Outdated => "outdated",
            PostingStatus::Missing => "missing",
            PostingStatus::NotApplicable => "not_applicable",
            PostingStatus::Unknown => "unknown",
        }
    }
}
vocabulary!(PostingStatus);

/// Write the four files into `dir` (created when missing).
pub fn write_dir(catalog: &Catalog, dir: &Path, options: &ComplianceOptions) -> Result<(), Error> {
    let files = write(catalog, options)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(&dir.display().to_string(), &e))?;
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path.display().to_string(), &e))?;
    }
    Ok(())
}

/// Days since 1970-01-01 (Parquet's `DATE`).
pub(crate) fn days(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil.
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

/// A problem in one of the files: `file, row R, column "C"` (rows counted from 0, as DuckDB,
/// pyarrow and polars count them).
pub(crate) fn at(file: &str, row: Option<usize>, column: Option<&str>) -> String {
    use std::fmt::Write as _;
    let mut path = file.to_owned();
    if let Some(r) = row {
        let _ = write!(path, ", row {r}");
    }
    if let Some(c) = column {
        let _ = write!(path, ", column \"{c}\"");
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch() {
        for (text, n) in [
            ("1970-01-01", 0),
            ("2000-03-01", 11_017),
            ("2018-12-31", 17_896),
            ("1969-12-31", -1),
        ] {
            let d = Date::parse(text).expect("a date");
            assert_eq!(days(d), n, "{text}");
            assert_eq!(Date::from_days_since_epoch(i64::from(n)), d);
        }
    }

    #[test]
    fn statuses_parse() {
        assert_eq!(
            "not_applicable".parse::<PostingStatus>(),
            Ok(PostingStatus::NotApplicable)
        );
        let e = "posted".parse::<PostingStatus>().expect_err("not a status");
        assert_eq!((e.code(), e.path()), ("bad_value", "status"));
    }
}
