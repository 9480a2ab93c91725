#!/usr/bin/env bash
# Build and install the extension (build.sh), install the test tools into .venv, then run the
# Python tests and check the type stubs against the compiled module.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py="$root/.venv/bin/python"

bash "$here/build.sh"

pip_install() {
    "$py" -m pip install --quiet --disable-pip-version-check "$@"
}
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
echo "test.sh: mypy.stubtest tthc (stubs against the compiled module)"
"$py" -m mypy.stubtest tthc --allowlist "$here/stubtest-allowlist.txt"
echo "test.sh: mypy --strict (the package, its tests and the example use the stubs)"
"$py" -m mypy --strict --no-incremental python/tthc tests bench.py "$root/examples/python"
echo "test.sh: pytest"
"$py" -m pytest tests "$@"
