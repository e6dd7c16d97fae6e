#!/usr/bin/env python3
"""SONAME guard: the built library's SONAME is the one the ABI numbers of
meson.build give, and the newest node of the version script is named after
them, so that neither moves without the other. With PYLIB (the Python
package's _lib.py, which has no build step and so copies the numbers), its
ABI_VERSION must be EXPECTED_ABI and every "libairoi.so.N" it names must be
EXPECTED_SONAME.

usage: check-soname.py LIBRARY EXPECTED_SONAME MAP EXPECTED_NODE [PYLIB EXPECTED_ABI]

Reads the ELF dynamic section directly (no binutils needed). Exits 77
(skipped) when LIBRARY is not an ELF shared object.
"""
import re
import struct
import sys

DT_NULL, DT_STRTAB, DT_SONAME = 0, 5, 14
SHT_DYNAMIC = 6


def elf_soname(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF':
        return None
    is64 = data[4] == 2
    end = '<' if data[5] == 1 else '>'
    if is64:
        shoff, = struct.unpack_from(end + 'Q', data, 0x28)
        shentsize, shnum = struct.unpack_from(end + 'HH', data, 0x3A)
        sh_fmt, dyn_fmt = end + 'IIQQQQIIQQ', end + 'qQ'
    else:
        shoff, = struct.unpack_from(end + 'I', data, 0x20)
        shentsize, shnum = struct.unpack_from(end + 'HH', data, 0x2E)
        sh_fmt, dyn_fmt = end + 'IIIIIIIIII', end + 'iI'
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    for sh in sections:
        if sh[1] != SHT_DYNAMIC:
            continue
        offset, size, link = sh[4], sh[5], sh[6]
        strtab = sections[link]
        str_off = strtab[4]
        step = struct.calcsize(dyn_fmt)
        for at in range(offset, offset + size, step):
            tag, val = struct.unpack_from(dyn_fmt, data, at)
            if tag == DT_NULL:
                break
            if tag == DT_SONAME:
                stop = data.index(b'\0', str_off + val)
                return data[str_off + val:stop].decode()
        return ''
    return ''


def check_python(path, want_abi, want_soname):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    problems = []
    m = re.search(r'^ABI_VERSION = (\d+)$', text, re.M)
    if not m:
        problems.append('%s: no ABI_VERSION = N line' % path)
    elif int(m.group(1)) != want_abi:
        problems.append('%s: ABI_VERSION = %s, expected %d (abi_major * 100 + abi_minor in '
                        'meson.build)' % (path, m.group(1), want_abi))
    for name in sorted(set(re.findall(r'libairoi\.so\.\d+', text))):
        if name != want_soname:
            problems.append('%s names %s, expected %s' % (path, name, want_soname))
    return problems


def main():
    if len(sys.argv) not in (5, 7):
        print(__doc__, file=sys.stderr)
        return 2
    lib, want_soname, map_path, want_node = sys.argv[1:5]
    failures = []
    if len(sys.argv) == 7:
        failures += check_python(sys.argv[5], int(sys.argv[6]), want_soname)
    soname = elf_soname(lib)
    if soname is None:
        print('check-soname: %s is not an ELF file; skipped' % lib)
        return 77
    if soname != want_soname:
        failures.append('SONAME of %s is %r, expected %r (abi_major in meson.build)'
                        % (lib, soname, want_soname))
    with open(map_path, encoding='utf-8') as f:
        nodes = re.findall(r'^\s*(LIBAIROI_[0-9.]+)\s*\{', f.read(), re.M)
    if not nodes:
        failures.append('%s has no LIBAIROI_* node' % map_path)
    elif nodes[-1] != want_node:
        failures.append('the newest node of %s is %s, expected %s (abi_major.abi_minor in '
                        'meson.build)' % (map_path, nodes[-1], want_node))
    for f in failures:
        print('FAIL:', f)
    if not failures:
        print('check-soname: SONAME %s, newest version node %s' % (soname, nodes[-1]))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
