#!/usr/bin/env python3
"""The enumeration families of the public headers and the registry of
lib/core/enum.c agree.

Each enumeration family has a range of its own (docs/api-stability.md):
base = family number << 8, members base, base + 1, ... in order. This test
reads every `typedef enum NAME { ... } NAME;` of include/airoi/*.h (bit
flags and status codes aside) and checks that its values start at a
multiple of 0x100 and count up by one, that no two families share a base,
and that the registry of lib/core/enum.c (one FAMILY(base, "name", ...)
line per family) lists the same families with the same constants in the
same order: the run-time refusal names a constant and its family from
there.

Usage: check-enum-registry.py SOURCE_ROOT
       check-enum-registry.py --self-test
"""

import glob
import os
import re
import sys

# Enumerations that are not families of values: bit flags go in an
# `unsigned flags` parameter, status codes are pinned negative numbers.
NOT_FAMILIES = {'airoi_status', 'airoi_npv_flags', 'airoi_eval_flags', 'airoi_report_section'}

ENUM_RE = re.compile(r'typedef\s+enum\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;', re.S)
MEMBER_RE = re.compile(r'\b(AIROI_[A-Z0-9_]+)\s*=\s*([^,}\n]+)')
FAMILY_RE = re.compile(r'FAMILY\(\s*(0x[0-9A-Fa-f]+)\s*,(.*?)\)\s*,', re.S)


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', ' ', re.sub(r'//[^\n]*', ' ', text), flags=re.S)


def header_families(texts):
    """{name: (base, [constants])} of the enumerations of the headers, and
    the problems of their values."""
    families, problems = {}, []
    for path, text in texts:
        for m in ENUM_RE.finditer(strip_comments(text)):
            name = m.group(1)
            if name in NOT_FAMILIES:
                continue
            members = MEMBER_RE.findall(m.group(2))
            if not members:
                problems.append('%s: %s has no members with values' % (path, name))
                continue
            try:
                values = [int(v.strip(), 0) for _, v in members]
            except ValueError:
                problems.append('%s: %s: a value is not a number' % (path, name))
                continue
            base = values[0]
            if base % 0x100 or base < 0x100:
                problems.append('%s: %s starts at 0x%X, not at a family base (n << 8)'
                                % (path, name, base))
            if values != list(range(base, base + len(values))):
                problems.append('%s: %s does not count up by one from its base' % (path, name))
            families[name] = (base, [c for c, _ in members])
    return families, problems


def registry_families(text):
    """{name: (base, [constants])} of the FAMILY lines of lib/core/enum.c."""
    out = {}
    for m in FAMILY_RE.finditer(strip_comments(text)):
        strings = re.findall(r'"([^"]*)"', m.group(2))
        out[strings[0]] = (int(m.group(1), 16), strings[1:])
    return out


def compare(headers, registry):
    problems = []
    bases = {}
    for name, (base, _) in sorted(headers.items()):
        if base in bases:
            problems.append('%s and %s share the base 0x%04X' % (bases[base], name, base))
        bases[base] = name
    for name, (base, consts) in sorted(headers.items()):
        if name not in registry:
            problems.append('%s (0x%04X) is not registered in lib/core/enum.c: add one line '
                            'FAMILY(0x%04X, "%s", %s)' % (name, base, base, name,
                                                          ', '.join('"%s"' % c for c in consts)))
        elif registry[name] != (base, consts):
            problems.append('%s: the registry says base 0x%04X and %s; the header 0x%04X and %s'
                            % (name, registry[name][0], registry[name][1], base, consts))
    for name in sorted(set(registry) - set(headers)):
        problems.append('%s is registered but no header declares it' % name)
    return problems


def self_test():
    header = '''typedef enum airoi_good { AIROI_G_A = 0x0300, /* x */ AIROI_G_B = 0x0301 } airoi_good;
typedef enum airoi_eval_flags { AIROI_EVAL_DEFAULT = 0, AIROI_EVAL_X = 1 } airoi_eval_flags;
typedef enum airoi_gap { AIROI_GAP_A = 0x0400, AIROI_GAP_B = 0x0402 } airoi_gap;
typedef enum airoi_low { AIROI_LOW_A = 0 } airoi_low;'''
    fams, problems = header_families([('h.h', header)])
    assert set(fams) == {'airoi_good', 'airoi_gap', 'airoi_low'}, fams
    assert fams['airoi_good'] == (0x0300, ['AIROI_G_A', 'AIROI_G_B'])
    assert any('airoi_gap does not count up' in p for p in problems), problems
    assert any('airoi_low starts at 0x0' in p for p in problems), problems
    reg = registry_families('''FAMILY(0x0300, "airoi_good", "AIROI_G_A",
           "AIROI_G_B"),
    FAMILY(0x0500, "airoi_gone", "AIROI_X"),''')
    assert reg == {'airoi_good': (0x0300, ['AIROI_G_A', 'AIROI_G_B']),
                   'airoi_gone': (0x0500, ['AIROI_X'])}, reg
    assert compare({'airoi_good': fams['airoi_good']},
                   {'airoi_good': reg['airoi_good']}) == []
    p = compare(fams, reg)
    assert any('airoi_gap (0x0400) is not registered' in x for x in p), p
    assert any('airoi_gone is registered but' in x for x in p), p
    p = compare({'airoi_good': (0x0300, ['AIROI_G_B', 'AIROI_G_A'])}, reg)
    assert any('the registry says' in x for x in p), p
    p = compare({'a': (0x0300, ['X']), 'b': (0x0300, ['Y'])}, {'a': (0x0300, ['X']),
                                                                 'b': (0x0300, ['Y'])})
    assert any('share the base' in x for x in p), p
    print('self-test passed')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    texts = []
    for path in sorted(glob.glob(os.path.join(root, 'include', 'airoi', '*.h'))):
        with open(path, encoding='utf-8') as f:
            texts.append((os.path.relpath(path, root), f.read()))
    headers, problems = header_families(texts)
    with open(os.path.join(root, 'lib', 'core', 'enum.c'), encoding='utf-8') as f:
        registry = registry_families(f.read())
    problems += compare(headers, registry)
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print('%d enumeration families, each registered with its constants' % len(headers))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
