//! `tthc report [FILE] [--channel C] [--as-of D] [--format table|json|csv] [--lang vi|en]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use tthc::compliance::columns::units_csv;
use tthc::{Catalog, Compliance, ComplianceOptions, Lang, OutputFormat, UnitCompliance, UnitId};

use crate::args::ReportArgs;
use crate::out;
use crate::progress::Spinner;

pub fn run(args: &ReportArgs) -> ExitCode {
    let options = ComplianceOptions {
        channel: args.channel,
        as_of: args.as_of,
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
        OutputFormat::Csv => units_csv(&report.view(&catalog).units),
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

/// Units in tree order: roots, then each unit's children, siblings in Vietnamese order.
fn tree_order(catalog: &Catalog) -> Vec<(UnitId, usize)> {
    let by_name = |ids: &mut Vec<UnitId>| {
        ids.sort_by_cached_key(|id| {
            let u = catalog.unit(*id);
            (
                std::cmp::Reverse(u.level.rank()),
                tthc::text::sort_key(&u.name),
                u.code.clone(),
            )
        });
    };
    let mut roots: Vec<UnitId> = (0..catalog.units().len() as u32)
        .map(UnitId)
        .filter(|id| catalog.unit(*id).parent.is_none())
        .collect();
    by_name(&mut roots);
    let mut out = Vec::new();
    let mut stack: Vec<(UnitId, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    while let Some((id, depth)) = stack.pop() {
        out.push((id, depth));
        let mut kids = catalog.children(id).to_vec();
        by_name(&mut kids);
        stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
    }
    out
}

fn count(v: Option<u32>, approximate: bool, lang: Lang) -> String {
    match v {
        None => "—".to_owned(),
        Some(n) if approximate => match lang {
            Lang::Vi => format!("khoảng {n}"),
            Lang::En => format!("about {n}"),
        },
        Some(n) => n.to_string(),
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
    let head = if vi {
        [
            "Đơn vị",
            "Cấp",
            "Lĩnh vực",
            "TTHC áp dụng",
            "Đã công khai",
            "Tỷ lệ",
            "Hạng",
        ]
    } else {
        [
            "Unit",
            "Level",
            "Fields",
            "Applicable",
            "Published",
            "Rate",
            "Rank",
        ]
    };
    let rows: Vec<[String; 7]> = tree_order(catalog)
        .into_iter()
        .map(|(id, depth)| unit_row(catalog, &report.units[id.0 as usize], depth, lang))
        .collect();
    let mut widths = head.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String; 7]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let cell = if (2..=4).contains(&i) || i == 6 {
                lpad(c, widths[i])
            } else {
                pad(c, widths[i])
            };
            s.push_str(&cell);
            s.push_str("  ");
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(&head.map(str::to_owned)));
    let _ = writeln!(out, "{}", "─".repeat(widths.iter().sum::<usize>() + 12));
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
    groups_section(&mut out, catalog, report, lang);
    warnings_section(&mut out, catalog, report, lang);
    out
}

fn unit_row(catalog: &Catalog, u: &UnitCompliance, depth: usize, lang: Lang) -> [String; 7] {
    let unit = catalog.unit(u.unit);
    let star = if u.basis == tthc::Basis::Reported {
        " (*)"
    } else {
        ""
    };
    let fields = match (u.fields_published, u.fields) {
        (Some(p), Some(a)) if !u.approximate => format!("{p}/{a}"),
        (p, _) => count(p, u.approximate, lang),
    };
    let rate = match u.rate {
        Some(r) => format!(
            "{} {}",
            tthc::format_percent(Some(r), lang),
            bar(Some(r.permille()))
        ),
        None => "—".to_owned(),
    };
    [
        format!("{}{} ({}){star}", "  ".repeat(depth), unit.name, unit.code),
        unit.level.label(lang).to_owned(),
        fields,
        count(u.applicable, u.approximate, lang),
        count(u.published, u.approximate, lang),
        rate,
        u.rank.map_or(String::new(), |r| r.to_string()),
    ]
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
            Some([a, b]) if a == b => count(Some(a), g.approximate, lang),
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
