#!/usr/bin/env bash
# Test the WebAssembly package: builds it (build.sh), installs Node, npm dependencies and
# Debian's Chromium when missing, then runs Node's test runner over
#   tests/conformance.test.mjs  the shared vectors of tests/conformance/ against dist/node
#   tests/api.test.mjs          the JavaScript API and its errors against dist/node
#   tests/loader.test.mjs       CatalogLoader (fromJson in steps) gives what fromJson gives
#   tests/types.test.mjs        the TypeScript declarations compile (tsc --strict)
#   tests/workers.test.mjs      the Node build from 8 worker_threads at once gives one thread's results
#   tests/widget-core.test.mjs  the widget's module (tthc_widget_core) gives what the full one gives
#   tests/unicode-host.test.mjs the widget's small Unicode tables + JavaScript = the full tables, every code point
#   tests/browser.test.mjs      the example page and the widget in headless Chromium
# The browser test saves test-output/widget.png (gitignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log() { printf '[wasm test] %s\n' "$*" >&2; }

bash "$here/build.sh"
bash "$root/scripts/dist.sh" npm  # dist/tthc-V.tgz for tests/package.test.mjs

# shellcheck source=apt.sh
source "$here/apt.sh"  # apt_install, shared with build.sh and size.sh

command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  log "Node $node_major is too old (need 20+ for node --test and playwright-core)"; exit 1
fi
[ -x /usr/bin/chromium ] || apt_install chromium

# npm dependencies (playwright-core only), reinstalled when package-lock.json changes.
cd "$here"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f node_modules/.lock-sum ] || [ "$(cat node_modules/.lock-sum)" != "$lock_sum" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2 || npm install --no-audit --no-fund --loglevel=error >&2
  printf '%s' "$lock_sum" >node_modules/.lock-sum
fi

mkdir -p "$root/test-output"
# One run of node's test runner over every file, so CI reads one summary: the spec report on
# stdout, a TAP copy whose counts are repeated as a plain "N passed, N failed" line.
tap="$root/test-output/wasm-tests.tap"
status=0
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  tests/conformance.test.mjs tests/api.test.mjs tests/loader.test.mjs tests/types.test.mjs tests/workers.test.mjs tests/widget-core.test.mjs tests/unicode-host.test.mjs \
  tests/browser.test.mjs tests/package.test.mjs || status=$?
pass=$(awk '/^# pass /{print $3}' "$tap" | tail -1)
fail=$(awk '/^# fail /{print $3}' "$tap" | tail -1)
skip=$(awk '/^# skipped /{print $3}' "$tap" | tail -1)
echo "wasm: ${pass:-0} passed, ${fail:-0} failed, ${skip:-0} skipped"
exit "$status"
