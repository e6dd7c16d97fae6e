#!/usr/bin/env python3
"""Checks that lib/ calls only internal functions (docs/layers.md).

usage: check-internal-calls.py SOURCE_ROOT BUILD_ROOT MAP LAYER ...
       check-internal-calls.py --self-test

Every exported function airoi_NAME (the names of MAP, lib/libairoi.map) is
entry bookkeeping plus a call of its internal form airoi__NAME, defined in
the same file; inside lib/ only the internal forms are called. Three checks:

1. Wrappers. Each AIROI_API definition in lib/ is, apart from an optional
   AIROI__ENTER();, one call of its internal form (airoi__NAME, or the
   form named in ALIASES), returned or not; AIROI__ENTER appears nowhere
   else (an internal form keeps the thread's message).

2. Call sites. No code of lib/ (comments and string literals aside) names an
   exported function outside the head of its own AIROI_API definition: not
   as a call, not as a function pointer.

3. Archives. With nm, no object of a layer's archive (libairoi-LAYER.a in
   the build's lib/) leaves an exported name undefined (a call that a macro
   or a hand-written declaration hides from check 2), and every exported
   name has its internal form defined. Skipped when nm is missing.

Prints one line per failure and exits 1 on any.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Exported functions whose internal form has another name.
ALIASES = {
    'airoi_last_error_message': 'airoi__error_get',
}

DEF_RE = re.compile(r'^AIROI_API [^(]*?\b(airoi_[a-z0-9_]+)\(', re.M)
NAME_RE = re.compile(r'\b(airoi_[a-z0-9_]+)\b')
ENTER = 'AIROI__ENTER();'


def exported_names(map_path):
    with open(map_path, encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    return set(re.findall(r'\b(airoi_[a-z0-9_]+)\s*;', text))


def internal_form(name):
    return ALIASES.get(name, 'airoi__' + name[len('airoi_'):])


def code_only(text):
    """text with comments and string and character literals blanked out
    (newlines kept, so that offsets and line numbers stay)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, min(b, n)):
            if out[k] != '\n':
                out[k] = ' '
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text[i] in '"\'':
            q, j = text[i], i + 1
            while j < n and text[j] != q and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            blank(i + 1, j)
            i = j + 1
        else:
            i += 1
    return ''.join(out)


def check_source(path, exports):
    """Problems of one file of lib/ (checks 1 and 2)."""
    with open(path, encoding='utf-8') as f:
        code = code_only(f.read())
    problems = []
    heads = {}  # offset of the name in a definition head -> name
    bodies = []  # (start, end) of each AIROI_API definition's body
    for m in DEF_RE.finditer(code):
        name = m.group(1)
        heads[m.start(1)] = name
        body_start = code.find('{', m.end())
        body_end = code.find('\n}', body_start)
        if body_start < 0 or body_end < 0:
            continue
        bodies.append((body_start, body_end))
        body = ' '.join(code[body_start + 1:body_end].split())
        if body.startswith(ENTER):
            body = body[len(ENTER):].strip()
        want = internal_form(name)
        shape = r'^(return )?%s\s*\([^;]*\);$' % re.escape(want)
        if not re.match(shape, body):
            line = code.count('\n', 0, m.start()) + 1
            problems.append('%s:%d: %s is not AIROI__ENTER(); plus a call of %s()'
                            % (path, line, name, want))
    for m in re.finditer(r'\bAIROI__ENTER\s*\(\s*\)', code):
        line_start = code.rfind('\n', 0, m.start()) + 1
        if code[line_start:].lstrip().startswith('#'):
            continue  # its definition
        if not any(a <= m.start() < b for a, b in bodies):
            line = code.count('\n', 0, m.start()) + 1
            problems.append('%s:%d: AIROI__ENTER outside a public function: an internal '
                            'form keeps the thread\'s message' % (path, line))
    for m in NAME_RE.finditer(code):
        name = m.group(1)
        if name in exports and m.start(1) not in heads:
            line = code.count('\n', 0, m.start()) + 1
            problems.append('%s:%d: lib/ uses the exported %s; call %s() instead'
                            % (path, line, name, internal_form(name)))
    return problems


def check_archives(build, layers, exports):
    """Problems of the layer archives (check 3)."""
    nm = os.environ.get('NM') or shutil.which('nm')
    if not nm:
        print('note: nm not found; the archives are not checked')
        return []
    problems = []
    defined = set()
    archives = 0
    for layer in layers:
        a = os.path.join(build, 'lib', 'libairoi-%s.a' % layer)
        if not os.path.exists(a):
            continue
        archives += 1
        r = subprocess.run([nm, '-A', '-g', a], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, universal_newlines=True)
        for line in r.stdout.splitlines():
            # "ARCHIVE:MEMBER:[VALUE] TYPE NAME"
            parts = line.split()
            if len(parts) < 3:
                continue
            kind, sym = parts[-2], parts[-1]
            if kind == 'U' and sym in exports:
                obj = os.path.basename(line[len(a) + 1:].split(':', 1)[0])
                problems.append('lib/%s: %s calls the exported %s; call %s() instead'
                                % (layer, obj, sym, internal_form(sym)))
            elif kind in ('T', 't'):
                defined.add(sym)
    if archives == 0:
        problems.append('no layer archive found in %s' % os.path.join(build, 'lib'))
    else:
        for name in sorted(exports):
            if internal_form(name) not in defined:
                problems.append('%s has no internal form %s() in lib/'
                                % (name, internal_form(name)))
    return problems


def self_test():
    """The source checks must catch a reintroduced call."""
    exports = {'airoi_thing_get', 'airoi_thing_name'}
    good = ('/* airoi_thing_get() in a comment is fine */\n'
            'int airoi__thing_get(int *out)\n{\n    *out = 1;\n    return 0;\n}\n\n'
            'AIROI_API int airoi_thing_get(int *out)\n{\n    AIROI__ENTER();\n'
            '    return airoi__thing_get(out);\n}\n'
            'static const char *s = "airoi_thing_get(): in a string is fine";\n')
    cases = [
        (good, 0),
        (good + 'int f(void)\n{\n    int v;\n    return airoi_thing_get(&v);\n}\n', 1),
        (good + 'typedef int (*fn)(int *);\nstatic fn g = airoi_thing_get;\n', 1),
        ('AIROI_API const char *airoi_thing_name(int v)\n{\n    AIROI__ENTER();\n'
         '    return v ? "a" : "b";\n}\n', 1),
        (good.replace('{\n    *out = 1;', '{\n    AIROI__ENTER();\n    *out = 1;'), 1),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (text, want) in enumerate(cases):
            p = os.path.join(tmp, 'case%d.c' % i)
            with open(p, 'w', encoding='utf-8') as f:
                f.write(text)
            got = check_source(p, exports)
            if bool(got) != bool(want):
                failures += 1
                print('FAIL: self-test case %d: expected %s, got %s'
                      % (i, 'a failure' if want else 'none', got or 'none'))
    print('check-internal-calls self-test: %d cases, %d failures' % (len(cases), failures))
    return 1 if failures else 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        return self_test()
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    src, build, map_path = sys.argv[1], sys.argv[2], sys.argv[3]
    layers = sys.argv[4:]
    exports = exported_names(map_path)
    if not exports:
        print('FAIL: no exported names in %s' % map_path)
        return 1
    failures = []
    files = 0
    for layer in layers:
        d = os.path.join(src, 'lib', layer)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(('.c', '.h')):
                files += 1
                failures += check_source(os.path.join(d, f), exports)
    failures += check_archives(build, layers, exports)
    for f in failures:
        print('FAIL:', f)
    print('check-internal-calls: %d exported names, %d files of lib/, %d failures'
          % (len(exports), files, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
