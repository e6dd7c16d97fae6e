#!/bin/sh
# Installs a default_library=both build into a scratch prefix and builds the
# example program as an outside consumer would, with `pkg-config airoi`,
# against the shared and the static library; both must print worked example 3,
# run with a clean environment (env -i: no LD_LIBRARY_PATH), as must the
# installed PREFIX/bin/airoi (its RUNPATH is $ORIGIN-relative; a prefix
# outside /usr and /usr/local puts -Wl,-rpath in `pkg-config --libs`).
# usage: tests/build/consumer.sh   (from anywhere; uses /tmp)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/airoi-consumer.XXXXXX)
meson setup "$work/build" "$top" -Ddefault_library=both -Dtests=disabled -Ddocs=disabled \
    -Dpython=false -Dxll=disabled --prefix="$work/prefix" >/dev/null
ninja -C "$work/build" >/dev/null
meson install -C "$work/build" >/dev/null
pc=$(find "$work/prefix" -name airoi.pc)
export PKG_CONFIG_PATH=$(dirname "$pc")
libdir=$(pkg-config --variable=libdir airoi)
cc "$top/docs/examples/worked-example-3.c" $(pkg-config --cflags --libs airoi) -o "$work/shared"
cc "$top/docs/examples/worked-example-3.c" -DAIROI_STATIC $(pkg-config --cflags airoi) \
    "$libdir/libairoi.a" $(pkg-config --static --libs-only-other --libs-only-l airoi | sed 's/-lairoi//') \
    -o "$work/static"
for v in shared static; do
    out=$(env -i "$work/$v")
    echo "$out" | grep -q "425.71" || { echo "consumer: $v build gave wrong output:"; echo "$out"; exit 1; }
    echo "consumer: $v build OK"
done
if ldd "$work/static" | grep -q libairoi; then
    echo "consumer: the static build links libairoi.so"; exit 1
fi
out=$(cd "$top/docs/examples" && env -i "$work/prefix/bin/airoi" report example3-three-year.yaml)
echo "$out" | grep -q "NPV 425.71" || { echo "consumer: PREFIX/bin/airoi gave:"; echo "$out"; exit 1; }
echo "consumer: PREFIX/bin/airoi runs with env -i"
rm -rf "$work"
