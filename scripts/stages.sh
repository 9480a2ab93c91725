#!/usr/bin/env bash
# Run each make target given as one timed stage, in order, stopping at the first failure, and
# print the time of every stage at the end (`make test` uses it; `.ci/run` calls `make test`).
# Usage: scripts/stages.sh MAKE TARGET...
set -euo pipefail
make_cmd="$1"
shift
timings=()
begin=$SECONDS
report() {
  echo "::: stage times (m:ss)"
  ((${#timings[@]})) && printf '  %s\n' "${timings[@]}"
  local all=$((SECONDS - begin))
  printf '  %-12s %4d:%02d\n' total $((all / 60)) $((all % 60))
}
trap report EXIT
for target in "$@"; do
  start=$SECONDS
  echo "::: stage $target"
  status=0
  $make_cmd --no-print-directory "$target" || status=$?
  took=$((SECONDS - start))
  timings+=("$(printf '%-12s %4d:%02d%s' "$target" $((took / 60)) $((took % 60)) "$( ((status)) && echo '  FAILED')")")
  echo "::: stage $target: done in ${took}s (status $status)"
  ((status == 0)) || exit "$status"
done
