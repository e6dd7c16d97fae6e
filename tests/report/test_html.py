#!/usr/bin/env python3
"""Tests of the HTML business case (`airoi report FILE --format html`).

For every bundled example and for a model built to inject markup:
- the page is well formed (every element closed in order, void elements
  excepted), holds no script and makes no external request;
- every inline <svg> is well-formed XML with a <title> and a <desc>;
- the five parts come in order, with the charts of the financial analysis;
- every figure marked <data value="..." data-key="K"> equals key K of the
  JSON report of the same file exactly, and its shown text rounds it;
- text from the model (names, narrative) comes out as text, never markup.

Usage: test_html.py AIROI_EXECUTABLE SOURCE_ROOT.  Python standard library only.
"""
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

from htmlcheck import SVG, Page, check, check_markup, finish, run, start

ROOT = start(sys.argv)
EXAMPLES = os.path.join(ROOT, "docs", "examples")
# SVG elements written self-closed (<rect .../>): the HTML parser reports them
# through handle_startendtag.
ALLOWED = {"html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2",
           "h3", "ul", "li", "section", "strong", "em", "small", "div", "span", "data", "table",
           "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "footer", "svg",
           "desc", "defs", "pattern", "rect", "line", "text", "polyline", "circle", "path"}


def json_value(doc, key):
    """Key K of the report's JSON, or "command:a.b.0.c": that path into the
    JSON document of `airoi command FILE --format json` (docs/reports.md)."""
    if ":" in key:
        command, path = key.split(":", 1)
        v = doc["_path"] and command_json(doc["_path"], command)
        for part in path.split("."):
            v = v[int(part)] if isinstance(v, list) else v[part]
        return v
    if key == "discount_rate":
        return doc["project"]["discount_rate"]
    return doc["metrics"][key]


_COMMAND_JSON = {}


def command_json(path, command):
    if (path, command) not in _COMMAND_JSON:
        extra = COMMAND_ARGS.get(path, ()) if command == "simulate" else ()
        rc, js, err = run(command, path, "--format", "json", *extra)
        check(rc == 0, "%s: %s json exit %d %s" % (path, command, rc, err))
        _COMMAND_JSON[path, command] = json.loads(js)
    return _COMMAND_JSON[path, command]


COMMAND_ARGS = {}   # path -> extra arguments of `airoi simulate` (the page's own run)


def shown_number(text):
    """The number a shown figure holds: 'TWD 4,276,862' -> 4276862, '15.8%' -> 0.158."""
    m = re.search(r"-?[0-9][0-9,]*(\.[0-9]+)?", text)
    if not m:
        return None, 0
    s = m.group(0).replace(",", "")
    decimals = len(m.group(1)) - 1 if m.group(1) else 0
    v = float(s)
    if "%" in text:
        return v / 100, 0.5 * 10 ** -(decimals + 2)
    return v, 0.5 * 10 ** -decimals


def check_page(name, page, doc):
    p, roots = check_markup(name, page)
    check(p.tags <= ALLOWED, "%s: unexpected elements %s" % (name, p.tags - ALLOWED))
    # the parts, in order (the roadmap when the model has stages)
    parts = ["summary", "problem", "solution", "finance", "risks", "roadmap"]
    order = [i for i in p.ids if i in parts]
    check(order == parts[:5] + (["roadmap"] if doc.get("_stages") else []),
          "%s: parts %s" % (name, order))
    for root in roots:
        check(len(root.findall(".//" + SVG + "text")) >= 3, "%s: svg without labels" % name)
    for chart in ("jcurve-t", "tco-t"):
        check(chart in p.ids, "%s: chart %s missing" % (name, chart))
    # axis titles with their unit: money in the model's currency and scale
    currency = doc["project"].get("currency") or ""
    for root in roots:
        chart = root.get("aria-labelledby", "").split("-t")[0]
        texts = [t.text or "" for t in root.iter(SVG + "text")]
        if chart == "roadmap":
            check(any(t.startswith("Period (") for t in texts), "%s: roadmap axis" % name)
        else:
            check(any(re.search(r"\((%s|x [0-9,]+)[^)]*\)$" % re.escape(currency), t)
                      for t in texts if t), "%s: chart %s without a money axis title in %s: %r"
                  % (name, chart, currency, texts[:8]))
    if len(doc.get("scenarios") or []) > 1:
        check("scenarios-t" in p.ids, "%s: scenario chart missing" % name)
    # the charts of the uncertainty and of the stages, with their tables
    expect = (["npvhist-t", "tornado-t"] if doc.get("_uncertain") else []) + \
        (["roadmap-t", "staging-t"] if doc.get("_stages") else [])
    for chart in expect:
        check(chart in p.ids, "%s: chart %s missing" % (name, chart))
    for chart in ("npvhist-t", "tornado-t", "roadmap-t", "staging-t"):
        check(chart in expect or chart not in p.ids, "%s: chart %s unexpected" % (name, chart))
    keys = {k for k, _, _ in p.data}
    if doc.get("_uncertain"):
        check({"tornado:base_npv", "tornado:tornado.0.swing", "simulate:simulation.prob_npv_positive",
               "simulate:simulation.outputs.npv.percentiles.50"} <= keys,
              "%s: tornado or simulation figures missing" % name)
    if doc.get("_stages"):
        check({"stages:stages.expected_npv", "stages:stages.value_of_staging",
               "stages:stages.gates.0.probability"} <= keys, "%s: staging figures missing" % name)
    # the figures equal the JSON report's
    check(len(p.data) >= 8, "%s: only %d exact figures" % (name, len(p.data)))
    for key, value, shown in p.data:
        want = json_value(doc, key)
        check(want is not None and float(value) == want,
              "%s: %s is %s on the page, %r in JSON" % (name, key, value, want))
        got, tol = shown_number(shown)
        check(got is not None and abs(got - float(value)) <= tol * (1 + 1e-9) + 1e-12,
              "%s: %s shown as %r for %s" % (name, key, shown, value))
    return p


def report(path):
    rc, page, err = run("report", path, "--format", "html")
    check(rc == 0 and not err, "%s: exit %d %s" % (path, rc, err))
    rc, js, err = run("report", path, "--format", "json")
    check(rc == 0, "%s: json exit %d" % (path, rc))
    doc = json.loads(js)
    doc["_path"] = path
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    doc["_uncertain"] = re.search(r"^uncertainties:", text, flags=re.M) is not None
    doc["_stages"] = re.search(r"^stages:", text, flags=re.M) is not None
    return page, doc


def test_examples():
    for f in sorted(os.listdir(EXAMPLES)):
        if f.endswith(".yaml"):
            path = os.path.join(EXAMPLES, f)
            page, doc = report(path)
            check_page(f, page, doc)
            # -o writes the same page
            with tempfile.TemporaryDirectory() as d:
                out = os.path.join(d, "case.html")
                rc, _, _ = run("report", path, "--format", "html", "-o", out)
                with open(out, encoding="utf-8") as fh:
                    check(rc == 0 and fh.read() == page, "%s: -o differs" % f)


def test_rich_example():
    """The bundled rich example: uncertainties, stages and a narrative with
    risks, so that its page has every part and every chart (the page CI
    renders in Chromium)."""
    path = os.path.join(EXAMPLES, "genai-support-uncertain.yaml")
    page, doc = report(path)
    check(doc["_uncertain"] and doc["_stages"], "rich example: no uncertainties or stages")
    p = check_page("rich example", page, doc)
    for chart in ("jcurve-t", "tco-t", "scenarios-t", "npvhist-t", "tornado-t", "roadmap-t",
                  "staging-t"):
        check(chart in p.ids, "rich example: chart %s missing" % chart)
    check("Risks named in the plan" in page and "The model names no" not in page and
          "The model states no" not in page and "The model describes no" not in page,
          "rich example: narrative incomplete")


def test_simulate_html():
    """`airoi simulate --format html` writes the business case with its own
    simulation (the options of the command line), the rest as `report`."""
    src = os.path.join(EXAMPLES, "genai-support-uncertain.yaml")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "case.yaml")
        with open(src, encoding="utf-8") as fh, open(path, "w", encoding="utf-8") as out:
            out.write(fh.read())
        args = ("--trials", "3000", "--seed", "11")
        COMMAND_ARGS[path] = args
        rc, page, err = run("simulate", path, "--format", "html", *args)
        check(rc == 0 and not err, "simulate html: exit %d %s" % (rc, err))
        _, doc = report(path)
        p = check_page("simulate html", page, doc)
        got = {k: v for k, v, _ in p.data}
        check(got.get("simulate:simulation.trials") == "3000",
              "simulate html: trials %r" % got.get("simulate:simulation.trials"))
        # other formats of simulate are unchanged
        rc, js, _ = run("simulate", path, "--format", "json", *args)
        check(rc == 0 and json.loads(js)["simulation"]["trials"] == 3000, "simulate json")


NO_GATE = """airoi: 1
project: {name: T, currency: EUR, horizon: 3, discount_rate: 0.08}
costs:
  - {name: B, category: people, amount: 100, per: once}
values:
  - {name: S, dimension: efficiency, amount: 90, per: year}
stages:
  - {name: poc, cost: 10, periods: 1}
uncertainties:
  - {target: S, distribution: uniform, low: 0.5, high: 1.5}
"""


def test_gate_without_probability():
    """A gate without a probability cannot be simulated or valued: the page
    is still written, with the stages and the tornado, and says why."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "nogate.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(NO_GATE)
        rc, page, err = run("report", path, "--format", "html")
        check(rc == 0, "no gate: exit %d %s" % (rc, err))
        check("no Monte Carlo summary" in err and "no staging figures" in err,
              "no gate: warnings %r" % err)
        p = Page()
        p.feed(page)
        check("roadmap-t" in p.ids and "tornado-t" in p.ids and "npvhist-t" not in p.ids and
              "staging-t" not in p.ids, "no gate: charts %r" % [i for i in p.ids if i.endswith("-t")])
        check("A gate has no probability in the model" in page, "no gate: no reason given")


EVIL = '<script>alert("x")</script> & \'q\' "Ünïcødé" 日本 ©'
INJECTION = """airoi: 1
project:
  name: {name}
  currency: EUR
  horizon: 3
  discount_rate: 0.08
costs:
  - {{name: {item}, category: people, amount: 100, per: once}}
  - {{name: Run, category: maintenance, amount: 20, per: year}}
values:
  - {{name: Saved, dimension: efficiency, amount: 90, per: year}}
scenarios:
  - {{name: {scen}, probability: 0.5}}
  - {{name: low, probability: 0.5, multipliers: {{values: 0.5}}}}
uncertainties:
  - {{name: {unc}, target: Saved, distribution: uniform, low: 0.5, high: 1.5}}
stages:
  - {{name: {stage}, cost: 10, periods: 1, success_probability: 0.8}}
narrative:
  problem: {problem}
  solution: "Line one\\nline <two> & three"
  audience: {audience}
  risks:
    - {{risk: {risk}, mitigation: {mit}, owner: "O'Brien & <Co>"}}
"""


def q(s):
    return json.dumps(s, ensure_ascii=False)


def test_injection():
    fields = {
        "name": q(EVIL),
        "item": q('Build"><img src=x onerror=alert(1)>'),
        "scen": q("<b>base</b>"),
        "problem": q("Costs </p><script>alert(2)</script> grow"),
        "audience": q('Board "of" <directors>'),
        "risk": q("</td></tr></table><script>x</script>"),
        "mit": q("A & B ' \" > <"),
        "unc": q("<i>unsure</i> & 'x'"),
        "stage": q('Gate "1" <b>ü</b>'),
    }
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "evil.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(INJECTION.format(**fields))
        page, doc = report(path)
        p = check_page("injection", page, doc)
    check("<script" not in page and "<img" not in page and "<b>" not in page,
          "injection: markup from the model reached the page")
    check(p.text.get("h1") == [EVIL], "injection: h1 is %r" % p.text.get("h1"))
    check(p.text.get("title", [""])[0].startswith(EVIL), "injection: title %r" % p.text.get("title"))
    ths = p.text.get("th", [])
    check("</td></tr></table><script>x</script>" in ths, "injection: risk not shown as text")
    tds = p.text.get("td", [])
    check("A & B ' \" > <" in tds and "O'Brien & <Co>" in tds, "injection: mitigation/owner %r" % tds)
    ps = p.text.get("p", [])
    check("Costs </p><script>alert(2)</script> grow" in ps, "injection: problem not shown as text")
    check(any("Board \"of\" <directors>" in t for t in p.text.get("p", [])) or
          'Board &quot;of&quot; &lt;directors&gt;' in page, "injection: audience")
    # every SVG text (scenario names in the chart) parsed back to the same text
    texts = []
    for s in re.findall(r"<svg\b.*?</svg>", page, flags=re.S):
        texts += [t.text for t in ET.fromstring(s).iter(SVG + "text")]
    check(any(t and t.startswith("<b>base</b>") for t in texts),
          "injection: scenario name in the chart %r" % texts[:20])
    check("<i>unsure</i> & 'x'" in texts, "injection: uncertainty name in the tornado")
    check('Gate "1" <b>ü</b>' in texts, "injection: stage name in the roadmap")
    check("<i>unsure</i> & 'x'" in ths and 'Gate "1" <b>ü</b>' in ths,
          "injection: uncertainty or stage name in a table %r" % ths)


def test_bad_bytes():
    # a C caller may hand over bytes that are not UTF-8; the page stays UTF-8
    # (checked through the YAML loader's own UTF-8 check: such a file is refused)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bad.yaml")
        with open(path, "wb") as fh:
            fh.write(b"airoi: 1\nproject: {name: \"a\xff\", horizon: 1}\n")
        rc, _, _ = run("report", path, "--format", "html")
        check(rc != 0, "bad bytes: accepted")


def main():
    test_examples()
    test_rich_example()
    test_simulate_html()
    test_gate_without_probability()
    test_injection()
    test_bad_bytes()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
