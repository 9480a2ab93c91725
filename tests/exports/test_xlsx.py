"""Excel out: the report workbook read with openpyxl holds every figure of the JSON report (real
numbers, percentages with a percent format), frozen headers, filters and a chart; the flat
table's workbook reads back through `tthc import` to the same catalogue."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import conformance_inputs, tthc

NAMES = ["an-bien-2018", "portal-2026"] + [f"conformance-{f.stem}" for f in conformance_inputs()]
COLUMNS = ["unit", "name", "level", "parent", "basis", "approximate", "applicable", "published", "outdated",
           "fields", "fields_published", "rate_num", "rate_den", "percent", "rank",
           "current", "applicability", "stale", "unchecked"]
LEVEL_SHEETS = {"vi": {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"},
                "en": {"province": "Provinces", "district": "Districts", "commune": "Communes"}}


def report_json(src: Path) -> dict:
    return json.loads(tthc("report", src, "--format", "json").stdout)


def workbook(src: Path, tmp_path: Path, lang: str = "vi") -> Path:
    out = tmp_path / f"baocao-{lang}.xlsx"
    tthc("report", src, "--format", "xlsx", "--lang", lang, "-o", out)
    return out


def pct(v: float | None) -> float | None:
    return None if v is None else round(v * 100, 1)


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_equals_the_json_report(name: str, catalogues: dict[str, Path], tmp_path: Path) -> None:
    src = catalogues[name]
    report = report_json(src)
    wb = openpyxl.load_workbook(workbook(src, tmp_path))
    seen = []
    for level, sheet in LEVEL_SHEETS["vi"].items():
        units = [u for u in report["units"] if u["level"] == level]
        if not units:
            assert sheet not in wb.sheetnames
            continue
        ws = wb[sheet]
        assert ws.freeze_panes == "A3"
        last = chr(ord("A") + len(COLUMNS) - 1)  # the unit columns of docs/format.md
        assert ws.auto_filter.ref == f"A2:{last}{2 + len(units)}"
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        assert len(rows) == len(units)
        for row, u in zip(rows, units):
            cells = dict(zip(COLUMNS, row))
            assert (cells["unit"], cells["name"], cells["parent"]) == (u["unit"], u["name"], u["parent"])
            for key in ("applicable", "published", "outdated", "fields", "fields_published", "rank"):
                assert cells[key] == u[key], (u["unit"], key)
                assert cells[key] is None or isinstance(cells[key], (int, float))
            assert [cells["rate_num"], cells["rate_den"]] == (u["rate"] or [None, None])
            assert pct(cells["percent"]) == u["percent"]
            assert cells["approximate"] is u["approximate"]
        percent_cells = [ws.cell(row=3 + i, column=14) for i in range(len(units))]
        assert all(c.number_format == "0.0%" for c in percent_cells if c.value is not None)
        seen.append(sheet)
    # Groups.
    ws = wb["Nhóm"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(report["groups"])
    for row, g in zip(rows, report["groups"]):
        assert (row[0], row[1], row[3]) == (g["parent"], g["name"], g["units"])
        assert (row[6], row[7]) == (g["applicable"], g["published"])
        assert [pct(v) for v in row[8:12]] == [g["percent"], g["min_percent"], g["max_percent"], g["mean_percent"]]
        for k, key in enumerate(["applicable_per_unit", "published_per_unit", "fields_published_per_unit"]):
            assert [row[12 + 2 * k], row[13 + 2 * k]] == (g[key] or [None, None])
    # Missing and outdated, by unit.
    ws = wb["Chưa công khai, chưa cập nhật"]
    got = [(r[0], r[2], r[5]) for r in ws.iter_rows(min_row=3, values_only=True)]
    want = [(u["unit"], c, "chưa công khai") for u in report["units"] for c in u["missing"]]
    want_outdated = [(u["unit"], c, "chưa cập nhật") for u in report["units"] for c in u["outdated_procedures"]]
    assert sorted(got) == sorted(want + want_outdated)
    # A bar chart per level sheet.
    with zipfile.ZipFile(workbook(src, tmp_path)) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == len(seen)
        for n in charts:
            assert "<c:barChart>" in z.read(n).decode()


def test_english_headers(catalogues: dict[str, Path], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(workbook(catalogues["conformance-report-groups"], tmp_path, "en"))
    assert "Communes" in wb.sheetnames and "Groups" in wb.sheetnames
    header = [c.value for c in wb["Communes"][2]]
    assert header[:3] == ["Unit code", "Unit", "Level"] and header[13] == "Rate"


@pytest.mark.parametrize("name", ["an-bien-2018", "portal-2026", "conformance-report-groups", "conformance-report-amended-outdated"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_table_reads_back_to_the_same_catalogue(name: str, lang: str, catalogues: dict[str, Path], tmp_path: Path) -> None:
    src = catalogues[name]
    table = tmp_path / "table.xlsx"
    tthc("export", src, "--to", "xlsx", "--lang", lang, "-o", table)
    wb = openpyxl.load_workbook(table)
    ws = wb.active
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref
    back = tmp_path / "back.json"
    tthc("import", table, "-o", back)
    # The catalogue the flat table gives back: exactly what importing its CSV gives.
    csv = tmp_path / "table.csv"
    tthc("export", src, "--to", "csv", "-o", csv)
    from_csv = tmp_path / "from-csv.json"
    tthc("import", csv, "-o", from_csv)
    assert back.read_text(encoding="utf-8") == from_csv.read_text(encoding="utf-8")
    # … and the figures of the original catalogue for every unit counted from postings (the
    # table holds no reported figures, nor the document's as_of).
    a = json.loads(tthc("report", src, "--format", "json").stdout)
    b = json.loads(tthc("report", back, "--format", "json", "--as-of", a["as_of"]).stdout)
    counted = {u["unit"]: (u["applicable"], u["published"]) for u in a["units"] if u["basis"] == "items"}
    assert counted == {u["unit"]: (u["applicable"], u["published"]) for u in b["units"] if u["unit"] in counted}
