"""Shared by the tests of the HTML pages (test_html.py, test_portfolio_html.py):
the tally of checks, the command runner, the page parser and the checks every
page passes (well formed, no script, no external request, every inline <svg>
well-formed XML with a <title> and a <desc>).  Python standard library only.
"""
import html.parser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}

failures = []
checks = 0
_airoi = None


def start(argv):
    """The command line of a test, AIROI_EXECUTABLE SOURCE_ROOT: keeps the
    executable for run() and returns the source root."""
    global _airoi
    _airoi = os.path.abspath(argv[1])
    return os.path.abspath(argv[2])


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


def finish():
    """Prints the tally; the exit status of the test."""
    print("%d checks, %d failures" % (checks, len(failures)))
    return 1 if failures else 0


def run(*args):
    p = subprocess.run([_airoi, *args], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


class Page(html.parser.HTMLParser):
    """Checks nesting and collects what the tests look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.tags = set()
        self.attrs = []
        self.data = []      # (key, value, shown text)
        self._data = None
        self.ids = []
        self.text = {}      # tag -> list of texts (h1, title)
        self.chars = []     # every piece of text
        self._grab = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "data":
            self._data = [a.get("data-key"), a.get("value"), ""]
        if tag in ("h1", "title", "th", "td", "p", "li") and self._grab is None:
            self._grab = [tag, ""]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        if tag == "data" and self._data:
            self.data.append(tuple(self._data))
            self._data = None
        if self._grab and self._grab[0] == tag:
            self.text.setdefault(tag, []).append(self._grab[1])
            self._grab = None
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s> at %s" % (
                tag, self.stack[-1] if self.stack else "nothing", self.getpos()))
            return
        self.stack.pop()

    def handle_data(self, d):
        self.chars.append(d)
        if self._data:
            self._data[2] += d
        if self._grab:
            self._grab[1] += d


def check_markup(name, page):
    """The checks every page passes; returns the parsed page and the root of
    each inline <svg> that parses."""
    p = Page()
    p.feed(page)
    p.close()
    check(not p.errors, "%s: nesting errors %s" % (name, p.errors[:3]))
    check(not p.stack, "%s: elements left open: %s" % (name, p.stack))
    check(page.startswith("<!DOCTYPE html>"), "%s: doctype" % name)
    check("script" not in p.tags and "<script" not in page.lower(), "%s: a script element" % name)
    check(len(p.attrs) > 0, "%s: no attribute to check" % name)
    for k, v in p.attrs:
        check(not k.startswith("on"), "%s: event attribute %s" % (name, k))
        check(k not in ("src", "href") and
              (k == "xmlns" or not (v or "").startswith(("http:", "https:", "//"))),
              "%s: external reference %s=%r" % (name, k, v))
    check("url(http" not in page and "@import" not in page, "%s: external style" % name)
    roots = []
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
    check(len(svgs) >= 2, "%s: %d charts" % (name, len(svgs)))
    for s in svgs:
        try:
            root = ET.fromstring(s)
        except ET.ParseError as e:
            check(False, "%s: SVG not well formed: %s" % (name, e))
            continue
        check(root.tag == SVG + "svg", "%s: svg namespace" % name)
        check(root.find(SVG + "title") is not None and root.find(SVG + "title").text,
              "%s: svg without a title" % name)
        check(root.find(SVG + "desc") is not None, "%s: svg without a desc" % name)
        roots.append(root)
    return p, roots
