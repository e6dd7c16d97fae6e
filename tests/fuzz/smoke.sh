#!/bin/sh
# Fuzzing smoke run for CI: builds the libFuzzer targets with clang (library
# instrumented too, with ASan + UBSan) and runs each for a short time on a
# scratch copy of the kept corpus. New crashes fail the run; the crashing
# input is left in the build directory to be added to tests/fuzz/corpus.
# Warnings are errors: the tree builds warning-free under clang.
# usage: tests/fuzz/smoke.sh [SECONDS-PER-TARGET] (CI: 60 s for each target)
# Targets run FUZZ_JOBS at a time (default 2: CI's two cores), so the run
# takes about targets x SECONDS / 2; every target runs, and the run fails at
# the end if any found something. FUZZ_TARGETS="a b" runs only those;
# tests/fuzz/long-run.sh runs them one at a time for the long run.
set -eu
secs=${1:-60}
jobs=${FUZZ_JOBS:-2}
top=$(cd "$(dirname "$0")/../.." && pwd)
b="$top/build-fuzz"
# FUZZ_REUSE=1 keeps build-fuzz and its grown corpora (long-run.sh after a smoke run).
if [ "${FUZZ_REUSE:-0}" != 1 ] || [ ! -f "$b/build.ninja" ]; then
rm -rf "$b"
CC=clang meson setup "$b" "$top" -Dfuzzing=true -Dpython=false -Dxll=enabled -Ddocs=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link \
    -Dbuildtype=debugoptimized -Dwerror=true >/dev/null
fi
targets="model finance simulation tracking html portfolio yaml"
targets="$targets cli xloper" # the command line; the add-in's XLOPER12 conversion
targets=${FUZZ_TARGETS:-$targets}
for target in $targets; do
    ninja -C "$b" -j 2 "tests/fuzz/fuzz-$target" >/dev/null # 2 cores, shared when run by hand
done
# Each target's seeds: its kept corpus and the inputs of its surface (the
# same directories as its fuzz-replay test in tests/fuzz/meson.build).
seeds() {
    case $1 in
    model) echo "$top/tests/fuzz/corpus $top/tests/data/invalid $top/docs/examples" ;;
    finance) echo "$top/tests/fuzz/corpus-finance" ;;
    portfolio) echo "$top/tests/fuzz/corpus-portfolio $top/docs/examples/portfolio" ;;
    yaml) echo "$top/tests/fuzz/corpus-yaml $top/tests/fuzz/corpus $top/tests/data/invalid $top/docs/examples" ;;
    cli | xloper) echo "$top/tests/fuzz/corpus-$1" ;;
    *) echo "$top/tests/fuzz/corpus-$1 $top/tests/data/invalid $top/docs/examples" ;;
    esac
}
# One target: its log in $b/fuzz-TARGET.log, its exit status in .rc.
fuzz_one() {
    target=$1
    work="$b/corpus-$target"
    mkdir -p "$work"
    for dir in $(seeds "$target"); do
        case $dir in
        */tests/fuzz/corpus*) pattern='*' ;;
        *) pattern='*.yaml' ;;
        esac
        find "$dir" -maxdepth 1 -type f -name "$pattern" -exec cp {} "$work"/ \;
    done
    maxlen=65536 # model files
    case $target in cli | xloper) maxlen=4096 ;; esac # words; encoded XLOPER12s
    rc=0
    # -timeout=30: a seed at the largest horizon (10,000 periods) written in
    # every report format takes seconds under ASan and the fuzzer's
    # instrumentation, and over 10 s on a loaded 2-core machine; 30 s still
    # catches a hang. -close_fd_mask=3: the command line target prints what
    # the airoi command prints (libFuzzer's own report and the sanitizers'
    # still reach the log).
    (cd "$b" && UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
        "./tests/fuzz/fuzz-$target" -max_total_time="$secs" -max_len="$maxlen" -timeout=30 \
        -rss_limit_mb=2048 -print_final_stats=1 -close_fd_mask=3 -artifact_prefix="$b/" \
        "$work" >"$b/fuzz-$target.log" 2>&1) || rc=$?
    echo "$rc" >"$b/fuzz-$target.rc"
}
# FUZZ_JOBS targets at a time, then the summary of each in order.
set -- $targets
failed=0
while [ $# -gt 0 ]; do
    batch=
    n=0
    while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
        echo "fuzz-$1: ${secs}s"
        fuzz_one "$1" &
        batch="$batch $1"
        n=$((n + 1))
        shift
    done
    wait
    for target in $batch; do
        rc=$(cat "$b/fuzz-$target.rc")
        echo "fuzz-$target:"
        grep -E '^(stat::|Done|==[0-9]+==|SUMMARY)' "$b/fuzz-$target.log" || true
        if [ "$rc" -ne 0 ]; then
            tail -n 60 "$b/fuzz-$target.log"
            echo "fuzz-$target: FAILED (exit $rc); the input is in $b" >&2
            failed=1
        fi
    done
done
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "fuzz smoke: no crash"
