"""Hostile inputs through Python: the core's default limits (docs/reliability.md, "Hostile
files") refuse them with ``too_large`` (or ``syntax`` for nesting), as TthcError subclasses.
The memory of each case is measured in Rust (crates/tthc/tests/hostile.rs)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

import tthc

PORTAL_HEADER = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc\n"
PORTAL_ROW = "1.001193,Thủ tục đăng ký khai sinh,Cấp xã,"


def test_json_string_over_a_mebibyte() -> None:
    with pytest.raises(tthc.FormatError) as e:
        tthc.loads('{"tthc": 1, "title": "' + "a" * (2 << 20) + '"}')
    assert (e.value.code, e.value.path) == ("too_large", "/title")


@pytest.mark.parametrize("open_, close, first", [("[", "]", ("wrong_type", "/units/0")),
                                                 ('{"a":', "}", ("unknown_key", "/units/0/a"))])
def test_json_nested_100k_deep(open_: str, close: str, first: tuple[str, str]) -> None:
    nested = open_ * 100_000 + "1" + close * 100_000
    with pytest.raises(tthc.ValidationError) as e:
        tthc.loads('{"tthc": 1, "fields": [], "procedures": [], "units": [' + nested + "]}")
    assert (e.value.code, e.value.path) == first


def test_csv_cell_over_a_mebibyte(tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    path.write_text(PORTAL_HEADER + PORTAL_ROW + "a" * (2 << 20) + "\n", "utf-8")
    with pytest.raises(tthc.TthcError) as e:
        tthc.import_file(path)
    assert (e.value.code, e.value.path) == ("too_large", "row 2, column 4")


def test_csv_row_of_100k_cells(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(PORTAL_HEADER + "x," * 100_000 + "\n", "utf-8")
    with pytest.raises(tthc.TthcError) as e:
        tthc.import_file(path)
    assert (e.value.code, e.value.path) == ("too_large", "row 2")


def test_zip_of_5000_entries(tmp_path: Path) -> None:
    # Empty stored entries: local headers, central directory, end record.
    local, central = bytearray(), bytearray()
    for i in range(5000):
        name = f"xl/media/{i}.bin".encode()
        offset = len(local)
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0)
        local += b"PK\x03\x04" + fields + name
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields + bytes(10) + struct.pack("<I", offset) + name
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 5000, 5000, len(central), len(local), 0)
    path = tmp_path / "entries.xlsx"
    path.write_bytes(bytes(local + central + end))
    with pytest.raises(tthc.TthcError) as e:
        tthc.import_file(path)
    assert e.value.code == "too_large"
    assert "5000 entries" in str(e.value)
