#!/usr/bin/env python3
"""Compliance rates of a catalogue: per unit, per field, communes ranked; CSV and a chart.

    python examples/python/compliance_rates.py                      # embedded An Biên 2018
    python examples/python/compliance_rates.py catalogue.json --channel portal \\
        --as-of 2025-12-31 --csv rates.csv --png rates.png --lang en

Needs the tthc package (``make python`` or ``pip install ./bindings/python``). The chart
needs matplotlib; without it the script says so and skips the chart.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any, Sequence

import tthc

CHANNELS = {
    "one_stop_shop": ("niêm yết tại Bộ phận Một cửa", "posted at the one-stop desk"),
    "portal": ("trên cổng/trang thông tin điện tử", "on the portal or website"),
    "national": ("trên Cổng Dịch vụ công quốc gia", "on the National Public Service Portal"),
}
LEVELS = {
    "province": ("tỉnh", "province"),
    "district": ("huyện", "district"),
    "commune": ("xã", "commune"),
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", nargs="?", type=Path,
                        help="a catalogue document (JSON v1); default: the embedded An Biên 2018")
    parser.add_argument("--channel", default="one_stop_shop", choices=sorted(CHANNELS))
    parser.add_argument("--as-of", help="the day, YYYY-MM-DD (default: the document's as_of)")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--csv", type=Path, metavar="OUT", help="write one row per unit to OUT")
    parser.add_argument("--png", type=Path, metavar="OUT", help="draw a bar chart to OUT (matplotlib)")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="print at most N units and N ranked communes (default 50; 0: all)")
    return parser.parse_args(argv)


def count(value: int | None, approximate: bool) -> str:
    if value is None:
        return "—"
    return f"~{value}" if approximate else str(value)


def table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def shown(items: list[Any], limit: int) -> list[Any]:
    return items if limit <= 0 else items[:limit]


def more(total: int, limit: int, en: bool) -> str:
    if limit <= 0 or total <= limit:
        return ""
    return (f"\n... {total - limit} more (--limit 0 shows all; --csv writes all)" if en else
            f"\n... còn {total - limit} dòng (--limit 0 để xem hết; --csv để ghi ra tệp)")


def per_unit(report: tthc.Report, lang: str, limit: int) -> str:
    en = lang == "en"
    head = (["Code", "Unit", "Level", "Basis", "Fields", "Procedures", "Rate", "Rank"] if en else
            ["Mã", "Đơn vị", "Cấp", "Nguồn", "Lĩnh vực", "TTHC", "Tỷ lệ", "Hạng"])
    rows = [head]
    for u in shown(list(report.units), limit):
        level = LEVELS.get(u.level, (u.level, u.level))[1 if en else 0]
        basis = {"items": ("từng TTHC", "items"), "reported": ("báo cáo", "reported")}.get(
            u.basis, (u.basis, u.basis))[1 if en else 0]
        rows.append([
            u.code, u.name, level, basis,
            f"{count(u.fields_published, u.approximate)}/{count(u.fields, u.approximate)}",
            f"{count(u.published, u.approximate)}/{count(u.applicable, u.approximate)}",
            tthc.format_percent(u.rate, lang),
            "" if u.rank is None else str(u.rank),
        ])
    return table(rows, right={4, 5, 6, 7}) + more(len(report.units), limit, en)


def per_field(report: tthc.Report, lang: str) -> str:
    en = lang == "en"
    totals: dict[str, list[Any]] = {}
    for u in report.units:
        for f in u.by_field:
            entry = totals.setdefault(f.field, [f.name, 0, 0, 0])
            entry[1] += f.published
            entry[2] += f.applicable
            entry[3] += 1
    if not totals:
        return ("No item-level data: the figures are reported totals, so there is no per-field breakdown."
                if en else
                "Không có dữ liệu từng thủ tục: số liệu là báo cáo tổng hợp, không tách theo lĩnh vực.")
    head = ["Field", "Name", "Units", "Published/Applicable", "Rate"] if en else \
        ["Mã", "Lĩnh vực", "Số đơn vị", "Công khai/Phải công khai", "Tỷ lệ"]
    rows = [head]
    for code, (name, published, applicable, units) in sorted(
            totals.items(), key=lambda kv: tthc.sort_key(kv[1][0])):
        rows.append([code, name, str(units), f"{published}/{applicable}",
                     tthc.format_percent((published, applicable), lang)])
    return table(rows, right={2, 3, 4})


def commune_ranking(report: tthc.Report, lang: str, limit: int) -> str:
    en = lang == "en"
    communes = [u for u in report.units if u.level == "commune"]
    if not communes:
        return "No communes in the catalogue." if en else "Không có đơn vị cấp xã."
    ranked = sorted((u for u in communes if u.rank is not None),
                    key=lambda u: (u.rank, tthc.sort_key(u.name)))
    lines = [f"{u.rank:>3}. {u.name} ({u.code}): {tthc.format_percent(u.rate, lang)} "
             f"({u.published}/{u.applicable})" for u in shown(ranked, limit)]
    if more(len(ranked), limit, en):
        lines.append(more(len(ranked), limit, en).strip())
    unranked = [u for u in communes if u.rank is None]
    if unranked:
        names = ", ".join(u.name for u in shown(sorted(unranked, key=lambda u: tthc.sort_key(u.name)), limit))
        if limit > 0 and len(unranked) > limit:
            names += ", ..."
        approximate = [u for u in unranked if u.approximate and u.published is not None]
        if approximate:
            low = min(u.published for u in approximate if u.published is not None)
            high = max(u.published for u in approximate if u.published is not None)
            about = f"{low}" if low == high else f"{low}–{high}"
            lines.append((f"Not ranked (no exact rate; reported about {about} procedures each): {names}"
                          if en else
                          f"Không xếp hạng (không có tỷ lệ chính xác; báo cáo khoảng {about} TTHC mỗi xã): {names}"))
        else:
            lines.append(("Not ranked (nothing applicable or no figures): " if en else
                          "Không xếp hạng (không có TTHC áp dụng hoặc không có số liệu): ") + names)
    return "\n".join(lines)


def write_csv(report: tthc.Report, out: Path) -> None:
    columns = report.to_columns()
    names = list(columns)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(names)
        for row in zip(*(columns[n] for n in names)):
            writer.writerow(["" if v is None else v for v in row])


def draw_png(report: tthc.Report, out: Path, lang: str) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    en = lang == "en"
    channel = CHANNELS[report.channel][1 if en else 0]
    title = f"{channel}, {report.as_of.isoformat()}"
    units = [u for u in report.units if u.published is not None and u.applicable != 0]
    if len(units) > 40:
        # Too many units for one bar each: the distribution of the rates, per level.
        fig, ax = plt.subplots(figsize=(8, 4.5))
        for level in ("commune", "district", "province"):
            values = [u.percent for u in units if u.level == level and u.percent is not None]
            if values:
                ax.hist(values, bins=40, alpha=0.6, label=f"{LEVELS[level][1 if en else 0]} ({len(values)})")
        ax.set_xlabel("Rate (%)" if en else "Tỷ lệ (%)")
        ax.set_ylabel("Units" if en else "Số đơn vị")
        ax.legend()
        ax.set_title(title)
        fig.tight_layout()
        fig.savefig(out, dpi=120)
        plt.close(fig)
        return True
    names = [u.name for u in units]
    values = [u.published or 0 for u in units]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.7 * len(units) + 2), 4.5))
    bars = ax.bar(range(len(units)), values,
                  color=["#1f77b4" if not u.approximate else "#9ecae1" for u in units])
    for bar, u in zip(bars, units):
        label = tthc.format_percent(u.rate, lang) if u.rate is not None else count(u.published, u.approximate)
        ax.annotate(label, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(units)))
    ax.set_xticklabels(names, rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("Published procedures" if en else "Số TTHC đã công khai")
    ax.set_title(title + ("  (light: approximate)" if en else "  (nhạt: khoảng)"))
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        catalog = tthc.load(args.catalogue) if args.catalogue else tthc.an_bien_2018()
        report = catalog.compliance(channel=args.channel, as_of=args.as_of)
    except tthc.TthcError as e:
        print(f"error: {e}", file=sys.stderr)
        for problem in e.errors[1:]:
            print(f"  {problem.code} at {problem.path}: {problem.message}", file=sys.stderr)
        return 1
    en = args.lang == "en"
    print(catalog.title or (str(args.catalogue) if args.catalogue else ""))
    channel = CHANNELS[report.channel][1 if en else 0]
    print(f"{channel[0].upper()}{channel[1:]}, {'as of' if en else 'tính đến'} {report.as_of.isoformat()}")
    print()
    print("Rates per unit" if en else "Tỷ lệ theo đơn vị")
    print(per_unit(report, args.lang, args.limit))
    for u in report.units:
        if u.basis == "reported" and not u.approximate and u.published is not None:
            print(("  {name}: {p} procedures in {f} fields, {r} (reported)" if en else
                   "  {name}: {p} TTHC thuộc {f} lĩnh vực, đạt {r} (theo báo cáo)").format(
                name=u.name, p=u.published, f=u.fields_published,
                r=tthc.format_percent(u.rate, args.lang)))
    print()
    print("Rates per field" if en else "Tỷ lệ theo lĩnh vực")
    print(per_field(report, args.lang))
    print()
    print("Communes ranked" if en else "Xếp hạng cấp xã")
    print(commune_ranking(report, args.lang, args.limit))
    if report.warnings:
        print()
        print(f"{len(report.warnings)} " + ("postings did not count" if en else "lượt niêm yết không được tính"))
        for w in report.warnings[:10]:
            print(f"  {w.code}: {w.unit} {w.procedure or ''}")
    if args.csv:
        write_csv(report, args.csv)
        print(f"\nCSV: {args.csv}")
    if args.png:
        if draw_png(report, args.png, args.lang):
            print(f"PNG: {args.png}")
        else:
            print(f"\nmatplotlib is not installed: no chart written to {args.png} "
                  "(pip install matplotlib)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
