#!/usr/bin/env python3
"""Per-call cost of airoi's NPV, IRR and XIRR from Python, side by side with a
pure-Python reference and a vectorised NumPy version (numpy-financial is not
used: the NumPy NPV and the vectorised Newton IRR/XIRR are written here);
then IPMT over an array (--elements, default 1,000,000) against NumPy code
written as numpy-financial's ``ipmt`` is (whole-array PMT and FV, then masks).

Figures only: it never fails on time.  It checks that the three agree and
says so.

Usage:
  AIROI_LIBRARY=build/lib/libairoi.so PYTHONPATH=bindings/python \
      python3 tests/bench/bench_python.py [--rows 10000] [--cols 11] [--quick]
"""

import argparse
import datetime
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings", "python"))

import airoi  # noqa: E402

try:
    import numpy as np
except ImportError:
    np = None


# ----------------------------------------------------------- pure Python
def py_npv(rate, values):
    return sum(v / (1 + rate) ** (i + 1) for i, v in enumerate(values))


def py_irr(values, guess=0.1, iters=100, tol=1e-12):
    return py_xirr(values, range(len(values)), guess, iters, tol)


def py_xirr(values, years, guess=0.1, iters=100, tol=1e-12):
    r = guess
    for _ in range(iters):
        f = df = 0.0
        for v, y in zip(values, years):
            d = (1 + r) ** -y
            f += v * d
            df -= y * v * d / (1 + r)
        if df == 0:
            return float("nan")
        step = f / df
        r -= step
        if abs(step) < tol * (1 + abs(r)):
            return r
    return float("nan")


# --------------------------------------------------------- vectorised NumPy
def np_npv(rate, a):
    """NPV of each row (Excel convention) as one matrix-vector product."""
    a = np.atleast_2d(a)
    disc = (1.0 + rate) ** -np.arange(1, a.shape[1] + 1)
    return a @ disc


def np_newton(a, times, guess=0.1, iters=100, tol=1e-12):
    """Vectorised Newton on every row at once: NPV(r) = sum a * (1+r)^-times."""
    a = np.atleast_2d(a)
    r = np.full(a.shape[0], guess)
    active = np.ones(a.shape[0], dtype=bool)
    for _ in range(iters):
        d = (1.0 + r[:, None]) ** -times[None, :]
        f = (a * d).sum(axis=1)
        df = -(a * times * d).sum(axis=1) / (1.0 + r)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = np.where(active, f / df, 0.0)
        r = r - step
        active &= ~(np.abs(step) < tol * (1 + np.abs(r)))
        if not active.any():
            break
    r[active | ~np.isfinite(r)] = np.nan
    return r


# ------------------------------------------------------------------ timing
def np_ipmt(rate, per, nper, pv, fv=0.0, when=0):
    """IPMT as numpy-financial computes it: broadcast, whole-array PMT, the
    balance after per - 1 periods by the FV formula, masks for per < 1 and
    for payments at the start."""
    rate, per, nper, pv, fv, when = np.broadcast_arrays(rate, per, nper, pv, fv, when)
    temp = (1 + rate) ** nper
    zero = rate == 0
    r1 = np.where(zero, 1.0, rate)
    fact = np.where(zero, nper, (1 + r1 * when) * (temp - 1) / r1)
    pmt = -(fv + pv * temp) / fact
    t = (1 + r1) ** (per - 1)
    bal = np.where(zero, -(pv + pmt * (per - 1)), -pv * t - pmt * (1 + r1 * when) / r1 * (t - 1))
    out = bal * rate
    out[per < 1] = np.nan
    begin = when == 1
    out[begin & (per == 1)] = 0.0
    later = begin & (per > 1)
    out[later] = out[later] / (1 + rate[later])
    return out


def per_call(fn, calls, budget=0.4):
    """Seconds per call of fn(), over at least `budget` seconds (or one run)."""
    fn()
    n = 0
    start = time.perf_counter()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget:
            break
    return elapsed / (n * calls)


def fmt(seconds):
    if seconds != seconds:
        return "n/a"
    if seconds < 1e-6:
        return "%.0f ns" % (seconds * 1e9)
    if seconds < 1e-3:
        return "%.2f us" % (seconds * 1e6)
    return "%.2f ms" % (seconds * 1e3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10000, help="rows of the batch runs (default 10000)")
    ap.add_argument("--cols", type=int, default=11, help="cash flows per row (default 11)")
    ap.add_argument("--elements", type=int, default=1000000, help="elements of the IPMT run (default 1000000)")
    ap.add_argument("--quick", action="store_true", help="short timing budget (for smoke runs)")
    args = ap.parse_args()
    budget = 0.05 if args.quick else 0.4

    rnd = random.Random(42)
    rows = [[-rnd.uniform(500, 1500)] + [rnd.uniform(50, 400) for _ in range(args.cols - 1)]
            for _ in range(args.rows)]
    start = datetime.date(2024, 1, 1)
    dates = [start + datetime.timedelta(days=int(365.25 * k / 2) + rnd.randint(0, 20)) for k in range(args.cols)]
    dates[0] = start
    years = [(d - start).days / 365.0 for d in dates]
    row = rows[0]
    rate = 0.08

    print("airoi %s, libairoi %s at %s" % (airoi.__version__, airoi.library_version(), airoi.library_path))
    print("python %s; numpy %s; %d rows x %d cash flows; per-call cost (batch: per row)\n"
          % (sys.version.split()[0], np.__version__ if np else "absent", args.rows, args.cols))

    table = []
    small = rows[: max(1, min(len(rows), 500))]  # pure-Python batch runs on a slice

    # scalar
    a_row = np.array(row) if np else None
    table.append(("npv scalar", per_call(lambda: airoi.npv(rate, row), 1, budget),
                  per_call(lambda: py_npv(rate, row), 1, budget),
                  per_call(lambda: np_npv(rate, a_row), 1, budget) if np else float("nan")))
    times_np = np.arange(args.cols, dtype=float) if np else None
    table.append(("irr scalar", per_call(lambda: airoi.irr(row), 1, budget),
                  per_call(lambda: py_irr(row), 1, budget),
                  per_call(lambda: np_newton(a_row, times_np), 1, budget) if np else float("nan")))
    years_np = np.array(years) if np else None
    table.append(("xirr scalar", per_call(lambda: airoi.xirr(row, dates), 1, budget),
                  per_call(lambda: py_xirr(row, years), 1, budget),
                  per_call(lambda: np_newton(a_row, years_np), 1, budget) if np else float("nan")))

    # batch
    if np:
        a = np.array(rows)
        batch_in = a
    else:
        batch_in = rows
    n = len(rows)
    table.append(("npv batch", per_call(lambda: airoi.npv_batch(rate, batch_in), n, budget),
                  per_call(lambda: [py_npv(rate, r) for r in small], len(small), budget),
                  per_call(lambda: np_npv(rate, a), n, budget) if np else float("nan")))
    table.append(("irr batch", per_call(lambda: airoi.irr_batch(batch_in), n, budget),
                  per_call(lambda: [py_irr(r) for r in small], len(small), budget),
                  per_call(lambda: np_newton(a, times_np), n, budget) if np else float("nan")))
    table.append(("xirr batch", per_call(lambda: airoi.xirr_batch(batch_in, dates), n, budget),
                  per_call(lambda: [py_xirr(r, years) for r in small], len(small), budget),
                  per_call(lambda: np_newton(a, years_np), n, budget) if np else float("nan")))
    table.append(("npv batch (lists)", per_call(lambda: airoi.npv_batch(rate, rows), n, budget),
                  float("nan"), float("nan")))

    print("%-18s %12s %14s %12s %12s %12s" % ("case", "airoi", "pure Python", "NumPy", "vs Python", "vs NumPy"))
    for name, t_airoi, t_py, t_np in table:
        print("%-18s %12s %14s %12s %12s %12s" % (
            name, fmt(t_airoi), fmt(t_py), fmt(t_np),
            ("%.1fx" % (t_py / t_airoi)) if t_py == t_py else "",
            ("%.1fx" % (t_np / t_airoi)) if t_np == t_np else ""))

    # agreement (informative)
    worst = 0.0
    got_irr = airoi.irr_batch(rows)
    for r, g in zip(small, got_irr):
        ref = py_irr(r)
        if g is not None and ref == ref:
            worst = max(worst, abs(g - ref) / max(1.0, abs(ref)))
    if np:
        v = np_newton(a, times_np)
        b = airoi.irr_batch(a)
        ok = np.isfinite(v) & np.isfinite(b)
        if ok.any():
            worst = max(worst, float(np.max(np.abs(v[ok] - b[ok]) / np.maximum(1.0, np.abs(v[ok])))))
        worst = max(worst, float(np.max(np.abs(np_npv(rate, a) - airoi.npv_batch(rate, a))
                                        / np.maximum(1.0, np.abs(np_npv(rate, a))))))
    print("\nlargest relative difference between airoi and the references: %.1e" % worst)
    if np:
        ipmt_table(args.elements, budget)
    return 0


def ipmt_table(n, budget):
    """IPMT over n elements (monthly loans of 1 to 30 years, every period):
    airoi's one C call (airoi_ipmt_batch), the same without the batch form
    (one ctypes call per element, on a slice), and numpy-financial's NumPy."""
    from airoi._scalar import Fn
    rng = np.random.default_rng(42)
    nper = rng.integers(1, 31, size=n) * 12.0
    per = np.floor(rng.uniform(0, 1, size=n) * nper) + 1
    rate = rng.uniform(0.01, 0.12, size=n) / 12
    pv = rng.uniform(1e4, 1e6, size=n)
    print("\nIPMT over %d elements (rate, per, nper, pv arrays; per-element cost)\n" % n)
    one_by_one = Fn("ipmt", "airoi_ipmt", "dddddi", ("rate", "per", "nper", "pv", "fv", "type"))
    m = min(n, 20000)
    t_airoi = per_call(lambda: airoi.ipmt(rate, per, nper, pv), n, budget)
    t_np = per_call(lambda: np_ipmt(rate, per, nper, pv), n, budget)
    t_each = per_call(lambda: one_by_one.broadcast((rate[:m], per[:m], nper[:m], pv[:m], 0.0, 0)), m, budget)
    print("%-28s %12s %12s" % ("case", "per element", "airoi vs it"))
    for name, t in (("airoi.ipmt (one C call)", t_airoi),
                    ("numpy-financial-style NumPy", t_np),
                    ("one ctypes call per element", t_each)):
        print("%-28s %12s %12s" % (name, fmt(t), "%.1fx" % (t / t_airoi)))
    a, b = airoi.ipmt(rate, per, nper, pv), np_ipmt(rate, per, nper, pv)
    print("largest relative difference airoi vs NumPy: %.1e"
          % float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(a)))))


if __name__ == "__main__":
    sys.exit(main())
