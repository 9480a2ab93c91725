//! `tthc fold TEXT…`, `tthc sort` and `tthc search QUERY…`.

use std::fmt::Write as _;
use std::io::BufRead as _;
use std::process::ExitCode;

use tthc::OutputFormat;

use crate::args::{FoldArgs, SearchArgs};
use crate::out;
use crate::progress::Spinner;

pub fn fold(args: &FoldArgs) -> ExitCode {
    out::print(&format!("{}\n", tthc::text::fold(&args.text.join(" "))))
}

pub fn sort() -> ExitCode {
    let mut lines: Vec<(Vec<u8>, String)> = Vec::new();
    for line in std::io::stdin().lock().lines() {
        match line {
            Ok(l) => lines.push((tthc::text::sort_key(&l), l)),
            Err(e) => {
                eprintln!("tthc sort: cannot read stdin: {e}");
                return ExitCode::from(out::TROUBLE);
            }
        }
    }
    lines.sort();
    let mut text = String::new();
    for (_, l) in lines {
        text.push_str(&l);
        text.push('\n');
    }
    out::print(&text)
}

/// The catalogue searched when no `--catalog` is given: the 2,642 procedures of the national
/// portal in 2026 (see `crates/tthc-cli/data/README.md` for its source).
const PORTAL_2026_JSON: &str = include_str!("../data/portal-2026.json");

pub fn search(args: &SearchArgs) -> ExitCode {
    let query = args.query.join(" ");
    let catalog = match &args.catalog {
        Some(file) => {
            let _spinner = Spinner::start(format!("reading {}", file.display()));
            tthc::Catalog::from_path(file, &tthc::io::json::ReadOptions::default())
        }
        None => tthc::Catalog::from_json(PORTAL_2026_JSON.as_bytes()),
    };
    let catalog = match catalog {
        Ok(c) => c,
        Err(e) => return out::fail(&e),
    };
    let hits = catalog.search(&query, args.limit);
    if args.format == OutputFormat::Json {
        let rows: Vec<_> = hits.iter().map(|h| h.row(&catalog)).collect();
        let json = serde_json::to_string(&rows).unwrap_or_default();
        return out::print(&format!("{json}\n"));
    }
    let mut text = String::new();
    for h in &hits {
        let p = catalog.procedure(h.procedure);
        let _ = writeln!(
            text,
            "{:>5}  {:<10}  {}  [{}]",
            h.score,
            p.code.as_str(),
            p.name,
            catalog.field(p.field).name
        );
    }
    if hits.is_empty() {
        eprintln!("no procedure matches `{query}`");
    }
    out::print(&text)
}
