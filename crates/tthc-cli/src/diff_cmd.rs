//! `tthc diff OLD NEW [--channel C] [--as-of D] [--format table|json] [--exit-code]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::Value;
use tthc::diff::{diff, Changes, Diff, DiffOptions};
use tthc::{Catalog, Lang, OutputFormat};

use crate::args::DiffArgs;
use crate::import_cmd::load;
use crate::out;

pub fn run(args: &DiffArgs) -> ExitCode {
    let old = match load(&args.old) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let new = match load(&args.new) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let options = DiffOptions {
        channel: args.channel,
        as_of: args.as_of,
        ..DiffOptions::default()
    };
    let d = diff(&old, &new, &options);
    let text = match args.format {
        OutputFormat::Json => d.to_json_pretty() + "\n",
        _ => table(&old, &new, &d, args.lang),
    };
    let status = out::print(&text);
    if status != ExitCode::SUCCESS {
        return status;
    }
    if args.exit_code && !d.is_empty() {
        ExitCode::from(out::INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

/// A value of a change as people read it: text without quotes, lists joined, cut at 70
/// characters.
fn shown(v: &Value) -> String {
    let s = match v {
        Value::Null => "—".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    if s.chars().count() > 70 {
        format!("{}…", s.chars().take(69).collect::<String>())
    } else {
        s
    }
}

fn name_of<'a>(old: &'a Catalog, new: &'a Catalog, code: &str) -> &'a str {
    new.procedure_id(code)
        .map(|p| new.procedure(p).name.as_str())
        .or_else(|| {
            old.procedure_id(code)
                .map(|p| old.procedure(p).name.as_str())
        })
        .unwrap_or("")
}

fn section(out: &mut String, title: &str, c: &Changes, vi: bool, name: &dyn Fn(&str) -> String) {
    if c.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{title}: {} {}, {} {}, {} {}",
        if vi { "thêm" } else { "added" },
        c.added.len(),
        if vi { "bỏ" } else { "removed" },
        c.removed.len(),
        if vi { "thay đổi" } else { "changed" },
        c.changed.len()
    );
    let item = |sign: char, code: &str| {
        format!("  {sign} {code}  {}", name(code))
            .trim_end()
            .to_owned()
    };
    for code in &c.added {
        let _ = writeln!(out, "{}", item('+', code));
    }
    for code in &c.removed {
        let _ = writeln!(out, "{}", item('-', code));
    }
    for ch in &c.changed {
        let _ = writeln!(out, "{}", item('~', &ch.code));
        for (key, [a, b]) in &ch.changes {
            let _ = writeln!(out, "      {key}: {} → {}", shown(a), shown(b));
        }
    }
}

fn table(old: &Catalog, new: &Catalog, d: &Diff, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {}",
        if vi {
            "Thay đổi giữa hai danh mục"
        } else {
            "Changes between two catalogues"
        },
        if vi { "tính đến ngày" } else { "as of" },
        d.as_of
    );
    if d.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if vi {
                "Không có thay đổi."
            } else {
                "No difference."
            }
        );
        return out;
    }
    let proc_name = |code: &str| name_of(old, new, code).to_owned();
    let field_name = |code: &str| {
        new.field_id(code)
            .map(|f| new.field(f).name.clone())
            .or_else(|| old.field_id(code).map(|f| old.field(f).name.clone()))
            .unwrap_or_default()
    };
    let unit_name = |code: &str| {
        new.unit_id(code)
            .map(|u| new.unit(u).name.clone())
            .or_else(|| old.unit_id(code).map(|u| old.unit(u).name.clone()))
            .unwrap_or_default()
    };
    let decision_title = |id: &str| {
        new.decision_id(id)
            .and_then(|d| new.decision(d).title.clone())
            .or_else(|| {
                old.decision_id(id)
                    .and_then(|d| old.decision(d).title.clone())
            })
            .unwrap_or_default()
    };
    section(
        &mut out,
        if vi { "Thủ tục" } else { "Procedures" },
        &d.procedures,
        vi,
        &proc_name,
    );
    section(
        &mut out,
        if vi { "Lĩnh vực" } else { "Fields" },
        &d.fields,
        vi,
        &field_name,
    );
    section(
        &mut out,
        if vi { "Đơn vị" } else { "Units" },
        &d.units,
        vi,
        &unit_name,
    );
    section(
        &mut out,
        if vi {
            "Quyết định công bố"
        } else {
            "Decisions"
        },
        &d.decisions,
        vi,
        &decision_title,
    );
    if d.actions.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        if vi {
            "Việc cần làm của từng đơn vị"
        } else {
            "What each unit must do"
        },
        d.actions.len()
    );
    for a in &d.actions {
        let channel = tthc::Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == a.channel)
            .map_or(a.channel, |c| if vi { c.label_vi() } else { c.label_en() });
        let _ = writeln!(out, "\n{} ({}) — {channel}", a.name, a.unit);
        for (list, vi_title, en_title) in [
            (&a.post, "Niêm yết mới", "Post"),
            (&a.repost, "Niêm yết lại (đã sửa đổi)", "Re-post (amended)"),
            (&a.take_down, "Gỡ bỏ", "Take down"),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "  {} ({}):",
                if vi { vi_title } else { en_title },
                list.len()
            );
            for code in list {
                let _ = writeln!(out, "    {code}  {}", name_of(old, new, code));
            }
        }
    }
    out
}
