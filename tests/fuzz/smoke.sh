#!/bin/sh
# Fuzzing smoke run for CI: builds the libFuzzer targets with clang (library
# instrumented too, with ASan + UBSan) and runs each for a short time on a
# scratch copy of the kept corpus. New crashes fail the run; the crashing
# input is left in the build directory to be added to tests/fuzz/corpus.
# usage: tests/fuzz/smoke.sh [SECONDS-PER-TARGET] (CI: 30 s for each of the six targets)
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
b="$top/build-fuzz"
rm -rf "$b"
CC=clang meson setup "$b" "$top" -Dfuzzing=true -Dpython=false -Dxll=disabled -Ddocs=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link \
    -Dbuildtype=debugoptimized >/dev/null
targets="model finance simulation tracking html portfolio yaml"
for target in $targets; do
    ninja -C "$b" "tests/fuzz/fuzz-$target" >/dev/null
done
# Each target's seeds: its kept corpus and the inputs of its surface (the
# same directories as its fuzz-replay test in tests/fuzz/meson.build).
seeds() {
    case $1 in
    model) echo "$top/tests/fuzz/corpus $top/tests/data/invalid $top/docs/examples" ;;
    finance) echo "$top/tests/fuzz/corpus-finance" ;;
    portfolio) echo "$top/tests/fuzz/corpus-portfolio $top/docs/examples/portfolio" ;;
    yaml) echo "$top/tests/fuzz/corpus-yaml $top/tests/fuzz/corpus $top/tests/data/invalid $top/docs/examples" ;;
    *) echo "$top/tests/fuzz/corpus-$1 $top/tests/data/invalid $top/docs/examples" ;;
    esac
}
for target in $targets; do
    work="$b/corpus-$target"
    mkdir -p "$work"
    for dir in $(seeds "$target"); do
        case $dir in
        */tests/fuzz/corpus*) pattern='*' ;;
        *) pattern='*.yaml' ;;
        esac
        find "$dir" -maxdepth 1 -type f -name "$pattern" -exec cp {} "$work"/ \;
    done
    echo "fuzz-$target: ${secs}s"
    rc=0
    # -timeout=30: a seed at the largest horizon (10,000 periods) written in
    # every report format takes seconds under ASan and the fuzzer's
    # instrumentation, and over 10 s on a loaded 2-core machine; 30 s still
    # catches a hang.
    (cd "$b" && UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
        "./tests/fuzz/fuzz-$target" -max_total_time="$secs" -max_len=65536 -timeout=30 \
        -rss_limit_mb=2048 -print_final_stats=1 "$work" >"$b/fuzz-$target.log" 2>&1) || rc=$?
    grep -E '^(stat::|Done|==[0-9]+==|SUMMARY)' "$b/fuzz-$target.log" || true
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$b/fuzz-$target.log"
        echo "fuzz-$target: FAILED (exit $rc); the input is in $b" >&2
        exit 1
    fi
done
echo "fuzz smoke: no crash"
