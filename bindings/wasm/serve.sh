#!/usr/bin/env bash
# Serve the repository on http://127.0.0.1:${PORT:-8080}/ (the example page is
# /examples/web/, the benchmark /examples/web/bench.html). Run `make wasm` (build.sh) first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/dist/web/tthc_wasm.js" ]; then
  echo "bindings/wasm/dist/web is missing: run 'make wasm' (bash bindings/wasm/build.sh) first" >&2
  exit 1
fi
command -v node >/dev/null || { echo "node is needed (apt-get install nodejs)" >&2; exit 1; }
exec node "$here/tests/server.mjs" "${PORT:-8080}"
