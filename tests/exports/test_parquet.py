"""The four Parquet files read by real engines: DuckDB computes every unit's published and
applicable counts from postings.parquet with SQL and they equal unit_rates.parquet (and the
JSON report); polars and pyarrow read all four files; the round trip through `tthc import DIR`
gives the catalogue back. On An Biên 2018, the 2026 portal, a synthetic national catalogue of
modest size, and every conformance input that has units."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

from conftest import conformance_inputs, load, tthc

FILES = ["procedures", "units", "postings", "unit_rates"]
NAMES = ["an-bien-2018", "portal-2026", "synthetic"] + [f"conformance-{f.stem}" for f in conformance_inputs()]

# Per unit on the channel of the files: published = rows `published`, applicable = rows
# `published`, `outdated` or `missing`. Units whose figures are reported have no rows.
RATES_SQL = """
with counted as (
  select unit,
         count(*) filter (where status = 'published') as published,
         count(*) filter (where status in ('published', 'outdated', 'missing')) as applicable,
         count(*) filter (where status = 'outdated') as outdated
  from read_parquet($postings)
  where channel = $channel
  group by unit)
select r.unit, r.basis, r.published as r_published, r.applicable as r_applicable,
       r.outdated as r_outdated, coalesce(c.published, 0) as published,
       coalesce(c.applicable, 0) as applicable, coalesce(c.outdated, 0) as outdated,
       c.unit is not null as has_rows
from read_parquet($rates) r left join counted c on c.unit = r.unit
order by r.unit
"""


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "national-500.json"
    tthc("synth", "--communes", "500", "--districts", "40", "--provinces", "5", "--procedures", "120", "-o", path)
    return path


@pytest.fixture(scope="session")
def exported(catalogues: dict[str, Path], synthetic: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    base = tmp_path_factory.mktemp("parquet")
    for name in NAMES:
        src = synthetic if name == "synthetic" else catalogues[name]
        tthc("export", src, "--to", "parquet", "-o", base / name)
        out[name] = base / name
    return out


def source(name: str, catalogues: dict[str, Path], synthetic: Path) -> Path:
    return synthetic if name == "synthetic" else catalogues[name]


@pytest.mark.parametrize("name", NAMES)
def test_duckdb_computes_the_rates_of_unit_rates(name: str, exported: dict[str, Path], catalogues: dict[str, Path], synthetic: Path) -> None:
    d = exported[name]
    meta = pq.read_metadata(d / "unit_rates.parquet").metadata
    assert meta[b"tthc_format"] == b"1"
    channel = meta[b"channel"].decode()
    rows = duckdb.execute(
        RATES_SQL, {"postings": str(d / "postings.parquet"), "rates": str(d / "unit_rates.parquet"), "channel": channel}
    ).fetchall()
    doc = load(source(name, catalogues, synthetic))
    assert len(rows) == len(doc["units"])
    for unit, basis, rp, ra, ro, p, a, o, has_rows in rows:
        if basis == "items":
            assert (p, a, o) == (rp, ra, ro), unit
        else:
            assert basis == "reported" and not has_rows, unit
    # And unit_rates is the JSON report's units.
    report = json.loads(tthc("report", source(name, catalogues, synthetic), "--format", "json").stdout)
    rates = {r["unit"]: r for r in pq.read_table(d / "unit_rates.parquet").to_pylist()}
    assert len(rates) == len(report["units"])
    for u in report["units"]:
        r = rates[u["unit"]]
        assert (r["published"], r["applicable"], r["percent"], r["rank"], r["basis"]) == (
            u["published"], u["applicable"], u["percent"], u["rank"], u["basis"])
        assert [r["rate_num"], r["rate_den"]] == (u["rate"] or [None, None])


def test_the_synthetic_catalogue_has_items_and_all_statuses(exported: dict[str, Path]) -> None:
    d = exported["synthetic"]
    counts = dict(duckdb.execute(
        "select status, count(*) from read_parquet($p) group by status", {"p": str(d / "postings.parquet")}
    ).fetchall())
    assert counts.get("published", 0) > 10_000
    assert counts.get("missing", 0) > 0 and counts.get("outdated", 0) > 0
    assert set(counts) <= {"published", "outdated", "missing", "not_applicable", "unknown"}


@pytest.mark.parametrize("name", NAMES)
def test_polars_and_pyarrow_read_all_four(name: str, exported: dict[str, Path]) -> None:
    d = exported[name]
    for f in FILES:
        path = d / f"{f}.parquet"
        t = pq.read_table(path)
        df = pl.read_parquet(path)
        assert df.height == t.num_rows and df.columns == t.column_names
        meta = pq.read_metadata(path).metadata
        assert {b"tthc_format", b"as_of", b"channel"} <= set(meta)
    procedures = pq.read_table(d / "procedures.parquet")
    assert procedures.schema.field("effective").type == "date32[day]"
    assert str(procedures.schema.field("field").type).startswith("dictionary")
    assert procedures.column_names[:11] == ["code", "name", "field", "field_name", "levels", "decision",
                                             "effective", "amended", "abolished", "online", "agencies"]
    units = pq.read_table(d / "units.parquet")
    assert units.column_names[:7] == ["code", "name", "level", "parent", "valid_from", "valid_to", "successors"]
    postings = pq.read_table(d / "postings.parquet")
    assert postings.column_names == ["unit", "procedure", "channel", "status", "posted_on", "checked_on"]
    assert postings.schema.field("posted_on").type == "date32[day]"
    assert pq.read_table(d / "unit_rates.parquet").column_names == [
        "unit", "name", "level", "parent", "basis", "approximate", "applicable", "published", "outdated",
        "fields", "fields_published", "rate_num", "rate_den", "percent", "rank",
        "current", "applicability", "stale", "unchecked"]
    # Sorted by unit, channel, procedure; one row per key.
    keys = [(r["unit"], r["channel"], r["procedure"]) for r in postings.select(["unit", "channel", "procedure"]).to_pylist()]
    assert keys == sorted(set(keys))


@pytest.mark.parametrize("name", NAMES)
def test_import_gives_the_catalogue_back(name: str, exported: dict[str, Path], catalogues: dict[str, Path], synthetic: Path, tmp_path: Path) -> None:
    back = tmp_path / "back.json"
    tthc("import", exported[name], "-o", back)
    src = source(name, catalogues, synthetic)
    # Reports on every channel agree (postings come back by code, duplicates once).
    for channel in ("one_stop_shop", "portal", "national"):
        a = json.loads(tthc("report", src, "--format", "json", "--channel", channel).stdout)
        b = json.loads(tthc("report", back, "--format", "json", "--channel", channel).stdout)
        a.pop("warnings"), b.pop("warnings")
        assert a == b, channel
    doc, got = clean(load(src)), load(back)
    for key in ("fields", "procedures", "title", "as_of", "source"):
        assert got.get(key) == doc.get(key), key
    defaults = {"channel": "one_stop_shop", "approximate": False}
    assert got.get("reports", []) == [{**defaults, **r} for r in doc.get("reports", [])]
    assert [u["code"] for u in got["units"]] == [u["code"] for u in doc["units"]]


def clean(x: object) -> object:
    """A document as our writer writes it: `null` for an optional key is absent."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items() if v is not None}
    if isinstance(x, list):
        return [clean(v) for v in x]
    return x


def test_gso_codes_keep_their_leading_zeros(tmp_path: Path) -> None:
    doc = {"tthc": 1, "fields": [], "procedures": [],
           "units": [{"code": "01", "name": "Thành phố Hà Nội", "level": "province"},
                     {"code": "00004", "name": "Phường Ba Đình", "level": "commune", "parent": "01"}]}
    src = tmp_path / "zeros.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    tthc("export", src, "--to", "parquet", "-o", tmp_path / "out")
    units = duckdb.execute("select code, parent from read_parquet($p) order by code", {"p": str(tmp_path / "out/units.parquet")}).fetchall()
    assert units == [("00004", "01"), ("01", None)]
