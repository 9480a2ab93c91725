"""tthc.fold, tthc.sort_key, tthc.format_percent: thin calls into the core."""

from __future__ import annotations

from fractions import Fraction

import pytest

import tthc


def test_fold() -> None:
    assert tthc.fold("  Đăng   KÝ ") == tthc.fold("đăng ký")
    assert isinstance(tthc.fold("Hộ tịch"), str)
    assert tthc.fold("") == ""


def test_sort_key() -> None:
    key = tthc.sort_key("Xã Đông Thái")
    assert isinstance(key, bytes)
    names = ["Xã Vĩnh Hòa", "Thị trấn Thứ Ba", "Xã Đông Thái", "Xã Đông Yên"]
    assert sorted(names, key=tthc.sort_key) == sorted(names, key=lambda n: tthc.sort_key(n))
    assert tthc.sort_key("a") < tthc.sort_key("b")
    assert tthc.sort_key("") <= tthc.sort_key("a")


@pytest.mark.parametrize("rate,vi,en", [
    (Fraction(72, 77), "93,5%", "93.5%"),
    ((72, 77), "93,5%", "93.5%"),
    ((5, 16), "31,3%", "31.3%"),       # 31.25 rounds half away from zero
    ((2, 3), "66,7%", "66.7%"),
    ((261, 261), "100,0%", "100.0%"),
    (Fraction(1), "100,0%", "100.0%"),
    ((0, 7), "0,0%", "0.0%"),
    ((3, 0), "—", "—"),                # nothing applicable: no rate
    (None, "—", "—"),
])
def test_format_percent(rate: object, vi: str, en: str) -> None:
    assert tthc.format_percent(rate) == vi  # type: ignore[arg-type]
    assert tthc.format_percent(rate, "en") == en  # type: ignore[arg-type]
    assert tthc.format_percent(rate, lang="vi") == vi  # type: ignore[arg-type]
