#!/bin/sh
# Builds the real 64-bit Windows airoi.xll and the test host xll-host.exe
# with mingw-w64 (a Meson cross build of this project), checks what the DLL
# imports and exports, and runs the host under wine against it, as
# .ci/run does.
#
#   bindings/excel/test-wine.sh
#
# Environment (all optional):
#   BUILD_DIR     cross build directory (default: build-mingw at the top)
#   WINEPREFIX    wine prefix (default: /tmp/airoi-wine-$(id -u)); created
#                 on first use with `wineboot -i`, which takes a while
#   WINE          wine loader (default: /usr/lib/wine/wine64)
#   WERROR        true|false, passed to -Dwerror (default: true)
#
# Needs (Debian packages): gcc-mingw-w64-x86-64, binutils-mingw-w64-x86-64,
# wine64 (and wine), meson, ninja-build, pkg-config, dpkg-dev (for
# `apt-get source`), and network access to deb.debian.org for libyaml's
# source package (see fetch-libyaml.sh).
#
# Prints one line per failed check and a summary "test-wine: N passed,
# M failed"; exits non-zero when anything failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build="${BUILD_DIR:-$top/build-mingw}"
case "$build" in /*) ;; *) build="$top/$build" ;; esac
wine="${WINE:-/usr/lib/wine/wine64}"
objdump="${MINGW_OBJDUMP:-x86_64-w64-mingw32-objdump}"
export WINEPREFIX="${WINEPREFIX:-/tmp/airoi-wine-$(id -u)}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
    echo "test-wine: $passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
    exit $?
}
started=$(date +%s)

for tool in x86_64-w64-mingw32-gcc "$objdump" meson ninja pkg-config apt-get dpkg-source "$wine"; do
    if command -v "$tool" >/dev/null 2>&1; then ok "tool $tool found"; else fail "tool $tool missing"; fi
done
[ "$failed" -eq 0 ] || finish

# 1. libyaml for Windows, from Debian's source package.
if "$here/fetch-libyaml.sh"; then ok "static libyaml for mingw-w64"; else fail "fetch-libyaml.sh"; finish; fi

# 2. Cross build of this project; only the add-in and the host are built.
set -- --cross-file "$here/mingw-w64.ini" --cross-file "$here/third_party/yaml-mingw.ini" \
       -Dtests=disabled -Ddocs=disabled -Dpython=false -Dxll=enabled -Dwerror="${WERROR:-true}"
reconfigure=
[ -d "$build/meson-private" ] && reconfigure=--reconfigure
setup_log="$here/third_party/meson-setup.log"
# shellcheck disable=SC2086 # $reconfigure is empty or one word
if meson setup $reconfigure "$build" "$@" >"$setup_log" 2>&1; then
    ok "meson setup (cross)"
else
    cat "$setup_log"; fail "meson setup (cross)"; finish
fi
if ninja -C "$build" -j2 bindings/excel/airoi.xll bindings/excel/xll-host.exe; then
    ok "built airoi.xll and xll-host.exe"
else
    fail "cross build"; finish
fi
xll="$build/bindings/excel/airoi.xll"
host="$build/bindings/excel/xll-host.exe"

# 3. Imports: Windows system DLLs only (no libgcc, libwinpthread, libyaml).
check_imports() {
    dlls=$("$objdump" -p "$1" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr -d '\r')
    [ -n "$dlls" ] || { fail "$2: no import table"; return; }
    for dll in $dlls; do
        case $(echo "$dll" | tr '[:upper:]' '[:lower:]') in
        kernel32.dll|msvcrt.dll|ucrtbase.dll|api-ms-win-crt-*.dll|user32.dll|advapi32.dll|ntdll.dll)
            ok "$2 imports $dll (Windows system DLL)" ;;
        *) fail "$2 imports $dll, which is not a Windows system DLL" ;;
        esac
    done
}
check_imports "$xll" airoi.xll
check_imports "$host" xll-host.exe

# 4. Exports: the XLL interface and the worksheet functions, nothing else.
exports=$("$objdump" -p "$xll" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' |
          sed -n 's/^[[:space:]]*\[[[:space:]]*[0-9]*\][[:space:]]*//p' | tr -d '\r')
for name in xlAutoOpen xlAutoClose xlAutoFree12 xlAddInManagerInfo12 \
            xll_airoi_npv xll_airoi_xnpv xll_airoi_irr xll_airoi_xirr xll_airoi_mirr \
            xll_airoi_payback xll_airoi_dpayback xll_airoi_roi xll_airoi_npvroi xll_airoi_version \
            xll_airoi_load xll_airoi_project xll_airoi_check xll_airoi_metric xll_airoi_schedule xll_airoi_tco \
            xll_airoi_findings xll_airoi_ipmt xll_airoi_ppmt xll_airoi_cumipmt xll_airoi_cumprinc \
            xll_airoi_ispmt xll_airoi_effect xll_airoi_nominal xll_airoi_pduration xll_airoi_rri \
            xll_airoi_fvschedule xll_airoi_sln xll_airoi_syd xll_airoi_db xll_airoi_ddb xll_airoi_vdb \
            xll_airoi_validate xll_airoi_scenarios xll_airoi_benchmark xll_airoi_save \
            xll_airoi_simulate xll_airoi_simstat xll_airoi_percentile xll_airoi_tornado xll_airoi_stages; do
    if echo "$exports" | grep -qx "$name"; then ok "airoi.xll exports $name"; else fail "airoi.xll does not export $name"; fi
done
for name in $exports; do
    case "$name" in
    xlAutoOpen|xlAutoClose|xlAutoFree12|xlAddInManagerInfo12|xll_airoi_*) ;;
    *) fail "airoi.xll exports unexpected symbol $name" ;;
    esac
done
if "$objdump" -p "$host" | grep -q '\] MdCallBack12$'; then
    ok "xll-host.exe exports MdCallBack12"
else
    fail "xll-host.exe does not export MdCallBack12"
fi

# 5. The host under wine against the real add-in.
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "test-wine: creating wine prefix $WINEPREFIX (first start takes a while)"
    timeout 600 "$wine" wineboot -i >/dev/null 2>&1 || true
    # Let the prefix settle: wait for the wineserver of the boot to exit.
    wineserver="$(dirname "$wine")/wineserver"
    if [ -x "$wineserver" ]; then timeout 120 "$wineserver" -w >/dev/null 2>&1 || true; fi
fi
winpath="Z:$(printf '%s' "$xll" | sed 's|/|\\\\|g')"
# The model the handle functions are checked against, next to the host
# (a relative path: the library's load opens it with _wfopen from the working
# directory; xll-host also loads a copy with a non-ASCII name).
cp "$top/docs/examples/example3-three-year.yaml" "$build/bindings/excel/example3-three-year.yaml"
cp "$top/docs/examples/genai-support-uncertain.yaml" "$build/bindings/excel/genai-support-uncertain.yaml"
cp "$top/tests/xll/sheet-model.yaml" "$build/bindings/excel/sheet-model.yaml"
# run_host LABEL ARGS...: runs xll-host.exe under wine and adds its counts.
run_host() {
    label=$1
    shift
    out=$(cd "$build/bindings/excel" && timeout 600 "$wine" ./xll-host.exe "$@" 2>&1)
    status=$?
    echo "$out" | grep -v '^ok: ' | tr -d '\r'
    summary=$(echo "$out" | tr -d '\r' | sed -n 's/^xll-host: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
    if [ -n "$summary" ]; then
        hp=${summary% *}
        hf=${summary#* }
        passed=$((passed + hp))
        failed=$((failed + hf))
        if [ "$status" -eq 0 ] && [ "$hf" -eq 0 ]; then ok "$label under wine"; else fail "$label under wine (exit $status)"; fi
    else
        fail "$label under wine gave no summary (exit $status)"
    fi
}
# The invalid-model corpus goes through AIROI.CHECK (read in place, by its
# Windows path on wine's Z: drive).
corpus="Z:$(printf '%s' "$top/tests/data/invalid" | sed 's|/|\\\\|g')"
run_host "xll-host.exe" "$winpath" example3-three-year.yaml --corpus "$corpus" \
    --sim-model genai-support-uncertain.yaml --sheet-model sheet-model.yaml
# The minimal host: answers only xlfRegister (no xlGetName, xlfCaller,
# xlFree); the add-in names itself with GetModuleFileNameW.
run_host "xll-host.exe --minimal" "$winpath" --minimal
echo "test-wine: took $(( $(date +%s) - started )) s"
finish
