"""The shared conformance vectors of tests/conformance: the same inputs give exactly the same
report (deep equality of the parsed JSON) or exactly the same errors (codes and paths, in
order) in Python as in Rust and JavaScript."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import tthc
from conftest import CONFORMANCE, conformance_files, raw_members

FILES = conformance_files()


def run(path: Path) -> tuple[dict[str, Any], tthc.Catalog | None, Any]:
    text = path.read_text(encoding="utf-8")
    vector = json.loads(text)
    raw = raw_members(text)
    source = raw["input"] if "input" in raw else vector["input_text"]
    options = vector.get("options", {})
    read = {"max_bytes": options["max_bytes"]} if "max_bytes" in options else {}
    compute = {k: options[k] for k in ("channel", "as_of") if k in options}
    catalog = None
    try:
        catalog = tthc.loads(source, **read)
        result: Any = catalog.compliance(**compute)
    except tthc.TthcError as e:
        result = e
    return vector, catalog, result


def test_vectors_present() -> None:
    assert FILES, f"no conformance vectors in {CONFORMANCE}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector(path: Path) -> None:
    vector, catalog, result = run(path)
    if "expect_errors" in vector:
        assert isinstance(result, tthc.TthcError), f"expected errors, got {result!r}"
        got = [{"code": p.code, "path": p.path} for p in result.errors]
        assert got == vector["expect_errors"], vector["description"]
        assert result.code == vector["expect_errors"][0]["code"]
        assert result.path == vector["expect_errors"][0]["path"]
    else:
        assert not isinstance(result, Exception), f"unexpected error {result!r}"
        assert result.to_dict() == vector["expect"], vector["description"]
        assert json.loads(result.to_json()) == vector["expect"]
        assert json.loads(result.to_json(pretty=True)) == vector["expect"]
        # A valid input round-trips through the catalogue's own JSON.
        assert catalog is not None
        options = {k: v for k, v in vector.get("options", {}).items() if k in ("channel", "as_of")}
        again = tthc.loads(catalog.to_json()).compliance(**options)
        assert again.to_dict() == vector["expect"]


@pytest.mark.parametrize("path", [p for p in FILES if "expect" in json.loads(p.read_text("utf-8"))],
                         ids=lambda p: p.stem)
def test_vector_objects_agree_with_dict(path: Path) -> None:
    """The attribute views show the same figures as to_dict() and to_columns()."""
    _, _, report = run(path)
    data = report.to_dict()
    assert report.as_of.isoformat() == data["as_of"]
    assert report.channel == data["channel"]
    assert len(report) == len(report.units) == len(data["units"])
    for unit, expected in zip(report.units, data["units"]):
        assert unit.code == expected["unit"]
        for key in ("name", "level", "parent", "basis", "approximate", "applicable", "published",
                    "outdated", "fields", "fields_published", "percent", "rank", "missing",
                    "outdated_procedures"):
            assert getattr(unit, key) == expected[key], key
        assert (list(unit.rate_pair) if unit.rate_pair else None) == expected["rate"]
        assert unit.rate == (Fraction(*expected["rate"]) if expected["rate"] else None)
        assert [
            {"field": f.field, "name": f.name, "applicable": f.applicable, "published": f.published,
             "rate": list(f.rate_pair) if f.rate_pair else None, "percent": f.percent}
            for f in unit.by_field
        ] == expected["by_field"]
        assert report.unit(unit.code) is not None
    assert len(report.groups) == len(data["groups"])
    for group, expected in zip(report.groups, data["groups"]):
        assert group.parent == expected["parent"]
        for key in ("name", "level", "units", "basis", "approximate", "applicable", "published",
                    "percent", "min_percent", "max_percent", "mean_percent"):
            assert getattr(group, key) == expected[key], key
        assert (list(group.rate_pair) if group.rate_pair else None) == expected["rate"]
        for key in ("applicable_per_unit", "published_per_unit", "fields_published_per_unit"):
            value = getattr(group, key)
            assert (list(value) if value else None) == expected[key], key
    assert [(w.code, w.unit, w.procedure) for w in report.warnings] == [
        (w["code"], w["unit"], w["procedure"]) for w in data["warnings"]
    ]
    columns = report.to_columns()
    assert columns["unit"] == [u["unit"] for u in data["units"]]
    assert columns["rate_num"] == [u["rate"][0] if u["rate"] else None for u in data["units"]]
    assert columns["rate_den"] == [u["rate"][1] if u["rate"] else None for u in data["units"]]
    assert columns["percent"] == [u["percent"] for u in data["units"]]
    assert columns["rank"] == [u["rank"] for u in data["units"]]
