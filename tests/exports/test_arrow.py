"""Arrow from Python (docs/exports.md, "Arrow from Python"): ``report.to_arrow()`` and
``catalog.postings_table()`` read through the Arrow PyCapsule interface by pyarrow, polars and
DuckDB, equal to ``unit_rates.parquet`` and ``postings.parquet`` of ``tthc export`` — and DuckDB
computes every unit's figures of ``to_arrow()`` from ``postings_table()`` with SQL. On the
catalogues of test_parquet.py (An Biên 2018, the 2026 portal, a synthetic one, conformance
inputs with units). Needs the Python extension (tests/exports/run.sh builds it)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tthc
# The Parquet tests' catalogues and their `tthc export --to parquet` directories (fixtures).
from test_parquet import NAMES, RATES_SQL, exported, source, synthetic  # noqa: F401


def plain(table: pa.Table) -> pa.Table:
    """Without the file metadata (the Parquet files carry `tthc_format`, `as_of`…)."""
    return table.replace_schema_metadata(None)


@pytest.mark.parametrize("name", NAMES)
def test_to_arrow_is_unit_rates(name: str, exported: dict[str, Path], catalogues: dict[str, Path], synthetic: Path) -> None:
    report = tthc.load(source(name, catalogues, synthetic)).compliance()
    arrow = report.to_arrow()
    table = pa.table(arrow)
    expected = plain(pq.read_table(exported[name] / "unit_rates.parquet"))
    assert table.schema == expected.schema
    assert table.equals(expected)
    # The same through a reader, through polars and again (a table can be read many times).
    assert pa.RecordBatchReader.from_stream(arrow).read_all().equals(table)
    frame = pl.DataFrame(arrow)
    assert frame.equals(pl.from_arrow(table))  # type: ignore[arg-type]
    assert frame.equals(pl.read_parquet(exported[name] / "unit_rates.parquet"))
    assert pa.table(arrow).equals(table)
    assert table.column("unit").to_pylist() == [u.code for u in report.units]


@pytest.mark.parametrize("name", NAMES)
def test_postings_table_is_postings(name: str, exported: dict[str, Path], catalogues: dict[str, Path], synthetic: Path) -> None:
    table = tthc.load(source(name, catalogues, synthetic)).postings_table()
    got = pa.table(table)
    expected = plain(pq.read_table(exported[name] / "postings.parquet"))
    assert got.column_names == expected.column_names
    assert [str(t) for t in got.schema.types] == [str(t) for t in expected.schema.types]
    assert got.num_rows == expected.num_rows == table.num_rows
    assert got.to_pylist() == expected.to_pylist()
    frame = pl.DataFrame(table)
    assert frame.equals(pl.read_parquet(exported[name] / "postings.parquet"))


@pytest.mark.parametrize("name", NAMES)
def test_duckdb_reads_both_tables(name: str, catalogues: dict[str, Path], synthetic: Path) -> None:
    """DuckDB scans the two ArrowTables (Python variables named in SQL) and computes every unit's
    published, applicable and outdated counts of ``to_arrow()`` from ``postings_table()``."""
    catalog = tthc.load(source(name, catalogues, synthetic))
    postings = catalog.postings_table()  # noqa: F841 (read by DuckDB by name)
    rates = catalog.compliance().to_arrow()  # noqa: F841
    sql = (RATES_SQL.replace("read_parquet($postings)", "postings")
           .replace("read_parquet($rates)", "rates"))
    con = duckdb.connect()
    rows = con.execute(sql, {"channel": "one_stop_shop"}).fetchall()
    assert len(rows) == len(catalog.units)
    for unit, basis, rp, ra, ro, p, a, o, has_rows in rows:
        if basis == "items":
            assert (p, a, o) == (rp, ra, ro), unit
        else:
            assert basis == "reported" and not has_rows, unit
    assert duckdb.sql("select count(*) from postings").fetchone() == (postings.num_rows,)
