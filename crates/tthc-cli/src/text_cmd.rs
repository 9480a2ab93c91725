//! `tthc fold TEXT…` and `tthc sort`.

use std::io::{BufRead, Write};

pub fn fold(words: &[String]) -> i32 {
    if words.is_empty() {
        return crate::args::usage_error("fold needs some TEXT");
    }
    println!("{}", tthc::text::fold(&words.join(" ")));
    0
}

pub fn sort(words: &[String]) -> i32 {
    if !words.is_empty() {
        return crate::args::usage_error("sort reads stdin and takes no arguments");
    }
    let mut lines: Vec<(Vec<u8>, String)> = Vec::new();
    for line in std::io::stdin().lock().lines() {
        match line {
            Ok(l) => lines.push((tthc::text::sort_key(&l), l)),
            Err(e) => {
                eprintln!("tthc sort: cannot read stdin: {e}");
                return 2;
            }
        }
    }
    lines.sort();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (_, l) in lines {
        if writeln!(out, "{l}").is_err() {
            return 2;
        }
    }
    0
}

/// The catalogue searched when no `--catalog` is given: the 2,642 procedures of the national
/// portal in 2026 (see `crates/tthc-cli/data/README.md` for its source).
const PORTAL_2026_JSON: &str = include_str!("../data/portal-2026.json");

pub fn search(words: &[String]) -> i32 {
    use crate::args::{error_exit, usage_error, Args};
    let args = match Args::parse(words, &["catalog", "limit", "format"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    if args.positional.is_empty() {
        return usage_error("search needs a QUERY");
    }
    let query = args.positional.join(" ");
    let limit = match args.number("limit", 20) {
        Ok(n) => usize::try_from(n).unwrap_or(usize::MAX),
        Err(e) => return usage_error(&e),
    };
    let json = match args.get("format") {
        None | Some("table") => false,
        Some("json") => true,
        Some(other) => return usage_error(&format!("unknown format `{other}` (table, json)")),
    };
    let catalog = match args.get("catalog") {
        Some(file) => tthc::Catalog::from_path(file, &tthc::io::json::ReadOptions::default()),
        None => tthc::Catalog::from_json(PORTAL_2026_JSON.as_bytes()),
    };
    let catalog = match catalog {
        Ok(c) => c,
        Err(e) => return error_exit(&e),
    };
    let hits = catalog.search(&query, limit);
    if json {
        let list: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let p = catalog.procedure(h.procedure);
                serde_json::json!({
                    "code": p.code.as_str(),
                    "name": p.name,
                    "field": catalog.field(p.field).name,
                    "score": h.score,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(list));
    } else {
        for h in &hits {
            let p = catalog.procedure(h.procedure);
            println!(
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
    }
    0
}
