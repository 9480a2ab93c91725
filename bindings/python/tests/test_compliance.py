"""Catalog.compliance and the Report: attributes, exact rates, exports, data frames."""

from __future__ import annotations

import builtins
import datetime
import json
from fractions import Fraction
from typing import Any

import pytest

import tthc

COLUMNS = ["unit", "name", "level", "parent", "basis", "approximate", "applicable", "published",
           "outdated", "fields", "fields_published", "rate_num", "rate_den", "percent", "rank"]


@pytest.fixture
def report(sample_text: str) -> tthc.Report:
    return tthc.loads(sample_text).compliance()


def test_units(report: tthc.Report) -> None:
    assert report.as_of == datetime.date(2025, 12, 31)
    assert report.channel == "one_stop_shop"
    assert len(report) == 4
    a = report.unit("30985")
    assert a is not None
    assert (a.code, a.name, a.level, a.parent, a.basis, a.approximate) == (
        "30985", "Xã An Biên", "commune", "91", "items", False)
    # 1.001193 posted, 1.000894 posted before its amendment (outdated), 1.004000 posted.
    assert (a.applicable, a.published, a.outdated) == (3, 2, 1)
    assert a.outdated_procedures == ["1.000894"]
    assert a.missing == []
    assert a.rate == Fraction(2, 3) and a.rate_pair == (2, 3) and a.percent == 66.7
    assert (a.fields, a.fields_published) == (2, 2)
    assert [(f.field, f.name, f.applicable, f.published, f.rate, f.rate_pair, f.percent)
            for f in a.by_field] == [
        ("ho-tich", "Hộ tịch", 2, 1, Fraction(1, 2), (1, 2), 50.0),
        ("dat-dai", "Đất đai", 1, 1, Fraction(1), (1, 1), 100.0),
    ]
    t = report.unit("30988")
    assert t is not None and (t.applicable, t.published, t.rate_pair) == (3, 2, (2, 3))
    d = report.unit("31006")
    assert d is not None and (d.published, d.rate, d.rank, d.percent) == (0, Fraction(0), 3, 0.0)
    assert d.missing == ["1.001193", "1.000894", "1.004000"]
    assert [u.rank for u in report.units] == [1, 1, 1, 3]
    assert report.unit("00000") is None
    assert repr(a) == "UnitCompliance(code='30985', name='Xã An Biên', published=2, applicable=3, percent=66.7)"


def test_groups_and_warnings(report: tthc.Report) -> None:
    (group,) = report.groups
    assert (group.parent, group.name, group.level, group.units, group.basis, group.approximate) == (
        "91", "Tỉnh An Giang", "commune", 3, "items", False)
    assert (group.applicable, group.published, group.rate, group.rate_pair) == (9, 4, Fraction(4, 9), (4, 9))
    assert (group.percent, group.min_percent, group.max_percent, group.mean_percent) == (44.4, 0.0, 66.7, 44.4)
    assert (group.applicable_per_unit, group.published_per_unit, group.fields_published_per_unit) == (
        (3, 3), (0, 2), (0, 2))
    assert [(w.code, w.unit, w.procedure) for w in report.warnings] == [
        ("posted_twice", "30988", "1.001193"),
        ("posted_unknown", "30988", "9.999999"),
    ]
    assert "posted_twice" in repr(report.warnings[0])


def test_rate_pair_is_not_normalised() -> None:
    report = tthc.an_bien_2018().compliance()
    district = report.unit("908")
    assert district is not None
    assert district.rate == 1 and district.rate_pair == (261, 261)
    assert tthc.format_percent(district.rate) == "100,0%"


def test_options(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    portal = catalog.compliance(channel="portal")
    assert portal.channel == "portal"
    a = portal.unit("30985")
    assert a is not None and a.rate_pair == (1, 3)
    for as_of in ("2025-08-15", datetime.date(2025, 8, 15), datetime.datetime(2025, 8, 15, 23, 59)):
        early = catalog.compliance(as_of=as_of)
        assert early.as_of == datetime.date(2025, 8, 15)
        e = early.unit("30985")
        # On 2025-08-15 1.000894 was not yet amended: its posting counts.
        assert e is not None and (e.published, e.outdated) == (3, 0)
    assert catalog.compliance(as_of=None).as_of == datetime.date(2025, 12, 31)
    assert catalog.compliance("national", "2025-12-31").channel == "national"


def test_to_dict_is_the_core_json(report: tthc.Report) -> None:
    data = report.to_dict()
    assert data == json.loads(report.to_json())
    assert data["tthc_report"] == 1 and data["as_of"] == "2025-12-31"
    assert [u["unit"] for u in data["units"]] == ["91", "30985", "30988", "31006"]
    assert data["units"][1]["rate"] == [2, 3] and data["units"][1]["percent"] == 66.7
    assert "\n" in report.to_json(pretty=True)


def test_to_columns(report: tthc.Report) -> None:
    columns = report.to_columns()
    assert list(columns) == COLUMNS
    assert {len(v) for v in columns.values()} == {4}
    assert columns["unit"] == ["91", "30985", "30988", "31006"]
    assert columns["parent"] == [None, "91", "91", "91"]
    assert columns["rate_num"] == [2, 2, 2, 0] and columns["rate_den"] == [2, 3, 3, 3]
    assert columns["percent"] == [100.0, 66.7, 66.7, 0.0]
    assert columns["approximate"] == [False] * 4


def test_to_columns_reported_units() -> None:
    columns = tthc.an_bien_2018().compliance().to_columns()
    assert columns["applicable"][2:] == [None] * 9
    assert columns["published"][2:] == [108] * 9
    assert columns["approximate"][2:] == [True] * 9
    assert columns["basis"][1:] == ["reported"] * 10


def test_to_pandas(report: tthc.Report) -> None:
    pd = pytest.importorskip("pandas")
    frame = report.to_pandas()
    assert list(frame.columns) == COLUMNS
    assert frame["rate_num"].dtype == "Int64"
    assert frame["percent"].tolist() == [100.0, 66.7, 66.7, 0.0]
    reported = tthc.an_bien_2018().compliance().to_pandas()
    assert reported["applicable"].isna().sum() == 9  # the 9 communes reported no total
    assert isinstance(reported, pd.DataFrame)


def test_to_polars(report: tthc.Report) -> None:
    pytest.importorskip("polars")
    frame = report.to_polars()
    assert frame.columns == COLUMNS
    assert frame["percent"].to_list() == [100.0, 66.7, 66.7, 0.0]


@pytest.mark.parametrize("method,library", [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_frames_without_the_library(report: tthc.Report, monkeypatch: pytest.MonkeyPatch,
                                    method: str, library: str) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == library or name.startswith(library + "."):
            raise ModuleNotFoundError(f"No module named {library!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=f"pip install {library}"):
        getattr(report, method)()


def test_nothing_applicable_has_no_rate() -> None:
    doc = {"tthc": 1, "as_of": "2025-01-01", "fields": [], "procedures": [],
           "units": [{"code": "91", "name": "Tỉnh", "level": "province"}]}
    (unit,) = tthc.loads(json.dumps(doc)).compliance().units
    assert (unit.applicable, unit.rate, unit.rate_pair, unit.percent, unit.rank) == (0, None, None, None, None)
    assert tthc.format_percent(unit.rate) == "—"
