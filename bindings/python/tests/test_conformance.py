"""The shared conformance vectors of tests/conformance, run by one table-driven runner: each
vector's operation is called through the Python API and must give exactly the expected output
(deep equality of the parsed JSON, validate messages included) or exactly the expected errors
(``(code, path)`` pairs, in order), as the Rust and Node runners require. A vector whose
operation this runner does not know fails. The count per operation is printed at the end of
the run (conftest.py).

Besides the output, the runner checks what only Python has: the objects (``UnitCompliance``,
``SearchHit``, ``ListedProcedure`` ...) show the same values as ``to_dict()``, and
``to_columns()`` the same rows as the report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import tthc
from conftest import CONFORMANCE, CONFORMANCE_RUN, OPERATIONS, conformance_files, raw_members

FILES = conformance_files()


class Vector:
    """One file of tests/conformance."""

    def __init__(self, path: Path, tmp_path: Path) -> None:
        self.tmp_path = tmp_path  # for operations that read files
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        self.path = path
        self.description: str = data["description"]
        self.operation: str = data.get("operation", "report")
        # The input document as its exact text (key order, duplicate keys), as Rust reads it.
        raw = raw_members(text)
        self.input: str | None = raw["input"] if "input" in raw else data.get("input_text")
        self.options: dict[str, Any] = data.get("options", {})
        self.has_expect = "expect" in data
        self.expect: Any = data.get("expect")
        self.expect_errors: list[dict[str, str]] | None = data.get("expect_errors")

    def document(self) -> str:
        assert self.input is not None, f"a {self.operation} vector reads a document"
        return self.input

    def catalog(self) -> tthc.Catalog:
        read = {"max_bytes": self.options["max_bytes"]} if "max_bytes" in self.options else {}
        return tthc.loads(self.document(), **read)

    def take(self, *names: str) -> dict[str, Any]:
        """The options named, as keyword arguments; any other option fails the vector."""
        unknown = set(self.options) - set(names) - {"max_bytes"}
        assert not unknown, f"options this runner does not pass to {self.operation}: {sorted(unknown)}"
        return {k: v for k, v in self.options.items() if k in names}


def ids(path: Path) -> str:
    return f"{json.loads(path.read_text('utf-8')).get('operation', 'report')}/{path.stem}"


# --- operations: each returns the output as JSON-like data ------------------------------------


def run_report(v: Vector) -> Any:
    catalog = v.catalog()
    options = v.take("channel", "as_of", "stale_after")
    report = catalog.compliance(**options)
    data = report.to_dict()
    assert json.loads(report.to_json()) == data
    assert json.loads(report.to_json(pretty=True)) == data
    check_report_objects(report, data)
    # A valid input round-trips through the catalogue's own JSON.
    assert tthc.loads(catalog.to_json()).compliance(**options).to_dict() == data
    return data


def run_unit_report(v: Vector) -> Any:
    options = v.take("unit", "channel", "as_of", "stale_after")
    code = options.pop("unit")
    unit = v.catalog().unit_report(code, **options)
    data = unit.to_dict()
    check_unit(unit, data)
    return data


def run_procedure_list(v: Vector) -> Any:
    rows = v.catalog().procedure_list(**v.take("unit", "level", "field", "status", "channel", "as_of"))
    out = []
    for row in rows:
        data = row.to_dict()
        assert {k: getattr(row, k) for k in data} == data
        out.append(data)
    return out


def run_search(v: Vector) -> Any:
    options = v.take("query", "limit")
    hits = v.catalog().search(options["query"], **({"limit": options["limit"]} if "limit" in options else {}))
    out = []
    for hit in hits:
        data = hit.to_dict()
        assert {k: getattr(hit, k) for k in data} == data
        assert (hit.procedure.code, hit.procedure.name, hit.procedure.field) == (hit.code, hit.name, hit.field)
        out.append(data)
    return out


def run_fold(v: Vector) -> Any:
    return tthc.fold(v.take("text")["text"])


def run_sort(v: Vector) -> Any:
    return sorted(v.take("items")["items"], key=tthc.sort_key)


def run_format_percent(v: Vector) -> Any:
    options = v.take("rate", "lang")
    rate = options.pop("rate")
    return tthc.format_percent(None if rate is None else (rate[0], rate[1]), **options)


def run_validate(v: Vector) -> Any:
    v.take()
    try:
        v.catalog()
    except (tthc.FormatError, tthc.ValidationError) as e:
        return {"errors": [p.to_dict() for p in e.errors]}
    return {"errors": []}


def run_import(v: Vector) -> Any:
    options = v.take("format", "lenient")
    path = v.tmp_path / "import.csv"
    path.write_bytes(v.document().encode("utf-8"))
    return json.loads(tthc.import_file(path, **options).to_json())


def run_diff(v: Vector) -> Any:
    options = v.take("new", "channel", "as_of")
    # OLD is read first: its errors win.
    old = v.catalog()
    new = tthc.loads(json.dumps(options.pop("new"), ensure_ascii=False))
    d = tthc.diff(old, new, **options)
    data = d.to_dict()
    assert json.loads(d.to_json()) == data
    assert json.loads(d.to_json(pretty=True)) == data
    assert tthc.diff(new, new, **options).is_empty()
    return data


def run_check(v: Vector) -> Any:
    findings = v.catalog().check(**v.take("channel", "as_of", "stale_after"))
    out = []
    for f in findings:
        data = f.to_dict()
        assert {k: getattr(f, k) for k in data} == data
        out.append(data)
    return {"findings": out}


RUNNERS: dict[str, Callable[[Vector], Any]] = {
    "report": run_report,
    "unit_report": run_unit_report,
    "procedure_list": run_procedure_list,
    "search": run_search,
    "fold": run_fold,
    "sort": run_sort,
    "format_percent": run_format_percent,
    "validate": run_validate,
    "import": run_import,
    "diff": run_diff,
    "check": run_check,
}


# --- the objects agree with the dicts ----------------------------------------------------------


def pair(value: Any) -> list[int] | None:
    return None if value is None else list(value)


def check_unit(unit: tthc.UnitCompliance, data: Mapping[str, Any]) -> None:
    assert unit.code == data["unit"]
    for key in ("name", "level", "parent", "basis", "approximate", "applicable", "published", "outdated",
                "fields", "fields_published", "percent", "rank", "missing", "outdated_procedures",
                "current", "successors", "applicability", "decisions"):
        assert getattr(unit, key) == data[key], key
    assert unit.stale == data.get("stale")
    assert unit.unchecked == data.get("unchecked")
    assert pair(unit.rate_pair) == data["rate"]
    assert unit.rate == (Fraction(*data["rate"]) if data["rate"] else None)
    assert [f.to_dict() for f in unit.by_field] == data["by_field"]
    for f, expected in zip(unit.by_field, data["by_field"]):
        assert (f.field, f.name, f.applicable, f.published, f.percent) == (
            expected["field"], expected["name"], expected["applicable"], expected["published"], expected["percent"])
        assert pair(f.rate_pair) == expected["rate"]
        assert f.rate == (Fraction(*expected["rate"]) if expected["rate"] else None)


def check_report_objects(report: tthc.Report, data: Mapping[str, Any]) -> None:
    assert report.as_of.isoformat() == data["as_of"]
    assert report.channel == data["channel"]
    assert len(report) == len(report.units) == len(data["units"])
    for unit, expected in zip(report.units, data["units"]):
        check_unit(unit, expected)
        assert unit.to_dict() == expected
        again = report.unit(unit.code)
        assert again is not None and again.to_dict() == expected
    assert len(report.groups) == len(data["groups"])
    for group, expected in zip(report.groups, data["groups"]):
        for key in ("parent", "name", "level", "units", "basis", "approximate", "applicable", "published",
                    "percent", "min_percent", "max_percent", "mean_percent"):
            assert getattr(group, key) == expected[key], key
        assert pair(group.rate_pair) == expected["rate"]
        assert group.rate == (Fraction(*expected["rate"]) if expected["rate"] else None)
        for key in ("applicable_per_unit", "published_per_unit", "fields_published_per_unit"):
            assert pair(getattr(group, key)) == expected[key], key
    assert [{"code": w.code, "unit": w.unit, "procedure": w.procedure} for w in report.warnings] == data["warnings"]
    columns = report.to_columns()
    assert list(columns) == [name for name, _ in tthc.UNIT_COLUMNS]
    rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
    assert len(rows) == len(data["units"])
    for row, expected in zip(rows, data["units"]):
        rate = expected["rate"] or [None, None]
        # `stale` and `unchecked` are absent from the JSON without `stale_after`, None in columns.
        # The column `stale` counts the unit's `stale` list.
        stale = expected.get("stale")
        assert row == {**{k: expected.get(k) for k in columns if k not in ("rate_num", "rate_den")},
                       "rate_num": rate[0], "rate_den": rate[1],
                       "stale": None if stale is None else len(stale)}


# --- the runner --------------------------------------------------------------------------------


def test_vectors_present() -> None:
    assert FILES, f"no conformance vectors in {CONFORMANCE}"


def test_every_operation_has_a_runner() -> None:
    assert tuple(RUNNERS) == OPERATIONS


@pytest.mark.parametrize("path", FILES, ids=[ids(p) for p in FILES])
def test_vector(path: Path, tmp_path: Path) -> None:
    v = Vector(path, tmp_path)
    run = RUNNERS.get(v.operation)
    if run is None:
        pytest.fail(f"{path.name}: unknown operation `{v.operation}` (this runner knows {sorted(OPERATIONS)})")
    assert v.has_expect != (v.expect_errors is not None), "exactly one of expect / expect_errors"
    assert not v.has_expect or v.expect is not None, "`expect` is null: bless the vector and review it"
    try:
        got = run(v)
    except tthc.TthcError as e:
        errors = [{"code": p.code, "path": p.path} for p in e.errors]
        assert v.expect_errors is not None, f"{v.description}\nunexpected error {e!r}: {errors}"
        assert errors == v.expect_errors, v.description
        assert (e.code, e.path) == (errors[0]["code"], errors[0]["path"])
    else:
        assert v.expect_errors is None, f"{v.description}\nexpected errors {v.expect_errors}, got {got!r}"
        assert got == v.expect, v.description
    CONFORMANCE_RUN[v.operation] += 1
