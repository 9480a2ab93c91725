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
