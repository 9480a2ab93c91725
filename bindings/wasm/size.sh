#!/usr/bin/env bash
# The size budget of the WebAssembly modules (`make wasm-size`): builds with the recipe CI uses
# (build.sh), then prints
#   - raw, gzip -9 and brotli -q 11 sizes of both modules of dist/web: tthc_widget_core_bg.wasm
#     (what <tthc-procedure-list> loads, held to the budget of issue 12) and tthc_wasm_bg.wasm
#     (the npm package's full API), and of the JavaScript beside them;
#   - for the widget's module (or the full one: --breakdown full): the bytes of code each crate costs, and the data section,
#     measured with twiggy on a copy of the same module whose function names are kept
#     (wasm-bindgen, then wasm-opt with the flags build.sh uses for it and -g: the same code,
#     plus a name section); the largest functions and data segments.
# Installs what it needs when missing: twiggy (`cargo install twiggy`), brotli (Debian).
# Not part of `make test`. Options: --no-build (measure the last build), --top N (rows of the
# function list, default 25), --breakdown full (the breakdown of the full module instead).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

log() { printf '[wasm size] %s\n' "$*" >&2; }
# shellcheck source=apt.sh
. "$here/apt.sh"

build=1
top=25
breakdown=widget
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --top) top="$2"; shift ;;
    --breakdown) breakdown="$2"; shift ;;
    *) log "unknown option $1 (--no-build, --top N, --breakdown widget|full)"; exit 2 ;;
  esac
  shift
done

# The budget of issue 12 for the module the widget downloads: gzip -9, bytes.
budget=90000
stretch=60000

[ "$build" = 1 ] && bash "$here/build.sh"
web="$here/dist/web"
# The module broken down, before wasm-bindgen (build.sh copies each cargo build out under its
# name), with the wasm-opt flags build.sh gives it.
release="$root/target-wasm/wasm32-unknown-unknown/release"
case "$breakdown" in
  widget) module="$release/tthc_widget_core.wasm" name=tthc_widget_core extra=(--converge) ;;
  full) module="$release/tthc_wasm.full.wasm" name=tthc_wasm extra=() ;;
  *) log "--breakdown widget or full, not $breakdown"; exit 2 ;;
esac
[ -f "$web/tthc_widget_core_bg.wasm" ] && [ -f "$web/tthc_wasm_bg.wasm" ] && [ -f "$module" ] \
  || { log "no build: run without --no-build"; exit 1; }

command -v brotli >/dev/null || apt_install brotli || true
if ! command -v twiggy >/dev/null; then
  log "installing twiggy (cargo install twiggy); this takes a few minutes"
  cargo install twiggy >&2
fi

# 1. Sizes.
# sizes FILE: raw, gzip -9 and brotli -q 11 bytes, one line each.
sizes() {
  local br="n/a"
  command -v brotli >/dev/null && br=$(brotli -q 11 -c "$1" | wc -c)
  printf '%-10s %9s B\n' raw "$(stat -c %s "$1")" "gzip -9" "$(gzip -9 -c "$1" | wc -c)" "brotli 11" "$br"
}
gz=$(gzip -9 -c "$web/tthc_widget_core_bg.wasm" | wc -c)
verdict="over budget"
[ "$gz" -le "$budget" ] && verdict="within budget"
[ "$gz" -le "$stretch" ] && verdict="within the stretch budget"
printf '\n== dist/web/tthc_widget_core_bg.wasm (the widget loads this one) ==\n'
sizes "$web/tthc_widget_core_bg.wasm"
printf 'budget: gzip -9 <= %s B (stretch %s B): %s\n' "$budget" "$stretch" "$verdict"
printf '\n== dist/web/tthc_wasm_bg.wasm (the full API: npm users, dist/node the same) ==\n'
sizes "$web/tthc_wasm_bg.wasm"
printf '\n'
for f in tthc_widget_core.js tthc_wasm.js tthc-widget.js; do
  [ -f "$web/$f" ] && printf '%-20s %7s B raw, %6s B gzip -9\n' "$f" \
    "$(stat -c %s "$web/$f")" "$(gzip -9 -c "$web/$f" | wc -c)"
done

# 2. The same module with its names, for twiggy.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
named="$work/named.wasm"
wasm-bindgen --target web --out-dir "$work" --out-name named "$module"
mv "$work/named_bg.wasm" "$named"
if command -v wasm-opt >/dev/null; then
  wasm-opt -g -Oz "${extra[@]}" --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$named" -o "$named.opt" && mv "$named.opt" "$named"
fi
twiggy top -n 1000000 -f csv "$named" >"$work/top.csv"

# 3. Per crate, largest items.
python3 - "$work/top.csv" "$top" "$name" <<'PY'
import csv, re, sys

rows = list(csv.DictReader(open(sys.argv[1])))
top = int(sys.argv[2])
module = sys.argv[3]
size_key = next(k for k in rows[0] if k.startswith("ShallowSize"))

def crate(name):
    """The crate an item belongs to: the first path segment of the type or function
    (`<serde_json[hash]::de::Deserializer<R> as serde::Deserializer>::f` -> serde_json)."""
    if name.endswith("subsection") or name.startswith("custom section"):
        return NAMES
    if name.startswith("data segment"):
        return "(data segments: tables, strings)"
    if name.endswith("multivalue shim"):
        # An exported function of tthc_wasm, with what was inlined into it.
        return "tthc_wasm"
    if name.startswith(("import ", "export ", "type[", "table[", "elem[", "global[", "memory[")):
        return "(imports, exports, types, tables)"
    m = re.match(r"[<&\[( ]*(?:mut |dyn |const )?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if m:
        return m.group(1)
    if name.startswith(("__wbg", "__wbindgen", "__externref")):
        return "wasm_bindgen"
    if name.startswith("byn$mgfn-shared$"):
        return "(functions merged by wasm-opt)"
    return "(other)"

NAMES = "(name section)"
by_crate = {}
total = 0
for r in rows:
    n = int(r[size_key])
    total += n
    c = crate(r["Name"])
    by_crate[c] = by_crate.get(c, 0) + n
skip = NAMES
shipped_total = total - by_crate.get(skip, 0)
print(f"\n== {module}: bytes by crate (shallow, twiggy; {shipped_total} B without the name section) ==")
for c, n in sorted(by_crate.items(), key=lambda kv: -kv[1]):
    if c == skip:
        continue
    print(f"{n:>9} B {100 * n / shipped_total:5.1f} %  {c}")
print(f"\n== {module}: the {top} largest items ==")
items = [r for r in rows if crate(r["Name"]) != skip]
for r in items[:top]:
    n = int(r[size_key])
    name = re.sub(r"\[[0-9a-f]{16}\]", "", r["Name"])
    print(f"{n:>9} B {100 * n / shipped_total:5.1f} %  {name[:140]}")
PY
