#!/usr/bin/env python3
"""Writes the conformance vectors' inputs (tests/conformance/*.json).

Each vector is `{ "description", "operation", "input" | "input_text", "options"?, "expect" | "expect_errors" }`
(README.md). This script writes description, operation, input and options; `expect` /
`expect_errors` are filled by `TTHC_BLESS=1 cargo test -p tthc --test conformance` and then READ
BY A PERSON before committing: each description states the figures the expectation must show.
The one exception is `sort`: its expectations are ICU's order (an ICU 72 sample file, or Node's
`Intl.Collator('vi')`), written here as literal lists, never computed by our own code.
Run: python3 tests/conformance/make_inputs.py (keeps existing expectations of unchanged inputs).
"""
import json, os, pathlib, random, unicodedata

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

V["null-optional-keys"] = ("null for an optional key means absent (on channel portal): 'applies': null changes nothing and 'published': null is no postings, so 00001 has 0/2 (0.0 %); 00002's 'portal': null is no portal list, so its portal report is used: 7/10 (70.0 %), basis reported, and no report_superseded warning.",
    {"options": {"channel": "portal"},
     "input": doc([proc("1.000001"), proc("1.000002")],
                  [commune("00001", applies=None, published=None),
                   {"code": "00002", "name": "Xã 00002", "level": "commune", "published": {"one_stop_shop": ["1.000001"], "portal": None}}],
                  reports=[{"unit": "00002", "scope": "self", "channel": "portal", "procedures": 10, "published": 7}])})

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
E["syntax-lone-surrogate"] = ("An escaped lone high surrogate (\\ud800 not followed by a low one) is a syntax error at its position, with a message that says so (see validate-lone-surrogate).",
    {"input_text": '{"tthc":1,"title":"\\ud800","fields":[],"procedures":[],"units":[]}'})
E["null-required"] = ("null for a required key is wrong_type: 'fields': null and 'units': null (each at its key); 'procedures': [] stays valid.",
    {"input": {"tthc": 1, "fields": None, "procedures": [], "units": None}})
E["null-document"] = ("A document that is JSON null: wrong_type at the empty path (an object is expected).", {"input_text": "null"})
E["parent-outside-not-gso"] = ("A parent outside the document must still look like a GSO code (2, 3 or 5 digits): '1234' is bad_code at /units/0/parent; '91' (2 digits, not in the document) is accepted.",
    {"input": doc([], [commune("00001", parent="1234"), commune("00002", parent="91")], fields=[])})
E["duplicate-key"] = ("A key given twice in one object is reported (the second would silently replace the first).",
    {"input_text": '{"tthc":1,"fields":[],"procedures":[],"units":[],"units":[]}'})


# ---- the other operations: {name: (operation, errors?, description, body)} ----
N = {}

def vec(operation, name, desc, errors=False, **body):
    full = f"{operation}-{name}"
    assert full not in N, full
    N[full] = (operation, errors, desc, body)

# ---- unit_report: one unit computed alone (rank null) ----
UF = [{"code": "ho-tich", "name": "Hộ tịch", "name_en": "Civil status"},
      {"code": "chung-thuc", "name": "Chứng thực", "name_en": "Authentication"}]
UR = {"tthc": 1, "as_of": "2025-12-31", "fields": UF,
      "procedures": [
          {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"], "amended": "2025-07-01", "online": "full"},
          {"code": "1.000894", "name": "Đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"], "amended": "2025-07-01", "online": "partial"},
          {"code": "1.000656", "name": "Đăng ký khai tử", "field": "ho-tich", "levels": ["commune"]},
          {"code": "2.000908", "name": "Cấp bản sao từ sổ gốc", "field": "chung-thuc", "levels": ["commune"]}],
      "units": [
          {"code": "91", "name": "Tỉnh An Giang", "level": "province"},
          {"code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91",
           "published": {"one_stop_shop": [{"procedure": "1.001193", "on": "2025-08-01"}, {"procedure": "1.000894", "on": "2025-03-01"}, "2.000908"],
                         "portal": ["1.001193", "1.000894", "1.000656", "2.000908"]}},
          {"code": "30988", "name": "Xã Đông Thái", "level": "commune", "parent": "91"},
          {"code": "30991", "name": "Xã Tây Yên", "level": "commune", "parent": "91"},
          {"code": "30997", "name": "Xã Nam Thái", "level": "commune", "parent": "91"}],
      "reports": [
          {"unit": "30991", "scope": "self", "fields": 6, "procedures": 30, "published": 24, "fields_published": 5},
          {"unit": "30997", "scope": "self", "fields": 28, "procedures": 108, "published": 108, "fields_published": 28, "approximate": True}]}
UR_DOC = "as_of 2025-12-31; four commune procedures (khai sinh and kết hôn amended 2025-07-01, khai tử, cấp bản sao); "
vec("unit_report", "published-outdated-missing",
    UR_DOC + "commune 30985 (parent 91) posted khai sinh on 2025-08-01 (after the amendment: published), kết hôn on 2025-03-01 (before it: outdated) and cấp bản sao undated (published). Expect basis items, applicable 4, published 2, outdated 1 (outdated_procedures [1.000894]), missing [1.000656], fields 2, fields_published 2, rate [2, 4], percent 50.0, rank null; by_field ho-tich 1/3 (33.3), chung-thuc 1/1 (100.0).",
    input=UR, options={"unit": "30985"})
vec("unit_report", "channel-portal",
    UR_DOC + "options.channel portal: 30985's portal list holds all four, undated: published 4 of 4, rate [4, 4], percent 100.0, outdated 0, missing [], by_field ho-tich 3/3 and chung-thuc 1/1.",
    input=UR, options={"unit": "30985", "channel": "portal"})
vec("unit_report", "as-of-before-amendment",
    UR_DOC + "options.as_of 2025-06-30: the 2025-07-01 amendments have not happened, so kết hôn posted 2025-03-01 counts as published; khai sinh posted 2025-08-01 had not been posted yet (missing). Published 2 (1.000894, 2.000908), outdated 0, missing [1.001193, 1.000656] in document order, rate [2, 4], percent 50.0.",
    input=UR, options={"unit": "30985", "as_of": "2025-06-30"})
vec("unit_report", "no-postings",
    UR_DOC + "commune 30988 has no postings and no report: basis items, applicable 4, published 0, rate [0, 4], percent 0.0 (not null: procedures apply), missing all four in document order, fields 2, fields_published 0, by_field ho-tich 0/3, chung-thuc 0/1.",
    input=UR, options={"unit": "30988"})
vec("unit_report", "reported",
    UR_DOC + "commune 30991 has no postings but a report of 24 published of 30 in 6 fields (5 published): basis reported, approximate false, applicable 30, published 24, fields 6, fields_published 5, outdated 0, rate [24, 30], percent 80.0, missing [] and by_field [] (no item-level data).",
    input=UR, options={"unit": "30991"})
vec("unit_report", "reported-approximate",
    UR_DOC + "commune 30997 reported about 108 procedures, all published, in about 28 fields: basis reported, approximate true (the figures stay marked approximate), applicable 108, published 108, rate [108, 108], percent 100.0, fields 28, fields_published 28, outdated 0, missing [], by_field [].",
    input=UR, options={"unit": "30997"})
vec("unit_report", "nothing-applicable",
    UR_DOC + "province 91: no procedure has the province level: applicable 0, published 0, rate null, percent null (never 0 % or 100 %), rank null, parent null.",
    input=UR, options={"unit": "91"})
vec("unit_report", "unknown-unit",
    "options.unit 30999 is not a unit of the (valid) document: the argument error unknown_unit at path 'unit'.",
    errors=True, input=UR, options={"unit": "30999"})
vec("unit_report", "bad-channel",
    "options.channel 'website' is not a channel: the argument error unknown_channel at path 'channel' (the unit exists).",
    errors=True, input=UR, options={"unit": "30985", "channel": "website"})
vec("unit_report", "bad-as-of",
    "options.as_of '2025-02-29' is not a real day: the argument error bad_date at path 'as_of'.",
    errors=True, input=UR, options={"unit": "30985", "as_of": "2025-02-29"})
vec("unit_report", "invalid-document",
    "The document has a typo ('parrent' instead of 'parent' in the second unit, 30985, the unit asked for): reading fails with the one error unknown_key at /units/1/parrent before any unit is looked up.",
    errors=True, input=dict(UR, units=[dict(u, parrent=u.pop("parent")) if u["code"] == "30985" else u for u in json.loads(json.dumps(UR["units"]))]),
    options={"unit": "30985"})

# ---- procedure_list ----
PL = {"tthc": 1, "as_of": "2025-12-31",
      "fields": [{"code": "ho-tich", "name": "Hộ tịch", "name_en": "Civil status"},
                 {"code": "dat-dai", "name": "Đất đai", "name_en": "Land"},
                 {"code": "dan-toc", "name": "Dân tộc"},
                 {"code": "chung-thuc", "name": "Chứng thực", "name_en": "Authentication"}],
      "procedures": [
          {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"], "online": "full"},
          {"code": "1.000894", "name": "Đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"], "amended": "2025-07-01", "online": "partial"},
          {"code": "1.004884", "name": "Đăng ký lại khai sinh", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.000656", "name": "Đăng ký khai tử", "field": "ho-tich", "levels": ["commune"], "online": "full"},
          {"code": "1.004873", "name": "Cấp giấy xác nhận tình trạng hôn nhân", "field": "ho-tich", "levels": ["commune"], "online": "full"},
          {"code": "1.005461", "name": "Đăng ký lại khai tử", "field": "ho-tich", "levels": ["commune"], "abolished": "2025-07-01"},
          {"code": "1.012812", "name": "Hòa giải tranh chấp đất đai", "field": "dat-dai", "levels": ["commune"]},
          {"code": "1.004000", "name": "Giao đất, cho thuê đất", "field": "dat-dai", "levels": ["province"], "online": "none"},
          {"code": "2.000815", "name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "field": "chung-thuc", "levels": ["commune"]},
          {"code": "2.000884", "name": "Chứng thực chữ ký trong các giấy tờ, văn bản", "field": "chung-thuc", "levels": ["commune"]},
          {"code": "2.002161", "name": "Công nhận người có uy tín trong đồng bào dân tộc thiểu số", "field": "dan-toc", "levels": ["commune"]}],
      "units": [
          {"code": "91", "name": "Tỉnh An Giang", "level": "province", "published": {"one_stop_shop": ["1.004000"]}},
          {"code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91",
           "published": {"one_stop_shop": ["1.001193", {"procedure": "1.000894", "on": "2025-03-01"}, "2.000815", "1.012812"],
                         "portal": ["1.001193", "1.000894", "1.000656", "1.004873", "1.004884"]}},
          {"code": "30988", "name": "Xã Đông Thái", "level": "commune", "parent": "91"}],
      "reports": [{"unit": "30988", "scope": "self", "procedures": 9, "published": 7}]}
PL_DOC = ("as_of 2025-12-31; fields in document order Hộ tịch, Đất đai, Dân tộc, Chứng thực, listed in Vietnamese order "
          "Chứng thực < Dân tộc < Đất đai < Hộ tịch (đ after d and before h, which code-point order gets wrong); inside Hộ tịch "
          "'Cấp giấy…' < 'Đăng ký kết hôn' < 'Đăng ký khai sinh' (ế before h) < 'Đăng ký khai tử' < 'Đăng ký lại khai sinh'. ")
UNIT_ORDER = ("2.000815 Chứng thực bản sao… (published), 2.000884 Chứng thực chữ ký… (missing), 2.002161 Công nhận người có uy tín… (missing), "
              "1.012812 Hòa giải… (published), 1.004873 Cấp giấy xác nhận… (missing), 1.000894 Đăng ký kết hôn (outdated: posted 2025-03-01, amended 2025-07-01), "
              "1.001193 Đăng ký khai sinh (published), 1.000656 Đăng ký khai tử (missing), 1.004884 Đăng ký lại khai sinh (missing)")
vec("procedure_list", "unit-statuses",
    PL_DOC + "Commune 30985, one-stop desk: its 9 applicable procedures (not the abolished 1.005461, not the province's 1.004000), each with field, field_name, field_name_en (null for Dân tộc and Đất đai has 'Land'), online and status, in this order: " + UNIT_ORDER + ".",
    input=PL, options={"unit": "30985"})
vec("procedure_list", "level-commune",
    PL_DOC + "options.level commune without a unit: every commune procedure in force, status null: the same 9 procedures in the same order as for 30985 (2.000815, 2.000884, 2.002161, 1.012812, 1.004873, 1.000894, 1.001193, 1.000656, 1.004884); not 1.005461 (abolished 2025-07-01) nor 1.004000 (province).",
    input=PL, options={"level": "commune"})
vec("procedure_list", "level-province",
    PL_DOC + "options.level province: only 1.004000 Giao đất, cho thuê đất (Đất đai, online none), status null.",
    input=PL, options={"level": "province"})
vec("procedure_list", "all-in-force-as-of",
    PL_DOC + "No unit, no level, options.as_of 2025-06-30: every procedure in force that day, all 11 (1.005461 is abolished only on 2025-07-01), status null, in the order 2.000815, 2.000884, 2.002161, 1.004000 (Giao đất… before Hòa giải…), 1.012812, 1.004873, 1.000894, 1.001193, 1.000656, 1.004884, 1.005461 (Đăng ký lại khai sinh < Đăng ký lại khai tử).",
    input=PL, options={"as_of": "2025-06-30"})
vec("procedure_list", "field-filter",
    PL_DOC + "Commune 30985, options.field ho-tich: the 5 Hộ tịch procedures with field_name 'Hộ tịch' and field_name_en 'Civil status': 1.004873 missing, 1.000894 outdated, 1.001193 published, 1.000656 missing, 1.004884 missing.",
    input=PL, options={"unit": "30985", "field": "ho-tich"})
vec("procedure_list", "status-missing",
    PL_DOC + "Commune 30985, options.status missing: the 5 missing ones in list order: 2.000884, 2.002161, 1.004873, 1.000656, 1.004884.",
    input=PL, options={"unit": "30985", "status": "missing"})
vec("procedure_list", "status-outdated",
    PL_DOC + "Commune 30985, options.status outdated: only 1.000894 Đăng ký kết hôn (posted 2025-03-01, amended 2025-07-01).",
    input=PL, options={"unit": "30985", "status": "outdated"})
vec("procedure_list", "channel-portal",
    PL_DOC + "Commune 30985, options.channel portal: the portal list (undated) holds the five Hộ tịch procedures: those are published (1.000894 too, its portal posting has no date), the other four (2.000815, 2.000884, 2.002161, 1.012812) missing; same order as the one-stop list.",
    input=PL, options={"unit": "30985", "channel": "portal"})
vec("procedure_list", "reported-unit",
    PL_DOC + "Commune 30988 has only a report (7 of 9): its 9 applicable procedures in the usual order, each with status null (nobody knows which were posted).",
    input=PL, options={"unit": "30988"})
vec("procedure_list", "status-without-unit",
    "options.status missing with a level but no unit: only a unit's procedures have a status: bad_value at path 'status'.",
    errors=True, input=PL, options={"level": "commune", "status": "missing"})
vec("procedure_list", "bad-status",
    "options.status 'done' is not a status (published, missing, outdated): bad_value at path 'status'.",
    errors=True, input=PL, options={"unit": "30985", "status": "done"})
vec("procedure_list", "unknown-field",
    "options.field 'xay-dung' names no field of the document: unknown_field at path 'field'.",
    errors=True, input=PL, options={"unit": "30985", "field": "xay-dung"})
vec("procedure_list", "unknown-unit",
    "options.unit 30999 names no unit of the document: unknown_unit at path 'unit'.",
    errors=True, input=PL, options={"unit": "30999"})
vec("procedure_list", "unknown-level",
    "options.level 'ward' is not a level: unknown_level at path 'level'.",
    errors=True, input=PL, options={"level": "ward"})
vec("procedure_list", "level-not-the-units",
    "options.level province with unit 30985, a commune: the level contradicts the unit's: bad_value at path 'level'.",
    errors=True, input=PL, options={"unit": "30985", "level": "province"})

# ---- search ----
SD = {"tthc": 1,
      "fields": [{"code": "ho-tich", "name": "Hộ tịch"}, {"code": "chung-thuc", "name": "Chứng thực"}, {"code": "dat-dai", "name": "Đất đai"}],
      "procedures": [
          {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.000656", "name": "Thủ tục đăng ký khai tử", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.004884", "name": "Thủ tục đăng ký lại khai sinh", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.003583", "name": "Thủ tục đăng ký khai sinh lưu động", "field": "ho-tich", "levels": ["commune"]},
          {"code": "1.001612.000.00.00.H01", "name": "Cấp bản sao trích lục hộ tịch", "field": "ho-tich", "levels": ["commune"]},
          {"code": "2.001019", "name": "Chứng thực di chúc", "field": "chung-thuc", "levels": ["commune"]},
          {"code": "2.000913", "name": "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch", "field": "chung-thuc", "levels": ["commune"]},
          {"code": "1.012812", "name": "Hòa giải tranh chấp đất đai", "field": "dat-dai", "levels": ["commune"]}],
      "units": []}
SD_DOC = "Nine procedures (six of Hộ tịch named 'Thủ tục đăng ký …' or 'Cấp bản sao trích lục hộ tịch', two of Chứng thực, one of Đất đai); scores as in crates/tthc/src/search.rs (closeness = 49 − (words of the name − words of the query)). "
vec("search", "by-code",
    SD_DOC + "Query '1.000894', a whole code: one hit, 1.000894 with score 1000 (no name or field holds the digits).",
    input=SD, options={"query": "1.000894"})
vec("search", "by-code-case-insensitive",
    SD_DOC + "Query '1.001612.000.00.00.h01' equals a code with a local suffix up to ASCII case: one hit, 1.001612.000.00.00.H01 with score 1000.",
    input=SD, options={"query": "1.001612.000.00.00.h01"})
vec("search", "by-national-code",
    SD_DOC + "Query '1.001612', the national part of the suffixed code 1.001612.000.00.00.H01: one hit with score 950.",
    input=SD, options={"query": "1.001612"})
vec("search", "without-diacritics",
    SD_DOC + "Query 'dang ky khai sinh' (no diacritics): 1.001193 'Thủ tục đăng ký khai sinh' 697 (phrase at a word start, 600 + 50 + 47), 1.003583 '… khai sinh lưu động' 695 (600 + 50 + 45), 1.004884 'Thủ tục đăng ký lại khai sinh' 646 (query words as word prefixes in order, 600 + 46); khai tử and kết hôn do not match.",
    input=SD, options={"query": "dang ky khai sinh"})
vec("search", "by-field-name",
    SD_DOC + "Query 'ho tich' equals the folded field name Hộ tịch: all six Hộ tịch procedures score 700 (for 'Cấp bản sao trích lục hộ tịch' the field's 700 beats its name's 694), ties in Vietnamese (ICU) order of the names: 1.001612.000.00.00.H01 Cấp bản sao…, 1.000894 … kết hôn, 1.001193 … khai sinh, 1.003583 … khai sinh lưu động, 1.000656 … khai tử, 1.004884 … lại khai sinh.",
    input=SD, options={"query": "ho tich"})
vec("search", "word-in-name-and-field",
    SD_DOC + "Query 'tich': 'Cấp bản sao trích lục hộ tịch' has it at a word start in the name, 600 + 50 + 43 = 693; the five other Hộ tịch procedures only in the field name Hộ tịch, 500 + 50 + 48 = 598, in Vietnamese order of the names: 1.000894, 1.001193, 1.003583, 1.000656, 1.004884.",
    input=SD, options={"query": "tich"})
vec("search", "substring",
    SD_DOC + "Query 'ai sinh' occurs only inside words ('kh-ai sinh'): substring scores 400 + closeness: 1.001193 445, 1.004884 444, 1.003583 443.",
    input=SD, options={"query": "ai sinh"})
vec("search", "any-order",
    SD_DOC + "Query 'khai sinh lại': its words are prefixes of words of 'Thủ tục đăng ký lại khai sinh' in another order: any-order score 200 + 45 = 245, the only hit.",
    input=SD, options={"query": "khai sinh lại"})
vec("search", "upper-case-old-tone-placement",
    SD_DOC + "Query 'HOÀ GIẢI' (capitals, old tone placement) finds 'Hòa giải tranh chấp đất đai' (new placement): 600 + 50 + 45 = 695, the only hit.",
    input=SD, options={"query": "HOÀ GIẢI"})
vec("search", "tone-placement-inside",
    SD_DOC + "Query 'huỷ bỏ' (old placement) finds 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch' at a word start after a comma: 600 + 50 + 40 (11 words) = 690, the only hit.",
    input=SD, options={"query": "huỷ bỏ"})
vec("search", "limit",
    SD_DOC + "Query 'thu tuc' with limit 2: five names start with 'Thủ tục': the three of 6 words score 600 + 50 + 45 = 695 (kết hôn, khai sinh, khai tử), lại khai sinh 694, khai sinh lưu động 693; limit 2 keeps the first two 695s in Vietnamese order of the names: 1.000894 '… kết hôn', 1.001193 '… khai sinh' (kết before khai).",
    input=SD, options={"query": "thu tuc", "limit": 2})
vec("search", "limit-zero",
    SD_DOC + "Query 'thu tuc' with limit 0: no hits, [].",
    input=SD, options={"query": "thu tuc", "limit": 0})
vec("search", "empty-query",
    SD_DOC + "The empty query finds nothing: [].",
    input=SD, options={"query": ""})
vec("search", "blank-query",
    SD_DOC + "A query of spaces and a tab folds to nothing and finds nothing: [].",
    input=SD, options={"query": "  \t "})
vec("search", "invalid-document",
    "The document '{' is not JSON: the search reports the reader's syntax error at 'line 1, column 1' (serde_json's position of the end of input).",
    errors=True, input_text="{", options={"query": "khai sinh"})

# ---- fold ----
vec("fold", "tones", "Tones and vowel marks are removed, case lowered: 'Đăng ký khai sinh, kết hôn, khai tử' → 'dang ky khai sinh, ket hon, khai tu'.",
    options={"text": "Đăng ký khai sinh, kết hôn, khai tử"})
vec("fold", "d-stroke", "đ and Đ (which do not decompose) become d: 'ĐẤT ĐAI Đất đai đđ' → 'dat dai dat dai dd'.",
    options={"text": "ĐẤT ĐAI Đất đai đđ"})
vec("fold", "nfd-input", "The text is in NFD (base letters followed by combining marks): 'Hộ tịch Đất đai Ủy ban' decomposed folds like its NFC form → 'ho tich dat dai uy ban'.",
    options={"text": unicodedata.normalize("NFD", "Hộ tịch Đất đai Ủy ban")})
vec("fold", "old-tone-placement", "Old tone placement 'Uỷ ban nhân dân xã Hoà Bình' → 'uy ban nhan dan xa hoa binh' (the same as the new placement).",
    options={"text": "Uỷ ban nhân dân xã Hoà Bình"})
vec("fold", "new-tone-placement", "New tone placement 'Ủy ban nhân dân xã Hòa Bình' → 'uy ban nhan dan xa hoa binh' (the same as the old placement).",
    options={"text": "Ủy ban nhân dân xã Hòa Bình"})
vec("fold", "spaces", "Runs of white space (spaces, a tab, a line break, a no-break space) become one space, none at either end: '  Thủ tục\\t đăng  ký\\nkhai\\u00a0sinh  ' → 'thu tuc dang ky khai sinh'.",
    options={"text": "  Thủ tục\t đăng  ký\nkhai\u00a0sinh  "})
vec("fold", "case", "Capitals of every Vietnamese letter: 'CHỨNG THỰC BẢN SAO Từ Bản Chính' → 'chung thuc ban sao tu ban chinh'.",
    options={"text": "CHỨNG THỰC BẢN SAO Từ Bản Chính"})
vec("fold", "vowel-letters", "The letters ă â ê ô ơ ư and their capitals lose their marks: 'ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư' → 'a a e o o u a a e o o u'.",
    options={"text": "ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư"})
vec("fold", "digits-punctuation", "Digits, punctuation and symbols are kept, letters folded: 'Nghị định 63/2010/NĐ-CP (sửa đổi) – 100%' → 'nghi dinh 63/2010/nd-cp (sua doi) – 100%'.",
    options={"text": "Nghị định 63/2010/NĐ-CP (sửa đổi) – 100%"})
vec("fold", "invisible", "Invisible characters are dropped: a soft hyphen inside 'khai\\u00adsinh' and a zero-width space after 'ký\\u200b': 'Đăng ký\\u200b khai\\u00adsinh' → 'dang ky khaisinh'.",
    options={"text": "Đăng ký\u200b khai\u00adsinh"})
vec("fold", "empty", "The empty text folds to the empty text.", options={"text": ""})

# ---- sort: expectations from ICU, never from our code ----
# ../shared/data/text/vi-collation-sample-icu.txt (ICU 72, `vi`), all 29 lines, in the file's order.
ICU72_SAMPLE = ["An Biên", "Ăn", "Ân", "ba", "bà", "bả", "bã", "bá", "bạ", "Cấp giấy xác nhận tình trạng hôn nhân", "Chứng thực", "Dân tộc", "Dương", "Đăng ký kết hôn", "Đăng ký khai sinh", "Đất đai", "Đông Thái", "Giáo dục", "Hộ tịch", "Oa", "Ô", "Ốc", "Ơn", "Tây Yên", "Tây Yên A", "Uỷ quyền", "Ưu đãi", "Xây dựng", "Y tế"]
# 80 real procedure names of procedures-metadata-2026.csv (ten_thu_tuc, 9 of them not in NFC, as in
# the data), in the order of Node 20's `new Intl.Collator('vi').compare` (ICU 78.2).
PORTAL_NAMES_ICU = [
    "Bổ nhiệm Thừa phát lại",
    "Bổ nhiệm và cấp thẻ giám định viên tư pháp cấp tỉnh",
    "C\u00e2\u0301p \u0111i\u00ea\u0300u chi\u0309nh gi\u00e2\u0301y phe\u0301p m\u00f4i tr\u01b0\u01a1\u0300ng (1.010721)",
    "C\u00e2\u0301p \u0111i\u00ea\u0300u chi\u0309nh gi\u00e2\u0301y phe\u0301p m\u00f4i tr\u01b0\u01a1\u0300ng (c\u1ea5p T\u1ec9nh) (1.010729)",
    "Cấp đổi thẻ bảo hiểm y tế (thực hiện tại cấp trung ương)",
    "Cấp đổi thẻ căn cước (thực hiện tại cấp trung ương)",
    "Cấp giấy chứng nhận an toàn kỹ thuật tàu cá",
    "cấp Giấy chứng nhận cơ sở đủ điều kiện đào tạo, huấn luyện thuyền viên hàng hải",
    "Cấp giấy chứng nhận đăng ký tạm thời tàu cá, tàu phục vụ nuôi trồng thủy sản",
    "Cấp giấy chứng nhận đăng ký tàu cá, tàu phục vụ nuôi trồng thủy sản",
    "Cấp Giấy chứng nhận đủ điều kiện kinh doanh sản phẩm, dịch vụ trung gian dữ liệu",
    "Cấp Giấy chứng nhận kết thúc hoạt động thử nghiệm có kiểm soát",
    "Cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát",
    "C\u00e2\u0301p gi\u00e2\u0301y phe\u0301p m\u00f4i tr\u01b0\u01a1\u0300ng (c\u1ea5p B\u1ed9) (1.010719)",
    "C\u00e2\u0301p gi\u00e2\u0301y phe\u0301p m\u00f4i tr\u01b0\u01a1\u0300ng (c\u1ea5p T\u1ec9nh) ( 1.010727 )",
    "cấp Giấy xác nhận phù hợp về tuyển dụng, cung ứng thuyền viên hàng hải",
    "Cấp lại giấy miễn thị thực tại Cục Quản lý xuất nhập cảnh, Bộ Công an",
    "Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)",
    "Cấp lại thẻ căn cước (thực hiện tại cấp trung ương)",
    "Cấp phép nghiên cứu khoa học trong vùng biển Việt Nam (cấp TW)",
    "Cấp phép thành lập văn phòng giám định tư pháp",
    "C\u00e2\u0301p thay th\u00ea\u0301 gi\u00e2\u0301y phe\u0301p CITES",
    "Cấp, cấp lại Giấy chứng nhận nguồn gốc thủy sản khai thác",
    "Cấp, cấp lại thẻ, dấu kỹ thuật đăng kiểm viên tàu cá",
    "Ch\u00e2\u0301p thu\u00e2\u0323n DNBH tri\u00ea\u0309n khai ba\u0309o hi\u00ea\u0309m khai tha\u0301c ha\u0309i sa\u0309n",
    "Chấp thuận hoạt động của sân tập lái để sát hạch lái xe mô tô",
    "Chấp thuận lại hoạt động của sân tập lái để sát hạch lái xe mô tô",
    "Dừng thực hiện thủ tục đăng ký hộ kinh doanh",
    "\u0110\u0103ng k\u00fd hoa\u0323t \u0111\u1ed9ng \u1ee9ng ph\u00f3 v\u00e0 kh\u1eafc ph\u1ee5c h\u1eadu qu\u1ea3 thi\u00ean tai ta\u0323i Vi\u1ec7t Nam",
    "Đăng ký lại mẫu con dấu (thực hiện tại cấp trung ương)",
    "Đăng ký tài khoản điện tử",
    "Đăng ký tạm trú",
    "Đăng ký thường trú",
    "Đề nghị áp dụng Thỏa thuận trước về phương pháp xác định giá tính thuế (APA)",
    "Đề nghị giải thể của tổ chức bảo hiểm tương hỗ cung cấp bảo hiểm vi mô",
    "Gia hạn tạm trú",
    "Gia hạn tạm trú cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)",
    "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân cấp tỉnh",
    "Hòa giải tranh chấp đất đai",
    "Hủy bỏ hiệu lực Bằng bảo hộ giống cây trồng theo yêu cầu của tổ chức cá nhân",
    "Hủy đăng ký dự án",
    "Huỷ tài khoản điện tử trong trường hợp cơ quan, tổ chức có tài khoản đề nghị bằng văn bản",
    "Hủy tư cách công ty đại chúng",
    "Khai báo tạm trú cho người nước ngoài tại Việt Nam bằng Phiếu khai báo tạm trú",
    "Khai báo tạm trú cho người nước ngoài tại Việt Nam qua Trang thông tin điện tử",
    "Lựa chọn, phê duyệt dự án phát triển sản xuất liên kết theo chuỗi giá trị",
    "Miễn kiểm tra giám sát cơ sở kiểm nghiệm thực phẩm",
    "Nhập quốc tịch Việt Nam ở nước ngoài",
    "Nhập quốc tịch Việt Nam ở trong nước",
    "Nộp dần tiền thuế nợ",
    "Nộp tiền trồng rừng thay thế",
    "Phê duyệt Đề án sắp xếp, đổi mới công ty nông, lâm nghiệp",
    "Phê duyệt phương án khai thác động vật rừng thông thường từ tự nhiên",
    "Quyết định chuyển mục đích sử dụng rừng sang mục đích khác đối với tổ chức",
    "Rút nghiệp vụ kinh doanh chứng khoán của công ty chứng khoán",
    "Thẩm định báo cáo đánh giá tác động môi trường (cấp Bộ) (1.010732)",
    "Thẩm định thiết kế về phòng cháy chữa cháy",
    "Th\u00f4ng ba\u0301o th\u00e0nh l\u1eadp/thay \u0111\u1ed5i t\u00f4\u0309 h\u1ee3p t\u00e1c",
    "Thủ tục cấp bản sao từ sổ gốc",
    "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
    "Thủ tục công nhận hòa giải viên (cấp xã)",
    "Thủ tục đăng ký kết hôn",
    "Thủ tục đăng ký kết hôn lưu động",
    "Thủ tục đăng ký khai sinh",
    "Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
    "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
    "Thủ tục đăng ký khai sinh lưu động",
    "Thủ tục đăng ký khai tử",
    "Thủ tục đăng ký khai tử lưu động",
    "Thủ tục đăng ký lại kết hôn",
    "Thủ tục đăng ký lại khai sinh",
    "Thủ tục đăng ký nhận cha, mẹ, con",
    "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp",
    "Ủy thác cho vay vốn từ Quỹ Phát triển dữ liệu quốc gia",
    "Vay bắt buộc từ Quỹ Tích lũy trả nợ của đối tượng được bảo lãnh",
    "Xác nhận thông tin về cư trú",
    "Xa\u0301c nh\u00e2\u0323n t\u00edn ch\u1ec9 c\u00e1c-bon \u0111\u1ec3 trao \u0111\u1ed5i tr\u00ean S\u00e0n giao d\u1ecbch c\u00e1c-bon",
    "Xác nhận, cung cấp thông tin liên quan đến xuất nhập cảnh của công dân Việt Nam",
    "Yêu cầu thay đổi Chấp hành viên",
    "Yêu cầu thi hành án dân sự",
]
# The three lists below: Node 20's `new Intl.Collator('vi').compare` (ICU 78.2); their common items agree
# with the ICU 72 sample above.
TONES_CASE_DIGITS_PUNCTUATION_ICU = ["(ba)", "1", "10", "2", "9 giờ", "b", "b a", "ba", "Ba", "BA", "bà", "bả", "bã", "bá", "bạ", "ba b", "ba-b", "ba.", "ba1", "ba10", "ba2", "bă", "bă ba", "bằng", "Bằng", "bẳng", "bâ", "bb"]
TONE_PLACEMENT_ICU = ["Hoa", "Hoà", "Hoả", "Hoá", "Hòa", "Hỏa", "Hóa", "Huỷ", "Hủy", "Thuỷ", "Thủy", "Uy ban", "Uỷ ban", "Uý ban", "Uỵ ban", "Ủy ban", "Úy ban", "Ụy ban"]
D_AND_VOWELS_ICU = ["An Biên", "Ăn", "Ân", "Dân tộc", "Dương", "Đăng ký kết hôn", "Đất đai", "Đông Thái", "e", "E", "ê", "Ê", "Giáo dục", "Hộ tịch", "Oa", "Ô", "Ốc", "Ơn", "Uỷ quyền", "Ưu đãi", "Xây dựng", "Y tế"]

def shuffled(items, seed):
    """A deterministic shuffle (Python's Mersenne Twister with a fixed seed), never the sorted order."""
    out = list(items)
    random.Random(seed).shuffle(out)
    assert out != list(items)
    return out

SORTS = {}
SORTS["icu72-sample"] = ("All 29 names of ../shared/data/text/vi-collation-sample-icu.txt (generated with ICU 72's `vi` collation), shuffled with random.Random(72); expected: the file's order (An Biên < Ăn < Ân < ba < bà < bả < bã < bá < bạ < … < Dân tộc < Dương < Đăng ký kết hôn < … < Uỷ quyền < Ưu đãi < Xây dựng < Y tế).",
                         ICU72_SAMPLE, 72)
SORTS["portal-names"] = ("80 real procedure names of the National Public Service Portal (procedures-metadata-2026.csv, column ten_thu_tuc; 9 of them not in NFC, as in the data), shuffled with random.Random(2026); expected: Node 20's `new Intl.Collator('vi').compare` (ICU 78.2). Shows đ after d, 'cấp Giấy' (lower case c) between 'Cấp giấy …' names, Hủy/Huỷ side by side, Ủy after Uy…, punctuation and digits inside names.",
                         PORTAL_NAMES_ICU, 2026)
SORTS["tones-case-digits-punctuation"] = ("Tones, case, digits and punctuation, shuffled with random.Random(5); expected: Node 20's `Intl.Collator('vi')` (ICU 78.2): punctuation before digits before letters, digits one by one ('10' < '2'), 'b' < 'b a' < 'ba' < 'Ba' < 'BA' (case is tertiary) < 'bà' < 'bả' < 'bã' < 'bá' < 'bạ' (tones are secondary: none, huyền, hỏi, ngã, sắc, nặng) < 'ba b' < 'ba-b' < 'ba.' < 'ba1' < … < 'bă' < … < 'bâ' < 'bb'.",
                                          TONES_CASE_DIGITS_PUNCTUATION_ICU, 5)
# Node 20's `new Intl.Collator('vi')` (ICU 78.2), no two of them equal for ICU.
BEYOND_VIETNAMESE_ICU = ["a", "\uff41", "\U0001d41a", "\u24d0", "A", "\uff21", "ar", "a\u036c", "a\ue000", "a\ufffd",
                         "b\u1ed9", "B\u1ed9", "\uff22\u1ed9", "d\u017e", "\u01c6", "kg", "KG", "\u338f",
                         "Phi\u1ebfu fi", "Phi\u1ebfu \ufb01", "Phi\u1ebfu Fi", "S\u1ed1 \u2460", "S\u1ed1 12",
                         "S\u1ed1 \uff11\uff12", "S\u1ed1 2", "S\u1ed1 \u0663", "S\u1ed1 \u00b3", "z",
                         "\ue000 ri\u00eang", "\uf8ff", "\ufffd"]
SORTS["beyond-vietnamese-text"] = ("Characters beyond Vietnamese text that text copied from PDFs and Word files carries, shuffled with random.Random(13); expected: Node 20's `Intl.Collator('vi')` (ICU 78.2): compatibility characters beside their decomposition, after it (a < ａ < 𝐚 < ⓐ < A < Ａ; Phiếu fi < Phiếu ﬁ < Phiếu Fi; kg < KG < ㎏; dž < ǆ), digits of every script as digits (Số ① < Số 12 < Số １２ < Số 2 < Số ٣ < Số ³), the combining letter U+036C as r (ar < aͬ), private-use code points after every letter (z < U+E000 < U+F8FF) and U+FFFD last (format.md, \"Text\").",
                                    BEYOND_VIETNAMESE_ICU, 13)
SORTS["tone-placement"] = ("Old and new tone placement, shuffled with random.Random(8); expected: Node 20's `Intl.Collator('vi')` (ICU 78.2): the same letters sort side by side, old placement first (Hoà < Hoả < Hoá < Hòa, Huỷ < Hủy, Uỷ ban < … < Ủy ban), never equal.",
                           TONE_PLACEMENT_ICU, 8)
SORTS["d-and-vowels"] = ("d < đ and the vowels a < ă < â, e < ê, o < ô < ơ, u < ư as letters of their own, lower case before upper case, shuffled with random.Random(3); expected: Node 20's `Intl.Collator('vi')` (ICU 78.2), which agrees with the ICU 72 sample file on the names they share.",
                         D_AND_VOWELS_ICU, 3)
for name, (desc, items, seed) in SORTS.items():
    N[f"sort-{name}"] = ("sort", False, desc, {"options": {"items": shuffled(items, seed)}, "expect": list(items)})
N["sort-empty"] = ("sort", False, "No items: [].", {"options": {"items": []}, "expect": []})

# ---- format_percent ----
for name, rate, lang, desc in [
        ("72-of-77", [72, 77], None, "72/77 = 93.506… → '93,5%' (Vietnamese, the default: decimal comma)."),
        ("72-of-77-en", [72, 77], "en", "72/77 in English → '93.5%' (decimal point)."),
        ("72-of-77-vi", [72, 77], "vi", "72/77 with lang 'vi' given → '93,5%'."),
        ("half-up-5-of-16", [5, 16], None, "5/16 = 31.25 exactly, rounded half away from zero → '31,3%'."),
        ("2-of-3", [2, 3], None, "2/3 = 66.666… → '66,7%'."),
        ("zero", [0, 5], None, "0/5 → '0,0%' (a rate of zero is not 'no rate')."),
        ("full", [261, 261], None, "261/261 → '100,0%'."),
        ("1-of-2000", [1, 2000], None, "1/2000 = 0.05 % exactly, half away from zero → '0,1%'."),
        ("1999-of-2000", [1999, 2000], "en", "1999/2000 = 99.95 % exactly rounds half away from zero to '100.0%' (English)."),
        ("no-rate", None, None, "No rate (null: nothing applicable) → '—' (U+2014), never 0 % or 100 %."),
        ("no-rate-en", None, "en", "No rate in English → '—' too.")]:
    body = {"options": {"rate": rate} if lang is None else {"rate": rate, "lang": lang}}
    vec("format_percent", name, desc, **body)
vec("format_percent", "published-over-applicable", "rate [3, 2]: more published than applicable: bad_value at path 'rate'.",
    errors=True, options={"rate": [3, 2]})
vec("format_percent", "zero-applicable", "rate [1, 0]: no applicable procedure is no rate (null), not a fraction: bad_value at path 'rate'.",
    errors=True, options={"rate": [1, 0]})
vec("format_percent", "zero-of-zero", "rate [0, 0] is not how 'no rate' is written (null is): bad_value at path 'rate'.",
    errors=True, options={"rate": [0, 0]})
vec("format_percent", "bad-lang", "lang 'fr' is not a language (vi, en): bad_value at path 'lang'.",
    errors=True, options={"rate": [72, 77], "lang": "fr"})

# ---- validate: the `tthc validate --format json` output, messages included ----
vec("validate", "valid",
    "A valid document (the procedure_list vectors' one): {\"errors\": []}.",
    input=PL)
vec("validate", "several-errors",
    "Every error of the document, each with code, path and its English message (messages are part of the contract between runtimes). "
    "Structural ones first: unknown_key /titel (the message lists the allowed keys), bad_date /procedures/3/effective ('2025-02-29' is not a real day); "
    "then the semantic ones in document order: bad_value /fields/1/name (a blank field name), bad_code /procedures/0/code ('1.0011'), unknown_field /procedures/1/field ('xay-dung'), "
    "unknown_level /procedures/2/levels/0 ('ward'), unknown_procedure /units/0/applies/add/0 ('9.999999'), duplicate_code /units/1/code (unit 30985 twice), "
    "inconsistent_report /reports/0/published (published 12 > procedures 10). Nine errors.",
    input={"tthc": 1, "as_of": "2025-12-31", "titel": "Danh mục",
           "fields": [{"code": "ho-tich", "name": "Hộ tịch"}, {"code": "chung-thuc", "name": " "}],
           "procedures": [
               {"code": "1.0011", "name": "Đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"]},
               {"code": "1.000894", "name": "Đăng ký kết hôn", "field": "xay-dung", "levels": ["commune"]},
               {"code": "1.000656", "name": "Đăng ký khai tử", "field": "ho-tich", "levels": ["ward"]},
               {"code": "1.004884", "name": "Đăng ký lại khai sinh", "field": "ho-tich", "levels": ["commune"], "effective": "2025-02-29"}],
           "units": [
               {"code": "30985", "name": "Xã An Biên", "level": "commune", "applies": {"add": ["9.999999"]}},
               {"code": "30985", "name": "Xã An Biên", "level": "commune"}],
           "reports": [{"unit": "30985", "scope": "self", "procedures": 10, "published": 12}]})
vec("validate", "syntax",
    "Not JSON: the text ends after two lines, inside the fields array: one syntax error at 'line 3, column 0' (the end of input, just after a line break; serde_json counts that column as 0) with the message 'EOF while parsing a value'.",
    input_text='{"tthc": 1, "fields": [\n  {"code": "ho-tich", "name": "Hộ tịch"},\n')
SMALL = '{"tthc": 1, "title": "Danh mục thủ tục hành chính cấp xã", "fields": [], "procedures": [], "units": []}'
vec("validate", "too-large",
    f"With options.max_bytes 64, a document of {len(SMALL.encode())} bytes of UTF-8 ({len(SMALL)} characters) is refused: one too_large error with an empty path and the message 'the input has {len(SMALL.encode())} bytes, more than the limit of 64' (sizes count UTF-8 bytes of the text as given).",
    input_text=SMALL, options={"max_bytes": 64})
vec("validate", "unsupported-version",
    "tthc 2: only unsupported_version at /tthc, with a message naming the version.",
    input={"tthc": 2, "fields": [], "procedures": [], "units": []})
vec("validate", "duplicate-key",
    "The key 'units' twice in one object: duplicate_code at /units with its message.",
    input_text='{"tthc": 1, "fields": [], "procedures": [], "units": [], "units": []}')
vec("validate", "lone-surrogate",
    "An escaped lone high surrogate in a title: one syntax error at 'line 1, column 26' whose message says a lone surrogate is not a character (serde_json's own words, 'unexpected end of hex escape', would blame a cut-short escape).",
    input_text='{"tthc":1,"title":"\\ud800","fields":[],"procedures":[],"units":[]}')

# ---- import: input_text is the file's content ----
META_HEADER = "folder,ma_thu_tuc,ten_thu_tuc,so_quyet_dinh,cap_thuc_hien,loai_thu_tuc,linh_vuc,doi_tuong_thuc_hien,co_quan_thuc_hien,co_quan_co_tham_quyen,detail_url"
# Four rows of ../shared/data/portal/procedures-metadata-2026.csv, byte for byte (CRLF line ends,
# no-break spaces in the agencies of 1.000894).
META_ROWS = [
    'bo-tu-phap,1.000894,Thủ tục đăng ký kết hôn,163/QĐ-BTP,Cấp xã,TTHC được giao luật quy định chi tiết,Hộ tịch,Công dân Việt Nam,"Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.","Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.",https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
    'bo-tu-phap,1.001193,Thủ tục đăng ký khai sinh,163/QĐ-BTP,Cấp xã,TTHC được giao luật quy định chi tiết,Hộ tịch,"Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài",Không có thông tin,,https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    'bo-tu-phap,2.000908,Thủ tục cấp bản sao từ sổ gốc,858/QĐ-BTP,"Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác",TTHC không được luật giao cho địa phương quy định,Chứng thực,"Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam","Cơ quan, tổ chức đang quản lý sổ gốc",,https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e5d-72f9-8cf2-c71780251483',
    'bo-nong-nghiep-mt,1.012812,Hòa giải tranh chấp đất đai,2304/QĐ-BNNMT,Cấp xã,TTHC được giao luật quy định chi tiết,Đất đai,"Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Doanh nghiệp, Doanh nghiệp có vốn đầu tư nước ngoài, Hợp tác xã, Cán bộ, công chức, viên chức",Không có thông tin,,https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-76e6-7468-b6f2-3d412e902b88',
]
vec("import", "portal-metadata-csv",
    "The header and four real rows of the portal's metadata crawl (../shared/data/portal/procedures-metadata-2026.csv: 1.000894, 1.001193, 2.000908 of bo-tu-phap, 1.012812 of bo-nong-nghiep-mt), format auto (a portal list: no unit-code column). "
    "Expect 4 procedures in file order with their decisions (163/QĐ-BTP, 858/QĐ-BTP, 2304/QĐ-BNNMT) and levels from cap_thuc_hien (commune; 2.000908: central, province, commune, other), "
    "fields derived from the names: ho-tich 'Hộ tịch', chung-thuc 'Chứng thực', dat-dai 'Đất đai'; no units. "
    "Agencies from co_quan_thuc_hien: 1.000894 one agency 'Ủy ban Nhân dân xã, phường, thị trấn.' (commas before small letters stay in the name, no-break spaces become spaces), "
    "2.000908 one agency 'Cơ quan, tổ chức đang quản lý sổ gốc'; 1.001193 and 1.012812 say 'Không có thông tin': no agencies key.",
    input_text="\r\n".join([META_HEADER] + META_ROWS) + "\r\n")
# Rows of ../shared/data/portal/portal-exports-7-lists.csv (source_xlsx BoTuPhap) under the header
# of the portal's own Excel export, with the export's title row above it.
EXPORT_HEADER = "DANH SÁCH THỦ TỤC HÀNH CHÍNH,,,,\r\nMã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực\r\n"
EXPORT_GOOD = ["1.001193,Thủ tục đăng ký khai sinh,Bộ Tư pháp,Ủy ban nhân dân cấp xã,Hộ tịch",
               "2.001019,Chứng thực di chúc,Bộ Tư pháp,Ủy ban nhân dân cấp xã,Chứng thực",
               "1.013803,Bổ nhiệm công chứng viên,Bộ Tư pháp,Sở Tư Pháp,Công chứng",
               "2.000851,Cấp giấy phép thành lập Công ty luật nước ngoài,Bộ Tư pháp,Cục Bổ trợ tư pháp,Luật sư"]
EXPORT_BAD = "1.001669,Thủ tục đăng ký giám hộ có yếu tố nước ngoài,Bộ Tư pháp,Phòng Tư Pháp,Hộ tịch"
EXPORT_DESC = ("Real rows of the Ministry of Justice's portal export (../shared/data/portal/portal-exports-7-lists.csv, BoTuPhap) under the export's header "
               "'Mã số, Tên, Cơ quan ban hành, Cơ quan thực hiện, Lĩnh vực' and its title row (row 1, skipped); format portal-csv; no level column, so levels come from the agencies' wording: "
               "1.001193 and 2.001019 'Ủy ban nhân dân cấp xã' → commune, 1.013803 'Sở Tư Pháp' → province, 2.000851 'Cục Bổ trợ tư pháp' → central; each procedure keeps that one agency in `agencies`")
vec("import", "portal-export-csv",
    EXPORT_DESC + ". Expect 4 procedures in file order, fields ho-tich, chung-thuc, cong-chung 'Công chứng', luat-su 'Luật sư', no decisions, no units.",
    input_text=EXPORT_HEADER + "\r\n".join(EXPORT_GOOD) + "\r\n", options={"format": "portal-csv"})
vec("import", "portal-export-csv-undecidable-level-strict",
    EXPORT_DESC + "; row 5, 1.001669, is done by 'Phòng Tư Pháp', whose wording names no level (docs/import.md): strict mode fails with unknown_level at 'row 5, column \"Cơ quan thực hiện\"' and nothing else.",
    errors=True, input_text=EXPORT_HEADER + "\r\n".join(EXPORT_GOOD[:2] + [EXPORT_BAD] + EXPORT_GOOD[2:]) + "\r\n", options={"format": "portal-csv"})
vec("import", "portal-export-csv-undecidable-level-lenient",
    EXPORT_DESC + "; the same file as the strict vector with lenient true: row 5 (1.001669, 'Phòng Tư Pháp') is skipped and the document holds the 4 good procedures, as in import-portal-export-csv.",
    input_text=EXPORT_HEADER + "\r\n".join(EXPORT_GOOD[:2] + [EXPORT_BAD] + EXPORT_GOOD[2:]) + "\r\n", options={"format": "portal-csv", "lenient": True})
TABLE_HEADER = "Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên,Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Đã công khai,Ngày công khai,Kênh"
TABLE_GOOD = ["91,Tỉnh An Giang,Tỉnh,,,,,,,,",
              "30985,Xã An Biên,Xã,91,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,có,01/08/2025,Một cửa",
              "30985,Xã An Biên,Xã,91,1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,Cấp xã,không,,Một cửa",
              "30985,Xã An Biên,Xã,91,2.001019,Chứng thực di chúc,Chứng thực,Cấp xã,x,,Cổng thông tin",
              "30988,Xã Đông Thái,Xã,91,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,có,15/9/2025,"]
TABLE_BAD = ["30988,Xã Đông Thái,Xã,91,1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,Cấp xã,có lẽ,,Một cửa",
             "30988,Xã Đông Thái,Xã,91,2.001019,Chứng thực di chúc,Chứng thực,Cấp xã,có,31/02/2025,Một cửa"]
TABLE_DESC = ("A hand-made flat publication table with the Vietnamese header names of docs/import.md (Mã đơn vị, Tên đơn vị, Cấp, Mã đơn vị cấp trên, Mã TTHC, Tên TTHC, Lĩnh vực, Cấp thực hiện, Đã công khai, Ngày công khai, Kênh): "
              "province 91 alone (row 2); commune 30985 (parent 91) posted khai sinh on 01/08/2025 at the one-stop desk, not kết hôn (a 'không' row on the one-stop desk), and Chứng thực di chúc ('x') on the portal ('Cổng thông tin'); "
              "commune 30988 posted khai sinh on 15/9/2025 with a blank channel (the one-stop desk)")
TABLE_EXPECT = ("Expect fields chung-thuc and ho-tich, procedures sorted by code (1.000894, 1.001193, 2.001019, all commune), units 91, 30985, 30988 in row order with their levels and parents; "
                "30985: one_stop_shop [1.001193 on 2025-08-01] and portal [2.001019]; 30988: one_stop_shop [1.001193 on 2025-09-15]")
vec("import", "table-csv",
    TABLE_DESC + "; format auto (a unit-code column makes it a table). " + TABLE_EXPECT + ".",
    input_text="\n".join([TABLE_HEADER] + TABLE_GOOD) + "\n")
vec("import", "table-csv-bad-rows-strict",
    TABLE_DESC + "; two bad rows follow: row 7 posted 'có lẽ' (neither yes nor no: bad_cell at 'row 7, column \"Đã công khai\"') and row 8 posted on 31/02/2025 (bad_date at 'row 8, column \"Ngày công khai\"'). Strict: both errors, in row order, and no document.",
    errors=True, input_text="\n".join([TABLE_HEADER] + TABLE_GOOD + TABLE_BAD) + "\n", options={"format": "table-csv"})
vec("import", "table-csv-bad-rows-lenient",
    TABLE_DESC + "; the same file as the strict vector with lenient true: rows 7 and 8 are skipped without a trace, so the document is exactly that of import-table-csv. " + TABLE_EXPECT + ".",
    input_text="\n".join([TABLE_HEADER] + TABLE_GOOD + TABLE_BAD) + "\n", options={"format": "table-csv", "lenient": True})
vec("import", "table-csv-semicolons-bom",
    "A flat table as Excel writes it in a Vietnamese locale: UTF-8 with a byte-order mark, ';' separators, CRLF, the English header names of `tthc export` (unit_code;unit_name;unit_level;procedure_code;procedure_name;field;posted;channel). "
    "Commune 30985 posted 1.001193 on the national portal ('Cổng DVCQG' → national) and not 1.000656 ('chưa'). Expect one field ho-tich, procedures 1.000656 and 1.001193 (commune, from the unit's level), unit 30985 with national [1.001193].",
    input_text="\ufeffunit_code;unit_name;unit_level;procedure_code;procedure_name;field;posted;channel\r\n"
               "30985;Xã An Biên;commune;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;có;Cổng DVCQG\r\n"
               "30985;Xã An Biên;commune;1.000656;Thủ tục đăng ký khai tử;Hộ tịch;chưa;Cổng DVCQG\r\n")
vec("import", "table-csv-missing-column",
    "A table (it has Mã đơn vị and Mã TTHC) without two required columns, the unit's level (Cấp) and posted (Đã công khai): two missing_column errors, both at the header row 'row 1' (unit_level first, then posted; each message names its column), and no document.",
    errors=True, input_text="Mã đơn vị,Tên đơn vị,Mã TTHC,Tên TTHC,Lĩnh vực\n30985,Xã An Biên,1.001193,Thủ tục đăng ký khai sinh,Hộ tịch\n", options={"format": "table-csv"})
vec("import", "portal-bad-code",
    "A portal list (Vietnamese export header) whose second data row has the code '1.0011' (too few digits): strict mode fails with bad_code at 'row 3, column \"Mã số\"'.",
    errors=True, input_text="Mã số,Tên,Lĩnh vực,Cấp thực hiện\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã\n1.0011,Thủ tục lỗi,Hộ tịch,Cấp xã\n")
vec("import", "empty",
    "An empty file: the error empty (empty path), in both modes.",
    errors=True, input_text="")
vec("import", "bad-format",
    "options.format 'pdf' is not an import format (auto, portal-csv, portal-xlsx, table-csv, table-xlsx): the argument error bad_value at path 'format'.",
    errors=True, input_text="\r\n".join([META_HEADER] + META_ROWS[:1]) + "\r\n", options={"format": "pdf"})

# ---- catalogues over time (format.md "Catalogues over time"): decisions, freshness, eras,
# diff and check. Procedures A–F, 1.000001–1.000006: A–D of the commune level, E of the
# province, F central only; G (1.000007) of the province. Province 91 has communes 30985 and
# 30988 and district 908 with commune 30991; province 92 has commune 40001.
LP = [proc("1.000001", name="A"), proc("1.000002", name="B"), proc("1.000003", name="C"),
      proc("1.000004", name="D"), proc("1.000005", name="E", levels=["province"]),
      proc("1.000006", name="F", levels=["central"]), proc("1.000007", name="G", levels=["province"])]

def lunits(posted_30985=None, posted_30988=None, posted_40001=None, posted_30991=None):
    return [{"code": "91", "name": "Tỉnh An Giang", "level": "province"},
            commune("30985", posted_30985, parent="91", name="Xã An Biên"),
            commune("30988", posted_30988, parent="91", name="Xã Tây Yên"),
            {"code": "908", "name": "Huyện An Biên", "level": "district", "parent": "91"},
            commune("30991", posted_30991, parent="908", name="Xã Tây Yên A"),
            {"code": "92", "name": "Tỉnh Khác", "level": "province"},
            commune("40001", posted_40001, parent="92", name="Xã Khác")]

def dec(id, effective, level="commune", within=None, items=(), complete=False, **kw):
    d = {"id": id, "effective": effective, "scope": {"level": level}}
    if within: d["scope"]["within"] = within
    if complete: d["complete"] = True
    d["items"] = [dict(zip(("procedure", "action", "by"), it)) for it in items]
    d.update(kw)
    return d

A, B, C, D, PE, PF, PG = (f"1.00000{i}" for i in range(1, 8))
LDOC = lambda units, decisions, as_of="2025-12-31", procedures=LP: doc(procedures, units, as_of=as_of, decisions=decisions)

V["decisions-order"] = ("Decisions apply by effective day, then document order, to the communes within 91 (as_of 2025-12-31): 1/QĐ (2025-07-01, complete: A, B), 2/QĐ (2025-08-01: C new), 3/QĐ (2025-08-01, after 2/QĐ in the document: C abolished), 4/QĐ (2025-09-01, first in the document: A abolished). "
    "Communes 30985, 30988, 30991 (below 91 through district 908): applicable [B] only, applicability 'decisions', decisions ['1/QĐ', '2/QĐ', '3/QĐ', '4/QĐ']; 30985 posted A and B: 1/1 = 100.0 %, warning posted_not_applicable for A. "
    "Commune 40001 of province 92: no decision, applicability 'levels', applicable A–D (4), decisions []. Provinces and the district: 'levels' (E and G, the province procedures, for the provinces; nothing for the district).",
    {"input": LDOC(lunits(posted_30985=[A, B]),
        [dec("4/QĐ", "2025-09-01", within="91", items=[(A, "abolished")]),
         dec("1/QĐ", "2025-07-01", within="91", complete=True, items=[(A, "listed"), (B, "listed")]),
         dec("2/QĐ", "2025-08-01", within="91", items=[(C, "new")]),
         dec("3/QĐ", "2025-08-01", within="91", items=[(C, "abolished")])])})

V["decision-complete-list"] = ("A complete list replaces the levels' list: 123/QĐ-UBND (2025-07-01, commune, within 91, complete) lists B, E (a province procedure) and F (central only). "
    "30985, 30988 and 30991 have exactly B, E, F (3 applicable, fields 1); 30985 posted A and B: 1/3 = 33.3 %, missing E and F, posted_not_applicable A. "
    "40001 (province 92) keeps the levels' A–D (4, 0/4). The provinces keep E and G (the province procedures, 0/2).",
    {"input": LDOC(lunits(posted_30985=[A, B]),
        [dec("123/QĐ-UBND", "2025-07-01", within="91", complete=True, items=[(B, "listed"), (PE, "listed"), (PF, "listed")],
             title="Danh mục TTHC thuộc thẩm quyền giải quyết của UBND cấp xã", issuer="Ủy ban nhân dân tỉnh", issued="2025-06-30")])})

V["decision-replaced"] = ("A replaced item takes the old code out and puts its replacement in: 5/QĐ (2025-07-01, commune, within 91) replaces A by G (a province procedure). "
    "30985 posted A (the old code) and B: A is posted_not_applicable; applicable B, C, D, G (4), published 1 (B), missing C, D, G: 1/4 = 25.0 %. 40001 is outside 91: A–D, 0/4.",
    {"input": LDOC(lunits(posted_30985=[A, B]),
        [dec("5/QĐ", "2025-07-01", within="91", items=[(A, "replaced", PG)])])})

V["decision-amended-after-posting"] = ("A decision's amendment makes earlier postings outdated (as_of 2025-12-31): 6/QĐ (2025-09-01, commune, within 91) amends B, whose own amended is 2024-01-01. "
    "30985 posted B on 2025-08-15 (before 2025-09-01): outdated, outdated_procedures [B], 0/4. 30988 posted B on 2025-09-01 (the day): published, 1/4. "
    "40001 (province 92, not covered) posted B on 2025-08-15: published (its amendment day is B's own 2024-01-01), 1/4. B stays applicable everywhere (an amended item is in the list).",
    {"input": LDOC(lunits(posted_30985=[{"procedure": B, "on": "2025-08-15"}], posted_30988=[{"procedure": B, "on": "2025-09-01"}],
                          posted_40001=[{"procedure": B, "on": "2025-08-15"}]),
        [dec("6/QĐ", "2025-09-01", within="91", items=[(B, "amended")])],
        procedures=[dict(p, amended="2024-01-01") if p["code"] == B else p for p in LP])})

V["decision-scope-provinces"] = ("Scopes: 7/QĐ (commune, within 91) abolishes A; 8/QĐ (province, within 92) lists F; 9/QĐ (commune, no within: every commune) lists G. "
    "Communes within 91 — 30985, 30988 and 30991 below district 908 — have B, C, D, G (4) and decisions ['7/QĐ', '9/QĐ']; commune 40001 of 92 has A, B, C, D, G (5) and decisions ['9/QĐ']. "
    "Province 92 has E, F and G (3, decisions ['8/QĐ']); province 91 has E and G (2, 'levels'). The district has nothing applicable ('levels'). All effective 2025-07-01, as_of 2025-12-31; no postings: 0 %.",
    {"input": LDOC(lunits(),
        [dec("7/QĐ", "2025-07-01", within="91", items=[(A, "abolished")]),
         dec("8/QĐ", "2025-07-01", level="province", within="92", items=[(PF, "listed")]),
         dec("9/QĐ", "2025-07-01", items=[(PG, "new")])])})

V["decision-fallback-levels"] = ("Units without a decision in effect fall back to the levels: 10/QĐ (commune, within 91, complete, lists F) takes effect 2026-01-01, after as_of 2025-12-31; 11/QĐ is for districts within 92 (which has none). "
    "Every unit: applicability 'levels', decisions []; the communes have A–D (4), the provinces E and G (2). 30985 posted A: 1/4 = 25.0 %.",
    {"input": LDOC(lunits(posted_30985=[A]),
        [dec("10/QĐ", "2026-01-01", within="91", complete=True, items=[(PF, "listed")]),
         dec("11/QĐ", "2025-01-01", level="district", within="92", items=[(A, "abolished")])])})

FRESH = [{"procedure": A, "on": "2025-01-01", "checked": "2025-12-31"}, {"procedure": B, "on": "2025-12-30"}, C,
         D, {"procedure": D, "checked": "2026-01-15"}]
V["stale-boundary"] = ("stale_after 90, as_of 2026-03-31 (90 days before is 2025-12-31). Commune 30985: A checked 2025-12-31 (exactly 90 days: not stale), B posted 2025-12-30 and never checked (91 days: stale), C undated (unchecked), D posted twice, undated and checked 2026-01-15 (the fresher counts: not stale; posted_twice warning). "
    "30985: stale [B], unchecked 1, published 4 (stale and unchecked still count: 4/4 = 100.0 %). The other units: stale [], unchecked 0.",
    {"input": LDOC(lunits(posted_30985=FRESH), [], as_of="2026-03-31"), "options": {"stale_after": 90}})
V["stale-boundary-day-after"] = ("The same document as report-stale-boundary as of 2026-04-01 (option): A's check of 2025-12-31 is now 91 days old: stale [A, B], unchecked 1, still 4/4 published.",
    {"input": LDOC(lunits(posted_30985=FRESH), [], as_of="2026-03-31"), "options": {"stale_after": 90, "as_of": "2026-04-01"}})

V["eras"] = ("Units outside valid_from..valid_to on the day are not ranked with current units (as_of 2025-12-31): commune 30991 (Xã Tây Yên A, valid_to 2025-06-30, successors [30988]) posted A–D (4/4) but has current false and rank null; "
    "30988 (Xã Tây Yên, valid_from 2025-07-01) posted A and B (2/4, rank 1); 30985 (no dates) posted A (1/4, rank 2); 40001 nothing (0/4, rank 3). The district 908 (valid_to 2025-06-30) is not current either.",
    {"input": doc(LP, [{"code": "91", "name": "Tỉnh An Giang", "level": "province"},
                       commune("30985", [A], parent="91", name="Xã An Biên"),
                       commune("30988", [A, B], parent="91", name="Xã Tây Yên", valid_from="2025-07-01"),
                       {"code": "908", "name": "Huyện An Biên", "level": "district", "parent": "91", "valid_to": "2025-06-30", "successors": ["30985", "30988", "31006"]},
                       commune("30991", [A, B, C, D], parent="908", name="Xã Tây Yên A", valid_to="2025-06-30", successors=["30988"]),
                       {"code": "92", "name": "Tỉnh Khác", "level": "province"},
                       commune("40001", [], parent="92", name="Xã Khác")], as_of="2025-12-31")})

E["decision-unknown-procedure"] = ("A decision's item names 1.999999, which is not a procedure of the document (unknown_procedure at /decisions/0/items/0/procedure), and replaces A by 1.999998 (unknown_procedure at /decisions/0/items/1/by).",
    {"input": LDOC(lunits(), [dec("1/QĐ", "2025-07-01", items=[("1.999999", "listed"), (A, "replaced", "1.999998")])])})
E["decision-by-without-replaced"] = ("`by` on a listed item is bad_value at /decisions/0/items/0/by; a replaced item without `by` is missing_key at /decisions/0/items/1; an action 'moved' is bad_value at /decisions/0/items/2/action.",
    {"input": LDOC(lunits(), [dec("1/QĐ", "2025-07-01", items=[(A, "listed", B), (C, "replaced"), (D, "moved")])])})
E["decision-replacement-cycle"] = ("A replaced by B and B replaced by A in one decision: replacement_cycle at /decisions/0/items/0 (one error for the circle); C replaced by itself: replacement_cycle at /decisions/0/items/2.",
    {"input": LDOC(lunits(), [dec("1/QĐ", "2025-07-01", items=[(A, "replaced", B), (B, "replaced", A), (C, "replaced", C)])])})
E["decision-scope"] = ("Scopes: within 99, a unit the document does not define (unknown_unit at /decisions/0/scope/within); a province-level decision within commune 30985, below its level (bad_parent at /decisions/1/scope/within); level 'ward' (unknown_level at /decisions/2/scope/level).",
    {"input": LDOC(lunits(), [dec("1/QĐ", "2025-07-01", within="99"), dec("2/QĐ", "2025-07-01", level="province", within="30985"),
                              dec("3/QĐ", "2025-07-01", level="ward")])})
E["decision-duplicates"] = ("Two decisions with the id 1/QĐ (duplicate_code at /decisions/1/id), a procedure twice in one decision (duplicate_code at /decisions/2/items/1/procedure), an empty id (bad_code at /decisions/3/id).",
    {"input": LDOC(lunits(), [dec("1/QĐ", "2025-07-01"), dec("1/QĐ", "2025-08-01"), dec("2/QĐ", "2025-07-01", items=[(A, "listed"), (A, "abolished")]),
                              dec(" ", "2025-07-01")])})
E["decision-structure"] = ("Structural errors of decisions: no effective (missing_key at /decisions/0), effective 2025-02-30 (bad_date at /decisions/1/effective), scope null (wrong_type at /decisions/2/scope), complete 'yes' (wrong_type at /decisions/2/complete), an unknown key 'note' in an item (unknown_key at /decisions/3/items/0/note), items as a string (wrong_type at /decisions/4/items).",
    {"input": LDOC(lunits(), [{"id": "1", "scope": {"level": "commune"}, "items": []}, dec("2", "2025-02-30"),
                              {"id": "3", "effective": "2025-01-01", "scope": None, "complete": "yes", "items": []},
                              {"id": "4", "effective": "2025-01-01", "scope": {"level": "commune"}, "items": [{"procedure": A, "action": "new", "note": 1}]},
                              {"id": "5", "effective": "2025-01-01", "scope": {"level": "commune"}, "items": A}])})
E["agencies"] = ("agencies: a string instead of a list (wrong_type at /procedures/1/agencies, a structural error, reported first), an empty name (bad_value at /procedures/0/agencies/1, the validator's).",
    {"input": doc([proc(A, agencies=["Ủy ban nhân dân cấp xã", " "]), proc(B, agencies="Sở Tư pháp")], [])})
E["checked-before-on"] = ("A posting checked (2025-07-02) before it was posted (2025-07-03): bad_date at /units/0/published/one_stop_shop/0/checked.",
    {"input": doc([proc(A)], [commune("30985", [{"procedure": A, "on": "2025-07-03", "checked": "2025-07-02"}])])})
E["option-bad-stale-after"] = ("A valid document, but options.stale_after 0 (not a number of days ≥ 1): the argument error bad_value at path 'stale_after'.",
    {"input": doc([proc(A)], []), "options": {"stale_after": 0}})

vec("unit_report", "stale",
    "The document of report-stale-boundary, unit 30985 alone (stale_after 90, as_of 2026-03-31): stale [1.000002], unchecked 1, published 4, rank null; the same row as the whole report's.",
    input=LDOC(lunits(posted_30985=FRESH), [], as_of="2026-03-31"), options={"unit": "30985", "stale_after": 90})
vec("unit_report", "decisions",
    "The document of report-decision-complete-list, commune 30985 alone: applicability 'decisions', decisions ['123/QĐ-UBND'], applicable 3 (B, E, F), published 1, missing [1.000005, 1.000006], rank null.",
    input=LDOC(lunits(posted_30985=[A, B]),
        [dec("123/QĐ-UBND", "2025-07-01", within="91", complete=True, items=[(B, "listed"), (PE, "listed"), (PF, "listed")],
             title="Danh mục TTHC thuộc thẩm quyền giải quyết của UBND cấp xã", issuer="Ủy ban nhân dân tỉnh", issued="2025-06-30")]),
    options={"unit": "30985"})

vec("validate", "decisions",
    "Decision errors with their messages: a replaced item without `by` (missing_key at /decisions/0/items/0), a circle A by B, B by A (replacement_cycle at /decisions/1/items/0, message '… 1.000001 by 1.000002 by 1.000001'), within an unknown unit 99 (unknown_unit at /decisions/2/scope/within).",
    input=LDOC(lunits(), [dec("1", "2025-01-01", items=[(A, "replaced")]), dec("2", "2025-01-01", items=[(A, "replaced", B), (B, "replaced", A)]),
                          dec("3", "2025-01-01", within="99")]))

# ---- diff: OLD is `input`, NEW the option `new` ----
DIFF_F = [{"code": "ho-tich", "name": "Hộ tịch"}, {"code": "dat-dai", "name": "Đất đai"}]
DIFF_OLD = doc([proc(A, name="A"), proc(B, name="B"), proc(C, name="C", amended="2019-01-01"), proc("2.000528", name="D", field="dat-dai"),
                proc("1.000005", name="E", agencies=["Ủy ban nhân dân cấp xã"])],
               [{"code": "91", "name": "Tỉnh An Giang", "level": "province"},
                {"code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91",
                 "published": {"one_stop_shop": [A, {"procedure": C, "on": "2024-05-01"}, "2.000528", "1.000005"], "portal": [A]}},
                commune("30991", name="Xã Tây Yên A", parent="91")],
               as_of="2025-12-31", fields=DIFF_F,
               decisions=[dec("1/QĐ", "2025-01-01", items=[(A, "listed")]), dec("9/QĐ", "2025-01-01", items=[(B, "listed")])])
DIFF_NEW = doc([proc(A, name="A"), proc(B, name="B mới"), proc(C, name="C", amended="2025-07-01"), proc("1.013000", name="F", field="dat-dai"),
                proc("1.000005", name="E", levels=["province"], agencies=["Ủy ban nhân dân cấp tỉnh"])],
               [{"code": "91", "name": "Tỉnh An Giang", "level": "province"},
                {"code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91",
                 "published": {"one_stop_shop": [A, {"procedure": C, "on": "2024-05-01"}, "2.000528", "1.000005"], "portal": [A, B]}},
                commune("30988", name="Xã Tây Yên", parent="91")],
               as_of="2025-12-31", fields=[DIFF_F[0], {"code": "dat-dai", "name": "Đất đai (mới)"}, {"code": "xay-dung", "name": "Xây dựng"}],
               decisions=[dec("1/QĐ", "2025-02-01", items=[(A, "listed")]),
                          dec("123/QĐ-UBND", "2025-07-01", within="91", items=[("1.013000", "new")])])
DIFF_DESC = ("OLD → NEW, as_of 2025-12-31 (NEW's): procedure 2.000528 removed, 1.013000 added; B renamed 'B mới'; C's amended 2019-01-01 → 2025-07-01; E's levels [commune] → [province] and agencies ['Ủy ban nhân dân cấp xã'] → ['Ủy ban nhân dân cấp tỉnh']. "
             "Fields: xay-dung added, dat-dai renamed 'Đất đai' → 'Đất đai (mới)'. Units: 30988 added, 30991 removed, 30985 changed (published: its portal list [1.000001] → [1.000001, 1.000002]). "
             "Decisions: 123/QĐ-UBND added (commune within 91: 1.013000 new), 9/QĐ removed, 1/QĐ changed (effective 2025-01-01 → 2025-02-01). ")
vec("diff", "every-change",
    DIFF_DESC + "Actions: province 91 (one-stop desk) must post E (now of its level); 30985 on the one-stop desk posts F (1.013000, now applicable), re-posts C (posted 2024-05-01, before its amendment 2025-07-01), takes down E (no longer its level) and 2.000528 (removed from the catalogue, posted as an undefined code); "
    "30985 on its portal posts F only (C was applicable and missing before: not a change); new commune 30988 posts all four applicable (A, B, C, F).",
    input=DIFF_OLD, options={"new": DIFF_NEW})
vec("diff", "channel-portal",
    "The documents of diff-every-change with options.channel 'portal': the same catalogue changes; actions only on the portal: 91 posts E, 30985 posts 1.013000, 30988 posts A, B, C and 1.013000.",
    input=DIFF_OLD, options={"new": DIFF_NEW, "channel": "portal"})
vec("diff", "as-of-before-amendment",
    "The documents of diff-every-change with options.as_of 2025-03-01 (as_of '2025-03-01'): C's amendment (2025-07-01) is not in effect yet, so nothing to re-post; 1.013000 is of the commune level, so it is to post without decision 123/QĐ-UBND (not in effect either); "
    "the catalogue changes are the same; actions: 91 posts E; 30985 posts 1.013000 and takes down E and 2.000528 on the one-stop desk, posts 1.013000 on its portal; 30988 posts A, B, C and 1.013000.",
    input=DIFF_OLD, options={"new": DIFF_NEW, "as_of": "2025-03-01"})
vec("diff", "no-difference",
    "A document against itself: every list empty (procedures, fields, units, decisions: added, removed, changed) and no actions; as_of 2025-12-31.",
    input=DIFF_OLD, options={"new": DIFF_OLD})
vec("diff", "invalid-new",
    "NEW is invalid (a procedure without levels): its error, missing_key at /procedures/0, with NEW's path; OLD was read first without error.",
    errors=True, input=DIFF_OLD, options={"new": {"tthc": 1, "fields": [DIFF_F[0]], "procedures": [{"code": A, "name": "A", "field": "ho-tich"}], "units": []}})
vec("diff", "bad-channel",
    "Two valid documents, but options.channel 'website': unknown_channel at path 'channel'.",
    errors=True, input=DIFF_OLD, options={"new": DIFF_OLD, "channel": "website"})

# ---- check ----
CHECK_DOC = doc([proc(A, name="Khai sinh", agencies=["Ủy ban Nhân dân xã, phường, thị trấn."]),
                 proc(B, name="Khai báo hải quan", agencies=["Chi cục Hải quan khu vực"]),
                 proc(C, name="Hòa giải"),
                 proc(D, name="Cư trú", levels=["district", "commune"], agencies=["Phòng Tư pháp cấp huyện", "Công an cấp Xã"]),
                 proc("1.000005", name="Đất đai", agencies=["Chi nhánh Văn phòng đăng ký đất đai", "Chủ tịch UBND cấp xã"]),
                 proc("1.000006", name="Cấp tỉnh", levels=["province"]),
                 proc("1.000007", name="Thuế", agencies=["Thuế cơ sở", "Ủy ban nhân dân cấp tỉnh"])],
                [{"code": "91", "name": "Tỉnh An Giang", "level": "province"},
                 {"code": "30985", "name": "Xã An Biên", "level": "commune", "parent": "91",
                  "published": {"one_stop_shop": [A, "1.999999", {"procedure": "1.000006"}, {"procedure": B, "on": "2025-01-01"}],
                                "portal": [{"procedure": A, "checked": "2025-12-31"}]}},
                 {"code": "908", "name": "Huyện An Biên", "level": "district", "parent": "91", "valid_to": "2025-06-30",
                  "successors": ["30985", "30988", "31006"], "published": {"one_stop_shop": [D]}}],
                as_of="2026-03-31",
                decisions=[dec("1/QĐ", "2020-01-01", within="908"), dec("2/QĐ", "2020-01-01", within="91")])
CHECK_DESC = ("Procedures: A by 'Ủy ban Nhân dân xã, phường, thị trấn.' (the commune People's Committee: no finding); B by 'Chi cục Hải quan khu vực' (customs); C with no agency; D of the district and commune levels by 'Phòng Tư pháp cấp huyện' (the district's office) and 'Công an cấp Xã' (police); "
              "1.000005 by the land registration office's branch and 'Chủ tịch UBND cấp xã' (the chairman: no finding); 1.000006 of the province (not checked); 1.000007 by 'Thuế cơ sở' and 'Ủy ban nhân dân cấp tỉnh'. "
              "Commune 30985 posts on the one-stop desk A, the undefined 1.999999 (index 1), the province's 1.000006 (index 2) and B posted 2025-01-01 (index 3), and on its portal A checked 2025-12-31; district 908 ended 2025-06-30 (successors 30985, 30988, 31006) and still posts D; "
              "decision 1/QĐ is for the communes within 908, 2/QĐ within 91. ")
vec("check", "findings",
    CHECK_DESC + "as_of 2026-03-31. Expect 8 findings in this order: level_agency_mismatch at /procedures/1/agencies (customs), no_agency at /procedures/2, level_agency_mismatch at /procedures/3/agencies (commune level: the police), "
    "level_agency_mismatch at /procedures/6/agencies (tax and the province's committee), posted_not_applicable at /units/1/published/one_stop_shop/2, posted_unknown at /units/1/published/one_stop_shop/1, "
    "unit_not_valid at /units/2/published (1 posting), decision_unknown_successor at /decisions/0/scope/within (successors 30985, 30988, 31006 of 908: 30988 and 31006 are not in the document).",
    input=CHECK_DOC)
vec("check", "stale-boundary",
    CHECK_DESC + "With stale_after 90 and as_of 2026-03-31: the same 8 findings plus stale at /units/1/published/one_stop_shop/3 (B posted 2025-01-01, 454 days before), placed after the posting findings of the one-stop desk; A's portal check (2025-12-31, exactly 90 days) is not stale.",
    input=CHECK_DOC, options={"stale_after": 90})
vec("check", "channel-and-day",
    CHECK_DESC + "With channel 'portal' and as_of 2025-06-30: the four procedure findings; no posting finding (the portal posting of A applies); 908 still exists (no unit_not_valid) and so does its decision's area (no decision_unknown_successor).",
    input=CHECK_DOC, options={"channel": "portal", "as_of": "2025-06-30"})
vec("check", "bad-stale-after",
    "A valid document, but options.stale_after -5: bad_value at path 'stale_after'.",
    errors=True, input=CHECK_DOC, options={"stale_after": -5})


def write(name, operation, desc, body, errors):
    path = HERE / f"{name}.json"
    old = json.load(open(path)) if path.exists() else {}
    v = {"description": desc, "operation": operation}
    v.update(body)
    key = "expect_errors" if errors else "expect"
    if key in body:  # sort: the expectation is ICU's, written above
        pass
    else:
        same_input = old.get("operation", "report") == operation and all(
            old.get(k) == v.get(k) for k in ("input", "input_text", "options"))
        v[key] = old[key] if same_input and key in old else None
    with open(path, "w") as f:
        json.dump(v, f, ensure_ascii=False, indent=1)
        f.write("\n")

for name, (desc, body) in V.items():
    write(f"report-{name}", "report", desc, body, False)
for name, (desc, body) in E.items():
    write(f"error-{name}", "report", desc, body, True)
for name, (operation, errors, desc, body) in N.items():
    write(name, operation, desc, body, errors)
counts = {"report": len(V) + len(E)}
for operation, *_ in N.values():
    counts[operation] = counts.get(operation, 0) + 1
print(", ".join(f"{op} {n}" for op, n in counts.items()))
