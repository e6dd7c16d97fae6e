#!/bin/sh
# Builds the Windows bundle a spreadsheet user downloads (docs/excel.md):
#
#   bindings/excel/package.sh [--test] [OUTDIR]
#
# cross-builds this project with mingw-w64 (bindings/excel/mingw-w64.ini,
# libyaml from fetch-libyaml.sh, as test-wine.sh does) and writes
# OUTDIR/airoi-windows-x64-VERSION.zip (OUTDIR: default the cross build
# directory), one folder airoi-windows-x64-VERSION holding
#   airoi.xll            the Excel add-in (64-bit)
#   airoi.exe            the airoi command (docs/cli.md), statically linked
#   examples/            the bundled example models (docs/examples)
#   airoi-example.xlsx   an example workbook (make-workbook.py, openpyxl)
#   README.txt           what is what, how to install the add-in
# airoi.xll and airoi.exe import Windows system DLLs only (no libairoi,
# libyaml, libgcc or libwinpthread DLL), checked here with objdump -p.
#
# --test then unpacks the zip into a scratch directory and, under wine, from
# the unpacked folder: runs `airoi.exe --version`, `airoi.exe report` and
# `airoi.exe validate` on the examples, and the add-in's test host
# (xll-host.exe, from the cross build) against the unpacked airoi.xll. .ci/run
# does this.
#
# Environment (optional): BUILD_DIR (default build-mingw at the top),
# WINEPREFIX (default /tmp/airoi-wine-$(id -u)), WINE (default
# /usr/lib/wine/wine64), WERROR (true|false, default true).
# Needs what test-wine.sh needs, plus zip, unzip and python3-openpyxl (the
# workbook is left out, with a message, when openpyxl is missing).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
test=false
if [ "${1:-}" = --test ]; then test=true; shift; fi
build="${BUILD_DIR:-$top/build-mingw}"
case "$build" in /*) ;; *) build="$top/$build" ;; esac
outdir="${1:-$build}"
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
objdump="${MINGW_OBJDUMP:-x86_64-w64-mingw32-objdump}"
strip="${MINGW_STRIP:-x86_64-w64-mingw32-strip}"
wine="${WINE:-/usr/lib/wine/wine64}"
die() { echo "package: $*" >&2; exit 1; }

# 1. The cross build: the add-in and the static command.
"$here/fetch-libyaml.sh" >/dev/null || die "fetch-libyaml.sh failed"
set -- --cross-file "$here/mingw-w64.ini" --cross-file "$here/third_party/yaml-mingw.ini" \
       -Dtests=disabled -Ddocs=disabled -Dpython=false -Dxll=enabled -Dwerror="${WERROR:-true}"
reconfigure=
[ -d "$build/meson-private" ] && reconfigure=--reconfigure
# shellcheck disable=SC2086 # $reconfigure is empty or one word
meson setup $reconfigure "$build" "$@" >"$build.setup.log" 2>&1 ||
    { cat "$build.setup.log"; die "meson setup (cross) failed"; }
rm -f "$build.setup.log"
ninja -C "$build" -j2 bindings/excel/airoi.xll bindings/excel/airoi.exe bindings/excel/xll-host.exe ||
    die "cross build failed"
version=$(meson introspect --projectinfo "$build" |
          python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
name="airoi-windows-x64-$version"

# 2. Windows system DLLs only.
for f in airoi.xll airoi.exe; do
    dlls=$("$objdump" -p "$build/bindings/excel/$f" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr -d '\r')
    [ -n "$dlls" ] || die "$f: no import table"
    for dll in $dlls; do
        case $(echo "$dll" | tr '[:upper:]' '[:lower:]') in
        kernel32.dll|msvcrt.dll|ucrtbase.dll|api-ms-win-crt-*.dll|user32.dll|advapi32.dll|ntdll.dll) ;;
        *) die "$f imports $dll, which is not a Windows system DLL" ;;
        esac
    done
    echo "package: $f imports only Windows system DLLs: $(echo "$dlls" | tr '\n' ' ')"
done

# 3. The folder, then the zip.
work=$(mktemp -d /tmp/airoi-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/examples"
cp "$build/bindings/excel/airoi.xll" "$build/bindings/excel/airoi.exe" "$stage/"
# No debugging symbols in what users download (the export table stays).
"$strip" --strip-debug "$stage/airoi.xll" "$stage/airoi.exe" || die "$strip failed"
cp "$top"/docs/examples/*.yaml "$stage/examples/"
if [ -d "$top/docs/examples/portfolio" ]; then cp -r "$top/docs/examples/portfolio" "$stage/examples/"; fi
workbook=
# Debian's interpreter first: python3-openpyxl is installed for it.
py=
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
if [ -n "$py" ]; then
    "$py" "$here/make-workbook.py" "$stage/airoi-example.xlsx" examples/example3-three-year.yaml ||
        die "make-workbook.py failed"
    workbook="  airoi-example.xlsx   an example workbook: worked example 3 and a model file
                       (open it from this folder, not from inside the zip:
                       its Model sheet loads examples\\example3-three-year.yaml
                       from beside it)
"
else
    echo "package: python3-openpyxl is missing: no example workbook in the zip"
fi
# README.txt with Windows line ends.
{
cat <<TXT
libairoi $version for 64-bit Windows
====================================

libairoi computes the business case of an AI investment (TCO, ROI, NPV,
IRR, payback, scenarios, Monte Carlo) from a model file. This folder:

  airoi.xll            the Excel add-in: AIROI.* worksheet functions
                       (64-bit Excel 2010 or later)
  airoi.exe            the airoi command: airoi validate, report, simulate ...
  examples\\            example model files (YAML)
TXT
printf '%s' "$workbook"
cat <<TXT
  README.txt           this file

Nothing else is needed: both files are self-contained (no DLL to install).

Excel: File > Options > Add-ins, Manage: Excel Add-ins, Go..., Browse...,
pick airoi.xll, OK. Then =AIROI.VERSION() in a cell shows $version.
Files downloaded from the internet may be blocked: right-click, Properties,
tick Unblock.

Command (in a Command Prompt opened in this folder):
  airoi.exe validate examples\\example3-three-year.yaml
  airoi.exe report examples\\example3-three-year.yaml
  airoi.exe report examples\\genai-support-rollout.yaml --format html -o case.html
  airoi.exe --help

Documentation: docs/excel.md (the add-in), docs/cli.md (the command) and
docs/model-format.md (model files) in the libairoi source tree.
TXT
} | sed 's/$/\r/' >"$stage/README.txt"
rm -f "$outdir/$name.zip"
(cd "$work" && zip -q -r -X "$outdir/$name.zip" "$name") || die "zip failed"
echo "package: wrote $outdir/$name.zip"
unzip -l "$outdir/$name.zip"

$test || exit 0

# 4. From the unpacked zip, under wine.
export WINEPREFIX="${WINEPREFIX:-/tmp/airoi-wine-$(id -u)}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "package: creating wine prefix $WINEPREFIX (first start takes a while)"
    timeout 600 "$wine" wineboot -i >/dev/null 2>&1 || true
    wineserver="$(dirname "$wine")/wineserver"
    if [ -x "$wineserver" ]; then timeout 120 "$wineserver" -w >/dev/null 2>&1 || true; fi
fi
mkdir "$work/unpacked"
(cd "$work/unpacked" && unzip -q "$outdir/$name.zip") || die "unzip failed"
dir="$work/unpacked/$name"
# run PROGRAM ARGS...: its output without carriage returns, and its own exit
# status (not that of tr, which a pipe would give).
run() {
    rc=0
    (cd "$dir" && timeout 300 "$wine" "$@") >"$work/run.out" 2>&1 || rc=$?
    tr -d '\r' <"$work/run.out"
    return $rc
}
out=$(run ./airoi.exe --version) || die "airoi.exe --version failed under wine: $out"
echo "package: airoi.exe --version: $out"
case "$out" in *"$version"*) ;; *) die "airoi.exe --version does not name $version" ;; esac
out=$(run ./airoi.exe report 'examples\example3-three-year.yaml') ||
    die "airoi.exe report failed under wine: $out"
echo "$out" | grep -q "NPV 425.71" || die "airoi.exe report printed: $out"
printf '%s\n' "package: airoi.exe report examples\\example3-three-year.yaml: NPV 425.71"
for model in "$dir"/examples/*.yaml; do
    m=$(basename "$model")
    out=$(run ./airoi.exe validate "examples\\$m") || die "airoi.exe validate $m failed under wine: $out"
done
echo "package: airoi.exe validate accepts every bundled example"
out=$(run ./airoi.exe report 'examples\genai-support-rollout.yaml' --format html -o case.html) ||
    die "airoi.exe report --format html failed under wine: $out"
grep -q '</html>' "$dir/case.html" || die "airoi.exe report --format html wrote no page"
echo "package: airoi.exe report --format html -o case.html writes the business case page"
# The add-in's host, against the unpacked airoi.xll, in a scratch folder.
mkdir "$work/host"
cp "$build/bindings/excel/xll-host.exe" "$work/host/"
cp "$dir/examples/example3-three-year.yaml" "$dir/examples/genai-support-uncertain.yaml" "$work/host/"
cp "$top/tests/xll/sheet-model.yaml" "$work/host/"
xll="Z:$(printf '%s' "$dir/airoi.xll" | sed 's|/|\\|g')"
for args in "example3-three-year.yaml --sim-model genai-support-uncertain.yaml --sheet-model sheet-model.yaml" \
    "--minimal"; do
    # shellcheck disable=SC2086 # $args is a list of words
    out=$(cd "$work/host" && timeout 600 "$wine" ./xll-host.exe "$xll" $args 2>&1 | tr -d '\r')
    summary=$(echo "$out" | grep '^xll-host: [0-9]* passed, [0-9]* failed' || true)
    echo "$out" | grep -v '^ok: ' | grep -v '^xll-host: ' || true
    case "$summary" in
    *" 0 failed"*) echo "package: the unpacked airoi.xll under xll-host.exe $args: $summary" ;;
    *) die "xll-host.exe $args against the unpacked airoi.xll: ${summary:-no summary}" ;;
    esac
done
echo "package: OK"
