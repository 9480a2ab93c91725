//! The layers of `crates/tthc/src` (ARCHITECTURE.md): no import cycle between modules, and the
//! leaves stay leaves.
//!
//! Every source file is a module (`io/json.rs` is `io::json`, `text/mod.rs` is `text`). An edge
//! `A → B` is a path in `A`'s code (comments and doc comments left out) that names `B`:
//! `crate::b::…`, `super::…` or `crate::{b, …}` groups, resolved to the longest module path
//! that exists. A module naming its own descendants (`mod view; pub use view::…`) is not an
//! edge: a parent owns its children. Everything else is, so two sibling modules that use each
//! other, or a child and any module that uses it back, fail the test with the cycle printed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The sources checked: `crates/tthc/src`, or `TTHC_ARCH_SRC` (to show the checker an older
/// tree, e.g. `git worktree add` of a commit before the layers were fixed).
fn src() -> PathBuf {
    std::env::var_os("TTHC_ARCH_SRC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        PathBuf::from,
    )
}

/// Module path of a source file: `io/json.rs` → `io::json`, `text/mod.rs` → `text`,
/// `lib.rs` → `` (the crate root).
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments (line comments, doc comments, block comments) and
/// without the contents of string literals, so prose and messages never count as uses.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal such as '"' or '\n' (lifetimes like 'a never close with a quote).
            let end = text[i + 1..].find('\'').map_or(b.len(), |e| i + 1 + e + 1);
            i = end.max(i + 1);
        } else {
            let c = text[i..].chars().next().expect("in bounds");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The module paths (segments after `crate::` or `super::`) a file's code names.
fn named_paths(code: &str, module: &str) -> Vec<Vec<String>> {
    let parent: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = Vec::new();
    for (start, anchor) in [("crate::", 0usize), ("super::", 1)] {
        let mut from = 0;
        while let Some(pos) = code[from..].find(start) {
            let at = from + pos;
            from = at + start.len();
            if at > 0 && code[..at].chars().next_back().is_some_and(is_ident) {
                continue;
            }
            let mut base: Vec<String> = if anchor == 0 {
                Vec::new()
            } else {
                let mut p = parent.clone();
                // `super` of `a::b` is `a` (for a file `a/b.rs`); count chained supers.
                p.pop();
                let mut rest = &code[from..];
                while let Some(r) = rest.strip_prefix("super::") {
                    p.pop();
                    rest = r;
                    from += "super::".len();
                }
                p
            };
            let rest = &code[from..];
            let mut segs = Vec::new();
            let mut r = rest;
            loop {
                let len = r.find(|c: char| !is_ident(c)).unwrap_or(r.len());
                if len == 0 {
                    break;
                }
                segs.push(r[..len].to_owned());
                r = &r[len..];
                if let Some(n) = r.strip_prefix("::") {
                    r = n;
                } else {
                    break;
                }
            }
            if let Some(group) = r.strip_prefix('{') {
                // `prefix::{a, b::c, d}`: each item's first segment.
                let body = &group[..group.find('}').unwrap_or(group.len())];
                for item in body.split(',') {
                    let first: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                    if !first.is_empty() {
                        let mut p = base.clone();
                        p.extend(segs.iter().cloned());
                        p.push(first);
                        out.push(p);
                    }
                }
            }
            base.extend(segs);
            out.push(base);
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = src();
    let mut all = Vec::new();
    files(&root, &mut all);
    let modules: BTreeMap<String, PathBuf> = all
        .iter()
        .map(|p| {
            (
                module_of(p.strip_prefix(&root).expect("under src")),
                p.clone(),
            )
        })
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in &modules {
        let text = std::fs::read_to_string(path).expect("readable source");
        // Unit tests may reach anywhere; the layering is about the library's own code.
        let text = text
            .find("#[cfg(test)]\nmod tests")
            .map_or(text.as_str(), |i| &text[..i]);
        let targets = edges.entry(module.clone()).or_default();
        for segs in named_paths(&code_only(text), module) {
            // The longest prefix that is a module.
            let target = (0..=segs.len())
                .rev()
                .map(|n| segs[..n].join("::"))
                .find(|m| modules.contains_key(m));
            let Some(target) = target else { continue };
            let own_descendant = target == *module
                || module.is_empty()
                || target.starts_with(&format!("{module}::"));
            if !own_descendant && !target.is_empty() {
                targets.insert(target);
            }
        }
    }
    edges
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_owned(), 1);
        stack.push(n.to_owned());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, edges, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_import_cycle_between_modules() {
    let edges = graph();
    assert!(edges.len() > 20, "found the modules: {:?}", edges.keys());
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

/// The leaves and low layers of ARCHITECTURE.md: what each may use inside the crate.
#[test]
fn layers() {
    let edges = graph();
    let allowed: &[(&str, &[&str])] = &[
        ("error", &[]),
        ("text", &["text"]),
        ("model", &["model", "error", "text"]),
        ("rate", &["model", "error"]),
        ("document", &["model"]),
    ];
    let mut wrong = Vec::new();
    for (module, targets) in &edges {
        for (layer, may) in allowed {
            if module == layer || module.starts_with(&format!("{layer}::")) {
                for t in targets {
                    if !may
                        .iter()
                        .any(|m| t == m || t.starts_with(&format!("{m}::")))
                    {
                        wrong.push(format!("{module} → {t}"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layer violations: {wrong:?}");
}

/// The checker finds what it must: a cycle made of two sibling modules, and a `use` group.
#[test]
fn the_checker_sees_cycles_and_groups() {
    let code = code_only(
        "use crate::io::{json, table::Col}; // crate::catalog\nlet s = \"crate::stats\";",
    );
    let paths = named_paths(&code, "io::wording");
    assert!(paths.contains(&vec!["io".into(), "json".into()]));
    assert!(paths.contains(&vec!["io".into(), "table".into()]));
    assert!(!paths
        .iter()
        .any(|p| p.first().is_some_and(|s| s == "catalog" || s == "stats")));
    assert_eq!(
        named_paths("use super::fold;", "text::collation"),
        vec![vec!["text".to_owned(), "fold".to_owned()]]
    );
    let mut edges = BTreeMap::new();
    edges.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    edges.insert("b".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert_eq!(
        find_cycle(&edges),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}
