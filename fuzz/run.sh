#!/usr/bin/env bash
# `make fuzz`: seed the corpora, build the targets, run each for FUZZ_SECONDS (default 60) under
# `nice -n 19`, FUZZ_JOBS targets at a time (default 2), and print the executions of each.
# Exits non-zero when a target finds a crash (its input is in fuzz/artifacts/<target>/).
# How it builds on stable Rust: docs/reliability.md, "Fuzzing".
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-2}
TARGETS=${FUZZ_TARGETS:-json_read compliance import_csv import_xlsx import_decision diff_check text search}
SANITIZER=${FUZZ_SANITIZER:-none}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz (cargo install cargo-fuzz --locked)"
  cargo install cargo-fuzz --locked
fi
# cargo-fuzz builds on stable Rust with `-s none` (no sanitizer: the flags it then passes are
# all stable); a sanitizer (FUZZ_SANITIZER=address) needs unstable flags: RUSTC_BOOTSTRAP=1.
FUZZ=(cargo fuzz)
if [ "$SANITIZER" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
python3 seed.py
mkdir -p logs
echo "building: ${FUZZ[*]} build -s $SANITIZER"
nice -n 5 "${FUZZ[@]}" build -s "$SANITIZER" --debug-assertions

dict_for() {
  case "$1" in
    json_read | compliance | diff_check | search) echo "-dict=tthc.dict" ;;
  esac
}

run_one() {
  local t=$1 log=logs/$1.log
  # -timeout: an input taking longer than 30 s is a hang; -rss_limit_mb: 2 GiB is a leak.
  nice -n 19 "${FUZZ[@]}" run -s "$SANITIZER" --debug-assertions "$t" -- \
    -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    $(dict_for "$t") >"$log" 2>&1
}

pids=() names=() failed=0
for t in $TARGETS; do
  run_one "$t" &
  pids+=($!) names+=("$t")
  if ((${#pids[@]} >= JOBS)); then
    wait "${pids[0]}" || { echo "CRASH in ${names[0]}: see fuzz/logs/${names[0]}.log"; failed=1; }
    pids=("${pids[@]:1}") names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || { echo "CRASH in ${names[$i]}: see fuzz/logs/${names[$i]}.log"; failed=1; }
done

printf '%-12s %12s %8s %8s %s\n' target executions seconds exec/s corpus
for t in $TARGETS; do
  log=logs/$t.log
  execs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | awk '{print $5}' || true)
  rate=$(grep -o 'average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  printf '%-12s %12s %8s %8s %s\n' "$t" "${execs:-?}" "${secs:-?}" "${rate:-?}" "$(ls "corpus/$t" | wc -l)"
done
exit "$failed"
