#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from the conformance
vectors (tests/conformance/*.json) and the importers' sample files, and check the dictionary.

Each target reads its input in its own layout (see the target's doc comment): documents as
their text, two documents or up to three strings separated by NUL bytes, a selector byte before
a CSV file or a search query. Run by `make fuzz`; the corpora are not committed (libFuzzer adds
to them as it runs), the seeds under fuzz/seeds/ are.
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "conformance"
PORTAL = ROOT / "crates" / "tthc" / "tests" / "data" / "portal"
SEEDS = ROOT / "fuzz" / "seeds"
CORPUS = ROOT / "fuzz" / "corpus"
CSV_FORMATS = {"auto": 0, "portal-csv": 1, "table-csv": 2}


def doc_text(vector):
    """The vector's document as text: `input` as JSON, else `input_text`."""
    if "input" in vector:
        return json.dumps(vector["input"], ensure_ascii=False, indent=1)
    return vector.get("input_text")


def seeds():
    out = {t: [] for t in ("json_read", "compliance", "diff_check", "import_csv",
                           "import_xlsx", "import_decision", "text", "search")}
    for path in sorted(VECTORS.glob("*.json")):
        v = json.loads(path.read_text(encoding="utf-8"))
        op, opts = v.get("operation", "report"), v.get("options") or {}
        text = doc_text(v)
        if op == "import":
            fmt = CSV_FORMATS.get(opts.get("format", "auto"), 0)
            out["import_csv"].append(bytes([fmt]) + text.encode())
            continue
        if text is not None:
            data = text.encode()
            out["json_read"].append(data)
            if "input" in v and not v.get("expect_errors"):
                out["compliance"].append(data)
        if op == "diff" and "input" in v:
            new = json.dumps(opts["new"], ensure_ascii=False, indent=1).encode()
            out["diff_check"].append(text.encode() + b"\0" + new)
            out["json_read"].append(new)
        elif op in ("check", "report") and "input" in v and "decisions" in v["input"]:
            out["diff_check"].append(text.encode())
        if op == "search" and "input" in v:
            limit = bytes([opts.get("limit", 20) % 64])
            q = opts["query"].encode()
            out["search"].append(limit + q)
            out["search"].append(limit + q + b"\0" + text.encode())
        if op == "fold":
            out["text"].append(opts["text"].encode())
        if op == "sort":
            items = opts["items"]
            for i in range(0, len(items) - 2, 3):
                out["text"].append("\0".join(items[i:i + 3]).encode())
    for path in sorted((SEEDS / "decision").glob("*.csv")):
        for selector in (0, 1):
            out["import_decision"].append(bytes([selector]) + path.read_bytes())
    for path in sorted(PORTAL.glob("*.csv")):
        out["import_csv"].append(bytes([0]) + path.read_bytes()[:20000])
    for path in sorted(PORTAL.glob("*.xlsx")) + sorted((SEEDS / "xlsx").glob("*.xlsx")):
        out["import_xlsx"].append(path.read_bytes())
    return out


def main():
    total = 0
    for target, items in seeds().items():
        d = CORPUS / target
        d.mkdir(parents=True, exist_ok=True)
        for data in items:
            name = hashlib.sha1(data).hexdigest()
            (d / name).write_bytes(data)
        total += len(items)
        if not items:
            sys.exit(f"no seeds for {target}")
    print(f"seed.py: {total} seeds in {CORPUS}")


if __name__ == "__main__":
    main()
