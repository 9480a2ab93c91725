"""Shared fixtures of the export tests: the `tthc` command, the catalogues, the standards.

The catalogues (docs/exports.md): the embedded An Biên 2018 dataset, the real 2026 portal
catalogue imported with `tthc import` from the repository's copy of the portal CSV, every valid
conformance input that has units, and (Parquet only) a synthetic national catalogue.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STANDARDS = ROOT.parent / "shared" / "standards"
PORTAL_CSV = ROOT / "crates/tthc/tests/data/portal/procedures-metadata-2026.csv"
AN_BIEN = ROOT / "crates/tthc/data/an-bien-2018.json"
CONFORMANCE = ROOT / "tests/conformance"


def tthc_bin() -> Path:
    """The command under test: $TTHC_BIN, else the release build in target/."""
    env = os.environ.get("TTHC_BIN")
    path = Path(env) if env else ROOT / "target/release/tthc"
    if not path.exists():
        raise RuntimeError(f"{path} does not exist: run tests/exports/run.sh (it builds it)")
    return path


def tthc(*args: object, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `tthc ARGS…`; fail with its stderr when it fails and `check`."""
    done = subprocess.run(
        [str(tthc_bin()), *map(str, args)], capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise AssertionError(f"tthc {' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr}")
    return done


def standard(rel: str) -> Path:
    """A file of ../shared/standards, or skip (counted as skipped) naming the folder."""
    path = STANDARDS / rel
    if not path.exists():
        pytest.skip(f"the standards folder {STANDARDS} (../shared/standards) is absent: {rel} not found")
    return path


def conformance_inputs() -> list[Path]:
    """Valid conformance documents that have units (vectors expecting an output, not errors)."""
    out = []
    for f in sorted(CONFORMANCE.glob("*.json")):
        v = json.loads(f.read_text(encoding="utf-8"))
        doc = v.get("input")
        invalid = v.get("operation") == "validate" and v["expect"]["errors"]
        # Publishing decisions and `checked` days have no place in the Parquet files (the
        # export refuses them, tested in crates/tthc/tests/parquet.rs): left out here.
        lifecycle = isinstance(doc, dict) and ("decisions" in doc or '"checked"' in json.dumps(doc))
        if isinstance(doc, dict) and "expect" in v and not invalid and doc.get("units") and not lifecycle:
            out.append(f)
    return out


@pytest.fixture(scope="session")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """name → JSON catalogue file."""
    tmp = tmp_path_factory.mktemp("catalogues")
    portal = tmp / "portal-2026.json"
    tthc("import", PORTAL_CSV, "-o", portal)
    found = {"an-bien-2018": AN_BIEN, "portal-2026": portal}
    for f in conformance_inputs():
        path = tmp / f"conformance-{f.stem}.json"
        path.write_text(json.dumps(json.loads(f.read_text(encoding="utf-8"))["input"]), encoding="utf-8")
        found[f"conformance-{f.stem}"] = path
    return found


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
