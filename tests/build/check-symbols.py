#!/usr/bin/env python3
"""Build check: the library's dynamic exports, lib/libairoi.map and the
AIROI_API declarations of the public headers name exactly the same symbols,
and every export is an airoi_ function in a LIBAIROI_ version node.

usage: check-symbols.py LIBRARY MAPFILE HEADER...
"""
import re
import subprocess
import sys


def exports(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in "TtDdBbRrVWi":
            syms.add(parts[2].split("@")[0])
    return syms - {"LIBAIROI_0.1"} - {s for s in syms if s.startswith("LIBAIROI_")}


def map_symbols(path):
    text = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
    syms = set()
    for node in re.finditer(r"(LIBAIROI_[0-9.]+)\s*\{(.*?)\}", text, flags=re.S):
        glob = re.search(r"global:(.*?)(local:|$)", node.group(2), flags=re.S)
        if glob:
            syms.update(s.strip() for s in glob.group(1).split(";") if s.strip())
    return syms


def header_symbols(paths):
    syms = set()
    for p in paths:
        text = open(p).read()
        for m in re.finditer(r"AIROI_API\s+[^;{()]*?\b(airoi_\w+)\s*\(", text):
            syms.add(m.group(1))
    return syms


def main():
    lib, mapfile, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
    exp, mp, hd = exports(lib), map_symbols(mapfile), header_symbols(headers)
    ok = True
    for name, a, b in (("exported but not in the map", exp, mp),
                       ("in the map but not exported", mp, exp),
                       ("declared in headers but not in the map", hd, mp),
                       ("in the map but not declared in a header", mp, hd)):
        diff = sorted(a - b)
        if diff:
            ok = False
            print(f"{name}: {', '.join(diff)}")
    bad = sorted(s for s in exp if not s.startswith("airoi_"))
    if bad:
        ok = False
        print("exports without the airoi_ prefix: " + ", ".join(bad))
    print(f"{len(exp)} exports, {len(mp)} map entries, {len(hd)} declarations")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
