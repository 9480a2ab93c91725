#!/usr/bin/env bash
# Test the Python package as users install it: build the wheel once (scripts/dist.sh wheel,
# into dist/), install it into a fresh venv outside the source tree with the test tools, then
# run the Python tests and check the type stubs against the installed module.
# TTHC_TEST_VENV=DIR keeps the venv in DIR (reused, the wheel reinstalled); default: a
# temporary directory removed at the end.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

bash "$root/scripts/dist.sh" wheel
wheel="$(ls "$root"/dist/tthc-*.whl)"

if [ -n "${TTHC_TEST_VENV:-}" ]; then
    venv="$TTHC_TEST_VENV"
else
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/tthc-wheel-test.XXXXXX")"
    trap 'rm -rf "$scratch"' EXIT
    venv="$scratch/venv"
fi
[ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
py="$venv/bin/python"

pip_install() {
    "$py" -m pip install --quiet --disable-pip-version-check "$@"
}
pip_install --force-reinstall --no-deps "$wheel"
if ! "$py" -c 'import pytest, hypothesis, mypy, jsonschema' 2>/dev/null; then
    pip_install pytest hypothesis mypy jsonschema
fi
# pandas (and polars) are optional: their tests run when they install, and skip otherwise.
if ! "$py" -c 'import pandas' 2>/dev/null; then
    pip_install pandas || echo "test.sh: pandas is not installable here; its tests will be skipped"
fi
if ! "$py" -c 'import polars' 2>/dev/null; then
    pip_install polars || echo "test.sh: polars is not installable here; its tests will be skipped"
fi

cd "$here"
# The tests must import the installed wheel, never python/tthc of this tree.
"$py" - "$root" "$(basename "$wheel")" <<'EOF'
import sys, tthc
root, wheel = sys.argv[1], sys.argv[2]
if tthc.__file__.startswith(root):
    sys.exit(f"test.sh: tthc imported from the source tree ({tthc.__file__}), not the wheel")
print(f"test.sh: tthc {tthc.__version__} from {wheel}, installed in {tthc.__file__}")
EOF
echo "test.sh: mypy.stubtest tthc (stubs against the installed module)"
"$py" -m mypy.stubtest tthc --allowlist "$here/stubtest-allowlist.txt"
echo "test.sh: mypy --strict (the package, its tests and the example use the stubs)"
"$py" -m mypy --strict --no-incremental python/tthc tests bench.py "$root/examples/python"
echo "test.sh: pytest"
"$py" -m pytest tests "$@"
