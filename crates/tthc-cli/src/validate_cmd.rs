//! `tthc validate FILE [--format text|json]`.

use crate::args::{usage_error, Args};

pub fn run(words: &[String]) -> i32 {
    let args = match Args::parse(words, &["format"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let [file] = args.positional.as_slice() else {
        return usage_error("validate needs exactly one FILE");
    };
    let json = match args.get("format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => return usage_error(&format!("unknown format `{other}` (text, json)")),
    };
    match tthc::Catalog::from_path(file, &tthc::io::json::ReadOptions::default()) {
        Ok(c) => {
            if json {
                println!("{}", tthc::error::problems_json(&[]));
            } else {
                println!(
                    "{file}: valid — {} fields, {} procedures, {} units, {} postings, {} reports",
                    c.fields().len(),
                    c.procedures().len(),
                    c.units().len(),
                    c.posting_count(),
                    c.reports().len()
                );
            }
            0
        }
        Err(e @ tthc::Error::Io(_)) => {
            eprintln!("{e}");
            2
        }
        Err(e) => {
            if json {
                println!("{}", e.to_json());
            } else {
                let n = e.problems().len();
                eprintln!("{file}: {n} error{}", if n == 1 { "" } else { "s" });
                for p in e.problems() {
                    eprintln!("  {p}");
                }
            }
            1
        }
    }
}
