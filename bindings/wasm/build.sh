#!/usr/bin/env bash
# Build the WebAssembly package: bindings/wasm/dist/web (ES module + widget) and dist/node
# (CommonJS for Node), each with package.json and TypeScript declarations.
#
# Two modules from the one crate (bindings/wasm, src/lib.rs):
#   - tthc_wasm (feature `full`, default): every export, the npm package's API, in dist/web
#     and dist/node;
#   - tthc_widget_core (`--no-default-features`): only what <tthc-procedure-list> calls, in
#     dist/web beside it; tthc-widget.js loads this one. The second build reuses everything
#     the first compiled (std, tthc, serde...): only the binding crate and the LTO link again.
#
# Installs what it needs when missing (see shared docs "toolchain.md"):
#   - the rustup wasm32 target if present, else Debian's rustc-web/cargo-web/rust-web-src and
#     lld-22 (std compiled from source with -Zbuild-std, separate target dir target-wasm);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock;
#   - wasm-opt (Debian's binaryen) is used when available.
# Idempotent: re-runs only repeat what changed (cargo is incremental; wasm-bindgen and
# wasm-opt are skipped when the compiled modules are unchanged).
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
rustflags="-C target-feature=-reference-types"
# Size flags that need `-Z` (nightly, or RUSTC_BOOTSTRAP=1 as on the Debian path). Measured on
# the full module, gzip -9, each on top of the previous (BENCHMARKS.md, "WebAssembly size"):
#   -Zfmt-debug=none          `{:?}` prints nothing: no Debug impls or their strings (the
#   -Zlocation-detail=none    library's messages never use Debug); panic locations (file, line)
#                             are not stored: together 184.7 -> 180.3 KB;
#   -Cpanic=immediate-abort   a panic is a trap at once (`RuntimeError: unreachable` in JS):
#                             no panic machinery, no message formatting: -> 176.1 KB. It needs
#                             std built with the same strategy, so only with -Zbuild-std.
# The library never panics by contract (an error has a code and a path); a panic is a bug and
# still surfaces in JavaScript as an exception (README, "Errors").
size_flags_z="-Zfmt-debug=none -Zlocation-detail=none"
size_flags_std="-Zunstable-options -Cpanic=immediate-abort"

# 1. Compile the crate to wasm32: the full module, then the widget's.
# cargo names the cdylib tthc_wasm.wasm whatever the features: each build is copied out at
# once, and checked below for the exports it must (not) have. (cargo sees that the other
# variant replaced the file and links again: about 5 s each on a re-run, nothing recompiled.)
full_module="$target_dir/$target/release/tthc_wasm.full.wasm"
widget_module="$target_dir/$target/release/tthc_widget_core.wasm"
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  log "rustup has $target: building with the default toolchain"
  # A nightly toolchain takes the -Z flags; std is the prebuilt one, so no immediate-abort.
  if rustc -V | grep -q nightly; then rustflags="$rustflags $size_flags_z"; fi
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-$rustflags}"
  wasm_cargo() { cargo build --release --target "$target" -p "$crate" --target-dir "$target_dir" "$@"; }
else
  log "no rustup $target: Debian recipe (rustc-web, std from source)"
  apt_install rustc-web cargo-web rust-web-src lld-22
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-$rustflags $size_flags_z $size_flags_std}"
  wasm_ld=/usr/lib/llvm-22/bin/wasm-ld
  wasm_cargo() {
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$wasm_ld" \
      /usr/bin/cargo build --release --target "$target" -Zbuild-std=std,panic_abort \
      -Zbuild-std-features=optimize_for_size -p "$crate" --target-dir "$target_dir" "$@"
  }
fi
built="$target_dir/$target/release/tthc_wasm.wasm"
# `cmp` skips the copy when the module is the same as last time.
copy_module() { [ -f "$built" ] || { log "no $built after the build"; exit 1; }; cmp -s "$built" "$1" || cp "$built" "$1"; }
wasm_cargo
copy_module "$full_module"
# The widget's module: small Unicode tables, JavaScript's String.prototype.normalize beyond them.
wasm_cargo --no-default-features --features host-unicode
copy_module "$widget_module"
# The export table names each function (wasm-bindgen's `catalog_compliance`): the full module
# must have it, the widget's must not.
grep -qa catalog_compliance "$full_module" || { log "$full_module lacks catalog_compliance: not the full build"; exit 1; }
! grep -qa catalog_compliance "$widget_module" || { log "$widget_module exports catalog_compliance: not the widget build"; exit 1; }

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
# The widget's module is also run to a fixed point (`--converge`): 1.4 KB less gzipped for about
# 6 s of build (BENCHMARKS.md); not worth it on the full module, which has no budget.
# (Set before the stamp, which records it.)
widget_opt_flags=(--converge)
stamp_text="$(sha256sum "$full_module" "$widget_module" | cut -d' ' -f1 | tr '\n' ' ')wb=$wb_version opt=$(command -v wasm-opt >/dev/null && echo "${opt_flags[*]} widget ${widget_opt_flags[*]}" || echo none) script=$(sha256sum "$0" | cut -d' ' -f1)"
stamp="$dist/.build-stamp"
# wasm-bindgen then wasm-opt: bindgen TARGET OUT_DIR NAME MODULE [WASM-OPT FLAGS] writes
# OUT_DIR/NAME.js, NAME.d.ts, NAME_bg.wasm (optimised) and NAME_bg.wasm.d.ts.
bindgen() {
  local out="$2" name="$3"
  wasm-bindgen --target "$1" --out-dir "$out" --out-name "$name" "$4"
  if command -v wasm-opt >/dev/null; then
    if wasm-opt "${opt_flags[@]}" "${@:5}" "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm.opt"; then
      mv "$out/${name}_bg.wasm.opt" "$out/${name}_bg.wasm"
    else
      rm -f "$out/${name}_bg.wasm.opt"
      log "wasm-opt $(wasm-opt --version 2>/dev/null) failed: $name left unoptimised"
    fi
  else
    log "wasm-opt not found (apt-get install binaryen): $name left unoptimised"
  fi
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ] && [ -f "$dist/web/tthc_wasm_bg.wasm" ] \
  && [ -f "$dist/web/tthc_widget_core_bg.wasm" ] && [ -f "$dist/node/tthc_wasm_bg.wasm" ]; then
  log "modules unchanged: keeping dist/web and dist/node"
else
  rm -rf "$dist/web" "$dist/node"
  mkdir -p "$dist"
  bindgen web "$dist/web" tthc_wasm "$full_module"
  bindgen nodejs "$dist/node" tthc_wasm "$full_module"
  bindgen web "$dist/web" tthc_widget_core "$widget_module" "${widget_opt_flags[@]}"
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
    "./tthc_widget_core_bg.wasm": "./tthc_widget_core_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["tthc_wasm.js", "tthc_wasm.d.ts", "tthc_wasm_bg.wasm", "tthc_wasm_bg.wasm.d.ts", "tthc_widget_core.js", "tthc_widget_core.d.ts", "tthc_widget_core_bg.wasm", "tthc_widget_core_bg.wasm.d.ts", "tthc-widget.js", "tthc-widget.d.ts", "README.md"],
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

for m in tthc_wasm tthc_widget_core; do
  log "$m: $(stat -c %s "$dist/web/${m}_bg.wasm") bytes, $(gzip -9 -c "$dist/web/${m}_bg.wasm" | wc -c) gzipped"
done
log "done: dist/web and dist/node"
