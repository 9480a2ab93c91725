"""``Report.to_arrow()`` and ``Catalog.postings_table()``: ``ArrowTable`` objects behind the Arrow
PyCapsule interface, checked here without any Arrow library (pyarrow, polars and DuckDB read
them in tests/exports/test_arrow.py, where those engines are installed)."""

from __future__ import annotations

import ctypes
import gc
from typing import Callable

import pytest

import tthc

capsule_name = ctypes.pythonapi.PyCapsule_GetName
capsule_name.restype = ctypes.c_char_p
capsule_name.argtypes = [ctypes.py_object]
capsule_valid = ctypes.pythonapi.PyCapsule_IsValid
capsule_valid.restype = ctypes.c_int
capsule_valid.argtypes = [ctypes.py_object, ctypes.c_char_p]


def test_to_arrow_has_the_unit_columns(sample_text: str) -> None:
    report = tthc.loads(sample_text).compliance()
    table = report.to_arrow()
    assert isinstance(table, tthc.ArrowTable)
    assert table.column_names == tuple(name for name, _ in tthc.UNIT_COLUMNS)
    assert table.num_rows == len(table) == len(report) == len(report.units)
    assert "unit, name, level" in repr(table)


def test_postings_table_has_the_postings_columns(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    table = catalog.postings_table()
    assert table.column_names == ("unit", "procedure", "channel", "status", "posted_on", "checked_on")
    # At least one row per applicable procedure of every unit counted from items.
    applicable = sum(u.applicable or 0 for u in catalog.compliance().units if u.basis == "items")
    assert table.num_rows >= applicable > 0


@pytest.mark.parametrize("make", [
    lambda: tthc.an_bien_2018().compliance().to_arrow(),
    lambda: tthc.an_bien_2018().postings_table(),
], ids=["to_arrow", "postings_table"])
def test_the_capsules_are_named_as_the_interface_says(make: Callable[[], tthc.ArrowTable]) -> None:
    table = make()
    stream = table.__arrow_c_stream__()
    assert capsule_name(stream) == b"arrow_array_stream"
    assert capsule_valid(stream, b"arrow_array_stream") == 1
    assert capsule_name(table.__arrow_c_stream__(requested_schema=None)) == b"arrow_array_stream"
    assert capsule_name(table.__arrow_c_schema__()) == b"arrow_schema"


def test_unconsumed_capsules_are_released() -> None:
    """A capsule nobody reads owns its stream and releases it when destroyed (here many times
    over, with nothing else holding the batches; a double release or a leak of the batches
    would crash or grow)."""
    table = tthc.an_bien_2018().postings_table()
    for _ in range(2000):
        table.__arrow_c_stream__()
        table.__arrow_c_schema__()
    del table
    gc.collect()
