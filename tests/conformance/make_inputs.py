#!/usr/bin/env python3
"""Writes the inputs of the conformance vectors (tests/conformance/*.json).

Each vector is `{ "description", "input" | "input_text", "options"?, "expect" | "expect_errors" }`.
This script writes description, input and options; `expect` / `expect_errors` are filled by
`TTHC_BLESS=1 cargo test -p tthc --test conformance` and then READ BY A PERSON before committing:
each description states the figures the expectation must show.
Run: python3 tests/conformance/make_inputs.py (keeps existing expectations of unchanged inputs).
"""
import json, os, pathlib

HERE = pathlib.Path(__file__).parent
F = [{"code": "ho-tich", "name": "Hộ tịch", "name_en": "Civil status"},
     {"code": "chung-thuc", "name": "Chứng thực"},
     {"code": "dat-dai", "name": "Đất đai"}]

def proc(code, field="ho-tich", levels=("commune",), **kw):
    p = {"code": code, "name": f"Thủ tục {code}", "field": field, "levels": list(levels)}
    p.update(kw)
    return p

def codes(n, start=1000):
    return [f"1.{start + i:06d}" for i in range(n)]

def doc(procedures, units, as_of="2024-12-31", fields=F, **kw):
    d = {"tthc": 1, "as_of": as_of, "fields": fields, "procedures": procedures, "units": units}
    d.update(kw)
    return d

def commune(code, posted=None, parent=None, name=None, **kw):
    u = {"code": code, "name": name or f"Xã {code}", "level": "commune"}
    if parent: u["parent"] = parent
    if posted is not None: u["published"] = {"one_stop_shop": posted}
    u.update(kw)
    return u

V = {}

an_bien = json.load(open(HERE / "../../crates/tthc/data/an-bien-2018.json"))
V["an-bien-2018"] = ("The embedded An Biên 2018 dataset: district 908 reported 261/261 (100.0 %), 39 fields, rank 1; its 9 communes about 108 procedures in about 28 fields each (approximate, no rate); the commune group under 908 has 9 units, published_per_unit [108,108], totals null.", {"input": an_bien})

cs = codes(4)
V["basic-rate"] = ("One commune, 4 applicable procedures, 3 posted: 3/4 = 75.0 %, missing lists the fourth.",
    {"input": doc([proc(c) for c in cs], [commune("00001", cs[:3])])})

cs = codes(77)
V["rounding-72-of-77"] = ("72 of 77 posted: 93.506… rounds to 93.5.",
    {"input": doc([proc(c) for c in cs], [commune("00001", cs[:72])])})

cs = codes(16)
V["rounding-half-up-5-of-16"] = ("5 of 16 = 31.25 % rounds half away from zero to 31.3.",
    {"input": doc([proc(c) for c in cs], [commune("00001", cs[:5])])})

cs = codes(3)
V["rounding-2-of-3"] = ("2 of 3 = 66.666… rounds to 66.7; 1 of 3 (second commune) to 33.3.",
    {"input": doc([proc(c) for c in cs], [commune("00001", cs[:2]), commune("00002", cs[:1])])})

V["abolished"] = ("as_of 2024-12-31. A abolished 2024-06-01 and B abolished on 2024-12-31 (the as_of day) do not apply; C abolished 2025-01-01 still applies; D has abolished null. Applicable C, D; A posted → posted_not_applicable.",
    {"input": doc([proc("1.000001", abolished="2024-06-01"), proc("1.000002", abolished="2024-12-31"),
                   proc("1.000003", abolished="2025-01-01"), proc("1.000004", abolished=None)],
                  [commune("00001", ["1.000001", "1.000003"])])})

V["not-yet-effective"] = ("as_of 2024-12-31. A effective 2025-01-01 does not apply yet; B effective on 2024-12-31 applies; C has no effective date and applies. 1 of 2 published (B), C missing.",
    {"input": doc([proc("1.000001", effective="2025-01-01"), proc("1.000002", effective="2024-12-31"), proc("1.000003")],
                  [commune("00001", ["1.000002"])])})

V["amended-outdated"] = ("Procedures amended 2024-07-01. A posted 2024-03-01 (before) is outdated; B posted 2024-07-01 (the day) counts; C posted with no date counts; D amended 2025-02-01 (after as_of) posted 2024-03-01 counts. Published 3 of 4, outdated 1 (A), missing none.",
    {"input": doc([proc("1.000001", amended="2024-07-01"), proc("1.000002", amended="2024-07-01"),
                   proc("1.000003", amended="2024-07-01"), proc("1.000004", amended="2025-02-01")],
                  [commune("00001", [{"procedure": "1.000001", "on": "2024-03-01"},
                                     {"procedure": "1.000002", "on": "2024-07-01"}, "1.000003",
                                     {"procedure": "1.000004", "on": "2024-03-01"}])])})

V["applies-add-remove"] = ("A coastal commune: applies.add brings the district-level fisheries procedure 2.000528 in; applies.remove takes 1.000002 out. Applicable 1.000001, 1.000003, 2.000528 (3); posted 1.000001 and 2.000528 and the removed 1.000002 (posted_not_applicable). 2/3 = 66.7 %.",
    {"input": doc([proc("1.000001"), proc("1.000002"), proc("1.000003"), proc("2.000528", field="dat-dai", levels=["district"])],
                  [commune("00001", ["1.000001", "2.000528", "1.000002"], applies={"add": ["2.000528"], "remove": ["1.000002"]})])})

V["posted-unknown"] = ("A posting of 1.999999, which the document does not define, is not counted: warning posted_unknown. 1/2 = 50.0 %.",
    {"input": doc([proc("1.000001"), proc("1.000002")], [commune("00001", ["1.000001", "1.999999"])])})

V["posted-not-applicable"] = ("A commune posts a province-only procedure: warning posted_not_applicable, not counted. 1/1 = 100.0 %.",
    {"input": doc([proc("1.000001"), proc("1.000002", levels=["province"])], [commune("00001", ["1.000001", "1.000002"])])})

V["posted-twice"] = ("A procedure posted twice on one channel counts once (warning posted_twice). 1/2 = 50.0 %.",
    {"input": doc([proc("1.000001"), proc("1.000002")], [commune("00001", ["1.000001", "1.000001"])])})

V["posted-after-as-of"] = ("A posting dated 2025-03-01, after as_of 2024-12-31, had not happened yet: warning posted_after_as_of, counted as missing. 1/2.",
    {"input": doc([proc("1.000001"), proc("1.000002")], [commune("00001", ["1.000001", {"procedure": "1.000002", "on": "2025-03-01"}])])})

V["nothing-applicable"] = ("Only province procedures exist: the commune has 0 applicable, rate null, percent null, rank null (never 0 % or 100 %); the province 1/1 ranks 1.",
    {"input": doc([proc("1.000001", levels=["province"])],
                  [{"code": "91", "name": "Tỉnh Mẫu", "level": "province", "published": {"one_stop_shop": ["1.000001"]}},
                   commune("00001", [], parent="91")])})

cs = codes(4)
V["ranking-ties"] = ("Four communes at 3/4, 1/2, 2/4 and 1/4, and a fifth with no posting data (0/4): ranks 1, 2, 2, 4, 5 (equal fractions share a rank, the next skips).",
    {"input": doc([proc(c) for c in cs], [commune("00001", cs[:3]), commune("00002", cs[:2]), commune("00003", cs[2:]),
                                          commune("00004", cs[:1]), commune("00005")])})

cs = codes(8)
V["groups"] = ("District 800 with three communes: 8/8, 4/8, 1/8 → pooled 13/24 = 54.2 %, min 12.5, max 100.0, mean (1 + 1/2 + 1/8)/3 = 54.166… → 54.2; published per unit [1, 8].",
    {"input": doc([proc(c, levels=["district", "commune"]) for c in cs],
                  [{"code": "800", "name": "Huyện Mẫu", "level": "district", "published": {"one_stop_shop": cs}},
                   commune("08001", cs, parent="800"), commune("08002", cs[:4], parent="800"), commune("08003", cs[:1], parent="800")])})

cs = codes(8)
V["group-mean-exact"] = ("Mean of unit rates is exact: 1/2 and 1/8 average to 5/16 = 31.25 → 31.3 (the pooled rate 5/16 too); the third commune has nothing applicable and is left out of the mean.",
    {"input": doc([proc(c) for c in cs[:2]] + [proc(c, levels=["commune"]) for c in cs[2:]],
                  [{"code": "800", "name": "Huyện Mẫu", "level": "district"},
                   commune("08001", cs[:4], parent="800"), commune("08002", cs[:1], parent="800"),
                   commune("08003", [], parent="800", applies={"remove": cs})])})

cs = codes(4)
V["channel-portal"] = ("options.channel portal: the portal list counts (2/4 = 50.0 %), the one-stop list (4/4) does not.",
    {"input": doc([proc(c) for c in cs], [{"code": "00001", "name": "Xã Một", "level": "commune", "published": {"one_stop_shop": cs, "portal": cs[:2]}}]),
     "options": {"channel": "portal"}})

V["as-of-option"] = ("options.as_of 2023-12-31 overrides the document's 2024-12-31: 1.000002, effective 2024-01-01, does not apply yet; 1/1 = 100.0 %.",
    {"input": doc([proc("1.000001"), proc("1.000002", effective="2024-01-01")], [commune("00001", ["1.000001"])]),
     "options": {"as_of": "2023-12-31"}})

V["by-field"] = ("Per-field figures: Hộ tịch 2/3, Chứng thực 1/1, Đất đai 0/1 → fields 3, fields_published 2; overall 3/5 = 60.0 %.",
    {"input": doc([proc("1.000001"), proc("1.000002"), proc("1.000003"), proc("1.000004", field="chung-thuc"), proc("1.000005", field="dat-dai")],
                  [commune("00001", ["1.000001", "1.000002", "1.000004"])])})

V["reported-units"] = ("Reported figures: district 900 reports 40/50 (80.0 %) in 10 fields; 'each_commune' gives each of its two communes about 30 published in about 6 fields (approximate, no rate); the commune with its own report (20/25) uses it. Group totals null (approximate figures are not summed).",
    {"input": doc([], [{"code": "900", "name": "Huyện Báo Cáo", "level": "district"},
                       commune("09001", parent="900"), commune("09002", parent="900"), commune("09003", parent="900")],
                  fields=[],
                  reports=[{"unit": "900", "scope": "self", "fields": 10, "procedures": 50, "published": 40, "fields_published": 10},
                           {"unit": "900", "scope": "each_commune", "published": 30, "fields_published": 6, "approximate": True},
                           {"unit": "09003", "scope": "self", "procedures": 25, "published": 20}])})

V["report-superseded"] = ("A unit with both postings and a report on the channel: items win (1/2), warning report_superseded.",
    {"input": doc([proc("1.000001"), proc("1.000002")], [commune("00001", ["1.000001"])],
                  reports=[{"unit": "00001", "scope": "self", "procedures": 10, "published": 10}])})

V["levels-and-hierarchy"] = ("Province, district and commune each get the procedures of their level: province 1/1, district 1/2, commune 2/2; groups: the province's districts and the district's communes.",
    {"input": doc([proc("1.000001", levels=["province"]), proc("1.000002", levels=["district"]), proc("1.000003", levels=["district", "commune"]),
                   proc("1.000004", levels=["commune"]), proc("1.000005", levels=["central", "other"])],
                  [{"code": "91", "name": "Tỉnh Mẫu", "level": "province", "published": {"one_stop_shop": ["1.000001"]}},
                   {"code": "908", "name": "Huyện Mẫu", "level": "district", "parent": "91", "published": {"one_stop_shop": ["1.000002"]}},
                   commune("30985", ["1.000003", "1.000004"], parent="908")])})

V["local-suffix-codes"] = ("Procedure codes with a local agency suffix are distinct procedures, matched exactly: 1.001612.000.00.00.H01 posted, 1.001612 not: 1/2.",
    {"input": doc([proc("1.001612"), proc("1.001612.000.00.00.H01")], [commune("00001", ["1.001612.000.00.00.H01"])])})

V["empty-catalogue"] = ("No procedures and no units: an empty report.",
    {"input": doc([], [], fields=[])})

# ---- errors ----
E = {}
E["syntax-truncated"] = ("Truncated JSON: one syntax error with line and column.", {"input_text": '{"tthc": 1, "fields": [ {"code": "a", "name": "b"'})
E["syntax-trailing"] = ("Text after the document is a syntax error.", {"input_text": '{"tthc":1,"fields":[],"procedures":[],"units":[]} x'})
E["syntax-not-json"] = ("Not JSON at all.", {"input_text": "tthc: 1"})
E["syntax-empty"] = ("Empty input.", {"input_text": ""})
E["unsupported-version"] = ("tthc 2: only unsupported_version is reported (the rest may be another format).", {"input": {"tthc": 2, "fields": [], "whatever": 1}})
E["unknown-key"] = ("Typos anywhere are errors with their path: top level, a field, a procedure, a posting object.",
    {"input": doc([dict(proc("1.000001"), levles=["commune"])], [commune("00001", [{"procedure": "1.000001", "date": "2024-01-01"}])],
                  fields=[{"code": "ho-tich", "name": "Hộ tịch", "nme_en": "x"}], titel="x")})
E["missing-key"] = ("Missing required keys: the document's units, a field's name, a procedure's levels (each reported at the object that lacks it).",
    {"input": {"tthc": 1, "fields": [{"code": "ho-tich"}], "procedures": [{"code": "1.000001", "name": "A", "field": "ho-tich"}]}})
E["missing-key-units"] = ("Missing required keys inside units: a unit without level, a posting object without procedure.",
    {"input": doc([proc("1.000001")], [{"code": "00001", "name": "Xã"}, commune("00002", [{"on": "2024-01-01"}])])})
E["wrong-type"] = ("Wrong JSON types: tthc as a string, a name as a number, levels as a string, a posting as a number, approximate as a string.",
    {"input": {"tthc": "1", "fields": [{"code": "ho-tich", "name": 5}], "procedures": [{"code": "1.000001", "name": "A", "field": "ho-tich", "levels": "commune"}],
               "units": [{"code": "00001", "name": "Xã", "level": "commune", "published": {"one_stop_shop": [7]}}],
               "reports": [{"unit": "00001", "scope": "self", "published": 1, "approximate": "yes"}]}})
E["bad-code"] = ("Malformed codes: procedure '1.0011', procedure '1.001193.' (empty suffix), a commune code of 3 digits, a province code with a letter.",
    {"input": doc([proc("1.0011"), proc("1.001193.")], [commune("001"), {"code": "9A", "name": "Tỉnh", "level": "province"}])})
E["duplicate-code"] = ("The same field, procedure and unit code twice each.",
    {"input": doc([proc("1.000001"), proc("1.000001")], [commune("00001"), commune("00001")], fields=F + [F[0]])})
E["unknown-field"] = ("A procedure names a field that is not defined.", {"input": doc([proc("1.000001", field="xay-dung")], [])})
E["unknown-level"] = ("A procedure level 'ward' and a unit level 'central' are unknown levels.",
    {"input": doc([proc("1.000001", levels=["commune", "ward"])], [{"code": "00001", "name": "Xã", "level": "central"}])})
E["unknown-unit"] = ("A report for a unit that is not in the document.",
    {"input": doc([], [], fields=[], reports=[{"unit": "908", "scope": "self", "published": 1}])})
E["unknown-procedure"] = ("applies.add and applies.remove name procedures the document does not define.",
    {"input": doc([proc("1.000001")], [commune("00001", applies={"add": ["2.000528"], "remove": ["1.000001", "1.004000"]})])})
E["bad-date"] = ("Impossible or misformatted dates: 2023-02-29, 31/12/2024, 2024-13-01 (as_of), a posting on 2024-04-31.",
    {"input": doc([proc("1.000001", effective="2023-02-29", amended="31/12/2024")], [commune("00001", [{"procedure": "1.000001", "on": "2024-04-31"}])], as_of="2024-13-01")})
E["bad-parent"] = ("A district whose parent is a commune (lower level), a commune that is its own parent, and a commune whose parent is another commune.",
    {"input": doc([], [{"code": "908", "name": "Huyện", "level": "district", "parent": "30985"}, commune("30985", parent="30985"), commune("30988", parent="30985")], fields=[])})
E["inconsistent-report"] = ("Reports whose figures contradict: published 300 > procedures 261; fields_published 40 > fields 39; fields 50 > procedures 10.",
    {"input": doc([], [{"code": "908", "name": "Huyện", "level": "district"}, commune("30985", parent="908")], fields=[],
                  reports=[{"unit": "908", "scope": "self", "procedures": 261, "published": 300, "fields": 39, "fields_published": 40},
                           {"unit": "30985", "scope": "self", "procedures": 10, "fields": 50}])})
E["too-large"] = ("With options.max_bytes 64 a longer document is refused with too_large (path empty).",
    {"input": doc([proc("1.000001")], []), "options": {"max_bytes": 64}})
E["unknown-channel"] = ("A 'website' channel in published, and a report on channel 'email'.",
    {"input": doc([proc("1.000001")], [{"code": "00001", "name": "Xã", "level": "commune", "published": {"website": ["1.000001"]}}],
                  reports=[{"unit": "00001", "scope": "self", "channel": "email", "published": 1}])})
E["bad-value"] = ("Values outside their sets: online 'yes', scope 'district', empty levels, an empty name.",
    {"input": doc([proc("1.000001", online="yes"), dict(proc("1.000002", levels=[]), name="  ")], [commune("00001")],
                  reports=[{"unit": "00001", "scope": "district", "published": 1}])})
E["all-errors-collected"] = ("Validation collects every error of a document, structural and semantic together, in one pass: wrong type, unknown key, bad code, unknown field, unknown procedure, bad parent.",
    {"input": doc([proc("1.00001"), proc("1.000002", field="nope"), {"code": "1.000003", "name": "C", "field": "ho-tich", "levels": ["commune"], "extra": True}],
                  [commune("00001", applies={"add": ["9.999999"]}), {"code": "002", "name": 2, "level": "district"}, {"code": "003", "name": "H", "level": "district", "parent": "00001"}])})
E["option-bad-channel"] = ("A valid document, but options.channel 'website' is an argument error unknown_channel at path 'channel'.",
    {"input": doc([proc("1.000001")], []), "options": {"channel": "website"}})
E["option-bad-as-of"] = ("options.as_of '2024-02-30' is an argument error bad_date at path 'as_of'.",
    {"input": doc([proc("1.000001")], []), "options": {"as_of": "2024-02-30"}})
E["duplicate-key"] = ("A key given twice in one object is reported (the second would silently replace the first).",
    {"input_text": '{"tthc":1,"fields":[],"procedures":[],"units":[],"units":[]}'})

def write(name, desc, body, errors):
    path = HERE / f"{name}.json"
    old = json.load(open(path)) if path.exists() else {}
    v = {"description": desc}
    v.update(body)
    key = "expect_errors" if errors else "expect"
    same_input = all(old.get(k) == v.get(k) for k in ("input", "input_text", "options"))
    if same_input and key in old:
        v[key] = old[key]
    else:
        v[key] = None
    with open(path, "w") as f:
        json.dump(v, f, ensure_ascii=False, indent=1)
        f.write("\n")

for i, (name, (desc, body)) in enumerate(V.items()):
    write(f"report-{name}", desc, body, False)
for name, (desc, body) in E.items():
    write(f"error-{name}", desc, body, True)
print(len(V), "report vectors,", len(E), "error vectors")
