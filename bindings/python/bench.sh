#!/usr/bin/env bash
# Python benchmark: Catalog.compliance() against the same computation timed in Rust,
# Report.to_columns(), and per-unit rates end to end against pandas / polars on a flat CSV.
# Writes the data to bench-data/ (git-ignored) and prints a Markdown report; copy it into
# docs/bench-python.md with the command line. Extra arguments go to bench.py.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py="$root/.venv/bin/python"

bash "$here/build.sh"
for lib in pandas polars pyarrow; do
    if ! "$py" -c "import $lib" 2>/dev/null; then
        "$py" -m pip install --quiet --disable-pip-version-check "$lib" \
            || echo "bench.sh: $lib is not installable here; it is left out of the comparison"
    fi
done
cd "$root"
"$py" "$here/bench.py" "$@"
