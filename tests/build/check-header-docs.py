#!/usr/bin/env python3
"""Checks the Doxygen block of every public (AIROI_API) declaration.

Usage: check-header-docs.py HEADER...

The project's documentation rule asks every public declaration for @brief, @param[in|out]
for each parameter, @retval for each expected status, an "Ownership:"
sentence where pointers are involved, and @since. Doxygen's own warnings
catch a missing or misspelt @param, but not the rest; this test does. For
every `/** ... */` block that immediately precedes an `AIROI_API`
declaration it reports:

- no doc block at all;
- no @brief, or no @since;
- a parameter of the declaration without a matching `@param[in]`,
  `@param[out]` or `@param[in,out]` (a @param without direction counts as
  missing), or a @param naming no parameter;
- a function returning `int` without @retval, unless it is a predicate (its
  name contains `_is_`, or its @return starts "1 when ..., else 0" or
  says "0 or 1") or it is one
  of the few functions listed in NOT_A_STATUS, whose int is a value;
- @retval on a function that does not return `int`;
- a declaration with a pointer parameter or a pointer return and no
  "Ownership:" sentence;
- an "Ownership:" sentence that Doxygen would render as part of a @retval
  (it continues a @retval paragraph: put it before the @param list or in
  the @param/@return it is about).

Exit status 1 lists every offender as FILE:LINE: function: problem.
"""

import re
import sys

# int functions whose value is not a status: @return is right for them.
NOT_A_STATUS = {
    'airoi_version': 'a version number',
    'airoi_abi_version': 'an ABI version number',
    'airoi_result_get_finding_severity': 'an airoi_severity, or -1',
}

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
PARAM_TAG = re.compile(r'@param(\[[^\]]*\])?\s+([A-Za-z_][A-Za-z0-9_]*)')
# Commands that start a new paragraph in a Doxygen block.
PARAGRAPH_CMD = re.compile(r'^[@\\](param|retval|return|returns|since|brief|note|'
                           r'warning|see|sa|pre|post|deprecated|code|endcode)\b')


def strip_comments_keep_lines(text):
    """Blanks out /* */ and // comments except /** doc blocks, keeping offsets."""
    out = list(text)
    i = 0
    n = len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            if not text.startswith('/**', i) or text.startswith('/**/', i):
                for k in range(i, j):
                    if out[k] != '\n':
                        out[k] = ' '
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = ' '
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            i = j + 1
        else:
            i += 1
    return ''.join(out)


def doc_lines(block):
    """Lines of a /** ... */ block without the comment decoration."""
    body = block[3:-2]
    lines = []
    for line in body.split('\n'):
        line = line.strip()
        if line.startswith('*'):
            line = line[1:]
        lines.append(line.strip())
    return lines


def paragraphs(lines):
    """Splits doc lines into (command, text) paragraphs as Doxygen does."""
    paras = []
    cmd, buf = None, []
    for line in lines:
        m = PARAGRAPH_CMD.match(line)
        if not line or m:
            if buf:
                paras.append((cmd, ' '.join(buf)))
            cmd, buf = (m.group(1) if m else None), ([line] if line else [])
        else:
            buf.append(line)
    if buf:
        paras.append((cmd, ' '.join(buf)))
    return paras


def split_params(params):
    parts, depth, cur = [], 0, ''
    for ch in params:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        if ch == ',' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


def parse_decl(decl):
    """(return type, name, [(param type, param name)]) of a declaration."""
    decl = ' '.join(decl.split())
    m = re.match(r'AIROI_API\s+(.*?)\b([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*;$', decl)
    if not m:
        return None
    ret, name, plist = m.group(1).strip(), m.group(2), m.group(3).strip()
    params = []
    if plist and plist != 'void':
        for p in split_params(plist):
            if p == '...':
                params.append(('...', '...'))
                continue
            fp = re.search(r'\(\s*\*\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)', p)
            if fp:  # function pointer
                params.append((p, fp.group(1)))
                continue
            ids = IDENT.findall(p)
            pname = ids[-1] if ids else ''
            ptype = p[:p.rfind(pname)].strip() if pname else p
            params.append((ptype + ('[]' if p.endswith(']') else ''), pname))
    return ret, name, params


def check_file(path):
    problems = []
    with open(path, encoding='utf-8') as f:
        text = f.read()
    clean = strip_comments_keep_lines(text)
    count = 0
    for m in re.finditer(r'^[ \t]*AIROI_API\b', clean, re.M):
        start = m.start()
        end = clean.find(';', start)
        if end < 0:
            continue
        line_no = text.count('\n', 0, start) + 1
        parsed = parse_decl(clean[m.end() - len('AIROI_API'):end + 1])
        if parsed is None:
            problems.append('%s:%d: cannot parse the declaration' % (path, line_no))
            continue
        count += 1
        ret, name, params = parsed
        where = '%s:%d: %s' % (path, line_no, name)

        # The doc block must end right before the declaration.
        before = text[:start].rstrip()
        if not before.endswith('*/'):
            problems.append('%s: no /** */ doc block' % where)
            continue
        bstart = before.rfind('/*')
        block = before[bstart:]
        if not block.startswith('/**'):
            problems.append('%s: the preceding comment is not a /** */ doc block' % where)
            continue
        lines = doc_lines(block)
        doc = '\n'.join(lines)
        paras = paragraphs(lines)

        if not re.search(r'[@\\]brief\b', doc):
            problems.append('%s: no @brief' % where)
        if not re.search(r'[@\\]since\b', doc):
            problems.append('%s: no @since' % where)

        documented = {}
        for tag in PARAM_TAG.finditer(doc):
            documented[tag.group(2)] = tag.group(1)
        for _, pname in params:
            if pname == '...':
                continue
            if pname not in documented:
                problems.append('%s: parameter %s has no @param' % (where, pname))
            elif documented[pname] not in ('[in]', '[out]', '[in,out]'):
                problems.append('%s: @param %s needs a direction [in], [out] or [in,out]'
                                % (where, pname))
        names = {p for _, p in params}
        for pname in documented:
            if pname not in names:
                problems.append('%s: @param %s names no parameter' % (where, pname))

        has_retval = any(cmd == 'retval' for cmd, _ in paras)
        returns = ' '.join(t for cmd, t in paras if cmd in ('return', 'returns'))
        is_int = re.fullmatch(r'(const\s+)?int', ret) is not None
        if is_int:
            # A predicate documents "@return 1 when ..., else 0" (or "0 or 1").
            body = re.sub(r'^[@\\]returns?\s+', '', returns)
            predicate = ('_is_' in name
                         or re.match(r'(1\b.*\b0\b|0 or 1\b|1 or 0\b)', body) is not None)
            if not has_retval and not predicate and name not in NOT_A_STATUS:
                problems.append('%s: returns a status int but has no @retval' % where)
        elif has_retval:
            problems.append('%s: @retval on a function that does not return int' % where)

        has_pointer = '*' in ret or any('*' in t or t.endswith('[]') for t, _ in params)
        if has_pointer and 'Ownership:' not in doc:
            problems.append('%s: pointers go in or out but no "Ownership:" sentence' % where)
        for cmd, t in paras:
            if cmd == 'retval' and 'Ownership:' in t:
                problems.append('%s: "Ownership:" continues a @retval paragraph '
                                '(Doxygen shows it as part of that status)' % where)
    return count, problems


def main(argv):
    if len(argv) < 2:
        sys.stderr.write('usage: check-header-docs.py HEADER...\n')
        return 2
    total, problems = 0, []
    for path in argv[1:]:
        count, probs = check_file(path)
        total += count
        problems += probs
    if total == 0:
        sys.stderr.write('no AIROI_API declaration found: wrong arguments?\n')
        return 1
    for p in problems:
        print(p)
    if problems:
        print('%d problem(s) in %d public declarations' % (len(problems), total))
        return 1
    print('%d public declarations documented' % total)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
