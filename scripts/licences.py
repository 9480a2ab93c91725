#!/usr/bin/env python3
"""Offline licence check: every package of the Cargo workspace's dependency graph (from
`cargo metadata --format-version 1`) must have a licence expression that the allow-list
(scripts/licences-allowed.txt) satisfies; the Python and npm packages must ship without
runtime dependencies, or with allowed ones.

    python3 scripts/licences.py                    # runs cargo metadata
    python3 scripts/licences.py --metadata m.json  # reads saved metadata (the self-test)

Exit 0 when every licence is allowed, 1 with one line per package otherwise. A stand-in for
`cargo deny check licenses`, which takes minutes to compile (docs/reliability.md, "CI").
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_allowed(path: Path) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return {line for line in lines if line}


def tokens(expr: str) -> list[str]:
    # The old Cargo form "MIT/Apache-2.0" means "MIT OR Apache-2.0".
    expr = expr.replace("/", " OR ")
    return re.findall(r"\(|\)|[^\s()]+", expr)


def satisfied(expr: str, allowed: set[str]) -> bool:
    """Whether an SPDX expression is satisfied by the allowed licences (AND binds tighter
    than OR; `X WITH exception` is one licence, allowed only as written)."""
    toks = tokens(expr)
    pos = 0

    def peek() -> str | None:
        return toks[pos] if pos < len(toks) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(toks):
            raise ValueError(f"unexpected end of licence expression {expr!r}")
        pos += 1
        return toks[pos - 1]

    def primary() -> bool:
        tok = take()
        if tok == "(":
            value = disjunction()
            if take() != ")":
                raise ValueError(f"unbalanced parentheses in {expr!r}")
            return value
        if tok.upper() in ("AND", "OR", "WITH", ")"):
            raise ValueError(f"unexpected {tok!r} in {expr!r}")
        if peek() == "WITH":
            take()
            return f"{tok} WITH {take()}" in allowed
        return tok in allowed

    def conjunction() -> bool:
        value = primary()
        while peek() == "AND":
            take()
            value = primary() and value
        return value

    def disjunction() -> bool:
        value = conjunction()
        while peek() == "OR":
            take()
            value = conjunction() or value
        return value

    result = disjunction()
    if pos != len(toks):
        raise ValueError(f"trailing {toks[pos]!r} in {expr!r}")
    return result


def cargo_problems(metadata: dict, allowed: set[str]) -> list[str]:
    members = set(metadata.get("workspace_members", []))
    problems = []
    for pkg in sorted(metadata["packages"], key=lambda p: (p["name"], p["version"])):
        if pkg["id"] in members:
            continue
        name = f"{pkg['name']} {pkg['version']}"
        expr = pkg.get("license")
        if not expr:
            problems.append(f"{name}: no SPDX licence expression (license-file: {pkg.get('license_file')})")
            continue
        try:
            ok = satisfied(expr, allowed)
        except ValueError as e:
            problems.append(f"{name}: {e}")
            continue
        if not ok:
            problems.append(f"{name}: {expr!r} is not allowed by scripts/licences-allowed.txt")
    return problems


# The licences of the Python packages the wheel declares as runtime dependencies, read from
# their PyPI metadata (License-Expression or the licence file) when they were added; a
# dependency missing here fails the check until someone reads its licence and adds it.
PYTHON_LICENCES = {
    # typing_extensions (NotRequired for the generated TypedDicts on Python < 3.11): the
    # Python Software Foundation License, PSF-2.0.
    "typing_extensions": "PSF-2.0",
}


def pyproject_dependencies(pyproject: str) -> list[str]:
    """The names in `[project] dependencies` (versions and markers dropped)."""
    import tomllib  # Python 3.11+, as the rest of the tooling

    deps = tomllib.loads(pyproject).get("project", {}).get("dependencies", [])
    return [re.match(r"\s*([A-Za-z0-9_.-]+)", d).group(1) for d in deps]


def shipped_dependencies(allowed: set[str]) -> list[str]:
    """Runtime dependencies of the wheel each need a known, allowed licence (optional extras
    such as pandas are the user's choice); the npm package declares none."""
    problems = []
    pyproject = (ROOT / "bindings/python/pyproject.toml").read_text("utf-8")
    for name in pyproject_dependencies(pyproject):
        expr = PYTHON_LICENCES.get(name.lower().replace("-", "_"))
        if expr is None:
            problems.append(f"bindings/python/pyproject.toml: dependency {name} ships with the wheel; "
                            "read its licence and add it to PYTHON_LICENCES in scripts/licences.py")
        elif not satisfied(expr, allowed):
            problems.append(f"python {name}: {expr!r} is not allowed by scripts/licences-allowed.txt")
    build = (ROOT / "bindings/wasm/build.sh").read_text("utf-8")
    if '"dependencies"' in build:
        problems.append("bindings/wasm/build.sh: the npm package.json has dependencies; check their licences")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--metadata", type=Path, help="cargo metadata JSON (default: run cargo)")
    parser.add_argument("--allowed", type=Path, default=HERE / "licences-allowed.txt")
    args = parser.parse_args()
    allowed = load_allowed(args.allowed)
    if args.metadata:
        metadata = json.loads(args.metadata.read_text("utf-8"))
        problems = cargo_problems(metadata, allowed)
    else:
        out = subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--all-features", "--offline"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
        metadata = json.loads(out)
        problems = cargo_problems(metadata, allowed) + shipped_dependencies(allowed)
    for p in problems:
        print(f"licences: {p}", file=sys.stderr)
    members = set(metadata.get("workspace_members", []))
    checked = sum(1 for p in metadata["packages"] if p["id"] not in members)
    print(f"licences: {checked} packages checked, {len(problems)} not allowed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
