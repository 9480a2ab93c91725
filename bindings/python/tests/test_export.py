"""``Catalog.export`` is ``tthc export`` (docs/exports.md): every target, written to a path or
returned (text, workbook bytes, Parquet files by name), and its errors with their codes."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

import tthc

PARQUET_FILES = ["postings.parquet", "procedures.parquet", "unit_rates.parquet", "units.parquet"]


@pytest.fixture
def catalog(sample_text: str) -> tthc.Catalog:
    return tthc.loads(sample_text)


def test_text_targets_return_text(catalog: tthc.Catalog) -> None:
    table = list(csv.reader(io.StringIO(catalog.export("csv"))))
    assert table[0][:2] == ["unit_code", "unit_name"] and len(table) > 1
    services = json.loads(catalog.export("hsds"))
    assert sorted(s["name"] for s in services) == sorted(p.name for p in catalog.procedures)
    graph = json.loads(catalog.export("cpsv-ap", base="https://example.org/tthc/"))
    text = json.dumps(graph)
    assert all(f"https://example.org/tthc/procedure/{p.code}" in text for p in catalog.procedures)
    assert "urn:tthc:procedure/" in catalog.export("cpsv-ap")


def test_binary_targets_return_bytes_and_files(catalog: tthc.Catalog) -> None:
    workbook = catalog.export("xlsx", lang="en")
    assert isinstance(workbook, bytes)
    assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(workbook)).namelist()
    files = catalog.export("parquet")
    assert sorted(files) == PARQUET_FILES
    assert all(b[:4] == b"PAR1" and b[-4:] == b"PAR1" for b in files.values())


@pytest.mark.parametrize("to", ["csv", "cpsv-ap", "hsds", "xlsx", "parquet"])
def test_a_path_gets_what_is_returned(catalog: tthc.Catalog, to: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{to}"
    assert catalog.export(to, out, as_of="2025-12-31") is None
    returned = catalog.export(to, as_of="2025-12-31")
    if isinstance(returned, dict):
        assert {p.name: p.read_bytes() for p in sorted(out.iterdir())} == returned
    elif isinstance(returned, bytes):
        # A workbook records when it was made; compare what the sheets hold.
        def sheets(data: bytes) -> dict[str, bytes]:
            z = zipfile.ZipFile(io.BytesIO(data))
            return {n: z.read(n) for n in z.namelist() if n.startswith("xl/")}

        assert sheets(out.read_bytes()) == sheets(returned)
    else:
        assert out.read_text(encoding="utf-8") == returned


def test_the_day_and_channel_reach_the_export(catalog: tthc.Catalog) -> None:
    early = json.loads(catalog.export("hsds", as_of="1990-01-01"))
    late = json.loads(catalog.export("hsds"))
    assert early != late
    portal = catalog.export("parquet", channel="portal")["unit_rates.parquet"]
    desk = catalog.export("parquet")["unit_rates.parquet"]
    assert portal != desk


def test_an_unwritable_path_is_an_io_error(catalog: tthc.Catalog, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(tthc.TthcIOError) as info:
        catalog.export("parquet", tmp_path / "file")
    assert info.value.code == "io"
    with pytest.raises(tthc.TthcIOError) as info:
        catalog.export("csv", tmp_path / "missing-dir" / "x.csv")
    assert info.value.path == str(tmp_path / "missing-dir" / "x.csv")


def test_wrong_python_types_are_type_errors(catalog: tthc.Catalog) -> None:
    with pytest.raises(TypeError):
        catalog.export(1)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        catalog.export("csv", 3)  # type: ignore[call-overload]
