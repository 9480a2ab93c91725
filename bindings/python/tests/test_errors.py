"""Every error family and every code reaches Python as the right exception class, with
``code``, ``path`` and the list of all problems."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
import pickle
from pathlib import Path
from typing import Any, Callable

import pytest

import tthc
from conftest import sample_document

Doc = dict[str, Any]


def with_change(change: Callable[[Doc], None]) -> str:
    doc = sample_document()
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


def set_path(path: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path.strip("/").split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def delete(path: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path.strip("/").split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return change


def add_report(report: dict[str, Any]) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc.setdefault("reports", []).append(report)

    return change


def add_replacement_cycle(doc: Doc) -> None:
    a, b = doc["procedures"][0]["code"], doc["procedures"][1]["code"]
    doc["decisions"] = [{"id": "1/QĐ-UBND", "effective": "2025-07-01", "scope": {"level": "commune"},
                         "items": [{"procedure": a, "action": "replaced", "by": b},
                                   {"procedure": b, "action": "replaced", "by": a}]}]


# code -> (input text, expected class, first path)
DOCUMENT_ERRORS: dict[str, tuple[str, type[tthc.TthcError], str]] = {
    "syntax": ('{"tthc": 1,', tthc.FormatError, "line 1, column 11"),
    "unsupported_version": (with_change(set_path("/tthc", 2)), tthc.ValidationError, "/tthc"),
    "unknown_key": (with_change(set_path("/fields/0/ten", "x")), tthc.ValidationError, "/fields/0/ten"),
    "missing_key": (with_change(delete("/fields")), tthc.ValidationError, ""),
    "wrong_type": (with_change(set_path("/title", 5)), tthc.ValidationError, "/title"),
    "bad_code": (with_change(set_path("/procedures/0/code", "1.00119")), tthc.ValidationError,
                 "/procedures/0/code"),
    "duplicate_code": (with_change(set_path("/fields/1/code", "ho-tich")), tthc.ValidationError,
                       "/fields/1/code"),
    "unknown_field": (with_change(set_path("/procedures/0/field", "thue")), tthc.ValidationError,
                      "/procedures/0/field"),
    "unknown_level": (with_change(set_path("/procedures/0/levels", ["village"])),
                      tthc.ValidationError, "/procedures/0/levels/0"),
    "unknown_unit": (with_change(add_report({"unit": "99999", "scope": "self", "channel": "portal",
                                             "published": 1})),
                     tthc.ValidationError, "/reports/0/unit"),
    "unknown_procedure": (with_change(set_path("/units/2/applies", {"add": ["9.999999"]})),
                          tthc.ValidationError, "/units/2/applies/add/0"),
    "bad_date": (with_change(set_path("/as_of", "2025-02-29")), tthc.ValidationError, "/as_of"),
    "bad_parent": (with_change(set_path("/units/0/parent", "30985")), tthc.ValidationError,
                   "/units/0/parent"),
    "inconsistent_report": (with_change(add_report({"unit": "91", "scope": "self", "channel": "portal",
                                                    "procedures": 2, "published": 3})),
                            tthc.ValidationError, "/reports/0/published"),
    "unknown_channel": (with_change(set_path("/units/0/published", {"website": []})),
                        tthc.ValidationError, "/units/0/published/website"),
    "bad_value": (with_change(set_path("/procedures/0/online", "yes")), tthc.ValidationError,
                  "/procedures/0/online"),
    "replacement_cycle": (with_change(add_replacement_cycle), tthc.ValidationError,
                          "/decisions/0/items/0"),
}


@pytest.mark.parametrize("code", sorted(DOCUMENT_ERRORS))
def test_document_error(code: str) -> None:
    text, cls, path = DOCUMENT_ERRORS[code]
    with pytest.raises(cls) as info:
        tthc.loads(text)
    e = info.value
    assert isinstance(e, tthc.TthcError) and isinstance(e, ValueError)
    assert type(e) is cls
    assert e.code == code
    assert e.path == path
    assert e.errors and e.errors[0].code == code and e.errors[0].path == path
    assert e.errors[0].message
    assert str(e) and code in str(e)
    # bytes give the same error as str
    with pytest.raises(cls) as again:
        tthc.loads(text.encode("utf-8"))
    assert [p.to_dict() for p in again.value.errors] == [p.to_dict() for p in e.errors]


def test_too_large_file(tmp_path: Path) -> None:
    """Files are refused before they are read (loads' limit is the vectors' business)."""
    path = tmp_path / "big.json"
    path.write_text(json.dumps(sample_document()), encoding="utf-8")
    with pytest.raises(tthc.FormatError) as info:
        tthc.load(path, max_bytes=10)
    assert info.value.code == "too_large"


def test_the_message_sums_up_every_problem() -> None:
    """Which problems a document has is the vectors' business (error-all-errors-collected);
    here, the exception: its message, ``code`` and ``path`` are the first problem's."""
    doc = sample_document()
    doc["procedures"][0]["code"] = "1.0011"
    doc["as_of"] = "31/12/2025"
    with pytest.raises(tthc.ValidationError) as info:
        tthc.loads(json.dumps(doc))
    e = info.value
    assert len(e.errors) == 2 and "(and 1 more)" in str(e)
    assert (e.code, e.path) == (e.errors[0].code, e.errors[0].path)


def test_text_that_is_not_utf8() -> None:
    """bytes and str with lone surrogates are FormatErrors, never UnicodeError."""
    with pytest.raises(tthc.FormatError) as bad_utf8:
        tthc.loads(b'{"title": "\xff"}')
    assert (bad_utf8.value.code, bad_utf8.value.path) == ("syntax", "line 1, column 12")
    with pytest.raises(tthc.FormatError) as surrogate:
        tthc.loads('{"title": "\ud800"}')
    assert surrogate.value.code == "syntax"


def test_io_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(tthc.TthcIOError) as info:
        tthc.load(missing)
    e = info.value
    assert isinstance(e, OSError) and isinstance(e, tthc.TthcError) and isinstance(e, ValueError)
    assert e.code == "io"
    assert e.path == str(missing)
    assert e.filename == str(missing)
    assert e.errors[0].code == "io"
    assert "No such file" in str(e)
    with pytest.raises(tthc.TthcIOError):
        tthc.load(tmp_path)  # a directory


ARGUMENT_ERRORS: list[tuple[str, str, Callable[[], object]]] = [
    ("unknown_channel", "channel", lambda: tthc.an_bien_2018().compliance(channel="website")),
    ("bad_date", "as_of", lambda: tthc.an_bien_2018().compliance(as_of="2018-02-30")),
    ("bad_date", "as_of", lambda: tthc.an_bien_2018().compliance(as_of="31/12/2018")),
    ("unknown_channel", "channel", lambda: tthc.an_bien_2018().units[0].postings("email")),
    ("unknown_unit", "unit", lambda: tthc.an_bien_2018().unit_report("99999")),
    ("unknown_channel", "channel", lambda: tthc.an_bien_2018().unit_report("908", channel="email")),
    ("unknown_unit", "unit", lambda: tthc.an_bien_2018().procedure_list(unit="99999")),
    ("unknown_field", "field", lambda: tthc.an_bien_2018().procedure_list(field="thue")),
    ("unknown_level", "level", lambda: tthc.an_bien_2018().procedure_list(level="village")),
    ("bad_value", "level", lambda: tthc.an_bien_2018().procedure_list(unit="908", level="commune")),
    ("bad_value", "status", lambda: tthc.an_bien_2018().procedure_list(status="done")),
    ("bad_date", "as_of", lambda: tthc.an_bien_2018().procedure_list(as_of="2018-13-01")),
    ("bad_value", "lang", lambda: tthc.format_percent((1, 2), lang="fr")),
    ("bad_value", "rate", lambda: tthc.format_percent((-1, 2))),
    ("bad_value", "rate", lambda: tthc.format_percent((1, 2**40))),
    ("bad_value", "rate", lambda: tthc.format_percent((1, 10**400))),
    ("bad_value", "rate", lambda: tthc.format_percent((3, 2))),
    ("bad_value", "rate", lambda: tthc.format_percent((1, 0))),  # no rate is None, not x/0
    ("bad_value", "rate", lambda: tthc.format_percent(Fraction(3, 2))),
    ("bad_value", "format", lambda: tthc.import_file("table.csv", format="pdf")),
    ("bad_value", "to", lambda: tthc.an_bien_2018().export("rdf")),
    ("bad_value", "base", lambda: tthc.an_bien_2018().export("cpsv-ap", base="example.org/")),
    ("bad_value", "lang", lambda: tthc.an_bien_2018().export("xlsx", lang="fr")),
    ("unknown_channel", "channel", lambda: tthc.an_bien_2018().export("parquet", channel="email")),
    ("bad_date", "as_of", lambda: tthc.an_bien_2018().export("hsds", as_of="2018-02-30")),
    ("unknown_channel", "channel", lambda: tthc.an_bien_2018().postings_table(channel="email")),
    ("bad_date", "as_of", lambda: tthc.an_bien_2018().postings_table(as_of="31/12/2018")),
]


@pytest.mark.parametrize("code,path,call", ARGUMENT_ERRORS)
def test_argument_error(code: str, path: str, call: Callable[[], object]) -> None:
    with pytest.raises(tthc.ArgumentError) as info:
        call()
    assert info.value.code == code
    assert info.value.path == path
    assert isinstance(info.value, ValueError)


def test_wrong_python_types_are_type_errors() -> None:
    catalog = tthc.an_bien_2018()
    with pytest.raises(TypeError):
        tthc.loads(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        catalog.compliance(as_of=20181231)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tthc.format_percent(0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tthc.format_percent(("1", 2))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tthc.format_percent((1, 2, 3))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        catalog.procedure_list(unit=908)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["missing_column", "bad_encoding", "bad_cell", "empty"])
def test_import_errors(code: str, tmp_path: Path) -> None:
    tables = {
        "missing_column": "Mã số\n1.001193\n".encode(),
        "bad_encoding": b"\xff\xfe\x00bad",
        "bad_cell": ("unit_code,unit_name,unit_level,procedure_code,procedure_name,field,channel,posted\n"
                     "30985,Xã An Biên,commune,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,one_stop_shop,maybe\n").encode(),
        "empty": b"",
    }
    path = tmp_path / "table.csv"
    path.write_bytes(tables[code])
    with pytest.raises(tthc.TableImportError) as info:
        tthc.import_file(path)
    assert info.value.code == code


def test_hierarchy() -> None:
    for cls in (tthc.FormatError, tthc.ValidationError, tthc.TableImportError, tthc.ArgumentError,
                tthc.TthcIOError):
        assert issubclass(cls, tthc.TthcError)
        assert cls.__module__ == "tthc"
    assert issubclass(tthc.TthcError, ValueError)
    assert issubclass(tthc.TthcIOError, OSError)
    assert not issubclass(tthc.TableImportError, ImportError)
    # Users can raise them too, e.g. in their own validators.
    e = tthc.TableImportError("row 3: bad", "bad_cell", 'row 3, column "Mã số"')
    assert (e.code, e.path, e.errors, str(e)) == ("bad_cell", 'row 3, column "Mã số"', [], "row 3: bad")


def test_the_classes_are_those_of_the_errors_module() -> None:
    """The compiled core raises the classes of python/tthc/_errors.py, the ones users catch."""
    import tthc._errors

    for name in tthc._errors.__all__:
        assert getattr(tthc, name) is getattr(tthc._errors, name)
    with pytest.raises(tthc._errors.ValidationError) as info:
        tthc.loads('{"tthc": 2, "fields": [], "procedures": [], "units": []}')
    assert type(info.value.errors[0]) is tthc._errors.Problem


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy, lambda e: pickle.loads(pickle.dumps(e))])
def test_errors_copy_and_pickle(copier: Callable[[Any], Any]) -> None:
    """Errors cross process boundaries (multiprocessing, concurrent.futures) intact."""
    with pytest.raises(tthc.ValidationError) as info:
        tthc.loads('{"tthc": 1, "fields": [], "procedures": [], "units": [], "x": 1}')
    e = info.value
    again = copier(e)
    assert type(again) is tthc.ValidationError
    assert (again.code, again.path, str(again)) == (e.code, e.path, str(e))
    assert [p.to_dict() for p in again.errors] == [p.to_dict() for p in e.errors]
    with pytest.raises(tthc.TthcIOError) as io:
        tthc.load("/nonexistent/tthc.json")
    io_again = copier(io.value)
    assert issubclass(type(io_again), OSError)
    assert (io_again.code, io_again.filename) == ("io", "/nonexistent/tthc.json")


def test_problem() -> None:
    p = tthc.Problem("bad_code", "/procedures/0/code", "not a code")
    assert (p.code, p.path, p.message) == ("bad_code", "/procedures/0/code", "not a code")
    assert p == tthc.Problem("bad_code", "/procedures/0/code", "not a code")
    assert p != tthc.Problem("bad_code", "/procedures/1/code", "not a code")
    assert len({p, tthc.Problem("bad_code", "/procedures/0/code", "not a code")}) == 1
    assert p.to_dict() == {"code": "bad_code", "path": "/procedures/0/code", "message": "not a code"}
    assert eval(repr(p), {"Problem": tthc.Problem}) == p


def test_a_panic_is_a_tthc_error(capfd: pytest.CaptureFixture[str]) -> None:
    """A panic in Rust reaches Python as TthcError("internal"), never as PanicException
    (a BaseException that `except Exception` would not catch)."""
    try:
        tthc._tthc._panic("boom")
    except Exception as e:  # noqa: BLE001 - the point is that Exception catches it
        assert type(e) is tthc.TthcError
        assert e.code == "internal" and "boom" in str(e)
        assert e.errors[0].code == "internal"
    else:  # pragma: no cover
        pytest.fail("no exception")
    capfd.readouterr()  # the panic message Rust printed on stderr


def test_import_file_reads_a_path(tmp_path: Path) -> None:
    """What an import gives is the import vectors' business; here, paths and options."""
    rows = [
        "ma_thu_tuc,ten_thu_tuc,so_quyet_dinh,cap_thuc_hien,loai_thu_tuc,linh_vuc",
        "1.001193,Thủ tục đăng ký khai sinh,163/QĐ-BTP,Cấp xã,TTHC được giao luật quy định chi tiết,Hộ tịch",
    ]
    path = tmp_path / "Danh sách thủ tục.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for catalog in (tthc.import_file(path), tthc.import_file(str(path), format="portal-csv", lenient=True)):
        assert [p.code for p in catalog.procedures] == ["1.001193"]
    with pytest.raises(tthc.FormatError) as info:
        tthc.import_file(path, max_bytes=10)
    assert info.value.code == "too_large"
    with pytest.raises(tthc.TthcIOError):
        tthc.import_file(tmp_path / "missing.csv")


# Every entry point that takes a str, given one with a lone surrogate (a Python str can hold one;
# it is not Unicode text): (name of the argument in the error's path, call).
LONE = "a\ud800b"
BAD_TEXT_CALLS: list[tuple[str, str, Callable[[], object]]] = [
    ("fold", "text", lambda: tthc.fold(LONE)),
    ("fold (low surrogate)", "text", lambda: tthc.fold("a\udfff")),
    ("sort_key", "text", lambda: tthc.sort_key("\udfff")),
    ("format_percent lang", "lang", lambda: tthc.format_percent((1, 2), lang=LONE)),
    ("load path", "path", lambda: tthc.load("/tmp/\ud800.json")),
    ("load PathLike", "path", lambda: tthc.load(Path("/tmp") / "\ud800.json")),
    ("import_file path", "path", lambda: tthc.import_file("/tmp/\ud800.csv")),
    ("import_file second", "second", lambda: tthc.import_file("/tmp/x.xlsx", "/tmp/\ud800.csv")),
    ("import_file format", "format", lambda: tthc.import_file("/tmp/x.csv", format=LONE)),
    ("Catalog.procedure", "code", lambda: tthc.an_bien_2018().procedure(LONE)),
    ("Catalog.unit", "code", lambda: tthc.an_bien_2018().unit(LONE)),
    ("Catalog.field", "code", lambda: tthc.an_bien_2018().field(LONE)),
    ("Catalog.search", "query", lambda: tthc.an_bien_2018().search("\ud800")),
    ("Catalog.compliance channel", "channel", lambda: tthc.an_bien_2018().compliance(channel="\ud800")),
    ("Catalog.compliance as_of", "as_of", lambda: tthc.an_bien_2018().compliance(as_of="2018\ud800")),
    ("Catalog.unit_report code", "unit", lambda: tthc.an_bien_2018().unit_report(LONE)),
    ("Catalog.unit_report channel", "channel", lambda: tthc.an_bien_2018().unit_report("908", channel=LONE)),
    ("Catalog.unit_report as_of", "as_of", lambda: tthc.an_bien_2018().unit_report("908", as_of=LONE)),
    ("procedure_list unit", "unit", lambda: tthc.an_bien_2018().procedure_list(unit=LONE)),
    ("procedure_list level", "level", lambda: tthc.an_bien_2018().procedure_list(level=LONE)),
    ("procedure_list field", "field", lambda: tthc.an_bien_2018().procedure_list(field=LONE)),
    ("procedure_list status", "status", lambda: tthc.an_bien_2018().procedure_list(status=LONE)),
    ("procedure_list channel", "channel", lambda: tthc.an_bien_2018().procedure_list(channel=LONE)),
    ("procedure_list as_of", "as_of", lambda: tthc.an_bien_2018().procedure_list(as_of=LONE)),
    ("Unit.postings", "channel", lambda: tthc.an_bien_2018().units[0].postings(LONE)),
    ("Report.unit", "code", lambda: tthc.an_bien_2018().compliance().unit(LONE)),
    ("Catalog.export to", "to", lambda: tthc.an_bien_2018().export(LONE)),
    ("Catalog.export path", "path", lambda: tthc.an_bien_2018().export("csv", "/tmp/\ud800.csv")),
    ("Catalog.export base", "base", lambda: tthc.an_bien_2018().export("cpsv-ap", base=LONE)),
    ("Catalog.export channel", "channel", lambda: tthc.an_bien_2018().export("csv", channel=LONE)),
    ("Catalog.export as_of", "as_of", lambda: tthc.an_bien_2018().export("csv", as_of=LONE)),
    ("Catalog.export lang", "lang", lambda: tthc.an_bien_2018().export("xlsx", lang=LONE)),
    ("Catalog.postings_table channel", "channel", lambda: tthc.an_bien_2018().postings_table(channel=LONE)),
    ("_time_compliance", "channel", lambda: tthc._tthc._time_compliance(tthc.an_bien_2018(), 1, LONE)),
    ("_panic", "message", lambda: tthc._tthc._panic(LONE)),
]


@pytest.mark.parametrize("name,path,call", BAD_TEXT_CALLS, ids=[c[0] for c in BAD_TEXT_CALLS])
def test_a_lone_surrogate_is_bad_text(name: str, path: str, call: Callable[[], object]) -> None:
    """A str argument with a lone surrogate is the argument error "bad_text" at the argument's
    name (never UnicodeEncodeError, never a replaced character), from every entry point."""
    with pytest.raises(tthc.ArgumentError) as info:
        call()
    e = info.value
    assert (e.code, e.path) == ("bad_text", path), name
    assert [(p.code, p.path) for p in e.errors] == [("bad_text", path)]
    assert "lone surrogate" in str(e) and "U+D" in str(e)


def test_bad_text_names_the_surrogate_and_its_index() -> None:
    with pytest.raises(tthc.ArgumentError) as info:
        tthc.fold("Hà Nội \udc80 x \ud800")
    assert "U+DC80 at index 7" in str(info.value)
    # A surrogate pair written as two code points is still two lone surrogates in Python.
    with pytest.raises(tthc.ArgumentError):
        tthc.sort_key("\ud83d\ude00")
    assert tthc.fold("\U0001f600") == "\U0001f600"


def test_a_document_with_a_lone_surrogate_is_a_syntax_error() -> None:
    """Document text (loads) is read as the bytes it stands for: a lone surrogate is where the
    text stops being UTF-8, a FormatError at its line and column (columns count UTF-8 bytes)."""
    with pytest.raises(tthc.FormatError) as info:
        tthc.loads('{"tthc": 1, "title": "\ud800"}')
    assert (info.value.code, info.value.path) == ("syntax", "line 1, column 23")


def test_a_file_name_that_is_not_utf8_is_a_path() -> None:
    """os.fsencode's surrogate escapes (\\udc80-\\udcff) stand for the bytes of a file name that
    is not UTF-8: such a path is read (here: it does not exist), not refused."""
    with pytest.raises(tthc.TthcIOError):
        tthc.load("/nonexistent/\udcff.json")
