#!/usr/bin/env python3
"""The repository stands alone: no text in it cites a document it lacks.

Usage: check-citations.py SOURCE_ROOT [BUILD_DIR...]
       check-citations.py --self-test

Scans the text files of the source tree (README.md, the top-level build
files and docs/, include/, lib/, bindings/, tests/, .ci/, pkgconfig/;
never .git, build directories, __pycache__ or fuzz corpora) and fails,
printing FILE:LINE: message for each problem, on:

- a citation of the planning specification, which is not part of the
  tree: the word "SPEC" (upper case, as in "SPEC 5.2"), "SPEC.md", or a
  path into "../shared" or "shared/". The rules live in docs/methodology.md
  and docs/model-format.md; cite those, with a link to their section;
- a path of the tree (docs/x.md, include/airoi/x.h, tests/unit/x.c, ...)
  that does not exist, anywhere (code blocks included: a command line
  names real files too). A path is also resolved from the citing file's
  directory (files('tests/run.py') in a meson.build); a configured file
  (X from X.in), a program that the directory's meson.build builds or
  that is named after its source (bindings/cli/airoi, lib/libairoi.so,
  tests/fuzz/fuzz-model), a directory the root .gitignore anchors
  (generated, never committed) and placeholder components (NAME.expected)
  count as present;
- a markdown file name without a directory that exists neither next to
  the citing file, nor at the top, nor in docs/: in markdown prose any
  such name, elsewhere (and in code) only upper-case ones such as
  STYLE.md, since report.md there is usually a file a program writes;
- in markdown prose, a relative link [text](target) whose target does not
  exist; anywhere, a #anchor (in a link, or doc.md#anchor in any text)
  that its markdown document does not define, and a section cited by
  number or title (docs/methodology.md, section 2.8; doc.md, "Title")
  that has no heading so numbered or titled.

Anchors are the explicit ones (<a id="x"></a>, <a name="x">, Doxygen's
{#x}) and the ones GitHub derives from headings. Web addresses (http:,
https:, mailto:) are never checked.

ALLOW_CITATION (empty) would list files allowed to cite the specification.
"""
import os
import re
import sys

# Top-level entries that are scanned.
SCAN_ROOTS = ("README.md", "meson.build", "meson_options.txt", "docs", "include", "lib",
              "bindings", "tests", ".ci", "pkgconfig")
# Directory names never scanned (build output, caches, fuzz inputs).
SKIP_DIRS = {".git", "__pycache__", "corpus", ".pytest_cache", ".mypy_cache", "node_modules"}
# Top-level directories a path citation can start with.
TREE_DIRS = ("docs", "include", "lib", "bindings", "tests", ".ci", "pkgconfig")

# Files that may still cite the planning specification (none: every rule
# is written in docs/). Paths relative to the source root; a prefix ending
# in '/' allows a whole directory. It must stay empty.
ALLOW_CITATION = ()

# This file names the patterns it looks for.
SELF = "tests/build/check-citations.py"

CITATION_RES = [
    (re.compile(r"\bSPEC\b"), 'cites "SPEC", a document the tree does not contain'),
    (re.compile(r"(?<![\w.-])\.\./shared\b"), 'cites "../shared", outside the tree'),
    (re.compile(r"(?<![\w.-])shared/"), 'cites "shared/", outside the tree'),
]

# docs/methodology.md#metrics, tests/unit/test-eval.c, lib/eval/ ...
PATH_RE = re.compile(
    r"(?<![\w./@:$-])((?:%s)/[\w+-][\w./+-]*)(#[\w-]+)?" % "|".join(re.escape(d) for d in TREE_DIRS))
# methodology.md, STYLE.md#x (not part of a longer path)
BARE_MD_RE = re.compile(r"(?<![\w./@:$-])([\w-]+\.md)(#[\w-]+)?(?![\w/-])")
UPPER_MD_RE = re.compile(r"^[A-Z][A-Z0-9_-]*\.md$")
URL_RE = re.compile(r"\b[a-zA-Z][\w+.-]*://[^\s)\]>\"']+")
MD_LINK_RE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1")
ANCHOR_TAG_RE = re.compile(r"<a\s+(?:id|name)\s*=\s*\"([^\"]+)\"", re.I)
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
DOXY_ID_RE = re.compile(r"\s*\{#([\w-]+)\}\s*$")
# docs/methodology.md, section 2.8 (across a comment's line break too)
SECTION_NO_RE = re.compile(
    r"(?<![\w./-])((?:[\w.-]+/)*[\w-]+\.md),?(?:[ \t]*\n[ \t]*(?:\*|#|//)?)?[ \t]+"
    r"sections?[ \t]+(\d+(?:\.\d+)*)")
# docs/methodology.md, "Worked examples"
SECTION_TITLE_RE = re.compile(r"(?<![\w./-])((?:[\w.-]+/)*[\w-]+\.md),?[ \t]+\"([^\"\n]+)\"")
HEADING_NO_RE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")
# A path component that is a placeholder, not a name: NAME, FILE.yaml,
# test-NAME.c, libairoi-LAYER.a (an upper-case word between - or _ and the
# extension). An upper-case .md name (README.md) is a document, not one.
PLACEHOLDER_RE = re.compile(r"^(?:[\w.+]*[-_])?[A-Z][A-Z0-9]*(?:[-_][\w+-]*)?(?:\.[\w.]+)?$")

TEXT_EXTS = {
    ".md", ".txt", ".c", ".h", ".in", ".py", ".build", ".sh", ".yaml", ".yml", ".cpp",
    ".map", ".def", ".json", ".csv", ".expected", ".toml", ".cfg", ".ini", ".pc",
}


def is_build_dir(path):
    return (os.path.isdir(os.path.join(path, "meson-private"))
            or os.path.isfile(os.path.join(path, "CMakeCache.txt")))


def text_files(root, skip, ignored):
    for entry in SCAN_ROOTS:
        top = os.path.join(root, entry)
        if os.path.isfile(top):
            yield top
            continue
        for d, dirs, files in os.walk(top):
            rel_d = os.path.relpath(d, root).replace(os.sep, "/")
            dirs[:] = sorted(x for x in dirs
                             if x not in SKIP_DIRS
                             and not (rel_d + "/" + x + "/").startswith(ignored)
                             and os.path.realpath(os.path.join(d, x)) not in skip
                             and not is_build_dir(os.path.join(d, x)))
            for f in sorted(files):
                ext = os.path.splitext(f)[1]
                if ext in TEXT_EXTS or "." not in f:
                    yield os.path.join(d, f)


def read_text(path):
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def github_slug(text):
    """The anchor GitHub gives a heading: lower case, punctuation dropped,
    spaces as hyphens (inline-code backticks and link syntax removed)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


_anchor_cache = {}


def anchors_of(path):
    """Every anchor a markdown document defines."""
    return _parse_md(path)[0]


def headings_of(path):
    """(number or None, title) of every heading of a markdown document."""
    return _parse_md(path)[1]


def _parse_md(path):
    if path in _anchor_cache:
        return _anchor_cache[path]
    out = set()
    heads = []
    seen = {}
    text = read_text(path) or ""
    fence = None
    for line in text.splitlines():
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
            continue
        out.update(ANCHOR_TAG_RE.findall(line))
        m = HEADING_RE.match(line)
        if m:
            title = m.group(2)
            d = DOXY_ID_RE.search(title)
            if d:
                out.add(d.group(1))
                title = title[:d.start()]
            slug = github_slug(title)
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else "%s-%d" % (slug, n))
            num = HEADING_NO_RE.match(title.strip())
            heads.append((num.group(1), num.group(2)) if num else (None, title.strip()))
    _anchor_cache[path] = (out, heads)
    return _anchor_cache[path]


def check_section(doc, number=None, title=None):
    """A section cited by number (section 2.8) or by title ("Benchmarks"):
    a heading so numbered or so titled, or an explicit anchor of the
    title's slug."""
    heads = headings_of(doc)
    if number is not None:
        if not any(n == number for n, _ in heads):
            return "no section %s in %s" % (number, os.path.basename(doc))
        return None
    want = title.strip().lower()
    if any(t.lower().startswith(want) for _, t in heads) or github_slug(title) in anchors_of(doc):
        return None
    return "no section \"%s\" in %s" % (title, os.path.basename(doc))


def check_anchor(target, anchor):
    if not target.endswith(".md") or not os.path.isfile(target):
        return None
    if anchor not in anchors_of(target):
        return "no anchor '#%s' in %s" % (anchor, os.path.basename(target))
    return None


def markdown_lines(text):
    """Lines of a markdown text with a flag: inside a fenced code block."""
    fence = None
    for no, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if fence:
            yield no, line, True
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
            yield no, line, True
            continue
        yield no, line, False


def ignored_prefixes(root):
    """Directories the root .gitignore anchors (/x/y/): generated, never
    committed, so a path into them names no file of the tree."""
    out = []
    try:
        with open(os.path.join(root, ".gitignore"), encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line.startswith("/") and line.endswith("/") and not any(c in line for c in "*?["):
                    out.append(line[1:])
    except OSError:
        pass
    return tuple(out)


def is_build_output(root, rel):
    """DIR/NAME that DIR/meson.build builds (bindings/cli/airoi,
    lib/libairoi.so, bindings/excel/airoi.xll): a path in the build tree."""
    d, name = os.path.split(rel)
    stem = name.split(".")[0]
    if stem.startswith("lib") and len(stem) > 3:
        stem = stem[3:]
    if any(os.path.isfile(os.path.join(root, d, stem + ext)) for ext in (".c", ".cpp")):
        return True  # a program named after its source (tests/fuzz/fuzz-model)
    try:
        with open(os.path.join(root, d, "meson.build"), encoding="utf-8") as fh:
            build = fh.read()
    except OSError:
        return False
    return re.search(r"\b(?:executable|shared_module|shared_library|library|static_library|"
                     r"both_libraries|custom_target)\(\s*'%s'" % re.escape(stem), build) is not None


def exists_in_tree(root, here, rel, ignored):
    rel = rel.rstrip("/")
    for base in (root, here):
        p = os.path.join(base, rel)
        # A configured file (version.h from version.h.in) counts as present.
        if os.path.exists(p) or os.path.exists(p + ".in"):
            return True
    return rel.startswith(ignored) or (rel + "/").startswith(ignored) or is_build_output(root, rel)


def check_file(root, path, problems, ignored):
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    text = read_text(path)
    if text is None or rel == SELF:
        return
    allowed = any(rel == a or (a.endswith("/") and rel.startswith(a)) for a in ALLOW_CITATION)
    is_md = rel.endswith(".md")
    here = os.path.dirname(path)

    seen = set()

    def report(no, msg, key=None):
        # One problem per line and name, however many rules see it.
        k = (no, key or msg)
        if k not in seen:
            seen.add(k)
            problems.append("%s:%d: %s" % (rel, no, msg))

    lines = markdown_lines(text) if is_md else (
        (no, line, False) for no, line in enumerate(text.splitlines(), 1))
    for no, line, in_fence in lines:
        # A web address is not a citation of the tree (its own path may
        # contain anything).
        line = URL_RE.sub(lambda u: " " * len(u.group(0)), line)
        if not allowed:
            for rx, msg in CITATION_RES:
                if rx.search(line):
                    report(no, msg)

        # Paths of the tree, anywhere (code blocks included: a command line
        # in a fence names real files too).
        for m in PATH_RE.finditer(line):
            p = m.group(1).rstrip("./")
            parts = p.split("/")
            if any(PLACEHOLDER_RE.match(x) and not x.endswith(".md") for x in parts[1:]):
                continue
            if line[m.end(1):m.end(1) + 1] in ("<", "{", "*", "$", "%", "@"):
                continue  # a pattern: lib/libairoi-<layer>.a, tests/{a,b}, docs/*.md
            if not exists_in_tree(root, here, p, ignored):
                report(no, "'%s' does not exist in the tree" % p, p)
            elif m.group(2):
                err = check_anchor(os.path.join(root, p), m.group(2)[1:])
                if err:
                    report(no, err, p + m.group(2))

        # In markdown, bare names outside code are checked; in code (fences,
        # spans) and in other files a lower-case name is usually a file a
        # program writes (report.md), an upper-case one (STYLE.md) a document.
        prose = CODE_SPAN_RE.sub(lambda c: " " * len(c.group(0)), line) \
            if is_md and not in_fence else ""
        for m in BARE_MD_RE.finditer(line):
            name = m.group(1)
            if not UPPER_MD_RE.match(name) and not BARE_MD_RE.search(prose[m.start():m.end()]):
                continue
            cands = [os.path.join(here, name), os.path.join(root, name),
                     os.path.join(root, "docs", name)]
            found = next((c for c in cands if os.path.isfile(c)), None)
            if found is None:
                report(no, "'%s' does not exist in the tree" % name, name)
            elif m.group(2):
                err = check_anchor(found, m.group(2)[1:])
                if err:
                    report(no, err, name + m.group(2))

        if not is_md or in_fence:
            continue
        # Markdown links, outside code spans.
        for m in MD_LINK_RE.finditer(prose):
            target = m.group(1)
            if not target or re.match(r"^[a-zA-Z][\w+.-]*:", target):
                continue  # http:, https:, mailto: ...
            file_part, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(here, file_part)) if file_part else path
            if file_part and not os.path.exists(dest):
                report(no, "link target '%s' does not exist" % file_part, os.path.basename(dest))
                continue
            if anchor:
                err = check_anchor(dest, anchor)
                if err:
                    report(no, err, os.path.basename(dest) + "#" + anchor)

    # Sections cited by number or title: docs/methodology.md, section 2.8.
    for rx, by_number in ((SECTION_NO_RE, True), (SECTION_TITLE_RE, False)):
        for m in rx.finditer(text):
            name = m.group(1)
            cands = [os.path.join(root, name), os.path.join(here, name),
                     os.path.join(root, "docs", name)]
            doc = next((c for c in cands if os.path.isfile(c)), None)
            if doc is None:
                continue  # reported above as a missing file
            no = text.count("\n", 0, m.start()) + 1
            err = check_section(doc, number=m.group(2)) if by_number else \
                check_section(doc, title=m.group(2))
            if err:
                report(no, err)


# --self-test: a small tree with one instance of each problem and of each
# legitimate form the rules must leave alone.
SELF_TEST_FILES = {
    ".gitignore": "/gen/\n",
    "README.md": "See [docs](docs/guide.md#usage) and docs/guide.md.\n",
    "docs/guide.md": (
        "# Guide {#guide}\n\n"
        '<a id="usage"></a>\n'
        "## Usage (`--flag`)\n\n"
        "Good: [u](#usage), [gh](#usage---flag), [g](guide.md#guide), "
        "[web](https://example.com/SPEC.md), `airoi report -o report.md`,\n"
        "docs/*.md, tests/data/NAME.expected, build/bindings/cli/airoi, lib/libairoi-LAYER.a,\n"
        "lib/libairoi-<layer>.a, tests/data/{a,b}.yaml.\n"
        "Bad: [x](missing.md) [y](guide.md#nowhere) [z](#zzz) STYLE.md SPEC 5.2\n"
        "and ../shared/plan.md and tests/unit/test-gone.c.\n"
        "```sh\n[not a link](gone.md) and ~/shared/x\n```\n"),
    "lib/x.c": "/* SPEC 1.1 is allowed here; docs/guide.md#usage; docs/guide.md#nope */\n",
    "lib/meson.build": "library('airoi', 'x.c')\n",
    "tests/t.py": ("out = 'report.md'  # lib/libairoi.so, gen/thing.h, docs/nope.md\n"
                   "# see PLAN.md and tests/t.py\n"
                   '# docs/guide.md, "Usage"; docs/guide.md, "Other"; docs/guide.md,\n'
                   "# section 4\n"),
}
SELF_TEST_EXPECTED = [
    "docs/guide.md:9: 'missing.md' does not exist in the tree",
    "docs/guide.md:9: no anchor '#nowhere' in guide.md",
    "docs/guide.md:9: no anchor '#zzz' in guide.md",
    "docs/guide.md:9: 'STYLE.md' does not exist in the tree",
    'docs/guide.md:9: cites "SPEC", a document the tree does not contain',
    'docs/guide.md:10: cites "../shared", outside the tree',
    'docs/guide.md:10: cites "shared/", outside the tree',
    "docs/guide.md:10: 'tests/unit/test-gone.c' does not exist in the tree",
    'docs/guide.md:12: cites "shared/", outside the tree',
    "lib/x.c:1: no anchor '#nope' in guide.md",
    "tests/t.py:1: 'docs/nope.md' does not exist in the tree",
    "tests/t.py:2: 'PLAN.md' does not exist in the tree",
    'tests/t.py:3: no section "Other" in guide.md',
    "tests/t.py:3: no section 4 in guide.md",
]


def self_test():
    import tempfile
    global ALLOW_CITATION
    ALLOW_CITATION = ("lib/",)  # the mechanism, on the fixture's lib/x.c
    with tempfile.TemporaryDirectory() as root:
        for rel, text in SELF_TEST_FILES.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        os.makedirs(os.path.join(root, "gen"))
        problems = []
        ignored = ignored_prefixes(root)
        for path in text_files(root, set(), ignored):
            check_file(root, path, problems, ignored)
    if sorted(problems) != sorted(SELF_TEST_EXPECTED):
        for p in sorted(set(problems) - set(SELF_TEST_EXPECTED)):
            print("unexpected: " + p)
        for p in sorted(set(SELF_TEST_EXPECTED) - set(problems)):
            print("missed: " + p)
        return 1
    print("self-test: %d problems found as expected" % len(problems))
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    skip = {os.path.realpath(b) for b in argv[2:]}
    problems = []
    count = 0
    ignored = ignored_prefixes(root)
    for path in text_files(root, skip, ignored):
        count += 1
        check_file(root, path, problems, ignored)
    for p in problems:
        print(p)
    if problems:
        print("%d citation problem(s) in %d files scanned; write the rule into docs/ "
              "and link to it" % (len(problems), count), file=sys.stderr)
        return 1
    print("%d files: every citation resolves" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
