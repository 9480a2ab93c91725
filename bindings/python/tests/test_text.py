"""tthc.fold, tthc.sort_key, tthc.format_percent from Python: the types they take and give.

What they compute (folding, the Vietnamese order, rounding, the rules for a rate) is checked by
the conformance vectors (fold-*, sort-*, format_percent-*), the order against ICU's on the
ICU 72 sample (sort-icu72-sample.json); here only what Python adds."""

from __future__ import annotations

from fractions import Fraction

import pytest

import tthc


def test_fold_takes_and_gives_str() -> None:
    assert isinstance(tthc.fold("Hộ tịch"), str)
    with pytest.raises(TypeError):
        tthc.fold(b"ho tich")  # type: ignore[arg-type]


def test_sort_key_is_a_key_for_sorted() -> None:
    key = tthc.sort_key("Xã Đông Thái")
    assert isinstance(key, bytes)
    names = ["Xã Đông Thái", "Xã An Biên"]
    assert sorted(names, key=tthc.sort_key) == ["Xã An Biên", "Xã Đông Thái"]
    assert min(names, key=tthc.sort_key) == "Xã An Biên"


@pytest.mark.parametrize("rate", [Fraction(72, 77), (72, 77), Fraction(144, 154)])
def test_format_percent_takes_a_fraction_or_a_pair(rate: Fraction | tuple[int, int]) -> None:
    assert tthc.format_percent(rate) == "93,5%"
    assert tthc.format_percent(rate, "en") == tthc.format_percent(rate, lang="en") == "93.5%"


def test_format_percent_takes_ints_and_none() -> None:
    assert tthc.format_percent(1) == "100,0%"  # type: ignore[arg-type]  # an int is n/1
    assert tthc.format_percent(Fraction(0)) == "0,0%"
    assert tthc.format_percent(None) == "—"


def test_format_percent_of_report_rates() -> None:
    """A unit's ``rate`` (a ``Fraction``, normalised) and ``rate_pair`` give the same text."""
    for unit in tthc.an_bien_2018().compliance().units:
        assert tthc.format_percent(unit.rate) == tthc.format_percent(unit.rate_pair)
