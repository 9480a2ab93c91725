//! `tthc import` and `tthc stats`: portal lists and office tables in, counts out. The work is
//! done by the core (`tthc::io::import`, `tthc::stats`); this file only parses arguments and
//! prints.
//!
//! ```text
//! tthc import FILE [FILE2] [--format auto|portal-csv|portal-xlsx|table-csv|table-xlsx] [--lenient] [-o OUT.json]
//! tthc stats FILE [--format table|json]
//! ```
//!
//! Exit codes: 0 done, 1 invalid input (every problem printed to stderr as
//! `code at path: message`), 2 usage or I/O problem.

use std::path::Path;
use std::process::ExitCode;

use tthc::io::import::{import_path, ImportOptions, Imported};
use tthc::{Catalog, OutputFormat};

use crate::args::{ImportArgs, StatsArgs};
use crate::out;
use crate::progress::Spinner;

/// `tthc import FILE [FILE2] [--format F] [--lenient] [-o OUT]`.
pub fn import(args: &ImportArgs) -> ExitCode {
    let file = args.file.display().to_string();
    let options = ImportOptions {
        format: args.format,
        lenient: args.lenient,
        ..ImportOptions::default()
    };
    let spinner = Spinner::start(format!("importing {file}"));
    let imported = import_path(&args.file, args.file2.as_deref(), &options);
    drop(spinner);
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            let n = e.problems().len();
            for p in e.problems() {
                eprintln!("{p}");
            }
            eprintln!(
                "{file}: {n} problem{}; nothing written{}",
                if n == 1 { "" } else { "s" },
                if options.lenient || !matches!(e, tthc::Error::Import(_)) {
                    ""
                } else {
                    " (--lenient keeps the good rows)"
                }
            );
            return out::status(&e);
        }
    };
    let json = imported.catalog.to_json_pretty();
    if let Err(code) = out::write_out(args.output.as_deref(), &json) {
        return code;
    }
    summary(&file, &imported);
    ExitCode::SUCCESS
}

fn summary(file: &str, imp: &Imported) {
    let c = &imp.catalog;
    eprintln!(
        "{file}: {} procedures, {} fields, {} units, {} postings ({}; {} rows read)",
        c.procedures().len(),
        c.fields().len(),
        c.units().len(),
        c.posting_count(),
        imp.format,
        imp.rows
    );
    let mut notes = Vec::new();
    let n = &imp.normalised;
    for (count, one, many) in [
        (n.nfc, "cell put in NFC", "cells put in NFC"),
        (
            n.spaces,
            "cell with spaces trimmed or collapsed",
            "cells with spaces trimmed or collapsed",
        ),
        (
            n.variants,
            "name spelled differently in another row (first spelling kept)",
            "names spelled differently in other rows (first spelling kept)",
        ),
        (
            n.numeric_codes,
            "code stored as a number written back as text",
            "codes stored as numbers written back as text",
        ),
        (imp.blank_rows, "blank row", "blank rows"),
        (
            imp.title_rows,
            "title row above the header",
            "title rows above the header",
        ),
    ] {
        if count > 0 {
            notes.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    }
    if !notes.is_empty() {
        eprintln!("  normalised: {}", notes.join("; "));
    }
    let l = &imp.level_sources;
    let mut sources = Vec::new();
    for (count, what) in [
        (l.column, "level column"),
        (l.second_file, "second file"),
        (l.agencies, "agency wording"),
        (l.units, "units listed"),
    ] {
        if count > 0 {
            sources.push(format!("{what} {count}"));
        }
    }
    if !sources.is_empty() {
        eprintln!("  levels from: {}", sources.join(", "));
    }
    if !imp.ignored_columns.is_empty() {
        eprintln!("  columns not read: {}", imp.ignored_columns.join(", "));
    }
    if imp.skipped_rows > 0 || !imp.skipped.is_empty() {
        eprintln!(
            "  skipped {} row{}:",
            imp.skipped_rows,
            if imp.skipped_rows == 1 { "" } else { "s" }
        );
        for p in &imp.skipped {
            eprintln!("{p}");
        }
        let counts: Vec<String> = imp
            .skipped_by_code()
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        eprintln!("  skipped by code: {}", counts.join(", "));
    }
}

/// `tthc stats FILE [--format table|json]`.
pub fn stats(args: &StatsArgs) -> ExitCode {
    let catalog = match load(&args.file) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let stats = tthc::stats::Stats::of(&catalog);
    let text = if args.format == OutputFormat::Json {
        let mut s = stats.to_json_pretty();
        s.push('\n');
        s
    } else {
        stats.to_text()
    };
    out::print(&text)
}

/// A JSON catalogue, or any file the importer reads (strict, format detected).
pub fn load(path: &Path) -> Result<Catalog, ExitCode> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let spinner = Spinner::start(format!("reading {}", path.display()));
    let result = if is_json {
        Catalog::from_path(path, &tthc::io::json::ReadOptions::default())
    } else {
        import_path(path, None, &ImportOptions::default()).map(|i| i.catalog)
    };
    drop(spinner);
    result.map_err(|e| out::fail(&e))
}
