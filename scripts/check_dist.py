#!/usr/bin/env python3
"""Check the release artifacts in dist/ (scripts/dist.sh): one of each of the four, every one
carrying the workspace version of Cargo.toml (the one place versions come from), and each
holding what a user needs.

    python3 scripts/check_dist.py [DIST]

Exit 1 with one line per problem.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def workspace_version() -> str:
    text = (ROOT / "Cargo.toml").read_text("utf-8")
    section = text.split("[workspace.package]", 1)[1]
    match = re.search(r'(?m)^version\s*=\s*"([^"]+)"', section)
    assert match, "no version in [workspace.package] of Cargo.toml"
    return match.group(1)


def one(dist: Path, pattern: str, problems: list[str]) -> Path | None:
    found = sorted(dist.glob(pattern))
    if len(found) != 1:
        problems.append(f"expected one {pattern} in {dist}, found {[p.name for p in found]}")
        return None
    return found[0]


def missing(names: set[str], wanted: list[str], artifact: str) -> list[str]:
    return [f"{artifact}: no {w}" for w in wanted if w not in names]


def tarball(dist: Path, kind: str, pattern: str, name: str, files: list[str], seen: list[str],
            problems: list[str]) -> None:
    """The sdist or the crate: one file matching `pattern`, named `name`, holding `files`."""
    found = one(dist, pattern, problems)
    if found is None:
        return
    seen.append(f"{kind} {found.name}")
    if found.name != name:
        problems.append(f"{found.name}: expected {name}")
    with tarfile.open(found) as t:
        problems += missing(set(t.getnames()), files, found.name)


def check(dist: Path) -> tuple[list[str], list[str]]:
    version = workspace_version()
    problems: list[str] = []
    seen: list[str] = []

    wheel = one(dist, "tthc-*.whl", problems)
    if wheel:
        # name-version-python-abi-platform.whl
        _, v, py, abi, platform = wheel.stem.split("-")
        seen.append(f"wheel {wheel.name}")
        if v != version:
            problems.append(f"{wheel.name}: version {v}, Cargo.toml says {version}")
        if (py, abi) != ("cp39", "abi3"):
            problems.append(f"{wheel.name}: not an abi3 wheel for CPython >= 3.9 ({py}-{abi})")
        with zipfile.ZipFile(wheel) as z:
            names = set(z.namelist())
            meta = z.read(f"tthc-{version}.dist-info/METADATA").decode() if f"tthc-{version}.dist-info/METADATA" in names else ""
        if f"Version: {version}\n" not in meta:
            problems.append(f"{wheel.name}: METADATA does not say Version: {version}")
        problems += missing(names, ["tthc/__init__.py", "tthc/_tthc.abi3.so", "tthc/_tthc.pyi", "tthc/py.typed"], wheel.name)

    top = f"tthc-{version}"
    tarball(dist, "sdist", "tthc-*.tar.gz", f"{top}.tar.gz", [f"{top}/pyproject.toml", f"{top}/PKG-INFO", f"{top}/crates/tthc/Cargo.toml"], seen, problems)

    npm = one(dist, "tthc-*.tgz", problems)
    if npm:
        seen.append(f"npm {npm.name}")
        with tarfile.open(npm) as t:
            names = set(t.getnames())
            pkg = json.load(t.extractfile("package/package.json")) if "package/package.json" in names else {}
        if pkg.get("version") != version:
            problems.append(f"{npm.name}: package.json version {pkg.get('version')}, Cargo.toml says {version}")
        if pkg.get("dependencies"):
            problems.append(f"{npm.name}: runtime dependencies {pkg['dependencies']} (check their licences)")
        files = [f"{half}/tthc_wasm{ext}" for half in ("web", "node") for ext in (".js", ".d.ts", "_bg.wasm")]
        files += [f"web/tthc_widget_core{ext}" for ext in (".js", ".d.ts", "_bg.wasm")]
        files += ["web/tthc-widget.js", "web/tthc-widget.d.ts", "README.md"]
        problems += missing(names, [f"package/{f}" for f in files], npm.name)

    tarball(dist, "crate", "tthc-*.crate", f"{top}.crate", [f"{top}/Cargo.toml", f"{top}/src/lib.rs", f"{top}/data/an-bien-2018.json"], seen, problems)
    return seen, problems


def main() -> int:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    seen, problems = check(dist)
    for p in problems:
        print(f"check_dist: {p}", file=sys.stderr)
    print(f"check_dist: version {workspace_version()}; {', '.join(seen)}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
