"""The machine-readable contract of docs/schema/ (JSON Schema, Draft 2020-12) against the
conformance vectors, as crates/tthc/tests/schema.rs checks it in Rust:

- every schema is a valid Draft 2020-12 schema, and they resolve each other's ``$ref``s from a
  local registry (no network);
- every vector of tests/conformance validates against vector.schema.json, its expectation
  against the schema of its operation, and the input of a vector expected to succeed against
  catalogue.schema.json (formats checked: ``date`` is a real day);
- the input of an error vector with a structural error is refused by the catalogue schema too;
- the error codes of validate.schema.json are those of docs/format.md;
- the generated types (docs/schema/gen_types.py) are current.

It does not import the extension module ``tthc``, so it runs without a build; it needs the
``jsonschema`` package and fails (does not skip) without it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped, unused-ignore]
import referencing
import referencing.jsonschema

from conftest import ROOT, conformance_files

SCHEMA_DIR = ROOT / "docs" / "schema"
BASE = "https://example.invalid/tthc/schema/"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
OPERATIONS = [
    "report",
    "unit_report",
    "procedure_list",
    "search",
    "fold",
    "sort",
    "format_percent",
    "validate",
    "import",
    "diff",
    "check",
]
READS_DOCUMENT = {"report", "unit_report", "procedure_list", "search", "validate"}
# The schema of each operation's `expect` (fold, sort and format_percent give plain strings,
# which vector.schema.json checks).
OUTPUT_SCHEMA = {
    "report": "report.schema.json",
    "unit_report": "report.schema.json#/$defs/unit",
    "procedure_list": "listing.schema.json",
    "search": "search.schema.json",
    "validate": "validate.schema.json",
    "import": "catalogue.schema.json",
    "diff": "diff.schema.json",
    "check": "check.schema.json",
}
# Codes of errors in a document's structure, which the catalogue schema sees too.
STRUCTURAL = {
    "unsupported_version",
    "unknown_key",
    "missing_key",
    "wrong_type",
    "unknown_channel",
    "unknown_level",
    "bad_code",
    "bad_date",
    "bad_value",
}
FILES = conformance_files()


def load_schemas() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(schema, dict), path
        out[path.name] = schema
    return out


SCHEMAS = load_schemas()
REGISTRY: referencing.Registry[Any] = referencing.Registry().with_resources(
    (BASE + name, referencing.Resource.from_contents(schema, default_specification=referencing.jsonschema.DRAFT202012))
    for name, schema in SCHEMAS.items()
)


def validator(name: str) -> Any:
    """A validator for `name` (a file, optionally with a fragment), with formats checked."""
    return Draft202012Validator({"$ref": BASE + name}, registry=REGISTRY, format_checker=FormatChecker())


VALIDATORS = {name: validator(name) for name in [*SCHEMAS, "report.schema.json#/$defs/unit"]}


def problems(name: str, instance: Any) -> list[str]:
    out = []
    for e in VALIDATORS[name].iter_errors(instance):
        message = str(e.message)
        short = message[:300] + (" …" if len(message) > 300 else "")
        out.append(f"{name} at `{e.json_path}`: {short}")
    return out


def pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def operation(vector: dict[str, Any]) -> str:
    op = vector.get("operation", "report")
    assert isinstance(op, str)
    return op


def load(path: Path) -> dict[str, Any]:
    vector = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(vector, dict), path
    return vector


def test_required_schemas_present() -> None:
    for name in [
        "catalogue.schema.json",
        "report.schema.json",
        "validate.schema.json",
        "listing.schema.json",
        "search.schema.json",
        "errors.schema.json",
        "vector.schema.json",
    ]:
        assert name in SCHEMAS, f"docs/schema/{name} is missing"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema.get("$schema") == DRAFT
    assert schema.get("$id") == BASE + name
    Draft202012Validator.check_schema(schema)
    # Every `$ref` resolves locally: validating anything walks no unknown reference.
    resolver = REGISTRY.resolver()
    for ref in refs(schema):
        target = ref if ref.startswith(("http:", "https:")) else BASE + (ref if not ref.startswith("#") else name + ref)
        resolver.lookup(target)


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def test_vectors_present() -> None:
    assert FILES, "no conformance vectors"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector_matches_the_schemas(path: Path) -> None:
    vector = load(path)
    op = operation(vector)
    found = problems("vector.schema.json", vector)
    if op not in OPERATIONS:
        found.append(f"unknown operation `{op}`")
    if "expect_errors" in vector:
        found += problems("errors.schema.json", vector["expect_errors"])
    if "expect" in vector:
        expect = vector["expect"]
        if op in OUTPUT_SCHEMA:
            if expect is None:
                found.append("`expect` is null: bless the vector and review it")
            else:
                found += problems(OUTPUT_SCHEMA[op], expect)
        valid_input = op in {"report", "unit_report", "procedure_list", "search", "diff", "check"} or (
            op == "validate" and isinstance(expect, dict) and expect.get("errors") == []
        )
        if valid_input and "input" in vector:
            found += problems("catalogue.schema.json", vector["input"])
        if op == "diff" and "new" in vector.get("options", {}):
            found += problems("catalogue.schema.json", vector["options"]["new"])
    assert not found, "\n".join(found)


def related(schema: str, library: str) -> bool:
    """A schema error at `schema` points at the library's error at `library`: the same value, a
    value inside it, or the object holding it (where an unknown key is reported)."""
    if schema == library or schema.startswith(library + "/"):
        return True
    rest = library[len(schema) :] if library.startswith(schema + "/") else ""
    return rest.count("/") == 1


def expected_errors(vector: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors expected of the operation, or listed by an expected `validate` output."""
    if "expect_errors" in vector:
        errors = vector["expect_errors"]
    elif operation(vector) == "validate" and isinstance(vector.get("expect"), dict):
        errors = vector["expect"].get("errors", [])
    else:
        errors = []
    return [e for e in errors if isinstance(e, dict)]


STRUCTURAL_VECTORS = [
    p
    for p in FILES
    if "input" in (v := load(p))
    and operation(v) in READS_DOCUMENT
    and any(e.get("code") in STRUCTURAL and str(e.get("path", "")).startswith("/") for e in expected_errors(v))
]


def test_some_vectors_have_structural_errors() -> None:
    assert STRUCTURAL_VECTORS


@pytest.mark.parametrize("path", STRUCTURAL_VECTORS, ids=[p.stem for p in STRUCTURAL_VECTORS])
def test_catalogue_schema_refuses_structural_errors(path: Path) -> None:
    vector = load(path)
    seen = [pointer(e.absolute_path) for e in VALIDATORS["catalogue.schema.json"].iter_errors(vector["input"])]
    for e in expected_errors(vector):
        code, where = e["code"], e["path"]
        # A `checked` day before the posting's `on` compares two dates, which JSON Schema
        # cannot; the Rust schema test leaves it out too.
        if code == "bad_date" and where.endswith("/checked"):
            continue
        if code in STRUCTURAL and where.startswith("/"):
            assert any(related(p, where) for p in seen), (
                f"the library reports `{code}` at `{where}`, the catalogue schema accepts it (schema errors at {seen})"
            )


def backticked(text: str) -> set[str]:
    """The backticked words of `text`, parenthesised remarks left out."""
    plain = re.sub(r"\([^()]*\)", "", text)
    return set(re.findall(r"`([^`]+)`", plain))


def test_validate_schema_codes_are_format_md_codes() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    listed = text[text.index("Codes include at least:") :]
    codes = backticked(listed[: listed.index(".")])
    bullet = text[text.index("- **Extra codes**") :]
    lines = bullet.splitlines()
    end = next((i for i, l in enumerate(lines[1:], 1) if not l.strip() or l.startswith("- ")), len(lines))
    codes |= backticked("\n".join(lines[:end]))
    enum = set(SCHEMAS["validate.schema.json"]["$defs"]["code"]["enum"])
    assert codes == enum, f"only in format.md: {sorted(codes - enum)}; only in the schema: {sorted(enum - codes)}"


def test_vector_schema_operations_are_the_readme_table() -> None:
    ops = SCHEMAS["vector.schema.json"]["$defs"]["operation"]["enum"]
    assert ops == OPERATIONS
    readme = (ROOT / "tests" / "conformance" / "README.md").read_text(encoding="utf-8")
    table = {m.group(1) for m in re.finditer(r"^\| `([a-z_]+)` \|", readme, re.M)}
    assert table == set(OPERATIONS)


def test_schemas_refuse_what_the_reader_refuses() -> None:
    doc: dict[str, Any] = {
        "tthc": 1,
        "fields": [{"code": "ho-tich", "name": "Hộ tịch"}],
        "procedures": [{"code": "1.001193", "name": "Khai sinh", "field": "ho-tich", "levels": ["commune"]}],
        "units": [{"code": "30985", "name": "Xã An Biên", "level": "commune"}],
    }
    assert not problems("catalogue.schema.json", doc)
    bad_day = json.loads(json.dumps(doc))
    bad_day["procedures"][0]["effective"] = "2025-02-30"  # the pattern fits, the format does not
    assert problems("catalogue.schema.json", bad_day)
    applies_null = json.loads(json.dumps(doc))
    applies_null["units"][0]["applies"] = None  # optional: null is absent, as for the reader
    assert not problems("catalogue.schema.json", applies_null)
    units_null = json.loads(json.dumps(doc))
    units_null["units"] = None  # required: null is wrong_type, as for the reader
    assert problems("catalogue.schema.json", units_null)
    report = {"tthc_report": 1, "as_of": "2024-12-31", "channel": "portal", "units": [], "groups": [], "warnings": []}
    assert not problems("report.schema.json", report)
    assert problems("report.schema.json", {**report, "extra": 1})
    assert problems("report.schema.json", {**report, "channel": "website"})
    warning = {"code": "report_superseded", "unit": "908", "procedure": "1.001193"}
    assert problems("report.schema.json", {**report, "warnings": [warning]})


def test_generated_types_are_current() -> None:
    check = subprocess.run(
        [sys.executable, str(SCHEMA_DIR / "gen_types.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
