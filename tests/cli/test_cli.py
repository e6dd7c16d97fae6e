#!/usr/bin/env python3
"""Tests of the `airoi` command: golden JSON of the bundled examples (key by
key, 1e-9 relative), the worked examples of docs/methodology.md, exit statuses,
diagnostics, help, version and every output format.

Usage: test_cli.py AIROI_EXECUTABLE SOURCE_ROOT [--update-golden]

Python 3 standard library only. --update-golden rewrites
tests/data/golden/*.json from the current build (review the diff!).
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

AIROI = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
UPDATE = "--update-golden" in sys.argv[3:]
EXAMPLES = os.path.join(ROOT, "docs", "examples")
GOLDEN = os.path.join(ROOT, "tests", "data", "golden")
MODELS = sorted(f[:-5] for f in os.listdir(EXAMPLES) if f.endswith(".yaml"))

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


def run(*args, stdin=None):
    p = subprocess.run([AIROI, *args], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def example(name):
    return os.path.join(EXAMPLES, name + ".yaml")


def report_json(name, *extra):
    rc, out, err = run("report", example(name), "--format", "json", *extra)
    check(rc == 0, f"report {name} {extra}: exit {rc}, stderr {err!r}")
    check(err == "", f"report {name}: stderr not empty: {err!r}")
    return json.loads(out) if rc == 0 else {}


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel)


def compare(got, want, path, diffs):
    """Key-by-key comparison; numbers within 1e-9 relative."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            diffs.append(f"{path}: expected an object, got {got!r}")
            return
        for k in sorted(set(want) | set(got)):
            if k == "airoi_version" and path == "":
                continue
            if k not in got:
                diffs.append(f"{path}.{k}: missing")
            elif k not in want:
                diffs.append(f"{path}.{k}: unexpected key")
            else:
                compare(got[k], want[k], f"{path}.{k}", diffs)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            diffs.append(f"{path}: expected a list of {len(want)}, got {got!r:.80}")
            return
        for i, (g, w) in enumerate(zip(got, want)):
            compare(g, w, f"{path}[{i}]", diffs)
    elif isinstance(want, bool) or want is None or isinstance(want, str):
        if got != want:
            diffs.append(f"{path}: {got!r} != {want!r}")
    elif isinstance(want, (int, float)):
        if isinstance(got, bool) or not isinstance(got, (int, float)) or not close(got, want):
            diffs.append(f"{path}: {got!r} != {want!r}")
    else:
        diffs.append(f"{path}: unexpected value {want!r}")


# --------------------------------------------------------------------------
# Golden JSON of every example
# --------------------------------------------------------------------------
def test_golden():
    check(len(MODELS) >= 6, f"expected at least 6 example models, found {MODELS}")
    for name in MODELS:
        rc, out, err = run("report", example(name), "--format", "json")
        check(rc == 0, f"golden {name}: exit {rc}: {err}")
        if rc != 0:
            continue
        got = json.loads(out)
        path = os.path.join(GOLDEN, name + ".json")
        if UPDATE:
            os.makedirs(GOLDEN, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(out)
            continue
        check(os.path.exists(path), f"golden {name}: {path} missing (run with --update-golden)")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            want = json.load(f)
        diffs = []
        compare(got, want, "", diffs)
        check(not diffs, f"golden {name}: " + "; ".join(diffs[:10]))


# --------------------------------------------------------------------------
# The worked examples (docs/methodology.md#worked-examples), checked against the golden files
# (so that a golden file cannot drift from the documented figures) and the build
# --------------------------------------------------------------------------
def golden(name):
    with open(os.path.join(GOLDEN, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def spec_checks(doc, name, expected):
    for key, (value, tol) in expected.items():
        section, _, field = key.partition(".")
        got = doc.get(section, {}).get(field)
        check(got is not None and abs(got - value) <= tol,
              f"worked example {name}: {key} = {got}, expected {value} +- {tol}")


def test_worked_examples():
    cases = {
        "example1-visual-inspection": {"metrics.roi_basic": (0.421, 0.0005),
                                       "tco.total": (380, 1e-9)},
        "example2-customer-service": {"metrics.roi_basic": (0.20, 1e-9),
                                      "metrics.roi_risk_adjusted": (0.1067, 0.00005),
                                      "tco.total": (450, 1e-9),
                                      "value.total": (540, 1e-9)},
        "example3-three-year": {"metrics.npv": (425.71, 0.005),
                                "metrics.irr": (0.5399, 0.00005),
                                "metrics.payback_periods": (1.676, 0.0005),
                                "metrics.discounted_payback_periods": (1.820, 0.0005),
                                "metrics.roi_horizon": (0.699, 0.0005),
                                "metrics.npv_roi": (0.557, 0.0005),
                                "metrics.pv_costs": (764.34, 0.005)},
        "example4-genai-customer-service": {"metrics.roi_basic": (6.396, 0.0005),
                                            "tco.total": (297.47, 0.005),
                                            "value.total": (2200, 1e-9)},
        "example5-aml": {"value.total": (945, 1e-9)},
    }
    for name, expected in cases.items():
        for source, doc in (("golden", golden(name)), ("build", report_json(name))):
            spec_checks(doc, f"{name} ({source})", expected)
    # example 3: the schedule of the worked example
    doc = report_json("example3-three-year")
    nets = [row["net"] for row in doc["schedule"]]
    cums = [row["cumulative"] for row in doc["schedule"]]
    check(nets == [-350, 120, 340, 470], f"example 3 nets {nets}")
    check(cums == [-350, -230, 110, 580], f"example 3 cumulative {cums}")
    # example 2: three scenarios, expected value 498
    doc = report_json("example2-customer-service")
    sc = {s["name"]: s for s in doc["scenarios"]}
    check(sorted(sc) == ["base", "best", "worst"], f"example 2 scenarios {sorted(sc)}")
    ev = sum(s["probability"] * s["metrics"]["total_benefits"] for s in doc["scenarios"])
    check(abs(ev - 498) < 1e-9, f"example 2 expected value {ev}")
    # example 5: 3,500 x 0.27 of risk value
    doc = report_json("example5-aml")
    check(close(doc["value"]["by_dimension"]["risk"], 945), "example 5 risk value")


# --------------------------------------------------------------------------
# The JSON contract (docs/cli.md)
# --------------------------------------------------------------------------
METRIC_KEYS = ["npv", "irr", "mirr", "roi_basic", "roi_horizon", "roi_risk_adjusted",
               "expected_npv", "npv_roi", "bcr", "payback_periods",
               "discounted_payback_periods", "pv_costs", "pv_benefits"]


def test_json_contract():
    doc = report_json("genai-support-rollout")
    for k in ["airoi_version", "project", "metrics", "tco", "schedule", "scenarios",
              "findings", "benchmark"]:
        check(k in doc, f"json: top-level key {k} missing")
    for k in ["name", "currency", "unit", "period", "horizon", "discount_rate"]:
        check(k in doc["project"], f"json: project.{k} missing")
    for k in METRIC_KEYS:
        check(k in doc["metrics"], f"json: metrics.{k} missing")
    for k in ["total", "direct", "hidden", "hidden_share", "by_category", "pv"]:
        check(k in doc["tco"], f"json: tco.{k} missing")
    check(len(doc["tco"]["by_category"]) == 9, "json: tco.by_category has every category")
    check(close(sum(doc["tco"]["by_category"].values()), doc["tco"]["total"]),
          "json: categories add up to tco.total")
    check(len(doc["schedule"]) == 37, "json: 37 schedule rows for horizon 36")
    for k in ["period", "costs", "benefits", "net", "cumulative", "discounted"]:
        check(k in doc["schedule"][0], f"json: schedule[].{k} missing")
    check([r["period"] for r in doc["schedule"]] == list(range(37)), "json: periods 0..36")
    check([s["name"] for s in doc["scenarios"]] == ["best", "base", "worst"], "json: scenarios")
    for s in doc["scenarios"]:
        for k in METRIC_KEYS:
            check(k in s["metrics"], f"json: scenarios[{s['name']}].metrics.{k} missing")
    worst = doc["scenarios"][2]["metrics"]
    check(worst["payback_periods"] is None, "json: payback never is null")
    for f in doc["findings"]:
        for k in ["code", "severity", "message", "actual", "reference"]:
            check(k in f, f"json: findings[].{k} missing")
    codes = {f["code"] for f in doc["findings"]}
    check("HIDDEN_SHARE_LOW" in codes, f"json: HIDDEN_SHARE_LOW expected in {codes}")
    check(doc["benchmark"]["use_case"] == "customer_service", "json: benchmark.use_case")
    # first-year ROI -78.4% is below 40%-120%, payback 27.8 months above 10-18,
    # investment 2,889 (10,000 TWD) above 200-800
    positions = {k: doc["benchmark"][k]["position"] for k in ("roi", "payback_months", "investment")}
    check(positions == {"roi": "below", "payback_months": "above", "investment": "above"},
          f"json: benchmark positions {positions}")
    # implicit base scenario when none is defined
    doc = report_json("example3-three-year")
    check(len(doc["scenarios"]) == 1 and doc["scenarios"][0]["name"] == "base"
          and doc["scenarios"][0]["probability"] == 1, "json: implicit base scenario")
    check("benchmark" not in doc, "json: no benchmark without a use case")
    # no NaN / Infinity in any output
    for name in MODELS:
        rc, out, _ = run("report", example(name), "--format", "json")
        json.loads(out, parse_constant=lambda c: check(False, f"{name}: {c} in JSON"))


# --------------------------------------------------------------------------
# Formats, options and exit statuses
# --------------------------------------------------------------------------
BROKEN = """airoi: 1
project:
  name: Broken
  horizon: 3
  colour: blue
costs:
  - name: Build
    category: peeple
    amount: 10
"""


def test_formats():
    model = example("genai-support-rollout")
    for cmd in ["report", "audit", "compare"]:
        for fmt in ["text", "json", "csv", "md", "markdown"]:
            rc, out, err = run(cmd, model, "--format", fmt)
            check(rc == 0 and out and not err, f"{cmd} --format {fmt}: exit {rc}, stderr {err!r}")
            if fmt == "json":
                try:
                    json.loads(out)
                except ValueError as e:
                    check(False, f"{cmd} json does not parse: {e}")
            elif fmt == "csv":
                rows = list(csv.reader(io.StringIO(out, newline="")))
                check(len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows),
                      f"{cmd} csv: rectangular table with a header")
            elif fmt in ("md", "markdown"):
                check(out.startswith("# ") and "\n| " in out, f"{cmd} md: heading and tables")
    # report CSV: the schedule
    rc, out, _ = run("report", model, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    check(len(rows) == 37, f"csv: 37 rows, got {len(rows)}")
    check(out.endswith("\r\n"), "csv: CRLF line ends")
    doc = report_json("genai-support-rollout")
    check(all(close(float(r["net"]), s["net"]) for r, s in zip(rows, doc["schedule"])),
          "csv: net column equals the JSON schedule")
    # audit CSV: the findings, with quoted messages
    rc, out, _ = run("audit", model, "--format=csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    check([r["code"] for r in rows] == [f["code"] for f in doc["findings"]],
          "audit csv: the findings of the report")
    # text: readable money, percentages, never
    rc, out, _ = run("report", model)
    check(rc == 0, "text report")
    check(re.search(r"TWD -?\d{1,3}(,\d{3})+", out) is not None, "text: money with separators")
    check(re.search(r"\d+\.\d%", out) is not None, "text: percentages")
    check("never" in out, "text: 'never' for the worst case's payback")
    check("AUDIT FINDINGS" in out and "BENCHMARK" in out and "SCENARIOS" in out,
          "text: sections")
    # audit text and compare text
    rc, out, _ = run("audit", model)
    check("HIDDEN_SHARE_LOW" in out and "TOTAL COST OF OWNERSHIP" in out, "audit text")
    check("CASH-FLOW SCHEDULE" not in out, "audit text has no schedule")
    # audit --honest: plan and honest estimate side by side, with the change
    plain = report_json("genai-support-rollout")
    rc, out, _ = run("audit", model, "--honest", "-f", "json")
    doc = json.loads(out)
    pvh = doc.get("plan_vs_honest", {})
    tco = pvh.get("metrics", {}).get("tco_total", {})
    check(rc == 0 and tco.get("plan") == plain["tco"]["total"] and
          tco.get("honest") == doc["tco"]["total"] and
          close(tco.get("change", 0), doc["tco"]["total"] - plain["tco"]["total"]) and
          close(tco.get("relative_change", 0),
                (doc["tco"]["total"] - plain["tco"]["total"]) / plain["tco"]["total"]),
          f"audit --honest json: tco_total plan, honest and change, got {tco}")
    npv = pvh.get("metrics", {}).get("npv", {})
    check(npv.get("plan") == plain["metrics"]["npv"] and npv.get("honest") < npv.get("plan"),
          f"audit --honest json: npv plan and honest, got {npv}")
    people = pvh.get("tco_by_category", {}).get("people", {})
    check(close(people.get("relative_change", 0), 0.25),
          f"audit --honest json: people +25%, got {people}")
    rc, out, _ = run("audit", model, "--honest")
    section = out[out.find("PLAN AND HONEST ESTIMATE"):]
    check(rc == 0 and "PLAN AND HONEST ESTIMATE" in out and
          re.search(r"Total cost of ownership\s+28,894,566\s+39,233,406\s+\+10,338,839\s+\+35\.8%",
                    section) is not None and
          re.search(r"Net present value \(NPV\)\s+4,276,862\s+-5,200,365\s+-9,477,227", section)
          is not None,
          "audit --honest text: plan, honest estimate and change side by side")
    rc, out, _ = run("audit", model, "--honest", "-f", "md")
    check("## Plan and honest estimate" in out and
          "| Figure | Plan | Honest estimate | Change | Change (%) |" in out, "audit --honest md")
    rc, out, _ = run("audit", model, "--honest", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    byfig = {r["figure"]: r for r in rows}
    check(rows and list(rows[0].keys()) == ["figure", "plan", "honest", "change", "relative_change"]
          and close(float(byfig["tco_total"]["honest"]), doc["tco"]["total"], 1e-14)
          and byfig["payback_periods"]["honest"] == "" and "tco.people" in byfig,
          "audit --honest csv: one row per metric and category")
    rc, out, _ = run("audit", model, "-f", "json")
    check("plan_vs_honest" not in json.loads(out), "audit without --honest: no comparison")
    rc, out, _ = run("compare", model)
    bench = out[out.find("\nBENCHMARK"):].splitlines()
    positions = [line.split()[-1] for line in bench
                 if line.split()[:1] in (["Annualised"], ["Payback"], ["Investment"])]
    check("BENCHMARK" in out and positions == ["below", "above", "above"],
          f"compare text: positions {positions}")
    # the benchmark's annual ROI range is compared with the annualised ROI
    # (horizon totals / 3 years), not the first-year ROI (-78.4%)
    roi_line = [line for line in bench if line.split()[:2] == ["Annualised", "ROI"]]
    check(len(roi_line) == 1 and "24.4%" in roi_line[0] and "-78.4%" not in out.split("BENCHMARK")[-1],
          f"compare text: annualised ROI 24.4% compared, got {roi_line}")
    check("First-year ROI" in out and "Basic ROI" not in out, "compare text: roi_basic named first-year ROI")
    for fmt in ("json", "csv", "md"):
        rc, out, _ = run("compare", model, "-f", fmt)
        check("annualised ROI" in out or "Annualised ROI" in out,
              f"compare {fmt}: the ROI compared is labelled annualised ROI")
    doc = json.loads(run("compare", model, "-f", "json")[1])
    check(doc["benchmark"]["roi"]["figure"] == "roi_annualised" and
          doc["benchmark"]["roi"]["value"] == doc["metrics"]["roi_annualised"] and
          close(doc["metrics"]["roi_annualised"],
                (doc["metrics"]["annual_benefits"] - doc["metrics"]["annual_costs"])
                / doc["metrics"]["annual_costs"]),
          "compare json: benchmark roi is metrics.roi_annualised")


def test_options():
    model = example("genai-support-rollout")
    base = report_json("genai-support-rollout")
    # --scenario selects one scenario
    doc = report_json("genai-support-rollout", "--scenario", "worst")
    check(doc.get("evaluation", {}).get("scenario") == "worst", "--scenario: evaluation.scenario")
    want = base["scenarios"][2]["metrics"]
    diffs = []
    compare(doc["metrics"], want, "metrics", diffs)
    check(not diffs, "--scenario worst: metrics equal scenarios[worst] " + "; ".join(diffs[:3]))
    check(doc["metrics"]["npv"] < base["metrics"]["npv"], "--scenario worst: lower NPV")
    # its own TCO and schedule; the all-scenario figures labelled as such
    check(doc["tco"]["total"] == want["tco_total"] and doc["tco"]["total"] != base["tco"]["total"],
          "--scenario worst: the scenario's own TCO")
    check(close(sum(r["costs"] for r in doc["schedule"]), want["tco_total"]) and
          doc["schedule"][-1]["cumulative"] != base["schedule"][-1]["cumulative"],
          "--scenario worst: the scenario's own schedule")
    over = ["roi_risk_adjusted", "expected_npv", "expected_benefits", "expected_costs"]
    check(sorted(doc["evaluation"].get("all_scenario_metrics", [])) == sorted(over) and
          sorted(base["evaluation"].get("all_scenario_metrics", [])) == sorted(over) and
          all(doc["metrics"][k] == base["metrics"][k] for k in over),
          "--scenario: evaluation.all_scenario_metrics names the figures over all scenarios")
    rc, out, _ = run("report", model, "-s", "worst")
    check(rc == 0 and "33,228,751" in out and "28,894,566" not in out and
          re.search(r"Risk-adjusted ROI \(all scenarios\)\s+15\.8%", out) is not None and
          re.search(r"Expected NPV \(all scenarios\)\s+TWD 2,218,232", out) is not None and
          "risk-adjusted ROI 15.8% (all scenarios)" in out and 'scenario "worst" (probability 25.0%)' in out,
          "--scenario text: its own figures, all-scenario figures labelled")
    rc, out, _ = run("report", model, "-s", "worst", "-f", "md")
    check("## Key metrics of the scenario" in out and "| Risk-adjusted ROI (all scenarios) | 15.8% |" in out,
          "--scenario md: all-scenario figures labelled")
    rc, out, _ = run("report", model, "-s", "worst", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    check(close(sum(float(r["costs"]) for r in rows), want["tco_total"], 1e-12),
          "--scenario csv: the scenario's own schedule")
    for fmt in ("text", "json", "csv", "md"):
        rc, out, err = run("report", model, "-s", "nosuch", "-f", fmt)
        check(rc == 2 and out == "" and "no scenario named 'nosuch'" in err and
              "scenarios of the model: best, base, worst" in err,
              f"unknown scenario ({fmt}): exit {rc}, the names listed: {err!r}")
    # -o writes a file and nothing on stdout
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "out.json")
        rc, out, err = run("report", model, "--format", "json", "-o", path)
        check(rc == 0 and out == "" and err == "", f"-o: exit {rc}, stdout {out!r:.40}")
        with open(path, encoding="utf-8") as f:
            check(json.load(f)["metrics"] == base["metrics"], "-o: same document")
        rc, out, err = run("report", model, "--output=" + os.path.join(d, "r.md"), "-f", "md")
        check(rc == 0 and os.path.getsize(os.path.join(d, "r.md")) > 0, "--output=FILE")
        rc, out, err = run("report", model, "-o", os.path.join(d, "no", "such", "dir", "x"))
        check(rc == 1 and "cannot" in err and out == "", f"-o unwritable: exit {rc}")
    # --honest raises costs
    rc, out, _ = run("audit", model, "--format", "json", "--honest")
    check(rc == 0 and json.loads(out)["tco"]["total"] > base["tco"]["total"], "--honest")
    check(json.loads(out)["evaluation"]["honest_estimate"] is True, "--honest flagged")
    # compare: use case from the model, from --use-case, or none
    rc, out, err = run("compare", example("example3-three-year"))
    check(rc == 1 and "use_case" in err, f"compare without use case: exit {rc}")
    rc, out, err = run("compare", example("example3-three-year"), "--use-case", "churn",
                       "--format", "json")
    check(rc == 0 and json.loads(out)["benchmark"]["use_case"] == "churn_prediction",
          f"compare --use-case: exit {rc} {err}")
    rc, out, err = run("compare", model, "--use-case", "time_travel")
    check(rc == 2 and "time_travel" in err, f"compare bad use case: exit {rc}")
    # model from standard input
    with open(example("example3-three-year"), "rb") as f:
        rc, out, err = run("report", "-", "--format", "json", stdin=f.read())
    check(rc == 0 and close(json.loads(out)["metrics"]["npv"], 425.707463293197, 1e-6),
          f"stdin: exit {rc} {err}")


def test_exit_statuses():
    model = example("genai-support-rollout")
    rc, out, err = run("validate", model)
    check(rc == 0 and "valid" in out and err == "", f"validate good: exit {rc} {err}")
    with tempfile.TemporaryDirectory() as d:
        broken = os.path.join(d, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(BROKEN)
        for cmd in ["validate", "report", "audit", "compare"]:
            rc, out, err = run(cmd, broken)
            check(rc == 1, f"{cmd} broken: exit {rc}")
            check(out == "", f"{cmd} broken: stdout must be empty, got {out!r:.60}")
            lines = err.strip().splitlines()
            check(len(lines) >= 2, f"{cmd} broken: every diagnostic listed: {lines}")
            pat = re.compile(re.escape(broken) + r":(\d+):(\d+): \S")
            check(all(pat.match(l) for l in lines), f"{cmd} broken: FILE:LINE:COL: {lines}")
        rc, out, err = run("validate", broken)
        where = {int(m.group(1)) for m in re.finditer(re.escape(broken) + r":(\d+):", err)}
        check({5, 8} <= where, f"diagnostics at lines 5 (colour) and 8 (peeple): {where}")
        syntax = os.path.join(d, "syntax.yaml")
        with open(syntax, "w", encoding="utf-8") as f:
            f.write("airoi: 1\nproject: [unclosed\n")
        rc, out, err = run("report", syntax)
        check(rc == 1 and re.match(re.escape(syntax) + r":\d+:\d+: ", err), f"syntax: {err!r}")
    rc, out, err = run("report", "/nonexistent/model.yaml")
    check(rc == 1 and out == "" and "/nonexistent/model.yaml" in err, f"missing file: exit {rc}")
    usage = [[], ["frobnicate", model], ["--frobnicate"], ["report"],
             ["report", model, "--bogus"], ["report", model, "--format", "pdf"],
             ["report", model, "--format"], ["report", model, model],
             ["validate", model, "--format", "json"], ["audit", model, "--scenario", "x"],
             ["help", "nosuch"], ["--version", "extra"]]
    for args in usage:
        rc, out, err = run(*args)
        check(rc == 2 and out == "" and err, f"usage error {args}: exit {rc}, stdout {out!r:.40}")


HUGE = """airoi: 1
project: {name: Huge, currency: TWD, horizon: 3, discount_rate: 1.0}
costs:
  - {name: Staff, category: people, amount: 6e307, per: year, from: 0}
values:
  - {name: Saved, dimension: efficiency, amount: 6e307, per: year, from: 0}
"""


def test_evaluation_errors():
    """Regression: a model whose evaluation overflows was called valid by
    `validate`, and `report` printed an empty message (or garbage numbers)."""
    with tempfile.TemporaryDirectory() as d:
        huge = os.path.join(d, "huge.yaml")
        with open(huge, "w", encoding="utf-8") as f:
            f.write(HUGE)
        for cmd in ["validate", "report", "audit"]:
            rc, out, err = run(cmd, huge)
            check(rc == 1 and out == "", f"{cmd} huge: exit {rc}, stdout {out!r:.60}")
            check(err.startswith(huge + ": the base case: ") and "overflows" in err,
                  f"{cmd} huge: message {err!r}")
        # honest estimates multiply costs: valid only if `report --honest` works
        with open(huge, "w", encoding="utf-8") as f:
            f.write(HUGE.replace("6e307", "4e307"))
        rc, out, err = run("report", huge, "--format", "json")
        check(rc == 0, f"report 4e307: exit {rc} {err}")
        rc, out, err = run("report", huge, "--honest")
        check(rc == 1 and "overflows" in err, f"report --honest 4e307: exit {rc} {err!r}")
        rc, out, err = run("validate", huge)
        check(rc == 1 and out == "" and "--honest" in err and "overflows" in err,
              f"validate 4e307: exit {rc} {err!r}")

WARN_HEAD = "airoi: 1\nproject:\n  name: P\n  currency: TWD\n"
WARN_BUILD = "costs:\n  - {name: Build, category: people, amount: 350, per: once}\n"
WARN_GAIN = "values:\n  - {name: Gain, dimension: efficiency, amount: 200, per: year}\n"

# (model, LINE:COL, message) of each plausibility warning
# (docs/model-format.md#plausibility-warnings)
WARNINGS = [
    (WARN_HEAD + "  horizon: 3\n  discount_rate: 10\n" + WARN_BUILD + WARN_GAIN, "6:18",
     "warning: project.discount_rate: 10 means 1000% a year; did you mean 0.10?"),
    (WARN_HEAD + "  horizon: 3\n  finance_rate: 5\n" + WARN_BUILD + WARN_GAIN, "6:17",
     "warning: project.finance_rate: 5 means 500% a year; did you mean 0.05?"),
    (WARN_HEAD + "  horizon: 3\n  reinvest_rate: 12.5\n" + WARN_BUILD + WARN_GAIN, "6:18",
     "warning: project.reinvest_rate: 12.5 means 1250% a year; did you mean 0.125?"),
    (WARN_HEAD + "  horizon: 3\n" + WARN_BUILD +
     "values:\n  - {name: Gain, dimension: efficiency, amount: 200, growth: 3}\n", "9:62",
     "warning: values[0].growth: 3 means 300% a year; did you mean 0.03?"),
    (WARN_HEAD + "  horizon: 120\n" + WARN_BUILD + WARN_GAIN, "5:12",
     "warning: project.horizon: 120 yearly periods are 120 years; if the periods are months, "
     "set period: month (a yearly model rarely looks further than 50 years)"),
    (WARN_HEAD + "  horizon: 3\nfx: {TWD: 1}\n" + WARN_BUILD + WARN_GAIN, "6:6",
     "warning: fx.TWD: TWD is the project's own currency: its rate is always 1, so this entry "
     "(rate 1) is ignored; remove it"),
    ("airoi: 1\nproject:\n  name: P\n  currency: usd\n  horizon: 3\n" + WARN_BUILD + WARN_GAIN,
     "4:13", "warning: project.currency: 'usd' is not an ISO 4217 currency code; did you mean USD?"),
    (WARN_HEAD + "  horizon: 3\nfx: {ABC: 2}\n" + WARN_BUILD + WARN_GAIN, "6:6",
     "warning: fx.ABC: 'ABC' is not an ISO 4217 currency code (three capital letters such as "
     "USD, EUR or TWD); amounts in it are converted with the rate given in fx"),
    (WARN_HEAD + "  horizon: 3\n" + WARN_BUILD + "values: []\n", "8:1",
     "warning: values: the project has no value items: ROI, NPV and payback count its costs "
     "only; list its benefits under values"),
    (WARN_HEAD + "  horizon: 3\n" + WARN_BUILD +
     "values:\n  - {name: Gain, dimension: revenue, amount: -500}\n", "9:46",
     "warning: values[0].amount: -500 is a negative value; model a dis-benefit (lost revenue, "
     "a new risk) as a cost item of category opportunity, so that ROI and the audit count it "
     "as a cost"),
    (WARN_HEAD + "  horizon: 3\n" +
     "costs:\n  - {name: Licence, category: software, amount: -200, per: month}\n" + WARN_GAIN,
     "7:49",
     "warning: costs[0].amount: -200 is a negative recurring cost; model a saving as a value "
     "item of dimension efficiency; only a one-time cost (per: once) may be negative, as a "
     "refund"),
]


def test_plausibility_warnings():
    """Each warning is printed on stderr as FILE:LINE:COL: warning: ... by
    `validate` and `report`; the model is still valid and evaluates."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "w.yaml")
        for model, where, message in WARNINGS:
            with open(path, "w", encoding="utf-8") as f:
                f.write(model)
            want = f"{path}:{where}: {message}\n"
            rc, out, err = run("validate", path)
            check(rc == 0 and out.startswith(path + ": valid: "), f"validate {message}: exit {rc}")
            check(err == want, f"validate: stderr {err!r}, expected {want!r}")
            rc, out, err = run("report", path, "--format", "json")
            check(rc == 0 and json.loads(out or "null") is not None, f"report {message}: exit {rc}")
            check(err == want, f"report: stderr {err!r}, expected {want!r}")
        # a refund (a negative one-time cost) is not warned about
        with open(path, "w", encoding="utf-8") as f:
            f.write(WARN_HEAD + "  horizon: 3\n" + WARN_BUILD +
                    "  - {name: Refund, category: software, amount: -50, per: once, at: 2}\n" +
                    WARN_GAIN)
        rc, out, err = run("validate", path)
        check(rc == 0 and err == "", f"refund: exit {rc}, stderr {err!r}")
        # a lowercase currency without a rate: an error that suggests the code
        with open(path, "w", encoding="utf-8") as f:
            f.write(WARN_HEAD + "  horizon: 3\nfx: {USD: 32}\n" +
                    "costs:\n  - {name: Build, category: people, amount: 350, currency: usd}\n" +
                    WARN_GAIN)
        rc, out, err = run("validate", path)
        want = f"{path}:8:60: costs[0].currency: currency 'usd' has no rate in fx; did you mean USD?\n"
        check(rc == 1 and err == want, f"usd: exit {rc}, stderr {err!r}, expected {want!r}")
        # libyaml's indentation errors name the line to look at
        with open(path, "w", encoding="utf-8") as f:
            f.write("airoi: 1\nproject:\n  name: x\n   horizon: 3\n")
        rc, out, err = run("validate", path)
        check(rc == 1 and err.startswith(f"{path}:4:11: syntax error: mapping values are not "
                                         "allowed") and
              "hint: check the indentation of line 4" in err, f"indentation: {err!r}")


def test_help_and_version():
    rc, out, err = run("--version")
    check(rc == 0 and re.match(r"airoi \d+\.\d+\.\d+", out), f"--version: {out!r}")
    rc, out, err = run("-V")
    check(rc == 0 and out.startswith("airoi "), "-V")
    for args in (["--help"], ["-h"], ["help"]):
        rc, out, err = run(*args)
        check(rc == 0 and out.startswith("Usage: airoi") and err == "", f"{args}")
        for cmd in ["report", "validate", "audit", "compare", "simulate", "tornado", "stages",
                    "breakeven", "portfolio"]:
            check(f"  {cmd} " in out, f"{args} lists {cmd}")
    for cmd in ["report", "validate", "audit", "compare", "simulate", "tornado", "stages",
                "breakeven", "portfolio"]:
        for args in ([cmd, "--help"], [cmd, "-h"], ["help", cmd], [cmd, "FILE", "--help"]):
            rc, out, err = run(*args)
            check(rc == 0 and out.startswith(f"Usage: airoi {cmd}") and err == "",
                  f"{args}: exit {rc}")


def test_portfolio():
    """`airoi portfolio` on the bundled example in every format; a bad file exits 1."""
    path = os.path.join(EXAMPLES, "portfolio", "ai-programme-2027.yaml")
    rc, out, err = run("portfolio", path, "--format", "json")
    check(rc == 0, f"portfolio json: exit {rc}: {err}")
    if rc == 0:
        p = json.loads(out)["portfolio"]
        for key in ["budget", "measure", "selected", "total_npv", "total_investment",
                    "expected_npv", "projects"]:
            check(key in p, f"portfolio json: no {key}")
        for q in p["projects"]:
            for key in ["name", "currency", "npv", "irr", "roi_risk_adjusted", "pi",
                        "investment", "selected", "rank_npv", "rank_irr", "rank_pi",
                        "rank_roi_risk_adjusted"]:
                check(key in q, f"portfolio json: project without {key}")
        chosen = [q for q in p["projects"] if q["selected"]]
        check([q["name"] for q in chosen] == p["selected"], "selected in file order")
        check(abs(sum(q["investment"] for q in chosen) - p["total_investment"]) < 1e-6,
              "total_investment")
        check(p["total_investment"] <= p["budget"], "within the budget")
    for fmt, start in [("text", "Portfolio: "), ("md", "# Portfolio: "), ("csv", "name,currency,npv"),
                       ("html", "<!DOCTYPE html>")]:
        rc, out, err = run("portfolio", path, "--format", fmt)
        check(rc == 0 and out.startswith(start), f"portfolio {fmt}: exit {rc}: {out[:40]!r} {err}")
    # the Monte Carlo of the chosen set: the same figures for any thread count
    shared = os.path.join(EXAMPLES, "portfolio", "shared-drivers-2027.yaml")
    sims = []
    for threads in ["1", "2"]:
        rc, out, err = run("portfolio", shared, "--trials", "3000", "--seed", "5", "--threads",
                           threads, "--format", "json")
        check(rc == 0, f"portfolio --simulate: exit {rc}: {err}")
        if rc == 0:
            sims.append(json.loads(out)["portfolio"]["simulation"])
    if len(sims) == 2:
        check(sims[0] == sims[1], "portfolio simulation: threads change the figures")
        s = sims[0]
        check(s["trials"] == 3000 and s["seed"] == 5, "portfolio simulation: trials and seed")
        check(abs(sum(q["contribution"] for q in s["projects"]) - 1) < 1e-9,
              "portfolio simulation: contributions sum to 1")
        check([d["name"] for d in s["drivers"]] == ["adoption", "vendor price"],
              f"portfolio simulation: drivers {s['drivers']}")
    for bad in [["--sampling", "sobol"], ["--outputs", "irr"], ["--trials", "many"]]:
        rc, out, err = run("portfolio", shared, *bad)
        check(rc == 2 and out == "", f"portfolio {bad}: exit {rc}: {err!r}")
    rc, out, err = run("portfolio", os.path.join(EXAMPLES, "example1-visual-inspection.yaml"))
    check(rc == 1 and "example1-visual-inspection.yaml:" in err and "'portfolio'" in err,
          f"a model is not a portfolio: exit {rc}: {err!r}")


# --------------------------------------------------------------------------
# airoi track: golden JSON of the bundled mid-way model, every format, errors
# --------------------------------------------------------------------------
def test_track():
    name = "tracking-midway"
    rc, out, err = run("track", example(name), "--format", "json")
    check(rc == 0, f"track json: exit {rc}: {err}")
    if rc == 0:
        got = json.loads(out)
        with open(os.path.join(GOLDEN, name + ".track.json"), encoding="utf-8") as f:
            want = json.load(f)
        diffs = []
        compare(got, want, "", diffs)
        check(not diffs, "golden track: " + "; ".join(diffs[:10]))
        check(list(got)[:5] == ["airoi_version", "project", "tracking", "indicators", "gates"],
              f"track json: top level {list(got)}")
        t = got["tracking"]
        for key in ["as_of", "to_date", "variance", "variance_by_category",
                    "variance_by_dimension", "reforecast", "reforecast_run_rate", "payback"]:
            check(key in t, f"track json: tracking without {key}")
        base = report_json(name)
        check(set(t["reforecast"]["metrics"]) == set(base["metrics"]),
              "track json: the re-forecast has every base-case metric key")
        check(abs(t["reforecast"]["metrics"]["npv"] - base["metrics"]["npv"]) > 1,
              "track json: the re-forecast differs from the plan")
    for fmt, start in [("text", "Tracking: "), ("md", "# Tracking: "),
                       ("csv", "item,kind,class,actual,planned,variance,variance_share"),
                       ("html", "<!DOCTYPE html>")]:
        rc, out, err = run("track", example(name), "--format", fmt)
        check(rc == 0 and out.startswith(start), f"track {fmt}: exit {rc}: {out[:40]!r} {err}")
        if fmt == "html":
            check('id="tracking"' in out and 'id="tracking-chart"' in out,
                  "track html: the plan-against-actual section and chart")
    rc, out, err = run("report", example(name))
    check(rc == 0 and "PLAN AGAINST ACTUAL" in out and "GATE REVIEWS" in out,
          f"report text of a tracked model: exit {rc}: {err}")
    bad = ("airoi: 1\nproject: {name: X, horizon: 2}\n"
           "costs: [{name: A, category: people, amount: 1}]\n"
           "actuals: [{period: 3, item: A, amount: 1}, {period: 1, item: B, amount: 1}]\n"
           "tracking: {as_of: 5}\n")
    rc, out, err = run("track", "-", stdin=bad.encode())
    check(rc == 1 and "<stdin>:4:20: actuals[0].period: period 3 is outside the horizon 0..2" in err
          and "<stdin>:4:62: actuals[1].item: no cost or value item is named 'B'" in err
          and "<stdin>:5:19: tracking.as_of: period 5 is outside the horizon 0..2" in err,
          f"track errors: exit {rc}: {err!r}")


def main():
    for test in [test_track, test_portfolio, test_golden, test_worked_examples, test_json_contract, test_formats,
                 test_options, test_exit_statuses, test_evaluation_errors,
                 test_plausibility_warnings, test_help_and_version]:
        if UPDATE and test is not test_golden:
            continue
        try:
            test()
        except Exception as e:  # a crash in a test is a failure, not an abort
            import traceback
            traceback.print_exc()
            check(False, f"{test.__name__} raised {e!r}")
    print(f"{checks - len(failures)}/{checks} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
