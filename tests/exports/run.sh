#!/usr/bin/env bash
# The export tests (docs/exports.md): builds the `tthc` command (release, as CI's first step
# already does) and the Python extension, installs the validators and engines into the
# repository's .venv when they are missing (idempotent: a warm run installs nothing), then runs
# pytest on tests/exports.
#
# The standards are read from ../shared/standards (never copied here); without that folder
# the tests that need them are skipped, each naming it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

cargo build --release -q -p tthc-cli
export TTHC_BIN="$CARGO_TARGET_DIR/release/tthc"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "run.sh: creating $venv with $("$python" --version 2>&1)"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"
# module to import → requirement to install (only the missing ones are installed).
missing=()
while read -r module requirement; do
    "$py" -c "import $module" 2>/dev/null || missing+=("$requirement")
done <<'LIST'
pytest pytest
pyshacl pyshacl>=0.40,<1
rdflib rdflib>=7,<8
jsonschema jsonschema>=4.26,<5
duckdb duckdb>=1.1,<2
polars polars>=1,<2
pyarrow pyarrow>=17
openpyxl openpyxl>=3.1,<4
LIST
if ((${#missing[@]})); then
    echo "run.sh: installing ${missing[*]}"
    "$py" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
fi

# The Python extension (test_arrow.py reads its Arrow tables with the engines above): built
# and installed into the same .venv; a no-op rebuild when bindings/python/test.sh ran first.
bash "$root/bindings/python/build.sh"

cd "$here"
"$py" -m pytest -q -p no:cacheprovider "$@"
