#!/usr/bin/env python3
"""Tests of `airoi simulate`, `tornado`, `stages` and `breakeven` on the
bundled model with uncertainties (docs/examples/genai-support-uncertain.yaml):
the JSON keys of docs/cli.md, every format, the same JSON for any thread
count, the options and their errors, per-trial CSV, the staging and
break-even figures against their formulas, and the progress bar (only on a
terminal).

Usage: test_simulate.py AIROI_EXECUTABLE SOURCE_ROOT

Python 3 standard library only.
"""
import csv
import io
import json
import math
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile

AIROI = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
EXAMPLES = os.path.join(ROOT, "docs", "examples")
MODEL = os.path.join(EXAMPLES, "genai-support-uncertain.yaml")
PLAIN = os.path.join(EXAMPLES, "example3-three-year.yaml")
OUTPUTS = ["npv", "irr", "roi_horizon", "npv_roi", "payback_periods"]
INPUTS = ["time saved", "retention", "api bill", "integration overrun", "people cost"]

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


def run(*args):
    p = subprocess.run([AIROI, *args], capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def close(a, b, rel=1e-9):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=rel, abs_tol=rel)


def doc(*args):
    rc, out, err = run(*args, "--format", "json")
    check(rc == 0 and err == "", f"{args}: exit {rc}, stderr {err!r}")
    return json.loads(out) if rc == 0 else {}


def report():
    return doc("report", MODEL)


# --------------------------------------------------------------------------
def test_simulate_json():
    d = doc("simulate", MODEL, "--trials", "4000", "--seed", "11")
    s = d.get("simulation", {})
    for k in ["trials", "seed", "sampling", "outputs", "prob_npv_positive", "irr_undefined_share",
              "sensitivity", "convergence", "staging", "value_at_risk", "expected_shortfall",
              "tail", "roi_target", "prob_roi_above_target"]:
        check(k in s, f"simulate json: simulation.{k} missing")
    check(s.get("trials") == 4000 and s.get("seed") == 11, "simulate: --trials and --seed")
    check(s.get("sampling") == "random", "simulate: the model's sampling")
    check(sorted(s.get("outputs", {})) == sorted(OUTPUTS), f"simulate: outputs {list(s.get('outputs', {}))}")
    for name, o in s.get("outputs", {}).items():
        for k in ["mean", "sd", "se", "min", "max", "percentiles", "histogram"]:
            check(k in o, f"simulate: outputs.{name}.{k} missing")
        pct = o.get("percentiles", {})
        check(list(pct) == ["5", "10", "50", "90", "95"], f"{name}: percentile keys {list(pct)}")
        vals = [pct[k] for k in pct if pct[k] is not None]
        check(vals == sorted(vals), f"{name}: percentiles in order")
        h = o.get("histogram", {})
        check(len(h.get("edges", [])) == len(h.get("counts", [])) + 1 and h.get("counts"),
              f"{name}: histogram has bins + 1 edges")
        check(sum(h.get("counts", [])) == o.get("defined"), f"{name}: histogram counts the defined trials")
        if o.get("sd") is not None and o.get("defined"):
            check(close(o["se"], o["sd"] / math.sqrt(o["defined"]), 1e-12), f"{name}: se = sd / sqrt(n)")
    npv = s["outputs"]["npv"]
    check(npv["defined"] == 4000, "npv is defined in every trial")
    check(npv["min"] <= npv["percentiles"]["5"] <= npv["max"], "npv: min <= P5 <= max")
    check(0 <= s["prob_npv_positive"] <= 1 and s["prob_npv_positive"] == npv["prob_positive"],
          "prob_npv_positive")
    check(s["value_at_risk"] == npv["value_at_risk"] and s["expected_shortfall"] >= s["value_at_risk"],
          "value at risk and expected shortfall, both losses (ES >= VaR)")
    check("never_share" in s["outputs"]["payback_periods"], "payback_periods.never_share")
    check(s["irr_undefined_share"] == s["outputs"]["irr"]["undefined_share"], "irr_undefined_share")
    sens = s["sensitivity"]
    check([x["input"] for x in sens] and sorted(x["input"] for x in sens) == sorted(INPUTS),
          f"sensitivity names every input: {[x['input'] for x in sens]}")
    check(close(sum(x["variance_share"] for x in sens), 1, 1e-9), "variance shares sum to 1")
    check(all(-1 <= x["rank_correlation"] <= 1 for x in sens), "rank correlations in [-1, 1]")
    for x in sens:
        check(close(x["variance_share"], x["rank_correlation"] ** 2 /
                    sum(y["rank_correlation"] ** 2 for y in sens), 1e-9),
              f"{x['input']}: variance share = rho^2 / sum rho^2")
    conv = s["convergence"]
    check(conv and conv[-1]["trials"] == 4000 and close(conv[-1]["mean_npv"], npv["mean"], 1e-9) and
          close(conv[-1]["prob_npv_positive"], s["prob_npv_positive"], 1e-12),
          "convergence ends with the whole run")
    st = s["staging"]
    check(st is not None and sorted(st) == sorted(["prob_production", "expected_cost", "expected_npv",
                                                   "npv_all_in", "value_of_staging"]),
          f"simulation staging keys {st}")
    # defaults of the model's simulation: section
    d = doc("simulate", MODEL, "--outputs", "npv")
    check(d["simulation"]["trials"] == 20000 and d["simulation"]["seed"] == 20260101,
          "the model's simulation: trials and seed")


def test_threads_and_determinism():
    base = ["simulate", MODEL, "--trials", "3000", "--seed", "5", "--format", "json"]
    outs = [run(*base, "--threads", t) for t in ("1", "2", "8")]
    check(all(o[0] == 0 for o in outs), "simulate --threads 1, 2, 8 exit 0")
    check(outs[0][1] == outs[1][1] == outs[2][1], "byte-identical JSON for 1, 2 and 8 threads")
    other = run(*base[:-4], "--seed", "6", "--format", "json")
    check(other[1] != outs[0][1], "another seed, another result")


def test_options():
    d = doc("simulate", MODEL, "--trials", "1500", "--outputs", "npv,irr",
            "--percentiles", "1,25,75,99,2.5")
    s = d.get("simulation", {})
    check(list(s.get("outputs", {})) == ["npv", "irr"], f"--outputs npv,irr: {list(s.get('outputs', {}))}")
    keys = list(s.get("outputs", {}).get("npv", {}).get("percentiles", {}))
    check(keys == ["5", "10", "50", "90", "95", "1", "25", "75", "99", "2.5"],
          f"--percentiles adds keys as written: {keys}")
    d = doc("simulate", MODEL, "--trials", "1024", "--sampling", "sobol", "--outputs", "npv")
    check(d.get("simulation", {}).get("sampling") == "sobol", "--sampling sobol")
    bad = [["--trials", "0"], ["--trials", "abc"], ["--trials", "1.5"], ["--seed", "-1"],
           ["--outputs", "npv,profit"], ["--percentiles", "150"], ["--percentiles", "x"],
           ["--sampling", "lhs"], ["--threads", "-2"], ["--trials"], ["--bogus"]]
    for args in bad:
        rc, out, err = run("simulate", MODEL, *args)
        check(rc == 2 and out == "" and err.startswith("airoi: "), f"simulate {args}: exit {rc}, {err!r}")
    # limits (docs/errors.md#limits): a setting past its bound is a command-line
    # error; a run past the per-trial storage fails (exit 1) before it starts
    for args, words in [(["--threads", "1025"], "threads: 1025 is above the limit of 1024"),
                        (["--trials", "9007199254740994"], "trials: 9007199254740994 is above the limit"),
                        (["--percentiles", ",".join(["50"] * 101)], "at most 100 are allowed")]:
        rc, out, err = run("simulate", MODEL, *args)
        check(rc == 2 and out == "" and words in err, f"simulate {args[0]} past its limit: exit {rc}, {err!r}")
    rc, out, err = run("simulate", MODEL, "--trials", "1000000000000")
    check(rc == 1 and out == "" and "the limit is 4.29 GB" in err,
          f"simulate --trials 10^12: exit {rc}, {err!r}")
    rc, out, err = run("simulate", MODEL, "--trials", "100", "--threads", "1024", "--format", "json")
    check(rc == 0 and json.loads(out)["simulation"]["trials"] == 100,
          f"simulate --threads 1024 (64 run): exit {rc}, {err!r}")
    for cmd in ["tornado", "stages", "breakeven"]:
        rc, out, err = run(cmd, MODEL, "--trials", "10")
        check(rc == 2 and out == "", f"{cmd} --trials is refused: exit {rc}")
        # html is the business case of `report`: a command-line error here
        rc, out, err = run(cmd, MODEL, "--format", "html")
        check(rc == 2 and out == "" and "airoi report FILE --format html" in err,
              f"{cmd} --format html: exit {rc}, {err!r}")


def test_formats():
    for cmd, extra in [("simulate", ["--trials", "1000"]), ("tornado", []), ("stages", []),
                       ("breakeven", [])]:
        for fmt in ["text", "json", "csv", "md", "markdown"]:
            rc, out, err = run(cmd, MODEL, *extra, "--format", fmt)
            check(rc == 0 and out and err == "", f"{cmd} --format {fmt}: exit {rc}, stderr {err!r}")
            if rc != 0:
                continue
            if fmt == "json":
                json.loads(out, parse_constant=lambda c: check(False, f"{cmd}: {c} in JSON"))
            elif fmt == "csv":
                rows = list(csv.reader(io.StringIO(out, newline="")))
                check(len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows),
                      f"{cmd} csv: a rectangular table with a header")
                check(out.endswith("\r\n"), f"{cmd} csv: CRLF line ends")
            elif fmt in ("md", "markdown"):
                check(out.startswith("# ") and "\n| " in out, f"{cmd} md: heading and tables")
            else:
                check("GenAI customer-support rollout" in out.splitlines()[0], f"{cmd} text: title")
                check("TWD" in out, f"{cmd} text: amounts carry the currency")
    rc, out, _ = run("simulate", MODEL, "--trials", "1000")
    check("OUTPUTS" in out and "SENSITIVITY OF NPV" in out and "HISTOGRAM OF NPV" in out and
          "STAGED INVESTMENT" in out, "simulate text: sections")
    rc, out, _ = run("simulate", MODEL, "--trials", "1000", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    d = doc("simulate", MODEL, "--trials", "1000")
    check([r["output"] for r in rows] == OUTPUTS, "simulate csv: one row per output")
    check(close(float(rows[0]["mean"]), d["simulation"]["outputs"]["npv"]["mean"], 1e-14),
          "simulate csv: the mean of the JSON")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.json")
        rc, out, err = run("tornado", MODEL, "--format", "json", "-o", path)
        check(rc == 0 and out == "" and os.path.getsize(path) > 0, "tornado -o FILE")


def test_trials_out():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "trials.csv")
        rc, out, err = run("simulate", MODEL, "--trials", "2000", "--seed", "3", "--format", "json",
                           "--trials-out", path)
        check(rc == 0 and err == "", f"--trials-out: exit {rc} {err!r}")
        if rc != 0:
            return
        s = json.loads(out)["simulation"]
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        check(len(rows) == 2000 and list(rows[0]) == ["trial"] + OUTPUTS,
              f"--trials-out: 2000 rows, columns {list(rows[0]) if rows else None}")
        npv = [float(r["npv"]) for r in rows]
        check(close(sum(npv) / len(npv), s["outputs"]["npv"]["mean"], 1e-9),
              "--trials-out: the mean of its NPV column is the reported mean")
        check(min(npv) == s["outputs"]["npv"]["min"] and max(npv) == s["outputs"]["npv"]["max"],
              "--trials-out: min and max of the report")
        irr_blank = sum(1 for r in rows if r["irr"] == "")
        check(close(irr_blank / 2000, s["irr_undefined_share"], 1e-12),
              "--trials-out: blank IRR cells are the undefined share")
        rc, out, err = run("simulate", MODEL, "--trials", "10", "--trials-out",
                           os.path.join(tmp, "no", "such", "dir.csv"))
        check(rc == 1 and "cannot" in err and out == "", f"--trials-out unwritable: exit {rc}")


def test_tornado():
    d = doc("tornado", MODEL)
    r = report()
    check(close(d.get("base_npv"), r["metrics"]["npv"], 1e-9), "tornado base_npv = report NPV")
    bars = d.get("tornado", [])
    check(sorted(b["input"] for b in bars) == sorted(INPUTS), f"tornado inputs {[b['input'] for b in bars]}")
    check(all(close(b["swing"], abs(b["high_npv"] - b["low_npv"]), 1e-9) for b in bars),
          "tornado swing = |high_npv - low_npv|")
    check([b["swing"] for b in bars] == sorted((b["swing"] for b in bars), reverse=True),
          "tornado: largest swing first")
    spider = {x["input"]: x["npv"] for x in d.get("spider", [])}
    check(sorted(spider) == sorted(INPUTS), "spider: every input")
    for b in bars:
        sp = spider.get(b["input"], {})
        check(list(sp) == ["10", "25", "50", "75", "90"], f"spider keys {list(sp)}")
        check(close(sp.get("10"), b["low_npv"], 1e-9) and close(sp.get("90"), b["high_npv"], 1e-9),
              f"spider P10 and P90 of {b['input']} are the tornado's ends")
    rc, out, err = run("tornado", PLAIN, "--format", "json")
    check(rc in (0, 1), f"tornado of a model without uncertainties: exit {rc}")
    if rc == 0:
        check(json.loads(out)["tornado"] == [], "tornado without uncertainties: no bars")
    else:
        check("uncertain" in err, f"tornado without uncertainties says why: {err!r}")


def test_stages():
    d = doc("stages", MODEL).get("stages", {})
    r = report()
    rate = r["project"]["period_rate"]
    stages = [(300000, 1, 0.9), (1200000, 2, 0.6), (2400000, 3, 0.7)]
    P, reach, s, ecost, pv_stage, pv_all = 1.0, 1.0, 0, 0.0, 0.0, 0.0
    for c, dur, p in stages:
        ecost += reach * c
        pv_stage += reach * c / (1 + rate) ** s
        pv_all += c / (1 + rate) ** s
        reach *= p
        s += dur
    P = reach
    D = s
    m = r["metrics"]
    total_costs = r["tco"]["total"]
    expected_npv = -pv_stage + P * m["npv"] / (1 + rate) ** D
    all_in = -pv_all + (P * m["pv_benefits"] - m["pv_costs"]) / (1 + rate) ** D
    check(close(d.get("prob_production"), P, 1e-12), f"prob_production {d.get('prob_production')}")
    check(close(d.get("expected_npv"), expected_npv, 1e-9), f"expected_npv {d.get('expected_npv')} vs {expected_npv}")
    check(close(d.get("npv_all_in"), all_in, 1e-9), f"npv_all_in {d.get('npv_all_in')} vs {all_in}")
    check(close(d.get("value_of_staging"), expected_npv - all_in, 1e-9), "value_of_staging")
    check(close(d.get("expected_cost"), ecost + P * total_costs, 1e-9),
          f"expected_cost {d.get('expected_cost')} vs {ecost + P * total_costs}")
    rc, out, err = run("stages", PLAIN)
    check(rc == 1 and out == "" and "no stages" in err, f"stages without stages: exit {rc} {err!r}")


def test_breakeven():
    d = doc("breakeven", MODEL).get("breakeven", {})
    for k in ["values", "costs", "adoption_ceiling", "inputs", "range"]:
        check(k in d, f"breakeven.{k} missing")
    m = report()["metrics"]
    if d.get("values") is not None:
        check(close(d["values"], m["pv_costs"] / m["pv_benefits"], 1e-6),
              f"breakeven values {d['values']} = PV costs / PV benefits")
    else:
        check("values" in d.get("range", {}), "breakeven values null with its range")
    if d.get("costs") is not None:
        check(close(d["costs"], m["pv_benefits"] / m["pv_costs"], 1e-6),
              f"breakeven costs {d['costs']} = PV benefits / PV costs")
    else:
        check("costs" in d.get("range", {}), "breakeven costs null with its range")
    check(sorted(x["input"] for x in d.get("inputs", [])) == sorted(INPUTS), "breakeven: every input")
    for x in d.get("inputs", []):
        check(x["multiplier"] is not None or len(x.get("range", [])) == 2,
              f"breakeven {x['input']}: a multiplier or the range searched")


def on_terminal(args, interrupt=None):
    """Runs airoi with stderr on a pseudo-terminal; with `interrupt`, sends
    SIGINT once stderr shows it. (exit status, stdout bytes, stderr text,
    whether SIGINT was sent)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([AIROI, *args], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    sent = False
    while True:
        r, _, _ = select.select([master], [], [], 120)
        if not r:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if interrupt and not sent and interrupt in seen:
            p.send_signal(signal.SIGINT)
            sent = True
    out = p.stdout.read()
    rc = p.wait()
    os.close(master)
    return rc, out, seen.decode("utf-8", "replace"), sent


def test_progress():
    # not a terminal: nothing on stderr (the tests above check err == "")
    rc, out, err = run("simulate", MODEL, "--trials", "1000", "--format", "json")
    check(rc == 0 and err == "", "no progress bar when stderr is not a terminal")
    # a terminal: a bar with the trials and an estimate of the time left
    rc, out, text, _ = on_terminal(["simulate", MODEL, "--trials", "20000", "--format", "json"])
    check(rc == 0 and json.loads(out)["simulation"]["trials"] == 20000, "simulate on a terminal: exit 0")
    check("20000/20000 trials" in text and "ETA" in text and "[" in text and "%" in text,
          f"progress bar on a terminal: {text[-200:]!r}")
    check(text.endswith("\r" + " " * 78 + "\r"), "the bar is drawn in place and cleared at the end")


def test_cancel():
    # Ctrl-C once the bar shows: cancelled through the progress callback,
    # exit 130, the note on stderr, nothing on stdout.
    rc, out, text, sent = on_terminal(["simulate", MODEL, "--trials", "5000000", "--outputs", "npv",
                                       "--threads", "1", "--format", "json"], interrupt=b"trials")
    check(sent, "the progress bar showed before the end")
    check(rc == 130 and out == b"", f"Ctrl-C: exit {rc}, stdout {out[:60]!r}")
    check("cancelled after" in text and "no result written" in text, f"Ctrl-C note: {text[-200:]!r}")


def main():
    for test in [test_simulate_json, test_threads_and_determinism, test_options, test_formats,
                 test_trials_out, test_tornado, test_stages, test_breakeven, test_progress,
                 test_cancel]:
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
