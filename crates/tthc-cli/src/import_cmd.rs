//! `tthc import`, `tthc stats` and `tthc export`: portal lists and office tables in, counts and
//! the flat table out. The work is done by the core (`tthc::io::import`, `tthc::stats`,
//! `tthc::io::table`); this file only parses arguments and prints.
//!
//! ```text
//! tthc import FILE [FILE2] [--format auto|portal-csv|portal-xlsx|table-csv|table-xlsx] [--lenient] [-o OUT.json]
//! tthc stats FILE [--format table|json]
//! tthc export FILE --to csv [-o OUT.csv]
//! ```
//!
//! Exit codes: 0 done, 1 invalid input (every problem printed to stderr as
//! `code at path: message`), 2 usage or I/O problem.

use std::path::Path;
use std::process::ExitCode;

use tthc::io::import::{
    import_decision_path, import_path, DecisionOptions, ImportOptions, Imported,
};
use tthc::{Catalog, OutputFormat};

use crate::args::{ImportArgs, StatsArgs};
use crate::out;
use crate::progress::Spinner;

/// `tthc import FILE [FILE2] [--format F] [--lenient] [-o OUT]`.
pub fn import(args: &ImportArgs) -> ExitCode {
    #[cfg(feature = "parquet")]
    if let Some(dir) = parquet_dir(&args.file) {
        return import_parquet(&dir, args);
    }
    if let Some(into) = &args.into {
        return import_decision(args, into);
    }
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
        Err(e) => return failed(&file, &e, rows_hint(&e, options.lenient)),
    };
    let json = imported.catalog.to_json_pretty();
    if let Err(code) = out::write_out(args.output.as_deref(), &json) {
        return code;
    }
    summary(&file, &imported);
    ExitCode::SUCCESS
}

/// `tthc import FILE --into CATALOGUE [--decision ID] [--effective D] [--scope L] …`.
fn import_decision(args: &ImportArgs, into: &Path) -> ExitCode {
    let file = args.file.display().to_string();
    let catalog = match Catalog::from_path(into, &tthc::io::json::ReadOptions::default()) {
        Ok(c) => c,
        Err(e) => return out::fail(&e),
    };
    let options = DecisionOptions {
        id: args.decision.clone(),
        title: args.title.clone(),
        issuer: args.issuer.clone(),
        issued: args.issued,
        effective: args.effective,
        scope: args.scope,
        within: args.within.clone(),
        complete: if args.complete {
            Some(true)
        } else if args.no_complete {
            Some(false)
        } else {
            None
        },
        lenient: args.lenient,
        ..DecisionOptions::default()
    };
    let spinner = Spinner::start(format!("importing {file}"));
    let imported = import_decision_path(&args.file, &catalog, &options);
    drop(spinner);
    let imported = match imported {
        Ok(i) => i,
        Err(e) => return failed(&file, &e, rows_hint(&e, options.lenient)),
    };
    let json = imported.catalog.to_json_pretty();
    if let Err(code) = out::write_out(args.output.as_deref(), &json) {
        return code;
    }
    let c = &imported.catalog;
    if let Some(d) = c.decisions().last() {
        eprintln!(
            "{file}: decision {} ({} items, {}; scope {}{}, effective {}) added to {}",
            d.id,
            imported.items,
            if d.complete {
                "the complete list"
            } else {
                "changes to the list"
            },
            d.scope.level,
            d.scope
                .within
                .map(|u| format!(" within {}", c.unit(u).code))
                .unwrap_or_default(),
            d.effective,
            into.display()
        );
    }
    if !imported.from_title.is_empty() {
        eprintln!("  from the title rows: {}", imported.from_title.join(", "));
    }
    if imported.section_rows + imported.heading_rows > 0 {
        eprintln!(
            "  {} section rows, {} other rows without a code",
            imported.section_rows, imported.heading_rows
        );
    }
    if imported.skipped_rows > 0 {
        eprintln!("  skipped {} rows:", imported.skipped_rows);
        for p in &imported.skipped {
            eprintln!("{p}");
        }
    }
    ExitCode::SUCCESS
}

/// The directory of a Parquet export: `path` itself, or the directory of a `.parquet` file
/// (whose siblings are read by their standard names).
#[cfg(feature = "parquet")]
fn parquet_dir(path: &Path) -> Option<std::path::PathBuf> {
    if path.is_dir() {
        return Some(path.to_owned());
    }
    let parquet = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    parquet.then(|| {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| ".".into(), Path::to_owned)
    })
}

/// `tthc import DIR`: the Parquet files of `tthc export --to parquet` back into JSON.
#[cfg(feature = "parquet")]
fn import_parquet(dir: &Path, args: &ImportArgs) -> ExitCode {
    let shown = dir.display().to_string();
    let options = tthc::io::parquet::ReadOptions {
        lenient: args.lenient,
    };
    let spinner = Spinner::start(format!("importing {shown}"));
    let imported = tthc::io::parquet::read_dir(dir, &options);
    drop(spinner);
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            let hint = (!args.lenient).then_some("--lenient skips bad postings rows");
            return failed(&shown, &e, hint);
        }
    };
    if let Err(code) = out::write_out(args.output.as_deref(), &imported.catalog.to_json_pretty()) {
        return code;
    }
    let c = &imported.catalog;
    eprintln!(
        "{shown}: {} procedures, {} fields, {} units, {} postings (parquet; {} postings rows read)",
        c.procedures().len(),
        c.fields().len(),
        c.units().len(),
        c.posting_count(),
        imported.rows
    );
    if imported.skipped_rows > 0 {
        eprintln!("  skipped {} rows:", imported.skipped_rows);
        for p in &imported.skipped {
            eprintln!("{p}");
        }
    }
    ExitCode::SUCCESS
}

/// A JSON catalogue, or (with the `parquet` feature) the directory of a Parquet export.
pub fn read_json_or_parquet(path: &Path) -> Result<Catalog, tthc::Error> {
    #[cfg(feature = "parquet")]
    if let Some(dir) = parquet_dir(path) {
        let options = tthc::io::parquet::ReadOptions::default();
        return tthc::io::parquet::read_dir(&dir, &options).map(|i| i.catalog);
    }
    Catalog::from_path(path, &tthc::io::json::ReadOptions::default())
}

/// Every problem of a failed import, a line saying nothing was written (with `hint` when
/// the failure was strict mode's), and the status.
fn failed(file: &str, e: &tthc::Error, hint: Option<&str>) -> ExitCode {
    let n = e.problems().len();
    for p in e.problems() {
        eprintln!("{p}");
    }
    let hint = hint.map(|h| format!(" ({h})")).unwrap_or_default();
    eprintln!(
        "{file}: {n} problem{}; nothing written{hint}",
        if n == 1 { "" } else { "s" }
    );
    out::status(e)
}

/// The hint for a failed spreadsheet or CSV import: only strict mode's row problems have one.
fn rows_hint(e: &tthc::Error, lenient: bool) -> Option<&'static str> {
    (!lenient && matches!(e, tthc::Error::Import(_))).then_some("--lenient keeps the good rows")
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

/// A JSON catalogue, a Parquet export's directory, or any file the importer reads (strict,
/// format detected).
pub fn load(path: &Path) -> Result<Catalog, ExitCode> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let spinner = Spinner::start(format!("reading {}", path.display()));
    #[cfg(feature = "parquet")]
    let is_json = is_json || parquet_dir(path).is_some();
    let result = if is_json {
        read_json_or_parquet(path)
    } else {
        import_path(path, None, &ImportOptions::default()).map(|i| i.catalog)
    };
    drop(spinner);
    result.map_err(|e| out::fail(&e))
}
