#!/usr/bin/env python3
"""Make the example page's catalogue documents (tthc JSON v1) from the 2026 portal data.

    TTHC=target/debug/tthc python3 examples/web/data/make_portal_commune.py [procedures-metadata-2026.csv]

Input: the 2,642 procedures shown on the National Public Service Portal (dichvucong.gov.vn) in
2026, crawled in the public repository chatbot-tthc/chatbot_tthc (commit 53229487) and reshaped
to one CSV (shared data: portal/procedures-metadata-2026.csv; a copy is
crates/tthc/tests/data/portal/procedures-metadata-2026.csv).

The commune's list is DERIVED, not a province's decision: of the 588 rows whose `cap_thuc_hien`
(levels) contains "Cấp xã", it keeps the procedures whose agencies (co_quan_thuc_hien) name the
commune People's Committee, its chairman or its own offices — the procedures `tthc check`
(docs/check.md, the core's agency words) neither flags `level_agency_mismatch` nor reports as
`no_agency`. The script runs the tthc CLI for that (`$TTHC`, default `tthc` on the PATH, else
target/{release,debug}/tthc): `tthc import` of the CSV, then `tthc check --format json`. Nothing
is left out silently: every other "Cấp xã" procedure is written, with the finding and the
kind of agency that carries it out, to portal-commune-2026-left-out.json, and the page states
the counts.

Output, next to this script:
- portal-commune-2026.json: the derived procedures (names, decision numbers and agencies copied
  exactly, levels mapped to the format's names, fields from `linh_vuc` with codes derived from the
  folded field name); one real commune, Xã Tây Yên (GSO 30988, An Giang, from Công văn
  1027/CTK-CSCL), listed WITHOUT postings: what it posted is not public, so nothing is claimed.
- portal-commune-2026-left-out.json: the "Cấp xã" procedures left out, each with `finding`
  (`level_agency_mismatch` or `no_agency`), `kind` (customs, tax, police, …: the branch words of
  docs/check.md its agencies name, for the page's explanation) and its agencies; `counts` per kind.
- demo-xa-mau-2026.json: the derived procedures and one FICTIONAL unit, "Xã Mẫu (ví dụ minh
  hoạ)" (code 99999), whose postings are made up by a fixed rule, to show what the statuses look
  like. Its title says so.

Only the standard library and the tthc CLI; the output is deterministic (same input, same bytes).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
DEFAULT_CSV = ROOT / "crates/tthc/tests/data/portal/procedures-metadata-2026.csv"
SOURCE_REPO = "chatbot-tthc/chatbot_tthc"
SOURCE_COMMIT = "53229487"

LEVELS = {
    "cấp bộ": "central",
    "cấp tỉnh": "province",
    "cấp huyện": "district",
    "cấp xã": "commune",
    "cơ quan khác": "other",
}


def fold(text: str) -> str:
    """Lower case, no tones or diacritics, đ → d (enough for codes; the library has the real one)."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def levels(cell: str) -> list[str]:
    out = []
    for part in cell.split(","):
        key = unicodedata.normalize("NFC", part).strip().lower()
        if key not in LEVELS:
            raise SystemExit(f"unknown level {part!r}")
        if LEVELS[key] not in out:
            out.append(LEVELS[key])
    order = list(LEVELS.values())
    return sorted(out, key=order.index)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if "Cấp xã" in unicodedata.normalize("NFC", r["cap_thuc_hien"])]
    seen: set[str] = set()
    for r in rows:
        code = r["ma_thu_tuc"]
        if not re.fullmatch(r"[0-9]\.[0-9]{6}", code):
            raise SystemExit(f"bad code {code!r}")
        if code in seen:
            raise SystemExit(f"duplicate code {code!r}")
        seen.add(code)
    return rows


def catalogue(rows: list[dict[str, str]], agencies: dict[str, list[str]]) -> tuple[list[dict], list[dict]]:
    fields: dict[str, dict] = {}
    procedures = []
    for r in rows:
        name = r["linh_vuc"]
        code = slug(name)
        if not code:
            raise SystemExit(f"empty field code for {name!r}")
        # Spellings that fold alike ("Hoà"/"Hòa") are one field; the first spelling is kept.
        fields.setdefault(code, {"code": code, "name": name})
        p = {
            "code": r["ma_thu_tuc"],
            "name": r["ten_thu_tuc"],
            "field": code,
            "levels": levels(r["cap_thuc_hien"]),
        }
        if r["so_quyet_dinh"].strip():
            p["decision"] = r["so_quyet_dinh"]
        if agencies.get(r["ma_thu_tuc"]):
            p["agencies"] = agencies[r["ma_thu_tuc"]]
        procedures.append(p)
    return list(fields.values()), procedures


def source_text(kept: int, total: int) -> str:
    return (
        "Procedures: the National Public Service Portal (dichvucong.gov.vn) in 2026, as crawled in "
        f"the public repository {SOURCE_REPO} (commit {SOURCE_COMMIT}). DERIVED list, not a "
        f"province's decision: of the {total} procedures whose level list (cap_thuc_hien) contains "
        f"\"Cấp xã\", the {kept} whose agencies (co_quan_thuc_hien) name the commune People's "
        "Committee, its chairman or its own offices (tthc check: neither level_agency_mismatch nor "
        f"no_agency; docs/check.md). The other {total - kept} (customs, tax, police, social "
        "insurance, treasury, courts, provincial agencies, or no agency given) are listed in "
        "portal-commune-2026-left-out.json. Names, decision numbers and agencies copied exactly; "
        "field codes derived from the folded field name. Generated by "
        "examples/web/data/make_portal_commune.py."
    )


def write(path: Path, doc: dict) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(doc['procedures'])} procedures, "
          f"{len(doc['fields'])} fields, {len(doc['units'])} units, {len(text.encode())} bytes")


def demo_postings(procedures: list[dict]) -> list[str]:
    """A fixed, obviously artificial rule: every procedure except each 7th and each 11th."""
    return [p["code"] for i, p in enumerate(procedures) if i % 7 != 3 and i % 11 != 5]


# The branch words of docs/check.md ("Who carries a procedure out"), first match wins: only to
# say on the page WHY a procedure is left out. What is left out is the core's finding.
KINDS = [
    ("customs", ["hai quan"]),
    ("tax", ["thue"]),
    ("police", ["cong an", "canh sat"]),
    ("social_insurance", ["bao hiem xa hoi", "bhxh"]),
    ("treasury", ["kho bac"]),
    ("court", ["toa an", "vien kiem sat"]),
]


def kind(agencies: list[str]) -> str:
    """The kind of agency a left-out procedure names (`other` when no branch word matches)."""
    text = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", fold(a)) for a in agencies) + " "
    for name, words in KINDS:
        if any(f" {w} " in text for w in words):
            return name
    return "other"


def tthc_cli() -> list[str]:
    """The tthc command: $TTHC, `tthc` on the PATH, or a build of this repository."""
    if os.environ.get("TTHC"):
        return [os.environ["TTHC"]]
    if shutil.which("tthc"):
        return ["tthc"]
    for build in ("release", "debug"):
        for target in (os.environ.get("CARGO_TARGET_DIR"), ROOT / "target"):
            if target and (Path(target) / build / "tthc").is_file():
                return [str(Path(target) / build / "tthc")]
    raise SystemExit("no tthc CLI: build it (cargo build -p tthc-cli) and set TTHC=path/to/tthc")


def derive(csv_path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Agencies by code (as the core's portal importer splits them) and, for each "Cấp xã"
    procedure `tthc check` reports, its finding: `level_agency_mismatch` or `no_agency`."""
    cli = tthc_cli()
    with tempfile.TemporaryDirectory() as tmp:
        imported = Path(tmp) / "portal.json"
        subprocess.run([*cli, "import", str(csv_path), "-o", str(imported)], check=True)
        doc = json.loads(imported.read_text(encoding="utf-8"))
        out = subprocess.run([*cli, "check", str(imported), "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    procedures = doc["procedures"]
    agencies = {p["code"]: p.get("agencies", []) for p in procedures}
    findings: dict[str, str] = {}
    for f in json.loads(out)["findings"]:
        m = re.fullmatch(r"/procedures/(\d+)(/agencies)?", f["path"])
        if not m or f["code"] not in ("level_agency_mismatch", "no_agency"):
            continue
        p = procedures[int(m.group(1))]
        if "commune" in p["levels"]:
            findings.setdefault(p["code"], f["code"])
    return agencies, findings


def main() -> None:
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    agencies, findings = derive(csv_path)
    rows = read_rows(csv_path)
    kept_rows = [r for r in rows if r["ma_thu_tuc"] not in findings]
    fields, procedures = catalogue(kept_rows, agencies)
    left_out = []
    for r in rows:
        code = r["ma_thu_tuc"]
        if code in findings:
            a = agencies.get(code, [])
            left_out.append({"code": code, "name": r["ten_thu_tuc"], "finding": findings[code],
                             "kind": kind(a) if findings[code] == "level_agency_mismatch" else "no_agency",
                             "agencies": a})
    counts: dict[str, int] = {}
    for item in left_out:
        counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    order = [k for k, _ in KINDS] + ["other", "no_agency"]
    left = {
        "title": "Procedures labelled \"Cấp xã\" on the portal (2026) that the example page leaves out",
        "source": source_text(len(procedures), len(rows)),
        "labelled_commune": len(rows),
        "kept": len(procedures),
        "counts": {k: counts[k] for k in order if k in counts},
        "procedures": left_out,
    }
    text = json.dumps(left, ensure_ascii=False, indent=1) + "\n"
    (HERE / "portal-commune-2026-left-out.json").write_text(text, encoding="utf-8")
    print(f"wrote examples/web/data/portal-commune-2026-left-out.json: {len(left_out)} left out, "
          f"{len(procedures)} kept of {len(rows)}; by kind: {left['counts']}")

    real = {
        "tthc": 1,
        "title": "Thủ tục do UBND cấp xã thực hiện (suy ra từ cơ quan thực hiện trên Cổng Dịch vụ "
        "công quốc gia, 2026; không phải danh mục do tỉnh công bố)",
        "source": source_text(len(procedures), len(rows))
        + " Units: Tỉnh An Giang (91) and Xã Tây Yên (30988) from Công văn 915/CTK-CSCL and "
        "1027/CTK-CSCL (2025). Xã Tây Yên has no postings here because what it posted is not "
        "public: do not read a rate for it from this file.",
        "fields": fields,
        "procedures": procedures,
        "units": [
            {"code": "91", "name": "Tỉnh An Giang", "level": "province", "valid_from": "2025-07-01"},
            {"code": "30988", "name": "Xã Tây Yên", "level": "commune", "parent": "91",
             "valid_from": "2025-07-01"},
        ],
    }
    write(HERE / "portal-commune-2026.json", real)

    demo = {
        "tthc": 1,
        "title": "VÍ DỤ MINH HOẠ: Xã Mẫu là đơn vị giả định, các thủ tục đã niêm yết là số liệu "
        "bịa ra để minh hoạ (illustration only: a fictional commune with made-up postings)",
        "source": source_text(len(procedures), len(rows))
        + " Unit: FICTIONAL. \"Xã Mẫu (ví dụ minh hoạ)\", code 99999, does not exist; its postings "
        "follow a fixed rule (every procedure except each 7th and each 11th) chosen only to show "
        "the statuses.",
        "fields": fields,
        "procedures": procedures,
        "units": [
            {"code": "99999", "name": "Xã Mẫu (ví dụ minh hoạ)", "level": "commune",
             "published": {"one_stop_shop": demo_postings(procedures)}},
        ],
    }
    write(HERE / "demo-xa-mau-2026.json", demo)


if __name__ == "__main__":
    main()
