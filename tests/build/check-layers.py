#!/usr/bin/env python3
"""Proves that the build enforces the layering of lib/ (docs/layers.md).

usage: check-layers.py SOURCE_ROOT BUILD_ROOT LAYER=BELOW,BELOW ...

The LAYER=... arguments are the table of lib/meson.build (airoi_layers):
each layer and the layers it may read. Three checks:

1. Compile probes. For every layer that has an archive, the include
   directories and defines of its real compile command (from
   compile_commands.json) are used to compile a one-line file that includes
   each private header of every layer. The include must compile when the
   header's layer is the layer itself or one it may read, and must fail
   otherwise: an upward include does not compile.

2. Include lines. Every #include of lib/ is read: a quoted include is either
   a public header ("airoi/NAME.h") or the bare name of a header in the
   file's own layer or a layer it may read; no directory parts, no "..";
   <yaml.h> only in lib/io.

3. Calls. With nm, the symbols each layer's archive (libairoi-<layer>.a in the build's lib/)
   leaves undefined must not be defined by a layer it may not read, so that
   a function declared by hand instead of through a header cannot reach
   upward either. Skipped when nm is missing.

Prints one line per failure and exits 1 on any; 77 (skipped) when the build
has no compile_commands.json (a backend other than ninja).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def parse_table(args):
    table = {}
    for a in args:
        layer, _, below = a.partition('=')
        table[layer] = [b for b in below.split(',') if b]
    return table


def layer_headers(src, layer):
    d = os.path.join(src, 'lib', layer)
    if not os.path.isdir(d):
        return []
    return sorted(f for f in os.listdir(d) if f.endswith('.h'))


def check_includes(path, layer, table, headers_of, public):
    """Returns the problems of one file's #include lines."""
    allowed = [layer] + table[layer]
    problems = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            m = INCLUDE_RE.match(line)
            if not m:
                continue
            kind, name = m.groups()
            where = '%s:%d: #include %s%s%s' % (path, n, kind, name, '"' if kind == '"' else '>')
            if kind == '<':
                if name == 'yaml.h' and layer != 'io':
                    problems.append(where + ': <yaml.h> belongs to lib/io alone')
                elif name.startswith('airoi/') and name[6:] not in public:
                    problems.append(where + ': no such public header')
                continue
            if name.startswith('airoi/'):
                if name[6:] not in public:
                    problems.append(where + ': no such public header')
                continue
            if '/' in name or '\\' in name:
                problems.append(where + ': a private header is included by its bare name')
                continue
            owners = [l for l in table if name in headers_of[l]]
            if not owners:
                problems.append(where + ': no layer has this header')
            elif not any(o in allowed for o in owners):
                problems.append(where + ': %s may not read lib/%s (it reads %s)'
                                % (layer, owners[0], ', '.join(allowed)))
    return problems


def probe_flags(build, src, layer):
    """The compiler and the -I/-D/-std flags of one file of the layer."""
    with open(os.path.join(build, 'compile_commands.json'), encoding='utf-8') as f:
        db = json.load(f)
    prefix = os.path.join(src, 'lib', layer) + os.sep
    for e in db:
        file = os.path.normpath(os.path.join(e['directory'], e['file']))
        if not file.startswith(prefix):
            continue
        # The layer's own archive, not another target built from its files
        # (the add-in's Windows archives are cross builds only).
        argv = e['arguments'] if 'arguments' in e else shlex.split(e['command'])
        if not any(('libairoi-%s.a.p' % layer) in a for a in argv):
            continue
        cc = []
        for a in argv:
            if a.startswith('-'):
                break
            cc.append(a)
        flags = []
        it = iter(argv[len(cc):])
        for a in it:
            if a in ('-I', '-D', '-isystem'):
                a += next(it)
            if a.startswith('-I'):
                flags.append('-I' + os.path.normpath(os.path.join(e['directory'], a[2:])))
            elif a.startswith(('-D', '-std', '-isystem')):
                flags.append(a)
        return cc, flags
    return None, None


def compiles(cc, flags, header, tmp):
    probe = os.path.join(tmp, 'probe.c')
    with open(probe, 'w', encoding='utf-8') as f:
        f.write('#include "%s"\nint airoi_layer_probe;\n' % header)
    r = subprocess.run(cc + flags + ['-fsyntax-only', probe], cwd=tmp,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return r.returncode == 0


def archive_symbols(nm, archive):
    """(defined, undefined) external symbols of a static archive."""
    r = subprocess.run([nm, '-g', archive], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, universal_newlines=True)
    defined, undefined = set(), set()
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'U':
            undefined.add(parts[1])
        elif len(parts) == 3 and parts[1] not in ('U', 'w', 'v'):
            defined.add(parts[2])
    return defined, undefined


def has_sources(src, layer):
    d = os.path.join(src, 'lib', layer)
    return os.path.isdir(d) and any(f.endswith('.c') for f in os.listdir(d))


def check_calls(src, build, table):
    nm = os.environ.get('NM') or shutil.which('nm')
    if not nm:
        print('note: nm not found; calls between layers not checked')
        return []
    syms = {}
    problems = []
    for layer in table:
        a = os.path.join(build, 'lib', 'libairoi-%s.a' % layer)
        if os.path.exists(a):
            syms[layer] = archive_symbols(nm, a)
        elif has_sources(src, layer):
            problems.append('lib/%s has sources but %s is missing' % (layer, a))
    for layer, (_, undefined) in syms.items():
        allowed = [layer] + table[layer]
        for other, (defined, _) in syms.items():
            if other in allowed:
                continue
            for sym in sorted(undefined & defined):
                problems.append('lib/%s calls %s of lib/%s, which it may not read'
                                % (layer, sym, other))
    print('check-layers: calls between %d layer archives checked' % len(syms))
    return problems


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, build = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    table = parse_table(sys.argv[3:])
    headers_of = {l: layer_headers(src, l) for l in table}
    public = set(os.listdir(os.path.join(src, 'include', 'airoi')))
    public |= {'version.h'}
    failures = []

    # The include-line check must catch an upward include: try it on one.
    with tempfile.TemporaryDirectory() as tmp:
        lowest = next(l for l in table if not table[l])
        highest = next((l for l in table if headers_of[l] and l not in
                        sum(table.values(), [])), None)
        if highest:
            fake = os.path.join(tmp, 'upward.c')
            with open(fake, 'w', encoding='utf-8') as f:
                f.write('#include "%s"\n' % headers_of[highest][0])
            if not check_includes(fake, lowest, table, headers_of, public):
                failures.append('self-test: an include of %s from lib/%s went unnoticed'
                                % (headers_of[highest][0], lowest))

    # 2. include lines
    for layer in table:
        d = os.path.join(src, 'lib', layer)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(('.c', '.h')):
                failures += check_includes(os.path.join(d, f), layer, table, headers_of, public)

    # 3. calls
    failures += check_calls(src, build, table)

    # 1. compile probes
    if not os.path.exists(os.path.join(build, 'compile_commands.json')):
        for f in failures:
            print('FAIL:', f)
        print('check-layers: no compile_commands.json; compile probes skipped')
        return 1 if failures else 77
    probes = 0
    with tempfile.TemporaryDirectory() as tmp:
        for layer in table:
            cc, flags = probe_flags(build, src, layer)
            if cc is None:
                if has_sources(src, layer):
                    failures.append('lib/%s has sources but no compile command of '
                                    'libairoi-%s in compile_commands.json' % (layer, layer))
                else:
                    print('note: lib/%s has no sources yet; not probed' % layer)
                continue
            allowed = [layer] + table[layer]
            for owner in table:
                for h in headers_of[owner]:
                    ok = compiles(cc, flags, h, tmp)
                    probes += 1
                    if owner in allowed and not ok:
                        failures.append('lib/%s cannot include "%s" of lib/%s, which it may read'
                                        % (layer, h, owner))
                    elif owner not in allowed and ok:
                        failures.append('lib/%s can include "%s" of lib/%s, a layer above or '
                                        'beside it' % (layer, h, owner))
    if probes == 0:
        failures.append('no compile probe ran')
    for f in failures:
        print('FAIL:', f)
    print('check-layers: %d compile probes, %d failures' % (probes, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
