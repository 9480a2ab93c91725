#!/usr/bin/env bash
# Build the WebAssembly package: bindings/wasm/dist/web (ES module + widget) and dist/node
# (CommonJS for Node), each with package.json and TypeScript declarations.
#
# Installs what it needs when missing (see shared docs "toolchain.md"):
#   - the rustup wasm32 target if present, else Debian's rustc-web/cargo-web/rust-web-src and
#     lld-22 (std compiled from source with -Zbuild-std, separate target dir target-wasm);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock;
#   - wasm-opt (Debian's binaryen) is used when available.
# Idempotent: re-runs only repeat what changed (cargo is incremental; wasm-bindgen and
# wasm-opt are skipped when the compiled module is unchanged).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

log() { printf '[wasm build] %s\n' "$*" >&2; }

# shellcheck source=apt.sh
. "$here/apt.sh"

crate=tthc-wasm
target=wasm32-unknown-unknown
target_dir="$root/target-wasm"
# Small: the workspace's release profile keeps debug info for benchmarks; the wasm build
# overrides it here (environment overrides apply to this build only). opt-level z, and std
# built with `optimize_for_size` on the Debian path, save 10 % gzipped (docs/bench-wasm.md).
export CARGO_PROFILE_RELEASE_DEBUG=0
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${TTHC_WASM_OPT_LEVEL:-z}"
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
# Without reference types wasm-bindgen keeps JS values in a JS-side slab instead of an externref
# table; Debian's wasm-opt (binaryen 108) cannot read the table.fill that the table needs.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:--C target-feature=-reference-types}"

# 1. Compile the crate to wasm32.
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  log "rustup has $target: building with the default toolchain"
  cargo build --release --target "$target" -p "$crate" --target-dir "$target_dir"
else
  log "no rustup $target: Debian recipe (rustc-web, std from source)"
  apt_install rustc-web cargo-web rust-web-src lld-22
  wasm_ld=/usr/lib/llvm-22/bin/wasm-ld
  PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$wasm_ld" \
    /usr/bin/cargo build --release --target "$target" -Zbuild-std=std,panic_abort \
    -Zbuild-std-features=optimize_for_size -p "$crate" --target-dir "$target_dir"
fi
module="$target_dir/$target/release/tthc_wasm.wasm"
[ -f "$module" ] || { log "no $module after the build"; exit 1; }

# 2. wasm-bindgen-cli at exactly the version in Cargo.lock.
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || { log "wasm-bindgen not found in Cargo.lock"; exit 1; }
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (have: ${have_wb:-none}); this takes a few minutes"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# 3. Bindings and optimisation, skipped when nothing changed.
dist="$here/dist"
opt_flags=(-Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)
stamp_text="$(sha256sum "$module" | cut -d' ' -f1) wb=$wb_version opt=$(command -v wasm-opt >/dev/null && echo "${opt_flags[*]}" || echo none) script=$(sha256sum "$0" | cut -d' ' -f1)"
stamp="$dist/.build-stamp"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ] \
  && [ -f "$dist/web/tthc_wasm_bg.wasm" ] && [ -f "$dist/node/tthc_wasm_bg.wasm" ]; then
  log "module unchanged: keeping dist/web and dist/node"
else
  rm -rf "$dist/web" "$dist/node"
  mkdir -p "$dist"
  for t in web nodejs; do
    out="$dist/${t/nodejs/node}"
    wasm-bindgen --target "$t" --out-dir "$out" --out-name tthc_wasm "$module"
    if command -v wasm-opt >/dev/null; then
      if wasm-opt "${opt_flags[@]}" "$out/tthc_wasm_bg.wasm" -o "$out/tthc_wasm_bg.wasm.opt"; then
        mv "$out/tthc_wasm_bg.wasm.opt" "$out/tthc_wasm_bg.wasm"
      else
        rm -f "$out/tthc_wasm_bg.wasm.opt"
        log "wasm-opt $(wasm-opt --version 2>/dev/null) failed: module left unoptimised"
      fi
    else
      log "wasm-opt not found (apt-get install binaryen): module left unoptimised"
    fi
  done
  printf '%s' "$stamp_text" >"$stamp"
fi

# 4. Package files (always rewritten: cheap, and picks up widget edits).
version="$(awk -F'"' '/^\[workspace.package\]/ { p = 1 } p && /^version *=/ { print $2; exit }' Cargo.toml)"
cp "$here/js/tthc-widget.js" "$here/js/tthc-widget.d.ts" "$dist/web/"
cp "$here/README.md" "$dist/web/README.md"
cp "$here/README.md" "$dist/node/README.md"
cat >"$dist/web/package.json" <<EOF
{
  "name": "tthc",
  "version": "$version",
  "description": "Vietnam's catalogue of administrative procedures (thủ tục hành chính): compliance rates, Vietnamese search and sorting, and the <tthc-procedure-list> widget (WebAssembly, browsers)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./tthc_wasm.js",
  "module": "./tthc_wasm.js",
  "types": "./tthc_wasm.d.ts",
  "exports": {
    ".": { "types": "./tthc_wasm.d.ts", "default": "./tthc_wasm.js" },
    "./widget": { "types": "./tthc-widget.d.ts", "default": "./tthc-widget.js" },
    "./tthc_wasm_bg.wasm": "./tthc_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["tthc_wasm.js", "tthc_wasm.d.ts", "tthc_wasm_bg.wasm", "tthc_wasm_bg.wasm.d.ts", "tthc-widget.js", "tthc-widget.d.ts", "README.md"],
  "sideEffects": false
}
EOF
cat >"$dist/node/package.json" <<EOF
{
  "name": "tthc",
  "version": "$version",
  "description": "Vietnam's catalogue of administrative procedures (thủ tục hành chính): compliance rates, Vietnamese search and sorting (WebAssembly, Node.js)",
  "license": "MIT OR Apache-2.0",
  "main": "./tthc_wasm.js",
  "types": "./tthc_wasm.d.ts",
  "exports": {
    ".": { "types": "./tthc_wasm.d.ts", "default": "./tthc_wasm.js" },
    "./package.json": "./package.json"
  },
  "files": ["tthc_wasm.js", "tthc_wasm.d.ts", "tthc_wasm_bg.wasm", "tthc_wasm_bg.wasm.d.ts", "README.md"],
  "sideEffects": false
}
EOF

raw=$(stat -c %s "$dist/web/tthc_wasm_bg.wasm")
gz=$(gzip -9 -c "$dist/web/tthc_wasm_bg.wasm" | wc -c)
log "done: dist/web and dist/node; tthc_wasm_bg.wasm $raw bytes, $gz gzipped"
