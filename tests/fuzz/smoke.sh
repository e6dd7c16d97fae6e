#!/bin/sh
# Fuzzing smoke run for CI: builds the libFuzzer targets with clang (library
# instrumented too, with ASan + UBSan) and runs each for a short time on a
# scratch copy of the kept corpus. New crashes fail the run; the crashing
# input is left in the build directory to be added to tests/fuzz/corpus.
# usage: tests/fuzz/smoke.sh [SECONDS-PER-TARGET]
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
b="$top/build-fuzz"
rm -rf "$b"
CC=clang meson setup "$b" "$top" -Dfuzzing=true -Dpython=false -Dxll=disabled -Ddocs=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link \
    -Dbuildtype=debugoptimized >/dev/null
ninja -C "$b" tests/fuzz/fuzz-model >/dev/null
for target in model; do
    work="$b/corpus-$target"
    mkdir -p "$work"
    cp "$top"/tests/fuzz/corpus/* "$top"/tests/data/invalid/*.yaml "$top"/docs/examples/*.yaml "$work"/
    echo "fuzz-$target: ${secs}s"
    rc=0
    (cd "$b" && UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
        "./tests/fuzz/fuzz-$target" -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "$work" >"$b/fuzz-$target.log" 2>&1) || rc=$?
    grep -E '^(stat::|Done|==[0-9]+==|SUMMARY)' "$b/fuzz-$target.log" || true
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$b/fuzz-$target.log"
        echo "fuzz-$target: FAILED (exit $rc); the input is in $b" >&2
        exit 1
    fi
done
echo "fuzz smoke: no crash"
