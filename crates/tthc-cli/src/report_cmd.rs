//! `tthc report [FILE] [--channel C] [--as-of D] [--format table|json|csv] [--lang vi|en]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use tthc::compliance::columns::units_csv;
use tthc::{Catalog, Compliance, ComplianceOptions, Lang, OutputFormat, UnitCompliance};

use crate::args::ReportArgs;
use crate::out;
use crate::progress::Spinner;

pub fn run(args: &ReportArgs) -> ExitCode {
    let options = ComplianceOptions {
        channel: args.channel,
        as_of: args.as_of,
        stale_after: args.stale_after,
        ..ComplianceOptions::default()
    };
    let (catalog, report) = match &args.file {
        None => {
            let catalog = Catalog::an_bien_2018();
            let report = catalog.compliance(&options);
            (catalog, report)
        }
        Some(file) => {
            let spinner = Spinner::start(format!("reading {}", file.display()));
            let catalog = match crate::import_cmd::read_json_or_parquet(file) {
                Ok(c) => c,
                Err(e) => {
                    drop(spinner);
                    return out::fail(&e);
                }
            };
            spinner.say(format!(
                "computing the report of {} units",
                catalog.units().len()
            ));
            let report = catalog.compliance(&options);
            (catalog, report)
        }
    };
    let text = match args.format {
        OutputFormat::Json => report.to_json_pretty(&catalog) + "\n",
        OutputFormat::Csv => units_csv(&report, &catalog),
        OutputFormat::Table => table(&catalog, &report, args.lang),
        OutputFormat::Xlsx => return xlsx(&catalog, &report, args),
    };
    out::to_status(out::write_out(args.output.as_deref(), &text))
}

/// `--format xlsx -o FILE`: the workbook of `tthc::io::xlsx::report_xlsx`.
fn xlsx(catalog: &Catalog, report: &tthc::Compliance, args: &ReportArgs) -> ExitCode {
    let Some(path) = &args.output else {
        eprintln!("tthc report --format xlsx: the workbook is binary; name it with -o FILE.xlsx");
        return ExitCode::from(out::TROUBLE);
    };
    #[cfg(feature = "xlsx")]
    {
        match tthc::io::xlsx::report_xlsx(catalog, report, args.lang) {
            Ok(bytes) => match std::fs::write(path, bytes) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => out::fail(&tthc::Error::io(&path.display().to_string(), &e)),
            },
            Err(e) => out::fail(&e),
        }
    }
    #[cfg(not(feature = "xlsx"))]
    {
        let _ = (catalog, report, path);
        eprintln!("tthc report --format xlsx: this build of tthc has no `xlsx` feature");
        ExitCode::from(out::TROUBLE)
    }
}

fn bar(permille: Option<u64>) -> String {
    permille.map_or(String::new(), |p| {
        let full = ((p + 50) / 100) as usize;
        format!("{}{}", "█".repeat(full), "░".repeat(10 - full.min(10)))
    })
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn lpad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(n)))
}

fn table(catalog: &Catalog, report: &Compliance, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    let channel = if vi {
        report.channel.label_vi()
    } else {
        report.channel.label_en()
    };
    if let Some(t) = catalog.title() {
        let _ = writeln!(out, "{t}");
    }
    let _ = writeln!(
        out,
        "{} {} — {}: {}\n",
        if vi {
            "Công khai thủ tục hành chính"
        } else {
            "Publication of administrative procedures"
        },
        channel,
        if vi { "tính đến ngày" } else { "as of" },
        report.as_of
    );
    let mut head: Vec<&str> = if vi {
        vec![
            "Đơn vị",
            "Cấp",
            "Lĩnh vực",
            "TTHC áp dụng",
            "Đã công khai",
            "Tỷ lệ",
            "Hạng",
        ]
    } else {
        vec![
            "Unit",
            "Level",
            "Fields",
            "Applicable",
            "Published",
            "Rate",
            "Rank",
        ]
    };
    let fresh = report.units.iter().any(|u| u.unchecked.is_some());
    if fresh {
        head.extend(if vi {
            ["Cần kiểm tra lại", "Chưa kiểm tra"]
        } else {
            ["Stale", "Unchecked"]
        });
    }
    let rows: Vec<Vec<String>> = catalog
        .unit_tree()
        .into_iter()
        .map(|(id, depth)| unit_row(catalog, &report.units[id.0 as usize], depth, lang, fresh))
        .collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let cell = if (2..=4).contains(&i) || i >= 6 {
                lpad(c, widths[i])
            } else {
                pad(c, widths[i])
            };
            s.push_str(&cell);
            s.push_str("  ");
        }
        s.trim_end().to_owned()
    };
    let head: Vec<String> = head.into_iter().map(str::to_owned).collect();
    let _ = writeln!(out, "{}", line(&head));
    let _ = writeln!(
        out,
        "{}",
        "─".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1))
    );
    for r in &rows {
        let _ = writeln!(out, "{}", line(r));
    }
    let reported = report
        .units
        .iter()
        .any(|u| u.basis == tthc::Basis::Reported);
    if reported {
        let _ = writeln!(
            out,
            "\n{}",
            if vi {
                "(*) số liệu báo cáo của đơn vị, không có danh mục chi tiết; \"khoảng\" là số gần đúng."
            } else {
                "(*) figures reported by the unit, no item-level list; \"about\" marks approximate figures."
            }
        );
    }
    decisions_note(&mut out, catalog, report, lang);
    eras_note(&mut out, catalog, report, lang);
    if fresh {
        stale_section(&mut out, catalog, report, lang);
    }
    groups_section(&mut out, catalog, report, lang);
    warnings_section(&mut out, catalog, report, lang);
    out
}

fn unit_row(
    catalog: &Catalog,
    u: &UnitCompliance,
    depth: usize,
    lang: Lang,
    fresh: bool,
) -> Vec<String> {
    let unit = catalog.unit(u.unit);
    let mut star = if u.basis == tthc::Basis::Reported {
        " (*)".to_owned()
    } else {
        String::new()
    };
    if !u.decisions.is_empty() {
        star.push_str(" †");
    }
    if !u.current {
        star.push_str(" ‡");
    }
    let fields = match (u.fields_published, u.fields) {
        (Some(p), Some(a)) if !u.approximate => format!("{p}/{a}"),
        (p, _) => tthc::format_count(p, u.approximate, lang),
    };
    let rate = match u.rate {
        Some(r) => format!(
            "{} {}",
            tthc::format_percent(Some(r), lang),
            bar(Some(r.permille()))
        ),
        None => "—".to_owned(),
    };
    let mut row = vec![
        format!("{}{} ({}){star}", "  ".repeat(depth), unit.name, unit.code),
        unit.level.label(lang).to_owned(),
        fields,
        tthc::format_count(u.applicable, u.approximate, lang),
        tthc::format_count(u.published, u.approximate, lang),
        rate,
        u.rank.map_or(String::new(), |r| r.to_string()),
    ];
    if fresh {
        row.push(
            u.stale
                .as_ref()
                .map_or(String::new(), |s| s.len().to_string()),
        );
        row.push(u.unchecked.map_or(String::new(), |n| n.to_string()));
    }
    row
}

/// Which decisions set the lists of the units marked †.
fn decisions_note(out: &mut String, catalog: &Catalog, report: &Compliance, lang: Lang) {
    let mut used: Vec<tthc::catalog::DecisionId> = report
        .units
        .iter()
        .flat_map(|u| u.decisions.iter().copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    if used.is_empty() {
        return;
    }
    let vi = lang == Lang::Vi;
    let _ = writeln!(
        out,
        "\n{}",
        if vi {
            "† danh mục TTHC áp dụng theo quyết định công bố (không theo cấp thực hiện):"
        } else {
            "† the applicable list comes from publishing decisions (not from the levels):"
        }
    );
    for d in used {
        let d = catalog.decision(d);
        let scope = d.scope.within.map_or_else(
            || d.scope.level.label(lang).to_owned(),
            |w| {
                let w = catalog.unit(w);
                format!("{} — {} ({})", d.scope.level.label(lang), w.name, w.code)
            },
        );
        let _ = writeln!(
            out,
            "  {} ({} {}; {scope}{}){}",
            d.id,
            if vi { "hiệu lực" } else { "effective" },
            d.effective,
            if d.complete {
                if vi {
                    "; toàn bộ danh mục"
                } else {
                    "; the complete list"
                }
            } else {
                ""
            },
            d.title
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default()
        );
    }
}

/// Units that do not exist on the report's day (marked ‡), and the units that succeeded them.
fn eras_note(out: &mut String, catalog: &Catalog, report: &Compliance, lang: Lang) {
    let gone: Vec<&UnitCompliance> = report.units.iter().filter(|u| !u.current).collect();
    if gone.is_empty() {
        return;
    }
    let vi = lang == Lang::Vi;
    let _ = writeln!(
        out,
        "\n{} {} ({}):",
        if vi {
            "‡ đơn vị không tồn tại vào ngày"
        } else {
            "‡ units that do not exist on"
        },
        report.as_of,
        if vi {
            "không xếp hạng cùng các đơn vị hiện hành"
        } else {
            "not ranked with the current units"
        }
    );
    for u in gone.iter().take(50) {
        let unit = catalog.unit(u.unit);
        let span = match (unit.valid_from, unit.valid_to) {
            (_, Some(to)) if to < report.as_of => {
                format!("{} {to}", if vi { "đến" } else { "until" })
            }
            (Some(from), _) => format!("{} {from}", if vi { "từ" } else { "from" }),
            _ => String::new(),
        };
        // A successor's name only when the document's unit of that code is a current one
        // (merged communes reuse old codes: the old unit's name would mislead).
        let successors: Vec<String> = unit
            .successors
            .iter()
            .map(|code| {
                catalog
                    .unit_id(code)
                    .filter(|id| report.units[id.0 as usize].current)
                    .map_or(code.clone(), |id| {
                        format!("{} ({code})", catalog.unit(id).name)
                    })
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} ({}), {span}{}",
            unit.name,
            unit.code,
            if successors.is_empty() {
                String::new()
            } else {
                format!(" → {}", successors.join(", "))
            }
        );
    }
    if gone.len() > 50 {
        let _ = writeln!(out, "  … {}", gone.len() - 50);
    }
}

/// Stale and unchecked postings per unit (with `--stale-after`).
fn stale_section(out: &mut String, catalog: &Catalog, report: &Compliance, lang: Lang) {
    let vi = lang == Lang::Vi;
    let rows: Vec<&UnitCompliance> = report
        .units
        .iter()
        .filter(|u| u.stale.as_ref().is_some_and(|s| !s.is_empty()) || u.unchecked > Some(0))
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}",
        if vi {
            "Niêm yết cần kiểm tra lại (quá hạn kiểm tra) và chưa kiểm tra"
        } else {
            "Stale postings (not checked in time) and unchecked postings"
        }
    );
    for u in rows.iter().take(50) {
        let unit = catalog.unit(u.unit);
        let stale = u.stale.as_deref().unwrap_or_default();
        let codes: Vec<&str> = stale
            .iter()
            .take(10)
            .map(|&p| catalog.procedure(p).code.as_str())
            .collect();
        let more = stale.len().saturating_sub(10);
        let _ = writeln!(
            out,
            "  {} ({}): {} {}{}{}; {} {}",
            unit.name,
            unit.code,
            if vi {
                "cần kiểm tra lại"
            } else {
                "stale"
            },
            stale.len(),
            if codes.is_empty() {
                String::new()
            } else {
                format!(" ({})", codes.join(", "))
            },
            if more > 0 {
                format!(" … +{more}")
            } else {
                String::new()
            },
            if vi { "chưa kiểm tra" } else { "unchecked" },
            u.unchecked.unwrap_or(0)
        );
    }
    if rows.len() > 50 {
        let _ = writeln!(out, "  … {}", rows.len() - 50);
    }
}

fn groups_section(out: &mut String, catalog: &Catalog, report: &Compliance, lang: Lang) {
    if report.groups.is_empty() {
        return;
    }
    let vi = lang == Lang::Vi;
    let _ = writeln!(out, "\n{}", if vi { "Theo nhóm" } else { "Groups" });
    for g in &report.groups {
        let parent = catalog.unit(g.parent);
        let range = |r: Option<[u32; 2]>| match r {
            None => "—".to_owned(),
            Some([a, b]) if a == b => tthc::format_count(Some(a), g.approximate, lang),
            Some([a, b]) => format!("{a}–{b}"),
        };
        let pct =
            |p: Option<u64>| p.map_or("—".to_owned(), |p| tthc::rate::format_permille(p, lang));
        let level = g.level.label(lang);
        let _ = writeln!(
            out,
            "  {} ({}) — {} {}: {} {}, {} {}, {} {}{}",
            parent.name,
            parent.code,
            g.units,
            if vi {
                format!("đơn vị {}", level.to_lowercase())
            } else {
                format!("{} units", level.to_lowercase())
            },
            if vi {
                "mỗi đơn vị công khai"
            } else {
                "published per unit"
            },
            range(g.published_per_unit),
            if vi { "lĩnh vực" } else { "fields" },
            range(g.fields_published_per_unit),
            if vi { "tỷ lệ chung" } else { "pooled rate" },
            tthc::format_percent(g.rate, lang),
            match (g.min_permille, g.max_permille) {
                (Some(lo), Some(hi)) => format!(
                    " ({} {}–{}, {} {})",
                    if vi { "từ" } else { "from" },
                    pct(Some(lo)),
                    pct(Some(hi)),
                    if vi { "trung bình" } else { "mean" },
                    pct(g.mean_permille)
                ),
                _ => String::new(),
            }
        );
    }
}

fn warnings_section(out: &mut String, catalog: &Catalog, report: &Compliance, lang: Lang) {
    if report.warnings.is_empty() {
        return;
    }
    let vi = lang == Lang::Vi;
    let _ = writeln!(
        out,
        "\n{} ({})",
        if vi { "Cảnh báo" } else { "Warnings" },
        report.warnings.len()
    );
    for w in report.warnings.iter().take(50) {
        let unit = catalog.unit(w.unit);
        let _ = writeln!(
            out,
            "  {} — {} ({}) {}",
            w.code,
            unit.name,
            unit.code,
            w.procedure.as_ref().map_or("", |p| p.code(catalog))
        );
    }
    if report.warnings.len() > 50 {
        let more = report.warnings.len() - 50;
        let _ = writeln!(
            out,
            "  … {more} {}",
            if vi {
                "cảnh báo nữa (xem --format json)"
            } else {
                "more (see --format json)"
            }
        );
    }
}
