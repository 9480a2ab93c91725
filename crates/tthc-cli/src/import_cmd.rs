//! `tthc import`, `tthc stats` and `tthc export`: portal lists and office tables in, counts and
//! the flat table out. The work is done by the core (`tthc::io::import`, `tthc::stats`,
//! `tthc::io::table`); this file only parses arguments and prints.
//!
//! ```text
//! tthc import FILE [FILE2] [--format auto|portal-csv|portal-xlsx|table-csv|table-xlsx] [--lenient] [-o OUT.json]
//! tthc stats FILE [--format text|json]
//! tthc export FILE --to csv [-o OUT.csv]
//! ```
//!
//! Exit codes: 0 done, 1 invalid input (every problem printed to stderr as
//! `code at path: message`), 2 usage or I/O problem.

use std::io::Write as _;
use std::path::Path;

use tthc::io::import::{import_path, Format, ImportOptions, Imported};
use tthc::Catalog;

use crate::args::{usage_error, Args};

/// Usage lines of the three commands, for the main help.
pub const USAGE: &str = "\
  tthc import FILE [FILE2] [--format auto|portal-csv|portal-xlsx|table-csv|table-xlsx] [--lenient] [-o OUT.json]
      Import a portal list (CSV or xlsx) or a flat publication table into a JSON catalogue.
      FILE2 gives the levels of a portal list by procedure code (the portal's metadata CSV).
      Strict: any bad row is an error and nothing is written; --lenient skips bad rows.
  tthc stats FILE [--format text|json]
      Counts: procedures, fields, units, postings, procedures by level and by field.
  tthc export FILE --to csv [-o OUT.csv]
      Write the catalogue as a flat publication table (one row per unit × procedure × channel).
";

/// `tthc import FILE [FILE2] [--format F] [--lenient] [-o OUT]`.
pub fn import(words: &[String]) -> i32 {
    let args = match Args::parse(words, &["format", "o", "output"], &["lenient"]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let (file, second) = match args.positional.as_slice() {
        [f] => (f, None),
        [f, s] => (f, Some(s)),
        _ => return usage_error("import needs FILE and at most one FILE2"),
    };
    let Some(format) = args.get("format").map_or(Some(Format::Auto), Format::parse) else {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        return usage_error(&format!(
            "unknown format `{}` ({})",
            args.get("format").unwrap_or_default(),
            names.join(", ")
        ));
    };
    let options = ImportOptions {
        format,
        lenient: args.flag("lenient"),
        ..ImportOptions::default()
    };
    let out = args.get("o").or(args.get("output"));
    let imported = match import_path(Path::new(file), second.map(Path::new), &options) {
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
            return exit_code(&e);
        }
    };
    let json = imported.catalog.to_json_pretty();
    if let Err(code) = write_out(out, &json) {
        return code;
    }
    summary(file, &imported);
    0
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

/// `tthc stats FILE [--format text|json]`.
pub fn stats(words: &[String]) -> i32 {
    let args = match Args::parse(words, &["format"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let [file] = args.positional.as_slice() else {
        return usage_error("stats needs exactly one FILE");
    };
    let json = match args.get("format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => return usage_error(&format!("unknown format `{other}` (text, json)")),
    };
    let catalog = match load(file) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let stats = tthc::stats::Stats::of(&catalog);
    let text = if json {
        let mut s = stats.to_json_pretty();
        s.push('\n');
        s
    } else {
        stats.to_text()
    };
    match write_out(None, &text) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

/// `tthc export FILE --to csv [-o OUT]`.
pub fn export(words: &[String]) -> i32 {
    let args = match Args::parse(words, &["to", "o", "output"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let [file] = args.positional.as_slice() else {
        return usage_error("export needs exactly one FILE");
    };
    match args.get("to") {
        Some("csv") => {}
        Some(other) => return usage_error(&format!("cannot export to `{other}` (csv)")),
        None => return usage_error("export needs --to csv"),
    }
    let catalog = match load(file) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let csv = tthc::io::table::export_csv(&catalog);
    match write_out(args.get("o").or(args.get("output")), &csv) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

/// A JSON catalogue, or any file the importer reads (strict, format detected).
fn load(file: &str) -> Result<Catalog, i32> {
    let path = Path::new(file);
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let result = if is_json {
        Catalog::from_path(path, &tthc::io::json::ReadOptions::default())
    } else {
        import_path(path, None, &ImportOptions::default()).map(|i| i.catalog)
    };
    result.map_err(|e| {
        for p in e.problems() {
            eprintln!("{p}");
        }
        exit_code(&e)
    })
}

/// 2 for I/O and argument problems, 1 for invalid input.
fn exit_code(e: &tthc::Error) -> i32 {
    match e.family() {
        tthc::Family::Io | tthc::Family::Argument => 2,
        _ => 1,
    }
}

/// Write to a file, or to stdout when no file is named.
fn write_out(out: Option<&str>, text: &str) -> Result<(), i32> {
    let result = if let Some(path) = out {
        std::fs::write(path, text).map_err(|e| (path.to_owned(), e))
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| ("stdout".to_owned(), e))
    };
    result.map_err(|(path, e)| {
        eprintln!("io at {path}: {e}");
        2
    })
}
