#!/usr/bin/env bash
# Build the Python extension and install it into .venv at the repository root.
#
# Idempotent and fast on repeated runs: the venv and maturin are installed once, pip builds
# without isolation (so it reuses the venv's maturin), and cargo shares the workspace's
# target/ directory, so only changed crates are recompiled.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "build.sh: creating $venv with $("$python" --version 2>&1)"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

# maturin >= 1.9.4 sets PYO3_BUILD_EXTENSION_MODULE itself (pyo3 0.30 has no
# extension-module feature to turn on).
if ! "$py" -c 'import maturin' 2>/dev/null; then
    "$py" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$py" -m pip install --quiet --disable-pip-version-check 'maturin>=1.9.4,<2'
fi

# The maturin build backend runs the `maturin` program: put the venv first on PATH.
export PATH="$venv/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
# Let pyo3 see the interpreter the wheel is for.
export PYO3_PYTHON="$py"

"$py" -m pip install --quiet --disable-pip-version-check --no-build-isolation \
    --force-reinstall --no-deps "$here"
"$py" -c 'import tthc; print(f"build.sh: tthc {tthc.__version__} installed in", tthc.__file__)'
