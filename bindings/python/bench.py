"""Benchmark of the Python extension on a national-scale catalogue (not a test).

    bash bindings/python/bench.sh            # builds, installs pandas/polars when possible, runs this

Measures, on the synthetic national catalogue of ``tthc synth`` (10,000 communes, 700
districts, 63 provinces, 600 procedures, two channels):

1. ``Catalog.compliance()`` from Python against the same computation timed inside Rust
   (``tthc._tthc._time_compliance``): the binding's overhead (target ≤ 1.25×);
2. ``Report.to_columns()`` for all units (target ≤ 10 ms), ``Report.to_arrow()`` (target ≤ 5 ms)
   and ``Catalog.postings_table()``;
3. end to end, what an analyst does today: per-unit rates from the flat table an office keeps
   (one row per unit × applicable procedure × channel with a posted flag, CSV) with pandas
   (and polars when installed), against ``tthc.load`` + ``compliance()`` + ``to_columns()``
   on the JSON document (target: tthc ≥ 5× faster). The frames' results are checked against
   tthc's, unit by unit, so both sides compute the same thing.

Prints a Markdown report for docs/bench-python.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import tthc

ROOT = Path(__file__).resolve().parents[2]


def timed(f: Callable[[], Any]) -> tuple[float, Any]:
    return measured(f)[0::2]


def measured(f: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock and thread CPU seconds of one call (after a garbage collection)."""
    gc.collect()
    cpu = time.thread_time()
    start = time.perf_counter()
    result = f()
    wall = time.perf_counter() - start
    return wall, time.thread_time() - cpu, result


def repeated(f: Callable[[], Any], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and thread CPU seconds of `repeat` calls."""
    runs = [measured(f)[:2] for _ in range(repeat)]
    return [w for w, _ in runs], [c for _, c in runs]


def synth(path: Path, communes: int, procedures: int) -> str:
    """The catalogue from ``tthc synth`` (built in release mode), or, if the command is not
    available, an equivalent document generated here."""
    if path.exists():
        return f"existing {path.relative_to(ROOT)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = ["cargo", "run", "--release", "-q", "-p", "tthc-cli", "--", "synth",
           "--communes", str(communes), "--procedures", str(procedures), "--seed", "1", "-o", str(path)]
    try:
        subprocess.run(cmd, cwd=ROOT, check=True)
        return " ".join(cmd[:6] + ["--"] + cmd[7:-1] + [str(path.relative_to(ROOT))])
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"bench: `tthc synth` unavailable ({e}); generating the document in Python", file=sys.stderr)
    write_fallback(path, communes, procedures)
    return "bench.py's own generator (tthc synth unavailable)"


def write_fallback(path: Path, communes: int, procedures: int, districts: int = 700, provinces: int = 63) -> None:
    """10,000 communes under 700 districts under 63 provinces, 600 procedures, two channels."""
    rnd = random.Random(1)
    codes = [f"1.{1000 + p:06d}" for p in range(procedures)]
    procs = []
    for p, code in enumerate(codes):
        roll = rnd.randrange(10)
        levels = ["province", "commune"] if roll == 0 else ["district", "commune"] if roll < 3 else ["commune"]
        entry: dict[str, Any] = {"code": code, "name": f"Thủ tục {p}", "field": f"f{p % 20:02d}", "levels": levels}
        if p % 50 == 7:
            entry["amended"] = "2024-06-01"
        if p % 97 == 13:
            entry["abolished"] = "2023-01-01"
        procs.append(entry)
    units: list[dict[str, Any]] = []

    def unit(code: str, level: str, name: str, parent: str | None) -> None:
        published = {}
        for k, channel in enumerate(["one_stop_shop", "portal"]):
            posts: list[Any] = []
            for p, c in enumerate(codes):
                roll = rnd.randrange(1000)
                if roll < 30 + 40 * k:
                    continue
                posts.append({"procedure": c, "on": "2023-03-01"} if p % 50 == 7 and roll < 200 else c)
            published[channel] = posts
        u: dict[str, Any] = {"code": code, "name": name, "level": level, "published": published}
        if parent:
            u["parent"] = parent
        units.append(u)

    for pv in range(provinces):
        unit(f"{pv + 1:02d}", "province", f"Tỉnh {pv + 1}", None)
    for d in range(districts):
        unit(f"{d + 100:03d}", "district", f"Huyện {d}", f"{d % provinces + 1:02d}")
    for c in range(communes):
        unit(f"{c + 10000:05d}", "commune", f"Xã {c}", f"{c % districts + 100:03d}")
    doc = {"tthc": 1, "title": "Synthetic national catalogue (bench.py)", "as_of": "2024-12-31",
           "fields": [{"code": f"f{i:02d}", "name": f"Lĩnh vực {i}"} for i in range(20)],
           "procedures": procs, "units": units}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def write_flat_csv(catalog: tthc.Catalog, out: Path) -> int:
    """The flat table an office keeps: unit, procedure, channel, posted (1/0), one row per
    applicable procedure of each unit and channel. "Posted" is what tthc counts as published
    (posted, and not before the procedure's last amendment)."""
    # The procedures of each level in force on the document's day, as the core lists them.
    by_level = {level: [p.code for p in catalog.procedure_list(level=level)]
                for level in ("province", "district", "commune")}
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("unit,procedure,channel,posted\n")
        for channel in ("one_stop_shop", "portal"):
            report = catalog.compliance(channel=channel)
            for u in report.units:
                unit = catalog.unit(u.code)
                assert unit is not None and not unit.applies_add and not unit.applies_remove
                applicable = by_level.get(u.level, [])
                assert len(applicable) == u.applicable, (u.code, len(applicable), u.applicable)
                not_counted = set(u.missing) | set(u.outdated_procedures)
                f.write("".join(
                    f"{u.code},{code},{channel},{0 if code in not_counted else 1}\n" for code in applicable))
                rows += len(applicable)
    return rows


def percent_half_away(num: Any, den: Any) -> Any:
    """One decimal, half away from zero on the exact fraction (format.md §2), vectorised."""
    return ((num * 2000 + den) // (2 * den)) / 10


def pandas_rates(csv_path: Path, engine: str | None = None) -> Any:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    kwargs: dict[str, Any] = {"dtype": {"unit": str, "procedure": str, "channel": str, "posted": "int8"}}
    if engine:
        kwargs["engine"] = engine
    df = pd.read_csv(csv_path, **kwargs)
    desk = df[df["channel"] == "one_stop_shop"]
    g = desk.groupby("unit", sort=False)["posted"].agg(published="sum", applicable="count")
    g["percent"] = percent_half_away(g["published"], g["applicable"])
    # GSO codes: 2 digits province, 3 district, 5 commune. Rank by exact rate within a level.
    g["level"] = g.index.str.len()
    g["rate"] = g["published"] / g["applicable"]
    g["rank"] = g.groupby("level")["rate"].rank(method="min", ascending=False).astype("int64")
    return g


def polars_rates(csv_path: Path) -> Any:
    import polars as pl

    df = pl.read_csv(csv_path, schema_overrides={"unit": pl.Utf8, "procedure": pl.Utf8, "channel": pl.Utf8,
                                                 "posted": pl.Int8})
    g = (df.filter(pl.col("channel") == "one_stop_shop")
         .group_by("unit", maintain_order=True)
         .agg(pl.col("posted").cast(pl.Int64).sum().alias("published"), pl.len().alias("applicable")))
    g = g.with_columns(
        ((pl.col("published") * 2000 + pl.col("applicable")) // (2 * pl.col("applicable")) / 10).round(1).alias("percent"),
        pl.col("unit").str.len_chars().alias("level"),
        (pl.col("published") / pl.col("applicable")).alias("rate"),
    )
    return g.with_columns(pl.col("rate").rank(method="min", descending=True).over("level").alias("rank"))


def tthc_rates(json_path: Path) -> dict[str, list[Any]]:
    return tthc.load(json_path).compliance().to_columns()


def check_same(columns: dict[str, list[Any]], units: list[str], published: list[int], applicable: list[int],
               percent: list[float], rank: list[int], who: str) -> None:
    expected = {u: (p, a, pc, r) for u, p, a, pc, r in zip(
        columns["unit"], columns["published"], columns["applicable"], columns["percent"], columns["rank"])
        if a}
    got = {u: (int(p), int(a), float(pc), int(r)) for u, p, a, pc, r in zip(units, published, applicable, percent, rank)}
    assert got == expected, f"{who} disagrees with tthc on {len(set(got.items()) ^ set(expected.items()))} units"


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms (min {min(values) * 1000:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=10_000)
    parser.add_argument("--procedures", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=21, help="runs of the in-memory timings")
    parser.add_argument("--e2e-repeat", type=int, default=3, help="runs of the end-to-end timings")
    parser.add_argument("--data", type=Path, default=ROOT / "bench-data")
    args = parser.parse_args()

    json_path = args.data / f"national-{args.communes}x{args.procedures}.json"
    csv_path = json_path.with_suffix(".flat.csv")
    origin = synth(json_path, args.communes, args.procedures)

    load_s, catalog = timed(lambda: tthc.load(json_path))
    if not csv_path.exists() or csv_path.stat().st_mtime < json_path.stat().st_mtime:
        rows = write_flat_csv(catalog, csv_path)
    else:
        with csv_path.open("rb") as f:
            rows = sum(1 for _ in f) - 1

    # 1. compliance: Python call against the Rust-timed core, interleaved to share the noise.
    catalog.compliance()  # warm up allocator and caches
    py_times: list[float] = []
    rust_times: list[float] = []
    py_cpu: list[float] = []
    rust_cpu: list[float] = []
    for _ in range(args.repeat):
        gc.collect()
        cpu = time.thread_time()
        start = time.perf_counter()
        report = catalog.compliance()
        py_times.append(time.perf_counter() - start)
        del report  # wall clock: freeing the report is left out on both sides
        py_cpu.append(time.thread_time() - cpu)  # CPU time: freeing included on both sides
        cpu = time.thread_time()
        rust_times.extend(tthc._tthc._time_compliance(catalog, 1))
        rust_cpu.append(time.thread_time() - cpu)
    ratio = statistics.median(py_times) / statistics.median(rust_times)
    ratio_cpu = statistics.median(py_cpu) / statistics.median(rust_cpu)

    # 2. to_columns
    report = catalog.compliance()
    col_times, col_cpu = repeated(report.to_columns, args.repeat)
    frame_times: dict[str, list[float]] = {}
    for name in ("to_pandas", "to_polars"):
        try:
            frame_times[name] = [timed(getattr(report, name))[0] for _ in range(3)]
        except ImportError:
            pass
    # 2b. Arrow: to_arrow() (target ≤ 5 ms), pyarrow taking it, postings_table()
    arrow_times, arrow_cpu = repeated(report.to_arrow, args.repeat)
    try:
        import pyarrow as pa

        rates = report.to_arrow()
        pyarrow_times = [timed(lambda: pa.table(rates))[0] for _ in range(args.repeat)]
    except ImportError:
        pyarrow_times = []
    postings_s, postings = timed(catalog.postings_table)
    postings_rows = postings.num_rows
    del postings
    columns = report.to_columns()
    del report

    # 3. end to end
    e2e: dict[str, list[float]] = {"tthc": []}
    for _ in range(args.e2e_repeat):
        e2e["tthc"].append(timed(lambda: tthc_rates(json_path))[0])
    notes = []
    try:
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        for engine in (None, "pyarrow"):
            label = "pandas" if engine is None else "pandas (pyarrow engine)"
            try:
                if engine == "pyarrow":
                    import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
            except ImportError:
                notes.append("pyarrow is not installed: pandas' pyarrow engine not measured")
                continue
            e2e[label] = []
            for _ in range(args.e2e_repeat):
                s, g = timed(lambda: pandas_rates(csv_path, engine))
                e2e[label].append(s)
            check_same(columns, list(g.index), g["published"].tolist(), g["applicable"].tolist(),
                       g["percent"].tolist(), g["rank"].tolist(), label)
        pandas_version = pd.__version__
    except ImportError:
        pandas_version = "not installed"
        notes.append("pandas is not installed: its end-to-end figure is missing")
    try:
        import polars as pl

        e2e["polars"] = []
        for _ in range(args.e2e_repeat):
            s, g = timed(lambda: polars_rates(csv_path))
            e2e["polars"].append(s)
        check_same(columns, g["unit"].to_list(), g["published"].to_list(), g["applicable"].to_list(),
                   g["percent"].to_list(), g["rank"].to_list(), "polars")
        polars_version = pl.__version__
    except ImportError:
        polars_version = "not installed"
        notes.append("polars is not installed: its end-to-end figure is missing")

    units = len(columns["unit"])
    best = statistics.median(e2e["tthc"])
    print(f"""## Results ({time.strftime('%Y-%m-%d')})

Machine: {platform.machine()}, {os.cpu_count()} cores, Linux {platform.release()}; Python
{platform.python_version()}; tthc {tthc.__version__} (release build, abi3 wheel); pandas {pandas_version};
polars {polars_version}.

Data: {origin}: {units:,} units, {len(catalog):,} procedures,
{json_path.stat().st_size / 1e6:.0f} MB of JSON; flat table {rows:,} rows,
{csv_path.stat().st_size / 1e6:.0f} MB of CSV. `tthc.load` took {load_s:.2f} s.

| what | figure | target |
|---|---|---|
| `Catalog.compliance()` from Python | {median_ms(py_times)} | |
| the same computation timed in Rust | {median_ms(rust_times)} | |
| ratio Python / Rust (medians of {args.repeat}, interleaved) | **{ratio:.2f}×** | ≤ 1.25× |
| the same ratio in thread CPU time (freeing the report included) | {ratio_cpu:.2f}× ({median_ms(py_cpu)} / {median_ms(rust_cpu)}) | ≤ 1.25× |
| `Report.to_columns()`, {units:,} units | **{median_ms(col_times)}** | ≤ 10 ms |
| `Report.to_columns()`, thread CPU time | {median_ms(col_cpu)} | |""")
    print(f"| `Report.to_arrow()`, {units:,} units | **{median_ms(arrow_times)}** | ≤ 5 ms |")
    print(f"| `Report.to_arrow()`, thread CPU time | {median_ms(arrow_cpu)} | |")
    print(f"| `Catalog.postings_table()`, {postings_rows:,} rows (once) | {postings_s * 1e3:.0f} ms | |")
    if pyarrow_times:
        print(f"| `pyarrow.table(report.to_arrow())` (taking the stream) | {median_ms(pyarrow_times)} | |")
    for name, times in frame_times.items():
        print(f"| `Report.{name}()` | {median_ms(times)} | |")
    print()
    print("End to end, per-unit rates (published, applicable, percent, rank) on the one-stop channel "
          f"(median of {args.e2e_repeat}):\n")
    print("| pipeline | time | tthc is faster by | target |")
    print("|---|---|---|---|")
    print(f"| tthc: `load(json)` + `compliance()` + `to_columns()` | {statistics.median(e2e['tthc']):.2f} s | | |")
    for name, times in e2e.items():
        if name == "tthc":
            continue
        med = statistics.median(times)
        print(f"| {name}: `read_csv` + filter + group by + rank | {med:.2f} s | **{med / best:.1f}×** | ≥ 5× |")
    print()
    print("Every frame pipeline's figures were checked equal to tthc's for every unit with a rate.")
    for note in notes:
        print(f"\nNote: {note}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
