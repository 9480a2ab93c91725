"""Objects are immutable and Send + Sync: one Catalog used from many threads gives the same
answers, and loading and computing release the GIL."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import tthc


def big_document(communes: int = 3000, procedures: int = 400) -> str:
    doc: dict[str, Any] = {
        "tthc": 1,
        "as_of": "2025-12-31",
        "fields": [{"code": f"f{i}", "name": f"Lĩnh vực {i}"} for i in range(20)],
        "procedures": [
            {"code": f"1.{i:06d}", "name": f"Thủ tục {i}", "field": f"f{i % 20}", "levels": ["commune"]}
            for i in range(procedures)
        ],
        "units": [{"code": "01", "name": "Tỉnh", "level": "province"}],
    }
    for c in range(communes):
        posted = [f"1.{i:06d}" for i in range(procedures) if (i * 7 + c) % 10 < 8]
        doc["units"].append({"code": f"{c:05d}", "name": f"Xã {c}", "level": "commune", "parent": "01",
                             "published": {"one_stop_shop": posted}})
    return json.dumps(doc)


def test_shared_catalog_from_many_threads(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    expected = catalog.compliance().to_dict()

    def work(i: int) -> tuple[Any, ...]:
        mine = tthc.loads(sample_text) if i % 3 == 0 else catalog
        report = mine.compliance(channel="one_stop_shop")
        return (report.to_dict(), [u.rate for u in report.units], len(catalog.units),
                report.to_columns()["rank"], [h.code for h in catalog.search("dang ky")])

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(64)))
    for data, rates, units, ranks, _ in results:
        assert data == expected
        assert rates == [u.rate for u in catalog.compliance().units]
        assert units == 4
        assert ranks == [u["rank"] for u in expected["units"]]


def test_errors_from_many_threads() -> None:
    def work(i: int) -> str:
        try:
            tthc.loads('{"tthc": 1, "fields": [], "procedures": [], "units": [], "x%d": 1}' % i)
        except tthc.ValidationError as e:
            return e.path
        return ""

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(work, range(32))) == [f"/x{i}" for i in range(32)]


def longest_stall(text: str) -> float:
    """The longest time this thread stood still while another thread loaded and computed."""
    gaps: list[float] = []
    done = threading.Event()

    def worker() -> None:
        tthc.loads(text).compliance()
        done.set()

    thread = threading.Thread(target=worker)
    last = time.perf_counter()
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    thread.join()
    return max(gaps)


def test_gil_is_released_while_loading_and_computing() -> None:
    text = big_document()
    start = time.perf_counter()
    tthc.loads(text).compliance()
    alone = time.perf_counter() - start
    assert alone > 0.02, f"the document is too small to tell ({alone:.3f} s)"
    # Had the worker held the GIL while in Rust, this thread would have stood still for about
    # `alone` seconds at once; released, it runs on (stalls of a few switch intervals). The
    # best of three tries keeps a busy machine's scheduling out of the verdict.
    stalls = [longest_stall(text) for _ in range(3)]
    assert min(stalls) < alone / 2, f"longest stalls {stalls} s, computation {alone:.3f} s"
