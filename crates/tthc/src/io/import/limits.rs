//! The limits that keep a hostile file (a zip bomb, a cell of 100 MB, millions of columns) from
//! taking the memory of the process: each is checked while reading and refused with
//! `too_large`. What they are and how to raise them: `docs/reliability.md`, "Hostile files".

use std::io::{Cursor, Read as _};

use crate::error::{Code, Problem};

/// Bounds on what an import reads, beyond the file size (`max_bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    /// Cells in one row of a CSV file or columns of a worksheet (default 1,024; the tables
    /// tthc reads have about 30).
    pub max_columns: usize,
    /// Bytes of text in one cell (default 1 MiB; Excel itself stops at 32,767 characters).
    pub max_cell_bytes: usize,
    /// Non-empty cells of a worksheet (default 20 million: a full Excel sheet of 1,048,576
    /// rows by 19 columns).
    pub max_cells: usize,
    /// Bytes of an xlsx workbook once unzipped, every part counted as it inflates (the sizes
    /// the zip declares are not trusted); also the bytes of text the cells of a worksheet
    /// hold, a shared string counted once per cell that uses it (default 512 MiB).
    pub max_unzipped_bytes: u64,
    /// Entries of an xlsx workbook's zip (default 1,000; Excel writes about a dozen, plus two
    /// per sheet).
    pub max_zip_entries: usize,
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits {
            max_columns: 1024,
            max_cell_bytes: 1 << 20,
            max_cells: 20_000_000,
            max_unzipped_bytes: 512 << 20,
            max_zip_entries: 1000,
        }
    }
}

/// The `too_large` problem of a limit: `what` is over `limit` (`option` names the field).
pub(crate) fn over(path: impl Into<String>, what: &str, limit: u64, option: &str) -> Problem {
    Problem::new(
        Code::TooLarge,
        path,
        format!("{what} more than the limit of {limit} (ImportLimits::{option})"),
    )
}

/// Check an xlsx workbook's zip before calamine reads it: at most `max_zip_entries` entries,
/// and at most `max_unzipped_bytes` once inflated, measured by inflating each entry (a
/// deflate stream can inflate a thousand times over, and a zip can lie about sizes).
pub(crate) fn check_zip(bytes: &[u8], limits: &ImportLimits) -> Result<(), Problem> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Problem::new(
            Code::BadEncoding,
            "",
            format!("the file is not a readable xlsx workbook: {e}"),
        )
    };
    let too_many = |entries: usize| {
        over(
            "",
            &format!("the workbook's zip has {entries} entries,"),
            limits.max_zip_entries as u64,
            "max_zip_entries",
        )
    };
    // Counted before the zip crate reads the central directory, and again after (zip64).
    match zip_entries(bytes) {
        Some(n) if n > limits.max_zip_entries => return Err(too_many(n)),
        _ => {}
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if zip.len() > limits.max_zip_entries {
        return Err(too_many(zip.len()));
    }
    let max = limits.max_unzipped_bytes;
    let mut left = max;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = entry.name().to_owned();
        let read = std::io::copy(&mut (&mut entry).take(left + 1), &mut std::io::sink())
            .map_err(|e| unreadable(&format!("{name}: {e}")))?;
        if read > left {
            return Err(over(
                name,
                "the workbook inflates to",
                max,
                "max_unzipped_bytes",
            ));
        }
        left -= read;
    }
    Ok(())
}

/// The entry count of a zip's end-of-central-directory record (`None` when there is none, or
/// for zip64: the zip crate then reports what is wrong).
fn zip_entries(bytes: &[u8]) -> Option<usize> {
    // The record is 22 bytes plus a comment of at most 65,535.
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let at = bytes[from..].windows(4).rposition(|w| w == b"PK\x05\x06")? + from;
    let n = bytes.get(at + 10..at + 12)?;
    let n = u16::from_le_bytes([n[0], n[1]]);
    (n != 0xFFFF).then_some(usize::from(n))
}
