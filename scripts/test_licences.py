"""Self-test of scripts/licences.py: it fails on a disallowed licence, a missing one and a
malformed expression, and reads SPDX expressions as SPDX means them.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import licences  # noqa: E402

ALLOWED = {"MIT", "Apache-2.0", "Unicode-3.0", "Apache-2.0 WITH LLVM-exception"}


def metadata(*licenses):
    pkgs = [{"id": "tthc 0.1.0", "name": "tthc", "version": "0.1.0", "license": "MIT OR Apache-2.0"}]
    for i, lic in enumerate(licenses):
        pkgs.append({"id": f"dep{i}", "name": f"dep{i}", "version": "1.0.0", "license": lic, "license_file": None})
    return {"workspace_members": ["tthc 0.1.0"], "packages": pkgs}


class Expressions(unittest.TestCase):
    def test_spdx(self):
        cases = {
            "MIT": True,
            "GPL-3.0-only": False,
            "MIT OR GPL-3.0-only": True,
            "MIT AND GPL-3.0-only": False,
            "(MIT OR Apache-2.0) AND Unicode-3.0": True,
            "(MIT OR Apache-2.0) AND BSD-4-Clause": False,
            "MIT/Apache-2.0": True,
            "GPL-2.0/LGPL-2.1": False,
            "Apache-2.0 WITH LLVM-exception": True,
            "GPL-2.0 WITH Classpath-exception-2.0": False,
            "GPL-3.0 OR MIT AND Apache-2.0": True,  # AND binds tighter
            "GPL-3.0 AND MIT OR LGPL-3.0": False,
        }
        for expr, want in cases.items():
            with self.subTest(expr=expr):
                self.assertEqual(licences.satisfied(expr, ALLOWED), want)

    def test_malformed(self):
        for expr in ["(MIT", "MIT OR", "AND MIT", "MIT )"]:
            with self.subTest(expr=expr), self.assertRaises(ValueError):
                licences.satisfied(expr, ALLOWED)


class Command(unittest.TestCase):
    def run_on(self, meta):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "metadata.json"
            path.write_text(json.dumps(meta), "utf-8")
            script = Path(licences.__file__)
            return subprocess.run(
                [sys.executable, str(script), "--metadata", str(path)],
                capture_output=True, text=True,
            )

    def test_passes_on_allowed(self):
        out = self.run_on(metadata("MIT", "Apache-2.0 OR MIT", "(MIT OR Apache-2.0) AND Unicode-3.0"))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("3 packages checked, 0 not allowed", out.stdout)

    def test_fails_on_a_disallowed_licence(self):
        out = self.run_on(metadata("MIT", "GPL-3.0-or-later"))
        self.assertEqual(out.returncode, 1)
        self.assertIn("dep1 1.0.0: 'GPL-3.0-or-later' is not allowed", out.stderr)

    def test_fails_on_a_missing_licence(self):
        out = self.run_on(metadata(None))
        self.assertEqual(out.returncode, 1)
        self.assertIn("dep0 1.0.0: no SPDX licence expression", out.stderr)


class PythonDependencies(unittest.TestCase):
    def test_reads_the_names_of_the_dependencies(self):
        text = '[project]\nname = "x"\ndependencies = [\n  \'typing_extensions>=4.0; python_version < "3.11"\',\n  "Foo-Bar==1",\n]\n'
        self.assertEqual(licences.pyproject_dependencies(text), ["typing_extensions", "Foo-Bar"])
        self.assertEqual(licences.pyproject_dependencies('name = "x"\n'), [])

    def test_an_unknown_dependency_fails(self):
        root = Path(tempfile.mkdtemp())
        (root / "bindings/python").mkdir(parents=True)
        (root / "bindings/wasm").mkdir(parents=True)
        (root / "bindings/wasm/build.sh").write_text("", "utf-8")
        (root / "bindings/python/pyproject.toml").write_text(
            '[project]\ndependencies = ["typing_extensions", "requests"]\n', "utf-8")
        saved = licences.ROOT
        licences.ROOT = root
        try:
            problems = licences.shipped_dependencies(ALLOWED | {"PSF-2.0"})
            self.assertEqual(len(problems), 1, problems)
            self.assertIn("dependency requests ships with the wheel", problems[0])
            self.assertEqual(len(licences.shipped_dependencies(ALLOWED)), 2)
        finally:
            licences.ROOT = saved


if __name__ == "__main__":
    unittest.main()
