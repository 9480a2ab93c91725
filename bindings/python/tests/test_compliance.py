"""Catalog.compliance, Catalog.unit_report and the Report from Python: argument types, Python
types of the results (``Fraction``, ``datetime.date``, tuples), read-only objects, the column
schema and data frames.

The figures themselves are the conformance vectors' (report-*, unit_report-*, error-option-*),
which also check that every object shows the same values as ``to_dict()``."""

from __future__ import annotations

import builtins
import datetime
import json
from fractions import Fraction
from typing import Any

import pytest

import tthc

NAMES = [name for name, _ in tthc.UNIT_COLUMNS]


@pytest.fixture
def report(sample_text: str) -> tthc.Report:
    return tthc.loads(sample_text).compliance()


def test_as_of_takes_a_date_a_datetime_or_text(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    for as_of in ("2025-08-15", datetime.date(2025, 8, 15), datetime.datetime(2025, 8, 15, 23, 59)):
        assert catalog.compliance(as_of=as_of).as_of == datetime.date(2025, 8, 15)
        assert catalog.unit_report("30985", as_of=as_of).to_dict() == \
            {**catalog.compliance(as_of=as_of).to_dict()["units"][1], "rank": None}
    assert catalog.compliance(as_of=None).as_of == datetime.date(2025, 12, 31)
    assert catalog.compliance("national", "2025-12-31").channel == "national"
    assert catalog.unit_report("30985", "portal", "2025-12-31").to_dict() == \
        {**catalog.compliance("portal").to_dict()["units"][1], "rank": None}


def test_rate_is_a_normalised_fraction_and_rate_pair_is_not() -> None:
    district = tthc.an_bien_2018().compliance().unit("908")
    assert district is not None
    assert isinstance(district.rate, Fraction) and district.rate == 1
    assert district.rate_pair == (261, 261)
    communes = tthc.an_bien_2018().compliance().groups[-1]
    assert communes.published_per_unit == (108, 108)  # tuples, as rate_pair


def test_unit_report_is_a_unit_compliance(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    unit = catalog.unit_report("30985")
    assert isinstance(unit, tthc.UnitCompliance) and unit.rank is None
    assert unit.rate_pair is not None and unit.rate == Fraction(*unit.rate_pair)
    assert repr(unit).startswith("UnitCompliance(code='30985', name='Xã An Biên'")


def test_objects_are_read_only(report: tthc.Report) -> None:
    unit = report.units[0]
    for obj, attr in ((report, "channel"), (unit, "published"), (unit.by_field[0], "published"),
                      (report.groups[0], "units"), (report.warnings[0], "code")):
        with pytest.raises(AttributeError):
            setattr(obj, attr, 0)
    unit.missing.append("x")  # a fresh list each time: the unit does not change
    assert "x" not in unit.missing
    assert report.units is report.units  # built once, then shared
    assert report.unit("00000") is None


def test_reprs(report: tthc.Report) -> None:
    assert repr(report).startswith("<tthc.Report one_stop_shop as of 2025-12-31: 4 units")
    assert repr(report.units[1]).startswith("UnitCompliance(code='30985'")
    assert repr(report.units[1].by_field[0]).startswith("FieldCompliance(field='ho-tich'")
    assert repr(report.groups[0]).startswith("GroupCompliance(parent='91'")
    assert repr(report.warnings[0]).startswith("ReportWarning(code='posted_twice'")


def test_to_dict_and_to_json(report: tthc.Report) -> None:
    data = report.to_dict()
    assert data == json.loads(report.to_json())
    assert "\n" in report.to_json(pretty=True) and "\n" not in report.to_json()
    assert [u.to_dict() for u in report.units] == data["units"]


def test_unit_columns_is_the_schema_of_to_columns(report: tthc.Report) -> None:
    assert NAMES[:3] == ["unit", "name", "level"] and len(NAMES) == 19
    types = {"text": (str,), "optional_text": (str, type(None)), "bool": (bool,),
             "count": (int, type(None)), "percent": (float, type(None))}
    columns = report.to_columns()
    assert list(columns) == NAMES
    assert {len(v) for v in columns.values()} == {len(report)}
    for name, kind in tthc.UNIT_COLUMNS:
        assert all(isinstance(value, types[kind]) for value in columns[name]), name
    reported = tthc.an_bien_2018().compliance().to_columns()
    assert None in reported["applicable"]  # counts a report did not give


def test_to_pandas(report: tthc.Report) -> None:
    pd = pytest.importorskip("pandas")
    frame = report.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == NAMES
    dtypes = {"count": "Int64", "percent": "float64", "bool": "bool"}
    for name, kind in tthc.UNIT_COLUMNS:
        if kind in dtypes:
            assert frame[name].dtype == dtypes[kind], name
    assert frame["percent"].tolist() == report.to_columns()["percent"]
    reported = tthc.an_bien_2018().compliance().to_pandas()
    assert reported["applicable"].isna().sum() == 9  # nullable counts: the 9 communes gave none


def test_to_polars(report: tthc.Report) -> None:
    pl = pytest.importorskip("polars")
    frame = report.to_polars()
    assert frame.columns == NAMES
    assert frame["rank"].dtype == pl.UInt32 and frame["percent"].dtype == pl.Float64
    assert frame["percent"].to_list() == report.to_columns()["percent"]


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
