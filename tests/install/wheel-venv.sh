#!/bin/sh
# The Python wheel on its own (docs/python.md, "Installing"): builds the
# wheel from the top-level pyproject.toml with `pip wheel
# --no-build-isolation` (meson-python, offline), copies it to a scratch
# directory, installs it into a fresh venv and, from a directory outside the
# tree, with a clean environment (no AIROI_LIBRARY, AIROI_COMMAND,
# PYTHONPATH or LD_LIBRARY_PATH), checks that
#   - `import airoi` loads the library inside the installed package,
#   - a real calculation (worked example 3: NPV 425.71) and a model file
#     evaluated through the package give the right numbers,
#   - the `airoi` console script and `python -m airoi` run the command inside
#     the package and print the same report of a bundled example,
#   - AIROI_LIBRARY still overrides (a wrong path fails the import).
#
# usage: tests/install/wheel-venv.sh [WHEEL_BUILD_DIR]
#   WHEEL_BUILD_DIR: meson-python's build directory, kept between runs so
#   that a second run only relinks (meson test passes one inside its build
#   tree); default: a scratch directory.
# Needs: /usr/bin/python3 with pip, venv and meson-python (Debian:
# python3-pip python3-venv python3-mesonpy). Exit 77 (skipped) when one is
# missing.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
py=/usr/bin/python3
for mod in pip venv mesonpy; do
    if ! "$py" -c "import $mod" 2>/dev/null; then
        echo "wheel-venv: $py cannot import $mod (Debian: python3-pip python3-venv python3-mesonpy): skipped"
        exit 77
    fi
done
work=$(mktemp -d /tmp/airoi-wheel.XXXXXX)
trap 'rm -rf "$work"' EXIT
wheel_build=${1:-$work/wheel-build}
case "$wheel_build" in /*) ;; *) wheel_build="$PWD/$wheel_build" ;; esac

# meson-python 0.12 always asks Meson to --reconfigure a given build
# directory, which fails on the first run, unless its native file in the
# source tree (.mesonpy-native-file.ini, generated, ignored by git) is new.
if [ ! -f "$wheel_build/meson-private/coredata.dat" ]; then
    rm -rf "$wheel_build"
    rm -f "$top/.mesonpy-native-file.ini"
fi
echo "wheel-venv: pip wheel --no-build-isolation $top"
env -u AIROI_LIBRARY -u AIROI_COMMAND -u PYTHONPATH \
    "$py" -m pip wheel --no-build-isolation --no-deps --no-index --no-cache-dir \
    --disable-pip-version-check --quiet --config-settings builddir="$wheel_build" \
    -w "$work/dist" "$top" >"$work/pip-wheel.log" 2>&1 || { cat "$work/pip-wheel.log"; exit 1; }
set -- "$work"/dist/airoi-*.whl
[ -f "$1" ] || { echo "wheel-venv: no wheel in $work/dist"; exit 1; }
echo "wheel-venv: built $(basename "$1")"

# Elsewhere: the wheel alone, a fresh venv (system site packages for NumPy).
mkdir "$work/elsewhere" "$work/run"
cp "$1" "$work/elsewhere/"
wheel="$work/elsewhere/$(basename "$1")"
"$py" -m venv --system-site-packages "$work/venv"
venv="$work/venv"
"$venv/bin/python" -m pip install --no-index --no-deps --no-cache-dir --disable-pip-version-check \
    --quiet "$wheel"
cp "$top/docs/examples/example3-three-year.yaml" "$work/run/model.yaml"
cd "$work/run"
clean() { env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

clean "$venv/bin/python" - "$venv" <<'PY'
import os, sys
import airoi, airoi.cli
venv = os.path.realpath(sys.argv[1])
pkg = os.path.realpath(os.path.dirname(airoi.__file__))
assert pkg.startswith(venv + os.sep), "package from %s, not the venv" % pkg
lib = os.path.realpath(airoi.library_path)
assert os.path.dirname(lib) == pkg, "library from %s, not inside the package" % lib
cmd = os.path.realpath(airoi.cli.command_path())
assert os.path.dirname(cmd) == pkg, "command %s is not inside the package" % cmd
npv = airoi.npv(0.08, [-350, 120, 340, 470], start_from_zero=True)
assert abs(npv - 425.7074632931972) < 1e-9, npv
result = airoi.Project.load("model.yaml").evaluate()
assert abs(result.npv - 425.7074632931972) < 1e-6, result.npv
import shutil, subprocess
if sys.platform.startswith("linux") and shutil.which("readelf"):
    def dynamic(path, tag):
        out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True).stdout
        return [l.split("[", 1)[1].rstrip("]") for l in out.splitlines() if "(%s)" % tag in l]
    # Nothing points back at the build tree: the command finds the library
    # through $ORIGIN only, the library needs no RUNPATH.
    for path in (lib, cmd):
        for runpath in dynamic(path, "RUNPATH") + dynamic(path, "RPATH"):
            assert all(p.startswith("$ORIGIN") for p in runpath.split(":")), (path, runpath)
    print("wheel-venv: the library needs", ", ".join(dynamic(lib, "NEEDED")),
          "; the command's RUNPATH is", dynamic(cmd, "RUNPATH"))
print("wheel-venv: import airoi %s from %s; NPV %.2f (list and model file)" % (
    airoi.__version__, lib, result.npv))
PY
clean "$venv/bin/airoi" report model.yaml >script.txt
clean "$venv/bin/python" -m airoi report model.yaml >module.txt
grep -q "NPV 425.71" script.txt || { echo "wheel-venv: airoi report printed:"; cat script.txt; exit 1; }
cmp script.txt module.txt || { echo "wheel-venv: the airoi script and python -m airoi differ"; exit 1; }
clean "$venv/bin/airoi" validate model.yaml >/dev/null
echo "wheel-venv: the airoi console script == python -m airoi (report, validate)"

if clean AIROI_LIBRARY="$work/none/libairoi.so" "$venv/bin/python" -c "import airoi" 2>/dev/null; then
    echo "wheel-venv: AIROI_LIBRARY naming a missing file did not fail the import"; exit 1
fi
echo "wheel-venv: AIROI_LIBRARY still overrides the bundled library"
echo "wheel-venv: OK"
