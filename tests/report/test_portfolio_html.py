#!/usr/bin/env python3
"""Tests of the portfolio page (`airoi portfolio FILE --format html`).

For the bundled example portfolios (with and without --simulate) and for a
portfolio built to inject markup:
- the page is well formed (every element closed in order, void elements
  excepted), holds no script and makes no external request;
- every inline <svg> is well-formed XML with a <title> and a <desc>; the
  bubble chart has one bubble per project, the frontier one dot per level;
- every figure marked <data value="..." data-key="PATH"> equals the number
  at PATH in the `portfolio` object of the JSON report of the same run,
  exactly; every project, frontier level and simulation figure is marked;
- names from the files come out as text, never markup.

Usage: test_portfolio_html.py AIROI_EXECUTABLE SOURCE_ROOT.  Python standard library only.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

AIROI = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
EXAMPLES = os.path.join(ROOT, "docs", "examples", "portfolio")
SVG = "{http://www.w3.org/2000/svg}"
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


def run(*args):
    p = subprocess.run([AIROI, *args], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


class Page(html.parser.HTMLParser):
    """Checks nesting and collects the marked figures and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.data = []      # (key, value, shown text)
        self.current = None
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for k, v in attrs:
            if k in ("src", "href") and v and re.match(r"^[a-z]+:", v) and not v.startswith("#"):
                self.errors.append(f"external reference {k}={v}")
        if tag == "data":
            self.current = [a.get("data-key"), a.get("value"), ""]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if tag == "data" and self.current:
            self.data.append(tuple(self.current))
            self.current = None

    def handle_data(self, d):
        self.text.append(d)
        if self.current is not None:
            self.current[2] += d


def lookup(obj, path):
    """The value at a path like projects[2].npv or simulation.npv.percentiles.50."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            obj = obj[int(part[1:-1])]
        else:
            obj = obj[part]
    return obj


def check_page(name, args, nprojects=None):
    rc, page, err = run("portfolio", *args, "--format", "html")
    check(rc == 0, f"{name}: html exit {rc}: {err}")
    rc, js, err = run("portfolio", *args, "--format", "json")
    check(rc == 0, f"{name}: json exit {rc}: {err}")
    if not page or not js:
        return None
    doc = json.loads(js)["portfolio"]
    p = Page()
    p.feed(page)
    p.close()
    check(not p.errors, f"{name}: {p.errors[:3]}")
    check(not p.stack, f"{name}: unclosed {p.stack}")
    check("script" not in p.tags and "<script" not in page.lower(), f"{name}: a script")
    check("@import" not in page and "url(http" not in page, f"{name}: an external style")
    # every SVG parses as XML, with its title and description
    svgs = re.findall(r"<svg\b.*?</svg>", page, re.S)
    check(len(svgs) >= 2, f"{name}: {len(svgs)} charts")
    for s in svgs:
        try:
            root = ET.fromstring(s)
        except ET.ParseError as e:
            check(False, f"{name}: an SVG is not well-formed: {e}")
            continue
        check(root.find(SVG + "title") is not None and root.find(SVG + "desc") is not None,
              f"{name}: an SVG without title or desc")
        if "pf-bubbles-t" in s:
            check(len(root.findall(SVG + "circle")) == len(doc["projects"]),
                  f"{name}: one bubble per project")
        if "pf-frontier-t" in s:
            check(len(root.findall(SVG + "circle")) == len(doc["frontier"]),
                  f"{name}: one dot per frontier level")
    # every marked figure equals the JSON
    keys = set()
    for key, value, shown in p.data:
        keys.add(key)
        try:
            want = lookup(doc, key)
        except (KeyError, IndexError, TypeError):
            check(False, f"{name}: data-key {key} is not in the JSON")
            continue
        check(want is not None and float(value) == float(want),
              f"{name}: {key}: page {value}, JSON {want}")
        check(shown.strip() != "", f"{name}: {key} shows nothing")
    for i, q in enumerate(doc["projects"]):
        for k in ["npv", "investment"]:
            check(f"projects[{i}].{k}" in keys, f"{name}: projects[{i}].{k} not on the page")
    for i in range(len(doc["frontier"])):
        for k in ["budget", "total_npv", "total_investment"]:
            check(f"frontier[{i}].{k}" in keys, f"{name}: frontier[{i}].{k} not on the page")
    for k in ["total_npv", "total_investment", "expected_npv"]:
        check(k in keys, f"{name}: {k} not on the page")
    if "simulation" in doc:
        s = doc["simulation"]
        for k in ["simulation.npv.mean", "simulation.prob_npv_positive",
                  "simulation.npv.percentiles.50"]:
            check(k in keys, f"{name}: {k} not on the page")
        for j, q in enumerate(s["projects"]):
            # null (no variance at all) shows as n/a, unmarked
            check((f"simulation.projects[{j}].contribution" in keys) ==
                  (q["contribution"] is not None), f"{name}: contribution {j} on the page")
    return p


def main():
    ai = os.path.join(EXAMPLES, "ai-programme-2027.yaml")
    shared = os.path.join(EXAMPLES, "shared-drivers-2027.yaml")
    check_page("ai-programme", [ai])
    check_page("ai-programme simulated", [ai, "--simulate", "--trials", "500"])
    check_page("shared drivers simulated", [shared, "--trials", "2000", "--seed", "3",
                                            "--percentiles", "1,99"])
    # markup in names comes out as text
    evil = "<b>Evil</b> & \"co\" <script>x</script>"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "evil.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("airoi: 1\nportfolio: {name: '%s', currency: USD, budget: 100}\nprojects:\n"
                    "  - project: {name: '%s', currency: USD, period: year, horizon: 2, "
                    "discount_rate: 0.1}\n"
                    "    costs: [{name: c, category: people, amount: 50, at: 0}]\n"
                    "    values: [{name: v, dimension: efficiency, amount: 40, per: year, "
                    "from: 1}]\n"
                    "    uncertainties: [{target: v, distribution: uniform, low: 0.5, high: 1.5,"
                    " driver: '<i>drv</i>'}]\n" % (evil, evil.replace("Evil", "Bad")))
        p = check_page("markup", [path, "--simulate", "--trials", "300"])
        if p:
            check("b" not in p.tags and "i" not in p.tags, "markup: a name became a tag")
            text = "".join(p.text)
            check(evil in text, "markup: the portfolio name is not shown as text")
            check("<i>drv</i>" in text, "markup: the driver is not shown as text")
    print(f"{checks} checks, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
