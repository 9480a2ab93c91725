"""DuckDB on the Parquet files of the national benchmark (`cargo bench -p tthc --features parquet
--bench parquet -- --keep DIR`): per-unit published and applicable counts from postings.parquet,
checked against unit_rates.parquet. Usage: bench_duckdb.py DIR. Prints a Markdown row."""

from __future__ import annotations

import sys
import time

import duckdb

SQL = """
select unit,
       count(*) filter (where status = 'published') as published,
       count(*) filter (where status in ('published', 'outdated', 'missing')) as applicable
from read_parquet($p) where channel = $c group by unit
"""


def main(d: str) -> None:
    con = duckdb.connect()
    con.execute("set threads to 1")
    channel = con.execute("select value from parquet_kv_metadata($p) where key = 'channel'",
                          {"p": f"{d}/unit_rates.parquet"}).fetchone()[0].decode()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        rows = con.execute(SQL, {"p": f"{d}/postings.parquet", "c": channel}).fetchall()
        times.append(time.perf_counter() - t)
    rates = {u: (p, a) for u, p, a, b in con.execute(
        "select unit, published, applicable, basis from read_parquet($p)", {"p": f"{d}/unit_rates.parquet"}).fetchall()
        if b == "items"}
    got = {u: (p, a) for u, p, a in rows}
    assert got == rates, "DuckDB's counts differ from unit_rates.parquet"
    times.sort()
    print(f"| DuckDB {duckdb.__version__}, one thread: per-unit counts of {len(rows)} units from postings.parquet "
          f"(equal to unit_rates.parquet) | {times[2] * 1000:.0f} ms |")


if __name__ == "__main__":
    main(sys.argv[1])
