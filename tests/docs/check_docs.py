"""Runs every command and code block of README.md and docs/*.md.

Usage: check_docs.py AIROI_CLI LIBAIROI SOURCE_ROOT BUILD_INCLUDE CC [CC_ARGS...]
(meson test registers it as `docs`, suite 'docs'). Exit status 0 when every
block runs and prints what the page says, 1 otherwise.

What is run, per fenced block (```INFO ... ```, also when indented):

- ```python with `>>>` lines: a doctest (ELLIPSIS on). The blocks of one
  page share their names, as a reader's session would.
- ```python without `>>>`: run as a script by /usr/bin/python3 (or this
  interpreter); its standard output is compared with a following output block.
- ```c: compiled and linked against the built libairoi (include/ of the
  source and of the build), then run; it must exit 0, and its standard
  output is compared with a following output block.
- ```sh, ```shell, ```console: run by bash in a scratch directory that links
  to the source tree's top-level entries. `airoi` and
  `build/bindings/cli/airoi` are the built command, `build/lib/libairoi.so`
  the built library, `python3` is /usr/bin/python3 with the source's
  package on PYTHONPATH. Lines that start with `$ ` are commands, each
  followed by its output (standard output and error together), which must
  match; any exit status is accepted there, since the output is what the
  page shows. A block without `$ ` lines is one script that must exit 0;
  its standard output is compared with a following output block.
- ```yaml with a top-level `airoi:` key: a complete model. It is written to
  model.yaml in the scratch directory (where the shell blocks after it find
  it) and `airoi validate model.yaml` must accept it (exit 0); its output
  (standard output and error) is compared with a following output block.

An output block is a ```text (or ``` without info) block that comes right
after a runnable block, either with only blank lines between them or with
prose whose last line ends with `:` (e.g. "It prints:"). Outputs are compared line by line
with trailing spaces dropped; `...` matches any text (as in doctest), and
where the texts differ every number must agree within 1e-9 relative (a
number formatted with other digits is the same number).

Skipping. A block that cannot run here is preceded (on the line right
before its fence, or with only blank lines between) by

    <!-- not-run: REASON -->

and the reason is printed with every run, so that each skip is visible.
Untyped blocks and ```text blocks that are no output block are prose (file
formats, message forms) and are not run. Any other block, including a YAML
fragment that is not a whole model, must run or carry the marker; a
marker before prose or an output block, or before no block at all, is an
error. Mind the `:` before an output block: without it the block is prose
and is not compared.
"""

import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile

RUNNABLE = {"python", "c", "sh", "shell", "console", "yaml"}
OUTPUT = {"text", ""}
FENCE = re.compile(r"^( *)(```+)\s*([A-Za-z0-9_+-]*)\s*$")
MARKER = re.compile(r"^\s*<!--\s*not-run:\s*(.+?)\s*-->\s*$")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


class Block:
    def __init__(self, page, line, info, text, skip, before):
        self.page, self.line, self.info, self.text = page, line, info, text
        self.skip = skip          # reason of a not-run marker, or None
        self.before = before      # prose lines between the previous block and this one
        self.output = None        # the output block that follows, if any

    def where(self):
        return "%s:%d (```%s)" % (self.page, self.line, self.info)


def parse(path, page):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, problems = [], []
    prose, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).lower()
        start, body = i + 1, []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        i += 1
        nonblank = [ln for ln in prose if ln.strip()]
        skip = None
        if nonblank:
            mm = MARKER.match(nonblank[-1])
            if mm:
                skip = mm.group(1)
        blocks.append(Block(page, start, info, "\n".join(body) + "\n", skip, prose))
        prose = []
    for ln in prose:
        if MARKER.match(ln):
            problems.append("%s: a not-run marker that precedes no block: %s" % (page, ln.strip()))
    # Attach output blocks to the runnable block before them.
    for prev, cur in zip(blocks, blocks[1:]):
        if prev.info not in RUNNABLE or cur.info not in OUTPUT or prev.skip:
            continue
        prose_text = [ln.strip() for ln in cur.before if ln.strip()]
        if prose_text and not prose_text[-1].endswith(":"):
            continue
        prev.output = cur
        cur.is_output = True
    return blocks, problems


def numbers_agree(expected, actual):
    """Same text apart from numbers, and every number within 1e-9 relative."""
    def split(s):
        return NUMBER.split(s), [float(x) for x in NUMBER.findall(s)]
    et, en = split(expected)
    at, an = split(actual)
    if et != at or len(en) != len(an):
        return False
    return all(abs(a - e) <= 1e-9 * max(abs(a), abs(e), 1e-300) for a, e in zip(an, en))


def output_matches(expected, actual):
    exp = "\n".join(ln.rstrip() for ln in expected.strip("\n").split("\n"))
    act = "\n".join(ln.rstrip() for ln in actual.strip("\n").split("\n"))
    if exp == act:
        return True
    if "..." not in exp:
        return numbers_agree(exp, act)
    parts = exp.split("...")
    # Exact apart from the ellipses; else the same with numbers within 1e-9.
    if re.match(".*?".join(re.escape(p) for p in parts) + r"\Z", act, re.S):
        return True
    pattern, want = [], []
    for k, part in enumerate(parts):
        if k:
            pattern.append("(?:.*?)")
        for tok in re.split("(%s)" % NUMBER.pattern, part):
            if NUMBER.fullmatch(tok):
                pattern.append("(%s)" % NUMBER.pattern)
                want.append(float(tok))
            else:
                pattern.append(re.escape(tok))
    m = re.match("".join(pattern) + r"\Z", act, re.S)
    if not m:
        return False
    got = [float(g) for g in m.groups()]
    return all(abs(a - e) <= 1e-9 * max(abs(a), abs(e), 1e-300) for a, e in zip(got, want))


class Runner:
    def __init__(self, cli, lib, root, build_include, cc):
        self.cli, self.lib, self.root = cli, lib, root
        self.build_include, self.cc = build_include, cc
        self.tmp = tempfile.mkdtemp(prefix="airoi-docs-")
        for name in os.listdir(root):
            if name not in ("build",) and not name.startswith("."):
                os.symlink(os.path.join(root, name), os.path.join(self.tmp, name))
        self.env = dict(os.environ)
        self.env.update({
            "PYTHONPATH": os.path.join(root, "bindings", "python"),
            "AIROI_LIBRARY": lib,
            "AIROI_COMMAND": cli,
            "PYTHONDONTWRITEBYTECODE": "1",
            "LC_ALL": "C.UTF-8",
        })
        self.globs = {}
        # The doctests run in this process: they import the source's package,
        # which loads the built library.
        os.environ["AIROI_LIBRARY"] = lib
        os.environ["AIROI_COMMAND"] = cli
        sys.path.insert(0, self.env["PYTHONPATH"])

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def shell_prelude(self):
        return ('airoi() { "%s" "$@"; }\npython3() { "%s" "$@"; }\n'
                'export -f airoi python3\n' % (self.cli, PYTHON))

    def subst(self, text):
        return (text.replace("build/bindings/cli/airoi", self.cli)
                .replace("build/lib/libairoi.so", self.lib))

    def bash(self, script, stdin=None):
        return subprocess.run(["bash", "-c", self.shell_prelude() + self.subst(script)],
                              cwd=self.tmp, env=self.env, input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=120)

    def run(self, b):
        """Returns a list of problems (empty when the block is right)."""
        if b.info == "python":
            return self.run_python(b)
        if b.info == "c":
            return self.run_c(b)
        if b.info == "yaml":
            return self.run_yaml(b)
        return self.run_shell(b)

    def compare(self, b, actual):
        if b.output is None:
            return []
        if output_matches(b.output.text, actual):
            return []
        return ["%s: output differs from %s:%d\n--- expected\n%s--- got\n%s" % (
            b.where(), b.page, b.output.line, b.output.text, actual)]

    def run_python(self, b):
        if ">>>" not in b.text:
            p = subprocess.run([PYTHON, "-c", b.text], cwd=self.tmp, env=self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=120)
            if p.returncode != 0:
                return ["%s: exit %d\n%s" % (b.where(), p.returncode, p.stderr)]
            return self.compare(b, p.stdout)
        globs = self.globs.setdefault(b.page, {"__name__": "__docs__"})
        test = doctest.DocTestParser().get_doctest(b.text, globs, b.where(), b.page, b.line - 1)
        out = []
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        cwd = os.getcwd()
        os.chdir(self.tmp)
        try:
            runner.run(test, out=out.append, clear_globs=False)
        finally:
            os.chdir(cwd)
        globs.update(test.globs)  # DocTest copies them: carry the names to the next block
        return ["%s:\n%s" % (b.where(), "".join(out))] if runner.failures else []

    def run_c(self, b):
        src = os.path.join(self.tmp, "block-%d.c" % b.line)
        exe = os.path.join(self.tmp, "block-%d" % b.line)
        with open(src, "w", encoding="utf-8") as f:
            f.write(b.text)
        sanitize = os.environ.get("AIROI_TEST_SANITIZED", "none")
        cmd = self.cc + (["-fsanitize=" + sanitize] if sanitize not in ("", "none") else []) + [
                         "-std=c11", "-Wall", "-Wextra", "-Werror",
                         "-I", os.path.join(self.root, "include"), "-I", self.build_include,
                         src, "-o", exe, self.lib, "-lm",
                         "-Wl,-rpath," + os.path.dirname(self.lib)]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        if p.returncode != 0:
            return ["%s: does not compile:\n%s\n%s" % (b.where(), " ".join(cmd), p.stdout)]
        p = subprocess.run([exe], cwd=self.tmp, env=self.env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
        if p.returncode != 0:
            return ["%s: exit %d\n%s%s" % (b.where(), p.returncode, p.stdout, p.stderr)]
        return self.compare(b, p.stdout)

    def run_yaml(self, b):
        if not re.search(r"^airoi\s*:", b.text, re.M):
            return ["%s: a YAML fragment (no top-level `airoi:` key): make it a whole model "
                    "or mark it <!-- not-run: REASON -->" % b.where()]
        with open(os.path.join(self.tmp, "model.yaml"), "w", encoding="utf-8") as f:
            f.write(b.text)
        p = subprocess.run([self.cli, "validate", "model.yaml"], cwd=self.tmp, env=self.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=60)
        if p.returncode != 0:
            return ["%s: airoi validate model.yaml exits %d:\n%s"
                    % (b.where(), p.returncode, p.stdout)]
        return self.compare(b, p.stdout)

    def run_shell(self, b):
        lines = b.text.rstrip("\n").split("\n")
        if not any(ln.startswith("$ ") for ln in lines):
            p = self.bash(b.text)
            if p.returncode != 0:
                return ["%s: exit %d\n%s%s" % (b.where(), p.returncode, p.stdout, p.stderr)]
            return self.compare(b, p.stdout)
        problems, i = [], 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                problems.append("%s: line %d: output without a `$ ` command"
                                % (b.where(), b.line + i))
                i += 1
                continue
            cmd = lines[i][2:]
            i += 1
            while cmd.endswith("\\") and i < len(lines):
                cmd = cmd + "\n" + lines[i]
                i += 1
            expected = []
            while i < len(lines) and not lines[i].startswith("$ "):
                expected.append(lines[i])
                i += 1
            p = self.bash("exec 2>&1\n" + cmd)
            want = "\n".join(expected)
            if not output_matches(want, p.stdout):
                problems.append("%s: `%s`: output differs\n--- expected\n%s\n--- got\n%s" % (
                    b.where(), cmd, want, p.stdout))
        return problems


def main(argv):
    if len(argv) < 6:
        print(__doc__)
        return 2
    cli, lib, root, build_include = (os.path.abspath(a) for a in argv[1:5])
    cc = argv[5:]
    sanitize = os.environ.get("AIROI_TEST_SANITIZED", "none")
    if "address" in sanitize and "LD_PRELOAD" not in os.environ:
        # The sanitized library can only be loaded into this (unsanitized)
        # interpreter with the ASan runtime preloaded: start again with it.
        libasan = subprocess.run(cc + ["-print-file-name=libasan.so"], stdout=subprocess.PIPE,
                                 universal_newlines=True).stdout.strip()
        if libasan and libasan != "libasan.so":
            os.environ["LD_PRELOAD"] = libasan
            os.environ["ASAN_OPTIONS"] = "detect_leaks=0"
            os.execv(sys.executable, [sys.executable] + argv)
    pages = ["README.md"] + sorted(os.path.join("docs", n)
                                   for n in os.listdir(os.path.join(root, "docs"))
                                   if n.endswith(".md"))
    runner = Runner(cli, lib, root, build_include, cc)
    problems, ran, skipped = [], 0, []
    try:
        for page in pages:
            blocks, parse_problems = parse(os.path.join(root, page), page)
            problems += parse_problems
            for b in blocks:
                if getattr(b, "is_output", False):
                    if b.skip:
                        problems.append("%s: a not-run marker on an output block" % b.where())
                    continue
                if b.info in OUTPUT:
                    if b.skip:
                        problems.append("%s: a not-run marker on a prose block" % b.where())
                    continue
                if b.info not in RUNNABLE:
                    if not b.skip:
                        problems.append("%s: unknown block kind: run it, or mark it "
                                        "<!-- not-run: REASON -->" % b.where())
                    else:
                        skipped.append(b)
                    continue
                if b.skip:
                    skipped.append(b)
                    continue
                found = runner.run(b)
                ran += 1
                print("%-45s %s" % (b.where(), "FAIL" if found else "ok"))
                problems += found
    finally:
        runner.close()
    for b in skipped:
        print("%-45s not run: %s" % (b.where(), b.skip))
    print("\n%d blocks run, %d not run (marked), %d problems" % (ran, len(skipped), len(problems)))
    for p in problems:
        print("\nFAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
