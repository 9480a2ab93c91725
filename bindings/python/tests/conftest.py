"""Shared helpers: where the repository's files are, a small but complete document, and the
closing line that counts the conformance vectors run per operation."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

BINDING = Path(__file__).resolve().parents[1]
ROOT = BINDING.parents[1]
CONFORMANCE = Path(os.environ.get("TTHC_CONFORMANCE_DIR", ROOT / "tests" / "conformance"))


# The operations of tests/conformance/README.md, in the order of its table.
OPERATIONS = ("report", "unit_report", "procedure_list", "search", "fold", "sort", "format_percent",
              "validate", "import", "diff", "check")
# Vectors run to the end (passed) per operation, filled by test_conformance.py.
CONFORMANCE_RUN: Counter[str] = Counter()


def conformance_files() -> list[Path]:
    return sorted(CONFORMANCE.glob("*.json"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """``conformance (python): report 25, unit_report 11, ...`` after every run that ran vectors
    (shown whatever ``-s``/``-q`` say, as the README of tests/conformance asks)."""
    if CONFORMANCE_RUN:
        known = [op for op in OPERATIONS if op in CONFORMANCE_RUN]
        others = sorted(set(CONFORMANCE_RUN) - set(OPERATIONS))
        counts = ", ".join(f"{op} {CONFORMANCE_RUN[op]}" for op in known + others)
        terminalreporter.write_line(f"conformance (python): {counts}; "
                                    f"{sum(CONFORMANCE_RUN.values())} vectors")


def raw_members(text: str) -> dict[str, str]:
    """The top-level members of a JSON object as raw text, so that an input keeps its exact
    bytes (key order, duplicate keys) as the Rust runner reads it."""
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    i = skip(0)
    assert text[i] == "{", "a vector is a JSON object"
    i += 1
    out: dict[str, str] = {}
    while True:
        i = skip(i)
        if text[i] == "}":
            return out
        key, i = decoder.raw_decode(text, i)
        i = skip(i)
        assert text[i] == ":"
        i = skip(i + 1)
        start = i
        _, i = decoder.raw_decode(text, i)
        out[key] = text[start:i]
        i = skip(i)
        if text[i] == ",":
            i += 1


def sample_document() -> dict[str, Any]:
    """Fields, procedures with every optional key, units of three levels, postings with dates,
    overrides, unknown and duplicate postings: enough to reach every attribute."""
    return {
        "tthc": 1,
        "title": "Tỉnh mẫu",
        "as_of": "2025-12-31",
        "source": "tests/conftest.py",
        "fields": [
            {"code": "ho-tich", "name": "Hộ tịch", "name_en": "Civil status"},
            {"code": "dat-dai", "name": "Đất đai"},
        ],
        "procedures": [
            {
                "code": "1.001193",
                "name": "Thủ tục đăng ký khai sinh",
                "field": "ho-tich",
                "levels": ["commune"],
                "decision": "163/QĐ-BTP",
                "effective": "2025-07-01",
                "amended": "2025-07-01",
                "online": "full",
            },
            {
                "code": "1.000894",
                "name": "Thủ tục đăng ký kết hôn",
                "field": "ho-tich",
                "levels": ["commune"],
                "amended": "2025-09-01",
                "online": "partial",
            },
            {"code": "2.000528", "name": "Chứng thực bản sao", "field": "ho-tich", "levels": ["province"]},
            {
                "code": "1.004000",
                "name": "Đăng ký đất đai",
                "field": "dat-dai",
                "levels": ["commune", "province"],
                "online": "none",
            },
            {
                "code": "1.001612.000.00.00.H01",
                "name": "Thủ tục địa phương",
                "field": "dat-dai",
                "levels": ["commune"],
                "abolished": "2025-01-01",
            },
        ],
        "units": [
            {
                "code": "91",
                "name": "Tỉnh An Giang",
                "level": "province",
                "published": {"one_stop_shop": ["2.000528", "1.004000"]},
            },
            {
                "code": "30985",
                "name": "Xã An Biên",
                "level": "commune",
                "parent": "91",
                "valid_from": "2025-07-01",
                "published": {
                    "one_stop_shop": ["1.001193", {"procedure": "1.000894", "on": "2025-08-01"}, "1.004000"],
                    "portal": ["1.001193"],
                },
            },
            {
                "code": "30988",
                "name": "Xã Tây Yên",
                "level": "commune",
                "parent": "91",
                "valid_to": "2030-06-30",
                "successors": ["30985"],
                "applies": {"add": ["2.000528"], "remove": ["1.004000"]},
                "published": {"one_stop_shop": ["1.001193", "1.001193", "9.999999", "2.000528"]},
            },
            {"code": "31006", "name": "Xã Đông Thái", "level": "commune", "parent": "91"},
        ],
    }


@pytest.fixture
def sample() -> dict[str, Any]:
    return sample_document()


@pytest.fixture
def sample_text() -> str:
    return json.dumps(sample_document(), ensure_ascii=False)
