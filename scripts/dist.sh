#!/usr/bin/env bash
# Build the release artifacts into dist/ (docs/reliability.md, "Release artifacts"):
#   wheel  tthc-V-cp39-abi3-<platform>.whl  (maturin, abi3; one wheel for CPython >= 3.9)
#   sdist  tthc-V.tar.gz                    (maturin sdist: the Python package from source)
#   npm    tthc-V.tgz                       (npm pack: web + node + types + widget)
#   crate  tthc-V.crate                     (cargo package -p tthc: verified by building it)
# Usage: scripts/dist.sh [wheel|sdist|npm|crate]...   (default: all four, then check_dist.py)
# V is the workspace version of Cargo.toml: pyproject.toml takes it from Cargo (dynamic) and
# bindings/wasm/build.sh writes it into package.json; scripts/check_dist.py checks they agree.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/dist"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
log() { printf '[dist] %s\n' "$*" >&2; }
mkdir -p "$dist"

# maturin lives in the development venv (.venv), as bindings/python/build.sh installs it.
maturin() {
  local venv="$root/.venv"
  [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
  if ! "$venv/bin/python" -c 'import maturin' 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'maturin>=1.9.4,<2'
  fi
  "$venv/bin/maturin" "$@"
}

wheel() {
  rm -f "$dist"/tthc-*.whl
  # The platform tag: maturin checks the symbols the module links (as auditwheel does) and
  # names the oldest manylinux the glibc of this machine allows; see docs/reliability.md.
  PYO3_PYTHON="${PYO3_PYTHON:-python3}" maturin build --release --quiet \
    -m "$root/bindings/python/Cargo.toml" --out "$dist" >&2
  log "wheel: $(cd "$dist" && ls tthc-*.whl)"
}

sdist() {
  rm -f "$dist"/tthc-*.tar.gz
  maturin sdist -m "$root/bindings/python/Cargo.toml" --out "$dist" >&2
  log "sdist: $(cd "$dist" && ls tthc-*.tar.gz)"
}

# One npm package for browsers and Node: build.sh's dist/web (ES module, widget) and dist/node
# (CommonJS) side by side; `exports` picks the build by condition.
npm_package() {
  bash "$root/bindings/wasm/build.sh"
  local built="$root/bindings/wasm/dist" pkg="$dist/npm"
  rm -rf "$pkg" "$dist"/tthc-*.tgz
  mkdir -p "$pkg/web" "$pkg/node"
  cp "$built"/web/*.js "$built"/web/*.d.ts "$built"/web/*.wasm "$pkg/web/"
  cp "$built"/node/*.js "$built"/node/*.d.ts "$built"/node/*.wasm "$pkg/node/"
  cp "$root/bindings/wasm/README.md" "$pkg/README.md"
  # Each half keeps its module system whatever the importer's.
  echo '{ "type": "module" }' >"$pkg/web/package.json"
  echo '{ "type": "commonjs" }' >"$pkg/node/package.json"
  node - "$built/web/package.json" "$pkg/package.json" <<'EOF'
const fs = require('node:fs');
const [from, to] = process.argv.slice(2);
const web = JSON.parse(fs.readFileSync(from, 'utf8'));
const pkg = {
  name: web.name,
  version: web.version,
  description: "Vietnam's catalogue of administrative procedures (thủ tục hành chính): compliance rates, Vietnamese search and sorting, and the <tthc-procedure-list> widget (WebAssembly: browsers and Node.js)",
  license: web.license,
  main: './node/tthc_wasm.js',
  types: './node/tthc_wasm.d.ts',
  exports: {
    '.': {
      node: { types: './node/tthc_wasm.d.ts', default: './node/tthc_wasm.js' },
      default: { types: './web/tthc_wasm.d.ts', default: './web/tthc_wasm.js' },
    },
    './web': { types: './web/tthc_wasm.d.ts', default: './web/tthc_wasm.js' },
    './widget': { types: './web/tthc-widget.d.ts', default: './web/tthc-widget.js' },
    './tthc_wasm_bg.wasm': './web/tthc_wasm_bg.wasm',
    // The widget's own module (tthc-widget.js loads it: only the calls the widget makes).
    './tthc_widget_core_bg.wasm': './web/tthc_widget_core_bg.wasm',
    './package.json': './package.json',
  },
  files: ['web/', 'node/', 'README.md'],
  sideEffects: ['./web/tthc-widget.js'],
};
fs.writeFileSync(to, JSON.stringify(pkg, null, 2) + '\n');
EOF
  (cd "$pkg" && npm pack --silent --pack-destination "$dist" >/dev/null)
  log "npm: $(cd "$dist" && ls tthc-*.tgz)"
}

# `cargo package` builds the packaged crate (in $CARGO_TARGET_DIR/package, reusing the
# compiled dependencies) to prove it builds from what crates.io would get.
crate() {
  rm -f "$dist"/tthc-*.crate
  local dirty=()
  [ -z "$(git -C "$root" status --porcelain 2>/dev/null)" ] || dirty=(--allow-dirty)
  cargo package -p tthc --quiet "${dirty[@]}" --manifest-path "$root/Cargo.toml"
  cp "$CARGO_TARGET_DIR"/package/tthc-*.crate "$dist/"
  log "crate: $(cd "$dist" && ls tthc-*.crate)"
}

what=("$@")
[ ${#what[@]} -gt 0 ] || what=(wheel sdist npm crate check)
for w in "${what[@]}"; do
  case "$w" in
    wheel) wheel ;;
    sdist) sdist ;;
    npm) npm_package ;;
    crate) crate ;;
    check) python3 "$root/scripts/check_dist.py" "$dist" ;;
    *) log "unknown artifact '$w' (wheel, sdist, npm, crate, check)"; exit 2 ;;
  esac
done
