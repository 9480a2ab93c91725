"""examples/python/compliance_rates.py on the embedded dataset and on a small catalogue."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "examples" / "python" / "compliance_rates.py"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          encoding="utf-8", check=True)
    return done.stdout


def test_an_bien(tmp_path: Path) -> None:
    out = run("--csv", str(tmp_path / "rates.csv"), "--png", str(tmp_path / "rates.png"))
    assert "Huyện An Biên: 261 TTHC thuộc 39 lĩnh vực, đạt 100,0% (theo báo cáo)" in out
    assert "261/261" in out and "39/39" in out
    assert "Xếp hạng cấp xã" in out
    with (tmp_path / "rates.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    district = next(r for r in rows if r["unit"] == "908")
    assert (district["published"], district["applicable"], district["percent"]) == ("261", "261", "100.0")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib is not installed" in out
    else:
        assert (tmp_path / "rates.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_english_and_a_catalogue_file(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sample.json"
    path.write_text(sample_text, encoding="utf-8")
    out = run(str(path), "--lang", "en", "--as-of", "2025-12-31")
    assert "Rates per field" in out and "Civil status" not in out
    assert "1. Xã An Biên (30985): 66.7% (2/3)" in out
    assert "3. Xã Đông Thái (31006): 0.0% (0/3)" in out
    assert "Hộ tịch" in out and "posted_twice" in out


def test_bad_input_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"tthc": 1}), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 1
    assert "missing_key" in done.stderr


@pytest.mark.parametrize("args", [["--channel", "website"], ["--lang", "fr"]])
def test_bad_arguments(args: list[str]) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)
    assert done.returncode == 2
