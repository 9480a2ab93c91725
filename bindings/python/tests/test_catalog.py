"""tthc.load / loads / an_bien_2018 and the read-only views of a Catalog."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import tthc


def test_an_bien_2018() -> None:
    catalog = tthc.an_bien_2018()
    assert catalog.title is not None and "An Biên" in catalog.title
    assert catalog.as_of == datetime.date(2018, 12, 31)
    assert catalog.source is not None and "14/05/2019" in catalog.source
    assert len(catalog.units) == 11
    district = catalog.unit("908")
    assert district is not None
    assert (district.name, district.level, district.parent) == ("Huyện An Biên", "district", "91")
    assert district.valid_to == datetime.date(2025, 6, 30)
    assert district.successors == ("30985", "30988", "31006")
    assert [u.code for u in catalog.units if u.parent == "908"] == [
        "30985", "30988", "30991", "30994", "30997", "31000", "31003", "31006", "31009"]


def test_loads_str_bytes_and_load_path(sample_text: str, tmp_path: Path) -> None:
    path = tmp_path / "sample.json"
    path.write_text(sample_text, encoding="utf-8")
    sources: list[Any] = [
        tthc.loads(sample_text),
        tthc.loads(sample_text.encode("utf-8")),
        tthc.loads(bytearray(sample_text.encode("utf-8"))),
        tthc.loads(memoryview(sample_text.encode("utf-8"))),
        tthc.loads(b"\xef\xbb\xbf" + sample_text.encode("utf-8")),  # a BOM is allowed
        tthc.load(path),
        tthc.load(str(path)),
    ]
    first = sources[0].to_json()
    for catalog in sources:
        assert catalog.to_json() == first


def test_views(sample: dict[str, Any]) -> None:
    catalog = tthc.loads(json.dumps(sample))
    assert (catalog.title, catalog.as_of, catalog.source) == (
        "Tỉnh mẫu", datetime.date(2025, 12, 31), "tests/conftest.py")
    assert len(catalog) == 5
    assert [p.code for p in catalog] == [p["code"] for p in sample["procedures"]]
    assert catalog.procedures is catalog.procedures  # built once, then shared

    f = catalog.fields[0]
    assert (f.code, f.name, f.name_en) == ("ho-tich", "Hộ tịch", "Civil status")
    assert catalog.fields[1].name_en is None
    assert catalog.field("dat-dai") is not None and catalog.field("thue") is None

    p = catalog.procedures[0]
    assert (p.code, p.name, p.field, p.levels, p.decision, p.online) == (
        "1.001193", "Thủ tục đăng ký khai sinh", "ho-tich", ("commune",), "163/QĐ-BTP", "full")
    assert (p.effective, p.amended, p.abolished) == (
        datetime.date(2025, 7, 1), datetime.date(2025, 7, 1), None)
    assert catalog.procedures[3].levels == ("province", "commune")
    assert catalog.procedures[4].abolished == datetime.date(2025, 1, 1)
    assert catalog.procedure("1.001612.000.00.00.H01") is not None
    assert catalog.procedure("1.999999") is None

    u = catalog.unit("30988")
    assert u is not None
    assert (u.code, u.name, u.level, u.parent) == ("30988", "Xã Tây Yên", "commune", "91")
    assert (u.valid_from, u.valid_to, u.successors) == (None, datetime.date(2030, 6, 30), ("30985",))
    assert (u.applies_add, u.applies_remove) == (("2.000528",), ("1.004000",))
    assert u.postings() == [("1.001193", None), ("1.001193", None), ("2.000528", None), ("9.999999", None)]
    assert u.postings("national") == []
    a = catalog.unit("30985")
    assert a is not None and a.valid_from == datetime.date(2025, 7, 1)
    assert a.postings("one_stop_shop")[1] == ("1.000894", datetime.date(2025, 8, 1))
    assert a.postings(channel="portal") == [("1.001193", None)]
    assert catalog.unit("99") is None

    assert "Tỉnh mẫu" in repr(catalog)
    assert repr(f) == "Field(code='ho-tich', name='Hộ tịch')"
    assert repr(u) == "Unit(code='30988', name='Xã Tây Yên', level='commune')"
    assert repr(p).startswith("Procedure(code='1.001193'")


def test_round_trip(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    again = tthc.loads(catalog.to_json(pretty=True))
    assert again.to_json() == catalog.to_json()
    assert json.loads(catalog.to_json())["procedures"][0]["code"] == "1.001193"


def test_objects_are_read_only(sample_text: str) -> None:
    catalog = tthc.loads(sample_text)
    with pytest.raises(AttributeError):
        catalog.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        catalog.units[0].name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        tthc.Catalog()


def test_path_like_and_unicode_file_names(sample_text: str, tmp_path: Path) -> None:
    path = tmp_path / "Danh mục thủ tục.json"
    path.write_text(sample_text, encoding="utf-8")
    assert len(tthc.load(path)) == 5


def test_search_hits(sample_text: str) -> None:
    """Which hits and scores is the search vectors' business; here, the objects."""
    catalog = tthc.loads(sample_text)
    hits = catalog.search("DANG KY KHAI SINH")
    hit = hits[0]
    assert (hit.code, hit.name, hit.field) == ("1.001193", "Thủ tục đăng ký khai sinh", "ho-tich")
    assert isinstance(hit.score, int)
    assert isinstance(hit.procedure, tthc.Procedure) and hit.procedure.code == hit.code
    assert hit.to_dict() == {"code": hit.code, "name": hit.name, "field": hit.field, "score": hit.score}
    assert repr(hit).startswith("SearchHit(code='1.001193'")
    with pytest.raises(AttributeError):
        hit.score = 0  # type: ignore[misc]
    # The index is built once; later searches agree with the first.
    assert [h.to_dict() for h in catalog.search("DANG KY KHAI SINH")] == [h.to_dict() for h in hits]
    assert len(catalog.search("đăng ký", limit=1)) == 1


def test_procedure_list_rows(sample_text: str) -> None:
    """Which procedures and statuses is the procedure_list vectors' business; here, the
    objects and the arguments."""
    catalog = tthc.loads(sample_text)
    rows = catalog.procedure_list(unit="30985")
    row = next(r for r in rows if r.code == "1.001193")
    assert (row.name, row.field, row.field_name, row.field_name_en, row.online, row.status) == (
        "Thủ tục đăng ký khai sinh", "ho-tich", "Hộ tịch", "Civil status", "full", "published")
    assert row.to_dict() == {"code": row.code, "name": row.name, "field": row.field,
                             "field_name": row.field_name, "field_name_en": row.field_name_en,
                             "online": row.online, "status": row.status}
    assert repr(row) == "ListedProcedure(code='1.001193', name='Thủ tục đăng ký khai sinh', status='published')"
    with pytest.raises(AttributeError):
        row.status = "missing"  # type: ignore[misc]
    again = catalog.procedure_list("30985")  # the same rows, equal and hashable
    assert again == rows and len(set(again) | set(rows)) == len(rows)
    assert catalog.procedure_list("30985", None, "ho-tich", "published", "one_stop_shop", "2025-12-31") == \
        [r for r in rows if r.field == "ho-tich" and r.status == "published"]
    assert catalog.procedure_list(unit="30985", as_of=datetime.date(2025, 12, 31)) == rows
    assert {r.status for r in catalog.procedure_list(level="province")} == {None}
