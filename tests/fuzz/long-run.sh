#!/bin/sh
# tests/fuzz/long-run.sh: the documented long run of the fuzz targets (test
# layer; results in tests/fuzz/README.md). Runs every target of smoke.sh
# (or the TARGETs named) for SECONDS each, one at a time under nice, on the
# same clang build (ASan + UBSan), and prints a table of each target's
# executions (libFuzzer's stat::number_of_executed_units), time and
# findings, and the total.
# usage: tests/fuzz/long-run.sh SECONDS-PER-TARGET [TARGET...]
#   FUZZ_REUSE=1 keeps build-fuzz and the corpora a smoke run grew.
set -u
secs=${1:?usage: long-run.sh SECONDS-PER-TARGET [TARGET...]}
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
b="$top/build-fuzz"
rc=0
if [ $# -gt 0 ]; then
    FUZZ_TARGETS="$*"
    export FUZZ_TARGETS
fi
echo "long run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -srm), $(nproc) cores," \
     "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
FUZZ_JOBS=${FUZZ_JOBS:-1} nice -n 10 sh "$top/tests/fuzz/smoke.sh" "$secs" || rc=$?
total=0
echo "| target | executions | time | findings |"
echo "| --- | ---: | ---: | --- |"
for log in "$b"/fuzz-*.log; do
    target=$(basename "$log" .log)
    [ -f "$b/$target.rc" ] || continue
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1 s/p' "$log" | tail -n 1)
    if [ "$(cat "$b/$target.rc")" = 0 ]; then
        found=none
    else
        found="exit $(cat "$b/$target.rc"): $(grep -m1 -E 'SUMMARY|ERROR|deadly signal' "$log")"
    fi
    echo "| $target.c | ${runs:-?} | ${time:-?} | $found |"
    total=$((total + ${runs:-0}))
done
echo "total: $total executions"
exit "$rc"
