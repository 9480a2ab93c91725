"""CPSV-AP 3.2.0 and HSDS 3.0 exports checked by the standards' own validators (pyshacl with the
official SHACL shapes; jsonschema with the official compiled schema and a FormatChecker), and by
counting what the graph holds, so that a JSON-LD context that failed to load (an empty graph,
which "conforms") cannot pass."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest
import rdflib
from jsonschema import Draft202012Validator, FormatChecker
from pyshacl import validate
from rdflib.namespace import RDF

from conftest import conformance_inputs, load, standard, tthc

CPSV = rdflib.Namespace("http://purl.org/vocab/cpsv#")
CV = rdflib.Namespace("http://data.europa.eu/m8g/")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tthc:")

NAMES = ["an-bien-2018", "portal-2026"] + [f"conformance-{f.stem}" for f in conformance_inputs()]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(standard("cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl"), format="turtle")
    return g


@pytest.fixture(scope="module")
def service_validator() -> Draft202012Validator:
    schema = json.loads(standard("hsds-3.0/schema/compiled/service.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def violations(data: rdflib.Graph, shapes: rdflib.Graph) -> list[str]:
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    found = [
        str(results.value(r, SH.resultMessage))
        for r in results.subjects(RDF.type, SH.ValidationResult)
        if results.value(r, SH.resultSeverity) == SH.Violation
    ]
    assert conforms == (not found), text
    return found


def graph_of(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="json-ld")


def cpsv_export(catalogue: Path, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "services.jsonld"
    tthc("export", catalogue, "--to", "cpsv-ap", "-o", out, *extra)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_cpsv_ap_conforms_with_one_public_service_per_procedure(
    name: str, catalogues: dict[str, Path], shapes: rdflib.Graph, tmp_path: Path
) -> None:
    doc = load(catalogues[name])
    text = cpsv_export(catalogues[name], tmp_path)
    assert "@context" in json.loads(text) and "http" not in str(json.loads(text)["@context"].get("@import", ""))
    g = graph_of(text)
    assert violations(g, shapes) == []
    services = set(g.subjects(RDF.type, CPSV.PublicService))
    assert len(services) == len(doc["procedures"])
    codes = {str(g.value(s, DCT.identifier)) for s in services}
    assert codes == {p["code"] for p in doc["procedures"]}
    for s in services:
        assert len(list(g.objects(s, DCT.title))) == 1
        (description,) = g.objects(s, DCT.description)
        assert description.language == "vi" and str(description).strip()
        assert list(g.objects(s, CV.hasCompetentAuthority))
    organisations = set(g.subjects(RDF.type, CV.PublicOrganisation))
    levels = {lvl for p in doc["procedures"] for lvl in p["levels"]}
    # One People's Committee per unit, one authority per level of the procedures.
    assert len(organisations) == len(doc["units"]) + len(levels)
    assert len(g) > 0


def test_cpsv_ap_of_the_embedded_dataset_is_the_default(catalogues: dict[str, Path], tmp_path: Path) -> None:
    embedded = tthc("export", "--to", "cpsv-ap").stdout
    assert embedded == cpsv_export(catalogues["an-bien-2018"], tmp_path)


def test_cpsv_ap_base_iri(catalogues: dict[str, Path], shapes: rdflib.Graph, tmp_path: Path) -> None:
    text = cpsv_export(catalogues["portal-2026"], tmp_path, "--base", "https://example.gov.vn/tthc/")
    g = graph_of(text)
    assert rdflib.URIRef("https://example.gov.vn/tthc/procedure/1.001193") in set(g.subjects(RDF.type, CPSV.PublicService))
    bad = tthc("export", catalogues["portal-2026"], "--to", "cpsv-ap", "--base", "no scheme", check=False)
    assert bad.returncode == 2 and "base" in bad.stderr


def test_the_checks_catch_a_broken_export(catalogues: dict[str, Path], shapes: rdflib.Graph, tmp_path: Path) -> None:
    """Controls: the shapes find a service without a title, and an export whose context does not
    load (an empty graph, which conforms) fails the count of services."""
    data = json.loads(cpsv_export(catalogues["portal-2026"], tmp_path))
    broken = copy.deepcopy(data)
    service = next(n for n in broken["@graph"] if n.get("@type") == "cpsv:PublicService")
    del service["dct:title"]
    assert violations(graph_of(json.dumps(broken)), shapes)
    no_context = {"@graph": data["@graph"]}
    g = graph_of(json.dumps(no_context))
    assert violations(g, shapes) == []  # "conforms" …
    assert len(set(g.subjects(RDF.type, CPSV.PublicService))) == 0  # … but holds no service


def hsds_export(catalogue: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "services.json"
    tthc("export", catalogue, "--to", "hsds", "-o", out)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_hsds_services_are_valid(
    name: str, catalogues: dict[str, Path], service_validator: Draft202012Validator, tmp_path: Path
) -> None:
    doc = load(catalogues[name])
    services = hsds_export(catalogues[name], tmp_path)
    assert isinstance(services, list) and len(services) == len(doc["procedures"])
    for s in services:
        errors = [e.message for e in service_validator.iter_errors(s)]
        assert errors == [], (s["name"], errors)
    for s, p in zip(services, doc["procedures"]):
        assert s["id"] == str(uuid.uuid5(HSDS_NAMESPACE, p["code"]))
        assert s["name"] == p["name"]
        assert s["status"] in ("active", "defunct", "inactive")
        assert s["organization"]["id"] == s["organization_id"]
        assert [lang["code"] for lang in s["languages"]] == ["vi"]
    ids = [x["id"] for s in services for x in [s, *s.get("service_areas", []), *s["languages"]]]
    assert len(ids) == len(set(ids)), "ids are unique"
    if doc["units"] and doc["procedures"]:
        assert any(s.get("service_areas") for s in services)


def test_hsds_status_and_areas_follow_the_day(catalogues: dict[str, Path], tmp_path: Path) -> None:
    name = "conformance-report-abolished"
    doc = load(catalogues[name])
    services = {s["name"]: s for s in hsds_export(catalogues[name], tmp_path)}
    abolished = [p for p in doc["procedures"] if p.get("abolished") and p["abolished"] <= doc["as_of"]]
    assert abolished
    for p in abolished:
        assert services[p["name"]]["status"] == "defunct"
        assert "service_areas" not in services[p["name"]]


def test_the_format_checker_checks_ids(catalogues: dict[str, Path], service_validator: Draft202012Validator, tmp_path: Path) -> None:
    service = hsds_export(catalogues["portal-2026"], tmp_path)[0]
    assert not list(service_validator.iter_errors(service))
    service["id"] = "1.001193"
    assert list(service_validator.iter_errors(service))
