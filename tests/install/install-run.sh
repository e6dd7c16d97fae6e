#!/bin/sh
# Installed programs run with a clean environment (README.md, "Installing"):
# installs the build with `meson install --destdir` into a scratch
# directory and runs PREFIX/bin/airoi there under `env -i` (no
# LD_LIBRARY_PATH): its $ORIGIN-relative RUNPATH finds PREFIX/LIBDIR. Then
# moves the whole prefix elsewhere and runs it again (the RUNPATH is
# relative, not the build's). When `pkg-config --libs airoi` carries an
# rpath (any prefix but /usr and /usr/local, see pkgconfig/meson.build), a
# program linked with it (docs/examples/worked-example-3.c) must run under
# `env -i` too; under /usr and /usr/local the system loader finds the
# library after `ldconfig`, which a scratch install cannot run.
#
# usage: tests/install/install-run.sh BUILD_DIR PREFIX [CC]
# (meson test runs it as `install-run`; tests/build/consumer.sh does the
# same for a real --prefix install, in CI)
set -eu
build=$1
prefix=$2
cc=${3:-cc}
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/airoi-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
clean() { env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
fail() { echo "install-run: $*"; exit 1; }

meson install -C "$build" --no-rebuild --destdir "$work/dest" --quiet >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "meson install --destdir failed"; }
root="$work/dest$prefix"
[ -x "$root/bin/airoi" ] || fail "no $root/bin/airoi after meson install"
cp "$top/docs/examples/example3-three-year.yaml" "$work/model.yaml"

run_command() {
    out=$(cd "$work" && clean "$1/bin/airoi" report model.yaml 2>&1) ||
        fail "$1/bin/airoi report failed with a clean environment: $out"
    echo "$out" | grep -q "NPV 425.71" || fail "$1/bin/airoi report printed: $out"
    # ... with the library of this prefix, not one installed on the machine.
    found=$(clean LD_TRACE_LOADED_OBJECTS=1 "$1/bin/airoi" | sed -n 's/^[[:space:]]*libairoi[^ ]* => \([^ ]*\).*/\1/p')
    case "$found" in
    "$1"/*) ;;
    *) fail "$1/bin/airoi loads libairoi from '$found', not from its prefix" ;;
    esac
    echo "install-run: $1/bin/airoi runs with env -i (libairoi from its prefix)"
}
run_command "$root"

pc=$(find "$root" -name airoi.pc | head -n 1)
if [ -n "$pc" ] && command -v pkg-config >/dev/null 2>&1; then
    # The .pc with its prefix= line pointed at the destdir copy.
    mkdir "$work/pc"
    sed "s|^prefix=.*|prefix=$root|" "$pc" >"$work/pc/airoi.pc"
    libs=$(PKG_CONFIG_PATH="$work/pc" pkg-config --libs airoi)
    cflags=$(PKG_CONFIG_PATH="$work/pc" pkg-config --cflags airoi)
    case "$libs" in
    *-rpath*)
        # shellcheck disable=SC2086 # word lists from pkg-config
        "$cc" "$top/docs/examples/worked-example-3.c" $cflags $libs -o "$work/consumer" ||
            fail "cannot build a consumer with pkg-config --libs airoi"
        case $(clean LD_TRACE_LOADED_OBJECTS=1 "$work/consumer") in
        *"$root"/*) ;;
        *) fail "the pkg-config consumer does not load libairoi from $root" ;;
        esac
        out=$(clean "$work/consumer") || fail "the pkg-config consumer does not run with env -i: $out"
        echo "$out" | grep -q "425.71" || fail "the pkg-config consumer printed: $out"
        echo "install-run: a program linked with pkg-config --libs airoi runs with env -i" ;;
    *) echo "install-run: prefix $prefix is a system prefix: pkg-config --libs has no rpath (ldconfig finds the library)" ;;
    esac
fi

mkdir -p "$work/moved"
mv "$root" "$work/moved/prefix"
run_command "$work/moved/prefix"
echo "install-run: OK"
