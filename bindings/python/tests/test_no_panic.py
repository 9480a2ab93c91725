"""No input makes tthc panic: random text, random bytes and mutated valid documents give a
Catalog or a TthcError, never PanicException (which escapes ``except Exception``), never any
other exception, never the ``internal`` code a caught panic would carry."""

from __future__ import annotations

import copy
import datetime
import json
import os
from typing import Any, Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tthc
from conftest import conformance_files, sample_document

EXAMPLES = int(os.environ.get("TTHC_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def seeds() -> list[Any]:
    out: list[Any] = [sample_document(), json.loads(tthc.an_bien_2018().to_json())]
    for path in conformance_files():
        vector = json.loads(path.read_text(encoding="utf-8"))
        if "input" in vector:
            out.append(vector["input"])
    return out


SEEDS = seeds()
SEED_TEXTS = [json.dumps(s, ensure_ascii=False).encode("utf-8") for s in SEEDS[:8]]


class Pairs(list):  # type: ignore[type-arg]
    """An object written with its (key, value) pairs as given, duplicates included."""


def dump(node: Any) -> str:
    if isinstance(node, Pairs):
        return "{" + ",".join(f"{json.dumps(k)}:{dump(v)}" for k, v in node) + "}"
    if isinstance(node, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{dump(v)}" for k, v in node.items()) + "}"
    if isinstance(node, list):
        return "[" + ",".join(dump(v) for v in node) + "]"
    return json.dumps(node, ensure_ascii=False)


def containers(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, (dict, list)) and not isinstance(node, Pairs):
        yield path
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            yield from containers(v, path + (k,))


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for k in path:
        node = node[k]
    return node


SCALARS = st.sampled_from([
    "1.001193", "1.000894", "2.000528", "1.00119", "1.001193.", "1.001612.000.00.00.H01", "",
    "2025-02-29", "2025-07-01", "2018-12-31", "0000-01-01", "9999-12-31", "31/12/2018",
    "commune", "district", "province", "central", "other", "village",
    "one_stop_shop", "portal", "national", "website", "full", "partial", "none",
    "self", "each_commune", "91", "908", "30985", "ho-tich", "Hộ tịch",
    0, 1, -1, 261, 2**31, 2**32, 2**64, 10**30, 1.5, -0.0, 1e308, True, False, None,
])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)
VALUES = SCALARS | JSON | st.sampled_from([[], {}, ["commune"], {"procedure": "1.001193", "on": "2025-01-01"},
                                            {"add": ["1.001193"], "remove": []}])
KEYS = st.sampled_from(["tthc", "code", "name", "field", "levels", "parent", "published", "applies",
                        "reports", "unit", "scope", "channel", "procedures", "fields", "units",
                        "as_of", "on", "procedure", "add", "remove", "successors", "valid_to"]) | st.text(max_size=6)


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    doc = copy.deepcopy(draw(st.sampled_from(SEEDS)))

    def value() -> Any:
        # sampled_from gives the same object each time: copy before it can be mutated.
        return copy.deepcopy(draw(VALUES))

    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(list(containers(doc))))
        node = at(doc, path)
        op = draw(st.sampled_from(["delete", "replace", "duplicate", "insert"]))
        if isinstance(node, dict):
            if node and op in ("delete", "replace", "duplicate"):
                key = draw(st.sampled_from(sorted(node)))
                if op == "delete":
                    del node[key]
                elif op == "replace":
                    node[key] = value()
                else:
                    pairs = Pairs(node.items())
                    pairs.append((key, draw(st.sampled_from([copy.deepcopy(node[key]), value()]))))
                    if path:
                        at(doc, path[:-1])[path[-1]] = pairs
                    else:
                        return dump(pairs)
            else:
                node[draw(KEYS)] = value()
        elif isinstance(node, list):
            if node and op in ("delete", "replace", "duplicate"):
                i = draw(st.integers(0, len(node) - 1))
                if op == "delete":
                    del node[i]
                elif op == "replace":
                    node[i] = value()
                else:
                    node.insert(i, copy.deepcopy(node[i]))
            else:
                node.insert(draw(st.integers(0, len(node))), value())
        if not isinstance(doc, dict):
            break
    return dump(doc)


CHANNELS = st.sampled_from(["one_stop_shop", "portal", "national", "website"])
AS_OF = st.none() | st.dates(min_value=datetime.date(1, 1, 1)) | st.sampled_from(
    ["2018-12-31", "2025-07-01", "2025-02-29", "x"])


def exercise(text: str | bytes, channel: str = "one_stop_shop", as_of: Any = None) -> None:
    """Load and use everything; only TthcError may come out."""
    try:
        catalog = tthc.loads(text)
    except tthc.TthcError as e:
        check(e)
        return
    for view in (*catalog.fields, *catalog.procedures, *catalog.units):
        repr(view)
    for unit in catalog.units:
        unit.postings(), unit.valid_from, unit.valid_to, unit.applies_add
    for procedure in catalog.procedures:
        procedure.levels, procedure.effective, procedure.amended, procedure.abolished
    try:
        report = catalog.compliance(channel=channel, as_of=as_of)
    except tthc.TthcError as e:
        check(e)
        assert isinstance(e, tthc.ArgumentError)
        return
    report.to_dict()
    report.to_columns()
    for u in report.units:
        u.rate, u.by_field, u.missing, tthc.format_percent(u.rate), tthc.format_percent(u.rate_pair)
        assert catalog.unit_report(u.code, channel, as_of).to_dict() == {**u.to_dict(), "rank": None}
        catalog.procedure_list(unit=u.code, channel=channel, as_of=as_of)
    for g in report.groups:
        g.rate, g.mean_percent, repr(g)
    for level in ("commune", "province", None):
        catalog.procedure_list(level=level, as_of=as_of)
    for procedure in catalog.procedures[:3]:
        catalog.search(procedure.name, limit=3)
    again = tthc.loads(catalog.to_json())
    assert again.to_json() == catalog.to_json()


def check(e: tthc.TthcError) -> None:
    assert e.code != "internal", f"tthc panicked: {e}"
    assert e.errors and all(p.code and p.message for p in e.errors)
    assert e.code == e.errors[0].code and e.path == e.errors[0].path


@SETTINGS
@given(st.text())
def test_random_text(text: str) -> None:
    exercise(text)


@SETTINGS
@given(st.binary())
def test_random_bytes(data: bytes) -> None:
    exercise(data)


@SETTINGS
@given(mutated_documents(), CHANNELS, AS_OF)
def test_mutated_documents(text: str, channel: str, as_of: Any) -> None:
    exercise(text, channel, as_of)


@SETTINGS
@given(st.sampled_from(SEED_TEXTS), st.data())
def test_damaged_bytes(text: bytes, data: st.DataObject) -> None:
    """Valid documents with bytes cut, flipped or inserted at random places."""
    buf = bytearray(text)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(buf)))
        op = data.draw(st.sampled_from(["cut", "flip", "insert"]))
        if op == "cut":
            del buf[i:]
        elif op == "flip" and i < len(buf):
            buf[i] ^= data.draw(st.integers(1, 255))
        else:
            buf[i:i] = data.draw(st.binary(min_size=1, max_size=4))
    exercise(bytes(buf))


@SETTINGS
@given(st.text(), st.text(max_size=4))
def test_text_functions(text: str, lang: str) -> None:
    assert isinstance(tthc.fold(text), str)
    assert isinstance(tthc.sort_key(text), bytes)
    try:
        tthc.format_percent((1, 3), lang=lang)
    except tthc.ArgumentError as e:
        check(e)


@SETTINGS
@given(st.tuples(st.integers(), st.integers()) | st.fractions() | st.none())
def test_format_percent_any_rate(rate: Any) -> None:
    try:
        text = tthc.format_percent(rate)
    except tthc.ArgumentError as e:
        check(e)
    else:
        assert text == "—" or text.endswith("%")
