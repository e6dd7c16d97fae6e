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
import json
import os
import re
import sys
import tempfile

from htmlcheck import SVG, check, check_markup, finish, run, start

ROOT = start(sys.argv)
EXAMPLES = os.path.join(ROOT, "docs", "examples", "portfolio")


def lookup(obj, path):
    """The value at a path like projects[2].npv or simulation.npv.percentiles.50."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            obj = obj[int(part[1:-1])]
        else:
            obj = obj[part]
    return obj


def check_page(name, args, simulated):
    rc, page, err = run("portfolio", *args, "--format", "html")
    check(rc == 0, f"{name}: html exit {rc}: {err}")
    rc, js, err = run("portfolio", *args, "--format", "json")
    check(rc == 0, f"{name}: json exit {rc}: {err}")
    check(page and js, f"{name}: an empty page or JSON")
    if not page or not js:
        return None
    doc = json.loads(js)["portfolio"]
    p, roots = check_markup(name, page)
    # the bubble chart: one bubble per project; the frontier: one dot per level
    charts = {}
    for root in roots:
        charts[root.get("aria-labelledby", "").split(" ")[0]] = root
    check({"pf-bubbles-t", "pf-frontier-t"} <= set(charts), f"{name}: charts {sorted(charts)}")
    if "pf-bubbles-t" in charts:
        check(len(charts["pf-bubbles-t"].findall(SVG + "circle")) == len(doc["projects"]),
              f"{name}: one bubble per project")
    if "pf-frontier-t" in charts:
        check(len(charts["pf-frontier-t"].findall(SVG + "circle")) == len(doc["frontier"]),
              f"{name}: one dot per frontier level")
    # every marked figure equals the JSON
    keys = set()
    check(len(p.data) > 0, f"{name}: no marked figure")
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
    check(("simulation" in doc) == simulated, f"{name}: simulation in the JSON")
    if "simulation" in doc:
        s = doc["simulation"]
        check(len(s["projects"]) > 0, f"{name}: no project in the simulation")
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
    check_page("ai-programme", [ai], False)
    check_page("ai-programme simulated", [ai, "--simulate", "--trials", "500"], True)
    check_page("shared drivers simulated", [shared, "--trials", "2000", "--seed", "3",
                                            "--percentiles", "1,99"], True)
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
        p = check_page("markup", [path, "--simulate", "--trials", "300"], True)
        if p:
            check("b" not in p.tags and "i" not in p.tags, "markup: a name became a tag")
            text = "".join(p.chars)
            check(evil in text, "markup: the portfolio name is not shown as text")
            check("<i>drv</i>" in text, "markup: the driver is not shown as text")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
